"""The quality panel: each check passes or fails for a stated reason."""

from __future__ import annotations

from assistant.handouts.handout import DO, HELP, GlossaryEntry, HandoutLine, HandoutSection
from assistant.handouts.pictures import with_pictures
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
    # A unit that is a sign ends without a word edge: "(1%)" says what 1 measures.
    assert bare_numbers("Drink low-fat (1%) milk. Use 2% milk.\nKeep it below 8°C.") == []
    assert bare_numbers("Keep it below 8 or so.") == ["8"]


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


def test_visual_aids_are_not_judged_when_no_step_shows_an_amount():
    items = checks(
        (_section(DO, "Check your feet every day."),), (), measure("Check your feet every day."), 6
    )
    visual = _by_name(items)["Visual aids (space for pictures)"]
    assert not visual.judged and "not judged" in visual.reason
    judged = [c for c in items if c.judged]
    assert score(items) == sum(c.passed for c in judged) / len(judged)


def test_visual_aids_pass_with_a_marked_space_and_fail_without_one():
    steps = (_section(DO, "Have 3 or 4 glucose tablets.", "Check your blood glucose."),)
    text = "\n".join(ln.text for ln in steps[0].lines)
    name = "Visual aids (space for pictures)"
    spaced = _by_name(checks(with_pictures(steps, True), (), measure(text), 6))[name]
    assert spaced.judged and spaced.passed and "3 or 4 glucose tablets" in spaced.reason
    bare = _by_name(checks(with_pictures(steps, False), (), measure(text), 6))[name]
    assert bare.judged and not bare.passed
    assert "no space is left" in bare.reason and "3 or 4 glucose tablets" in bare.reason


def _from(section_path: str, *texts: str) -> tuple[HandoutLine, ...]:
    source = Provenance(
        chunk_id="c",
        doc_id="d",
        version_id="d@v1",
        version=1,
        title="T",
        source_name="t.md",
        section=section_path,
    )
    return tuple(HandoutLine(t, source, t, 3.0) for t in texts)


def test_one_idea_per_section_splits_under_the_sources_headings_or_fails_without_them():
    treat = _from("Booklet > Low Blood Glucose (Hypoglycemia)", "Check your blood glucose.")
    sick = _from("Booklet > 4. When You're Sick", "Keep taking your medicines.")
    section = HandoutSection(DO, treat + sick)
    assert [sub for sub, _ in section.parts()] == [
        "Low Blood Glucose (Hypoglycemia)",
        "When You're Sick",
    ]
    text = "Check your blood glucose.\nKeep taking your medicines."
    check = _by_name(checks((section,), (), measure(text), 6))["One idea per section"]
    assert check.passed and "What to do: 2 parts" in check.reason

    report = _from(
        "Binge Drinking Among Adults, by Select Characteristics — United States, 2018",
        "Keep taking your medicines.",
    )
    mixed = HandoutSection(DO, treat + report)
    assert [sub for sub, _ in mixed.parts()] == ["Low Blood Glucose (Hypoglycemia)", ""]
    check = _by_name(checks((mixed,), (), measure(text), 6))["One idea per section"]
    assert not check.passed and "What to do" in check.reason

    single = HandoutSection(DO, treat)
    assert single.parts() == [("", treat)]  # one subject: no sub-heading


def test_counts_times_years_and_phone_numbers_are_clear_but_a_bare_reading_is_not():
    text = (
        "4 vegetables | 4 to 6 ounces meat\n"
        "Call bleep 4455 between 08:00 and 17:00.\n"
        "During 2018, one in six adults drank too much.\n"
        "Repeat until it is 70 or higher."
    )
    assert bare_numbers(text) == ["70"]
