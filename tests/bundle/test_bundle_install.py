"""The offline bundle end to end: build it, install it with no index, run it, uninstall it.

The Linux bundle is built from this checkout with ``--wheelhouse`` fed by wheels
made from this environment's installed distributions (:mod:`.wheelhouse`), so
the test needs no network. The Windows bundle needs PyPI; that test skips when
the package index cannot be reached.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from smartcity_desktop import __version__
from smartcity_desktop.bundle import BundleError, build_bundle, check_manifest, target

from .wheelhouse import wheelhouse_from_environment

pytestmark = pytest.mark.slow
PYTHON = f"{sys.version_info[0]}.{sys.version_info[1]}"


@pytest.fixture(scope="module")
def linux_bundle(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("bundle")
    house = base / "wheelhouse"
    wheelhouse_from_environment(house)
    result = build_bundle(target("manylinux"), base / "linux", pythons=[PYTHON], wheelhouse=house)
    return result.path


def _env(home: Path, **extra: str) -> dict[str, str]:
    """A desktop session with no display, no inherited Qt or database settings."""
    keep = {k: v for k, v in os.environ.items()
            if k in {"PATH", "LANG", "LC_ALL", "TMPDIR"} or k.startswith("PIP_")}
    return {**keep, "HOME": str(home), "PYTHON": sys.executable, **extra}


def _run(args: list[str], env: dict[str, str], cwd: Path, timeout: int = 240):
    return subprocess.run(args, env=env, cwd=cwd, capture_output=True, text=True,
                          timeout=timeout)


def test_linux_bundle_installs_offline_runs_the_briefing_and_uninstalls_keeping_data(
        linux_bundle, tmp_path):
    assert check_manifest(linux_bundle) == []
    info = json.loads((linux_bundle / "bundle.json").read_text(encoding="utf-8"))
    assert info["python_versions"] == [PYTHON]
    assert any(w.startswith("smartcity_desktop-") for w in info["wheels"])
    home = tmp_path / "home"
    home.mkdir()
    env = _env(home)
    # PIP_* variables of this machine stay set: the install script must ignore them.
    installed = _run(["sh", str(linux_bundle / "install.sh")], env, tmp_path)
    assert installed.returncode == 0, installed.stderr
    out = installed.stdout
    assert out.index("SHA256SUMS") < out.index("[4/5]")  # the manifest is checked first
    assert f"smartcity-desktop {__version__}" in out
    db = home / ".local/share/smartcity-desktop/smartcity.db"
    assert f"데이터 위치: {db}" in out
    app = home / ".local/share/smartcity-desktop-app"
    desktop = (home / ".local/share/applications/smartcity-desktop.desktop").read_text()
    assert f'Exec="{app}/start.sh"' in desktop

    where = _run([str(app / "venv/bin/python"), "-c",
                  "import smartcity_desktop; print(smartcity_desktop.__file__)"], env, tmp_path)
    assert where.stdout.strip().startswith(str(app / "venv"))  # not this checkout
    # Console scripts name the venv's python: they break if the venv is moved after install.
    script = _run([str(app / "venv/bin/smartcity-desktop"), "--version"], env, tmp_path)
    assert script.returncode == 0, script.stderr

    version = _run([str(home / ".local/bin/smartcity-desktop"), "--version", "--lang", "en"],
                   env, tmp_path)
    assert version.returncode == 0, version.stderr
    assert "database schema: no file yet" in version.stdout
    assert "PySide6" in version.stdout and "OFL-1.1" in version.stdout
    assert not db.exists()  # --version reads, never creates

    work = tmp_path / "work"
    work.mkdir()
    briefing = _run([str(app / "start.sh")], env, work)  # no DISPLAY: the headless briefing
    assert briefing.returncode == 0, briefing.stderr
    pdf = Path(briefing.stdout.strip().splitlines()[-1])
    assert pdf.parent == work and pdf.read_bytes()[:5] == b"%PDF-"
    assert db.is_file()
    db_bytes = db.read_bytes()

    removed = _run(["sh", str(app / "uninstall.sh")], env, tmp_path)
    assert removed.returncode == 0, removed.stderr
    assert f"Your database was left where it is: {db}" in removed.stdout
    assert not (app / "venv").exists() and not (home / ".local/bin/smartcity-desktop").exists()
    assert not (home / ".local/share/applications/smartcity-desktop.desktop").exists()
    assert db.read_bytes() == db_bytes


def test_a_wheelhouse_missing_a_dependency_leaves_no_bundle(tmp_path):
    house = tmp_path / "house"
    house.mkdir()
    with pytest.raises(BundleError, match="pip download"):
        build_bundle(target("manylinux"), tmp_path / "out", pythons=[PYTHON], wheelhouse=house)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["house"]


def _index_reachable() -> bool:
    """Whether pip's configured index serves a Windows-only wheel (a quick, small probe)."""
    with tempfile.TemporaryDirectory(prefix="index-probe-") as dest:
        probe = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
                 "--platform", "win_amd64", "--python-version", "3.11", "--timeout", "10",
                 "--retries", "0", "--dest", dest, "shiboken6"]
        try:
            proc = subprocess.run(probe, capture_output=True, timeout=120)
        except (OSError, subprocess.TimeoutExpired):
            return False
    return proc.returncode == 0


WINDOWS_NEEDS = ["pyside6_essentials", "shiboken6", "reportlab", "openpyxl", "matplotlib",
                 "numpy", "sqlite_utils", "holidays", "platformdirs", "icalendar", "defusedxml",
                 "charset_normalizer", "pillow", "pip", "smartcity_desktop"]


def test_windows_bundle_holds_every_wheel_for_windows(tmp_path):
    if not _index_reachable():
        pytest.skip("the package index cannot be reached: the Windows bundle needs PyPI")
    result = build_bundle(target("win_amd64"), tmp_path / "win", pythons=["3.11"])
    names = result.wheels
    for project in WINDOWS_NEEDS:
        assert any(n.lower().startswith(project + "-") for n in names), project
    compiled = [n for n in names if not n.endswith("-none-any.whl")]
    assert compiled and all(n.endswith("-win_amd64.whl") for n in compiled), compiled
    assert {"install.bat", "install.ps1", "uninstall.ps1", "start.bat"} <= {
        p.name for p in result.path.iterdir()}
    assert check_manifest(result.path) == []
