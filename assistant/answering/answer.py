"""What an answer is: text, numbered citations with full provenance, and how it was made.

These are plain data objects: the CLI prints them, the desktop app renders them, the audit log
stores them. `to_json` is the stable, machine-readable form (`clinassist ask --json`).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field, fields
from datetime import UTC, datetime
from typing import Any

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


def pages_label(
    start: int | None, end: int | None = None, label_start: str = "", label_end: str = ""
) -> str:
    """ "p. 46 (printed 44)", "pp. 3–4": the physical page the viewer opens, and the number
    printed on the paper when it differs."""
    if not start:
        return ""
    if end and end != start:
        printed = (
            f" (printed {label_start or start}–{label_end or end})"
            if (label_start or label_end)
            else ""
        )
        return f"pp. {start}–{end}{printed}"
    return f"p. {start}" + (f" (printed {label_start})" if label_start else "")


@dataclass(slots=True)
class Citation:
    number: int
    chunk_id: str
    doc_id: str
    version_id: str
    version: int
    title: str
    source_name: str
    source_path: str
    section: str
    page_start: int | None
    page_end: int | None
    position_start: int
    position_end: int
    char_start: int
    char_end: int
    approved_at: str
    passage: str  # the whole cited chunk
    quotes: list[str] = field(default_factory=list)  # the sentences the answer relies on
    page_label_start: str = ""  # printed page labels, where they differ from the page number
    page_label_end: str = ""

    @property
    def pages_label(self) -> str:
        return pages_label(
            self.page_start, self.page_end, self.page_label_start, self.page_label_end
        )

    def label(self) -> str:
        """One line a clinician reads: title, version, section, page."""
        parts = [f"{self.title} (v{self.version})"]
        if self.section:
            parts.append(self.section)
        if self.pages_label:
            parts.append(self.pages_label)
        return " — ".join(parts)


@dataclass(slots=True)
class ClosestDocument:
    doc_id: str
    title: str
    source_name: str
    version: int
    section: str
    page_start: int | None
    similarity: float
    # Where its closest passage is, so a refusal's list opens the viewer there (empty in
    # answers saved before these were kept).
    chunk_id: str = ""
    version_id: str = ""
    source_path: str = ""
    page_end: int | None = None
    position_start: int = 0
    position_end: int = 0
    char_start: int = 0
    char_end: int = 0
    approved_at: str = ""
    passage: str = ""
    page_label_start: str = ""

    @property
    def pages_label(self) -> str:
        return pages_label(self.page_start, None, self.page_label_start)

    @classmethod
    def of(cls, citation: Citation, similarity: float) -> ClosestDocument:
        """The document of a passage (given as a citation), with how close it came."""
        shared = {f.name: getattr(citation, f.name) for f in fields(cls) if f.name != "similarity"}
        return cls(**shared, similarity=similarity)

    def citation(self, number: int = 1) -> Citation:
        """The closest passage as a citation the source viewer can open (nothing quoted)."""
        names = {f.name for f in fields(Citation)} - {"number", "quotes", "page_label_end"}
        return Citation(number=number, **{name: getattr(self, name) for name in names})


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
        data = asdict(self)
        if not include_question:
            data.pop("question")
        for citation, source in zip(data["citations"], self.citations, strict=True):
            citation["label"] = source.label()
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
