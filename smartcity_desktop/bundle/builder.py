"""Building an offline bundle: wheels for one platform, install scripts, README, manifest.

Runs on the connected side. The application wheel is built from the checkout with
``pip wheel --no-deps`` (in a clean copy, so a stale ``build/`` folder cannot leak
into it); every dependency wheel comes from ``pip download --only-binary=:all:``
for the target's platform tags, once per Python version. With a wheelhouse
folder nothing is fetched: pip resolves from that folder only (``--no-index``) and
the application wheel is built with this environment's setuptools.

The bundle is assembled in a hidden folder beside the target and renamed into
place at the end, so a failed build leaves no half-made bundle behind.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .. import __version__
from ..messages import Refusal, msg, register
from ..paths import APP_NAME, REPO_ROOT
from .platforms import SUPPORTED_PYTHONS, Target

TEMPLATES = Path(__file__).resolve().parent / "templates"
MANIFEST = "SHA256SUMS"
PYTHON_VERSIONS_FILE = "python-versions.txt"
WHEELS = "wheels"
_SOURCE_SKIP = shutil.ignore_patterns(
    ".git", ".venv", "venv", "build", "dist", "*.egg-info", "__pycache__", "*.pyc", "_data",
    ".pytest_cache", ".hypothesis", ".ruff_cache", "artifacts", "out", "*.qm",
)

register({
    "bundle.error": ("번들을 만들 수 없습니다: {reason}", "cannot build the bundle: {reason}"),
    "bundle.out_exists": ("{path}: 이미 있고 비어 있지 않습니다. 새 폴더를 지정하십시오",
                          "{path} already exists and is not empty; choose a new folder"),
    "bundle.no_parent": ("{path}: 상위 폴더가 없습니다", "{path}: no such parent folder"),
    "bundle.no_checkout": ("원본 저장소({path})가 없습니다. 저장소 폴더에서 실행하십시오",
                           "no source checkout at {path}; run this from the repository"),
    "bundle.no_wheelhouse": ("{path}: 휠 폴더가 없습니다", "{path}: no such wheel folder"),
    "bundle.bad_python": ("지원하지 않는 Python 버전 '{version}': {supported}",
                          "unsupported Python version '{version}'; use {supported}"),
    "bundle.pip_failed": ("pip {step} 실패: {detail}", "pip {step} failed: {detail}"),
    "bundle.step.wheel": ("[1/3] 응용 프로그램 휠 만들기", "[1/3] building the application wheel"),
    "bundle.step.download": ("[2/3] 의존 패키지 휠 받기: Python {python}, {tags}",
                             "[2/3] fetching dependency wheels: Python {python}, {tags}"),
    "bundle.step.finish": ("[3/3] 설치 스크립트, 안내서, SHA-256 목록 쓰기",
                           "[3/3] writing install scripts, README and the SHA-256 manifest"),
})


class BundleError(Refusal):
    """A bundle that could not be built; nothing was left at the target."""


@dataclass(frozen=True)
class BundleResult:
    path: Path
    wheels: list[str]
    size_bytes: int


def _pip(args: Sequence[str], step: str, *, isolated: bool) -> None:
    env = dict(os.environ)
    command = [sys.executable, "-m", "pip", *args]
    if isolated:
        # Only the given folder: no pip.conf, PIP_* variables or constraints of this machine.
        env["PIP_CONFIG_FILE"] = os.devnull
        command.insert(3, "--isolated")
    proc = subprocess.run(command, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        lines = [ln.strip() for ln in (proc.stderr or proc.stdout).splitlines() if ln.strip()]
        errors = [ln for ln in lines if ln.startswith("ERROR")] or lines[-1:]
        raise BundleError("bundle.pip_failed", step=step, detail=" ".join(errors[:2])[:400])


def build_app_wheel(dest: Path, *, offline: bool, source: Path = REPO_ROOT) -> Path:
    """``pip wheel --no-deps`` of a clean copy of the checkout; returns the wheel's path."""
    if not (source / "pyproject.toml").is_file():
        raise BundleError("bundle.no_checkout", path=source)
    with tempfile.TemporaryDirectory(prefix="smartcity-src-") as tmp:
        copy = Path(tmp) / "src"
        shutil.copytree(source, copy, ignore=_SOURCE_SKIP)
        args = ["wheel", "--no-deps", "--quiet", "-w", str(dest), str(copy)]
        if offline:
            args.insert(2, "--no-build-isolation")  # no network for setuptools either
        _pip(args, "wheel", isolated=offline)
    built = sorted(dest.glob("smartcity_desktop-*.whl"))
    if not built:
        raise BundleError("bundle.pip_failed", step="wheel", detail="no wheel was written")
    return built[-1]


def download_wheels(app_wheel: Path, dest: Path, target: Target, pythons: Sequence[str],
                    wheelhouse: Path | None, say: Callable[[str], None]) -> None:
    """Every wheel the application and pip need, for each Python and tag set of ``target``."""
    for python in pythons:
        for tags in target.tag_sets:
            say(msg("bundle.step.download", python=python, tags=tags[0]).text())
            args = ["download", "--quiet", "--only-binary=:all:", "--implementation", "cp",
                    "--python-version", python, "--dest", str(dest)]
            for tag in tags:
                args += ["--platform", tag]
            if wheelhouse is not None:
                args += ["--no-index", "--find-links", str(wheelhouse)]
            # pip itself goes in: the installer runs it from its wheel (no ensurepip needed).
            _pip([*args, str(app_wheel), "pip"], "download", isolated=wheelhouse is not None)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_manifest(root: Path) -> Path:
    """``SHA256SUMS`` in ``sha256sum`` format: every file except the manifest itself."""
    lines = []
    for path in sorted(p for p in root.rglob("*") if p.is_file() and p.name != MANIFEST):
        lines.append(f"{sha256_of(path)}  {path.relative_to(root).as_posix()}\n")
    manifest = root / MANIFEST
    manifest.write_text("".join(lines), encoding="utf-8", newline="\n")
    return manifest


def check_manifest(root: Path) -> list[str]:
    """Problems found by checking ``root`` against its manifest (empty when all is well)."""
    listed: dict[str, str] = {}
    for line in (root / MANIFEST).read_text(encoding="utf-8").splitlines():
        digest, _, name = line.partition("  ")
        listed[name] = digest
    problems = [f"missing: {n}" for n in listed if not (root / n).is_file()]
    problems += [f"damaged: {n}" for n, d in listed.items()
                 if (root / n).is_file() and sha256_of(root / n) != d]
    present = {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}
    problems += [f"not listed: {n}" for n in sorted(present - set(listed) - {MANIFEST})]
    return problems


def _copy_templates(root: Path, target: Target, pythons: Sequence[str], wheels: list[str]) -> None:
    for name in target.scripts:
        text = (TEMPLATES / name).read_bytes()
        # Windows scripts keep CRLF line ends; shell scripts must not have them.
        if name.endswith((".bat", ".ps1")):
            text = text.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
        if name.endswith(".ps1"):
            text = b"\xef\xbb\xbf" + text  # BOM: Windows PowerShell 5.1 then reads UTF-8 Korean
        (root / name).write_bytes(text)
        if name.endswith(".sh"):
            (root / name).chmod(0o755)
    readme = (TEMPLATES / "README.txt").read_text(encoding="utf-8")
    readme = readme.replace("{version}", __version__).replace("{platform}", target.name)
    readme = readme.replace("{pythons}", ", ".join(pythons))
    newline = "\r\n" if target.name == "win_amd64" else "\n"
    (root / "README.txt").write_text(readme, encoding="utf-8-sig", newline=newline)
    (root / PYTHON_VERSIONS_FILE).write_text(" ".join(pythons) + "\n", encoding="ascii")
    info = {"application": APP_NAME, "version": __version__, "platform": target.name,
            "python_versions": list(pythons), "wheels": wheels}
    (root / "bundle.json").write_text(json.dumps(info, indent=2, ensure_ascii=False) + "\n",
                                      encoding="utf-8")


def _check_arguments(out: Path, pythons: Sequence[str], wheelhouse: Path | None) -> None:
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise BundleError("bundle.out_exists", path=out)
    if not out.parent.is_dir():
        raise BundleError("bundle.no_parent", path=out)
    for python in pythons:
        if python not in SUPPORTED_PYTHONS:
            raise BundleError("bundle.bad_python", version=python,
                              supported=", ".join(SUPPORTED_PYTHONS))
    if wheelhouse is not None and not wheelhouse.is_dir():
        raise BundleError("bundle.no_wheelhouse", path=wheelhouse)


def build_bundle(target: Target, out: Path, *, pythons: Sequence[str] = SUPPORTED_PYTHONS,
                 wheelhouse: Path | None = None, source: Path = REPO_ROOT,
                 say: Callable[[str], None] = lambda _text: None) -> BundleResult:
    """Build the bundle for ``target`` into the new folder ``out``; all or nothing."""
    out = Path(out).absolute()
    _check_arguments(out, pythons, wheelhouse)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.partial-", dir=out.parent))
    try:
        wheels_dir = staging / WHEELS
        wheels_dir.mkdir()
        say(msg("bundle.step.wheel").text())
        with tempfile.TemporaryDirectory(prefix="smartcity-appwheel-") as tmp:
            app_wheel = build_app_wheel(Path(tmp), offline=wheelhouse is not None, source=source)
            download_wheels(app_wheel, wheels_dir, target, pythons, wheelhouse, say)
        say(msg("bundle.step.finish").text())
        wheels = sorted(p.name for p in wheels_dir.glob("*.whl"))
        _copy_templates(staging, target, pythons, wheels)
        write_manifest(staging)
        staging.chmod(0o755)  # mkdtemp makes it private; a bundle is for others to read
        if out.exists():
            out.rmdir()  # the empty folder the caller may have made
        staging.rename(out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    return BundleResult(out, wheels, size)


def make_zip(folder: Path) -> Path:
    """``folder.zip`` beside the folder, written under a temporary name and then renamed."""
    final = folder.with_name(folder.name + ".zip")
    tmp_base = folder.with_name(f".{folder.name}.zip-partial")
    try:
        written = Path(shutil.make_archive(str(tmp_base), "zip", folder.parent, folder.name))
        os.replace(written, final)
    finally:
        Path(str(tmp_base) + ".zip").unlink(missing_ok=True)
    return final
