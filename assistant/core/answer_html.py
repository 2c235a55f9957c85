"""An answer as HTML: one rendering for the chat window and the exported page (and the PDF
printed from it).

Everything from documents and models is escaped, so neither can inject markup. Offline
answers are evidence cards (assistant/answering/evidence_html.py). A model's answer is
Markdown with [n] markers, rendered with raw HTML disabled; in the chat (`links=True`) each
valid [n] becomes a link `cite:n` that opens the source viewer, and a marker that maps to no
citation is dropped; in a document it is set in bold.
"""

from __future__ import annotations

import html
import re

from markdown_it import MarkdownIt

from assistant.answering.evidence_html import cards_html
from assistant.core.answer_view import (
    CLOSEST_HEADING,
    SOURCES_HEADING,
    UNVERIFIED_HEADING,
    AnswerView,
)

# A model's Markdown renders as text, lists, emphasis and tables only: raw HTML is escaped and
# links and images are not made (an answer's "[x](feedback:up:3)" or "![](http://…)" shows as
# the characters it is), so the [n] markers linked below are the only anchors in an answer.
_MD = (
    MarkdownIt("commonmark", {"html": False, "linkify": False})
    .enable("table")
    .disable(["link", "image", "autolink"])
)
_MARKER = re.compile(r"\[(\d+)\]")


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def answer_html(
    view: AnswerView,
    *,
    links: bool = False,
    closest_target: str | None = None,
    document: bool = False,
) -> str:
    """`links`: citation markers open the viewer (the chat). `closest_target`: the closest
    documents link to `closest:<target>:<i>` (the chat's exchange). `document`: an exported
    page: a heading says what the answer is, and its sources are listed under it (the chat
    has the source viewer for them)."""
    out = [f'<p class="notice"><b>{_e(n.kind)}:</b> {_e(n.text)}</p>' for n in view.notices]
    if view.searched_for:
        out.append(f'<p class="meta">Searched for: {_e(view.searched_for)}</p>')
    out += _heading(view) if document else [_badge(view)]
    out.append(body_html(view, links))
    out += _listed(UNVERIFIED_HEADING, [_e(s) for s in view.unverified])
    closest = [_e(label) for label in view.closest]
    if closest_target is not None:
        closest = [
            f'<a href="closest:{closest_target}:{i}">{label}</a>' for i, label in enumerate(closest)
        ]
    out += _listed(CLOSEST_HEADING, closest)
    if document and view.sources:
        items = "".join(
            f'<li><span class="cite">[{s.number}]</span> <b>{_e(s.title)}</b> — '
            + " — ".join(_e(d) for d in s.details)
            + "</li>"
            for s in view.sources
        )
        out.append(f'<h4>{SOURCES_HEADING}</h4><ul class="sources">{items}</ul>')
    return "\n".join(part for part in out if part)


def body_html(view: AnswerView, links: bool = False) -> str:
    answer = view.answer
    if view.cards:
        return cards_html(answer, links=links)
    rendered = _MD.render(answer.text.strip())
    if not links:
        return _MARKER.sub(r'<span class="cite">[\1]</span>', rendered)
    valid = {c.number for c in answer.citations}

    def link(match: re.Match[str]) -> str:
        n = int(match.group(1))
        return f'<a class="cite" href="cite:{n}">[{n}]</a>' if n in valid else ""

    return _MARKER.sub(link, rendered)


def _badge(view: AnswerView) -> str:
    if not view.badge:
        return ""
    return f'<p><span class="{view.badge_css}">&nbsp;{_e(view.badge)}&nbsp;</span></p>'


def _heading(view: AnswerView) -> list[str]:
    if view.refused:
        return [f'<h3 class="refused">Answer — {_e(view.badge)}</h3>']
    return ["<h3>Answer</h3>", f'<p class="meta">{_e(view.made_by)}</p>']


def _listed(heading: str, items: list[str]) -> list[str]:
    """Items are HTML already (escaped, or links around escaped text)."""
    if not items:
        return []
    return [f"<p><b>{_e(heading)}</b></p><ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"]
