"""Names that quotes, brackets and ages around them give away (assistant/answering/
phi_name_spans.py asks): what someone is called, in quotes or brackets between two names
("Patrick 'Paddy' Houlihan", "Margaret (Peggy) Byrne"; after a given name, whatever the
surname: "Margaret 'Peg' Sterling"), after "call her" or "pt" ("says to
call her 'Jazz'", "pt 'Mo' (Mohammed …)"); and the other words of a list of people with
their ages once one of them is a name ("hemi (4), aroha (6), mason (3)"). Each sets the
verdicts of the words it finds; none clears one."""

from __future__ import annotations

import re

from knowledge.name_words import common_words, given_names, load_names
from knowledge.proper_terms import NOT_PEOPLE

_OPEN_QUOTE = re.compile("[ \t]+['\"‘“(]")
_CLOSE_QUOTE = re.compile("['\"’”)][ \t]+")


# What someone asks to be called, in quotes: "says to call her 'Jazz'", "known as 'Bee'".
_CALLED_IN_QUOTES = re.compile(
    r"(?i:\bcall(?:s|ed)?[ \t]+(?:her|him|them|me)(?:sel(?:f|ves))?|\bgoes[ \t]+by|\bknown[ \t]+as)"
    r"[ \t]+['\"‘“]$"
)
# A nickname in quotes opening a name, or after the word for a patient: "jockey 'Tiny'
# Fitzgerald", "vet 'Big Mike' Abernathy-Soto", "pt 'Mo' (Mohammed Al-Sayed)".
_QUOTED = re.compile(r"['\"‘“]((?:[A-Z][a-z]+)(?:[ \t][A-Z][a-z]+)?)['\"’”]")
_PATIENT_BEFORE_QUOTE = re.compile(r"(?i:\b(?:pt|patient))[ \t]+$")


def nicknames(text: str, tokens: list[re.Match[str]], verdicts: list[bool]) -> None:
    """A word in quotes or brackets between two names is what the person is called:
    "Patrick 'Paddy' Houlihan", "Margaret (Peggy) Byrne"; so is a capitalised word in quotes
    after "call her" ("says to call her 'Jazz'")."""
    for i, token in enumerate(tokens):
        if token.group()[:1].isupper() and _CALLED_IN_QUOTES.search(text, 0, token.start()):
            verdicts[i] = True
    _quoted_before_a_name(text, tokens, verdicts)
    for i in range(1, len(tokens) - 1):
        before, token, after = tokens[i - 1], tokens[i], tokens[i + 1]
        # (after a listed given name the surname is one whatever else it is: "Margaret
        # 'Peg' Sterling")
        given = verdicts[i - 1] and before.group().casefold() in given_names()
        surname = verdicts[i + 1] or (given and after.group()[:1].isupper())
        if verdicts[i] or not (verdicts[i - 1] and surname):
            continue
        if (
            token.group()[:1].isupper()
            and _OPEN_QUOTE.fullmatch(text, before.end(), token.start())
            and _CLOSE_QUOTE.fullmatch(text, token.end(), after.start())
        ):
            verdicts[i] = verdicts[i + 1] = True


# A list of people, each with an age in brackets or with its unit: "hemi (4), aroha (6),
# mason (3)", "(Macey 7y, Lennon 5y)".
_AGED_ITEM = (
    r"[^\W\d_][\w'’-]*(?:[ \t]*\(\d{1,3}(?:[ \t]?(?:yo|y|yrs?|m|f|mo|mths?))?\)"
    r"|[ \t]+\d{1,2}[ \t]?(?:yo|y/o|y|yrs?|mo|mths?|wks?)\b)"  # "(Macey 7y, Lennon 5y)"
)
_AGED_LIST = re.compile(rf"{_AGED_ITEM}(?:[ \t]*(?:,|;|\band\b|&)[ \t]*{_AGED_ITEM})+", re.I)
_AGED_WORD = re.compile(r"([^\W\d_][\w'’-]*)[ \t]*(?:\(|\d)")


def listed_with_ages(text: str, tokens: list[re.Match[str]], verdicts: list[bool]) -> None:
    """In a list of words each with an age, once one word is a name, the others that are on a
    name list or no common word are names too ("mason" beside "aroha")."""
    at = {t.start(): i for i, t in enumerate(tokens)}
    for found in _AGED_LIST.finditer(text):
        items = [at.get(found.start() + w.start(1)) for w in _AGED_WORD.finditer(found.group())]
        if None in items or not any(verdicts[i] for i in items):
            continue
        for i in items:
            folded = tokens[i].group().casefold()
            if folded in NOT_PEOPLE and not tokens[i].group().islower():
                continue  # a score beside a misread one: "Centor (3), Alvarado (7)"
            if folded in load_names() or folded not in common_words():
                verdicts[i] = True


def _quoted_before_a_name(text: str, tokens: list[re.Match[str]], verdicts: list[bool]) -> None:
    """Capitalised words in quotes just before a name, or just after "pt", are what the
    person is called ("jockey 'Tiny' Fitzgerald", "pt 'Mo' (Mohammed …)")."""
    for quoted in _QUOTED.finditer(text):
        inside = [i for i, t in enumerate(tokens) if quoted.start(1) <= t.start() < quoted.end(1)]
        if not inside:
            continue
        following = inside[-1] + 1
        name_after = (
            following < len(tokens)
            and verdicts[following]
            and re.fullmatch(r"[ \t]*\(?", text[quoted.end() : tokens[following].start()])
        )
        if name_after or _PATIENT_BEFORE_QUOTE.search(text, 0, quoted.start()):
            for i in inside:
                verdicts[i] = True
