"""Bundle pieces without pip or network: platform tags, manifest, scripts, refusals."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from smartcity_desktop.bundle import BundleError, build_bundle, check_manifest, target
from smartcity_desktop.bundle.__main__ import main as bundle_main
from smartcity_desktop.bundle.builder import TEMPLATES, _copy_templates, write_manifest
from smartcity_desktop.bundle.platforms import manylinux_tags


def test_manylinux_tags_run_from_the_chosen_glibc_down_with_legacy_aliases():
    tags = manylinux_tags("2.34")
    assert tags[0] == "manylinux_2_34_x86_64"
    assert "manylinux_2_17_x86_64" in tags and "manylinux_2_5_x86_64" in tags
    assert tags[-3:] == ("manylinux2014_x86_64", "manylinux2010_x86_64", "manylinux1_x86_64")
    assert "manylinux_2_35_x86_64" not in tags
    with pytest.raises(ValueError):
        manylinux_tags("3.1")


def test_targets_ship_their_own_scripts():
    assert "install.ps1" in target("win_amd64").scripts
    assert "install.sh" not in target("win_amd64").scripts
    linux = target("manylinux")
    assert "smartcity-desktop.desktop" in linux.scripts and "install.sh" in linux.scripts
    assert len(target("macosx").tag_sets) == 2  # arm64 and x86_64 resolve separately
    with pytest.raises(KeyError):
        target("solaris")


def fake_bundle(root: Path, platform: str = "manylinux") -> Path:
    """A bundle folder with the real scripts and two dummy wheels (enough for the checks)."""
    wheels = root / "wheels"
    wheels.mkdir(parents=True)
    for name in ("pip-1.0-py3-none-any.whl", "smartcity_desktop-0.1.0-py3-none-any.whl"):
        (wheels / name).write_bytes(os.urandom(64))
    _copy_templates(root, target(platform), ["3.11"], sorted(p.name for p in wheels.iterdir()))
    write_manifest(root)
    return root


def test_manifest_lists_every_file_and_catches_damage_loss_and_additions(tmp_path):
    root = fake_bundle(tmp_path / "b")
    assert check_manifest(root) == []
    listed = (root / "SHA256SUMS").read_text(encoding="utf-8")
    assert "  wheels/pip-1.0-py3-none-any.whl\n" in listed and "  install.sh\n" in listed
    (root / "README.txt").write_text("changed", encoding="utf-8")
    (root / "wheels" / "pip-1.0-py3-none-any.whl").unlink()
    (root / "wheels" / "evil-1.0-py3-none-any.whl").write_bytes(b"x")
    problems = check_manifest(root)
    assert "damaged: README.txt" in problems
    assert "missing: wheels/pip-1.0-py3-none-any.whl" in problems
    assert "not listed: wheels/evil-1.0-py3-none-any.whl" in problems


def test_windows_scripts_have_crlf_and_powershell_a_bom_and_bat_files_are_ascii(tmp_path):
    root = fake_bundle(tmp_path / "w", "win_amd64")
    ps1 = (root / "install.ps1").read_bytes()
    assert ps1.startswith(b"\xef\xbb\xbf") and b"\r\n" in ps1 and b"\n" not in ps1.replace(
        b"\r\n", b"")
    assert "SHA256SUMS" in ps1.decode("utf-8-sig").split("[2/5]")[0]  # checked first
    for bat in ("install.bat", "uninstall.bat", "start.bat"):
        (root / bat).read_bytes().decode("ascii")  # cmd.exe reads the OEM code page
    readme = (root / "README.txt").read_text(encoding="utf-8-sig")
    assert "설치" in readme and "Install" in readme and "win_amd64" in readme


def test_posix_scripts_are_executable_with_unix_line_ends(tmp_path):
    root = fake_bundle(tmp_path / "l")
    for name in ("install.sh", "uninstall.sh", "start.sh"):
        data = (root / name).read_bytes()
        assert b"\r" not in data and data.startswith(b"#!/bin/sh")
        assert os.access(root / name, os.X_OK)
    desktop = (root / "smartcity-desktop.desktop").read_text(encoding="utf-8")
    assert "Exec=\"@APP@/start.sh\"" in desktop and "Name[ko]=" in desktop


@pytest.mark.skipif(shutil.which("sha256sum") is None, reason="needs coreutils sha256sum")
@pytest.mark.parametrize("tamper", ["damage", "extra_wheel"])
def test_install_sh_refuses_a_tampered_bundle_before_touching_anything(tmp_path, tamper):
    root = fake_bundle(tmp_path / "b")
    if tamper == "damage":
        (root / "wheels" / "pip-1.0-py3-none-any.whl").write_bytes(b"changed")
    else:
        (root / "wheels" / "extra-1.0-py3-none-any.whl").write_bytes(b"x")
    app = tmp_path / "app"
    env = {"PATH": os.environ["PATH"], "HOME": str(tmp_path / "home"),
           "SMARTCITY_APP_DIR": str(app)}
    proc = subprocess.run(["sh", str(root / "install.sh")], env=env, capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 1
    assert ("damaged" in proc.stderr) if tamper == "damage" else ("not in SHA256SUMS"
                                                                  in proc.stderr)
    assert not app.exists() and not (tmp_path / "home").exists()


def test_build_refuses_bad_arguments_and_leaves_nothing(tmp_path):
    taken = tmp_path / "taken"
    taken.mkdir()
    (taken / "file").write_text("x")
    with pytest.raises(BundleError, match="not empty|비어 있지"):
        build_bundle(target("manylinux"), taken)
    with pytest.raises(BundleError, match="3.10"):
        build_bundle(target("manylinux"), tmp_path / "new", pythons=["3.10"])
    with pytest.raises(BundleError):
        build_bundle(target("manylinux"), tmp_path / "new", wheelhouse=tmp_path / "none")
    with pytest.raises(BundleError):
        build_bundle(target("manylinux"), tmp_path / "no" / "parent")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["taken"]


def test_cli_refusal_is_one_line_and_exit_status_2(tmp_path, capsys):
    status = bundle_main(["--platform", "manylinux", "--out", str(tmp_path / "x"),
                          "--python", "2.7", "--lang", "en"])
    err = capsys.readouterr().err
    assert status == 2
    assert err.count("\n") == 1 and "unsupported Python version '2.7'" in err
    assert bundle_main(["--platform", "manylinux", "--out", str(tmp_path / "y"),
                        "--glibc", "banana"]) == 2
    assert "--glibc" in capsys.readouterr().err
    assert not (tmp_path / "x").exists() and not (tmp_path / "y").exists()


def test_templates_folder_has_every_script_a_target_names():
    names = {p.name for p in TEMPLATES.iterdir()}
    for platform in ("win_amd64", "manylinux", "macosx"):
        assert set(target(platform).scripts) <= names
