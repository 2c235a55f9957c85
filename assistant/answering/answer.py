"""What an answer is: text, numbered citations with full provenance, and how it was made.

These are plain data objects: the CLI prints them, the desktop app renders them, the audit log
stores them. `to_json` is the stable, machine-readable form (`clinassist ask --json`).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any

from knowledge.provenance import Provenance, pages_label

OFFLINE_MODE = "offline-extractive"
LLM_MODE = "llm"

# What the clinician is told, in three colours: an answer; related passages that may not
# answer the question (amber: the evidence is between the answer and refusal thresholds);
# not covered (red: the closest documents are listed). "blocked": the privacy setting
# stopped the question before anything was searched or sent.
ANSWERED, RELATED, NOT_COVERED, BLOCKED = "answered", "related", "not-covered", "blocked"
# How `text` is laid out: "cards" (offline: whole passages, see
# assistant/answering/evidence_layout.py) or "text" (a model's Markdown with [n] markers, or a
# refusal).
CARDS, PLAIN = "cards", "text"


@dataclass(slots=True)
class Citation:
    number: int
    source: Provenance  # where the passage is: document, version, section, pages, offsets
    passage: str  # the whole cited chunk
    quotes: list[str] = field(default_factory=list)  # the sentences the answer relies on

    @property
    def pages_label(self) -> str:
        return self.source.pages_label

    def label(self) -> str:
        """One line a clinician reads: title, version, section, page."""
        return self.source.label()

    def to_json(self) -> dict[str, Any]:
        """Flat, as saved answers and `--json` have always had it: the provenance fields
        beside the number, passage, quotes and a readable label."""
        data = {"number": self.number, **self.source.to_json()}
        return data | {"passage": self.passage, "quotes": list(self.quotes), "label": self.label()}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Citation:
        return cls(
            number=data.get("number", 0),
            source=Provenance.from_json(data),
            passage=data.get("passage", ""),
            quotes=list(data.get("quotes") or []),
        )


@dataclass(slots=True)
class ClosestDocument:
    """A document the question came closest to, at its closest passage (so a refusal's list
    opens the viewer there)."""

    source: Provenance
    similarity: float
    passage: str = ""

    @property
    def pages_label(self) -> str:
        """The first page only: the list says where the passage starts."""
        return pages_label(self.source.page_start, None, self.source.page_label_start)

    def citation(self, number: int = 1) -> Citation:
        """The closest passage as a citation the source viewer can open (nothing quoted)."""
        return Citation(number, self.source, self.passage)

    def to_json(self) -> dict[str, Any]:
        return {**self.source.to_json(), "similarity": self.similarity, "passage": self.passage}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ClosestDocument:
        return cls(Provenance.from_json(data), data.get("similarity", 0.0), data.get("passage", ""))


@dataclass(slots=True)
class Answer:
    question: str  # as typed; stays on this machine
    sent_question: str  # after redaction: what retrieval/LLM and the audit log see
    text: str
    citations: list[Citation]
    refused: bool = False  # nothing is asserted as an answer: related, not covered or blocked
    refusal_reason: str = ""
    outcome: str = ANSWERED
    layout: str = PLAIN
    # Offline: the one sentence that carries the kind of value asked for, with its marker,
    # shown above the cards ("" when no sentence clearly does).
    summary: str = ""
    # What was searched when it differs from the question: a follow-up ("and in children?")
    # combined with the subject of the question before it. Shown as "Searched for: …".
    searched_for: str = ""
    closest: list[ClosestDocument] = field(default_factory=list)
    mode: str = OFFLINE_MODE
    provider: str = "offline"
    model: str = ""
    claims_total: int = 0
    claims_verified: int = 0
    unverified: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)  # e.g. the LLM failed, offline fallback
    redactions: dict[str, int] = field(default_factory=dict)
    redaction_notice: str = ""
    timings_ms: dict[str, float] = field(default_factory=dict)
    # What retrieval added to the question (abbreviation senses, generic names, lay words'
    # clinical terms, spelling): shown in `--json` so a surprising answer can be traced.
    query_expansions: list[dict] = field(default_factory=list)
    created_at: str = field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))

    def to_json(self, include_question: bool = True) -> dict[str, Any]:
        data = asdict(self) | {  # citations and closest documents keep their flat saved form
            "citations": [c.to_json() for c in self.citations],
            "closest": [d.to_json() for d in self.closest],
        }
        if not include_question:
            data.pop("question")
        return data


@dataclass(slots=True)
class AnswerEvent:
    """Streaming: "status" (a line for the status bar), "delta" (answer text as it arrives;
    may later be corrected by the final answer), then exactly one "done" with the Answer."""

    kind: str
    text: str = ""
    answer: Answer | None = None


def coalesce_deltas(
    events: Iterable[AnswerEvent],
    interval_s: float = 0.05,
    clock: Callable[[], float] = time.monotonic,
) -> Iterator[AnswerEvent]:
    """Merge consecutive "delta" events so that at most one is passed on per `interval_s`.

    A model can stream hundreds of tokens a second. Handed to a window one by one, each is a
    queued call the UI thread must take the interpreter lock for, in turn with the thread
    still streaming, and the window's own timers starve (measured: 60-300 ms stalls). Text is
    never lost or reordered: pending text is passed on before any other event and at the end.
    """
    pending: list[str] = []
    last = float("-inf")  # the first text shows at once
    try:
        for event in events:
            if event.kind == "delta":
                pending.append(event.text)
                if clock() - last < interval_s:
                    continue
            if pending:
                yield AnswerEvent("delta", "".join(pending))
                pending.clear()
                last = clock()
            if event.kind != "delta":
                yield event
    except Exception:
        if pending:  # what had arrived is shown before the error, as without merging
            yield AnswerEvent("delta", "".join(pending))
        raise
    if pending:
        yield AnswerEvent("delta", "".join(pending))
