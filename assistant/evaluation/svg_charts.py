"""The evaluation report's three charts, written as inline SVG by hand.

Grouped bars (horizontal or vertical) and a histogram are all the report draws. Writing them
directly keeps the report self-contained (no script, no external font or file) and keeps a
plotting library out of the app: the frozen build is 40 MB smaller without one. Every label is
escaped: document titles and questions are data.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

FONT = "font-family='DejaVu Sans, Arial, sans-serif'"
AXIS = "#555555"
GRID = "#dddddd"


@dataclass(frozen=True)
class Series:
    label: str
    values: list[float]
    colour: str


def _text(
    x: float, y: float, text: str, size: int = 11, anchor: str = "start", extra: str = ""
) -> str:
    return (
        f"<text x='{x:.1f}' y='{y:.1f}' font-size='{size}' text-anchor='{anchor}' "
        f"{FONT} {extra}>{escape(text)}</text>"
    )


def _rect(x: float, y: float, width: float, height: float, colour: str, tip: str) -> str:
    return (
        f"<rect x='{x:.1f}' y='{y:.1f}' width='{max(width, 0):.1f}' "
        f"height='{max(height, 0):.1f}' fill='{colour}'><title>{escape(tip)}</title></rect>"
    )


def _svg(width: int, height: int, title: str, body: list[str]) -> str:
    head = (
        f"<svg xmlns='http://www.w3.org/2000/svg' width='{width}' height='{height}' "
        f"viewBox='0 0 {width} {height}' role='img'><title>{escape(title)}</title>"
    )
    heading = _text(width / 2, 18, title, size=13, anchor="middle", extra="font-weight='bold'")
    return "".join([head, heading, *body, "</svg>"])


def _legend(series: list[Series], x: float, y: float) -> list[str]:
    parts = []
    for item in series:
        parts.append(
            f"<rect x='{x:.1f}' y='{y - 9:.1f}' width='10' height='10' fill='{item.colour}'/>"
        )
        parts.append(_text(x + 14, y, item.label, size=10))
        x += 24 + 6.5 * len(item.label)
    return parts


def _shorten(label: str, limit: int) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def horizontal_bars(
    title: str, labels: list[str], series: list[Series], axis_label: str, maximum: float = 100.0
) -> str:
    """One row per label, one bar per series in it; values from 0 to maximum."""
    if not labels:
        return ""
    left, right, top, row = 280, 30, 34, 14 * len(series) + 12
    plot_width = 700 - left - right
    height = top + row * len(labels) + 62
    body = []
    for tick in range(0, 101, 20):
        x = left + plot_width * tick / 100
        body.append(
            f"<line x1='{x:.1f}' y1='{top}' x2='{x:.1f}' y2='{top + row * len(labels)}' "
            f"stroke='{GRID}'/>"
        )
        body.append(
            _text(
                x,
                top + row * len(labels) + 14,
                f"{maximum * tick / 100:g}",
                size=9,
                anchor="middle",
            )
        )
    for index, label in enumerate(labels):
        y = top + index * row + 6
        body.append(_text(left - 6, y + row / 2 - 2, _shorten(label, 44), size=10, anchor="end"))
        for offset, item in enumerate(series):
            value = item.values[index]
            width = plot_width * min(value, maximum) / maximum
            body.append(
                _rect(
                    left,
                    y + offset * 14,
                    width,
                    12,
                    item.colour,
                    f"{label}: {item.label} {value:.0f}",
                )
            )
    axis_y = top + row * len(labels)
    body.append(
        f"<line x1='{left}' y1='{axis_y}' x2='{left + plot_width}' y2='{axis_y}' stroke='{AXIS}'/>"
    )
    body.append(_text(left + plot_width / 2, axis_y + 32, axis_label, size=10, anchor="middle"))
    body += _legend(series, left, axis_y + 50)
    return _svg(700, height, title, body)


def vertical_bars(
    title: str, labels: list[str], series: list[Series], axis_label: str, maximum: float = 100.0
) -> str:
    """One group per label along the bottom, one bar per series in it."""
    if not labels:
        return ""
    left, top, plot_height = 56, 34, 180
    group = 22 * len(series) + 26
    width = left + group * len(labels) + 30
    body = []
    for tick in range(0, 101, 25):
        y = top + plot_height * (1 - tick / 100)
        body.append(
            f"<line x1='{left}' y1='{y:.1f}' x2='{width - 20}' y2='{y:.1f}' stroke='{GRID}'/>"
        )
        body.append(_text(left - 6, y + 3, f"{maximum * tick / 100:g}", size=9, anchor="end"))
    base = top + plot_height
    for index, label in enumerate(labels):
        x = left + index * group + 13
        for offset, item in enumerate(series):
            value = item.values[index]
            bar = plot_height * min(value, maximum) / maximum
            body.append(
                _rect(
                    x + offset * 22,
                    base - bar,
                    20,
                    bar,
                    item.colour,
                    f"{label}: {item.label} {value:.1f}",
                )
            )
        centre = x + 11 * len(series)
        body.append(_text(centre, base + 14, _shorten(label, 18), size=9, anchor="middle"))
    body.append(f"<line x1='{left}' y1='{base}' x2='{width - 20}' y2='{base}' stroke='{AXIS}'/>")
    body.append(
        _text(
            14,
            top + plot_height / 2,
            axis_label,
            size=10,
            anchor="middle",
            extra=f"transform='rotate(-90 14 {top + plot_height / 2:.1f})'",
        )
    )
    body += _legend(series, left, base + 38)
    return _svg(max(width, 320), base + 50, title, body)


def histogram(title: str, values: list[float], axis_label: str, colour: str) -> str:
    """Counts of values in equal bins between their minimum and maximum."""
    if not values:
        return ""
    bins = min(30, max(5, len(values) // 3))
    low, high = min(values), max(values)
    span = (high - low) or 1.0
    counts = [0] * bins
    for value in values:
        counts[min(bins - 1, int((value - low) / span * bins))] += 1
    left, top, plot_width, plot_height = 50, 34, 520, 170
    tallest = max(counts)
    body = []
    for index, count in enumerate(counts):
        bar = plot_height * count / tallest
        start = low + span * index / bins
        body.append(
            _rect(
                left + plot_width * index / bins + 1,
                top + plot_height - bar,
                plot_width / bins - 2,
                bar,
                colour,
                f"{start:.0f}–{start + span / bins:.0f}: {count}",
            )
        )
    base = top + plot_height
    body.append(
        f"<line x1='{left}' y1='{base}' x2='{left + plot_width}' y2='{base}' stroke='{AXIS}'/>"
    )
    for fraction in (0, 0.5, 1):
        body.append(
            _text(
                left + plot_width * fraction,
                base + 14,
                f"{low + span * fraction:.0f}",
                size=9,
                anchor="middle",
            )
        )
    body.append(_text(left - 8, top + 8, f"{tallest}", size=9, anchor="end"))
    body.append(_text(left - 8, base, "0", size=9, anchor="end"))
    body.append(_text(left + plot_width / 2, base + 32, axis_label, size=10, anchor="middle"))
    return _svg(600, base + 44, title, body)
