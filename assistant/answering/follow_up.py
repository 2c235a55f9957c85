"""Follow-up questions: "and in children?", "what dose?", "does that also apply to…?".

In a conversation a question may lean on the one before it. Searched on its own words it
finds nothing, or the wrong thing; so a dependent question is searched together with the
previous question's subject, and the window shows what was searched ("Searched for: …").

Offline the decision is by wording, then by evidence. A short question that points back
("does that apply…", "how often to redo it?") or whose content words only name a kind of
value or a population ("what dose?", "how often in children?"), or that asks in everyday
words with no subject of its own ("who do we tell, and how quickly?"), depends on the one
before. A question that only opens like one ("And what is the policy for wristbands?") but
has words of its own is searched alone first, and kept alone if that evidence answers it. A
population named in the follow-up replaces the previous question's population ("…in
adults?" then "and in children?"). With a language model, the model rewrites the question as
a standalone one instead (identifiers are removed before either question is sent).
"""

from __future__ import annotations

import re

from knowledge.analysis import stems
from knowledge.question import content_terms

# Opening words that continue the previous question.
_CONNECTIVE = re.compile(
    r"^\s*(?:and|n|&|but|also|plus|so|then|even|incl(?:uding)?|except|ok(?:ay)?,?\s+and|"
    r"what about|how about|what if|and if|and what|and how|and when|and for|and in|same for|"
    r"what else|anything else)\b",
    re.I,
)
# ... or that ends on one: "obs freq then?", "for kids too?"
_TRAILING_CONNECTIVE = re.compile(r"\b(?:then|too|as well|also|instead)\W*$", re.I)
_TRAILING_SHORT = 4  # content words: a short question ending so leans on the one before
# Words pointing back to the previous question's subject or person. "It" only where it is
# not the empty subject of "is it safe to…", which opens many a standalone question.
_POINTING = re.compile(
    r"\b(?:that|this|those|these|them|they|such|same|he|she|him|his|her|hers|"
    r"(?<!\bis )(?<!\bwas )it(?! is\b)(?!'s\b))\b",
    re.I,
)
_SHORT = 6  # content words: a longer question carries its own subject
_OWN_SUBJECT = 3  # content words beyond kinds of value and populations

# Content words that name only a kind of value, a population or a manner: a question made of
# nothing else ("what dose?", "how long for kids?") has no subject of its own.
_POPULATIONS = {
    "adult", "adults", "child", "children", "kid", "kids", "paediatric", "pediatric",
    "infant", "infants", "baby", "babies", "neonate", "neonates", "newborn", "newborns",
    "adolescent", "adolescents", "teen", "teens", "teenager", "teenagers", "youth",
    "elderly", "older", "pregnant", "pregnancy", "women", "men", "outpatient", "outpatients",
    "inpatient", "inpatients",
}  # fmt: skip
_GENERIC = _POPULATIONS | {
    "dose", "doses", "dosing", "dosage", "amount", "much", "many", "often", "frequency",
    "long", "duration", "soon", "when", "time", "route", "instead", "else", "next", "first",
    "after", "before", "max", "maximum", "minimum", "min", "limit", "usual", "side", "effect",
    "effects", "risk", "risks", "why", "how", "what", "ok", "okay", "also", "again", "still",
    "patient", "patients", "come", "so", "then", "too", "even",
}  # fmt: skip


# A question that says it starts a new subject: "diff q - …", "totally different question,
# …", "on a separate topic, …", "unrelated: …". Searched alone, without the saying.
_NEW_TOPIC = re.compile(
    r"^\s*(?:(?:a\s+|on\s+a\s+|on\s+)?(?:(?:totally|completely|entirely|quite)\s+)?"
    r"(?:diff(?:erent)?|separate|unrelated|new|another|other)\s+"
    r"(?:q|qn|qu|question|topic|subject|query|thing|note)"
    r"|(?:change\s+of|changing)\s+(?:topic|subject)|unrelated(?:\s+but)?|new\s+q)"
    r"(?:\s+(?:now|here|for you|but))?\s*(?:[-–—:;,.?!]+\s*|\s+)",
    re.I,
)


def new_topic(question: str) -> str | None:
    """The question without its saying that it starts a new subject ("diff q - how full can
    a sharps bin get?"); None when it says no such thing."""
    found = _NEW_TOPIC.match(question)
    rest = question[found.end() :].strip() if found else ""
    return rest if len(_terms(rest)) >= 2 else None


def _terms(text: str) -> set[str]:
    return {t.lower() for t in content_terms(text)}


def _stems(words: set[str]) -> set[str]:
    return _terms(" ".join(words))


_GENERIC_TERMS = _stems(_GENERIC)
_POPULATION_TERMS = _stems(_POPULATIONS)


def is_dependent(question: str) -> bool:
    """Whether the question may lean on the one before it (see `points_back` for when it
    surely does)."""
    if _CONNECTIVE.match(question) or points_back(question):
        return True
    terms = _terms(question)
    if len(terms) <= _TRAILING_SHORT and _TRAILING_CONNECTIVE.search(question):
        return True
    if len(terms) <= _SHORT and bool(_POINTING.search(question)):
        return True
    # Short, in everyday words only, and asking nothing of its own: "who do I report to + how
    # fast?", "what happens if a ward falls short?", "are there any exceptions?". A term
    # ("What is MRSA?") or a definition asked for is a subject of its own.
    return (
        len(terms) <= _SHORT
        and not has_own_subject(question)
        and not _ACRONYM.search(question)
        and not _DEFINITION.match(question)
    )


_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9&/-]*[A-Z0-9]\b")
_DEFINITION = re.compile(r"^\s*(?:what\s+(?:is|are|does)|define|meaning\s+of)\b", re.I)


def points_back(question: str) -> bool:
    """It surely leans on the previous question: it names no subject of its own ("what
    dose?", "and in children?"), or points back with too few words of its own to stand
    alone ("does that apply to outpatients?", "how often to redo it?"). A pronoun in a
    question with a subject ("why is she wearing a purple band on her wrist?") may refer
    within it: such a question is searched alone first."""
    terms = _terms(question)
    if not terms or terms <= _GENERIC_TERMS:
        return True  # "why?", "how often for kids?"
    return bool(_POINTING.search(question)) and not has_own_subject(question)


def has_own_subject(question: str) -> bool:
    """Enough words of its own to be searched alone: "And what is the policy for patient
    wristbands?" after a question on falls is a new question, not a follow-up. Counted in
    the words typed, not their expansions ("ER oxy" is two words, not five), and not its
    opening connective ("n for MR products?" has two)."""
    own = _CONNECTIVE.sub("", question, count=1)
    return len(set(stems(own)) - _GENERIC_TERMS) >= _OWN_SUBJECT


# How long something has gone on: "for 2 weeks", ">1 yr", "a few months", "long-term".
_DURATION = re.compile(
    r"(?:[<>≥≤]\s*)?\b\d+(?:\.\d+)?\s*(?:[-–]|to)?\s*\d*\s*\+?\s*"
    r"(?:days?|d|weeks?|wks?|months?|mos?|years?|yrs?|y)\b"
    r"|\b(?:a\s+)?(?:few|several|couple(?:\s+of)?)\s+(?:days|weeks|months|years)\b"
    r"|\blong[-\s]term\b|\bshort[-\s]term\b|\bfor\s+(?:a\s+long\s+time|years|months|weeks)\b",
    re.I,
)


def combined(previous: str, question: str) -> str:
    """The previous question's subject with the follow-up: what is searched. A population
    the follow-up names replaces the one the previous question named, and so does a
    duration ("taper rate on long-term opioids >1 yr" then "what if only a few weeks?")."""
    subject = previous.strip().rstrip("?").strip()
    if _terms(question) & _POPULATION_TERMS:
        subject = _without_population(subject)
    if _DURATION.search(question):
        subject = " ".join(_DURATION.sub(" ", subject).split())
    follow = _CONNECTIVE.sub("", question, count=1).strip(" ,-—") or question.strip()
    return f"{subject} — {follow}"


def _without_population(text: str) -> str:
    words = [w for w in text.split() if _terms(w) - _POPULATION_TERMS or not _terms(w)]
    text = " ".join(words)
    # "in adults" leaves a dangling "in"/"for" at the end
    return re.sub(r"\s+\b(?:in|for|among|of)\s*$", "", text, flags=re.I)


REWRITE_INSTRUCTIONS = (
    "You rewrite a clinician's follow-up question so that it can be understood on its own. "
    "Use the previous question only to fill in what the follow-up leaves out (the subject, "
    "the drug, the population). If the follow-up is already a complete question on another "
    "subject, return it unchanged. Do not answer it, do not add anything else, and keep the "
    "clinician's terms. Reply with the rewritten question only, on one line."
)


def rewrite_messages(previous: str, question: str) -> list[dict[str, str]]:
    """The request that asks a model for the standalone question (identifiers removed by
    the caller from both)."""
    return [
        {"role": "system", "content": REWRITE_INSTRUCTIONS},
        {
            "role": "user",
            "content": f"Previous question: {previous}\nFollow-up question: {question}",
        },
    ]


def clean_rewrite(reply: str, fallback: str) -> str:
    """The model's rewrite as one line; the offline combination if it gave nothing usable."""
    line = next((ln.strip() for ln in reply.strip().splitlines() if ln.strip()), "")
    line = re.sub(r"^(?:rewritten question|question)\s*:\s*", "", line, flags=re.I).strip(' "')
    return line if 3 <= len(line) <= 400 else fallback
