"""Names wherever they stand: a word-by-word look for the names the cue rules miss.

assistant/phi.py finds names by where they stand (after "pt", before an age and sex, before
"DOB"). Clinicians also write "can Maria have ibuprofen", "pain not controlled for Smith",
"its for kathleen", "Rose is 82 and BP 92/50". This pass weighs each word that no rule took:

- its case: a capital inside a sentence is a proper noun's; at a sentence's start it says
  nothing; lower case is a name only for a given name that is no English word ("jamal");
- what it is: an English word written in lower case in a dictionary ("frank", "rose"), a
  clinical word (the abbreviation inventory, the app's drug and lay word tables, a drug name's
  stem), a brand, eponym, body, place or month (knowledge/proper_terms.py), a given name or a
  frequent surname (knowledge/data, from the census lists), or none of these;
- its neighbours: an eponym's noun or a dose after it ("Kernig sign", "Lasix 40mg") says it
  is not a person; "is 82", "in bed 3", "aged 95", "66M" after it say it is.

Where unsure, redact (the issue's rule): a capitalised word that is none of the known kinds
is taken for a name, because a name of any origin is more likely there than a word the lists
lack, and a clinician loses little when "Tomasz" becomes [NAME].
"""

from __future__ import annotations

import re
from functools import lru_cache

from knowledge.clinical_vocabulary import LAY_TERMS, SHORT_NAMES, SHORTHAND
from knowledge.name_words import (
    common_words,
    frequent_surnames,
    given_names,
    latin_with_diacritics,
    load_names,
)
from knowledge.proper_terms import BRANDS, CALENDAR, EPONYM_NOUNS, EPONYMS, NOT_PEOPLE
from knowledge.sense_inventory import SenseInventory

Span = tuple[int, int]

_TOKEN = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
# Stems of generic drug names (USAN/INN): a capitalised "Apixaban" or "Fidaxomicin" is a drug.
_DRUG_STEM = re.compile(
    r"(?:mab|nib|pril|sartan|olol|alol|azole|cillin|cycline|mycin|micin|floxacin|statin"
    r"|parin|xaban|gatran|tidine|prazole|dipine|zepam|zolam|azosin|terol|sonide|metasone"
    r"|olone|caine|profen|fenac|coxib|gliptin|gliflozin|glutide|navir|tegravir|buvir|ciclovir"
    r"|clovir|setron|triptan|dronate|fungin|penem|semide|thiazide|pramine|triptyline|oxetine"
    r"|afil|lukast|orphine|codone|morphone|azine|peridone|apine|formin|glinide|glitazone"
    r"|thromycin|oxacin|idazole|amivir|tropium|sartan|parin|platin|rubicin|taxel|trexate"
    r"|phylline|azepine|barbital|tadine|ridone|pentin|gabalin|setron|vastatin)$"
)
_PARTICLES = frozenset(
    "van von der den de del della la le du da di dos das bin ibn al el ní ó o mac st".split()
)
# After a word: the signs of a person ("Rose is 82", "Faith in bed 3", "Frank 66M",
# "Mariam 6 weeks", "Rahul whats …") and the signs of a drug ("Lasix 40mg", "Norco 10/325").
_PERSON_AFTER = re.compile(
    r"(?:['’]s)?[ \t]*,?[ \t]*(?:\(?\d{1,3}[ \t]?(?:yo|y/o|y\.o|yrs?|years?|[mf]|months?|mo"
    r"|weeks?|wks?|days?)\b|(?:is|was|has|had|keeps|needs|wants|says|said|refuses|refused"
    r"|aged?|whats|what's|in[ \t]+(?:bed|bay|room|side[ \t]+room|cubicle|resus)"
    r"|from[ \t]+(?:bed|bay|room|ward)|on[ \t]+(?:ward|bay))\b)",
    re.I,
)
_DOSE_AFTER = re.compile(
    r"[ \t]*(?:\d+(?:\.\d+)?[ \t]*(?:mg|mcg|µg|g|ml|units?|iu|mmol|micrograms?|%|/\d)"
    r"|(?:XL|XR|SR|ER|CR|LA|MR|ODT|IR)\b)",
    re.I,
)
# "Ward 3", "Bay 7B": a word before a bare number labels a place; "Smith 10 mg" is a name.
_BARE_NUMBER_AFTER = re.compile(
    r"[ \t]*#?\d{1,3}[A-Za-z]?\b(?![-/.:]\d|[ \t]*(?:mg|mcg|g|ml|units?)\b)"
)
_SENTENCE_END = ".!?\n"


@lru_cache(maxsize=1)
def clinical_words() -> frozenset[str]:
    """Words clinical questions use that no name list should claim: the abbreviation
    inventory's, and the app's own drug, lay and shorthand tables (keys and values)."""
    words = set(SenseInventory.load().vocabulary())
    for table in (SHORT_NAMES, SHORTHAND, LAY_TERMS):
        for key, value in table.items():
            words.update(re.findall(r"[^\W\d_]+", f"{key} {value}".lower()))
    return frozenset(words)


def warm_up() -> None:
    common_words(), given_names(), frequent_surnames(), clinical_words(), load_names()


def name_spans(text: str, taken: bytearray, names: list[Span] = ()) -> list[Span]:
    """Spans of the names the word-by-word look finds among the characters not yet taken.
    `names` are the names the rules found: their words count as names when a neighbour is
    weighed ("JS" before a found "Smith"), and a span may grow over them."""

    def inside_a_name(t: re.Match[str]) -> bool:
        return any(s <= t.start() and t.end() <= e for s, e in names)

    tokens = [
        t for t in _TOKEN.finditer(text) if not any(taken[t.start() : t.end()]) or inside_a_name(t)
    ]
    verdicts = [inside_a_name(t) or _is_name(text, t) for t in tokens]
    _join_neighbours(text, tokens, verdicts)
    return _spans(text, tokens, verdicts)


def _is_name(text: str, token: re.Match[str]) -> bool:
    word = re.sub(r"['’]s$", "", token.group())
    folded = word.casefold()
    parts = [p for p in re.split(r"[-'’]", folded) if p]
    if len(word) < 2 or _is_initials(word) or _in_a_code(text, token) or _inner_capital(word):
        return False
    after = text[token.end() : token.end() + 40]
    if word.isupper():
        return _capitals_name(folded, parts)
    if word[0].islower():
        return _lower_name(folded, parts)
    strong = _listed_strongly(folded, parts) or latin_with_diacritics(word)
    # a dose after a word says drug, unless the word is a name and no brand ("for Smith 10 mg")
    dose = _DOSE_AFTER.match(after) and (not strong or folded in BRANDS)
    if _not_a_person(folded, parts) or _eponym_next(text, token.end()) or dose:
        return False
    if folded in CALENDAR and _a_date_around(text, token):
        return False  # "the March 2024 update", "since Monday"
    if _known(folded, parts):
        # "Smith" inside a sentence, "Rose is 82" at its start; "Blood Bank", "Hope",
        # "Ward 3" not.
        if not _starts_sentence(text, token.start()):
            return strong and not _BARE_NUMBER_AFTER.match(after)
        return _person_after(after) and (strong or folded in load_names())
    return True  # a capitalised word none of the lists knows: where unsure, redact


def _capitals_name(folded: str, parts: list[str]) -> bool:
    """ "JONES", "GONZALEZ": on the name lists and no abbreviation or word ("TIA", "MUST")."""
    if len(folded) < 3 or folded in SenseInventory.load():
        return False
    if not _listed_strongly(folded, parts):
        return False
    return not all(p in common_words() or p in NOT_PEOPLE for p in parts) or folded in EPONYMS


def _lower_name(folded: str, parts: list[str]) -> bool:
    """ "jamal", "kathleen": a given name that is no English or clinical word."""
    return (
        len(folded) >= 3
        and folded in given_names()
        and not _known(folded, parts)
        and (folded not in NOT_PEOPLE)
    )


def _known(folded: str, parts: list[str]) -> bool:
    words, clinical = common_words(), clinical_words()
    return all(p in words or p in clinical or _DRUG_STEM.search(p) for p in parts)


def _listed_strongly(folded: str, parts: list[str]) -> bool:
    given, frequent = given_names(), frequent_surnames()
    return any(p in given or p in frequent for p in [folded, *parts])


def _not_a_person(folded: str, parts: list[str]) -> bool:
    """A brand, eponym, body, place or month, unless also a common name: "Jordan", "Turner",
    "Wells" need a noun after them to be let through. Eponyms joined by hyphens are let
    through ("Wolff-Parkinson-White", "Dix-Hallpike"); so is a generic drug's stem."""
    if all(p in NOT_PEOPLE or p in _PARTICLES for p in parts):
        joined_eponyms = len(parts) > 1 and all(p in EPONYMS for p in parts)
        return joined_eponyms or not _listed_strongly(folded, parts)
    return bool(_DRUG_STEM.search(folded)) and folded not in given_names()


def _eponym_next(text: str, end: int) -> bool:
    """An eponym's noun within the next few words, past capitalised words, "and"/"or" and
    a possessive: "Glasgow Coma Scale", "Kernig and Brudzinski negative", "Bell's palsy"."""
    for word in list(_TOKEN.finditer(text[end : end + 60]))[:4]:
        w = word.group().casefold().removesuffix("'s").removesuffix("’s")
        if w in EPONYM_NOUNS:
            return True
        if not (word.group()[:1].isupper() or w in ("and", "or", "s")):
            return False
    return False


_DATE_WORD_BEFORE = re.compile(
    r"(?i:\b(?:in|on|since|from|until|till|by|last|next|this|the|early|late|mid|of))[ \t]+$"
)


def _a_date_around(text: str, token: re.Match[str]) -> bool:
    """A month or a weekday used as one: "March 2024", "since Monday", "the March update"."""
    before = text[max(0, token.start() - 12) : token.start()]
    number_after = re.match(r"[ \t]+\d", text[token.end() :]) is not None
    return number_after or _DATE_WORD_BEFORE.search(before) is not None


def _person_after(after: str) -> bool:
    return _PERSON_AFTER.match(after) is not None


def _starts_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t\"'“‘")
    return not before or before[-1] in _SENTENCE_END or before.endswith(" -")


def _in_a_code(text: str, token: re.Match[str]) -> bool:
    """Letters joined to digits are a code or a measure, not a word: "HbA1c", "SpO2", "B12"."""
    before = text[token.start() - 1 : token.start()]
    after = text[token.end() : token.end() + 1]
    return before.isdigit() or after.isdigit()


def _inner_capital(word: str) -> bool:
    """A capital after a small letter is an abbreviation's ("CrCl", "PrEP", "eGFR"), except in
    the names that have one ("McDonald", "MacLeod", "DeShawn", "LaToya", "O'Brien")."""
    inner = re.search(r"[a-zà-ÿ][A-ZÀ-Þ]", word)
    return inner is not None and re.match(r"(?:Mc|Mac|De|Di|La|Le|Van|Von)[A-Z]", word) is None


def _is_initials(word: str) -> bool:
    return re.fullmatch(r"[A-Z](?:[-.]?[A-Z]){0,2}\.?", word) is not None


def _join_neighbours(text: str, tokens: list[re.Match[str]], verdicts: list[bool]) -> None:
    """A name's neighbours join it: initials before it ("J. Smith", "J-P Rousseau"), a
    particle between ("Nguyen van Minh"), and a capitalised listed word beside it ("Gerald
    Moss"), but never across punctuation other than a comma of "Last, First"."""
    changed = True
    while changed:
        changed = False
        for i, token in enumerate(tokens):
            if verdicts[i]:
                continue
            near = [j for j in (i - 1, i + 1) if 0 <= j < len(tokens) and verdicts[j]]
            near = [j for j in near if _adjacent(text, tokens[min(i, j)], tokens[max(i, j)])]
            if not near:
                continue
            if _joins(text, token, i - 1 in near, i + 1 in near):
                verdicts[i] = changed = True


def _joins(text: str, token: re.Match[str], name_before: bool, name_after: bool) -> bool:
    """Initials before a name, a particle after one, or a capitalised word beside one that is
    no word at all ("Tamar Cohen") or a common name ("Gerald Moss"), but not a word that
    leads a number ("John Smith Ward 3") or starts the sentence ("Does John Smith …")."""
    word, folded = token.group(), token.group().casefold()
    if _is_initials(word):
        return name_after
    if folded in _PARTICLES:
        return name_before
    if not word[:1].isupper() or word.isupper() or folded in EPONYM_NOUNS:
        return False
    if not _known(folded, [folded]):
        return True
    leads_a_number = _BARE_NUMBER_AFTER.match(text[token.end() :]) is not None
    return _listed_strongly(folded, [folded]) and not leads_a_number


def _adjacent(text: str, left: re.Match[str], right: re.Match[str]) -> bool:
    return re.fullmatch(r"\.?[ \t]+|,[ \t]*", text[left.end() : right.start()]) is not None


def _spans(text: str, tokens: list[re.Match[str]], verdicts: list[bool]) -> list[Span]:
    """Adjacent name words make one span (one placeholder for "Harold Finch")."""
    spans: list[Span] = []
    for token, name in zip(tokens, verdicts, strict=True):
        if not name:
            continue
        start, end = token.span()
        if spans and re.fullmatch(r"\.?[ \t]+", text[spans[-1][1] : start]):
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans
