"""What an answer shows, decided once for every place it is shown.

The terminal, the chat window, "Copy with sources" and the exported Markdown, HTML and PDF
used to decide each for itself which notices to show, when to list the closest documents,
how to word a source and an unsupported sentence, and they drifted apart (the export listed
closest documents beside related passages; the terminal said "unverified:" where the window
said "Not supported by the cited passage"). `AnswerView.of(answer)` makes those decisions;
the formats (answer_text, answer_markdown, answer_html) only choose markup.
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.answering.answer import CARDS, LLM_MODE, RELATED, Answer, Citation
from assistant.answering.answer_labels import badge_text
from assistant.answering.evidence_layout import where_label

UNVERIFIED_HEADING = "Not supported by the cited passage — check before use:"
CLOSEST_HEADING = "Closest approved documents:"
SOURCES_HEADING = "Sources"
OFFLINE_MADE = "offline: quoted passages"


@dataclass(frozen=True, slots=True)
class Notice:
    kind: str  # "Privacy" (identifiers found or removed) or "Note" (e.g. the model failed)
    text: str


@dataclass(frozen=True, slots=True)
class SourceEntry:
    """One line of an answer's sources: its number, the title, then where and what."""

    number: int
    title: str
    details: tuple[str, ...]  # version, section, pages, source file, approval date

    @classmethod
    def of(cls, c: Citation) -> SourceEntry:
        where = c.source
        details = [f"version {where.version}"]
        if where.section:
            details.append(where.section)
        if c.pages_label:
            details.append(c.pages_label)
        if where.source_name:
            details.append(f"source file: {where.source_name}")
        if where.approved_at:
            details.append(f"approved {where.approved_at[:10]}")
        return cls(c.number, where.title, tuple(details))

    def text(self) -> str:
        return f"[{self.number}] " + " — ".join((self.title, *self.details))


@dataclass(frozen=True, slots=True)
class AnswerView:
    answer: Answer  # the body (cards or text) is drawn from it
    notices: tuple[Notice, ...]
    searched_for: str  # "" unless a follow-up was searched with its subject
    badge_css: str  # "badge-verified", "badge-refused", … ("" when there is no badge)
    badge: str
    made_by: str  # one sentence: who wrote the answer and what its badge says was checked
    meta: str  # the short form: the model (or offline) and how long it took
    unverified: tuple[str, ...]
    closest: tuple[str, ...]  # "Title (vN) — section — page" of each, when they are listed
    sources: tuple[SourceEntry, ...]

    @classmethod
    def of(cls, answer: Answer) -> AnswerView:
        css, badge = badge_text(answer)
        notices = [Notice("Privacy", answer.redaction_notice)] if answer.redaction_notice else []
        notices += [Notice("Note", text) for text in answer.notices]
        # Related passages are shown as cards already: the list would repeat them.
        list_closest = answer.refused and answer.outcome != RELATED
        return cls(
            answer=answer,
            notices=tuple(notices),
            searched_for=answer.searched_for,
            badge_css=css,
            badge=badge,
            made_by=_made_by(answer, badge),
            meta=_meta(answer),
            unverified=tuple(answer.unverified),
            closest=tuple(where_label(d) for d in answer.closest) if list_closest else (),
            sources=tuple(SourceEntry.of(c) for c in answer.citations),
        )

    @property
    def cards(self) -> bool:
        return self.answer.layout == CARDS

    @property
    def refused(self) -> bool:
        return self.answer.refused


def _made_by(answer: Answer, badge: str) -> str:
    if answer.mode == LLM_MODE:
        who = " ".join(part for part in (answer.provider, answer.model) if part)
        made = f"Written by a language model ({who}) from approved documents"
        return f"{made}; {badge}" if badge else made
    return f"{badge} (offline)"


def _meta(answer: Answer) -> str:
    made = answer.model if answer.mode == LLM_MODE else OFFLINE_MADE
    took = answer.timings_ms.get("total_ms")
    return f"{made} · {took:.0f} ms" if took else made
