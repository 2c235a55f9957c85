"""Start the desktop app: window first (about a second), heavy loading after, on a worker."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from assistant.core.paths import assets_dir
from assistant.core.session import Session
from assistant.ui.main_window import MainWindow
from assistant.ui.workers import Workers


def register_fonts() -> str | None:
    """Bundle a font so text renders on a workstation with no fonts installed."""
    family = None
    for path in sorted((assets_dir() / "fonts").glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0 and family is None:
            family = QFontDatabase.applicationFontFamilies(font_id)[0]
    return family


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("Clinical Knowledge Assistant")
    app.setOrganizationName("clinassist")
    app.setDesktopFileName("clinassist")  # matches the .deb's desktop entry (taskbar icon)
    icon = assets_dir() / "icon" / "clinassist.png"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    family = register_fonts()
    if family and not QFontDatabase.families():
        app.setFont(QFont(family, 10))
    elif family:
        # Prefer the system font; fall back to the bundled one for missing glyphs.
        font = app.font()
        font.setFamilies([font.family(), family])
        app.setFont(font)
    return app


def run_app(
    session: Session, ask: str | None = None, screenshot: Path | None = None, show: str = "chat"
) -> int:
    app = make_application()
    if screenshot is not None:
        session.use_scratch_conversations()  # a scripted run leaves no conversation behind
    workers = Workers()
    session.background = workers.background  # large BM25 rebuilds off the question path
    window = MainWindow(session, workers)
    window.show()
    QTimer.singleShot(0, window.start)  # after the first paint
    if screenshot is not None:
        _script_screenshot(app, window, ask, screenshot, show)
    elif ask:
        window.ready.connect(lambda: window.ask(ask))
    return app.exec()


def _grab(widget, path: Path) -> None:
    screen = QGuiApplication.primaryScreen()
    if QGuiApplication.platformName() == "xcb" and screen is not None:
        # The real screen (what X11 shows, dialogs included), cropped to the window.
        frame = widget.frameGeometry()
        image = screen.grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height())
    else:
        image = widget.grab()
    path.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(path)):
        raise OSError(f"could not write the screenshot to {path}")


def _script_screenshot(app, window: MainWindow, ask: str | None, path: Path, show: str) -> None:
    """`clinassist app --ask Q --screenshot F.png`: answer, show, capture, quit."""

    def capture(widget) -> None:
        QTimer.singleShot(800, lambda: (_grab(widget, path), app.quit()))  # let it paint

    def after_answer(_answer) -> None:
        if show == "viewer":
            window.sources.choose(1)
        capture(window)

    def on_ready() -> None:
        if show == "handout":
            window.open_handout(None)
            dialog = window._handout
            dialog.topic.setText(ask or "")
            dialog.made.connect(lambda _handout: capture(dialog))
            dialog.make()
        elif show == "admin":
            from assistant.ui.admin_gate import admin_window

            desk = admin_window(window.session, window.workers, read_only=True)
            window._admin_window = desk
            desk.show()
            capture(desk)
        elif ask:
            window.ask(ask)
        else:
            capture(window)

    window.answer_finished.connect(after_answer)
    window.ready.connect(on_ready)
