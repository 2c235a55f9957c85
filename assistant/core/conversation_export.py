"""A conversation as a readable document: Markdown, or self-contained printable HTML (which
the desktop app prints to PDF with QTextDocument/QPdfWriter).

Each answer is followed by its sources (number, title, version, section, pages, source file,
approval date); refusals are marked as such; the redaction notice is kept. By default the
questions are exported as they were searched, with patient identifiers replaced by
placeholders ("[NAME-1]"), because an exported file leaves the app's care: pass
`include_identifiers=True` for the questions exactly as typed.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import UTC, datetime

from assistant.answering.answer import Answer
from assistant.conversations.store import Conversation, Exchange
from assistant.core.answer_html import answer_html
from assistant.core.answer_markdown import answer_markdown, md, md_block
from assistant.core.answer_view import AnswerView

__all__ = ["FOOTER", "conversation_html", "conversation_markdown"]

FOOTER = (
    "Answers come only from the hospital's approved documents and must be checked against "
    "the cited source before they are used for patient care."
)
PLACEHOLDER_NOTE = "Patient identifiers in the question are replaced by placeholders."


# --- what both formats say -------------------------------------------------------------------
def _when(iso: str) -> str:
    """ "2025-01-31 14:05 UTC" from an ISO time; the text itself if it is not one."""
    try:
        moment = datetime.fromisoformat(iso)
    except (TypeError, ValueError):
        return str(iso or "")
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


def _question(exchange: Exchange, answer: Answer, include_identifiers: bool) -> tuple[str, bool]:
    """The question to print and whether identifiers were replaced in it."""
    if include_identifiers or not answer.sent_question:
        return exchange.question, False
    # Saved as sent (the default), the question already has its placeholders: say so too.
    replaced = bool(answer.redactions) or answer.sent_question.split() != exchange.question.split()
    return answer.sent_question, replaced


def _title(conversation: Conversation | None) -> str:
    return conversation.title if conversation is not None else "Conversation"


def _header_line(conversation: Conversation | None, count: int, exported_at: datetime) -> str:
    parts = [f"Exported {_when(exported_at.isoformat())}"]
    if conversation is not None:
        parts.append(f"conversation started {_when(conversation.created_at)}")
    parts.append(f"{count} question{'s' if count != 1 else ''}")
    return " · ".join(parts)


# --- Markdown ---------------------------------------------------------------------------------
def _quote(text: str) -> str:
    return "\n".join("> " + line if line else ">" for line in text.splitlines() or [""])


def conversation_markdown(
    conversation: Conversation | None,
    exchanges: Sequence[Exchange],
    *,
    exported_at: datetime | None = None,
    include_identifiers: bool = False,
) -> str:
    exported_at = exported_at or datetime.now(UTC)
    out = [
        f"# {md(_title(conversation))}",
        "",
        _header_line(conversation, len(exchanges), exported_at),
        "",
    ]
    for number, exchange in enumerate(exchanges, 1):
        answer = exchange.answer()
        question, replaced = _question(exchange, answer, include_identifiers)
        out += ["---", "", f"## Question {number}", "", f"*Asked {_when(exchange.created_at)}*"]
        out += ["", _quote(md_block(question)), ""]
        if replaced:
            out += [f"*{PLACEHOLDER_NOTE}*", ""]
        out.append(answer_markdown(AnswerView.of(answer)))
    out += ["---", "", f"*{FOOTER}*", ""]
    return "\n".join(out)


# --- HTML ------------------------------------------------------------------------------------
STYLE = """
body { font-family: sans-serif; font-size: 10.5pt; color: #111; }
h1 { font-size: 16pt; margin-bottom: 2px; }
h2 { font-size: 12.5pt; margin-top: 18px; margin-bottom: 2px; }
h3 { font-size: 11pt; margin-bottom: 2px; }
.meta { color: #555; font-size: 9pt; }
.question { font-weight: bold; margin: 6px 0; }
.notice { background-color: #fff3cd; color: #3d2e00; padding: 4px; }
.refused { color: #b3261e; }
.cite { font-weight: bold; }
.sources { font-size: 9.5pt; }
.footer { color: #333; font-size: 9pt; border-top: 1px solid #999; margin-top: 18px; }
.summary { font-weight: bold; }
.related { color: #6b4100; font-weight: bold; }
.card { background-color: #f5f7fa; border: 1px solid #c4ccd6; margin-top: 6px; }
.card-head { background-color: #e3e9f1; font-size: 9.5pt; }
.item { margin-left: 14px; }
.mark { background-color: #fff0a8; }
"""


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def conversation_html(
    conversation: Conversation | None,
    exchanges: Sequence[Exchange],
    *,
    exported_at: datetime | None = None,
    include_identifiers: bool = False,
) -> str:
    exported_at = exported_at or datetime.now(UTC)
    title = _title(conversation)
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8"/>',
        f"<title>{_e(title)}</title><style>{STYLE}</style></head><body>",
        f"<h1>{_e(title)}</h1>",
        f'<p class="meta">{_e(_header_line(conversation, len(exchanges), exported_at))}</p>',
    ]
    for number, exchange in enumerate(exchanges, 1):
        answer = exchange.answer()
        question, replaced = _question(exchange, answer, include_identifiers)
        out += [
            "<hr/>",
            f"<h2>Question {number}</h2>",
            f'<p class="meta">Asked {_e(_when(exchange.created_at))}</p>',
            f'<p class="question">{_e(question)}</p>',
        ]
        if replaced:
            out.append(f'<p class="meta">{_e(PLACEHOLDER_NOTE)}</p>')
        out.append(answer_html(AnswerView.of(answer), document=True))
    out += [f'<p class="footer">{_e(FOOTER)}</p>', "</body></html>"]
    return "\n".join(out)
