"""The rules for identifiers written as numbers, for assistant/answering/phi_rules.py:
national and social security numbers; hospital record, insurance and member numbers; the
numbers other services give a patient (a prison, the military, a trial, a transplant
service); references that name a patient (a prescription, a complaint, a police case); the
code to a patient's door; where a patient lives inside an institution; vehicle plates.

Each rule is (kind, pattern, rank[, accept[, fixed placeholder]]), in the order the table
reads them: phi_rules.py compiles them in place, so a tie between two equally long matches
of one rank resolves as it always did.
"""

from __future__ import annotations

from assistant.answering.phi_numbers import (
    REFERENCE,
    REFERENCE_CODE,
    a_handle,
    a_persons_code,
    a_plate,
    a_reference,
    min_digits,
    not_a_document,
    not_a_phone,
    not_a_products_lot,
    not_a_series,
)

SEP = r"[ \t]*(?:[:#=]|\bis\b)?[ \t]*"  # label to value: "MRN: x", "MRN is x", "record #x"
NO = r"(?:number|num\b\.?|no\b\.?|nr\b\.?|\#)"
_LABELLED = r"(?P<v>[A-Za-z]{0,3}-?\d(?:[\d-]*\d)?)(?![\w-])"  # "A1234567", "55-12-9"
# A record number as hospitals in many countries write it, in groups joined by slashes or
# dashes, letters among them: "UCH/14/20931", "37/5521", "AH-MRD-661208", "2024-OPD-55178".
RECORD = r"(?P<v>(?=[A-Za-z0-9/-]*\d)[A-Za-z0-9]+(?:[/-][A-Za-z0-9]+){0,4})(?![\w/-])"
# ... or in spaced groups, each with a digit: "8823 4410", "K88241".
_SERVICE_NUMBER = (
    # (letters first then a space, as a badge prints it: "BB 204 118 9")
    r"(?P<v>(?=[A-Za-z0-9/-]*(?:[ ][A-Za-z]{0,3})?\d)[A-Za-z0-9]+"
    r"(?:[/-][A-Za-z0-9]+|[ ](?=[A-Za-z]{0,3}\d)[A-Za-z0-9]+){0,4})(?![\w/-])"
)
# A member or beneficiary id in groups, each with a digit after an optional letter prefix:
# "1EG4-TE5-MK73", "AB12345C", "AET 8827 3391 02", "P-20918-77".
_GROUPED = (
    r"(?P<v>(?:[A-Za-z]{1,4}[ -]?)?\d[\dA-Za-z]*(?:[ -](?=[\dA-Za-z]*\d)[\dA-Za-z]+){0,4}"
    r"(?:-[A-Za-z]{1,3})?)(?![\w-])"  # a version code after the digits: "4532-281-907-KT"
)

# One or more references joined by a slash or "and": "serials HX4410A / HX4411A", "CRN 318
# 442 910K".
_CODES = rf"(?P<v>{REFERENCE_CODE}(?:[ \t]*(?:/|&|\band\b)[ \t]*{REFERENCE_CODE})*)(?![\w-])"
# A home where many live, by its name ("Beechwood Lodge", "St Jude's Lodge", "the YMCA") or
# its kind ("the hostel", "the women's shelter"), and a room, mat or bed in it.
_HOME_NAMED = (
    r"(?:[A-Z][\w'’]*[ \t]+){1,3}(?:Lodge|House|Court|Refuge|Shelter|Hostel|Manor|Grange"
    r"|(?i:care[ \t]+home|nursing[ \t]+home|church[ \t]+hall))|YMCA|YWCA"
)
_HOME_WORD = (
    r"(?i:\bthe[ \t]+(?:[a-z'’]+[ \t]+)?(?:hostel|night[ \t]+shelter|shelter|refuge|wet[ \t]+house"
    r"|halfway[ \t]+house|YMCA|YWCA))"
)
_ROOM = r"(?i:\b(?:rm|room|flat|mat|cot|bunk))[ \t]*\#?[ \t]*\d{1,4}[A-Za-z]?"
# One rule per line so the table reads as a list; the formatter would spread each over 5.
# fmt: off
NUMBER_RULES = [
    ("SSN", rf"(?i:\bSSN|\bSS[ \t]*\#|\bsocial(?:[ \t]+security)?(?:[ \t]+{NO})?"
            rf"|\bsoc\.?[ \t]+sec\.?(?:[ \t]+{NO})?){SEP}"
            r"(?P<v>\d{3}[-. ]?\d{2}[-. ]?\d{4})(?!\d)", 0),
    # A Czech or Slovak birth number, the date's six digits, a slash, three or four: "785821/8082".
    ("SSN", r"(?<![\w/.-])\d{6}/\d{3,4}(?![\w/-]|[.,]\d)", 2),
    # Canada's SIN and Australia's tax file number (TFN): nine digits, in threes or not.
    ("SSN", r"(?i:\bSIN|\bTFN|\btax[ \t]+file[ \t]+(?:number|no\b\.?)"
            r"|\bsocial[ \t]+insurance(?:[ \t]+number)?)[ \t]*[:#,]?[ \t]*"
            r"(?P<v>\d{3}[- ]?\d{3}[- ]?\d{3})(?!\d)", 0),
    # Unlabelled, in its 3-2-4 grouping with dashes, spaces or dots: 123-45-6789, 627 81 4410.
    ("SSN", r"(?<![\w.-])\d{3}([-. ])\d{2}\1\d{4}(?![\w-]|[.,]\d)", 1),
    # Unlabelled, nine digits in threes (a Canadian SIN, an NDIS participant, a Portuguese SNS,
    # a Dutch policy number: "046 454 286"), or eleven with two before (a German tax id, "47
    # 036 892 816"); not a round amount ("150 000 000") nor readings in a row.
    ("ID", r"(?<![\w.,/-])(?:\d{2}[ .-])?\d{3}([ .-])\d{3}\1\d{3}"
           r"(?![\w/-]|[.,]\d)", 1, not_a_series),
    # Its last four, as identity is checked on the phone: "SSN ending 0921", "last 4 of social
    # 2290", "last four SSN 7718"; and a masked one, "xxx-xx-3392".
    ("SSN", rf"(?i:(?:\blast[ \t]+(?:4|four)(?:[ \t]+digits)?[ \t]+"
            rf"(?:of[ \t]+(?:(?:the|her|his|their)[ \t]+)?)?)?"
            rf"(?:\bSSN|\bSS[ \t]*\#|\bsocial(?:[ \t]+security)?(?:[ \t]+{NO})?)"
            r"(?:[ \t]+(?:ending(?:[ \t]+in)?|last[ \t]+(?:4|four))"
            r"|[ \t]*\([ \t]*last[ \t]+(?:4|four)[ \t]*\))?"
            r"(?:[ \t]+(?:is|was))?)[ \t]*[:#=-]?[ \t]*(?P<v>\d{4})(?![\d/.:-])", 0),
    # ... set off by a comma after it: "the last 4 of her social, 7731"
    ("SSN", r"(?i:\blast[ \t]+(?:4|four)(?:[ \t]+digits)?[ \t]+of[ \t]+(?:(?:the|her|his|their)"
            r"[ \t]+)?(?:SSN|social(?:[ \t]+security)?))[ \t]*,[ \t]*(?P<v>\d{4})(?![\d/.:-])", 0),
    ("SSN", r"(?<![\w-])(?i:[x*#]{3}[- ]?[x*#]{2}[- ]?)\d{4}(?![\w-])", 0),
    # Other countries' national numbers: an Irish PPSN "1234567TA", an Indian Aadhaar
    # "4821 7730 1968", a UK National Insurance number "QQ 12 34 56 C".
    ("SSN", r"(?i:(?:\bPPSN?\b|\bpersonal[ \t]+public[ \t]+service)(?:[ \t]+(?:no\b\.?|number))?)"
            r"[ \t]*(?:[:#,]|\bis\b)?[ \t]*"
            r"(?P<v>\d{7}[A-Za-z]{1,2})\b", 0),
    # Malaysia's identity card (MyKad): the birth date, a place code and four digits,
    # "480715-10-5331"; no dose, range or phone number is grouped six, two, four.
    ("SSN", r"(?<![\w-])\d{6}-\d{2}-\d{4}(?![\w-])", 0),
    # Singapore's NRIC or FIN: a letter, seven digits and a check letter ("S4812356F").
    ("SSN", r"(?<![\w-])(?:[STFGM]\d{7}[A-Z]|[stfgm]\d{7}[a-z])(?![\w-])", 0),  # (or typed small)
    # ... masked but for its last digits and letter after its label: "NRIC XXXXX378D"
    ("SSN", r"(?i:\b(?:NRIC|FIN)\b)[ \t]*[:#]?[ \t]*"
            r"(?P<v>(?i:[STFGM]?[X*]{3,}\d{2,4}[A-Z]))(?![\w-])", 0),
    # A veteran's claim file number: "VA file number C-28 117 904", "VA claim # 28117904".
    ("ID", rf"(?i:\bVA[ \t]+(?:claim|file)[ \t]*(?:{NO})?){SEP}{_GROUPED}", 1),
    # A radio amateur's call sign, one person's for life: "call sign KD0QRT".
    ("ID", r"(?i:\bcall[ \t-]?sign)[ \t]*(?:is[ \t]+)?[:#]?[ \t]*"
           r"(?P<v>[A-Z]{1,2}\d[A-Z]{1,4})(?![\w-])", 1),
    ("SSN", r"(?i:\baadhaa?r(?:[ \t]+(?:no\b\.?|number|card))?)[ \t]*(?:[:#]|\bis\b)?[ \t]*"
            r"(?P<v>\d{4}[ -]?\d{4}[ -]?\d{4})(?!\d)", 0),
    ("SSN", r"(?<![\w-])[A-CEGHJ-PR-TW-Z]{2}[ \t]?\d{2}[ \t]?\d{2}[ \t]?\d{2}[ \t]?[A-D]"
            r"(?![\w-])", 1),
    # … and any two letters after its label ("NI number QQ 12 34 56 C", the forms' example).
    ("SSN", r"(?i:\bNI[ \t]+(?:no\b\.?|number)|\bNINO\b|\bnational[ \t]+insurance(?:[ \t]+"
            r"(?:no\b\.?|number))?)[ \t]*[:#]?[ \t]*(?P<v>[A-Z]{2}[ \t]?\d{2}[ \t]?\d{2}[ \t]?"
            r"\d{2}[ \t]?[A-D])(?![\w-])", 0),
    # An individual health identifier (Ireland, Australia): sixteen digits in fours.
    ("MRN", r"(?i:\bIHI\b(?:[ \t]+(?:no\b\.?|number))?)[ \t]*[:#]?[ \t]*"
            r"(?P<v>\d{4}[ -]?\d{4}[ -]?\d{4}[ -]?\d{4})(?!\d)", 0),
    ("MRN", rf"(?i:\bNHS(?:[ \t]+{NO})?){SEP}(?P<v>\d{{3}}[ -]?\d{{3}}[ -]?\d{{4}})(?!\d)", 1),
    # In spaced groups, as a health card prints it: "PHN 9876 543 210", "MRN 4471 023 118".
    ("MRN", r"(?i:\bMRN|\bPHN|\bHCN|\bHC(?=[ \t]*\#))\b[ \t]*[:#]?[ \t]*"
            r"(?P<v>\d{3,5}(?:[ \t]\d{3,4}){1,3})(?![\w.-])", 0),
    ("MRN", rf"(?i:\bMRN|\bMR[ \t]*(?:\#|no\b\.?)|\bmedical[ \t]+record(?:[ \t]+{NO})?"
            rf"|\b(?:hospital|hosp\.?|unit|case|record|CHI)[ \t]*{NO}|\bmed(?:ical)?[ \t]+rec\b"
            # a trust's letter for its numbers: "K number K2287390" (not "a number of")
            r"|(?-i:\b[B-Z])[ \t]+number\b(?![ \t]+of)"
            r"|\bURN?\b|\bABHA\b|\bUHID\b|\bIHI\b|\b(?:EMIS|SystmOne|practice|folder)[ \t]*"
            rf"(?:{NO}|id\b)"
            rf"|\b(?:patient|pt)[ \t]+(?:ID|identifier|{NO})){SEP}{_LABELLED}", 1,
     min_digits(4)),
    # ... and in groups with slashes or letters, after a record's label (India's in-patient,
    # out-patient and records department numbers among them): "hosp no GGH/22/1457", "Folder:
    # 37/5521", "IPD 24/7781", "MRD No: AH-MRD-661208", "reg no 2024-OPD-55178".
    ("MRN", rf"(?i:\b(?:hospital|hosp\.?|unit|case|record|registration|reg|folder|file|clinic)"
            rf"[ \t]*{NO}|\breg(?=[ \t]*:)"
            # an antenatal card's or a child welfare clinic's number: "ANC no. 0341"
            rf"|\b(?-i:ANC|CWC)[ \t]*{NO}"
            rf"|\bfolder\b|\b(?-i:IPD?|OPD|MRD|UHID|MRN|ICN)\b(?:[ \t]*{NO})?|\bip[ \t]+{NO}"
            # a sexual health clinic's number, a Sri Lankan bed-head ticket's, an INR book's:
            # "GUM no. SH-448213", "(GUM 4491)", "BHT no 4412/23", "book number AC/0931/22"
            rf"|\b(?-i:GUM|GIC|BHT)\b(?:[ \t]*{NO})?|\bbook[ \t]*{NO}"
            # a Kenyan comprehensive care clinic's number: "CCC 14567-00345"
            rf"|\b(?-i:CCC|CTC)\b(?:[ \t]*{NO})?)"
            rf"{SEP}{RECORD}", 1,
     min_digits(4)),
    # ... or a trust's prefix spaced from its digits: "hospital no. CV3 441207".
    ("MRN", rf"(?i:\b(?:hospital|hosp\.?|unit|case|record|clinic)[ \t]*{NO}){SEP}"
            r"(?P<v>[A-Z]{1,3}\d{0,2}[ ]\d{5,8})(?![\w/-]|[.,]\d)", 1),
    ("ID", rf"(?i:\bmedicare(?:[ \t]+card)?|\bmedicaid|\bMBI\b|\bHICN?\b|\bNHI\b"
           r"|\bnational[ \t]+health[ \t]+index"
           r"|\bOHIP\b|\bhealth[ \t]+card"
           r"|\bPHN\b|\bpersonal[ \t]+health[ \t]+(?:number|no\b\.?)|\bRAMQ\b"
           r"|\bPHIN\b|\bYHCIP\b|\bMCP\b"  # Manitoba's, Yukon's, Newfoundland's
           r"|\bmedical[ \t]+card|\baccession|\bacc[ \t]*\#"
           rf"|\blot(?:[ \t]+{NO})?|\b(?:pt|patient)[ \t]+id"
           rf"|\bchart(?=[ \t]*(?:{NO}|id\b|:|[A-Za-z]{{0,3}}-?\d))"
           rf"|\b(?:insurance|policy|member|subscriber|beneficiary)[ \t]+(?:id|{NO})|\bid\b"
           r"|\binsurance[ \t]+policy)"
           # (a schedule's item is no one's: "Medicare item 35503"; nor Medicaid's 1115 waivers,
           # nor a supply's HCPCS code: "Medicare E0471")
           rf"[ \t]*(?i:{NO}|id\b)?(?:[ \t]+of\b)?{SEP}"
           rf"(?!(?i:items?)\b|1115\b|[A-V]\d{{4}}(?![\w-]))\(?{_GROUPED}", 1, not_a_products_lot),
    # An exercise or a glucose app's code for one patient, in dashed groups: "PhysiApp access
    # code KX7-42Q9", "share code JHX-772-PLQ".
    ("ID", r"(?i:\b(?:access|share|sharing|invite|pairing)[ \t]+code)[ \t]*(?:is[ \t]+)?[:#]?[ \t]*"
           r"(?P<v>(?=[A-Za-z0-9-]*\d)[A-Za-z0-9]{2,6}(?:-[A-Za-z0-9]{2,6}){1,3})(?![\w-])", 1),
    # A nation's or a province's number for its member or resident: "HSN 102 457 889"
    # (Saskatchewan), "MNO citizenship no. 4417-2290", "tribal enrollment 1247-08", "census #
    # 219,887".
    ("ID", rf"(?i:\bHSN\b|\bcitizenship[ \t]+(?:{NO}|id\b)|\b(?:tribal[ \t]+)?enrol(?:l)?ment"
           rf"(?:[ \t]+(?:{NO}|id\b))?|\bcensus[ \t]*\#)"
           r"[ \t]*[:#]?[ \t]*(?P<v>\d[\d ,-]{3,12}\d)(?![\w-]|[.,]\d)", 1, min_digits(5)),
    # Zambia's national registration card: "NRC: 284716/61/1" (no other number is written so).
    ("ID", r"(?<![\w/])\d{6}/\d{2}/\d(?![\w/])", 1),
    # Sri Lanka's national identity card: nine digits and V or X, or (since 2016) twelve.
    ("ID", r"\bNIC\b(?:[ \t]*(?i:no\b\.?))?[ \t]*[:#]?[ \t]*(?P<v>\d{9}[VvXx]|\d{12})(?![\w-])", 1),
    # An Australian veteran's file number after its department: its state's letter, the war's
    # or the service's letters and the digits ("DVA TX8731", "DVA gold card NX123456").
    ("ID", r"\bDVA(?:[ \t]+(?i:file|gold|white|orange|card|number|no\.?))*[ \t]*[:#]?[ \t]*"
           r"(?P<v>[NVQSWT][A-Z]{1,3}[ \t]?\d{2,6}[A-Z]?)(?![\w-])", 1),
    # A Medicare beneficiary identifier without its label: 1EG4-TE5-MK73.
    ("ID", r"(?<![\w-])[1-9][A-Z][A-Z\d]\d-?[A-Z][A-Z\d]\d-?[A-Z]{2}\d{2}(?![\w-])", 1),
    # A club's or a gym's member number of five digits: "member 55021".
    ("ID", r"(?i:\bmember(?:ship)?(?:[ \t]+(?:no\.?|number|id))?)[ \t]*[:#]?[ \t]*(?P<v>\d{5})"
           r"(?![\w/-]|[.,]\d)", 1),
    # A payer's number after its holder's word alone: "Aetna member W2281934701".
    # (and California's Medi-Cal client index number: "medi-cal CIN 91832745A")
    ("ID", r"(?i:\b(?:member|subscriber|beneficiary|policy|insurance|medicaid|medicare|medi-?cal"
           r"|CIN)\b)"
           r"[ \t]*[:#]?[ \t]*(?P<v>[A-Za-z]{0,3}\d{6,}[A-Za-z\d]*"
           # (in two spaced groups, "member W2841 77390", dashed, "policy 1002-3345-6612" or
           # "plan member 4471-29983-00", or as New York writes a Medicaid client's, "CIN
           # XR48213K")
           r"|[A-Za-z]{0,3}\d{4,}[ ]\d{4,}|\d{3,}(?:-\d{3,}){2,}|\d{4,}-\d{4,}-\d{2}"
           r"|[A-Z]{2}\d{5}[A-Z])(?![\w-])", 1),
    # (an encounter's number too: "Enc# E20240311-0087")
    ("ID", rf"(?i:\bacct\b\.?|\bacc[ \t]+{NO}|\baccount[ \t]+{NO}|\benc\b(?=[ \t]*\#)"
           rf"|\bencounter[ \t]+(?:ID|{NO})"
           rf"|\b(?:insurance|policy|member|claim)[ \t]+"
           rf"(?:ID|{NO})|\bID[ \t]*(?:{NO}|:)){SEP}{_LABELLED}", 1,
     not_a_document(min_digits(4))),
    # A record about one person, after the word for it: "Claim 4471-22-90815", "invoice
    # INV-2024-55817", "passport AK0927714", "driving licence NAIR9755129PN9XY", "birth
    # certificate no. B-2023-118402", "sample BT24-33018", "user 9QK2HX", "UBRN 0001 2345 6789".
    ("ID", rf"(?i:\b(?:claim|invoice|receipt|account|group|booking|template|photo|licen[cs]e"
           rf"|passport|visa|permit|certificate|card|sample|specimen|user(?:name)?|UBRN|(?-i:DL|UPN)"
           r"|(?:donor|sperm|egg|embryo)[ \t]+(?:code|id|ref)"  # a pupil's, a donor's
           # a prescription exemption or concession: "MatEx number 5301 8829 041"
           r"|matex|medex|exemption|concession|HC2|PPC|(?-i:HC)(?=[ \t]*\#)"
           r"|(?:tissue[ \t]+typing[ \t]+)?lab(?:oratory)?[ \t]+(?:no|number|ref)"
           # a participant's: "Trial no: PR-0193", "trial pt 07-114"
           r"|(?:trial|study)[ \t]+(?:no|number|id|pt|patient|participant))\b"
           rf"(?:[ \t]+(?:ref(?:erence)?\b|id\b|{NO}))?,?){SEP}{REFERENCE}", 1, a_reference),
    # One person's numbers after the word for what they number, where the word says no
    # quantity follows: an order, a device's serial ("serials 2231FF09 / 2231FF10", "recorder
    # AE-0093", "Zio patch ZIO-A0481122"), a taxi badge, a fertility cycle, an embryo, a
    # family or a cohort in a study, a needle exchange's client, a release of information's
    # request, a confirmation, an authorisation ("auth# A048829113"), a forensic examination,
    # and other countries' numbers (Centrelink's CRN, Jamaica's TRN, Barbados's NIS, India's
    # PAN, Australia's NDIS, Spain's NHC and DNI, Europe's health insurance card), and a
    # hospital's record number in other languages.
    ("ID", rf"(?i:\b(?:order[ \t]+(?:{NO}|ref)|serials?(?:[ \t]+numbers?)?|recorder|headband|loaner"
           r"|serie(?:nr|nummer)|seriennummer|sarjanumero"
           # a hospital's record in other languages: "prontuário", "nº de processo",
           # "cartella clinica", "historia clínica", "dossier", "Fallnummer", "patnr"
           r"|prontu[áa]rio|processo|cartella(?:[ \t]+clinica)?|historia[ \t]+cl[íi]nica"
           r"|dossier|fall(?:nummer|nr)|patnr"
           r"|(?:taxi[ \t]+)?badge|cycle|embryo|family|cohort|client|envelope|confirmation"
           r"|auth(?:ori[sz]ation)?|forensic|request|req|study[ \t]+record|patch|(?-i:CRN|MCRN"
           r"|TRN|NIS|PAN|NDIS|NHC|DNI|GHIC|EHIC|HMIS|DECIPHER|SU))\b\.?"
           rf"(?:[ \t]*(?:{NO}|id\b|ref\b))?){SEP}(?:\(?(?i:id)[ \t]+)?{_CODES}", 1,
     a_reference),
    # A form's, a file's or a court docket's reference for one person: "form ref ADN/4471",
    # "CCB file TO-25-1187", "Docket No. 2584MH000417", "Ref: VC-8830-AK" on a line of its own.
    ("ID", rf"(?i:\b(?:form|file|case)[ \t]+ref(?:erence)?\b\.?|\bdocket(?:[ \t]+{NO})?"
           rf"|\bfile(?=[ \t]+[A-Z0-9]{{1,4}}-))"
           rf"{SEP}{REFERENCE}", 1, a_reference),
    # (a bare "Ref:" opening a line holds a policy's or a PGD's code as often: four digits)
    ("ID", rf"(?i:(?:^|\n)[ \t]*ref\b\.?(?=[ \t]*:)){SEP}{REFERENCE}", 1, min_digits(4)),
    ("ID", rf"(?i:\b(?:form|file|case)[ \t]+ref(?:erence)?\b\.?){SEP}"
           r"(?P<v>[A-Za-z0-9]+(?:/[A-Za-z0-9]+)+)(?![\w/])", 1, a_reference),
    # A laboratory's number for one sample, dots and dashes among its digits: "lab number
    # H24-03381", "lab no M24.0873321".
    ("ID", rf"(?i:\blab(?:oratory)?[ \t]+{NO}){SEP}(?P<v>[A-Za-z]{{0,3}}\d[\w.-]*\d)(?![\w-])", 1,
     a_reference),
    # A prescription's or a booking's reference: "Rx ref 55-091827", "referral no. 4471"; a
    # "ref" alone before five digits or more, "ref POD-33418" (a device's "REF 320118" in
    # capitals is its catalogue number, "ref: ED-PGD-07" a document's).
    ("ID", rf"(?i:\b(?:rx|prescription|script|referral|booking)[ \t]+(?:ref(?:erence)?\b\.?|{NO}))"
           rf"{SEP}{REFERENCE}", 1, a_reference),
    ("ID", rf"\b(?:ref|Ref)\b\.?(?:[ \t]+(?i:no\b\.?|number|\#))?{SEP}{REFERENCE}", 1,
     min_digits(5)),
    # ... written with slashes, or after the whole word: "Complaint ref C/2024/1187",
    # "reference CMP/LASUTH/24/119" (not "reference range 3.5-5.0").
    ("ID", rf"\b(?:[Rr]ef(?:erence)?)\b\.?(?:[ \t]+(?i:no\b\.?|number|\#))?{SEP}{RECORD}", 1,
     not_a_document(min_digits(5))),
    # A governance case about one patient, after its system's or its body's name: an incident
    # ("StEIS 2024/12345", "Datix W123456"), an investigation ("MNSI referral MI-034512"), a
    # coroner's request ("COR 2024 003812", "Coronial request CSU-2024-AKL-000712"), a
    # regulator's register ("PIN 09A1234E"), a prison's number ("prison no. A1234BC").
    ("ID", rf"(?i:\b(?:steis|datix|rl6|riskman|psls|nims|psii|hsib|mnsi|phso|ombudsman|inquest"
           rf"|coronial|coroner['’]?s?|(?-i:COR|PIN)|prison[ \t]+{NO})"
           rf"(?:[ \t]+(?:request|referral|notification|ref(?:erence)?\b\.?|file|case|id\b|{NO}))?)"
           rf"{SEP}{RECORD}", 1, not_a_document(min_digits(4))),
    ("ID", rf"(?i:\b(?:steis|datix|rl6|riskman|psls|nims|coroner['’]?s?|(?-i:COR))"
           rf"(?:[ \t]+(?:request|ref(?:erence)?\b\.?|{NO}))?){SEP}"
           r"(?P<v>\d{2,4}(?:[ \t]\d{3,6}){1,2})(?![\w-])", 1),
    # A national health insurance number (Nigeria's NHIA, Ghana's NHIS) and an insurer's
    # approval for one patient's care: "NHIA no 21100488712/0", "hmo approval code
    # AXA/PA/88312", "pre-auth no. 55-1102".
    ("ID", rf"(?i:\b(?:NHIA|NHIS)(?:[ \t]+(?:id\b|card|{NO}))?"
           rf"|\b(?:approval|authori[sz]ation|pre-?auth(?:ori[sz]ation)?)[ \t]+(?:code|id\b|{NO}))"
           rf"{SEP}{RECORD}", 1, min_digits(4)),
    # The numbers the services a patient passes through give him: "EDIPI 1402958831", "service
    # number 857421", "Prisoner No: 91244", "Inmate: K88241", "PNC ID: 85/112934X", "GMS no
    # 8734621M", "UHIP # 9932-118-44", "CHAMPVA # 23-114-9987", "VAC client # 1234-567", "UCI
    # 11-2233-4455", "IFHP cert IFH-88213", "wristband # 2025-33871", "OSHC membership number
    # 8823 4410".
    ("ID", rf"(?i:\bEDIPI\b|\bDoD[ \t]+ID\b|\bservice[ \t]+{NO}|\b(?:prisoner|inmate|detainee)\b"
           rf"(?:[ \t]*(?:id\b|{NO}))?|\bPNC(?:[ \t]+ID)?\b|\bGMS[ \t]*{NO}|\bUHIP\b|\bCHAMPVA\b"
           rf"|\b(?:VAC[ \t]+)?client[ \t]*(?:id\b|{NO})|\bUCI\b|\bIFHP(?:[ \t]+cert(?:ificate)?)?"
           rf"|\bwristband[ \t]*{NO}|\bmembership[ \t]+{NO}|\bOSHC\b(?:[ \t]+{NO})?"
           # a staff member's own numbers when staff are the patients (occupational health),
           # a transplant list's and a parking badge's: "payroll no. 772019", "emp IN-40917",
           # "list no. UK-K-40921", "badge no. KW88123A"
           rf"|\b(?:payroll|employee|staff|emp)[ \t]*(?:id\b|{NO})|\bemp\b|\bpayroll\b"
           rf"|\b(?:list|badge)[ \t]+{NO}|\bintake[ \t]*{NO}"
           # an asylum seeker's numbers: "ARC no. MJS 012345 67" (the registration card), "UAN
           # 1212-0034-5678-9012", a US alien number "A-Number: A-212-345-678", "A# 201-456-789"
           rf"|\bARC(?:[ \t]+card)?(?:[ \t]+{NO})?|\bUAN\b|(?-i:\bA)(?:-?number\b|\#)"
           # a major incident's triage tag, a MedicAlert bracelet's, an ambulance record's and
           # a dispatch log's numbers: "tag T1-0457", "medic alert no. 448210", "ePCR number
           # 7734-0921-AB", "CAD: 1104-2211"
           rf"|\btriage[ \t]+tag\b|(?<!asset )(?<!equipment )\btag\b"
           rf"|\bmedic[ \t]?alert\b(?:[ \t]+(?:bracelet|necklace|tag|id\b))?"
           # a screening kit's barcode, a voiceprint's or a fingerprint's reference
           rf"|\bbarcode|\b(?:voice|finger)[ \t-]?print(?:[ \t]+(?:template|id|ref))?"
           rf"|\bePCR\b|\bCAD(?=[ \t]*[:#])"
           # a service number after its short label, "SN M72 114 903" (not "SN Jones", a nurse)
           r"|(?-i:\bSN\b))"
           rf"[ \t]*(?:{NO})?{SEP}{_SERVICE_NUMBER}", 1, min_digits(4)),
    # A trial participant's numbers, a transplant's and a blood unit's, an attendance's:
    # "subj 2207 =", "randomisation number 17-0456", "(scr 0773)", "recipient number
    # R-2024-0331", "cord blood unit CBU-SG-00412", "A&E no. 2025-ED-44821", a German
    # insurance number ("versichertennr. A123456780").
    ("ID", rf"(?i:\b(?:subj(?:ect)?|participant|ppt|randomi[sz]ation|rand|screening|scr|kit"
           rf"|recipient|donor|(?:cord[ \t]+blood[ \t]+)?unit|A&E|attendance)\b\.?"
           rf"(?:[ \t]+(?:id\b|{NO}))?|\bversicherten(?:nr|nummer)\b\.?)"
           rf"{SEP}{RECORD}", 1, min_digits(4)),
    # A social media handle or user name wherever it stands: small letters and digits joined
    # by underscores ("WeChat is denglin_uk88", "@lil_kayden_07"); no clinical word is
    # written so (a policy's "PD2020_018" has capitals, a variant's "c.68_69delAG" a dot).
    ("ID", r"(?<![\w.@/-])@?(?=[a-z0-9_]*[a-z]{3})[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\w@-]|\.\w)",
     2, a_handle),
    # A portal's or an app's user name: "username is bigdave_1958", "User: participant.pwright88".
    ("ID", r"(?i:\b(?:user[ \t]*name|user|login|portal[ \t]+(?:id|user(?:name)?))(?:[ \t]+is)?)"
           r"[ \t]*:?[ \t]*(?P<v>[A-Za-z][A-Za-z0-9]*[._][A-Za-z0-9._]*\d[A-Za-z0-9._]*"
           r"|[A-Za-z]+_[A-Za-z0-9_]+)(?![\w.@-])", 1),
    # ... after its own label, letters and digits or two words joined by a dot: "Username:
    # bchaudhry7", "username is mercy.lake" (not "username and password").
    ("ID", r"(?i:\buser[ \t]*name(?:[ \t]+is)?)[ \t]*:?[ \t]*"
           r"(?P<v>[A-Za-z]+\d+[A-Za-z0-9]*|[a-z]+\.[a-z]+)(?![\w.@-])", 1),
    # A fingerprint's or a face image's reference: "Fingerprint ref (IDENT1): 22Q-778341",
    # "FPS no. (fingerprint): 8834127D".
    ("ID", rf"(?i:\b(?:fingerprint|iris|retinal|voice(?:print)?|facial[ \t]+image|face[ \t]+image)"
           rf"(?:[ \t]+(?:scan|image|photo|template))?[ \t]+(?:ref(?:erence)?|code"
           rf"|id\b|{NO})|\bFPS(?:[ \t]*{NO})?)\.?(?:[ \t]*\([^)\n]{{1,20}}\))?{SEP}"
           rf"{_SERVICE_NUMBER}", 1,
     min_digits(4)),
    # The last four digits of a Social Security number: "Last 4: 6620", "SSN last four 2291".
    ("SSN", r"(?i:\b(?:SSN[ \t]+)?last[ \t]*(?:4|four)(?:[ \t]+(?:of[ \t]+)?(?:SSN|SS\#?))?)"
            r"[ \t]*[:#]?[ \t]*(?P<v>\d{4})(?![\w/-])", 1),
    # Where a patient lives inside an institution: a ship's cabin, a cell on a form ("Cell:
    # 4B-17", "Pod C, cell 112"), a room in a hall of residence ("Hartley Hall rm 412", "rm
    # 305, Lakeview Hall", "Dorm: Reid Hall, room 318").
    ("ADDRESS", r"(?i:\bcabin)[ \t]*[:#]?[ \t]*(?P<v>\d{3,5}[A-Z]?)(?![\w/-])", 3),
    ("ADDRESS", r"(?:\bCell[ \t]*[:#][ \t]*|(?i:\bpod[ \t]+[A-Z0-9]{1,2},?[ \t]+cell[ \t]+))"
                r"(?P<v>[A-Z0-9]{1,3}(?:-[A-Z0-9]{1,3})?)(?![\w/-])", 3, min_digits(1)),
    ("ADDRESS", r"(?i:\b(?:hall|dorm|residence|res)\b[^.?!\n]{0,30}?\b(?:rm|room)\b)"
                r"[ \t]*#?[ \t]*(?P<v>\d{2,4}[A-Z]?)(?![\w/-])", 3),
    ("ADDRESS", r"(?i:\b(?:rm|room)\b)[ \t]*#?[ \t]*(?P<v>\d{2,4}[A-Z]?)"
                r"(?=,?[ \t]+[A-Z][a-z]+[ \t]+(?:Hall|House|Residence|Lodge)\b)", 3),
    # A room in a home for many, a hostel, a refuge or a shelter, with the home's name where it
    # is given: "Beechwood Lodge rm 12", "Sunrise Family Shelter rm 212", "St Anne's church
    # hall, mat 12", "Room 2 at Lighthouse Women's Refuge", "Room 22, St Jude's Lodge".
    ("ADDRESS", rf"(?P<v>(?:{_HOME_NAMED}|{_HOME_WORD})(?:[ \t]+(?:on|in)[ \t]+[^,.?!\n]{{1,25}}?)?"
                rf",?[ \t]+{_ROOM})(?![\w/-])", 3),
    ("ADDRESS", rf"(?P<v>{_ROOM},?[ \t]+(?:(?:at|in)[ \t]+)?(?:the[ \t]+)?{_HOME_NAMED})"
                r"(?![\w'’-])", 3),
    # A complaint's, grievance's or incident report's number, which names the patient it is
    # about: "Grievance G-2024-0412", "Patient relations file PR-24-3318", "RL6 #2024-5512".
    ("ID", rf"(?i:\b(?:complaint|grievance|PALS|concern|incident|datix|medico-?legal|appeal)"
           rf"(?:[ \t]+(?:case|file|report))?(?:[ \t]+(?:ref(?:erence)?\b\.?|id\b|{NO}))?"
           r"|\bpatient[ \t]+relations[ \t]+file|\bRL6\b)"
           rf"[ \t]*(?:[:#=]|\bis\b)?[ \t]*{RECORD}", 1, a_reference),
    # A clinic's code for a patient it does not name, letters, a dash and digits: "(real name
    # withheld, code HC-0192)" (not a billing code, "code G2012", nor a form's, "code VB-100").
    ("ID", r"(?i:\bcode)[ \t]*[:#]?[ \t]*(?P<v>[A-Z]{1,4}-\d{4,})(?![\w-])", 1),
    # The code that opens a patient's door: "buzzer code 1702", "key safe 4471", "keysafe
    # code is 2580".
    ("ID", r"(?i:\b(?:(?:key[ \t]*safe|buzzer)(?:[ \t]+code)?|(?:door|entry|gate|access)[ \t]+code)"
           r"(?:[ \t]+(?:for|to)[ \t]+(?:the|her|his|their)[ \t]+[a-z]+)?(?:[ \t]+is)?"
           # what is said of the code before it: "key safe code changed (was 1357)", "Key
           # safe: yes - 1984"
           r"(?:[ \t]*(?::|-|\(|(?:yes|code|changed|now|was|is|new|old)\b))*)"
           r"[ \t]*:?[ \t]*"
           r"(?P<v>[A-Za-z]?\d{4,6})(?![\w/-]|[.,]\d)", 1),
    # A police or safeguarding case, by its reference: "case ref TU-DUB-2025-0772", "crime
    # no. 01/55123/24", "custody number 4471", "MASH ref 22-1180", "CAD 1123" (the police
    # log's number; "CAD" before four digits or more, no year, is no heart disease).
    ("ID", rf"(?i:\b(?:case|crime|custody|incident|safeguarding|MASH|police|log)[ \t]+"
           rf"(?:ref(?:erence)?\b\.?|id\b|{NO}|report[ \t]*(?:{NO}|\#))|\bcustody[ \t]+record"
           rf"|(?-i:\bCAD\b)(?:[ \t]+{NO}|(?=[ \t]+(?!(?:19|20)\d\d\b)\d)))"
           rf"{SEP}(?P<v>[A-Za-z0-9]+(?:[-/][A-Za-z0-9]+)*)(?![\w-])", 1, a_reference),
    # A vehicle: "plate WX71 KPL", "rego 1AB 2CD", "car reg NU19 OTB", "VIN JH2RC5005LM200117".
    # (and a car "registered ZQX-412")
    ("ID", r"(?i:\b(?:plates?|rego|reg(?:istration)?(?:[ \t]+(?:no\b\.?|number|plate))?|VIN"
           r"|(?:car|vehicle|van)[ \t]+registered(?:[ \t]+as)?|vehicle(?:[ \t]+identification"
           r"[ \t]+number)?"
           r"|chassis(?:[ \t]+no\b\.?)?))"
           # ("rego of the pt's car is 1HX 7QM")
           r"(?i:[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?(?:[a-z]+['’]s[ \t]+|his[ \t]+|her[ \t]+)?"
           r"(?:car|vehicle|ute|van|truck|bike))?"
           r"[ \t]*(?:[:#=]|\bis\b)?[ \t]*"
           r"(?P<v>[A-Z0-9]{1,4}(?:[ -]?[A-Z0-9]{1,4}){1,2}|[A-HJ-NPR-Z0-9]{17}"
           r"|(?i:[a-z]{2}\d{2}[ ]?[a-z]{3}))(?![\w-])", 1,
     a_plate),
    # A UK plate of today's form without its label, in capitals: "KX21 PLO" (two letters, the
    # year's two digits, a space, three letters: no postcode, code or dose reads so).
    ("ID", r"(?<![\w-])[A-Z]{2}\d{2} [A-Z]{3}(?![\w-])", 1),
    # An Irish plate: the year, the county's letters, the number: "191-D-12345", "05-MO-4471".
    ("ID", r"(?<![\w-])\d{2,3}[ -](?:C|CE|CN|CW|D|DL|G|KE|KK|KY|L|LD|LH|LK|LM|LS|MH|MN|MO|OY|RN|SO"
           r"|T|TN|TS|W|WD|WH|WX|WW)[ -]\d{1,6}(?![\w-]|\.\d)", 1),  # (not "RR 28 T 39.1")
    # A clinic's number for its patient after the bare word, in letters then digits: "clinic
    # SH-55019" (not "clinic 2", a room).
    ("MRN", r"(?i:\bclinic)[ \t]+(?P<v>[A-Z]{1,4}-\d{4,})(?![\w-])", 1),
    # A record's number after a bare "#", in letters and dashed groups: "#J-24-00902" (not
    # "#NOF", a fracture, nor "#4", a count).
    ("ID", r"(?<![\w#])\#[ \t]?(?P<v>[A-Z]{1,3}-\d{2,4}-\d{4,})(?![\w-])", 1),
    # A flight a patient is booked on, with its date a trip that places him: "Ryanair flight
    # FR2312", "Fiji Airways FJ911", "flight no. EK 007".
    ("ID", r"(?i:\b(?:flight|flt)\b\.?(?:[ \t]+(?:no\b\.?|number|\#))?|\bairways|\bairlines?"
           r"|\bryanair|\beasyjet|\bjet2|\bemirates|\bqantas|\blufthansa|\bklm|\betihad"
           r"|\baer[ \t]+lingus)[ \t]*[:#]?[ \t]*"
           r"(?P<v>(?-i:[A-Z]{2}|[A-Z]\d|\d[A-Z])[ \t]?\d{1,4}[A-Z]?)(?![\w-])", 1),
    # A number after an unlisted card's "no.", in three or more groups: "Nagarikta no.
    # 27-01-72-05678" (a citizenship card).
    ("ID", rf"(?<=[A-Za-z])[ \t]+(?i:no\b\.?){SEP}(?P<v>[1-9]\d(?:[ -]\d{{2,}}){{2,}})"
           r"(?![\w-])", 1, not_a_phone(9)),
    # The last digits of a social security number: "SSN ends 4471", "SSN ending in 0932".
    ("SSN", r"(?i:\b(?:SSN|social[ \t]+security(?:[ \t]+(?:number|no\b\.?))?)[ \t]+"
            r"(?:ends|ending)(?:[ \t]+(?:in|with))?)[ \t]*:?[ \t]*(?P<v>\d{4})(?!\w)", 1),
    # A prescriber's registration with a college or board: "Dr Lau (CPSO 87123)", "GMC
    # 7012345", "NPI 1234567890", "DEA AB1234567".
    ("ID", rf"\b(?:CPSO|CPSA|CPSBC|CPSM|CPSS|CMQ|OPQ|GMC|NMC|HCPC|AHPRA|IMC|NPI|DEA)\b"
           rf"(?:[ \t]*{NO})?{SEP}(?P<v>[A-Z]{{0,3}}\d{{4,10}})(?![\w-])", 1),
    # A code in dashed groups of letters and digits after the word for a number: "(DREAMS ID
    # GP-DRM-004512)", "PrEP no KE-PrEP-04412", "Pflegekasse AZ 38-PK-117402" (not after
    # "ref" or "code", which documents and products use as often).
    ("ID", r"(?i:\b(?:id|no\b\.?|number|AZ|Az\.|Aktenzeichen)(?:[ \t]+is)?)[ \t]*"
           r"[:#]?[ \t]*(?P<v>(?=[A-Za-z0-9-]*[A-Za-z])(?=(?:[A-Za-z-]*\d){3})[A-Za-z0-9]+"
           r"(?:-[A-Za-z0-9]+){1,3})(?![\w-])", 1, a_persons_code),
    # A household's number on a health worker's register: "Household #27", "HH no. 114".
    ("ID", rf"(?i:\b(?:household|HH)[ \t]*{NO}){SEP}(?P<v>\d{{1,6}})(?![\w-])", 1),
    # An employee number in its own prefix, without a label: "(EMP-22917)".
    ("ID", r"(?<![\w-])EMP-?\d{4,}(?![\w-])", 1),
    # A hospital or record number without its label: letters then six or more digits.
    # (not a trial's registration: "NCT05567890", "ISRCTN12345678")
    ("MRN", r"(?<![\w-])(?!NCT\d{8}\b|ISRCTN\d)[A-Z]{2,4}\d{6,}(?![\w-])", 2),
    # ... or one letter and seven digits, as many trusts print it: "Bed 12 K3381902" (an FDA
    # clearance, "K123456", has six), and a university its students, in either case
    # ("z5234567 asking if her OSHC covers …")
    ("MRN", r"(?<![\w-])[A-Za-z]\d{7}(?![\w-])", 2),
    # ... or a trust's three letters, a space and seven digits opening a line: "RXH 1234567 /
    # NHS …" (not a label of its own before its number: "DIN 02242963", "REF 8004000")
    ("MRN", r"(?<![^\n])(?!(?:DIN|REF|NCT|CPT|NDC|ICD|INC|LOT|PIN|BIN|PCN|MRN|URN|NHS|CHI|NHI"
            r"|UPC|CAS|SKU|EAN|ABN|TFN|SIN)\b)[A-Z]{3}[ \t]\d{7}(?![\w/-]|[.,]\d)", 2),
]
# fmt: on
