"""A wheelhouse made from this environment's installed distributions, for offline tests.

CI has no guaranteed network, so the install test cannot fetch wheels. Every
distribution the application needs is installed here already, with a ``RECORD``
listing its files and a ``WHEEL`` file keeping its original tags; writing those
files with the ``wheel`` project's ``WheelFile`` (which writes a fresh RECORD)
gives back an installable wheel for this interpreter and platform. Entries are
stored uncompressed: compressing 300 MB of Qt would take most of the test's time.
Files installed outside site-packages (console scripts, man pages) are left out:
pip writes the scripts again on install.
"""

from __future__ import annotations

import email.parser
import shutil
import zipfile
from importlib import metadata
from pathlib import Path

from wheel.wheelfile import WheelFile

from smartcity_desktop.about import required_distributions

_SKIP_META = {"RECORD", "INSTALLER", "REQUESTED", "direct_url.json"}


def _installed_files(dist: metadata.Distribution) -> list[Path]:
    files = []
    for item in dist.files or []:
        parts = Path(item).parts
        if parts[0] == ".." or "__pycache__" in parts or item.suffix == ".pyc":
            continue
        if parts[0].endswith(".dist-info") and parts[-1] in _SKIP_META:
            continue
        files.append(Path(item))
    return files


def repack(dist: metadata.Distribution, dest: Path, work: Path) -> Path:
    """One installed distribution back into a wheel in ``dest``."""
    root = work / dist.metadata["Name"]
    for rel in _installed_files(dist):
        source = Path(dist.locate_file(rel))
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)
    made = dest / f"{_name_version(dist)}-{_tagline(dist)}.whl"
    with WheelFile(made, "w", compression=zipfile.ZIP_STORED) as wheel:
        wheel.write_files(str(root))
    shutil.rmtree(root)
    return made


def _dist_info(dist: metadata.Distribution) -> str:
    tops = {Path(f).parts[0] for f in dist.files or []}
    (name,) = {top for top in tops if top.endswith(".dist-info")}
    return name


def _name_version(dist: metadata.Distribution) -> str:
    return _dist_info(dist)[: -len(".dist-info")]


def _tagline(dist: metadata.Distribution) -> str:
    """The file-name tag triple of the WHEEL file's ``Tag:`` lines (e.g. ``py2.py3-none-any``)."""
    wheel_meta = email.parser.Parser().parsestr(dist.read_text("WHEEL") or "")
    triples = [tag.split("-") for tag in wheel_meta.get_all("Tag", [])]
    return "-".join(".".join(sorted({t[i] for t in triples})) for i in range(3))


def wheelhouse_from_environment(dest: Path) -> list[Path]:
    """Wheels of everything the application needs, plus pip, from this environment."""
    dest.mkdir(parents=True, exist_ok=True)
    work = dest.parent / f"{dest.name}-work"
    work.mkdir(exist_ok=True)
    try:
        wanted = required_distributions()
        if "pip" not in {d.metadata["Name"].lower() for d in wanted}:
            wanted.append(metadata.distribution("pip"))
        return [repack(dist, dest, work) for dist in wanted]
    finally:
        shutil.rmtree(work, ignore_errors=True)
