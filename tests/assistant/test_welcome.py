"""The empty chat's example questions come from the loaded documents' own sections."""

from __future__ import annotations

from assistant.core.welcome import example_questions


def test_one_practical_section_per_document_in_its_own_words():
    sections = {
        "Falls Prevention Policy": [
            "Falls Prevention Policy > 1. Purpose",
            "Falls Prevention Policy > 2. Scope",
            "Falls Prevention Policy > 9. Neurological observations after a fall",
            "Falls Prevention Policy > 10. References",
        ],
        "Hand Hygiene Policy": ["Hand Hygiene Policy > 5.2 Soap and water"],
        "Only Preliminaries": ["X > Purpose", "X > Definitions"],
        "Fourth Policy": ["Y > Bed rails and restraint"],
        "Fifth Policy": ["Z > Visiting after hours"],
    }
    assert example_questions(sections) == [
        "What does the Falls Prevention Policy say about neurological observations after a fall?",
        "What does the Hand Hygiene Policy say about soap and water?",
        "What does the Fourth Policy say about bed rails and restraint?",
    ]


def test_no_documents_no_examples():
    assert example_questions({}) == []
