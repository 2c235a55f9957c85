"""The titles a name follows, kept in one place for the three looks that read them: the cue
rule of assistant/answering/phi_patterns.py (NAME_CUE), the pairs before an age of
phi_name_pairs.py ("mr grant mills 72") and the clauses of another language of
phi_foreign_names.py ("Frau Małgorzata Schulz"). Each look takes the groups it can trust in
the case it reads."""

from __future__ import annotations

import re

# English titles, in any case ("mrs o'reilly", "MR BROWN").
ENGLISH = frozenset("mr mrs ms miss mx dr".split())
# Police ranks written before a name in statements and requests ("sgt ellis", "det kaur").
POLICE = frozenset("sgt cst insp det".split())
# Titles of Central and Eastern Europe, the Balkans, Romania and Greece that no English word
# or clinical abbreviation spells, so they count in any case: "pana Zająca", "doamna
# Floarea", "gđa Horvat", "ponia Jonaitienė", "kyria roula", "κ. Παπαδόπουλος" ("κος").
UNMISTAKABLE = frozenset(
    "pana panu panem panią paní pán pí doamna domnul gosp gđa gđica gospa gospod "
    "ponas ponia ponios zonja zoti kyrios kyria κύριος κυρία κος κα".split()
)
# Titles of Western Europe and South Asia that are also words or abbreviations in small
# letters ("don PPE", "pan-sensitive", "sig" on a prescription, "sr" a sedimentation rate,
# "m" a metre, "g" a gram): trusted only where a capital starts the name after them.
CAPITALISED = frozenset(
    "herr frau hr fr pan pani sr sra srta señor señora don doña dña dona seu sig sig.ra signor "
    "signora m mme mlle monsieur madame g ga shri smt".split()
)
# ... of which these are a letter or two, or a word ("Seu filho" is "your son"): no cue alone.
_TOO_SHORT = frozenset("hr fr m g ga seu".split())
# Relatives of other languages a name follows: "mi hijo Unai", "o filho Wellington", "sua
# figlia Giulia" (not those English spells: "son", "far", "make").
RELATIVES_OF_OTHER_LANGUAGES = frozenset(
    "hijo hija esposo esposa marido nieto nieta hermano hermana abuela abuelo filho filha "
    "neto neta irmão irmã figlio figlia marito moglie nonna nonno fratello sorella "
    "fils fille époux épouse sohn tochter ehemann ehefrau zoon dochter "
    # ... and of the Nordic languages and Finnish: "(tytär Satu)", "datteren Kari"
    "datter datteren dotter dottern døtre søn sønn sønnen sonen mor mormor farmor morfar "
    "farfar kone konen hustru mand manden mann mannen maka sambo bror broren søster syster "
    "tytär tyttäreni poika poikani äiti isä vaimo mies sisko veli dóttir sonur móðir faðir "
    # ... and of southern Africa: "Gogo Nomsa", "oom Koos", "Sekuru Tendai"
    "ouma oupa oom tannie gogo ubaba umama nkoko mkhulu makhulu sekuru ambuya mbuya".split()
)


def alternation(words: frozenset[str]) -> str:
    """The words as one regex alternation, longest first so "panią" is tried before "pan"."""
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


# The titles of CAPITALISED as the cue rule writes them, with their capital: "Sra", "Herr".
CUE_CAPITALISED = alternation(frozenset(w.capitalize() for w in CAPITALISED - _TOO_SHORT))
