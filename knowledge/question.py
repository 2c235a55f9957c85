"""A question as it is searched, read once.

One answer used to read its question about eight times in six modules: the language twice,
its content stems for the refusal rule, again for the value check and again for sentence
selection, its numbers for rescoring and again for selection, the kind of value it asks for
three times. A `Question` carries those readings, each computed on first use and kept, and
retrieval attaches its expansion (abbreviation senses, lay words' clinical terms) so every
later step counts the same concepts.

`text` is what is searched: the question without patient identifiers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from knowledge.analysis import expansions, numbers, stems
from knowledge.fusion import QuestionCues
from knowledge.instructions import asks_what_to_do
from knowledge.language import detect_language

if TYPE_CHECKING:
    from knowledge.query_expansion import QueryExpansion


def content_terms(text: str) -> set[str]:
    """Content stems of a text, with its clinical abbreviations spelled out."""
    return set(stems(text + " " + " ".join(expansions(text))))


# A unit the question names ("how many seconds", "(mg/day)", "dose in mg") fixes the kind.
_QUESTION_UNITS = [
    (r"seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|wks?|months?|years?", "duration"),
    # a blood level ("targets (mg/dL)?") is any number, not a dose
    (r"mg/dl|mmol/l", "number"),
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
    # "10 % a week"), which this does not check; "dosage units", "dosage forms" and "dose
    # dumping" are things, no amount.
    (
        re.compile(
            r"\b(?:what|which)(?:'s| is| are)?\b[^?.]{0,40}\bdos(?:es?|ages?)\b"
            r"(?!\s+(?:reduction|decrease|increase|change|adjustment|taper|escalation|units?|forms?"
            r"|dumping))",
            re.I,
        ),
        "dose",
    ),
    # ... and a dose by its use, without "what": "gabapentin starting dose for PHN?"
    (
        re.compile(
            r"\b(?:starting|initial|loading|rescue|max(?:imum)?|usual|bolus|top-?up)[ \t]+"
            r"dos(?:e|es|ing|age)\b",
            re.I,
        ),
        "dose",
    ),
    # A proportion: "what dilution of bleach", "what ratio", "what concentration", "% kids …"
    (re.compile(r"\b(?:what|which)\b[^?.]{0,30}\b(?:dilutions?|ratios?)\b", re.I), "ratio"),
    (
        re.compile(r"\b(?:what|which)\b[^?.]{0,30}\bconcentrations?\b|(?:^|\s)%[ \t]*\w", re.I),
        "percentage",
    ),
    # A number by what it is: "what score means…", "what antibody level" (not "what level of
    # reprocessing": a kind, no number), "what limit", "which cut-off".
    (
        re.compile(
            r"\b(?:what|which)\b[^?.]{0,30}"
            r"(?:\b(?:score|limit|cut-?off|threshold)\b|\blevel\b(?!\s+of\b))",
            re.I,
        ),
        "number",
    ),
    (
        re.compile(
            r"\bhow (?:many|much)\b|\b(?:at|above|below|under|over) what\b|"
            r"\bwhat (?:number|threshold|cutoff|cut-off|level|target|value)\b|"
            # a goal for a reading: "A1C goal?", "INR target range", "what should his blood
            # clotting number be?" ("targeted therapy" is none)
            r"\b(?:targets?|goals?)\b|\bshould[ \t]+(?:my|his|her|their|the|your|our)\b[^?.]{0,40}"
            r"\b(?:numbers?|levels?|readings?)[ \t]+be\b|"
            r"\b(?:minimum|maximum) number\b",
            re.I,
        ),
        "number",
    ),
]


def requested_value(question: str) -> str | None:
    """The kind of value the question asks for (a key of knowledge.evidence.VALUE_LABELS),
    or None when it asks for no particular value ("what should I do", "is it safe")."""
    for match in _NAMED_UNIT.finditer(question):
        word = next(g for g in match.groups() if g)
        for pattern, kind in _QUESTION_UNITS:
            if re.fullmatch(pattern, word, re.I):
                return kind
    for pattern, kind in _ASKS:
        if pattern.search(question):
            return kind
    return None


@dataclass(frozen=True, eq=False)
class Question:
    text: str
    expansion: QueryExpansion | None = None  # retrieval's reading against the index's words

    @classmethod
    def of(cls, question: str | Question) -> Question:
        """A benchmark or test may pass plain text; the answer path passes one Question."""
        return question if isinstance(question, Question) else cls(question)

    def expanded(self, expansion: QueryExpansion) -> Question:
        """The same question with retrieval's expansion attached; what was read is kept."""
        read = {k: v for k, v in self.__dict__.items() if k not in ("text", "expansion")}
        question = Question(self.text, expansion)
        question.__dict__.update(read)
        return question

    @cached_property
    def language(self) -> str:
        """ "en", or the code of the language it is written in (knowledge.language)."""
        return detect_language(self.text)

    @cached_property
    def terms(self) -> frozenset[str]:
        """Content stems, with clinical abbreviations spelled out."""
        return frozenset(content_terms(self.text))

    @cached_property
    def numbers(self) -> frozenset[str]:
        return frozenset(numbers(self.text))

    @cached_property
    def value_kind(self) -> str | None:
        """The kind of value asked for ("duration", "dose", …), or None."""
        return requested_value(self.text)

    @cached_property
    def wants_steps(self) -> bool:
        """ "What should I do", "next steps": the answer is an instruction."""
        return asks_what_to_do(self.text)

    @cached_property
    def cues(self) -> QuestionCues:
        """Numbers and adjacent word pairs, for rescoring retrieved passages."""
        return QuestionCues.of(self.text)

    def share(self, words: set[str]) -> float:
        """How much of the question a text's stems hold: by concepts when the expansion has
        any (a word or any of its expansions counts), else by plain content stems."""
        if self.expansion is not None and self.expansion.concepts:
            return self.expansion.coverage(words)
        return len(words & self.terms) / len(self.terms) if self.terms else 0.0
