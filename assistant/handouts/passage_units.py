"""An approved passage cut into the pieces a handout may quote: whole sentences and list items,
each with what it is for the patient (a step to do, when to get help, something to know).

A lead-in ("If it is below 70, have one of the following right away:") and the items it
introduces form one group: a handout takes the group whole or not at all, never a lead-in
without its list or a list missing an item. A list item the PDF broke over two blocks ("a
regular (not diet)" / "soft drink") is joined again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from assistant.answering.evidence_layout import ITEM, LEAD_IN, ROW, TEXT, line_kind
from assistant.handouts.handout import DO, HELP, KNOW
from knowledge.analysis import sentence_spans
from knowledge.instructions import is_instruction

BULLET = re.compile(r"^(?:[-•*▪◦●–]|\(?\d{1,2}[.)]|\(?[a-zA-Z][.)])\s+")
GET_HELP = re.compile(
    r"\b(?:call|911|999|112|ambulance|seek (?:medical )?(?:help|care|attention)|"
    r"(?:see|tell|contact) (?:a|your) (?:doctor|nurse|pharmacist|health care|healthcare|"
    r"provider|care team|GP)|go (?:\w+ )?to (?:the )?(?:hospital|emergency|ER|A&E)|come back|"
    r"get (?:medical )?help)\b",
    re.I,
)
# Document control lines ("Owner: Falls Prevention Group."): about the policy, not the patient.
CONTROL = re.compile(
    r"^(?:owner|authors?|approved(?: by)?|approval date|ratified|issued|review(?:ed)?"
    r"(?: date)?|next review|version|effective(?: date)?|document (?:id|number)|"
    r"policy (?:id|number)|reference|ref)\s*:",
    re.I,
)
# A handout is read on its own: a sentence that sends the reader to a page, table or figure of
# the source ("Go back to page 9, 10, or 11 to check how many servings...") points at nothing.
SOURCE_PLACE = re.compile(
    r"\bpages?\s+\d|^(?:see|refer to|turn to|go back to)\s+(?:the\s+)?"
    r"(?:table|figure|box|appendix|chart|section)\s+\d",
    re.I,
)
HEADING_WORDS = 5
# A line ending on one of these words was cut off mid-sentence.
CUT_OFF_AFTER = frozenset(
    """a an the of and or to with for in on at by from as like such than more your you that
    which if when because is are be include includes including""".split()
)


@dataclass(frozen=True)
class PassageUnit:
    text: str
    kind: str  # TEXT, ITEM, LEAD_IN or ROW (as the evidence cards read lines)
    purpose: str  # DO, HELP or KNOW
    group: int  # units with the same group are taken together (a lead-in and its items)
    order: int  # position in the passage
    level: int = 0  # 1 for the items of a list item that opens its own ("Call ... if")


def purpose_of(text: str) -> str:
    """HELP if any sentence says when to get help, DO if any is a step, else KNOW."""
    found = {_sentence_purpose(text[a:b]) for a, b in sentence_spans(text)} or {KNOW}
    return next(p for p in (HELP, DO, KNOW) if p in found)


def _sentence_purpose(sentence: str) -> str:
    if GET_HELP.search(sentence):
        return HELP
    # "Puncture wounds and cuts: let the wound bleed": the step after a short label.
    return DO if is_instruction(sentence) else KNOW


def _opens_list(item: str) -> bool:
    """An item that ends mid-sentence ("Call your provider right away if") opens a sub-list."""
    return not item.rstrip().endswith((".", "!", "?", ")", "”", '"'))


def _unfinished(sentence: str) -> bool:
    """A heading ("Fats and sweets") or a sentence the chunk or page cut off ("...because they
    have more"): no line to quote on its own. A caption that names an amount ("3 ounces of
    cooked lean meat, chicken, or fish*") is whole without a full stop."""
    if not _opens_list(sentence):
        return False
    words = re.findall(r"[A-Za-z']+", sentence)
    heading = len(words) <= HEADING_WORDS and not re.search(r"\d", sentence)
    return heading or bool(words) and words[-1].lower() in CUT_OFF_AFTER


def _blocks(passage: str) -> list[str]:
    """Lines of the passage, with a list item's broken-off tail joined back to it."""
    blocks: list[str] = []
    for raw in re.split(r"\n+", passage):
        block = raw.strip()
        if not block:
            continue
        continues_item = (
            blocks
            and line_kind(blocks[-1]) == ITEM
            and block[0].islower()
            and not blocks[-1].rstrip().endswith((".", ":", ";"))
        )
        if continues_item:
            blocks[-1] = f"{blocks[-1]} {block}"
        else:
            blocks.append(block)
    return blocks


def passage_units(passage: str) -> list[PassageUnit]:
    units: list[PassageUnit] = []
    group = -1
    in_list_of: int | None = None  # the group of the lead-in whose items follow
    nested = False  # that lead-in is itself an item: only lower-case items continue it
    blocks = _blocks(passage)
    for at, block in enumerate(blocks):
        kind = line_kind(block)
        text = BULLET.sub("", block)
        if kind == ITEM and SOURCE_PLACE.search(text):
            continue  # (a list it is in goes on after it)
        if kind == ITEM and in_list_of is not None and (not nested or text[:1].islower()):
            units.append(
                PassageUnit(text, ITEM, purpose_of(text), in_list_of, len(units), int(nested))
            )
            continue
        if kind == ROW and len(re.findall(r"[A-Za-z]{2,}", block)) < 3:
            continue  # a form's blank cells ("____ | __"): nothing to read out
        if kind == ROW and in_list_of is not None and not nested:
            # The rows a lead-in introduces ("Examples of fats include" / "• oil | • olives").
            units.append(PassageUnit(block, ROW, KNOW, in_list_of, len(units)))
            continue
        in_list_of, nested = None, False
        if kind == ROW:
            group += 1
            units.append(PassageUnit(block, ROW, KNOW, group, len(units)))
            continue
        if kind == ITEM:
            group += 1
            units.append(PassageUnit(text, ITEM, purpose_of(text), group, len(units)))
            if _opens_list(text):
                in_list_of, nested = group, True
            continue
        list_follows = at + 1 < len(blocks) and line_kind(blocks[at + 1]) in (ITEM, ROW)
        spans = sentence_spans(block)
        for start, end in spans:
            sentence = block[start:end].strip()
            if (
                len(re.findall(r"[A-Za-z]{2,}", sentence)) < 3
                or "http" in sentence
                or CONTROL.match(sentence)
            ):
                continue  # a page number, a reference, a web address, who owns the policy
            # "...you can use" before a list introduces it as surely as a colon does.
            is_lead = sentence.endswith(":") or (
                list_follows and (start, end) == spans[-1] and _opens_list(sentence)
            )
            if not is_lead and (SOURCE_PLACE.search(sentence) or _unfinished(sentence)):
                continue  # (a lead-in is kept: its list would be left without one)
            group += 1
            purpose = purpose_of(sentence)
            units.append(
                PassageUnit(sentence, LEAD_IN if is_lead else TEXT, purpose, group, len(units))
            )
            if is_lead:
                in_list_of = group
    return units


def groups(units: list[PassageUnit]) -> list[list[PassageUnit]]:
    """Units taken together, each group with one purpose. Left out: a lead-in whose items are
    in the next chunk (it cannot stand alone), and a fragment that starts in lower case (the
    tail of a list whose lead-in is in the previous chunk: not a sentence on its own)."""
    by_group: dict[int, list[PassageUnit]] = {}
    for unit in units:
        by_group.setdefault(unit.group, []).append(unit)
    out = []
    for group in by_group.values():
        if (len(group) == 1 and group[0].kind == LEAD_IN) or group[0].text[:1].islower():
            continue
        out.append(_one_purpose(group))
    return out


def _one_purpose(group: list[PassageUnit]) -> list[PassageUnit]:
    """A list has its lead-in's purpose ("If it is below 70, have one of the following:"),
    or its items' when the lead-in only names them ("Tips include the following:")."""
    if len(group) == 1:
        return group
    purpose = group[0].purpose
    if purpose == KNOW:
        purposes = [u.purpose for u in group[1:]]
        common = max((DO, HELP), key=purposes.count)
        purpose = common if purposes.count(common) * 2 >= len(purposes) else KNOW
    return [replace(u, purpose=purpose) for u in group]


__all__ = ["PassageUnit", "passage_units", "groups", "purpose_of", "TEXT", "ITEM", "LEAD_IN"]
