"""Which words of a question make up names: assistant/answering/phi_words.py judges each word; this
joins them.

Words no single look can judge are settled by their neighbours: initials before a name ("J.
Smith", "T.K. Okonkwo"), a particle between ("Nguyen van Minh"), a capitalised listed word
beside one ("Gerald Moss"), two or three words in small letters or capitals that no list knows
("priya raghunathan", "BOLAJI ADEWALE"), a given name after a relative ("my dad frank
miller") or after words that say who someone is ("patient is karen white", "ring doctor
nowak"). In a clause written in another language the English looks are set aside
(assistant/answering/phi_foreign_names.py). Adjacent name words become one span, so "Harold
Finch" is one [NAME-1].
"""

from __future__ import annotations

import re

from assistant.answering import phi_lexicon, phi_words
from assistant.answering.phi_east_asian import east_asian_names
from assistant.answering.phi_foreign_names import names_in_other_languages
from assistant.answering.phi_foreign_words import a_common_foreign_word, unaccented
from assistant.answering.phi_lexicon import MODALS, NOT_BETWEEN, PARTICLES, PLACE_NOUNS, TOKEN
from assistant.answering.phi_name_cues import named_by_cues
from assistant.answering.phi_name_forms import spans_of
from assistant.answering.phi_name_pairs import (
    PATIENT_WORDS,
    TITLES,
    a_word_before_an_age,
    capitals_given_and_surname,
    first_and_last_before_an_age,
    given_before_an_unworded_surname,
    last_comma_first_after_pt,
    middle_initial_and_surname,
)
from assistant.answering.phi_name_quotes import listed_with_ages, nicknames
from assistant.answering.phi_names import Span, adjacent
from assistant.answering.phi_phrases import place_phrases, street_drugs
from assistant.answering.phi_words import BARE_NUMBER_AFTER
from knowledge.language import detect_language
from knowledge.name_shapes import name_likeness
from knowledge.name_words import (
    common_words,
    frequent_surnames,
    given_names,
    latin_with_diacritics,
    load_names,
)
from knowledge.proper_terms import EPONYM_NOUNS, NOT_PEOPLE, RELATIVES
from knowledge.sense_inventory import SenseInventory


def name_spans(text: str, taken: bytearray, names: list[Span] = ()) -> list[Span]:
    """Spans of the names the word-by-word look finds among the characters not yet taken.
    `names` are the names the rules found: their words count as names when a neighbour is
    weighed ("JS" before a found "Smith"), and a span may grow over them."""

    def inside_a_name(t: re.Match[str]) -> bool:
        return any(s <= t.start() and t.end() <= e for s, e in names)

    tokens = [
        t for t in TOKEN.finditer(text) if not any(taken[t.start() : t.end()]) or inside_a_name(t)
    ]
    # (another language's common word is none before any neighbour joins it: "Doença de Chagas")
    verdicts = [inside_a_name(t) or _is_name(text, t) for t in tokens]
    alone = list(verdicts)
    _name_runs(text, tokens, verdicts)
    first_and_last_before_an_age(text, tokens, verdicts)
    capitals_given_and_surname(text, tokens, verdicts)
    a_word_before_an_age(text, tokens, verdicts)
    last_comma_first_after_pt(text, tokens, verdicts)
    given_before_an_unworded_surname(text, tokens, verdicts)
    east_asian_names(text, tokens, verdicts)
    named_by_cues(text, tokens, verdicts)
    _join_neighbours(text, tokens, verdicts)
    for i, token in enumerate(tokens):  # "mr derek pugh", "for claire martin"
        if verdicts[i] and token.group().islower() and token.group() in given_names():
            _surname_after(text, tokens, verdicts, i)
    nicknames(text, tokens, verdicts)
    listed_with_ages(text, tokens, verdicts)
    # "smokes mary jane": a drug, whatever joined it; "groote schuur blood bank": a known
    # place or thing of several words in small letters (capitalised, its words were judged
    # one by one, and a town in an address stays one, but a neighbour does not join one to a
    # name: "Torsades de pointes")
    drugs, phrases = street_drugs(text), place_phrases(text)
    for i, token in enumerate(tokens):
        spans = drugs + (phrases if token.group().islower() or not alone[i] else ())
        if any(a <= token.start() and token.end() <= b for a, b in spans):
            verdicts[i] = False
    names_in_other_languages(text, tokens, verdicts, inside_a_name)
    return spans_of(text, tokens, verdicts)


def _is_name(text: str, token: re.Match[str]) -> bool:
    if token.group() in _UNAPOSTROPHISED:
        return False  # "theres a man at the desk": there's, typed small without its apostrophe
    return phi_words.is_name(text, token) and not a_common_foreign_word(token.group())


def _name_runs(text: str, tokens: list[re.Match[str]], verdicts: list[bool]) -> None:
    """Names typed all in small letters or all in capitals, two or three words together:
    "priya raghunathan", "nguyen thi lan", "BOLAJI ADEWALE". Each word is no English, clinical
    or known proper word, and one of them is on a name list; a lone such word is a typo or a
    drug more often than a name."""
    run: list[int] = []
    english = detect_language(text) == "en"
    for i, token in enumerate([*tokens, None]):
        if (
            token is not None
            and _run_word(token.group())
            and (not run or adjacent(text, tokens[run[-1]], token))
        ):
            run.append(i)
            continue
        words = [tokens[j].group().casefold() for j in run]
        # one of them on the name lists (as they spell it: "seán ó briain"), in a question
        # written in English: a run of words no list knows is as likely another language
        # ("medir glicemia de quanto"), and so is a run in small letters with letters English
        # does not use ("správně odebrat hemokultury"; in capitals, "ŁUKASZ BRZĘCZYSZCZYKIEWICZ",
        # it is a name)
        listed = any(w in load_names() or unaccented(w) in load_names() for w in words)
        capitals = all(tokens[j].group().isupper() for j in run)
        listed = listed or (capitals and any(latin_with_diacritics(w) for w in words))
        # or, opening the question, every word spelt like a name: "oksana hrytsenko renal
        # stepdown, AVF no thrill"
        opening = bool(run) and text[: tokens[run[0]].start()].strip() == ""
        listed = listed or (
            opening and all(name_likeness(w) >= phi_words.LOWER_SHAPE_THRESHOLD for w in words)
        )
        if 2 <= len(run) <= 4 and listed and english:
            for j in run:
                verdicts[j] = True
            _surname_after(text, tokens, verdicts, run[-1])
        run = [i] if token is not None and _run_word(token.group()) else []
    _names_after_relatives(text, tokens, verdicts)
    _names_after_saying(text, tokens, verdicts)


def _run_word(word: str) -> bool:
    """A word that may stand in a run of name words: a particle ("van", "de"), or a word of
    three letters or more that no word list knows ("ok" and the like are too short to say)."""
    folded = re.sub(r"['’]s$", "", word.casefold())  # "de quervain's" is the eponym's
    if not (word.islower() or word.isupper()):
        return False
    if folded in PARTICLES:
        return True
    if len(word) < 3:
        return False
    parts = [p for p in re.split(r"[-'’]", folded) if len(p) > 1] or [folded]
    unknown = (
        not phi_lexicon.known(folded, parts)
        and folded not in NOT_PEOPLE | RELATIVES
        and folded not in EPONYM_NOUNS  # "mcdonald cerclage": the stitch named after him
    )
    return unknown and folded not in SenseInventory.load() and not phi_words.is_initials(word)


def _surname_after(text: str, tokens: list[re.Match[str]], verdicts: list[bool], i: int) -> None:
    """The rest of a name in small letters after its first word: "nguyen thi lan", "frank
    miller" (a word too, but among the most frequent surnames), "john paul o'connor", "ivy
    rose thompson", "dragana petrović". Up to three more words."""
    for j in range(i + 1, min(i + 4, len(tokens))):
        if not adjacent(text, tokens[j - 1], tokens[j]) or not tokens[j].group().islower():
            return
        if "," in text[tokens[j - 1].end() : tokens[j].start()]:
            return  # a clause goes on: "for aoife ni dhomhnaill, ok?"
        word = tokens[j].group()
        folded = word.casefold()
        if folded in NOT_BETWEEN | MODALS:
            return
        parts = [p for p in re.split(r"[-'’]", folded) if len(p) > 1] or [folded]
        listed = any(p in load_names() for p in parts) and not all(
            p in common_words() for p in parts
        )
        name_word = (
            listed
            or folded in frequent_surnames()
            or folded in given_names()
            or latin_with_diacritics(word)
            or folded in PARTICLES
            # a name's possessive, a word too: "liam hale's car"
            or (folded.endswith(("'s", "’s")) and parts[0] in load_names())
            # after a word no list knows either: "thandeka mqhayi", not "jane desats"
            or (_spelt_like_a_name(folded, parts) and _unlisted(tokens[j - 1].group()))
        )
        if not name_word:
            return
        verdicts[j] = True


def _names_after_relatives(text: str, tokens: list[re.Match[str]], verdicts: list[bool]) -> None:
    """A name in small letters after a relative or a title: "my dad frank miller takes …",
    "his wife abena", "mrs o'reilly-kaczmarek": a given name, or a word no list knows; a verb
    or an ordinary word after the relative is no name ("her son will come", "mr scan")."""
    for i in range(1, len(tokens)):
        word, before = tokens[i].group(), tokens[i - 1].group().casefold()
        if before not in RELATIVES | TITLES | PATIENT_WORDS or not word.islower() or verdicts[i]:
            continue
        if not adjacent(text, tokens[i - 1], tokens[i]) or word in NOT_BETWEEN | MODALS:
            continue
        if tokens[i - 1].group() in _CAPITALS_NO_TITLE:
            continue  # "MR enterography", "MS fatigue": magnetic resonance, sclerosis
        folded = word.casefold()
        if phi_words.contraction(folded):
            continue  # "if pt didn't understand": a verb, whatever its stem looks like
        parts = [p for p in re.split(r"[-'’]", folded) if len(p) > 1] or [folded]
        unknown = not phi_lexicon.known(folded, parts) and not _a_verb_form(folded)
        if before in PATIENT_WORDS:  # "pt thandeka mqhayi"; "pt desaturating", "pt ppe" no name
            spelt_like_one = (
                unknown
                and len(folded) > 3  # a short unknown word is shorthand ("ppe", "abx")
                and folded not in SenseInventory.load()
                and folded not in _UNAPOSTROPHISED
                and name_likeness(folded) >= phi_words.SHAPE_THRESHOLD
            )
            # "for pt tanvir": a name no English word could be ("pt anxious" is read)
            no_word = folded not in common_words() and _names_someone(word)
            # … or a name that is also a word, before where the patient is or what they
            # do: "pt wade (bed 14)", "pt rose refusing" ("pt stable (bed 4)" is no name)
            placed = (
                (folded in given_names() or folded in frequent_surnames())
                and folded not in phi_lexicon.clinical_words()
                and phi_lexicon.person_after(text[tokens[i].end() : tokens[i].end() + 40])
            )
            unknown = text[tokens[i - 1].end() : tokens[i].start()].strip() == "" and (
                spelt_like_one or no_word or placed
            )
        after = text[tokens[i].end() : tokens[i].end() + 40]
        if _A_NUMBERS_LABEL.match(after) and phi_lexicon.known(folded, parts):
            continue  # "pt reg no F887231": a known word labels a number, it names no one
        if (
            folded in given_names()
            or unknown
            or _after_a_title(tokens[i - 1].group(), folded, after)
        ):
            verdicts[i] = True
            _surname_after(text, tokens, verdicts, i)


# A title in capitals before a word in small letters is an abbreviation: a name after "MR"
# would be capitalised ("MR Smith", "MR SMITH").
_CAPITALS_NO_TITLE = frozenset({"MR", "MS"})
# A number's label after the word, then the number: "reg no F887231" (not "tanvir no
# allergies": a name, then a sentence).
_A_NUMBERS_LABEL = re.compile(r"[ \t]*(?i:no\b\.?|number\b|\#)[ \t]*[:#]?[ \t]*[A-Za-z]{0,4}-?\d")


# Words that say who someone is, typed or dictated in small letters: "patient is karen white",
# "pts name is …", "my dad is patrick doyle", "pt = grace oyelaran", "ring doctor nowak",
# "this is nurse dawn", "baby of precious dube", "dad (bill hartley)".
_SAYING_WHO = re.compile(
    r"(?i:\b(?:patient|pt|ptn)(?:['’]?s)?(?:[ \t]+name)?[ \t]+(?:is|=)"
    r"|\b(?:patient|pt|ptn)[ \t]*[=:]"
    r"|\b(?:her|his|my|their|your)[ \t]+name(?:[ \t]+is|['’]s)"
    r"|(?:\b(?:my|her|his|their|our)|['’]s)[ \t]+(?:"
    + "|".join(sorted(RELATIVES))
    + r")[ \t]+(?:is|was)"
    r"|\b(?:" + "|".join(sorted(RELATIVES)) + r")[ \t]*\("
    r"|\b(?:called|named)|\bbaby[ \t]+of|(?-i:\bBO|\bB/O)"  # "BO king": baby of
    r"|\b(?:lady|gentleman|gent|woman|man|girl|boy)"
    r"|\b(?:doctor|mister|missus|nurse))[ \t]*$"
)


# A name's own label, typed or dictated: "name isabella moreno,", "name's ken", "first name
# eilidh", "surname o'neill" (not a drug's: "brand name", "generic name"; not a question's:
# "what name goes on the wristband").
_NAME_LABEL = re.compile(
    r"(?i:(?:\b(?:first|given|last|family|sur)[ \t]*|(?<!brand )(?<!generic )(?<!trade )"
    r"(?<!drug )(?<!product )(?<!what )(?<!which )(?<![\w-]))name(?:[ \t]+is|['’]s|[ \t]*[:=])?)"
    r"[ \t]*$"
)
# What follows a name's label without being a name: "name band", "name unknown", "why did
# the old name change?".
_LABEL_NOT_NAMES = frozenset(
    """a an the and or of on in is not no unknown withheld given same different band bands
    tag tags badge badges alert alerts check checks label labels field change changes changed
    changing""".split()
)

# A title in small letters after a word that leads to a person: "for ms price", "re mr shah"
# ("mr" alone is also magnetic resonance, "ms" multiple sclerosis: "mr scan", "ms relapse").
_TITLE_AFTER_A_WORD = re.compile(
    r"(?i:\b(?:for|re|to|with|from|and|see|seen|call|ring|ask|tell|told|by)[ \t]+"
    r"(?:mr|ms|mrs|miss|dr)\.?)[ \t]+$"
)


def _a_surname(word: str) -> bool:
    """A frequent surname that is no clinical word ("price", "shah"; not "scan")."""
    return word in frequent_surnames() and word not in phi_lexicon.clinical_words()


# A member of staff who is the patient, by role: "porter mo hassan", "hca (mercy asamoah)".
# After one, a word of the name lists is a name even when it is a word too ("mercy", "jade").
_STAFF_BEFORE = re.compile(
    r"(?i:\b(?:porter|hca|hcw|mw|cleaner|domestic|housekeeper|receptionist|phlebotomist"
    r"|colleague))[ \t]*\(?[ \t]*$"
)


def _staff_name(text: str, tokens: list[re.Match[str]], i: int) -> bool:
    """After a role, a name-list word that is no common word, or a common one before a surname
    no common word is ("mercy asamoah", "mo hassan"; not "porter or nurse")."""
    word = tokens[i].group()
    if word not in load_names():
        return False
    if word not in common_words():
        return True
    if i + 1 == len(tokens) or not adjacent(text, tokens[i], tokens[i + 1]):
        return False
    nxt = tokens[i + 1].group()
    return nxt.islower() and nxt not in common_words() and _rest_of_a_name(nxt)


def _names_after_saying(text: str, tokens: list[re.Match[str]], verdicts: list[bool]) -> None:
    """A name in small letters after words that say who someone is: a given name, a name-list
    word that is no common word, or a word no list knows that is spelt like a name; then the
    rest of the name ("karen white", "grace oyelaran"). "patient is young", "doctor said" and
    "nurse led" name no one."""
    for i, token in enumerate(tokens):
        word = token.group()
        if not word.islower() or word in NOT_BETWEEN | MODALS or phi_words.contraction(word):
            continue  # ("the doctor doesn't answer")
        before = text[max(0, token.start() - 40) : token.start()]
        titled = _TITLE_AFTER_A_WORD.search(before) is not None and _a_surname(word)
        labelled = _NAME_LABEL.search(before) is not None and _labelled_name(word)
        if not (titled or labelled or _SAYING_WHO.search(before) or _STAFF_BEFORE.search(before)):
            continue
        staff = _STAFF_BEFORE.search(before) is not None and _staff_name(text, tokens, i)
        if not (titled or labelled or staff or verdicts[i] or _names_someone(word)):
            continue
        verdicts[i] = True
        for j in range(i + 1, min(i + 3, len(tokens))):
            nxt = tokens[j].group()
            if not (adjacent(text, tokens[j - 1], tokens[j]) and nxt.islower()):
                break
            if nxt in NOT_BETWEEN | MODALS or not _rest_of_a_name(nxt):
                break
            verdicts[j] = True


def _labelled_name(word: str) -> bool:
    """After "name:" any word but a label's own is the name: one no English word list holds
    ("keisha"), or one the name lists hold though it is also a word ("ken", "will")."""
    folded = word.casefold()
    if folded in _LABEL_NOT_NAMES:
        return False
    return folded not in common_words() or folded in given_names() or folded in load_names()


def _names_someone(word: str) -> bool:
    folded = word.casefold()
    parts = [p for p in re.split(r"[-'’]", folded) if len(p) > 1] or [folded]
    if folded in phi_lexicon.clinical_words() or folded in SenseInventory.load():
        return False
    listed = folded in load_names() and folded not in common_words()
    return folded in given_names() or listed or _spelt_like_a_name(folded, parts)


def _rest_of_a_name(word: str) -> bool:
    folded = word.casefold()
    parts = [p for p in re.split(r"[-'’]", folded) if len(p) > 1] or [folded]
    if folded in phi_lexicon.clinical_words() and folded not in frequent_surnames():
        return False
    return (
        folded in PARTICLES
        or folded in frequent_surnames()
        or (folded in load_names() and folded not in common_words())
        or _spelt_like_a_name(folded, parts)
    )


# Titles that are nothing else: "ms" is also multiple sclerosis, "miss" a verb, "dr" a drive,
# and "mr" in small letters magnetic resonance ("mr safe", "mr list"): only "Mr" is a title.
_ONLY_TITLES = frozenset("mrs mx".split())


def _after_a_title(title: str, folded: str, after: str) -> bool:
    """A surname in small letters after "mrs" or "Mr" is a name even when it is also a word
    ("mrs fox", "Mr brown", "mrs rose"): any word of the name lists that is no clinical word,
    unless a frequent surname ("mrs smith"). After "mr" or "dr" typed small, only with a
    person's context after it ("mr price 72 s/p lap chole", not "mr safe")."""
    titled = title.casefold() in _ONLY_TITLES or title == "Mr"
    if title in ("mr", "dr") and phi_lexicon.person_after(after):
        titled = True
    if titled and title.casefold() in _ONLY_TITLES and re.fullmatch(r"[od]['’][a-z]{2,}", folded):
        return True  # "mrs o'hare": an Irish surname, a word after its apostrophe
    if not titled or folded not in load_names():
        return False
    return folded in frequent_surnames() or folded not in phi_lexicon.clinical_words()


# Contractions typed without their apostrophe: "pt, dont want to reverse".
_UNAPOSTROPHISED = frozenset(
    "dont cant wont didnt doesnt isnt wasnt arent werent havent hasnt hadnt shouldnt couldnt "
    "wouldnt mustnt neednt im ive id youre theyre thats whats hes shes its lets theres heres "
    "wheres whos".split()
)


def _unlisted(word: str) -> bool:
    folded = word.casefold()
    return not phi_lexicon.known(folded, [folded]) and folded not in load_names()


def _spelt_like_a_name(folded: str, parts: list[str]) -> bool:
    """A word no list knows, spelt like a name and not like shorthand or a verb's form."""
    return (
        len(folded) > 3
        and not phi_lexicon.known(folded, parts)
        and folded not in SenseInventory.load()
        and not _a_verb_form(folded)
        and name_likeness(folded) >= phi_words.SHAPE_THRESHOLD
    )


def _a_verb_form(word: str) -> bool:
    """A long word ending like a verb's form: "desaturating" is no name ("Fleming" and the
    like are on the name lists, so never reach here)."""
    return len(word) >= 7 and word.endswith(("ing", "ated", "ised", "ized"))


def _join_neighbours(text: str, tokens: list[re.Match[str]], verdicts: list[bool]) -> None:
    """A name's neighbours join it: initials before it ("J. Smith", "J-P Rousseau"), a
    particle between ("Nguyen van Minh"), and a capitalised listed word beside it ("Gerald
    Moss"), but never across punctuation other than a comma of "Last, First"."""
    middle_initial_and_surname(text, tokens, verdicts)
    changed = True
    while changed:
        changed = False
        for i, token in enumerate(tokens):
            if verdicts[i]:
                continue
            near = [j for j in (i - 1, i + 1) if 0 <= j < len(tokens) and verdicts[j]]
            near = [j for j in near if adjacent(text, tokens[min(i, j)], tokens[max(i, j)])]
            if not near:
                continue
            # (a first name that is no word: "Morag", not "Will" or "Faith")
            first = tokens[i - 1].group().casefold() if i - 1 in near else ""
            plain_name_before = bool(first) and first not in common_words()
            if _joins(text, token, i - 1 in near, i + 1 in near, plain_name_before) or (
                i - 1 in near and _ends_a_particle_name(tokens, verdicts, i)
            ):
                verdicts[i] = changed = True


def _ends_a_particle_name(tokens: list[re.Match[str]], verdicts: list[bool], i: int) -> bool:
    """A word in small letters that no list knows, after a name's particle: "siobhan ni
    bhriain", "ahmad bin yusof" (the capitalised ones join by _joins)."""
    word = tokens[i].group()
    return (
        i >= 2
        and word.islower()
        and len(word) > 2
        and tokens[i - 1].group().casefold() in PARTICLES
        and verdicts[i - 2]
        and not phi_lexicon.known(word, [word])
    )


def _joins(
    text: str, token: re.Match[str], name_before: bool, name_after: bool, plain_before: bool
) -> bool:
    """Initials before a name, a particle after one, or a capitalised word beside one that is
    no word at all ("Tamar Cohen") or a common name ("Gerald Moss"), but not a word that
    leads a number ("John Smith Ward 3") or starts the sentence ("Does John Smith …")."""
    word, folded = token.group(), token.group().casefold()
    if word in ("A", "I", "BO"):
        return False  # the article, the pronoun, "baby of": "A Muslim family asked", "BO King"
    if phi_words.is_initials(word):
        # (a unit joined to its number is no initial: "on 6L Hudson", "2L Nasal")
        return name_after and not text[max(0, token.start() - 1) : token.start()].isdigit()
    if folded in PARTICLES:
        return name_before or name_after  # "Nguyen van Minh", "da Silva", "van Dijk"
    if word.isupper() and len(word) > 2:  # "ANDERSSON Erik", "NURUL AIN BINTI ISMAIL"
        listed = folded in load_names() or (name_after and not phi_lexicon.known(folded, [folded]))
        return listed and folded not in SenseInventory.load()
    if not word[:1].isupper() or word.isupper():
        return False
    if folded in EPONYM_NOUNS:  # a surname after a name ("Angela Nurse"), not "Kernig Sign"
        return name_before and folded in load_names() and folded not in PLACE_NOUNS
    if not phi_lexicon.known(folded, [folded]):
        return True
    if name_after and folded in given_names() and folded not in MODALS:
        return True  # "Duke Mensah", "Heather Moody": a first name before the surname
    # (a frequent surname before a number still joins: "Alan Brown 68 PSA 34" is his age)
    leads_a_number = (
        BARE_NUMBER_AFTER.match(text[token.end() :]) is not None
        and folded not in frequent_surnames()
    )
    # a surname that is a word too, after a name that is none: "Morag Mackintosh"
    surname = (
        plain_before
        and folded in load_names()
        and folded not in PLACE_NOUNS
        and folded not in phi_lexicon.clinical_words()
    )
    return (phi_lexicon.listed_strongly(folded, [folded]) or surname) and not leads_a_number
