"""A handout as a PDF, for the window and for `clinassist handout --out F.pdf`.

The command line has no window: a Qt application is made offscreen when none runs, and the
bundled font is registered so the PDF embeds it (a workstation with no fonts still prints).
"""

from __future__ import annotations

import os
from pathlib import Path

from assistant.core.handout_html import HEADING_BASE_PT, handout_html
from assistant.handouts.handout import Handout


def write_handout_pdf(handout: Handout, path: Path) -> Path:
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from assistant.ui.app import register_fonts
    from assistant.ui.pdf_writer import write_pdf

    if QApplication.instance() is None:
        # A widgets application, not a bare GUI one: the window may be opened later in the
        # same process, and widgets cannot live on a QGuiApplication.
        _keep.append(QApplication(["clinassist"]))
    register_fonts()
    write_pdf(handout_html(handout), path, title=handout.title, base_point_size=HEADING_BASE_PT)
    return path


_keep: list = []  # the application made here lives as long as the process
