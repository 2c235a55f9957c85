"""Governance in the desktop app, offscreen, on a small audited knowledge base (fake embedder):

* feedback given on answers in the clinician's window appears on the admin window's Feedback
  page, Not helpful first and newest first; "Negative only" filters; selecting a row shows the
  answer and its citations; Refresh picks up new feedback; the page exists only behind the
  admin gate;
* settings saved from the settings dialog are audited ("settings" entries, key only);
* an answer whose audit entry cannot be written is not shown: the window says why;
* approve, retire and remove from the desk write audit entries (the session's knowledge base
  is built by assistant.core.services, which wires the audit log).
"""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fakes import HashEmbedder, word_counter
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox

from assistant.answering.engine import AnswerEngine
from assistant.answering.llm import make_chat_client
from assistant.conversations.store import ConversationStore
from assistant.core.services import build_engine, build_knowledge_base
from assistant.core.session import Session
from assistant.governance.admin_auth import AdminGuard
from assistant.governance.audit import AuditError, AuditLog
from assistant.governance.settings import LLMSettings, Settings
from assistant.ui import admin_gate
from assistant.ui.admin_gate import admin_window
from assistant.ui.app import make_application
from assistant.ui.feedback_view import FeedbackView
from assistant.ui.main_window import MainWindow
from assistant.ui.workers import Workers
from knowledge.ingest import IngestOptions

WAIT_MS = 30_000
POLICY = """# Ward Policy

## Hand hygiene
Rub alcohol hand rub over all surfaces of the hands for 20 to 30 seconds.

## Sharps injuries
Report a needlestick injury to Occupational Health on extension 4455 within one hour.

## Visiting
Visiting hours on general wards are 10:00 to 20:00 every day.
"""
QUESTIONS = [
    "How long should alcohol hand rub be rubbed over the hands?",
    "Which extension do I ring after a needlestick injury?",
    "What are the visiting hours on general wards?",
    "When must a sharps injury be reported to Occupational Health?",
]
# This file tests the UI, not refusals: nothing is refused for weak evidence.
LENIENT = {
    "min_similarity": 0.1,
    "relaxed_similarity": 0.1,
    "min_coverage": 0.0,
    "min_value_coverage": 0.0,
}


class Clock:
    """One minute per call, so feedback times (and hence the review order) are certain."""

    def __init__(self):
        self.now = datetime(2025, 3, 1, 8, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=1)
        return self.now


def audited_kb(settings: Settings, source_dir: Path, approve: bool = True):
    """The knowledge base as the app builds it (audit log wired), with the fake embedder."""
    kb = build_knowledge_base(settings)
    kb._embedder, kb._count_tokens = HashEmbedder(), word_counter
    if source_dir is not None:
        source_dir.mkdir(parents=True, exist_ok=True)
        policy = source_dir / "ward-policy.md"
        policy.write_text(POLICY, encoding="utf-8")
        results = [e.result for e in kb.ingest([policy], IngestOptions(approve=approve))]
        assert [r.status for r in results if r] == ["added"]
    return kb


@pytest.fixture
def app_parts(qtbot, isolated_home, tmp_path):
    """(session, workers) on the isolated home; the workers are shut down afterwards."""
    make_application()
    settings = Settings(home=isolated_home, answer=LENIENT)
    kb = audited_kb(settings, tmp_path / "docs")
    session = Session(settings, kb=kb, engine=build_engine(settings, kb))
    session._conversations = ConversationStore.in_home(isolated_home, clock=Clock())
    workers = Workers()
    yield session, workers
    assert workers.shutdown(10_000)
    session.conversations.close()


def open_window(qtbot, session, workers) -> MainWindow:
    window = MainWindow(session, workers)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.ready, timeout=WAIT_MS):
        window.start()
    return window


def ask(qtbot, window, question: str):
    with qtbot.waitSignal(window.answer_finished, timeout=WAIT_MS) as blocker:
        window.question.setPlainText(question)
        window.question.send()
    return blocker.args[0]


def open_admin(qtbot, session, workers):
    admin = admin_window(session, workers)
    qtbot.addWidget(admin)
    with qtbot.waitSignal(admin.feedback.refreshed, timeout=WAIT_MS):
        pass  # the first read of the feedback (on a worker)
    return admin


def refresh(qtbot, view: FeedbackView) -> None:
    with qtbot.waitSignal(view.refreshed, timeout=WAIT_MS):
        view.refresh_button.click()


# -- the feedback page ---------------------------------------------------------------------------
def test_feedback_appears_negative_first_newest_first_and_filters(qtbot, app_parts):
    session, workers = app_parts
    window = open_window(qtbot, session, workers)
    answers = [ask(qtbot, window, q) for q in QUESTIONS[:3]]
    assert not any(a.refused for a in answers) and all(a.citations for a in answers)
    exchanges = window.store.exchanges(window.conversation_id)
    assert len(exchanges) == 3
    # Given in this order: Helpful, Not helpful, Helpful (then one more Not helpful later).
    window.give_feedback(exchanges[0].id, "up", comment="clear")
    window.give_feedback(exchanges[1].id, "down", comment="wrong extension")
    window.give_feedback(exchanges[2].id, "up", comment="")

    admin = open_admin(qtbot, session, workers)
    view = admin.feedback
    with qtbot.waitSignal(view.refreshed, timeout=WAIT_MS):
        admin.tabs.setCurrentWidget(view)  # showing the page reads it again
    headers = [view.model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)]
    assert headers == ["Time", "Rating", "Question", "Comment", "Cited documents"]
    rows = view.rows()
    assert [r[1] for r in rows] == ["Not helpful", "Helpful", "Helpful"]
    assert [r[2] for r in rows] == [QUESTIONS[1], QUESTIONS[2], QUESTIONS[0]]
    assert [r[3] for r in rows] == ["wrong extension", "", "clear"]
    assert all(r[4].startswith("ward-policy v1") for r in rows)
    assert all(r[0].endswith("UTC") for r in rows)
    assert view.count_label.text() == "3 rows"

    # Negative only.
    view.negative_only_box.setChecked(True)
    assert [(r[1], r[2]) for r in view.rows()] == [("Not helpful", QUESTIONS[1])]
    assert view.count_label.text() == "1 of 3 shown"
    view.negative_only_box.setChecked(False)
    assert len(view.rows()) == 3

    # Selecting a row shows its answer and citations.
    assert view.select_row(2)
    detail = view.detail.toPlainText()
    assert answers[0].text.split(" [1]")[0] in detail
    for c in answers[0].citations:
        assert f"[{c.number}] {c.label()}" in detail
    assert "Feedback: Helpful" in detail and "Comment: clear" in detail

    # New feedback while the desk is open: Refresh puts it first; the selection is kept.
    ask(qtbot, window, QUESTIONS[3])
    newest = window.store.exchanges(window.conversation_id)[-1]
    window.give_feedback(newest.id, "down", comment="needs the out-of-hours number")
    assert len(view.rows()) == 3  # nothing changes until it is read again
    refresh(qtbot, view)
    rows = view.rows()
    assert [(r[1], r[2]) for r in rows] == [
        ("Not helpful", QUESTIONS[3]),
        ("Not helpful", QUESTIONS[1]),
        ("Helpful", QUESTIONS[2]),
        ("Helpful", QUESTIONS[0]),
    ]
    assert view.selected_item().record.exchange_id == exchanges[0].id
    assert answers[0].text.split(" [1]")[0] in view.detail.toPlainText()
    view.negative_only_box.setChecked(True)  # the selected row is filtered out
    assert [r[2] for r in view.rows()] == [QUESTIONS[3], QUESTIONS[1]]
    assert view.selected_item() is None and view.detail.toPlainText() == ""
    assert view.select_row(0) and "Occupational Health" in view.detail.toPlainText()


def test_feedback_page_shows_only_the_redacted_question(qtbot, app_parts):
    session, workers = app_parts
    window = open_window(qtbot, session, workers)
    ask(qtbot, window, "Mrs Jane Smithson MRN 84421973: how long should hand rub be rubbed?")
    exchange = window.store.exchanges(window.conversation_id)[0]
    window.give_feedback(exchange.id, "down", comment="for Mrs Jane Smithson")
    admin = open_admin(qtbot, session, workers)  # keep the window: it owns the view
    [row] = admin.feedback.rows()
    view = admin.feedback
    assert "Smithson" not in " ".join(row) and "84421973" not in " ".join(row)
    assert view.select_row(0)
    assert "Smithson" not in view.detail.toPlainText()


def test_the_feedback_page_is_only_behind_the_admin_gate(qtbot, app_parts, monkeypatch):
    session, workers = app_parts
    window = open_window(qtbot, session, workers)
    assert window.findChildren(FeedbackView) == []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: None)
    AdminGuard(session.settings.home).set_passphrase("correct horse battery")

    def passphrase(text: str | None):
        monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (text or "", text is not None))

    passphrase(None)  # cancelled
    assert admin_gate.open_admin_desk(window) is None
    passphrase("wrong passphrase!")
    assert admin_gate.open_admin_desk(window) is None
    assert getattr(window, "_admin_window", None) is None
    passphrase("correct horse battery")
    admin = admin_gate.open_admin_desk(window)
    assert admin is not None and isinstance(admin.feedback, FeedbackView)
    assert admin.tabs.indexOf(admin.feedback) == 1
    assert admin.tabs.tabText(1).replace("&", "") == "Feedback"
    with qtbot.waitSignal(admin.feedback.refreshed, timeout=WAIT_MS):
        pass
    admin.close()


# -- audit hooks ---------------------------------------------------------------------------------
def settings_entries(home: Path) -> list[dict]:
    return [e["data"] for e in AuditLog(home).entries() if e["type"] == "settings"]


def test_settings_saved_from_the_dialog_are_audited_without_values(qtbot, app_parts):
    from assistant.ui.settings_dialog import SettingsDialog

    session, workers = app_parts
    home = session.settings.home
    dialog = SettingsDialog(session, workers)
    qtbot.addWidget(dialog)
    dialog.provider.setCurrentIndex(3)  # OpenAI-compatible server
    dialog.endpoint.setText("http://inference.internal:8000/v1")
    dialog.model.setText("secret-model-name")
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert session.settings.llm.provider == "compatible"
    changed = {d["key"]: d["changed"] for d in settings_entries(home)}
    assert changed == {
        "llm.provider": True,
        "llm.endpoint": True,
        "llm.model": True,
        "llm.api_version": True,  # first written to the user file
        "llm.use_entra_id": True,
    }  # the privacy mode is IT's (site file): the dialog shows it, never saves it
    audit_text = (home / "audit" / "audit.jsonl").read_text(encoding="utf-8")
    assert "secret-model-name" not in audit_text and "inference.internal" not in audit_text
    assert AuditLog(home).verify().ok

    # Saved again with only the model changed: every key is logged, only the model changed.
    again = SettingsDialog(session, workers)
    qtbot.addWidget(again)
    again.model.setText("another-model")
    again.save()
    latest = settings_entries(home)[-5:]
    assert {d["key"]: d["changed"] for d in latest} == {
        "llm.provider": False,
        "llm.endpoint": False,
        "llm.model": True,
        "llm.api_version": False,
        "llm.use_entra_id": False,
    }

    # A new API key goes to the keyring; the log says whose key changed, never the key.
    keyed = SettingsDialog(session, workers)
    qtbot.addWidget(keyed)
    keyed.api_key.setText("sk-local-0123456789")
    keyed.save()
    assert settings_entries(home)[-6] == {"key": "llm.api_key[compatible]", "changed": True}
    assert "sk-local" not in (home / "audit" / "audit.jsonl").read_text(encoding="utf-8")


def test_settings_dialog_says_so_when_the_audit_entry_fails(qtbot, app_parts, monkeypatch):
    from assistant.ui.settings_dialog import SettingsDialog

    session, workers = app_parts
    dialog = SettingsDialog(session, workers)
    qtbot.addWidget(dialog)
    dialog.model.setText("another-model")

    def broken(self, key, changed):
        raise AuditError("could not write the audit log: disk full")

    monkeypatch.setattr(AuditLog, "record_setting", broken)
    dialog.save()
    assert dialog.result() != dialog.DialogCode.Accepted  # the dialog stays open
    assert "audit log could not record the change to llm.provider" in dialog.test_result.text()
    assert "disk full" in dialog.test_result.text()


def test_an_answer_whose_audit_entry_fails_is_withheld(qtbot, app_parts):
    session, workers = app_parts
    home = session.settings.home
    expected = AnswerEngine(session.kb, session.settings).ask(QUESTIONS[1])  # not audited
    assert not expected.refused and "4455" in expected.text
    window = open_window(qtbot, session, workers)
    (home / "audit" / "head.json").unlink()  # the log can no longer be appended to

    with qtbot.waitSignal(window.answer_failed, timeout=WAIT_MS) as blocker:
        window.question.setPlainText(QUESTIONS[1])
        window.question.send()
    assert isinstance(blocker.args[0], AuditError)
    shown = window.chat.toPlainText()
    assert "4455" not in shown and expected.text not in shown
    assert "Answer withheld" in shown and "audit log could not record it" in shown
    assert window.status_label.text() == "Answer withheld"
    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert [b.windowTitle() for b in boxes] == ["Answer withheld"]
    assert "audit" in boxes[0].text()
    assert window.sources.count() == 0
    assert window.store.exchanges(window.conversation_id) == []  # nothing saved either
    assert window.question.toPlainText() == QUESTIONS[1]  # kept, to ask again
    boxes[0].close()


def test_a_streamed_llm_answer_is_withdrawn_when_its_audit_entry_fails(
    qtbot, isolated_home, tmp_path, scripted_llm
):
    make_application()
    scripted_llm.reply("Ring Occupational Health on extension 4455 within one hour [1].")
    llm = LLMSettings(
        provider="compatible", endpoint=scripted_llm.base_url, model="test-model", max_retries=0
    )
    settings = Settings(home=isolated_home, answer=LENIENT, llm=llm)
    kb = audited_kb(settings, tmp_path / "docs")
    engine = AnswerEngine(
        kb, settings, chat_client=make_chat_client(llm, None), audit=AuditLog(isolated_home)
    )
    session = Session(settings, kb=kb, engine=engine)
    session._conversations = ConversationStore.in_home(isolated_home, clock=Clock())
    workers = Workers()
    try:
        window = open_window(qtbot, session, workers)
        streamed: list[str] = []
        paint = window.chat.stream
        window.chat.stream = lambda delta: (streamed.append(delta), paint(delta))
        shutil.rmtree(isolated_home / "audit")
        (isolated_home / "audit").write_text("not a folder")  # appending must fail
        with qtbot.waitSignal(window.answer_failed, timeout=WAIT_MS) as blocker:
            window.question.setPlainText(QUESTIONS[1])
            window.question.send()
        assert isinstance(blocker.args[0], AuditError)
        assert "4455" in "".join(streamed)  # the text did stream in...
        assert "4455" not in window.chat.toPlainText()  # ...and is gone once the audit failed
        assert "Answer withheld" in window.chat.toPlainText()
        assert len(scripted_llm.requests) == 1
    finally:
        assert workers.shutdown(10_000)
        session.conversations.close()


def test_desk_actions_on_the_session_knowledge_base_are_audited(qtbot, isolated_home, tmp_path):
    make_application()
    settings = Settings(home=isolated_home)
    session = Session(settings)  # no injected kb: the desk uses the one services builds
    session.kb._embedder, session.kb._count_tokens = HashEmbedder(), word_counter
    assert session.kb.on_event is not None
    workers = Workers()
    try:
        admin = admin_window(session, workers)
        qtbot.addWidget(admin)
        desk = admin.desk
        policy = tmp_path / "ward-policy.md"
        policy.write_text(POLICY, encoding="utf-8")
        with qtbot.waitSignal(desk.ingest_finished, timeout=WAIT_MS):
            assert desk.add_paths([policy]) is not None
        assert desk.select_document("ward-policy")

        with qtbot.waitSignal(desk.action_finished, timeout=WAIT_MS) as blocker:
            desk.approve_selected()
        version, _retired = blocker.args[1]
        entries = AuditLog(isolated_home).entries()
        assert [e["type"] for e in entries] == ["intent", "ingest", "intent", "approve"]
        approve = entries[-1]["data"]
        assert approve["version_id"] == version.version_id and approve["by"] == desk._user

        with qtbot.waitSignal(desk.action_finished, timeout=WAIT_MS):
            desk.retire_selected()
        desk.ui.show_retired_box.setChecked(True)
        assert desk.select_document("ward-policy")
        with qtbot.waitSignal(desk.action_finished, timeout=WAIT_MS):
            desk.remove_selected(confirm=False, whole_document=True)
        types = [e["type"] for e in AuditLog(isolated_home).entries()]
        changes = ["ingest", "approve", "retire", "remove"]
        assert types == [kind for change in changes for kind in ("intent", change)]
        assert AuditLog(isolated_home).verify().ok
    finally:
        session.conversations.close()
        for job in workers.active:
            job.cancel()
        assert workers.shutdown(10_000)
