"""Which words of a question name a medicine (knowledge.drug_names)."""

from __future__ import annotations

from knowledge.drug_names import drugs_named, other_names


def test_generics_brands_and_stems_are_named_in_order_each_once():
    text = "Apixaban or warfarin? He also takes Lasix, LANTUS and apixaban."
    assert drugs_named(text) == ["apixaban", "warfarin", "lasix", "lantus"]


def test_words_that_only_end_like_a_drug_name_nothing():
    assert drugs_named("Examine the plasma for virus and coccus; check the COPD plan") == []


def test_a_brand_is_known_by_its_generic():
    assert other_names("glucophage") == ["metformin"]
    assert other_names("warfarin") == ["anticoagulant"]  # a class the documents may name
    assert other_names("meperidine") == []


def test_a_device_brand_is_no_medicine():
    # "NSI off a used venflon": the cannula, which no passage must name as a medicine
    assert drugs_named("NSI off a used venflon - first aid?") == []
