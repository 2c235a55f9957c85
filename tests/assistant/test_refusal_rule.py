"""The refusal rule (assistant.answering.refusal_rule) on fixed passages (no model, no index):
language, the similarity floor and its relaxation, concept coverage, the value check, and the
three outcomes (answer, related passages, not covered)."""

from __future__ import annotations

from fakes import HashEmbedder, TableEmbedder, provenance

from assistant.answering.answer import ANSWERED, NOT_COVERED, RELATED
from assistant.answering.refusal_rule import NO_ANSWER, RefusalRule
from assistant.governance.settings import Settings
from knowledge.analysis import stems
from knowledge.query_expansion import QueryExpander
from knowledge.question import Question
from knowledge.retrieval import Passage, RetrievalResult
from knowledge.sense_inventory import SenseInventory
from knowledge.similar_words import SimilarWords

GLUCOSE = (
    "If your blood glucose is below 70 mg/dL, eat 15 grams of carbohydrate right away. "
    "Check your blood glucose again after 15 minutes."
)


def passage(text: str, similarity: float) -> Passage:
    return Passage(
        text=text,
        similarity=similarity,
        source=provenance(
            title="Low blood glucose",
            section="Hypoglycemia",
            page_start=13,
            page_end=13,
            char_end=len(text),
        ),
    )


def decide(
    question: str,
    similarity: float,
    text: str = GLUCOSE,
    tmp_path=None,
    embedder=None,
    library: str = "",
) -> tuple[str, str]:
    """`library`: words other documents use, beyond the passage's own."""
    vocabulary = {s: 5 for s in stems(f"{text} low blood glucose hypoglycemia treatment {library}")}
    expander = QueryExpander(vocabulary, SenseInventory({}), frozenset())
    searched = Question(question, expander.expand(question))
    result = RetrievalResult(searched, [passage(text, similarity)])
    rule = RefusalRule(
        Settings(home=tmp_path).answer,
        expander.expand,
        lambda: SimilarWords(embedder or HashEmbedder(), threshold=0.70),
    )
    return rule.decide(result)


def test_a_question_in_another_language_is_refused_as_such(tmp_path):
    outcome, reason = decide("¿Qué debo hacer si mi azúcar está baja?", 0.9, tmp_path=tmp_path)
    assert outcome == NOT_COVERED and "Spanish" in reason and "in English" in reason


def test_a_covered_question_close_in_meaning_is_answered(tmp_path):
    question = "What should I eat when my blood glucose is low?"
    assert decide(question, 0.7, tmp_path=tmp_path) == (ANSWERED, "")


def test_below_the_floor_it_is_refused(tmp_path):
    assert decide("What about sepsis fluids?", 0.30, tmp_path=tmp_path) == (NOT_COVERED, NO_ANSWER)


def test_evidence_between_the_thresholds_is_shown_as_related_passages(tmp_path):
    # under the answer floor (0.48) and, with half its concepts, not relaxed; but over the
    # related floor (0.40) with over 30 % of its concepts in the passage
    question = (
        "What should I eat for low blood glucose during dialysis on an insulin pump overnight?"
    )
    assert decide(question, 0.44, tmp_path=tmp_path) == (RELATED, NO_ANSWER)
    # the same wording further away in meaning is not covered at all
    assert decide(question, 0.35, tmp_path=tmp_path) == (NOT_COVERED, NO_ANSWER)


def test_terse_shorthand_whose_concepts_are_all_there_clears_the_relaxed_floor(tmp_path):
    # 0.44 is under min_similarity (0.48) but over relaxed_similarity (0.40), and every
    # concept of the question is in the passage ("BG" through its expansion)
    assert decide("BG low - how many grams carbs?", 0.44, tmp_path=tmp_path) == (ANSWERED, "")
    # the same similarity with half the concepts missing is not an answer
    outcome, _ = decide("BG low in dialysis ketoacidosis pump?", 0.44, tmp_path=tmp_path)
    assert outcome != ANSWERED


def test_a_value_the_passage_does_not_carry_is_named_in_the_refusal(tmp_path):
    text = "People with diabetes should be careful with alcohol and talk to their doctor."
    outcome, reason = decide(
        "How many milliliters of alcohol can a person with diabetes drink?",
        0.8,
        text=text,
        tmp_path=tmp_path,
    )
    # the subject is there, so its passages are shown as related, and the value is named
    assert outcome == RELATED and reason.startswith(NO_ANSWER) and "volume" in reason


def test_a_dilution_the_passage_does_not_give_is_named_and_one_it_gives_is_answered(tmp_path):
    asked = "What dilution of household bleach should be used on a blood spill?"
    without = "Clean a blood spill with household bleach, then wipe the surface dry."
    outcome, reason = decide(asked, 0.8, text=without, tmp_path=tmp_path)
    assert outcome == RELATED and "ratio or dilution" in reason
    given = "Clean a blood spill with household bleach diluted 1:10, then wipe the surface dry."
    assert decide(asked, 0.8, text=given, tmp_path=tmp_path)[0] == ANSWERED


def test_a_drug_the_documents_never_mention_is_named_in_the_refusal(tmp_path):
    # everything else of the question is in the passage, close in meaning: a near miss only
    # the absent drug gives away ("acarbose" is no dictionary word and in no passage)
    question = "Low blood glucose on acarbose: how many grams of carbohydrate?"
    outcome, reason = decide(question, 0.8, tmp_path=tmp_path)
    assert outcome == RELATED and reason.startswith(NO_ANSWER)
    assert "never mention “acarbose”" in reason
    # without the drug the same question is answered
    assert (
        decide("Low blood glucose: how many grams of carbohydrate?", 0.8, tmp_path=tmp_path)[0]
        == ANSWERED
    )


def test_a_medicine_the_passages_found_never_name_is_named_in_the_refusal(tmp_path):
    # the library names glipizide elsewhere; the passage found speaks of no medicine at all
    question = "Low blood glucose on glipizide: how many grams of carbohydrate?"
    outcome, reason = decide(question, 0.8, tmp_path=tmp_path, library="glipizide")
    assert outcome == RELATED and reason.startswith(NO_ANSWER)
    assert "say nothing about “glipizide”" in reason
    # a passage naming it answers; so does one naming a brand's generic ("Glucophage")
    text = GLUCOSE + " People taking glipizide should carry glucose tablets."
    assert decide(question, 0.8, text=text, tmp_path=tmp_path) == (ANSWERED, "")
    brand = "Low blood glucose on Glucophage: how many grams of carbohydrate?"
    text = GLUCOSE + " Metformin alone rarely causes it."
    assert decide(brand, 0.8, text=text, tmp_path=tmp_path, library="glucophage") == (
        ANSWERED,
        "",
    )


def test_a_medicine_in_a_sentence_of_context_is_history_not_the_subject(tmp_path):
    question = (
        "He has been on glipizide for years. How many grams of carbohydrate for a low blood "
        "glucose?"
    )
    assert decide(question, 0.8, tmp_path=tmp_path, library="glipizide") == (ANSWERED, "")


def test_a_child_the_passages_never_speak_of_is_named_in_the_refusal(tmp_path):
    question = "Low blood glucose in a 6-year-old: how many grams of carbohydrate?"
    outcome, reason = decide(question, 0.8, tmp_path=tmp_path)
    assert outcome == RELATED and reason.startswith(NO_ANSWER) and "about children" in reason
    # a passage that speaks of children answers it
    text = GLUCOSE + " Children need the same 15 grams of carbohydrate."
    assert decide(question, 0.8, text=text, tmp_path=tmp_path) == (ANSWERED, "")


def test_a_concept_said_in_other_words_counts_when_the_model_finds_them_close(tmp_path):
    # "munch" and "dips" are not the passage's words: 2 of 4 concepts, too few for the
    # relaxed floor, so 0.44 is refused; "munch" close to "eat" makes it 3 of 4
    question = "how many grams to munch when glucose dips?"
    assert decide(question, 0.44, tmp_path=tmp_path)[0] != ANSWERED
    close = TableEmbedder({"munch": [1.0, 0.0], "eat": [0.8, 0.6]})  # cosine 0.80
    assert decide(question, 0.44, tmp_path=tmp_path, embedder=close) == (ANSWERED, "")
    far = TableEmbedder({"munch": [1.0, 0.0], "eat": [0.6, 0.8]})  # cosine 0.60
    assert decide(question, 0.44, tmp_path=tmp_path, embedder=far)[0] != ANSWERED


def test_a_value_asked_in_other_words_counts_when_the_model_finds_them_close(tmp_path):
    # "sweets" is in the passage but far from the value; around "recheck in 15 minutes" only
    # "minutes" is the question's (1 of 3), until "munch" counts as close to "treatment"
    text = (
        "Keep sweets nearby on the ward. Staff record every episode in the notes. "
        "Nurses review the insulin chart daily. After treatment, recheck in 15 minutes."
    )
    question = "How many minutes after I munch sweets?"
    outcome, reason = decide(question, 0.7, text=text, tmp_path=tmp_path)
    assert outcome == RELATED and "duration" in reason
    close = TableEmbedder({"munch": [1.0, 0.0], "treatment": [0.8, 0.6]})  # cosine 0.80
    assert decide(question, 0.7, text=text, tmp_path=tmp_path, embedder=close) == (ANSWERED, "")
    far = TableEmbedder({"munch": [1.0, 0.0], "treatment": [0.6, 0.8]})  # cosine 0.60
    assert decide(question, 0.7, text=text, tmp_path=tmp_path, embedder=far)[0] == RELATED


def test_terse_shorthand_with_three_quarters_of_its_concepts_held_needs_little_similarity(
    tmp_path,
):
    # every concept in the passage in its own words: answered even at 0.25 ...
    assert decide("BG low - grams carbs?", 0.25, tmp_path=tmp_path) == (ANSWERED, "")
    # ... but not below the held floor (0.20), nor in strict mode (a follow-up's own words)
    assert decide("BG low - grams carbs?", 0.15, tmp_path=tmp_path)[0] != ANSWERED


def test_strict_mode_keeps_the_plain_floors(tmp_path):
    vocabulary = {s: 5 for s in stems(GLUCOSE + " low blood glucose hypoglycemia treatment")}
    expander = QueryExpander(vocabulary, SenseInventory({}), frozenset())
    question = "BG low - grams carbs?"
    result = RetrievalResult(
        Question(question, expander.expand(question)), [passage(GLUCOSE, 0.25)]
    )
    rule = RefusalRule(
        Settings(home=tmp_path).answer,
        expander.expand,
        lambda: SimilarWords(HashEmbedder(), threshold=0.70),
    )
    assert rule.decide(result)[0] == ANSWERED
    assert rule.decide(result, strict=True)[0] != ANSWERED


def test_context_before_the_question_does_not_count_against_it(tmp_path):
    vocabulary = {s: 5 for s in stems(GLUCOSE + " low blood glucose hypoglycemia treatment")}
    expander = QueryExpander(vocabulary, SenseInventory({}), frozenset())
    rule = RefusalRule(
        Settings(home=tmp_path).answer,
        expander.expand,
        lambda: SimilarWords(HashEmbedder(), threshold=0.70),
    )

    def outcome(question: str) -> str:
        searched = Question(question, expander.expand(question))
        return rule.decide(RetrievalResult(searched, [passage(GLUCOSE, 0.44)]))[0]

    # the asker's own story dilutes the concepts; the sentence that asks holds them
    story = "I just started volunteering at the community pantry on weekends with my cousin."
    assert outcome(f"{story} How many grams of carbohydrate for low blood glucose?") == ANSWERED
    # the same words as one sentence are all counted, and refused
    assert outcome(f"{story[:-1]}: how many grams of carbohydrate for low blood glucose?") != (
        ANSWERED
    )
    # an opening clause of place is the asker's too; a condition ("If …,") is the question's
    place = "At the community pantry where my cousin and I volunteer on weekends"
    assert outcome(f"{place}, how many grams of carbohydrate for low blood glucose?") == ANSWERED
    condition = "If my cousin and I volunteer at the community pantry on weekends"
    assert outcome(f"{condition}, how many grams of carbohydrate for low blood glucose?") != (
        ANSWERED
    )
