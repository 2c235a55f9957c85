"""What the identifier detector knows of a word before it weighs a name (assistant/answering/
phi_words.py and the name rules ask): the token a name is made of, the clinical words no name
list should claim, whether the word lists know a word or hold it strongly as a name, the
small words that end a name, and the signs after a word that a person is meant ("Rose is 82",
"wade (bed 14)")."""

from __future__ import annotations

import re
from functools import lru_cache

from knowledge.clinical_vocabulary import LAY_TERMS, SHORT_NAMES, SHORTHAND
from knowledge.drug_names import a_generic
from knowledge.name_words import common_words, frequent_surnames, given_names
from knowledge.proper_terms import NOT_PEOPLE
from knowledge.sense_inventory import SenseInventory

# (a letter may carry combining accents: Yoruba's "Olúwadámilọ́lá" is one word)
_LETTER = r"[^\W\d_][\u0300-\u036f]*"

TOKEN = re.compile(rf"(?:{_LETTER})+(?:['’\-](?:{_LETTER})+)*")

PARTICLES = frozenset(
    "van von der den de del della la le du da di dos das bin bint binti ibn al el ní ó o mac st ap "
    "en ni dela delos bt bte binte".split()  # ("ni": "Ní" typed without its accent)
)

# After a word: the signs of a person ("Rose is 82", "Faith in bed 3", "Frank 66M",
# "Mariam 6 weeks", "Rahul whats …"). (The signs of a drug, "Lasix 40mg", are phi_words'.)
_PERSON_AFTER = re.compile(
    r"(?:['’]s)?[ \t]*,?[ \t]*(?:\(?\d{1,3}[ \t]?(?:yo|y/o|y\.o|yrs?|years?|[mf]|months?|mo"
    r"|weeks?|wks?|days?)\b(?![ \t]+supply)|(?:is|was)\b(?![ \t]+(?:the|a|an|not|it|this|that)\b)"
    r"|(?:has|had|keeps|needs|wants|says|said|refuses|refused|told"
    r"|asked[ \t]+(?:me|us|if|whether)"
    # what a patient does or shows: "Rose spiked overnight", "Grace desatted to 84"
    r"|spiked|desatted|desaturated|vomited|collapsed|fainted|fitted|seized|complains"
    r"|ate|drank|swallowed|fell|tripped|slipped|woke|bit|chewed"
    r"|complained|denies|denied|presented|presents|looks|seems|became|pulled|scored"
    r"|aged?|whats|what's|in[ \t]+(?:[A-Z][a-z]+[ \t]+)?(?:bed|bay|room|rm|side[ \t]+room"
    r"|cubicle|resus)"
    # "Bob in 411 is asking", "okafor in 7B": a room's or bay's number (not a year, not an
    # amount)
    r"|in[ \t]+(?!(?:19|20)\d\d\b)(?:\d{2,4}(?-i:[A-Z])?|\d(?-i:[A-Z]))\b"
    r"(?![.,]\d|[ \t]*(?:mg|mcg|g|ml|units?|%|kg"
    r"|h|hrs?|hours?|days?|d|minutes?|mins?|weeks?|wks?|months?|years?|yrs?|seconds?|secs?"
    r"|patients|people|adults|children|cases)\b)"
    r"|from[ \t]+(?:bed|bay|room|ward)|on[ \t]+(?:ward|bay)|(?:bed|bay|room)[ \t]*\d"
    r"|\((?:bed|bay|room)[ \t]*\d+[A-Za-z]?(?=\))"  # "pt wade (bed 14)"
    r"|(?-i:bed|bay)[ \t]*\d{2,3}\b"  # "its grant wade bed 14"
    # set off as the patient: "Wade, the patient in bed 12, …"
    r"|,[ \t]*the[ \t]+(?:patient|pt|lady|man|gentleman|boy|girl)\b"
    # where and how a patient lives: "mr page lives alone", "lives with her son"
    r"|lives[ \t]+(?:alone|with|in|at|on|out|by)\b"
    # "okeke ward 6 bed 2": a ward's number and a bed in it
    r"|ward[ \t]*\d{1,2}[A-Z]?,?[ \t]+(?:bed|bay|rm|room)[ \t]*\d"
    r"|refusing|on[ \t]+\d+[ \t]?[a-z]+"
    r"|[2-9]\d\b(?![.,]\d|[ \t]*(?:mg|mcg|g|ml|units?|%|/|kg|f|c|°"
    r"|days?|weeks?|wks?|hours?|hrs?|minutes?|mins?|months?|doses?|tabs?|tablets?)))\b)"
    # a child's age set off by commas: "Ivy, 6, ate …", "Hunter, 4, with …"
    r"|[ \t]*,[ \t]*\d{1,2}[ \t]*,"
    # an age in brackets after the name: "Ray (hip #, 88 yrs)", "Joy (91F)"
    r"|[ \t]*\((?:[^()\n]{0,30}?[,;][ \t]*)?\d{1,3}[ \t]?(?:yo|y/o|yrs?|years?|[mf])\b"
    r"|[ \t]*\(aged?[ \t]*\d{1,3}\)"  # "Layan (age 11)"
    # "Summer's mum", "keane's son": someone's relative
    r"|['’]s[ \t]+(?:mum|mom|dad|son|daughter|wife|husband|sister|brother|carer|partner"
    r"|wh[aā]nau|aiga|parents|kids)\b"  # ("Hone's whānau are asking")
    # "Bob on AMU": on a ward named by its letters
    r"|[ \t]+on[ \t]+(?-i:AMU|MAU|SAU|AAU|EAU|CDU|ICU|ITU|HDU|CCU|NICU|PICU|SCBU)\b",
    re.I,
)

# Words that end the look for an eponym's noun: a person does things ("Maria needs a scan").
NOT_BETWEEN = frozenset(
    "is was has had have needs need keeps takes took got gets wants says said on in for with "
    "to of the a an at by from but if not no both".split()
)

MODALS = frozenset("will may can might must should would could did does do".split())

# Nouns that make a name a place's: "Victoria Ward", "Rose Unit", "Hope Street".
PLACE_NOUNS = frozenset(
    "ward bay wing unit house block theatre room bed street road lane suite".split()
)

# Words of the ward no list holds: "Handover: bed 12, …", "ITU bed 5", "anti-Xa level"; and
# everyday words the dictionary list lacks: "his ute rego is 1ABC234" (Australian).
UNLISTED_WORDS = frozenset(
    "handover handovers handoff handoffs itu hdu takotsubo xa rego ute resi"
    # a palliative care's "just in case" medicines as the ward types them
    " midaz levo glyco rota rotas nic nipe uss"
    # a chest's sounds, an echo's measure, a Gulf residence permit, a leaf chewed, an
    # antibody's fragment
    " creps bibasal lvidd iqama khat fab giloy spiro"
    # kinship and skin names said of no one person ("a Jakamarra man", "for tamariki")
    " tamariki kokum mushum jakamarra"
    # genetics' and biochemistry's words: a gene's exon, phenylalanine's short name, an
    # antibody, a mitochondrion's, folic acid
    " exon exons phe anca mitochondrial folic"
    # a ship's passengers, a blood gas's carbon monoxide, a fish poisoning, urea in a U&E
    " pax cohb ciguatera ur"
    # a diet, a food law, a prison's segregation unit, a stone in a salivary duct, a
    # generation's ship, a soldier of Nepal, a repatriation hospital, an early warning score
    " coeliac halal seg sialolith sialoliths wellbeing windrush gurkha gurkhas repat tews"
    # a zoonosis, a butcher's saw
    " tularemia tularaemia bandsaw"
    # an osmotic diuretic, a pancreatic enzyme, an indigenous language of Mexico
    " mannitol lipase mixteco ok okay aadhaar aadhar"
    # short-acting opioids of palliative care, a provincial drug plan, remote consultations
    " alfentanil remifentanil sufentanil pharmacare telehealth aussie"
    # Japanese herbal medicine, a heated table, a hot spring
    " kampo kotatsu onsen"
    # foods of East and South-East Asia, laboratory tests
    " lingzhi balut fugu ferritin crossmatch"
    # an enzyme, a faint, a fluke's disease, a place of disease, a drug's short name
    " amylase vasovagal bilharzia perianal cotrim"
    # kin as southern Africa addresses them, in Afrikaans, isiZulu, isiXhosa, Setswana and
    # Shona: "ouma is 97", "Gogo's grandchildren", "Sisi at the front desk"
    " ouma oupa oom tannie gogo ubaba umama nkoko mkhulu makhulu sekuru ambuya mbuya sisi"
    " bhuti malume"
    # radiotherapy's dose unit and the measures and volumes of its plans ("80 Gy Dmax",
    # "PTV D95"); a meeting and a talk in te reo Māori ("whānau hui", "a goals-of-care kōrero")
    " gy cgy dmax dmin dmean ptv ctv gtv itv hui kōrero korero"
    # brought in by ambulance; urodynamics' pressures; an electronic record's text shortcuts
    " biba pdet pves pabd smartphrase smartphrases smarttext dotphrase mittelschmerz"
    # a service's telephone lines; herbs of Ayurveda
    " hotline hotlines warmline textline ashwagandha brahmi tulsi shatavari triphala"
    " moringa".split()
)


@lru_cache(maxsize=1)
def clinical_words() -> frozenset[str]:
    """Words clinical questions use that no name list should claim: the abbreviation
    inventory's, and the app's own drug, lay and shorthand tables (keys and values)."""
    words = set(SenseInventory.load().vocabulary()) | UNLISTED_WORDS
    for table in (SHORT_NAMES, SHORTHAND, LAY_TERMS):
        for key, value in table.items():
            words.update(re.findall(r"[^\W\d_]+", f"{key} {value}".lower()))
    return frozenset(words)


def unlisted(word: str) -> bool:
    """No dictionary, clinical list or abbreviation list holds the word (small letters)."""
    return (
        word not in common_words()
        and word not in clinical_words()
        and word not in SenseInventory.load()
    )


def known(folded: str, parts: list[str]) -> bool:
    words, clinical = common_words(), clinical_words()
    return all(p in words or p in clinical or a_generic(p) or _doer_of(p, words) for p in parts)


def _doer_of(word: str, words: frozenset[str]) -> bool:
    """One who does what a dictionary verb says, which dictionaries often leave out:
    "prescriber", "transcriber", "deprescriber"."""
    return len(word) > 7 and word.endswith("ber") and word[:-1] in words


def listed_strongly(folded: str, parts: list[str]) -> bool:
    given, frequent = given_names(), frequent_surnames()
    return any(p in given or p in frequent for p in [folded, *parts])


# "the" just before a word or a match: "readmitted to the Rosie", "the Joneses", "the 2021
# Supreme Court ruling".
THE_BEFORE = re.compile(r"\b(?:the|The)[ \t]+$")


def words_before(text: str, token: re.Match[str]) -> str:
    """The few words before a token: enough for a cue, and never the whole text (a pattern
    anchored at its end would scan all of a long paste for every word)."""
    return text[max(0, token.start() - 40) : token.start()]


def person_after(after: str) -> bool:
    return _PERSON_AFTER.match(after) is not None


# An Arabic family name after its article, the name capitalised: "al-Hassan", "El-Sayed" (not
# "Al-Anon", a fellowship, nor "Eid al-Adha", a feast: "anon" is a word, "adha" a day's name).
_ARTICLE_AND_NAME = re.compile(r"(?:al|el|Al|El)-[A-Z][a-z]{2,}")


def an_arabic_family_name(word: str) -> bool:
    if _ARTICLE_AND_NAME.fullmatch(word) is None:
        return False
    rest = word[3:].casefold()
    return rest not in common_words() and rest not in NOT_PEOPLE
