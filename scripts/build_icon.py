"""Render assets/icon/clinassist.svg to the PNG the window, the .deb and the desktop entry use.

Run after editing the SVG; the PNG is committed so the app needs no SVG plugin at run time.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ICON_DIR = Path(__file__).resolve().parents[1] / "assets" / "icon"


def render(size: int, out: Path) -> None:
    renderer = QSvgRenderer(str(ICON_DIR / "clinassist.svg"))
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    if not image.save(str(out)):
        sys.exit(f"could not write {out}")


if __name__ == "__main__":
    app = QGuiApplication([])
    render(256, ICON_DIR / "clinassist.png")
    print(ICON_DIR / "clinassist.png")
