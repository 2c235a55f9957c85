"""Where the app's bundled files are: the source tree, or the PyInstaller bundle."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def assets_dir() -> Path:
    if os.environ.get("CLINASSIST_ASSETS"):
        return Path(os.environ["CLINASSIST_ASSETS"])
    bundle = getattr(sys, "_MEIPASS", None)  # set inside a PyInstaller build
    if bundle:
        return Path(bundle) / "assets"
    return Path(__file__).resolve().parent.parent / "assets"


def demo_pack_dir() -> Path:
    return assets_dir() / "demo"
