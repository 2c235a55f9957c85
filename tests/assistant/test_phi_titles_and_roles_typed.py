"""Names the words before them give away (assistant.answering.phi_name_cues): a surname
after "mr" or "mrs" typed small, English word or not ("mr burns on apixaban"), a word no list
knows after "pt" typed small and before a comma or a record's label ("pt chiamaka, dob …"),
and a name after the word for someone's role ("the refuge worker Sally", "call the helper
Marites"); and their look-alikes: mitral regurgitation ("mr moderate"), a role before an
ordinary capitalised word ("the ward manager Training day"), words the lists know after "pt"
("pt nbm", "pt sob")."""

from __future__ import annotations

import pytest
from support import check_redaction

# (question, the text that must be gone from what is sent)
FOUND = [
    ("theatre list tmrw - mr burns on apixaban, stop 48h before?", "burns"),
    ("mrs page has a fistula bleed after needling, how long to press?", "page"),
    ("can we share the plan with her support worker Sally at the hostel?", "Sally"),
    ("pls ring the helper Rosalind on the home number about meds", "Rosalind"),
    ("son's football coach Teodoro found him collapsed - cardiac screening?", "Teodoro"),
    ("SBAR: pt chiamaka, dob 02/02/1990, on clozapine, anc 1.4", "chiamaka"),
]

KEPT = [
    "mr moderate on echo and AF - anticoagulate?",
    "severe mr and tr after the MI, refer for surgery?",
    "the ward manager Training day clashes with the rota - who covers?",
    "is the refuge worker DBS checked before home visits?",
    "can the interpreter Service be booked out of hours?",
    "parkinson's meds due 1400, pt nbm - dispersible madopar?",
    "pt sob on exertion, sats 91% - home oxygen assessment?",
]

CASES = FOUND + [(typed, None) for typed in KEPT]


@pytest.mark.parametrize(("typed", "gone"), CASES)
def test_names_after_titles_and_roles(typed, gone):
    check_redaction(typed, gone)
