"""Names that the words around them give away (assistant/answering/phi_name_spans.py asks):
who introduces themselves in a message ("hi its kev", "hello, this is Mere"), who is on the
phone ("rose on the line, 89", "phoned back sunny o."), a baby or twins
by their names ("her baby, Lily", "baby glory osei", "sunny (the little boy …)", "twins
harper & hunter"), and whom a booking is for ("ir nephrostomy for wade tmrw", "… at 14+3 for
jess"). Each sets the verdicts of the words it finds; none clears one."""

from __future__ import annotations

import re

from assistant.answering.phi_names import adjacent
from assistant.answering.phi_words import MODALS, NOT_BETWEEN
from knowledge.name_words import common_words, frequent_surnames, given_names, load_names
from knowledge.proper_terms import NOT_PEOPLE, RELATIVES

# A greeting, then the words that say who writes: "hi its kev", "Hello, this is Mere".
_INTRODUCED = re.compile(
    r"(?i:\b(?:hi|hiya|hello|hey|morning|evening)[ \t,!.-]+(?:it['’]?s|this[ \t]+is|i['’]?m)"
    r"[ \t]+)$"
)
# After a baby's word, its name: "her baby, Lily", "baby glory osei".
_BABY_BEFORE = re.compile(r"(?i:\b(?:baby|newborn|twin[ \t]+[12ab]))[ \t]*[,:]?[ \t]*$")
# Who the word is, in brackets after it: "rose (baby)", "sunny (the little boy not …)".
_CHILD_AFTER = re.compile(
    r"[ \t]*\((?:the[ \t]+)?(?:little[ \t]+)?(?:baby|boy|girl|son|daughter|twin)\b", re.I
)
_TWINS_BEFORE = re.compile(r"(?i:\b(?:twins|triplets)[ \t]*[:,]?[ \t]*)$")
_JOINED = re.compile(r"[ \t]*(?:&|\+|and|,)[ \t]*", re.I)
# When the booking is: "for wade tmrw", "for mo today".
_WHEN_AFTER = re.compile(
    r"[ \t]+(?i:tmrw|tmr|tomoz|tomorrow|today|tonight|this[ \t]+(?:am|pm|afternoon|morning))\b"
)
_FOR_BEFORE = re.compile(r"(?i:\bfor)[ \t]+$")
# What someone is called, in quotes after the word for them: "pt 'bud' (real name …)", "mr i.
# ahmed aka 'ish'".
_NICKNAME_BEFORE = re.compile(
    r"(?i:\b(?:pt|patient|aka|a\.k\.a\.?|called|known[ \t]+as|nickname[ \t]*:?))[ \t]*['‘\"“]$"
)
_QUOTE_AFTER = re.compile(r"['’\"”]")
# A caller, on a message pad: "rose on the line, 89", "phoned back sunny o.", "ring back bev".
_ON_THE_LINE_AFTER = re.compile(
    r"[ \t]+(?:is[ \t]+)?(?:on[ \t]+the[ \t]+(?:line|phone)|rang|phoned|called|calling)\b", re.I
)
_CALLED_BACK_BEFORE = re.compile(
    r"(?i:\b(?:phoned|rang|called|ring|call|texted|txt)[ \t]+back|\bcall[ \t]*back[ \t]+(?:for|to))"
    r"[ \t]+$"
)
_QUESTION_ENDS = re.compile(r"[ \t]*[?.!]*[ \t]*$")


def named_by_cues(text: str, tokens: list[re.Match[str]], verdicts: list[bool]) -> None:
    for i, token in enumerate(tokens):
        if verdicts[i]:
            continue
        before = text[max(0, token.start() - 40) : token.start()]
        after = text[token.end() :]
        word = token.group()
        verdicts[i] = (
            (_INTRODUCED.search(before) is not None and _introduced(word))
            or (
                _BABY_BEFORE.search(before) is not None and _a_babys_name(text, tokens, verdicts, i)
            )
            or (_CHILD_AFTER.match(after) is not None and _a_given_name(word))
            or (_FOR_BEFORE.search(before) is not None and _booked_for(word, after))
            or (_a_caller(text, token, before, after) and _a_given_name(word))
            or (_NICKNAME_BEFORE.search(before) is not None and _a_nickname(word, after))
        )
    _twins(text, tokens, verdicts)


def _introduced(word: str) -> bool:
    """Who writes: a name-list word, capitalised ("Mere") or no common word ("kev"); "hi
    it's me", "hi I'm worried", "hello this is Mum" name no one."""
    folded = word.casefold()
    if folded in RELATIVES | NOT_PEOPLE or folded in NOT_BETWEEN | MODALS:
        return False
    if word[:1].isupper() and not word.isupper():
        return folded in load_names() or folded in given_names()
    return folded in given_names() or (folded in load_names() and folded not in common_words())


def _a_caller(text: str, token: re.Match[str], before: str, after: str) -> bool:
    """Who is on the phone, opening a message ("rose on the line, 89") or after calling back
    ("phoned back sunny o.")."""
    opens = re.fullmatch(r"[ \t]*(?:(?i:msg|message|call|tel)[ \t]*:?[ \t]*)?", before) is not None
    return (opens and _ON_THE_LINE_AFTER.match(after) is not None) or (
        _CALLED_BACK_BEFORE.search(before) is not None
    )


def _a_nickname(word: str, after: str) -> bool:
    """One word alone in the quotes, no function word: "'bud'", "'ish'" (not "pt 'no'")."""
    folded = word.casefold()
    return _QUOTE_AFTER.match(after) is not None and folded not in NOT_BETWEEN | MODALS | {
        "no",
        "yes",
    }


def _a_given_name(word: str) -> bool:
    folded = word.casefold()
    return folded in given_names() and folded not in NOT_PEOPLE | RELATIVES


def _a_babys_name(text: str, tokens: list[re.Match[str]], verdicts: list[bool], i: int) -> bool:
    """A given name after "baby" ("her baby, Lily"), or two name-list words in small letters,
    the second no common word ("baby glory osei"): then both."""
    word = tokens[i].group()
    if _a_given_name(word) and (word[:1].isupper() or word.casefold() not in common_words()):
        return True
    if i + 1 == len(tokens) or not adjacent(text, tokens[i], tokens[i + 1]):
        return False
    first, second = word.casefold(), tokens[i + 1].group().casefold()
    pair = (
        word.islower()
        and tokens[i + 1].group().islower()
        and first in load_names()
        and second in load_names()
        and second not in common_words()
        and first not in NOT_PEOPLE
    )
    if pair:
        verdicts[i + 1] = True
    return pair


def _booked_for(word: str, after: str) -> bool:
    """Whom a booking is for, in small letters: a given name or a frequent surname before
    when it is ("for wade tmrw"), or a given name that is no word ending the question ("for
    jess")."""
    folded = word.casefold()
    if not word.islower() or folded in NOT_PEOPLE | RELATIVES or folded in NOT_BETWEEN | MODALS:
        return False
    if _WHEN_AFTER.match(after):
        return folded in given_names() or folded in frequent_surnames()
    return (
        _QUESTION_ENDS.fullmatch(after) is not None
        and folded in given_names()
        and folded not in common_words()
    )


def _twins(text: str, tokens: list[re.Match[str]], verdicts: list[bool]) -> None:
    """ "twins harper & hunter", "triplets: Ava, Mia and Zoe": given names after the word."""
    for i, token in enumerate(tokens):
        if not _TWINS_BEFORE.search(text, 0, token.start()):
            continue
        j = i
        # (any given name: "hunter" names a canal too, not beside a twin's name)
        while j < len(tokens) and tokens[j].group().casefold() in given_names():
            verdicts[j] = True
            if j + 1 == len(tokens):
                break
            if not _JOINED.fullmatch(text, tokens[j].end(), tokens[j + 1].start()):
                break
            j += 1
