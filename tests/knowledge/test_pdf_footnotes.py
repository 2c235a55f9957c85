"""Which lines are a page's footnotes, and where they go (knowledge.parsing.pdf_footnotes)."""

from __future__ import annotations

from knowledge.parsing.pdf_footnotes import footnote_start, in_reading_order
from knowledge.parsing.pdf_lines import Line

BODY = 12.0


def line(text: str, page: int, top: float, size: float = BODY, end_size: float | None = None):
    end = size if end_size is None else end_size
    return Line(text, page, 72.0, top, size, size, "Times", False, end, "Times", False)


def note(text: str, page: int, top: float) -> Line:
    # A superscript mark (6.4 pt) opening a 10.4 pt footnote, as a Word export sets it.
    return line(text, page, top, size=6.4, end_size=10.4)


def runs_on(last: Line) -> bool:
    return not last.text.rstrip().endswith(".")


def test_footnotes_are_the_small_trailing_lines_opening_with_a_superscript_mark():
    page = [
        line("A sentence that ends.", 1, 100),
        line("Another that runs over the", 1, 600),
        note("16 21 CFR 320.25 through 320.27 (for", 1, 700),
        line("information on the design of a study).", 1, 712, size=10.4),
    ]
    assert footnote_start(page, BODY) == 2


def test_small_type_without_a_superscript_mark_is_not_a_footnote():
    # A table of servings or a page of references in small type keeps its place.
    page = [line("Examples:", 1, 100), line("1 3-inch cookie", 1, 700, size=10.4)]
    assert footnote_start(page, BODY) == len(page)


def test_small_lines_above_the_last_body_line_are_not_footnotes():
    page = [line("Body text at the foot.", 1, 700), note("1 A boxed note", 1, 300)]
    assert footnote_start(page, BODY) == len(page)


def test_footnotes_move_after_the_sentence_that_runs_over_the_break():
    first = [line("It is used for drugs with a high", 1, 600), note("16 21 CFR 320.25", 1, 700)]
    second = [
        line("variability (30 percent or more).17", 2, 72),  # ends, with its own mark
        line("The division should be consulted.", 2, 86),
    ]
    order = [ln.text for ln in in_reading_order([first, second], BODY, runs_on)]
    assert order == [
        "It is used for drugs with a high",
        "variability (30 percent or more).17",
        "16 21 CFR 320.25",
        "The division should be consulted.",
    ]


def test_footnotes_stay_put_when_the_page_ends_a_sentence():
    first = [line("It ends here.", 1, 600), note("1 A note.", 1, 700)]
    second = [line("A new paragraph", 2, 72), line("goes on.", 2, 86)]
    order = [ln.text for ln in in_reading_order([first, second], BODY, runs_on)]
    assert order == ["It ends here.", "1 A note.", "A new paragraph", "goes on."]


def test_footnotes_are_not_carried_past_the_next_page():
    first = [line("A table row", 1, 600), note("1 A note.", 1, 700)]
    second = [line("another row", 2, 72), line("and another", 2, 86)]
    third = [line("Prose again.", 3, 72)]
    order = [ln.text for ln in in_reading_order([first, second, third], BODY, runs_on)]
    assert order.index("1 A note.") == 3  # at the end of page 2, before page 3 begins
    assert sorted(order) == sorted(ln.text for ln in first + second + third)  # nothing lost
