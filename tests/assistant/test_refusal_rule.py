"""The refusal decision on fixed passages (no model, no index): language, the similarity floor
and its relaxation, concept coverage, the value check."""

from __future__ import annotations

from assistant.engine import NO_ANSWER, AnswerEngine
from assistant.settings import Settings
from knowledge.analysis import stems
from knowledge.query_expansion import QueryExpander
from knowledge.retrieval import Passage, RetrievalResult
from knowledge.sense_inventory import SenseInventory

GLUCOSE = (
    "If your blood glucose is below 70 mg/dL, eat 15 grams of carbohydrate right away. "
    "Check your blood glucose again after 15 minutes."
)


def passage(text: str, similarity: float) -> Passage:
    return Passage(
        chunk_id="c1", text=text, doc_id="d", version_id="d@1", version=1,
        title="Low blood glucose", source_name="d.pdf", source_path="/d.pdf",
        section="Hypoglycemia", page_start=13, page_end=13, position_start=0,
        position_end=0, char_start=0, char_end=len(text), approved_at="2026-01-01",
        similarity=similarity,
    )  # fmt: skip


def decide(question: str, similarity: float, text: str = GLUCOSE, tmp_path=None) -> str:
    vocabulary = {s: 5 for s in stems(text + " low blood glucose hypoglycemia treatment")}
    expander = QueryExpander(vocabulary, SenseInventory({}), frozenset())
    result = RetrievalResult(question, [passage(text, similarity)])
    result.expansion = expander.expand(question)
    engine = AnswerEngine(kb=None, settings=Settings(home=tmp_path), retriever=object())
    return engine._refusal(question, result)


def test_a_question_in_another_language_is_refused_as_such(tmp_path):
    reason = decide("¿Qué debo hacer si mi azúcar está baja?", 0.9, tmp_path=tmp_path)
    assert "Spanish" in reason and "in English" in reason


def test_a_covered_question_close_in_meaning_is_answered(tmp_path):
    assert decide("What should I eat when my blood glucose is low?", 0.7, tmp_path=tmp_path) == ""


def test_below_the_floor_it_is_refused(tmp_path):
    assert decide("What about sepsis fluids?", 0.30, tmp_path=tmp_path).startswith(NO_ANSWER)


def test_terse_shorthand_whose_concepts_are_all_there_clears_the_relaxed_floor(tmp_path):
    # 0.44 is under min_similarity (0.48) but over relaxed_similarity (0.40), and every
    # concept of the question is in the passage ("BG" through its expansion)
    assert decide("BG low - how many grams carbs?", 0.44, tmp_path=tmp_path) == ""
    # the same similarity with half the concepts missing stays refused
    assert decide("BG low in dialysis ketoacidosis pump?", 0.44, tmp_path=tmp_path)


def test_a_value_the_passage_does_not_carry_is_named_in_the_refusal(tmp_path):
    text = "People with diabetes should be careful with alcohol and talk to their doctor."
    reason = decide(
        "How many milliliters of alcohol can a person with diabetes drink?",
        0.8,
        text=text,
        tmp_path=tmp_path,
    )
    assert reason.startswith(NO_ANSWER) and "volume" in reason
