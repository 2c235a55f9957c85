"""The rules for dates tied to a person, for assistant/answering/phi_rules.py: a date in any
written form next to what happened to the patient (admitted, diagnosed, fell, born), a month
and year, a day of the month said in words or after its weekday, a date read out, and the
forms in other languages. Each rule is (kind, pattern, rank[, accept]), in the order the
table reads them: phi_rules.py splices them in place, so ties resolve as they always did.
Which of the matches are a person's is assistant/answering/phi_dates.py's to say.
"""

from __future__ import annotations

from assistant.answering.phi_dates import (
    FOREIGN_MONTH,
    MONTH_ANY_CASE,
    MONTH_SAID,
    NOT_A_DOSE,
    ORD_WORD,
    WHOLE_DATE,
    a_persons_birth_year,
    day_after_twelve,
    day_month,
    persons_date,
    persons_date_only,
    six_digit_date,
)
from assistant.answering.phi_spoken import SPOKEN_DAY, SPOKEN_TWO, SPOKEN_YEAR

# What happened to a patient, before its month and year ("diagnosed 11/2019", "admitted in
# August 2024"): a document's "updated" or "reviewed" is not among them.
_HAPPENED = (
    "admitted|discharged|diagnosed|dx|delivered|seen|started|stopped|onset|fell|surgery|transfused"
    "|implanted"  # "pacemaker implanted 06/2019"
    "|dx['’]d|arrived|emigrated|migrated"  # "dx'd March 1988", "arrived Apr 2022"
)

# The unit after digits that makes them a quantity, no date or record ("150000 units"; a
# bare run of 7+ digits in phi_rules.py is an identifier unless followed so).
QUANTITY = r"[ \t]*(?i:units?|iu|mg|mcg|micrograms?|ml|cells|copies|/)"


# The eras Japan and Taiwan count years in: "昭和13年", "民國22年".
_ERA = "(?:昭和|大正|平成|令和|明治|民國|民国)"


# One rule per line so the table reads as a list; the formatter would spread each over 5.
# fmt: off
DATE_RULES = [
    ("DATE", WHOLE_DATE, 4, persons_date),
    # A date in Chinese, Japanese (its era too) or Korean: "1955年3月4日", "3月20日",
    # "大正15年3月3日", "民國22年", "1938년 5월 4일".
    ("DATE", rf"(?:{_ERA}\d{{1,2}}年|\d{{4}}年)?[ \t]?\d{{1,2}}月[ \t]?\d{{1,2}}[日号號]"
             rf"|{_ERA}\d{{1,2}}年"
             r"|(?:\d{4}년[ \t]?)?\d{1,2}월[ \t]?\d{1,2}일", 4),
    # A month's short name and two digits, a day or a year: "86 in jan 23, 78 jul 23" (no
    # "may": "may 20 mg").
    ("DATE", r"(?<![\w'’-])(?P<v>(?i:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?[ \t]+"
             r"(?:[0-2]?\d|3[01]))(?![\w/.:]|[.,]\d|[ \t]*(?i:mg|mcg|ml|units?|%|am|pm|hrs?)\b)",
     4, persons_date),
    # When a result was taken, in brackets after it: "HbA1c 84 (Nov 2023)", "hba1c 88 (5/2)".
    # (a result's value, not a version's: "guideline v4.2 (Sept 2023)")
    ("DATE", rf"(?<![\w.])\d{{1,3}}(?:\.\d)?[ \t]\((?P<v>(?i:{MONTH_ANY_CASE})\.?[ \t]+"
             r"(?:19|20)?\d{2})\)", 4),
    ("DATE", r"(?<![\w.])\d{1,3}(?:\.\d)?[ \t]\((?P<v>\d{1,2}/\d{1,2})\)", 4, day_month),
    # A month and year of something that happened to the patient: "(documented 06/2021)",
    # "diagnosed 11/2019" (a policy's "updated 06/2024" is not, as for whole dates).
    ("DATE", rf"(?i:\b(?:{_HAPPENED}|documented|since|noted|began|last|fall|op|operation)[ \t]+)"
             r"(?P<v>(?:0?[1-9]|1[0-2])/(?:19|20)\d{2})(?![\w/]|[.,]\d)", 4, persons_date_only),
    # Six digits that read as a day, month and year ("030415" beside a DOB): no count or
    # amount reads so ("150000" has no month).
    ("DATE", rf"(?<![\w.,/-])(?P<v>\d{{6}})(?![\w/-]|[.,]\d|{QUANTITY})", 8, six_digit_date),
    # A day, a month's short name and a year's last two digits after a birth's cue: "dob 7
    # jan 88".
    ("DATE", r"(?i:\b(?:dob|d\.o\.b\.?|born|date[ \t]+of[ \t]+birth)[ \t]*:?[ \t]*)"
             r"(?P<v>\d{1,2}[ \t]+(?i:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*"
             r"[ \t]+\d{2})(?!\d)", 4),
    # A day then a month in small letters, no year: "appt 12 nov 10:30", "seen 3 sept" (not
    # "mar", "may" or "dec", which are words or shorthand too: "6 dec" may be a decrease).
    ("DATE", r"(?<![\w./-])(?:[1-9]|[12]\d|3[01])[ \t]+(?:jan(?:uary)?|feb(?:ruary)?|apr(?:il)?"
             r"|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?)\b"
             r"(?![ \t]*\d{4})", 4),
    # A range of days then its month: "a cruise 10-24 Sept", "away 3–17 August".
    ("DATE", rf"\b\d{{1,2}}[-–]\d{{1,2}}[ \t]+{MONTH_SAID}\b(?![ \t]+\d{{4}})", 4,
     persons_date_only),
    # A month then a range of its days: "on a coach holiday in Spain May 20-24".
    ("DATE", rf"\b{MONTH_SAID}\.?[ \t]+\d{{1,2}}[-–]\d{{1,2}}\b(?![-–/]\d)", 4,
     persons_date_only),
    # A month in small letters then an ordinal: "had his whipple on jan 9th".
    ("DATE", rf"\b{MONTH_SAID}\.?[ \t]+\d{{1,2}}(?i:st|nd|rd|th)\b", 4),
    # An ordinal then a month in any case: "discharged 8th april" ("may" only as "May").
    ("DATE", rf"(?i:\b\d{{1,2}}(?:st|nd|rd|th)[ \t]+){MONTH_SAID}(?:,?[ \t]+\d{{4}})?", 4),
    # The first of two days of one month: "on 8th and 9th Jan", "the 3rd or 4th of May".
    ("DATE", rf"(?i:\b\d{{1,2}}(?:st|nd|rd|th))(?=[ \t]+(?:and|or|&|to|-)[ \t]+\d{{1,2}}"
             rf"(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?{MONTH_SAID})", 4),
    ("DATE", r"(?i:\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?[ \t]+"
             r"(?:the[ \t]+)?\d{1,2}(?:st|nd|rd|th))\b", 4),
    # (not the first of a run of ordinals that closes on a noun: "before the 5th, 7th and 14th
    # infusion"; "the 5th, 7th and 14th of May" are days)
    ("DATE", r"(?i:\bthe[ \t]+\d{1,2}(?:st|nd|rd|th))(?=[ \t]*(?:[,.;:?!)]|$))"
             r"(?!(?:[ \t]*,[ \t]*\d{1,2}(?:st|nd|rd|th))*,?[ \t]+(?:and|or|&)[ \t]+\d{1,2}"
             r"(?:st|nd|rd|th)[ \t]+(?!of\b)[a-z])", 4),
    # ... or after "on" or "since" before "and", "or" or "at": "surgery on the 4th and my
    # Medicaid says", "since the 14th or 15th" (not "on the 2nd floor").
    ("DATE", r"(?i:\b(?:on|since|from|until|till)[ \t]+)(?P<v>(?i:the[ \t]+\d{1,2}(?:st|nd|rd|th)))"
             r"(?=[ \t]+(?i:and|or|at)\b)", 4),
    # An ordinal alone after a booking or a stay's bound, where no floor or line follows:
    # "booked 14th for grant", "seen 5th - ok?", and a span of days, "fit note from 14th to
    # 28th" (not "from 1st to 3rd trimester").
    ("DATE", r"(?i:\b(?:booked|until|till|til|due|seen|admitted|discharged|appt|since)"
             r"[ \t]+)(?P<v>\d{1,2}(?:st|nd|rd|th))"
             r"(?=[ \t]*(?:[,.;:?!)]|$|-[ \t]|(?i:and|for|at)(?:[ \t]|$)))", 4),
    ("DATE", r"(?i:\bfrom[ \t]+)(?P<v>\d{1,2}(?:st|nd|rd|th)[ \t]*(?:to|-|until|till)[ \t]*"
             r"\d{1,2}(?:st|nd|rd|th))(?![ \t]+(?i:trimester|line|floor|week|day|dose|cycle"
             r"|centile|percentile|degree|generation|year|month|stage|grade|time|visit)s?\b)", 4),
    # A day and month in another language: "3 de junio", "12 mars 1958", "5. März".
    ("DATE", rf"(?i:\b\d{{1,2}}(?:º|°|er|\.)?[ \t]+(?:de[ \t]+|di[ \t]+)?{FOREIGN_MONTH}"
             r"(?:[ \t]+(?:de[ \t]+)?\d{4})?)(?![\w])", 4, persons_date_only),
    ("DATE", rf"(?i:\b(?:\d{{1,2}}(?:st|nd|rd|th)|{ORD_WORD})[ \t]+of[ \t]+{MONTH_ANY_CASE})"
             rf"(?:,?[ \t]+(?:\d{{4}}|(?i:{SPOKEN_YEAR})\b))?", 4, persons_date_only),
    # An ordinal and a month typed small after "on" or a booking: "booked on 3rd may" (not
    # "the 2nd may need", "may" the verb).
    ("DATE", rf"(?i:\b(?:on|since|from|until|till|booked|due|seen|dated|lmp|edd)[ \t]+)"
             rf"(?P<v>\d{{1,2}}(?:st|nd|rd|th)[ \t]+{MONTH_ANY_CASE})"
             r"(?![ \t]+(?i:be|have|has|need|needs|not|also|help|want|get|go|come)\b)", 4,
     persons_date_only),
    # Dictated: "twenty ninth february nineteen sixty four", "discharged the fourteenth".
    ("DATE", rf"(?i:\b{ORD_WORD}[ \t]+){MONTH_SAID}"
             rf"(?:,?[ \t]+(?:\d{{4}}|(?i:{SPOKEN_YEAR})\b))?", 4, persons_date_only),
    ("DATE", rf"(?i:\b(?:on|since|until|till|from|discharged|admitted|seen|born|dated)[ \t]+"
             rf"(?P<v>the[ \t]+{ORD_WORD}))(?=[ \t]*(?:[,.;:?!)]|$))", 4),
    # After a birth's cue, numbers said aloud are the date: "born twelve oh three forty
    # eight", "dob sixteen oh four sixty", "born in nineteen thirty".
    ("DATE", rf"(?i:\b(?:born(?:[ \t]+(?:on|in))?|dob|d\.o\.b\.?|date[ \t]+of[ \t]+birth)"
             rf"[ \t]*(?:is[ \t]+|:[ \t]*)?)(?P<v>(?i:{SPOKEN_YEAR}|{SPOKEN_DAY}[ \t]+"
             rf"(?:oh[ \t]+)?{SPOKEN_DAY}[ \t]+(?:{SPOKEN_YEAR}|{SPOKEN_TWO})"
             # ... or the month first: "date of birth is may fifth nineteen sixty eight"
             rf"|{MONTH_ANY_CASE}[ \t]+(?:the[ \t]+)?{ORD_WORD}(?:,?[ \t]+{SPOKEN_YEAR})?))\b", 4),
    # "thirtieth of the fourth eighty one", "seven slash eleven slash sixty six"
    ("DATE", rf"(?i:\b(?:the[ \t]+)?{ORD_WORD}[ \t]+of[ \t]+the[ \t]+{ORD_WORD}"
             rf"(?:[ \t]+(?:{SPOKEN_YEAR}|{SPOKEN_TWO}))?)\b", 4),
    ("DATE", rf"(?i:\b{SPOKEN_DAY}[ \t]+slash[ \t]+{SPOKEN_DAY}[ \t]+slash[ \t]+"
             rf"(?:{SPOKEN_YEAR}|{SPOKEN_TWO}))\b", 4),
    ("DATE", r"(?i:\b(?:on|in|done|since|from|dated|filled|refilled|dispensed|delivery|delivered"
             r"|admitted|admission"
             r"|discharged|discharge|seen|surgery|op|operation|repair|replacement|removal|fixation"
             r"|died|death|due|dx|diagnosed"
             r"|started|stopped|until|till|d/c|dc|dc'd|d/c['’]d|adm|booked|procedure|visit|c-?section|fell"
             r"|fall|ed|er|a&e|given|planned|back|returned|readmit|readmitted|scheduled|last|next"
             r"|checked|reviewed|s/p|post(?:-?op)?|[a-z]*(?:ectomy|otomy|ostomy|plasty|scopy|chole)"
             # a line placed, a sample drawn, a result called: "placed 06/18", "18:42 11/03"
             r"|placed|inserted|sited|collected|drawn|called|reported|resulted|\d{1,2}:\d{2}"
             r"|\d{1,2}(?::\d{2})?[ \t]?(?:am|pm)"  # "booked 2pm 3/7"
             # a weekday or a trip before the day it names: "Monday 14/10", "leaving 10/15"
             r"|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs?(?:day)?)?|fri(?:day)?"
             r"|saturday|sunday|treated|vomited|exposed|exposure|recon|leaving|arrived|flew"
             r"|born|sample|specimen|visit|note|appts?|appointments?|clinic"
             # a meeting about the patient, a day said by its distance: "CP conference 25/11",
             # "fainted at assembly today (5/3)"
             r"|conference|meeting|today|tomorrow|yesterday|tonight|downloaded|trip|assessment|mdt"
             # what was done to a person, the night it happened: "assault 6/4", "tx'd 17/11",
             # "UPSI last night 23/10", "SNF til 8/1"; an exposure, an injury, a journey:
             # "measles contact 3/3", "ankle sprain 5/4", "flying to freetown 10/2"
             r"|til|tx|tx['’]d|assault(?:ed)?|raped|attacked|injur(?:y|ed)|incident|upsi|night"
             r"|contact|sprain|rupture|bitten|needlestick|nsi|flying|flight|depart(?:s|ing)?"
             r"|return(?:s|ing)?"
             # fertility and birth: "egg collection 12/5", "embryo transfer 3/6", "IUI 9/2"
             r"|collection|transfer|insemination|iui|scan|uss|induction|delivered|delivery"
             # an order's or an authorisation's end: "dols expires 03/09"
             r"|expires|expiry|expired|expiring|renewal|lapses"
             # a detention's hearing, its medical examinations: "hearing by video 3/12", "exams
             # were 1/5"
             r"|hearing|video|exams?|examined"
             # a vaccine course's first dose: "(d1 12/8)"
             r"|d[1-9]"
             # a dialysis session, a biopsy: "at her last session 28/11", "biopsy … for 14/11"
             r"|session|biopsy|bx|booked[ \t]+for"
             # a last period, a call's log, an implant: "LMP 1/6", "call log 17/10" (not a
             # unit's: "ICU 12/12" is its beds)
             r"|lmp|edd|log|implanted"
             # a symptom's onset, a handover's or a list's day, a conversation, a pilgrimage:
             # "onset 02/11", "ID consult list 3/2", "GOC discussion 1/4", "hajj 2/6"
             r"|onset|handover|list|discussion|conversation|hajj|umrah"
             # an evacuation from a ship or a camp, a visit by a service: "date of evac 5/5",
             # "seen by podiatry 11/11"
             r"|evac|evacuated|evacuation|medevac|casevac|seen[ \t]+by[ \t]+(?:the[ \t]+)?[a-z]+"
             # an operation by its letters, a level taken, a fill again, a clinic in Malay:
             # "tkr l knee 12/6", "INR 3.1 taken 12.02", "filled … and again 04/11"
             r"|tkr|thr|tka|tha|lscs|cabg|ercp|ogd|turp|turbt|orif|tavi|pci|taken|again|klinik"
             # a prisoner's release, a court's hearing: "release day 22/07/2025", "court 3/4"
             r"|release|released|court|sentenced|sentencing|remanded|bail)"
             r"\b(?:[ \t]+(?:date|day))?(?:[ \t]+(?:is|was|were|on))?"
             r"[ \t]*[:(]?[ \t]*)(?P<v>\d{1,2}[/.]\d{1,2}(?:[/.](?:\d{4}|\d{2}))?|\d{2}-\d{2})"
             rf"(?![\w/-]|\.\w|[.,]\d|[ \t]+(?i:ago)\b){NOT_A_DOSE}",  # "5/7 ago": five days
     4, day_month),
    # A month and year of something that happened to the patient, in words, after what
    # happened: "admitted in August 2024", "na-confine siya noong Agosto 2024", "ingresó en
    # marzo de 2023" (a month and year alone is a document's as often: "June 2024 NICE
    # update", "rev. Jan 2023").
    ("DATE", rf"(?i:\b(?:{_HAPPENED}|admission|born|died|operated|hospitali[sz]ed|confined?"
             r"|since|back[ \t]+in"
             r"|na-confine|ingres[óo]|internad[oa]|hospitalis[ée]e?|operad[oa]|diagnosticad[oa])"
             r"(?:[ \t]+(?:siya|sya|po))?(?:[ \t]+(?:in|on|since|noong|en|em|no|na|de|à|im))?"
             r"[ \t]+)"
             rf"(?P<v>(?:{MONTH_SAID}|(?i:{FOREIGN_MONTH}))\.?[ \t]+(?:de[ \t]+)?"
             r"(?:19|20)\d\d)(?![\w/-])", 4, persons_date_only),
    # A day of the month alone after "on the": "the nurse who visited on the 2nd" (not a
    # floor, a day of a course, a dose or an attempt: "on the 3rd day", "on the 2nd floor").
    ("DATE", r"(?i:\bon[ \t]+the[ \t]+)(?P<v>(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th))\b"
             r"(?![ \t]+(?:of\b|floor|day|dose|cycle|line|attempt|time|occasion|visit|week"
             r"|trimester|generation|edition|ward|bed|try|round|course|stage|degree|percentile"
             r"|centile|rib|intercostal|toe|finger|digit|metatarsal|cranial|nerve|ventricle"
             r"|heart[ \t]+sound|sound|stool|sample|set|reading|occurrence|episode|call))", 4),
    # A day, a month in Roman numerals and a year, as parts of Europe write a birth date:
    # "DOB 3.v.72", "12/XI/1948".
    ("DATE", r"(?<![\w./])(?:0?[1-9]|[12]\d|3[01])(?P<s>[./])(?:i{1,3}|iv|vi{0,3}|ix|xi{0,2}"
             r"|I{1,3}|IV|VI{0,3}|IX|XI{0,2})(?P=s)(?:19|20)?\d{2}(?![\w/]|\.\d)", 4),
    # A date inside a file's name: "axel_foot_20240302.heic", "Cartwright_L_heel_2024-11-03.png"
    # (a photo or a scan named after its patient).
    ("DATE", r"(?<=_)(?P<v>(?:19|20)\d\d-?(?:0[1-9]|1[0-2])-?(?:0[1-9]|[12]\d|3[01]))"
             r"(?=[_.][A-Za-z0-9])", 4),
    # A day and a month written with its zero, without a cue: "CAD 1123 14/05", "home 10/09"
    # (no fraction, score or gestation is written "/05").
    ("DATE", r"(?<![\w/.:-])(?P<v>(?:0[1-9]|[12]\d|3[01])/0[1-9])(?![\w/-]|[.,]\d)", 4,
     persons_date_only),
    # A year of birth after its cue: "dob 1961", "Dawn Mercer born 1962", "(born 1958)" (a
    # cohort is no one: "children born in 2015", "adults born 1945-1965").
    ("DATE", r"(?i:\b(?:born|dob|d\.o\.b\.?|year[ \t]+of[ \t]+birth|yob)\b[ \t]*:?[ \t]*"
             r"(?:in[ \t]+)?)(?P<v>(?:19|20)\d\d)"
             r"(?![\d/-]|\.\d|[ \t]*(?:[-–]|to|and)[ \t]*(?:19|20)\d\d)",
     4, a_persons_birth_year),
    # ... or before it ("Mrs Rees 1928-born"), and a year of death after it ("his wife died
    # in 2019"; "deaths in 2019" are a population's).
    ("DATE", r"(?<![\w/.-])(?P<v>(?:19|20)\d\d)[ \t-](?i:born)\b(?![ \t]+(?i:cohorts?|babies"
             r"|children|infants|adults|people|patients|population|generation|women|men)\b)", 4,
     a_persons_birth_year),
    ("DATE", r"(?i:\b(?:died|passed[ \t]+away|widowed)[ \t]+in[ \t]+)"
             r"(?P<v>(?:19|20)\d\d)(?![\d/-])", 4),
    # A day of 13 to 31 then a month, without a cue: "died at home 25/12", "(d. 30/11)" (not
    # a week's count, "/7", nor a regimen's or a dose's: "24/4 regimen", "20/10 mg").
    ("DATE", r"(?<![\w/.:-])(?P<v>(?:1[3-9]|2\d|3[01])/(?:0?[1-689]|1[0-2]))"
             r"(?![\w/-]|[.,]\d|[ \t]*(?i:regimen|mg|mcg|mmhg|old|months?|mo)\b)", 4,
     day_after_twelve),
    # A month and a day the US way that no other reading fits: a day of 13 to 31 after a
    # month ("unwinding 5/31", "last covered day would be 03/22"); not "/24" (hours, "4/24")
    # and not a count or a score out of ("12/15 patients", "ishihara 12/17 plates").
    # (nor a coma score: "GCS 10/15")
    ("DATE", r"(?<![\w/.:-])(?<![Gg][Cc][Ss][ \t])(?<![Gg][Cc][Ss]:[ \t])"
             r"(?P<v>(?:0?[1-9]|1[0-2])/(?:1[3-9]|2[0-35-9]|3[01]))"
             r"(?![\w/-]|[.,]\d|[ \t]+(?i:patients|people|cases|of|pts|had|were|got|have|plates"
             r"|items|points|questions|correct|answers|words|nodes|cores|criteria)\b)", 4,
     persons_date_only),
    # A day and a month after a day of the week, which makes any pair of them a date: "discharge
    # is Sat 4/5", "Mon 1/2 clinic" (no fraction or score follows a weekday).
    # ("sat", "sun" and "wed" in small letters only as a whole day's name: "sun 3/4 strength")
    ("DATE", r"\b(?:(?i:mon|tues?|thu|thurs?|fri|saturday|sunday|wednesday)|Sat|SAT|Sun|SUN|Wed"
             r"|WED)(?:day)?\.?,?[ \t]+"
             r"(?P<v>(?:0?[1-9]|[12]\d|3[01])/(?:0?[1-9]|[12]\d|3[01]))(?![\w/]|[.,]\d)", 4,
     persons_date_only),
]
# fmt: on
