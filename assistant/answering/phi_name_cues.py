"""Names that the words around them give away (assistant/answering/phi_name_spans.py asks):
who introduces themselves in a message ("hi its kev", "hello, this is Mere"), who is on the
phone ("rose on the line, 89", "phoned back sunny o."), a baby or twins
by their names ("her baby, Lily", "baby glory osei", "sunny (the little boy …)", "twins
harper & hunter"), whom a booking is for ("ir nephrostomy for wade tmrw", "… at 14+3 for
jess"), who holds a role ("the refuge worker Sally"), a surname after a title typed small ("mr
burns on apixaban") and a word no list knows after "pt" ("pt olumide, dob …"). Each sets the
verdicts of the words it finds; none clears one."""

from __future__ import annotations

import re

from assistant.answering.phi_lexicon import MODALS, NOT_BETWEEN, clinical_words, known
from assistant.answering.phi_names import STOP, adjacent
from knowledge.drug_names import a_generic
from knowledge.name_words import common_words, frequent_surnames, given_names, load_names
from knowledge.proper_terms import BRANDS, NOT_PEOPLE, RELATIVES

# A greeting, then the words that say who writes: "hi its kev", "Hello, this is Mere".
_INTRODUCED = re.compile(
    r"(?i:\b(?:hi|hiya|hello|hey|morning|evening)[ \t,!.-]+(?:it['’]?s|this[ \t]+is|i['’]?m)"
    r"[ \t]+)$"
)
# After a baby's word, its name: "her baby, Lily", "baby glory osei".
_BABY_BEFORE = re.compile(r"(?i:\b(?:baby|newborn|twin[ \t]+[12ab]))[ \t]*[,:]?[ \t]*$")
# Who the word is, in brackets after it: "rose (baby)", "sunny (the little boy not …)".
_CHILD_AFTER = re.compile(
    r"[ \t]*\((?:the[ \t]+)?(?:little[ \t]+)?(?:baby|boy|girl|son|daughter|twin|pt|patient)\b",
    re.I,
)
# A name alone in brackets after the word for a person or a condition: "supported living staff
# (kerry)", "the guardian (tom hale)", "pt with angelman (lily-mae)".
_IN_BRACKETS = re.compile(r"\(([^\W\d_][\w'’-]*)(?:[ \t]+([^\W\d_][\w'’-]*))?\)")
# Whom news is asked about: "wants update on josh".
_NEWS_ON_BEFORE = re.compile(r"(?i:\b(?:update|updates|news|info)[ \t]+(?:on|about|re))[ \t]+$")
# Whom a request is for, between a modal and what they would do: "can wade have his tac
# level at the sat clinic", "could grace get the late slot".
_MODAL_BEFORE = re.compile(r"(?i:\b(?:can|could|should|will|may|does|did|has))[ \t]+$")
_DOING_AFTER = re.compile(
    r"[ \t]+(?:have|get|take|go|come|start|stop|restart|eat|drink|fly|travel|drive|still|be)\b"
)
# Someone from a service, opening a message: "mark from the day centre wants …".
_FROM_A_SERVICE_AFTER = re.compile(r"[ \t]+from[ \t]+the[ \t]+", re.I)
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
    r"(?i:\b(?:pt|patient|aka|a\.k\.a\.?|called|known[ \t]+as|nickname[ \t]*:?))[ \t]*['‘\"“]"
    r"(?P<first>[A-Z][a-z]+[ \t]+)?$"  # (the second word of two: "aka \"Lil Tee\"")
)
_QUOTE_AFTER = re.compile(r"['’\"”]")
_SECOND_WORD_AFTER = re.compile(r"[ \t]+[A-Z][a-z]+['’\"”]")
_NOT_NICKNAMES = NOT_BETWEEN | MODALS | {"no", "yes"}  # "pt 'no' to bloods"
# A caller, on a message pad: "rose on the line, 89", "phoned back sunny o.", "ring back bev".
_ON_THE_LINE_AFTER = re.compile(
    r"[ \t]+(?:is[ \t]+)?(?:on[ \t]+the[ \t]+(?:line|phone)|rang|phoned|called|calling)\b", re.I
)
_CALLED_BACK_BEFORE = re.compile(
    r"(?i:\b(?:phoned|rang|called|ring|call|texted|txt)[ \t]+back|\bcall[ \t]*back[ \t]+(?:for|to))"
    r"[ \t]+$"
)
_QUESTION_ENDS = re.compile(r"[ \t]*[?.!]*[ \t]*$")
# A title typed small: "mr burns on apixaban", "mrs page".
_TITLE_SMALL_BEFORE = re.compile(r"(?<![\w'’-])(mrs|mr)\.?[ \t]+$")
# What follows "mr" when it is mitral regurgitation, not a title: "mr moderate", "mr on echo".
_VALVE_WORDS = frozenset(
    "mild moderate severe trace trivial significant worsening grade functional ischaemic "
    "ischemic primary secondary torrential jet murmur".split()
)
# The words before "mr" when it means modified release ("the mr tablets", "her mr dose"), and
# the things after "mr" or "mrs" that are no surname: a drug's form, then below.
_RELEASE_BEFORE = frozenset("the a an of this that his her their same oral po".split())
_NO_SURNAME_AFTER_MR = frozenset(
    "tablet tablets tab tabs caps capsule capsules formulation formulations preparation prep "
    "version dose doses form granules sachet sachets patch patches".split()
    # and magnetic resonance's words: "mr conditional pacemaker", "mr enterography"
    + "conditional safe unsafe compatible imaging angiography angiogram venography venogram "
    "enterography arthrogram arthrography spectroscopy scan scans scanner sequence sequences "
    "contrast guided elastography cholangiography urography defecography perfusion "
    "fingerprinting environment zone suite".split()
    # and the parts of the body it images, some of them surnames: "mr head and neck"
    + "head neck brain spine knee hip shoulder pelvis abdomen abdo liver heart chest breast "
    "prostate wrist ankle foot hand face orbits pituitary cervical lumbar thoracic whole "
    "cardiac rectum".split()
)
# Who someone is to the patient or the ward, just before their name: "the refuge worker Sally",
# "call the helper Marites", "farm manager Bronwyn Te Kani", "HCA Precious".
_ROLE_BEFORE = re.compile(
    r"(?i:\b(?:worker|helper|carer|caregiver|manager|driver|teacher|neighbou?r|friend|partner"
    r"|boyfriend|girlfriend|fianc[ée]e?|flatmate|housemate|landlord|landlady|colleague|boss"
    r"|interpreter|translator|chaplain|keyworker|advocate|coordinator|hca|asha|nanny"
    r"|babysitter|housekeeper|maid|warden|volunteer|supervisor|foreman|coach|tutor))[ \t]+$"
)


def named_by_cues(text: str, tokens: list[re.Match[str]], verdicts: list[bool]) -> None:
    """Mark the words these cues name. Each word looks 40 characters either side, so a long
    paste costs no more per word than a short question."""
    for i, token in enumerate(tokens):
        if verdicts[i]:
            continue
        before = text[max(0, token.start() - 40) : token.start()]
        after = text[token.end() : token.end() + 40]
        word = token.group()
        last = _QUESTION_ENDS.fullmatch(text, token.end()) is not None
        verdicts[i] = (
            (_INTRODUCED.search(before) is not None and _introduced(word))
            or (
                _BABY_BEFORE.search(before) is not None and _a_babys_name(text, tokens, verdicts, i)
            )
            or (_CHILD_AFTER.match(after) is not None and _a_given_name(word))
            or (_FOR_BEFORE.search(before) is not None and _booked_for(word, after, last))
            or (_a_caller(before, after) and _a_given_name(word))
            or (_ROLE_BEFORE.search(before) is not None and _a_role_holders_name(word))
            or (
                _TITLE_SMALL_BEFORE.search(before) is not None
                and _a_surname_typed_small(word, before)
            )
            or _a_nickname(word, before, after)
            or (_NEWS_ON_BEFORE.search(before) is not None and _a_given_name_no_word(word))
            or (
                _MODAL_BEFORE.search(before) is not None
                and _DOING_AFTER.match(after) is not None
                and _a_persons_name(word)
            )
            or (
                i == 0
                and not before.strip()
                and _FROM_A_SERVICE_AFTER.match(after) is not None
                and _a_given_name(word)
            )
        )
    _twins(text, tokens, verdicts)
    _after_the_word_patient(text, tokens, verdicts)
    _names_in_brackets(text, tokens, verdicts)


def _a_surname_typed_small(word: str, before: str) -> bool:
    """A word after "mr" or "mrs" typed small is the surname, English word or not ("mr burns
    on apixaban", "mrs page"), unless a small word of the sentence ("mr and mrs"), a drug or
    its form, a clinical word that is no frequent surname ("mr brain": magnetic resonance),
    or, after "mr", what is said of a leaking mitral valve ("mr moderate") or of modified
    release ("the mr tablets", "oxycodone mr")."""
    folded = word.casefold()
    if not word.islower() or len(word) < 3 or folded in STOP | MODALS | _NO_SURNAME_AFTER_MR:
        return False
    if a_generic(folded) or folded in BRANDS:
        return False  # "mr morphine"
    if folded in clinical_words() and folded not in frequent_surnames():
        return False
    title = _TITLE_SMALL_BEFORE.search(before)
    if title.group(1) == "mr":
        said = re.search(r"([^\W\d_]+)[ \t]+$", before[: title.start(1)])
        said = said.group(1).casefold() if said else ""
        if folded in _VALVE_WORDS or said in _RELEASE_BEFORE or a_generic(said) or said in BRANDS:
            return False
    return True


def _a_role_holders_name(word: str) -> bool:
    """After a role's word: a capitalised given name or listed name that is no thing ("worker
    Sally", "helper Marites"; not "worker Training", "driver Uber"), or a given name typed
    small that is no English word ("driver tomasz")."""
    folded = word.casefold()
    if folded in NOT_PEOPLE or folded in NOT_BETWEEN | MODALS | STOP or word.isupper():
        return False
    if word[:1].isupper():
        return folded in load_names() or folded not in common_words()
    return folded in given_names() and folded not in common_words()


def _after_the_word_patient(text: str, tokens: list[re.Match[str]], verdicts: list[bool]) -> None:
    """A word typed small after "pt" or "patient" that no list knows, before a comma or a
    record's label: "pt olumide, dob …", "patient adaeze mrn …" (not "pt nbm", "pt sob",
    "pt stable": lists know them, and a word no list knows followed by more words is as
    often a typo or a drug)."""
    for i, token in enumerate(tokens[:-1]):
        if token.group().casefold() not in ("pt", "patient") or not token.group().islower():
            continue
        word = tokens[i + 1]
        if verdicts[i + 1] or not adjacent(text, token, word) or not _unknown_small(word.group()):
            continue
        if _A_RECORD_AFTER.match(text, word.end()):
            verdicts[i + 1] = True


# What follows a name in a record's line: a comma or a bracket, or a label or an age.
_A_RECORD_AFTER = re.compile(
    r"[ \t]*(?:[,;(]|(?i:dob|d\.o\.b|mrn|nhs|hosp|urn|born|aged?)\b|\d{1,3}[ \t]*(?:y|yo|m|f)\b)"
)


def _unknown_small(word: str) -> bool:
    """A word in small letters that no English, clinical, drug or abbreviation list holds."""
    if not word.islower() or len(word) < 3 or word in STOP | MODALS | NOT_BETWEEN:
        return False
    parts = [p for p in re.split(r"[-'’]", word) if len(p) > 1] or [word]
    return not known(word, parts) and word not in NOT_PEOPLE | RELATIVES


def _introduced(word: str) -> bool:
    """Who writes: a name-list word, capitalised ("Mere") or no common word ("kev"); "hi
    it's me", "hi I'm worried", "hello this is Mum" name no one."""
    folded = word.casefold()
    if folded in RELATIVES | NOT_PEOPLE or folded in NOT_BETWEEN | MODALS:
        return False
    if word[:1].isupper() and not word.isupper():
        return folded in load_names() or folded in given_names()
    return folded in given_names() or (folded in load_names() and folded not in common_words())


def _a_caller(before: str, after: str) -> bool:
    """Who is on the phone, opening a message ("rose on the line, 89") or after calling back
    ("phoned back sunny o.")."""
    opens = re.fullmatch(r"[ \t]*(?:(?i:msg|message|call|tel)[ \t]*:?[ \t]*)?", before) is not None
    return (opens and _ON_THE_LINE_AFTER.match(after) is not None) or (
        _CALLED_BACK_BEFORE.search(before) is not None
    )


def _a_nickname(word: str, before: str, after: str) -> bool:
    """One word alone in the quotes, no function word: "'bud'", "'ish'" (not "pt 'no'"); or
    two capitalised ones: "aka \"Lil Tee\"" (not "pt 'no way'")."""
    cue = _NICKNAME_BEFORE.search(before)
    if cue is None or word.casefold() in _NOT_NICKNAMES:
        return False
    if cue.group("first"):
        return word[:1].isupper() and _QUOTE_AFTER.match(after) is not None
    if _SECOND_WORD_AFTER.match(after):
        return word[:1].isupper()
    return _QUOTE_AFTER.match(after) is not None


def _a_persons_name(word: str) -> bool:
    """A given name, or a frequent surname that is no English word ("he", "crews"), in small
    letters and no clinical word."""
    folded = word.casefold()
    if not word.islower() or folded in NOT_PEOPLE | RELATIVES or folded in NOT_BETWEEN | MODALS:
        return False
    surname = folded in frequent_surnames() and folded not in common_words()  # not "he", "crews"
    return (folded in given_names() or surname) and folded not in clinical_words()


def _a_given_name_no_word(word: str) -> bool:
    return _a_given_name(word) and word.casefold() not in common_words()


_AN_ACT_BEFORE = re.compile(r"\bAct(?:[ \t]+\d{4})?[ \t]*$")


def _names_in_brackets(text: str, tokens: list[re.Match[str]], verdicts: list[bool]) -> None:
    """A given name alone in brackets, or with a surname: "(kerry)", "(tom hale)",
    "(lily-mae)"; a word that is also an English word only with a surname beside it ("(rose)"
    may be a result that rose); never in capitals ("(MARC)" spells out a committee)."""
    at = {t.start(): i for i, t in enumerate(tokens)}
    for found in _IN_BRACKETS.finditer(text):
        first, second = found.group(1), found.group(2)
        if first.isupper():
            continue  # an abbreviation spelt out before it: "Committee (MARC)"
        if _AN_ACT_BEFORE.search(text, 0, found.start()):
            continue  # a state's act: "Voluntary Assisted Dying Act 2017 (Vic)"
        parts = [p for p in re.split(r"[-'’]", first.casefold()) if p]
        given = all(p in given_names() for p in parts) and first.casefold() not in NOT_PEOPLE
        surname = second is not None and (
            second.casefold() in frequent_surnames()
            or (second.casefold() in load_names() and second.casefold() not in common_words())
        )
        word = first.casefold() in common_words() or any(p in common_words() for p in parts[1:])
        if not given or (word and not surname) or (second is not None and not surname):
            continue
        i = at.get(found.start(1))
        if i is None:
            continue
        verdicts[i] = True
        if second is not None and i + 1 < len(tokens):
            verdicts[i + 1] = True
        _short_form_and_surname(tokens, verdicts, i, first.casefold(), second is None)


def _short_form_and_surname(
    tokens: list[re.Match[str]], verdicts: list[bool], i: int, name: str, alone: bool
) -> None:
    """Around a given name in brackets, the short form it spells out and the surname after it:
    "pt rich (richard) allen"."""
    if (
        i > 0
        and len(tokens[i - 1].group()) > 1
        and name.startswith(tokens[i - 1].group().casefold())
    ):
        verdicts[i - 1] = True
        after = i + 1
        if alone and after < len(tokens) and _a_surname(tokens[after].group().casefold()):
            verdicts[after] = True


def _a_surname(folded: str) -> bool:
    listed = folded in load_names() and folded not in common_words()
    return folded in frequent_surnames() or listed


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


def _booked_for(word: str, after: str, last: bool) -> bool:
    """Whom a booking is for, in small letters: a given name or a frequent surname before
    when it is ("for wade tmrw"), or a given name that is no word ending the question ("for
    jess")."""
    folded = word.casefold()
    if not word.islower() or folded in NOT_PEOPLE | RELATIVES or folded in NOT_BETWEEN | MODALS:
        return False
    if _WHEN_AFTER.match(after):
        return folded in given_names() or folded in frequent_surnames()
    return last and folded in given_names() and folded not in common_words()


def _twins(text: str, tokens: list[re.Match[str]], verdicts: list[bool]) -> None:
    """ "twins harper & hunter", "triplets: Ava, Mia and Zoe": given names after the word."""
    for i, token in enumerate(tokens):
        if not _TWINS_BEFORE.search(text[max(0, token.start() - 20) : token.start()]):
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
