"""Is a name-like word an eponym's here (assistant/answering/phi_words.py asks)? A test, sign,
scale or disease named after someone ("Glasgow Coma Scale", "Kernig and Brudzinski sign",
"Bell's palsy", "a positive Hoffmann"), a rare eponym let through on its own ("Foley",
"Whipple"), and the given name before a surname that is also an eponym's noun ("Angela
Nurse" is a person, "Bishop Score" is not)."""

from __future__ import annotations

import itertools
import re

from assistant.answering.phi_lexicon import NOT_BETWEEN, PARTICLES, PLACE_NOUNS
from assistant.answering.phi_phrases import in_capitals
from knowledge.name_words import common_words, given_names, load_names, surname_ranks
from knowledge.proper_terms import (
    CONDITIONS_BY_THEIR_EPONYM,
    EPONYM_NOUNS,
    EPONYM_OWN_NOUNS,
    EPONYMS,
    NOT_PEOPLE,
    RELATIVES,
)

COMMON_RANK = 1000


def rare_eponym(folded: str) -> bool:
    """An eponym whose surname is frequent but not among the thousand most frequent ("Foley",
    "Whipple", "Parkinson"): let through; "Smith", "Wilson", "Turner" are not."""
    rank = surname_ranks().get(folded, COMMON_RANK)
    return folded in EPONYMS and rank >= COMMON_RANK and folded not in given_names()


def surnamed_by_a_noun(text: str, token: re.Match[str], folded: str) -> bool:
    """A given name before a capitalised surname that is also an eponym's noun: "Angela
    Nurse" is a person, "Macmillan nurse" and "Bishop Score" are not (no given names); in
    small letters only with an age after the surname ("keisha grant 31")."""
    following = re.match(r"[ \t]+([A-Z][a-z]+)\b", text[token.end() :])
    if token.group().islower():
        # in small letters, with an age after: "keisha grant 31" ("macmillan grant" is none)
        following = re.match(
            r"[ \t]+([a-z]+)(?=[ \t]*,?[ \t]*(?:1[6-9]|[2-9]\d)\b(?![.,/:]\d))", text[token.end() :]
        )
    return (
        following is not None
        and not token.group().endswith(("'s", "’s"))  # "Martha's Rule" is a rule
        and folded in given_names()
        and folded not in NOT_PEOPLE
        and following.group(1).casefold() in EPONYM_NOUNS - PLACE_NOUNS
        and following.group(1).casefold() in load_names()
    )


def eponym_next(text: str, end: int) -> bool:
    """An eponym's noun within the next few words, past capitalised words, "and"/"or"/"vs",
    one ordinary word and a possessive: "Glasgow Coma Scale", "Kernig and Brudzinski sign",
    "Bell's palsy", "Morse fall scale". A number, an abbreviation or a second ordinary word
    ends the look ("Grace Thompson 38/40 GBS positive")."""
    if text[end - 2 : end] in ("'s", "’s") or text[end : end + 1] in ("'", "’"):
        # a possessive: "Hunter's canal", "Woods' screw"; "Le's insulin pump" is a person's
        following = re.match(
            r"['’]?(?:(?:[ \t]*,(?:[ \t]+(?:and|or))?|[ \t]+(?:and|or|&))[ \t]+"
            r"[A-Z][\w-]*['’]s?){0,3}"
            r"(?:[ \t]+(?:National|Royal|Children['’]s|Memorial|General|Cancer))?[ \t]+([^\W\d_]+)",
            text[end:],
        )  # (or a few more eponyms' between: "Hegar's, Chadwick's and Goodell's signs"; or an
        # institution's word: "Tommy's National Centre")
        if following is not None and following.group(1) in _A_PERSONS_PLACE:
            return False  # "Joan Hunter's house": her home, not "Ronald McDonald House"
        if following is not None and following.group(1).casefold() in EPONYM_OWN_NOUNS:
            return True
        return _a_condition_alone(text, end)
    if _CHILDRENS_AFTER.match(text, end):
        return True  # a children's hospital named after someone: "Lurie Children's"
    ordinary = 0
    shouting = in_capitals(text)
    window = text[end : end + 80]
    for token in itertools.islice(re.finditer(r"\S+", window), 6):
        raw = token.group()
        if raw[0] in ",;" or (raw[0] == "(" and raw[1:2].islower()):
            return False  # "Maria Reyes, pump serial …", "Omar Saleh (list no. …)": the name ends
        word = raw.strip(',;:()[]"“”?!.').removesuffix("'s").removesuffix("’s").strip("'’")
        folded = word.casefold()
        if not word:
            continue  # the apostrophe of "Woods' screw"
        if folded in EPONYM_NOUNS:
            return not _labels_a_number(word, window[token.end() :])
        joined = word.replace("-", "")  # one word: "Richmond Agitation-Sedation Scale"
        if not joined.isalpha() or (word.isupper() and len(word) > 1 and not shouting):
            return False
        if shouting and folded in given_names():
            return False  # "… JAMES BROWN SCORE": a person's name is no eponym's
        capitalised = folded not in common_words() if shouting else word[:1].isupper()
        if capitalised and ordinary and len(word) > 1:
            return False  # "does Mensah meet Duke criteria": the noun is the later word's
        if folded in ("and", "or", "vs", "versus", "&") or folded in PARTICLES or capitalised:
            if raw.endswith((",", ";")):
                return False  # "Reyes, Maria, pump …"
            continue
        ordinary += 1
        if ordinary > 1 or folded in _NOT_IN_AN_EPONYM or raw != raw.rstrip(",;:)"):
            return False
    return False


_CHILDRENS_AFTER = re.compile(r"[ \t]+Children['’]s\b")


def _a_condition_alone(text: str, end: int) -> bool:
    """The possessive of an eponym that names its disease, position, operation or fluid
    alone, with no word of a person's after it: "to exclude Barrett's?", "Addison's sick
    day rules", "Hartmann's vs Ringer's", "for Graves'?" (not "Barrett's INR", "Parkinson's
    wife")."""
    eponym = _POSSESSIVE_WORD.search(text, max(0, end - 60), end)  # (no word is 60 letters)
    if eponym is None and text[end - 1 : end] == "s" and text[end : end + 1] in ("'", "’"):
        end += 1  # a possessive's apostrophe after its s: "Graves'"
        eponym = _POSSESSIVE_WORD.search(text, max(0, end - 60), end)
    if eponym is None or eponym.group(1).casefold() not in CONDITIONS_BY_THEIR_EPONYM:
        return False
    following = re.match(r"['’]?[ \t]*([^\W\d_]+)", text[end:])
    return following is None or following.group(1).casefold() not in _A_PERSONS_THINGS


_POSSESSIVE_WORD = re.compile(r"([^\W\d_]+)['’]s?$")
# What follows a possessive that makes it a person's: a relative, a record, a result.
_A_PERSONS_THINGS = RELATIVES | frozenset(
    """
    inr bloods bp obs meds medication medications notes chart results result labs potassium
    sodium sats pain wound bed room dob age mrn nhs gp consultant carer partner family
    husband wife son daughter mum mom dad mother father sister brother niece nephew friend
    house home flat address phone number name appointment referral letter
    """.split()
)

# A person's home after a possessive in small letters: "Pieter Botha's house".
_A_PERSONS_PLACE = frozenset({"house", "home", "flat", "place"})

# The words between a name and a noun that end the look for an eponym's: NOT_BETWEEN's, and
# a word of time, when something happens to a person ("anoint Fiona Cullen before surgery";
# "Mohs surgery" has none between).
_NOT_IN_AN_EPONYM = NOT_BETWEEN | {"before", "after", "during", "until", "since", "prior"}
# ... and a possessive pronoun: "my name is Pedro Alves and my hospital number is …" names
# no hospital after Alves.
_NOT_IN_AN_EPONYM |= {"my", "your", "his", "her", "their", "our", "its"}

_A_NUMBER_LABELLED = re.compile(
    r"[ \t]*(?:(?i:no\b\.?|number|\#)[ \t]*)?[:#]?[ \t]*[A-Za-z]{0,4}-?\d{3,}"
)


def _labels_a_number(noun: str, after: str) -> bool:
    """An eponym's noun in small letters that labels a number is a person's record: "Alejandra
    Ruiz clinic SH-55019", "clinic no 4419-H" (not "Mayo Clinic 2023")."""
    return noun.islower() and _A_NUMBER_LABELLED.match(after) is not None


# "a positive Hoffmann", "modified Rankin": a test's result or variant, said of an eponym;
# and the noun first, as the Romance languages put it: "Sindrome di Brugada", "Doença de
# Chagas", "Tríade de Beck", "signe de Murphy", "escala de Morse" (a word may stand between:
# "Sinais de Cullen", "Linfoma de Burkitt endémico" has its eponym right after "de").
_NOUN_FIRST = (
    "s[íi]ndromes?|syndromes?|doen[çc]as?|enfermedad(?:es)?|maladies?|malattia|morbo"
    "|signos?|sinal|sinais|segni|segno|signes?|tr[íi]ade|tr[íi]ada|escalas?|scala|[ée]chelle"
    "|prova|prueba|manovra|maniobra|manobra|man[œo]euvre|testes?|cisti|quistes?|cistos?"
    "|kystes?|fractura|frattura|fratura|fracture|rea[çc][ãa]o|reac[çc][ãa]o|reacci[óo]n"
    "|reazione|r[ée]action|crit[ée]rios?|criteri|crit[èe]res|protocol[oe]|protocollo"
    "|[íi]ndice|classifica[çc][ãa]o|clasificaci[óo]n|classificazione|linfoma|lymphome"
    "|respira[çc][ãa]o|respiraci[óo]n|[úu]lcera|arterite|arteritis|paralisia|par[áa]lisis"
    "|paralisi|paralysie|tumor|tumore|tumeur|operaci[óo]n|opera[çc][ãa]o|t[ée]cnica|tecnica"
    "|m[ée]todo|metodo|regra|regla|regola|r[èe]gle|lei|ley|legge|loi|puntuaci[óo]n|punteggio"
    "|pontua[çc][ãa]o|score|teorema|hernia|h[ée]rnia|ernia"
)
EPONYM_BEFORE = re.compile(
    r"(?i:\b(?:positive|negative|modified|classic|classical))[ \t]+$"
    rf"|(?i:\b(?:{_NOUN_FIRST}))[ \t]+(?i:de|di|du|da|do|del|della|dello|dei|des)[ \t]+$"
)
