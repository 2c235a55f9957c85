"""Identifiers in scripts no look reads (Arabic, the Indic scripts), in Chinese, Japanese and
Korean forms, in Hindi and Urdu typed in Latin letters, and in the languages of Central
Europe, the Balkans and the Baltic (assistant/answering/phi_names.py, phi_form_rules.py,
phi_place_rules.py, phi_date_rules.py, phi_context_numbers.py, phi_south_asian.py,
knowledge/language.py); and their look-alikes, which are sent as typed."""

from __future__ import annotations

import re

import pytest
from support import check_kept_beside_an_identifier, check_redaction

from assistant.answering import phi
from knowledge.language import LANGUAGE_NAMES, detect_language


@pytest.mark.parametrize(
    ("typed", "gone"),
    [
        ("المريض محمد عبد الحميد السيد ٦٧ سنة سكر وضغط، ينفع ياخد كونكور؟", "محمد"),
        ("میرے والد محمد اسلم کا شوگر 400 ہے", "اسلم"),
        ("என் அம்மா K. லட்சுமி, 72 வயது, Metformin 500 மட்டும் போதுமா?", "லட்சுமி"),
        ("pt ফাতেমা বেগম, bed 4, Hb 6.2", "বেগম"),
    ],
)
def test_a_name_in_a_script_no_look_reads_goes(typed, gone):
    check_redaction(typed, gone)


def test_a_word_of_an_indic_script_is_redacted_whole_never_in_pieces():
    sent = phi.redact("मेरे पिताजी श्री रामलाल शर्मा को रात में बहुत खांसी है").text
    # no vowel sign or virama left beside a placeholder, as when a word was cut at its marks
    assert not re.search(r"\][\u0900-\u097f]|[\u0900-\u097f]\[", sent), sent
    assert "राम" not in sent and "शर्मा" not in sent


def test_an_emoji_with_a_joiner_stays():
    check_redaction("pps, medical card, gms — which one do we need? 🤷\u200d♀️", None)


@pytest.mark.parametrize(
    ("typed", "gone"),
    [
        ("الوالدة ديالي عندها 92 عام والضغط طالع", "92"),
        ("ana 3andi el 7agga Fatma 3omrha 93 sana, 3andaha sokkar", "93"),
        ("मेरे पिताजी (उम्र 93 वर्ष) को खांसी है", "93"),
        ("张美玲，93歲，住院", "93"),
        ("12床 李伯 96岁 压疮3期", "96"),
        ("김순자 할머니 91세, 혈압약", "91"),
        ("pacientka devadesát dva let, pád doma", "devadesát"),
        ("DZIEWIĘĆDZIESIĘCIOSIEDMIOLETNIA pacjentka z DPS", "DZIEWIĘĆ"),
        ("kilencvenkét éves beteg, digoxin", "kilencven"),
        ("nouăzeci și trei de ani, hiponatremie", "nouăzeci"),
    ],
)
def test_an_age_over_89_in_other_scripts_and_languages_goes(typed, gone):
    check_redaction(typed, gone)


@pytest.mark.parametrize(
    ("typed", "gone"),
    [
        ("Propouštěcí zpráva: nar. 21. 8. 1978, dg. K35.8", "1978"),
        ("李先生，3月20日出院，出院带药左氧氟沙星", "3月20日"),
        ("김순자, 1938년 5월 4일생, 당뇨", "1938"),
        ("山田さん、大正15年3月3日生まれ、BNP 1540", "大正15年"),
    ],
)
def test_a_date_in_other_countries_forms_goes(typed, gone):
    check_redaction(typed, gone)


def test_secondary_to_between_two_conditions_is_no_date():
    check_kept_beside_an_identifier("Wm. Harrington – ESRD 2/2 DM2, HD TTS", "ESRD 2/2 DM2")


@pytest.mark.parametrize(
    ("typed", "gone"),
    [
        ("RČ 785821/8082, bydliště Praha", "785821"),
        ("bytem Lhota 318, 679 04 Adamov: léky", "679 04"),
        ("gyv. Savanorių pr. 156-12, LT-03150 Vilnius", "03150"),
        ("pacientul Ionescu, fo 12345/2024, are hiponatremie 121", "12345"),
        ("Mrs Jones ist. br. 1187/24, bubrežna kolika", "1187"),
        ("eHealth no. for Mr Chan is 4812 0093 7716 but it will not open", "4812"),
        ("car plate 粤B 7K29M involved, Mr Li has no ID", "7K29M"),
        ("张老太太（邮编200030），吃氨氯地平", "200030"),
        ("老人家住在北京市朝阳区建国路88号院3号楼2单元501，吃药", "88号"),
        ("住黃大仙下邨龍福樓1204室，洗唔洗照X光？", "1204"),
        ("서울특별시 강남구 테헤란로 152, 101동 1203호 김순자", "1203"),
    ],
)
def test_numbers_codes_and_addresses_of_other_countries_go(typed, gone):
    check_redaction(typed, gone)


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("Mr Smith BP 162/104 on amlodipine", "162/104"),
        ("Mr Smith needs 1000/24 h fluids", "1000/24 h"),
        ("Mr Smith: is the 2019/2020 guideline still in use?", "2019/2020"),
        ("Mr Lee was given 1000 2000 3000 units in turn", "1000 2000 3000 units"),
    ],
)
def test_readings_rates_and_years_beside_a_name_stay(typed, kept):
    check_kept_beside_an_identifier(typed, kept)


@pytest.mark.parametrize(
    "typed",
    [
        "协和医院和301医院的体检套餐有什么区别？",
        "Hep B bed 4 isolation?",
        "Block C bed 4 needs a side room",
        "Fine, Dr said go home",
        "Bard Foley 16 Fr or a 14 Fr Coudé for an enlarged prostate?",
        "Volat 155 nebo 112, když se zhorší pacient v LDN v noci a lékař je jen na telefonu?",
        "Chhote bhai ko dog bite hua, vaccine ke 4 doses hain ya 5?",
        "Edhi ki ambulance 115 pe call ki, 40 minute lage",
        "Ghar mein pooja hai kal. Vrat ke din insulin ka dose kam karna chahiye?",
    ],
)
def test_look_alikes_are_sent_as_typed(typed):
    check_redaction(typed, None)


@pytest.mark.parametrize(
    ("typed", "gone"),
    [
        ("Smith J, Ward 6 bed 11, NEWS 7", "Smith"),
        ("pt smith j bed 4 - both on warfarin", "smith"),
        ("Brown, Mr — ward 7, bed 3, K 7.1", "Brown"),
        ("Wm. Harrington – ESRD, ferritin 1450", "Harrington"),
        ("newborn registered as 'Thompson, Baby Girl' on the claim", "Thompson"),
        ("Jak przeliczyć Relanium na lorazepam u pana Zająca z 7 sali?", "Zająca"),
        ("g. Horvat je na urgenci od 3h ponoči", "Horvat"),
        ("mi hijo Unai, 17 años, tiene un pinchazo en el pecho", "Unai"),
        ("o kyrios giorgos karamitsos sto 5 exei pyreto 38.7", "karamitsos"),
        ("pacientul ionescu gheorghe, 92 ani, are hiponatremie", "gheorghe"),
        ("Doamna Floarea din salonul 4 are TA 190/110", "Floarea"),
    ],
)
def test_names_in_lists_and_after_other_languages_titles_go(typed, gone):
    check_redaction(typed, gone)


def test_a_unit_after_a_number_is_no_title():
    check_kept_beside_an_identifier("Mr Smith: dala 2 g Augmentin iv", "2 g Augmentin")


@pytest.mark.parametrize(
    ("typed", "gone"),
    [
        ("Pooja ko 3 din se bukhar hai, NS1 positive — admit karein?", "Pooja"),
        ("Khushi 8 saal ki hai, asthma hai, inhaler ke saath leti hai", "Khushi"),
        ("Salma baaji ki beti Hira 3 mahine ki hai, potty mein khoon", "Hira"),
        ("mere bhai deepak ka accident hua tha, CT head normal hai", "deepak"),
        ("ASHA didi Sunita ne bola baby Roshni sirf 2.1 kg ki hai", "Roshni"),
    ],
)
def test_names_in_hindi_and_urdu_typed_in_latin_letters_go(typed, gone):
    check_redaction(typed, gone)


@pytest.mark.parametrize(
    ("typed", "language"),
    [
        ("Volat 155 nebo 112, když se zhorší pacient a lékař je jen na telefonu?", "cs"),
        ("Cavinton Forte és Xarelto együtt — mikor kell és hogyan adjuk?", "hu"),
        ("Pacijentica ne može na dijalizu zbog snijega. Što da radimo, koliko dana?", "hr"),
        ("Kiek dienų reikia gerti vaistus, ar galima kartu?", "lt"),
        ("Cik dienas pacients drīkst lietot zāles pēc operācijas?", "lv"),
        ("Kui palju ravimit võib patsient võtta päeva jooksul?", "et"),
        ("Sa ditë duhet të marrë pacienti ilaçin pas operacionit?", "sq"),
        ("What is the dose of paracetamol for a 70 kg adult?", "en"),
        ("pt on ward 4 needs bloods, can we do them at 6?", "en"),
    ],
)
def test_the_languages_of_central_europe_the_balkans_and_the_baltic_are_told(typed, language):
    assert detect_language(typed) == language
    assert language == "en" or language in LANGUAGE_NAMES


@pytest.mark.parametrize(
    ("typed", "gone"),
    [
        ("torunu 0541 112 78 45'ten arıyor: hâlâ kusuyor", "112 78 45"),
        ("eşi 0 (544) 318 22 90'dan aradı, hasta evde bayılmış", "318 22 90"),
        ("pasienten bor i Kirkeveien gate 47B, 0555 Oslo, trenger insulin", "0555"),
        ("going to see mrs smith at 22 orchard close, ls28 5pj this pm", "orchard close"),
        ("anyone know if young in bed 22 needs his tazocin dose adjusting", "young"),
        ("Mark Ellison 10:42\nhas anyone seen the ct for mrs Jones?", "Ellison"),
        ("[21:55] Kerry Shaw: he looks peaceful but the rattle is awful", "Shaw"),
        ("its Jo, dads (Ken Marsh) breathing is really noisy", "Marsh"),
        ("uski bike UP 32 KX 4471 police ne rakh li", "4471"),
        ("SPZ 2AC 4567 — pacient po autonehodě, v bezvědomí", "4567"),
        ("Auto HR-4821 stāv pie slimnīcas", "4821"),
        ("pt fire incident w home o2 at 6 glenview cres, ballymena - report to who?", "glenview"),
        ("my mum is 71, lives in 7 cherry tree close. what food should she avoid?", "cherry"),
    ],
)
def test_phones_streets_and_chat_senders_go(typed, gone):
    check_redaction(typed, gone)


@pytest.mark.parametrize(
    "typed",
    [
        "Ward Manager 10:44\nyes reported, neurosurg aware",
        "Sun 21:40 Daughter: hi sorry to txt so late",
        "from 2 hourly close obs, then 4 hourly",
        "the old lady in bed 3 fell, head injury proforma?",
        "the 2023 Berlin congress changed the AF guidance",
        "auto mode on the pump 4 ml an hour",
        "the car park B-2 level is closed",
        "K 4 and cl 100, Na 140: what fluid?",
        "she lives in fear of falls since the 2 hip fractures",
    ],
)
def test_their_look_alikes_stay(typed):
    check_redaction(typed, None)


@pytest.mark.parametrize(
    "typed",
    [
        "Έγκυος 32 ετών, 38η εβδομάδα, αιμοπετάλια 98.000: επισκληρίδιος;",
        "Ηλικιωμένη 84 ετών, GCS 14, πτώση από το κρεβάτι",
        "Главна сестра пита: периферну канилу мењамо на 72 или 96 сати?",
    ],
)
def test_who_a_greek_or_cyrillic_question_is_about_is_no_name(typed):
    check_redaction(typed, None)


@pytest.mark.parametrize(
    ("typed", "gone"),
    [
        ("Παπαδάκης 67 ετών με πνευμονία", "Παπαδάκης"),
        ("Ο Γιώργος έχει πυρετό 39", "Γιώργος"),
        ("Иванов Пётр, 67 лет, пневмония", "Иванов"),
    ],
)
def test_greek_and_cyrillic_names_still_go(typed, gone):
    check_redaction(typed, gone)


def test_a_korean_particle_before_a_number_is_no_road():
    # "으로" (by, for) before a number is no road's "로": the Hangul words still go, as
    # another script's, but no address is reported
    result = phi.redact("아스피린 하루 한번으로 2주 복용")
    assert all(f.kind != "ADDRESS" for f in result.findings), result.findings


def test_a_given_name_that_is_also_a_word_of_the_language_still_goes():
    # "ali" is Slovene and Croatian for "or", and a given name
    check_redaction("Pacient Ali Hassan, 45 let, bolečina v prsih", "Ali")


@pytest.mark.parametrize(
    ("typed", "gone"),
    [
        # "mbi" (a Medicare number's label) is no Albanian word beside the name
        ("pt garcia-lopez mbi 1EG4-TE5-MK72 inpt since monday", "garcia"),
        # a name in capitals with letters English does not use, on no list
        ("PT ŁUKASZ BRZĘCZYSZCZYKIEWICZ K 2.9 ON 40MMOL KCL", "ŁUKASZ"),
    ],
)
def test_abbreviations_and_names_in_capitals_beside_the_new_languages(typed, gone):
    check_redaction(typed, gone)
