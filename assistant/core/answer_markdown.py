"""An answer as Markdown, for the exported conversation.

Text from documents is escaped so that it shows literally (no heading, list, rule, emphasis
or raw HTML can come from a passage); a model's answer is Markdown already, and only what
would read as raw HTML is stopped. Evidence cards keep each line, the answering sentences in
bold.
"""

from __future__ import annotations

import re

from assistant.answering.evidence_layout import card_header, card_lines
from assistant.core.answer_view import (
    CLOSEST_HEADING,
    SOURCES_HEADING,
    UNVERIFIED_HEADING,
    AnswerView,
)

_MD_SPECIAL = re.compile(r"([\\`*_<>|])")
_TAG_START = re.compile(r"<(?=[A-Za-z/!?])")


def md(text: str) -> str:
    """Plain text (a title, a section) shown literally inside a Markdown line."""
    return _MD_SPECIAL.sub(r"\\\1", text)


def md_block(text: str) -> str:
    """Plain text that starts a line (a question, a list item): also no heading/list/rule."""
    return _block_start(md(text))


def answer_markdown(view: AnswerView) -> str:
    """Notices, a heading that says what the answer is, the body, unsupported sentences,
    closest documents and sources."""
    answer = view.answer
    out: list[str] = []
    for notice in view.notices:
        out += [f"> **{notice.kind}:** {md(notice.text)}", ""]
    if view.searched_for:
        out += [f"*Searched for: {md(view.searched_for)}*", ""]
    if view.refused:
        out += [f"### Answer — {view.badge}", ""]
    else:
        out += ["### Answer", "", f"*{view.made_by}*", ""]
    out += [_cards(view) if view.cards else _model_markdown(answer.text), ""]
    for heading, items in ((UNVERIFIED_HEADING, view.unverified), (CLOSEST_HEADING, view.closest)):
        if items:
            out += [f"**{heading}**", ""] + [f"- {md_block(item)}" for item in items] + [""]
    if view.sources:
        out += [f"#### {SOURCES_HEADING}", ""]
        for s in view.sources:
            details = " — ".join(md(d) for d in s.details)
            out.append(f"- [{s.number}] **{md(s.title)}** — {details}")
        out.append("")
    return "\n".join(out)


def _model_markdown(text: str) -> str:
    """A model's answer is Markdown already; nothing in it may read as raw HTML, a link or an
    image in whatever shows the exported file."""
    text = _TAG_START.sub(r"\\<", text.strip())
    return text.replace("](", "]\\(").replace("![", "!\\[")


def _cards(view: AnswerView) -> str:
    """The lead line, then each card's header in bold and its lines as they are (escaped,
    hard line breaks), the answering sentences in bold."""
    answer = view.answer
    out = []
    if answer.summary:
        out += [md_block(answer.summary), ""]
    for citation in answer.citations:
        lines = [f"**{md(card_header(citation))}**"]
        for line in card_lines(citation.passage, citation.quotes):
            text = "".join(
                f"**{md(piece)}**" if marked and piece.strip() else md(piece)
                for piece, marked in line.pieces()
            )
            lines.append(_block_start(text))
        out += ["  \n".join(lines), ""]
    return "\n".join(out).strip()


def _block_start(escaped: str) -> str:
    """Escaped text whose lines must not start a heading, list or rule."""
    escaped = re.sub(r"^([#+\-=])", r"\\\1", escaped, flags=re.MULTILINE)
    return re.sub(r"^(\d+)([.)])", r"\1\\\2", escaped, flags=re.MULTILINE)
