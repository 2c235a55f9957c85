"""Is the question answered here at all? The measures behind the refusal rule.

Two questions about the retrieved passages, both lexical and cheap:

* coverage: does one of the top passages share enough of the question's content words for
  its subject to be there at all;
* the value check: when the question asks for a particular kind of value (a duration, a
  dose, a number of minutes), is there a sentence carrying such a value where the question's
  subject is (the sentence, its neighbours, the passage's title and section)?

Why the second: the hardest questions to refuse are near misses. The guideline discusses
handwashing but never says for how many seconds; it recommends duloxetine but gives no dose.
Similarity and passage coverage are high for them, so only the missing value tells them
apart (benchmarks/results/answering.md). The check demands the same share of the question as
the coverage guard does, only in the neighbourhood of a value of the right kind.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Protocol

from knowledge.analysis import expansions, sentence_spans, stems
from knowledge.provenance import Provenance
from knowledge.query_expansion import QueryExpansion


class PassageText(Protocol):
    text: str
    source: Provenance  # its title and section count as the passage's words


# What a value of each kind looks like in a document: a number and a unit of that kind.
_NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    "thirty|forty|forty-five|fifty|sixty|ninety|hundred"
)
_NUMBER = rf"(?:\d[\d,.]*|\b(?:{_NUMBER_WORDS}))"
_RANGE = rf"{_NUMBER}(?:\s*(?:–|—|-|to|or|and)\s*{_NUMBER})?"
_UNITS = {
    "duration": r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|h|days?|weeks?|wks?|months?|"
    r"years?|yrs?)\b",
    "dose": r"(?:mg|mcg|µg|μg|micrograms?|milligrams?|grams?|g|kg|units?|IU|MME)\b",
    "volume": r"(?:ml|milliliters?|millilitres?|l|liters?|litres?|cc|cups?|ounces?|oz|"
    r"tablespoons?|teaspoons?)\b",
    "energy": r"(?:kcal|kilocalories|calories|cal)\b",
    "percentage": r"(?:%|percent\b|per cent\b)",
    "milliseconds": r"(?:ms|msec|milliseconds?)\b",
    "temperature": r"(?:°\s*[CF]\b|degrees?\b)",
}
# What a sentence carrying a value of each kind looks like (also used to score sentences).
VALUE_PATTERNS = {
    kind: re.compile(rf"{_RANGE}\s*-?\s*{unit}", re.I) for kind, unit in _UNITS.items()
}
# Any digit will do for "how many"; number words ("one of the following") are too common.
VALUE_PATTERNS["number"] = re.compile(r"\d")

# A unit the question names ("how many seconds", "(mg/day)", "dose in mg") fixes the kind.
_QUESTION_UNITS = [
    (r"seconds?|minutes?|hours?|days?|weeks?|months?|years?", "duration"),
    (r"mg(?:/\w+)?|mcg|micrograms?|milligrams?|grams?|units|mme(?:/day)?", "dose"),
    (r"ml|milliliters?|liters?|litres?|cups?|ounces?", "volume"),
    (r"kcal|calories", "energy"),
    (r"percent|%", "percentage"),
    (r"ms|milliseconds?", "milliseconds"),
    (r"degrees?|°[cf]", "temperature"),
]
_NAMED_UNIT = re.compile(r"\bhow (?:many|much) ([\w/%°]+)|\(([\w/%°]+)\)|\bin ([\w/%°]+)", re.I)
# Without a named unit, the wording says what is asked for; the first pattern that fits wins.
_ASKS = [
    (re.compile(r"\b(?:what|which) temperature\b", re.I), "temperature"),
    (re.compile(r"\bwhat percentage\b|\bwhat percent\b", re.I), "percentage"),
    (re.compile(r"\bhow long\b|\bfor how many\b|\bduration\b", re.I), "duration"),
    # "What dose" asks for an amount; "what dose reduction" for a rate (often a percentage,
    # "10 % a week"), which this does not check.
    (
        re.compile(
            r"\b(?:what|which)(?:'s| is| are)?\b[^?.]{0,40}\bdos(?:es?|ages?)\b"
            r"(?!\s+(?:reduction|decrease|increase|change|adjustment|taper|escalation))",
            re.I,
        ),
        "dose",
    ),
    (
        re.compile(
            r"\bhow (?:many|much)\b|\b(?:at|above|below|under|over) what\b|"
            r"\bwhat (?:number|threshold|cutoff|cut-off|level|target|value)\b|"
            r"\b(?:minimum|maximum) number\b",
            re.I,
        ),
        "number",
    ),
]

# How a refusal names what was missing.
VALUE_LABELS = {
    "duration": "duration or time",
    "dose": "dose or amount",
    "volume": "volume",
    "energy": "calorie amount",
    "percentage": "percentage",
    "milliseconds": "value in milliseconds",
    "temperature": "temperature",
    "number": "number",
}


@lru_cache(maxsize=256)
def requested_value(question: str) -> str | None:
    """The kind of value the question asks for (a key of VALUE_LABELS), or None when it asks
    for no particular value ("what should I do", "is it safe")."""
    for match in _NAMED_UNIT.finditer(question):
        word = next(g for g in match.groups() if g)
        for pattern, kind in _QUESTION_UNITS:
            if re.fullmatch(pattern, word, re.I):
                return kind
    for pattern, kind in _ASKS:
        if pattern.search(question):
            return kind
    return None


def carries_value(kind: str, sentence: str) -> bool:
    return VALUE_PATTERNS[kind].search(sentence) is not None


def content_terms(text: str) -> set[str]:
    """Content stems of a text, with its clinical abbreviations spelled out."""
    return set(stems(text + " " + " ".join(expansions(text))))


def _share_function(question: str, expansion: QueryExpansion | None):
    """How a passage's words are scored against the question: by concepts when the question
    was expanded (a word or any of its expansions counts), else by plain content stems."""
    if expansion is not None and expansion.concepts:
        return expansion.coverage
    terms = content_terms(question)
    if not terms:
        return None
    return lambda words: len(words & terms) / len(terms)


def question_coverage(
    question: str,
    passages: Sequence[PassageText],
    top: int = 5,
    expansion: QueryExpansion | None = None,
) -> float:
    """Best share of the question's content (concepts, or stems) found in one of the top
    passages (text, title and section): is the question's subject here at all?"""
    share = _share_function(question, expansion)
    if share is None:
        return 0.0
    best = 0.0
    for p in passages[:top]:
        best = max(best, share(content_terms(f"{p.text} {p.source.title} {p.source.section}")))
    return best


def value_coverage(
    question: str,
    passages: Sequence[PassageText],
    top: int = 5,
    window: int = 1,
    expansion: QueryExpansion | None = None,
) -> float | None:
    """For a question asking for a kind of value: the best share of its content stems found
    around a sentence carrying such a value (that sentence, `window` sentences either side,
    the passage's title and section) in the top passages; 0.0 when no sentence carries one.
    None when the question asks for no particular value."""
    kind = requested_value(question)
    if kind is None:
        return None
    share = _share_function(question, expansion)
    if share is None:
        return 0.0
    best = 0.0
    for p in passages[:top]:
        sentences = [p.text[a:b] for a, b in sentence_spans(p.text)]
        for i, sentence in enumerate(sentences):
            if not carries_value(kind, sentence):
                continue
            nearby = " ".join(sentences[max(0, i - window) : i + window + 1])
            best = max(best, share(content_terms(f"{nearby} {p.source.title} {p.source.section}")))
    return best
