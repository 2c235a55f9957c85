"""Rules for names in forms the word-by-word look misses, for assistant/answering/phi_rules.py:
a nickname before the real name it stands for, a given name and a surname that is also a
word when an age follows, and names typed in small letters with a particle ("dafydd ap
iorwerth"), a double-barrelled surname ("grace adeyemi-cole") or surname first ("cooper,
hope - dob …"). Each rule is (kind, pattern, rank, accept), as in phi_rules.py.
"""

from __future__ import annotations

import re

from assistant.answering.phi_lexicon import clinical_words, unlisted
from assistant.answering.phi_names import Span
from assistant.answering.phi_phrases import place_phrases
from knowledge.name_words import given_names, surname_ranks
from knowledge.proper_terms import CALENDAR, EPONYM_NOUNS
from knowledge.sense_inventory import SenseInventory

# Words after a given name that make it a place, a thing or a time, not a surname: "Grace
# Ward, 24 beds", "Hope Street, 12", "Will March 15". (A bath is a thing after an eponym,
# "Sitz bath"; after a given name and before an age, a surname or a home town.)
_NOT_SURNAMES = (
    (EPONYM_NOUNS - {"bath"})
    | CALENDAR
    | frozenset(
        "ward wards street road avenue lane house unit bay bed beds room wing block".split()
    )
)
_STREET_WORDS = frozenset("ward street road lane house".split())
# ... and in capitals after a given name ("Cliff WARD" is a man).
_NOT_CAPITAL_SURNAMES = _NOT_SURNAMES - {"ward"}
# An age after a name: "Mark Bath, 57", "Mark Bath 57yo" (not "Mark Bath 5.7", "12:30").
_AGE_AFTER = (
    r"(?=,?[ \t]+(?:aged[ \t]+)?\d{1,2}(?:[ \t]*(?:yo|y/?o|yrs?|years?|[MF])\b|,|[ \t]|$)"
    r"(?![.:/]\d))"
)
_SMALL_PARTICLES = r"(?:ap|bin|binti|binte|bte|ibn|dela|della|van|von)"
_PARTICLE_BEFORE = re.compile(
    r"(?i:\b(?:van|von|der|den|de|del|della|la|le|du|da|di|dos|das|al|el|bin|ibn|st)[ \t]+$)"
)
# The phonetic alphabet and the words an unidentified patient's alias pairs with it, in
# capitals or capitalised.
_PHONETIC_WORDS = (
    "alpha bravo charlie delta echo foxtrot golf hotel india juliet juliett kilo lima mike "
    "november oscar papa quebec romeo sierra tango uniform victor whiskey whisky x-ray xray "
    "yankee zulu"
).split()
_PHONETIC = "(?:" + "|".join(w.upper() + "|" + w.capitalize() for w in _PHONETIC_WORDS) + ")"
_UNIDENTIFIED = "(?:UNKNOWN|Unknown|UNIDENTIFIED|Unidentified)"
_UNKNOWN = rf"(?:TRAUMA|Trauma|DOE|Doe|{_UNIDENTIFIED})"
_ALIAS_NUMBER = r"(?:[ \t]+\d{1,5})"
# Given names that also ask a question at a sentence's start: "Will CQC accept that?"
_ASKING = frozenset("will may can must shall".split())
# Virtues and gifts given as names, which the birth lists hold rarely or as words: "mercy
# adjei", "gift ibe".
_WORD_GIVEN_NAMES = frozenset(
    "mercy gift joy faith grace hope patience precious blessing comfort charity prudence "
    "favour favor godswill goodness peace".split()
)


def given_then_worded_surname(m: re.Match[str]) -> Span | None:
    """ "Mark Bath, 57": a listed given name, then a capitalised word no place, thing or time."""
    given, surname = m.group("v").casefold().split()
    if given not in given_names() or surname in _NOT_SURNAMES:
        return None
    return m.span("v")


def small_given_first(m: re.Match[str]) -> Span | None:
    """A name in small letters whose first word is a listed given name."""
    return m.span("v") if m.group("v").split()[0] in given_names() else None


def small_double_barrelled(m: re.Match[str]) -> Span | None:
    """ "grace adeyemi-cole": a listed given name, then a hyphenated surname whose first half
    no list knows ("will co-sign", "grace non-invasive" are words)."""
    given, surname = m.group("v").split()
    first, second = surname.split("-", 1)
    if given not in given_names() or not unlisted(first) or second in clinical_words():
        return None
    return m.span("v")


def small_given_and_surname(m: re.Match[str]) -> Span | None:
    """ "joy mahlangu", "patrick 'paddy' o'sullivan": a listed given name (or a virtue given
    as one), a nickname in quotes if any, then a listed surname that no dictionary, clinical
    list or abbreviation list holds ("frank haematuria", "max statin" are words)."""
    words = m.group("v").split()
    given, surname = words[0], words[-1]
    if given not in given_names() and given not in _WORD_GIVEN_NAMES:
        return None
    irish = re.match(r"o['’]", surname) is not None  # "o'sullivan": a surname in any list
    bare = re.sub(r"^o['’]", "", surname).split("-")[0]
    if len(bare) < 3 or not unlisted(bare) or not (irish or bare in surname_ranks()):
        return None
    # a thing named after someone: "sue ryder hospice", "marcus gunn pupil", "sue ryder"
    after = re.match(r"[ \t]+([a-z]+)", m.string[m.end() :])
    if after and (after.group(1) in EPONYM_NOUNS or after.group(1) in ("training", "vs")):
        return None
    start, end = m.span("v")
    if any(a < end and start < b for a, b in place_phrases(m.string)):
        return None
    return start, end


def worded_surname_comma_given(m: re.Match[str]) -> Span | None:
    """ "Swimmer, Darla - 58", "Two Bulls, Darnell 47": a surname that may be a word, a comma,
    then a listed given name, before an age or a break."""
    surname, given = (part.strip() for part in m.group("v").split(","))
    if given.casefold() not in given_names() or _a_place_or_a_time(surname):
        return None
    if _PARTICLE_BEFORE.search(m.string, 0, m.start("v")):
        return None  # "van der Berg, Johannes": the particle's rule takes the whole name
    return m.span("v")


def _a_place_or_a_time(surname: str) -> bool:
    """A word of a place, a thing or a time before the comma ("Street, Grace", "March, Will"),
    unless it is a street's word that is also a surname, alone ("Lane, Margaret at 1400")."""
    folded = surname.casefold()
    alone_a_surname = " " not in surname and folded in _STREET_WORDS and folded in surname_ranks()
    return folded in _NOT_SURNAMES and not alone_a_surname


def given_and_capital_surname(m: re.Match[str]) -> Span | None:
    """ "Wiremu TIPENE", "Cliff WARD": a listed given name, then a surname in capitals that no
    clinical or abbreviation list holds ("Grace ICU" is a place)."""
    given, surname = m.group("v").split()
    folded = surname.casefold()
    if given.casefold() not in given_names() or folded in clinical_words():
        return None
    if given.casefold() in _ASKING or not surname.strip("IVXLCM"):  # "Will CQC", "Edward VII"
        return None
    if folded in SenseInventory.load() or folded in _NOT_CAPITAL_SURNAMES:
        return None
    return m.span("v")


def small_surname_comma_given(m: re.Match[str]) -> Span | None:
    """ "cooper, hope - dob …": surname, a listed given name, then a record's label or a date."""
    given = m.group("v").split(",")[1].strip()
    return m.span("v") if given in given_names() else None


def initial_and_capital_surname(m: re.Match[str]) -> Span | None:
    """ "E. KOWALSKA", "j. mcallister": an initial, then a surname no dictionary, clinical list
    or abbreviation list holds ("E. COLI", "H. PYLORI" are bacteria)."""
    surname = m.group("v").split(".", 1)[1].strip().casefold()
    return m.span("v") if all(unlisted(part) for part in surname.split("-")) else None


# One rule per line so the table reads as a list; the formatter would spread each over 5.
def a_prefixed_name(m: re.Match[str]) -> Span | None:
    """The name after a Bantu language's prefix when its first word is a given name or a word
    no list holds ("uMandla", not "kuSomething" of an English word)."""
    first = m.group("v").split()[0].casefold()
    return m.span("v") if first in given_names() or unlisted(first) else None


# fmt: off
NAME_FORM_RULES = [
    # A nickname before the real name it stands for: "Spud (real name …, 40)", "Tiny (Sam
    # Tuilagi, 19)".
    ("NAME", r"\b(?P<v>[A-Z][a-z]+)(?=[ \t]*\((?:(?i:real|legal|actual|proper|birth)[ \t]+name"
             r"|[A-Z][a-z]+(?:[ \t]+[A-Z][\w'’-]+)+,[ \t]*\d{1,2}\)))", 5, lambda m: m.span("v")),
    ("NAME", rf"(?<![\w'’-])(?P<v>[A-Z][a-z]+[ \t]+[A-Z][a-z]+){_AGE_AFTER}", 5,
     given_then_worded_surname),
    ("NAME", rf"(?<![\w'’-])(?P<v>[a-z]{{3,}}[ \t]+{_SMALL_PARTICLES}[ \t]+[a-z]{{3,}})\b", 5,
     small_given_first),
    ("NAME", r"(?<![\w'’-])(?P<v>[a-z]{3,}[ \t]+[a-z]{3,}-[a-z]{3,})(?![\w-])", 5,
     small_double_barrelled),
    ("NAME", r"(?<![\w'’-])(?P<v>[a-z]{3,}[ \t]+(?:['‘][a-z]+['’][ \t]+)?(?:o['’])?[a-z]{2,}"
             r"(?:-[a-z]{2,})?)(?![\w'’-])", 5, small_given_and_surname),
    ("NAME", r"(?<![\w'’-])(?P<v>[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?,[ \t]*[A-Z][a-z]+)(?![\w'’-])"
             r"(?=[ \t]*(?:[-–—,|]|\d{1,3}\b|at[ \t]+\d|$))", 5, worded_surname_comma_given),
    ("NAME", r"(?<![\w'’-])(?P<v>[A-Z][a-z]+[ \t]+[A-Z]{3,}(?:-[A-Z]{2,})?)(?![\w'’-])", 5,
     given_and_capital_surname),
    ("NAME", r"(?:^|\n)[ \t]*(?P<v>[a-z]{3,},[ \t]*[a-z]{3,})(?=[ \t]*[-–:,][ \t]*"
             r"(?i:dob|d\.o\.b|mrn|nhs|hosp|born|aged?|\d))", 5, small_surname_comma_given),
    # An initial and a surname in capitals, as a label prints it ("'E. KOWALSKA'"), or in small
    # letters in a list of beds ("bed 1 - j. mcallister").
    ("NAME", r"(?<![\w.])(?P<v>[A-Z]\.[ \t]?[A-Z]{3,}(?:-[A-Z]{2,})?)(?![\w.-])", 5,
     initial_and_capital_surname),
    ("NAME", r"(?i:\bbed)[ \t]*\d{1,3}[A-Za-z]?[ \t]*[-–:][ \t]*"
             r"(?P<v>[a-z]\.[ \t]?[a-z]{3,}(?:-[a-z]{2,})?)(?![\w'’.-])", 5,
     initial_and_capital_surname),
    # A name after the prefix isiZulu, isiXhosa or Shona joins to it: "uMandla Zungu",
    # "kaThandiwe", "vaTendai" (the name after the prefix; "eThekwini" is a place, "iPhone" a
    # phone).
    ("NAME", r"(?<![\w'’-])(?:u|ka|ku|va|no|ngu|ngo|ngka)"
             r"(?P<v>[A-Z][a-z]{2,}(?:[ \t]+[A-Z][a-z]+)?)(?![\w'’-])", 5, a_prefixed_name),
    # The alias an emergency department registers an unidentified patient under: a word of
    # the phonetic alphabet with "Trauma", "Unknown" or "Doe", and often a number ("TRAUMA,
    # ZULU", "DELTA, UNKNOWN", "SIERRA, TRAUMA 4412", "UNKNOWN ZULU", "Trauma Oscar 22").
    # ("Trauma Alpha" alone is a tier of trauma call in some hospitals, not a person.)
    ("NAME", rf"(?<![\w-])(?P<v>{_UNKNOWN},[ \t]*{_PHONETIC}{_ALIAS_NUMBER}?"
             rf"|{_PHONETIC},[ \t]*{_UNKNOWN}{_ALIAS_NUMBER}?"
             rf"|{_UNIDENTIFIED}[ \t]+{_PHONETIC}{_ALIAS_NUMBER}?"
             rf"|(?:TRAUMA|Trauma)[ \t]+{_PHONETIC}{_ALIAS_NUMBER})(?![\w-])", 5),
]
# fmt: on


def spans_of(text: str, tokens: list[re.Match[str]], verdicts: list[bool]) -> list[Span]:
    """Adjacent name words make one span (one placeholder for "Harold Finch")."""
    spans: list[Span] = []
    for token, name in zip(tokens, verdicts, strict=True):
        if not name:
            continue
        start, end = token.span()
        if token.group().endswith(("'s", "’s")):
            end -= 2  # "Smith's BM": the name, its possessive kept ("[NAME-1]'s BM")
        gap = text[spans[-1][1] : start] if spans else ""
        # an initial's full stop joins ("T. Okonkwo"); a sentence's does not ("Fisher. Anti")
        initial = spans and len(re.split(r"[\s.]+", text[spans[-1][0] : spans[-1][1]])[-1]) <= 2
        if spans and (
            re.fullmatch(r"[ \t]+", gap)
            or (initial and (re.fullmatch(r"\.[ \t]+", gap) or gap == "."))
        ):
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans
