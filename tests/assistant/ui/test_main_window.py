"""The clinician's window, offscreen, on the real demo index: ask → streamed answer → click a
citation → the viewer on the cited page; conversations survive a restart; feedback is stored;
settings save the key to the (test) keyring; the event loop never stalls."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QUrl
from support import EventLoopWatch

from assistant.answering.engine import AnswerEngine
from assistant.answering.llm import make_chat_client
from assistant.core.session import Session
from assistant.governance.settings import LLMSettings, Settings
from assistant.ui.app import make_application
from assistant.ui.main_window import MainWindow
from assistant.ui.workers import Workers
from knowledge.base import KnowledgeBase


@pytest.fixture
def home(demo_home, tmp_path):
    """The shared demo index, with this test's own conversations database."""
    return demo_home


def make_window(qtbot, home, real_embedder, tmp_path, chat_client=None, llm=None):
    make_application()
    settings = Settings(home=home, llm=llm or LLMSettings())
    kb = KnowledgeBase(home, embedder=real_embedder)
    engine = AnswerEngine(kb, settings, chat_client=chat_client)
    session = Session(settings, kb=kb, engine=engine)
    from assistant.conversations.store import ConversationStore

    session._conversations = ConversationStore(tmp_path / "conversations.sqlite3")
    window = MainWindow(session, Workers())
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.ready, timeout=60_000):
        window.start()
    return window


def ask(qtbot, window, question: str):
    with qtbot.waitSignal(window.answer_finished, timeout=120_000) as blocker:
        window.question.setPlainText(question)
        window.question.send()
    return blocker.args[0]


def test_status_bar_shows_offline_and_index_size(qtbot, home, real_embedder, tmp_path):
    window = make_window(qtbot, home, real_embedder, tmp_path)
    assert "Offline" in window.provider_label.text()
    assert "6 documents" in window.index_label.text()


def test_ask_click_citation_opens_pdf_viewer_on_cited_page(qtbot, home, real_embedder, tmp_path):
    window = make_window(qtbot, home, real_embedder, tmp_path)
    answer = ask(
        qtbot,
        window,
        "How often are neuro observations done in the first hour after an unwitnessed fall?",
    )
    assert not answer.refused
    html = window.chat.toHtml()
    assert "cite:1" in html and "Every 15 minutes" in window.chat.toPlainText()
    assert window.sources.count() == len(answer.citations)

    pdf_number = next(
        c.number for c in answer.citations if c.source.source_name == "falls-prevention.pdf"
    )
    window.chat.anchorClicked.emit(QUrl(f"cite:{pdf_number}"))
    qtbot.waitUntil(lambda: window.viewer.mode() == "pdf", timeout=10_000)
    assert window.viewer.current_page() == 3
    card = next(c for c in answer.citations if c.number == pdf_number)
    qtbot.waitUntil(lambda: bool(window.viewer.highlighted_text()), timeout=10_000)
    assert " ".join(window.viewer.highlighted_text().split()) in " ".join(card.quotes)


def test_text_citation_highlights_the_passage(qtbot, home, real_embedder, tmp_path):
    window = make_window(qtbot, home, real_embedder, tmp_path)
    answer = ask(qtbot, window, "How long should I rub my hands with alcohol hand rub?")
    window.chat.anchorClicked.emit(QUrl("cite:1"))
    qtbot.waitUntil(lambda: bool(window.viewer.highlighted_text().strip()), timeout=10_000)
    assert window.viewer.mode() == "text"
    assert window.viewer.highlighted_text().strip() == answer.citations[0].passage.strip()


def test_conversation_and_feedback_survive_restart(qtbot, home, real_embedder, tmp_path):
    window = make_window(qtbot, home, real_embedder, tmp_path)
    ask(qtbot, window, "What extension do I ring after a needlestick injury?")
    exchange = window.store.exchanges(window.conversation_id)[0]
    window.give_feedback(exchange.id, "down", comment="Needs the out-of-hours number")
    window.close()

    again = make_window(qtbot, home, real_embedder, tmp_path)
    assert again.conversations.count() == 1
    assert "needlestick" in again.conversations.item(0).text().lower()
    again.conversations.item(0).setSelected(True)
    assert "4455" in again.chat.toPlainText()
    feedback = again.store.feedback_for(exchange.id)
    assert feedback.rating == "down" and feedback.comment == "Needs the out-of-hours number"
    assert "(given)" in again.chat.toPlainText()


def test_refusal_badge_and_closest_documents(qtbot, home, real_embedder, tmp_path):
    window = make_window(qtbot, home, real_embedder, tmp_path)
    answer = ask(qtbot, window, "What are the ward fire evacuation routes?")
    assert answer.refused and answer.outcome == "not-covered"
    text = window.chat.toPlainText()
    assert "Not covered by the approved documents" in text and "Closest approved documents" in text
    for d in answer.closest:  # listed once, with where the closest passage is
        assert text.count(f"{d.source.title} (v{d.source.version})") == 1


def test_streaming_is_batched_and_the_event_loop_keeps_running(
    qtbot, home, real_embedder, tmp_path, scripted_llm
):
    words = " ".join(["Report the injury to Occupational Health within 1 hour [1]."] * 60)
    scripted_llm.reply(words, stream=True)
    llm = LLMSettings(
        provider="compatible", endpoint=scripted_llm.base_url, model="test-model", max_retries=0
    )
    window = make_window(
        qtbot, home, real_embedder, tmp_path, chat_client=make_chat_client(llm, None), llm=llm
    )
    with EventLoopWatch() as watch:
        ask(qtbot, window, "When must a sharps injury be reported?")
    gaps = watch.gaps
    deltas = len([r for r in scripted_llm.requests])  # one streamed request
    assert deltas == 1
    assert 0 < window.chat.repaints < 60 * 10  # batched: far fewer paints than tokens
    # the UI timer kept firing while the answer streamed (how far apart its ticks are is
    # measured by benchmarks/ui_stalls.py, not asserted: shared machines pause)
    assert len(gaps) > 5


def test_settings_dialog_saves_provider_and_key_to_keyring(
    qtbot, home, real_embedder, tmp_path, memory_keyring, monkeypatch
):
    from assistant.ui.settings_dialog import SettingsDialog

    window = make_window(qtbot, home, real_embedder, tmp_path)
    user_home = tmp_path / "user-home"
    window.session.settings = Settings(home=user_home)
    dialog = SettingsDialog(window.session, window.workers, window)
    qtbot.addWidget(dialog)
    dialog.provider.setCurrentIndex(2)  # Azure OpenAI
    dialog.endpoint.setText("https://demo.openai.azure.com")
    dialog.model.setText("gpt-4o-mini")
    dialog.api_key.setText("azure-key-0123456789")
    dialog.save()
    assert memory_keyring.get_password("clinassist", "azure") == "azure-key-0123456789"
    saved = (user_home / "settings.toml").read_text()
    assert 'provider = "azure"' in saved and "azure-key" not in saved
    assert window.session.settings.llm.provider == "azure"


def test_keyboard_shortcuts_and_accessible_names(qtbot, home, real_embedder, tmp_path):
    window = make_window(qtbot, home, real_embedder, tmp_path)
    shortcuts = {a.text().replace("&", ""): a.shortcut().toString() for a in window.actions()}
    assert shortcuts["New chat"] == "Ctrl+N"
    assert shortcuts["Find conversation"] == "Ctrl+F"
    assert shortcuts["Focus question"] == "Ctrl+L"
    assert window.question.accessibleName() == "Question"
    assert window.chat.accessibleName() == "Conversation"
    assert window.sources.accessibleName() == "Sources"


def test_export_markdown_and_pdf(qtbot, home, real_embedder, tmp_path):
    from assistant.ui.exporting import export_markdown, export_pdf

    window = make_window(qtbot, home, real_embedder, tmp_path)
    ask(qtbot, window, "What does a yellow wristband mean?")
    md = export_markdown(window, str(tmp_path / "chat.md")).read_text()
    assert "yellow" in md.lower() and "[1]" in md
    pdf = export_pdf(window, str(tmp_path / "chat.pdf"))
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 2000
    import pypdfium2 as pdfium

    text = "".join(page.get_textpage().get_text_range() for page in pdfium.PdfDocument(str(pdf)))
    assert "wristband" in text.lower()


def test_help_about_credits_the_reference_data_as_plain_text(qtbot, home, real_embedder, tmp_path):
    window = make_window(qtbot, home, real_embedder, tmp_path)
    about = next(a for a in window.actions() if a.text() == "&About clinassist…")
    about.trigger()
    box = window._about
    qtbot.waitUntil(box.isVisible)
    text = box.informativeText()
    assert "Meta-Inventory" in text and "CC BY 4.0" in text
    assert "gecko-data" in text and "MIT" in text
    assert "SCOWL" in text and "Kevin Atkinson" in text
    assert box.textFormat() == Qt.TextFormat.PlainText
    from assistant import __version__

    assert f"clinassist {__version__}" in box.text()
    box.close()


def test_the_falls_schedule_table_is_shown_whole(qtbot, home, real_embedder, tmp_path):
    window = make_window(qtbot, home, real_embedder, tmp_path)
    answer = ask(
        qtbot, window, "How often are neuro observations needed after an unwitnessed fall?"
    )
    shown = window.chat.toPlainText()
    for row in ("Every 15 minutes", "Every 30 minutes", "Every hour", "Every 4 hours"):
        assert row in shown  # no row of the cited table dropped
    assert "Quoted from approved documents — check that it answers your question" in shown
    assert "verified" not in shown.lower()  # offline checks nothing beyond the quote
    assert answer.layout == "cards"


def test_a_follow_up_is_answered_from_the_previous_subject(qtbot, home, real_embedder, tmp_path):
    window = make_window(qtbot, home, real_embedder, tmp_path)
    ask(qtbot, window, "How often are PCA checks needed in the first 4 hours?")
    follow = ask(qtbot, window, "and after that?")
    assert follow.outcome == "answered" and "every 2 hours" in follow.text
    assert "Searched for: How often are PCA checks needed" in window.chat.toPlainText()
    window.new_conversation()  # a new chat starts fresh: nothing to lean on
    fresh = ask(qtbot, window, "and after that?")
    assert fresh.searched_for == "" and fresh.outcome == "not-covered"


def test_the_viewer_clears_after_a_refusal_and_closest_opens_it(
    qtbot, home, real_embedder, tmp_path
):
    window = make_window(qtbot, home, real_embedder, tmp_path)
    ask(qtbot, window, "How long should I rub my hands with alcohol hand rub?")
    window.chat.anchorClicked.emit(QUrl("cite:1"))
    qtbot.waitUntil(lambda: window.viewer.current_citation() is not None, timeout=10_000)
    refusal = ask(qtbot, window, "What are the ward fire evacuation routes?")
    assert refusal.outcome == "not-covered"
    assert window.viewer.current_citation() is None and window.sources.count() == 0
    exchange = window.store.exchanges(window.conversation_id)[-1]
    window.chat.anchorClicked.emit(QUrl(f"closest:{exchange.id}:0"))
    shown = window.viewer.current_citation()
    assert shown is not None and shown.source == refusal.closest[0].source
    assert shown.passage == refusal.closest[0].passage


def test_the_empty_chat_welcomes_with_examples_from_the_documents(
    qtbot, home, real_embedder, tmp_path
):
    window = make_window(qtbot, home, real_embedder, tmp_path)
    qtbot.waitUntil(lambda: len(window.examples) == 3, timeout=30_000)
    shown = window.chat.toPlainText()
    assert "Ask a question about your hospital's approved documents" in shown
    titles = {v.title for v in window.session.kb.live_versions()}
    for example in window.examples:
        assert example in shown and any(f"the {t} say about" in example for t in titles)
    with qtbot.waitSignal(window.answer_finished, timeout=120_000) as asked:
        window.chat.anchorClicked.emit(QUrl("example:0"))
    assert asked.args[0].question == window.examples[0]


def test_quit_closes_every_window_and_ends_the_process(
    qtbot, home, real_embedder, tmp_path, monkeypatch
):
    from PySide6.QtWidgets import QApplication, QMainWindow

    window = make_window(qtbot, home, real_embedder, tmp_path)
    admin = QMainWindow()  # stands for the admin desk the gate opened
    qtbot.addWidget(admin)
    admin.show()
    window._admin_window = admin
    quits = []
    monkeypatch.setattr(QApplication, "quit", staticmethod(lambda: quits.append(True)))
    quit_action = next(a for a in window.actions() if a.text() == "&Quit")
    quit_action.trigger()
    assert quits and not window.isVisible() and not admin.isVisible()


def test_a_question_asked_while_loading_shows_one_waiting_line(
    qtbot, home, real_embedder, tmp_path
):
    window = make_window(qtbot, home, real_embedder, tmp_path)
    window.session.ready.clear()  # as if the model were still loading
    window.question.setPlainText("How long should I rub my hands with alcohol hand rub?")
    window.question.send()
    waiting = "Waiting for the knowledge base to finish loading; your question is kept…"
    qtbot.wait(200)
    assert window.chat.toPlainText().count(waiting) == 1
    with qtbot.waitSignal(window.answer_finished, timeout=120_000):
        window.session.ready.set()
    assert waiting not in window.chat.toPlainText()


def test_a_screenshot_run_keeps_its_conversations_apart(home, real_embedder, tmp_path):
    from assistant.conversations.store import ConversationStore

    settings = Settings(home=tmp_path / "home")
    session = Session(settings)
    session.use_scratch_conversations()
    conversation = session.conversations.create()
    assert session.conversations.get(conversation.id) is not None
    assert not (settings.home / "conversations.sqlite3").exists()
    assert ConversationStore.in_home(tmp_path / "other").list() == []


def test_the_application_carries_the_product_icon(qtbot):
    app = make_application()
    assert not app.windowIcon().isNull()
    assert app.windowIcon().availableSizes()[0].width() == 256
    assert app.desktopFileName() == "clinassist"  # the .deb's desktop entry
