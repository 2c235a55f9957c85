"""Question words a passage says in other words, judged by the embedding model.

The refusal rule's coverage counts a question's concepts found in a passage by their own
words, their abbreviations' senses and the lay-word table (knowledge/query_expansion.py).
Lay and shorthand questions still use words no table lists: "sterilising room" for a
steriliser's, "doctor" for "physician", "keep asking" for "repeatedly". Their evidence is
found, then refused for low coverage. Here a concept the passage lacks counts as held when
some word of the passage is close enough to it in the embedding model's space (single
words: a cosine of 0.70 is a spelling variant or a near synonym, not a topic).

Only the refusal path asks (a question about to be refused on coverage), so an answered
question pays nothing; word vectors are cached, so a passage's words are embedded once.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from knowledge.analysis import STOPWORDS
from knowledge.embedding import Embedder
from knowledge.evidence import PassageText
from knowledge.question import Question, content_terms

_WORD = re.compile(r"[A-Za-z][A-Za-z\-]{2,}")
# Words whose neighbours in the model's space are their opposites or siblings: "small" is
# 0.79 from "large", "two" 0.81 from "three", "high" 0.71 from "low". A near miss turns on
# exactly these (a large man, not a small one), so they only ever count as themselves.
CONTRASTS = frozenset(
    """
    one two three four five six seven eight nine ten eleven twelve twenty thirty hundred
    first second third fourth fifth once twice single double triple half quarter
    small smaller smallest large larger largest big bigger little tall short long longer
    medium high higher highest low lower lowest increase increased decrease decreased up down
    more less most least many few maximum minimum max min upper left right
    before after early earlier late later daily weekly monthly yearly annual hourly nightly
    morning evening night day week month year hour minute second
    adult adults child children infant infants baby babies elderly older younger young old
    male female man men woman women boy boys girl girls mother father
    oral intravenous topical subcutaneous intramuscular inhaled rectal
    acute chronic mild moderate severe positive negative
    """.split()
)
_CACHE_LIMIT = 100_000  # word vectors kept (384 floats each: about 150 MB at the limit)


@dataclass(frozen=True, slots=True)
class SimilarWordCoverage:
    coverage: float  # the best share of the question's concepts in one passage
    matches: tuple[tuple[str, str], ...]  # (question's words, passage's word) counted by meaning


class SimilarWords:
    def __init__(self, embedder: Embedder, threshold: float):
        self.embedder = embedder
        self.threshold = threshold
        self._vectors: dict[str, np.ndarray] = {}

    def coverage(
        self, question: Question, passages: Sequence[PassageText], top: int = 5
    ) -> SimilarWordCoverage:
        """Like knowledge.evidence.question_coverage, a concept also counting as held by a
        passage word within `threshold` cosine of it."""
        texts = [f"{p.text} {p.source.title} {p.source.section}" for p in passages[:top]]
        return self.coverage_of(question, texts)

    def coverage_of(self, question: Question, texts: Sequence[str]) -> SimilarWordCoverage:
        """The best share of the question's concepts in one of `texts`, counted the same way
        (texts: passages, or the neighbourhoods of a value, knowledge.evidence.value_windows)."""
        concepts = question.expansion.concepts if question.expansion else ()
        best = SimilarWordCoverage(0.0, ())
        if not concepts or not texts:
            return best
        words_of = [
            sorted({w.lower() for w in _WORD.findall(t)} - STOPWORDS - CONTRASTS) for t in texts
        ]
        self._embedded(sorted({w for words in words_of for w in words}))  # one batch, not five
        for text, words in zip(texts, words_of, strict=True):
            held = content_terms(text)
            vectors = self._embedded(words)
            total, matches = 0.0, []
            for concept in concepts:
                share = concept.found_share(held)
                if share < 1.0 and words and concept.words.lower() not in CONTRASTS:
                    closeness = vectors @ self._embedded([concept.words.lower()])[0]
                    i = int(np.argmax(closeness))
                    if closeness[i] >= self.threshold:
                        share = 1.0
                        matches.append((concept.words, words[i]))
                total += share
            if total / len(concepts) > best.coverage:
                best = SimilarWordCoverage(total / len(concepts), tuple(matches))
        return best

    def _embedded(self, words: list[str]) -> np.ndarray:
        missing = [w for w in dict.fromkeys(words) if w not in self._vectors]
        if missing:
            if len(self._vectors) + len(missing) > _CACHE_LIMIT:
                self._vectors.clear()
            vectors = np.asarray(self.embedder.embed_documents(missing), dtype=np.float32)
            vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
            self._vectors.update(zip(missing, vectors, strict=True))
        if not words:
            return np.zeros((0, 0), dtype=np.float32)
        return np.stack([self._vectors[w] for w in words])
