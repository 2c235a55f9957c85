"""The building blocks of the identifier rules (assistant/answering/phi_rules.py and
phi_place_rules.py): the letters a name is written in, a UK postcode, a US ZIP code, a
street's word, a US state, a town's name and a street address with its town and postcode."""

from __future__ import annotations

# What stands for an age over 89, which HIPAA removes (every such age shares it).
AGE_PLACEHOLDER = "[AGE-90+]"
# Latin-1 letters too, so "José Álvarez" is a name, and Māori's macron vowels ("Whangārei")
UP, LO = "A-ZÀ-ÖØ-ÞĀĒĪŌŪ", "a-zß-öø-ÿāēīōū"
UK_PC = r"[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2}\b"
POSTAL = rf"(?:[A-Z]{{2}}[ \t]+)?(?:\d{{5}}(?:-\d{{4}})?\b|{UK_PC})"
STREET = (
    r"(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Boulevard|Blvd|Court|Ct|Close|Way"
    r"|Place|Pl|Crescent|Cres|Terrace|Gardens|Square|Sq|Parkway|Pkwy|Highway|Hwy|Mews|Grove"
    r"|Parade|Pde|Esplanade|Walk|Row|Loop|Trail|Circle|Cir)\b"
)
STATES = (
    "AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH"
    "|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY"
)
CITY = rf"[{UP}][{LO}]+(?:[ \t][{UP}][{LO}]+){{0,2}}"
STREET_ADDRESS = (
    # (a year after "the" is none: "after the 2021 Supreme Court ruling")
    # (nor a number closing a name: "SARS-CoV-2 PCR Ct 34", "IL-6")
    r"\b(?<![A-Za-z]-)(?:(?<!the )(?<!The )(?=(?:19|20)\d\d\b)|(?!(?:19|20)\d\d\b))"
    rf"\d{{1,5}}[A-Z]?[ \t]+(?:[A-Z][A-Za-z'’-]+[ \t]+){{1,3}}{STREET}"
    r"(?:[ \t]+(?:NW|NE|SW|SE|N|S|E|W)\b)?"
    # A city only when a postcode or punctuation follows, so "12 Oak Rd, Insulin dose?" does
    # not swallow the clinical word after the comma.
    rf"(?:,[ \t]*{CITY}(?=[ \t]*(?:[,.;]|$)|,?[ \t]+{POSTAL})){{0,2}}"
    # a town and its four-digit postcode (Australia, New Zealand, South Africa): "Otara,
    # Auckland 2023"
    rf"(?:,?[ \t]*{POSTAL}|,[ \t]*{CITY}[ \t]+\d{{4}}\b)?"
)
# A clinic list's booked time, 24-hour, the colon optional: "0930", "09:30".
BOOKED_TIME = r"(?:[01]\d|2[0-3]):?[0-5]\d"

# A service rank written before a name, as a sick parade's or a unit's list writes it ("Pte
# BROWN K", "LCpl Harris", "Flt Lt Price"); not "Lt" alone (left), "Gen" (general surgery),
# "PO" (by mouth), "AB" (a blood group), "LAC" (a laceration), "TPR" (temperature, pulse and
# respiration), "SPC" (a suprapubic catheter) or "Kgn" (Kingston).
RANK = (
    r"(?:Pte|PTE|Pvt|PVT|PFC|Cpl|CPL|L/?Cpl|LCPL|L/CPL|Sgt|SGT|S/?Sgt|C/?Sgt|Bdr|LBdr|WO[12]"
    r"|Lt[ \t]+Col|Lt[ \t]+Cdr|Capt|CAPT|Cpt|Maj|MAJ|Col|COL|Brig|Gnr|GNR|Spr|SPR|Tpr|Rfn|RFN"
    r"|Mne|MNE|Fus|FUS|Gdsm|GDSM|Cfn|CFN|Flt[ \t]+Lt|Sqn[ \t]+Ldr|Wg[ \t]+Cdr|Cdr|SSG|SFC|SGM"
    r"|RSM)"
)
