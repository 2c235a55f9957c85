"""Rules for identifiers written the way one country's records or one kind of form writes
them, for assistant/answering/phi_rules.py:
- Japan: an address in Latin letters, a car plate, My Number, an era date ("R5.4.1");
- the Gulf: a villa, a company that sponsors a worker; any country's IBAN;
- South-East Asia: a block and lot, Singapore's lettered postcode, a Thai hospital number;
- Spain's phones in pairs; New Zealand's newer health index number; Quebec's RAMQ card; an
  Australian landline with its area code in brackets; a caller's number;
- a pasted HL7 message's patient name, next of kin and birth date;
- a device's hardware (MAC) address; a car's plate after the word; a card's last digits; a
  prior authorisation's or a service's case number; a meeting's passcode; a recording file's
  date and record number;
- names: a handover list's name before its bed; a word in a script English does not use
  (Han, kana, Hangul, Cyrillic, Greek; Arabic, Hebrew, the Indic scripts, Thai and the
  others no look here reads) unless it glosses the English word before it, a
  newborn's "Baby Girl" name, a nickname between the given name and the surname; a very old
  patient's age set off by dashes, or written in Cyrillic ("на 94 г.", "девяносто один
  год"), Spanish, Portuguese, Italian, French or German;
- a day and a month in Russian, Ukrainian or Bulgarian ("12 марта 1950 г."), a document's
  series and number in Cyrillic ("паспорт КМ 123456");
- China: a postcode after its label, a car's plate; India: a car's plate; Turkey: a mobile;
  a very old patient's age in the words of Central Europe, the Balkans and the Baltic;
- lists and messages: a list's "Surname Initial" before a bed ("Smith J, Ward 6"), "Brown,
  Mr", "Wm. Harrington", "Thompson, Baby Girl", a chat's sender before the time; names in
  Hindi and Urdu typed in Latin letters (phi_south_asian.py).
Each rule is (kind, pattern, rank[, accept]), as in phi_number_rules.py.
"""

from __future__ import annotations

import re

from assistant.answering import phi_titles
from assistant.answering.phi_cased_scripts import cased_script_names, in_a_cased_script
from assistant.answering.phi_dates import value
from assistant.answering.phi_lexicon import PLACE_NOUNS, clinical_words
from assistant.answering.phi_names import OTHER_SCRIPT, Span, name_beside_bed
from assistant.answering.phi_numbers import not_a_service_line
from assistant.answering.phi_patterns import A_BED, AGE_PLACEHOLDER, LO, UP
from assistant.answering.phi_south_asian import SOUTH_ASIAN_RULES
from knowledge.name_words import common_words, frequent_surnames, given_names, load_names
from knowledge.proper_terms import RELATIVES

_CJK = r"\u4e00-\u9fff"
# The words for a car, a bike or its plate, in English and the languages of Europe.
_VEHICLES = (
    "car|vehicle|auto|autem|samochód|spz|ečv|rendszám|kenteken|kennzeichen|matr[íi]cula|placa"
    "|targa|plaque|tablice|bike|motorbike|scooter|lorry|truck"
    "|reg\\.?nr|regnr|registreringsnummer|nummerplade|nummerplate|rekisterinumero|bílnúmer"
)
# The characters that open a Chinese car's plate, one for each province.
_PLATE_PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼港澳"
_KANA = r"\u3040-\u309f"
# What a Japanese address's town part is made of: "Kichijoji Honcho", "Musashino-shi".
_ROMAJI_WORD = r"[A-Z][a-zōū]+(?:-(?:shi|ku|ken|cho|chō|machi|mura|gun))?"
# The words just before an age that say which figure it is not: "SpO2 - 95 -", "sats - 92 -".
_VITAL_BEFORE = re.compile(
    r"(?i:\b(?:sats?|spo2|o2|hr|pulse|bp|sbp|dbp|rr|glucose|bm|score|weight|wt|temp|map|"
    r"fio2|bpm|mmhg|mg|units?)\b[^-\n]{0,8}-[ \t]*$)"
)


def a_given_name_first(m: re.Match[str]) -> Span | None:
    """A name with its nickname in quotes or brackets between the given name and the surname:
    "Margaret 'Peg' Dunphy", "Kathleen (Kitty) Brophy-Lyons", the given name a listed one.
    (phi_name_quotes.py finds the same among words judged one by one; this rule also finds it
    where a title's rule took the given name, "Mrs Margaret 'Peg' Dunphy".)"""
    return m.span() if m.group("given").casefold() in given_names() else None


def not_a_vital(m: re.Match[str]) -> Span | None:
    """An age of 90 or more set off by dashes ("Mrs Kelly in rm 12 - 97 - eating only
    yoghurt"), not a measure whose name stands just before ("SpO2 - 95 -")."""
    start = m.start("v")
    if _VITAL_BEFORE.search(m.string, max(0, start - 24), start):
        return None
    return m.span("v")


# The English words a gloss in another script may follow with a capital: "Long-Term Care
# Insurance Act (介護保険法)".
_TITLE_NOUNS = frozenset("act law scale score test syndrome disease".split())
# How a Japanese or Chinese word for a thing, not a person, ends: a law or a method (法), a
# qualification (士), a facility (施設), a home (ホーム), a disease (症, 病), a medicine (剤, 薬),
# a department (科), an institution (院), a room (室), a test (検査), an insurance (保険), a
# scheme (制度), a centre (センター), an office (所).
_THING_ENDINGS = tuple("法 士 施設 ホーム 症 病 剤 薬 科 院 室 検査 保険 制度 センター 所".split())


def not_a_gloss(m: re.Match[str]) -> Span | None:
    """A word in another script, unless it names a thing, in brackets after the English word
    it translates: "Wrap therapy (ラップ療法)", "Group home (グループホーム)" (not "Mrs Lam
    (林志強)", whose "Lam" is capitalised, nor "her daughter (花子)")."""
    if in_a_cased_script(m.group()):
        return cased_script_names(m)  # Cyrillic and Greek keep capitals for names
    if not m.group().endswith(_THING_ENDINGS):
        return m.span()
    before = re.search(r"([^\W\d_]+)[ \t]*\($", m.string[max(0, m.start() - 40) : m.start()])
    if before is not None:
        word = before.group(1)
        if (word.islower() and word in common_words()) or word.casefold() in _TITLE_NOUNS:
            return None
    return m.span()


# One rule per line so the table reads as a list; the formatter would spread each over 5.
# A capitalised name word: "Harris", "O'Neil", "Smith-Jones".
_CAPITALISED = rf"[{UP}][{LO}]+(?:[-'’][{UP}][{LO}]+)?"  # (with Latin-1's: "Thérèse")


def a_name_before_a_bed(m: re.Match[str]) -> Span | None:
    """The listed names before a bed, not a ward's ("Jenner Ward, bed 4") nor the last word of
    a longer proper name ("Medicina del Policlinico Gemelli, letto 18"; a title may stand
    before a name: "Mrs Jane Doe (bay 2)")."""
    if any(w.casefold() in PLACE_NOUNS for w in m.group("v").split()):
        return None
    before = _WORD_BEFORE.search(m.string, max(0, m.start("v") - 40), m.start("v"))
    if before and before.group(1)[0].isupper() and before.group(1).casefold() not in _TITLES:
        return None
    return name_beside_bed(m)


_WORD_BEFORE = re.compile(r"([^\W\d_]+)\.?[ \t]+$")
_TITLES = phi_titles.ENGLISH | phi_titles.CAPITALISED | phi_titles.RELATIVES_OF_OTHER_LANGUAGES


# Ninety in Czech, Slovak, Polish, Hungarian, the South Slavic languages, Romanian, Greek,
# Estonian, Lithuanian, Latvian and Albanian; and "years (old)" after an age there.
_NINETY = (
    "devadesát|deväťdesiat|dziewięćdziesi|kilencven|devedeset|devetdeset|nouăzeci|ενενήντα"
    "|üheksakümne|devyniasdešimt|deviņdesmit|nëntëdhjetë"
)
# ... and in Swedish, Norwegian, Danish ("treoghalvfems"), Finnish and Icelandic.
_NORDIC_NINETY = "nitti|nittio|halvfems|yhdeksänkymmentä|níutíu"
_YEARS_OLD = (
    "let|roků|rokov|rokú|lat|éves|év|godina|godine|ani|de[ \t]+ani|ετών|χρονών|aastane"
    "|aastat|metų|gadi|gadus|vjeç|vjeçare|vjeçar"
)


def a_chat_sender(m: re.Match[str]) -> Span | None:
    """A person's name, a given name first ("Mark Ellison"), not a role, a ward or a day
    ("Ward Manager", "Nurse", "Sun")."""
    words = m.group("v").casefold().split()
    if words[0] not in given_names() or any(w in PLACE_NOUNS or w in _ROLE_WORDS for w in words):
        return None
    return m.span("v")


# Who sends a message by role or by kinship: no name ("Ward Manager", "Sister Ward 7",
# "Daughter").
_ROLE_WORDS = RELATIVES | frozenset(
    "me nurse doctor manager reception switchboard pharmacy team matron charge".split()
)


def a_small_titled_name(m: re.Match[str]) -> Span | None:
    """A name typed small after its title, before what identifies the person: "ms ama owusu
    dob …", "mrs m.a. o'keeffe 79" (its last word a listed name or no word and no clinical
    term, so "ms flare 45yo" is multiple sclerosis)."""
    last = re.sub(r"['’.-]", "", m.group("v").split()[-1]).casefold()
    if last in load_names():
        return m.span("v")
    known = last in common_words() or last in clinical_words() or len(last) < 3
    return None if known else m.span("v")


def a_listed_surname(m: re.Match[str]) -> Span | None:
    """A surname the lists hold, before its title: "Brown, Mr" (not "Fine, Dr said", "Thanks,
    Dr Lee")."""
    word = m.group("v").casefold()
    if word in _SAID_TO_SOMEONE:
        return None
    listed = word in frequent_surnames() or (word in load_names() and word not in common_words())
    return m.span("v") if listed else None


# Words said to a person before their title, no surname of theirs: "Thanks, Dr Lee".
_SAID_TO_SOMEONE = frozenset(
    "ok okay thanks thank yes no sorry fine good great right sure well hi hello dear morning "
    "evening afternoon night cheers please".split()
)


def a_surname_and_initial(m: re.Match[str]) -> Span | None:
    """A frequent surname, then its initial ("Smith J", "smith j"; an eponym's surname too,
    which a letter does not follow): not "Hep B", "Group A", "Block C", "Wing B"."""
    surname = m.group("v").split()[0].casefold()
    if surname not in frequent_surnames() or surname in PLACE_NOUNS | _LETTERED_PLACES:
        return None
    return m.span("v")


# A place's part named by a letter, its noun a surname too: "Block C", "Wing B".
_LETTERED_PLACES = frozenset("block wing ward bay hall house court".split())


# fmt: off
FORM_RULES = [
    # A pasted HL7 v2 message's patient name (PID-5), next of kin (NK1-2) and birth date
    # (PID-7), by their fields' places: "PID|1||4471^^^MRN||TRAN^MINH^DUC||19480302|M".
    ("NAME", r"(?<![\w|])PID(?:\|[^|\n]*){4}\|(?P<v>[^|\n^]+(?:\^+[^|\n^]+)*)", 1),
    ("NAME", r"(?<![\w|])NK1\|[^|\n]*\|(?P<v>[^|\n^]+(?:\^+[^|\n^]+)*)", 1),
    ("DATE", r"(?<![\w|])PID(?:\|[^|\n]*){6}\|(?P<v>(?:19|20)\d{6})(?=[\d|^\n]|$)", 1),
    # A list's or a label's "Surname Initial" opening a line or after "pt", before where the
    # patient is or what identifies them, or their age or gestation: "Smith J, Ward 6 bed 11",
    # "pt smith j bed 4", "Smith J 30w PPROM", "Jones K 84F".
    ("NAME", r"(?:^|(?<=\n)|(?i:(?<=\bpt[ \t])|(?<=\bpt:[ \t])))"
             r"(?P<v>[A-Za-z][a-z'’-]+[ \t]+[A-Za-z])"
             rf"(?=[ \t]*,?[ \t]*(?:{A_BED}|(?i:ward|dob|d\.o\.b|nhs|mrn|hosp)\b"
             r"|\d{1,2}(?:\+\d)?[ \t]?(?i:w|wk|wks)\b|\d{1,3}[ \t]?(?i:yo|y/o|[mf])\b"
             r"|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b))", 4,  # ... or a date: "Smith J, 12/03/1950"
     a_surname_and_initial),
    # ... and a name typed small after a title typed small, before the same: "ms ama owusu dob".
    ("NAME", r"(?<![\w'’-])(?:mrs|mr|ms|miss|mx)\.?[ \t]+"
             r"(?P<v>(?:[a-z]\.){0,3}[ \t]?[a-z][a-z'’-]+(?:[ \t]+[a-z][a-z'’-]+){0,2})"
             r"(?=[ \t]*,?[ \t]*(?:dob|d\.o\.b|mrn|nhs|hosp|\d{2,3}[ \t]?(?:yo|y/o|[mf])?\b))", 4,
     a_small_titled_name),
    # A chat's sender, opening a line with the time the message was sent: "Mark Ellison 10:42",
    # "[21:55] Kerry Shaw:".
    ("NAME", r"(?m:^)(?P<v>[A-Z][a-z]+(?:[ \t]+[A-Z][a-z'’-]+){0,2})[ \t]+\[?\d{1,2}:\d{2}\b", 4,
     a_chat_sender),
    ("NAME", r"(?m:^)\[?\d{1,2}:\d{2}\]?[ \t]+(?P<v>[A-Z][a-z]+(?:[ \t]+[A-Z][a-z'’-]+){0,2}):", 4,
     a_chat_sender),
    # A Turkish mobile, its area code in brackets or not: "0541 112 78 45", "0 (544) 318 22 90".
    ("PHONE", r"(?<![\w+.])0[ \t]?(?:\(5\d{2}\)|5\d{2})[ \t]?\d{3}[ \t]?\d{2}[ \t]?\d{2}"
              r"(?![\w]|[ .]\d)", 3),
    # A Spanish mobile or landline in threes and pairs: "636 47 82 19" (not a 900 service line).
    ("PHONE", r"(?<![\w+./])(?:[67]\d{2}|9(?!0[0-2])\d{2})(?:[ .]\d{2}){3}(?!\w|\.\w|[ .]\d)", 3),
    # A number left on a voicemail, read out digit by digit: "please call me back at 9 1 5, 2 2
    # 0, 4 4 8 1", "cb 7 1 3 5 5 0 2 2 9 8".
    ("PHONE", r"(?i:\b(?:call|ring|text|reach)(?:[ \t]+(?:me|us|her|him|them))?(?:[ \t]+back)?"
              r"[ \t]+(?:at|on)[ \t]+|\b(?:cb|call[ \t]*back|number[ \t]+is)[ \t]*:?[ \t]*)"
              r"(?P<v>\d(?:,?[ \t]+\d){6,11})(?!\w|\.\d|,?[ \t]+\d)", 3),
    # A handover list's name with its bed: "Harris, bed 4", "Mrs Jane Doe (bay 2)", "Nasser in
    # bed 8" (names on the lists only, as after the bed: "bed 4 - Baker"; "Sepsis, bed 4" is
    # none).
    ("NAME", rf"(?<![\w'’-])(?P<v>{_CAPITALISED}(?:[ \t]+{_CAPITALISED}){{0,2}})"
             rf"(?=[ \t]*[,(–-][ \t]*{A_BED}|[ \t]+in[ \t]+{A_BED})", 5, a_name_before_a_bed),
    # A Japanese address in Latin letters, its block numbers first: "2-14-7 Kichijoji Honcho,
    # Musashino-shi, Tokyo" (a ward, city or prefecture's suffix among its parts).
    ("ADDRESS", rf"(?<![\w-])\d{{1,4}}-\d{{1,4}}(?:-\d{{1,4}})?[ \t]+{_ROMAJI_WORD}"
                rf"(?:[ \t]+{_ROMAJI_WORD}){{0,2}}(?:,[ \t]*{_ROMAJI_WORD}){{1,3}}"
                r"(?:(?<=shi)|(?<=-ku)|(?<=ken)|(?<=cho)|(?<=chō)|(?<=Tokyo)|(?<=Osaka))", 3),
    # A Japanese number plate: the office's kanji, a class number, a kana and four digits
    # ("練馬 300 あ 12-34").
    ("ID", rf"[{_CJK}]{{1,4}}[ \t]?\d{{2,3}}[ \t]?[{_KANA}][ \t]?\d{{1,2}}-\d{{2}}(?!\d)", 1),
    # Japan's My Number after its name: twelve digits, "My Number 4215 8839 0127".
    ("ID", r"(?i:\bmy[ \t]+number|\bマイナンバー)[ \t]*[:#]?[ \t]*"
           r"(?P<v>\d{4}[ \t-]?\d{4}[ \t-]?\d{4})(?![\w-])", 1, value),
    # A bank account's IBAN: a country's two letters, two check digits, groups of four
    # ("AE07 0331 2345 6789 0123 456"), after its label or in that shape.
    ("ID", r"(?i:\bIBAN\b)[ \t]*[:#]?[ \t]*(?P<v>[A-Z]{2}\d{2}(?:[ \t]?[A-Z0-9]{1,4}){3,8})"
           r"(?![\w-])", 1, value),
    ("ID", r"(?<![\w-])(?:AE|SA|QA|KW|BH|OM|JO|LB|GB|IE|DE|FR|NL|ES|IT|PL|PT|BE|CH|AT)\d{2}"
           r"(?:[ \t]?[A-Z0-9]{4}){3,7}(?:[ \t]?[A-Z0-9]{1,3})?(?![\w-])", 1),
    # A villa in a Gulf community, as addresses there are given: "Villa 61, Springs 4,
    # Emirates Living".
    ("ADDRESS", r"\b(?:Villa|villa|Compound|compound)[ \t]+\d{1,4}[A-Z]?(?:,[ \t]*[A-Z][\w'’]*"
                r"(?:[ \t]+(?:[A-Z][\w'’]*|\d{1,3}))*){1,3}", 3),
    # A worker's company by its registered form, after the work or the sponsor: "driver w/ Al
    # Noor Gulf Contracting LLC", "sponsor is Gulf Star Trading W.L.L.".
    ("ID", r"(?i:\b(?:w/|with|for|at|by|sponsor(?:ed[ \t]+by|[ \t]+is)?|employer(?:[ \t]+is)?"
           r"|company(?:[ \t]+is)?)[ \t]+)"
           r"(?P<v>(?:[A-Z][\w&'’-]*[ \t]+){1,5}(?:LLC|L\.L\.C\.?|WLL|W\.L\.L\.?|Est\.))",
     3, value),
    # New Zealand's newer health index number: three letters (never I or O), two digits, two
    # letters, "MNB42QK".
    ("MRN", r"(?<![\w-])[A-HJ-NP-Z]{3}\d{2}[A-HJ-NP-Z]{2}(?![\w-])", 2),
    # A device's hardware address, six pairs of hex digits: a bed sensor's "00:1B:44:11:3A:B7".
    ("ID", r"(?<![\w:-])[0-9A-Fa-f]{2}(?:([:-])[0-9A-Fa-f]{2})(?:\1[0-9A-Fa-f]{2}){4}(?![\w:-])",
     1),
    # An Australian landline with its area code in brackets: "(03) 5332 1187".
    ("PHONE", r"(?<![\w+.])\(0[2378]\)[ \t]?\d{4}[ \t]?\d{4}(?!\w|[.,]\d|[ \t]\d)", 3,
     not_a_service_line()),  # (not "Hospital main line (02) 5550 0000")
    # A word in another script: a name, unless it glosses the word before ("Group home
    # (グループホーム)").
    ("NAME", OTHER_SCRIPT, 5, not_a_gloss),
    # A newborn named by its sex and the family's surname: "Baby Girl Lindqvist".
    ("NAME", r"\bBaby[ \t]+(?:Girl|Boy)[ \t]+[A-Z][a-z]+(?:[-'’][A-Z][a-z]+)?\b", 4),
    # ... or as a registration writes it, surname first: "Thompson, Baby Girl".
    ("NAME", r"\b[A-Z][A-Za-z'’-]+,[ \t]*Baby[ \t]+(?:Girl|Boy|GIRL|BOY)\b", 4),
    # A surname, then its title, as a list sorts them: "Brown, Mr — ward 7".
    ("NAME", rf"(?<![\w'’-])(?P<v>{_CAPITALISED}),[ \t]*(?=(?:Mrs|Mr|Ms|Miss|Dr)\b)", 4,
     a_listed_surname),
    # A given name in its old short form, then the surname: "Wm. Harrington", "Chas Boyle".
    ("NAME", rf"\b(?:Wm|Chas|Thos|Jas|Geo|Robt|Saml|Benj|Edw|Jos)\.?[ \t]+{_CAPITALISED}\b", 4),
    # A car by its plate after the word: "car SJB 4521 K", "car 512847" (Dubai's are digits),
    # "bike UP 32 KX 4471", "SPZ 2AC 4567", "Auto HR-4821", "rendszám ABC-123".
    ("ID", rf"(?i:\b(?:{_VEHICLES})(?:[ \t]+(?:reg(?:istration)?|plate|no\.?|number))?[ \t]*"
           r"[:#]?[ \t]+)(?P<v>(?-i:(?=[A-Z0-9 -]*\d)(?=[A-Z0-9 -]*[A-Z])[A-Z0-9]{1,4}"
           r"(?:[ -][A-Z0-9]{1,5}){1,3}|\d{5,6}))(?![\w-]|[.,]\d)", 1, value),
    # A Nordic plate after the car: "bil MLB 84F" (Sweden's: three letters, two digits and a
    # letter or digit; "bil ICA 30%" is bilateral).
    ("ID", r"\b(?:bil|bilen|bilens|auto|auton)[ \t]+(?P<v>[A-Z]{3}[ \t]?\d{2}[A-Z\d]"
           r"|[A-Z]{2}[ \t]?\d{5}|[A-Z]{2}[ \t]?\d{2}[ \t]?\d{3}|[A-Z]{2,3}-\d{1,3})(?![\w-])", 1,
     value),  # (... Norway's "EL 48213", Denmark's "CV 41 207", Finland's "XKP-482")
    # A plate after the car someone was driving: "driving a Toyota Corolla ACW 4471",
    # "drives a white bakkie ND 123-456".
    ("ID", r"(?i:\b(?:driving|drives|drove|driven)[ \t]+(?:(?:a|an|his|her|their|the)[ \t]+)?)"
           r"(?:[\w-]+[ \t]+){0,3}?"
           r"(?P<v>[A-Z]{2,3}[ \t]?\d{3}(?:[- ]?\d{1,3})?(?:[ \t]?[A-Z]{1,3})?)(?![\w-])", 3,
     value),
    # A Kenyan plate: "KMEB 482T", "KCA 123A".
    ("ID", r"\bK[A-Z]{2,3}[ \t]?\d{3}[A-Z]\b", 3),
    # An Indian plate: its state, district, series and number ("MH 12 AB 1234", "UP32KX4471").
    ("ID", r"\b[A-Z]{2}[ -]?\d{1,2}[ -]?[A-Z]{1,3}[ -]?\d{4}\b", 3),
    # A Singapore or Philippine block and lot: "Blk 12 Lot 5, Camella Homes", "Blk 745".
    ("ADDRESS", r"\b(?:Blk|BLK|blk)\.?[ \t]*\d{1,4}[A-Z]?(?:[ \t]+(?i:lot)[ \t]*\d{1,4})?", 3),
    # Singapore's postcode with its letter: "S760745".
    ("ADDRESS", r"(?<![\w-])S\d{6}(?![\w-])", 3),
    # A postcode after its Chinese label: "邮编200030", "郵遞區號106".
    ("ADDRESS", r"(?:邮编|郵編|邮政编码|郵遞區號)[ \t:：]*(?P<v>\d{3,6})(?!\d)", 3, value),
    # A Chinese car's plate, its province's character first: "粤B 7K29M", "京A·12345".
    ("ID", rf"[{_PLATE_PROVINCES}][A-Z][ \t·]?[A-Z0-9]{{5,6}}(?![\w])", 3),
    # A Thai hospital number after its label: "HN 64-012345".
    ("MRN", r"\bHN[ \t]*[:#]?[ \t]*(?P<v>\d{1,2}-?\d{4,8})(?![\w-])", 1, value),
    # A date in a Japanese era, its letter and year first: "admitted R5.4.1" (Reiwa 5), "H30.1.2".
    ("DATE", r"(?<![\w.])[RHS]\d{1,2}\.(?:1[0-2]|0?[1-9])\.(?:3[01]|[12]\d|0?[1-9])(?![\w.])",
     4),
    # A phone after the caller: "Caller from 6543 2101".
    ("PHONE", r"(?i:\bcaller(?:['’]s)?[ \t]+(?:from|on|number|no\.?)|\bcalled[ \t]+from)"
              r"[ \t]*:?[ \t]*"
              r"(?P<v>\+?\(?\d[\d \t().-]{5,18}\d)(?![\w/]|[.,]\d)", 3,
     not_a_service_line(labelled=True)),
    # The last digits of a payment card: "card ending 4411".
    ("ID", r"(?i:\b(?:card|account|acct)[ \t]+ending(?:[ \t]+in)?)[ \t]*(?P<v>\d{4})(?!\d)", 1,
     value),
    # A prior authorisation's or a service's case number in dashed parts: "precert #
    # 7729-AZ-0019", "QAS case 2024-QA-55817".
    ("ID", r"(?i:\b(?:pre-?cert(?:ification)?|pre-?auth(?:ori[sz]ation)?"
           r"|prior[ \t]+auth(?:ori[sz]ation)?|case)[ \t]*(?:\#|no\.?|number)?[ \t]*:?[ \t]*)"
           r"(?P<v>(?=[A-Z0-9-]*\d)[A-Z0-9]{2,}(?:-[A-Z0-9]{2,}){1,3})(?![\w-])", 1, value),
    # A meeting's password or passcode: "pwd 552091".
    ("ID", r"(?i:\b(?:pwd|passcode|pass[ \t]+code|password)\b)[ \t]*[:#]?[ \t]*"
           r"(?P<v>(?=[A-Za-z0-9]*\d)[A-Za-z0-9]{4,12})(?![\w-])", 1, value),
    # Quebec's health card: four letters and eight digits after RAMQ, "RAMQ card TREM 6552 1218".
    ("MRN", r"(?i:\bRAMQ\b(?:[ \t]+(?:card|no\.?|number|\#))?)[ \t]*:?[ \t]*"
            r"(?P<v>[A-Z]{4}[ \t]?\d{4}[ \t]?\d{4})(?![\w-])", 1, value),
    # A file's name made of a date and a record number: "20250312_1415_OKONJO_…_MRN661203.mp4".
    ("DATE", r"(?<![A-Za-z0-9])(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?=_)", 4),
    ("MRN", r"(?<![A-Za-z0-9])MRN(?P<v>\d{5,10})(?![0-9])", 1, value),
    # A name with its nickname between the given name and the surname.
    ("NAME", r"\b(?P<given>[A-Z][a-z]+)[ \t]+(?:['‘\"“][A-Z][a-z]+['’\"”]|\([A-Z][a-z]+\))"
             r"[ \t]+[A-Z][a-z]+(?:[-'’][A-Z][a-z]+)?\b", 4, a_given_name_first),
    # An age of 90 or more set off by dashes after the person ("O'Brien (NHI …) - 95 -").
    ("ID", r"(?<=[\w)\]])[ \t]+-[ \t]+(?P<v>9\d|1[01]\d)(?=[ \t]+-[ \t])", 5, not_a_vital,
     AGE_PLACEHOLDER),
    # An age of 90 or more in Russian, Ukrainian, Bulgarian or Greek: "на 94 г.", "91 год",
    # "92 роки", "девяносто один год", "95 ετών".
    ("ID", r"(?<![\w.,])(?P<v>9\d|1[01]\d)(?=[ \t]*(?:г\.|(?:года?|лет|годин[аи]|рок(?:и|ів)"
           r"|років|рік|ετών|χρονών)(?!\w)))", 5, value, AGE_PLACEHOLDER),
    ("ID", r"(?i:(?<!\w)(?P<v>(?:девяносто|дев'яносто|деветдесет|сто)(?:[ \t]+[а-яіїє']+)?)"
           r"(?=[ \t]+(?:года?|лет|рок(?:и|ів)|років|рік|години)(?!\w)))", 5, value,
     AGE_PLACEHOLDER),
    # A document's series and number in Cyrillic: "паспорт КМ 123456", "квиток АА 123456".
    ("ID", r"(?<![\w-])[А-ЯЁІЇЄҐ]{1,4}[ \t]*№?[ \t]*\d{5,}(?!\d)", 3),
    # A day and a month in Russian, Ukrainian or Bulgarian: "12 марта 1950 г.", "5 травня".
    ("DATE", r"(?i:(?<![\w.])\d{1,2}[ \t]+(?:январ[яь]|феврал[яь]|марта?|апрел[яь]|ма[яй]|июн[яь]"
             r"|июл[яь]|августа?|сентябр[яь]|октябр[яь]|ноябр[яь]|декабр[яь]|січня|лютого|березня"
             r"|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня|януари|февруари"
             r"|април|юни|юли|септември|октомври|ноември|декември)(?:[ \t]+\d{4}(?:[ \t]*г\.)?)?)"
             r"(?!\w)", 4),
    # ... and in Spanish, Portuguese, Italian, French, German and Turkish words: "noventa y
    # cuatro años", "noventa e dois anos", "novantatré anni", "quatre-vingt-douze ans",
    # "einundneunzig Jahre", "doksan dokuz yaşında"; an Italian "novantacinquenne".
    ("ID", r"(?i:(?<!\w)(?P<v>noventa(?:[ \t]+[ye][ \t]+[a-zé]+)?|cien|ciento(?:[ \t]+[a-zé]+)?"
           r"|cem|novant[a-zàé]*|cent(?:o|[ \t]+ans)|quatre-vingt-(?:dix|onze|douze|treize|quatorze"
           r"|quinze|seize|dix-sept|dix-huit|dix-neuf)|(?:[a-zä]+und)?neunzig"
           r"|doksan(?:[ \t]+(?:bir|iki|üç|dört|beş|altı|yedi|sekiz|dokuz))?)"
           r"(?=[ \t]+(?:años|anos|anni|ans|jahre|jährige[rn]?|yaşında|yaş)(?!\w)))", 5, value,
     AGE_PLACEHOLDER),
    ("ID", r"(?i:(?<!\w)(?:novant[a-zàé]*enne|centenari[ao]))(?!\w)", 5, value, AGE_PLACEHOLDER),
    # ... in the languages of Central Europe, the Balkans, the Baltic and Greece: "devadesát dva
    # let", "kilencvenkét éves", "nouăzeci și trei de ani", "ενενήντα έξι χρονών", and as one
    # word: "dziewięćdziesięcioletnia", "devadesátiletý".
    ("ID", rf"(?i:(?<!\w)(?P<v>(?:{_NINETY})\w*(?:[ \t]+(?:i|a|și|e|και)?[ \t]*\w+)?)"
           rf"(?=[ \t]+(?:{_YEARS_OLD})(?!\w)))", 5, value, AGE_PLACEHOLDER),
    ("ID", rf"(?i:(?<!\w)(?:{_NINETY})\w*(?:letni|let[ýáé]|ročn|godišnj|éves)\w*)", 5,
     value, AGE_PLACEHOLDER),
    # ... in a Nordic language, as a number is said there ("er nittitre", "fyllde nittiosex",
    # "treoghalvfems år"; no share or count: "nittio procent", "nitti minutter"), and in digits
    # after turning it ("fylte 91 i går", "täytti 95").
    ("ID", rf"(?i:(?<!\w)(?P<v>(?:[a-zæøå]+og)?(?:{_NORDIC_NINETY})[a-zäöåæø]*+)"
           r"(?![ \t]*(?:%|procent|prosent|prosenttia|min|mg|kg|ml|mmhg|sek|dag|døgn|dygn|päiv"
           r"|tim|tun|kr|euro)))", 5, value, AGE_PLACEHOLDER),
    ("ID", r"(?i:\b(?:fyllde|fylte|fyldte|fyller|fylder|täytti|täyttää|varð|verður)[ \t]+)"
           r"(?P<v>9\d|1[01]\d)(?![\w/]|[.,]\d)", 5, value, AGE_PLACEHOLDER),
    *SOUTH_ASIAN_RULES,
]
# fmt: on
