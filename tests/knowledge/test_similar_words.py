"""Coverage counted by meaning (knowledge.similar_words): a question's concept the passage
says in other words still counts, judged by the embedding model; with a table of vectors,
and with the real model for the words that made the change."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from fakes import TableEmbedder

from knowledge.analysis import stems
from knowledge.evidence import question_coverage
from knowledge.query_expansion import QueryExpander
from knowledge.question import Question
from knowledge.sense_inventory import SenseInventory
from knowledge.similar_words import SimilarWords

PASSAGE = "The physician should review the chart of each patient after a fall."


@dataclass
class P:
    text: str
    title: str = "Falls policy"
    section: str = ""

    @property
    def source(self):  # a passage's title and section are found on its provenance
        return self


def question(text: str) -> Question:
    expander = QueryExpander(
        {s: 20 for s in stems(PASSAGE)}, SenseInventory({}), frozenset(), words=frozenset()
    )
    return Question(text).expanded(expander.expand(text))


CLOSE = {"doctor": [1.0, 0.0], "physician": [0.9, 0.43]}  # cosine 0.90


def test_a_concept_said_in_other_words_counts_when_close_enough():
    asked = question("when does the doctor review the chart")
    assert question_coverage(asked, [P(PASSAGE)]) < 1.0  # "doctor" is not in the passage
    found = SimilarWords(TableEmbedder(CLOSE), threshold=0.70).coverage(asked, [P(PASSAGE)])
    assert found.coverage == 1.0
    assert found.matches == (("doctor", "physician"),)


def test_a_word_not_close_enough_is_not_counted():
    asked = question("when does the doctor review the chart")
    found = SimilarWords(TableEmbedder(CLOSE), threshold=0.95).coverage(asked, [P(PASSAGE)])
    assert found.coverage == pytest.approx(question_coverage(asked, [P(PASSAGE)]))
    assert found.matches == ()


def test_the_best_passage_counts_and_each_word_is_embedded_once():
    embedder = TableEmbedder(CLOSE)
    words = SimilarWords(embedder, threshold=0.70)
    asked = question("when does the doctor review the chart")
    other = P("Visitors wash hands at the door.")
    assert words.coverage(asked, [other, P(PASSAGE)]).coverage == 1.0
    before = len(embedder.embedded)
    words.coverage(asked, [other, P(PASSAGE)])
    assert len(embedder.embedded) == before  # all cached
    assert len(embedder.embedded) == len(set(embedder.embedded))


def test_no_concepts_no_coverage():
    empty = SimilarWords(TableEmbedder(CLOSE), threshold=0.70)
    assert empty.coverage(Question("the and of"), [P(PASSAGE)]).coverage == 0.0


@pytest.mark.parametrize(
    ("asked", "passage", "counted"),
    [
        # a near synonym counts ...
        ("when does the doctor review the chart", "The physician reviews the chart", True),
        ("can my dad bring his own medicine", "Patients may bring their own medication", True),
        # ... a different thing on the same topic does not
        ("how much bleach per gallon", "Use an EPA-registered disinfectant wipe", False),
        ("what box for used needles", "Put used sharps in a puncture-proof container", False),
    ],
)
def test_the_real_model_counts_near_synonyms_not_neighbours(real_embedder, asked, passage, counted):
    expander = QueryExpander(
        {s: 20 for s in stems(passage)}, SenseInventory({}), frozenset(), words=frozenset()
    )
    q = Question(asked).expanded(expander.expand(asked))
    found = SimilarWords(real_embedder, threshold=0.70).coverage(q, [P(passage)])
    assert (found.coverage > question_coverage(q, [P(passage)])) is counted


def test_opposites_and_siblings_count_only_as_themselves():
    # the model puts "large" 0.79 from "small": a near miss turns on such words
    table = {"small": [1.0, 0.0], "large": [0.9, 0.43]}
    asked = question("when does the doctor review a small chart")
    passage = P("The physician reviews a large chart")
    found = SimilarWords(TableEmbedder(table), threshold=0.70).coverage(asked, [passage])
    assert ("small", "large") not in found.matches
