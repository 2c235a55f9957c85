"""Scoring the retrieval candidates: fusion of the dense and lexical scores, rescoring for the
question's exact cues, and neighbour smoothing. Pure functions over candidate objects that
have `chunk_id`, `similarity` (cosine to the question) and a `score` they set.

The parameters that matter were tuned on the BEIR tuning queries over the app's own chunks and
are the defaults of knowledge.retrieval.RetrievalConfig (benchmarks/results/retrieval.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import numpy as np

from knowledge.analysis import numbers, stems


class Candidate(Protocol):
    chunk_id: str
    similarity: float
    score: float


def convex_scores(candidates: list[Candidate], bm25: list[float], dense_weight: float) -> None:
    """score = w * cosine + (1 - w) * BM25 min-max normalised over the candidates.

    Every candidate brings its real score from both sides, also from the side that did not
    retrieve it, so a chunk found only by dense search is not punished for it. Raw cosine is
    kept as it is: it is already on a fixed scale, and its absolute level says how close the
    best candidates really are, which min-max would erase."""
    lo, hi = min(bm25, default=0.0), max(bm25, default=0.0)
    span = (hi - lo) or 1.0
    for c, raw in zip(candidates, bm25, strict=True):
        c.score = dense_weight * c.similarity + (1 - dense_weight) * (raw - lo) / span


def rrf_scores(rankings: list[tuple[list[str], float]], k: int = 60) -> dict[str, float]:
    """Weighted reciprocal rank fusion: each ranking (ids best first) adds weight/(k + rank)."""
    scores: dict[str, float] = {}
    for ids, weight in rankings:
        for rank, item in enumerate(ids):
            scores[item] = scores.get(item, 0.0) + weight / (k + rank + 1)
    return scores


@dataclass(frozen=True, slots=True)
class QuestionCues:
    """What the rescoring looks for: the question's numbers and adjacent stem pairs."""

    numbers: frozenset[str]
    pairs: frozenset[tuple[str, str]]

    @classmethod
    def of(cls, question: str) -> QuestionCues:
        q_stems = stems(question)
        return cls(frozenset(numbers(question)), frozenset(zip(q_stems, q_stems[1:], strict=False)))

    def bonus(self, passage: PassageCues, weight: float) -> float:
        """Up to `weight` for the share of the question's numbers in the passage, and up to
        `weight` for the share of its adjacent word pairs (a phrase, not just the words).
        The passage's cues are only computed when the question has some to match."""
        bonus = 0.0
        if self.numbers:
            bonus += weight * len(self.numbers & passage.numbers) / len(self.numbers)
        if self.pairs:
            bonus += weight * len(self.pairs & passage.pairs) / len(self.pairs)
        return bonus


class PassageCues(Protocol):
    @property
    def numbers(self) -> set[str]: ...
    @property
    def pairs(self) -> set[tuple[str, str]]: ...


@dataclass(frozen=True, slots=True)
class TextCues:
    numbers: set[str]
    pairs: set[tuple[str, str]]

    @classmethod
    def of(cls, text: str) -> TextCues:
        text_stems = stems(text)
        return cls(numbers(text), set(zip(text_stems, text_stems[1:], strict=False)))


def rescore_bonus(question: str, text: str, weight: float = 0.05) -> float:
    """Small bonuses for the question's exact numbers and adjacent word pairs in a passage."""
    return QuestionCues.of(question).bonus(TextCues.of(text), weight)


def smooth_by_neighbours(
    ranked: list[Candidate],
    vectors: dict[str, np.ndarray],
    top_n: int,
    neighbours: int,
    weight: float,
) -> None:
    """Lift each of the best `top_n` candidates (sorted best first) by the mean score of its
    nearest neighbours among them, and re-sort: a passage whose close neighbours also rank
    high is more likely on topic than a lone lexical or dense fluke. Scores are min-max
    normalised over the top first; candidates below the top, or without a vector, follow
    in their own order."""
    top = [c for c in ranked[:top_n] if c.chunk_id in vectors]
    if len(top) < 2 or weight <= 0:
        return
    scores = np.array([c.score for c in top], dtype=np.float64)
    lo, hi = scores.min(), scores.max()
    scores = (scores - lo) / max(hi - lo, 1e-12)
    matrix = np.stack([vectors[c.chunk_id] for c in top]).astype(np.float64)
    # einsum, not `matrix @ matrix.T`: for a 100 x 384 product BLAS wakes its worker threads,
    # which then spin and doubled the CPU time of a whole answer (benchmarks/latency.py) for
    # a job that takes ~1 ms on one core.
    similarity = np.einsum("id,jd->ij", matrix, matrix)
    np.fill_diagonal(similarity, -np.inf)
    k = min(neighbours, len(top) - 1)
    nearest = np.argpartition(-similarity, k - 1, axis=1)[:, :k]
    smoothed = scores + weight * scores[nearest].mean(axis=1)
    for c, value in zip(top, smoothed, strict=True):
        c.score = float(value)
    lifted = {id(c) for c in top}
    rest = [c for c in ranked if id(c) not in lifted]
    ranked[:] = sorted(top, key=lambda c: c.score, reverse=True) + rest
