"""Markdown and HTML exports of a conversation (assistant.core.conversation_export)."""

from __future__ import annotations

from datetime import UTC, datetime
from html.parser import HTMLParser

import pytest
from test_conversations import (
    PHI_QUESTION,
    REDACTED_QUESTION,
    Ticker,
    make_answer,
    make_citation,
    make_llm_answer,
    make_refusal,
)

from assistant.conversations.store import ConversationStore
from assistant.core.conversation_export import FOOTER, conversation_html, conversation_markdown

EXPORTED = datetime(2025, 2, 1, 8, 30, tzinfo=UTC)


@pytest.fixture
def saved(isolated_home):
    """A conversation with an LLM answer (PHI redacted), an offline answer and a refusal."""
    isolated_home.mkdir(parents=True, exist_ok=True)
    with ConversationStore(isolated_home / "conversations.sqlite3", clock=Ticker()) as store:
        conversation = store.create()
        # kept as typed (a site setting), so an export may choose to include identifiers
        store.add_exchange(conversation.id, PHI_QUESTION, make_llm_answer(), keep_typed=True)
        store.add_exchange(
            conversation.id,
            "How long to rub <hands>?",
            make_answer("How long to rub <hands>?"),
        )
        refusal = make_refusal()
        store.add_exchange(conversation.id, refusal.question, refusal)
        yield store.get(conversation.id), store.exchanges(conversation.id)


def test_markdown_has_questions_answers_sources_and_footer(saved):
    conversation, exchanges = saved
    text = conversation_markdown(conversation, exchanges, exported_at=EXPORTED)
    lines = text.splitlines()
    assert lines[0] == "# Vancomycin dose for [NAME-1] MRN [MRN-1]?"
    assert "Exported 2025-02-01 08:30 UTC" in lines[2]
    assert "conversation started 2025-01-31 09:00 UTC" in lines[2]
    assert "3 questions" in lines[2]
    assert [line for line in lines if line.startswith("## ")] == [
        "## Question 1",
        "## Question 2",
        "## Question 3",
    ]
    # Answers keep their markers; each answer is followed by its sources.
    assert "Give 15–20 mg/kg every 8–12 h [1]. Check trough levels [2]." in text
    assert (
        "- [1] **Vancomycin Dosing** — version 3 — 4.2 Alcohol-based hand rub — pp. 3–4 — "
        "source file: hand\\_hygiene.pdf — approved 2024-03-01"
    ) in text
    assert "- [2] **Vancomycin Dosing** — version 3 — 4.2 Alcohol-based hand rub — p. 7" in text
    assert "- [3] **Renal Dosing** — version 1 — 4.2 Alcohol-based hand rub — source file" in text
    assert text.count("#### Sources") == 2  # not for the refusal
    assert "Written by a language model (openai gpt-4o-mini)" in text
    assert "Quoted from approved documents — check that it answers your question (offline)" in text
    # Privacy notice, other notices, unverified statements.
    assert "> **Privacy:** Removed before sending: 1 name, 1 medical record number." in text
    assert "> **Note:** The language model was slow." in text
    assert "Not supported by the cited passage" in text
    assert "- Adjust in renal impairment." in text
    # The refusal is marked and lists the closest documents.
    assert "### Answer — Not covered by the approved documents" in text
    assert "- Visitor Policy (v5) — Hours — p. 2" in text
    assert lines[-1] == f"*{FOOTER}*"
    assert "checked against the cited source" in FOOTER


def test_questions_are_redacted_unless_asked_otherwise(saved):
    conversation, exchanges = saved
    text = conversation_markdown(conversation, exchanges, exported_at=EXPORTED)
    assert "John Smith" not in text and "1234567" not in text
    assert f"> {REDACTED_QUESTION}" in text
    assert "Patient identifiers in the question are replaced by placeholders." in text
    full = conversation_markdown(conversation, exchanges, include_identifiers=True)
    assert f"> {PHI_QUESTION}" in full
    assert "replaced by placeholders" not in full


def test_markdown_escapes_user_text(saved):
    conversation, exchanges = saved
    text = conversation_markdown(conversation, exchanges, exported_at=EXPORTED)
    assert "> How long to rub \\<hands\\>?" in text
    assert text.count("replaced by placeholders") == 1  # only the question that had PHI


def test_markdown_stops_raw_html_in_answers(isolated_home):
    isolated_home.mkdir(parents=True, exist_ok=True)
    with ConversationStore(isolated_home / "c.sqlite3") as store:
        conversation = store.create("# <b>Bold</b> *title*")
        store.add_exchange(
            conversation.id,
            "q",
            make_answer("q", text="Dose <5 mg/kg. <script>alert(1)</script> [1]"),
        )
        text = conversation_markdown(store.get(conversation.id), store.exchanges(conversation.id))
    assert "\\<script>alert(1)\\</script>" in text
    assert "<script>" not in text.replace("\\<", "")
    assert "Dose <5 mg/kg." in text  # not a tag: left alone
    assert text.splitlines()[0] == "# # \\<b\\>Bold\\</b\\> \\*title\\*"


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text.append(data)


def test_html_has_the_same_content(saved):
    conversation, exchanges = saved
    page = conversation_html(conversation, exchanges, exported_at=EXPORTED)
    assert page.startswith("<!DOCTYPE html>")
    assert "<style>" in page and "<script" not in page and "src=" not in page  # self-contained
    parser = _Collector()
    parser.feed(page)
    text = " ".join(parser.text)
    assert "Vancomycin dose for [NAME-1] MRN [MRN-1]?" in text
    assert "John Smith" not in page
    assert "Question 3" in text
    assert '<span class="cite">[1]</span>' in page
    assert "Vancomycin Dosing" in text and "version 3" in text and "pp. 3–4" in text
    assert "source file: hand_hygiene.pdf" in text and "approved 2024-03-01" in text
    assert "Privacy:" in text and "Removed before sending" in text
    assert "Not covered by the approved documents" in text
    assert "Visitor Policy (v5)" in text
    assert FOOTER.replace("'", "&#x27;") in page
    assert parser.tags.count("h2") == 3
    assert parser.tags.count("h4") == 2  # two Sources lists, none for the refusal


def test_html_escapes_everything(isolated_home):
    isolated_home.mkdir(parents=True, exist_ok=True)
    evil = '<img src=x onerror="alert(1)">'
    with ConversationStore(isolated_home / "c.sqlite3") as store:
        conversation = store.create(f"Title {evil}")
        store.add_exchange(
            conversation.id,
            f"Question {evil}",
            make_answer(
                f"Question {evil}",
                text=f"Answer <script>alert(2)</script> & {evil} [1]",
                citations=[
                    make_citation(
                        1,
                        title=f"Doc {evil}",
                        section="<i>sec</i>",
                        source_name='a"b.pdf',
                    )
                ],
                notices=["<b>notice</b>"],
                redaction_notice="<u>privacy</u>",
                unverified=["<em>claim</em>"],
            ),
        )
        page = conversation_html(store.get(conversation.id), store.exchanges(conversation.id))
    for raw_tag in ("<img", "<script", "<i>", "<b>notice", "<u>", "<em>"):
        assert raw_tag not in page, raw_tag
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in page
    assert "&lt;script&gt;" in page
    assert "a&quot;b.pdf" in page
    assert "&amp;" in page


def test_empty_conversation_and_missing_conversation(isolated_home):
    isolated_home.mkdir(parents=True, exist_ok=True)
    with ConversationStore(isolated_home / "c.sqlite3") as store:
        conversation = store.create("Empty")
        text = conversation_markdown(conversation, [], exported_at=EXPORTED)
    assert text.startswith("# Empty") and "0 questions" in text and FOOTER in text
    assert "# Conversation" in conversation_markdown(None, [])
    assert "<h1>Conversation</h1>" in conversation_html(None, [])


def test_blocked_question_is_marked(isolated_home):
    isolated_home.mkdir(parents=True, exist_ok=True)
    blocked = make_answer(
        PHI_QUESTION,
        sent_question=REDACTED_QUESTION,
        text="blocked: the question contains patient identifiers (MRN, NAME)",
        citations=[],
        refused=True,
        refusal_reason="blocked: the question contains patient identifiers (MRN, NAME)",
    )
    with ConversationStore(isolated_home / "c.sqlite3") as store:
        conversation = store.create()
        store.add_exchange(conversation.id, PHI_QUESTION, blocked)
        args = store.get(conversation.id), store.exchanges(conversation.id)
    assert "Not sent: blocked by the privacy setting" in conversation_markdown(*args)
    assert "Not sent: blocked by the privacy setting" in conversation_html(*args)


def test_a_question_saved_as_sent_exports_with_its_placeholder_note(isolated_home):
    isolated_home.mkdir(parents=True, exist_ok=True)
    with ConversationStore(isolated_home / "c.sqlite3") as store:
        conversation = store.create()
        store.add_exchange(conversation.id, PHI_QUESTION, make_llm_answer())  # the default
        exchanges = store.exchanges(conversation.id)
    for include in (False, True):  # the typed question is gone: nothing to include
        text = conversation_markdown(conversation, exchanges, include_identifiers=include)
        assert "John Smith" not in text and REDACTED_QUESTION in text
    assert "replaced by placeholders" in conversation_markdown(conversation, exchanges)
