"""The admin desk opens only after the passphrase (set at first use) or for the IT group."""

from __future__ import annotations

import pytest
from fakes import HashEmbedder, word_counter
from PySide6.QtWidgets import QInputDialog, QMessageBox

from assistant.core.session import Session
from assistant.governance.admin_auth import AdminGuard
from assistant.governance.settings import AdminSettings, Settings
from assistant.ui import admin_gate
from assistant.ui.app import make_application
from assistant.ui.workers import Workers
from knowledge.base import KnowledgeBase


class FakeWindow:
    def __init__(self, session):
        self.session, self.workers = session, Workers()


@pytest.fixture
def window(isolated_home, qtbot, monkeypatch):
    make_application()
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: None)
    kb = KnowledgeBase(isolated_home, embedder=HashEmbedder(), count_tokens=word_counter)
    return FakeWindow(Session(Settings(home=isolated_home), kb=kb, engine=object()))


def answers(monkeypatch, *replies):
    queue = list(replies)
    monkeypatch.setattr(
        QInputDialog, "getText", lambda *a, **k: (queue.pop(0), True) if queue else ("", False)
    )
    return queue


def test_first_use_sets_a_passphrase_then_it_is_required(
    window, monkeypatch, isolated_home, setup_code
):
    answers(monkeypatch, setup_code, "correct horse battery", "correct horse battery")
    desk = admin_gate.open_admin_desk(window)
    assert desk is not None and not desk.desk.read_only
    assert AdminGuard(isolated_home).has_passphrase()
    stored = (isolated_home / "admin.json").read_text()
    assert "correct horse" not in stored  # only a scrypt hash is kept

    answers(monkeypatch, "wrong passphrase!")
    assert admin_gate.open_admin_desk(window) is None
    answers(monkeypatch, "correct horse battery")
    assert admin_gate.open_admin_desk(window) is not None


def test_mismatched_or_short_first_passphrase_sets_nothing(
    window, monkeypatch, isolated_home, setup_code
):
    answers(monkeypatch, setup_code, "correct horse battery", "correct horse batterY")
    assert admin_gate.open_admin_desk(window) is None
    answers(monkeypatch, setup_code, "short", "short")
    assert admin_gate.open_admin_desk(window) is None
    assert not AdminGuard(isolated_home).has_passphrase()


def test_a_clinician_without_the_setup_code_cannot_claim_the_desk(
    window, monkeypatch, isolated_home, setup_code
):
    answers(monkeypatch, "AAAA-BBBB-CCCC-DDDD", "correct horse battery", "correct horse battery")
    assert admin_gate.open_admin_desk(window) is None
    assert not AdminGuard(isolated_home).has_passphrase()


def test_cancel_opens_nothing(window, monkeypatch):
    answers(monkeypatch)  # every prompt is cancelled
    assert admin_gate.open_admin_desk(window) is None


def test_members_of_the_it_group_need_no_passphrase(window, monkeypatch):
    window.session.settings = Settings(
        home=window.session.settings.home, admin=AdminSettings(group="clinassist-admins")
    )
    monkeypatch.setattr(AdminGuard, "user_in_admin_group", lambda self: True)
    answers(monkeypatch)  # no prompt may be needed
    assert admin_gate.open_admin_desk(window) is not None
