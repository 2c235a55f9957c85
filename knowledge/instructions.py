"""Is a question asking what to do, and is a sentence telling someone what to do?

The answer's sentence choice (assistant/answering/extractive.py) and the handout's "What to
do" (assistant/handouts/passage_units.py) both tell an instruction ("Wash the wound with soap
and water", "You should call your provider") from a sentence about a practice ("This
procedure tells staff what to do"). Plain word rules: an instruction starts with an action
verb (after a condition or a short label) or says what one should, must or needs to do.
"""

from __future__ import annotations

import re

# Verbs a patient instruction starts with ("Check your blood glucose", "Have a snack").
ACTION_VERBS = frozenset(
    """avoid ask bring brush call carry change check choose clean cover cut do don't drink eat
    follow get give go have hold keep let limit look make measure move plan put read remember
    repeat rest rinse rub see sit sleep start stay stop store take talk tell test throw try
    turn use wait walk wash watch wear weigh write never always dry press raise elevate lie
    breathe swallow chew inject pour mix wipe seek""".split()
)
# Words an instruction may open with before its verb: "Also tell the nurse", "Then wash it".
OPENERS = re.compile(r"^(?:also|then|next|now|first|finally|immediately|please)\b,?\s+", re.I)
# And the verbs a policy's instructions to staff start with ("Report the injury", "Discard").
STAFF_VERBS = frozenset(
    """report record document notify inform apply remove discard dispose label place contact
    encourage offer assess monitor review complete""".split()
)
CONDITION = re.compile(
    r"^(?:if|when|after|before|until|once|while|as soon as)\b[^,]{2,120},\s*", re.I
)
LABEL = re.compile(r"^[^:.]{2,40}:\s+(?=\S)")
ADVICE = re.compile(r"\b(?:you should|you need to|you must|be sure to|remember to|try to)\b", re.I)
# What a policy forbids or requires of staff: "do not squeeze it", "must be reported".
RULE = re.compile(r"\b(?:do not|don't|must|should be|must be)\b", re.I)
# "What should I do", "what to do", "next steps", "how do I manage": the question wants steps.
ASKS_WHAT_TO_DO = re.compile(
    r"\bwhat (?:should|do|must|can|would) (?:i|we|you|they|he|she|staff) do\b"
    r"|\bwhat (?:to do|now|next)\b|\bnext steps?\b|\bwhat happens next\b"
    r"|\bhow (?:do|should|can) (?:i|we|you) (?:manage|treat|handle|respond|deal)\b",
    re.I,
)


def first_word(sentence: str) -> str:
    """The sentence's first word after a condition or a short label, in lower case:
    "Puncture wounds: let the wound bleed" -> "let"."""
    body = OPENERS.sub("", CONDITION.sub("", LABEL.sub("", sentence.strip())))
    return re.split(r"[\s,]+", body, maxsplit=1)[0].lower().strip("\"'(")


def is_patient_instruction(sentence: str) -> bool:
    return first_word(sentence) in ACTION_VERBS or ADVICE.search(sentence) is not None


def is_instruction(sentence: str) -> bool:
    """To a patient or to staff: an action verb first, advice, or a rule."""
    return (
        is_patient_instruction(sentence)
        or first_word(sentence) in STAFF_VERBS
        or RULE.search(sentence) is not None
    )


def asks_what_to_do(question: str) -> bool:
    return ASKS_WHAT_TO_DO.search(question) is not None
