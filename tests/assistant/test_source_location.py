"""Finding a cited passage in its source file, without a window (assistant.core.source_location)."""

from __future__ import annotations

from assistant.core.source_location import load_text_source, locate_passage


def test_locate_passage_prefers_offsets_then_nearest_copy():
    text = "Alpha beta.\n\nGamma delta.\n\nAlpha beta."
    assert locate_passage(text, "Alpha beta.", 27, 38).exact
    moved = locate_passage(text, "Alpha beta.", 25, 36)
    assert (moved.start, moved.exact) == (27, False)
    spaced = locate_passage("x\n\nGamma   delta.", "Gamma delta.", 0, 12)
    assert spaced is not None and not spaced.exact
    assert locate_passage(text, "Epsilon", 0, 7) is None


def test_a_markdown_source_is_shown_as_the_text_it_was_chunked_from(tmp_path):
    path = tmp_path / "visiting.md"
    path.write_text(
        "# Visiting\n\nHours are 10:00 to 20:00.\n\n## Children\n\nUnder 12 with an adult.\n"
    )
    source = load_text_source(str(path))
    assert (
        source.text
        == "Visiting\n\nHours are 10:00 to 20:00.\n\nChildren\n\nUnder 12 with an adult."
    )
    start = source.text.index("Under 12")
    span = locate_passage(source.text, "Under 12 with an adult.", start, start + 23)
    assert (
        span is not None and span.exact and source.text[span.start : span.end].startswith("Under")
    )
    assert [source.text[a:b] for a, b in source.headings] == ["Visiting", "Children"]
