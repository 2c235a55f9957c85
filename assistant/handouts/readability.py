"""How hard a text is to read: the grade formulas patient-education guidance uses.

English: Flesch-Kincaid grade and SMOG grade. Spanish: Fernández-Huerta and Szigriszt-Pazos
(INFLESZ) reading ease, 0-100, higher is easier, with the school grade their published bands
correspond to. Also the share of sentences over 15 words and of passive sentences.

Written here rather than taken from a library: textstat's syllable counts come from a GPL
pronunciation dictionary we would not ship, and the formulas are a few lines each. Syllables
are counted by rule (vowel groups, a silent final e, Spanish hiatus and diphthongs); the tests
check the counts on words whose syllables are known and the grades on texts whose grades are.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from knowledge.analysis import sentence_spans

WORD = re.compile(r"[A-Za-zÀ-ÿ]+(?:['’][A-Za-z]+)?")
EN_VOWELS = re.compile(r"[aeiouy]+")
ES_VOWEL = set("aeiouáéíóúü")
ES_STRONG = set("aeoáéó") | set("íú")  # an accented i/u breaks a diphthong like a strong vowel
LONG_SENTENCE_WORDS = 15
# Two-vowel groups that are two syllables. Not after t/s/c/x ("-tion", "-cial", "-cious"),
# not the u of "qu"/"gu" ("equal", "guide"), "ui" only before d/n ("fluid", "ruin", not
# "juice"), "ea" only at the end or before a final "te" ("idea", "cre-ate"), "ie" before t
# ("qui-et", "di-et").
HIATUS = re.compile(
    r"(?<![tscx])i[aou]|eo(?!p)|(?<![qg])u[ao]|(?<![qg])ui(?=[dn])|ea(?=$|te$)|ie(?=t)|ei(?=ng$)"
)

# Forms of "be" (and "get") followed, perhaps after an adverb, by a past participle.
PASSIVE = re.compile(
    r"\b(?:am|is|are|was|were|be|been|being|get|gets|got|gotten)\s+(?:\w+ly\s+)?"
    r"(?:\w+ed|given|taken|shown|known|done|made|seen|written|eaten|found|kept|held|told|"
    r"left|put|set|sent|brought|bought|caught|taught|thrown|worn|drawn|driven|chosen|"
    r"broken|spoken|forgotten|hidden|bitten|frozen|stolen|beaten|begun|run|cut|hurt|shut)\b",
    re.I,
)
# -ed adjectives that follow "is/are" without being passive ("is tired", "are interested").
NOT_PASSIVE = {
    "tired",
    "interested",
    "worried",
    "scared",
    "confused",
    "married",
    "excited",
    "bored",
    "pleased",
    "concerned",
    "related",
    "supposed",
    "used",
    "needed",
}


def english_syllables(word: str) -> int:
    w = word.lower().strip("'’")
    w = re.sub(r"[^a-z]", "", w)
    if not w:
        return 0
    if len(w) <= 3:
        return 1
    count = len(EN_VOWELS.findall(w))
    if w.endswith("e") and not w.endswith(("le", "ee", "ye")) and count > 1:
        count -= 1  # silent final e: "make", "glucose"
    elif w.endswith("le") and len(w) > 2 and w[-3] not in "aeiouy" and count == 1:
        count += 1  # "ta-ble" counted as one group
    if re.search(r"[^aeiouy]ed$", w) and not re.search(r"[td]ed$", w) and count > 1:
        count -= 1  # "checked", "used": the -ed is not a syllable; "needed" keeps it
    if re.search(r"[^aeiouy]es$", w) and not re.search(r"(?:[cgsxz]|ch|sh)es$", w) and count > 1:
        count -= 1  # "takes", "times"
    # Vowel pairs spoken as two syllables: "di-a-be-tes", "vid-e-o", "flu-id", "i-de-a".
    count += len(HIATUS.findall(w))
    if w.startswith(("re", "pre", "de")) and len(w) > 4 and w[2 if w[0] != "p" else 3] in "aeiou":
        count += 1  # "re-act", "pre-op": the prefix vowel meets the stem's
    return max(1, count)


def spanish_syllables(word: str) -> int:
    w = word.lower()
    count, previous = 0, ""
    for letter in w:
        if letter in ES_VOWEL:
            starts_new = not previous or (
                previous in ES_STRONG and letter in ES_STRONG  # hiatus: "le-er", "dí-a"
            )
            if starts_new:
                count += 1
            previous = letter
        else:
            previous = ""
    # "qu" and "gu" before e/i: the u is silent and was merged into the next vowel above.
    return max(1, count)


@dataclass(frozen=True)
class Readability:
    language: str
    sentences: int
    words: int
    syllables: int
    polysyllables: int
    long_sentences: int
    passive_sentences: int
    grade: float  # FK grade (English) or the grade band of Fernández-Huerta (Spanish)
    smog: float | None = None
    fernandez_huerta: float | None = None
    szigriszt_pazos: float | None = None

    @property
    def long_sentence_share(self) -> float:
        return self.long_sentences / self.sentences if self.sentences else 0.0

    @property
    def passive_share(self) -> float:
        return self.passive_sentences / self.sentences if self.sentences else 0.0


def sentences_of(text: str) -> list[str]:
    """Sentences, and list items or lines as their own sentences (a handout's steps)."""
    out = []
    for line in re.split(r"\n+", text):
        line = line.strip(" •-*\t")
        if not line:
            continue
        out += [line[a:b].strip() for a, b in sentence_spans(line) if WORD.search(line[a:b])]
    return out


def is_passive(sentence: str) -> bool:
    for match in PASSIVE.finditer(sentence):
        if match.group(0).split()[-1].lower() not in NOT_PASSIVE:
            return True
    return False


def measure(text: str, language: str = "en") -> Readability:
    sentences = sentences_of(text)
    words = [w for s in sentences for w in WORD.findall(s)]
    count = spanish_syllables if language == "es" else english_syllables
    syllables = [count(w) for w in words]
    n_sent, n_words = max(1, len(sentences)), max(1, len(words))
    polysyllables = sum(1 for s in syllables if s >= 3)
    long_sentences = sum(1 for s in sentences if len(WORD.findall(s)) > LONG_SENTENCE_WORDS)
    passive = sum(1 for s in sentences if is_passive(s)) if language == "en" else 0
    per_word, per_sentence = sum(syllables) / n_words, n_words / n_sent
    common = dict(
        language=language,
        sentences=len(sentences),
        words=len(words),
        syllables=sum(syllables),
        polysyllables=polysyllables,
        long_sentences=long_sentences,
        passive_sentences=passive,
    )
    if language == "es":
        huerta = 206.84 - 60.0 * per_word - 102.0 * (n_sent / n_words)
        pazos = 206.835 - 62.3 * per_word - per_sentence
        return Readability(
            grade=huerta_grade(huerta),
            fernandez_huerta=round(huerta, 1),
            szigriszt_pazos=round(pazos, 1),
            **common,
        )
    fk = 0.39 * per_sentence + 11.8 * per_word - 15.59
    smog = 1.0430 * math.sqrt(polysyllables * 30 / n_sent) + 3.1291
    return Readability(grade=round(fk, 1), smog=round(smog, 1), **common)


# Fernández-Huerta's published bands: score at least -> school grade.
HUERTA_BANDS = ((90, 4), (80, 5), (70, 6), (60, 8), (50, 10), (30, 13), (-math.inf, 16))


def huerta_grade(score: float) -> float:
    return float(next(grade for floor, grade in HUERTA_BANDS if score >= floor))


def sentence_grade(sentence: str, language: str = "en") -> float:
    """The grade of one sentence alone: how the offline handout picks its simplest lines."""
    return measure(sentence, language).grade
