"""How much a word's spelling looks like a name's rather than a word's.

Reads the table scripts/build_name_shapes.py builds (knowledge/data/name_shapes.tsv): for each
letter sequence of one to four letters, with the word's start and end marked ("^ch", "ma$"),
the log-likelihood ratio of seeing it in a name rather than in a word. A word's score is the
mean over its sequences: above zero it is spelt more like the names ("Chidinma" 0.1,
"Wiktoria" 0.5, "Tomasz" 1.2), below more like the words ("Venetoclax" -0.3, "Optiflow"
-0.9). Only consulted for a capitalised word no list holds. Without the table every score
is +inf: every such word stays a name, as before the model existed.
"""

from __future__ import annotations

import math
from functools import lru_cache
from pathlib import Path

DEFAULT_PATH = Path(__file__).resolve().parent / "data" / "name_shapes.tsv"


def grams(word: str, shortest: int = 1, longest: int = 4) -> list[str]:
    marked = f"^{word.lower()}$"
    return [
        marked[i : i + n] for n in range(shortest, longest + 1) for i in range(len(marked) - n + 1)
    ]


@lru_cache(maxsize=2)
def _table(path: Path = DEFAULT_PATH) -> dict[str, float]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return {}
    table = {}
    for line in lines:
        if line and not line.startswith("#"):
            gram, _, ratio = line.partition("\t")
            table[gram] = float(ratio)
    return table


def name_likeness(word: str, path: Path = DEFAULT_PATH) -> float:
    table = _table(path)
    if not table:
        return math.inf
    sequences = grams(word)
    return sum(table.get(g, 0.0) for g in sequences) / len(sequences)


def warm_up() -> None:
    _table(DEFAULT_PATH)  # the same key name_likeness() uses
