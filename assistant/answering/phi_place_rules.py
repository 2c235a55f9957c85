"""The rules for where a patient lives or works, for assistant/answering/phi_rules.py: a street
address in any country's order, a form's address field, a named care home or house, a town
after "lives in", a postcode and a ZIP code, where someone lives inside an institution, an
employer named with the work done there. Each rule is (kind, pattern, rank[, accept]), in
the order the table reads them: phi_rules.py splices them in place, so ties resolve as they
always did. Which matches are someone's place is assistant/answering/phi_addresses.py's to say.
"""

from __future__ import annotations

import re

from assistant.answering.phi_addresses import (
    a_home_town,
    a_listed_town,
    a_street_by_its_name,
    employer,
    listed_town_of_someone,
    named_home,
    not_a_country,
    not_a_known_place,
    outward_code,
    street_name,
    street_words,
    town_after_from,
    town_after_postcode,
    workers_employer,
)
from assistant.answering.phi_dates import value
from assistant.answering.phi_numbers import min_digits
from assistant.answering.phi_patterns import CITY, LO, STATES, STREET, STREET_ADDRESS, UK_PC, UP
from assistant.answering.phi_spoken import SPOKEN_NUMBER

# One rule per line so the table reads as a list; the formatter would spread each over 5.
# The words of a hospital's name, which is no one's home: "back to The Royal Infirmary".
_HOSPITAL_WORD = r"(?:Royal|Hospital|Infirmary|Clinic|Centre|Center|Unit|Ward|Trust|General)\b"

# fmt: off
# A place to sleep rough, to the clause's end: the place's noun, then its name or number.
_ROUGH_PLACE = (
    r"(?:(?:the|a|an)[ \t]+)?(?:[\w'’-]+[ \t]+){0,3}?(?i:alcove|arch(?:es|way)?|bridge|graveyard"
    r"|churchyard|cemetery|stairwell|garage|doorway|underpass|car[ \t]?park|park|tent|subway"
    r"|creek(?:[ \t]+bed)?|riverbed|river[ \t]+bed|bus[ \t]+shelter|shop[ \t]?front|squat|woods"
    r"|canal|towpath|viaduct|flyover)\b[^.?!;\n()]{0,60}?(?=[ \t]*(?:[.?!;,(\n]|[ \t]-[ \t]|$))"
    # ... and the town or street named after a comma: "in Clarence Park, St Albans"
    r"(?:,[ \t]+(?-i:[A-Z][\w'’]*(?:[ \t]+[A-Z][\w'’]*){0,2})"
    r"(?=[ \t]*(?:[.?!;,(\n]|[ \t]-[ \t]|$)))?"
)


def _named_place(m: re.Match[str]) -> tuple[int, int] | None:
    """The place only when a capital or a digit names it: "the stairwell of Kings Court
    flats, block C", not "a tent"."""
    start, end = m.span("v")
    words = m.string[start:end].split()[1:]
    named = any(w[:1].isupper() or any(c.isdigit() for c in w) for w in words)
    return (start, end) if named else None


_HAN = "\u4e00-\u9fff\u3040-\u30ff"
# What names a part of an address in Chinese and Japanese: road, street, number, building,
# floor, room, lane, estate, village, district, city, prefecture, block.
_HAN_ADDRESS = "路|街|道|號|号|樓|楼|室|弄|巷|邨|村|丁目|番地|区|區|市|町|県|都|单元|棟"


_HAN_HOUSE_NUMBER = re.compile(
    r"\d+-\d+|\d+(?:号|號|樓|楼|室|弄|巷|丁目|番地|单元|棟|栋|层|層|座|幢)"
)


def _with_a_number(m: re.Match[str]) -> tuple[int, int] | None:
    """A house's, a building's or a room's number among the words: "88号", "2-21-1" (not
    "301医院", a hospital's name)."""
    return m.span() if _HAN_HOUSE_NUMBER.search(m.group()) else None


PLACE_RULES = [
    ("ADDRESS", STREET_ADDRESS, 3),
    # An address in Chinese or Japanese, its numbers among its words: "建国路88号院3号楼2单元501",
    # "渋谷区渋谷2-21-1", "龍福樓1204室" (its words alone are taken as another script's).
    ("ADDRESS", rf"[{_HAN}0-9-]*(?:{_HAN_ADDRESS})[{_HAN}0-9-]*", 3, _with_a_number),
    # ... and in Korean, its road and number, building and flat: "테헤란로 152, 101동 1203호".
    # (not the particle "으로" before a number: "100mg으로 2주")
    ("ADDRESS", r"(?:[\uac00-\ud7af]+[ \t]+){0,3}[\uac00-\ud7af]+(?<!으)(?:로|길)[ \t]+\d+(?:-\d+)?"
                r"(?:,?[ \t]*\d+동)?(?:[ \t]*\d+호)?", 3),
    # A form's residence field in capitals, to its end: "RES: CHAWAMA, LUSAKA   C/O FEVER".
    ("ADDRESS", r"\b(?:RES|RESIDENCE|Residence)[ \t]*:[ \t]*(?P<v>[A-Z][^\n|\t]*?)"
                r"(?=[ \t]{2,}|[ \t]*(?:\n|\||\t|$))", 3),
    # A form's address field, to the end of its line or cell, when it holds a number: "Address:
    # H.No. 8-2-293, Road No. 12, Banjara Hills, Hyderabad 500034" (not "IP address: …").
    ("ADDRESS", r"(?i:(?<!ip )(?<!email )(?<!e-mail )\b(?:home[ \t]+)?address)[ \t]*:[ \t]*"
                r"(?P<v>[^\n|\t]*?\d[^\n|\t]*?)(?=[ \t]*(?:\n|\||\t|$)|[ \t]{3,})", 3),
    # "44 oak street", "201 East 3rd Street", "44 oak st": in any case with the street words
    # nothing else means; "27 kingsley court" when a word of the name is no English word.
    # (Not a preposition or an hour's unit for its name, nor a mode's letter after: "a 14 h
    # road trip", "150 in ST-A mode".)
    ("ADDRESS", r"\b\d{1,5}[A-Za-z]?[ \t]+(?:(?:(?!(?i:in|on|at|for|to|by|h|hrs?|mins?)\b)"
                r"[A-Za-z'’-]+|\d{1,3}(?:st|nd|rd|th))[ \t]+){1,3}"
                r"(?i:street|road|avenue|lane|boulevard|terrace|crescent|parkway|highway|st|rd|ave"
                r"|blvd|ln)\b\.?(?!-)", 3),
    # A house in a South African township's extension, the township named after it: "hse 3412
    # ext 9 Ivory Park" (not a phone's extension: no place follows one).
    ("ADDRESS", r"\b\d{1,5}[ \t]+(?i:ext|extension)\.?[ \t]+\d{1,3}(?:[ \t]+[A-Z][a-z]+){1,2}\b",
     3),
    # A numbered avenue in a city's quarter, as Calgary and Edmonton write them: "1123 17 Ave SW".
    ("ADDRESS", r"\b\d{1,5}[ \t]+\d{1,3}[ \t]+(?:Ave|Avenue|St|Street)\.?[ \t]+(?:NW|NE|SW|SE)\b",
     3),
    ("ADDRESS", r"\b\d{1,5}[A-Za-z]?[ \t]+(?:[A-Za-z'’-]+[ \t]+){1,2}(?i:court|close|way|place"
                r"|drive|gardens|grove|mews|square|row|walk|hill|park|view|rise|cl|cres|gdns|tce)\b",
     3, street_name),
    # A town, a state and a ZIP: "Dayton OH 45402", "brookline ma 02446".
    ("ADDRESS", rf"\b(?:[A-Za-z][a-z]+[ \t]+){{1,2}},?[ \t]*(?i:{STATES})[ \t]+"
                r"\d{5}(?:-\d{4})?\b", 3),
    # A town and a UK postcode in small letters after a comma: ", manchester m14 5rt".
    ("ADDRESS", r"(?<=,)[ \t]*[a-z]+(?:[ \t]+[a-z]+)?[ \t]+[a-z]{1,2}\d[a-z\d]?[ \t]?"
                r"\d[a-z]{2}\b", 3),
    # A flat's number before a comma or in brackets: "at clement court (flat 7)" (not "lie
    # flat 30 degrees").
    # ... or after "in": "Mr Hale in flat 22 has had no tablets".
    ("ADDRESS", r"(?i:\bflat)[ \t]+\d{1,4}[a-z]?(?=,|[ \t]*\))|(?<=\bin[ \t])(?i:flat)[ \t]+\d{1,4}"
                r"[a-z]?\b", 3),
    # A post office box, a rural route's box or (in southern Africa) a private bag: "P/Bag 0038".
    ("ADDRESS", r"(?i:\bP\.?[ \t]?O\.?[ \t]+box|\bRR[ \t]*\d+[ \t]+box|\bP/Bag|\bprivate[ \t]+bag)"
                r"[ \t]*\d+", 3),
    # A US grid address without its street word, the direction before the street's name: "found
    # at 6120 S Halsted" (not a dictionary's or a clinical list's word: "100 S Aureus").
    ("ADDRESS", rf"(?<![\w.,/-])(?P<v>\d{{2,5}}[ \t]+[NSEW]\.?[ \t]+(?P<w>[A-Z][a-z]{{2,}})"
                rf"(?:[ \t]+{STREET})?)", 3, a_street_by_its_name),
    # A street by its name and its street word, without a number, after "on": "lives with his
    # aunt on Saviers Rd", "the hostel on Flinders St".
    ("ADDRESS", r"(?<![\w-])on[ \t]+(?P<v>(?P<w>[A-Z][a-z]+)(?:[ \t]+[A-Z][a-z]+)?[ \t]+(?:St|Rd|Ln"
                r"|Ave|Blvd|Street|Road|Lane|Avenue|Crescent|Terrace|Close|Court|Ct|Place|Pl|Way"
                r"|Drive))\b", 3),
    # ... or by its name alone after the home it is the street of: "at home on Kedzie", "at his
    # cousin's on Kietzke" (not "home on Friday", "home on Eliquis").
    ("ADDRESS", rf"(?i:\b(?:home|house|flat|apartment|place|(?:cousin|aunt|uncle|sister|brother"
                rf"|mum|mom|friend|gran|grandma)['’]s)[ \t]+on[ \t]+)(?P<v>(?P<w>[A-Z][a-z]{{2,}})"
                rf"(?:[ \t]+{STREET})?)", 3, a_street_by_its_name),
    # The town someone was at home in: "a fall at home in Summit", "at home in arbroath" (a
    # town in small letters when no list holds the word: not "at home in bed").
    ("ADDRESS", r"(?i:\b(?:at|from)[ \t]+home[ \t]+in[ \t]+)"
                r"(?P<v>[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?|[a-z]{4,})\b", 3, a_home_town),
    # A town, an Australian state and its postcode: "Tamworth NSW 2340".
    ("ADDRESS", rf"\b(?:[{UP}][{LO}]+[ \t]+){{1,2}}(?:NSW|VIC|QLD|WA|SA|TAS|ACT|NT)[ \t]+"
                r"\d{4}\b", 3),
    # An Eircode, "D02 X285" (not a lot or a batch of that shape: "lot Y005612").
    ("ADDRESS", r"(?<![\w-])(?<!\blot )(?<!\bLOT )(?<!\bbatch )[AC-FHKNPRTV-Y]\d{2}[ \t]?"
                r"[AC-FHKNPRTV-Y\d]{4}(?![\w-])", 3, min_digits(3)),
    # A house number said aloud before its street: "forty two oak road", "one one seven
    # kingsway avenue", "flat three twelve mill lane".
    ("ADDRESS", rf"(?i:\b(?P<v>(?:(?:flat|apartment|unit)[ \t]+{SPOKEN_NUMBER}[ \t]+)?"
                rf"{SPOKEN_NUMBER}[ \t]+(?:[a-z'’-]{{3,}}[ \t]+){{1,2}}(?:road|street|drive|lane"
                r"|avenue|close|crescent|terrace|grove|court|way|place|gardens|square|boulevard"
                r"|highway|parade)))\b", 3, street_words),
    ("ADDRESS", r"(?i:\b(?:on|at|off)[ \t]+)(?P<v>(?:[a-z]{3,}[ \t]+){1,2}(?:road|street|drive|lane"
                r"|avenue|close|crescent|terrace|grove))\b", 3, street_words),
    # A child's school by its name, where a child is said to be or to learn: "A Year 11
    # student at Parkside School", "(Year 4, St Joseph's Primary)", "attends St Brigid's
    # National School" (not a medical or nursing school).
    ("ADDRESS", rf"(?i:\b(?:attends|attending|at|pupil[ \t]+at|student[ \t]+at|school[ \t]*[:=-]?"
                rf"|(?:goes|go|going|went)[ \t]+to"
                rf"|year[ \t]+\d{{1,2}},?|grade[ \t]+\d{{1,2}},?))[ \t]+"
                rf"(?P<v>(?:(?:St\.?|[{UP}][{LO}]+(?:['’]s)?)[ \t]+){{1,3}}"
                r"(?:School|Primary|Collegiate|Secondary|High(?:[ \t]+School)?|Academy|College"
                r"|Pupil[ \t]+Referral[ \t]+Unit|Pre-?[Ss]chool|Nursery|Kindergarten))\b"
                r"(?<!Medical School)(?<!Nursing School)(?<!Royal College)(?<!Medical College)"
                r"(?![ \t]+Hospital)", 3, value),  # "Dhaka Medical College Hospital"
    # A sports club or its academy side, which with a player's position names him: "Red Lion
    # FC", "Leicester Tigers academy", "Bristol City FC U23", "#23 winger" (not "American
    # Academy of Pediatrics", a province's "Victoria BC").
    ("ID", r"\b(?P<v>(?:[A-Z][\w'’&.-]*[ \t]+){1,3}(?:A?FC|RU?FC|GC|RC|HC|Academy|academy)"
           r"(?:[ \t]+U\d{2}s?)?|(?:[A-Z][\w'’&.-]*[ \t]+){1,3}U\d{2}s?)(?![\w-])(?![ \t]+of\b)",
     3, value),
    ("ID", r"(?i:(?<![\w#])\#\d{1,2}[ \t]+(?:winger|striker|forward|prop|hooker|lock|flanker"
           r"|fly-?half|out-?half|scrum-?half|centre|center|fullback|full-back|goalkeeper|keeper"
           r"|defender|midfielder|guard|point[ \t]+guard|pitcher|catcher|quarterback))\b", 3),
    # An employer by name with the work done there: "works at Pret kings cross", "employer is
    # UPS", "his employer, Scottish Water".
    ("ID", r"(?i:\b(?:employer(?:[ \t]+is)?|works?(?:[ \t]+nights)?[ \t]+(?:at|for)"
           r"|employed[ \t]+(?:at|by))[ \t]*[,:]?[ \t]*)"
           rf"(?P<v>[{UP}][\w&'’.-]*(?:[ \t]+[{UP}][\w&'’.-]*){{0,3}})", 3, employer),
    # ... or after the work or the study done there: "mineworker at Impala Platinum",
    # "freshman at Ohio State".
    ("ID", r"(?i:\b(?:freshman|sophomore|undergrad(?:uate)?|postgrad(?:uate)?|student|pupil"
           r"|[a-z]*worker|labou?rer|cleaner|cook)[ \t]+at[ \t]+)"
           rf"(?P<v>[{UP}][\w&'’.-]*(?:[ \t]+[{UP}][\w&'’.-]*){{0,3}})", 3, employer),
    # ... or after a job done there, or a team played for: "bus driver for Stagecoach",
    # "diver with Subsea 7", "head chef at The Mariner", "plays for Randwick Rugby".
    ("ID", r"(?i:\b(?:driver|chef|barman|barmaid|bartender|crane[ \t]+operator|operator"
           r"|supervisor|diver|pilot|porter|mechanic|electrician|plumber|builder|farmer"
           r"|fisherman|miner|cashier|waiter|waitress|receptionist|technician|welder|carpenter"
           r"|roofer|plasterer|scaffolder|fitter|rigger|apprentice|paramedic|firefighter|plays"
           r"|played|playing)"
           r"[ \t]+(?:at|for|with)[ \t]+(?:the[ \t]+)?)"
           # ("paramedic with East of England Ambulance Service")
           rf"(?P<v>[{UP}][\w&'’.-]*(?:[ \t]+(?:of[ \t]+)?(?:[{UP}][\w&'’.-]*|\d{{1,3}})){{0,4}})",
     3, workers_employer),
    # A home by its name where someone is said to live: "assaulting staff at The Laurels where
    # she lived".
    ("ADDRESS", rf"(?i:\b(?:at|in|from)[ \t]+)(?P<v>The[ \t]+[{UP}][{LO}]+(?:[ \t]+[{UP}][{LO}]+)?)"
                r"(?=,?[ \t]+(?i:where[ \t]+(?:s?he|they)[ \t]+(?:lives?|lived|stays?|stayed)))", 3,
     value),
    # ... or where someone goes back to: "discharged … back to The Laurels" (not a hospital).
    ("ADDRESS", r"(?i:\b(?:discharged|returned|returning|went|going|gone|sent)\b[^.?!\n]{0,25}?"
                r"[ \t]back[ \t]+to)"
                rf"[ \t]+(?P<v>The[ \t]+(?!{_HOSPITAL_WORD})[{UP}][{LO}]+"
                rf"(?:[ \t]+(?!{_HOSPITAL_WORD})[{UP}][{LO}]+)?)\b", 3, value),
    # A day centre, a nursery or a club someone goes to: "goes to Meadowbank Resource Centre".
    ("ID", r"(?i:\b(?:goes|go|going|went)[ \t]+to|\battends|\battending)[ \t]+(?:the[ \t]+)?"
           rf"(?P<v>(?:[{UP}][\w'’]*[ \t]+){{1,3}}(?:Resource|Day|Activity|Community)[ \t]+"
           rf"(?:Centre|Center|Services?)|(?:[{UP}][\w'’]*[ \t]+){{1,3}}(?:Nursery|Kindergarten"
           r"|Preschool|Pre-school|Playgroup|Creche|Crèche))\b", 3, value),
    # A named care home is where its residents live, with the room in it: "Fernlea Nursing
    # Home room 22", "Rm 14, Rosebank Rest Home", "rm 7 Meadowbank Nursing Home".
    ("ADDRESS", rf"(?:\b(?i:room|rm)\.?[ \t]*\d{{1,4}}[A-Za-z]?,?[ \t]+)?"
                rf"\b(?:[{UP}][{LO}]+[ \t]+){{1,2}}(?:(?:Care|Nursing|Rest|Residential)[ \t]+Home"
                r"|SNF|Lifecare"  # a US skilled nursing facility: "from Riverside SNF"
                # ... and assisted living, "Shady Pines ALF", "Heritage Manor Nursing & Rehab",
                # "Meadowbrook Care Center" (an urgent or primary care centre is a clinic)
                r"|ALF|(?:Assisted|Senior)[ \t]+Living|Nursing[ \t]+(?:&|and)[ \t]+Rehab\w*"
                r"|(?<!Urgent )(?<!Primary )Care[ \t]+Cent(?:er|re)|Nursing[ \t]+Cent(?:er|re))"
                r"(?:,?[ \t]*\(?(?i:room|rm)\.?[ \t]*\d{1,4}[A-Za-z]?\b\)?)?", 3),
    # ... typed small after where someone is: "in clarendon care home" ("in a care home", "for
    # care home staff" name none).
    # ... or its name capitalised and "care home" not: "at Oak Lodge care home".
    ("ADDRESS", r"(?i:\b(?:in|at|from|to|lives)[ \t]+)"
                r"(?P<v>[A-Za-z][a-z]+(?:[ \t]+[A-Za-z][a-z]+)?[ \t]+"
                r"(?:care|nursing|rest|residential)[ \t]+home)\b", 3, named_home),
    # A house known by its name, its number before it when there: "The Old Vicarage", "2 Mill
    # Cottages", "Trevose Farm", "Rosewood Lodge" (no clean question names one so).
    ("ADDRESS", rf"(?:\b\d{{1,4}}[A-Za-z]?[ \t]+)?\b(?:The[ \t]+Old[ \t]+[{UP}][{LO}]+"
                rf"|(?:[{UP}][{LO}]+[ \t]+){{1,2}}(?:Cottages?|Farm|Farmhouse|Vicarage|Rectory"
                r"|Bungalow|Barn|Lodge))\b", 3),
    # A rural road by its number, as US counties name them: "Township Rd 362", "County Road 12".
    ("ADDRESS", r"\b(?:Township|County|Cty|Farm[ \t-]to[ \t-]Market|Rural)[ \t]+"
                r"(?:Rd|Road|Hwy|Highway|Route|Rte)\.?[ \t]+\d{1,4}[A-Z]?\b", 3),
    # A street named without a number: "Admiralty Way", "Oak Street".
    ("ADDRESS", rf"\b(?:[{UP}][{LO}]+[ \t]+){{1,2}}(?:Street|Road|Avenue|Lane|Way|Drive|Close"
                r"|Crescent|Terrace|Boulevard|Gardens|Grove|Mews)\b", 3, not_a_known_place),
    # A street of Germany, the Low Countries or the Nordic countries, one word ending in its
    # street's word, and its number: "Storgatan 12 B, lgh 1102", "Egevangen 7" (-vangen: a
    # field's), "Mannerheimintie 12 B 34", "Laugavegi 44", "Hauptstraße 12".
    ("ADDRESS", rf"\b[{UP}][{LO}]+(?<=[{LO}]{{2}})(?:straße|strasse|gasse|allee|platz"
                r"|weg|straat|laan|gracht|plein|singel|gatan|gata|vägen|väg|veien|vegen|vei|veg"
                r"|gade|vej|vejen|vangen|tie|katu|kuja|polku|vegur|vegi|stræti|braut|gränd|torget"
                r"|plass|plads)[ \t]+\d{1,4}(?![\d/]|[.,]\d|[ \t]*(?:mg|ml|kg|g\b|%))"
                r"(?:[ \t]?[A-Za-z](?!\w))?(?:[ \t]+\d{1,3}(?![\w/]|[.,]\d))?"
                r"(?:,?[ \t]+(?i:lgh|leil|th|tv)\.?[ \t]*\d{0,4}\b)?"
                # ... and the postcode and town after it: ", 101 Reykjavík", ", 852 31 Sundsvall"
                rf"(?:,[ \t]*\d{{3,5}}(?:[ \t]\d{{2}})?[ \t]+[{UP}][{LO}]+)?", 3),
    # Other countries' order, street word first: "Calle de Alcalá 42", "ul. Marszałkowska 84/92".
    # (A street named by its number, "rua 7 casa nº 112", "Rue 45 N° 12", but no "via" without
    # a name: English's "via 2222"; no house number after English's words or an extension:
    # "report via MedWatch on 1-800-FDA-1088", "via switchboard ext. 4412"; not a dose: "via
    # peripheral cannula 16mcg/ml".)
    ("ADDRESS", r"(?i:\b(?:calle|carrer|avenida|avda|rua|rue|via(?=[ \t]+[^\W\d_])|viale|piazza"
                r"|ulica|strada|ul|al)\b\.?)[ \t]+(?:(?!(?i:on|at|by|to|the|an|through|and|or|ext"
                r"|extension|bleep|switchboard|ward|clerk|reception|pager|phone|email)\b)[^\W\d_]+\.?"
                r"[ \t]+){0,3}\d{1,5}"
                r"(?!\d|[.,]\d|[ \t]*(?:mcg|mg|ml|g\b|units?|mmol|%|/\d{2,}))[A-Za-z]?(?:/\d{1,4})?"
                r"(?:,?[ \t]+(?:m\.|apt\.?|piso|izq|dcha|\d{1,3}º)[ \t]*\d{0,3}\w*)*", 3),
    # A postcode before its town: "28014 Madrid", "00-514 Warszawa", "130 00 Praha", "LT-03150
    # Vilnius", after a street's comma "0555 Oslo" (not "2023 Guideline").
    ("ADDRESS", rf"(?<![\w/.-])(?:\d{{2}}-\d{{3}}|\d{{5}}|\d{{3}}[ \t]\d{{2}}|LT-\d{{5}}"
                rf"|(?:(?<=\d,[ \t])|(?<=\d[A-Za-z],[ \t]))\d{{4}})"
                rf"[ \t]+[{UP}][{LO}]{{2,}}"
                rf"(?:[ \t]+[{UP}][{LO}]{{2,}})?\b", 3, town_after_postcode),
    # An address on a grid of numbered roads, as rural Utah and Idaho write one: "2210 W 900 N".
    ("ADDRESS", r"(?<![\w/.-])\d{1,5}[ \t]+[NSEW][ \t]+\d{2,5}[ \t]+[NSEW](?![\w/-])", 3),
    # The number first, then the street word: "221 rue Saint-Denis", "15 avenue des Pins" (not
    # a time: "over 24h via PEG"; nor a dose and its route or its times a day: "750 bd IV", "500
    # via NG"; "1601 Avenue J" is a street).
    ("ADDRESS", rf"\b\d{{1,5}}(?:[A-Z]|bis|ter)?,?[ \t]+(?i:rue|avenue|boulevard|bd|chemin|route"
                rf"|allée|impasse|quai|calle|avenida|rua|via|corso)[ \t]+"
                rf"(?:(?:de|du|des|la|le|l['’]|del|da|do|dos)[ \t]*)*"
                rf"(?!(?:IV|PO|NG|NJ|PEG|SC|SQ|IM|PR|SL|OD|BD|TDS|QDS|BID|TID|PRN)\b)"
                rf"[{UP}][\w'’-]*(?:[ \t]+[{UP}][\w'’-]*){{0,2}}", 3),
    # A Canadian postcode, its province before it when there: "Montréal QC H2X 3K8".
    ("ADDRESS", rf"(?:\b[{UP}][{LO}]+[ \t]+(?:QC|ON|BC|AB|MB|NS|NB|NL|PE|SK|YT|NT|NU)[ \t]+)?"
                # (an obstetric formula, "G3P2L2"; a coma score's parts, "E2V3M5")
                r"(?<![\w-])(?!G\d{1,2}P\d{1,2}[LA]\d|E[1-4]V[1-5]M[1-6])"
                r"[A-Z]\d[A-Z][ \t]?\d[A-Z]\d(?![\w-])", 3),
    # A town and its province, as Canadians write it: "from Corner Brook, NL".
    ("ADDRESS", rf"\b(?!(?:Yes|No|Ok|Okay|Please|Thanks|Hi|Hello)\b){CITY},[ \t]*"
                r"(?:QC|ON|BC|AB|MB|NS|NB|NL|PE|PEI|SK|YT|NT|NU)\b(?![ \t]+[a-z])", 3),
    ("ADDRESS", r"\b(?:Apartment|Apt|Flat|Plot|Suite|apartment|apt)\b\.?[ \t]*#?[ \t]*"
                r"\d{1,4}[A-Za-z]?\b", 3),
    ("ADDRESS", r"(?i:\b(?:lives?|living|resides?|residing|area)\b[ \t]+(?:in[ \t]+)?)"
                r"(?P<v>\d{4,5}(?:-\d{4})?)\b(?![ \t]+\d)", 3),  # four digits: Australia, Europe
    # The town a patient lives in is an address's part (Safe Harbor), whether or not the
    # lists know it as a place: "lives alone in Leeds", "resident of Croydon". (A town
    # travelled from is history, not an address: "returned from Lagos".)
    ("ADDRESS", r"(?i:\b(?:(?:lives?|living|resides?|residing)(?:[ \t]+(?:alone|independently"
                r"|out|with[ \t]+(?:us|me|them|her|him|family"
                r"|[a-z]+[ \t]+(?:son|daughter|family))))?"
                r"[ \t]+(?:in|at|near)|resident[ \t]+of|home[ \t]+is[ \t]+in|based[ \t]+in"
                r"|address[ \t]+is[ \t]+in"  # "says his address is in Leeds"
                # "flying home to Galway on the 3rd", "slides to take home to Harare"
                r"|(?:flying|flies|going|goes|travell?ing|returning|heading|driving"
                r"|discharged?|discharging|take|takes|taking|took)[ \t]+"
                r"(?:back[ \t]+)?home[ \t]+to"
                # "lives Tower Hamlets", "she moved to Brisbane 4000 last year" (not "Saving
                # Babies' Lives Care Bundle", nor a unit that "moved to Llandough")
                r"|(?:(?-i:lives)|(?<![\w'’][ \t])(?-i:Lives))(?=[ \t]+(?-i:[A-Z]))"
                r"|(?:(?:(?<=[-–][ \t])|\b(?:he|she|they|we|i|family|pt|patient|who|has|have|just"
                r"|recently)\b[^.?!,\n]{0,12}?)(?:moved|relocated)[ \t]+to)"
                # "stolen from his house in Croydon"
                r"|(?:his|her|their|my|the[ \t]+patient['’]s)[ \t]+(?:house|home|flat)[ \t]+in)"
                r"[ \t]+)"
                rf"(?P<v>{CITY})(?![ \t]*(?i:{STREET}))", 3, not_a_country),
    # ... and in the Nordic languages: "bor i Stavanger", "asuu Salossa", "býr í Hafnarfirði",
    # "kaatunut kotona Lahdessa" (fell at home in Lahti).
    ("ADDRESS", r"(?i:\b(?:bor|bodde|bosatt|asuu|asui|býr|bjó|kotona|hemma[ \t]+i|hjemme[ \t]+i)"
                r"[ \t]+(?:(?:i|på|á|í)[ \t]+)?)"
                rf"(?P<v>{CITY})(?![ \t]*(?i:{STREET}))", 3),
    # The town a relative or the patient is in, after who they are: "his wife Ngozi in Lagos",
    # "daughter calling from Seville", "nok in manila", "visiting from Osaka", "i live in
    # dundee" (a country is no identifier: "family from Nigeria").
    ("ADDRESS", r"(?i:\b(?:wife|husband|partner|son|daughter|mother|father|mum|mom|dad|sister"
                r"|brother|family|nok|next[ \t]+of[ \t]+kin|parents?|relatives?|fianc[ée]e?"
                r"|girlfriend|boyfriend)\b[^.?!;\n]{0,40}?\b(?:in|from)|visiting[ \t]+from"
                r"|home[ \t]+in|i[ \t]+live[ \t]+in|lives?[ \t]+in)[ \t]+"
                r"(?P<v>[A-Za-z][a-z]+(?:[ \t][A-Za-z][a-z]+)?)\b", 3, a_listed_town),
    ("ADDRESS", r"(?i:\bfrom[ \t]+)(?P<v>[A-Za-z][a-z]+(?:[ \t][A-Za-z][a-z]+)?)\b", 3,
     listed_town_of_someone),
    # Where a person sleeps rough, which places him as an address does: "sleeps in the alcove
    # behind the Carnegie Centre on Hastings", "found under the railway arches at Arch 7,
    # Corporation St" (a named or numbered place; "sleeping in a tent" names none).
    ("ADDRESS", rf"(?i:\b(?:sleeps|sleeping|slept|sleeping[ \t]+rough|dossing|bedding[ \t]+down"
                r"|camped|camping|living|lives|found|staying|bedded[ \t]+down)[ \t]+)"
                rf"(?P<v>(?i:in|under|at|behind|by|near|outside|beside|on)[ \t]+{_ROUGH_PLACE})",
     3, _named_place),
    ("ADDRESS", rf"(?<![\w-]){UK_PC}", 3),
    # ... or after a town and its state without a comma: "Española NM 87532".
    ("ADDRESS", rf"\b{CITY}[ \t]+(?:{STATES})[ \t]+(?P<v>\d{{5}}(?:-\d{{4}})?)(?![\w-])", 3),
    # A ZIP code after a state, the rest of the address before it: "Dayton, OH 45419".
    ("ADDRESS", rf",[ \t]*(?:{STATES})[ \t]+(?P<v>\d{{5}}(?:-\d{{4}})?)(?![\w-])", 3),
    # ... and the town before its state and ZIP code, whatever the lists make of its words: "New
    # Orleans, LA 70115".
    ("ADDRESS", rf"\b(?P<v>{CITY}),[ \t]*(?:{STATES})[ \t]+\d{{5}}(?:-\d{{4}})?(?![\w-])", 3),
    ("ADDRESS", r"(?i:\bzip(?:[ \t]*code)?|\bpost[ \t]*code)(?:[ \t]+(?i:is|was))?[ \t]*:?[ \t]*"
                r"(?P<v>\d{4,5}(?:-\d{4})?)\b", 3),  # four digits: Australia, Europe
    ("ADDRESS", r"(?<=\bSingapore[ \t])(?P<v>\d{6})\b", 3),
    # A UK postcode's first half alone after a town or a street: "Todmorden OL14 -".
    ("ADDRESS", r"\b(?P<w>[A-Z][a-z]{1,})[ \t]+(?P<v>[A-Z]{1,2}\d{1,2}[A-Z]?)"
                r"(?=[ \t]*(?:[-–—/,.;)]|$)|[ \t]+[a-z])", 3, outward_code),
    # A town in small letters that a patient is from: "58 from ealing", "79 ex-truckie from
    # broken hill w asbestos" (one or two words, then a break or a small word).
    ("ADDRESS", r"(?<=[a-z0-9][ \t]from[ \t])(?P<v>[a-z]{4,}(?:[ \t][a-z]{4,})?)"
                r"(?=[ \t]*(?:[-–—,.;:?!)]|$)|[ \t]+(?:w|with|and|for|re|in|wants|asking|flown)\b)",
     3, town_after_from),
    # A ZIP+4 alone: nothing else is written five digits, a dash and four ("53216-1830").
    ("ADDRESS", r"(?<![\w-])\d{5}-\d{4}(?![\w-])", 3),  # "…Ave 10, Singapore 560412"
]
# fmt: on
