"""The admin desk opens only for an admin: the passphrase (scrypt hash in the home, chosen at
first use) or membership of the OS group IT names in the site settings. The admin window has
two pages: the documents (AdminDesk) and the clinicians' feedback on answers (FeedbackView)."""

from __future__ import annotations

import getpass

from PySide6.QtWidgets import QInputDialog, QLineEdit, QMainWindow, QMessageBox, QTabWidget

from assistant.core.services import build_admin_guard
from assistant.governance.admin_auth import AdminGuard


def _ask(parent, title: str, label: str) -> str | None:
    text, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Password)
    return text if ok else None


def unlock(parent, guard: AdminGuard) -> bool:
    if guard.user_in_admin_group():
        return guard.unlock(None)
    if not guard.is_configured():
        first = _ask(
            parent,
            "Set the admin passphrase",
            "No admin passphrase is set yet. Choose one (at least 10 characters):",
        )
        if first is None:
            return False
        again = _ask(parent, "Set the admin passphrase", "Type it again:")
        if again != first:
            QMessageBox.warning(parent, "Admin", "The two passphrases differ; nothing was set.")
            return False
        try:
            guard.set_passphrase(first)
        except ValueError as exc:
            QMessageBox.warning(parent, "Admin", str(exc))
            return False
        return True
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
