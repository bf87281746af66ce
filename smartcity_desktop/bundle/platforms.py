"""Target platforms of an offline bundle: wheel platform tags and which scripts go in.

pip expands a macOS tag to every older compatible one by itself, but not the
``manylinux_2_N`` tags, so the Linux target lists them all from the chosen glibc
down. The default glibc (2.34: Ubuntu 22.04, Debian 12, RHEL 9 and newer) is the
oldest the PySide6 wheels this application is tested with support; ``--glibc 2.28``
resolves to older PySide6 releases instead.
"""

from __future__ import annotations

from dataclasses import dataclass

SUPPORTED_PYTHONS = ("3.11", "3.12", "3.13")
DEFAULT_GLIBC = "2.34"
POSIX_SCRIPTS = ("install.sh", "uninstall.sh", "start.sh")
WINDOWS_SCRIPTS = ("install.bat", "install.ps1", "uninstall.bat", "uninstall.ps1", "start.bat")


@dataclass(frozen=True)
class Target:
    """One platform: the tag sets to resolve for (one pass each) and the files shipped."""

    name: str
    tag_sets: tuple[tuple[str, ...], ...]
    scripts: tuple[str, ...]


def manylinux_tags(glibc: str = DEFAULT_GLIBC, arch: str = "x86_64") -> tuple[str, ...]:
    """``manylinux_2_N_<arch>`` for N from the glibc minor down to 5, plus the legacy aliases."""
    major, minor = (int(p) for p in glibc.split("."))
    if major != 2 or not 17 <= minor <= 99:
        raise ValueError(glibc)
    tags = [f"manylinux_2_{n}_{arch}" for n in range(minor, 4, -1)]
    return (*tags, f"manylinux2014_{arch}", f"manylinux2010_{arch}", f"manylinux1_{arch}")


def target(name: str, glibc: str = DEFAULT_GLIBC) -> Target:
    """The target called ``name`` (``win_amd64``, ``manylinux`` or ``macosx``)."""
    if name == "win_amd64":
        return Target(name, (("win_amd64",),), WINDOWS_SCRIPTS)
    if name == "manylinux":
        return Target(name, (manylinux_tags(glibc),),
                      (*POSIX_SCRIPTS, "smartcity-desktop.desktop"))
    if name == "macosx":
        # Apple silicon and Intel Macs need separate wheels for compiled packages.
        return Target(name, (("macosx_13_0_arm64",), ("macosx_13_0_x86_64",)), POSIX_SCRIPTS)
    raise KeyError(name)


PLATFORMS = ("win_amd64", "manylinux", "macosx")
