"""Offline sentence selection (assistant.answering.extractive): verbatim, value-aware, in
reading order."""

from __future__ import annotations

from fakes import provenance

from assistant.answering.extractive import ExtractOptions, select_sentences
from knowledge.question import Question
from knowledge.retrieval import Passage


def passage(text: str, similarity: float = 0.7) -> Passage:
    return Passage(
        text=text,
        similarity=similarity,
        source=provenance(
            "sick",
            title="Sick day rules",
            section="Sick days",
            page_start=48,
            page_end=48,
            char_end=len(text),
        ),
    )


SICK_DAYS = (
    "Take care of yourself when you are sick.\n"
    "Check your blood glucose level every 4 hours.\n"
    "Drink at least one cup (8 ounces) of water or other calorie-free liquid every hour.\n"
    "Keep taking your diabetes medicines."
)


def test_a_how_much_question_prefers_the_sentence_with_an_amount():
    # "when sick" is not a "when" question: the amount, not the 4-hour interval, answers it.
    chosen = select_sentences(
        "How much fluid should a patient drink when sick?", [passage(SICK_DAYS)]
    )
    best = max(chosen, key=lambda e: e.score)
    assert best.text.startswith("Drink at least one cup (8 ounces)")


def test_extracts_are_verbatim_spans_in_reading_order():
    p = passage(SICK_DAYS)
    chosen = select_sentences("How often should blood glucose be checked when sick?", [p])
    assert chosen and all(p.text[e.start : e.end].strip() == e.text for e in chosen)
    assert [e.start for e in chosen] == sorted(e.start for e in chosen)
    assert any("every 4 hours" in e.text for e in chosen)


LOW_BLOOD_GLUCOSE = (
    "Check your blood glucose right away.\n"
    "If it is below 70, have one of the following right away:\n"
    "● 3 or 4 glucose tablets\n"
    "● 1/2 cup (4 ounces) of any fruit juice\n"
    "● 5 or 6 pieces of hard candy\n"
    "After 15 minutes, check your blood glucose again:\n"
    "● if it is still below 70, have another serving"
)


def test_a_chosen_lead_in_brings_the_list_it_introduces():
    p = passage(LOW_BLOOD_GLUCOSE)
    chosen = select_sentences("At what blood glucose should a low be treated right away?", [p])
    texts = [e.text for e in chosen]
    start = texts.index("If it is below 70, have one of the following right away:")
    # Chosen on their own merit or not, the items come with the lead-in, in order, as one run,
    # and the run stops where the next lead-in starts another list.
    assert texts[start + 1 : start + 4] == [
        "● 3 or 4 glucose tablets",
        "● 1/2 cup (4 ounces) of any fruit juice",
        "● 5 or 6 pieces of hard candy",
    ]
    assert [e.continued for e in chosen[start : start + 4]] == [True, True, True, False]
    assert all(p.text[e.start : e.end].strip() == e.text for e in chosen)


def test_the_lines_a_lead_in_brings_are_bounded():
    items = "".join(f"● item number {i} of a long list\n" for i in range(40))
    p = passage("Staff must carry the following at all times:\n" + items)
    options = ExtractOptions(continuation_lines=12, continuation_words=90)
    chosen = select_sentences("What must staff carry at all times?", [p], options)
    lines = [e for e in chosen if e.text.startswith("●")]
    assert 0 < len(lines) <= 12 and sum(len(e.text.split()) for e in lines) <= 90
    assert not lines[-1].continued


def test_a_lay_question_picks_the_sentence_in_the_documents_words():
    from knowledge.analysis import stems
    from knowledge.query_expansion import QueryExpander
    from knowledge.sense_inventory import SenseInventory

    text = (
        "Eat your meals at about the same times every day.\n"
        "If you have hypoglycemia, eat or drink a fast-acting carbohydrate right away.\n"
        "Talk with your doctor about your meal plan."
    )
    question = "what should my mom eat for low sugar"
    vocabulary = {s: 3 for s in stems(text + " low blood glucose")}
    expansion = QueryExpander(vocabulary, SenseInventory({}), frozenset()).expand(question)
    options = ExtractOptions(max_sentences=1)
    with_concepts = select_sentences(Question(question, expansion), [passage(text)], options)
    assert "hypoglycemia" in with_concepts[0].text
    # word by word, "eat" alone ties the two sentences, and the first one wins
    words_only = select_sentences(question, [passage(text)], options)
    assert "hypoglycemia" not in words_only[0].text


GLUCOSE_WHEN_SICK = (
    "Check your blood glucose level every 4 hours when you are sick.\n"
    "Write down each blood glucose check you do while sick.\n"
    "Keep taking your diabetes medicines."
)
KETONES = (
    "Check your urine for ketones every 4 hours when you are sick.\n"
    "Call your doctor if your urine ketones are moderate or large."
)


def test_a_passage_clearing_the_floor_is_quoted_when_a_better_one_fills_the_limits():
    # The first passage's two sentences spend the sentence limit; the second passage's best
    # sentence clears the floor and is still quoted (its card may hold what was asked for);
    # a third passage below the floor is not.
    passages = [
        passage(GLUCOSE_WHEN_SICK, similarity=0.8),
        passage(KETONES, similarity=0.6),
        passage("The clinic car park opens at seven in the morning.", similarity=0.3),
    ]
    question = "How often should blood glucose be checked when sick?"
    chosen = select_sentences(question, passages, ExtractOptions(max_sentences=2))
    assert [e.passage_index for e in chosen] == [0, 0, 1]
    assert chosen[2].text.startswith("Check your urine for ketones")

    limited = ExtractOptions(max_sentences=2, quoted_passages=1)
    assert {e.passage_index for e in select_sentences(question, passages, limited)} == {0}


def test_a_reference_list_is_not_quoted_however_close():
    # A cited paper's title can hold the question's words more closely than the guideline's
    # own sentence: the answer quotes the guideline, never the reference list.
    references = Passage(
        text="Smith AB, Jones CD. How often to check blood glucose when sick: a cohort study. "
        "Diabetes Care 2019;42:100-9.",
        similarity=0.9,
        source=provenance("sick", section="Sick day rules > References", char_end=100),
    )
    chosen = select_sentences(
        "How often should blood glucose be checked when sick?", [references, passage(SICK_DAYS)]
    )
    assert chosen and {e.passage_index for e in chosen} == {1}
