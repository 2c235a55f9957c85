"""Which numbers in a typed question are a person's dates, for assistant/answering/phi_rules.py.

The pieces of a date pattern (months, ordinals, the formats a date is typed in) and the
functions that accept a match as a date tied to a person (a birth, an admission, a fall) or
reject it: "20/20/20" is no date, "1/2 dose" a fraction, "the protocol goes live 15 January
2025" dates a policy. Each accept function returns the span to replace, or None.
"""

from __future__ import annotations

import re
from datetime import date

from assistant.answering.phi_names import Span
from knowledge.drug_names import a_generic
from knowledge.proper_terms import BRANDS

MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b"
)
ORD = r"(?:st|nd|rd|th)"
MONTH_ANY_CASE = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b"
)
# The same, "may" only as "May": after an ordinal, "the second may be given" is no date.
MONTH_SAID = (
    r"(?:(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)|May)\b"
)
ORD_WORD = (
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
    r"|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth"
    r"|twenty[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|thirtieth"
    r"|thirty[- ]first)"
)
# Months in the languages questions come in besides English: "3 de junio", "12. Mai",
# "17 martie".
FOREIGN_MONTH = (
    r"(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|se?ptiembre|octubre|noviembre"
    r"|diciembre|janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre"
    r"|octobre|novembre|décembre|decembre|janeiro|fevereiro|março|marco|maio|junho|julho"
    r"|setembro|outubro|novembro|dezembro|gennaio|febbraio|aprile|maggio|giugno|luglio"
    r"|settembre|ottobre|dicembre|januar|februar|märz|juni|juli|oktober|dezember|stycznia"
    r"|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada"
    r"|grudnia|enero|pebrero|marso|abril|hunyo|hulyo|setyembre|oktubre|nobyembre|disyembre"
    r"|ianuarie|februarie|martie|aprilie|iunie|iulie|septembrie|octombrie|noiembrie"
    r"|decembrie"
    # Turkish and Welsh ("12 Mart 2025", "14 Ionawr")
    r"|ocak|şubat|subat|mart|nisan|mayıs|mayis|haziran|temmuz|ağustos|agustos|eylül|eylul"
    r"|ekim|kasım|kasim|aralık|aralik|ionawr|chwefror|mawrth|ebrill|mehefin|gorffennaf|awst"
    r"|medi|hydref|tachwedd|rhagfyr"
    # Danish, Norwegian and Swedish; Finnish in its partitive ("1. maj 1940", "5. toukokuuta")
    r"|marts|maj|januari|februari|augusti|desember|tammikuuta|helmikuuta|maaliskuuta"
    r"|huhtikuuta|toukokuuta|kesäkuuta|heinäkuuta|elokuuta|syyskuuta|lokakuuta|marraskuuta"
    r"|joulukuuta"
    # Icelandic ("14. janúar 2025", "3. apríl")
    r"|janúar|febrúar|apríl|maí|júní|júlí|ágúst|október|nóvember)\b"
)
NOT_A_DOSE = r"(?![ \t]*(?i:mg|mcg|g|ml|units?|%|mmol|iu|x)\b)"
# Day precision only: a year alone ("2016 guideline") or month-year ("March 2024") never
# matches. A day-month without a year ("on 5 June") is still a date tied to a person.
DATE = (
    r"(?:\d{4}[/.-]\d{1,2}[/.-]\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})"
    r"|\d{1,2}\.[ \t]\d{1,2}\.[ \t]?\d{4}"  # spaced as Czech and Slovak write it: "21. 8. 1978"
    # with a year, a month in any case is a month: "12 JUN 1933", "jan 1 1949", "2 july 1944"
    rf"|\d{{1,2}}{ORD}?[ \t]+(?i:{MONTH_ANY_CASE})\.?,?[ \t]+\d{{4}}"
    rf"|(?i:{MONTH_ANY_CASE})\.?[ \t]+\d{{1,2}}{ORD}?,?[ \t]+\d{{4}}"
    rf"|\d{{1,2}}-{MONTH}-(?:\d{{4}}|\d{{2}})"
    rf"|\d{{1,2}}-(?i:{MONTH_ANY_CASE})-\d{{4}}"  # "30-JUN-2001", as a record's header prints it
    rf"|(?i:{MONTH_ANY_CASE})-\d{{1,2}}-\d{{4}}"  # "Mar-04-1952"
    rf"|(?i:the[ \t]+)?(?i:{ORD_WORD})[ \t]+of[ \t]+{MONTH}(?:,?[ \t]+\d{{4}})?"
    rf"|{MONTH}\.?[ \t]+\d{{1,2}}(?:{ORD}?,?[ \t]+\d{{4}}|{ORD})"
    rf"|\d{{1,2}}{ORD}?[ \t]+(?:of[ \t]+)?{MONTH}(?:\.?,?[ \t]+\d{{4}})?"
    # last: tried only when no year or ordinal follows ("due date Jan 20")
    # (a colon after it ends a label's value, "08/30/2024: usage"; one before a digit is a time)
    rf"|{MONTH}\.?[ \t]+\d{{1,2}}\b{NOT_A_DOSE})(?![\w/]|:\d|[.-]\d)"
)

# A whole date standing alone: the date rules' first pattern, and the context dates' too.
WHOLE_DATE = rf"(?<![\w/.:-])(?P<v>{DATE})"


def value(m: re.Match[str]) -> Span:
    """The span to replace: the group "v" where the pattern has one, else the whole match."""
    return m.span("v") if "v" in m.re.groupindex else m.span()


# A time word before a day and month: "not eating since 2/4" is the 2nd of April, never half.
_SINCE = re.compile(r"(?i:\b(?:since|until|till|from|expiring|expires))\b")


def day_month(m: re.Match[str]) -> Span | None:
    """ "done 11/09": a day and a month, not a fraction ("on 1/2 dose") or a score."""
    if re.fullmatch(r"\d\.\d", m.group("v")):
        return None  # "stay on 2.5": a decimal
    a, b, *_ = (int(n) for n in re.findall(r"\d+", m.group("v")))
    fraction = "/" in m.group("v") and b in (2, 3, 4, 8) and a < b and not _SINCE.search(m.group())
    if fraction or not (1 <= a <= 31 and 1 <= b <= 31 and min(a, b) <= 12):
        return None
    # "adopted by the Nursing Quality Council on 19/09/2022": a document's date, not a person's
    return None if _dates_a_document(m) else value(m)


def day_after_twelve(m: re.Match[str]) -> Span | None:
    """ "died at home 25/12", "handover 21/10": a day of 13 to 31 then a month, which no score
    (never above its maximum), fraction or ward shorthand ("10/7" is ten days) reads; not a
    dose split after a drug ("hydrocortisone 20/10"), a blood pressure ("TA 13/8") or a
    regimen ("24/4 regimen")."""
    before = m.string[max(0, m.start() - 30) : m.start()]
    word = _WORD_BEFORE.search(before)
    if a_drug_before(before) or (word is not None and word.group(1).casefold() in _PRESSURE_WORDS):
        return None
    return persons_date_only(m)


_WORD_BEFORE = re.compile(r"([^\W\d_]+)[ \t]*(?:à[ \t]+)?$")


def a_drug_before(before: str) -> bool:
    """The word just before is a drug's, generic or brand: "hydrocortisone 20/10", "Symbicort
    12/6" (a dose split, not a date)."""
    word = _WORD_BEFORE.search(before)
    return word is not None and (a_generic(folded := word.group(1).casefold()) or folded in BRANDS)


def a_persons_birth_year(m: re.Match[str]) -> Span | None:
    """A year after "born" or "dob", unless a group was born then: "children born in 2015",
    "adults born 1945-1965", "babies born in 2020" (a plural before "born")."""
    words = re.findall(r"[^\W\d_]+", m.string[max(0, m.start("v") - 40) : m.start("v")])
    born_at = next(
        (i for i in range(len(words) - 1, -1, -1) if words[i].casefold() == "born"), None
    )
    group = born_at is not None and born_at > 0 and _A_GROUP.fullmatch(words[born_at - 1])
    return None if group else value(m)


# Who a cohort is: a plural noun or a group's word before "born" ("those born after 1990").
_A_GROUP = re.compile(
    r"(?i:(?!(?:was|is|has|his|hers|yes|vs|this|us|its|as)$)[a-z]+s|those|people|children|men"
    r"|women|cohort)"
)


_PRESSURE_WORDS = frozenset(
    "bp ta tension pression presión pressao pressão rr bipap bpap niv ipap epap cpap peep "
    "settings vent ventilator".split()  # ("on BiPAP 14/6": its two pressures)
)


def plausible_date(m: re.Match[str]) -> Span | None:
    """Reject number triples that cannot be dates ("20/20/20") or are section numbers
    ("3.2.10": dots with a two-digit year, unless the year is past any day: "14.5.72")."""
    v = m.group("v")
    nums = [int(n) for n in re.findall(r"\d+", v)]
    if re.search(rf"(?i:{ORD_WORD})", v):  # "the fourth of July 1949"
        return value(m)
    if re.search(r"[A-Za-z]{3}", v):  # textual month: the first number is the day
        return value(m) if nums and 1 <= nums[0] <= 31 else None
    year_first = re.match(r"\d{4}\D", v) is not None
    seps = set(re.findall(r"[/.-]", v))
    short_year = v.split(".")[-1]
    section = len(short_year) == 2 and (int(short_year) <= 31 or nums[1] > 12)
    if len(seps) != 1 or ("." in seps and not year_first and section):
        return None
    if year_first:
        y, mo, d = nums
        ok = 1900 <= y <= 2099 and 1 <= mo <= 12 and 1 <= d <= 31
    else:
        a, b, _ = nums
        ok = 1 <= a <= 31 and 1 <= b <= 31 and min(a, b) <= 12
    return value(m) if ok else None


# Words that date a policy, a formulary or a guideline, not a person: "effective July 1".
_NOT_A_PERSONS_DATE = re.compile(
    r"(?i:\b(?:updated|effective|go(?:es)?[ \t]+live|went[ \t]+live|issued|published|revised"
    r"|released|launch(?:es|ed)?|policy|protocol|guideline|formulary|memo|bulletin|circular"
    r"|expires|expiry|expiring|PGD"
    # a document's approval, review and revision; a committee's meeting; a roster, a course,
    # a deadline, a batch ("Review date: 14/09/2026", "ratified by the Trust Board 26
    # January 2023", "Minutes, 06/06/2024", "best before 30.09.2025")
    r"|approved|approval|ratified|adopted|authori[sz]ation|revision[ \t]+date"
    r"|date[ \t]+of[ \t]+revision"
    r"|review[ \t]+(?:date|due)"
    r"|next[ \t]+review|last[ \t]+reviewed|committee|board|council|forum|minutes"
    r"|roster|rota|fortnight|w/c|deadline|e-learning|training|course|teaching"
    r"|best[ \t]+before|use[ \t]+by|batch(?:es)?"
    # a protocol's version and amendment, a system's release, upgrade or downtime, an agenda
    r"|version|amendment|release|upgrade|downtime|unavailable|cutover|agenda"
    # a charge's or a price's change, a year of accounts, a holiday ("Prescription charge is
    # going up on 1 May", "The QOF year ends 31 March", "bank holiday 26 August")
    r"|charges?|prices?|fees?|(?:QOF|financial|tax|contract|academic|leave)[ \t]+year"
    r"|bank[ \t]+holiday"
    # a rule's start, a day the world marks: "enters into force on 1 January 2025", "take
    # effect 1 November 2025", "World TB Day 24 March"
    r"|in(?:to)?[ \t]+force|(?:take|takes|took|taking)[ \t]+effect"
    r"|world[ \t]+[\w-]+(?:[ \t]+[\w-]+)?[ \t]+(?:day|week|month)"
    # a regulator's update or alert, a shortage, a feast ("MHRA update of 31 January 2024",
    # "shortage over as of 21 Feb 2025", "Ramadan 2025 starts around 1 March"; a recall is
    # a patient's too: "last recall 03/2022")
    r"|update|alert|shortage|ramadan|christmas"
    # a service closed over a holiday, a statutory system's start, a tariff ("the bereavement
    # office is closed 25 and 26 December", "the statutory ME system started on 9 September
    # 2024"; a wound or a duct closed on a day is a patient's)
    r"|(?:is|are|be|was|were)[ \t]+closed|statutory|tariff"
    # an audit's period, a journal club ("data period 01/01/2024 – 31/03/2024", "Journal
    # Club – Critical Care, 15/05/2024")
    r"|(?:data|audit|reporting|study|sample)[ \t]+period|journal[ \t]+club)\b)"
    r"(?:[^.?!;]|\.(?=\d)){0,30}$"  # (a version's point is no sentence's end: "policy v4.1 dated")
)


# A system's or a rule's change named right after its date: "since the 14 March upgrade",
# "the 1 April tariff change".
_A_SYSTEMS_CHANGE_AFTER = re.compile(
    r"[ \t]+(?i:upgrade|update|go-live|golive|rollout|roll-out|outage|downtime|tariff|policy"
    r"|guidance|guideline|bulletin|circular)\b"
)


def persons_date(m: re.Match[str]) -> Span | None:
    """A date, unless the words just before it date a policy or a guideline: HIPAA protects
    the dates of a person's care, and "the protocol goes live 15 January 2025" is none."""
    return None if _dates_a_document(m) else plausible_date(m)


def persons_date_only(m: re.Match[str]) -> Span | None:
    """A date unless the words before it date a document ("updated 06/2024")."""
    return None if _dates_a_document(m) else value(m)


def _dates_a_document(m: re.Match[str]) -> bool:
    """A document's word just before the date, unless what happened to the person comes
    before that word or between it and the date: "injured during annual training on
    6/14/2025" dates the injury, "antagonist protocol, egg collection 09/11/2024" the
    collection."""
    if _A_SYSTEMS_CHANGE_AFTER.match(m.string, m.end()):
        return True  # "since the 14 March upgrade"
    before = m.string[max(0, m.start() - 40) : m.start()]
    found = _NOT_A_PERSONS_DATE.search(before)
    if found is None:
        return False
    word_end = found.start() + len(before[found.start() :].split(None, 1)[0])
    return not (
        _PERSONS_EVENT.search(before, 0, found.start() + 1)
        or _PERSONS_EVENT_AFTER.search(before, word_end)
    )


# What happens to a person, said near a document's word: "injured during training", "prison
# no. A1234BC, release date 03/03/2025", "antagonist protocol, egg collection 09/11/2024".
# Between the document's word and the date, the words of either list; before it, also the
# second list's ("Rule version 2.3 (released 2024-11-05)" is a document's release).
_EVENTS_ANYWHERE = (
    "injured injury fell admitted discharged died arrested prison jail custody parole probation"
    " collection transfer insertion inserted implanted biopsy surgery operation delivered born"
).split()
_EVENTS_BEFORE_ONLY = (
    "released deployed assaulted collapsed diagnosed needlestick bitten exposed prisoner".split()
)


def _words(words: list[str]) -> re.Pattern[str]:
    return re.compile(rf"(?i:\b(?:{'|'.join(words)})\b)")


_PERSONS_EVENT = _words(_EVENTS_ANYWHERE + _EVENTS_BEFORE_ONLY)
_PERSONS_EVENT_AFTER = _words(_EVENTS_ANYWHERE)


def six_digit_date(m: re.Match[str]) -> Span | None:
    """ "030415": day-month-year or month-day-year, two digits each, both readings sensible."""
    a, b = int(m.group("v")[:2]), int(m.group("v")[2:4])
    day_month = 1 <= a <= 31 and 1 <= b <= 12
    month_day = 1 <= a <= 12 and 1 <= b <= 31
    return value(m) if day_month or month_day else None


_CLOCK_BEFORE = re.compile(
    r"(?i:\b(?:at|by|from|to|until|till|since|around|about|approx|before|after|between|and"
    r"|due|next|last|tonight|today|obs|dose|given|opens?|closes?|opening|closing))[ \t]*$"
    r"|[@~][ \t]*$"
)
_CLOCK_AFTER = re.compile(
    r"[ \t]*(?i:h\b|hrs?\b|hours\b|am\b|pm\b|tonight|today|shift\b|[-–][ \t]*\d)"
)


def over_89_year(m: re.Match[str]) -> Span | None:
    """A year at least 90 years ago (counted from this year, so it stays true), not a time
    on the 24-hour clock ("obs at 1930", "1915 hrs")."""
    if int(m.group("v")) > date.today().year - 90:
        return None
    before = m.string[max(0, m.start() - 12) : m.start()]
    clock = _CLOCK_BEFORE.search(before)
    span = _LIFE_SPAN.match(m.string, m.end())
    if span and int(m.group("v")) < int(span.group(1)) <= date.today().year:
        # born then, died later: "Kwame Mensah 1931-2024" (not "obs 1930-2000 hrs")
        return None if clock or _CLOCK_AFTER.match(m.string, span.end()) else value(m)
    if clock or _CLOCK_AFTER.match(m.string, m.end()):
        return None
    if _COUNTED_AFTER.match(m.string, m.end()):
        return None  # "1900 patients randomised": a count
    if _A_TEST_BEFORE.search(before):
        return None  # "CK 1900, Hb 118": a result
    return value(m)


# A laboratory test just before a number, which makes it the test's result, not a year.
_A_TEST_BEFORE = re.compile(
    r"\b(?:CK|CPK|LDH|ALT|AST|ALP|GGT|BNP|proBNP|CRP|ESR|WCC|WBC|PSA|CEA|IgE|ferritin|amylase"
    r"|lipase|plt|platelets|trop|troponin|d-?dimer)[ \t]*(?:of|was|is|=|:)?[ \t]*$",
    re.I,
)
# A second year after a dash: a life's or a stay's span, not a clock's ("1931-2024").
_LIFE_SPAN = re.compile(r"[ \t]*[-–][ \t]*((?:19|20)\d\d)(?!\d)")
_COUNTED_AFTER = re.compile(
    r"[ \t]+(?:patients|people|participants|subjects|adults|children|cases|women|men|births"
    r"|deaths|admissions|episodes|doses|samples|staff|beds)\b",
    re.I,
)
