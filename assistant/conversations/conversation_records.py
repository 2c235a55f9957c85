"""The conversation store's plain objects and pure helpers (no SQLite here).

`Conversation`, `Exchange` and `Feedback` are what the UI shows; the helpers make titles,
page labels and search text, rebuild a saved `Answer`, and turn rows into objects. Split from
assistant.conversations.store, which still re-exports the public names.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import MISSING, dataclass, fields
from datetime import UTC, datetime
from typing import Any

from assistant.answering.answer import Answer, Citation, ClosestDocument

DEFAULT_TITLE = "New conversation"
TITLE_WORDS_LIMIT = 60  # an automatic title: the first question, cut on a word boundary
TITLE_MAX = 200  # a title the user types is cut to this length


# --- the objects the UI shows ----------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Conversation:
    id: int
    title: str
    created_at: str  # UTC ISO 8601
    updated_at: str  # the last activity: creation or the newest exchange (a rename is not one)


@dataclass(frozen=True, slots=True)
class Exchange:
    id: int
    conversation_id: int
    question: str  # as typed
    answer_json: dict[str, Any]  # Answer.to_json(), as saved
    created_at: str

    def answer(self) -> Answer:
        """The saved answer as an `Answer`, with `Citation` and `ClosestDocument` objects."""
        return answer_from_json(self.answer_json, question=self.question)


@dataclass(frozen=True, slots=True)
class Feedback:
    id: int
    exchange_id: int
    rating: str  # "up" | "down"
    comment: str  # after PHI redaction
    created_at: str


# --- helpers ---------------------------------------------------------------------------------
def title_from_question(question: str, limit: int = TITLE_WORDS_LIMIT) -> str:
    """One line of at most `limit` characters (plus "…"), cut on a word boundary."""
    text = " ".join(question.split())
    if not text:
        return DEFAULT_TITLE
    if len(text) <= limit:
        return text
    head = text[: limit + 1]
    space = head.rfind(" ")
    head = head[:space] if space >= limit // 2 else text[:limit]
    return head.rstrip(" ,;:.-–—") + "…"


def pages_label(pages: set[int] | list[int]) -> str:
    """{3, 4, 7} -> "pp. 3–4, 7"; {3} -> "p. 3"; empty -> ""."""
    ordered = sorted(set(pages))
    if not ordered:
        return ""
    if len(ordered) == 1:
        return f"p. {ordered[0]}"
    runs: list[list[int]] = []
    for page in ordered:
        if runs and page == runs[-1][1] + 1:
            runs[-1][1] = page
        else:
            runs.append([page, page])
    return "pp. " + ", ".join(f"{a}–{b}" if b != a else str(a) for a, b in runs)


def answer_from_json(data: dict[str, Any], question: str | None = None) -> Answer:
    """Rebuild an `Answer` from `Answer.to_json()`; unknown keys (e.g. a citation's "label")
    are ignored and missing ones take defaults, so older and newer files still load."""
    values = dict(data)
    if question is not None:
        values["question"] = question
    values["citations"] = [Citation.from_json(c) for c in data.get("citations") or []]
    values["closest"] = [ClosestDocument.from_json(c) for c in data.get("closest") or []]
    return _build(Answer, values)


_EMPTY_BY_TYPE = {"str": "", "int": 0, "float": 0.0, "bool": False}


def _build(cls, data: dict[str, Any]):
    kwargs = {}
    for f in fields(cls):
        if f.name in data:
            kwargs[f.name] = data[f.name]
        elif f.default is MISSING and f.default_factory is MISSING:
            kind = str(f.type)
            kwargs[f.name] = None if "None" in kind else _EMPTY_BY_TYPE.get(kind)
    return cls(**kwargs)


def search_form(text: str) -> str:
    """What search compares: accents removed, case folded, whitespace collapsed."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())


_TERM_EDGES = "\"'.,;:!?()[]{}<>"


def search_terms(query: str) -> list[str]:
    terms = (t.strip(_TERM_EDGES) for t in search_form(query).split())
    return list(dict.fromkeys(t for t in terms if t))


def like_pattern(term: str) -> str:
    return "%" + re.sub(r"([\\%_])", r"\\\1", term) + "%"


def iso_time(moment: datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def clean_title(title: str) -> str:
    text = " ".join((title or "").split())
    if not text:
        raise ValueError("a conversation title cannot be empty")
    return title_from_question(text, TITLE_MAX) if len(text) > TITLE_MAX else text


def exchange_from_row(row) -> Exchange:
    exchange_id, conversation_id, question, answer_json, created_at = row
    return Exchange(exchange_id, conversation_id, question, json.loads(answer_json), created_at)
