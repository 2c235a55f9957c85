"""Names that lists and messages in capitals write, where case says little: a relative's
name after the relative ("WIFE GEORGETTE ON PHONE"), a "SURNAME, GIVEN" anywhere ("for
BAKER, SHAWNA has wrong sig"), a patient's initials opening a case ("'EB, 76M, …") and a
clinic list's surname with its initial ("Anderson P. 1.6 on 7mg"). The patterns are
assistant/answering/phi_rules.py's; these judge the words they catch, against the name
lists and the words no one is named."""

from __future__ import annotations

import re

from assistant.answering.phi_lexicon import MODALS, PLACE_NOUNS, clinical_words
from assistant.answering.phi_names import STOP, Span, name_list
from knowledge.name_words import common_words, given_names
from knowledge.proper_terms import NOT_PEOPLE
from knowledge.sense_inventory import SenseInventory


def capitals_after_relative(m: re.Match[str]) -> Span | None:
    """The relative's name: a given name ("SON JOHN CALLED"), or a listed name or a word no
    list knows ("WIFE GEORGETTE"); its surname after it when it is one ("DAUGHTER MARIA
    LOPEZ"); none for a word ("WIFE CALLING AGAIN", "SON WILL COLLECT")."""
    words = m.group("v").split()
    if not _a_given_name(words[0].casefold()):
        return None
    end = m.start("v") + len(words[0])
    if len(words) > 1 and _a_name_word(words[1].casefold()):
        end = m.end("v")
    return m.start("v"), end


def capitals_surname_given(m: re.Match[str]) -> Span | None:
    """ "BAKER, SHAWNA": a surname in capitals, each part listed and none an abbreviation,
    and a given name, listed or a word no list knows ("NICE, WILL" is no one), or the
    "BABY" a newborn is registered under before it is named ("SMITH, BABY")."""
    surname, given = (w.strip().casefold() for w in m.group("v").split(","))
    parts = re.split(r"[-'’]", surname)
    if any(p not in name_list() or p in SenseInventory.load() for p in parts):
        return None
    return m.span("v") if given == "baby" or _a_given_name(given) else None


def initials_not_an_abbreviation(m: re.Match[str]) -> Span | None:
    """ "EB, 76M": letters that no clinical abbreviation spells ("COPD, 76M" is a history)."""
    letters = m.group("v").casefold()
    return None if letters in SenseInventory.load() or letters in clinical_words() else m.span("v")


# Words that label a place or a thing with a letter or a numeral after them, as a list
# does: "Bay B, bed 6", "Outpatients Hall B, Room 4", "Triplet I, II, III".
_LABELLED_BY_A_LETTER = PLACE_NOUNS | frozenset(
    "hall clinic zone pod area level floor gate team group type class grade stage phase "
    "triplet twin lead factor".split()
)
_NEXT_LABEL = re.compile(r"[ \t]*,[ \t]*(?:[A-Z]|[IVX]{1,4})\b(?![.'’-])")


def surname_and_initial_listed(m: re.Match[str]) -> Span | None:
    """ "Anderson P. 1.6 on 7mg", "Baker J, Tdap …": a listed surname (no clinical, small or
    place word) and its initial; not one of a run of labels ("Triplet I, II")."""
    surname = m.group("v").split()[0].casefold()
    if surname not in name_list() or surname in clinical_words() or surname in STOP:
        return None
    if surname in _LABELLED_BY_A_LETTER or _NEXT_LABEL.match(m.string, m.end("v")):
        return None
    return m.span("v")


def _a_given_name(word: str) -> bool:
    if word in STOP or word in MODALS or word in clinical_words() or word in NOT_PEOPLE:
        return False
    return word in given_names() or _a_name_word(word)


def _a_name_word(word: str) -> bool:
    """No common word, abbreviation or clinical word: a listed name ("GEORGETTE") or one no
    list knows ("SHAWNA")."""
    if word in common_words() or word in SenseInventory.load() or word in clinical_words():
        return False
    # (a longer word with one vowel is an abbreviation: "PEA, ROSC"; "SHAWNA", "THI" names)
    vowels = sum(c in "aeiouy" for c in word)
    return word.isalpha() and len(word) > 2 and (vowels > 1 or len(word) == 3 and vowels == 1)
