"""Two words, or one, that make a name by what stands beside them (assistant/answering/
phi_name_spans.py asks): a given name and a surname before an age ("jan nowak 58", "grant
mills 72 opening a question"), one name word after "pt", "for" or a title before an age ("pt
wade 45 y/o"), a surname, a comma and a given name after "pt" ("pt ward, willie"), and a
given name that is a word before a listed surname that is none ("joy okeke"), and a middle
initial between a name and a listed surname that is a word ("Mark T. Sterling"). Each sets
the verdicts of the words it finds; none clears one."""

from __future__ import annotations

import re

from assistant.answering import phi_lexicon, phi_titles
from assistant.answering.phi_lexicon import MODALS, NOT_BETWEEN, PLACE_NOUNS
from assistant.answering.phi_names import adjacent
from assistant.answering.phi_phrases import in_capitals, place_phrases
from knowledge.name_words import common_words, frequent_surnames, given_names, load_names
from knowledge.proper_terms import EPONYM_NOUNS, NOT_PEOPLE
from knowledge.sense_inventory import SenseInventory

# (and police ranks, and titles of other languages typed small: "kyria roula", "gosp. kos")
TITLES = phi_titles.ENGLISH | phi_titles.POLICE | phi_titles.UNMISTAKABLE | {"pani"}
# (a trial's "ppt"; and the patient of other languages: "pacientul ionescu gheorghe")
PATIENT_WORDS = frozenset(
    "pt patient ppt participant pacientul pacienta pacijent pacijentica pacjent pacjentka".split()
)
# Where a name stands before an age even when its words are ordinary ones (see _opens).
_NAME_CUES = PATIENT_WORDS | TITLES | {"for"}
# Capitalised or listed words that are never a surname here: things, places, eponyms' nouns.
_NO_SURNAMES = NOT_PEOPLE | PLACE_NOUNS | EPONYM_NOUNS


# An age after a name: 16 to 119, no unit, decimal or fraction after it ("Amber Green 26 on
# isotretinoin"; not "Victoria Ward 12 beds", "Hope Street 40 mg").
_AGE_AFTER = re.compile(
    # (apart from the word: "DAS28" is a score's name)
    r"(?:[ \t]*,[ \t]*|[ \t]+)(?:1[6-9]|[2-9]\d|1[01]\d)(?:[mfMF](?=[ \t]))?\b"  # ("45m aml")
    r"(?![.,/:]\d|[ \t]*(?:%|mg|mcg|g\b|kg|ml|units?"
    r"|mmol|beds?|bays?|x\b|h\b|hrs?\b|min|doses?\b|tabs?\b|tablets?\b"
    r"|days?[ \t]+supply))"  # ("max 60 days supply": a maximum, not Max aged 60)
)


def first_and_last_before_an_age(
    text: str, tokens: list[re.Match[str]], verdicts: list[bool]
) -> None:
    """Two words in one case that read as a given name and a surname before an age: "Amber
    Green 26 on isotretinoin", "jan nowak 58", "BOB STONE 70". In small letters or capitals
    two English words ("grant mills") count only where a name stands: opening the question,
    or after "pt", "for" or a title. A modal first ("Will Sharp 19 …") may be the question's
    verb and is left."""
    for i in range(len(tokens) - 1):
        first, last = tokens[i], tokens[i + 1]
        if verdicts[i] and verdicts[i + 1]:
            continue
        words = (first.group(), last.group())
        if not _one_case(words):
            continue
        given, surname = (w.casefold() for w in words)
        # (a frequent surname that also names a thing, where a name stands: "jade hill 29+1")
        thing = surname in _NO_SURNAMES and not (
            surname in frequent_surnames()
            and surname not in PLACE_NOUNS
            and _opens(text, tokens, i)
        )
        if (
            given in given_names()
            and given not in MODALS
            and surname in load_names()
            and not thing
            and adjacent(text, first, last)
            and _AGE_AFTER.match(text, last.end())
            and (
                words[0].istitle()
                or not {given, surname} <= common_words()
                or _opens(text, tokens, i)
            )
        ):
            verdicts[i] = verdicts[i + 1] = True


def capitals_given_and_surname(
    text: str, tokens: list[re.Match[str]], verdicts: list[bool]
) -> None:
    """A given name and a frequent surname in capitals inside a question typed in small
    letters, as a label or a run sheet prints them: "e.g. 'HOLLY REEVES, 22 Marsh Lane'". In
    a question typed all in capitals the case says nothing ("GRACE PERIOD FOR …")."""
    if in_capitals(text):
        return
    phrases = place_phrases(text)  # "ROSE BENGAL" is a stain
    for i in range(len(tokens) - 1):
        first, last = tokens[i], tokens[i + 1]
        given, surname = first.group().casefold(), last.group().casefold()
        if (
            first.group().isupper()
            and last.group().isupper()
            and len(given) > 2
            and len(surname) > 2
            and given in given_names()
            and surname in frequent_surnames()
            and surname not in _NO_SURNAMES
            and surname not in SenseInventory.load()
            and adjacent(text, first, last)
            and not any(a <= first.start() and last.end() <= b for a, b in phrases)
        ):
            verdicts[i] = verdicts[i + 1] = True


# Words that put a number to "pt" or "for" without naming anyone: "every patient over 65".
_BEFORE_A_NUMBER = frozenset(
    "over under above below aged age about around past than male female man woman boy girl "
    "lady gent".split()
)


def a_word_before_an_age(text: str, tokens: list[re.Match[str]], verdicts: list[bool]) -> None:
    """One listed name word that opens the question, or follows "pt", "for" or a title,
    before an age: "pt wade 45 y/o", "inr 5.8 for burns 76 on warfarin", "ms burns 23",
    "rosie 20 missed pill". The age is what says the word is somebody."""
    for i in range(len(tokens)):
        word = tokens[i].group()
        folded = word.casefold()
        if (
            not verdicts[i]
            and (word.islower() or word.isupper() or word.istitle())
            and (folded in load_names() or folded in given_names())
            and (i > 0 or (folded in given_names() and folded not in common_words()))
            and _opens(text, tokens, i)
            and folded not in _NO_SURNAMES
            and folded not in MODALS | NOT_BETWEEN
            and folded not in _BEFORE_A_NUMBER
            and _AGE_AFTER.match(text, tokens[i].end())
        ):
            verdicts[i] = True


def _opens(text: str, tokens: list[re.Match[str]], i: int) -> bool:
    """The token opens the question, or follows "pt" or "for": where a name before an age
    stands even when its words are ordinary ones ("grant bishop 72 on ward 5 fell")."""
    if i == 0:
        return not text[: tokens[0].start()].strip()
    return tokens[i - 1].group().casefold() in _NAME_CUES and adjacent(
        text, tokens[i - 1], tokens[i]
    )


def last_comma_first_after_pt(text: str, tokens: list[re.Match[str]], verdicts: list[bool]) -> None:
    """ "pt ward, willie": a surname, a comma and a given name after "pt", in one case, both on
    the name lists and the second no common word (not "pt bishop, then …")."""
    for i in range(1, len(tokens) - 1):
        last, first = tokens[i], tokens[i + 1]
        words = (last.group(), first.group())
        if (
            tokens[i - 1].group().casefold() in PATIENT_WORDS
            and adjacent(text, tokens[i - 1], last)
            and re.fullmatch(r",[ \t]*", text[last.end() : first.start()])
            and _one_case(words)
            and all(w.casefold() in load_names() for w in words)
            and words[1].casefold() not in common_words()
        ):
            verdicts[i] = verdicts[i + 1] = True


# Given names that open a sentence about the time of year more often: "summer rota means".
_SEASONS = frozenset("summer winter autumn spring".split())
_NOT_GIVEN = MODALS | NOT_BETWEEN | _SEASONS


def given_before_an_unworded_surname(
    text: str, tokens: list[re.Match[str]], verdicts: list[bool]
) -> None:
    """A given name in small letters, a word too, before a listed surname that is no word:
    "joy okeke", "grant whitehorse", "olive brennan" (not "grant funding", "max dose")."""
    for i in range(len(tokens) - 1):
        given, surname = tokens[i].group(), tokens[i + 1].group()
        if verdicts[i] and verdicts[i + 1]:
            continue
        if not (given.islower() and surname.islower()) or given in _NOT_GIVEN:
            continue
        if (
            given in given_names()
            and surname in load_names()
            and surname not in common_words()
            and surname not in NOT_PEOPLE | EPONYM_NOUNS
            and surname not in phi_lexicon.clinical_words()
            and surname not in SenseInventory.load()
            and adjacent(text, tokens[i], tokens[i + 1])
        ):
            verdicts[i] = verdicts[i + 1] = True


def _one_case(words: tuple[str, str]) -> bool:
    """Both capitalised, both in small letters or both in capitals: how names are typed."""
    return (
        all(w[:1].isupper() and w[1:].islower() for w in words)
        or all(w.islower() for w in words)
        or all(w.isupper() and len(w) > 1 for w in words)
    )


def middle_initial_and_surname(
    text: str, tokens: list[re.Match[str]], verdicts: list[bool]
) -> None:
    """A middle initial between a name and a capitalised surname from the lists, a word too:
    "Mark T. Sterling", "Grace A. Hall"."""
    for i in range(1, len(tokens) - 1):
        initial, surname = tokens[i], tokens[i + 1]
        if not (verdicts[i - 1] and not verdicts[i + 1] and len(initial.group()) == 1):
            continue
        if not (initial.group().isupper() and text[initial.end() : initial.end() + 1] == "."):
            continue
        word = surname.group()
        if not (word[:1].isupper() and word[1:].islower()) or word.casefold() not in load_names():
            continue
        if adjacent(text, tokens[i - 1], initial) and adjacent(text, initial, surname):
            verdicts[i] = verdicts[i + 1] = True
