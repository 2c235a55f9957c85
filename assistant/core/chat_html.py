"""HTML for the chat view, built from plain Answer objects (no Qt here, so it is easy to test).

Each exchange is the question, the answer as assistant/core/answer_html.py renders it (with
links: a citation marker opens the source viewer at that citation, a closest document at
its passage) and a line of actions (feedback, copy with sources).
"""

from __future__ import annotations

import html

from assistant.answering.answer import Answer
from assistant.core.answer_html import answer_html
from assistant.core.answer_text import plain_text
from assistant.core.answer_view import AnswerView

STYLE = """
body { font-size: 10.5pt; }
.q { margin-top: 14px; font-weight: bold; }
.meta { color: palette(mid); font-size: 9pt; }
.badge-refused { background: #b3261e; color: white; padding: 1px 6px; }
.badge-related { background: #8a5300; color: white; padding: 1px 6px; }
.badge-unverified { background: #a15c00; color: white; padding: 1px 6px; }
.badge-verified { background: #1e6b35; color: white; padding: 1px 6px; }
.badge-quoted { background: #2f4f7f; color: white; padding: 1px 6px; }
.notice { background: #fff3cd; color: #3d2e00; padding: 4px; }
.summary { font-weight: bold; }
.related { color: #6b4100; font-weight: bold; }
.card { background: #f5f7fa; border: 1px solid #c4ccd6; margin-top: 6px; }
.card-head { background: #e3e9f1; font-size: 9.5pt; }
.item { margin-left: 14px; }
.mark { background-color: #fff0a8; }
a.cite { text-decoration: none; font-weight: bold; }
"""


def exchange_html(
    question: str, answer: Answer, exchange_id: int | None, rating: str | None = None
) -> str:
    """One question and its answer, with badges, notices, closest documents and actions."""
    target = str(exchange_id) if exchange_id is not None else "new"
    view = AnswerView.of(answer)
    return "\n".join(
        [
            f'<p class="q">{html.escape(question)}</p>',
            answer_html(view, links=True, closest_target=target),
            _meta_line(view, exchange_id, rating),
        ]
    )


def _meta_line(view: AnswerView, exchange_id: int | None, rating: str | None) -> str:
    parts = [html.escape(view.meta)]
    if exchange_id is not None:
        # Words, not emoji: the bundled font has no emoji glyphs, and words read out clearly.
        up = "Helpful (given)" if rating == "up" else "Helpful"
        down = "Not helpful (given)" if rating == "down" else "Not helpful"
        parts.append(f'<a href="feedback:up:{exchange_id}">{up}</a>')
        parts.append(f'<a href="feedback:down:{exchange_id}">{down}</a>')
        parts.append(f'<a href="copy:{exchange_id}">Copy with sources</a>')
        if not view.answer.refused:
            parts.append(f'<a href="handout:{exchange_id}">Make a patient handout</a>')
    return f'<p class="meta">{" · ".join(parts)}</p>'


def answer_plain_text(question: str, answer: Answer) -> str:
    """What "Copy with sources" puts on the clipboard: the answer and its full citations."""
    return plain_text(question, AnswerView.of(answer))


def welcome_html(examples: list[str]) -> str:
    """The empty chat: what the assistant does and does not do, and examples to click."""
    out = [
        '<p class="q">Ask a question about your hospital\'s approved documents.</p>',
        '<p class="meta">Answers come only from approved, current policies and guidelines, '
        "each passage cited to its document, section and page. When they do not cover a "
        "question, you are told so and shown the closest documents.</p>",
    ]
    if examples:
        items = "".join(
            f'<li><a href="example:{i}">{html.escape(q)}</a></li>' for i, q in enumerate(examples)
        )
        out.append(f"<p>For example:</p><ul>{items}</ul>")
    body = "\n".join(out)
    return f"<html><head><style>{STYLE}</style></head><body>{body}</body></html>"


LATEST = "latest"  # the anchor of the last exchange: the window scrolls its question into view


def conversation_html(items: list[tuple[str, Answer, int | None, str | None]]) -> str:
    parts = [exchange_html(q, a, i, r) for q, a, i, r in items]
    if parts:
        parts[-1] = f'<a name="{LATEST}"></a>' + parts[-1]
    body = "\n<hr/>\n".join(parts)
    return f"<html><head><style>{STYLE}</style></head><body>{body}</body></html>"
