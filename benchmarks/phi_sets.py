"""Which identifier sets benchmarks/phi.py measures after the first, in the order they were
written, and how each is used: the early ones whole, every set from the tenth on split like
the first (one half for tuning, the other kept blind). Each set is a pair of files in
tests/data/phi, `<prefix>_identifier_cases.jsonl` and `<prefix>_clean_cases.jsonl`."""

from __future__ import annotations

# The sets before the tenth, each used whole, with what it was used for.
EARLY_SETS = [
    ("extra", "second set (all for tuning)"),
    ("fourth", "fourth set (all for tuning)"),
    ("fifth", "fifth set (all for tuning)"),
    ("sixth", "sixth set (blind: measured, never tuned on)"),
    ("seventh", "seventh set (measured once before tuning, then for tuning)"),
    ("eighth", "eighth set (measured once before tuning, then for tuning)"),
    ("ninth", "ninth set (measured once before tuning, then for tuning)"),
]
# Every set from the tenth on, each measured once whole on arrival (blind), then split.
_SPLIT_BEFORE_THE_NAME_MODEL = """
    tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth
    nineteenth twentieth twentyfirst twentysecond twentythird twentyfourth twentyfifth
    twentysixth twentyseventh twentyeighth twentyninth thirtieth thirtyfirst thirtysecond
    thirtythird thirtyfourth thirtyfifth thirtysixth thirtyseventh thirtyeighth thirtyninth
    fortieth fortyfirst fortysecond fortythird fortyfourth fortyfifth fortysixth fortyseventh
    fortyeighth fortyninth fiftieth fiftyfirst fiftysecond fiftythird fiftyfourth fiftyfifth
    fiftysixth fiftyseventh fiftyeighth fiftyninth sixtieth sixtyfirst sixtysecond sixtythird
    sixtyfourth sixtyfifth sixtysixth sixtyseventh sixtyeighth sixtyninth seventieth
    seventyfirst seventysecond seventythird seventyfourth seventyfifth seventysixth
    seventyseventh seventyeighth seventyninth eightieth eightyfirst eightysecond eightythird
    eightyfourth eightyfifth eightysixth eightyseventh eightyeighth eightyninth ninetieth
    ninetyfirst ninetysecond ninetythird ninetyfourth ninetyfifth ninetysixth ninetyseventh
    ninetyeighth ninetyninth hundredth hundredfirst hundredsecond hundredthird hundredfourth
    hundredfifth hundredsixth hundredseventh hundredeighth hundredninth hundredtenth
    hundredeleventh hundredtwelfth hundredthirteenth hundredfourteenth hundredfifteenth
    hundredsixteenth hundredseventeenth
""".split()
# Sets that arrived after the name model (assistant/answering/phi_name_model.py) was
# fitted: scripts/train_name_model.py never reads them, so both their halves are blind to it.
NEVER_READ_BY_THE_NAME_MODEL = tuple(
    """
    hundredeighteenth hundrednineteenth hundredtwentieth hundredtwentyfirst hundredtwentysecond
    hundredtwentythird hundredtwentyfourth hundredtwentyfifth hundredtwentysixth
    hundredtwentyseventh hundredtwentyeighth hundredtwentyninth hundredthirtieth
    hundredthirtyfirst hundredthirtysecond hundredthirtythird hundredthirtyfourth
    hundredthirtyfifth hundredthirtysixth hundredthirtyseventh hundredthirtyeighth
    hundredthirtyninth hundredfortieth hundredfortyfirst hundredfortysecond hundredfortythird
    hundredfortyfourth hundredfortyfifth hundredfortysixth hundredfortyseventh
    hundredfortyeighth hundredfortyninth hundredfiftieth hundredfiftyfirst hundredfiftysecond
    hundredfiftythird hundredfiftyfourth hundredfiftyfifth hundredfiftysixth hundredfiftyseventh
    hundredfiftyeighth hundredfiftyninth hundredsixtieth hundredsixtyfirst hundredsixtysecond
    hundredsixtythird hundredsixtyfourth hundredsixtyfifth hundredsixtysixth
    hundredsixtyseventh hundredsixtyeighth hundredsixtyninth hundredseventieth
    hundredseventyfirst hundredseventysecond hundredseventythird
    """.split()
)
SPLIT_SETS = (*_SPLIT_BEFORE_THE_NAME_MODEL, *NEVER_READ_BY_THE_NAME_MODEL)

_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


def label(prefix: str) -> str:
    """How the report names a split set: "twentyfirst" is the "twenty-first set",
    "hundredfortyfirst" the "hundred-and-forty-first set"."""
    hundred, rest = "", prefix
    if prefix.startswith("hundred") and prefix != "hundredth":
        hundred, rest = "hundred-and-", prefix.removeprefix("hundred")
    tens = next((t for t in _TENS if rest.startswith(t) and rest != t), None)
    if tens:
        rest = f"{tens}-{rest.removeprefix(tens)}"
    return f"{hundred}{rest} set"


# (file prefix, label) of every set after the first, in the order they were written.
LATER_SETS = EARLY_SETS + [(prefix, label(prefix)) for prefix in SPLIT_SETS]
