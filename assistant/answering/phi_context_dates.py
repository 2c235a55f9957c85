"""A person's short dates, for assistant/answering/phi.py: in a question that already carries an
identifier, a day and month with no cue word ("pt archie dunn slipped 14/7", "exams were 1/5
and 7/5") is that person's date.

Alone, "7/5" is as often a fraction, a score or ward shorthand as a date, so the rules in
phi_date_rules want a cue ("since 2/4", "seen 11/09"). Once a question names a patient (or
gives a record number or a birth date), it is about that person, and HIPAA counts every
element of a date of their care: the cue is no longer needed, only the readings that are no
date must still be told apart: a fraction ("1/2 tab"), a score ("pain 7/10", "power 4/5",
"grade 2/6 murmur"), visual acuity ("VA 6/9"), ward shorthand for days, months and hours
("3/7 ago", "6/12 old", "for 2/24"), a dose split after a drug ("prednisolone 10/5"),
"24/7", and spinal levels ("C5/6").

The same question's whole dates are taken whatever word stands before them ("Next review:
01/08/2025" in a pasted record is the patient's review), and so are a month and year
("arrived March 2022", unless a document's: "the March 2024 update") and a month alone after
"in", "since" and the like ("had a stroke in jan"). A year alone is left, as HIPAA's Safe
Harbor leaves it (an age over 89 it gives away is another rule's).
"""

from __future__ import annotations

import re

from assistant.answering.phi_dates import (
    WHOLE_DATE,
    a_drug_before,
    persons_date_only,
    plausible_date,
)
from assistant.answering.phi_names import Span
from knowledge.language import detect_language

# A day and a month, nothing joined on either side: not "1/2/3", "C5/6", "2.5/3" or "3/4-ish".
_DAY_MONTH = re.compile(r"(?<![\w/.:-])(\d{1,2})/(\d{1,2})(?![\w/%]|[.:-]\d)")

# Two of them joined by a dash, a stay's first and last days: "3/2-3/6", "off 3/3-5/3".
_DAY_MONTH_RANGE = re.compile(
    r"(?<![\w/.:-])(\d{1,2})/(\d{1,2})[ \t]?[-–][ \t]?(\d{1,2})/(\d{1,2})(?![\w/%]|[.:-]\d)"
)

# Shorthand durations: "/7" days, "/12" months, "/24" hours ("3/7 ago", "6/12 old").
_DURATION_DENOMINATORS = frozenset({7, 12, 24})
_DURATION_BEFORE = re.compile(
    r"(?i:\b(?:for|x|in|within|past|last|over|after|every|q|each|approx|about|around|review"
    r"|rv|f/?u|follow[ \t-]?up|see|recheck|repeat|rpt)[ \t]*$|~[ \t]*$)"
)
_DURATION_AFTER = re.compile(
    r"[ \t]*(?i:ago|old|hx|history|post|later|prior|before|after|course|f/?u\b|follow|review"
    r"|of\b|abx|hrs?\b|hours|days|months|weeks)"
)
# Scores out of a maximum: "pain 7/10", "power 4/5", "GCS 14/15", "2/6 murmur", "AMTS 6/10",
# "MoCA 22/30", "KG 3/5" (German power), "a 9/10 match".
_SCORE_DENOMINATORS = frozenset({5, 6, 9, 10, 15, 30})
_SCORE_WORDS = re.compile(
    r"(?i:\b(?:pain|cp|score[ds]?|power|strength|kg|gcs|mrc|grade[ds]?|graded|murmur|scale"
    r"|rated|rates|nrs|vas|apgars?|ecog|nyha|mallampati|frailty|cfs|sats?|out[ \t]+of"
    r"|severity|amts|mmse|moca|hds|ace|acer|cas|match(?:ed)?)\b)"
)
_NEAR = 20  # characters either side in which a score's word names the score
# Visual acuity in metres ("VA 6/9", "3/60"), in a question about eyes or driving.
_ACUITY = frozenset({5, 6, 9, 12, 18, 24, 36, 60})
_EYES = re.compile(
    r"(?i:\b(?:va|acuity|vision|visual|snellen|binoc(?:ular)?|pinhole|eyes?|driving|dvla)\b)"
)


# Whole dates, whichever words stand before them: in a question about a person, "next review:
# 01/08/2025" or "amended report issued 04/02/2024" is their care's date, not a policy's.
_WHOLE_DATE = re.compile(WHOLE_DATE)
# A month and a year ("arrived from Ukraine March 2022", "sent 03/2024"); a month alone after a
# word that places an event in it ("had a stroke in jan"), never "may" or "march" in small
# letters, which are verbs.
_MONTH_NAME = (
    r"(?:(?i:jan(?:uary)?|feb(?:ruary)?|apr(?:il)?|june?|july?|aug(?:ust)?|sept?(?:ember)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)|Mar(?:ch)?|May|MAR(?:CH)?|MAY)\b"
)
_MONTH_OF_A_YEAR = re.compile(
    rf"(?<![\w'’-])(?:{_MONTH_NAME},?[ \t]+(?:19|20)\d\d|(?:0?[1-9]|1[0-2])/(?:19|20)\d\d)"
    r"(?![\w/]|[.,]\d)"
)
_MONTH_ALONE = re.compile(
    r"(?i:\b(?:in|since|from|until|till|early|late|mid|end[ \t]+of|start[ \t]+of|last|this"
    rf"|next)[ \t]+)(?P<v>{_MONTH_NAME})(?![ \t]*\d)"
)


def short_dates(text: str, carries_identifier: bool) -> list[Span]:
    """The dates of a question that carries another identifier which no cue word marks."""
    if not carries_identifier:
        return []
    spans = [m.span() for m in _DAY_MONTH.finditer(text) if _a_date(m)]
    spans += [m.span() for m in _DAY_MONTH_RANGE.finditer(text) if _both_days(m)]
    spans += [s for m in _WHOLE_DATE.finditer(text) if (s := plausible_date(m))]
    spans += [m.span() for m in _MONTH_OF_A_YEAR.finditer(text) if not _a_documents(m)]
    spans += [m.span() for m in _DOTTED_DAY_MONTH.finditer(text) if _a_dotted_date(m)]
    return spans + [m.span("v") for m in _MONTH_ALONE.finditer(text)]


# A day and a month as the Nordic countries and Germany write them, each closed by a dot:
# "admitted to Meilahti ICU 2.1.", "kontrolliaika 12.4.?" (not "2.1.3", "v2.1.", "§ 3.2.").
_DOTTED_DAY_MONTH = re.compile(r"(?<![\w.,/§-])(\d{1,2})\.(\d{1,2})\.(?![\w.]|\d)")
_SECTION_BEFORE = re.compile(
    r"(?i:\b(?:section|sect|sec|kohta|kohdan|punkt|punkt\.|avsnitt|afsnit|kapitel|chapter|luku"
    r"|version|versio|ver|step|table|figure|item|rule|paragraph|para|§))[ \t]*$"
)


# In English such a pair is a decimal at a sentence's end as often ("INR 2.5."), unless a
# stay's word stands shortly before it with no other number between, and no measure does.
_STAY_BEFORE = re.compile(
    r"(?i:\b(?:admitted|discharged|born|died|transferred))\b[^\d.?!\n]{0,30}$"
)
_MEASURE_BEFORE = re.compile(
    r"(?i:\b(?:inr|hb|hgb|k|na|crp|egfr|cr|creat|dose|level|score|ph|lactate|temp|bmi|wt"
    r"|weight|sats?|glucose|bg|ca|mg|po4|hba1c|a1c|troponin|trop|bnp|pct|wcc|plt)[ \t]*:?[ \t]*)$"
)


def _a_dotted_date(m: re.Match[str]) -> bool:
    day, month = int(m.group(1)), int(m.group(2))
    before = m.string[max(0, m.start() - 40) : m.start()]
    if not (1 <= day <= 31 and 1 <= month <= 12) or _SECTION_BEFORE.search(before[-16:]):
        return False
    if _MEASURE_BEFORE.search(before):
        return False  # "INR 2.5."
    return detect_language(m.string) != "en" or _STAY_BEFORE.search(before) is not None


def _both_days(m: re.Match[str]) -> bool:
    """Both ends of a stay are a day and a month: "at your hospital 3/2-3/6"."""
    a, b, c, d = (int(n) for n in m.groups())
    return all(1 <= x <= 31 and 1 <= y <= 31 and min(x, y) <= 12 for x, y in ((a, b), (c, d)))


def _a_documents(m: re.Match[str]) -> bool:
    """A month and year that dates a document, by the words before it ("updated 03/2024", "the
    March 2024 …") or after it ("March 2024 update")."""
    if _ARTICLE_BEFORE.search(m.string, max(0, m.start() - 8), m.start()):
        return True  # "the March 2024 …": what follows is dated, and a person's date has none
    return persons_date_only(m) is None or _DOCUMENT_AFTER.match(m.string, m.end()) is not None


_ARTICLE_BEFORE = re.compile(r"(?i:\b(?:the|a|an|our|their|this|that|its))[ \t]+$")


_DOCUMENT_AFTER = re.compile(
    r"[ \t]+(?i:update[sd]?|guidelines?|guidance|version|edition|revision|policy|protocol"
    r"|bulletin|circular|memo|newsletter|audit|report|formulary|release|amendment)\b"
)


# A condition's abbreviation just before "2/2" ("secondary to"): "ESRD 2/2", "AKI 2/2".
_SECONDARY_TO = re.compile(r"\b[A-Z][A-Z0-9]{1,5}[ \t]+$")


# A stay's verb right before a day and month that could be a fraction.
_ADMITTED_JUST_BEFORE = re.compile(
    r"(?i:\b(?:admitted|readmitted|re-admitted|discharged|transferred|died"
    # ... or seen by a named clinician: "Seen by Dr Okafor 3/4."
    r"|(?:seen|reviewed)[ \t]+by[ \t]+(?:dr|mr|mrs|ms|miss|prof)\.?[ \t]+[A-Z][\w'’-]+)"
    r"(?:[ \t]+on)?)[ \t]+$"
)


def _a_date(m: re.Match[str]) -> bool:
    a, b = int(m.group(1)), int(m.group(2))
    if not (1 <= a <= 31 and 1 <= b <= 31 and min(a, b) <= 12) or (a, b) == (24, 7):
        return False
    text, start, end = m.string, m.start(), m.end()
    fraction = b in (2, 3, 4, 8, 16) and a < b
    if fraction and _ADMITTED_JUST_BEFORE.search(text[max(0, start - 60) : start]):
        return True  # no fraction is admitted: "admitted 2/3 w/ type 2 RF", "readmitted 1/4"
    if fraction or (b == 7 and a <= 7):
        return False  # a fraction ("1/2 tab", "3/16 elastics") or days ("abx 7/7")
    before, after = text[max(0, start - _NEAR) : start], text[end : end + _NEAR]
    if before.rstrip().endswith("#"):
        return False  # a tooth's or a list's number: "# 11/21 crowns"
    if (a, b) == (2, 2) and _SECONDARY_TO.search(before) and re.match(r"[ \t]+\w", after):
        return False  # "secondary to" between two conditions: "ESRD 2/2 DM2", "AKI 2/2 sepsis"
    if a in (3, 6) and b in _ACUITY and _EYES.search(text):
        return False
    if b in _SCORE_DENOMINATORS and a <= b and _SCORE_WORDS.search(before + " " + after):
        return False
    if (
        b in _DURATION_DENOMINATORS
        and a < b
        and (_DURATION_BEFORE.search(before) or _DURATION_AFTER.match(after))
    ):
        return False
    return not (a > b and a_drug_before(before))
