"""Scoring the candidates: convex fusion, the question's cues, neighbour smoothing."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pytest

from knowledge.fusion import (
    QuestionCues,
    TextCues,
    convex_scores,
    rescore_bonus,
    rrf_scores,
    smooth_by_neighbours,
)


@dataclass
class Cand:
    chunk_id: str
    similarity: float = 0.0
    score: float = 0.0


def test_convex_uses_raw_cosine_and_min_max_bm25():
    cands = [Cand("a", 0.8), Cand("b", 0.5), Cand("c", 0.6)]
    convex_scores(cands, [0.0, 10.0, 5.0], dense_weight=0.7)
    assert [c.score for c in cands] == pytest.approx([0.56, 0.35 + 0.3, 0.42 + 0.15])


def test_convex_weight_decides_between_a_dense_and_a_lexical_favourite():
    def winner(weight: float) -> str:
        cands = [Cand("dense", 0.9), Cand("lexical", 0.3)]
        convex_scores(cands, [1.0, 20.0], dense_weight=weight)
        return max(cands, key=lambda c: c.score).chunk_id

    assert winner(0.9) == "dense" and winner(0.3) == "lexical"


def test_convex_with_equal_bm25_scores_ranks_by_cosine():
    cands = [Cand("a", 0.4), Cand("b", 0.7)]
    convex_scores(cands, [3.0, 3.0], dense_weight=0.7)
    assert cands[1].score > cands[0].score and cands[0].score == pytest.approx(0.28)


def test_rrf_adds_weighted_reciprocal_ranks():
    scores = rrf_scores([(["a", "b"], 1.0), (["b", "c"], 2.0)], k=60)
    assert scores["b"] == pytest.approx(1 / 62 + 2 / 61)
    assert max(scores, key=scores.get) == "b"


class Strict:
    """Passage cues that fail when read: the bonus must not compute what it does not need."""

    @property
    def numbers(self):
        raise AssertionError("numbers computed for a question without numbers")

    @property
    def pairs(self):
        return {("hand", "hygien")}


def test_question_cues_score_numbers_and_phrases():
    cues = QuestionCues.of("Offer naloxone above 50 MME per day")
    passage = TextCues.of("Clinicians should offer naloxone when doses reach 50 MME/day.")
    other = TextCues.of("Naloxone is offered by pharmacists; doses of 90 mg were studied.")
    assert cues.bonus(passage, 0.05) > cues.bonus(other, 0.05) >= 0.0
    assert cues.bonus(passage, 0.05) <= 0.1 + 1e-9
    assert rescore_bonus("50 MME", "above 50 MME daily", 0.05) == pytest.approx(0.1)


def test_cues_of_the_passage_are_only_read_when_the_question_has_them():
    assert QuestionCues.of("hand hygiene").bonus(Strict(), 0.05) == pytest.approx(0.05)


def _unit(*values):
    v = np.array(values, dtype=np.float32)
    return v / np.linalg.norm(v)


def test_smoothing_lifts_a_candidate_whose_neighbours_rank_high():
    # "lone" scores a little higher than "x1" but sits apart from the other good candidates.
    ranked = [Cand("lone", score=1.0), Cand("x1", score=0.95)]
    ranked += [Cand(f"x{i}", score=0.9) for i in range(2, 5)] + [Cand("low", score=0.0)]
    vectors = {f"x{i}": _unit(1, 0.1 * i, 0) for i in range(1, 5)}
    vectors["lone"] = _unit(-1, 0, 0.1)  # points away from the x cluster
    vectors["low"] = _unit(0, 0, 1)
    smooth_by_neighbours(ranked, vectors, top_n=10, neighbours=2, weight=0.5)
    order = [c.chunk_id for c in ranked]
    assert order.index("x1") < order.index("lone")
    assert order[-1] == "low"


def test_smoothing_keeps_candidates_without_vectors_below_in_order():
    ranked = [Cand("a", score=0.9), Cand("novec", score=0.8), Cand("b", score=0.7)]
    ranked.append(Cand("tail", score=0.1))
    vectors = {"a": _unit(1, 0), "b": _unit(1, 0.1)}
    smooth_by_neighbours(ranked, vectors, top_n=3, neighbours=1, weight=0.5)
    assert [c.chunk_id for c in ranked] == ["a", "b", "novec", "tail"]


def test_smoothing_needs_two_candidates_and_a_weight():
    one = [Cand("a", score=0.3)]
    smooth_by_neighbours(one, {"a": _unit(1, 0)}, top_n=10, neighbours=3, weight=0.5)
    assert one[0].score == 0.3
    two = [Cand("a", score=0.3), Cand("b", score=0.2)]
    smooth_by_neighbours(two, {"a": _unit(1, 0), "b": _unit(0, 1)}, 10, 3, weight=0.0)
    assert [c.score for c in two] == [0.3, 0.2]
