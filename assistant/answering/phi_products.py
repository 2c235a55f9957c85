"""Is a capitalised word a product here, not a person (assistant/answering/phi_words.py asks)?
Said the way products are ("on Enhertu", "Brenda-35", "Cerazette vs Cerelle", "10 mg
Oramorph"), or listed with a drug, brand, device or eponym the lists know ("Humira to Hyrimoz
or Yuflyma")."""

from __future__ import annotations

import re

from assistant.answering.phi_lexicon import TOKEN, clinical_words, listed_strongly, words_before
from knowledge.clinical_vocabulary import SHORT_NAMES
from knowledge.drug_names import a_generic
from knowledge.name_words import given_names, load_names
from knowledge.proper_terms import BRANDS, EPONYMS


def product_after(after: str) -> bool:
    """The next word names a product: a drug, brand or clinical word the lists know, or a
    model's name, written with an inner capital or digits ("FreeStyle", "KwikPen", "C6")."""
    found = re.match(r"[ \t]+([^\W_][\w-]*)", after)
    if found is None:
        return False
    word = found.group(1)
    if re.search(r"[a-z][A-Z]", word) or (re.search(r"\d", word) and re.search(r"[A-Za-z]", word)):
        return True
    return a_known_thing(word) or word.casefold() in clinical_words()


# Where a product stands: after a word that takes, starts, stops or switches a drug, or a
# possessive pronoun ("on Enhertu", "switched to Amgevita", "her Zometa"); "started" only
# when no "on" follows (then it started a person on something: "started Maria on insulin").
_PRODUCT_BEFORE = re.compile(
    r"(?i:\b(?:on|taking|takes|took|stop|stopped|stopping|off|prescribed?|prescribing|using"
    r"|switch(?:ed|ing)?[ \t]+(?:to|from)|swap(?:ped|ping)?[ \t]+(?:to|for|from)|her|his"
    r"|their|your|our))[ \t]+$"
)

# An amount given of it: "30 ml/kg of Hartmann's", "10 mg Oramorph" ("10 mg Maria" is hers).
_AMOUNT_BEFORE = re.compile(
    r"\d(?:\.\d+)?[ \t]*(?i:mg|mcg|micrograms?|g|ml|l|litres?|liters?|units?)(?:/kg)?"
    r"(?:[ \t]+of)?[ \t]+$"
)

# A generic and its strength in brackets after a word: "Zelvira (tirzepatide 5mg)".
_GENERIC_AFTER = re.compile(
    r"[ \t]*\([ \t]*([A-Za-z][a-z-]{3,})[ \t]+\d+(?:\.\d+)?[ \t]*(?:mg|mcg|g|ml)\b"
)

_NAME_IN_BRACKETS = re.compile(r"[ \t]*\([ \t]*([A-Za-z][\w-]{3,})[ \t]*\)")
_DRUG_BEFORE_BRACKETS = re.compile(r"([A-Za-z][\w-]{3,})[ \t]*\([ \t]*$")

_STARTED_BEFORE = re.compile(r"(?i:\b(?:start|started|starting|restart|restarted))[ \t]+$")

_VERSUS = re.compile(r"(?i:\b(?:vs|versus))\.?[ \t]+$")

_VERSUS_AFTER = re.compile(r"[ \t]+(?i:vs|versus)\.?[ \t]+[A-Z]")


def a_product_here(text: str, token: re.Match[str]) -> bool:
    """Said the way products are: joined to a strength ("Brenda-35", "Mala-D"), compared
    with "vs" ("Cerazette vs Cerelle"), or after a word that takes or switches a drug."""
    after = text[token.end() : token.end() + 30]
    if re.match(r"-\d", after) or re.search(r"-[A-Z]$", token.group()):
        return True
    if _VERSUS_AFTER.match(after) or _VERSUS.search(words_before(text, token)):
        return True
    # a brand, its generic and strength: "Zelvira (tirzepatide 5mg)"; a given name stays a
    # person's whatever follows ("Jane (metformin 500mg) BG 15")
    generic = _GENERIC_AFTER.match(after)
    if generic and generic.group(1).casefold() not in load_names():
        return token.group().casefold() not in given_names()
    before = words_before(text, token)
    if _PRODUCT_BEFORE.search(before):
        return True
    # a drug's other name in brackets beside it: "Eltrombopag (Revolade)", "daratumumab
    # (Darzalex)"; a given name stays a person's ("Grace (Ventolin user)")
    beside = _NAME_IN_BRACKETS.match(after) or _DRUG_BEFORE_BRACKETS.search(before)
    if beside and a_known_thing(beside.group(1)) and token.group().casefold() not in given_names():
        return True
    if _AMOUNT_BEFORE.search(before) and token.group().casefold() not in given_names():
        return True
    return bool(_STARTED_BEFORE.search(before)) and not re.match(r"[ \t]+on\b", after, re.I)


# "or", "vs", "and", "to" (a switch), a slash: not a comma, which also ends an address's parts
_COORDINATED = re.compile(r"[ \t]*(?:/|\bor\b|\bvs\.?|\bversus\b|\band\b|\bto\b)[ \t]*", re.I)


def listed_with_a_thing(text: str, token: re.Match[str]) -> bool:
    """The word stands in a list ("or", "vs", "and", "to", a slash) with a drug, brand,
    device or eponym the lists know, up to three items away: it is one of those too, not a
    person ("Humira to Hyrimoz or Yuflyma")."""
    pos = token.end()
    for _ in range(3):
        joint = _COORDINATED.match(text, pos)
        item = TOKEN.match(text, joint.end()) if joint else None
        if item is None:
            break
        if a_known_thing(item.group()):
            return True
        pos = item.end()
    window = text[max(0, token.start() - 80) : token.start()]
    for _ in range(3):
        found = re.search(r"([^\W\d_][\w'’-]*)" + _COORDINATED.pattern + r"$", window, re.I)
        if found is None:
            break
        if a_known_thing(found.group(1)):
            return True
        window = window[: found.start()]
    return False


def a_known_thing(word: str) -> bool:
    """A drug, brand, device or rare eponym: what a list of things holds, never a person."""
    folded = word.casefold()
    if folded in BRANDS or folded in SHORT_NAMES or a_generic(folded):
        return True
    return folded in EPONYMS and not listed_strongly(folded, [folded])
