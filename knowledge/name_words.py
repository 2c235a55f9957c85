"""Which words of a question are a person's name? So that names never steer retrieval.

A question like "pt O'Sullivan, Siobhan MRN 55120983 found on floor, unwitnessed - neuro obs
freq?" must find the same passages, and be refused or answered the same, as the question
without the patient. Redaction (assistant/phi.py) replaces the identifiers it recognises
before retrieval; this is the retrieval side's own second look, for names it missed. It only
ever *leaves words out of the search*: it redacts nothing and decides nothing about what may
leave the machine.

A word is left out when the indexed documents never use it (so it cannot be evidence of
anything in them), it is no clinical abbreviation or term the app knows, and it looks like a
name: it is on the given-name and surname list (knowledge/data/names.txt, built by
scripts/build_names.py), or it is spelt with letters English words do not use (Nguyễn,
Siobhán), *and* it is written like a name (capitalised), or stands next to another such word
("robert mcallister") or after a word that introduces a person (Mr, pt, my mother, named).
A capitalised word no document uses that is neither on the list nor next to a name, such as a
brand name ("Xarelto dose?"), is kept: it may be exactly what the documents do not cover.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

DEFAULT_PATH = Path(__file__).resolve().parent / "data" / "names.txt"
CUES = frozenset(
    "mr mrs ms miss mx dr pt patient patients named name called is mother father mom mum dad "
    "son daughter wife husband partner granddad grandad grandfather grandmother grandma grandpa "
    "nan nana aunt uncle brother sister friend neighbour neighbor baby child".split()
)
TOKEN = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*", re.UNICODE)


@lru_cache(maxsize=4)
def load_names(path: Path = DEFAULT_PATH) -> frozenset[str]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return frozenset()
    return frozenset(line.strip() for line in lines if line and not line.startswith("#"))


def name_spans(
    question: str, unknown: Callable[[str], bool], names: frozenset[str] | None = None
) -> list[tuple[int, int]]:
    """(start, end) of the words that look like a person's name. `unknown(word)` says whether
    the word is outside the documents' vocabulary and the app's clinical word lists."""
    names = load_names() if names is None else names
    tokens = list(TOKEN.finditer(question))
    listed = [_listed(t.group(), names) and unknown(t.group()) for t in tokens]
    shaped = [_name_shaped(t.group(), i == 0) and unknown(t.group()) for i, t in enumerate(tokens)]
    spans = []
    for i, t in enumerate(tokens):
        if not (listed[i] or shaped[i]):
            continue
        before = tokens[i - 1].group().lower() if i else ""
        next_to_name = any(
            0 <= j < len(tokens) and (listed[j] or shaped[j]) and (listed[i] or listed[j])
            for j in (i - 1, i + 1)
        )
        capitalised = t.group()[:1].isupper()
        if (
            (listed[i] and capitalised and (i > 0 or next_to_name))
            or next_to_name
            or (before in CUES and (listed[i] or capitalised))
        ):
            spans.append((t.start(), t.end()))
    return spans


def _listed(word: str, names: frozenset[str]) -> bool:
    lower = word.lower().replace("’", "'")
    if lower in names or any(not c.isascii() for c in word):
        return True
    parts = re.split(r"[-']", lower)
    return len(parts) > 1 and any(p in names for p in parts if len(p) > 2)


def _name_shaped(word: str, first: bool) -> bool:
    """Capitalised inside the question (a first word is capitalised anyway)."""
    return not first and word[:1].isupper() and len(word) > 1
