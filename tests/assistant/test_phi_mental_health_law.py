"""Look-alikes in mental-health law questions (assistant.answering.phi): the parties of a
court's case either side of its "v", and a contraction after "pt", name no patient; a
patient's own name after "pt" still does."""

from __future__ import annotations

import pytest

from assistant.answering.phi import redact

CLEAN = [
    "does Banks v Goodfellow apply to a will made on the ward?",
    "what did Starson v. Swayze decide about capacity?",
    "how often repeat rights if pt didn't understand?",
    "pt wasn't eating - NG under s63?",
]


@pytest.mark.parametrize("question", CLEAN)
def test_cases_and_contractions_are_left_as_they_are(question):
    assert redact(question).text == question


def test_a_name_after_pt_is_still_redacted():
    assert redact("pt o'reilly on s3 wants leave").text == "pt [NAME-1] on s3 wants leave"
