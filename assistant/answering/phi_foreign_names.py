"""Names in a clause written in another language (assistant/answering/phi_name_spans.py asks):
there the English looks of assistant/answering/phi_words.py are set aside, and only names a
rule found after a cue, listed given names and surnames, runs of capitalised words holding
one, and capitals inside a clause of a language that keeps them for names count. A phrase of
another language inside an English sentence ("'pressão alta' vs 'pressão baixa'") is no
name either."""

from __future__ import annotations

import re

from assistant.answering import phi_titles
from assistant.answering.phi_foreign_words import (
    a_common_foreign_word,
    an_inflected_thing,
    unaccented,
)
from assistant.answering.phi_names import STOP, adjacent
from knowledge.language import FOREIGN_WORDS, foreign_spans, short_foreign_clauses
from knowledge.name_words import common_words, frequent_surnames, given_names, load_names


def names_in_other_languages(
    text: str, tokens: list[re.Match[str]], verdicts: list[bool], inside_a_name
) -> None:
    """The verdicts of the word-by-word look, for words of another language: in its clauses,
    and in its phrases inside an English sentence."""
    only_listed_names_in_other_languages(text, tokens, verdicts, inside_a_name)
    small_words_of_short_clauses(text, tokens, verdicts, inside_a_name)
    phrases_of_other_languages(text, tokens, verdicts, inside_a_name)


def small_words_of_short_clauses(
    text: str, tokens: list[re.Match[str]], verdicts: list[bool], inside_a_name
) -> None:
    """In a question written in another language, a word in small letters that no name list
    holds is no name in a clause too short to tell its language ("¿suspendo el
    pembrolizumab?", "ingreso por celulitis"). Its capitalised words keep the English looks:
    a name alone in a short clause ("Paciente: Martín, 45 años") is common."""
    short = short_foreign_clauses(text)
    if not short:
        return
    for i, token in enumerate(tokens):
        word = token.group()
        if not verdicts[i] or not word.islower() or inside_a_name(token):
            continue
        if not any(a <= token.start() and token.end() <= b for a, b, _lang in short):
            continue
        spellings = (word, unaccented(word))
        lists = (given_names(), frequent_surnames(), load_names())
        if not any(w in names for w in spellings for names in lists):
            verdicts[i] = False


def only_listed_names_in_other_languages(
    text: str, tokens: list[re.Match[str]], verdicts: list[bool], inside_a_name
) -> None:
    """In a clause written in another language every look this module takes is English's:
    its words are no English word, its capitals no sign at a clause's start ("Notre père",
    "Czy") or in German (every noun), its accents no foreign name's. There a word is a name
    when a rule found it after a cue ("Sra. Delgado"), when it is a capitalised given name or
    frequent surname not opening its clause ("Su DNI es …") or stands in a run of capitalised
    words with one, or when it is capitalised inside a clause in a language that keeps
    capitals for names."""
    foreign = foreign_spans(text)
    if not foreign:
        return
    in_runs = _in_capitalised_runs(text, tokens, [(a, b) for a, b, _lang in foreign])
    after_titles: set[int] = set()
    for i, token in enumerate(tokens):
        if not verdicts[i] or inside_a_name(token):
            continue
        clause = next((c for c in foreign if c[0] <= token.start() and token.end() <= c[1]), None)
        if clause is None:
            continue
        word = token.group()
        folded = re.sub(r"['’]s$", "", word).casefold()
        if folded in STOP:  # a title: "Herr", also a surname
            verdicts[i] = False
            continue
        listed = folded in given_names() or folded in frequent_surnames()
        # Inside a clause, a capital still marks a name, except in German, which gives one
        # to every noun; a clause's first word has one whatever it is.
        opening = text[clause[0] : token.start()].strip() == ""
        marked = clause[2] != "de" and not opening and not word.isupper()
        marked = marked and not an_inflected_thing(word)  # "voiko Ozempicin …"
        # after a title, or after a name found so ("Frau Małgorzata Schulz-Kowalewska"; not a
        # unit after a number: "2 g Augmentin")
        titled = (
            i > 0
            and adjacent(text, tokens[i - 1], token)
            and (tokens[i - 1].group().casefold() in TITLES or i - 1 in after_titles)
            and not after_a_number(text, tokens[i - 1].start())
        )
        if titled and word[:1].isupper():
            after_titles.add(i)
        aged = _AN_AGE_AFTER.match(text, token.end()) is not None  # "Chiara ha 4 anni"
        verdicts[i] = word[:1].isupper() and (
            (listed and not opening) or i in in_runs or marked or titled or aged
        )
    for run in _runs_of(in_runs):  # "Renato Dizon": a name found in a run names it all
        if any(verdicts[j] for j in run):
            for j in run:
                verdicts[j] = True


def after_a_number(text: str, start: int) -> bool:
    """A number just before `start`: the "title" there is a unit ("2 g Augmentin", "14 Fr
    Coudé")."""
    return re.search(r"\d[ \t]*$", text[max(0, start - 8) : start]) is not None


def _runs_of(indexes: set[int]) -> list[list[int]]:
    runs: list[list[int]] = []
    for i in sorted(indexes):
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def _in_capitalised_runs(
    text: str, tokens: list[re.Match[str]], foreign: list[tuple[int, int]]
) -> set[int]:
    """Tokens of a run of capitalised words, one of them on the name lists: "Đỗ Thị Mai",
    "Mohan Lal Agarwal", "Renato Dizon". A run of two opening its clause may be an article
    and a noun ("Die Tabletten"), so it must be three words long there."""
    runs: list[list[int]] = []
    for i, token in enumerate(tokens):
        if not token.group()[:1].isupper():
            continue
        if runs and runs[-1][-1] == i - 1 and adjacent(text, tokens[i - 1], token):
            runs[-1].append(i)
        else:
            runs.append([i])
    found: set[int] = set()
    for run in runs:
        start = tokens[run[0]].start()
        clause = next((c for c in foreign if c[0] <= start < c[1]), None)
        if clause is None:
            continue  # (only another language's clauses are read so)
        words = [unaccented(tokens[j].group()) for j in run]
        opens = text[clause[0] : start].strip() == ""
        long_enough = len(run) >= (3 if opens else 2)
        if long_enough and any(w in load_names() for w in words):
            found.update(run)
    return found


# Titles in other languages and relatives, which a name follows: "Frau", "Sra", "Pani",
# "Mme", "g." (Slovene "gospod"), "mi hijo Unai", "o filho Wellington".
TITLES = phi_titles.CAPITALISED | phi_titles.UNMISTAKABLE | phi_titles.RELATIVES_OF_OTHER_LANGUAGES
# An age after a word, in the words of its language: "Chiara ha 4 anni", "Unai, 17 años".
_AN_AGE_AFTER = re.compile(
    r"[ \t]*,?[ \t]*(?:(?:ha|tiene|tem|a|hat|heeft|har)[ \t]+)?\(?\d{1,3}[ \t]*"
    r"(?:anni|años|anos|ans|jahre|jaar|år|lat|yaşında|yaş)\b",
    re.I,
)
# A name's particles, which join a phrase of another language as often ("ataque de nervios").
_JOINING = frozenset("de la le da di du do dos das del della".split())
# A quoted stretch of one line: what someone said, or a word of theirs.
_QUOTED = re.compile(r"(?<!\w)['‘\"“]([^'‘’\"“”\n]{2,60})['’\"”](?!\w)")


def phrases_of_other_languages(
    text: str, tokens: list[re.Match[str]], verdicts: list[bool], inside_a_name
) -> None:
    """Words in small letters that are a phrase of another language, not a name: a quoted
    phrase all in small letters ("'pressão alta'", "'la luz me molesta'"); a word beside
    another language's word ("estou com falta de ar", "chakkar aa rahe hain"); words joined
    by a particle when the first is no given name ("ataque de nervios", "posto de saúde";
    "maria de la cruz" stays a name)."""
    quoted = [m.span(1) for m in _QUOTED.finditer(text) if _foreign_quote(m.group(1))]
    words = [t.group() for t in tokens]  # read once: a long pasted note has many tokens
    for i, token in enumerate(tokens):
        if verdicts[i] and not inside_a_name(token) and a_common_foreign_word(words[i]):
            verdicts[i] = False  # "Qual a dose …", "quantas gotas dão", "neumonía en VIH"
        if not verdicts[i] or not token.group().islower() or inside_a_name(token):
            continue
        in_quote = any(a <= token.start() and token.end() <= b for a, b in quoted)
        head = _joined_by_particle(words, verdicts, i)
        if head is not None:  # the whole phrase, its first word and particles too
            verdicts[head : i + 1] = [False] * (i + 1 - head)
        elif in_quote or _beside_a_foreign_word(text, tokens, i) or _leads_a_phrase(words, i):
            verdicts[i] = False


def _leads_a_phrase(words: list[str], i: int) -> bool:
    """A word before particles and another language's common word in small letters, no name
    list's: "posto de saúde" ("saúde" is cleared before any neighbour joins it)."""
    j = i + 1
    while j < len(words) and words[j] in _JOINING:
        j += 1
    return (
        i + 1 < j < len(words)
        and words[j].islower()
        and a_common_foreign_word(words[j])
        and words[i] not in given_names()
        and words[i] not in load_names()
    )


def _foreign_quote(phrase: str) -> bool:
    """Two words or more, all in small letters, one with a letter English does not use
    ("'pressão alta'", "'cạo gió'"; not a nickname, "'big kev'")."""
    words = re.findall(r"[^\W\d_]+", phrase)
    return len(words) >= 2 and all(w.islower() for w in words) and not phrase.isascii()


def _beside_a_foreign_word(text: str, tokens: list[re.Match[str]], i: int) -> bool:
    before = i > 0 and adjacent(text, tokens[i - 1], tokens[i]) and _foreign(tokens[i - 1])
    after = i + 1 < len(tokens) and adjacent(text, tokens[i], tokens[i + 1])
    return before or (after and _foreign(tokens[i + 1]))


def _foreign(token: re.Match[str]) -> bool:
    """Another language's word, in small letters, that no English or name list holds ("com",
    "estou", "hain"; not "doctor", "thi" of "nguyen thi lan", "lo" of "lo russo")."""
    word = token.group()
    return (
        len(word) > 2  # "na", "ka", "ko" are also parts of names: "li na"
        and word.islower()
        and word in FOREIGN_WORDS
        and word not in common_words()
        and word not in load_names()
        and word not in given_names()
    )


def _joined_by_particle(words: list[str], verdicts: list[bool], i: int) -> int | None:
    """Where the phrase starts when a word, no particle itself, is joined by particles to a
    word in small letters before them that no name list holds: "ataque de nervios", "posto
    de saúde" (not "maria de la cruz", "ferreira da silva", nor "sr de la peña", whose
    particles open the name)."""
    if words[i] in _JOINING:
        return None
    head = i - 1
    while head >= 0 and words[head] in _JOINING:
        head -= 1
    if head == i - 1 or head < 0 or not verdicts[head]:  # no particle before, or no word
        return None
    first = words[head]
    named = first in given_names() or first in load_names()
    return head if first.islower() and not named else None
