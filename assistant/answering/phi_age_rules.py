"""Rules for the ages of 90 and over that a typed question gives a person, for
assistant/answering/phi_rules.py: with a unit ("93 yo", "91-year-old"), after a word for the
person ("lady 97 years", "mum is 92"), after a cue ("aged 95", "turned 91", "the age of
90"), set off by commas after a name or a record's number, and in words ("ninety-one").
Each rule is (kind, pattern, rank[, accept[, fixed placeholder]]), as in phi_number_rules.py;
an age is redacted to the one placeholder for ages over 89, never numbered.
"""

from __future__ import annotations

import re

from assistant.answering.phi_dates import MONTH_ANY_CASE, value
from assistant.answering.phi_names import Span
from assistant.answering.phi_patterns import AGE_PLACEHOLDER
from assistant.answering.phi_spoken import NOT_AN_AMOUNT, WORD_AGE, spoken_age_alone

AGE = r"(?P<v>9\d|1[01]\d)"  # 90 to 119
_DASH = r"(?:[ \t]*-[ \t]*|[ \t]+)"


def _not_a_temperature(m: re.Match[str]) -> Span | None:
    before = m.string[max(0, m.start() - 20) : m.start()]
    if m.group().rstrip().endswith(("F", "f")) and re.search(r"(?i)temp|fever|pyrex|°", before):
        return None
    return value(m)


_WORD_BEFORE = re.compile(r"([^\W\d_]+)[ \t]*\($")
_A_TREND_BEFORE = re.compile(r"(?i:\b(?:was|were|from|up|down)\b)[^.;\n]*$")


def _after_a_name(m: re.Match[str]) -> Span | None:
    """ "Doreen (90, 12 Elm Rd)": a capitalised word before the bracket, as a list names a
    person ("sats (90, on 2L)" is a reading)."""
    before = m.string[max(0, m.start() - 30) : m.start("v")]
    word = _WORD_BEFORE.search(before)
    if word is None or not word.group(1)[0].isupper() or word.group(1).isupper():
        return None
    return value(m)


def _not_a_trend(m: re.Match[str]) -> Span | None:
    """ "… and is 98 —", unless a reading went before ("Hb was 80 and is 98 - transfuse?")."""
    before = m.string[max(0, m.start() - 30) : m.start()]
    return None if _A_TREND_BEFORE.search(before) else value(m)


# One rule per line so the table reads as a list; the formatter would spread each over 5.
# fmt: off
AGE_RULES = [
    ("ID", rf"(?<![\w.]){AGE}{_DASH}(?i:y(?:ea)?rs?){_DASH}(?i:old)\b", 5, value,
     AGE_PLACEHOLDER),
    ("ID", rf"(?i:\baged?\b)[ \t]*[:=]?[ \t]*{AGE}(?!\d|\.\d)", 5, value, AGE_PLACEHOLDER),
    # "woman 99 years on 5 litres": a person's age after the word for them ("over 90 years"
    # of a population is no one's).
    ("ID", rf"(?i:\b(?:woman|man|lady|gentleman|gent|female|male|patient|pt|resident|widow"
           rf"|widower)[ \t]*,?[ \t]+){AGE}(?=[ \t]?(?i:years?|yrs?|y)\b)", 5, value,
     AGE_PLACEHOLDER),
    ("ID", rf"(?<![\w.]){AGE}(?:[ \t]?(?i:yo|y/o|y\.o\.?)|-?(?i:y-o))(?!\w)", 5, value,
     AGE_PLACEHOLDER),
    # "passport P4412, 91 years —", "~100 years (family says …)": years after a comma or a
    # guess ("patients 90 years and over" are a population's, "at 70, 80, 90 years" a
    # schedule's, "used for about 90 years" a time's)
    ("ID", rf"(?:(?<!\b\d)(?<!\b\d\d)(?<!\b\d\d\d),|~"
           rf"|(?<!(?i:for) )(?i:\b(?:about|around|approx\.?|approximately|roughly|nearly|almost)))"
           rf"[ \t]*{AGE}[ \t]+(?i:years?|yrs?)\b"
           r"(?![ \t]+(?i:and|or|&)[ \t]+(?i:over|older|above|more|up)|[ \t]*\+)", 5, value,
     AGE_PLACEHOLDER),
    # "90 years of age, CFS 7": of age is a person's, whatever went before
    ("ID", rf"(?<![\w.]){AGE}[ \t]+(?i:years?|yrs?)[ \t]+(?i:of[ \t]+age)\b", 5, value,
     AGE_PLACEHOLDER),
    # "90F", "99 M", "91yr": an age and a sex, unless a temperature ("temp 99 F").
    ("ID", rf"(?<![\w.]){AGE}[ \t]?(?:[MF]\b|(?i:yrs?|y)\b)", 5, _not_a_temperature,
     AGE_PLACEHOLDER),
    # "mum is ninety one", "aged ninety-six", "one hundred and two year old"
    ("ID", rf"(?i:\b(?:is|aged?|turned|turns|turning)[ \t]+){WORD_AGE}{NOT_AN_AMOUNT}", 5,
     value, AGE_PLACEHOLDER),
    # ... or guessed: "grandma is about ninety-eight, nobody knows exactly"
    ("ID", rf"(?i:\b(?:about|around|nearly|almost|approximately)[ \t]+){WORD_AGE}{NOT_AN_AMOUNT}",
     5, value, AGE_PLACEHOLDER),
    ("ID", rf"(?<![\w-]){WORD_AGE}(?=[ \t-]*(?i:years?|yrs?|yo)\b)", 5, value, AGE_PLACEHOLDER),
    ("ID", rf"(?i:(?:'s|’s)[ \t]+){WORD_AGE}{NOT_AN_AMOUNT}", 5, value, AGE_PLACEHOLDER),
    ("ID", rf"(?<![\w-]){WORD_AGE}{NOT_AN_AMOUNT}", 5, spoken_age_alone, AGE_PLACEHOLDER),
    ("ID", rf"(?:(?i:\b(?:pt|patient|she|he|mum|mom|dad|father|mother|grandma|grandpa|grandad"
           rf"|grandmother|grandfather|gran|granny|nan|nana|nanna|koro|kuia|aunt|auntie|uncle"
           rf"|husband|wife|resident|who|himself|herself"
           # ... or the word for them: "lady is 93", "the gentleman was 91"
           rf"|lady|woman|man|gentleman|gent|chap|bloke|fella))"
           rf"(?:['’]s|[ \t]+(?i:is|was|turned|turns))"  # (in capitals too: "GRANDAD IS 98")
           # "hes 90 on the dot": he's, typed without its apostrophe
           rf"|(?i:\b(?:hes|shes))|\)[ \t]+(?i:is|was|turned|turns)"
           # "I am 91", "died at 93"
           rf"|(?i:\bi(?:['’]m|[ \t]+am))|(?i:\bdied[ \t]+at))[ \t]+{AGE}"
           # (a weight or a reading is no age: "pt who's 112 kg", "she's 94%")
           rf"(?!\d|\.\d|[ \t]*(?:%|(?i:kg|kilos?|lbs?|pounds|stone|mg|ml|mmhg|bpm|cm)\b))",
     5, value, AGE_PLACEHOLDER),
    ("ID", rf"(?i:\b(?:is|turned|turns|turning)[ \t]+){AGE}"
           r"(?=[ \t]+(?i:next|this|last|today|tomorrow|years?|yrs?)\b)", 5, value,
     AGE_PLACEHOLDER),
    # A birthday to come after a comma: "lovely lady, 90 on saturday!!", "Kerry, 106 in april".
    ("ID", rf",[ \t]*{AGE}(?=[ \t]+(?i:on[ \t]+(?:mon|tues|wednes|thurs|fri|satur|sun)day"
           rf"|in[ \t]+{MONTH_ANY_CASE}|next[ \t]+(?:week|month)|tomorrow|today)\b)", 5, value,
     AGE_PLACEHOLDER),
    # "turns 95!!", "turned 91 in May": turning a number is having a birthday ("turn 90
    # degrees" is no one's)
    ("ID", rf"(?i:\b(?:turned|turns|turning)[ \t]+){AGE}(?!\d|\.\d|[ \t]*(?i:°|deg|%|per))", 5,
     value, AGE_PLACEHOLDER),
    # "(96)", "(96!)", and opening a bracket after a name: "Doreen (90, 12 Elm Rd)"
    ("ID", rf"\({AGE}!?\)", 5, value, AGE_PLACEHOLDER),
    ("ID", rf"(?<=[^\W\d_])[ \t]*\({AGE}[ \t]*,(?![ \t]*\d+[ \t]*[,)])", 5,
     _after_a_name, AGE_PLACEHOLDER),
    # "… and is 98 — MRI conditional?": the age closing a clause about the person
    ("ID", rf"(?i:\band[ \t]+is[ \t]+){AGE}(?=[ \t]*(?:[—–]|-[ \t]))", 5, _not_a_trend,
     AGE_PLACEHOLDER),
    # "a man of 93", "lady of 91": a person of an age ("a woman of 60 kg" weighs it); "at 94
    # too old to start CPAP?": an age someone is too old at.
    ("ID", rf"(?i:\b(?:man|woman|lady|gentleman|gent|chap|patient|pt|widow|widower)[ \t]+of"
           rf"[ \t]+){AGE}(?!\d|[.,]\d|[ \t]*(?:%|(?i:kg|kilos?|lbs?|mg|ml|mmhg|bpm|cm)\b))", 5,
     value, AGE_PLACEHOLDER),
    ("ID", rf"(?i:\bat[ \t]+){AGE}(?=,?[ \t]+(?i:(?:is[ \t]+)?too[ \t]+(?:old|frail)))", 5, value,
     AGE_PLACEHOLDER),
    # "Mama 3omraha 94": Arabic typed in Latin letters, "her age" before the number
    ("ID", rf"(?i:\b3omr\w*)[ \t]+{AGE}\b", 5, value, AGE_PLACEHOLDER),
    # "f 98 cfs 9", "wife 94 wd never want", "at the age of 91": a sex or a relative just
    # before a number of 90 or more, and the age of ("a dose of 90" is no one's).
    ("ID", rf"(?i:(?<![\w.])(?:f|m|female|male|wife|husband|mum|mom|dad|mother|father|gran"
           rf"|granny|grandma|grandad|grandpa|grandmother|grandfather|nan|nana|koro|kuia|gogo"
           rf"|ouma|oupa|nkoko|mkhulu|makhulu|sekuru|ambuya|mbuya)[ \t]+"  # ("gogo 92 alone")
           rf"|\bage[ \t]+of[ \t]+){AGE}"
           r"(?!\d|[.,/:]\d|[ \t]*(?i:%|mg|mcg|ml|kg|g\b|units?|mmol|bpm|mmhg))",
     5, value, AGE_PLACEHOLDER),
    # "Esperanza Ruiz, 95, on apixaban": an age set off by commas after a word.
    # ... or after a bracket: "Mr Ahmad (MRN 30012245), 99, family …".
    # ... or closing a bracket: "(Tanaka H, 91)", "(b. 1929, 96)"; or before a dash: "WWII
    # vet, 98 — does he need …".
    ("ID", rf"(?:(?<=[^\W\d_]|\))|(?<=\b(?:19|20)\d\d)),[ \t]*{AGE}(?=[ \t]*(?:[,)—–]|-[ \t]))",
     5, value, AGE_PLACEHOLDER),
    # ... or after a record's or a card's number, or a birth date: "MRN 4471902, 90, on a
    # trolley", "gold card QX123456, 93, skin tear", "DOB 02/03/1933, 92 —".
    ("ID", rf"(?i:\b(?:mrn|nhs|urn|chi|nhi|card|dob|(?:hosp(?:ital)?|record)[ \t]*no\.?)[ \t]*[:#]?"
           rf"[ \t]*[A-Z]{{0,3}}[\d/.-]{{5,12}}),[ \t]*{AGE}(?=[ \t]*[,;)—–-])", 5, value,
     AGE_PLACEHOLDER),
]
# fmt: on
