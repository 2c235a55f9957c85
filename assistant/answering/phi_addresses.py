"""Which matches of the address rules (assistant/answering/phi_rules.py) are a place that
locates someone: a street's words are a name, not a timing, a dose or a sentence's small
words; a town after a postcode is no unit; a postcode's first half alone follows a street or
a town; a town after "from" follows the patient's age; an employer is no public body."""

from __future__ import annotations

import re

from assistant.answering.phi_dates import value
from assistant.answering.phi_lexicon import THE_BEFORE, clinical_words, unlisted
from assistant.answering.phi_names import Span
from assistant.answering.phi_phrases import place_phrases
from knowledge.name_words import common_words
from knowledge.proper_terms import CITIES, COUNTRIES, EPONYM_NOUNS, HOME_TOWNS, NOT_PEOPLE

# Words a timing or an amount puts before "close" or "way": "from 2 hourly close obs".
_TIMED = re.compile(
    r"(?i:hourly|daily|weekly|monthly|nightly|hrs?|hours?|mins?|minutes?|days?|weeks?|months?"
    r"|times?|doses?|tablets?|units?|mg|ml|mcg|g|kg|mmol|x)"
)
# Where someone's home is being said: "lives at", "from", "address for the visit is", "can't
# get into".
_LIVES_AT = re.compile(
    r"(?i:\b(?:lives|living|resides|staying)(?:[ \t]+(?:alone|at|on|in))*"
    r"(?:[ \t]+(?:flat|apt|unit)(?:[ \t]+\d{1,4}[a-z]?)?)?"  # "lives alone flat 4 cedar court"
    r"|\bneighbou?r[ \t]+at|\bfrom|\baddress\b[^.?!\d]{0,30}(?:is|:)"
    r"|\b(?:get|got|gain|getting)[ \t]+(?:into|in[ \t]+to|access[ \t]+to))[ \t]+$"
)
_UNIT_WORDS = frozenset("units unit iu international mg micrograms ml cells copies".split())
_NOT_STREET_WORDS = frozenset(
    "the a an this that my his her their our your every each per other more less all both "
    "either any some no of in on to by for with from down up".split()
)


def street_name(m: re.Match[str]) -> Span | None:
    """ "27 kingsley court", not "2 tablets a day close": a word of the name is no English
    word, or the street word is capitalised, or where someone lives is being said ("from 4
    cherry tree close", "address for the visit is 5 willow way"; "from 2 hourly close obs"
    is a timing)."""
    if THE_BEFORE.search(m.string, 0, m.start()) and _YEAR.match(m.group()):
        return None  # "after the 2021 Supreme Court ruling": a year, no house number
    words = m.group().split()[1:-1]
    named = any(w.casefold() not in common_words() for w in words if w.isalpha())
    timed = any(_TIMED.fullmatch(w) for w in words)
    said = not timed and _LIVES_AT.search(m.string, 0, m.start()) is not None
    said = said or _A_POSTCODE_AFTER.match(m.string, m.end()) is not None  # "…, ls28 5pj"
    return m.span() if named or said or m.group().split()[-1][:1].isupper() else None


_YEAR = re.compile(r"(?:19|20)\d\d[ \t]")
# A UK postcode, in any case, right after: the street before it is someone's.
_A_POSTCODE_AFTER = re.compile(r",?[ \t]*(?i:[a-z]{1,2}\d[a-z\d]?[ \t]?\d[a-z]{2})\b")


def town_after_postcode(m: re.Match[str]) -> Span | None:
    """The word after the number is a town's, not a unit's or a drug's ("5000 Units")."""
    town = next(w for w in m.group().split() if w[0].isalpha()).casefold()
    known = town in clinical_words() or town in common_words()
    return None if known or town in _UNIT_WORDS else m.span()


def street_words(m: re.Match[str]) -> Span | None:
    """ "on hawthorn drive": the words of the name are no articles, small words of a sentence
    or units ("two units every way" names no street)."""
    words = [w.casefold() for w in m.group("v").split()[:-1]]
    if any(w in _NOT_STREET_WORDS or w in _UNIT_WORDS for w in words):
        return None
    return value(m)


def not_a_known_place(m: re.Match[str]) -> Span | None:
    """A street no one lives in by name: a hospital's ("Great Ormond Street")."""
    if any(a <= m.start() and m.end() <= b for a, b in place_phrases(m.string)):
        return None
    return m.span()


def named_home(m: re.Match[str]) -> Span | None:
    """A care home typed small by its name: "in clarendon care home" (not "in a care home",
    "to care home staff", "tamiflu care home outbreak")."""
    words = m.group("v").split()[:-2]
    if any(_not_a_homes_name(w) for w in words):
        return None
    return value(m)


def _not_a_homes_name(word: str) -> bool:
    """A small word, a clinical one, or a dictionary word typed small ("Rosewood", written
    with its capital, names a home)."""
    folded = word.casefold()
    if folded in clinical_words() or folded in _NOT_STREET_WORDS:
        return True
    return word.islower() and folded in common_words()


# The words of a public body or a hospital, which employ too many to place anyone.
_PUBLIC_EMPLOYERS = frozenset("nhs trust hospital council the a an our my this".split())


def employer(m: re.Match[str]) -> Span | None:
    """A named employer after "works at" or "employer is": with the work someone does there it
    points to one person ("works at Pret kings cross", "employer is UPS"); a body that
    writes guidance or a hospital does not ("works for the NHS", "employer, CDC")."""
    first = m.group("v").split()[0].casefold().strip(".,")
    if first in _PUBLIC_EMPLOYERS or first in NOT_PEOPLE:
        return None
    return value(m)


def workers_employer(m: re.Match[str]) -> Span | None:
    """An employer after the job done there ("fitter at JCB Rocester", "diver with Subsea 7"),
    not a condition the worker has ("a driver with Ménière's disease") nor an abbreviation
    alone ("operator for OPG")."""
    named = m.group("v")
    after = m.string[m.end("v") :].split(None, 1)
    if named.endswith(("'s", "’s")) or (after and after[0].casefold() in EPONYM_NOUNS):
        return None
    if " " not in named and named.isupper() and len(named) <= 4:
        return None
    if _A_READING.fullmatch(named) and m.string[: m.start("v")].rstrip().endswith("with"):
        return None  # a measure the worker has: "a truck driver with AHI 20"
    if len(named.split()) >= 3 and _AN_ORGANISATION.search(named):
        return value(m)  # a region's name starts it: "East of England Ambulance Service"
    return employer(m)


_A_READING = re.compile(r"[A-Z]{2,5}[ \t]+\d{1,3}(?:\.\d)?")
_AN_ORGANISATION = re.compile(r"\b(?:Service|Services|Ltd|Limited|plc|PLC|Inc|Company)$")


# The UK's postcode areas: the letters an outward code alone ("Todmorden OL14") starts with.
_UK_AREAS = frozenset(
    """
    ab al b ba bb bd bh bl bn br bs bt ca cb cf ch cm co cr ct cv cw da dd de dg dh dl dn dt dy
    e ec eh en ex fk fy g gl gu ha hd hg hp hr hs hu hx ig ip iv ka kt kw ky l la ld le ll ln ls
    lu m me mk ml n ne ng nn np nr nw ol ox pa pe ph pl po pr rg rh rm s sa se sg sk sl sm sn so
    sp sr ss st sw sy ta td tf tn tq tr ts tw ub w wa wc wd wf wn wr ws wv yo ze
    """.split()
)
_STREET_WORDS = frozenset(
    "street road avenue lane drive close way place crescent terrace gardens square grove mews "
    "parade walk row court view rise hill park green st rd ave ln dr cres gdns sq pl".split()
)


def outward_code(m: re.Match[str]) -> Span | None:
    """A UK postcode's first half alone after a town or a street ("Todmorden OL14 -",
    "Coldharbour Lane SE5"): its letters a postcode area's, the word before a street's or
    one no dictionary holds, two letters then (not "Vitamin B12", "Grade G2", "Dexcom G7")."""
    code = m.group("v")
    area = re.match(r"[A-Z]+", code).group().casefold()
    before = m.group("w").casefold()
    if area not in _UK_AREAS:
        return None
    if before in _STREET_WORDS:
        return value(m)  # (a sentence may go on after it: "22 Harehills Ln LS8 without …")
    if not re.match(r"[ \t]*(?:[-–—/,.;)]|$)", m.string[m.end() :]):
        return None
    # one letter after another word is as often a product's version ("Dexcom G7")
    known = before in common_words() or before in clinical_words()
    return value(m) if len(area) == 2 and not known else None


# Somebody's age earlier in the clause, no amount or duration: "jan nowak 58 from", "warrick
# 88 aboriginal elder from" (not "36 hour washout from").
_AGED_BEFORE = re.compile(
    r"(?<![\d.])(?:1[6-9]|[2-9]\d|1[01]\d)(?![\d.])(?![ \t]*(?:h|hrs?|hours?|mins?|mg|mcg|ml|%"
    r"|days?|weeks?|months?|years?|x)\b)[^.?!\n\d]{0,40}\bfrom[ \t]+$",
    re.IGNORECASE,
)


def town_after_from(m: re.Match[str]) -> Span | None:
    """A town typed in small letters after "from", said of a patient whose age comes just
    before ("jan nowak 58 from ealing", "bruce 79 ex-truckie from broken hill w asbestos"):
    words no dictionary, clinical list or abbreviation list holds ("from baseline" is not)."""
    if not _said_just_before(_AGED_BEFORE, m, m.start()):
        return None  # "transfer from ivacaftor", "pasted from formulary": no one is from it
    return value(m) if all(unlisted(w) for w in m.group("v").split()) else None


def not_a_country(m: re.Match[str]) -> Span | None:
    """The place someone lives in, unless it is a whole country ("live in England")."""
    return None if m.group("v").casefold() in COUNTRIES else value(m)


def a_street_by_its_name(m: re.Match[str]) -> Span | None:
    """A street named by a word no dictionary, clinical list or list of things holds
    ("6120 S Halsted", "home on Kedzie"; not "home on Friday" or "on Eliquis")."""
    folded = m.group("w").casefold()
    if folded in common_words() or folded in clinical_words() or folded in NOT_PEOPLE:
        return None
    return value(m)


# The brands, eponyms, bodies, places and months that name no town.
_NOT_TOWNS = NOT_PEOPLE - CITIES


def a_home_town(m: re.Match[str]) -> Span | None:
    """The town someone is at home in: capitalised, any but a country or a day; in small
    letters, a word no list holds."""
    town = m.group("v")
    if town.casefold() in COUNTRIES or town.casefold() in _NOT_TOWNS:
        return None  # ("at home in australia", "at home in Ramadan")
    return value(m) if not town.islower() or unlisted(town) else None


def a_listed_town(m: re.Match[str]) -> Span | None:
    """A town the lists know ("Lagos", "manila", "dundee") after whom it is home to; a town
    that is also an English word only capitalised ("in Reading", not "in reading")."""
    start, end = m.span("v")
    words = m.group("v").split()
    for n in (len(words), 1):
        town = " ".join(words[:n])
        if town.casefold() not in CITIES and town.casefold() not in HOME_TOWNS:
            continue
        if town.islower() and town in common_words():
            return None
        return start, start + len(town)
    return None


# Someone saying where he or she is from: "We come from Riyadh", "she's from Galway"; or a
# person by what he is, from there: "medical tourist from Osaka", "a fisherman from Tauranga".
_SAYS_FROM = re.compile(
    r"(?i:\b(?:(?:we|i|he|she|they)(?:['’](?:m|s|re)|[ \t]+(?:come|came|am|is|are|was|were))"
    r"|tourists?|expats?|expatriates?|visitors?|pilgrims?|migrants?|man|woman|lady|gentleman"
    r"|boy|girl|[a-z]+(?:man|men|woman|women|er|ist))"
    r"[ \t]+(?:originally[ \t]+)?from[ \t]+$)"
)


def listed_town_of_someone(m: re.Match[str]) -> Span | None:
    """A listed town after "from" where the patient's age comes just before ("CF pt, 23,
    from Galway", "mrs Daly 89 from dungarvan") or someone says it is home ("We come from
    Riyadh"); "referred from Cork University Hospital" is no one's home."""
    start = m.start("v")
    if not (_said_just_before(_AGED_BEFORE, m, start) or _said_just_before(_SAYS_FROM, m, start)):
        return None
    return a_listed_town(m)


# How far back the words before a match are read: an age and "from" stand within a clause, and
# a long pasted note must not be searched from its start once per match.
_BEFORE_WINDOW = 120


def _said_just_before(pattern: re.Pattern[str], m: re.Match[str], end: int) -> bool:
    """`pattern` (anchored at its end) matches the text just before `end`."""
    return pattern.search(m.string, max(0, end - _BEFORE_WINDOW), end) is not None
