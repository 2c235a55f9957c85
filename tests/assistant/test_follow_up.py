"""Follow-up questions: which questions lean on the one before, and what is searched for them
(offline by wording; with a model, by its rewrite of an identifier-free question)."""

from __future__ import annotations

import pytest

from assistant.answering.follow_up import (
    clean_rewrite,
    combined,
    has_own_subject,
    is_dependent,
    new_topic,
)


@pytest.mark.parametrize(
    "question",
    [
        "and in children?",
        "And what about IV?",
        "what if she's pregnant?",
        "ok and if sat >=95?",
        "what dose?",
        "How often?",
        "for how long in kids?",
        "Does that also apply to outpatients?",
        "how many of those in the terminal phase?",
        "why?",
        # short, in everyday words, with no subject of their own
        "who do we tell, and how quickly?",
        "what happens if we are late?",
        "are there any exceptions?",
    ],
)
def test_questions_that_lean_on_the_previous_one(question):
    assert is_dependent(question)


@pytest.mark.parametrize(
    "question",
    [
        "How long should I rub my hands with alcohol hand rub?",
        "Is it okay to use stevia in coffee if I have diabetes?",
        "What is MRSA?",
        "what does bare below the elbows mean?",
        "when does the APT get involved?",
        "naloxone dose for opioid overdose in adults?",
        "Hand hygiene moments?",
    ],
)
def test_standalone_questions_are_left_alone(question):
    assert not is_dependent(question)


def test_the_follow_up_is_searched_with_the_previous_subject():
    searched = combined("How is low blood glucose treated?", "and how soon to recheck?")
    assert searched.startswith("How is low blood glucose treated")
    assert searched.endswith("how soon to recheck?") and not searched.endswith("and how soon")


def test_a_population_in_the_follow_up_replaces_the_previous_one():
    searched = combined("What is the naloxone dose in adults?", "and in children?")
    assert "adults" not in searched and "children" in searched and "naloxone" in searched


def test_a_duration_in_the_follow_up_replaces_the_previous_one():
    searched = combined(
        "taper rate for pt on long-term opioids >1 yr", "what if only for a few weeks?"
    )
    assert "long-term" not in searched and ">1 yr" not in searched
    assert "taper rate" in searched and "a few weeks" in searched
    # without a duration of its own, the follow-up keeps the previous one
    assert ">1 yr" in combined("taper rate on opioids >1 yr", "and for methadone?")


def test_a_patient_is_not_a_population_to_replace():
    searched = combined("When a patient vomits, what then?", "And if the patient is a child?")
    assert searched.startswith("When a patient vomits")


def test_a_models_rewrite_is_one_line_and_falls_back_when_empty():
    assert clean_rewrite('Rewritten question: "Naloxone dose in children?"\n', "x") == (
        "Naloxone dose in children?"
    )
    assert clean_rewrite("   \n", "fallback") == "fallback"


def test_the_opening_connective_is_no_word_of_the_questions_own():
    # "n" is shorthand for "and": two words of its own, too few to be searched alone first
    assert not has_own_subject("n for MR products?")
    assert has_own_subject("n for MR tablet dissolution?")


@pytest.mark.parametrize(
    ("question", "searched"),
    [
        ("diff q - how full can a sharps bin get?", "how full can a sharps bin get?"),
        ("On a separate topic, how long should opioids last?", "how long should opioids last?"),
        ("totally different question: what is MME?", "what is MME?"),
        ("Unrelated but what dose of naloxone?", "what dose of naloxone?"),
        ("and for kids?", None),  # a follow-up
        ("new patient on warfarin - INR target?", None),  # "new" of the question's own
        ("different question", None),  # nothing asked after it
    ],
)
def test_a_question_that_says_it_changes_the_subject_loses_the_saying(question, searched):
    assert new_topic(question) == searched
