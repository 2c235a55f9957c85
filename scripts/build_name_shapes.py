#!/usr/bin/env python3
"""Build the spelling model that tells a name no list holds from a word no list holds
(knowledge/data/name_shapes.tsv).

A capitalised word that is on no name list and no word list is a name of an origin the lists
miss ("Chidinma", "Wiktoria") or a drug, brand or device the word lists miss ("Venetoclax",
"Optiflow"). Their spelling differs: names end in "-a", "-ski", "-ath"; drugs and brands carry
"-clax", "-flow", "x", "ph". The model is the log-likelihood ratio of each letter sequence of
one to four letters (with the word's start and end marked), names against words, from the
lists the app already ships: given names and surnames (scripts/build_names.py) against the
English words (scripts/build_words.py), the abbreviation inventory's vocabulary and the app's
own drug, brand, body and place lists. Run after those builders (scripts/setup.sh).

    python scripts/build_name_shapes.py [--out FILE]
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from knowledge.clinical_vocabulary import LAY_TERMS, SHORT_NAMES, SHORTHAND  # noqa: E402
from knowledge.name_shapes import DEFAULT_PATH, grams  # noqa: E402
from knowledge.name_words import common_words, given_names, load_names  # noqa: E402
from knowledge.proper_terms import BODIES, BRANDS, PLACES  # noqa: E402
from knowledge.sense_inventory import SenseInventory  # noqa: E402

SMOOTHING = 0.5
MIN_COUNT = 3  # sequences seen fewer times in both lists say nothing reliable


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_PATH)
    args = parser.parse_args()
    names, words = _names(), _words()
    if not names or len(words) < 10000:
        print("build_name_shapes: the name or word lists are missing; nothing written")
        return 1
    words -= names
    ratios = _ratios(names, words)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    tmp = args.out.with_suffix(".tmp")
    lines = [f"{gram}\t{ratio:.4f}" for gram, ratio in sorted(ratios.items())]
    tmp.write_text(
        f"# letter sequences: log(P|name) - log(P|word), from {len(names)} names and "
        f"{len(words)} words (scripts/build_name_shapes.py)\n" + "\n".join(lines) + "\n",
        encoding="utf-8",
    )
    tmp.replace(args.out)
    print(f"build_name_shapes: {len(ratios)} letter sequences -> {args.out}")
    return 0


def _names() -> set[str]:
    listed = load_names() | given_names()
    # A name that is also a word ("rose", "hand") says nothing about how names are spelt.
    return {n for n in listed if n.isalpha() and n not in common_words()}


def _words() -> set[str]:
    words = set(common_words()) | SenseInventory.load().vocabulary() | BRANDS | BODIES | PLACES
    for table in (SHORT_NAMES, SHORTHAND, LAY_TERMS):
        for key, value in table.items():
            words.update(re.findall(r"[a-z]+", f"{key} {value}".lower()))
    return {w for w in words if w.isalpha() and len(w) > 2}


def _ratios(names: set[str], words: set[str]) -> dict[str, float]:
    in_names, in_words = Counter(), Counter()
    for name in names:
        in_names.update(grams(name))
    for word in words:
        in_words.update(grams(word))
    seen = set(in_names) | set(in_words)
    total_names, total_words = sum(in_names.values()), sum(in_words.values())
    spread = SMOOTHING * len(seen)
    return {
        gram: math.log((in_names[gram] + SMOOTHING) / (total_names + spread))
        - math.log((in_words[gram] + SMOOTHING) / (total_words + spread))
        for gram in seen
        if in_names[gram] + in_words[gram] >= MIN_COUNT
    }


if __name__ == "__main__":
    sys.exit(main())
