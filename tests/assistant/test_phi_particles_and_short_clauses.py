"""A name's particles ("de", "la", "del", "van") and the short clauses of a question written in
another language (assistant/answering/phi.py, phi_foreign_names, knowledge/language.py): a
particle alone is never redacted, a name never ends with one, two names with only particles
between are one, and small words of a short Spanish or Portuguese clause are no name."""

from __future__ import annotations

import pytest
from support import check_kept_beside_an_identifier, check_redaction

from assistant.answering import phi

# Questions with no identifier: sent exactly as typed.
KEPT = [
    "Paciente de la cama 412B con INR 4,8: ¿suspendo la dosis de hoy?",
    "delirium en la UTI con CAM-ICU positivo, ¿haloperidol o dexmedetomidina?",
    "Paciente con fiebre: ¿ingreso por celulitis?",
]


@pytest.mark.parametrize("typed", KEPT)
def test_small_words_of_another_language_stay(typed):
    check_redaction(typed, None)


def test_a_particle_of_a_found_name_is_not_redacted_wherever_else_it_stands():
    # "de" and "la" of the name must not take "la dosis de hoy" with them
    check_kept_beside_an_identifier(
        "Paciente María de la Cruz, cama 4: ¿le doy la dosis de hoy?", "la dosis de hoy"
    )


def test_a_name_does_not_end_with_a_particle():
    sent = phi.redact("Glucemia de 32 en urgencias, ¿cuántas horas de observación?").text
    assert "de 32" in sent and "horas de observación" in sent


def test_names_with_only_particles_between_are_one():
    result = phi.redact("Paciente María del Carmen García López, DNI 12345678Z, NHC 0998123")
    assert " del " not in result.text
    assert [f.text for f in result.findings if f.kind == "NAME"] == [
        "María del Carmen García López"
    ]


@pytest.mark.parametrize(
    ("typed", "gone"),
    [
        ("Il a écrit : son numéro 0471 23 45 67 (Belgique), peut-il reprendre le foot ?", "0471"),
        ("gsm 0476/12.34.56, rappel demain", "0476"),
        ("prontuário 448812, leito 4: posso dar dipirona?", "448812"),
        ("Paciente Rui, nº de processo 00871, 27 anos, G3P2", "00871"),
        ("Fallnummer 4471882, Sturz zu Hause", "4471882"),
    ],
)
def test_other_countries_phones_and_record_numbers_go(typed, gone):
    check_redaction(typed, gone)


def test_a_service_line_in_the_belgian_shape_stays():
    check_redaction("0800 12 34 56: is that line free from a mobile?", None)


# The Romance languages put an eponym's noun first: "Sindrome di Brugada", "Doença de Chagas".
EPONYMS_NOUN_FIRST = [
    "Doença de Chagas crônica com Holter mostrando TVNS: amiodarona ou CDI?",
    "Cisti di Baker rotta che simula una TVP: basta il FANS?",
    "Tríade de Beck no esfaqueado: pericardiocentese no PS?",
    "Sindrome di Brugada tipo 1 e febbre: ECG ogni quanto?",
]


@pytest.mark.parametrize("typed", EPONYMS_NOUN_FIRST)
def test_an_eponym_after_its_noun_in_another_language_stays(typed):
    check_redaction(typed, None)


def test_a_name_after_a_common_word_of_that_language_is_still_found():
    # the foreign words are cleared before neighbours join, not the names beside them
    check_redaction("Paciente Inês Valadares, 82 anos, doença renal: posso dar AINE?", "Valadares")


@pytest.mark.parametrize(
    "typed", ["Çocukta ateş 39, ibuprofen dozu kaç mg?", "Bebek için ateş ilacı hangi doz?"]
)
def test_turkish_ward_words_stay(typed):
    # (Turkish is not told apart as a language: its given names are its words too)
    check_redaction(typed, None)


def test_a_name_after_the_french_m_is_found():
    check_redaction("M. Benyoucef a 94 ans et veut rentrer chez lui, score ISAR 4?", "Benyoucef")


@pytest.mark.parametrize(
    ("typed", "gone"),
    [
        ("bleep! Ward 6 - Harris, bed 4, K+ 2.9 on furosemide 80: oral or IV?", "Harris"),
        ("Chiara ha 4 anni e ha ingoiato una pila a bottone, cosa faccio?", "Chiara"),
        ("Pacemaker Medtronic, paziente Caputo: posso fargli la RM lombare?", "Caputo"),
    ],
)
def test_a_name_beside_its_bed_its_age_or_the_word_patient_is_found(typed, gone):
    check_redaction(typed, gone)


def test_a_word_that_is_no_name_before_a_bed_stays():
    check_redaction("Sepsis, bed 4: lactate 5, fluids first?", None)


@pytest.mark.parametrize(
    ("typed", "gone"),
    [
        ("Teléfono de la hija: 636 47 82 19. ¿Suspendo el Adiro antes de la gastroscopia?", "636"),
        ("Ho in reparto una novantacinquenne lucidissima con FA: anticoagulo?", "novantacinque"),
        ("hasta doksan dokuz yaşında, kalça kırığı, ameliyat riski?", "doksan"),
        ("Randevu 12 Mart 2025 saat 10.40, kolonoskopi öncesi Coraspin kesilmeli mi?", "Mart"),
        ("My Taid died on 14 Ionawr and nobody told us he had sepsis", "Ionawr"),
    ],
)
def test_phones_ages_and_dates_of_other_countries_go(typed, gone):
    check_redaction(typed, gone)


def test_a_spanish_service_line_stays():
    sent = phi.redact("Si un menor cuenta maltrato, ¿le damos el 900 20 20 10 de la ANAR?").text
    assert "900 20 20 10" in sent


@pytest.mark.parametrize(
    "typed",
    [
        "Does Ysbyty Gwynedd have a Welsh-speaking chaplain?",
        "How do I say 'take a deep breath' in Welsh? 'Anadlwch i mewn yn ddwfn'?",
        "'Ciamar a tha thu?' - is that how are you in Gaelic?",
    ],
)
def test_welsh_gaelic_and_irish_words_and_hospitals_stay(typed):
    check_redaction(typed, None)


def test_a_name_at_a_welsh_hospital_is_still_found():
    check_redaction("Mrs Eilidh MacLeod, 82, is at Ysbyty Gwynedd: palliative plan?", "MacLeod")
