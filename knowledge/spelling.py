"""Tolerance of misspellings: a question's unknown word stem mapped to an indexed one.

"naloxne" and "hypoglycmia" are not in any document, so neither search nor the refusal rule
can use them. A stem that the index does not hold is compared with the index's stems one
edit away (a letter missing, extra, wrong, or two neighbouring letters swapped): every such
variant of the question's stem is generated (about 50 per letter) and looked up in the
index's vocabulary, which costs a fraction of a millisecond per unknown word and needs no
index of its own, so nothing is built when the library changes. Among several candidates
the one in most chunks wins.

Only stems of 5 letters or more are corrected: shorter ones are abbreviations or another word
one letter away ("dose"/"rose") too often.
"""

from __future__ import annotations

from collections.abc import Mapping
from string import ascii_lowercase

MIN_LENGTH = 5


def one_edit_variants(word: str) -> set[str]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {a + b[1:] for a, b in splits if b}
    swaps = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    replaces = {a + c + b[1:] for a, b in splits if b for c in ascii_lowercase}
    inserts = {a + c + b for a, b in splits for c in ascii_lowercase}
    return (deletes | swaps | replaces | inserts) - {word}


class SpellingIndex:
    def __init__(self, frequencies: Mapping[str, int]):
        self._frequencies = frequencies

    def correct(self, stem: str) -> str | None:
        """The indexed stem one edit away from `stem` that most chunks hold, or None when
        `stem` is indexed itself, too short, or has no such neighbour."""
        if stem in self._frequencies or len(stem) < MIN_LENGTH or not stem.isalpha():
            return None
        # A typo keeps the first letter ("naloxne"); "vaper" is no "taper".
        candidates = [
            v for v in one_edit_variants(stem) if v in self._frequencies and v[0] == stem[0]
        ]
        if not candidates:
            return None
        return max(sorted(candidates), key=lambda c: self._frequencies[c])
