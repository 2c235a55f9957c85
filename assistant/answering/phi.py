"""Patient-identifier (PHI) detection and redaction for text that leaves the workstation.

Every question bound for a cloud LLM goes through `check()`. Detection is rule based on
purpose: deterministic, offline, fast and auditable, and tuned so clinical language (doses,
frequencies, guideline years, section and page numbers, times, ward numbers) passes
untouched. The words the rules can only judge one by one get a second opinion from a small
learned model whose weights are a readable table (phi_name_model.py). It is a safety net,
not a guarantee; the known misses are listed in tests/assistant/test_phi.py.

Placeholders are typed and numbered per kind in order of appearance ("[NAME-1]") and reused
for a repeated value. One exception: an age over 89 (a HIPAA Safe Harbor identifier) is
kind "ID" but only the number is replaced, by the fixed "[AGE-90+]", so the model still
knows the patient is very old ("a [AGE-90+]-year-old").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Literal, NamedTuple

from assistant.answering import (
    phi_context_dates,
    phi_context_numbers,
    phi_lexicon,
    phi_name_model,
    phi_name_spans,
    phi_words,
)
from assistant.answering.phi_lexicon import PARTICLES, TOKEN
from assistant.answering.phi_names import STOP
from assistant.answering.phi_numbers import TOLL_FREE_LINE
from assistant.answering.phi_patterns import AGE_PLACEHOLDER, BOOKED_TIME, CITY
from assistant.answering.phi_rules import RULES
from assistant.answering.phi_tables import table_cells
from knowledge.name_words import common_words, given_names, load_names
from knowledge.parsing.hygiene import english_words
from knowledge.proper_terms import PLACE_PHRASES, PLACES

__all__ = [
    "AGE_PLACEHOLDER",
    "KINDS",
    "PhiBlocked",
    "PhiFinding",
    "Redaction",
    "check",
    "redact",
    "warm_up",
]

KINDS = ("MRN", "SSN", "DOB", "DATE", "PHONE", "EMAIL", "ADDRESS", "NAME", "ID")

# Singular / plural wording for notice(); ages are worded apart although their kind is ID.
_LABELS = {
    "MRN": ("medical record number", "medical record numbers"),
    "SSN": ("social security number", "social security numbers"),
    "DOB": ("date of birth", "dates of birth"),
    "DATE": ("date", "dates"),
    "PHONE": ("phone number", "phone numbers"),
    "EMAIL": ("email address", "email addresses"),
    "ADDRESS": ("address", "addresses"),
    "NAME": ("name", "names"),
    "ID": ("identifier", "identifiers"),
    AGE_PLACEHOLDER: ("age over 89", "ages over 89"),
}


@dataclass(frozen=True)
class PhiFinding:
    kind: str
    text: str  # the original text that was replaced
    start: int  # offsets in the original text
    end: int
    placeholder: str
    # Found word by word, not by a rule: a capitalised word no list knows, say. Redacted all
    # the same (where unsure, redact), and counted apart in the notice.
    guess: bool = False


@dataclass(frozen=True)
class Redaction:
    original: str
    text: str
    findings: tuple[PhiFinding, ...] = ()

    @property
    def changed(self) -> bool:
        return bool(self.findings)

    def summary(self) -> dict[str, int]:
        """Occurrences by kind, in order of first appearance."""
        return dict(Counter(f.kind for f in self.findings))

    def notice(self) -> str:
        """One sentence for the UI/CLI: kinds and counts only, never values."""
        if not self.findings:
            return ""
        counts = Counter(
            AGE_PLACEHOLDER if f.placeholder == AGE_PLACEHOLDER else f.kind for f in self.findings
        )
        parts = [f"{n} {_LABELS[key][n != 1]}" for key, n in counts.items()]
        guesses = sum(f.guess for f in self.findings)
        if guesses:  # which count may be an ordinary word: "2 names (1 of them a guess)"
            names = counts["NAME"]
            said = "a guess" if names == 1 else "guesses" if guesses == names else None
            said = said or f"{guesses} of them a guess"
            parts[list(counts).index("NAME")] += f" ({said})"
        return "Removed before sending: " + ", ".join(parts) + "."


class PhiBlocked(Exception):
    """Raised by check(mode="block"). The message names kinds only, so it is safe to log."""

    def __init__(self, kinds: tuple[str, ...]):
        self.kinds = kinds
        super().__init__(
            f"Not sent: the text appears to contain patient identifiers ({', '.join(kinds)}). "
            "Remove them and try again."
        )


_REPEATED = 6  # the rank of a found name's other occurrences
_WORD_BY_WORD = 7  # the rank of names found word by word: below every rule


class _Hit(NamedTuple):
    start: int
    end: int
    rank: int
    kind: str
    key: str  # hits of one kind with the same key share a placeholder
    fixed: str | None


def _candidates(text: str) -> list[_Hit]:
    hits: list[_Hit] = []
    for rule in RULES:
        # Not finditer: a rejected match ("Patient Controlled Analgesia Mrs") must not hide
        # a real one that starts inside it ("Mrs. Anne O'Neil"), so resume just after it.
        pos = 0
        while m := rule.pattern.search(text, pos):
            span = rule.accept(m)
            if span is None or span[1] <= span[0]:
                pos = m.start() + 1
                continue
            key = " ".join(text[span[0] : span[1]].split()).casefold()
            hits.append(_Hit(*span, rule.rank, rule.kind, key, rule.fixed))
            pos = span[1]
    hits += _table_cells(text)
    hits += _zip_codes_after(text, hits)
    hits += _towns_after_addresses(text, hits)
    hits += _names_word_by_word(text, hits)
    hits += _joined_names(text, hits)
    # and the postcode after a town the word-by-word look found: "Kothrud, Pune 411038"
    found = {(h.start, h.end) for h in hits}
    hits += [h for h in _zip_codes_after(text, hits) if (h.start, h.end) not in found]
    # A name found once after a cue ("Mrs Jane Doe") is redacted wherever else it appears,
    # whole or by its parts ("Doe's INR"), and the parts share the name's placeholder (and
    # stay a guess when the name was one).
    terms: dict[str, tuple[str, int]] = {}
    for hit in [h for h in hits if h.kind == "NAME"]:
        words = text[hit.start : hit.end].split()
        rank = _WORD_BY_WORD if hit.rank == _WORD_BY_WORD else _REPEATED
        for term in [" ".join(words), *(words if len(words) > 1 else ())]:
            if len(term.strip(".")) > 1 and term.casefold() not in STOP and not _a_particle(term):
                terms.setdefault(term, (hit.key, rank))
    if terms:
        alternatives = "|".join(map(re.escape, sorted(terms, key=len, reverse=True)))
        for m in re.finditer(rf"(?<![\w'’-])(?:{alternatives})(?=['’]s\b|[^\w'’-]|$)", text):
            key, rank = terms[m.group()]
            hits.append(_Hit(*m.span(), rank, "NAME", key, None))
    public = [m.span("v" if m.group("v") else "v2") for m in _PUBLIC_REFERENCE.finditer(text)]
    hits = [h for h in hits if not any(a <= h.start and h.end <= b for a, b in public)]
    # a toll-free line is no one's record or address, but the phone rules judge it as a phone
    # ("callback 8005550199" is the caller's)
    free = [m.span() for m in TOLL_FREE_LINE.finditer(text)]
    hits = [
        h
        for h in hits
        if h.kind == "PHONE" or not any(a <= h.start and h.end <= b for a, b in free)
    ]
    # A question about a person: its bare day-month dates ("slipped 14/7") and its unlabelled
    # codes ("DOC #A-447829") are that person's.
    about_someone = bool(hits)
    for start, end in phi_context_dates.short_dates(text, about_someone):
        hits.append(_Hit(start, end, 4, "DATE", text[start:end], None))
    for start, end in phi_context_numbers.persons_codes(text, about_someone):
        # (a catalogue's number, "NCT05123456"; a helpline's, "Hotline (1-800-799-7233)")
        if not any(a <= start and end <= b for a, b in public + free):
            hits.append(_Hit(start, end, 5, "ID", text[start:end], None))
    return hits


# A public catalogue's number, which names a gene, a variant, a trial, a paper, a code or a
# product, no patient: "OMIM 300624", "ClinVar VCV000007105", "HP:0001250", "rs1801133",
# "NCT04368728", "EudraCT 2019-001234-56", "PMID 31234567", "SNOMED CT 22298006", "DIN
# 02443937", "NDC 0002-8215-01".
_PUBLIC_REFERENCE = re.compile(
    r"\b(?:OMIM|MIM|ClinVar|HPO|dbSNP|EudraCT|ISRCTN|PMID|PMCID|SNOMED(?:[ \t]+CT)?|LOINC"
    r"|ORPHA|Orphanet|DIN|NDC|ATC)\b[ \t]*[:#]?[ \t]*(?P<v>[A-Za-z]{0,4}[:\d][\w.:/-]*\d)"
    r"|(?P<v2>\bHP:\d{7}\b|\b(?:VCV|RCV|SCV)\d{6,}\b|\brs\d{3,}\b|\bNCT\d{8}\b)"
)


def _a_particle(term: str) -> bool:
    """A name's particle alone names no one: "de" of "Maria de la Cruz" is not redacted
    wherever else it stands ("dosis de hoy"); a capitalised "Van" or "Del" may be a first name."""
    return term.casefold() in PARTICLES and (term.islower() or len(term) < 3)


def _table_cells(text: str) -> list[_Hit]:
    """The cells under an identifier's heading in a pasted table (assistant/answering/
    phi_tables.py); an age's only when over 89, as everywhere."""
    hits = []
    for cell in table_cells(text):
        key = " ".join(text[cell.start : cell.end].split()).casefold()
        if cell.kind == "AGE":
            hits.append(_Hit(cell.start, cell.end, 1, "ID", key, AGE_PLACEHOLDER))
        else:
            hits.append(_Hit(cell.start, cell.end, 1, cell.kind, key, None))
    return hits


_ONE_WORD_GAP = re.compile(r"[ \t]+[A-Z][a-z'’-]+[ \t]+")
# Just before a name: "Heather O'Sullivan-Marsh", "john paul o'connor", "Bob (robert)", "Mark
# and Hope".
_WORD_BEFORE = re.compile(r"(?<![\w'’-])([A-Za-z][a-z]+)[ \t]*(?:\([ \t]*|[ \t](?:and|&)[ \t]+)?$")
_BEFORE_WINDOW = 40  # characters: longer than any word and its "and" or "("
# Just after a name: "jack o'shea", "jack jr", "john paul o'connor (JP)".
_AFTER_NAME = re.compile(
    r"[ \t]+(?:[Oo]['’][A-Za-z]+|(?i:jr|sr|junior|senior|ii|iii)\b\.?)|[ \t]*\([A-Z]{2,3}\)"
    # the name someone goes by, in brackets in small letters: "mrs mcallister (isobel)"
    r"|[ \t]*\((?P<called>[a-z]{3,})\)"
)
# An age right after a name: "gladys 98 on 4A", "Ruiz 101,", "Grace is 91 and …".
_AGE_AFTER_NAME = re.compile(
    # (a dash, a full stop or a ward in brackets may stand between: "Mr Hale - 90 - catheter
    # blocked", "dad = tony russo. 91.", "Okafor (Ward 24) 91"; a slash after it makes a
    # reading, "98/60", "120 / 80", unless spaced before a bed's number or a name, as a list
    # parts its rows: "Fahy B 91 / 4 Cullen")
    r"(?:[ \t]+[A-Z]\.?(?=[ \t]))?"  # (the initial a list writes after it: "Fahy B 91")
    r"[ \t]*(?:,|\.|[-–—]|\([^()\n]{1,20}\))?[ \t]*(?:(?:is|was|aged)[ \t]+)?(9\d|1[01]\d)\b"
    r"(?![.,]\d|[ \t]*(?:%|mg|kg|mmhg|mins?\b|minutes|h\b|hrs?\b|hours|days|ml\b|units|bpm"
    r"|mmol|x\b)|/|[ \t]+/[ \t]*\d{2,3}\b(?![ \t]+[A-Z]))"
)


def _joined_names(text: str, hits: list[_Hit]) -> list[_Hit]:
    """Words that belong to a name found already, though alone each is an English word: a
    capitalised word between two names ("Jia Wen Liu"), a name-list word just before one, a
    particle, suffix or initials just after one; and an age over 89 written right after
    one ("gladys 98")."""
    names = sorted((h for h in hits if h.kind == "NAME"), key=lambda h: h.start)
    spans = [
        (a.start, b.end, min(a.rank, b.rank))
        for a, b in zip(names, names[1:], strict=False)
        if _ONE_WORD_GAP.fullmatch(text, a.end, b.start)
    ]
    in_a_name = bytearray(len(text))
    for hit in names:
        in_a_name[hit.start : hit.end] = b"\x01" * (hit.end - hit.start)
    for hit in names:
        # (a window, not the text so far: a long pasted note must stay linear)
        before = _WORD_BEFORE.search(text, max(0, hit.start - _BEFORE_WINDOW), hit.start)
        # A word that is part of another name already stays with it: "Jim Fraser and Liz".
        if before and not in_a_name[before.start(1)] and _joins_a_name(before.group(1)):
            spans.append((before.start(1), hit.end, hit.rank))
        after = _AFTER_NAME.match(text, hit.end)
        called = after and after.group("called")
        if after and not (called and phi_lexicon.known(called, [called])):
            spans.append((hit.start, after.end(), hit.rank))
    found = [
        _Hit(start, end, rank, "NAME", " ".join(text[start:end].split()).casefold(), None)
        for start, end, rank in spans
    ]
    for hit in names:
        if age := _AGE_AFTER_NAME.match(text, hit.end):
            found.append(_Hit(*age.span(1), 5, "ID", age.group(1), AGE_PLACEHOLDER))
    return found


def _joins_a_name(word: str) -> bool:
    """A word on a name list that is no small word of a sentence ("for", "will", "the"); in
    small letters only a given name ("john paul o'connor")."""
    folded = word.casefold()
    if folded in STOP or folded in phi_lexicon.MODALS or folded not in load_names():
        return False
    return word[0].isupper() or folded in given_names()


# (A UK postcode's last two letters are never C, I, K, M, O or V: "b12 4mg" is a dose.)
_CODE_AFTER = re.compile(
    r"(?<![\w.,/-])(?:\d{5}(?:-\d{4})?|(?i:[a-z]{1,2}\d[a-z\d]?[ \t]?\d[abd-hjlnp-uw-z]{2})"
    # an Indian PIN ("Pune 411038") or an Australian or New Zealand postcode ("Napier 4110")
    r"|[1-9]\d{5}|\d{4})"
    r"(?![\w-]|[.,:]\d|[ \t]*(?:%|(?i:g|kg|mg|mcg|ml|grams?|units?)\b))"  # ("3450 g": a weight)
)


_A_LISTS_TIME = re.compile(BOOKED_TIME)
_NAME_NEXT = re.compile(r"[ \t]+[A-Z]{2,}\b")


def _zip_codes_after(text: str, hits: list[_Hit]) -> list[_Hit]:
    """A five-digit number right after another identifier is its ZIP code ("555 0199 02139"),
    and so is a UK postcode in any case ("3 elmfield terrace, ls7 4dd"), an Indian PIN and
    an Australian or New Zealand postcode ("Kothrud, Pune 411038")."""
    ends = {h.end for h in hits}
    found = []
    for m in _CODE_AFTER.finditer(text):
        before = text[: m.start()].rstrip(" \t")
        listed = before.endswith(",")
        if listed and _A_LISTS_TIME.fullmatch(m.group()) and _NAME_NEXT.match(text, m.end()):
            continue  # a clinic list's next booking: "BARKER T, 0930 MBEKI N"
        if len(before.rstrip(" \t,")) in ends:
            found.append(_Hit(*m.span(), 3, "ADDRESS", m.group(), None))
    return found


# A town after a street address: "44 oak street in Brighton", "12 Elm Rd, Leeds:"; after a
# comma only when punctuation or the end follows, so "12 Oak Rd, Insulin dose?" keeps its drug.
_TOWN_AFTER = re.compile(
    rf"[ \t]+in[ \t]+({CITY})\b|,[ \t]*({CITY})(?=[ \t]*(?:[,.;:]|$))"
    rf"|,[ \t]*({CITY}[ \t]+\d{{4}})(?![\w/.-])"  # "Cape Town 8001": a four-digit postcode
)


def _towns_after_addresses(text: str, hits: list[_Hit]) -> list[_Hit]:
    """The town of an address: a place the lists know, or capitalised words no dictionary
    or clinical list holds ("in Brighton", "in Ballymun"), not "in Resus"."""
    found = []
    for hit in [h for h in hits if h.kind == "ADDRESS"]:
        m = _TOWN_AFTER.match(text, hit.end)
        if m is None:
            continue
        group = next(g for g in (1, 2, 3) if m.group(g))
        town = m.group(group).casefold().rstrip("0123456789 \t")
        words = town.split()
        if " ".join(words) in PLACE_PHRASES or all(
            w in PLACES or not (w in common_words() or w in phi_lexicon.clinical_words())
            for w in words
        ):
            found.append(_Hit(*m.span(group), 3, "ADDRESS", m.group(group).casefold(), None))
    return found


def _names_word_by_word(text: str, hits: list[_Hit]) -> list[_Hit]:
    """Names no rule placed, found word by word among the characters no rule took."""
    taken = bytearray(len(text))
    for hit in hits:
        taken[hit.start : hit.end] = b"\x01" * (hit.end - hit.start)
    rule_names = [(h.start, h.end) for h in hits if h.kind == "NAME"]
    others = [(h.start, h.end) for h in hits if h.kind != "NAME"]
    guesses = phi_name_spans.name_spans(text, taken, rule_names)
    spans = phi_name_model.judge(text, rule_names, others, guesses)
    return [
        _Hit(start, end, _WORD_BY_WORD, "NAME", " ".join(text[start:end].split()).casefold(), None)
        for start, end in filter(None, (_no_particle_at_the_end(text, s) for s in spans))
    ]


def _no_particle_at_the_end(text: str, span: tuple[int, int]) -> tuple[int, int] | None:
    """A name opens with its particles ("de la Cruz", "van Dijk") but never ends with one in
    small letters: "Glucemia de 32", "Paciente de la cama" are a phrase of another language.
    (Unless a capitalised word follows, which another look may have taken: "María del
    Carmen".)"""
    start, end = span
    words = list(TOKEN.finditer(text, start, end))
    following = re.match(r"[ \t]+(['’]t\b|\w+)", text[end:])
    after = following.group(1) if following else ""
    if not all(w.group() in PARTICLES for w in words) and (
        (after.istitle() and len(after) > 1) or after in ("'t", "’t")
    ):
        return span  # the rest follows: "María del Carmen", "Jan-Willem van 't Hof"
    while words and words[-1].group() in PARTICLES:  # (a capitalised "Ni", "Van" may end one)
        words.pop()
    return (start, words[-1].end()) if words else None


def warm_up() -> None:
    """Read the word lists, the spelling model and the name model's weights now, not on the
    first question (the name lists are phi_words'; the model's vocabulary is the cue rules')."""
    english_words()
    phi_words.warm_up()
    phi_name_model.warm_up()


def _uncovered_part(hit: _Hit, taken: bytearray, text: str) -> _Hit | None:
    """What a hit overlapped by a longer one still holds at one end, beyond it: "Brophy Lyons"
    found as a surname, "Kathleen (Kitty) Brophy" as a name, "Lyons" must not be left."""
    start, end = hit.start, hit.end
    while start < end and taken[start]:
        start += 1
    while end > start and taken[end - 1]:
        end -= 1
    if any(taken[start:end]):
        return None  # a hole in the middle: the longer hit lies inside
    piece = text[start:end]
    stripped = piece.strip(" \t,;:()'\"‘’“”-")
    if len(stripped) < 2 or not any(c.isalnum() for c in stripped):
        return None
    start += piece.index(stripped)
    return hit._replace(start=start, end=start + len(stripped))


def redact(text: str) -> Redaction:
    """Replace every detected identifier with a typed, numbered placeholder."""
    # Longest match wins an overlap, then the more specific rule, then the earlier one: so a
    # labelled "NHS number 943 476 5919" is an MRN, not a phone, and nothing nests. A hit the
    # longer one overlaps keeps the end it leaves uncovered (_uncovered_part).
    chosen: list[_Hit] = []
    taken = bytearray(len(text))  # characters already claimed by a chosen hit
    for hit in sorted(_candidates(text), key=lambda h: (h.start - h.end, h.rank, h.start)):
        if any(taken[hit.start : hit.end]):
            hit = _uncovered_part(hit, taken, text)
            if hit is None:
                continue
        chosen.append(hit)
        taken[hit.start : hit.end] = b"\x01" * (hit.end - hit.start)
    chosen = _particles_between_names(text, sorted(chosen))
    numbers: Counter[str] = Counter()
    placeholders: dict[tuple[str, str], str] = {}
    findings: list[PhiFinding] = []
    pieces: list[str] = []
    pos = 0
    for hit in chosen:
        placeholder = hit.fixed or placeholders.get((hit.kind, hit.key))
        if placeholder is None:
            numbers[hit.kind] += 1
            placeholder = placeholders[(hit.kind, hit.key)] = f"[{hit.kind}-{numbers[hit.kind]}]"
        guess = hit.rank == _WORD_BY_WORD
        findings.append(
            PhiFinding(hit.kind, text[hit.start : hit.end], *hit[:2], placeholder, guess)
        )
        pieces += [text[pos : hit.start], placeholder]
        pos = hit.end
    pieces.append(text[pos:])
    return Redaction(original=text, text="".join(pieces), findings=tuple(findings))


def _particles_between_names(text: str, hits: list[_Hit]) -> list[_Hit]:
    """Two names found apart with only particles between are one ("María del Carmen García
    López", "Jan-Willem van 't Hof"): the particles go with them, never redacted alone."""
    merged: list[_Hit] = []
    for hit in hits:
        last = merged[-1] if merged else None
        between = text[last.end : hit.start] if last else ""
        particles = [w.casefold() for w in between.split()]
        if (
            last is not None
            and last.kind == hit.kind == "NAME"
            and particles
            and all(p in PARTICLES or p in ("'t", "’t") for p in particles)
            and re.fullmatch(r"[ \t]+(?:\S+[ \t]+)*", between)
        ):
            merged[-1] = last._replace(end=hit.end)
        else:
            merged.append(hit)
    return merged


def check(text: str, mode: Literal["redact", "block"]) -> Redaction:
    """The gate before any cloud call. "redact": return the redaction to send. "block":
    raise PhiBlocked if anything was found, else return the (unchanged) redaction."""
    if mode not in ("redact", "block"):
        raise ValueError(f"unknown PHI mode {mode!r}; expected 'redact' or 'block'")
    result = redact(text)
    if mode == "block" and result.changed:
        raise PhiBlocked(tuple(result.summary()))
    return result
