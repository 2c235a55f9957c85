"""Identifiers in questions written, or partly written, in another language
(assistant.answering.phi): their names after that language's titles and naming words,
their dates in its month names; and the words that are no names there (a German noun, a
clause's first word)."""

from __future__ import annotations

import pytest

from assistant.answering.phi import redact

FOUND = [
    (
        "Mi padre se llama Tomás Ibarra, ¿puede tomar ibuprofeno?",
        "Mi padre se llama [NAME-1], ¿puede tomar ibuprofeno?",
    ),
    (
        "La Sra. Delgado tiene cita el 4 de marzo de 2025, can she fast?",
        "La Sra. [NAME-1] tiene cita el [DATE-1], can she fast?",
    ),
    (
        "Herr Becker hat Fieber seit dem 12. Mai, welche Dosis?",
        "Herr [NAME-1] hat Fieber seit dem [DATE-1], welche Dosis?",
    ),
    (
        "Ang anak kong si Marites ay may lagnat, ilang mg?",
        "Ang anak kong si [NAME-1] ay may lagnat, ilang mg?",
    ),
    (
        "Mme Leroy est née le 3 avril 1941, quelle dose d'héparine?",
        "Mme [NAME-1] est née le [DATE-1], quelle dose d'héparine?",
    ),
    ("Su DNI es 50123874K y tiene 93 años", "Su DNI es [SSN-1] y tiene [AGE-90+] años"),
    ("o CPF dela é 214.587.903-44, pode operar?", "o CPF dela é [SSN-1], pode operar?"),
    ("rappeler au 06 48 21 93 07 si fièvre", "rappeler au [PHONE-1] si fièvre"),
    (
        "nhập viện ngày 5 tháng 6 năm 2024, aspirin khi nào?",
        "nhập viện ngày [DATE-1], aspirin khi nào?",
    ),
    ("my uncle has 92 years, is normal?", "my uncle has [AGE-90+] years, is normal?"),
]

NOT_NAMES = [
    "Meine Mutter nimmt Marcumar und hat Nasenbluten. Wie lange soll sie drücken?",
    "Est-ce que la maladie de Charcot se transmet aux enfants ?",
    "Czy po zabiegu można jeść? Lekarz nic nie powiedział.",
    "Kuya guard said bawal daw ang bantay sa ICU, totoo ba?",
    "Mi tía de 81 años se tomó dos pastillas de losartán por error esta mañana.",
]


@pytest.mark.parametrize(("text", "expected"), FOUND, ids=[f[0][:40] for f in FOUND])
def test_names_and_dates_in_another_language_are_removed(text: str, expected: str) -> None:
    assert redact(text).text == expected


@pytest.mark.parametrize("text", NOT_NAMES)
def test_nouns_and_clause_openings_of_another_language_pass_unchanged(text: str) -> None:
    result = redact(text)
    assert not result.changed, [(f.kind, f.text) for f in result.findings]
