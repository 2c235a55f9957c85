"""Names in Hindi and Urdu typed in Latin letters ("Hinglish"), for
assistant/answering/phi_form_rules.py: the words around a name there are not English, so the
English cues miss it ("Pooja ko 3 din se bukhar hai", "Salma baaji ki beti Hira"), and a
given name of South Asia is on no list the word-by-word look reads.

Only in a question knowledge/language.py reads as Hindi or Urdu; a name is a capitalised word
before a postposition or an honorific ("Pooja ko", "Rani di", "Salma baaji"), a word after a
relative ("mere bhai deepak", "ki beti Hira", "baby Roshni") or before an age in its words
("Khushi 8 saal ki hai"). A drug, a brand, a place or an English word stays ("Dolo ka dose",
"OPD mein", "Manali ja rahi").
"""

from __future__ import annotations

import re

from assistant.answering.phi_lexicon import clinical_words
from assistant.answering.phi_names import Span
from knowledge.language import detect_language, words_of
from knowledge.name_words import common_words, given_names, load_names
from knowledge.proper_terms import BRANDS, PLACES

# What follows a name: a postposition ("ko", "ne", "ka", "ki", "ke") or an honorific.
_AFTER = (
    r"ko|ne|ka|ki|ke|ji|di|didi|bhai|bhaiya|baaji|baji|bhabhi|sahab|sahib|saab|bibi|begum"
    r"|aunty|uncle"
)
# The relatives a name follows ("mere bhai deepak", "ki beti Hira").
_RELATIVE = (
    r"bhai|behen|bahen|beti|beta|bete|papa|mummy|ammi|abbu|maa|dadi|dada|nani|nana|chacha"
    r"|chachi|mama|mami|bhabhi|didi|bhaiya|baaji|baby|bachcha|bachchi|pati|patni|biwi|shohar"
)
# An age in its words after a name: "Khushi 8 saal", "Hira 3 mahine".
_AGE = r"\d{1,2}[ \t]*(?:saal|sal|varsh|mahine|mahina|hafte)\b"
_NAME = r"[A-Z][a-z]{2,}(?:[ \t]+[A-Z][a-z]{2,})?"
# Words of Hindi and Urdu a relative is followed by as often as by a name: "bhai sahab", "beti
# bahut bimar hai", and the postpositions and honorifics themselves.
_NOT_NAMES = frozenset(
    "bahut bohot kal aaj bhi abhi par pe wala wali wale bola boli bimar beemar theek thik "
    "sirf aur bachcha bachchi bachche beta beti ladka ladki aadmi aurat mareez marij chhote "
    "chhota chhoti bade bada badi mere meri mera hamare hamari".split()
) | frozenset(_AFTER.split("|"))


def _a_name_before_a_postposition(m: re.Match[str]) -> Span | None:
    """ "Pooja ko", "ASHA didi Sunita ne"; opening a sentence or after a capitalised word, a
    listed name only ("Vrat ke din", "Edhi ki ambulance", "Mission Indradhanush ka" are a
    fast, a charity and a campaign)."""
    before = m.string[: m.start()]
    opening = re.search(r"(?:^|[.!?:;\n—–-])[ \t]*$|[A-Z][\w'’-]*[ \t]+$", before) is not None
    words = m.group("v").casefold().split()
    if opening and not any(w in given_names() or w in load_names() for w in words):
        return None
    return _a_persons_name(m)


def _a_persons_name(m: re.Match[str]) -> Span | None:
    if detect_language(m.string) != "hi":
        return None
    hindi = words_of("hi")
    for word in m.group("v").split():
        folded = word.casefold()
        known = folded in common_words() or folded in clinical_words() or folded in hindi
        if known or folded in _NOT_NAMES or folded in BRANDS or folded in PLACES:
            return None
    return m.span("v")


# One rule per line so the table reads as a list; the formatter would spread each over 5.
# fmt: off
SOUTH_ASIAN_RULES = [
    ("NAME", rf"(?<![\w'’-])(?P<v>{_NAME})(?=[ \t]+(?:{_AFTER})\b)", 5,
     _a_name_before_a_postposition),
    ("NAME", rf"(?i:\b(?:{_RELATIVE}))[ \t]+(?P<v>[a-z]{{3,}}|{_NAME})(?![\w'’-])", 5,
     _a_persons_name),
    ("NAME", rf"(?<![\w'’-])(?P<v>{_NAME})(?=[ \t]*,?[ \t]*{_AGE})", 5, _a_persons_name),
]
# fmt: on
