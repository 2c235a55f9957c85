"""The building blocks of the identifier rules (assistant/answering/phi_rules.py and
phi_place_rules.py): the letters a name is written in, a UK postcode, a US ZIP code, a
street's word, a US state, a town's name and a street address with its town and postcode."""

from __future__ import annotations

from assistant.answering import phi_titles

# What stands for an age over 89, which HIPAA removes (every such age shares it).
AGE_PLACEHOLDER = "[AGE-90+]"
# "Years" after an age in Arabic, Persian, Urdu, Hindi, Bengali and Tamil, and in Arabic and
# Turkish typed in Latin letters: "92 عام", "93 वर्ष", "93 sana".
AGE_UNITS = "sana|sene|saleh|sāleh|سنة|سنه|سنين|عام|سال|ساله|वर्ष|साल|বছর|வயது"  # ("96 saleh")
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
    # (a direction before the street's name, "2915 N. Kedzie Ave", and a unit after, "#1R")
    rf"\d{{1,5}}[A-Z]?[ \t]+(?:[NSEW]\.[ \t]*)?(?:[A-Z][A-Za-z'’-]+[ \t]+){{1,3}}{STREET}"
    r"(?:[ \t]+(?:NW|NE|SW|SE|N|S|E|W)\b)?(?:\.?,?[ \t]+(?:#|(?:Apt|Unit|Ste|Suite)\b\.?)[ \t]*"
    r"\d{1,5}[A-Z]?\b)?"
    # A city only when a postcode or punctuation follows, so "12 Oak Rd, Insulin dose?" does
    # not swallow the clinical word after the comma.
    rf"(?:,[ \t]*{CITY}(?=[ \t]*(?:[,.;]|$)|,?[ \t]+{POSTAL})){{0,2}}"
    # a town and its four-digit postcode (Australia, New Zealand, South Africa): "Otara,
    # Auckland 2023"
    rf"(?:,?[ \t]*{POSTAL}|,[ \t]*{CITY}[ \t]+\d{{4}}\b)?"
)
# A clinic list's booked time, 24-hour, the colon optional: "0930", "09:30".
BOOKED_TIME = r"(?:[01]\d|2[0-3]):?[0-5]\d"
# A bed, a bay or a room and its number ("bed 4", "side room 2", "rm12").
# (and in French, Spanish, Portuguese, Italian and German: "Thérèse, chambre 1204")
A_BED = (
    r"(?i:bed|bay|rm|room|cubicle|side[ \t]?room|chambre|lit|cama|habitaci[oó]n|quarto|leito"
    r"|stanza|letto|zimmer)[ \t]*\d"
)

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

# What stands before a name: a title, the word for a patient in several languages, a naming
# word ("named", "goes by"), a rank, a relative's word (assistant/answering/phi_rules.py).
NAME_CUE = (
    r"(?:(?i:\bpt\b\.?:?|\b(?:patient|paciente|paziente|patiente|patientin|patiënt|pasient"
    r"|pacjent(?:ka)?|pacient(?:ul|a)?)\b[,:]?)(?:[ \t]+(?i:called|named))?[ \t]+"
    r"|\b(?:Mrs|Mr|Ms|Miss|Mx|Dr|Prof)\b\.?[ \t]+|(?i:\bname)[ \t]*[:\-–][ \t]*"
    rf"|\b{RANK}\b\.?[ \t]+"
    # "a visiting carer named Steve", "a friend called Jo" ("I called Pharmacy" phoned)
    r"|\bnamed[ \t]+|(?i:\b(?:someone|somebody|person|man|woman|guy|girl|boy|lady|friend"
    r"|partner|carer|worker|child|baby))[ \t]+called[ \t]+"
    # titles and naming words of other languages (and their patients, above: "paziente
    # Caputo"): "Sra. Delgado", "Herr Becker", "Mme Leroy", "se llama Arturo Peña", "si Jomar"
    rf"|\b(?:{phi_titles.CUE_CAPITALISED})\b\.?[ \t]+"
    # a registration's "first (last) name unknown" before the name it has: "FNU ZARGHONA"
    r"|\b(?:FNU|LNU)[ \t]+"
    # ... of Central Europe, the Balkans, Romania and Greece: "pana Zająca", "Doamna Floarea"
    rf"|(?i:\b(?:{phi_titles.alternation(phi_titles.UNMISTAKABLE)})\b)\.?[ \t]+"
    # honorifics of West Africa, South Asia and the churches: "Alhaji Musa Bello", "Sardar
    # Gurpreet Singh", "Pastor Adeyemi", "Revd Okafor"
    r"|\b(?:Alhaji|Alhaja|Mallam|Sardar|Sri|Pastor|Revd?|Madam)\b\.?[ \t]+"
    r"|(?i:\bse[ \t]+llama|\bllamad[oa]|\bs['’]appelle|\bse[ \t]+chama|\bchamad[oa]"
    r"|\bheißt|\bsi[ \t]+chiama|\bnazywa[ \t]+się|\bheter|\bhedder|\bheiter|\bheitir"
    r"|\bnimeltään)[ \t]+|\b(?:si|ni)[ \t]+"
    # a form's label for the person it is about: "Client: Peter Lau", "Resident - …"
    r"|(?i:\b(?:client|resident|service[ \t]+user|consumer))[ \t]*[:\-–][ \t]*"
    # what someone is called: "(goes by Rosie)", "known as Bee"
    # ("known on the landing as Tiny", "known to staff as Gaz")
    r"|(?i:\bgoes[ \t]+by|\bknown(?:[ \t]+(?:on|in|to|at|around)[ \t]+(?:the[ \t]+)?[a-z]+)?"
    r"[ \t]+as|\b(?:prefers|likes)[ \t]+to[ \t]+be[ \t]+called)[ \t]+"
    # ... and what others call him: "calls himself Jock", "(we call him Pops)", "nicknamed Tiny"
    r"|(?i:\bcalls[ \t]+(?:himself|herself|themselves|themself)|\b(?:we|they|staff|everyone"
    r"|people)[ \t]+calls?[ \t]+(?:him|her|them)|\bnicknamed|\bnickname(?:[ \t]+is)?)[ \t]+"
    r"['\"‘“]?"
    # ... and the name he gives, in quotes: "says he's 'Lucky' from the shelter"
    r"|(?i:\b(?:says|said|claims|claimed)[ \t]+(?:he|she)(?:['’]s|[ \t]+(?:is|was)))[ \t]+['\"‘“]"
    # an elder or a relative by the name the family uses: "Uncle Ray", "Aunty Dot"
    r"|\b(?:Uncle|Auntie|Aunty|Aunt|Nana|Nanna|Granny|Grandma|Grandpa|Grandad|Cousin)[ \t]+"
    r"|(?i:\b(?:patient|pt)(?:['’]s)?[ \t]+name(?:[ \t]+is)?)[ \t]*[:\-–]?[ \t]*"
    # "surname is actually Nurse", "maiden name Okafor"
    r"|(?i:\b(?:sur|fore|first|last|given|family|maiden|middle)[ \t]?name(?:[ \t]+(?:is|was))?"
    r"(?:[ \t]+(?:actually|really|now))?)[ \t]*[:\-–]?[ \t]*)"
)
