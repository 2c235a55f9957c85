"""Tolerance of misspellings: a question's unknown word stem mapped to an indexed one.

"naloxne" and "hypoglycmia" are not in any document, so neither search nor the refusal rule
can use them. A stem that the index does not hold is compared with the index's stems one
edit away (a letter missing, extra, wrong, or two letters swapped), found through the
"deletion neighbourhood" of each stem (every form with one letter deleted), which is built
once per index and costs one dictionary lookup per deletion at question time. Among several
candidates the one in most chunks wins.

Only stems of 5 letters or more are corrected: shorter ones are abbreviations or another word
one letter away ("dose"/"rose") too often.
"""

from __future__ import annotations

from collections.abc import Mapping

MIN_LENGTH = 5


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


class SpellingIndex:
    def __init__(self, frequencies: Mapping[str, int]):
        self._frequencies = frequencies
        self._by_deletion: dict[str, list[str]] = {}
        for stem in frequencies:
            if len(stem) >= MIN_LENGTH - 1 and stem.isalpha():
                for form in _deletions(stem) | {stem}:
                    self._by_deletion.setdefault(form, []).append(stem)

    def correct(self, stem: str) -> str | None:
        """The indexed stem one edit away from `stem` that most chunks hold, or None when
        `stem` is indexed itself, too short, or has no such neighbour."""
        if stem in self._frequencies or len(stem) < MIN_LENGTH or not stem.isalpha():
            return None
        candidates: set[str] = set(self._by_deletion.get(stem, []))
        for form in _deletions(stem):
            candidates.update(self._by_deletion.get(form, []))
        candidates = {c for c in candidates if _one_edit(stem, c)}
        if not candidates:
            return None
        return max(sorted(candidates), key=lambda c: self._frequencies.get(c, 0))


def _one_edit(a: str, b: str) -> bool:
    """Levenshtein distance 1, or one transposition of neighbouring letters."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))
