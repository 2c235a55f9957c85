"""The quality panel: each check passes or fails for a stated reason."""

from __future__ import annotations

from assistant.handouts.handout import DO, HELP, GlossaryEntry, HandoutLine, HandoutSection
from assistant.handouts.quality import bare_numbers, checks, score
from assistant.handouts.readability import measure
from knowledge.provenance import Provenance

SOURCE = Provenance(
    chunk_id="c1", doc_id="d", version_id="d@v1", version=1, title="T", source_name="t.md"
)


def _section(kind: str, *texts: str) -> HandoutSection:
    return HandoutSection(kind, tuple(HandoutLine(t, SOURCE, t, 3.0) for t in texts))


def _by_name(items):
    return {c.name: c for c in items}


def test_numbers_need_what_they_measure():
    assert bare_numbers("If it is below 70, eat.\n3 or 4 glucose tablets\nWait 15 minutes.") == [
        "70"
    ]


def test_a_plain_handout_passes_and_a_hard_one_fails_with_reasons():
    good = (
        _section(DO, "Check your feet every day.", "Wash them in warm water."),
        _section(HELP, "Call your doctor if a sore does not heal in 2 days."),
    )
    found = _by_name(
        checks(good, (), measure("\n".join(ln.text for s in good for ln in s.lines)), 6)
    )
    assert found["Action steps present"].passed and found["Says when to get help"].passed
    assert found["Numbers say what they measure"].passed and found["Active voice"].passed

    hard = (_section(DO, "Naloxone is administered by the nurse when the level is over 50."),)
    text = hard[0].lines[0].text
    found = _by_name(checks(hard, (), measure(text), 6))
    assert not found["Medical terms explained"].passed
    assert "naloxone" in found["Medical terms explained"].reason
    assert (
        not found["Numbers say what they measure"].passed
        and "50" in found["Numbers say what they measure"].reason
    )
    assert not found["Active voice"].passed and not found["Says when to get help"].passed
    defined = _by_name(
        checks(
            hard,
            (GlossaryEntry("naloxone", "a medicine", "the source document"),),
            measure(text),
            6,
        )
    )
    assert defined["Medical terms explained"].passed


def test_visual_aids_are_shown_but_not_judged_and_not_scored():
    items = checks(
        (_section(DO, "Check your feet every day."),), (), measure("Check your feet every day."), 6
    )
    visual = _by_name(items)["Visual aids"]
    assert not visual.judged and "not judged" in visual.reason
    judged = [c for c in items if c.judged]
    assert score(items) == sum(c.passed for c in judged) / len(judged)
