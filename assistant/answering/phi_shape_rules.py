"""Rules for identifiers that their shape or a service's own label gives away, for
assistant/answering/phi_rules.py: a blood donation's number, an Italian tax code, a DNA
profile, an aircraft's registration, a body's tag before it is named, a satellite phone; a
ship a patient works on and the cabin he sleeps in; the numbers seafarers, expeditions,
retrieval services and laboratories give one person; a Singapore flat. Each rule is (kind,
pattern, rank[, accept]), as in phi_number_rules.py.
"""

from __future__ import annotations

import re

from assistant.answering.phi_addresses import employer
from assistant.answering.phi_dates import persons_date_only, value
from assistant.answering.phi_lexicon import unlisted
from assistant.answering.phi_names import Span
from assistant.answering.phi_number_rules import NO, RECORD, SEP
from assistant.answering.phi_numbers import a_reference

# What a ship's name is made of: capitalised words or words in capitals, at most four.
_SHIP_WORD = r"(?:[A-Z][a-z'’]+|[A-Z]{2,}|[A-Z]\d+)"
_SHIP_NAME = rf"{_SHIP_WORD}(?:[ \t]+{_SHIP_WORD}){{0,3}}"
# Words after a ship's kind that name a role or a place on board, not the ship.
_ON_BOARD = frozenset(
    "medical medic doctor master captain chief officer crew hospital clinic centre center "
    "deck bridge galley engine cabin ward sickbay".split()
)


def a_ships_name(m: re.Match[str]) -> Span | None:
    """The name after a ship's kind ("the reefer Polar Sunrise", "jackup 'Gannet Venture'"):
    quoted, or two capitalised words or more that no role or place on board begins."""
    start, end = m.span("v")
    words = m.string[start:end].strip("'‘’\"“”").split()
    quoted = m.string[start] in "'‘\"“"
    if not quoted and (len(words) < 2 or words[0].casefold() in _ON_BOARD):
        return None
    return start, end


# A device's serial: capitals and digits, three digits together among them; the side it is
# worn on before it.
_SERIAL = r"(?-i:(?=[A-Z0-9]*[A-Z])(?=[A-Z0-9]*\d{3})[A-Z0-9]{6,})"
_SIDE = r"(?:L|R|left|right)"


# A vehicle identification number's letters as its check digit counts them (no I, O or Q).
_VIN_VALUES = dict(
    zip(
        "ABCDEFGHJKLMNPRSTUVWXYZ",
        (1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3, 4, 5, 6, 7, 8, 9),
        strict=True,
    )
)
_VIN_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)


def a_vin(m: re.Match[str]) -> Span | None:
    """A North American vehicle identification number: its ninth character checks the rest
    (weights and letter values as 49 CFR 565 sets them), so a random code rarely passes."""
    vin = m.group()
    total = sum(
        (int(c) if c.isdigit() else _VIN_VALUES[c]) * w
        for c, w in zip(vin, _VIN_WEIGHTS, strict=True)
    )
    check = "X" if total % 11 == 10 else str(total % 11)
    return m.span() if vin[8] == check else None


# One rule per line so the table reads as a list; the formatter would spread each over 5.
def _a_birth_date_first(m: re.Match[str]) -> Span | None:
    """Its first six digits are a day, a month and a year (DDMMYY), or a year, a month and a
    day (YYMMDD, Sweden's)."""
    digits = re.match(r"(?:19|20)?(\d{6})[-+A]", m.group()).group(1)  # (past a century)
    day, month, year_last = int(digits[:2]), int(digits[2:4]), int(digits[4:])
    if 1 <= day <= 31 and 1 <= month <= 12:
        return m.span()
    return m.span() if 1 <= month <= 12 and 1 <= year_last <= 31 else None


def no_word(m: re.Match[str]) -> Span | None:
    """A user name, no word the English, clinical or abbreviation lists hold ("someone on
    Grindr")."""
    return value(m) if unlisted(m.group("v").casefold()) else None


# Dating and social apps a user name is given on.
_APPS = (
    r"(?i:grindr|scruff|hornet|tinder|bumble|hinge|jack['’]?d|feeld|okcupid|romeo|planetromeo"
    r"|instagram|insta|tiktok|snapchat|snap|facebook|twitter|threads|telegram|discord|reddit"
    r"|kakaotalk|kakao|wechat|viber)"
)
# fmt: off
SHAPE_RULES = [
    # A vehicle identification number, wherever it stands: "VIN on the police report
    # 1HGCM82633A004352" (seventeen letters and digits, digits and letters both, checked).
    ("ID", r"(?<![\w-])(?=[A-HJ-NPR-Z0-9]*[A-Z])(?=(?:[A-Z]*\d){5})[A-HJ-NPR-Z0-9]{17}(?![\w-])",
     1, a_vin),
    # A blood donation's number as the UK prints it, letter and three digits then three
    # groups of three, its check character after: "G091 522 114 563 K".
    ("ID", r"(?<![\w-])[A-Z]\d{3}(?:[ \t]\d{3}){3}(?:[ \t][A-Z0-9])?(?![\w-])", 1),
    # An Italian tax code (codice fiscale): six letters, the year, the month's letter, the
    # day, the place's letter and three digits, a check letter: "LBNGPP70A01F839X".
    ("SSN", r"(?<![\w-])[A-Z]{6}\d{2}[A-EHLMPR-T]\d{2}[A-Z]\d{3}[A-Z](?![\w-])", 0),
    # A DNA profile, two loci or more with their alleles: "D3S1358 15/17, vWA 16/18".
    ("ID", r"(?<![\w-])(?:(?:D\d{1,2}S\d{2,4}|vWA|VWA|FGA|TH01|TPOX|CSF1PO|Penta[ \t]?[DE]"
           r"|AMEL)[ \t]*:?[ \t]*\d{1,2}(?:\.\d)?(?:[ \t]*[/,][ \t]*\d{1,2}(?:\.\d)?)?"
           r"[ \t]*[,;]?[ \t]*){2,}(?<![ \t,;])", 1),
    # An aircraft's registration in a retrieval log: Australia's, New Zealand's, Ireland's,
    # Canada's ("VH-FVX", "ZK-HLN", "C-GMDX").
    ("ID", r"(?<![\w-])(?:VH|ZK|EI)-[A-Z]{3}(?![\w-])|(?<![\w-])C-[FG][A-Z]{3}(?![\w-])", 1),
    # A body or a patient before a name is known, by the tag it is given: "UNKNOWN MALE 0412".
    ("ID", r"(?i:\bunknown[ \t]+(?:male|female|man|woman|adult|child|baby|patient|pt))"
           r"[ \t]*[#-]?[ \t]*\d{2,6}\b", 1),
    # A satellite phone: Iridium's 8816/8817 numbers, Inmarsat's 870.
    ("PHONE", r"(?<![\w+.])\+?881[67][ \t-]?\d{4}[ \t-]?\d{4}(?!\w|[.,]\d)"
              r"|(?<![\w+.])\+?870[ \t-]?\d{3}[ \t-]?\d{3}[ \t-]?\d{3}(?!\w|[.,]\d)", 3),
    # A social media handle with dots in it: "@deckhand_dani.sea" (not an e-mail's domain,
    # "@gmail.com").
    ("ID", r"(?<![\w.@/-])@[A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)+(?![\w@-])"
           r"(?<!\.com)(?<!\.org)(?<!\.net)(?<!\.uk)(?<!\.gov)(?<!\.edu)(?<!\.ie)(?<!\.nz)"
           r"(?<!\.au)(?<!\.ca)(?<!\.io)", 2),
    # The ship a patient works on is his workplace: "MV Ocean Pioneer", "MT Red Tern", "RRS
    # Sir David Attenborough"; the floating platform by its kind after: "Sea Lantern FPSO".
    # (After a number, MV is a beam's megavolts: "6 MV FFF for SBRT".)
    ("ID", rf"(?<!\d[ \t])\b(?:MV|M/V|MT|M/T|FV|RRS|HMS|HMAS|HMNZS|HMCS|USS|USNS)[ \t]+{_SHIP_NAME}"
           r"(?![\w-])", 3),
    ("ID", r"\b(?:[A-Z][a-z]+[ \t]+){1,3}(?:FPSO|FSO|FPU|FLNG)\b", 3),
    # ... or named after its kind: "the reefer Polar Sunrise", "on the jackup 'Gannet Venture'".
    # (The kind in small letters: in a title it is capitalised, "Cruise Ship Health Care
    # Guidelines", "Vessel Sanitation Program".)
    ("ID", r"\b(?:jack-?up|rig|vessel|ship|tanker|trawler|reefer|yacht|longliner|platform|barge"
           r"|ferry|dredger|tug|supply[ \t]+boat|fishing[ \t]+boat|icebreaker)"
           rf"[ \t]+(?P<v>['‘\"“]{_SHIP_NAME}['’\"”]|{_SHIP_NAME})(?![\w-])", 3, a_ships_name),
    # Where someone sleeps on board or in a camp: "cabin B214", "berth 14B", "Room D-117",
    # "her room is C-09" (a camp's room by its block and a dash: a ward's "room 3B" or
    # "room B14" names no one).
    ("ADDRESS", r"(?i:\b(?:cabin|berth|stateroom|bunk)[ \t]*(?:no\.?|number|\#)?[ \t]*)"
                r"(?P<v>[A-Z]{0,2}-?\d{1,4}[A-Z]?)(?![\w-])", 3, value),
    ("ADDRESS", r"(?i:\b(?:room|rm)(?:[ \t]+is)?[ \t]*(?:no\.?|number|\#)?[ \t]*)"
                r"(?P<v>(?-i:[A-Z]{1,2}-\d{2,4}))(?![\w-])", 3, value),
    # A Singapore flat: its block, street and unit: "Blk 203 Toa Payoh North #03-1121".
    ("ADDRESS", r"(?i:\bblk|\bblock)[ \t]*\d{1,4}[A-Z]?[ \t]+(?:[A-Z][a-z]+[ \t]+){1,4}"
                r"\#\d{1,3}-\d{1,5}\b", 3),
    ("ADDRESS", r"(?<![\w#])\#\d{2}-\d{2,5}(?![\w-])", 3),
    # A record's field pasted as XML, its tag naming a person's number:
    # "<MemberID>W228810347</MemberID>".
    ("ID", r"<(?i:member[_-]?id|patient[_-]?id|subscriber[_-]?id|mrn|nhs[_-]?(?:no|number)|ssn"
           r"|policy[_-]?(?:no|number)|account[_-]?(?:no|number))>(?P<v>[^<>\n]{3,40})</", 1,
     value),
    # A passport's number after its country's two letters in a crew list: "NG A09921345".
    ("ID", r"(?<![\w-])(?-i:[A-Z]{2})[ \t]+(?P<v>[A-Z]{1,2}\d{6,8}[A-Z]?)(?![\w-])", 1, value),
    # The numbers a seafarer, an expedition, a retrieval service, an insurer or its club, a
    # laboratory, a support desk or an equipment store gives one person, after their label:
    # "seaman's book E04418822", "INDoS 19LM4412", "CDC no KAR-118429", "tasking
    # 24-QLD-11873", "P&I claim 24/MED/7712", "loan number is LCES/22/04417", "insurance
    # policy: AXA-TRV-55812", "chain of custody form CC-22019", "SAPS CAS 112/03/2025",
    # "Expeditioner no. E2025-031", "employee 66-10294", "passport (IR) P94401823", "occ
    # health number is OH-7732", "support ticket #55120" (a facilities ticket names no one).
    ("ID", rf"(?i:\b(?:(?:seaman|seafarer)['’]?s?[ \t]+(?:book|id|record[ \t]+book)|INDoS"
           rf"|CDC[ \t]+{NO}|tasking|mission|msn|claim|loan"
           rf"|chain[ \t]+of[ \t]+custody(?:[ \t]+form)?|(?-i:CAS|CIDR[ \t]+event)|expeditioner"
           rf"|employee|passport[ \t]+\((?-i:[A-Z]{{2,3}})\)|occ(?:upational)?[ \t]+health"
           rf"|insurance[ \t]+policy|device[ \t]+id|support[ \t]+ticket|enrol(?:l)?ee"
           # a child protection plan's, a student's, a skipper's ticket: "CP number
           # 4477-2291-QLD", "student no. s2219384", "skipper's ticket is SK-70821"
           rf"|(?-i:CP)(?=[ \t]+{NO})|student(?=[ \t]+{NO})"
           r"|(?:skipper|master|mate|engineer)['’]?s?[ \t]+ticket)"
           rf"(?:[ \t]+(?:id\b|{NO}))?){SEP}{RECORD}", 1, a_reference),
    # A prisoner's number in England and Wales (NOMIS): a letter, four digits, two letters,
    # "A1902KL"; in small letters only after the system's name, "(nomis a7739ce)".
    ("ID", r"(?<![\w-])[A-Z]\d{4}[A-Z]{2}(?![\w-])", 1),
    ("ID", r"(?i:\bnomis\b)[^\n]{0,40}?(?<![\w-])(?P<v>[a-z]\d{4}[a-z]{2})(?![\w-])", 1, value),
    # A detainee's numbers after their short labels, in capitals: New South Wales's master
    # index number "MIN 512337", a custody record "CR 2204/25", "CR no 11HK/0982/25"; a
    # federal prisoner's register number, "register no. 40871-054".
    ("ID", r"\bMIN[ \t]*[:#]?[ \t]*(?P<v>\d{5,8})(?![\w-])", 1, value),
    ("ID", rf"\bCR(?:[ \t]+{NO})?[ \t]*[:#]?[ \t]*(?P<v>(?:[A-Z0-9]{{2,6}}/)?\d{{3,6}}/\d{{2}})"
           r"(?![\w/-])", 1, value),
    ("ID", rf"(?i:\bregister[ \t]*{NO}){SEP}{RECORD}", 1, a_reference),
    # New Zealand's health index number (NHI) without its label: three letters (never I or
    # O) and four digits, "PRP1660" (a standard's "ISO9001" has an I; "DCB1605" is an NHS
    # information standard, "AZD1222" a company's compound).
    ("MRN", r"(?<![\w-])(?!AZD|DCB)[A-HJ-NP-Z]{3}\d{4}(?![\w-])", 2),
    # ... and its newer form, three letters, two digits and two letters ("ZFA23PK"), unlabelled
    # in capitals or labelled in any case: "nhi zfa23pk".
    ("MRN", r"(?<![\w-])[A-HJ-NP-Z]{3}\d{2}[A-HJ-NP-Z]{2}(?![\w-])", 2),
    ("MRN", r"(?i:\bNHI\b)(?:[ \t]+(?i:number|no\b\.?))?[ \t]*[:#]?[ \t]*"
            r"(?P<v>(?i:[a-hj-np-z]{3}\d{2}[a-hj-np-z\d]{2}))(?![\w-])", 1),
    # A postcode of Barbados, "BB11130"; a Ghana Post digital address, "AK-039-5521".
    ("ADDRESS", r"(?<![\w-])BB\d{5}(?![\w-])", 2),
    ("ADDRESS", r"(?<![\w-])[A-Z]{2}-\d{3,4}-\d{4}(?![\w-])", 2),
    # A device's serial after the device, capitals and digits mixed, each side's for a pair:
    # "hearing aids L 2218XK441 R 2218XK442", "cochlear processor 4410AB2291" (not "pump
    # 50ml/h": no capital, no three digits together).
    ("ID", r"(?i:\b(?:hearing[ \t]+aids?|cochlear[ \t]+(?:implant|processor)|processor|pacemaker"
           r"|insulin[ \t]+pump|CGM|sensor|transmitter)\b)[ \t]*:?[ \t]*"
           rf"(?P<v>(?:{_SIDE}[ \t]*:?[ \t]*)?{_SERIAL}(?:,?[ \t]+{_SIDE}[ \t]*:?[ \t]*{_SERIAL})?)"
           r"(?![\w-])", 1, value),
    # ... and a glucose sensor's transmitter after its label, six letters and digits: "a
    # transmitter ID of 4TX9QK".
    ("ID", r"(?i:\btransmitter[ \t]+(?:id|serial|sn|no\.?|number)(?:[ \t]+(?:of|is))?[ \t]*[:#]?"
           r"[ \t]*)(?P<v>(?-i:(?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{6}))(?![\w-])", 1, value),
    # A farm's property identification code in Australia: "PIC QBAB5678".
    ("ID", r"\bPIC[ \t]*[:#]?[ \t]*(?P<v>(?=[A-Z0-9]*\d{3})(?=[A-Z0-9]*[A-Z])[A-Z0-9]{8})"
           r"(?![\w-])", 1, value),
    # A named abattoir or meat plant a worker is employed by: "Anatolia Meats Ltd", "Boundary
    # Creek Abattoir" (a company alone may be a maker: "Merck Serono Ltd").
    ("ID", r"\b(?P<v>(?:[A-Z][a-z]+[ \t]+){1,3}(?:Abattoir|Meatworks|Meats|Kennels|Cattery)"
           r"(?:[ \t]+(?:Pty[ \t]+)?Ltd)?)\b", 3, employer),
    # A social media handle after the app it is on: "posts on tiktok as @lymphomaliv".
    ("ID", r"(?i:\b(?:tiktok|instagram|insta|twitter|snapchat|facebook|threads|youtube)\b)"
           r"[^\n@]{0,25}?(?P<v>(?<![\w.])@[A-Za-z0-9_.]{3,30}[A-Za-z0-9_])(?![\w@])", 2, value),
    # ... an @-handle opening the question or after a word for whose it is: "@BarbsBigKnit is
    # the daughter's instagram", "her handle @Xx_mia" (a service's own account may be named
    # anywhere; an e-mail's "@" follows a letter).
    ("ID", r"(?:^|(?i:\b(?:her|his|their|my|called|named|as|handle|account|user(?:name)?|is))"
           r"[ \t]+)(?P<v>@[A-Za-z][A-Za-z0-9_.]{2,29}[A-Za-z0-9_](?:\#\d{4})?)(?![\w@])",
     2, value),  # (a Discord handle keeps its number: "@midnightmoth#4420")
    # ... and a dating or social app's user name, after the app or a word naming it: "a guy
    # on Grindr called KlaBoi256", "notify bigbearnyc on Scruff", "Hornet (user romanobello)",
    # "Grindr name LeedsBttm".
    ("ID", rf"(?i:\b{_APPS}\b[^\n.?!]{{0,20}}?\b(?:called|named|user(?:[ \t]*name)?|name|handle"
           r"|profile|as|id)\b[ \t]*:?[ \t]*)"
           r"(?P<v>(?=[\w.]*(?:\d|[a-z][A-Z]|[a-z]{6}))[A-Za-z][\w.]{2,28}[A-Za-z0-9_])(?![\w@])",
     2, no_word),
    ("ID", rf"\b(?P<v>(?=[\w.]*(?:\d|[a-z][A-Z]|[a-z]{{6}}))[A-Za-z][\w.]{{2,28}}[A-Za-z0-9_])"
           rf"(?=[ \t]+on[ \t]+{_APPS}\b)", 2, no_word),
    # A Nordic national number, a birth date then four: Denmark's CPR "140352-1186", Finland's
    # henkilötunnus "040305A1236" or "230454-135X", Sweden's personnummer "19520314-1186".
    ("ID", r"(?<![\w-])(?:19|20)?\d{6}[-+A][\dA-Z]{4}(?![\w-])", 1, _a_birth_date_first),
    # Swedish and Swiss phone numbers, grouped 3-3-2-2: "070-482 19 36", "079 512 64 87".
    ("PHONE", r"(?<![\w+.])0\d{2}[ -]\d{3}[ ]\d{2}[ ]\d{2}(?!\w|\.\w|[ .]\d)", 3),
    # A day and a month as German writes them, each with its point: "Symptombeginn 17.03."
    ("DATE", r"(?<![\w.])(?:0[1-9]|[12]\d|3[01])\.(?:0[1-9]|1[0-2])\.(?![\w.]|\d)", 4,
     persons_date_only),
    # Where someone lives, in Danish, Norwegian, Swedish, German or Finnish, to the end of the
    # clause: "bor Vestergade 22, 3. tv, 8000 Aarhus", "wohnhaft in Graz", "asuu yksin".
    ("ADDRESS", r"(?i:\b(?:bor(?:[ \t]+i)?|wohnt(?:[ \t]+in)?|wohnhaft(?:[ \t]+in)?)[ \t]+)"
                r"(?P<v>(?-i:[A-ZÆØÅÄÖÜ])[^—–;:?!()\n]{2,60}?)(?=[ \t]*(?:[—–;:?!()\n]|[ \t]-[ \t]"
                r"|[ \t]+(?:eller|og|och|und|oder|men|aber|or|and|but)\b"
                r"|(?<!\d)\.(?:[ \t]|$)|$))", 3, value),  # ("3. tv": a floor's ordinal)
    # ... and in Tagalog and Malay, the town's capitalised words after "lives in": "nakatira sa
    # Taguig", "tinggal di Shah Alam".
    ("ADDRESS", r"(?i:\b(?:nakatira[ \t]+sa|tinggal[ \t]+di|duduk[ \t]+di)[ \t]+)"
                r"(?P<v>[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,3})", 3),
    # France's social security number (NIR), in its printed groups: "2 60 09 75 112 045 32".
    ("SSN", r"(?<![\w-])[12][ \t]?\d{2}[ \t]?\d{2}[ \t]?(?:\d{2}|2[AB])[ \t]?\d{3}[ \t]?\d{3}"
            r"(?:[ \t]?\d{2})?(?![\w-])", 1),
    # ... and the numbers other health services give one person, after their labels: a
    # Portuguese "nº utente 284 917 365", a French "n° sécu …".
    ("ID", r"(?i:\b(?:n[º°o]\.?[ \t]*(?:de[ \t]+)?)?(?:utente|s[ée]cu(?:rit[ée][ \t]+sociale)?))"
           r"[ \t]*[:#]?[ \t]*(?P<v>\d{3}[ \t]?\d{3}[ \t]?\d{3})(?![\w-])", 1, value),
    # A Portuguese postcode before its town ("4050-262 Porto"), a Polish one ("80-827 Gdańsk").
    ("ADDRESS", r"(?<![\w-])(?:\d{4}-\d{3}|\d{2}-\d{3})(?=[ \t]+[A-ZŁŚŻĆ][a-ząćęłńóśźż]+\b)", 2),
    # A taxi's or a van's plate in brackets after it: "drives a maxi taxi (HCD 4471)".
    ("ID", r"(?i:\b(?:taxi|cab|van|car|truck|lorry|minibus|bus|trotro|danfo|keke)\b)[ \t]*"
           r"\((?P<v>(?-i:[A-Z]{1,3}[ -]?\d{1,4}[A-Z]{0,2}))\)", 1, value),
]
# fmt: on
