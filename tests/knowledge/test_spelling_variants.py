"""British and American spellings (knowledge.spelling_variants) and their use by the query
expander: a clinician's "paediatric" finds a guideline's "pediatric", and the other way."""

from __future__ import annotations

import pytest

from knowledge.analysis import stems
from knowledge.query_expansion import QueryExpander
from knowledge.sense_inventory import SenseInventory
from knowledge.spelling_variants import spelling_variants


@pytest.mark.parametrize(
    ("british", "american"),
    [
        ("haemorrhage", "hemorrhage"),
        ("paediatric", "pediatric"),
        ("orthopaedic", "orthopedic"),
        ("anaesthetic", "anesthetic"),
        ("hypoglycaemia", "hypoglycemia"),
        ("anaemia", "anemia"),
        ("oedema", "edema"),
        ("oesophagus", "esophagus"),
        ("diarrhoea", "diarrhea"),
        ("dyspnoea", "dyspnea"),
        ("foetal", "fetal"),
        ("oestrogen", "estrogen"),
        ("coeliac", "celiac"),
        ("manoeuvre", "maneuver"),
        ("tumour", "tumor"),
        ("behaviour", "behavior"),
        ("sterilise", "sterilize"),
        ("sterilisation", "sterilization"),
        ("hospitalised", "hospitalized"),
        ("litre", "liter"),
        ("millilitres", "milliliters"),
        ("centre", "center"),
        ("analyse", "analyze"),
        ("programme", "program"),
        ("sulphate", "sulfate"),
    ],
)
def test_each_spelling_gives_the_other(british, american):
    assert spelling_variants(british) == [american]
    assert spelling_variants(american) == [british]


@pytest.mark.parametrize(
    "word", ["aerosol", "advise", "exercise", "supervise", "academia", "order", "doctor", "fever"]
)
def test_words_spelt_alike_on_both_sides_have_no_variant(word):
    assert spelling_variants(word) == []


def test_the_expander_adds_the_spelling_the_documents_use():
    vocabulary = {s: 5 for s in stems("pediatric dosing of hemorrhage treatment")}
    expander = QueryExpander(vocabulary, SenseInventory({}), frozenset(), words=frozenset())
    added = {
        (a.term, a.expansion, a.source)
        for a in expander.expand("paediatric haemorrhage dose?").additions
    }
    assert ("paediatric", "pediatric", "spelling variant") in added
    assert ("haemorrhage", "hemorrhage", "spelling variant") in added
    # a variant the documents never use is not added
    assert not any(
        a.source == "spelling variant" for a in expander.expand("tumour markers?").additions
    )
