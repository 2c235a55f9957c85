"""The patterns that find identifiers in a typed question, one rule per kind and form.

A rule is a pattern, a rank that breaks ties between equally long overlapping matches, and a
function that accepts a match (returning the span to replace) or rejects it ("20/20/20" is no
date, "temp 99 F" no age). assistant/answering/phi.py runs them and chooses among the matches;
assistant/answering/phi_names.py and assistant/answering/phi_name_spans.py find names,
assistant/answering/phi_dates.py says which dates are a person's and
assistant/answering/phi_addresses.py which streets and towns are someone's. The rules for
numbers, places, dates and ages over 89 are kept in phi_number_rules.py,
phi_place_rules.py, phi_date_rules.py and phi_age_rules.py, and spliced into the table here
in their order; the patterns they share are phi_patterns.py's.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from assistant.answering.phi_age_rules import AGE, AGE_RULES
from assistant.answering.phi_capital_names import (
    capitals_after_relative,
    capitals_surname_given,
    initials_not_an_abbreviation,
    surname_and_initial_listed,
)
from assistant.answering.phi_cue_names import name_after_cue
from assistant.answering.phi_date_rules import DATE_RULES, QUANTITY
from assistant.answering.phi_dates import DATE, MONTH_ANY_CASE, over_89_year, plausible_date, value
from assistant.answering.phi_east_asian import vietnamese_name
from assistant.answering.phi_form_rules import FORM_RULES
from assistant.answering.phi_lexicon import clinical_words
from assistant.answering.phi_name_forms import NAME_FORM_RULES
from assistant.answering.phi_names import (
    BEFORE_LABEL,
    DEMOGRAPHIC,
    LETTERS,
    RELATIVE_CUE,
    RELATIVE_WORDS,
    STOP,
    Span,
    capital_name_opening,
    capitals_after_title,
    capitals_comma_given,
    capitals_given_and_surname,
    capitals_pair,
    given_name_after_label,
    initial_and_surname,
    initials_in_bed,
    initials_of_the_name_after,
    listed_name,
    listed_pair,
    name_beside_bed,
    name_list,
    names_after,
    names_before,
    signed_name,
    surname_and_initial_at_a_time,
    surname_and_initials,
    surname_comma_initial,
    trailing_name,
)
from assistant.answering.phi_number_rules import NO, NUMBER_RULES
from assistant.answering.phi_numbers import (
    digits_between,
    min_digits,
    not_a_code,
    not_a_public_bodys,
    not_a_service_line,
)
from assistant.answering.phi_patterns import (
    AGE_PLACEHOLDER,
    AGE_UNITS,
    BOOKED_TIME,
    LO,
    NAME_CUE,
    RANK,
    UP,
)
from assistant.answering.phi_place_rules import PLACE_RULES
from assistant.answering.phi_shape_rules import SHAPE_RULES
from assistant.answering.phi_spoken import (
    DIGIT_WORD,
    SPOKEN_TWO,
)

# --- building blocks -----------------------------------------------------------------------
# A name word: "Smith", "McDonald", "O'Neil", "Smith-Jones", an initial "J."; all-capital
# tokens (ICU, DNR, ID) are not names. A possessive "'s" ends the word without joining it.
_WORD = (
    rf"(?:[{UP}][{LO}]+(?:[{UP}][{LO}]+)?|[{UP}]['’][{UP}][{LO}]+|[{UP}]\.?)"
    # (a closing quote ends it: "says he's 'Lucky' from the shelter"; "O'Neil" goes on)
    rf"(?:-[{UP}][{LO}]+)?(?=['’]s\b|['’](?!\w)|[^\w'’-]|$)"
)
_INSTITUTION = (
    r"(?:Hospital|Infirmary|Clinic|Centre|Center|House|Hall|Ward|Unit|Trust|School|College"
    r"|University|Hospice|Home|Practice|Surgery|Health)\b"
)
# The commonest Vietnamese family names, with and without their marks.
VIETNAMESE_FAMILY = (
    r"nguy[eễ]n|tr[aầ]n|l[eê]|ph[aạ]m|ho[aà]ng|hu[yỳ]nh|phan|v[uũ]|v[oõ]|[dđ][aặ]ng|b[uù]i"
    r"|[dđ][oỗ]|h[oồ]|ng[oô]|d[uư][oơ]ng|l[yý]|tr[uư][oơ]ng|[dđ][iị]nh|mai|tr[iị]nh|l[aâ]m"
)


def _ipv6(m: re.Match[str]) -> Span | None:
    """Eight hex groups, or fewer with "::": not a time ("10:30") or a ratio ("1:1000")."""
    text = m.group()
    groups = [g for g in text.split(":") if g]
    hexy = any(re.search(r"[a-f]", g, re.I) for g in groups) or "::" in text
    return m.span() if hexy and len(groups) >= 3 else None


# How an address is read out: its last part ("… dot ie") and the words joining its first part
# ("m underscore oconnor").
_SPELT_DOMAINS = "com|net|org|edu|gov|info|[a-z]{2}"  # (and any country's: "yahoo dot gr")
_SPELT_JOINERS = ("dot", "underscore", "dash", "hyphen")


def _spelt_email(m: re.Match[str]) -> Span | None:
    """Ends in a mail domain's last part ("… dot com", "[dot] net"); the words before "at"
    back to the first one that is not part of the address."""
    text = m.group()
    if not re.search(rf"(?i:dot|\])[ \t]+(?:{_SPELT_DOMAINS})$", text):
        return None
    words = text.split()
    at = next(i for i, w in enumerate(words) if w.strip("[]()").casefold() == "at")
    start_word = at - 1
    while start_word >= 2 and words[start_word - 1].casefold() in _SPELT_JOINERS:
        start_word -= 2
    offset = len(" ".join(words[:start_word])) + (1 if start_word else 0)
    start = m.start() + offset
    # "to maria gonzalez at hotmail dot com": the names before the address's first word
    while before := re.search(r"([^\W\d_]+)[ \t]+$", m.string[:start]):
        if before.group(1).casefold() not in name_list() or before.group(1).casefold() in STOP:
            break
        start = before.start()
    return start, m.end()


def _not_tests(m: re.Match[str]) -> Span | None:
    """ "CBC, BMP MRN …": abbreviations a clinical question uses, not a surname and name."""
    words = re.findall(r"[A-Za-z]+", m.group("v").casefold())
    return None if all(w in clinical_words() for w in words) else value(m)


class Rule(NamedTuple):
    kind: str
    pattern: re.Pattern[str]
    rank: int  # breaks ties between equally long overlapping matches: lower = more specific
    accept: Callable[[re.Match[str]], Span | None] = value  # span to replace, or reject
    fixed: str | None = None  # a fixed placeholder instead of a numbered one


# One rule per line so the table reads as a list; the formatter would spread each over 5.
# fmt: off
RULES = tuple(Rule(k, re.compile(p), *rest) for k, p, *rest in [
    *NUMBER_RULES,
    # A year of birth making the patient over 89 (HIPAA keeps such years too): "born 1929".
    ("DOB", r"(?i:\bborn(?:[ \t]+in)?)[ \t]+(?P<v>19[0-3]\d)\b", 1),
    # A year alone that makes its person over 89 ("wristband says 1932"): HIPAA keeps every
    # element of such a date. (No clinical number reads as a year before the 1940s.)
    ("DOB", r"(?<![\w./:-])(?P<v>19[0-3]\d)(?![\w/:]|-(?!\d{4})|[.,]\d)", 6, over_89_year),
    # "born in '51": a year of birth, two digits after an apostrophe.
    ("DOB", r"(?i:\bborn(?:[ \t]+in)?)[ \t]+(?P<v>['’]\d{2})\b", 1),
    # Digits only after a birth label: "DOB 030451", "dob 19510304".
    ("DOB", r"(?i:\bD\.?O\.?B\b\.?|\bdate[ \t]+of[ \t]+birth|\bborn(?:[ \t]+on)?)[ \t]*:?[ \t]*"
            r"(?P<v>\d{6}|\d{8})(?!\d)", 1),
    # A dotted date after a birth label, two-digit year and all: "dob 03.03.24".
    ("DOB", r"(?i:\bD\.?O\.?B\b\.?|\bdate[ \t]+of[ \t]+birth|\bborn(?:[ \t]+on)?)[ \t]*:?[ \t]*"
            r"(?P<v>\d{1,2}\.\d{1,2}\.\d{2})(?![\d.])", 1),
    # A month and year after a birth label: "DOB Mar-61", "dob mar 1961", "born 03/61" (not a
    # gestation or a time ago: "born 1/52 ago", "born 36/40").
    ("DOB", r"(?i:\bD\.?O\.?B\b\.?|\bdate[ \t]+of[ \t]+birth|\bbirth[ \t]*date"
            r"|\bborn(?:[ \t]+(?:on|in))?)[ \t]*:?[ \t]*"
            rf"(?P<v>(?i:{MONTH_ANY_CASE})\.?(?:[ \t]*[-/'’][ \t]*|[ \t]+)(?:19|20)?\d{{2}}"
            r"|(?:0?[1-9]|1[0-2])[/.-](?:19|20)?\d{2})"
            r"(?![\w/.-]|[.,]\d|[ \t]+ago\b)", 1),
    # (the label may be typed against the date: "dob12/3/41")
    ("DOB", r"(?i:\bD\.?O\.?B(?![a-z])\.?|\bdate[ \t]+of[ \t]+birth|\bbirth[ \t]*date"
            r"|\bborn(?:[ \t]+on)?)"
            rf"[ \t]*(?:[:=-]|\bis\b)?[ \t]*(?P<v>{DATE})", 1, plausible_date),
    # The lookbehind anchors at a token start: without it a long word with no "@" is O(n²).
    # A day of the month beside the day it is: "yesterday the 23rd", "today, the 4th".
    ("DATE", r"(?i:\b(?:yesterday|today|tomorrow|tmrw|tonight)[ \t]*,?[ \t]+(?:the[ \t]+)?)"
             r"(?P<v>(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th))\b", 1),
    ("EMAIL", r"(?<![\w.%+-])[\w.%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}", 2),
    # US: (555) 123-4567, 555-123-4567, +1 555 123 4567. UK: 020 7946 0958, 07700 900123.
    # (none after a service's own line: "the main switchboard number 0161 276 1234")
    ("PHONE", r"(?<![\w+/])(?:\+?1[ .-]?)?(?:\(\d{3}\)[ ]?|\d{3}[ .-])\d{3}[ .-]\d{4}(?!\d)", 3,
     not_a_service_line()),
    # Seven digits, as in-house and fictional (555) numbers are given: 555-0187 x204.
    ("PHONE", r"(?<![\w+./-])\d{3}[ .-]\d{4}(?:[ \t]*(?i:x|ext\.?)[ \t]*\d{1,5})?"
              r"(?![\w-]|[.,/]\d)", 3, not_a_service_line(not_a_code)),
    ("PHONE", r"(?<![\w+./-])(?:\+?1[ .-]?)?(?:\(\d{3}\)[ ]?|\d{3}[ .-])\d{3}[ .-]\d{4}"
              r"[ \t]*(?i:x|ext\.?)[ \t]*\d{1,5}(?!\d)", 3, not_a_service_line()),
    # (and India's: a district code run into the first digits, "094160 23478")
    ("PHONE", r"(?<![\w+.])(?:0\d{2,4}[ -]?\d{3,4}[ -]?\d{3,4}|0\d{4,5}[ -]\d{5})(?!\d)", 3,
     not_a_service_line(digits_between(10, 11))),
    # (and with "00" for "+", as Europe dials abroad: "0045 31 62 88 04")
    ("PHONE", r"(?<![\w+])(?:\+|00(?=[1-9]))\d{1,3}(?:[ .-]?\(0\))?[ .-]?\d{1,5}"
              r"(?:[ .-]?\d{2,5}){1,4}(?!\d)", 3,
     not_a_service_line(digits_between(9, 15))),
    # After a word for calling or a phone's number, any grouping of 7 to 15 digits: "son's
    # number 9123 4567 (HK)", "mobile 0412 345 678" (a service's name is no cue:
    # "Nurse-On-Call 1300 60 60 24").
    ("PHONE", r"(?i:(?<!-)\b(?:tel|phone|ph|mob|mobile|cell|landline|whatsapp|call|ring|fax|telefon"
              r"|hp|handphone"  # Singapore's and Malaysia's word for a mobile
              r"|tel[ée]fono|telefone|t[ée]l[ée]phone|m[óo]vil|celular|portable|rappeler[ \t]+au"
              r"|numer[ \t]+telefonu|telf|tlf|gsm|puh|puhelin|sími|mobil)\b\.?"
              r"|(?:['’]s|\bhome|\bwork|\bcontact|\bphone|\bmobile)[ \t]+(?:number|no\b\.?))"
              r"(?:[ \t]+(?:on|at|is|to))?[ \t]*[:#-]?[ \t]*"  # ("Ph - 03 9555 0142")
              r"(?P<v>\+?\(?\d[\d \t().-]{5,18}\d)(?![\w/]|[.,]\d)",
     3, not_a_service_line(digits_between(7, 15), labelled=True)),
    *PLACE_RULES, *SHAPE_RULES, *FORM_RULES,
    *NAME_FORM_RULES,
    *DATE_RULES,
    ("NAME", rf"{NAME_CUE}(?P<v>{_WORD}(?:[ \t]+{_WORD}){{0,2}})", 5, name_after_cue),
    # "the patient is Joanne Partridge": two capitalised words ("patient is Diabetic" is not)
    ("NAME", rf"(?i:\b(?:patient|pt)[ \t]+is)[ \t]+(?P<v>{_WORD}(?:[ \t]+{_WORD}){{1,2}})", 5,
     name_after_cue),
    # (a title typed in small letters before a surname in capitals: "Mrs HOPE Lily")
    # (and a rank: "Pte BROWN K", "PTE JOSAIA RATUVOU", with an initial after the surname; and
    # a registration's "first name unknown": "FNU ZARGHONA")
    ("NAME", rf"\b(?:MRS|MR|MS|MISS|MX|DR|Mrs|Mr|Ms|Miss|Mx|Dr|FNU|LNU|{RANK})\b\.?[ \t]+"
             r"(?P<v>(?:[A-Z]\.?[ \t]+){0,2}[A-Z]{2,}"
             r"(?:[-'’][A-Z]{2,})?(?:[ \t][A-Z]{2,}(?:[-'’][A-Z]{2,})?)?"
             r"(?:[ \t][A-HJ-Z]\.?(?![\w&/]))?)(?![\w])", 5,
     capitals_after_title),
    # ... and after a relative in capitals, as a message all in capitals writes one: "WIFE
    # GEORGETTE ON PHONE", "DAUGHTER MARIA LOPEZ CALLED".
    ("NAME", rf"\b(?:{RELATIVE_WORDS.upper()})(?:-IN-LAW)?[ \t]+"
             r"(?P<v>[A-Z]{2,}(?:[-'’][A-Z]{2,})?(?:[ \t][A-Z]{2,}(?:[-'’][A-Z]{2,})?)?)"
             r"(?![\w])", 5, capitals_after_relative),
    # (a dash between words, not inside one: "park ji-hoon 45M" is one name)
    ("NAME", rf"(?:^|(?<![^\W\d_])[-–]|[:;(]|\n)[ \t]*(?P<v>{LETTERS}(?:,?[ \t]+{LETTERS}){{0,5}})"
             rf",?[ \t]+(?={DEMOGRAPHIC})", 5, names_before),
    ("NAME", rf"{DEMOGRAPHIC}[ \t]+(?P<v>(?:[{UP}][{LO}]+|[^\W\d_a-zA-Z]{{2,}})"
             rf"(?:[ \t]+(?:[{UP}][{LO}]+(?:['’-][{UP}]?[{LO}]+)*)){{0,2}})", 5, names_after),
    ("NAME", r"(?i:\bpt\b\.?|\bpatient\b)[ \t]+(?P<v>[A-Z]{4,}(?:-[A-Z]{2,})?"
             r"(?:,[ \t]*[A-Z]{2,}(?:-[A-Z]{2,})?)?)\b", 5, listed_name),
    ("NAME", r"(?:^|\n)[ \t]*(?P<v>[A-Z]{3,}(?:-[A-Z]{2,})?,[ \t]*[A-Z]{2,}(?:-[A-Z]{2,})?"
             r"(?:[ \t]+[A-Z]\.?)?)(?=[ \t]*(?:[—–:;,(-]|$))", 5, listed_name),
    # … and before the sentence goes on: "STRYKER, DEAN slid out of bed" (not "FEVER, RIGORS
    # started": a word, and no given name after it)
    ("NAME", r"^[ \t]*(?P<v>[A-Z]{3,}(?:-[A-Z]{2,})?,[ \t]*[A-Z]{2,}(?:-[A-Z]{2,})?)"
             r"(?=[ \t]+[a-z])", 5, capitals_pair),
    ("NAME", r"^[ \t]*(?P<v>[A-Z]{2,}[ \t]+[A-Z]{2,}(?:-[A-Z]{2,})?)(?=[ \t]+[a-z])", 5,
     capitals_given_and_surname),
    # Initials someone goes by: "(goes by AJ)", "known as TJ".
    ("NAME", r"(?i:\bgoes[ \t]+by|\bknown[ \t]+as|\baka\b|\ba\.k\.a\.)[ \t]+['\"‘“]?"
             r"(?P<v>[A-Z]{2,3})\b", 5),
    # A surname in capitals and initials after the word for a patient: "pt SWIFTWIND, A.J.".
    ("NAME", r"(?i:\b(?:pt|patient|name)\b\.?)[ \t]*:?[ \t]*"
             r"(?P<v>[A-Z]{3,}(?:[-'’][A-Z]{2,})?,[ \t]*[A-Z]\.(?:[ \t]?[A-Z]\.)*)", 5,
     surname_and_initials),
    # An initial and a surname in small letters after the word for a patient or a title.
    ("NAME", r"(?i:\b(?:pt|patient|ppt|participant|mr|mrs|ms|dr)\b\.?)[ \t]+"
             r"(?P<v>[a-z]\.[ \t]?(?:[od]['’])?[a-z]{3,}(?:['’-][a-z]+)?)\b", 5,
     initial_and_surname),
    # A surname in capitals and given names after a form's label: "Patient: TAN, Boon Keng".
    ("NAME", r"(?i:\b(?:patient|pt|name|donor|recipient|participant))[ \t]*[:\-–][ \t]*"
             r"(?P<v>[A-Z]{2,}(?:[-'’][A-Z]{2,})?,[ \t]*[A-Z][a-z]+(?:[ \t-][A-Z][a-z]+){0,2})", 5),
    # ... all in capitals, the surname with its prefix or a second part, the given name with an
    # initial: "PATIENT: O'BRIEN-KOWALSKI, SHAUNA", "GUERRERO, ANA M.", "MÜLLER, KLAUS".
    ("NAME", rf"(?i:\b(?:patient|pt|name|donor|recipient|participant))[ \t]*[:\-–][ \t]*"
             rf"(?P<v>(?:[{UP}]['’])?[{UP}]{{2,}}(?:[-'’][{UP}]{{2,}})?,[ \t]*[{UP}]{{2,}}"
             rf"(?:[ \t-][{UP}]{{2,}})?(?:[ \t]+[{UP}]\.?)?)(?![\w'’-])", 5),
    # A name in capitals after a form's label: "Patient: JOY FIELDING  DOB …".
    ("NAME", r"(?i:\b(?:patient|pt|name))[ \t]*[:\-–][ \t]*"
             r"(?P<v>[A-Z]{2,}(?:[-'’][A-Z]{2,})?(?:[ \t][A-Z]{2,}(?:[-'’][A-Z]{2,})?){1,2})\b", 5,
     capitals_given_and_surname),
    ("NAME", r"(?i:\b(?:sur|fore|first[ \t]?|last[ \t]?|family[ \t]?|given[ \t]?)?names?)"
             r"[ \t]*[:\-–][ \t]*(?P<v>[A-Z][A-Z'’-]+"
             r"(?:,?[ \t]+(?!(?:FORE|SUR)?NAME)[A-Z][A-Z'’-]+){0,3})"
             r"(?![\w'’-])", 5),  # (to the next label: "SURNAME: OKAFOR  FORENAME: …")
    # A Vietnamese name by its middle name, "Thị" for a woman and "Văn" for a man, whatever
    # its last word is ("Nguyen Thi Lan", "Tran Van Duc", "Vũ Thị Hồng"): a family name, the
    # middle one, then one or two given names.
    ("NAME", rf"\b(?P<v>(?i:{VIETNAMESE_FAMILY})[ \t]+(?:Thi|Thị|Van|Văn|thi|thị|van|văn)"
             r"(?:[ \t]+[^\W\d_][^\W\d_'’-]*){1,2})(?![\w'’-])", 5, vietnamese_name),
    # A name someone no longer uses, after the word for it: "(deadname on the old record is
    # Rhodri)", "(prev. Alexandra)", "née Gallagher", "formerly Ahmed Khan".
    ("NAME", r"(?i:\b(?:dead[ \t-]?name|birth[ \t]+name|previous[ \t]+name|former[ \t]+name"
             r"|prev\.|previously|formerly|n[ée]e)\b(?:[^\n.?!()]{0,25}?\b(?:is|was))?"
             r"[ \t]*:?[ \t]*)"
             rf"(?P<v>[{UP}][{LO}'’-]+(?:[ \t]+(?!{_INSTITUTION})[{UP}][{LO}'’-]+)?)(?![\w'’-])"
             rf"(?![ \t]+{_INSTITUTION})", 5),  # ("formerly Hope Hospital" is a place's name)
    # A patient's initials with the name in brackets after them: "- JT (Jordan Taylor) CTO".
    ("NAME", r"(?<![\w.])(?P<v>[A-Z]{2,3})"
             r"(?=[ \t]*\((?P<n>[A-Z][a-z]+(?:[ \t]+[A-Z][a-z'’-]+){1,2})\))", 5,
     initials_of_the_name_after),
    # The name a card or a relative's label gives, without a colon: "name on card LAKSHMI
    # BAI", "husband name MOHAN LAL", "father's name Ramesh Kumar".
    ("NAME", r"(?i:\bname[ \t]+on[ \t]+(?:the[ \t]+|her[ \t]+|his[ \t]+)?(?:card|form|id|ticket"
             r"|band|wristband|passport|aadhaar|cnic|letter|referral|chart|file|record)"
             r"|\b(?:husband|father|mother|wife|spouse|guardian)(?:['’]?s)?[ \t]+name"
             r"(?:[ \t]+is)?)[ \t]*[:\-–]?[ \t]*"
             r"(?P<v>[A-Z][A-Za-z'’-]+(?:[ \t]+[A-Z][A-Za-z'’-]+){0,3})(?![\w'’-])", 5),
    ("NAME", r"^[ \t]*(?P<v>[A-Z]{4,}(?:-[A-Z]{2,})?)(?=[ \t]+(?:keeps|is|was|has|had|needs|wants"
             r"|refuses|refused|says|said|fell|pulled)\b)", 5, capital_name_opening),
    # Initials with the bed they are in: "RK (bed 12)", "J.S. in bay 4".
    ("NAME", r"(?<![\w.])(?P<v>[A-Z]\.?[A-Z]\.?(?:[A-Z]\.?)?)"
             r"(?=[ \t]*\(?(?i:bed|bay|rm|room|cubicle)[ \t]*\d)", 5, initials_in_bed),
    # ... typed small after "for" or "pt": "plt transfusion for jw in bay 3" (not "ng in bay 3")
    ("NAME", r"(?i:\b(?:for|pt|patient))[ \t]+(?P<v>[a-z]{2,3})"
             r"(?=[ \t]+(?:in[ \t]+)?(?i:bed|bay|rm|room|cubicle)[ \t]*\d)", 5,
     initials_in_bed),
    # "o'sullivan, aoife - …": a surname and a given name in small letters opening the question
    ("NAME", r"^[ \t]*(?P<v>[a-z]+(?:['’][a-z]+)?,[ \t]*[a-z]+)(?=[ \t]*[—–:-])", 5, listed_pair),
    # A list's "SURNAME, Given" before an age or a date: "BLAKE, Autumn 26F", "BROWN, J 71M".
    ("NAME", r"(?<![\w'’-])(?P<v>[A-Z]{2,}(?:[-'’][A-Z]{2,})*(?:(?:,[ \t]*|[ \t]+)[A-Z][a-z]+"
             r"|,[ \t]*[A-Z]{2,}(?:[ \t]+[A-Z]\.?)?|,[ \t]*[A-Z]\.?))"  # "GUERRERO, ANA M."
             r"(?=[ \t]+(?:(?:1[6-9]|[2-9]\d|1[01]\d)[MF]?\b(?![.,/:]\d|[ \t]*(?:%|mg|mcg|kg|ml"
             r"|mmol))|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|(?:19|20)\d\d\b))", 5,
     capitals_comma_given),
    # A clinic list's surname in capitals and its initial at a booked time: "0900 BARKER T,".
    ("NAME", rf"(?<![\w:.]){BOOKED_TIME}[ \t]+"
             r"(?P<v>[A-Z]{2,}(?:[-'’][A-Z]{2,})*[ \t]+[A-Z])(?=[ \t]*(?:[,;.(\n]|$))", 5,
     surname_and_initial_at_a_time),
    # A caseload's "(major, r)": a surname, a comma and an initial, typed small in brackets.
    ("NAME", r"\((?P<v>[a-z]{3,}(?:['’-][a-z]+)?,[ \t]*[a-z])\)", 5, surname_comma_initial),
    # ... and a surname with its initial before a result or a comma, as a clinic list writes
    # each: "Anderson P. 1.6 on 7mg", "Baker J, Tdap last given 2014" (the judge,
    # phi_capital_names.py, leaves a clinical word: "Smith J," may be a fracture's).
    ("NAME", r"(?<![\w'’.-])(?P<v>[A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?[ \t]+[A-Z](?:\.(?=[ \t]+\d)"
             r"|\.?(?=,)))", 5, surname_and_initial_listed),
    # A surname and a given name in capitals with a comma between, anywhere: "for BAKER,
    # SHAWNA has wrong sig", "BROOKS-MILLER, TANYA needs fusing".
    ("NAME", r"(?<![\w'’-])(?P<v>[A-Z]{2,}(?:[-'’][A-Z]{2,})?,[ \t]*[A-Z]{3,})(?![\w'’-])", 5,
     capitals_surname_given),
    # A given name after the bare word "name", ending the sentence: "… process. name Mercy".
    ("NAME", r"(?i:\bname)[ \t]*[:=-]?[ \t]+(?P<v>[A-Z][a-z]+)(?=[ \t]*(?:[.,;!?)]|$))", 5,
     given_name_after_label),
    ("NAME", rf"(?i:\b(?:bed|bay|rm|room|cubicle|side[ \t]+room)[ \t]*\d{{1,3}}[A-Za-z]?)"
             rf"[ \t]*[-–:,(][ \t]*(?P<v>{_WORD}(?:[ \t]+{_WORD}){{0,2}})", 5, name_beside_bed),
    # Web addresses, IP addresses, device serials: an account, a portal, an implant.
    ("ID", r"(?i:\bhttps?://|\bwww\.)[^\s,;)\]\"'<>]+[^\s,;.)\]\"'<>]", 2, not_a_public_bodys),
    ("ID", r"(?i:\b[\w-]+\.(?:blogspot|wordpress|substack|tumblr|wixsite|weebly)\.com\b)", 2),
    ("ID", r"(?<![\w.])(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)"
           r"(?!\w|\.\d)", 2),  # (a full stop after it ends the sentence)
    ("ID", r"(?<![\w:])(?i:[0-9a-f]{1,4}:){2,7}(?::?[0-9a-f]{1,4}|:)(?::[0-9a-f]{1,4})*(?![\w:])",
     2, _ipv6),
    ("ID", rf"(?i:\bserials?(?:[ \t]+{NO})?|\bser\.[ \t]*{NO}|\bS/?N\b|\bdevice[ \t]+(?:id|{NO}))"
           r"(?:[ \t]*(?i:S/?N\b))?[ \t]*[:#]?[ \t]*(?:(?:L|R)[ \t]+)?"
           # (a pair's, each ear's: "serial L 2304-88917, R 2304-88918"; a frame's struts:
           # "serials TSF-229841 and TSF-229842")
           r"(?P<v>[A-Za-z0-9][A-Za-z0-9-]{3,}(?:,[ \t]*(?:L|R)[ \t]+[A-Za-z0-9-]{4,}"
           r"|,?[ \t]+(?:and|&)[ \t]+(?=[A-Za-z0-9-]*\d)[A-Za-z0-9-]{4,})*)", 2,
     min_digits(3)),
    # A device's own id, letters and digits: "transmitter ID 8G4KLM", "pump SN NG1234".
    ("ID", rf"(?i:\b(?:transmitter|sensor|pump|implant|pacemaker|device|generator|receiver"
           rf"|(?:hearing[ \t]+)?aid|processor)[ \t]+(?:id|s/?n|serial|{NO})"
           r"|\btransmitter|\bsensor)"
           r"[ \t]*[:#]?[ \t]*"
           r"(?!\d+(?:\.\d+)?(?:[a-z]{1,6}|/[a-z]+)\b)"  # not an amount: "sensor 10mm"
           r"(?P<v>(?=[A-Za-z0-9-]*\d)(?=[A-Za-z0-9-]*[A-Za-z])[A-Za-z0-9-]{5,})(?![\w-])", 2),
    # An e-mail spelt out: "jane dot doe at gmail dot com", "dad.brennan [at] icloud [dot] com".
    # (The lookbehind anchors at a token start, as for EMAIL: pasted "a.a.a…" stays linear.)
    ("EMAIL", r"(?i:(?<![\w.+-])[\w.+-]+"
              r"(?:[ \t]+(?:dot|underscore|dash|hyphen)[ \t]+[\w+-]+){0,3}[ \t]+"
              r"(?:at|\[at\]|\(at\))[ \t]+[\w-]+"
              r"(?:[ \t]+(?:dot|\[dot\]|\(dot\))[ \t]+[\w-]+){1,3})", 2, _spelt_email),
    # "jdoe[at]mail.com", "fatima.alsayed{at}gmail{dot}com", "x (at) y (dot) org"
    ("EMAIL", r"(?i:(?<![\w.+-])[\w.+-]+[ \t]*[(\[{]at[)\]}][ \t]*[\w-]+"
              r"(?:(?:\.|[ \t]*[(\[{]dot[)\]}][ \t]*)[\w-]+){1,3})", 2),
    # A web address without its scheme: "livingwithlupus-jen.blogspot.com", "jsmith.net/blog".
    ("ID", r"(?<![\w.@/-])(?:[a-z0-9-]+\.)+(?:com|net|org|info|biz|blog|io|me|co\.uk|org\.uk"
           r"|ly|gl|us|ie|ca|au|nz|app|health)"
           r"(?:/[^\s,;)\]\"'<>]*)?(?![\w.-])", 2,
     not_a_public_bodys),
    ("ID", r"(?i:\bserial(?:[ \t]+(?:no\b\.?|number))?|\bS/?N\b)[ \t]*[:#]?[ \t]*"
           r"(?P<v>[A-Za-z]{1,4}[ \t]\d{2,}(?:[ \t]\d{2,}){0,3})(?![\w-])", 2, min_digits(4)),
    ("NAME", rf"{RELATIVE_CUE}(?P<v>{_WORD}(?:[ \t]+{_WORD}){{0,2}})", 5, name_after_cue),
    # Who signs a message off, alone on its line: "Thanks, Ama", "Kind regards\nJo Burke".
    ("NAME", rf"(?i:\b(?:thanks|thank[ \t]+you|many[ \t]+thanks|regards|best[ \t]+wishes|cheers"
             rf"|sincerely|love))[,.!]?[ \t]*\n?[ \t]*(?P<v>{_WORD}(?:[ \t]+{_WORD}){{0,2}})"
             r"[ \t]*(?=\n|$)", 5, signed_name),
    ("NAME", rf"(?<![\w'’-])(?P<v>{_WORD}(?:[ \t]+{_WORD}){{0,3}}){BEFORE_LABEL}", 5,
     trailing_name),
    # A patient's initials with their age or sex: "Pt JM (62F) presented with a TIA".
    ("NAME", r"(?i:\bpt\b\.?|\bpatient\b)[ \t]+(?P<v>[A-Z]{2,3})"
             r"(?=[ \t]*\(?[ \t]*\d{1,3}[ \t]?(?:[MF]\b|(?i:yo|y/o|yrs?|years?)\b))", 5),
    # ... or opening a case as a write-up quotes it: "'EB, 76M, PMH AF" (not an abbreviation)
    ("NAME", r"(?:^|(?<=['‘\"“(:]))[ \t]*(?P<v>[A-Z]{2,3}),[ \t]*(?=\d{1,3}[ \t]?[MF]\b)", 5,
     initials_not_an_abbreviation),
    # A list's "SURNAME, GIVEN" in capitals before a label: "PARK, JI-HOON  Acct# …".
    ("NAME", rf"(?<![\w'’-])(?P<v>[A-Z]{{2,}}(?:[-'’][A-Z]{{2,}})*,[ \t]*[A-Z]{{2,}}"
             rf"(?:[-'’][A-Z]{{2,}})*(?:[ \t]+[A-Z]\.?)?){BEFORE_LABEL}", 5, _not_tests),

    *AGE_RULES,
    ("ID", rf"(?<![\w.])(?<!\d,)\d{{7,}}(?!\w|[.,]\d|{QUANTITY})", 9, not_a_code),
    # ... and with a check letter after: a Medi-Cal CIN, "91783345B" (not a unit, "U", nor a
    # product's lot: "Lot: 4471209A")
    ("ID", r"(?<![\w.])(?<!\d,)(?<!(?i:lot)[ \t])(?<!(?i:lot):[ \t])\d{7,}[A-TV-Z]"
           r"(?![\w-]|[.,]\d)", 9, not_a_code),
    # A record number or a birth date read out after its label: "m r n four four seven two one
    # nine", "dob one two oh three four seven".
    ("ID", r"(?i:\b(?:m[ \t]?r[ \t]?n|(?:medical[ \t]+)?record[ \t]+(?:number|no)"
           r"|hospital[ \t]+(?:number|no)|n[ \t]?h[ \t]?[si](?:[ \t]+(?:number|no))?"
           r"|u[ \t]?r[ \t]+(?:number|no)|d[ \t]?o[ \t]?b|date[ \t]+of[ \t]+birth)"
           r"(?:[ \t]+(?:is|was))?[ \t]*[:=]?[ \t]*)"
           rf"(?P<v>{DIGIT_WORD}(?:[ \t,-]+{DIGIT_WORD}){{3,}})\b", 9),
    # Letters and digits read out one by one after an identifier's label: "postcode m twenty
    # one nine x y", "reg w four one seven x k d", "serial r s nine seven seven two one four",
    # "medicaid id N W 4 4 1 8 9 7 2"; a record number in groups: "mrn 66 21 009".
    ("ID", r"(?i:\b(?:post[ \t]*code|zip(?:[ \t]*code)?"
           r"|reg(?:istration)?(?:[ \t]+(?:plate|number|no))?"
           r"|(?:number[ \t]+)?plate|serial(?:[ \t]+(?:number|no|nr))?"
           r"|(?:medicaid|medicare|member|nhs|insurance|hosp(?:ital)?|prison|device|policy)"
           r"[ \t]+(?:id|number|no|nr))(?:[ \t]+(?:is|was))?[ \t]*[:#=]?[ \t]*)"
           rf"(?P<v>(?i:(?:[a-z]|\d{{1,4}}|{DIGIT_WORD}|{SPOKEN_TWO})"
           rf"(?:[ \t]+(?:[a-z]|\d{{1,4}}|{DIGIT_WORD}|{SPOKEN_TWO})){{3,}}))\b", 9),
    ("ID", r"(?i:\bm[ \t]?r[ \t]?n[ \t]*[:#=]?[ \t]*)(?P<v>\d{2,4}(?:[ \t]+\d{2,4}){1,3})(?![\w.])",
     9, min_digits(6)),
    # A national or health number after another country's label: "DNI 50123874K", "CPF
    # 214.587.903-44", "codice fiscale BNCGPP40A01L219X", "número de utente 284 117 903".
    ("SSN", r"(?i:\b(?:DNI|NIE|CPF|CURP|PESEL|NIR|RUT|codice[ \t]+fiscale|tarjeta[ \t]+sanitaria"
            r"|n[úu]mero[ \t]+de[ \t]+utente|carte[ \t]+(?:vitale|d['’]assurance[ \t]+maladie)"
            r"|tessera[ \t]+sanitaria|cart[ãa]o[ \t]+(?:do[ \t]+)?SUS|versichertennummer"
            r"|krankenkassennummer)\b)"
            r"(?:[ \t]+(?:dela|dele|della|(?:de|da|do|del|di)(?:[ \t]+\w+){1,2}))?"
            r"(?:[ \t]+(?:es|é|est|is|ist|è))?[ \t]*(?:n[º°o]\.?)?[ \t]*[:#]?[ \t]*"
            r"(?P<v>(?=[A-Z0-9. -]*\d)[A-Z0-9](?:[A-Z0-9.-]|[ ](?=[A-Z0-9]*\d)){5,22}[A-Z0-9])"
            r"(?![\w-])", 0, min_digits(5)),
    # An Australian landline with its area code apart: "07 3842 2901".
    ("PHONE", r"(?<![\w+.])0[2378][ \t]\d{4}[ \t]\d{4}(?!\w|[.,]\d|[ \t]\d)", 3),
    # A birth date run into a file's name: "Smith_M_DOB160372_mole1.png".
    ("DATE", r"(?i:(?<![^\W_])DOB)[-_]?(?P<v>\d{6}(?:\d{2})?)(?!\d)", 4),
    # A French number in pairs: "06 48 21 93 07".
    ("PHONE", r"(?<![\w+.])0[1-9](?:[ .]\d{2}){4}(?!\w|\.\w|[ .]\d)", 3),
    # A Belgian mobile, four then pairs: "0471 23 45 67", "0476/12.34.56".
    ("PHONE", r"(?<![\w+./])0\d{3}[ ./]\d{2}(?:[ .]\d{2}){2}(?!\w|\.\w|[ .]\d)", 3,
     not_a_service_line()),
    # An age over 89 in the words of another language, or of English learnt from one: "91
    # anos", "97 anni", "93 taong gulang", "has 92 years".
    ("ID", rf"(?<![\w.]){AGE}(?:[ \t]*(?i:años|anos|ans|jahre|anni|lat|tuổi|tuoi|taong?|saal"
           rf"|sal|de[ \t]+ani|ani|jaar|år|ára|yaş|ετών|{AGE_UNITS})\b"
           r"|[ \t]?(?:[歳才岁歲]|세|살)"  # ("98歳", "93岁", "91세")
           # ("92-jährige", "92-jarige")
           r"|-?(?i:jährig|jarig|årig|åring|vuotia)\w*)", 5, value, AGE_PLACEHOLDER),
    ("ID", rf"(?i:\b(?:has|have|had|tiene|tem|ha|hat|ay)[ \t]+){AGE}(?=[ \t]+(?i:years?)\b)",
     5, value, AGE_PLACEHOLDER),
    # ... and after the word for years in the Bantu languages of southern Africa: "dingwaga di
    # le 91" (Setswana), "dilemo tse 93" (Sesotho), "uneminyaka engu-95" (isiZulu), "iminyaka
    # eyi-92" (isiXhosa), "makore 94" (Shona).
    ("ID", rf"(?i:\b(?:\w*minyaka|dingwaga|dilemo|makore)(?:[ \t]+(?:di[ \t]+le|tse|e[ \t]+le))?"
           rf"[ \t]+(?:engu|eyi|engama|angama|ama)?-?){AGE}\b", 5, value, AGE_PLACEHOLDER),
    # A Vietnamese date: "ngày 5 tháng 6 năm 2024", "20 tháng 12".
    ("DATE", r"(?i:\b\d{1,2}[ \t]+tháng[ \t]+\d{1,2}(?:[ \t]+năm[ \t]+\d{4})?)\b", 4),
    # A number read out in words: "oh seven seven double oh nine …", "five two one, four four".
    # (A hundred said inside one: "oh seven seven double oh nine hundred four four one".)
    ("ID", rf"(?i:\b{DIGIT_WORD}(?:[ \t,-]+(?:{DIGIT_WORD}|hundred)){{6,}})\b", 9),
])
# fmt: on
