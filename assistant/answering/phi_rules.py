"""The patterns that find identifiers in a typed question, one rule per kind and form.

A rule is a pattern, a rank that breaks ties between equally long overlapping matches, and a
function that accepts a match (returning the span to replace) or rejects it ("20/20/20" is no
date, "temp 99 F" no age). assistant/answering/phi.py runs them and chooses among the matches;
assistant/answering/phi_names.py and assistant/answering/phi_name_spans.py find names,
assistant/answering/phi_dates.py says which dates are a person's and
assistant/answering/phi_addresses.py which streets and towns are someone's.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from assistant.answering.phi_addresses import street_name, street_words, town_after_postcode
from assistant.answering.phi_dates import (
    DATE,
    FOREIGN_MONTH,
    MONTH_ANY_CASE,
    MONTH_SAID,
    NOT_A_DOSE,
    ORD_WORD,
    day_month,
    over_89_year,
    persons_date,
    persons_date_only,
    plausible_date,
    six_digit_date,
    value,
)
from assistant.answering.phi_names import (
    BEFORE_LABEL,
    DEMOGRAPHIC,
    LETTERS,
    OTHER_SCRIPT,
    RELATIVE_CUE,
    STOP,
    Span,
    capital_name_opening,
    capitals_after_title,
    capitals_given_and_surname,
    capitals_pair,
    initial_and_surname,
    initials_in_bed,
    listed_name,
    listed_pair,
    name_after_cue,
    name_beside_bed,
    name_list,
    names_after,
    names_before,
    surname_and_initials,
    trailing_name,
)
from assistant.answering.phi_numbers import (
    REFERENCE,
    a_plate,
    a_reference,
    digits_between,
    min_digits,
    not_a_code,
    not_a_document,
    not_a_products_lot,
    not_a_public_bodys,
)
from assistant.answering.phi_spoken import (
    DIGIT_WORD,
    NOT_AN_AMOUNT,
    SPOKEN_DAY,
    SPOKEN_NUMBER,
    SPOKEN_TWO,
    SPOKEN_YEAR,
    WORD_AGE,
    spoken_age_alone,
)
from assistant.answering.phi_words import clinical_words

AGE_PLACEHOLDER = "[AGE-90+]"

# --- building blocks -----------------------------------------------------------------------
# Latin-1 letters too, so "José Álvarez" is a name, and Māori's macron vowels ("Whangārei")
_UP, _LO = "A-ZÀ-ÖØ-ÞĀĒĪŌŪ", "a-zß-öø-ÿāēīōū"
_SEP = r"[ \t]*(?:[:#=]|\bis\b)?[ \t]*"  # label to value: "MRN: x", "MRN is x", "record #x"
_NO = r"(?:number|no\b\.?|nr\b\.?|\#)"
_LABELLED = r"(?P<v>[A-Za-z]{0,3}-?\d(?:[\d-]*\d)?)(?![\w-])"  # "A1234567", "55-12-9"
# A record number as hospitals in many countries write it, in groups joined by slashes or
# dashes, letters among them: "UCH/14/20931", "37/5521", "AH-MRD-661208", "2024-OPD-55178".
_RECORD = r"(?P<v>(?=[A-Za-z0-9/-]*\d)[A-Za-z0-9]+(?:[/-][A-Za-z0-9]+){0,4})(?![\w/-])"
# ... or in spaced groups, each with a digit: "8823 4410", "K88241".
_SERVICE_NUMBER = (
    r"(?P<v>(?=[A-Za-z0-9/-]*\d)[A-Za-z0-9]+(?:[/-][A-Za-z0-9]+|[ ](?=[A-Za-z]{0,3}\d)"
    r"[A-Za-z0-9]+){0,4})(?![\w/-])"
)
# A member or beneficiary id in groups, each with a digit after an optional letter prefix:
# "1EG4-TE5-MK73", "AB12345C", "AET 8827 3391 02", "P-20918-77".
_GROUPED = (
    r"(?P<v>(?:[A-Za-z]{1,4}[ -]?)?\d[\dA-Za-z]*(?:[ -](?=[\dA-Za-z]*\d)[\dA-Za-z]+){0,4}"
    r"(?:-[A-Za-z]{1,3})?)(?![\w-])"  # a version code after the digits: "4532-281-907-KT"
)
_UK_PC = r"[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2}\b"
_POSTAL = rf"(?:[A-Z]{{2}}[ \t]+)?(?:\d{{5}}(?:-\d{{4}})?\b|{_UK_PC})"
_STREET = (
    r"(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Boulevard|Blvd|Court|Ct|Close|Way"
    r"|Place|Pl|Crescent|Cres|Terrace|Gardens|Square|Sq|Parkway|Pkwy|Highway|Hwy|Mews|Grove"
    r"|Parade|Pde|Esplanade|Walk|Row|Loop|Trail|Circle|Cir)\b"
)
_STATES = (
    "AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH"
    "|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY"
)
CITY = rf"[{_UP}][{_LO}]+(?:[ \t][{_UP}][{_LO}]+){{0,2}}"
_ADDRESS = (
    rf"\b\d{{1,5}}[A-Z]?[ \t]+(?:[A-Z][A-Za-z'’-]+[ \t]+){{1,3}}{_STREET}"
    r"(?:[ \t]+(?:NW|NE|SW|SE|N|S|E|W)\b)?"
    # A city only when a postcode or punctuation follows, so "12 Oak Rd, Insulin dose?" does
    # not swallow the clinical word after the comma.
    rf"(?:,[ \t]*{CITY}(?=[ \t]*(?:[,.;]|$)|,?[ \t]+{_POSTAL})){{0,2}}"
    # a town and its four-digit postcode (Australia, New Zealand, South Africa): "Otara,
    # Auckland 2023"
    rf"(?:,?[ \t]*{_POSTAL}|,[ \t]*{CITY}[ \t]+\d{{4}}\b)?"
)
# A name word: "Smith", "McDonald", "O'Neil", "Smith-Jones", an initial "J."; all-capital
# tokens (ICU, DNR, ID) are not names. A possessive "'s" ends the word without joining it.
_WORD = (
    rf"(?:[{_UP}][{_LO}]+(?:[{_UP}][{_LO}]+)?|[{_UP}]['’][{_UP}][{_LO}]+|[{_UP}]\.?)"
    rf"(?:-[{_UP}][{_LO}]+)?(?=['’]s\b|[^\w'’-]|$)"
)
_NAME_CUE = (
    r"(?:(?i:\bpt\b\.?|\bpatient\b[,:]?)(?:[ \t]+(?i:called|named))?[ \t]+"
    r"|\b(?:Mrs|Mr|Ms|Miss|Mx|Dr|Prof)\b\.?[ \t]+|(?i:\bname)[ \t]*[:\-–][ \t]*"
    # titles and naming words of other languages: "Sra. Delgado", "Herr Becker", "Mme
    # Leroy", "se llama Arturo Peña", "anak kong si Jomar"
    r"|\b(?:Sra|Srta|Sr|Dña|Doña|Don|Herr|Frau|Mme|Mlle|Sig\.ra|Sig|Pani|Pan|Shri|Smt)\b\.?[ \t]+"
    # honorifics of West Africa, South Asia and the churches: "Alhaji Musa Bello", "Sardar
    # Gurpreet Singh", "Pastor Adeyemi", "Revd Okafor"
    r"|\b(?:Alhaji|Alhaja|Mallam|Sardar|Sri|Pastor|Revd?|Madam)\b\.?[ \t]+"
    r"|(?i:\bse[ \t]+llama|\bllamad[oa]|\bs['’]appelle|\bse[ \t]+chama|\bchamad[oa]"
    r"|\bheißt|\bsi[ \t]+chiama|\bnazywa[ \t]+się)[ \t]+|\b(?:si|ni)[ \t]+"
    # a form's label for the person it is about: "Client: Peter Lau", "Resident - …"
    r"|(?i:\b(?:client|resident|service[ \t]+user|consumer))[ \t]*[:\-–][ \t]*"
    # what someone is called: "(goes by Rosie)", "known as Bee"
    r"|(?i:\bgoes[ \t]+by|\bknown[ \t]+as|\b(?:prefers|likes)[ \t]+to[ \t]+be[ \t]+called)[ \t]+"
    r"|(?i:\b(?:patient|pt)(?:['’]s)?[ \t]+name(?:[ \t]+is)?)[ \t]*[:\-–]?[ \t]*"
    # "surname is actually Nurse", "maiden name Okafor"
    r"|(?i:\b(?:sur|first|last|given|family|maiden|middle)[ \t]?name(?:[ \t]+(?:is|was))?"
    r"(?:[ \t]+(?:actually|really|now))?)[ \t]*[:\-–]?[ \t]*)"
)
_AGE = r"(?P<v>9\d|1[01]\d)"
# What happened to a patient, before its month and year ("diagnosed 11/2019", "admitted in
# August 2024"): a document's "updated" or "reviewed" is not among them.
_HAPPENED = "admitted|discharged|diagnosed|dx|delivered|seen|started|stopped|onset|fell|surgery"
_DASH = r"(?:[ \t]*-[ \t]*|[ \t]+)"
# A bare run of 7+ digits is an identifier unless it is a quantity ("2400000 units").
_QUANTITY = r"[ \t]*(?i:units?|iu|mg|mcg|micrograms?|ml|cells|copies|/)"


def _ipv6(m: re.Match[str]) -> Span | None:
    """Eight hex groups, or fewer with "::": not a time ("10:30") or a ratio ("1:1000")."""
    text = m.group()
    groups = [g for g in text.split(":") if g]
    hexy = any(re.search(r"[a-f]", g, re.I) for g in groups) or "::" in text
    return m.span() if hexy and len(groups) >= 3 else None


# How an address is read out: its last part ("… dot ie") and the words joining its first part
# ("m underscore oconnor").
_SPELT_DOMAINS = "com|net|org|edu|gov|co|uk|io|me|info|ca|au|ie|nz|de|fr|es|it|nl|in|us|za|sg"
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


def _not_a_temperature(m: re.Match[str]) -> Span | None:
    before = m.string[max(0, m.start() - 20) : m.start()]
    if m.group().rstrip().endswith(("F", "f")) and re.search(r"(?i)temp|fever|pyrex|°", before):
        return None
    return value(m)


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
    ("SSN", rf"(?i:\bSSN|\bSS[ \t]*\#|\bsocial(?:[ \t]+security)?(?:[ \t]+{_NO})?"
            rf"|\bsoc\.?[ \t]+sec\.?(?:[ \t]+{_NO})?){_SEP}"
            r"(?P<v>\d{3}[-. ]?\d{2}[-. ]?\d{4})(?!\d)", 0),
    # Canada's SIN and Australia's tax file number (TFN): nine digits, in threes or not.
    ("SSN", r"(?i:\bSIN|\bTFN|\btax[ \t]+file[ \t]+(?:number|no\b\.?)"
            r"|\bsocial[ \t]+insurance(?:[ \t]+number)?)[ \t]*[:#,]?[ \t]*"
            r"(?P<v>\d{3}[- ]?\d{3}[- ]?\d{3})(?!\d)", 0),
    # Unlabelled, in its 3-2-4 grouping with dashes, spaces or dots: 123-45-6789, 627 81 4410.
    ("SSN", r"(?<![\w.-])\d{3}([-. ])\d{2}\1\d{4}(?![\w-]|[.,]\d)", 1),
    # Its last four, as identity is checked on the phone: "SSN ending 0921", "last 4 of social
    # 2290", "last four SSN 7718"; and a masked one, "xxx-xx-3392".
    ("SSN", rf"(?i:(?:\blast[ \t]+(?:4|four)(?:[ \t]+digits)?[ \t]+"
            rf"(?:of[ \t]+(?:(?:the|her|his|their)[ \t]+)?)?)?"
            rf"(?:\bSSN|\bSS[ \t]*\#|\bsocial(?:[ \t]+security)?(?:[ \t]+{_NO})?)"
            r"(?:[ \t]+(?:ending(?:[ \t]+in)?|last[ \t]+(?:4|four))"
            r"|[ \t]*\([ \t]*last[ \t]+(?:4|four)[ \t]*\))?"
            r"(?:[ \t]+(?:is|was))?)[ \t]*[:#=-]?[ \t]*(?P<v>\d{4})(?![\d/.:-])", 0),
    ("SSN", r"(?<![\w-])(?i:[x*#]{3}[- ]?[x*#]{2}[- ]?)\d{4}(?![\w-])", 0),
    # Other countries' national numbers: an Irish PPSN "1234567TA", an Indian Aadhaar
    # "4821 7730 1968", a UK National Insurance number "QQ 12 34 56 C".
    ("SSN", r"(?i:\bPPSN?\b(?:[ \t]+(?:no\b\.?|number))?)[ \t]*(?:[:#]|\bis\b)?[ \t]*"
            r"(?P<v>\d{7}[A-Za-z]{1,2})\b", 0),
    # Singapore's NRIC or FIN: a letter, seven digits and a check letter ("S4812356F").
    ("SSN", r"(?<![\w-])[STFGM]\d{7}[A-Z](?![\w-])", 0),
    ("SSN", r"(?i:\baadhaa?r(?:[ \t]+(?:no\b\.?|number|card))?)[ \t]*(?:[:#]|\bis\b)?[ \t]*"
            r"(?P<v>\d{4}[ -]?\d{4}[ -]?\d{4})(?!\d)", 0),
    ("SSN", r"(?<![\w-])[A-CEGHJ-PR-TW-Z]{2}[ \t]?\d{2}[ \t]?\d{2}[ \t]?\d{2}[ \t]?[A-D]"
            r"(?![\w-])", 1),
    # … and any two letters after its label ("NI number QQ 12 34 56 C", the forms' example).
    ("SSN", r"(?i:\bNI[ \t]+(?:no\b\.?|number)|\bNINO\b|\bnational[ \t]+insurance(?:[ \t]+"
            r"(?:no\b\.?|number))?)[ \t]*[:#]?[ \t]*(?P<v>[A-Z]{2}[ \t]?\d{2}[ \t]?\d{2}[ \t]?"
            r"\d{2}[ \t]?[A-D])(?![\w-])", 0),
    # An individual health identifier (Ireland, Australia): sixteen digits in fours.
    ("MRN", r"(?i:\bIHI\b(?:[ \t]+(?:no\b\.?|number))?)[ \t]*[:#]?[ \t]*"
            r"(?P<v>\d{4}[ -]?\d{4}[ -]?\d{4}[ -]?\d{4})(?!\d)", 0),
    ("MRN", rf"(?i:\bNHS(?:[ \t]+{_NO})?){_SEP}(?P<v>\d{{3}}[ -]?\d{{3}}[ -]?\d{{4}})(?!\d)", 1),
    # In spaced groups, as a health card prints it: "PHN 9876 543 210", "MRN 4471 023 118".
    ("MRN", r"(?i:\bMRN|\bPHN)\b[ \t]*[:#]?[ \t]*(?P<v>\d{3,5}(?:[ \t]\d{3,4}){1,3})(?![\w.-])", 0),
    ("MRN", rf"(?i:\bMRN|\bMR[ \t]*(?:\#|no\b\.?)|\bmedical[ \t]+record(?:[ \t]+{_NO})?"
            rf"|\b(?:hospital|hosp|unit|case|record|CHI)[ \t]*{_NO}|\bmed(?:ical)?[ \t]+rec\b"
            r"|\bURN?\b|\bABHA\b|\bUHID\b|\bIHI\b|\b(?:EMIS|SystmOne|practice|folder)[ \t]*"
            rf"(?:{_NO}|id\b)"
            rf"|\bpatient[ \t]+(?:ID|identifier|{_NO})){_SEP}{_LABELLED}", 1,
     min_digits(4)),
    # ... and in groups with slashes or letters, after a record's label (India's in-patient,
    # out-patient and records department numbers among them): "hosp no GGH/22/1457", "Folder:
    # 37/5521", "IPD 24/7781", "MRD No: AH-MRD-661208", "reg no 2024-OPD-55178".
    ("MRN", rf"(?i:\b(?:hospital|hosp|unit|case|record|registration|reg|folder|file)[ \t]*{_NO}"
            rf"|\bfolder\b|\b(?-i:IPD?|OPD|MRD|UHID|MRN|ICN)\b(?:[ \t]*{_NO})?){_SEP}{_RECORD}", 1,
     min_digits(4)),
    ("ID", rf"(?i:\bmedicare|\bmedicaid|\bMBI\b|\bHICN?\b|\bNHI\b|\bOHIP\b|\bhealth[ \t]+card"
           r"|\bPHN\b|\bpersonal[ \t]+health[ \t]+(?:number|no\b\.?)|\bRAMQ\b"
           r"|\bmedical[ \t]+card|\baccession"
           rf"|\blot(?:[ \t]+{_NO})?|\b(?:pt|patient)[ \t]+id"
           rf"|\bchart(?=[ \t]*(?:{_NO}|id\b|:|[A-Za-z]{{0,3}}-?\d))"
           rf"|\b(?:insurance|policy|member|subscriber|beneficiary)[ \t]+(?:id|{_NO})|\bid\b"
           r"|\binsurance[ \t]+policy)"
           rf"[ \t]*(?i:{_NO}|id\b)?{_SEP}{_GROUPED}", 1, not_a_products_lot),
    # A Medicare beneficiary identifier without its label: 1EG4-TE5-MK73.
    ("ID", r"(?<![\w-])[1-9][A-Z][A-Z\d]\d-?[A-Z][A-Z\d]\d-?[A-Z]{2}\d{2}(?![\w-])", 1),
    # A payer's number after its holder's word alone: "Aetna member W2281934701".
    ("ID", r"(?i:\b(?:member|subscriber|beneficiary|policy|insurance|medicaid|medicare)\b)"
           r"[ \t]*[:#]?[ \t]*(?P<v>[A-Za-z]{0,3}\d{6,}[A-Za-z\d]*)(?![\w-])", 1),
    ("ID", rf"(?i:\bacct\b\.?|\baccount[ \t]+{_NO}|\b(?:insurance|policy|member|claim)[ \t]+"
           rf"(?:ID|{_NO})|\bID[ \t]*(?:{_NO}|:)){_SEP}{_LABELLED}", 1,
     not_a_document(min_digits(4))),
    # A record about one person, after the word for it: "Claim 4471-22-90815", "invoice
    # INV-2024-55817", "passport AK0927714", "driving licence NAIR9755129PN9XY", "birth
    # certificate no. B-2023-118402", "sample BT24-33018", "user 9QK2HX", "UBRN 0001 2345 6789".
    ("ID", rf"(?i:\b(?:claim|invoice|account|group|booking|template|photo|licen[cs]e|passport"
           rf"|visa|permit|certificate|card|sample|specimen|user(?:name)?|UBRN|(?-i:DL))\b"
           rf"(?:[ \t]+(?:ref(?:erence)?\b|id\b|{_NO}))?){_SEP}{REFERENCE}", 1, a_reference),
    # A prescription's or a booking's reference: "Rx ref 55-091827", "referral no. 4471"; a
    # "ref" alone before five digits or more, "ref POD-33418" (a device's "REF 320118" in
    # capitals is its catalogue number, "ref: ED-PGD-07" a document's).
    ("ID", rf"(?i:\b(?:rx|prescription|script|referral|booking)[ \t]+(?:ref(?:erence)?\b\.?|{_NO}))"
           rf"{_SEP}{REFERENCE}", 1, a_reference),
    ("ID", rf"\b(?:ref|Ref)\b\.?(?:[ \t]+(?i:no\b\.?|number|\#))?{_SEP}{REFERENCE}", 1,
     min_digits(5)),
    # ... written with slashes, or after the whole word: "Complaint ref C/2024/1187",
    # "reference CMP/LASUTH/24/119" (not "reference range 3.5-5.0").
    ("ID", rf"\b(?:[Rr]ef(?:erence)?)\b\.?(?:[ \t]+(?i:no\b\.?|number|\#))?{_SEP}{_RECORD}", 1,
     not_a_document(min_digits(5))),
    # A national health insurance number (Nigeria's NHIA, Ghana's NHIS) and an insurer's
    # approval for one patient's care: "NHIA no 21100488712/0", "hmo approval code
    # AXA/PA/88312", "pre-auth no. 55-1102".
    ("ID", rf"(?i:\b(?:NHIA|NHIS)(?:[ \t]+(?:id\b|card|{_NO}))?"
           rf"|\b(?:approval|authori[sz]ation|pre-?auth(?:ori[sz]ation)?)[ \t]+(?:code|id\b|{_NO}))"
           rf"{_SEP}{_RECORD}", 1, min_digits(4)),
    # The numbers the services a patient passes through give him: "EDIPI 1402958831", "service
    # number 857421", "Prisoner No: 91244", "Inmate: K88241", "PNC ID: 85/112934X", "GMS no
    # 8734621M", "UHIP # 9932-118-44", "CHAMPVA # 23-114-9987", "VAC client # 1234-567", "UCI
    # 11-2233-4455", "IFHP cert IFH-88213", "wristband # 2025-33871", "OSHC membership number
    # 8823 4410".
    ("ID", rf"(?i:\bEDIPI\b|\bDoD[ \t]+ID\b|\bservice[ \t]+{_NO}|\b(?:prisoner|inmate|detainee)\b"
           rf"(?:[ \t]*(?:id\b|{_NO}))?|\bPNC(?:[ \t]+ID)?\b|\bGMS[ \t]*{_NO}|\bUHIP\b|\bCHAMPVA\b"
           rf"|\b(?:VAC[ \t]+)?client[ \t]*(?:id\b|{_NO})|\bUCI\b|\bIFHP(?:[ \t]+cert(?:ificate)?)?"
           rf"|\bwristband[ \t]*{_NO}|\bmembership[ \t]+{_NO}|\bOSHC\b(?:[ \t]+{_NO})?)"
           rf"[ \t]*(?:{_NO})?{_SEP}{_SERVICE_NUMBER}", 1, min_digits(4)),
    # A trial participant's numbers, a transplant's and a blood unit's, an attendance's:
    # "subj 2207 =", "randomisation number 17-0456", "(scr 0773)", "recipient number
    # R-2024-0331", "cord blood unit CBU-SG-00412", "A&E no. 2025-ED-44821", a German
    # insurance number ("versichertennr. A123456780").
    ("ID", rf"(?i:\b(?:subj(?:ect)?|participant|ppt|randomi[sz]ation|rand|screening|scr|kit"
           rf"|recipient|donor|(?:cord[ \t]+blood[ \t]+)?unit|A&E|attendance)\b\.?"
           rf"(?:[ \t]+(?:id\b|{_NO}))?|\bversicherten(?:nr|nummer)\b\.?)"
           rf"{_SEP}{_RECORD}", 1, min_digits(4)),
    # A portal's or an app's user name: "username is bigdave_1958", "User: participant.pwright88".
    ("ID", r"(?i:\b(?:user[ \t]*name|user|login|portal[ \t]+(?:id|user(?:name)?))(?:[ \t]+is)?)"
           r"[ \t]*:?[ \t]*(?P<v>[A-Za-z][A-Za-z0-9]*[._][A-Za-z0-9._]*\d[A-Za-z0-9._]*"
           r"|[A-Za-z]+_[A-Za-z0-9_]+)(?![\w.@-])", 1),
    # A fingerprint's or a face image's reference: "Fingerprint ref (IDENT1): 22Q-778341",
    # "FPS no. (fingerprint): 8834127D".
    ("ID", rf"(?i:\b(?:fingerprint|iris|retinal|voice(?:print)?|facial[ \t]+image|face[ \t]+image)"
           rf"(?:[ \t]+(?:scan|image|photo|template))?[ \t]+(?:ref(?:erence)?"
           rf"|id\b|{_NO})|\bFPS[ \t]*{_NO})\.?(?:[ \t]*\([^)\n]{{1,20}}\))?{_SEP}{_RECORD}", 1,
     min_digits(4)),
    # The last four digits of a Social Security number: "Last 4: 6620", "SSN last four 2291".
    ("SSN", r"(?i:\b(?:SSN[ \t]+)?last[ \t]*(?:4|four)(?:[ \t]+(?:of[ \t]+)?(?:SSN|SS\#?))?)"
            r"[ \t]*[:#]?[ \t]*(?P<v>\d{4})(?![\w/-])", 1),
    # Where a patient lives inside an institution: a ship's cabin, a cell on a form ("Cell:
    # 4B-17", "Pod C, cell 112"), a room in a hall of residence ("Hartley Hall rm 412", "rm
    # 305, Lakeview Hall", "Dorm: Reid Hall, room 318").
    ("ADDRESS", r"(?i:\bcabin)[ \t]*[:#]?[ \t]*(?P<v>\d{3,5}[A-Z]?)(?![\w/-])", 3),
    ("ADDRESS", r"(?:\bCell[ \t]*[:#][ \t]*|(?i:\bpod[ \t]+[A-Z0-9]{1,2},?[ \t]+cell[ \t]+))"
                r"(?P<v>[A-Z0-9]{1,3}(?:-[A-Z0-9]{1,3})?)(?![\w/-])", 3, min_digits(1)),
    ("ADDRESS", r"(?i:\b(?:hall|dorm|residence|res)\b[^.?!\n]{0,30}?\b(?:rm|room)\b)"
                r"[ \t]*#?[ \t]*(?P<v>\d{2,4}[A-Z]?)(?![\w/-])", 3),
    ("ADDRESS", r"(?i:\b(?:rm|room)\b)[ \t]*#?[ \t]*(?P<v>\d{2,4}[A-Z]?)"
                r"(?=,?[ \t]+[A-Z][a-z]+[ \t]+(?:Hall|House|Residence|Lodge)\b)", 3),
    # A complaint's, grievance's or incident report's number, which names the patient it is
    # about: "Grievance G-2024-0412", "Patient relations file PR-24-3318", "RL6 #2024-5512".
    ("ID", rf"(?i:\b(?:complaint|grievance|PALS|concern|incident|datix|medico-?legal)"
           rf"(?:[ \t]+(?:case|file|report|ref(?:erence)?\b\.?|id\b|{_NO}))?"
           r"|\bpatient[ \t]+relations[ \t]+file|\bRL6\b)"
           rf"[ \t]*(?:[:#=]|\bis\b)?[ \t]*{_RECORD}", 1, a_reference),
    # The code that opens a patient's door: "buzzer code 1702", "key safe 4471", "keysafe
    # code is 2580".
    ("ID", r"(?i:\b(?:(?:key[ \t]*safe|buzzer)(?:[ \t]+code)?|(?:door|entry|gate|access)[ \t]+code)"
           r"(?:[ \t]+is)?)[ \t]*:?[ \t]*(?P<v>\d{4,6})(?![\w/-]|[.,]\d)", 1),
    # A police or safeguarding case, by its reference: "case ref TU-DUB-2025-0772", "crime
    # no. 01/55123/24", "custody number 4471", "MASH ref 22-1180", "CAD 1123" (the police
    # log's number; "CAD" before four digits or more, no year, is no heart disease).
    ("ID", rf"(?i:\b(?:case|crime|custody|incident|safeguarding|MASH|police|log)[ \t]+"
           rf"(?:ref(?:erence)?\b\.?|id\b|{_NO})|\bcustody[ \t]+record"
           rf"|(?-i:\bCAD\b)(?:[ \t]+{_NO}|(?=[ \t]+(?!(?:19|20)\d\d\b)\d)))"
           rf"{_SEP}(?P<v>[A-Za-z0-9]+(?:[-/][A-Za-z0-9]+)*)(?![\w-])", 1, a_reference),
    # A vehicle: "plate WX71 KPL", "rego 1AB 2CD", "car reg NU19 OTB", "VIN JH2RC5005LM200117".
    # (and a car "registered ZQX-412")
    ("ID", r"(?i:\b(?:plate|rego|reg(?:istration)?(?:[ \t]+(?:no\b\.?|number|plate))?|VIN"
           r"|(?:car|vehicle|van)[ \t]+registered(?:[ \t]+as)?"
           r"|chassis(?:[ \t]+no\b\.?)?))[ \t]*[:#]?[ \t]*"
           r"(?P<v>[A-Z0-9]{1,4}(?:[ -]?[A-Z0-9]{1,4}){1,2}|[A-HJ-NPR-Z0-9]{17}"
           r"|(?i:[a-z]{2}\d{2}[ ]?[a-z]{3}))(?![\w-])", 1,
     a_plate),
    # A UK plate of today's form without its label, in capitals: "KX21 PLO" (two letters, the
    # year's two digits, a space, three letters: no postcode, code or dose reads so).
    ("ID", r"(?<![\w-])[A-Z]{2}\d{2} [A-Z]{3}(?![\w-])", 1),
    # A hospital or record number without its label: letters then six or more digits.
    # (not a trial's registration: "NCT05567890", "ISRCTN12345678")
    ("MRN", r"(?<![\w-])(?!NCT\d{8}\b|ISRCTN\d)[A-Z]{2,4}\d{6,}(?![\w-])", 2),
    # A year of birth making the patient over 89 (HIPAA keeps such years too): "born 1929".
    ("DOB", r"(?i:\bborn(?:[ \t]+in)?)[ \t]+(?P<v>19[0-3]\d)\b", 1),
    # A year alone that makes its person over 89 ("wristband says 1932"): HIPAA keeps every
    # element of such a date. (No clinical number reads as a year before the 1940s.)
    ("DOB", r"(?<![\w./:-])(?P<v>19[0-3]\d)(?![\w/:-]|[.,]\d)", 6, over_89_year),
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
    ("EMAIL", r"(?<![\w.%+-])[\w.%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}", 2),
    # US: (555) 123-4567, 555-123-4567, +1 555 123 4567. UK: 020 7946 0958, 07700 900123.
    ("PHONE", r"(?<![\w+/])(?:\+?1[ .-]?)?(?:\(\d{3}\)[ ]?|\d{3}[ .-])\d{3}[ .-]\d{4}(?!\d)", 3),
    # Seven digits, as in-house and fictional (555) numbers are given: 555-0187 x204.
    ("PHONE", r"(?<![\w+./-])\d{3}[ .-]\d{4}(?:[ \t]*(?i:x|ext\.?)[ \t]*\d{1,5})?"
              r"(?![\w-]|[.,/]\d)", 3, not_a_code),
    ("PHONE", r"(?<![\w+./-])(?:\+?1[ .-]?)?(?:\(\d{3}\)[ ]?|\d{3}[ .-])\d{3}[ .-]\d{4}"
              r"[ \t]*(?i:x|ext\.?)[ \t]*\d{1,5}(?!\d)", 3),
    ("PHONE", r"(?<![\w+.])0\d{2,4}[ -]?\d{3,4}[ -]?\d{3,4}(?!\d)", 3, digits_between(10, 11)),
    ("PHONE", r"(?<![\w+])\+\d{1,3}(?:[ .-]?\(0\))?[ .-]?\d{1,5}(?:[ .-]?\d{2,5}){1,3}(?!\d)", 3,
     digits_between(9, 15)),
    # After a word for calling or a phone's number, any grouping of 7 to 15 digits: "son's
    # number 9123 4567 (HK)", "mobile 0412 345 678".
    ("PHONE", r"(?i:\b(?:tel|phone|ph|mob|mobile|cell|landline|whatsapp|call|ring|fax|telefon"
              r"|tel[ée]fono|telefone|t[ée]l[ée]phone|m[óo]vil|celular|portable|rappeler[ \t]+au"
              r"|numer[ \t]+telefonu)\b\.?"
              r"|(?:['’]s|\bhome|\bwork|\bcontact|\bphone|\bmobile)[ \t]+(?:number|no\b\.?))"
              r"(?:[ \t]+(?:on|at|is))?[ \t]*[:#]?[ \t]*"
              r"(?P<v>\+?\(?\d[\d \t().-]{5,18}\d)(?![\w/]|[.,]\d)",
     3, digits_between(7, 15)),
    ("ADDRESS", _ADDRESS, 3),
    # "44 oak street", "201 East 3rd Street", "44 oak st": in any case with the street words
    # nothing else means; "27 kingsley court" when a word of the name is no English word.
    ("ADDRESS", r"\b\d{1,5}[A-Za-z]?[ \t]+(?:(?:[A-Za-z'’-]+|\d{1,3}(?:st|nd|rd|th))[ \t]+){1,3}"
                r"(?i:street|road|avenue|lane|boulevard|terrace|crescent|parkway|highway|st|rd|ave"
                r"|blvd|ln)\b\.?", 3),
    ("ADDRESS", r"\b\d{1,5}[A-Za-z]?[ \t]+(?:[A-Za-z'’-]+[ \t]+){1,2}(?i:court|close|way|place"
                r"|drive|gardens|grove|mews|square|row|walk|hill|park|view|rise)\b", 3,
     street_name),
    # A town, a state and a ZIP: "Dayton OH 45402", "brookline ma 02446".
    ("ADDRESS", rf"\b(?:[A-Za-z][a-z]+[ \t]+){{1,2}},?[ \t]*(?i:{_STATES})[ \t]+"
                r"\d{5}(?:-\d{4})?\b", 3),
    # A town and a UK postcode in small letters after a comma: ", manchester m14 5rt".
    ("ADDRESS", r"(?<=,)[ \t]*[a-z]+(?:[ \t]+[a-z]+)?[ \t]+[a-z]{1,2}\d[a-z\d]?[ \t]?"
                r"\d[a-z]{2}\b", 3),
    ("ADDRESS", r"(?i:\bflat)[ \t]+\d{1,4}[a-z]?(?=,)", 3),
    ("ADDRESS", r"(?i:\bP\.?[ \t]?O\.?[ \t]+box|\bRR[ \t]*\d+[ \t]+box)[ \t]*\d+", 3),
    # A town, an Australian state and its postcode: "Tamworth NSW 2340".
    ("ADDRESS", rf"\b(?:[{_UP}][{_LO}]+[ \t]+){{1,2}}(?:NSW|VIC|QLD|WA|SA|TAS|ACT|NT)[ \t]+"
                r"\d{4}\b", 3),
    # An Eircode, "D02 X285" (not a lot or a batch of that shape: "lot Y005612").
    ("ADDRESS", r"(?<![\w-])(?<!\blot )(?<!\bLOT )(?<!\bbatch )[AC-FHKNPRTV-Y]\d{2}[ \t]?"
                r"[AC-FHKNPRTV-Y\d]{4}(?![\w-])", 3, min_digits(3)),
    # A house number said aloud before its street: "forty two oak road", "one one seven
    # kingsway avenue", "flat three twelve mill lane".
    ("ADDRESS", rf"(?i:\b(?P<v>(?:(?:flat|apartment|unit)[ \t]+{SPOKEN_NUMBER}[ \t]+)?"
                rf"{SPOKEN_NUMBER}[ \t]+(?:[a-z'’-]{{3,}}[ \t]+){{1,2}}(?:road|street|drive|lane"
                r"|avenue|close|crescent|terrace|grove|court|way|place|gardens|square|boulevard"
                r"|highway|parade)))\b", 3, street_words),
    ("ADDRESS", r"(?i:\b(?:on|at|off)[ \t]+)(?P<v>(?:[a-z]{3,}[ \t]+){1,2}(?:road|street|drive|lane"
                r"|avenue|close|crescent|terrace|grove))\b", 3, street_words),
    # A street named without a number: "Admiralty Way", "Oak Street".
    ("ADDRESS", rf"\b(?:[{_UP}][{_LO}]+[ \t]+){{1,2}}(?:Street|Road|Avenue|Lane|Way|Drive|Close"
                r"|Crescent|Terrace|Boulevard|Gardens|Grove|Mews)\b", 3),
    # Other countries' order, street word first: "Calle de Alcalá 42", "ul. Marszałkowska 84/92".
    ("ADDRESS", r"(?i:\b(?:calle|carrer|avenida|avda|rua|rue|via|viale|piazza|ulica|strada|ul"
                r"|al)\b\.?)[ \t]+(?:[^\W\d_]+\.?[ \t]+){0,3}\d{1,5}"
                # (a house number, not a dose: "via peripheral cannula 16mcg/ml")
                r"(?!\d|[.,]\d|[ \t]*(?:mcg|mg|ml|g\b|units?|mmol|%|/\d{2,}))[A-Za-z]?(?:/\d{1,4})?"
                r"(?:,?[ \t]+(?:m\.|apt\.?|piso|izq|dcha|\d{1,3}º)[ \t]*\d{0,3}\w*)*", 3),
    # A postcode before its town: "28014 Madrid", "00-514 Warszawa" (not "2023 Guideline").
    ("ADDRESS", rf"(?<![\w/.-])(?:\d{{2}}-\d{{3}}|\d{{5}})[ \t]+[{_UP}][{_LO}]{{2,}}"
                rf"(?:[ \t]+[{_UP}][{_LO}]{{2,}})?\b", 3, town_after_postcode),
    # The number first, then the street word: "221 rue Saint-Denis", "15 avenue des Pins".
    ("ADDRESS", rf"\b\d{{1,5}}[A-Za-z]?,?[ \t]+(?i:rue|avenue|boulevard|bd|chemin|route|allée"
                rf"|impasse|quai|calle|avenida|rua|via|corso)[ \t]+(?:(?:de|du|des|la|le|l['’]|del"
                rf"|da|do|dos)[ \t]*)*[{_UP}][\w'’-]*(?:[ \t]+[{_UP}][\w'’-]*){{0,2}}", 3),
    # A Canadian postcode, its province before it when there: "Montréal QC H2X 3K8".
    ("ADDRESS", rf"(?:\b[{_UP}][{_LO}]+[ \t]+(?:QC|ON|BC|AB|MB|NS|NB|NL|PE|SK|YT|NT|NU)[ \t]+)?"
                r"(?<![\w-])[A-Z]\d[A-Z][ \t]?\d[A-Z]\d(?![\w-])", 3),
    ("ADDRESS", r"\b(?:Apartment|Apt|Flat|Plot|Suite|apartment|apt)\b\.?[ \t]*#?[ \t]*"
                r"\d{1,4}[A-Za-z]?\b", 3),
    ("ADDRESS", r"(?i:\b(?:lives?|living|resides?|residing|area)\b[ \t]+(?:in[ \t]+)?)"
                r"(?P<v>\d{4,5}(?:-\d{4})?)\b", 3),  # four digits: Australia, Europe
    # The town a patient lives in is an address's part (Safe Harbor), whether or not the
    # lists know it as a place: "lives alone in Leeds", "resident of Croydon". (A town
    # travelled from is history, not an address: "returned from Lagos".)
    ("ADDRESS", r"(?i:\b(?:(?:lives?|living|resides?|residing)(?:[ \t]+(?:alone|independently"
                r"|with[ \t]+(?:us|me|them|her|him|family|[a-z]+[ \t]+(?:son|daughter|family))))?"
                r"[ \t]+(?:in|at|near)|resident[ \t]+of|home[ \t]+is[ \t]+in|based[ \t]+in"
                # "stolen from his house in Croydon"
                r"|(?:his|her|their|my|the[ \t]+patient['’]s)[ \t]+(?:house|home|flat)[ \t]+in)"
                r"[ \t]+)"
                rf"(?P<v>{CITY})(?![ \t]*(?i:{_STREET}))", 3),
    ("ADDRESS", rf"(?<![\w-]){_UK_PC}", 3),
    # A ZIP code after a state, the rest of the address before it: "Dayton, OH 45419".
    ("ADDRESS", rf",[ \t]*(?:{_STATES})[ \t]+(?P<v>\d{{5}}(?:-\d{{4}})?)(?![\w-])", 3),
    ("ADDRESS", r"(?i:\bzip(?:[ \t]*code)?|\bpost[ \t]*code)[ \t]*:?[ \t]*"
                r"(?P<v>\d{4,5}(?:-\d{4})?)\b", 3),  # four digits: Australia, Europe
    ("DATE", rf"(?<![\w/.:-])(?P<v>{DATE})", 4, persons_date),
    ("DATE", r"\d{4}年\d{1,2}月\d{1,2}日", 4),  # "1955年3月4日"
    # A month and year of something that happened to the patient: "(documented 06/2021)",
    # "diagnosed 11/2019" (a policy's "updated 06/2024" is not, as for whole dates).
    ("DATE", rf"(?i:\b(?:{_HAPPENED}|documented|since|noted|began|last|fall|op|operation)[ \t]+)"
             r"(?P<v>(?:0?[1-9]|1[0-2])/(?:19|20)\d{2})(?![\w/]|[.,]\d)", 4, persons_date_only),
    # Six digits that read as a day, month and year ("030415" beside a DOB): no count or
    # amount reads so ("150000" has no month).
    ("DATE", rf"(?<![\w.,/-])(?P<v>\d{{6}})(?![\w/-]|[.,]\d|{_QUANTITY})", 8, six_digit_date),
    # A day, a month's short name and a year's last two digits after a birth's cue: "dob 7
    # jan 88".
    ("DATE", r"(?i:\b(?:dob|d\.o\.b\.?|born|date[ \t]+of[ \t]+birth)[ \t]*:?[ \t]*)"
             r"(?P<v>\d{1,2}[ \t]+(?i:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*"
             r"[ \t]+\d{2})(?!\d)", 4),
    # A day then a month in small letters, no year: "appt 12 nov 10:30", "seen 3 sept" (not
    # "mar", "may" or "dec", which are words or shorthand too: "6 dec" may be a decrease).
    ("DATE", r"(?<![\w./-])(?:[1-9]|[12]\d|3[01])[ \t]+(?:jan(?:uary)?|feb(?:ruary)?|apr(?:il)?"
             r"|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?)\b"
             r"(?![ \t]*\d{4})", 4),
    # An ordinal then a month in any case: "discharged 8th april" ("may" only as "May").
    ("DATE", rf"(?i:\b\d{{1,2}}(?:st|nd|rd|th)[ \t]+){MONTH_SAID}(?:,?[ \t]+\d{{4}})?", 4),
    # The first of two days of one month: "on 8th and 9th Jan", "the 3rd or 4th of May".
    ("DATE", rf"(?i:\b\d{{1,2}}(?:st|nd|rd|th))(?=[ \t]+(?:and|or|&|to|-)[ \t]+\d{{1,2}}"
             rf"(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?{MONTH_SAID})", 4),
    ("DATE", r"(?i:\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?[ \t]+"
             r"(?:the[ \t]+)?\d{1,2}(?:st|nd|rd|th))\b", 4),
    ("DATE", r"(?i:\bthe[ \t]+\d{1,2}(?:st|nd|rd|th))(?=[ \t]*(?:[,.;:?!)]|$))", 4),
    # A day and month in another language: "3 de junio", "12 mars 1958", "5. März".
    ("DATE", rf"(?i:\b\d{{1,2}}(?:º|°|er|\.)?[ \t]+(?:de[ \t]+|di[ \t]+)?{FOREIGN_MONTH}"
             r"(?:[ \t]+(?:de[ \t]+)?\d{4})?)(?![\w])", 4, persons_date_only),
    ("DATE", rf"(?i:\b(?:\d{{1,2}}(?:st|nd|rd|th)|{ORD_WORD})[ \t]+of[ \t]+{MONTH_ANY_CASE})"
             rf"(?:,?[ \t]+(?:\d{{4}}|(?i:{SPOKEN_YEAR})\b))?", 4, persons_date_only),
    # Dictated: "twenty ninth february nineteen sixty four", "discharged the fourteenth".
    ("DATE", rf"(?i:\b{ORD_WORD}[ \t]+){MONTH_SAID}"
             rf"(?:,?[ \t]+(?:\d{{4}}|(?i:{SPOKEN_YEAR})\b))?", 4, persons_date_only),
    ("DATE", rf"(?i:\b(?:on|since|until|till|from|discharged|admitted|seen|born|dated)[ \t]+"
             rf"(?P<v>the[ \t]+{ORD_WORD}))(?=[ \t]*(?:[,.;:?!)]|$))", 4),
    # After a birth's cue, numbers said aloud are the date: "born twelve oh three forty
    # eight", "dob sixteen oh four sixty", "born in nineteen thirty".
    ("DATE", rf"(?i:\b(?:born(?:[ \t]+(?:on|in))?|dob|d\.o\.b\.?|date[ \t]+of[ \t]+birth)"
             rf"[ \t]*(?:is[ \t]+|:[ \t]*)?)(?P<v>(?i:{SPOKEN_YEAR}|{SPOKEN_DAY}[ \t]+"
             rf"(?:oh[ \t]+)?{SPOKEN_DAY}[ \t]+(?:{SPOKEN_YEAR}|{SPOKEN_TWO})))\b", 4),
    # "thirtieth of the fourth eighty one", "seven slash eleven slash sixty six"
    ("DATE", rf"(?i:\b(?:the[ \t]+)?{ORD_WORD}[ \t]+of[ \t]+the[ \t]+{ORD_WORD}"
             rf"(?:[ \t]+(?:{SPOKEN_YEAR}|{SPOKEN_TWO}))?)\b", 4),
    ("DATE", rf"(?i:\b{SPOKEN_DAY}[ \t]+slash[ \t]+{SPOKEN_DAY}[ \t]+slash[ \t]+"
             rf"(?:{SPOKEN_YEAR}|{SPOKEN_TWO}))\b", 4),
    ("DATE", r"(?i:\b(?:on|in|done|since|from|dated|filled|refilled|dispensed|delivery|delivered"
             r"|admitted|admission"
             r"|discharged|discharge|seen|surgery|op|operation|repair|replacement|removal|fixation"
             r"|died|death|due|dx|diagnosed"
             r"|started|stopped|until|till|d/c|dc|dc'd|adm|booked|procedure|visit|c-?section|fell"
             r"|fall|ed|er|a&e|given|planned|back|returned|readmitted|scheduled|last|next"
             r"|checked|reviewed|s/p|post(?:-?op)?|[a-z]*(?:ectomy|otomy|ostomy|plasty|scopy|chole)"
             # a line placed, a sample drawn, a result called: "placed 06/18", "18:42 11/03"
             r"|placed|inserted|sited|collected|drawn|called|reported|resulted|\d{1,2}:\d{2}"
             r"|born|sample|specimen|visit|note|appt|appointment|clinic)"
             r"\b(?:[ \t]+date)?(?:[ \t]+(?:is|was|on))?"
             r"[ \t]*:?[ \t]*)(?P<v>\d{1,2}[/.]\d{1,2}(?:[/.](?:\d{4}|\d{2}))?|\d{2}-\d{2})"
             rf"(?![\w/-]|\.\w|[.,]\d|[ \t]+(?i:ago)\b){NOT_A_DOSE}",  # "5/7 ago": five days
     4, day_month),
    # A month and year of something that happened to the patient, in words, after what
    # happened: "admitted in August 2024", "na-confine siya noong Agosto 2024", "ingresó en
    # marzo de 2023" (a month and year alone is a document's as often: "June 2024 NICE
    # update", "rev. Jan 2023").
    ("DATE", rf"(?i:\b(?:{_HAPPENED}|admission|born|died|operated|hospitali[sz]ed|confined?"
             r"|na-confine|ingres[óo]|internad[oa]|hospitalis[ée]e?|operad[oa]|diagnosticad[oa])"
             r"(?:[ \t]+(?:siya|sya|po))?(?:[ \t]+(?:in|on|since|noong|en|em|no|na|de|à|im))?"
             r"[ \t]+)"
             rf"(?P<v>(?:{MONTH_SAID}|(?i:{FOREIGN_MONTH}))\.?[ \t]+(?:de[ \t]+)?"
             r"(?:19|20)\d\d)(?![\w/-])", 4, persons_date_only),
    # A date inside a file's name: "axel_foot_20240302.heic", "Cartwright_L_heel_2024-11-03.png"
    # (a photo or a scan named after its patient).
    ("DATE", r"(?<=_)(?P<v>(?:19|20)\d\d-?(?:0[1-9]|1[0-2])-?(?:0[1-9]|[12]\d|3[01]))"
             r"(?=[_.][A-Za-z0-9])", 4),
    # A day and a month written with its zero, without a cue: "CAD 1123 14/05", "home 10/09"
    # (no fraction, score or gestation is written "/05").
    ("DATE", r"(?<![\w/.:-])(?P<v>(?:0[1-9]|[12]\d|3[01])/0[1-9])(?![\w/-]|[.,]\d)", 4,
     persons_date_only),
    ("NAME", rf"{_NAME_CUE}(?P<v>{_WORD}(?:[ \t]+{_WORD}){{0,2}})", 5, name_after_cue),
    ("NAME", r"\b(?:MRS|MR|MS|MISS|MX|DR)\b\.?[ \t]+(?P<v>(?:[A-Z]\.?[ \t]+){0,2}[A-Z]{2,}"
             r"(?:[-'’][A-Z]{2,})?)\b", 5, capitals_after_title),
    # (a dash between words, not inside one: "park ji-hoon 45M" is one name)
    ("NAME", rf"(?:^|(?<![^\W\d_])[-–]|[:;(]|\n)[ \t]*(?P<v>{LETTERS}(?:,?[ \t]+{LETTERS}){{0,5}})"
             rf",?[ \t]+(?={DEMOGRAPHIC})", 5, names_before),
    ("NAME", rf"{DEMOGRAPHIC}[ \t]+(?P<v>(?:[{_UP}][{_LO}]+|[^\W\d_a-zA-Z]{{2,}})"
             rf"(?:[ \t]+(?:[{_UP}][{_LO}]+(?:['’-][{_UP}]?[{_LO}]+)*)){{0,2}})", 5, names_after),
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
             r"(?P<v>[a-z]\.[ \t]?[a-z]{3,}(?:['’-][a-z]+)?)\b", 5, initial_and_surname),
    # A surname in capitals and given names after a form's label: "Patient: TAN, Boon Keng".
    ("NAME", r"(?i:\b(?:patient|pt|name|donor|recipient|participant))[ \t]*[:\-–][ \t]*"
             r"(?P<v>[A-Z]{2,}(?:[-'’][A-Z]{2,})?,[ \t]*[A-Z][a-z]+(?:[ \t-][A-Z][a-z]+){0,2})", 5),
    # A name in capitals after a form's label: "Patient: JOY FIELDING  DOB …".
    ("NAME", r"(?i:\b(?:patient|pt|name))[ \t]*[:\-–][ \t]*"
             r"(?P<v>[A-Z]{2,}(?:[-'’][A-Z]{2,})?(?:[ \t][A-Z]{2,}(?:[-'’][A-Z]{2,})?){1,2})\b", 5,
     capitals_given_and_surname),
    ("NAME", r"(?i:\bname)[ \t]*[:\-–][ \t]*(?P<v>[A-Z][A-Z'’-]+(?:,?[ \t]+[A-Z][A-Z'’-]+){0,3})"
             r"(?![\w'’-])", 5),
    ("NAME", r"^[ \t]*(?P<v>[A-Z]{4,}(?:-[A-Z]{2,})?)(?=[ \t]+(?:keeps|is|was|has|had|needs|wants"
             r"|refuses|refused|says|said|fell|pulled)\b)", 5, capital_name_opening),
    # Initials with the bed they are in: "RK (bed 12)", "J.S. in bay 4".
    ("NAME", r"(?<![\w.])(?P<v>[A-Z]\.?[A-Z]\.?(?:[A-Z]\.?)?)"
             r"(?=[ \t]*\(?(?i:bed|bay|rm|room|cubicle)[ \t]*\d)", 5, initials_in_bed),
    # "o'sullivan, aoife - …": a surname and a given name in small letters opening the question
    ("NAME", r"^[ \t]*(?P<v>[a-z]+(?:['’][a-z]+)?,[ \t]*[a-z]+)(?=[ \t]*[—–:-])", 5, listed_pair),
    ("NAME", OTHER_SCRIPT, 5),
    ("NAME", rf"(?i:\b(?:bed|bay|rm|room|cubicle|side[ \t]+room)[ \t]*\d{{1,3}}[A-Za-z]?)"
             rf"[ \t]*[-–:,(][ \t]*(?P<v>{_WORD}(?:[ \t]+{_WORD}){{0,2}})", 5, name_beside_bed),
    # Web addresses, IP addresses, device serials: an account, a portal, an implant.
    ("ID", r"(?i:\bhttps?://|\bwww\.)[^\s,;)\]\"'<>]+[^\s,;.)\]\"'<>]", 2, not_a_public_bodys),
    ("ID", r"(?<![\w.])(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)"
           r"(?!\w|\.\d)", 2),  # (a full stop after it ends the sentence)
    ("ID", r"(?<![\w:])(?i:[0-9a-f]{1,4}:){2,7}(?::?[0-9a-f]{1,4}|:)(?::[0-9a-f]{1,4})*(?![\w:])",
     2, _ipv6),
    ("ID", rf"(?i:\bserial(?:[ \t]+{_NO})?|\bS/?N\b|\bdevice[ \t]+(?:id|{_NO}))"
           r"(?:[ \t]*(?i:S/?N\b))?[ \t]*[:#]?[ \t]*(?P<v>[A-Za-z0-9][A-Za-z0-9-]{3,})", 2,
     min_digits(3)),
    # A device's own id, letters and digits: "transmitter ID 8G4KLM", "pump SN NG1234".
    ("ID", rf"(?i:\b(?:transmitter|sensor|pump|implant|pacemaker|device|generator|receiver)"
           rf"[ \t]+(?:id|s/?n|serial|{_NO})|\btransmitter|\bsensor)[ \t]*[:#]?[ \t]*"
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
    ("NAME", rf"(?<![\w'’-])(?P<v>{_WORD}(?:[ \t]+{_WORD}){{0,3}}){BEFORE_LABEL}", 5,
     trailing_name),
    # A patient's initials with their age or sex: "Pt JM (62F) presented with a TIA".
    ("NAME", r"(?i:\bpt\b\.?|\bpatient\b)[ \t]+(?P<v>[A-Z]{2,3})"
             r"(?=[ \t]*\(?[ \t]*\d{1,3}[ \t]?(?:[MF]\b|(?i:yo|y/o|yrs?|years?)\b))", 5),
    # A list's "SURNAME, GIVEN" in capitals before a label: "PARK, JI-HOON  Acct# …".
    ("NAME", rf"(?<![\w'’-])(?P<v>[A-Z]{{2,}}(?:[-'’][A-Z]{{2,}})*,[ \t]*[A-Z]{{2,}}"
             rf"(?:[-'’][A-Z]{{2,}})*(?:[ \t]+[A-Z]\.?)?){BEFORE_LABEL}", 5, _not_tests),

    ("ID", rf"(?<![\w.]){_AGE}{_DASH}(?i:y(?:ea)?rs?){_DASH}(?i:old)\b", 5, value,
     AGE_PLACEHOLDER),
    ("ID", rf"(?i:\baged?\b)[ \t]*[:=]?[ \t]*{_AGE}(?!\d|\.\d)", 5, value, AGE_PLACEHOLDER),
    # "woman 99 years on 5 litres": a person's age after the word for them ("over 90 years"
    # of a population is no one's).
    ("ID", rf"(?i:\b(?:woman|man|lady|gentleman|gent|female|male|patient|pt|resident|widow"
           rf"|widower)[ \t]*,?[ \t]+){_AGE}(?=[ \t]?(?i:years?|yrs?|y)\b)", 5, value,
     AGE_PLACEHOLDER),
    ("ID", rf"(?<![\w.]){_AGE}[ \t]?(?i:yo|y/o|y\.o\.?)(?!\w)", 5, value, AGE_PLACEHOLDER),
    # "90F", "99 M", "91yr": an age and a sex, unless a temperature ("temp 99 F").
    ("ID", rf"(?<![\w.]){_AGE}[ \t]?(?:[MF]\b|(?i:yrs?|y)\b)", 5, _not_a_temperature,
     AGE_PLACEHOLDER),
    # "mum is ninety one", "aged ninety-six", "one hundred and two year old"
    ("ID", rf"(?i:\b(?:is|aged?|turned|turns|turning)[ \t]+){WORD_AGE}{NOT_AN_AMOUNT}", 5,
     value, AGE_PLACEHOLDER),
    ("ID", rf"(?<![\w-]){WORD_AGE}(?=[ \t-]*(?i:years?|yrs?|yo)\b)", 5, value, AGE_PLACEHOLDER),
    ("ID", rf"(?i:(?:'s|’s)[ \t]+){WORD_AGE}{NOT_AN_AMOUNT}", 5, value, AGE_PLACEHOLDER),
    ("ID", rf"(?<![\w-]){WORD_AGE}{NOT_AN_AMOUNT}", 5, spoken_age_alone, AGE_PLACEHOLDER),
    ("ID", rf"(?:(?i:\b(?:pt|patient|she|he|mum|mom|dad|father|mother|grandma|grandpa|grandad"
           rf"|grandmother|grandfather|gran|granny|nan|nana|nanna|koro|kuia|aunt|auntie|uncle"
           rf"|husband|wife|resident|who))(?:['’]s|[ \t]+(?:is|was|turned|turns))"
           # "hes 90 on the dot": he's, typed without its apostrophe
           rf"|(?i:\b(?:hes|shes))|\)[ \t]+(?i:is|was|turned|turns))[ \t]+{_AGE}"
           rf"(?!\d|\.\d|[ \t]*%)",
     5, value, AGE_PLACEHOLDER),
    ("ID", rf"(?i:\b(?:is|turned|turns|turning)[ \t]+){_AGE}"
           r"(?=[ \t]+(?i:next|this|last|today|tomorrow|years?|yrs?)\b)", 5, value,
     AGE_PLACEHOLDER),
    # "turns 95!!", "turned 91 in May": turning a number is having a birthday ("turn 90
    # degrees" is no one's)
    ("ID", rf"(?i:\b(?:turned|turns|turning)[ \t]+){_AGE}(?!\d|\.\d|[ \t]*(?i:°|deg|%|per))", 5,
     value, AGE_PLACEHOLDER),
    ("ID", rf"\({_AGE}\)", 5, value, AGE_PLACEHOLDER),
    # "Esperanza Ruiz, 95, on apixaban": an age set off by commas after a word.
    # ... or after a bracket: "Mr Ahmad (MRN 30012245), 99, family …".
    ("ID", rf"(?:(?<=[^\W\d_])|(?<=\))),[ \t]*{_AGE}(?=[ \t]*,)", 5, value, AGE_PLACEHOLDER),
    ("ID", rf"(?<![\w.])(?<!\d,)\d{{7,}}(?!\w|[.,]\d|{_QUANTITY})", 9, not_a_code),
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
    # A French number in pairs: "06 48 21 93 07".
    ("PHONE", r"(?<![\w+.])0[1-9](?:[ .]\d{2}){4}(?![\w.]|[ .]\d)", 3),
    # An age over 89 in the words of another language, or of English learnt from one: "91
    # anos", "97 anni", "93 taong gulang", "has 92 years".
    ("ID", rf"(?<![\w.]){_AGE}[ \t]*(?i:años|anos|ans|jahre|anni|lat|tuổi|tuoi|taong?|saal"
           r"|sal)\b", 5, value, AGE_PLACEHOLDER),
    ("ID", rf"(?i:\b(?:has|have|had|tiene|tem|ha|hat|ay)[ \t]+){_AGE}(?=[ \t]+(?i:years?)\b)",
     5, value, AGE_PLACEHOLDER),
    # A Vietnamese date: "ngày 5 tháng 6 năm 2024", "20 tháng 12".
    ("DATE", r"(?i:\b\d{1,2}[ \t]+tháng[ \t]+\d{1,2}(?:[ \t]+năm[ \t]+\d{4})?)\b", 4),
    # A number read out in words: "oh seven seven double oh nine …", "five two one, four four".
    # (A hundred said inside one: "oh seven seven double oh nine hundred four four one".)
    ("ID", rf"(?i:\b{DIGIT_WORD}(?:[ \t,-]+(?:{DIGIT_WORD}|hundred)){{6,}})\b", 9),
])
# fmt: on
