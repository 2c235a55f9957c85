"""Whether a number found beside a label names a person, for assistant/answering/phi_rules.py.

A number is a person's unless what stands around it makes it something else's: a code after a
terminology's label ("SNOMED 44054006"), a product's lot ("MMRVaxPro lot Y005612"), a
document's number ("Form ID 4471"), a public health body's web address. A reference after the
word for a record (a claim, a licence, a sample) needs enough digits to be one; a plate needs
letters and digits. Each function takes a rule's match and returns the span to replace, or
None.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.answering.phi_dates import value
from assistant.answering.phi_lexicon import clinical_words
from assistant.answering.phi_names import Span
from knowledge.name_words import common_words, given_names


def min_digits(n: int) -> Callable[[re.Match[str]], Span | None]:
    """Accept the value (the group "v", else the whole match) when it has `n` digits."""

    def accept(m: re.Match[str]) -> Span | None:
        start, end = value(m)
        return (start, end) if sum(c.isdigit() for c in m.string[start:end]) >= n else None

    return accept


_PHONE_WORD = re.compile(
    r"(?i:\b(?:tel|telephone|phone|mobile|mob|cell|contact|fax|pager|bleep|whatsapp|landline))"
    r"[ \t]*$"
)


# What gives a code to a document, an outbreak or a product, not to a person.
_NOT_A_PERSONS_CODE = re.compile(
    r"(?i:\b(?:document|doc|form|protocol|guideline|procedure|SOP|policy|memo|circular|bulletin"
    r"|outbreak|notice|FSN|alert|recall|CAPA|RCA|version|template|product|catalogue|model"
    r"|study|trial|batch|lot|ICD|CPT|SNOMED|HCPCS|billing|diagnosis|reject|error|reason|DIN|NDC"
    r"|order[ \t]+set)\b)[^.?!\n]*$"  # (anywhere before it on its line)
)


def a_persons_code(m: re.Match[str]) -> Span | None:
    """A code in dashed groups, letters and digits, given to one person ("DREAMS ID
    GP-DRM-004512", "refugee no. KAK-16C-33097", "ref TYP-8831-XQ"): no group a year (an
    outbreak's "OB-2024-031"), and no document's, product's or study's word before it."""
    if any(re.fullmatch(r"(?:19|20)\d\d", g) for g in m.group("v").split("-")):
        return None
    line = m.string[m.string.rfind("\n", 0, m.start()) + 1 : m.start()]
    if _NOT_A_PERSONS_CODE.search(line):
        return None
    return value(m)


def not_a_phone(n: int) -> Callable[[re.Match[str]], Span | None]:
    """A number of `n` digits or more whose label is no telephone's ("contact no. 0161 234
    5678" is a phone number, found by the phone rules)."""
    enough = min_digits(n)

    def accept(m: re.Match[str]) -> Span | None:
        return None if _PHONE_WORD.search(m.string[: m.start()]) else enough(m)

    return accept


# A unit or a per after a run of numbers: readings or doses, not a person's number.
_A_UNIT_AFTER = re.compile(r"[ \t]*(?i:mg|mcg|µg|ug|g|kg|ml|l|mmol|units?|iu|%|/|per\b|x\b)")


def not_a_series(m: re.Match[str]) -> Span | None:
    """Groups of digits that are a person's number, not readings or doses written in a row
    ("bp 120 130 140", "hr 112 118 124", "100 200 300 mg"): the groups are not all round,
    lie far apart (readings stay close to each other), and no unit follows."""
    groups = re.split(r"[ .-]", m.group())[-3:]
    values = [int(g) for g in groups]
    round_ = all(g.endswith("0") for g in groups)
    if round_ or max(values) - min(values) < 100 or _A_UNIT_AFTER.match(m.string, m.end()):
        return None
    return m.span()


def digits_between(lo: int, hi: int) -> Callable[[re.Match[str]], Span | None]:
    """Accept a number of lo to hi digits: the value group's where the pattern has one
    (a label before it is not counted), else the whole match's."""

    def accept(m: re.Match[str]) -> Span | None:
        start, end = value(m)
        return (start, end) if lo <= sum(c.isdigit() for c in m.string[start:end]) <= hi else None

    return accept


# A service's own line right before the number: "the main switchboard number 0161 276 1234",
# "phone triage line 01 664 4600", "helpline on 0800 …": a department's number, no person's.
_SERVICE_LINE_BEFORE = re.compile(
    r"(?:(?i:\b(?:switchboard|helpline|hotline|(?:triage|advice|help|information|booking"
    r"|appointments?|enquiry|enquiries)[ \t]+(?:line|phone)|main[ \t]+(?:number|line)"
    # "call the MRI department on 020 7188 5500", "pharmacy dept number 01632 …"
    r"|(?:department|dept|reception|pharmacy|office)(?=[ \t]+(?:on|number|no|phone|tel)\b)))"
    r"(?:[ \t]+(?:number|no\b\.?|phone|tel))?(?:[ \t]+(?:is|on|at))?[ \t]*[:#]?"
    # a named service's number, often in brackets (the caller strips those): "Leeds Teaching
    # Hospitals (0113 392 3547)", "the National Poisons Information Centre (01 809 2166)"
    r"|\b(?:Hospitals?|Centre|Center|Services?|Clinic|Pharmacy|Trust|Unit|Line))[ \t]*$"
)

_NUMBER_START = re.compile(r"[\d() +.-]*$")
# North America's toll-free area codes.
_TOLL_FREE_CODE = r"(?:800|888|877|866|855|844|833)"
# Numbers only organisations have: freephone and non-geographic (UK 03…, 0800, 0845…),
# Australia's 1300 and 1800, North America's toll-free 800, 888, 877, 866, 855, 844, 833.
_SERVICE_NUMBER = re.compile(
    r"[ \t(]*(?:0(?:3[0347]\d|800|808|845|870)|1[ .-]?(?:300|800)"
    rf"|(?:\+?1[ .-]?)?\(?{_TOLL_FREE_CODE}\)?)[ .-]?\d"
)
# A line's number spelt in letters just before its digits: "1-833-TLC-MAMA (1-833-852-6262)".
_SPELT_LINE_AT_END = re.compile(r"(?:1[ .-])?8\d\d[ .-][A-Z][A-Z0-9-]{2,}[ \t]*\(?[ \t]*$")


# ... and such a line written whole in its groups, wherever it stands: "1-800-MEDICARE
# (1-800-633-4227)", "HSE Live 1800 700 700" (ten digits run together may be anyone's record);
# assistant/answering/phi.py keeps it from the record and address rules.
TOLL_FREE_LINE = re.compile(
    rf"(?<![\w-])(?:\+?1[ .-]?)?\(?{_TOLL_FREE_CODE}\)?[ .-]\d{{3}}[ .-]\d{{4}}(?![\w-])"
    r"|(?<![\w-])1[38]00[ .-]\d{3}[ .-]\d{3}(?![\w-])"
    # New Zealand's freephone and shared-cost lines: "0800 611 116", "0508 828 865"
    r"|(?<![\w-])0(?:800|508)[ .-]\d{3}[ .-]?\d{3}(?![\w-])"
    # ... Australia's in pairs, and its six-digit 13 lines: "1300 60 60 24", "13 11 14"
    r"|(?<![\w-])1[38]00(?:[ .-]\d{2}){3}(?![\w-])|(?<![\w-])13[ .-]\d{2}[ .-]\d{2}(?![\w-])"
    # ... the UK's non-geographic 03 lines, which only organisations hold: "0300 123 1044"
    r"|(?<![\w-])03[0347]\d[ .-]\d{3}[ .-]\d{4}(?![\w-])"
    # ... and a North American line spelt partly in letters: "1-800-FDA-1088"
    rf"|(?<![\w-])(?:1[ .-])?{_TOLL_FREE_CODE}[ .-][A-Z]{{3}}[ .-]\d{{4}}(?![\w-])"
)


def not_a_service_line(
    accept: Callable[[re.Match[str]], Span | None] | None = None, labelled: bool = False
) -> Callable[[re.Match[str]], Span | None]:
    """A phone number, unless a service's line is named right before it or, when no label
    says it is someone's phone (`labelled`), it is a number only organisations have; then
    `accept`."""

    def check(m: re.Match[str]) -> Span | None:
        start, _ = value(m)
        # (a rule may have matched only the number's last groups: "0161 [276 1234]")
        window = m.string[max(0, start - 60) : start]
        before = _NUMBER_START.sub("", window)
        number_start = start - (len(window) - len(before))
        if _SERVICE_LINE_BEFORE.search(_SPELT_LINE_AT_END.sub("", before)):
            return None
        if not labelled and _SERVICE_NUMBER.match(m.string, number_start):
            return None
        return accept(m) if accept is not None else value(m)

    return check


_CODE_LABEL = re.compile(
    r"(?:(?i:\b(?:snomed(?:[ \t]+ct)?|loinc|ndc|cpt|icd(?:-?1[01])?|hcpcs|drg|pip|gtin|product"
    # (a product's REF in capitals; DIN, a Canadian drug identification number)
    r"|cat(?:alogue)?[ \t]*(?:no\b\.?|\#)|barcode|batch|din|ean|aust[ \t]+[rl]))|\bREF)"
    r"[ \t]*(?:code)?[ \t]*[:#]?[ \t]*$"
)


# Codes listed after one label: "SNOMED CT 44054006 or 73211009", "ICD 1234567, 7654321".
_MORE_CODES = re.compile(r"(?:[\dA-Za-z.-]*\d[\dA-Za-z.-]*[ \t]*(?:,|/|\bor\b|\band\b)[ \t]*)+$")


def a_handle(m: re.Match[str]) -> Span | None:
    """A handle is someone's unless every part is a word ("study_id", "age_at_consent": a
    data export's field names); with "@" before it, always someone's."""
    handle = m.group()
    if handle.startswith("@"):
        return m.span()
    parts = handle.split("_")
    # words, no one's name among them: "study_id", "site_laterality_view_sequence"
    plain = all(len(p) > 1 and p.isalpha() and p not in given_names() for p in parts)
    words = sum(p in common_words() or p in clinical_words() for p in parts)
    return None if plain and 2 * words >= len(parts) else m.span()


def not_a_code(m: re.Match[str]) -> Span | None:
    """A long number after a terminology's or a product's label is a code for a condition or
    a product ("SNOMED 44054006", "PIP code 111-6427", "REF 393204"), not a person's; so are
    the codes listed after the first."""
    before = m.string[max(0, m.start() - 60) : m.start()]
    before = _MORE_CODES.sub("", before)
    return None if _CODE_LABEL.search(before[-16:]) else value(m)


# "lot FK4428 of Beyfortus": a product's batch, asked about in a recall; an implant's lot with
# no product named after it stays ("hip implant lot 0498-225-11 … do we tell him").
_PRODUCT_AFTER_LOT = re.compile(r"[ \t]+of[ \t]+(?:the[ \t]+)?[A-Z][\w-]+")


# "Document ID: MED-07-015", "Form ID 4471", "memo ref PHARM/2024/112": a document's number,
# not a person's.
_DOCUMENT_BEFORE = re.compile(
    r"(?i:\b(?:document|doc|form|protocol|guideline|procedure|SOP|order[ \t]+set|memo"
    r"|circular|bulletin))[ \t]+$"
)


# "MMRVaxPro lot Y005612", "Gardasil 9 lot": a product named just before its lot.
_PRODUCT_BEFORE_LOT = re.compile(
    r"\b(?!(?:Mrs?|Ms|Miss|Mx|Dr|Prof)\b)[A-Z][\w-]+(?:[ \t]+\d+)?[ \t]+$"
)


def not_a_products_lot(m: re.Match[str]) -> Span | None:
    """A payer's or record's number, not a year after the payer's name nor a medicine's or
    vaccine's batch after "lot"."""
    if re.fullmatch(r"(?:19|20)\d\d", m.group("v")):
        return None  # a year after the payer: "telehealth claims for medicare 2025"
    label = m.string[max(0, m.start() - 6) : m.start("v")]
    if re.search(r"(?i:\blot)", label):
        if _PRODUCT_AFTER_LOT.match(m.string, m.end()):
            return None
        if _PRODUCT_BEFORE_LOT.search(m.string[max(0, m.start() - 40) : m.start()]):
            return None
        around = m.string[max(0, m.start() - 60) : m.end() + 80]
        if not _IMPLANTED.search(around):
            return None  # a medicine's or a vaccine's batch: "insulin aspart x10 (lot 3P7K9)"
    return _LOT_DIGITS(m)


# What is put into one patient, whose lot then follows that patient, said around the lot:
# "hip implant lot 0498-225-11", "Component: femoral … Lot: 22K09-114 … implanted in".
_IMPLANTED = re.compile(
    r"(?i:\b(?:implant(?:ed|s)?|prosthe(?:sis|tic)|device|pacemaker|ICD|graft|stent|valve|mesh"
    r"|lens|IOL|screw|plate|pump|port|catheter|coil|breast|hip|knee|joint|pin|wire|clip"
    r"|component)\b)"
)


def not_a_document(accept: Callable[[re.Match[str]], Span | None]):
    def check(m: re.Match[str]) -> Span | None:
        if _DOCUMENT_BEFORE.search(m.string[max(0, m.start() - 20) : m.start()]):
            return None
        return accept(m)

    return check


_LOT_DIGITS = not_a_document(min_digits(3))  # built once, not once a match
_NOT_A_DOCUMENTS = not_a_document(value)

# The web addresses of public health bodies ("nice.org.uk", "hse.ie", "canada.ca",
# "www.cdc.gov/flu"): a guideline's home, no one's account, unless a number or a code in the
# path names someone ("…/patient/884211").
_PUBLIC_BODY = re.compile(
    r"(?i:^(?:https?://)?(?:www\.)?(?:[a-z0-9-]+\.)*(?:[a-z0-9-]+\.gov(?:\.[a-z]{2})?|[a-z0-9-]+"
    r"\.govt\.nz|[a-z0-9-]+\.gc\.ca|canada\.ca|nhs\.uk|nice\.org\.uk|hse\.ie|who\.int"
    r"|[a-z0-9-]+\.int))(?:[/?#]|$)"
)


_NAMES_SOMEONE = re.compile(r"\d{4}|[A-Za-z]+\d+[A-Za-z]|\d+[A-Za-z]+\d")


def not_a_public_bodys(m: re.Match[str]) -> Span | None:
    text = m.group()
    if _PUBLIC_BODY.match(text) and not _NAMES_SOMEONE.search(text):
        return None
    return value(m)


# A reference's value: groups of letters and digits, each group after the first holding a
# digit ("0001 2345 6789", "FP-88120-A"), so the words after it are never taken.
# A reference's characters: dashed groups, or up to four spaced ones, each with a digit.
REFERENCE_CODE = (
    r"(?=[A-Za-z0-9-]*\d)[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*"
    r"(?:[ \t](?=[A-Za-z0-9-]*\d)[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*){0,3}"
)
REFERENCE = rf"(?P<v>{REFERENCE_CODE})(?![\w-])"


def a_reference(m: re.Match[str]) -> Span | None:
    """Four digits or more, or letters and digits together in six characters or more, a
    quarter of them digits: not "Group 1", "card 2 of 3", "sample 24h" or a template's code
    spelt out in letters ("RAD-TPL-CTC-01"); not a document's number ("form FP-10")."""
    start, end = value(m)
    text = m.string[start:end]
    digits = sum(c.isdigit() for c in text)
    characters = sum(c.isalnum() for c in text)
    mixed = digits and characters >= 6 and digits >= characters / 4
    return _NOT_A_DOCUMENTS(m) if digits >= 4 or mixed else None


def a_plate(m: re.Match[str]) -> Span | None:
    """A plate holds letters and digits ("NU19 OTB", "CJR-902"): "reg 2" is no plate."""
    text = m.group("v")
    return value(m) if any(c.isdigit() for c in text) and any(c.isalpha() for c in text) else None
