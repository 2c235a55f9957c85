"""The clinical abbreviation sense inventory: abbreviation -> senses with their weights.

Generated at install or build time by scripts/build_lexicon.py from the Medical Abbreviation
and Acronym Meta-Inventory (CC BY 4.0; README, "Credits"). A sense's weight is its share of
the abbreviation's uses in clinical notes. Loaded once per file, lazily: the first question
pays about 10 ms. A missing file is an empty inventory (the app then expands only its own
short built-in list), never an error.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

DEFAULT_PATH = Path(__file__).resolve().parent / "data" / "abbreviations.tsv"


class SenseInventory:
    def __init__(self, senses: dict[str, list[tuple[str, float]]]):
        self._senses = senses
        self._vocabulary: frozenset[str] | None = None

    @classmethod
    def load(cls, path: Path = DEFAULT_PATH) -> SenseInventory:
        return _load(Path(path))

    def senses(self, abbreviation: str) -> list[tuple[str, float]]:
        """(sense, weight), heaviest first; [] for an unknown abbreviation."""
        return self._senses.get(abbreviation.lower(), [])

    def __contains__(self, abbreviation: str) -> bool:
        return abbreviation.lower() in self._senses

    def __len__(self) -> int:
        return len(self._senses)

    def vocabulary(self) -> frozenset[str]:
        """Every abbreviation and every word of every sense, lower case: words clinical notes
        use, so none of them is taken for a patient's name."""
        if self._vocabulary is None:
            words = set(self._senses)
            for senses in self._senses.values():
                for sense, _ in senses:
                    words.update(w for w in re.findall(r"[^\W\d_]+", sense.lower()) if len(w) > 2)
            self._vocabulary = frozenset(words)
        return self._vocabulary


@lru_cache(maxsize=4)
def _load(path: Path) -> SenseInventory:
    senses: dict[str, list[tuple[str, float]]] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return SenseInventory({})
    for line in lines:
        if line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) < 3:
            continue
        try:
            weight = float(parts[2])
        except ValueError:
            continue
        senses.setdefault(parts[0], []).append((parts[1], weight))
    for found in senses.values():
        found.sort(key=lambda s: -s[1])
    return SenseInventory(senses)
