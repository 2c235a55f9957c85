"""LLM mode: the model rewords the chosen approved sentences; every sentence it writes is
checked against its source (numbers and units exactly, support by the passage, a Spanish
sentence through its back-translation); what fails is removed and listed; nothing that
identifies the patient reaches the model. Against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import re

import pytest
from llm_servers import error

from assistant.answering.engine import AnswerEngine
from assistant.answering.llm import make_chat_client
from assistant.core.handouts import make_handout
from assistant.governance.settings import LLMSettings, Settings
from assistant.handouts.extractive_handout import ExtractiveHandoutBuilder, HandoutRequest
from assistant.handouts.rewritten_handout import RewrittenHandoutBuilder
from knowledge.retrieval import Retriever

# Statements of the offline "low blood sugar" handout, as the model is sent them: 1 the
# symptoms check, 2 the lead-in "If it is below 70…:", 3 "3 or 4 glucose tablets", 5 the
# fruit juice, 7 the milk, 10 "After 15 minutes…" (tests check the numbering below).
GOOD = [
    "[do] If you have these symptoms, check your blood glucose. [1]",
    "[do] If it is below 70, have 3 or 4 glucose tablets right away. [2][3]",
    "[do] After 15 minutes, check your blood glucose again. [10]",
]
CHANGED_DOSE = "[do] If it is below 70, have 6 glucose tablets right away. [2][3]"
CHANGED_UNIT = "[do] After 15 hours, check your blood glucose again. [10]"
# The milk's numbers given to the juice: every number is in the passage, not in its statement.
SWAPPED = "[do] Or drink 1 cup (8 ounces) of any fruit juice. [5]"
UNSUPPORTED = "[know] Eating a whole chocolate cake cures low blood glucose for good. [1]"


def _client(server):
    llm = LLMSettings(
        provider="compatible",
        endpoint=server.base_url,
        model="test-model",
        max_retries=0,
        timeout_s=10,
    )
    return llm, make_chat_client(llm, None)


def _base(kb):
    base = ExtractiveHandoutBuilder(Retriever(kb)).build(HandoutRequest("low blood sugar"))
    texts = [line.text for line in base.lines]
    assert texts[1].startswith("If it is below 70") and texts[2] == "3 or 4 glucose tablets"
    assert texts[4] == "1/2 cup (4 ounces) of any fruit juice"
    assert texts[6] == "1 cup (8 ounces) of milk" and texts[9].startswith("After 15 minutes")
    return base


def _the_other_steps(base, named: set[int]) -> list[str]:
    """Every step or "get help" statement not named yet, "reworded" as itself: a rewording
    that leaves one out is not used (see the last test)."""
    out = []
    n = 0
    for section in base.sections:
        for line in section.lines:
            n += 1
            if section.kind in ("do", "help") and n not in named:
                out.append(f"[{section.kind}] {line.text} [{n}]")
    return out


def _plain(scripted: str) -> str:
    return re.sub(r"^\[\w+\] | (\[\d+\])+$", "", scripted)


def test_an_unsupported_sentence_and_changed_numbers_are_removed_and_listed(niddk_kb, scripted_llm):
    base = _base(niddk_kb)
    rest = _the_other_steps(base, {1, 2, 3, 10})
    scripted_llm.reply("\n".join([*GOOD, CHANGED_DOSE, CHANGED_UNIT, SWAPPED, UNSUPPORTED, *rest]))
    _llm, chat = _client(scripted_llm)
    handout = RewrittenHandoutBuilder(chat, niddk_kb.embedder.embed_documents, rounds=1).rewrite(
        base, 6.0
    )
    texts = [line.text for line in handout.lines]
    assert texts[:3] == [_plain(g) for g in GOOD]  # kept, in order, kind and markers gone
    assert texts[3:] == [_plain(r) for r in rest]
    removed = next(n for n in handout.notes if n.startswith("Removed after checking"))
    assert "6 glucose tablets" in removed and "the number 6 is not in its source" in removed
    assert "15 hours" in removed and "does not match its source" in removed
    assert "of any fruit juice" in removed and "is not in its source" in removed
    assert "chocolate cake" in removed and "not supported by the statement it rewords" in removed
    for line in handout.lines[:3]:
        assert line.source.page_start == 13 and "If it is below 70" in line.passage
    assert handout.mode.startswith("reworded by test-model")
    sent = scripted_llm.requests[0]["json"]["messages"]
    assert "If it is below 70, have one of the following right away:" in sent[1]["content"]
    assert "Keep every number, dose and unit exactly" in sent[0]["content"]


def test_a_spanish_handout_is_checked_through_its_back_translation(niddk_kb, scripted_llm):
    from llm_servers import reply

    base = _base(niddk_kb)
    spanish = [
        (
            "[do] Si tiene estos síntomas, revise su glucosa en la sangre. [1]",
            "If you have these symptoms, check your blood glucose.",
        ),
        (
            "[do] Después de 15 minutos, revise su glucosa en la sangre otra vez. [10]",
            "After 15 minutes, check your blood glucose again.",
        ),
        ("[do] Tome 2 tazas de jugo de naranja. [5]", "Take 2 cups of orange juice."),
        ("[know] El chocolate cura la diabetes. [1]", "Chocolate cures diabetes."),
    ]
    rest = _the_other_steps(base, {1, 10})
    written = [line for line, _english in spanish] + rest
    back = [english for _line, english in spanish] + [_plain(r) for r in rest]
    scripted_llm.script(
        [
            reply("\n".join(written)),
            reply("\n".join(f"{i}. {text}" for i, text in enumerate(back, 1))),
        ]
    )
    _llm, chat = _client(scripted_llm)
    handout = RewrittenHandoutBuilder(chat, niddk_kb.embedder.embed_documents, rounds=1).rewrite(
        base, 6.0, "es"
    )
    assert handout.language == "es", handout.notes
    assert [line.text for line in handout.lines][:2] == [
        "Si tiene estos síntomas, revise su glucosa en la sangre.",
        "Después de 15 minutos, revise su glucosa en la sangre otra vez.",
    ]
    removed = next(n for n in handout.notes if n.startswith("Removed after checking"))
    assert "Tome 2 tazas" in removed and "El chocolate" in removed
    translate = scripted_llm.requests[1]["json"]["messages"]
    assert translate[0]["content"].startswith("Translate each numbered line into English")
    assert handout.checks and not any(c.name == "Active voice" for c in handout.checks)


def test_a_rewording_that_leaves_out_a_step_is_not_used(niddk_kb, scripted_llm):
    base = _base(niddk_kb)
    scripted_llm.reply("\n".join(_the_other_steps(base, {10})))  # "After 15 minutes…" left out
    _llm, chat = _client(scripted_llm)
    handout = RewrittenHandoutBuilder(chat, niddk_kb.embedder.embed_documents, rounds=2).rewrite(
        base, 6.0
    )
    assert handout.mode == "offline" and handout.lines == base.lines
    assert "rewording was not used: it left out 1 step(s)" in handout.notes[-1]
    assert "After 15 minutes, check your blood glucose again." in handout.notes[-1]
    second_try = scripted_llm.requests[1]["json"]["messages"][1]["content"]
    assert "leave none out" in second_try


def test_the_use_case_sends_no_identifier_and_falls_back_offline_when_the_model_fails(
    niddk_kb, scripted_llm
):
    llm, chat = _client(scripted_llm)
    engine = AnswerEngine(niddk_kb, Settings(home=niddk_kb.home, llm=llm), chat_client=chat)
    request = HandoutRequest(
        "low blood sugar for Mr Tomasz Kowalczyk MRN 8841207",
        personalise="lives alone at 14 Elm Street, phone 555-201-7788",
        patient_name="Tomasz Kowalczyk",
    )
    scripted_llm.reply("\n".join([*GOOD, *_the_other_steps(_base(niddk_kb), {1, 2, 3, 10})]))
    handout, _kept = make_handout(engine, request)
    assert handout.mode.startswith("reworded") and handout.patient_name == "Tomasz Kowalczyk"
    wire = scripted_llm.wire_text()
    for identifier in ("Kowalczyk", "Tomasz", "8841207", "Elm Street", "555-201-7788"):
        assert identifier not in wire

    scripted_llm.script([error(500, "the model is down")])
    fallback, _kept = make_handout(engine, HandoutRequest("low blood sugar"))
    assert fallback.mode == "offline" and not fallback.empty
    assert "could not reword this handout" in fallback.notes[-1]


@pytest.mark.parametrize(
    ("sentence", "problem"),
    [
        ("Have 3 or 4 glucose tablets.", ""),
        ("Eat 5 or 6 pieces of hard candy.", ""),
        ("Have 6 glucose tablets.", "6 tablet does not match its source (6 piece)"),
        ("Wait 15 hours.", "15 hour does not match its source (15 gram or 15 minute)"),
        ("Take 2 cups of juice.", "the number 2 is not in its source"),
    ],
)
def test_numbers_and_their_units_must_be_the_sources(sentence, problem):
    from assistant.handouts.rewritten_handout import number_problem

    source = (
        "Have 3 or 4 glucose tablets, or 5 or 6 pieces of hard candy, or 15 grams of "
        "carbohydrate. After 15 minutes, check again."
    )
    assert number_problem(sentence, source) == problem


def test_staff_language_too_hard_to_quote_goes_to_the_model(tmp_path, scripted_llm, real_embedder):
    from knowledge.base import KnowledgeBase
    from knowledge.ingest import IngestOptions

    staff = tmp_path / "staff.md"
    staff.write_text(
        "# Opioid-induced constipation\n\nProphylactic pharmacological management of "
        "opioid-induced constipation necessitates concurrent initiation of osmotic or "
        "stimulant laxatives.\n",
        encoding="utf-8",
    )
    kb = KnowledgeBase(tmp_path / "home", embedder=real_embedder)
    list(kb.ingest([staff], IngestOptions(approve=True)))
    llm, chat = _client(scripted_llm)
    engine = AnswerEngine(kb, Settings(home=kb.home, llm=llm), chat_client=chat)
    request = HandoutRequest("constipation from opioids")
    offline = ExtractiveHandoutBuilder(engine.retriever).build(request)
    assert offline.empty and "written for staff" in offline.notes[0]
    scripted_llm.script([error(500, "the model is down")])
    handout, _kept = make_handout(engine, request)
    # the model was asked to reword the staff sentence; failing, no hard text is shown
    assert scripted_llm.requests and handout.empty
    assert "written for staff" in handout.notes[0] and "could not reword" in handout.notes[-2]
    assert handout.notes[-1].startswith("No handout is shown") and "is shown." not in "".join(
        handout.notes[:-1]
    )  # not "the offline handout … is shown": there is none
    said = "To manage opioid-induced constipation, start osmotic or stimulant laxatives too."
    scripted_llm.reply(f"[do] {said} [1]")
    reworded, _kept = make_handout(engine, request)
    assert reworded.mode.startswith("reworded"), reworded.notes
    assert [line.text for line in reworded.lines] == [said]
