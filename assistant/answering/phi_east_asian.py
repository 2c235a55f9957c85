"""Chinese, Korean and South-East Asian Chinese names written in Latin letters, in any case:
a common family name first, then a given name of one or two syllables ("tan wei ming", "ng
kok wai", "ho kwok-wing", "LEE, Min-jun", "CHAN Tai Man"). Each word alone is short and
often an English word too ("tan", "man", "lee"); together, a family name before syllables
that spell a given name is a person. Used by assistant/answering/phi_name_spans.py."""

from __future__ import annotations

import re
from functools import cache

from assistant.answering.phi_names import adjacent
from knowledge.name_words import common_words
from knowledge.proper_terms import EPONYM_NOUNS, THING_PHRASES

# Family names as Mandarin (pinyin), Cantonese, Hokkien, Teochew and Korean spell them.
FAMILY_NAMES = frozenset(
    """
    au cao chan chang chau chen cheng cheung chew chia chiu cho choi chong chou chow chu chua
    chung deng ding dong fan fang feng fok fong fu gao goh gong guo han hao ho hong hou hu hua
    huang hui hwang jang jeon jeong jiang jin jung kang khoo kim ko koh kong kwan kwok kwon lai
    lam lau law lee leong leung li liang liao lim lin ling liu lo loh lu luk luo ma mak mok ng
    oh ong pang park peng poon quek seo seah shen shin siu so song su sun sze tai tan tang tay
    teh teo tian toh tong tsang tse tsui wan wang wee wei wong woo wu xia xiao xie xu yang yao
    yap ye yeo yeung yim yin yip yoo yoon yu yuan yue yung zeng zhang zhao zheng zhou zhu
    """.split()
)

_INITIALS = "b p m f d t n l g k h j q x zh ch sh r z c s y w".split()
_FINALS = (
    "a o e ai ei ao ou an en ang eng ong i ia ie iao iu ian in iang ing iong u ua uo uai ui "
    "uan un uang".split()
)
# Given-name syllables as Cantonese, Hokkien, Korean and Wade–Giles spell them, beside pinyin.
_OTHER_SYLLABLES = frozenset(
    """
    ah boon cheuk cheong chee chi chiu choon chun eng fai foo fook hee hin hing hoi hoon hyun
    jae joon ka kai kam kee kei keung kin kit kok kwai kwok kyung lok loong lun meng ngai nam
    pui sang seng seok seung shan siew sik siu sook soo suk sung sze tak teck tsz wah wai wee
    wing woon yan yat yee yeon yi yik yin yoke yong young yuen yuet yun
    """.split()
)


@cache
def given_syllables() -> frozenset[str]:
    """The syllables a given name in these traditions is spelt from."""
    pinyin = {i + f for i in _INITIALS for f in _FINALS} | set(_FINALS)
    return frozenset(pinyin) | _OTHER_SYLLABLES


def _syllables(word: str) -> bool:
    """Every part of the word (split at hyphens) is a given-name syllable: "kwok-wing"."""
    parts = word.casefold().split("-")
    return all(p in given_syllables() for p in parts)


_TITLED = re.compile(r"[A-Z][a-z]*(?:-[A-Za-z][a-z]*)?")


def _one_case(words: list[str]) -> bool:
    """In small letters, in capitals, capitalised, or a family name in capitals before a
    capitalised given name ("LEE, Min-jun", "CHAN Tai Man")."""
    if all(w.islower() for w in words) or all(w.isupper() for w in words):
        return True
    first_ok = words[0].isupper() or _TITLED.fullmatch(words[0]) is not None
    return first_ok and all(_TITLED.fullmatch(w) for w in words[1:])


def east_asian_names(text: str, tokens: list[re.Match[str]], verdicts: list[bool]) -> None:
    """A family name, then one or two given-name syllable words beside it (a comma between
    is "Last, First"); one of the given words no English word, so "tan and pink" or "so
    you" name no one."""
    for i, token in enumerate(tokens):
        if token.group().casefold() not in FAMILY_NAMES:
            continue
        given = []
        for j in range(i + 1, min(i + 3, len(tokens))):
            if not adjacent(text, tokens[j - 1], tokens[j]) or not _syllables(tokens[j].group()):
                break
            given.append(j)
        if not given:
            continue
        words = [tokens[k].group() for k in [i, *given]]
        unlike_english = any(
            "-" in tokens[k].group() or tokens[k].group().casefold() not in common_words()
            for k in given
        )
        if (
            unlike_english
            and _one_case(words)
            and not _a_thing(words)
            and not _a_place(text, tokens, given[-1])
        ):
            for k in [i, *given]:
                verdicts[k] = True


def _a_thing(words: list[str]) -> bool:
    """The words, or their start, are a thing's name (an exercise, a herb: "Tai Chi classes",
    "dong quai with warfarin") or Hong Kong, not a person."""
    said = " ".join(w.casefold() for w in words).replace("-", " ")
    return any(said.startswith(thing) for thing in THING_PHRASES) or said.startswith("hong kong")


_PLACE_NOUNS_AFTER = EPONYM_NOUNS | {"general"}  # "… General Hospital"


def _a_place(text: str, tokens: list[re.Match[str]], last: int) -> bool:
    """A hospital named after its founder ("Khoo Teck Puat Hospital", "Ng Teng
    Fong General Hospital"): one of the two words after the name says it is a place."""
    following = {t.group().casefold() for t in tokens[last + 1 : last + 3]}
    return bool(following & _PLACE_NOUNS_AFTER)


def vietnamese_name(m: re.Match[str]) -> tuple[int, int] | None:
    """ "Nguyen Thi Lan", "tran van duc": the family and middle names, then the given names up
    to a word in another case than the family name's ("Tran Van Duc needs …") or, after the
    first, an English word; none without a given name ("Le Van", "le van is …")."""
    words = list(re.finditer(r"\S+", m.group("v")))
    lower = words[0].group().islower()
    given: list[re.Match[str]] = []
    for word in words[2:]:
        text = word.group()
        english = text.casefold() in common_words()
        if text.islower() != lower or (english and (given or lower)):
            break
        given.append(word)
    if not given:
        return None
    start = m.start("v")
    return start, start + given[-1].end()
