"""Phrases that make the words in them things, not people, for assistant/answering/
phi_words.py: places of several words ("Sierra Leone", "Torres Strait") and eponyms of
several ("Ramsay Hunt"), a place by the words around it ("travel to Kenya", "Regina
General"), a ward's name after a word of going there ("on Lister Ward"), a cited paper's
authors and a company ("Dinh et al.", "Merck Serono Ltd"), street names of drugs after a
word of using them ("admits to mandy and ket"), and a question typed all in capitals, whose
words' case says nothing. Spans are read once a question, not once a word.
"""

from __future__ import annotations

import re
from functools import lru_cache

from knowledge.name_words import given_names
from knowledge.proper_terms import (
    NOT_PEOPLE,
    PEOPLES_NAMED_LIKE_PEOPLE,
    PLACE_PHRASES,
    PLACES,
    THING_PHRASES,
    TOWNS_NAMED_LIKE_PEOPLE,
)

Span = tuple[int, int]

_PLACE_PHRASE = re.compile(
    # (an opening quote may stand before it, "'A Chara'", an apostrophe inside a word not)
    r"(?<![\w-])(?<!\w['’])(?:"
    # longest first: "mepilex border sacrum" is read whole, not as "mepilex border"
    + "|".join(
        re.escape(p).replace(r"\ ", r"[ \t-]+")
        for p in sorted(PLACE_PHRASES + THING_PHRASES, key=len, reverse=True)
    )
    + r")(?:['’]s)?(?![\w-])(?!['’]\w)",  # (and its possessive: "Charlotte Maxeke's neonatal unit")
    re.I,
)


# A ward named by its floor and side ("4 West", "Unit 7 East", "West 2") and a hospital's
# emergency code ("Code Blue", "Code Grey"): places and alarms, not people.
_UNIT_OR_CODE = re.compile(
    r"\b\d{1,2}[A-Z]?[ \t]+(?:North|South|East|West)\b"
    r"|\b(?:North|South|East|West)[ \t]+\d{1,2}[A-Z]?\b"
    r"|\bCode[ \t]+(?:Blue|Red|Grey|Gray|White|Black|Orange|Pink|Purple|Yellow|Green|Brown"
    r"|Silver|Amber)\b"
)


# A ward named after someone, said to be a ward: "Rose Ward is the female PICU", "Bader Ward
# - is that the amputee rehab ward?" ("Rose Ward is the patient in bed 4" is a woman).
_WARD_SAID_TO_BE = re.compile(
    r"\b[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?[ \t]+Ward(?=(?:[ \t]+is|[ \t]*[-–][ \t]*is[ \t]+that)"
    r"[ \t]+(?:the|a|an|our)[ \t]+(?:[\w-]+[ \t]+){0,3}(?:ward|unit|PICU|NICU|ICU|HDU|CCU"
    r"|MAU|AMU)\b)"
)


# A day the world marks, a period of months, a hospital by its Spanish name: "World Kidney
# Day", "Jan-Mar 2024", "Hospital Universitario Marqués de Valdecilla".
_OBSERVANCE_OR_PERIOD = re.compile(
    r"\bWorld(?:[ \t]+[A-Z][\w-]*){1,3}[ \t]+(?:Day|Week|Month)\b"
    r"(?:[ \t]+(?:is[ \t]+)?\d{1,2}(?:[ \t]*[-–][ \t]*\d{1,2})?[ \t]+[A-Z][a-z]+\b)?"  # its date
    # (an audit's period: "period Jan-Mar 2024", not a stay's "admitted Jan-Mar 2024")
    r"|(?<=period[ \t])(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*[ \t]*[-–]"
    r"[ \t]*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\b"
    # a state's abbreviation after its act: "Voluntary Assisted Dying Act 2017 (Vic)"
    r"|(?<=Act)(?:[ \t]+\d{4})?[ \t]*\((?:Vic|NSW|Qld|SA|WA|Tas|NT|ACT|Cth|NZ|UK|Scot|NI)\)"
    r"|\bHospital(?:[ \t]+(?:Universitario|Universitari|Cl[ií]nico|General|Materno[ \t-]Infantil"
    r"|Infantil|Regional))(?:[ \t]+(?:de|del|la|las|los|y|[A-ZÁÉÍÓÚÑ][\w'’-]*)){1,5}"
)


# A hospital or an institute named in Dutch, German or a Nordic language, with the words of its
# name: "Wilhelmina Kinderziekenhuis", "Robert Koch-Institut", "Klinik Floridsdorf", "Aalborg
# Universitetshospital", "Astrid Lindgrens barnsjukhus". (Named after someone, it places no
# patient; the English "… Hospital" is read by the rules of its own.)
_INSTITUTION_NOUN = (
    r"(?i:ziekenhuis|gasthuis|krankenhaus|klinikum|klinik|kliniek|institut|instituut"
    r"|universitätsklinikum|universitetshospital|(?:sjukhus|sykehus|sygehus)(?:et)?|hospitalet|spital"
    r"|sairaala)"
)
_INSTITUTION = re.compile(
    # its name's words before it, the noun alone or in a compound ("Kinderziekenhuis")
    r"(?:\b[A-ZÆØÅÄÖÜ][\w'’]*[ \t]+){1,3}"
    rf"(?:[A-ZÆØÅÄÖÜ][\w'’]*-|(?i:kinder|universitets?|barn|privat|landes)?){_INSTITUTION_NOUN}\b"
    rf"|\b[A-ZÆØÅÄÖÜ][\w'’]*-{_INSTITUTION_NOUN}\b"  # "Hanusch-Krankenhaus"
    r"|\b(?:Klinik|Klinikum|Krankenhaus|Spital|Ziekenhuis|Ysbyty|Ospedale|Policlinico|Hôpital)"
    r"(?:[ \t]+[A-ZÄÖÜ][\w'’-]*){1,2}"
    # in one word: "Rikshospitalet", "Landspítali"
    r"|\b[A-ZÆØÅÄÖÜ]\w*(?i:hospitalet|sjukhuset|sykehuset|sygehuset|ziekenhuis|krankenhaus"
    r"|klinikum|spítali)\b"
)

# ... and in the Malay order, the noun first: "Hospital Sultanah Aminah", "Hospital Raja
# Permaisuri Bainun", "Rumah Sakit Cipto" (not after a name of its own: the Royal Hospital
# Chelsea is where its pensioners live).
_NOUN_FIRST_HOSPITAL = re.compile(
    r"\b(?:Hospital|Rumah[ \t]+Sakit)(?:[ \t]+[A-Z][a-z][\w'’-]*){1,3}"
)
_CAPITALISED_BEFORE = re.compile(r"[A-Z][\w'’-]{2,}[ \t]+$")  # (not an article: "O Hospital")


@lru_cache(maxsize=16)
def place_phrases(text: str) -> tuple[Span, ...]:
    """Where the places of several words stand (read once a question, not once a word)."""
    found = list(_PLACE_PHRASE.finditer(text)) + list(_UNIT_OR_CODE.finditer(text))
    found += _WARD_SAID_TO_BE.finditer(text)
    found += _OBSERVANCE_OR_PERIOD.finditer(text)
    found += _INSTITUTION.finditer(text)
    found += (
        m
        for m in _NOUN_FIRST_HOSPITAL.finditer(text)
        if not _CAPITALISED_BEFORE.search(text[max(0, m.start() - 30) : m.start()])
    )
    return tuple(m.span() for m in found)


# A ward's name: a capitalised word then its noun, after a word that goes to or is at a place.
# (not a title: "a request from Mr Ward's neighbour" is a person's)
_WARD_NAMED = re.compile(
    r"(?i:\b(?:on|to|from|at|onto|off|in|into)\b)[ \t]+(?:the[ \t]+)?"
    r"(?!(?:Mr|Mrs|Ms|Miss|Mx|Dr)\b)[A-Z][a-z]+(?:['’]s)?[ \t]+$"
)
_WARD_NOUNS = frozenset("ward unit wing".split())


def a_wards_noun(text: str, token: re.Match[str], folded: str) -> bool:
    """ "Ward" after a word that goes to a place and a capitalised word ("on Lister Ward"), or
    after a famous person's or a place's name that is nobody's given name ("Jenner Ward, bed
    4"); "John Ward" and "Okafor Ward fell" stay people."""
    if folded not in _WARD_NOUNS or not token.group()[:1].isupper():
        return False
    before = text[max(0, token.start() - 40) : token.start()]
    if _WARD_NAMED.search(before):
        return True
    named = _NAME_BEFORE.search(before)
    return named is not None and _named_after_no_one_here(named.group(1).casefold())


_NAME_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][a-z]+)[ \t]+$")


def _named_after_no_one_here(folded: str) -> bool:
    return folded in NOT_PEOPLE and folded not in given_names()


_PLACE_WORD_BEFORE = re.compile(
    r"(?i:\b(?:to|from|in|visiting|visit|via|across|around|trip|travel|travelling|traveling"
    r"|flight|flying|returned|returning|born|moved"
    # a country's own health service: "Ministry of Health Malaysia"
    r"|health))[ \t]+$"
)
# What a people's name stands before, and after: "Karen church", "Chin interpreter", "speaks
# Karen", "Pwo Karen".
_A_GROUPS_NOUN_AFTER = re.compile(
    r"[ \t]*-?(?i:community|communities|family|families|church|people|refugees?|interpreters?"
    r"|language|dialects?|script|speakers?|speaking|pts?|patients?|clients?|moms?|mothers?"
    r"|fathers?|dads?|elders?|women|woman|men|man|households?|culture|words?|version"
    r"|translations?|camps?|state|youth|groups?)\b"
)
_A_LANGUAGES_WORD_BEFORE = re.compile(r"(?i:\b(?:in|speaks?|into|s['’]gaw|sgaw|pwo)[ \t]+)$")
# A town's own institutions after its name: "Regina General ED", "Marion County EMS".
_INSTITUTION_AFTER = re.compile(
    r"[ \t]+(?:General|Hospital|Regional|Memorial|Health|County|(?i:campus|branch|site)"
    r"|BC|AB|SK|MB|ON|QC|NS|NB|NL|PEI|NT|NU|YT)\b"  # a Canadian province: "Victoria BC"
)
# "… under supervision in Victoria?": a town or state closing the sentence after "in".
_IN_BEFORE = re.compile(r"\b(?:in|across|throughout)[ \t]+$", re.I)
_CLAUSE_END = re.compile(
    r"[ \t]*(?:[?.!;,]|$)|[ \t]+(?:if|when|whether|unless|because|[-–—][ \t])"  # "in Victoria if"
)
# A state's or town's own law: "Victoria's Mental Health and Wellbeing Act 2022".
_ITS_LAW_AFTER = re.compile(
    r"['’]s[ \t]+(?:[A-Z][\w-]*[ \t]+(?:(?:and|&)[ \t]+)?){1,6}(?:Act|Law|Code|Regulations?)\b"
)
_INSTITUTION_IN_BEFORE = re.compile(
    r"(?i:\b(?:hospital|hospitals|clinic|campus|site|practice|based|located|working|work)"
    r"[ \t]+(?:in|at))[ \t]+$"
)
_TRAVEL_BEFORE = re.compile(
    r"(?i:\b(?:rural|regional|remote|outback|inner[ \t-]city)[ \t]+$)|"
    r"(?i:\b(?:trip|travel(?:l?ed|l?ing)?|holiday(?:ing)?|flew|flight|flying|returned"
    r"|transfer(?:s|red|ring)?|referred|referrals?"
    r"|returning|back|arrived|emigrated|migrated)(?:[ \t]+(?:to|from|in|at))?)[ \t]+$"
)


def a_place_here(folded: str, before: str, after: str) -> bool:
    """A place by the words around it: a country or town the lists know after a word of going
    there ("travel to Kenya", "back from India"); a town that is also someone's name only
    with travel ("after a trip to Darwin"), its own institutions ("Regina General", "Lincoln
    campus", "Victoria BC"), "hospital in" ("our hospital in Austin"), or closing a sentence
    after "in" ("… in Victoria?"). "A letter from Florence" stays a person. A people named
    like a person before its group's noun or after a language's word ("the Karen community",
    "in S'gaw Karen")."""
    if folded in PLACES and _PLACE_WORD_BEFORE.search(before):
        return True
    if folded in PEOPLES_NAMED_LIKE_PEOPLE and (
        _A_GROUPS_NOUN_AFTER.match(after) or _A_LANGUAGES_WORD_BEFORE.search(before)
    ):
        return True
    return folded in TOWNS_NAMED_LIKE_PEOPLE and bool(
        _TRAVEL_BEFORE.search(before)
        or _INSTITUTION_AFTER.match(after)
        or _ITS_LAW_AFTER.match(after)
        or _INSTITUTION_IN_BEFORE.search(before)
        or (_IN_BEFORE.search(before) and _CLAUSE_END.match(after))
    )


# Who wrote a cited paper: "Dinh et al.", or names in a bracket that closes on its year.
_ET_AL_AFTER = re.compile(r"(?:[ \t]+[A-Z]{1,3}\.?)?,?[ \t]+et[ \t]+al\b")
_YEAR_CLOSES = re.compile(r"[^()\n]{0,60}?\b(?:19|20)\d{2}[a-z]?\)")


# A maker's name before its company's suffix: "Janssen Pharmaceuticals, Inc.", "Merck Serono
# Ltd", "Corvane Medical Ltd": an organisation, never a patient.
_COMPANY_AFTER = re.compile(
    r"(?:[ \t]+[A-Z][\w&+-]*){0,2},?[ \t]+(?:Ltd|Limited|Inc|Incorporated|LLC|plc|PLC|GmbH"
    r"|A/S|BV|Pty|Corp|Corporation|Pharmaceuticals?|Pharma|Generics|Laboratories|Labs"
    r"|Healthcare)\b\.?"
)


def an_author(text: str, token: re.Match[str]) -> bool:
    """A cited paper's author or a company: "Dinh et al.", "(Norton, McLaren & Exton-Smith,
    1962)", "Merck Serono Ltd"."""
    if _ET_AL_AFTER.match(text, token.end()) or _COMPANY_AFTER.match(text, token.end()):
        return True
    opened = text.rfind("(", max(0, token.start() - 60), token.start())
    inside = opened >= 0 and ")" not in text[opened : token.start()]
    return inside and _YEAR_CLOSES.match(text, token.end()) is not None


# Street names of drugs that are also given names, in small letters after a word of using
# them: "had some charlie", "admits to mandy", "smokes mary jane" ("charlie has a fever" is
# a person).
_AMOUNT_OF = (
    r"(?:some[ \t]+|a[ \t]+few[ \t]+bumps[ \t]+of[ \t]+|bumps[ \t]+of[ \t]+"
    r"|a[ \t]+bit[ \t]+of[ \t]+)?"
)
_STREET_NAMES = r"(?:mandy|molly|charlie|tina|ket|mary[ \t]+jane)"
_STREET_DRUG = re.compile(
    r"(?i:\b(?:had|took|taken|taking|takes|smoke[sd]?|smoking|snort(?:ed|ing|s)?"
    r"|inject(?:ed|ing|s)?|using|used|uses|admits?[ \t]+to|on)[ \t]+"
    + _AMOUNT_OF
    + rf"(?P<v>{_STREET_NAMES})(?:[ \t]+(?:and|&|or)[ \t]+{_AMOUNT_OF}(?P<w>{_STREET_NAMES}))?\b)"
)


@lru_cache(maxsize=16)
def street_drugs(text: str) -> tuple[Span, ...]:
    """Where street names of drugs stand after a word of using them."""
    spans = []
    for m in _STREET_DRUG.finditer(text):
        spans += [m.span(g) for g in ("v", "w") if m.group(g)]
    return tuple(spans)


@lru_cache(maxsize=16)
def in_capitals(text: str) -> bool:
    """A question typed in capitals ("ROSS RIVER VIRUS VS DENGUE"): its words' case says
    nothing, so an eponym's look goes by the words themselves. (Read once a question: asked
    for every word, an uncached count made a long paste quadratic.)"""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 12 and sum(c.isupper() for c in letters) >= 0.9 * len(letters)
