"""A learned second opinion on the words the rules leave to judgement.

The rules place most names by a cue ("Mrs", "pt", a date of birth after). The rest are
judged word by word (phi_name_spans.py), and that judgement is where both kinds of error
gather: a brand, a ward or a word of another language taken for a name, or a name with
nothing around it let through. This model weighs each such word with what the rules
already know about it (which lists hold it, its case and spelling, its neighbours, what the
rules made of it) and was fitted on the tuning halves of the project's own question sets
(scripts/train_name_model.py; never on a held-out half). It does two things, each only
when it is confident: it withdraws a word-by-word guess, and it adds a word no rule took.
A name a rule found, or a guess a cue placed ("daughter is rubina"), is never withdrawn; a
letter alone or a dictionary word in small letters is never added.

The weights are a plain table (name_model.tsv beside this file): a feature's name and its
weight, so what the model leans on can be read.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from assistant.answering.phi_foreign_names import TITLES, after_a_number
from assistant.answering.phi_foreign_words import a_common_foreign_word
from assistant.answering.phi_lexicon import THE_BEFORE, TOKEN, clinical_words
from assistant.answering.phi_names import STOP
from assistant.answering.phi_words import is_name
from knowledge.language import detect_language
from knowledge.name_shapes import name_likeness
from knowledge.name_words import (
    common_words,
    given_names,
    latin_with_diacritics,
    load_names,
    surname_ranks,
)
from knowledge.parsing.hygiene import english_words
from knowledge.proper_terms import PLACES

WEIGHTS = Path(__file__).resolve().parent / "name_model.tsv"

# Below this a guess is withdrawn, above that an untaken word is added (probabilities).
# Chosen on the tuning halves, fitting on half the sets and scoring the other half (by set),
# by what a reader of each question sees: against 0.1 and 0.8, these let 38 fewer questions
# leak a word of an identifier and redact 46 fewer clean questions.
WITHDRAW_BELOW = 0.2
ADD_ABOVE = 0.6
# A word beside a name (the rules', a kept guess or an added word) joins it at a lower
# probability: "Roxanne Swallow", "GRACE WOOD", "Mr Liam Fitzgerald's". A word before the
# name needs more, as titles and roles stand there ("Staff Nurse", "Frau"). Chosen the same
# way: 77 fewer questions let part of a name out for 37 other words taken, all of them in
# questions that already named someone.
JOIN_AFTER_ABOVE = 0.2
JOIN_BEFORE_ABOVE = 0.5

# What the rules made of a word: a name by a rule's cue, another identifier, a guess of the
# word-by-word look, or nothing.
RULE, OTHER, GUESS, NONE = "rule", "other", "guess", "none"

# The lists whose silence is itself a feature: a word no dictionary holds, say.
_LISTS_MISSED = ("given", "names", "common", "english", "clinical")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n•|(\"“]|[-–—][ \t])[ \t]*$")
_POSSESSIVE = re.compile(r"['’]s\b")


Span = tuple[int, int]


def words(text: str) -> list[re.Match[str]]:
    return list(TOKEN.finditer(text))


def judge(text: str, names: list[Span], others: list[Span], guesses: list[Span]) -> list[Span]:
    """The word-by-word guesses the model keeps, and the words it adds. `names` are the
    rules' names, `others` their other identifiers, `guesses` the word-by-word look's."""
    tokens = words(text)
    states = states_of(tokens, names, others, guesses)
    p = probabilities(text, tokens, states)
    kept = [span for span in guesses if not _withdrawn(text, span, tokens, states, p)]
    added = {
        i
        for i in range(len(tokens))
        if states[i] == NONE and p[i] > ADD_ABOVE and _may_add(text, tokens[i])
    }
    named = [
        states[i] == RULE or i in added or _inside(tokens[i], kept) for i in range(len(tokens))
    ]
    joined = [i for i in range(len(tokens)) if _joins(text, tokens, states, p, named, i)]
    return sorted(kept + [tokens[i].span() for i in [*added, *joined]])


def _inside(token: re.Match[str], spans: list[Span]) -> bool:
    return any(a <= token.start() and token.end() <= b for a, b in spans)


def _joins(
    text: str,
    tokens: list[re.Match[str]],
    states: list[str],
    p: list[float],
    named: list[bool],
    i: int,
) -> bool:
    """An untaken word right beside a name, written in the same case, that a name list holds
    or no dictionary does, and likely enough for its side (a title stands before a name)."""
    word = tokens[i].group()
    if named[i] or states[i] != NONE or not _may_add(text, tokens[i]) or word.casefold() in STOP:
        return False
    if not _namey(word):
        return False
    for j, above in ((i + 1, JOIN_BEFORE_ABOVE), (i - 1, JOIN_AFTER_ABOVE)):
        if (
            0 <= j < len(tokens)
            and named[j]
            and p[i] > above
            and _adjacent(text, tokens, min(i, j))
            and _same_case(word, tokens[j].group())
        ):
            return True
    return False


def _namey(word: str) -> bool:
    parts = re.split(r"['’-]", word.casefold())
    listed = any(p in given_names() or p in load_names() for p in parts)
    return listed or not all(p in english_words() for p in parts)


# The case a name is written in, from a word's shape: an initial is in capitals too.
_CASE_OF_SHAPE = {"upper": "upper", "initial": "upper", "lower": "lower", "cap": "other"}


def _same_case(word: str, name: str) -> bool:
    """The case a name is written in: "GRACE WOOD", "Roxanne Swallow"; or a capitalised word
    beside an initial ("Kowalczyk A.")."""
    mine, its = (_CASE_OF_SHAPE.get(_shape(w), "other") for w in (word, name))
    return mine == its or (mine == "other" and _shape(name) == "initial")


def _withdrawn(
    text: str, span: Span, tokens: list[re.Match[str]], states: list[str], p: list[float]
) -> bool:
    """Every word of the guess is unlikely and was judged on its own. A word a cue placed
    (after "daughter is", in quotes after "goes by"), a family named after "the" ("the
    Joneses"), a capitalised word after another language's title or relative ("u pana
    Zająca", "g. Horvat", "mi hijo Unai") or after a patient's label ("PT: BLACKWOOD") or a
    rule's name inside keeps it."""
    inside = [i for i, t in enumerate(tokens) if span[0] <= t.start() < span[1]]
    return bool(inside) and all(
        states[i] == GUESS
        and p[i] < WITHDRAW_BELOW
        and is_name(text, tokens[i])
        and not _a_family(text, tokens[i])
        and not _after_a_foreign_title(text, tokens, i)
        and not _after_a_patient_label(text, tokens, i)
        for i in inside
    )


def _after_a_foreign_title(text: str, tokens: list[re.Match[str]], i: int) -> bool:
    """A capitalised word right after a title or a relative of another language (not a unit
    after a number: "2 g Augmentin", "14 Fr Coudé")."""
    if i == 0 or not tokens[i].group()[:1].isupper():
        return False
    title = tokens[i - 1]
    between = text[title.end() : tokens[i].start()]
    if title.group().casefold() not in TITLES or not re.fullmatch(r"\.?[ \t]+", between):
        return False
    return not after_a_number(text, title.start())


def _after_a_patient_label(text: str, tokens: list[re.Match[str]], i: int) -> bool:
    """A capitalised word right after a label for the patient: "PT: BLACKWOOD —", "Patient:
    Okafor" (a form's field holds the name whatever the words around it look like)."""
    if i == 0 or not tokens[i].group()[:1].isupper():
        return False
    label = tokens[i - 1]
    between = text[label.end() : tokens[i].start()]
    return label.group().casefold() in _PATIENT_LABELS and bool(re.fullmatch(r":[ \t]*", between))


_PATIENT_LABELS = frozenset({"pt", "patient", "name", "client", "resident"})


def _a_family(text: str, token: re.Match[str]) -> bool:
    """ "the Joneses", "the Pembertons": a surname in the plural after "the"."""
    word = token.group()
    if not word[:1].isupper() or not word.endswith("s") or len(word) < 5:
        return False
    folded = word.casefold()
    stems = (folded[:-2], folded[:-1]) if folded.endswith("es") else (folded[:-1],)
    ranks = surname_ranks()
    listed = any(stem in ranks and stem not in common_words() for stem in stems)
    return listed and THE_BEFORE.search(text, max(0, token.start() - 8), token.start()) is not None


def _may_add(text: str, token: re.Match[str]) -> bool:
    """Not a letter alone ("m r n"), nor a dictionary's or clinical word in small letters
    ("mr head and neck"): the cue rules judge those, knowing what stands around them. Nor a
    part of a code, between slashes or beside a digit ("ECR/1234/Inst/KA/2019")."""
    word = token.group()
    folded = word.casefold()
    listed = folded in common_words() or folded in clinical_words()
    if len(word) < 2 or (word.islower() and listed):
        return False
    around = text[token.start() - 1 : token.start()] + text[token.end() : token.end() + 1]
    return not (around == "//" or any(c.isdigit() for c in around))


def states_of(
    tokens: list[re.Match[str]], names: list[Span], others: list[Span], guesses: list[Span]
) -> list[str]:
    return [
        RULE
        if _inside(t, names)
        else OTHER
        if any(a < t.end() and t.start() < b for a, b in others)
        else GUESS
        if _inside(t, guesses)
        else NONE
        for t in tokens
    ]


def probabilities(text: str, tokens: list[re.Match[str]], states: list[str]) -> list[float]:
    """The model's probability that each token is part of an identifier."""
    weights = _weights()
    question = context(text, tokens, states)
    out = []
    for i in range(len(tokens)):
        score = sum(weights.get(f, 0.0) for f in features(text, tokens, states, i, question))
        out.append(1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score)))))
    return out


class Question(NamedTuple):
    """What holds for the whole question (context()), as features, and its small words."""

    language: str
    someone: str
    style: str
    small_words: frozenset[str]


def context(text: str, tokens: list[re.Match[str]], states: list[str]) -> Question:
    """What holds for the whole question: its language; whether it already names someone or
    carries another identifier (then it is about a person); how it uses capitals (in a
    question typed all in capitals or in title case a capital says less)."""
    someone = any(s in (RULE, OTHER) for s in states)
    long_words = [t.group() for t in tokens if len(t.group()) > 1]
    capitals = sum(w[0].isupper() for w in long_words) / max(1, len(long_words))
    style = "caps" if capitals >= 0.6 else "some" if capitals >= 0.25 else "few"
    small = frozenset(t.group() for t in tokens if t.group().islower())
    return Question(f"lang={detect_language(text)}", f"someone={someone}", f"style={style}", small)


def features(
    text: str, tokens: list[re.Match[str]], states: list[str], i: int, question: Question
) -> list[str]:
    """The names of the features that hold for token i."""
    token = tokens[i]
    word = token.group()
    own = _word_features(word)
    state = states[i]
    language, someone, style = question.language, question.someone, question.style
    start = bool(_SENTENCE_START.search(text, max(0, token.start() - 4), token.start()))
    found = ["bias", f"st={state}", language, f"st={state}|{language != 'lang=en'}"]
    found += [f"{someone}|{own[0]}", f"{someone}|st={state}", f"{style}|{own[0]}"]
    found.append(f"then={_what_follows(text, token.end())}|{own[0]}")
    before = text[max(0, token.start() - 1) : token.start()]
    if before and before in "\"'‘“([":
        found.append(f"opens={before}")  # in quotes or brackets: "goes by 'Bee'"
    if not word.islower() and word.casefold() in question.small_words:
        found.append(f"also-small|{own[0]}")  # "Frank … frank haematuria"
    found += [f"start={start}", f"start={start}|{own[0]}"]
    found += [*own, *(f"st={state}|{f}" for f in own)]
    if _POSSESSIVE.match(text, token.end()):
        found.append("possessive")
    for offset, side in ((-1, "prev"), (1, "next")):
        j = i + offset
        if 0 <= j < len(tokens) and _adjacent(text, tokens, min(i, j)):
            other = _word_features(tokens[j].group())
            found += [f"{side}:{f}" for f in other]
            found += [f"{side}:st={states[j]}", f"{side}:{other[0]}|{own[0]}"]
        else:
            found.append(f"{side}:none")
    if i > 1 and _adjacent(text, tokens, i - 2) and _adjacent(text, tokens, i - 1):
        pair = f"{tokens[i - 2].group()} {tokens[i - 1].group()}".casefold()
        found.append(f"prev2:w={pair}")  # "goes by", "is called", "mr and"
    return found


def _what_follows(text: str, end: int) -> str:
    """The kind of character after the word and its spaces: a number after it ("Reg 88412",
    "Bravo 22") or a bracket or comma says much about what the word is."""
    rest = text[end : end + 3].lstrip(" \t")
    if not rest:
        return "end"
    first = rest[0]
    return "digit" if first.isdigit() else first if first in "(),:/-'’" else "other"


def _adjacent(text: str, tokens: list[re.Match[str]], i: int) -> bool:
    """Token i and i+1 stand within the same clause: spaces or one light mark between."""
    gap = text[tokens[i].end() : tokens[i + 1].start()]
    return len(gap) <= 3 and not any(c in gap for c in ".!?:;\n()")


@lru_cache(maxsize=4096)
def _word_features(word: str) -> tuple[str, ...]:
    """What the word is on its own: its case shape first, then itself, lists, spelling,
    length (a tuple: the cache hands the same one to every caller)."""
    folded = word.casefold()
    parts = re.split(r"['’-]", folded)
    shape = _shape(word)
    found = [f"shape={shape}", f"w={folded}"]
    ranks = surname_ranks()
    rank = min((ranks.get(p, 10**6) for p in parts), default=10**6)
    band = "top1k" if rank < 1000 else "top10k" if rank < 10000 else "top" if rank < 10**6 else ""
    lists = {
        "given": any(p in given_names() for p in parts),
        "names": any(p in load_names() for p in parts),
        "common": all(p in common_words() for p in parts),
        "english": all(p in english_words() for p in parts),
        "clinical": all(p in clinical_words() for p in parts),
        "foreign": a_common_foreign_word(word),
        "place": folded in PLACES,
        "diacritics": latin_with_diacritics(word),
        "latin": bool(re.fullmatch(r"[a-z'’-]+", folded)),
    }
    found += [f"{k}|{shape}" for k, v in lists.items() if v]
    found += [f"no-{k}" for k in _LISTS_MISSED if not lists[k]]
    if band:
        found.append(f"surname={band}|{shape}")
    if lists["latin"] and len(folded) > 2:
        found.append(f"likeness={_band(name_likeness(folded))}|{shape}")
    found.append(f"len={min(len(folded), 9)}")
    if lists["latin"] and len(folded) > 4:  # endings carry across names: -ski, -ova, -ez
        found.append(f"ends={folded[-3:]}|{shape}")
    return tuple(found)


def _shape(word: str) -> str:
    if word.isupper():
        return "upper" if len(word) > 1 else "initial"
    if word.islower():
        return "lower"
    if word[0].isupper() and word[1:].islower():
        return "cap"
    return "mixed"


def _band(value: float) -> str:
    return str(max(-4, min(4, math.floor(value * 2))))


def warm_up() -> None:
    _weights()


@lru_cache(maxsize=1)
def _weights() -> dict[str, float]:
    table = {}
    for line in WEIGHTS.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, _, weight = line.rpartition("\t")
            table[name] = float(weight)
    return table
