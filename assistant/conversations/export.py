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
import re
from collections.abc import Sequence
from datetime import UTC, datetime

from markdown_it import MarkdownIt

from assistant.answering.answer import CARDS, LLM_MODE, Answer, Citation
from assistant.answering.answer_labels import badge_text
from assistant.answering.evidence_html import cards_html
from assistant.answering.evidence_layout import card_header, card_lines
from assistant.conversations.store import Conversation, Exchange

__all__ = ["FOOTER", "conversation_html", "conversation_markdown"]

FOOTER = (
    "Answers come only from the hospital's approved documents and must be checked against "
    "the cited source before they are used for patient care."
)
PLACEHOLDER_NOTE = "Patient identifiers in the question are replaced by placeholders."

_MD = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")


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


def _mode(answer: Answer) -> str:
    """How the answer was made, and what its badge says was checked."""
    badge = badge_text(answer)[1]
    if answer.mode == LLM_MODE:
        who = " ".join(part for part in (answer.provider, answer.model) if part)
        made = f"Written by a language model ({who}) from approved documents"
        return f"{made}; {badge}" if badge else made
    return f"{badge} (offline)"


def _refusal_heading(answer: Answer) -> str:
    return badge_text(answer)[1]


def _source_parts(c: Citation) -> list[str]:
    parts = [f"version {c.source.version}"]
    if c.source.section:
        parts.append(c.source.section)
    if c.pages_label:
        parts.append(c.pages_label)
    if c.source.source_name:
        parts.append(f"source file: {c.source.source_name}")
    if c.source.approved_at:
        parts.append(f"approved {c.source.approved_at[:10]}")
    return parts


def _closest_line(d) -> str:
    text = f"{d.source.title} (v{d.source.version})"
    if d.source.section:
        text += f" — {d.source.section}"
    if d.pages_label:
        text += f" — {d.pages_label}"
    return text


def _title(conversation: Conversation | None) -> str:
    return conversation.title if conversation is not None else "Conversation"


def _header_line(conversation: Conversation | None, count: int, exported_at: datetime) -> str:
    parts = [f"Exported {_when(exported_at.isoformat())}"]
    if conversation is not None:
        parts.append(f"conversation started {_when(conversation.created_at)}")
    parts.append(f"{count} question{'s' if count != 1 else ''}")
    return " · ".join(parts)


# --- Markdown --------------------------------------------------------------------------------
_MD_SPECIAL = re.compile(r"([\\`*_<>|])")
_TAG_START = re.compile(r"<(?=[A-Za-z/!?])")


def _md(text: str) -> str:
    """Plain text (a title, a section) shown literally inside a Markdown line."""
    return _MD_SPECIAL.sub(r"\\\1", text)


def _md_block(text: str) -> str:
    """Plain text that starts a line (a question, a list item): also no heading/list/rule."""
    return _md_block_start(_md(text))


def _md_answer(text: str) -> str:
    """Answer text is Markdown already; only stop anything that would read as raw HTML."""
    return _TAG_START.sub(r"\\<", text)


def _md_cards(answer: Answer) -> str:
    """Evidence cards in Markdown: the lead line, then each card's header in bold and its
    lines as they are (escaped, hard line breaks), the answering sentences in bold."""
    out = [_md_block(answer.summary), ""] if answer.summary else []
    for citation in answer.citations:
        lines = [f"**{_md(card_header(citation))}**"]
        for line in card_lines(citation.passage, citation.quotes):
            text = "".join(
                f"**{_md(piece)}**" if marked and piece.strip() else _md(piece)
                for piece, marked in line.pieces()
            )
            lines.append(_md_block_start(text))
        out += ["  \n".join(lines), ""]
    return "\n".join(out).strip()


def _md_block_start(escaped: str) -> str:
    """Escaped text whose lines must not start a heading, list or rule."""
    escaped = re.sub(r"^([#+\-=])", r"\\\1", escaped, flags=re.MULTILINE)
    return re.sub(r"^(\d+)([.)])", r"\1\\\2", escaped, flags=re.MULTILINE)


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
        f"# {_md(_title(conversation))}",
        "",
        _header_line(conversation, len(exchanges), exported_at),
        "",
    ]
    for number, exchange in enumerate(exchanges, 1):
        answer = exchange.answer()
        question, replaced = _question(exchange, answer, include_identifiers)
        out += ["---", "", f"## Question {number}", "", f"*Asked {_when(exchange.created_at)}*"]
        out += ["", _quote(_md_block(question)), ""]
        if replaced:
            out += [f"*{PLACEHOLDER_NOTE}*", ""]
        if answer.redaction_notice:
            out += [f"> **Privacy:** {_md(answer.redaction_notice)}", ""]
        for notice in answer.notices:
            out += [f"> **Note:** {_md(notice)}", ""]
        if answer.refused:
            out += [f"### Answer — {_refusal_heading(answer)}", ""]
        else:
            out += ["### Answer", "", f"*{_mode(answer)}*", ""]
        body = _md_cards(answer) if answer.layout == CARDS else _md_answer(answer.text.strip())
        out += [body, ""]
        if answer.unverified:
            out += ["**Not supported by the cited passage — check before use:**", ""]
            out += [f"- {_md_block(s)}" for s in answer.unverified] + [""]
        if answer.refused and answer.closest:
            out += ["**Closest approved documents:**", ""]
            out += [f"- {_md_block(_closest_line(d))}" for d in answer.closest] + [""]
        if answer.citations:
            out += ["#### Sources", ""]
            for c in answer.citations:
                out.append(
                    f"- [{c.number}] **{_md(c.source.title)}** — "
                    + " — ".join(_md(p) for p in _source_parts(c))
                )
            out.append("")
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

_MARKER = re.compile(r"\[(\d+)\]")


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _answer_html(text: str) -> str:
    # Raw HTML in the answer is disabled, so markdown-it escapes it.
    rendered = _MD.render(text.strip())
    return _MARKER.sub(r'<span class="cite">[\1]</span>', rendered)


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
        if answer.redaction_notice:
            out.append(f'<p class="notice"><b>Privacy:</b> {_e(answer.redaction_notice)}</p>')
        for notice in answer.notices:
            out.append(f'<p class="notice"><b>Note:</b> {_e(notice)}</p>')
        if answer.refused:
            out.append(f'<h3 class="refused">Answer — {_e(_refusal_heading(answer))}</h3>')
        else:
            out += ["<h3>Answer</h3>", f'<p class="meta">{_e(_mode(answer))}</p>']
        out.append(cards_html(answer) if answer.layout == CARDS else _answer_html(answer.text))
        if answer.unverified:
            items = "".join(f"<li>{_e(s)}</li>" for s in answer.unverified)
            out.append(
                "<p><b>Not supported by the cited passage — check before use:</b></p>"
                f"<ul>{items}</ul>"
            )
        if answer.refused and answer.closest:
            items = "".join(f"<li>{_e(_closest_line(d))}</li>" for d in answer.closest)
            out.append(f"<p><b>Closest approved documents:</b></p><ul>{items}</ul>")
        if answer.citations:
            items = "".join(
                f'<li><span class="cite">[{c.number}]</span> <b>{_e(c.source.title)}</b> — '
                + " — ".join(_e(p) for p in _source_parts(c))
                + "</li>"
                for c in answer.citations
            )
            out.append(f'<h4>Sources</h4><ul class="sources">{items}</ul>')
    out += [f'<p class="footer">{_e(FOOTER)}</p>', "</body></html>"]
    return "\n".join(out)
