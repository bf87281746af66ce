"""Offline install bundles for separated-network desktops (망분리 PC). No Qt here.

``python -m smartcity_desktop.bundle --platform win_amd64|manylinux|macosx --out DIR``
gathers the application wheel and every dependency wheel for that platform and
Python 3.11-3.13, the install/uninstall/start scripts, a Korean and English README
and a SHA-256 manifest that the install scripts check before anything else. See
:mod:`.builder` for how, :mod:`.platforms` for the targets.
"""

from .builder import BundleError, BundleResult, build_bundle, check_manifest, make_zip
from .platforms import PLATFORMS, SUPPORTED_PYTHONS, target

__all__ = ["PLATFORMS", "SUPPORTED_PYTHONS", "BundleError", "BundleResult", "build_bundle",
           "check_manifest", "make_zip", "target"]
