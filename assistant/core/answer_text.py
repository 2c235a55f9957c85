"""An answer as lines of plain text, each with its role: the terminal styles them by role
(`clinassist ask`), "Copy with sources" joins them. Nothing here is markup: text from
documents and models stays as it is, and whoever prints it prints it literally."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.answering.answer import RELATED
from assistant.answering.evidence_layout import card_header, card_lines
from assistant.core.answer_view import (
    CLOSEST_HEADING,
    SOURCES_HEADING,
    UNVERIFIED_HEADING,
    AnswerView,
)

# Roles beside the badge's own ("badge-verified", "badge-refused", …).
NOTICE, META, SUMMARY, RELATED_NOTE, CARD_HEAD, MARKED, TEXT, REFUSAL, HEADING, ITEM = (
    "notice",
    "meta",
    "summary",
    "related",
    "card-head",
    "marked",
    "text",
    "refusal",
    "heading",
    "item",
)


@dataclass(frozen=True, slots=True)
class Line:
    text: str
    role: str = TEXT


def answer_lines(view: AnswerView) -> list[Line]:
    """Notices, what was searched, the badge, the body, unsupported sentences, closest
    documents, sources and how it was made: the order the window shows them in."""
    lines = [Line(f"{n.kind}: {n.text}", NOTICE) for n in view.notices]
    if view.searched_for:
        lines.append(Line(f"Searched for: {view.searched_for}", META))
    if view.badge:
        lines.append(Line(view.badge, view.badge_css))
    lines += _body(view)
    lines += _listed(UNVERIFIED_HEADING, view.unverified, NOTICE)
    lines += _listed(CLOSEST_HEADING, view.closest)
    lines += _listed(SOURCES_HEADING, [s.text() for s in view.sources], bullet="")
    return lines + [Line(""), Line(view.meta, META)]


def plain_text(question: str, view: AnswerView) -> str:
    """What "Copy with sources" puts on the clipboard."""
    body = "\n".join(line.text for line in answer_lines(view))
    return f"Q: {question}\n\n{body}".strip() + "\n"


def _body(view: AnswerView) -> list[Line]:
    answer = view.answer
    if not view.cards:
        return [Line(answer.text, REFUSAL if view.refused else TEXT)]
    lines = []
    if answer.summary:
        lines.append(Line(answer.summary, RELATED_NOTE if answer.outcome == RELATED else SUMMARY))
    for c in answer.citations:
        lines += [Line(""), Line(card_header(c), CARD_HEAD)]
        lines += [
            Line(x.text, MARKED if x.marks else TEXT) for x in card_lines(c.passage, c.quotes)
        ]
    return lines


def _listed(heading: str, items, role: str = ITEM, bullet: str = "• ") -> list[Line]:
    if not items:
        return []
    return [Line(""), Line(heading, HEADING)] + [Line(f"  {bullet}{item}", role) for item in items]
