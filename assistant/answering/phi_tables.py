"""Identifiers in a table pasted from a ward's system, for assistant/answering/phi.py: a bed
board or a sign-out list with a header row ("MRN|PT NAME|DOB|RM|…", or tab-separated) names
what each column holds, so every cell under "MRN", "URN", "NAME", "DOB" or "AGE" is one, in
whatever shape the cell is ("551902", "CHEN, WEI", "Mrs W. Singh-Patel")."""

from __future__ import annotations

import re
from typing import NamedTuple

# What a column's heading says it holds, as the placeholder kind to use.
_HEADINGS = [
    (re.compile(r"(?:pt[ .]*|patient[ .]*)?names?|pt|patient|resident|client", re.I), "NAME"),
    (
        re.compile(
            r"mrn|urn?|nhs(?:[ .]*(?:no|number))?|nhi|uhid|mrd|hcn|chi"
            r"|hosp(?:ital)?[ .]*(?:no|number)|(?:pt|patient)[ .]*id|id",
            re.I,
        ),
        "MRN",
    ),
    (re.compile(r"dob|d\.o\.b\.?|date[ .]*of[ .]*birth|born", re.I), "DOB"),
    (re.compile(r"phone|tel|mobile|contact[ .]*(?:no|number)", re.I), "PHONE"),
    (re.compile(r"address|home[ .]*address", re.I), "ADDRESS"),
    (re.compile(r"age", re.I), "AGE"),
]
_SEPARATORS = ("|", "\t")
_EMPTY = re.compile(r"[-–—.?/\s]*|(?i:vacant|empty|\(empty\)|n/?a|none|tbc)")
_TITLE = re.compile(r"(?i:mrs|mr|ms|miss|mx|dr|master)\.?[ \t]+")
_AGE_OVER_89 = re.compile(r"(9\d|1[01]\d)(?![\d.])")


class Cell(NamedTuple):
    start: int
    end: int
    kind: str  # NAME, MRN, DOB, PHONE, ADDRESS, or AGE (an age over 89: its number only)


def table_cells(text: str) -> list[Cell]:
    """The cells under identifying headings of every pasted table in the text."""
    cells: list[Cell] = []
    lines = _lines(text)
    for separator in _SEPARATORS:
        columns: dict[int, str] | None = None
        for start, line in lines:
            parts = line.split(separator)
            if len(parts) < 3:
                columns = None  # a table ends at a line that is not one of its rows
                continue
            heading = _columns(parts)
            if heading:
                columns = heading
                continue
            if columns is not None:
                cells += _row_cells(start, parts, separator, columns)
    return cells


def _lines(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def _columns(parts: list[str]) -> dict[int, str]:
    """The identifying columns of a heading row (every cell a short label, one of them an
    identifier's), else {}."""
    kinds: dict[int, str] = {}
    for i, part in enumerate(parts):
        label = part.strip()
        if not label:
            continue
        if len(label) > 24 or re.search(r"\d", label):
            return {}  # a row of values, not headings
        kind = next((k for pattern, k in _HEADINGS if pattern.fullmatch(label)), None)
        if kind is not None:
            kinds[i] = kind
    return kinds if any(k in ("NAME", "MRN", "DOB") for k in kinds.values()) else {}


def _row_cells(
    line_start: int, parts: list[str], separator: str, columns: dict[int, str]
) -> list[Cell]:
    cells, pos = [], line_start
    for i, part in enumerate(parts):
        kind = columns.get(i)
        stripped = part.strip()
        if kind is not None and stripped and not _EMPTY.fullmatch(stripped):
            start = pos + part.index(stripped)
            cell = _cell(start, stripped, kind)
            if cell is not None:
                cells.append(cell)
        pos += len(part) + len(separator)
    return cells


def _cell(start: int, value: str, kind: str) -> Cell | None:
    if kind == "NAME":
        title = _TITLE.match(value)
        skip = title.end() if title else 0
        return Cell(start + skip, start + len(value), kind) if skip < len(value) else None
    if kind == "AGE":
        old = _AGE_OVER_89.match(value)
        return Cell(start + old.start(1), start + old.end(1), kind) if old else None
    if kind in ("MRN", "DOB", "PHONE") and not re.search(r"\d", value):
        return None
    return Cell(start, start + len(value), kind)
