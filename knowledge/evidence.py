"""Is the question answered here at all? The measures behind the refusal rule.

Three questions about the retrieved passages, all lexical and cheap:

* coverage: does one of the top passages share enough of the question's content words for
  its subject to be there at all;
* the value check: when the question asks for a particular kind of value (a duration, a
  dose, a number of minutes), is there a sentence carrying such a value where the question's
  subject is (the sentence, its neighbours, the passage's title and section)?
* the population check: when the question is about a child, a pregnancy, a pet or a year,
  does any top passage speak of children (or an age under 18), pregnancy, animals or that
  year at all? A guideline for adults does not answer "What dose for a 5-year-old?", a
  report on 2008-2018 does not answer "How many in 2021?".

Why the second: the hardest questions to refuse are near misses. The guideline discusses
handwashing but never says for how many seconds; it recommends duloxetine but gives no dose.
Similarity and passage coverage are high for them, so only the missing value tells them
apart (benchmarks/results/answering.md). The check demands the same share of the question as
the coverage guard does, only in the neighbourhood of a value of the right kind.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from knowledge.analysis import sentence_spans
from knowledge.provenance import Provenance
from knowledge.question import Question, content_terms


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
# A ratio or dilution: "1:10", "1 in 10", "1 part bleach to 9 parts water".
VALUE_PATTERNS["ratio"] = re.compile(r"\d+\s*:\s*\d+|\b\d+\s+in\s+\d+\b|\b\d+\s+parts?\b", re.I)

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
    "ratio": "ratio or dilution",
}


# Digits that count nothing a question asks "how many" or "at what score" of: a reference
# marker ("(341)", "[2, 5]"), a year, an affiliation's number glued to the next word
# ("7Connecticut"), a document's code ("PI-002"). A report's passage is full of them, and
# any digit near the subject used to pass a near miss: "What score on the falls check
# means high risk?" beside "Patient Identification Policy (PI-002)".
_NOT_A_COUNT = re.compile(
    r"[(\[]\d+(?:\s*[,–-]\s*\d+)*[)\]]|\b(?:19[5-9]|20[0-4])\d\b|\b\d+(?=[A-Z][a-z])"
    r"|\b[A-Z]{2,}-\d+\b"
    # a name with a digit inside: "A1C", "HbA1c", "N95", "CYP2D6", "T2DM"
    r"|\b[A-Za-z]+\d+[A-Za-z]*\b"
)


def carries_value(kind: str, sentence: str) -> bool:
    if kind == "number":
        sentence = _NOT_A_COUNT.sub(" ", sentence)
    return VALUE_PATTERNS[kind].search(sentence) is not None


def question_coverage(
    question: str | Question, passages: Sequence[PassageText], top: int = 5
) -> float:
    """Best share of the question's content (concepts, or stems) found in one of the top
    passages (text, title and section): is the question's subject here at all?"""
    question = Question.of(question)
    best = 0.0
    for p in passages[:top]:
        best = max(
            best, question.share(content_terms(f"{p.text} {p.source.title} {p.source.section}"))
        )
    return best


def value_coverage(
    question: str | Question, passages: Sequence[PassageText], top: int = 5, window: int = 1
) -> float | None:
    """For a question asking for a kind of value: the best share of its content found
    around a sentence carrying such a value (that sentence, `window` sentences either side,
    the passage's title and section) in the top passages; 0.0 when no sentence carries one.
    None when the question asks for no particular value."""
    question = Question.of(question)
    if question.value_kind is None:
        return None
    windows = value_windows(question, passages, top, window)
    return max((question.share(content_terms(w)) for w in windows), default=0.0)


def value_windows(
    question: Question, passages: Sequence[PassageText], top: int = 5, window: int = 1
) -> list[str]:
    """The text around each sentence carrying a value of the kind the question asks for (the
    sentence, `window` sentences either side, the passage's title and section)."""
    kind = question.value_kind
    if kind is None:
        return []
    windows = []
    for p in passages[:top]:
        sentences = [p.text[a:b] for a, b in sentence_spans(p.text)]
        for i, sentence in enumerate(sentences):
            if not (carries_value(kind, sentence) or _counts_asked(question, kind, sentence)):
                continue
            nearby = " ".join(sentences[max(0, i - window) : i + window + 1])
            windows.append(f"{nearby} {p.source.title} {p.source.section}")
    return windows


# A count in words before what the question counts: "at least two identifiers" answers "how
# many identifiers?" (a bare "one of the following" answers nothing, so the noun must be the
# question's).
_COUNT_IN_WORDS = re.compile(
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:[a-z-]+\s+)?"
    r"[a-z-]+",
    re.I,
)


def _counts_asked(question: Question, kind: str, sentence: str) -> bool:
    """A count in words of something the question names (within two words of the count)."""
    if kind != "number":
        return False
    return any(
        set(content_terms(m.group())) & question.terms for m in _COUNT_IN_WORDS.finditer(sentence)
    )


# Who a question may be about, when the documents may speak of someone else: a guideline for
# adults does not answer a question about a child. A group counts as named in a passage by
# any of its words, or (children) by an age range under 18 ("aged 12–17 years").
POPULATIONS = {
    "children": (
        r"child|children|childhood|kids?|p(?:a)?ediatrics?|peds|paeds|infants?|bab(?:y|ies)"
        r"|newborns?|neonat(?:e|es|al)|toddlers?|adolescents?|adolescence|teens?|teenagers?"
    ),
    "pregnancy": (
        r"pregnant|pregnanc(?:y|ies)|breast-?feeding|lactat(?:ing|ion)|postpartum|antenatal"
        r"|prenatal|gestation(?:al)?"
    ),
    # a hospital's documents are for people: a pet's dose is a question for a vet
    "animals": r"dogs?|cats?|pets?|pupp(?:y|ies)|kittens?|horses?|veterinar(?:y|ians?)|animals?",
}
# A year the question asks about ("opioid fills in 2021"): the passages must name it.
# (After a word that dates something, so an amount, "1600-2000 kcal", is no year.)
_YEAR = re.compile(
    r"(?i:\b(?:in|during|since|from|after|before|by|of|for|year|between|and|to|until))[ \t]+"
    r"(19[5-9]\d|20[0-4]\d)\b(?![ \t]*(?:-|–|kcal|calories|mg|mcg|ml|g|units)\b)"
)
_GROUP_WORDS = {name: re.compile(rf"\b(?:{words})\b", re.I) for name, words in POPULATIONS.items()}
# A child's age in a question: "8-year-old", "8yo", "5 y/o", "12-17yo".
_CHILD_AGE = re.compile(
    r"\b(?:1[0-7]|[1-9])(?:\s*[-–]\s*(?:1[0-7]|[1-9]))?\s*-?\s*"
    r"(?:yo|y/o|years?[- ]old|yr[- ]old)\b",
    re.I,
)
# A child's age range in a passage: "aged 5–11 years", "12-17 years", "<18 years".
_CHILD_RANGE = re.compile(
    r"\b(?:aged\s+)?(?:1[0-7]|[0-9])\s*(?:–|-|to)\s*(?:1[0-7]|[1-9])\s*(?:years?|yrs?|y)\b"
    r"|(?:<|under|younger than)\s*18\b",
    re.I,
)


def populations_asked(question: str) -> list[str]:
    """The groups a question names: "children" for a child's age or word, "pregnancy"."""
    found = [name for name, pattern in _GROUP_WORDS.items() if pattern.search(question)]
    if "children" not in found and _CHILD_AGE.search(question):
        found.insert(0, "children")
    return found


def unaddressed_populations(
    question: str | Question, passages: Sequence[PassageText], top: int = 5
) -> list[str]:
    """The groups the question names that none of the top passages (text, title, section)
    names at all: "What oseltamivir dose for a 5-year-old?" over an adult guideline."""
    question = Question.of(question)
    missing = []
    texts = [f"{p.text} {p.source.title} {p.source.section}" for p in passages[:top]]
    for name in populations_asked(question.text):
        named = _GROUP_WORDS[name]
        if not any(
            named.search(t) or (name == "children" and _CHILD_RANGE.search(t)) for t in texts
        ):
            missing.append(name)
    missing += [
        year
        for year in dict.fromkeys(_YEAR.findall(question.text))
        if not any(year in t for t in texts)
    ]
    missing += [
        f"the {season} season"
        for season, written in seasons_asked(question.text)
        if not any(written.search(t) for t in texts)
    ]
    return missing


# A season of two years: "the 2019–20 season", "flu VE 19/20 szn", "2019/2020 flu vaccine" (the
# second year the first's next, so no score or blood pressure reads so).
_SEASON = re.compile(r"(?<![\d/.-])(20)?(\d\d)[ \t]*([–/-])[ \t]*(?:20)?(\d\d)(?![\d/.-])")
# A season only beside a season's word ("the 2019–20 flu season"; "the 2020–2021 MMWR
# analysis" is a span of years); two digits each only with a slash right after such a word
# ("flu jab VE 19/20") or before "season" ("19-20 season"): "flu symptoms for 12-13 days" is a
# range, "scored 19/20 on the flu quiz" a score.
_SEASON_WORD = re.compile(
    r"(?i:\b(?:season(?:al)?|szn|flu|influenza|winter|vaccines?|vax|jab)\b)|\bVE\b"
)
_SEASON_WORD_BEFORE = re.compile(
    r"(?:(?i:\b(?:season|flu|influenza|winter|vaccines?|vax|jab))|\bVE)[ \t]+(?:(?i:for)[ \t]+)?$"
)


def seasons_asked(question: str) -> list[tuple[str, re.Pattern]]:
    """The seasons a question names, each with how a passage may write it ("2019–20",
    "2019-2020", "19/20")."""
    found = []
    for m in _SEASON.finditer(question):
        century, first, dash, second = m.groups()
        if int(second) != int(first) + 1:
            continue
        season_next = re.match(r"[ \t]*(?i:season|szn)\b", question[m.end() :])
        season_before = _SEASON_WORD_BEFORE.search(question, 0, m.start())
        if century is None and not (season_next or (dash == "/" and season_before)):
            continue
        if not _SEASON_WORD.search(question[max(0, m.start() - 60) : m.end() + 30]):
            continue
        written = re.compile(rf"(?<!\d)(?:20)?{first}[ \t]*[–/-][ \t]*(?:20)?{second}(?!\d)")
        found.append((f"20{first}–{second}", written))
    return found
