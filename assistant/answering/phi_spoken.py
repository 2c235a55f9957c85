"""Numbers, dates and ages said aloud or typed in words, for assistant/answering/phi_rules.py:
the pieces its patterns are built from ("forty two", "nineteen forty one", "one one seven"),
and what makes a number said aloud an age rather than a reading or an amount ("sats ninety
two", "ninety mils an hour")."""

from __future__ import annotations

import re

from assistant.answering.phi_dates import value
from assistant.answering.phi_names import Span

_UNITS_WORD = r"(?:one|two|three|four|five|six|seven|eight|nine)"
# One digit said aloud, or a pair ("double oh"): seven or more in a row are a phone or a number.
DIGIT_WORD = r"(?:(?:double|triple)[ \t]+)?(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)"
# Dates said aloud: "twelfth of march nineteen forty one", "seven slash eleven slash sixty six".
_TEEN_WORD = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_TENS_WORD = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
SPOKEN_TWO = rf"(?:{_TENS_WORD}(?:[ \t-]{_UNITS_WORD})?|{_TEEN_WORD}|oh[ \t]+{_UNITS_WORD})"
SPOKEN_YEAR = (
    rf"(?:(?:nineteen|twenty)[ \t]+{SPOKEN_TWO}|two[ \t]+thousand(?:[ \t]+(?:and[ \t]+)?"
    rf"(?:{SPOKEN_TWO}|{_UNITS_WORD}))?)"
)
# A number said aloud as a house number is: "forty two", "one one seven", "a hundred and
# twelve".
SPOKEN_NUMBER = (
    rf"(?:(?:{_TENS_WORD}(?:[ \t-]{_UNITS_WORD})?|{_TEEN_WORD}|{_UNITS_WORD}|oh)"
    rf"(?:[ \t]+(?:{_TENS_WORD}(?:[ \t-]{_UNITS_WORD})?|{_TEEN_WORD}|{_UNITS_WORD}|oh)){{0,3}}"
    rf"|(?:a|one|two|three|four|five|six|seven|eight|nine)[ \t]+hundred(?:[ \t]+(?:and[ \t]+)?"
    rf"(?:{_TENS_WORD}(?:[ \t-]{_UNITS_WORD})?|{_TEEN_WORD}|{_UNITS_WORD}))?)"
)
SPOKEN_DAY = rf"(?:twenty(?:[ \t-]{_UNITS_WORD})?|thirty(?:[ \t-]one)?|{_TEEN_WORD}|{_UNITS_WORD})"
# (Atomic: "ninety one millimoles" may not be read as "ninety" before "one millimoles".)
WORD_AGE = (
    rf"(?P<v>(?>(?i:ninety(?:[- ]{_UNITS_WORD})?|(?:(?:a|one)[ \t]+)?hundred(?:[ \t]+(?:and[ \t]+)?"
    rf"(?:{_UNITS_WORD}|ten|eleven|twelve))?)))\b"
)
# After a number said aloud: its unit makes it an amount, not an age ("ninety mils an hour",
# "ninety five per cent", "one ninety over a hundred").
NOT_AN_AMOUNT = (
    r"(?![ \t-]*(?i:minutes?|mins?|hours?|hrs?|days?|weeks?|months?|seconds?|secs?|percent"
    r"|per\b|%|mg|ml|units?|times|doses?|tablets?|patients?|people|beds?|mmhg|kg|g\b|mils?\b"
    r"|milligrams?|micrograms?|grams?|millilit(?:re|er)s?"
    r"|kilos?|millimol|micromol|litres?|liters?|over\b))"
)


# Before a number said aloud with no word for age: a reading ("sats ninety six", "b p one
# ninety over…") or a larger number ("two hundred and eighty", "eighteen hundred" hours).
_READING_BEFORE = re.compile(
    r"(?i:\b(?:sats?|saturations?|sp ?o ?2|o ?2|bp|b p|pressure|pulse|heart rate|hr|h r|rate"
    r"|resps?|glucose|sugars?|bms?|score|weight|weighs|temp|temperature|level|is about"
    r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy"
    r"|eighty|ninety|hundred|thousand|over|under|above|below)[ \t]+"
    r"(?:(?:is|are|of|at|about|around|to|or)[ \t]+)?(?:(?:a|one)[ \t]+)?)$"
)


def spoken_age_alone(m: re.Match[str]) -> Span | None:
    """ "ninety-one and on amitriptyline": an age said aloud, unless a reading or part of a
    larger number comes before it."""
    if _READING_BEFORE.search(m.string[max(0, m.start() - 30) : m.start()]):
        return None
    return value(m)
