"""Text analysis for lexical search and query handling: tokens, stems, clinical shorthand.

Documents and questions go through the same analyser, so "q4h", "MME" or "50 mg" match the
way they are written in policies. Clinical abbreviations are expanded in both directions: a
question saying "MME" finds a passage that spells out "morphine milligram equivalents", and
the other way round.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import Stemmer

# Lower-case abbreviations that are unambiguous in a clinical question, with their expansion.
ABBREVIATIONS: dict[str, str] = {
    "pt": "patient",
    "pts": "patients",
    "mme": "morphine milligram equivalents",
    "bid": "twice daily",
    "bd": "twice daily",
    "tid": "three times daily",
    "tds": "three times daily",
    "qid": "four times daily",
    "qds": "four times daily",
    "od": "once daily",
    "qd": "once daily",
    "prn": "as needed",
    "stat": "immediately",
    "nbm": "nothing by mouth",
    "npo": "nothing by mouth",
    "iv": "intravenous",
    "subcut": "subcutaneous",
    "ssi": "surgical site infection",
    "hai": "healthcare associated infection",
    "ppe": "personal protective equipment",
    "abhr": "alcohol based hand rub",
    "oud": "opioid use disorder",
    "moud": "medications for opioid use disorder",
    "pdmp": "prescription drug monitoring program",
    "uds": "urine drug testing",
    "nsaid": "nonsteroidal anti inflammatory drug",
    "nsaids": "nonsteroidal anti inflammatory drugs",
    "hcp": "healthcare personnel",
    "bg": "blood glucose",
    "hba1c": "glycated hemoglobin a1c",
    "cdi": "clostridioides difficile infection",
    "mrsa": "methicillin resistant staphylococcus aureus",
    "uti": "urinary tract infection",
    "vte": "venous thromboembolism",
    "dvt": "deep vein thrombosis",
    "bp": "blood pressure",
    "gp": "general practitioner",
    "icu": "intensive care unit",
    "pca": "patient controlled analgesia",
    "pep": "post exposure prophylaxis",
    "dnacpr": "do not attempt cardiopulmonary resuscitation",
    "dnr": "do not resuscitate",
    "abx": "antibiotics",
    "hx": "history",
    "dx": "diagnosis",
    "tx": "treatment",
    "sx": "symptoms",
    "fx": "fracture",
    "sob": "shortness of breath",
    "mrn": "medical record number",
    "nda": "new drug application",
    "anda": "abbreviated new drug application",
    "ind": "investigational new drug",
    "pk": "pharmacokinetic",
    "auc": "area under the curve",
    "cmax": "peak concentration",
    "opat": "outpatient parenteral antimicrobial therapy",
    "ed": "emergency department",
    "er": "extended release",
    "la": "long acting",
    "ir": "immediate release",
    "ba": "bioavailability",
    "be": "bioequivalence",
    "im": "intramuscular",
    "po": "by mouth oral",
    "sc": "subcutaneous",
    "hr": "heart rate",
    "rr": "respiratory rate",
    "pe": "pulmonary embolism",
    # Common in infection prevention, diabetes, pharmacology and nursing, and missing from
    # the sense inventory (knowledge/data/abbreviations.tsv) or with another sense first there.
    "dm": "diabetes mellitus; diabetes",
    "dm2": "type 2 diabetes",
    "t2dm": "type 2 diabetes",
    "dm1": "type 1 diabetes",
    "t1dm": "type 1 diabetes",
    "nsi": "needlestick injury",
    "prns": "as needed",
    "mdv": "multi-dose vial",
    "sdv": "single-dose vial",
    # ward and infection-control shorthand the sense inventory lacks or reads otherwise
    # (it has "HLD" only as hyperlipidemia)
    "hld": "high-level disinfection",
    "bbe": "bare below the elbows",
    "lmwh": "low molecular weight heparin",
    "udt": "urine drug testing",
    "cbg": "capillary blood glucose",
    "atc": "around the clock",
    "sed": "sedation",  # ("sed score"; the sense inventory leads with sedimentation)
    "hca": "healthcare assistant",
    "ltot": "long-term opioid therapy; long-term oxygen therapy",
    "hh": "hand hygiene",
    "ltc": "long-term care",
    "crcl": "creatinine clearance",
    "tdm": "therapeutic drug monitoring",
    "ip": "infection prevention; inpatient",
    "ipc": "infection prevention and control",
    "bbp": "bloodborne pathogens",
    "cgm": "continuous glucose monitoring",
    "smbg": "self-monitoring of blood glucose",
    "hhs": "hyperosmolar hyperglycemic state",
    "bcs": "biopharmaceutics classification system",
    "ivivc": "in vitro in vivo correlation",
    "rld": "reference listed drug",
    "cmin": "minimum concentration",
    "tmax": "time to maximum concentration",
    "sud": "substance use disorder",
    "cauti": "catheter-associated urinary tract infection",
    "clabsi": "central line-associated bloodstream infection",
    "cna": "certified nursing assistant",
    "tst": "tuberculin skin test",
    "igra": "interferon gamma release assay",
    # a steriliser's spore test ("autoclave BI frequency?"): in capitals only ("bi" is a prefix)
    "bi": "biological indicator",
    "glucometer": "blood glucose meter",
    "glucometers": "blood glucose meters",
    # a ward's "falls RA" is its risk assessment, a chest's "sats 93% RA" room air; a drug
    # screen's "IA" its immunoassay (capitals only: "ra", "ia" are parts of words)
    "ra": "risk assessment; room air",
    "ia": "immunoassay",
}
# These collide with ordinary English words ("be", "or", "im", "la"); expand only when the
# question writes them in capitals.
_UPPERCASE_ONLY = {
    "ip",
    "hh",
    "ed",
    "er",
    "la",
    "ir",
    "ba",
    "be",
    "im",
    "po",
    "sc",
    "hr",
    "rr",
    "pe",
    "od",
    "stat",
    "bi",
    "ra",
    "ia",
}
_EVERY_N_HOURS = re.compile(r"\bq(\d{1,2})h\b", re.I)
_TOKEN = re.compile(r"[a-z0-9]+")

STOPWORDS = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "me",
        "more",
        "most",
        "my",
        "myself",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "ourselves",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yours",
        "yourself",
        "yourselves",
        "s",
        "t",
        "don",
        "shall",
        "may",
        "might",
        "must",
        "also",
        "per",
        "via",
        "etc",
        "eg",
        "ie",
        "use",
        "used",
        "using",
    ]
)


@lru_cache(maxsize=1)
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("english")


def fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower()


def tokens(text: str) -> list[str]:
    """Lower-case word and number tokens with stop words removed (numbers are kept)."""
    return [t for t in _TOKEN.findall(fold(text)) if t not in STOPWORDS]


def stems(text: str) -> list[str]:
    words = tokens(text)
    return _stemmer().stemWords(words) if words else []


def expansions(text: str) -> list[str]:
    """Expansions of the clinical abbreviations found in `text` (in order, no repeats)."""
    found: dict[str, None] = {}
    for match in re.finditer(r"[A-Za-z0-9]+", text):
        word = match.group()
        lower = word.lower()
        if lower in ABBREVIATIONS and (lower not in _UPPERCASE_ONLY or word.isupper()):
            found[ABBREVIATIONS[lower]] = None
    for match in _EVERY_N_HOURS.finditer(text):
        found[f"every {match.group(1)} hours"] = None
    return list(found)


def expand_query(question: str) -> str:
    """The question with its abbreviations spelled out alongside (for the dense encoder)."""
    extra = expansions(question)
    return f"{question} ({'; '.join(extra)})" if extra else question


def lexical_stems(text: str) -> list[str]:
    """Stems for the BM25 index and queries: the text plus its abbreviation expansions."""
    extra = expansions(text)
    return stems(text + (" " + " ".join(extra) if extra else ""))


_NUMBER_WORDS = {
    word: str(value)
    for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
} | {
    "thirty": "30",
    "forty": "40",
    "fifty": "50",
    "sixty": "60",
    "ninety": "90",
    "hundred": "100",
    "twice": "2",
}
_NUMBER_WORD = re.compile(r"\b(" + "|".join(_NUMBER_WORDS) + r")\b", re.I)


def numbers(text: str) -> set[str]:
    """Numbers in a text, digits or words ("five minutes" gives "5"): precise cues in a
    question, and a tell-tale of an unsupported claim when a passage lacks them."""
    found = set(re.findall(r"\d+(?:\.\d+)?", text.replace(",", "")))
    found.update(_NUMBER_WORDS[w.lower()] for w in _NUMBER_WORD.findall(text))
    return found


# A sentence ends at . ! ? or ; followed by space and a capital, digit, quote or bullet.
# Abbreviations such as "e.g." or "Dr." are followed by lower case or a name, so most stay
# whole; a rare wrong split only costs a shorter extract.
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[A-Z0-9\"'(\[•])")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; line breaks (list items, table rows) also end one."""
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        pos = line.start()
        for match in _SENTENCE_END.finditer(line.group()):
            spans.append((pos, line.start() + match.start()))
            pos = line.start() + match.end()
        spans.append((pos, line.end()))
    return [(a, b) for a, b in spans if text[a:b].strip()]
