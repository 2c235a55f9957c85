"""Clinician language in retrieval: abbreviations, short and brand names, lay words, typos.

Clinicians type "DM2 pt BG 54 diaphoretic - tx?"; patients type "my mom's sugar is low"; the
documents say "hypoglycemia" and "blood glucose". The expander reads a question against the
words the indexed documents actually use (the BM25 vocabulary: stem -> number of chunks) and
adds, beside the question's own words:

* senses of clinical abbreviations from the sense inventory (knowledge/sense_inventory.py),
  weighed by how often each sense is meant in clinical notes and kept only when all of its
  words occur in the indexed documents: "MA" becomes "medical assistant" in an outpatient
  guide, and a sense the library never uses is never added;
* the app's own short list of unambiguous abbreviations (knowledge/analysis.py);
* generic names for drug short and brand names, and lay words' clinical terms
  (knowledge/clinical_vocabulary.py), when the documents use them;
* the indexed word one edit away from a misspelt one (knowledge/spelling.py);
* the other spelling, British or American ("paediatric", "pediatric";
  knowledge/spelling_variants.py), where the documents use it.

Words that look like a person's name (knowledge/name_words.py) and long record numbers are
left out of all of it, so a patient's identifiers never steer the search or the refusal.

The result feeds the dense query (the question with its expansions in brackets), the BM25
query, and the refusal rule, which measures coverage by *concepts*: a question word counts as
found when the word itself or any of its expansions is in the passage, so "BG" is not held
against a passage that says "blood glucose". Words that describe the patient rather than the
subject ("76yo F", "pt") and bare numbers (a patient's values) are not concepts. Everything
added is listed (`QueryExpansion.to_json`) for the `--json` output.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from knowledge.analysis import ABBREVIATIONS, STOPWORDS, expansions, stems
from knowledge.clinical_vocabulary import LAY_TERMS, SHORT_NAMES, SHORTHAND
from knowledge.name_words import CUES as CUE_WORDS
from knowledge.name_words import common_words, latin_with_diacritics, load_names, name_spans
from knowledge.query_concepts import Addition, Concept, QueryExpansion
from knowledge.sense_inventory import SenseInventory
from knowledge.spelling import SpellingIndex
from knowledge.spelling_variants import spelling_variants

# Words about the patient or the asking, not the subject: never a concept to cover.
FILLER = frozenset(
    "pt pts patient patients yo y/o yr yrs yrold f m mr mrs ms miss mx male female man woman "
    "guy lady gentleman someone somebody anyone ok okay pls please thanks thank hi hey need "
    "needs needed know tell want wondering wonder ask asking question quick re dad mom mum "
    "daddy mommy grandma grandpa granddad grandad grandmother grandfather husband wife "
    # the asking's own words, in any register: "what does that mean", "what kind of", "is it
    # still ok", "what's supposed to happen"
    "kind mean means meaning say says said diff really actually supposed still thing things "
    "stuff anything something whats exactly usually normally happen happens happened go goes "
    "going get gets got "
    # the asker and the document asked about: "I've been told…", "according to the booklet",
    # "what does it suggest / advise"
    "i've i'm i'd i'll according booklet suggest suggests advise advises "
    # how a lay question points at a thing: "the scope they put down my throat", "the tube
    # used to look into the stomach", "if a pill comes in 10 and 25 mg"
    "put look comes "
    # who is asking and when, in a ward's shorthand: "new FY1 sorry", "teaching the new HCAs
    # tmrw"
    "sorry fy1 fy2 sho tmrw "
    # what is asked of a thing and when, in a ward's shorthand: "sharps container reqs - what
    # specs?", "worth it?", "can someone list them", "per the leaflet", "since yest", "c/o
    # shakiness"
    "reqs specs worth list leaflet leaflets today tonight yest yesterday c/o".split()
)
# Who wrote a guideline ("per NIDDK", "the CDC guide"): which document, not what it says.
PUBLISHERS = frozenset("cdc fda niddk nih ahrq cms mmwr samhsa usda hhs nhs who".split())
# A value, not a subject: "2nd", "1h", "5d", "x5" (as bare numbers are).
# An abbreviation in capitals with a plural "s": "MDVs", "PPIs", "UDTs".
_PLURAL_ABBREVIATION = re.compile(r"[A-Z][A-Z0-9]{1,6}s")
_VALUE_TOKEN = re.compile(
    r"\d+(?:\.\d+)?(?:st|nd|rd|th|h|hr|hrs|min|mins|d|wk|wks|mo|mos|yr|yrs|mg|mcg|g|kg|ml"
    r"|units?|iu|mmol)|x\d+[a-z]{0,3}|q\d+(?:h|hr|hrs|min|mins|d|wk|wks|mo|mos)|\d{1,2}/(?:7|52|12|24)",
    re.I,
)
# How long or how often, as typed: "3/52" (three weeks), "5/7" (five days), "q4h", "q3mo". Read
# out for the search; as values, never concepts a passage must hold.
_PER = {"7": "days", "52": "weeks", "12": "months", "24": "hours"}
_EVERY = {
    "h": "hours",
    "hr": "hours",
    "hrs": "hours",
    "min": "minutes",
    "mins": "minutes",
    "d": "days",
    "wk": "weeks",
    "wks": "weeks",
    "mo": "months",
    "mos": "months",
}


def _read_out(word: str) -> str:
    """ "3/52" -> "3 weeks", "q4h" -> "every 4 hours"; "" for any other value."""
    if found := re.fullmatch(r"(\d{1,2})/(7|52|12|24)", word):
        return f"{found.group(1)} {_PER[found.group(2)]}"
    if found := re.fullmatch(r"q(\d+)([a-z]+)", word, re.I):
        return f"every {found.group(1)} {_EVERY[found.group(2).lower()]}"
    return ""


# A word, with its slash when shorthand ends in one before a space ("w/ SOB": "with").
_TOKEN = re.compile(r"[A-Za-z0-9]+(?:[/'][A-Za-z0-9]+)*(?:/(?=\s|$))?")
# Written in small letters, no subject a passage must hold: "versus", a letter alone ("(n)",
# "q?h", "e.g."), and the "ve" of "+ve" or "-ve" (its sign is read apart).
_NO_CONCEPT = re.compile(r"vs|v|ve|[a-z]")
_AGE = re.compile(r"\d+(?:yo|y/o|yrs?|[mf])", re.I)
_LONE_PUNCTUATION = re.compile(r"(?<!\w)[,:;#()\[\]\-–—/]+(?!\w)|\(\s*\)")
# A word that introduced a name the search left out ("pt", "Mr"), now standing before nothing.
_CUE_LEFT = re.compile(
    r"\b(?:pt|patient|mr|mrs|ms|miss|mx|dr|for|of|to|with|about|re)\.?\s+(?=\s*[,:;()\-–?]|\s*$)",
    re.I,
)  # (and "…done for Nguyễn Thị Lan?": the "for" would stay, dangling, and shift the search)
# "How many", "how long": what kind of answer is asked (knowledge/evidence.py reads that),
# not its subject.
_FRAMING = re.compile(
    r"\bhow (?:many|much|long|often|soon|far|frequently)\b|\bright (?:now|away)\b"
    r"|\bwhat (?:proportion|percentage|share|fraction)\b",
    re.I,
)
# Six or more digits in a row are a record, phone or account number, never a clinical value.
_LONG_NUMBER = re.compile(
    r"(?:\b(?:mrn|ssn|nhs|id|no|number|acct|account|member|phone|tel)\.?\s*[:#]?\s*)?#?\b\d{6,}\b",
    re.I,
)
_MAX_SENSES = 2
# A specialised word: letters only (a hyphen may join them), long enough not to be shorthand.
_SPECIALISED = re.compile(r"[A-Za-z][a-z]{3,}(?:-[a-z]+)*[a-z]")
# Word beginnings the documents may write apart or hyphenated ("pre-dose", "semi-critical").
_PREFIXES = frozenset(
    "pre post semi non anti multi intra inter peri sub re un over under self co up down".split()
)
# Lay phrases, two-word short names and shorthand read by its neighbour ("temp MRN"),
# compiled once: two-word names and shorthand first, then lay phrases
# longest first, so "low blood sugar" is read before "blood sugar" and "sugar".
_PHRASES = [
    (phrase, table[phrase], source, re.compile(rf"(?<![\w/]){re.escape(phrase)}(?![\w/])", re.I))
    for table, source, phrases in (
        (SHORT_NAMES, "short-name", [p for p in SHORT_NAMES if set(p) & set(" .-")]),
        (SHORTHAND, "shorthand", [p for p in SHORTHAND if " " in p]),
        (LAY_TERMS, "lay", sorted(LAY_TERMS, key=lambda p: -len(p))),
    )
    for phrase in phrases
]


def _an_alias(text: str, before: re.Match[str], match: re.Match[str]) -> bool:
    """A single word in brackets right after another, one of the two a proper name: a drug's
    other name ("tapentadol (Nucynta)", "Demerol (meperidine)"); not a unit ("lockout (mins)")
    or an acronym."""
    return bool(
        (before.group().istitle() or match.group().istitle())
        and re.fullmatch(r"[ \t]*\([ \t]*", text[before.end() : match.start()])
        and re.match(r"[ \t]*\)", text[match.end() :])
    )


class QueryExpander:
    """Expansions for one index vocabulary. Thread-safe (read-only after construction)."""

    def __init__(
        self,
        vocabulary: Mapping[str, int],
        inventory: SenseInventory | None = None,
        names: frozenset[str] | None = None,
        chunks: int = 0,
        words: frozenset[str] | None = None,
    ):
        self.vocabulary = vocabulary
        # A word in this few chunks may still be a name (a study author's, say).
        self.rare = max(3, int(0.002 * chunks))
        self.inventory = inventory if inventory is not None else SenseInventory.load()
        self.names = names if names is not None else load_names()
        self.spelling = SpellingIndex(vocabulary)
        self.words = words if words is not None else common_words()

    def expand(self, question: str) -> QueryExpansion:
        additions: list[Addition] = []
        concepts: list[Concept] = []
        question = self._without_identifiers(question, additions)
        rest = self._phrases(_FRAMING.sub(" ", question), additions, concepts)
        before: re.Match[str] | None = None  # the last token that made a concept
        for match in _TOKEN.finditer(rest):
            concept = self._token(match.group(), match.start() == 0, additions)
            if concept is None:
                continue
            if before is not None and _an_alias(rest, before, match):
                # "tapentadol (Nucynta)": one concept said two ways, either name will do
                head = concepts[-1]
                concepts[-1] = Concept(head.words, head.alternatives + concept.alternatives)
                before = None
                continue
            concepts.append(concept)
            before = match
        builtin = frozenset(expansions(question))
        unindexed = tuple(c.words for c in concepts if self._unindexed(c))
        return QueryExpansion(question, tuple(additions), tuple(concepts), builtin, unindexed)

    def _unindexed(self, concept: Concept) -> bool:
        """A specialised word (no English word of the dictionary, no shorthand, no acronym, no
        capitalised name) that no passage holds in any of the ways the expander knows to say
        it, nor written apart ("fingerstick": "finger stick") or shortened ("assessmt")."""
        word = concept.words
        if not _SPECIALISED.fullmatch(word) or word.lower() in self.words:
            return False
        if word.istitle() and word.lower() in self.names:
            return False  # a name the redaction missed ("Hoang") must not decide the answer
        if any(a and a <= self.vocabulary.keys() for a in concept.alternatives):
            return False
        word = word.lower().replace("-", "")
        return not (
            self._compound(word)
            or self._shortened(word)
            or self._unvowelled(word)
            or self._misspelt(word)
        )

    def _misspelt(self, word: str) -> bool:
        """An English word typed with two letters swapped or one letter wrong, missing or
        extra ("ruels", "recieve", "proceedure"): a typo, not a word the library lacks."""
        letters = "abcdefghijklmnopqrstuvwxyz"
        splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
        edits = {a + b[1:] for a, b in splits if b}
        edits |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
        edits |= {a + c + b[1:] for a, b in splits if b for c in letters}
        edits |= {a + c + b for a, b in splits for c in letters}
        return any(e in self.words for e in edits if len(e) > 3)

    def _unvowelled(self, word: str) -> bool:
        """Typed without its vowels ("wknds", "mgmt"): at most one vowel, and its letters, in
        order, spell an indexed stem from its first letter to (nearly) its last ("weekend")."""
        word = word.rstrip("sy")  # the stems drop endings too: "emrgncy" for "emergenc"
        if len(word) < 3 or sum(c in "aeiou" for c in word) > 1:
            return False
        pattern = re.compile(".*?".join(map(re.escape, word)) + ".{0,2}")
        return any(stem[0] == word[0] and pattern.fullmatch(stem) for stem in self.vocabulary)

    def _shortened(self, word: str) -> bool:
        """An indexed word shortened or derived ("assessmt", "reassessing"): most of it, from
        its start, is an indexed stem."""
        shortest = max(5, round(0.6 * len(word)))
        return any(word[:k] in self.vocabulary for k in range(len(word) - 1, shortest - 1, -1))

    def _compound(self, word: str) -> bool:
        """Two indexed words run together, or a common prefix before an indexed word."""
        return any(
            self._indexed(tail) and (head in _PREFIXES or self._indexed(head))
            for head, tail in _splits(word, 2, 3)
        )

    def _written_apart(self, word: str) -> str:
        """ "semi critical" for "semicritical" where the documents write "semi-critical",
        "finger stick" for "fingerstick": a word no dictionary and no passage holds that is a
        common prefix or an indexed word of four letters or more before an indexed word of
        four or more (shorter halves match by chance: "post" + "pone"). "" if none."""
        for head, tail in _splits(word, 2, 4):
            if self._indexed(tail) and (
                head in _PREFIXES or (len(head) >= 4 and self._indexed(head))
            ):
                return f"{head} {tail}"
        return ""

    def _indexed(self, word: str) -> bool:
        own = stems(word)
        return len(own) == 1 and own[0] in self.vocabulary

    def _without_identifiers(self, question: str, additions: list) -> str:
        spans = name_spans(question, self._unknown, self.names)
        numbers = [m.span() for m in _LONG_NUMBER.finditer(question)]
        for start, end in sorted(spans + numbers, reverse=True):
            question = question[:start] + " " + question[end:]
        if spans or numbers:
            question = _CUE_LEFT.sub(" ", question)
        if spans:
            additions.append(Addition(f"{len(spans)} word(s)", "", "left out: looks like a name"))
        if numbers:
            additions.append(Addition(f"{len(numbers)} number(s)", "", "left out: record number"))
        return _tidy(question)

    def _unknown(self, word: str) -> bool:
        """Not one of the app's clinical words, and absent from the documents, or rare there
        and capitalised (a name in a study's author list is still a name). Letters English
        never uses (ễ, á) count as unknown: the analyser cannot even spell them."""
        lower = word.lower()
        if lower in SHORT_NAMES or lower in LAY_TERMS or lower in ABBREVIATIONS:
            return False
        if lower in SHORTHAND or lower in STOPWORDS or lower in FILLER or lower in CUE_WORDS:
            return False
        if lower in self.inventory and not word.istitle():
            return False  # an abbreviation is typed in capitals or lower case, "Lan" is a name
        if latin_with_diacritics(word):
            return True
        own = stems(word.replace("-", " ").replace("'", " "))
        if any(s not in self.vocabulary for s in own):
            return True
        # Rare but present: a name only when written like one ("purple band" is not).
        return word[:1].isupper() and any(self.vocabulary[s] <= self.rare for s in own)

    # -- phrases: lay words and two-word names -------------------------------------------------
    def _phrases(self, question: str, additions: list, concepts: list) -> str:
        """Find lay phrases and two-word short names; return the question with them blanked."""
        text = question
        for phrase, clinical, source, pattern in _PHRASES:
            found = pattern.search(text)
            if found is None or (" " not in phrase and "-" not in phrase and self.used(phrase)):
                continue  # a single word the documents use matches them as it is (not
                # "slow-release": each half is a word they use, the two together are not)
            own = frozenset(stems(found.group()))
            alternatives = [own]
            if self._known(clinical):
                alternatives += _alternatives(clinical)
                additions.append(Addition(found.group(), _plain(clinical), source))
            if any(alternatives):
                concepts.append(Concept(found.group(), tuple(alternatives)))
            text = pattern.sub(" " * len(found.group()), text)
        return text

    # -- single words ----------------------------------------------------------------------------
    def _token(self, word: str, first: bool, additions: list) -> Concept | None:
        if word.endswith("/") and word.lower() not in SHORTHAND:
            word = word[:-1]  # "mg/ day": the slash was the writer's
        if _NO_CONCEPT.fullmatch(word):
            return None
        lower = word.lower()
        # "BE" (bioequivalence) and "AS" (aortic stenosis) are stop words only in lower case.
        stop = lower in STOPWORDS and not (
            word.isupper() and len(word) > 1 and (expansions(word) or lower in self.inventory)
        )
        if lower in FILLER or stop or _AGE.fullmatch(word) or lower.isdigit():
            return None
        if _VALUE_TOKEN.fullmatch(word):
            if read := _read_out(word):
                additions.append(Addition(word, read, "shorthand"))
            return None
        if lower in PUBLISHERS and not word.islower():
            return None
        shorthand = SHORTHAND.get(lower, "")
        if shorthand and all(w in STOPWORDS for w in shorthand.split()):
            # "b4", "post", "w/": the search reads the word, but a small word written short is
            # still no concept a passage must hold
            for expansion, source in self._meanings(word, first):
                additions.append(Addition(word, _plain(expansion), source))
            return None
        own = frozenset(stems(word.replace("/", " ")))
        alternatives = [own]
        for expansion, source in self._meanings(word, first):
            additions.append(Addition(word, _plain(expansion), source))
            alternatives += _alternatives(expansion)
        if shorthand and _plain(shorthand) not in [a.expansion for a in additions]:
            # The documents use the short form too ("mcg/hr"), so the search is not told; a
            # passage that spells it out ("every hour") still holds the concept.
            alternatives += _alternatives(shorthand)
        if lower in LAY_TERMS and self._known(LAY_TERMS[lower]):
            # A lay word the documents use too ("clinic") is searched as it is, yet a
            # passage in the clinical word ("outpatient") still holds it.
            alternatives += _alternatives(LAY_TERMS[lower])
        if not any(alternatives):
            return None
        return Concept(word, tuple(alternatives))

    def _meanings(self, word: str, first: bool) -> list[tuple[str, str]]:
        found = self._meanings_of(word, first)
        if not found and _PLURAL_ABBREVIATION.fullmatch(word):
            found = self._meanings_of(word[:-1], first)  # "MDVs", "UDTs": the singular's
        return found

    def _meanings_of(self, word: str, first: bool) -> list[tuple[str, str]]:
        lower = word.lower()
        # The app's own list too is only used where the documents use the words ("OD" is no
        # "once daily" in a library that never says so).
        found = [(e, "abbreviation") for e in map(self._known_senses, expansions(word)) if e]
        if lower in SHORT_NAMES and self._known(SHORT_NAMES[lower]) and not self.used(word):
            found.append((SHORT_NAMES[lower], "short-name"))
        if lower in SHORTHAND and not self.used(word, more_than=0):
            found.append((SHORTHAND[lower], "shorthand"))
        if not found and self._may_be_abbreviation(word):
            found += [(s, "sense-inventory") for s in self._senses(lower)]
        # "paediatric" where the documents write "pediatric", "sterilize" where "sterilise"
        found += [(v, "spelling variant") for v in spelling_variants(word) if self._known(v)]
        if not found and (first or not word[:1].isupper()) and lower not in self.words:
            # A capitalised word inside a sentence is likely a name, and a dictionary word is
            # no misspelling ("prick" is no "price", "settled" no "Seattle"): never "correct"
            # them.
            own = stems(word)
            corrected = self.spelling.correct(own[0]) if len(own) == 1 else None
            if corrected:
                found.append((corrected, "spelling"))
            elif (
                word.isalpha()
                and not self._indexed(lower)
                and (apart := self._written_apart(lower))
            ):
                found.append((apart, "written apart"))  # no typo of an indexed word: "predose"
        return found

    def _may_be_abbreviation(self, word: str) -> bool:
        """An abbreviation the documents do not use themselves (a library that writes "CRP"
        is matched on "CRP"; guessing its sense could only add a wrong one): written in
        capitals ("DM2", "BG"), or a short lower-case word ("abx", "ppx"). An ordinary word
        ("as", "or") is never looked up."""
        if len(word) < 2 or len(word) > 10 or word.lower() not in self.inventory:
            return False
        if self.used(word):
            return False
        return sum(c.isupper() for c in word) >= 2 or len(word) <= 5

    def used(self, word: str, more_than: int | None = None) -> bool:
        """Do the documents use this word themselves, in more than `more_than` chunks (a
        few, by default; 0: at all, as for shorthand, "mcg/hr", "freq")? Single letters
        ("s/p" is read as "s" and "p") say nothing: every text has them."""
        least = self.rare if more_than is None else more_than
        own = stems(word)
        return bool(own) and all(len(s) > 1 and self.vocabulary.get(s, 0) > least for s in own)

    def _senses(self, abbreviation: str) -> list[str]:
        """The senses worth adding: every word of them in the indexed documents, the most
        common in clinical notes first, and any other at least half as common."""
        kept: list[tuple[str, float]] = []
        for sense, weight in self.inventory.senses(abbreviation):
            words = stems(sense)
            if not words or "**" in sense or any(w.isdigit() for w in words):
                continue
            if all(w in self.vocabulary for w in words):
                kept.append((sense, weight))
        if not kept:
            return []
        best = kept[0][1]
        return [s for s, w in kept if w >= 0.5 * best][:_MAX_SENSES]

    def _known_senses(self, expansion: str) -> str:
        """The senses of one of the app's own expansions ("risk assessment; room air") that
        the indexed documents use, in its order."""
        return "; ".join(sense for sense in expansion.split(";") if self._known(sense.strip()))

    def _known(self, text: str) -> bool:
        """Do the indexed documents use these words (most of them)?"""
        words = stems(_plain(text))
        return bool(words) and sum(w in self.vocabulary for w in words) * 2 >= len(words)


def _splits(word: str, head: int, tail: int) -> list[tuple[str, str]]:
    """Each way to cut a word in two, the halves at least `head` and `tail` letters long."""
    return [(word[:i], word[i:]) for i in range(head, len(word) - tail + 1)]


def _tidy(question: str) -> str:
    """Punctuation left standing alone (", -", "( )", a leading ":") goes, in every question
    alike, so that one with its identifiers removed reads as the same question without them."""
    question = _LONE_PUNCTUATION.sub(" ", question)
    return " ".join(question.split()).lstrip(",:;-– ").strip()


def _alternatives(expansion: str) -> list[frozenset[str]]:
    """ "hypoglycemia; low blood glucose" -> each way of saying it as a stem set."""
    return [frozenset(stems(part)) for part in expansion.split(";") if part.strip()]


def _plain(expansion: str) -> str:
    return " ".join(expansion.replace(";", " ").split())


__all__ = ["Addition", "Concept", "QueryExpander", "QueryExpansion"]
