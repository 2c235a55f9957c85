"""The words a name's cue names ("Mr", "pt", "named", a relative's word; the cues are
assistant/answering/phi_patterns.py's NAME_CUE): up to the first stop word, place, brand or
body, an initial after a title kept with its surname ("Mrs A. B. Lindqvist")."""

from __future__ import annotations

import re

from assistant.answering.phi_lexicon import listed_strongly
from assistant.answering.phi_names import STOP, Span, name_list
from assistant.answering.phi_phrases import place_phrases
from knowledge.proper_terms import NOT_PEOPLE


def name_after_cue(m: re.Match[str]) -> Span | None:
    """Keep the words after a cue up to the first stop word, or a place, brand or body
    ("patient, Chinese herbal medicines"); none if the first is one."""
    start = end = m.start("v")
    if any(a <= start and m.end("v") <= b for a, b in place_phrases(m.string)):
        return None  # "Sister Mary Joseph nodule": a sign's name, not a nun's
    if _BLOOD_GROUP.match(m.string, start):
        return None  # "Mum O positive, baby A positive": their blood groups
    # After "Mr" or "Mrs" a capitalised surname that is also a word ("Mr Ward 82", "Mrs
    # Will") is the person's: the first word only, the rest as for any cue.
    titled = _TITLE_BEFORE.search(m.string, 0, start) is not None
    initials_only = True  # so far: "Mrs A. B. Lindqvist" (not the article "A", nor "I")
    for w in re.finditer(r"\S+", m.group("v")):
        if titled and initials_only and _an_initial(w.group(), m.string, start + w.end()):
            end = start + w.end()
            continue
        word = w.group().strip(".:").casefold()  # ("NWANKWO  FORENAME: …")
        surname = titled and initials_only and w.group()[0].isupper() and listed_strongly(word, [])
        if not surname and (word in STOP or (word in NOT_PEOPLE and word not in name_list())):
            break
        initials_only = False
        end = start + w.end()
    if m.group().startswith("named") and _A_PLACE_NAMED.match(m.string, end):
        return None  # "a ward named Florence Nightingale ward": a place named after someone
    return (start, end) if end > start else None


_A_PLACE_NAMED = re.compile(
    r"[ \t]+(?i:ward|unit|room|wing|suite|house|building|centre|center|clinic|hospital"
    r"|hospice|lounge|garden)\b"
)
_BLOOD_GROUP = re.compile(r"(?:A|B|AB|O)[ \t]*(?i:pos(?:itive)?|neg(?:ative)?|Rh[DdEe]?\b|[+-])")
_TITLE_BEFORE = re.compile(r"\b(?:Mrs|Mr|Ms|Miss|Mx)\.?[ \t]+$")
_CAPITALISED_AFTER = re.compile(r"[ \t]+[A-Z][a-z]")


def _an_initial(word: str, text: str, end: int) -> bool:
    """An initial after a title, with its full stop or a capitalised word after it: "A." of
    "Mrs A. Smith", "A" of "Mr A Jones" (not "Mr A is")."""
    if re.fullmatch(r"[A-Z]\.", word):
        return True
    capital_after = _CAPITALISED_AFTER.match(text, end) is not None
    return re.fullmatch(r"[A-Z]", word) is not None and capital_after
