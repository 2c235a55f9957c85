"""One presentation of an answer: what it shows is decided once (AnswerView), and the
terminal, the chat, the clipboard and the Markdown and HTML exports all show the same."""

from __future__ import annotations

from dataclasses import replace

import pytest
from test_conversations import make_answer, make_citation, make_refusal

from assistant.answering.answer import CARDS, LLM_MODE, NOT_COVERED, RELATED
from assistant.core.answer_html import answer_html
from assistant.core.answer_markdown import answer_markdown
from assistant.core.answer_text import answer_lines, plain_text
from assistant.core.answer_view import (
    CLOSEST_HEADING,
    UNVERIFIED_HEADING,
    AnswerView,
)
from assistant.core.chat_html import exchange_html


def every_rendering(answer) -> dict[str, str]:
    view = AnswerView.of(answer)
    return {
        "terminal": "\n".join(line.text for line in answer_lines(view)),
        "clipboard": plain_text("q", view),
        "markdown": answer_markdown(view),
        "chat": exchange_html("q", answer, 7),
        "page": answer_html(view, document=True),
    }


def llm_answer():
    return make_answer(
        mode=LLM_MODE,
        provider="openai",
        model="gpt-4o-mini",
        claims_total=2,
        claims_verified=1,
        unverified=["Repeat every hour."],
        notices=["The language model was slow."],
        redaction_notice="Removed before sending: 1 name.",
        searched_for="hand rub duration in children",
    )


def test_every_rendering_shows_the_same_notices_badge_unverified_and_search():
    for name, shown in every_rendering(llm_answer()).items():
        assert "Removed before sending: 1 name." in shown, name
        assert "The language model was slow." in shown, name
        assert "1 of 2 statements supported by their cited passage" in shown, name
        assert UNVERIFIED_HEADING in shown and "Repeat every hour." in shown, name
        assert "Searched for: hand rub duration in children" in shown, name


def test_a_refusal_lists_the_closest_documents_everywhere_and_related_passages_nowhere():
    for name, shown in every_rendering(make_refusal()).items():
        assert CLOSEST_HEADING in shown and "Visitor Policy (v5) — Hours — p. 2" in shown, name
        assert "Not covered by the approved documents" in shown, name
    related = replace(make_refusal(), outcome=RELATED, layout=CARDS, citations=[make_citation(1)])
    assert AnswerView.of(related).closest == ()  # its passages are shown as cards already
    for name, shown in every_rendering(related).items():
        assert CLOSEST_HEADING not in shown, name
        assert "Related passages" in shown, name


def test_sources_read_the_same_in_the_terminal_the_clipboard_and_the_exports():
    entry = AnswerView.of(make_answer()).sources[0]
    assert entry.text() == (
        "[1] Hand Hygiene Policy — version 2 — 4.2 Alcohol-based hand rub — pp. 3–4 — "
        "source file: hand_hygiene.pdf — approved 2024-03-01"
    )
    shown = every_rendering(make_answer())
    assert entry.text() in shown["terminal"] and entry.text() in shown["clipboard"]
    assert "- [1] **Hand Hygiene Policy** — version 2 — 4.2 Alcohol" in shown["markdown"]
    assert "<b>Hand Hygiene Policy</b> — version 2" in shown["page"]


def test_markers_link_to_the_viewer_in_the_chat_only_and_unknown_markers_are_dropped():
    answer = make_answer(text="Rub for 20 seconds [1]. Dry hands [4].", mode=LLM_MODE)
    chat = exchange_html("q", answer, 3)
    assert '<a class="cite" href="cite:1">[1]</a>' in chat and "[4]" not in chat
    page = answer_html(AnswerView.of(answer), document=True)
    assert '<span class="cite">[1]</span>' in page and "href=" not in page


@pytest.mark.parametrize("hostile", ["<script>alert(1)</script>", "[bold red]x[/bold red]"])
def test_text_from_documents_is_data_in_every_rendering(hostile):
    citation = make_citation(1, passage=f"Give 10 mg. {hostile}", quotes=["Give 10 mg."])
    citation = replace(citation, source=replace(citation.source, title=f"T {hostile}"))
    answer = make_answer(text="", citations=[citation], layout=CARDS, summary="Give 10 mg. [1]")
    shown = every_rendering(answer)
    assert hostile in shown["terminal"] and hostile in shown["clipboard"]  # printed literally
    for name in ("chat", "page"):
        assert "<script>" not in shown[name], name
    assert "<script>" not in shown["markdown"].replace("\\<", "")


def test_the_short_line_says_how_it_was_made_and_how_long_it_took():
    assert AnswerView.of(make_answer()).meta == "offline: quoted passages · 12 ms"
    assert AnswerView.of(llm_answer()).meta.startswith("gpt-4o-mini · ")
    refused = replace(make_refusal(), outcome=NOT_COVERED, timings_ms={})
    assert AnswerView.of(refused).meta == "offline: quoted passages"


def test_a_models_links_images_and_html_are_shown_as_text_not_made_live():
    text = (
        "See [the form](feedback:up:3) and ![x](http://example.org/p.png) "
        "<a href='copy:1'>copy</a> <img src=x> [1]."
    )
    answer = make_answer(text=text, mode=LLM_MODE)
    chat = exchange_html("q", answer, 3)
    body = chat.split('<p class="q">q</p>', 1)[1].split('<p class="meta">', 1)[0]
    assert body.count("<a ") == 1 and 'href="cite:1"' in body  # the marker, nothing else
    assert "<img" not in body and "feedback:up:3" in body  # shown as the characters it is
    markdown = answer_markdown(AnswerView.of(answer))
    assert "](feedback" not in markdown and "![" not in markdown
    assert "<a " not in markdown.replace("\\<", "")  # escaped: shown, never a tag
