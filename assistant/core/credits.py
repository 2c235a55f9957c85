"""What the app ships from others' work, with their terms: shown in Help → About and the README.

The reference data is generated at install time from the public sources named here
(scripts/build_lexicon.py, scripts/build_names.py, scripts/build_words.py, and
scripts/build_name_shapes.py from those lists); the embedding model ships in its package.
"""

from __future__ import annotations

CREDITS: tuple[tuple[str, str], ...] = (
    (
        "Clinical abbreviation senses",
        "Medical Abbreviation and Acronym Meta-Inventory (Grossman Liu et al., Columbia "
        "University DBMI, funded by the National Library of Medicine), CC BY 4.0; from its "
        "source inventories: Stetson et al. (AMIA 2002) sign-out notes, Vanderbilt clinic notes "
        "and discharge summaries (Wu et al. 2013), Columbia obstetric abbreviations (2018).",
    ),
    (
        "Given names and surnames (to keep patients' names out of searches and off the wire)",
        "ul-mds/gecko-data, MIT licence (University Medical Center Leipzig): US Census Bureau "
        "2010 surnames (public domain), NYC Open Data popular baby names, German given and "
        "last names.",
    ),
    (
        "English words (to tell a word from a name in the identifier detector)",
        "SCOWL (Spell Checker Oriented Word Lists) by Kevin Atkinson, as Debian's wamerican "
        "and wbritish packages ship it. Copyright 2000-2019 by Kevin Atkinson and others; "
        "permission to use, copy, modify, distribute and sell the word lists is granted with "
        "the copyright notice kept.",
    ),
    (
        "Embedding model",
        "sentence-transformers/all-MiniLM-L6-v2, Apache-2.0.",
    ),
)


def credits_text() -> str:
    return "\n\n".join(f"{what}: {source}" for what, source in CREDITS)
