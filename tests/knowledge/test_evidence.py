"""The refusal rule's measures: question coverage and the value check (knowledge.evidence)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from knowledge.evidence import (
    VALUE_LABELS,
    carries_value,
    question_coverage,
    value_coverage,
)
from knowledge.question import requested_value


@dataclass
class P:
    text: str
    title: str = "Hand Hygiene Policy"
    section: str = ""

    @property
    def source(self):  # a passage's title and section are found on its provenance
        return self


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("How many seconds should staff lather their hands?", "duration"),
        ("C.diff pt - gel ok or soap and water? how many secs", "duration"),
        ("How long can a multi-dose vial be used once opened?", "duration"),
        ("What duloxetine dose (mg/day) should I start?", "dose"),
        ("What's a reasonable starting dose in MME for an opioid-naive adult?", "dose"),
        ("What dose of intranasal naloxone should I prescribe?", "dose"),
        # a rate of change, often a percentage: not read as a request for an amount
        ("What weekly dose reduction is less likely to trigger withdrawal?", None),
        ("How many kcal should the test meal contain?", "energy"),
        ("What QTc cutoff (ms) rules out methadone?", "milliseconds"),
        ("At what temperature must the endoscope be soaked?", "temperature"),
        ("What percentage of staff must be audited?", "percentage"),
        ("How many PK blood samples per subject does FDA recommend?", "number"),
        ("How much water should the products be given with?", "number"),
        ("Above what BG reading should exercise be skipped?", "number"),
        ("What's the minimum number of subjects in a BA study?", "number"),
        ("What minimum level of reprocessing does a colonoscope need?", None),
        ("What dilution of household bleach disinfects a blood spill?", "ratio"),
        ("Which alcohol concentrations and how many dosage units are recommended?", "percentage"),
        ("What dosage forms does the guidance cover?", None),
        ("What ratio converts oral to intravenous morphine?", "ratio"),
        ("What minimum alcohol concentration should a hand rub contain?", "percentage"),
        ("% kids 5-11 w/ long COVID after infxn?", "percentage"),
        ("What anti-HBs antibody level means a booster is needed?", "number"),
        ("What score on the falls check counts as high risk?", "number"),
        ("Should coughing patients in the waiting room be given masks?", None),
        ("How often should we run a biological indicator?", None),
        ("gabapentin starting dose for PHN?", "dose"),
        ("opioid OD on ward - naloxone rescue dose?", "dose"),
    ],
)
def test_requested_value_reads_what_the_question_asks_for(question, kind):
    assert requested_value(question) == kind


def test_every_kind_has_a_label_for_the_refusal():
    asked = ("How long?", "What dose?", "How many kcal?", "What dilution?", "What score?")
    kinds = {requested_value(q) for q in asked}
    assert kinds <= set(VALUE_LABELS)


@pytest.mark.parametrize(
    ("kind", "sentence", "expected"),
    [
        ("duration", "Wash for 40–60 seconds in total.", True),
        ("duration", "Discard the vial within 28 days of opening.", True),
        ("duration", "Use a 28-day beyond-use date.", True),
        ("duration", "Review within two weeks.", True),
        ("duration", "Wash with soap and water when hands are soiled.", False),
        ("duration", "Give 15 g of carbohydrate.", False),
        ("dose", "Start at 5 mg twice daily.", True),
        ("dose", "Pause before reaching ≥50 MME/day.", True),
        ("dose", "Dosing follows the naloxone chart.", False),
        ("dose", "Wait 30 minutes.", False),
        ("energy", "A meal of 800 to 1000 calories.", True),
        ("percentage", "The target is 95% compliance.", True),
        ("percentage", "variability of 30 percent or more", True),
        ("temperature", "Store at 2–8 °C.", True),
        ("milliseconds", "A QTc over 500 ms.", True),
        ("number", "Below 70, treat right away.", True),
        ("number", "Have one of the following right away.", False),
        # digits that count nothing: references, years, affiliations, a policy's code
        ("number", "Falls risk is assessed on admission (341, 342).", False),
        ("number", "Rates of falls rose from 2008 to 2018 [12].", False),
        ("number", "7Connecticut Emerging Infections Program", False),
        ("number", "As the Patient Identification Policy (PI-002) describes.", False),
        ("number", "A median of 6 days (IQR: 4–8 days) in 2019 (12).", True),
        ("number", "Oxycodone conversion factor 1.5.", True),
        # a name with a digit inside counts nothing either: "A1C", "N95"
        ("number", "Get an A1C test at least twice a year.", False),
        ("number", "Fit-test each N95 respirator model.", False),
        ("number", "An A1C below 7 is the usual goal.", True),
        ("ratio", "Use a 1:10 dilution of bleach.", True),
        ("ratio", "Mix 1 part bleach to 9 parts water.", True),
        ("ratio", "Part of the checklist covers cleaning.", False),
    ],
)
def test_carries_value_needs_a_number_with_a_unit_of_that_kind(kind, sentence, expected):
    assert carries_value(kind, sentence) is expected


def test_question_coverage_is_the_best_passage_share():
    question = "How should endoscopes be dried after disinfection?"
    passages = [P("Unrelated text about masks."), P("Dry endoscopes with forced air.")]
    # content stems: endoscop, dri, disinfect -> the second passage has two of three
    assert question_coverage(question, passages) == pytest.approx(2 / 3)
    assert question_coverage(question, []) == 0.0


def test_value_coverage_is_none_when_no_value_is_asked_for():
    assert value_coverage("Should coughing patients wear masks?", [P("Give masks.")]) is None


def test_value_coverage_is_zero_when_no_sentence_carries_the_value():
    # The near miss: the subject is all there, the number of seconds is not.
    question = "How many seconds should staff wash hands with soap and water?"
    passages = [P("Staff wash hands with soap and water when hands are visibly soiled.")]
    assert question_coverage(question, passages) >= 0.7  # all but "many", "seconds"
    assert value_coverage(question, passages) == 0.0


def test_value_coverage_counts_the_words_around_the_value_only():
    question = "How many seconds should staff wash hands with soap and water?"
    far = P(
        "Staff wash hands with soap and water when soiled. Gloves are changed between "
        "patients. Masks are worn in clinics. Rub alcohol gel for 20 seconds."
    )
    near = P("Staff wash hands with soap and water for 40 seconds.")
    terms_near_value_in_far = value_coverage(question, [far])
    assert terms_near_value_in_far is not None and terms_near_value_in_far < 0.5
    assert value_coverage(question, [far, near]) >= 0.8


def test_value_coverage_counts_the_title_and_section():
    question = "How many seconds should I rub alcohol hand rub?"
    passage = P("Rub for 20–30 seconds.", title="Hand Hygiene Policy", section="Alcohol hand rub")
    assert value_coverage(question, [passage]) >= 0.6
    assert value_coverage(question, [P("Rub for 20–30 seconds.", title="", section="")]) < 0.6


def test_value_coverage_reads_only_the_top_passages():
    question = "How many seconds should staff wash hands with soap and water?"
    weak = [P("Masks are worn in clinics.")] * 5
    good = P("Staff wash hands with soap and water for 40 seconds.")
    assert value_coverage(question, [*weak, good], top=5) == 0.0
    assert value_coverage(question, [*weak, good], top=6) >= 0.8


def test_a_count_in_words_before_what_is_counted_is_a_number():
    # "at least two identifiers" answers "how many identifiers"; "one of the following" and
    # a count of something else do not
    question = "How many patient identifiers must be checked before a medicine is given?"
    answers = P("Staff check at least two identifiers before giving any medicine.")
    assert value_coverage(question, [answers]) >= 0.4
    other = P("Staff check identity before giving any medicine, using one of three wristbands.")
    assert value_coverage(question, [other]) == 0.0
