"""The admin desk opens only for an admin: the passphrase (scrypt hash in the home, chosen at
first use) or membership of the OS group IT names in the site settings. The admin window has
two pages: the documents (AdminDesk) and the clinicians' feedback on answers (FeedbackView)."""

from __future__ import annotations

import getpass

from PySide6.QtWidgets import QInputDialog, QLineEdit, QMainWindow, QMessageBox, QTabWidget

from assistant.core.admin_setup import choose_first_passphrase, needs_setup_code
from assistant.core.services import build_admin_guard
from assistant.governance.admin_auth import AdminGuard


def _ask(parent, title: str, label: str) -> str | None:
    text, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Password)
    return text if ok else None


def _first_admin(parent, guard: AdminGuard) -> bool:
    """No admin yet: IT's one-time setup code, then the passphrase chosen twice."""
    title = "Set up the admin desk"
    code = _ask(
        parent,
        title,
        "No admin is set up on this workstation. Enter the setup code IT gave you\n"
        "(IT creates one with `clinassist admin setup-code`):",
    )
    if code is None:
        return False
    first = _ask(parent, title, "Choose the admin passphrase (at least 10 characters):")
    if first is None:
        return False
    if _ask(parent, title, "Type it again:") != first:
        QMessageBox.warning(parent, "Admin", "The two passphrases differ; nothing was set.")
        return False
    try:
        choose_first_passphrase(guard, first, code)
    except (ValueError, PermissionError) as exc:
        QMessageBox.warning(parent, "Admin", str(exc))
        return False
    return True


def unlock(parent, guard: AdminGuard) -> bool:
    if guard.user_in_admin_group():
        return guard.unlock(None)
    if needs_setup_code(guard):
        return _first_admin(parent, guard)
    passphrase = _ask(parent, "Admin desk", "Admin passphrase:")
    if passphrase is None:
        return False
    if guard.unlock(passphrase):
        return True
    QMessageBox.warning(parent, "Admin", "Wrong passphrase (or too many attempts: wait 30 s).")
    return False


def admin_window(session, workers, read_only: bool = False) -> QMainWindow:
    from assistant.ui.admin_desk import AdminDesk
    from assistant.ui.feedback_view import FeedbackView

    window = QMainWindow()
    window.setWindowTitle("Admin desk — approved documents")
    desk = AdminDesk(session, workers, user=getpass.getuser())
    desk.set_read_only(read_only)
    feedback = FeedbackView(session, workers)  # read only by nature: nothing to disable
    tabs = QTabWidget()
    tabs.setAccessibleName("Admin desk pages")
    tabs.addTab(desk, "Do&cuments")  # mnemonics the desk's own buttons do not use
    tabs.addTab(feedback, "Feed&back")
    tabs.setTabToolTip(1, "Clinicians' feedback on answers: Not helpful first, newest first")

    def page_shown(index: int) -> None:
        if tabs.widget(index) is feedback:  # feedback arrives while the desk is open
            feedback.refresh()

    tabs.currentChanged.connect(page_shown)
    window.setCentralWidget(tabs)
    window.resize(1100, 650)
    window.desk = desk
    window.feedback = feedback
    window.tabs = tabs
    return window


def open_admin_desk(main_window) -> QMainWindow | None:
    session = main_window.session
    guard = build_admin_guard(session.settings)
    if not unlock(main_window, guard):
        return None
    window = admin_window(session, main_window.workers)
    main_window._admin_window = window  # keep it alive
    window.show()
    return window
