"""HTML for the chat view, built from plain Answer objects (no Qt here, so it is easy to test).

Offline answers are evidence cards (assistant/answering/evidence_layout.py): each cited
passage whole, its citation as the header, the answering sentences marked; everything from a
document is escaped, so a document can never inject markup. A model's answer is Markdown with
[n] markers: it is rendered with raw HTML disabled, then each valid [n] becomes a link
`cite:n` the window turns into "open the source viewer at citation n".
"""

from __future__ import annotations

import html
import re

from markdown_it import MarkdownIt

from assistant.answering.answer import CARDS, LLM_MODE, RELATED, Answer
from assistant.answering.answer_labels import badge_text
from assistant.answering.evidence_html import cards_html
from assistant.answering.evidence_layout import where_label

_MD = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")
_MARKER = re.compile(r"\[(\d+)\]")

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


def _link_markers(rendered: str, valid: set[int]) -> str:
    def link(match: re.Match[str]) -> str:
        n = int(match.group(1))
        if n not in valid:
            return ""  # never show a marker that maps to no citation
        return f'<a class="cite" href="cite:{n}">[{n}]</a>'

    return _MARKER.sub(link, rendered)


def answer_body_html(answer: Answer) -> str:
    if answer.layout == CARDS:
        return cards_html(answer, links=True)
    valid = {c.number for c in answer.citations}
    return _link_markers(_MD.render(answer.text), valid)


def badges_html(answer: Answer) -> str:
    css, words = badge_text(answer)
    return f'<span class="{css}">&nbsp;{html.escape(words)}&nbsp;</span>' if words else ""


def exchange_html(
    question: str, answer: Answer, exchange_id: int | None, rating: str | None = None
) -> str:
    """One question and its answer, with badges, notices, closest documents and actions."""
    out = [f'<p class="q">{html.escape(question)}</p>']
    for notice in ([answer.redaction_notice] if answer.redaction_notice else []) + answer.notices:
        out.append(f'<p class="notice">{html.escape(notice)}</p>')
    if answer.searched_for:
        out.append(f'<p class="meta">Searched for: {html.escape(answer.searched_for)}</p>')
    out.append(f"<p>{badges_html(answer)}</p>")
    out.append(answer_body_html(answer))
    if answer.unverified:
        items = "".join(f"<li>{html.escape(s)}</li>" for s in answer.unverified)
        out.append(f'<p class="meta">Not supported by the cited passage:</p><ul>{items}</ul>')
    if answer.refused and answer.outcome != RELATED and answer.closest:
        # Listed once; each opens the viewer at its closest passage.
        target = exchange_id if exchange_id is not None else "new"
        items = "".join(
            f'<li><a href="closest:{target}:{i}">{html.escape(where_label(d))}</a></li>'
            for i, d in enumerate(answer.closest)
        )
        out.append(f'<p class="meta">Closest approved documents:</p><ul>{items}</ul>')
    out.append(_meta_line(answer, exchange_id, rating))
    return "\n".join(out)


def _meta_line(answer: Answer, exchange_id: int | None, rating: str | None) -> str:
    mode = answer.model if answer.mode == LLM_MODE else "offline: quoted passages"
    took = answer.timings_ms.get("total_ms")
    parts = [html.escape(mode)] + ([f"{took:.0f} ms"] if took else [])
    if exchange_id is not None:
        # Words, not emoji: the bundled font has no emoji glyphs, and words read out clearly.
        up = "Helpful (given)" if rating == "up" else "Helpful"
        down = "Not helpful (given)" if rating == "down" else "Not helpful"
        parts.append(f'<a href="feedback:up:{exchange_id}">{up}</a>')
        parts.append(f'<a href="feedback:down:{exchange_id}">{down}</a>')
        parts.append(f'<a href="copy:{exchange_id}">Copy with sources</a>')
    return f'<p class="meta">{" · ".join(parts)}</p>'


def answer_plain_text(question: str, answer: Answer) -> str:
    """What "Copy with sources" puts on the clipboard: the answer and its full citations."""
    lines = [f"Q: {question}", "", answer.text, ""]
    if answer.citations:
        lines.append("Sources:")
        for c in answer.citations:
            approved = f", approved {c.source.approved_at[:10]}" if c.source.approved_at else ""
            lines.append(f"[{c.number}] {c.label()} ({c.source.source_name}{approved})")
    elif answer.refused and answer.closest:
        lines.append("Closest approved documents: " + "; ".join(map(where_label, answer.closest)))
    return "\n".join(lines).strip() + "\n"


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
