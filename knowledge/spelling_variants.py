"""British and American spellings of the same word: "haemorrhage" and "hemorrhage".

A clinician in Leeds types "paediatric", "oedema", "sterilise", "colour", "litre"; a CDC
guideline writes "pediatric", "edema", "sterilize", "color", "liter", and a hospital's own
policy may do the opposite. The stemmer keeps them apart ("haemorrhag" is not "hemorrhag"),
so neither the search nor the refusal rule could match them. The query expander adds the
other spelling of a question's word when the documents use it (knowledge/query_expansion.py);
nothing is re-indexed.

The rules are the regular differences of medical and everyday English, each written in both
directions; each applies to whole spelling patterns only where the other form is a word
("aerosol" keeps its "ae", "advise" its "ise").
"""

from __future__ import annotations

import re

# Verbs that take -ise in British and -ize in American spelling (their roots; "advise",
# "exercise", "supervise" are -ise in both and are not here).
_IZE_ROOTS = (
    "steril|organ|recogn|minim|maxim|priorit|immun|hospital|catheter|stabil|sensit|anaesthet"
    "|anesthet|categor|author|final|summar|util|emphas|standard|normal|special|optim"
    "|individual|personal|visual|real|central|neutral|mobil|immobil|apolog|critic|harmon"
    "|custom|symptomat|character|memor|local|general|familiar|rational|initial|sanit"
    "|computer|digit|hypothes|synthes|metabol|crystall|ion|oxid|epitheli|vascular"
    "|desensit|revascular|hospitali|fertil|pasteur|homogen|tranquil|euthan|trivial|vapor|vapour"
)
# Blood conditions: "anaemia", "hypoglycaemia", "septicaemia" ("academia" is none).
_EMIA_ROOTS = (
    "an|glyc|kal|natr|calc|isch|leuk|septic|ur|lip|tox|vir|bacter|ox|capn|phosphat|cyth|lact"
    "|album|magnes|thalass|cholesterol|lipid|protein|fung|parasit|hyper|hypo"
)
_OUR_ROOTS = "col|tum|lab|behavi|hon|fav|od|hum|vap|harb|neighb|rum|vig|clam|flav|rig|fib"
_RE_ROOTS = "cent|lit|met|fib|calib|spect|lust|sab|meag|theat|mill?ilit|kilomet|centimet"

# Each rule: (British pattern, its American replacement, American pattern, its British
# replacement). A group "x" keeps the root around the change.
_RULES: list[tuple[str, str, str, str]] = [
    (r"^haem(?=[aoi])", "hem", r"^hem(?=[aoi])", "haem"),
    (r"^anaes", "anes", r"^anes(?=th)", "anaes"),
    (r"^(?P<x>(?:ortho)?)paed", r"\g<x>ped", r"^(?P<x>(?:ortho)?)ped(?=i)", r"\g<x>paed"),
    (
        rf"(?P<x>{_EMIA_ROOTS})aemi(?=a|c)",
        r"\g<x>emi",
        rf"(?P<x>{_EMIA_ROOTS})emi(?=a|c)",
        r"\g<x>aemi",
    ),
    (r"gynaec", "gynec", r"gynec", "gynaec"),
    (r"^aetiol", "etiol", r"^etiol", "aetiol"),
    (r"^caesar", "cesar", r"^cesar", "caesar"),
    (r"^faec", "fec", r"^fec(?=[ae]s$|al$)", "faec"),
    (r"^oesoph", "esoph", r"^esoph", "oesoph"),
    (r"^oedem", "edem", r"^edem", "oedem"),
    (r"^oestr(?=[oa])", "estr", r"^estr(?=[oa])", "oestr"),
    (r"^foet(?=[au])", "fet", r"^fet(?=al$|us$|uses$)", "foet"),
    (r"rrhoea", "rrhea", r"rrhea", "rrhoea"),
    (r"pnoea", "pnea", r"pnea", "pnoea"),
    (r"^coeliac", "celiac", r"^celiac", "coeliac"),
    (r"^manoeuvre", "maneuver", r"^maneuver", "manoeuvre"),
    (r"manoeuv", "maneuv", r"maneuv", "manoeuv"),
    (r"leucocyt", "leukocyt", r"leukocyt", "leucocyt"),
    (
        rf"^(?P<x>{_OUR_ROOTS})our(?=s?$|ed$|ing$|ful$|less$)",
        r"\g<x>or",
        rf"^(?P<x>{_OUR_ROOTS})or(?=s?$|ed$|ing$|ful$|less$)",
        r"\g<x>our",
    ),
    (
        rf"^(?P<x>[a-z]*(?:{_IZE_ROOTS}))is(?=e$|ed$|es$|ing$|ation$|ations$|er$|ers$)",
        r"\g<x>iz",
        rf"^(?P<x>[a-z]*(?:{_IZE_ROOTS}))iz(?=e$|ed$|es$|ing$|ation$|ations$|er$|ers$)",
        r"\g<x>is",
    ),
    (
        rf"^(?P<x>[a-z]*(?:{_RE_ROOTS}))re(?=s?$|d$)",
        r"\g<x>er",
        rf"^(?P<x>[a-z]*(?:{_RE_ROOTS}))er(?=s?$|ed$)",
        r"\g<x>re",
    ),
    (
        r"(?P<x>[a-z]{3})ys(?=e$|es$|ed$|ing$)",
        r"\g<x>yz",
        r"(?P<x>[a-z]{3})yz(?=e$|es$|ed$|ing$)",
        r"\g<x>ys",
    ),
    (
        r"^(?P<x>catal|anal|dial)ogue(?=s?$)",
        r"\g<x>og",
        r"^(?P<x>catal|dial)og(?=s?$)",
        r"\g<x>ogue",
    ),
    (r"^programme(?=s?$)", "program", r"^program(?=s?$)", "programme"),
    (r"^grey", "gray", r"^gray", "grey"),
    (r"^sulph", "sulf", r"^sulf", "sulph"),
    (r"^aluminium$", "aluminum", r"^aluminum$", "aluminium"),
    (r"^mould", "mold", r"^mold", "mould"),
    (r"^licence", "license", r"^license", "licence"),
    (r"^defence", "defense", r"^defense", "defence"),
    (r"^offence", "offense", r"^offense", "offence"),
    (r"^jewellery", "jewelry", r"^jewelry", "jewellery"),
]
_TO_AMERICAN = [(re.compile(b), a) for b, a, _, _ in _RULES]
_TO_BRITISH = [(re.compile(a), b) for _, _, a, b in _RULES]


def spelling_variants(word: str) -> list[str]:
    """The word in the other spelling, British or American; [] when it has none."""
    lower = word.lower()
    out = []
    for rules in (_TO_AMERICAN, _TO_BRITISH):
        changed = lower
        for pattern, replacement in rules:
            changed = pattern.sub(replacement, changed, count=1)
        if changed != lower and changed not in out:
            out.append(changed)
    return out
