"""Writing records to a CSV or JSON Lines file, whole or not at all (feedback, handouts).

The file is written beside its target and renamed into place, so a reader never sees half an
export; CSV is written with a byte-order mark so spreadsheet programs read "pp. 3–4" and
accents correctly.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, Literal

FORMATS = ("csv", "jsonl")


def write_records(
    path: str | Path,
    fmt: Literal["csv", "jsonl"],
    records: Sequence[Any],
    columns: Iterable[str],
    csv_row: Callable[[Any], list[Any]],
    json_of: Callable[[Any], dict[str, Any]],
) -> int:
    """Write `records` to `path`; returns how many were written."""
    if fmt not in FORMATS:
        raise ValueError(f"export format is 'csv' or 'jsonl', not {fmt!r}")
    path = Path(path)
    tmp = path.with_name(path.name + ".part")
    try:
        if fmt == "csv":
            with tmp.open("w", encoding="utf-8-sig", newline="") as out:
                writer = csv.writer(out)
                writer.writerow(list(columns))
                writer.writerows(csv_row(record) for record in records)
        else:
            with tmp.open("w", encoding="utf-8", newline="\n") as out:
                for record in records:
                    out.write(json.dumps(json_of(record), ensure_ascii=False) + "\n")
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return len(records)
