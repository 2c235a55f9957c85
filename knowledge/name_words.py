"""Which words of a question are a person's name? So that names never steer retrieval.

A question like "pt O'Sullivan, Siobhan MRN 55120983 found on floor, unwitnessed - neuro obs
freq?" must find the same passages, and be refused or answered the same, as the question
without the patient. Redaction (assistant/answering/phi.py) replaces the identifiers it recognises
before retrieval; this is the retrieval side's own second look, for names it missed. It only
ever *leaves words out of the search*: it redacts nothing and decides nothing about what may
leave the machine.

A word is left out when the indexed documents never use it (so it cannot be evidence of
anything in them), it is no clinical abbreviation or term the app knows, and it looks like a
name: it is on the given-name and surname list (knowledge/data/names.txt, built by
scripts/build_names.py), or it is spelt with letters English words do not use (Nguyễn,
Siobhán), *and* it stands next to another such word ("Maria Gonzalez", "robert mcallister")
or after a word that introduces a person (Mr, pt, my mother, named). A word alone is kept even
when it is on the list: a brand name ("Xarelto dose?"), a place or a protein ("Nile",
"Merlin") may be exactly what the documents do not cover. A word in capitals counts only
beside another name ("GONZALEZ, MARIA"): alone it is an acronym ("GABA", "YAP").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
DEFAULT_PATH = DATA / "names.txt"
# Built beside names.txt (scripts/build_names.py, scripts/build_words.py); each is empty when
# its builder has not run, and the identifier detector then leans on shape and context alone.
GIVEN_NAMES = DATA / "given_names.txt"
FREQUENT_SURNAMES = DATA / "frequent_surnames.txt"
COMMON_WORDS = DATA / "common_words.txt"
CUES = frozenset(
    "mr mrs ms miss mx dr pt patient patients named name called is mother father mom mum dad "
    "son daughter wife husband partner granddad grandad grandfather grandmother grandma grandpa "
    "nan nana aunt uncle brother sister friend neighbour neighbor baby child".split()
)
TOKEN = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*", re.UNICODE)


@lru_cache(maxsize=8)
def load_names(path: Path = DEFAULT_PATH) -> frozenset[str]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return frozenset()
    return frozenset(line.strip() for line in lines if line and not line.startswith("#"))


# Short forms the birth registers behind given_names.txt do not hold.
NICKNAMES = frozenset(
    """
    bob bobby bill billy will willy jim jimmy tom tommy liz lizzie beth betty bet sue suzy meg
    peggy dot dottie ted teddy ned rob robbie mike mick mickey dave davey andy tony nick vicky
    vikki jenny jen kate katie kath kathy pat patty sam sammy bert bertie alf alfie fred freddie
    harry hal jack jackie jo josie ray ron ronnie reg reggie stan len lenny les vic wally doug
    chuck hank dick rick ricky nat ollie charlie chas archie gus bea trish tricia val viv maggie
    madge mags babs barb deb debbie di flo gail gerry jerry terry tess tessa bella ellie effie
    kev jess jez baz gaz shaz tash steph becky bex jules nikki bev josh kerry kerri
    """.split()
)


# Given names of people born from the 1920s to the 1970s in English-speaking countries, which
# a register of recent births (given_names.txt) holds rarely or not at all: the patients of a
# ward are mostly older than its list. (Words that are mainly virtues or weather, "Patience",
# "Storm", are left to context.)
OLDER_GIVEN_NAMES = frozenset(
    """
    heather holly dawn donna dorothy joan mildred muriel gladys edna elsie enid ethel phyllis
    winifred beryl maureen sheila lorraine tracy tracey carol carole opal pearl hazel iris
    violet ivy doreen noreen maxine bernice bernadette gwendolyn gwen myrtle mavis hilda vera
    marjorie agnes gertrude irene sylvia pauline elaine janet janice judith valerie joyce
    eileen audrey wilma thelma velma norma glenda brenda wendy kimberly kim debra deborah
    sharon karen linda patricia barbara shirley margaret jean lillian lois marian marion
    rosemary rosalind geraldine jacqueline yvonne yvette colleen kathleen noelle coral
    barry clive cyril clarence eugene horace howard percy trevor vernon wayne duane dwayne
    wilfred earl duke sterling cecil harold walter ralph herbert norman stanley leonard
    bernard gordon dennis gary larry randy keith kevin nigel colin graham derek malcolm
    reginald roy alfred albert arthur ernest frederick sidney sydney victor lionel neville
    rodney royston desmond kenneth kenny douglas donald ronald raymond gerald geoffrey
    geoff clifford cliff leslie lesley roland russell rupert basil boris cedric clement
    cuthbert dudley edwin elmer everett floyd gilbert herman homer irving lloyd lowell
    marvin melvin milton morris murray otis virgil wallace warren wilbur willard glen glenn
    """.split()
)


# Given names common in Ireland, Wales, Aotearoa New Zealand, the Pacific, southern Africa,
# South and South-East Asia that a New York birth list rarely holds: the hospitals this app
# serves see them every day ("Sinead", "Wiremu", "Sione", "Nokuthula", "Priya", "Dafydd").
# None is an English word.
WORLD_GIVEN_NAMES = frozenset(
    """
    sinead siobhan niamh aoife caoimhe saoirse ciara grainne orla orlaith roisin aisling
    clodagh eimear mairead maeve nuala oonagh deirdre dearbhla fionnuala aine eabha oisin
    padraig eoin cian ruairi darragh fiachra cathal colm donal dermot diarmuid fergal ronan
    seamus sean tadhg niall cormac conor ciaran kieran lorcan declan feargal enda
    aroha anahera hine kahu manaia nikau rawiri wiremu ngaio hohepa mikaere rewi tamati
    wikitoria huia kiri marama moana ngaire pania whetu tamatea
    sione siosaia tevita losana salote viliami sefa tavita malia seini mosese kalolaine
    sipho thabo themba lerato nomsa zanele thandiwe nokuthula bongani sibusiso mandla lindiwe
    palesa refilwe tshepo kagiso busisiwe zodwa thulani lungile ayanda andile naledi
    siyabonga mpho karabo dineo tumelo
    priya ravi arjun ananya aarav divya kavya lakshmi meena lalitha suresh ramesh ganesh
    murugan senthil karthik vignesh deepa anjali pooja sunita geeta harpreet gurpreet
    manpreet jaspreet simran navjot baljit kuljit amrit rajesh sanjay vijay anil sunil mohan
    arun kiran revathi malini shanthi
    siti nurul aisyah azlan hafiz syafiq zulkifli rosnah norhayati
    dafydd ieuan iolo emyr gwilym huw rhodri cerys carys ffion bethan angharad eleri sioned
    catrin gwenllian
    tane rangi kwame kofi kwabena akosua abena akua efua kojo adjoa chidi chinedu ngozi
    chiamaka emeka obinna tunde funmi yetunde femi dayo kemi tameka latoya tanisha keisha
    lakisha shaniqua
    """.split()
)


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Given names alone (lower case), and their short forms: a stronger sign of a person than
    the surname list."""
    return load_names(GIVEN_NAMES) | NICKNAMES | OLDER_GIVEN_NAMES | WORLD_GIVEN_NAMES


def frequent_surnames() -> frozenset[str]:
    """The surnames common enough to outweigh being an English word too ("Smith", "Moss")."""
    return load_names(FREQUENT_SURNAMES)


@lru_cache(maxsize=1)
def surname_ranks() -> dict[str, int]:
    """Each frequent surname's rank (0 = most frequent), from the file's order."""
    try:
        lines = FREQUENT_SURNAMES.read_text(encoding="utf-8").splitlines()
    except OSError:
        return {}
    names = [line.strip() for line in lines if line and not line.startswith("#")]
    return {name: rank for rank, name in enumerate(names)}


def common_words() -> frozenset[str]:
    """English words written in lower case in a dictionary: "frank", "rose", not "maria"."""
    return load_names(COMMON_WORDS)


def name_spans(
    question: str, unknown: Callable[[str], bool], names: frozenset[str] | None = None
) -> list[tuple[int, int]]:
    """(start, end) of the words that look like a person's name. `unknown(word)` says whether
    the word is outside the documents' vocabulary and the app's clinical word lists."""
    names = load_names() if names is None else names
    tokens = list(TOKEN.finditer(question))
    listed = [_listed(t.group(), names) and unknown(t.group()) for t in tokens]
    shaped = [_name_shaped(t.group(), i == 0) and unknown(t.group()) for i, t in enumerate(tokens)]
    # A word in capitals is an acronym ("GABA", "YAP") unless it stands beside another
    # name-like word ("GONZALEZ, MARIA").
    for i, t in enumerate(tokens):
        if t.group().isupper() and not _beside_name(listed, shaped, i):
            listed[i] = shaped[i] = False
    spans = []
    for i, t in enumerate(tokens):
        if not (listed[i] or shaped[i]):
            continue
        before = tokens[i - 1].group().lower() if i else ""
        capitalised = t.group()[:1].isupper()
        if _beside_name(listed, shaped, i) or (before in CUES and (listed[i] or capitalised)):
            spans.append((t.start(), t.end()))
    return spans


def _beside_name(listed: list[bool], shaped: list[bool], i: int) -> bool:
    """A neighbour looks like a name too, and one of the two is on the list."""
    return any(
        0 <= j < len(listed) and (listed[j] or shaped[j]) and (listed[i] or listed[j])
        for j in (i - 1, i + 1)
    )


def latin_with_diacritics(word: str) -> bool:
    """Spelt with letters English does not use: "Nguyễn", "Siobhán" (not "β-catenin")."""
    return any(not c.isascii() and unicodedata.name(c, "").startswith("LATIN") for c in word)


def _listed(word: str, names: frozenset[str]) -> bool:
    lower = word.lower().replace("’", "'")
    if lower in names or latin_with_diacritics(word):
        return True
    parts = re.split(r"[-']", lower)
    return len(parts) > 1 and any(p in names for p in parts if len(p) > 2)


def _name_shaped(word: str, first: bool) -> bool:
    """Capitalised inside the question (a first word is capitalised anyway)."""
    return not first and word[:1].isupper() and len(word) > 1
