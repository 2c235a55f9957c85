"""Where the app's files are: the bundled assets (source tree or PyInstaller bundle), and a
knowledge home that only its owner can read."""

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
    return Path(__file__).resolve().parents[2] / "assets"


def demo_pack_dir() -> Path:
    return assets_dir() / "demo"


# The home holds questions, answers, the audit log and the documents' text: owner-only.
PRIVATE_UMASK = 0o077
PRIVATE_DIR = 0o700


def keep_files_private() -> None:
    """Every file and folder this process creates from now on is owner-only (0600 / 0700),
    whatever umask the session was started with (022 makes them world-readable). Called once
    by the `clinassist` entry point, for the command line and the window alike."""
    os.umask(PRIVATE_UMASK)


def private_home(home: Path) -> Path:
    """The knowledge home, created owner-only, or made so if it was created more open."""
    home.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR)
    if home.stat().st_mode & 0o077 and home.stat().st_uid == os.getuid():
        home.chmod(PRIVATE_DIR)
    return home
