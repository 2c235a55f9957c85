"""One analysed question, read once and passed down the answer path."""

from __future__ import annotations

from types import SimpleNamespace

import knowledge.question as question_module
from assistant.answering.evidence_builder import EvidenceBuilder
from knowledge.analysis import stems
from knowledge.evidence import question_coverage, value_coverage
from knowledge.provenance import Provenance
from knowledge.query_expansion import QueryExpander
from knowledge.question import Question
from knowledge.retrieval import Passage, RetrievalResult
from knowledge.sense_inventory import SenseInventory

TEXT = (
    "If blood glucose is below 70 mg/dL, eat 15 grams of fast-acting carbohydrate. "
    "Check again after 15 minutes."
)


def passage() -> Passage:
    where = Provenance("c1", "d", "d@1", 1, "Hypoglycemia", "d.pdf", section="Treatment")
    return Passage(TEXT, where, similarity=0.8)


def test_each_reading_is_made_once_however_many_steps_ask(monkeypatch):
    calls = {"language": 0, "value": 0, "terms": 0}

    def counted(name, real):
        def wrapper(text):
            calls[name] += 1
            return real(text)

        return wrapper

    monkeypatch.setattr(
        question_module, "detect_language", counted("language", question_module.detect_language)
    )
    monkeypatch.setattr(
        question_module, "requested_value", counted("value", question_module.requested_value)
    )
    real_terms = question_module.content_terms
    monkeypatch.setattr(question_module, "content_terms", counted("terms", real_terms))

    asked = Question("How many grams of carbohydrate for a low blood glucose?")
    assert asked.language == "en" and asked.language == "en"
    result = RetrievalResult(asked, [passage()])
    question_coverage(result.question, result.passages)
    value_coverage(result.question, result.passages)
    evidence = EvidenceBuilder(None).build(result)  # sentence selection and the summary

    assert evidence is not None and "15 grams" in evidence.summary
    assert calls == {"language": 1, "value": 1, "terms": 1}


def test_attaching_the_expansion_keeps_what_was_read_and_counts_concepts():
    text = "BG low - how many grams of carbs?"
    plain = Question(text)
    assert plain.value_kind == "dose" and plain.language == "en"
    vocabulary = {s: 5 for s in stems(TEXT + " hypoglycemia")}
    expansion = QueryExpander(vocabulary, SenseInventory({}), frozenset()).expand(text)
    expanded = plain.expanded(expansion)

    assert expanded.expansion is expansion and plain.expansion is None
    assert "value_kind" in expanded.__dict__ and "language" in expanded.__dict__  # not re-read
    words = set(stems(TEXT))
    # "BG" counts through "blood glucose", "carbs" through "carbohydrate": only by concepts
    assert expanded.share(words) > plain.share(words)


def test_a_blood_level_asks_for_a_number_not_a_dose():
    assert Question("BG targets before meals (mg/dL)?").value_kind == "number"
    assert Question("target glucose in mmol/L?").value_kind == "number"
    assert Question("max paracetamol dose in mg?").value_kind == "dose"


def test_a_goal_or_what_a_reading_should_be_asks_for_a_number():
    assert Question("A1C goal for DM2 pt? <7%?").value_kind == "number"
    assert Question("warfarin target INR range per policy?").value_kind == "number"
    assert Question(
        "My dad is on warfarin. What should his blood clotting number be?"
    ).value_kind == ("number")
    assert Question("Is targeted therapy offered after surgery?").value_kind is None


def test_plain_text_is_accepted_where_a_benchmark_passes_it():
    text_passage = SimpleNamespace(text=TEXT, source=SimpleNamespace(title="", section=""))
    asked = Question.of("What should I eat when blood glucose is below 70?")
    assert Question.of(asked) is asked
    assert question_coverage(asked.text, [text_passage]) == question_coverage(asked, [text_passage])
    assert Question("").share({"glucos"}) == 0.0 and Question("").value_kind is None
