"""Questions written in Russian, Ukrainian, Bulgarian, Greek, Polish, Romanian, Spanish,
Portuguese, German, Dutch and the Nordic languages (assistant.answering.phi_cased_scripts,
phi_foreign_words and the titles of phi_foreign_names): names in Cyrillic by their case,
their endings and their given names; ages over 89 in Cyrillic digits and words and in
Spanish, Portuguese, Italian, French and German words; a name after "Frau", "Pani" or
"mevrouw" in a clause of that language; and the ordinary words of those languages, which
stay."""

from __future__ import annotations

import pytest
from support import check_redaction

from assistant.answering import phi

# (question, the text that must be gone from what is sent)
FOUND = [
    ("пациентка Соколова, 71 год, ТЭЛА — дозировка ривароксабана?", "Соколова"),
    ("Мельник Тарас, 45 лет, алкогольный гепатит — преднизолон?", "Мельник"),
    ("Олена скаржиться на біль у грудях, 52 роки", "Олена"),
    ("олег сказал, что у него аллергия на пенициллин", "олег"),
    ("Адрес: г. Гомель, ул. Советская 14", "Гомель"),
    ("Record header: Фамилия: Лебедев | diagnosis sepsis", "Лебедев"),
    ("Гериатрия: Орлова, девяносто два года, деменция", "девяносто два"),
    ("Кузнецов, на 96 г., падане у дома — спинална анестезия?", "96"),
    ("Пациентка Орлова, родилась 12 марта 1950 г., ХОБЛ", "12 марта 1950"),
    ("військовий квиток АА 512447, осколкове поранення", "512447"),
    ("ЖУК И.П., 58 лет, инсульт — тромболизис?", "ЖУК"),
    ("la abuela tiene noventa y dos años y vive sola, ¿cómo hablar del DNACPR?", "noventa y dos"),
    ("Patientin, einundneunzig Jahre alt, Sturz zu Hause", "einundneunzig"),
    ("biologic list: Ortiz-Herrería, Lucía 3/4/1962 infliximab", "Ortiz-Herrería"),
    (
        "Frau Agnieszka Wiśniewska-Brandt, Xarelto 20 mg — vor der Extraktion pausieren?",
        "Wiśniewska-Brandt",
    ),
    ("mevrouw Janneke Visser, 78 jaar, wat is de dosering van haar metoprolol?", "Visser"),
    (
        "patienten Ingrid Lindqvist har feber efter operationen, hur mycket paracetamol?",
        "Lindqvist",
    ),
    ("patient Jan de Vries ligt in het Jeroen Bosch Ziekenhuis, 78 jaar", "Vries"),
]

# Questions with no identifier: sent exactly as typed.
KEPT = [
    "Какая доза амоксициллина при пневмонии у взрослых, CURB-65 2 балла?",
    "Сколько дней колоть эноксапарин после эндопротезирования коленного сустава?",
    "что значит 'ОРВИ' в выписке?",
    "Cât timp se ține sonda urinară după prostatectomie?",
    "Qual a dose de paracetamol para febre em adulto?",
    "Rivotril gotas 2,5 mg/ml: quantas gotas para 0,5 mg?",
    "Hoeveel dagen moet de blaaskatheter blijven zitten na de operatie?",
    "Hvor mange dager skal pasienten ha antibiotika etter operasjonen?",
    "Kuinka paljon parasetamolia potilas voi ottaa vuorokaudessa?",
    # hospitals and institutes named in those languages, after people or places
    "Hoeveel bedden heeft het Juliana Kinderziekenhuis op de kinder-IC?",
    "Paul-Ehrlich-Institut: gilt die Chargenfreigabe auch für Blutprodukte?",
    "Karolinska Universitetssjukhuset: vilken dos heparin vid ECMO?",
    "Ukrainian medical certificate form 086/о — what does it contain?",
    "Impedance 1800 Ω at the pacing check - escalate the same day?",
]


@pytest.mark.parametrize(("typed", "gone"), FOUND)
def test_names_and_ages_in_other_languages_go(typed, gone):
    check_redaction(typed, gone)


@pytest.mark.parametrize("typed", KEPT)
def test_ordinary_words_of_other_languages_stay(typed):
    check_redaction(typed, None)


def test_a_cyrillic_word_in_an_english_question_is_still_taken():
    # Not a Russian question: a word copied from a record, most likely a name or a place.
    sent = phi.redact("pt's wife calls him Серёжа, no English, needs an interpreter").text
    assert "Серёжа" not in sent
