"""Does the answer *show* what a correct answer must say? Loose matching of key facts.

A gold question's `key_facts` are the 1-3 values or phrases a clinician must see ("50 MME/day",
"every 30 minutes"). The answer text is what the chat shows, so a fact counts only when it
appears there, not merely somewhere in a cited passage. Matching forgives what does not change
the meaning: case, white space and line breaks, the kind of dash ("5–7" = "5-7" = "5 - 7"),
"≥" written ">=", typographic quotes, a hyphen inside a word ("long-term" = "longterm"), and
citation markers ("[2]") or Markdown emphasis between the words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

_HYPHENS = "-\u2010\u2011"
_DASHES = re.compile(r"[\u2012-\u2015\u2212\ufe58\ufe63\uff0d]")
_SYMBOLS = str.maketrans(
    {
        "\u2265": ">=",
        "\u2264": "<=",
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u00a0": " ",
        "\u00ad": "",
        "\ufffe": "",
    }
)
_MARKER = re.compile(r"\[\d+\]")
# A table cell boundary as the answer text writes it ("Oxycodone | 1.5"): the window draws a
# table, so the fact "Oxycodone 1.5" is shown.
_CELL = re.compile(r"\s\|\s")
# "≥ 50" and ">=50" are the same bound.
_COMPARISON_SPACE = re.compile(r"([<>]=?)\s+(?=\d)")
_EMPHASIS = re.compile(r"[*_`]+")
# A hyphen inside a word (or at a PDF line end), not a dash between words.
_WORD_HYPHEN = re.compile(rf"(?<=[^\W\d_])[{_HYPHENS}]\s*(?=[^\W\d_])")
_SPACED_DASH = re.compile(r"\s*-\s*")


def normalise(text: str) -> str:
    """The form both a key fact and an answer are compared in."""
    t = unicodedata.normalize("NFKC", text).translate(_SYMBOLS)
    t = _MARKER.sub(" ", t)
    t = _CELL.sub(" ", t)
    t = _EMPHASIS.sub("", t)
    t = _WORD_HYPHEN.sub("", t)
    t = _DASHES.sub("-", t.replace("\u2010", "-").replace("\u2011", "-")).casefold()
    t = _SPACED_DASH.sub("-", t)
    t = _COMPARISON_SPACE.sub(r"\1", t)
    return " ".join(t.split())


def fact_shown(fact: str, text: str) -> bool:
    wanted = normalise(fact)
    return bool(wanted) and wanted in normalise(text)


def facts_shown(facts: Sequence[str], text: str) -> int:
    """How many of `facts` the text shows."""
    shown = normalise(text)
    return sum(1 for f in facts if normalise(f) and normalise(f) in shown)
