"""The evaluation report's hand-written SVG charts: valid, proportional, escaped."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from assistant.evaluation.svg_charts import Series, histogram, horizontal_bars, vertical_bars

SVG = "{http://www.w3.org/2000/svg}"


def _bars(svg: str) -> list[ET.Element]:
    return list(ET.fromstring(svg).iter(f"{SVG}rect"))


def test_horizontal_bars_are_proportional_and_labels_escaped():
    svg = horizontal_bars(
        "Hit rate",
        ["<script>x</script>", "B & C"],
        [Series("doc", [100, 50], "#111111"), Series("page", [25, 0], "#222222")],
        "%",
    )
    bars = [r for r in _bars(svg) if r.find(f"{SVG}title") is not None]
    widths = [float(r.get("width")) for r in bars]
    assert widths[0] == 2 * widths[2] == 4 * widths[1] and widths[3] == 0
    assert "<script>" not in svg and "&lt;script&gt;" in svg and "B &amp; C" in svg


def test_vertical_bars_draw_one_bar_per_value_and_cap_at_the_maximum():
    svg = vertical_bars("Before → after", ["a", "b"], [Series("before", [50, 150], "#1")], "%")
    heights = [float(r.get("height")) for r in _bars(svg) if r.find(f"{SVG}title") is not None]
    assert len(heights) == 2 and heights[1] == 2 * heights[0]  # 150 drawn as the 100 maximum


def test_histogram_counts_every_value_once():
    values = [10, 11, 12, 50, 90, 90, 90, 100]
    svg = histogram("Answer time", values, "ms", "#333")
    counts = [
        int(t.text.rsplit(": ", 1)[1])
        for t in ET.fromstring(svg).iter(f"{SVG}title")
        if re.search(r": \d+$", t.text or "")
    ]
    assert sum(counts) == len(values)


def test_no_data_draws_no_chart():
    assert horizontal_bars("t", [], [], "%") == "" and histogram("t", [], "ms", "#000") == ""
    assert vertical_bars("t", [], [], "%") == ""
