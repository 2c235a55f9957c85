"""Which words of a question name a medicine: a brand, a short name clinicians type, a
generic name by the stem it is built on (USAN/INN: "-xaban", "-codone", "-mab"), or one of
the older generics no stem gives away ("methadone", "warfarin", "insulin").

The refusal rule (assistant/answering/refusal_rule.py) reads them: a question about
meperidine answered from passages that speak only of morphine and oxycodone answers
another question.
"""

from __future__ import annotations

import re

from knowledge.clinical_vocabulary import SHORT_NAMES
from knowledge.proper_terms import BRANDS

# Endings of generic drug names and microbes (USAN/INN stems and the like), the shortest
# of each kind: "vir" covers navir and ciclovir, "azole" prazole and onazole.
DRUG_STEM = re.compile(
    r"(?:afil|alol|amine|aminophen|apine|arone|asone|azepine|azine|azodone|azole|azosin"
    r"|bacillus|bactam|bacter|barbital|caine|ciclib|cillin|cocci|coccus|codone|coxib"
    r"|cycline|dase|dipine|dronate|estradiol|etam|etine|farin|fenac|flurane|formin|fungin"
    r"|gabalin|gatran|gestrel|gliflozin|glinide|gliptin|glitazone|glutide|italopram|kinase"
    r"|lisib|lukast|mab|mectin|micin|monas|morphone|myces|mycin|nib|ocort|oides|olol|olone"
    r"|onide|orphine|oxacin|parib|parin|parinux|penem|pentin|phylline|plasma|platin|pril"
    r"|profen|prost|quine|ridone|rubicin|sartan|semide|setron|statin|tadine|taxel|teplase"
    r"|terol|terone|thiazide|tidine|traline|trexate|triptan|triptyline|tropium|uride"
    r"|vancin|vir|virus|xaban|zepam|zolam|zolid|zomib|antoin)$"
)
# Generics whose names carry no stem, among those hospital questions name most.
OLDER_GENERICS = frozenset(
    """
    methadone meperidine pethidine tramadol tapentadol codeine naloxone naltrexone fentanyl
    heroin warfarin insulin metformin aspirin paracetamol acetaminophen ibuprofen naproxen
    heparin enoxaparin lidocaine lignocaine capsaicin digoxin amiodarone lithium clozapine
    glyburide glibenclamide glipizide gliclazide oseltamivir nicotine varenicline bupropion
    gabapentin pregabalin duloxetine amitriptyline clonidine ketamine midazolam diazepam
    lorazepam alprazolam clonazepam haloperidol quetiapine olanzapine prednisone prednisolone
    dexamethasone hydrocortisone levothyroxine furosemide allopurinol colchicine methotrexate
    dantrolene gadolinium iodixanol iohexol ferumoxytol botox leqembi daikenchuto
    """.split()
)
_WORD = re.compile(r"[A-Za-z][A-Za-z-]{3,}")
_NOT_DRUGS = frozenset(
    # words the stems catch that name no medicine a question could be answered about
    "examine determine amine plasma virus coccus bacter cocci famine".split()
    # and a device's brand the brand list holds: "venflon" is a cannula
    + "venflon venflons".split()
)


def drugs_named(text: str) -> list[str]:
    """The medicines the text names, in small letters, in order, each once."""
    found: dict[str, None] = {}
    for match in _WORD.finditer(text):
        word = match.group().casefold()
        if word in _NOT_DRUGS or len(word) < 5:
            continue
        if a_generic(word) or word in BRANDS or any(map(a_generic, other_names(word))):
            found[word] = None
    return list(found)


def a_generic(word: str) -> bool:
    """A generic drug's name, in small letters: an older one by name, any other by its stem."""
    return word in OLDER_GENERICS or (word not in _NOT_DRUGS and bool(DRUG_STEM.search(word)))


def other_names(drug: str) -> list[str]:
    """What the documents may call it instead: a short or brand name's generic ("oxy":
    "oxycodone"), words of five letters or more."""
    expansion = SHORT_NAMES.get(drug, "")
    return [w for w in re.split(r"[;\s]+", expansion.casefold()) if len(w) >= 5]
