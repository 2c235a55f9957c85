"""The refusal rule: is the evidence found enough to answer, to show as related passages, or
neither? Calibrated on the tuning part of tests/data/registers (benchmarks/results/
registers.md).

The answer engine (assistant/answering/engine.py) asks it once per search, and a follow-up's
own words are judged `strict`ly. It reads the knowledge layer's measures
(knowledge/evidence.py) and, for a question about to be refused, the embedding model's
closeness of words (knowledge/similar_words.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.answering.answer import ANSWERED, NOT_COVERED, RELATED
from assistant.governance.settings import AnswerSettings
from knowledge.drug_names import drugs_named, other_names
from knowledge.evidence import (
    VALUE_LABELS,
    question_coverage,
    unaddressed_populations,
    value_coverage,
    value_windows,
)
from knowledge.language import LANGUAGE_NAMES
from knowledge.query_expansion import QueryExpansion
from knowledge.question import Question
from knowledge.retrieval import RetrievalResult
from knowledge.similar_words import SimilarWords

NO_ANSWER = "No approved document covers this question."
# A near miss: the subject is there, the value asked for is not. Said plainly, so the
# clinician does not go looking for a number the documents never give.
NO_VALUE = NO_ANSWER + " The approved documents discuss its subject but state no {} for it."
NOT_MENTIONED = NO_ANSWER + " The approved documents never mention {}."
NOT_FOR_GROUP = NO_ANSWER + " The passages found say nothing about {}."
# Said instead of "not covered": the documents may well cover it, in English.
NOT_ENGLISH = (
    "This question looks like it is in {}. The approved documents are in English and answers "
    "are only given from them: please ask the question in English."
)

# Where a sentence of the question ends (a full stop or question mark, then a space).
_SENTENCE_END = re.compile(r"(?<=[.?!])\s+(?=[A-Z])")
# ... or one opening clause of where or as whom, then the question: "At the clinic where I've
# just started, how long…". (Not "If…" or "When…": a condition is part of what is asked.)
_CONTEXT_CLAUSE = re.compile(
    r"^(?:at|in|on|for|as)\b[^,?]{6,80},[ \t]*(?=(?:how|what|when|which|who|where|why|can"
    r"|could|should|do|does|is|are|will|would|may|must)\b)",
    re.I,
)
_ASKED_WORDS = 5  # a shorter last sentence is a fragment ("annual?", "goal?"), not the question


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text.strip()) if s.strip()]


def _asks(sentence: str) -> bool:
    """A question of its own, not a fragment ("annual?", "NIDDK")."""
    return sentence.endswith("?") and len(sentence.split()) >= _ASKED_WORDS


class RefusalRule:
    def __init__(
        self,
        settings: AnswerSettings,
        expand: Callable[[str], QueryExpansion],
        similar_words: Callable[[], SimilarWords],
    ):
        self.settings = settings
        self.expand = expand  # retrieval's reading of a text (for the asking sentence alone)
        self.similar_words = similar_words  # built on first use: it needs the model

    def decide(self, result: RetrievalResult, strict: bool = False) -> tuple[str, str]:
        """(outcome, reason). A question in another language is refused as such. To answer,
        the best passage must be close enough in meaning (less close when one passage holds
        most of the question's concepts); some top passage must hold enough of the question's
        concepts; and when the question asks for a kind of value (a duration, a dose), enough
        of them must be found around a sentence carrying such a value. Evidence that misses
        the answer thresholds but clears the lower related ones is shown as related passages;
        so is a subject the documents discuss without the value asked for, a specialised word
        no approved document uses ("acarbose"), a child, pregnancy, pet or year the passages
        found never speak of, and a medicine none of them names. `strict`: without the
        allowances for terse or differently worded questions (similar words, the low floor
        when most concepts are held)."""
        cfg = self.settings
        question = result.question
        if question.language != "en":  # the engine says so before searching
            return NOT_COVERED, NOT_ENGLISH.format(LANGUAGE_NAMES[question.language])
        coverage = max(
            question_coverage(question, result.passages), self._asked_part(question, result)
        )
        # Most concepts held in their own words lowers the floor; words counted by meaning
        # (below) do not add to that allowance.
        held = not strict and coverage >= cfg.held_coverage
        clears = self._clears(result.best_similarity, coverage, held)
        if not clears and not strict and cfg.similar_word_similarity < 1:
            similar = self.similar_words().coverage(question, result.passages)
            if similar.coverage > coverage:
                coverage, result.similar_words = similar.coverage, similar.matches
        if not self._clears(result.best_similarity, coverage, held):
            related = (
                result.best_similarity >= cfg.related_similarity
                and coverage >= cfg.related_coverage
            )
            return (RELATED if related else NOT_COVERED), NO_ANSWER
        around_value = value_coverage(question, result.passages)
        value_missing = around_value is not None and around_value < cfg.min_value_coverage
        if value_missing and (strict or not self._value_said_differently(question, result)):
            return RELATED, NO_VALUE.format(VALUE_LABELS[question.value_kind])
        unindexed = question.expansion.unindexed if question.expansion else ()
        if unindexed:
            return RELATED, NOT_MENTIONED.format(_quoted(unindexed))
        groups = unaddressed_populations(question, result.passages)
        if groups:
            return RELATED, NOT_FOR_GROUP.format(" or ".join(groups))
        unnamed = _medicines_not_found(question, result)
        if unnamed:
            return RELATED, NOT_FOR_GROUP.format(_quoted(unnamed))
        return ANSWERED, ""

    def _value_said_differently(self, question: Question, result: RetrievalResult) -> bool:
        """The value check again, a concept also counting as held around the value by a word
        the embedding model puts close to it, as for coverage: "how do doctors compare its
        strength with morphine, what number do they multiply by?" beside a conversion
        factor's row. Listed with the similar words when it decides."""
        windows = value_windows(question, result.passages)
        similar = self.similar_words().coverage_of(question, windows)
        if similar.coverage >= self.settings.min_value_coverage:
            result.similar_words = tuple(dict.fromkeys(result.similar_words + similar.matches))
            return True
        return False

    def _asked_part(self, question: Question, result: RetrievalResult) -> float:
        """Coverage of the sentence that asks, when sentences of context come first: "I've
        just started as an assistant at a small surgery centre. How often do the checks on
        the steam steriliser have to be done?" holds its subject in the second sentence;
        the first's words are the asker's, not the subject's. So for an opening clause of
        place ("At my diabetes clinic, should they…"). 0 for a one-sentence question with
        no such clause, or a short last part ("annual?")."""
        sentences = _sentences(question.text)
        asked = sentences[-1] if len(sentences) > 1 else ""
        if not asked:  # "At my diabetes clinic, should they…": the place is the asker's
            clause = _CONTEXT_CLAUSE.match(question.text.strip())
            asked = question.text.strip()[clause.end() :] if clause else ""
        if not _asks(asked):
            return 0.0
        part = Question(asked).expanded(self.expand(asked))
        return question_coverage(part, result.passages)

    def _clears(self, similarity: float, coverage: float, held: bool = False) -> bool:
        """The answer thresholds: close enough in meaning (less close needed when one passage
        holds most of the question's concepts, far less when `held`: three quarters of them in
        their own words) and enough of the concepts in one passage."""
        cfg = self.settings
        floor = cfg.relaxed_similarity if coverage >= cfg.relaxed_coverage else cfg.min_similarity
        if held:
            floor = min(floor, cfg.held_similarity)
        return similarity >= floor and coverage >= cfg.min_coverage


# The passages a medicine must be named in: those the answer's cards are drawn from.
_TOP_PASSAGES = 5


def _medicines_not_found(question: Question, result: RetrievalResult) -> tuple[str, ...]:
    """The medicines the sentence that asks names that none of the top passages names, by
    any of its names: "MME conversion factor for meperidine?" answered from a table of other
    opioids answers another question. A medicine in a sentence of context before it is the
    patient's history ("Post-op patient used oxycodone for 5 days. How should I step it
    down?"). (One no document names at all is said so before this.)"""
    sentences = _sentences(question.text)
    last = sentences[-1] if sentences else ""
    asked = last if _asks(last) else question.text  # a fragment ("NIDDK") asks nothing alone
    text = " ".join(p.text for p in result.passages[:_TOP_PASSAGES]).casefold()
    return tuple(
        drug
        for drug in drugs_named(asked)
        if drug not in text and not any(name in text for name in other_names(drug))
    )


def _quoted(words: tuple[str, ...]) -> str:
    """The words as the question wrote them, quoted: “acarbose”; “Truvada” or “raltegravir”."""
    quoted = [f"“{w}”" for w in dict.fromkeys(words)]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]
