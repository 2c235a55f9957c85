"""A passage cut into what a handout may quote: sentences, and lists kept whole."""

from __future__ import annotations

from assistant.handouts.handout import DO, HELP, KNOW
from assistant.handouts.passage_units import ITEM, LEAD_IN, groups, passage_units, purpose_of

LOW_GLUCOSE = """Low blood glucose can make you feel shaky, weak, confused, irritable, hungry, or tired. You may sweat a lot or get a headache. If you have these symptoms, check your blood glucose. If it is below 70, have one of the following right away:

● 3 or 4 glucose tablets

● 1/2 cup (4 ounces) of a regular (not diet)

soft drink

● 1 cup (8 ounces) of milk

After 15 minutes, check your blood glucose again. If it’s still too low, have another serving."""  # noqa: E501

SICK_DAYS = """● Call your health care provider right away if

• your blood glucose has been above 240 for longer than a day

• you have ketones

● Drink water every hour while you’re awake."""


def test_a_lead_in_and_its_items_are_one_group_and_a_broken_item_is_joined():
    units = passage_units(LOW_GLUCOSE)
    [lead] = [u for u in units if u.kind == LEAD_IN]
    items = [u for u in units if u.group == lead.group and u.kind == ITEM]
    assert [u.text for u in items] == [
        "3 or 4 glucose tablets",
        "1/2 cup (4 ounces) of a regular (not diet) soft drink",
        "1 cup (8 ounces) of milk",
    ]
    listed = next(g for g in groups(units) if g[0].group == lead.group)
    assert {u.purpose for u in listed} == {DO}  # the items take their lead-in's purpose
    texts = [u.text for u in units]
    assert texts.index("After 15 minutes, check your blood glucose again.") > texts.index(
        "1 cup (8 ounces) of milk"
    )


def test_sentences_get_their_purpose():
    assert purpose_of("If you have these symptoms, check your blood glucose.") == DO
    assert purpose_of("Call your doctor if you have sores that do not heal.") == HELP
    assert purpose_of("Low blood glucose can make you feel shaky.") == KNOW
    assert purpose_of("You should rest.") == DO
    assert purpose_of("It was called hypoglycemia.") == KNOW  # "called" is not "call"


def test_an_item_ending_mid_sentence_opens_its_own_list():
    found = groups(passage_units(SICK_DAYS))
    call = next(g for g in found if g[0].text.startswith("Call"))
    assert [u.text for u in call[1:]] == [
        "your blood glucose has been above 240 for longer than a day",
        "you have ketones",
    ]
    assert {u.purpose for u in call} == {HELP} and [u.level for u in call] == [0, 1, 1]
    assert any(g[0].text.startswith("Drink water") for g in found)  # the next top-level item


def test_fragments_references_and_orphan_lead_ins_are_not_quoted():
    passage = (
        "lower your risk for heart disease and stroke\n\n"
        "(http://www.cdc.gov/ injectionsafety/blood-glucose-monitoring.html)\n\n"
        "Eat regular meals. Tips include the following:"
    )
    quoted = [g[0].text for g in groups(passage_units(passage))]
    assert quoted == ["Eat regular meals."]


def test_form_blanks_and_document_control_lines_are_not_quoted():
    passage = (
        "Owner: Falls Prevention Group. Review date: March 2027.\n"
        "Falls are the most commonly reported patient safety incident.\n"
        "Drink | ____ | __\n"
        "_ | __\n"
        "Beer | 12 ounces | 1 drink"
    )
    texts = [u.text for u in passage_units(passage)]
    assert texts == [
        "Falls are the most commonly reported patient safety incident.",
        "Beer | 12 ounces | 1 drink",
    ]


def test_pointers_to_the_sources_pages_headings_and_cut_off_sentences_are_not_quoted():
    passage = (
        "Fats and sweets\n\n"
        "Eat some starches at each meal. Go back to page 9, 10, or 11 to check how many "
        "servings of starches to have each day.\n\n"
        "See Table 2 for the serving sizes.\n\n"
        "3 ounces of cooked lean meat, chicken, or fish*\n\n"
        "Whole grain starches are healthier because they have more"
    )
    assert [u.text for u in passage_units(passage)] == [
        "Eat some starches at each meal.",
        "3 ounces of cooked lean meat, chicken, or fish*",  # a caption, whole as it is
    ]


def test_a_lead_in_without_a_colon_keeps_the_table_rows_it_introduces():
    passage = (
        "Examples of fats include\n\n"
        "• salad dressing | • butter | • avocado\n\n"
        "• oil | • margarine | • olives\n\n"
        "Fats have a lot of calories."
    )
    found = groups(passage_units(passage))
    assert [[u.text for u in group] for group in found] == [
        [
            "Examples of fats include",
            "• salad dressing | • butter | • avocado",
            "• oil | • margarine | • olives",
        ],
        ["Fats have a lot of calories."],
    ]
