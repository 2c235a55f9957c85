"""Where a patient's name stands in a typed question, for assistant/answering/phi.py's rules.

A name is found after a cue (pt, Mr, daughter: phi_cue_names.py reads the words after one),
before or after an age and sex ("Maria Gonzalez 76yo F", "76yo F Rose Whitfield"), before an
identifier's label ("Harriet Ames DOB"), in capitals after "pt" when it is on the name list,
or in a script English questions do not use. These are the patterns and the functions that
accept or reject a match: each returns the span to replace, or None. Word lists say which
words in those places are not names.
"""

from __future__ import annotations

import re

from assistant.answering.phi_lexicon import clinical_words, unlisted
from knowledge.name_words import common_words, frequent_surnames, given_names, load_names
from knowledge.parsing.hygiene import english_words
from knowledge.proper_terms import NOT_PEOPLE, RELATIVES
from knowledge.sense_inventory import SenseInventory

Span = tuple[int, int]

# Capitalised words that follow a cue but are not names ("Patient Safety", "Patient Group
# Directions", "pt. The dose"). Compared case-insensitively, one word at a time.
_STOP_WORDS = """
    a an and are as at be but by can could did do does for from has have he her his how i if in
    is it its me my no not of on or our she should so that the their then there these they this
    those to was we were what when where which who why will with would you your safety
    identification identifier identity controlled group groups directions education information
    care centred centered experience experiences reported outcome outcomes advice leaflet
    leaflets record records notes note name names number details data portal pathway pathways
    transport transfer flow handover consent discharge admission assessment observation
    observations monitoring management medication medications medicines allergy allergies
    history level status weight falls fall mobility hygiene privacy dignity confidentiality
    access services service liaison advocate advocacy support charter panel forum council story
    stories journey voice list lists board summary label labels wristband wristbands specific
    factors related first last home own self position positioning handling review risk initial
    preference preferences choice plan plans population cohort demographics registration
    register registry policy policies protocol protocols guideline guidelines guidance ward
    room bed unit department team nurse nursing doctor consultant day days today tomorrow
    yesterday age aged year years involvement participation satisfaction feedback rights
    selection tracking characteristics questionnaire survey please also after before during mr
    mrs ms miss mx dr prof pt patient sr sra srta dña doña herr frau mme mlle sig signora
    signor pan pani shri smt surname forename forenames firstname lastname dob health healthcare"""
STOP = frozenset(_STOP_WORDS.split())

# -- names by where they stand --------------------------------------------------------------
# Clinicians open a question with the patient: "Maria Gonzalez 76yo F …", "Okafor, Chidinma
# 34F …", "nguyen van minh 45 m …", or put the name right after the age and sex: "76yo F Rose
# Whitfield fell …". Words in those places are names whatever their case or origin, unless
# they are words a question uses there ("pt", "elderly", "known").
LETTERS = r"[^\W\d_]+(?:['’\-][^\W\d_]+)*"
DEMOGRAPHIC = (
    r"\d{1,3}[ \t]?(?:(?:yo\b|y/o\b|y\.o\.?|(?:yr|yrs|year)s?[ \t-]?old\b)(?:[ \t]?[MmFf]\b)?"
    r"|[MmFf]\b)"
)
# A relative or carer named in the question: "daughter Karen Whitlock", "her son Tom"; the
# words, one alternation, read in any case here and in capitals by phi_rules.py ("WIFE
# GEORGETTE ON PHONE").
RELATIVE_WORDS = (
    "daughter|son|mother|father|mum|mom|dad|wife|husband|partner|sister|brother"
    "|grandson|granddaughter|carer|niece|nephew|aunt|uncle"
)
RELATIVE_CUE = (
    rf"\b(?i:{RELATIVE_WORDS})(?i:-in-law)?"
    # (and in brackets after the relative's: "dads (Ken Marsh) breathing is noisy"; not
    # "father's Social Security", "Carer's Allowance")
    r"(?:[ \t]+|(?i:['’]?s)?[ \t]*\([ \t]*)"
)
# Names just before an identifier's label: "Harriet Ames DOB …", "JS Smith MRN …".
BEFORE_LABEL = (
    r"(?=[ \t,]*\(?(?:(?i:MRN|DOB|D\.O\.B|NHS|hosp(?:ital)?[ \t]+no|born|acct|account[ \t]+no)"
    r"|PHN|URN?|FIN|CSN)\b)"
)
_NOT_NAMES = frozenset(
    """
    pt pts patient patients elderly obese frail known new old young male female man woman lady
    gentleman boy girl baby infant child toddler teen teenager adult resident client diabetic
    pregnant postpartum post pre op postop preop my our his her their this that a an the with
    and or re hi hello morning evening night q question quick query urgent help please query
    bay bed ward side room cubicle icu hdu ed er ccu mau amu sau theatre clinic sick unwell
    septic confused collapsed
    """.split()
)
_NAME_TOKENS = 5


def names_before(m: re.Match[str]) -> Span | None:
    """The words between the question's start (or a dash, colon, comma run) and an age-sex
    block that are not words a question uses there."""
    words = list(re.finditer(LETTERS, m.group("v")))
    kept = [w for w in words if w.group().casefold() not in _NOT_NAMES]
    if not kept or len(kept) > _NAME_TOKENS:
        return None
    # only the trailing run of name-like words, right before the age
    run = []
    for w in reversed(words):
        if w.group().casefold() in _NOT_NAMES:
            break
        run.append(w)
    names = [w.group() for w in reversed(run)]
    # (not "COPD exacerbation 67M", "β-blocker dose 76yo M"; but "wade 45m aml on aza": the
    # question opens with the patient)
    name_like = all(_name_like(w) or _surname_first(names, i) for i, w in enumerate(names))
    opening = len(words) == 1 and bool(run) and _opening_word_name(m, names[0])
    shouted = not m.string[: m.start("v")].strip() and _a_name_in_capitals(names)
    if not run or not (name_like or opening or shouted):
        return None
    base = m.start("v")
    return base + run[-1].start(), base + run[0].end()


def trailing_name(m: re.Match[str]) -> Span | None:
    """The words right before an identifier's label, back to the first word that is not a
    name ("… Analgesia Mrs Anne O'Neil NHS number …": "Anne O'Neil")."""
    words = list(re.finditer(r"\S+", m.group("v")))
    run = []
    for w in reversed(words):
        if w.group().strip(".").casefold() in STOP | RELATIVES:
            break
        run.append(w)
    if not run or len(run) > 3:
        return None
    # at least one listed name that is no common word unless a frequent name ("Smith"), or
    # one spelt with letters English does not use: "Analgesia" or "Table" before "NHS number"
    # is the word before a label, not a name
    if not any(
        _a_listed_name(w.group().strip(".").casefold()) or not w.group().isascii() for w in run
    ):
        return None
    return m.start("v") + run[-1].start(), m.start("v") + run[0].end()


_PARTICLES = frozenset(
    "van von der den de del della la le du da di bin bint binti ibn al el ní ní ó o mac".split()
)


def _surname_first(names: list[str], i: int) -> bool:
    """names[i] is a frequent surname before a given name of two joined parts, the order of
    Korean and Chinese names: "park ji-hoon", "lee mei-ling" ("park" alone is a word)."""
    given = names[i + 1] if i + 1 < len(names) else ""
    return "-" in given and _name_like(given) and names[i].casefold() in frequent_surnames()


def _opening_word_name(m: re.Match[str], word: str) -> bool:
    """A word in small letters opening the question right before an age and sex is the
    patient's name when a name list has it, even if it is also a word ("wade 45m", "rose
    82f"), unless a clinical list has it ("fall 76f", "stroke 67m")."""
    folded = word.casefold()
    return (
        not m.string[: m.start("v")].strip()
        and word.islower()
        and folded in name_list()
        and folded not in clinical_words()
    )


def _a_name_in_capitals(names: list[str]) -> bool:
    """Two or three words in capitals opening a message before an age and sex, one of them a
    word no list holds, none a clinical word or an abbreviation: "GOODWILL MAPOSA 56M" (not
    "CHEST PAIN 56M", "NEW PT 67F")."""
    if not 2 <= len(names) <= 3 or not all(n.isupper() and n.isalpha() for n in names):
        return False
    folded = [n.casefold() for n in names]
    if any(f in clinical_words() or f in SenseInventory.load() for f in folded):
        return False
    return any(unlisted(f) for f in folded)


def _name_like(word: str) -> bool:
    """Whether a word before an age and sex reads as a name, by its case: capitalised
    ("Chidinma"); in capitals and on the name list ("MCALLISTER", not "COPD"); in lower case,
    on the name list and no common English word ("nguyen", not "dose"); in letters English
    does not use, unless joined to an English word ("Nguyễn", not "β-blocker")."""
    folded = word.casefold()
    if folded in _PARTICLES:
        return True
    parts = [p for p in folded.split("-") if p]
    if not word.isascii():
        return not any(p.isascii() and p in english_words() for p in parts)
    if word.isupper():  # (a clinical word no frequent surname is none: "CHEST PAIN 56M")
        return all(
            p in name_list()
            and (len(p) < 4 or p not in clinical_words() or p in frequent_surnames())
            for p in parts
        )
    if word[:1].isupper():
        return True
    if len(parts) > 1:  # "ji-hoon", "mei-ling": each part a name and no common word
        return all(p in name_list() and p not in common_words() for p in parts)
    return folded in name_list() and folded not in english_words() and folded not in common_words()


def names_after(m: re.Match[str]) -> Span | None:
    words = [w for w in re.finditer(LETTERS, m.group("v"))]
    run = []
    for w in words:
        if w.group().casefold() in STOP or w.group().casefold() in _NOT_NAMES:
            break
        run.append(w)
    if not run:
        return None
    base = m.start("v")
    return base + run[0].start(), base + run[-1].end()


def listed_name(m: re.Match[str]) -> Span | None:
    """An all-capital word after "pt"/"patient" is a name when it is on the name list
    ("pt ALVAREZ", with its first name: "pt GONZALEZ, MARIA"); otherwise it may be an order
    or an acronym ("pt NBM", "pt COPD")."""
    word = re.split(r"[,\s]", m.group("v"))[0]  # "ALVAREZ", or "GONZALEZ" of "GONZALEZ, MARIA"
    return m.span("v") if word.casefold() in name_list() and len(word) >= 4 else None


def surname_and_initials(m: re.Match[str]) -> Span | None:
    """ "pt SWIFTWIND, A.J.": a record's "SURNAME, I.", unless the word is an abbreviation
    or an English word ("pt NBM, A.M." is an order and a time)."""
    surname = m.group("v").split(",")[0].casefold()
    if surname in SenseInventory.load() or surname in common_words():
        return None
    return m.span("v") if re.search("[aeiouy]", surname) else None  # "NBM": no word


def initial_and_surname(m: re.Match[str]) -> Span | None:
    """ "pt m. dubois", "dr k. mensah": an initial and a surname in small letters after the
    word for a patient or a title, unless the surname is an English word ("pt w. long" may
    be "with long …")."""
    surname = re.split(r"\.[ \t]*", m.group("v"), maxsplit=1)[1].casefold()
    return None if surname in common_words() else m.span("v")


def capitals_pair(m: re.Match[str]) -> Span | None:
    """ "STRYKER, DEAN": the surname on the name list and no English word, or a given name
    after it ("SMITH, JOHN"); "FEVER, RIGORS" is neither."""
    last, first = (w.strip().casefold() for w in m.group("v").split(","))
    if last not in name_list() or len(last) < 4:
        return None
    return m.span("v") if last not in common_words() or first in given_names() else None


def capitals_given_and_surname(m: re.Match[str]) -> Span | None:
    """ "HOPE MASON post mastectomy …", "Patient: JOY FIELDING": words in capitals opening
    the question or after a form's label, a given name first and a listed surname last,
    neither an abbreviation nor the given name a known thing ("WELLS SCORE", "GRACE PERIOD"
    have no surname after; "MAY CAUSE" neither)."""
    words = m.group("v").casefold().split()
    first, last = words[0], words[-1]
    abbreviations = SenseInventory.load()
    if first in abbreviations or last in abbreviations or first in NOT_PEOPLE:
        return None
    return m.span("v") if first in given_names() and last in name_list() else None


def listed_pair(m: re.Match[str]) -> Span | None:
    """ "o'sullivan, aoife": a word on the name list or shaped like an Irish surname
    ("o'…"), and neither an English word ("fever, rash - …" is no name)."""
    words = [w.strip().casefold() for w in m.group("v").split(",")]
    names, english = name_list(), common_words()
    named = any(w in names or re.match(r"[od]['’]", w) for w in words)
    return m.span("v") if named and not any(w in english for w in words) else None


def capitals_comma_given(m: re.Match[str]) -> Span | None:
    """ "WHITE, Sage 33", "DOYLE Patrick 1957": a list's surname in capitals, a comma or not,
    and a given name before an age or a date; the surname on the name lists and no
    abbreviation ("CRP, Hb 120" is none)."""
    found = m.group("v")
    surname, given = (w.casefold() for w in re.split(r",?[ \t]+", found, maxsplit=1))
    if surname in SenseInventory.load() or surname not in name_list():
        return None
    if "," not in found and surname in common_words():
        return None  # "NICE Guidance 2019", "WHITE Cell 12": a comma says a list's name
    initial = "," in found and len(given.strip(".")) == 1  # "BROWN, J 71M"
    return m.span("v") if initial or given.split()[0] in given_names() else None


# What a clinic list's time may be followed by that is no patient: "0900 WARD ROUND", "1000
# CLINIC B", "1400 THEATRE A".
_LIST_PLACES = frozenset(
    "ward wards bay bays room rooms theatre clinic list session slot slots team zone area pod "
    "gate block wing floor level unit bed beds round rounds huddle meeting break lunch".split()
)


def surname_and_initial_at_a_time(m: re.Match[str]) -> Span | None:
    """ "0900 BARKER T, 0930 MBEKI N": a clinic list's surname in capitals and the initial
    after it, at a booked time; not an abbreviation, a clinical word or a place ("1000
    CLINIC B")."""
    surname = m.group("v").split()[0].casefold()
    abbreviations = SenseInventory.load()
    if surname in abbreviations or surname in clinical_words() or surname in _LIST_PLACES:
        return None
    return m.span("v")


def surname_comma_initial(m: re.Match[str]) -> Span | None:
    """ "(major, r)": a listed surname, a comma and one letter in brackets, as a caseload
    writes a patient (not "(left, r)": no clinical or small word)."""
    surname = m.group("v").split(",")[0].casefold()
    if surname not in name_list() or surname in clinical_words() or surname in STOP:
        return None
    return m.span("v")


# Words before "name" that make it a thing's: "brand name Hedrin", "trade name", "user name".
_THINGS_NAMED = frozenset(
    "brand trade generic drug product file user company business scheme programme service "
    "team ward unit surgery practice hospital street road place".split()
)


def given_name_after_label(m: re.Match[str]) -> Span | None:
    """ "… which consent process. name Mercy": a given name after the word "name" that ends
    the sentence; not a thing's name ("brand name Hedrin.")."""
    # (a few words before, never the whole text: a pattern anchored at its end scans it all)
    before = re.search(r"([^\W\d_]+)[ \t]+$", m.string[max(0, m.start() - 40) : m.start()])
    if before is not None and before.group(1).casefold() in _THINGS_NAMED:
        return None
    folded = m.group("v").casefold()
    # (a word too, after the label: "name Mercy", "name Hope")
    if folded not in load_names() or folded in NOT_PEOPLE or folded in clinical_words():
        return None
    return m.span("v")


def capital_name_opening(m: re.Match[str]) -> Span | None:
    """An all-capital word opening the question before a person's verb ("ADEBAYO keeps
    desatting") is a name unless it is an abbreviation, an English word, a body or a brand
    ("COPD is worse", "NICE says", "HOPE is")."""
    folded = m.group("v").casefold()
    if folded in SenseInventory.load() or folded in common_words() or folded in NOT_PEOPLE:
        return None
    return m.span("v")


def capitals_after_title(m: re.Match[str]) -> Span | None:
    """A surname in capitals after a title, as a pharmacy label prints it ("MRS E. HUNTER",
    "Mrs HOPE Lily"), unless it is an abbreviation ("MR CT", "DR ABC")."""
    found = m.group("v")
    words = found.split()
    initial = ""  # one letter after the surname, as a list prints it: "Pte BROWN K"
    if len(words) > 1 and len(words[-1].strip(".")) == 1 and len(words[-2].strip(".")) > 1:
        initial = found[found.rindex(words[-1]) - 1 :]
        found, words = found[: -len(initial)], words[:-1]
    if len(words) > 1 and len(words[-2].strip(".")) > 1:
        # two words in capitals: the second only if it is no word nor abbreviation
        # ("MS HINEMOA ROPATA"; "MR KNEE RIGHT" leaves "RIGHT")
        second = words[-1].casefold()
        unknown = second not in SenseInventory.load() and second not in NOT_PEOPLE
        named = _a_surname(words[-2].strip(".").casefold())
        word = second in common_words() or not second.isalpha() or len(second) < 4
        if named and unknown and not word:
            return m.start("v"), m.start("v") + len(found) + len(initial)
        found = found[: found.rindex(words[-1])].rstrip()
        words = words[:-1]
    if not _a_surname(words[-1].strip(".").casefold()):
        return None
    return m.start("v"), m.start("v") + len(found) + len(initial)


def _a_surname(surname: str) -> bool:
    listed = surname in name_list()
    if surname in SenseInventory.load() and not listed:
        return False
    return not ((surname in NOT_PEOPLE or len(surname) < 4) and not listed)  # "DR ABC"


# Units of care named by their letters: "ITU bed 5" is a place (and a prison's healthcare
# centre, "HCC bed 4"), "RK (bed 12)" a person.
_UNITS_OF_CARE = frozenset(
    "itu icu hdu ccu cdu amu mau sau eau nicu picu scbu hcc hd cr ct mr ed er or dsu pacu".split()
)


def initials_in_bed(m: re.Match[str]) -> Span | None:
    """Initials with the bed they are in ("RK (bed 12)", "J.S. in bay 4"), not a unit's."""
    letters = m.group("v").replace(".", "").casefold()
    if letters in _UNITS_OF_CARE:
        return None
    if m.group("v").islower() and (letters in SenseInventory.load() or letters in common_words()):
        return None  # typed small, an abbreviation or a word: "ng in bay 3", "him in bay 2"
    return m.span("v")


def name_beside_bed(m: re.Match[str]) -> Span | None:
    """ "bed 4 - Baker - …", "bay 2: Hope Adeyemi": the words after a bed and a dash or colon
    that are on the name lists, up to the first that is not ("bed 4 - Sepsis ?" is none)."""
    run = []
    for w in re.finditer(r"\S+", m.group("v")):
        word = w.group().strip(".,").casefold()
        if word in STOP or word in _NOT_NAMES or not (_a_listed_name(word) or not word.isascii()):
            break
        run.append(w)
    if not run:
        return None
    return m.start("v") + run[0].start(), m.start("v") + run[-1].end()


def _a_listed_name(word: str) -> bool:
    if word not in name_list():
        return False
    return word not in common_words() or word in given_names() or word in frequent_surnames()


def name_list() -> frozenset[str]:
    """The given-name and surname list (knowledge/data/names.txt), read once."""
    return load_names()


# The letters, vowel signs and digits of the scripts no look here reads:
# Arabic (and Persian, Urdu, Kurdish), Hebrew, the Indic scripts, Thai and Lao, Georgian,
# Armenian, Ethiopic, Myanmar, Khmer. Not their punctuation (، ؛ ؟ ۔ । ॥), which ends a
# clause. A word may hold the joiners Persian and the Indic scripts write inside one (an
# emoji's joiner is no word's).
_UNREAD = (
    "\u0530-\u058f\u0590-\u05ff\u0600-\u060b\u060d-\u061a\u061c-\u061e\u0620-\u06d3"
    "\u06d5-\u06ff\u0750-\u077f\u08a0-\u08ff\u0900-\u0963\u0966-\u0dff\u0e00-\u0eff"
    "\u1000-\u109f\u10a0-\u10ff\u1200-\u137f\u1780-\u17ff\ufb1d-\ufdff\ufe70-\ufeff"
)
_UNREAD_WORD = rf"[{_UNREAD}]+(?:[\u200c\u200d][{_UNREAD}]+)*"
# Words in scripts English questions do not use: Han, Hangul, kana, Cyrillic, Greek (a
# single Greek letter, "β-blocker", is a symbol, not a word), and a run of words in a script
# no look here reads, which stays a name where unsure: a name in Arabic, Devanagari or Tamil
# letters looks like any other word there ("محمد اسلم", "K. லட்சுமி"), and a question written
# wholly in one is answered by no English document anyway.
OTHER_SCRIPT = (
    r"(?<![\w-])(?:[\u4e00-\u9fff\u3040-\u30ff\uac00-\ud7af]{2,}"
    r"|[\u0400-\u04ff]{2,}(?:[ \t]+[\u0400-\u04ff]{2,})*"
    r"|[\u0370-\u03ff]{3,}(?:[ \t]+[\u0370-\u03ff]{3,})*)(?![\w-])"
    rf"|(?<![\w-]){_UNREAD_WORD}(?:[ \t]+{_UNREAD_WORD})*(?![{_UNREAD}])"
)


def adjacent(text: str, left: re.Match[str], right: re.Match[str]) -> bool:
    """Next to each other: a space, the comma of "Last, First", or an initial's full stop
    ("T.K. Okonkwo")."""
    gap = text[left.end() : right.start()]
    if gap.startswith(".") and len(left.group()) > 2:
        return False  # a sentence ends there: "… Miller Fisher. Anti-GQ1b sent"
    return re.fullmatch(r"\.?[ \t]+|,[ \t]*", gap) is not None or (
        gap == "." and len(left.group()) == 1
    )


def signed_name(m: re.Match[str]) -> Span | None:
    """The words after "Thanks," or "Kind regards" on a line of their own are who wrote the
    message when each is a given name or a word that is no English one ("Ama", "Jo Burke");
    "Thanks, Pharmacy Team" signs for a team."""
    words = m.group("v").split()
    named = all(
        w.casefold() in given_names()
        or (w.casefold() not in common_words() and w.casefold() not in STOP)
        for w in words
    )
    return m.span("v") if named else None


def initials_of_the_name_after(m: re.Match[str]) -> Span | None:
    """ "JT (Jordan Taylor)": a patient's initials with the name they stand for in brackets
    after them, the letters the words' first ones and the first word a given name ("CTO
    (Community Treatment Order)" expands an abbreviation)."""
    words = m.group("n").split()
    letters = "".join(w[0] for w in words)
    if letters.upper() != m.group("v") or words[0].casefold() not in given_names():
        return None
    return m.span("v")
