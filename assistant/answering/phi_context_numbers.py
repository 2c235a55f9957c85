"""A person's unlabelled numbers, for assistant/answering/phi.py: in a question that already
carries an identifier, a code shaped like a record's, a card's or a case's number is theirs
("inmate …, DOC #A-447829", "Acc no 24M0091827", "pasaporte U12345678", "RG 12.345.678-9",
"exp 334512"), and a town's postcode ("Christchurch 8053").

Alone, such a code may be a product's, a guideline's or a lot's, so the rules in
phi_number_rules want a label they know. Once a question names a patient (or gives their
record number or birth date), a code of six digits or more that is no measurement, count,
time, date or public catalogue's number is taken: where unsure, redact. What stays: numbers
with a unit after them ("150000 units", "45000 copies"), the codes of billing and coding
("CPT 99213", "64483-50", "Rx BIN 610279"), a lot's, an expiry's, a batch's, a version's or
a policy's number, and a range ("0800-1600").
"""

from __future__ import annotations

import re

from assistant.answering.phi_lexicon import clinical_words
from assistant.answering.phi_names import STOP, Span
from knowledge.drug_names import a_generic
from knowledge.name_words import common_words
from knowledge.proper_terms import BRANDS, CALENDAR, PLACE_PHRASES, PLACES

# A code: letters and digits, joined by "-" or "." ("A-447829", "24M0091827", "12.345.678-9",
# "7702-051"); how many digits it holds is counted after. Not joined by "/": a blood pressure,
# a gas or a genotype ("162/104", "7.31/6.8/9.2", "F508del/G551D").
_CODE = re.compile(r"(?<![\w.,/-])[A-Za-z0-9]+(?:[-.][A-Za-z0-9]+){0,5}(?![\w/-]|[.,]\d)")
# What a number with a unit after it measures or counts.
_UNIT_AFTER = re.compile(
    r"[ \t]*(?i:units?|iu|mg|mcg|micrograms?|g|kg|ml|l|mmol|µmol|umol|copies|cells|/|x|%"
    r"|per|mm|cm|hrs?|hours|mins?|minutes|secs?|days|weeks|steps|calories|kcal|people"
    r"|patients|cases|beds|staff)\b"
)
# Labels of numbers that name no person: billing and coding, products, documents.
_NOT_A_PERSONS_LABEL = re.compile(
    r"(?i:\b(?:cpt|hcpcs|icd(?:-?1[01])?(?:-cm)?|drg|lot|batch|version|ver|v|sop|policy"
    r"|protocol|item|code|codes|ref(?:erence)?[ \t]+range|isbn|issn|doi|ndc|din|gtin|udi-di"
    r"|model|catalog(?:ue)?|cat|part|sku|article|section|clause|regulation|law|act|resolution"
    r"|resolución|ley|lei|portaria|rule|bin|pcn|rx[ \t]*bin|exp|expiry|expires)\b)[ \t#:.]*$"
)
# A town, then its four- or five-digit postcode: "Boston 02118", "Christchurch 8053".
_TOWN_AND_CODE = re.compile(
    r"(?<![\w-])(?P<town>[A-Z][a-z]+(?:[ \t][A-Z][a-z]+){0,2}),?[ \t]+(?P<v>\d{4,5})"
    r"(?![\w-]|[.,:]\d)"
)
_LABEL_WINDOW = 24  # characters before a code in which its label stands
# A card's number in groups of four (a fifth digit first: "80826 0012 3456 7890").
_GROUPS_OF_FOUR = re.compile(r"(?<![\w.,/-])\d{4,5}(?:[ ]\d{4}){2,3}(?![\w/-]|[.,]\d|[ ]\d)")
# A record's number with its year, as hospitals in much of Europe, Latin America, Africa and
# South Asia file them: "12345/2024", "1187/24", "2024/08871" (not a pressure, "162/104").
_NUMBER_AND_YEAR = re.compile(
    r"(?<![\w./,-])(?:\d{3,6}/(?:(?:19|20)\d{2}|[0-2]\d)|(?:19|20)\d{2}/\d{3,6})"
    r"(?![\w/-]|[.,]\d)"
)


def persons_codes(text: str, carries_identifier: bool) -> list[Span]:
    """The unlabelled codes of a question that carries another identifier."""
    if not carries_identifier:
        return []
    spans = [m.span() for m in _CODE.finditer(text) if _a_persons_code(m)]
    spans += [m.span() for m in _NUMBER_AND_YEAR.finditer(text) if _a_record_and_year(m)]
    spans += [m.span() for m in _GROUPS_OF_FOUR.finditer(text) if _a_grouped_number(m)]
    return spans + [m.span("v") for m in _TOWN_AND_CODE.finditer(text) if _a_town(m)]


def _a_town(m: re.Match[str]) -> bool:
    """A place the lists know, or a capitalised word no list knows ("Oakleigh 3166"); not a
    word, a clinical term, a label ("Bleep 4412", "Room 4012"), a brand or a month; nor a year
    ("Perth 2019"), a clock time or an amount."""
    code = m.group("v")
    if re.fullmatch(r"(?:19|20)\d\d|(?:[01]\d|2[0-3])[0-5]\d", code):
        return False  # a year, or a time on the 24-hour clock ("from Niue 0700")
    if _UNIT_AFTER.match(m.string, m.end("v")):
        return False  # a weight or a count: "BG Okonkwo 3450 g"
    town = m.group("town").casefold()
    last = town.split()[-1]
    if last in BRANDS or last in CALENDAR or a_generic(last):
        return False  # "Creon 25000", "Thu 6 Feb 0900"
    if town in PLACE_PHRASES or last in PLACES:
        return True
    return not (last in common_words() or last in clinical_words() or last in STOP)


def _unlabelled_and_uncounted(m: re.Match[str]) -> bool:
    """No product's, policy's or document's label before the code, and no unit after it."""
    before = m.string[max(0, m.start() - _LABEL_WINDOW) : m.start()]
    return not _NOT_A_PERSONS_LABEL.search(before) and not _UNIT_AFTER.match(m.string, m.end())


def _a_grouped_number(m: re.Match[str]) -> bool:
    """A card's or a record's number in groups of four ("4812 0093 7716", an Aadhaar's "7421
    5583 0916"), with no unit after it and no product's or policy's label before."""
    return _unlabelled_and_uncounted(m)


_PER_HOUR_OR_DAY = re.compile(r"[ \t]*(?i:h|d)\b")


def _a_record_and_year(m: re.Match[str]) -> bool:
    """Six digits or more, not two years ("2019/2020"), no amount per a time ("1000/24 h")
    and no labelled product's or policy's number."""
    code = m.group()
    if len(re.sub(r"\D", "", code)) < 6 or re.fullmatch(r"(?:19|20)\d\d/(?:19|20)\d\d", code):
        return False
    return not _PER_HOUR_OR_DAY.match(m.string, m.end()) and _unlabelled_and_uncounted(m)


_NUMBER_SIGN = re.compile(r"#[ \t]*$")


def _a_persons_code(m: re.Match[str]) -> bool:
    code = m.group()
    digits = re.sub(r"\D", "", code)
    # (five digits will do with a letter, after a number's sign: "IDOC # R48213")
    numbered = (
        len(digits) == 5 and not code.isdigit() and _NUMBER_SIGN.search(m.string, 0, m.start())
    )
    if (len(digits) < 6 and not numbered) or re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+\.\d+", code):
        return False  # "150,000", "37.5": an amount
    if re.fullmatch(r"\d{5}-\d{2}", code):
        return False  # a procedure's code and its modifier: "64483-50"
    span = re.fullmatch(r"(\d{1,4})[-–](\d{1,4})", code)
    if span and int(span.group(2)) >= int(span.group(1)):
        return False  # a range ("100-150", "0800-1600"), not "7702-051"
    return _unlabelled_and_uncounted(m)
