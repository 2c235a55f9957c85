"""The answering engine end to end: real bundled model, real local Chroma, demo pack, and a real
HTTP server speaking the OpenAI API (scripted) for LLM mode."""

from __future__ import annotations

import json
import re

import pytest
from llm_servers import Reply, error

from assistant.answering.answer import ANSWERED, CARDS, LLM_MODE, NOT_COVERED, OFFLINE_MODE, RELATED
from assistant.answering.engine import RELATED_NOTE, AnswerEngine, searched_text
from assistant.answering.evidence_layout import card_lines, cards_text
from assistant.answering.llm import make_chat_client
from assistant.governance.settings import LLMSettings, Settings
from knowledge.base import KnowledgeBase


@pytest.fixture
def kb(demo_home, real_embedder):
    return KnowledgeBase(demo_home, embedder=real_embedder)


def offline_engine(kb) -> AnswerEngine:
    return AnswerEngine(kb, Settings(home=kb.home))


def llm_engine(kb, server, **answer) -> AnswerEngine:
    llm = LLMSettings(
        provider="compatible",
        endpoint=server.base_url,
        model="test-model",
        max_retries=0,
        timeout_s=10,
    )
    settings = Settings(home=kb.home, llm=llm)
    for key, value in answer.items():
        section, _, name = key.partition("__")
        setattr(getattr(settings, section), name, value)
    return AnswerEngine(kb, settings, chat_client=make_chat_client(llm, None))


def test_offline_answer_shows_whole_cited_passages_as_cards(kb):
    answer = offline_engine(kb).ask("How long should I rub my hands with alcohol hand rub?")
    assert answer.outcome == ANSWERED and answer.mode == OFFLINE_MODE and answer.layout == CARDS
    assert "Rub for 20–30 seconds" in answer.text
    assert answer.text == cards_text(answer.summary, answer.citations)  # what --json gives
    assert 1 <= len(answer.citations) <= 3
    for citation in answer.citations:
        assert (
            f"[{citation.number}] {citation.source.title} (v{citation.source.version})"
            in answer.text
        )
        assert citation.quotes and all(q in citation.passage for q in citation.quotes)
        lines = card_lines(citation.passage, citation.quotes)
        assert all(line.text in citation.passage for line in lines)  # verbatim, whole
        assert any(line.marks for line in lines)  # the answering sentences are marked
    first = answer.citations[0]
    assert first.source.source_name == "hand-hygiene.md" and first.source.version == 1
    assert first.source.approved_at and first.source.section.startswith("Hand Hygiene Policy")
    assert answer.claims_verified == answer.claims_total > 0


def test_a_value_question_leads_with_the_sentence_that_carries_the_value(kb):
    answer = offline_engine(kb).ask("How many seconds should I wash my hands with soap and water?")
    assert answer.summary.startswith("Wash for 40–60 seconds") and answer.summary.endswith("]")
    assert answer.text.startswith(answer.summary + "\n\n[1] ")


def test_the_falls_schedule_table_is_cited_whole(kb):
    answer = offline_engine(kb).ask(
        "How often are neuro observations needed after an unwitnessed fall?"
    )
    card = next(c for c in answer.citations if c.source.source_name == "falls-prevention.pdf")
    rows = ["Every 15 minutes", "Every 30 minutes", "Every hour", "Every 4 hours"]
    assert all(row in card.passage for row in rows)
    assert all(row in answer.text for row in rows)  # every row shown, none dropped


def test_offline_pdf_citation_has_the_page(kb):
    answer = offline_engine(kb).ask(
        "How often are neuro observations done in the first hour after an unwitnessed fall?"
    )
    assert "Every 15 minutes" in answer.text
    pdf = [c for c in answer.citations if c.source.source_name == "falls-prevention.pdf"]
    assert pdf and pdf[0].source.page_start == 3 and pdf[0].label().endswith("p. 3")


def test_unanswerable_question_is_refused_with_closest_documents(kb):
    answer = offline_engine(kb).ask("What antibiotic should be given first for suspected sepsis?")
    assert answer.refused and answer.outcome == NOT_COVERED and answer.citations == []
    assert "No approved document covers this question" in answer.text
    assert answer.closest and all(d.source.title for d in answer.closest)
    # listed once (by whoever shows the answer), and each can open the viewer at its passage
    assert not any(d.source.title in answer.text for d in answer.closest)
    assert all(
        d.source.chunk_id and d.passage and d.citation().source.source_path for d in answer.closest
    )


def test_pending_and_retired_versions_are_never_cited(kb):
    engine = offline_engine(kb)
    for question in (
        "What is the west wing door code for night staff?",
        "What are the maternity visiting hours for partners?",
    ):
        answer = engine.ask(question)
        assert "ZX-4471" not in answer.text and "14:00 to 16:00" not in answer.text
        cited = {c.source.doc_id for c in answer.citations} | {
            d.source.doc_id for d in answer.closest
        }
        assert not cited & {"night-access", "old-visiting"}
    # The live version is cited, its pending successor is not: an empty answer cannot pass.
    answer = engine.ask("How long should I rub my hands with alcohol hand rub?")
    assert answer.outcome == ANSWERED and "Rub for 20–30 seconds" in answer.text
    assert "95 seconds" not in answer.text
    hand_hygiene = [c for c in answer.citations if c.source.doc_id == "hand-hygiene"]
    assert hand_hygiene and {c.source.version for c in hand_hygiene} == {1}


def passage_number(engine: AnswerEngine, question: str, phrase: str) -> int:
    """Which [n] the prompt will give the passage containing `phrase` (retrieval is
    deterministic), so a scripted reply can cite it correctly."""
    passages = engine.retriever.search(question).passages[: engine.settings.answer.passages]
    return next(i + 1 for i, p in enumerate(passages) if phrase in p.text)


def test_llm_answer_citations_cleaned_and_verified(kb, scripted_llm):
    engine = llm_engine(kb, scripted_llm)
    question = "How long do I rub hands with ABHR?"
    rub = passage_number(engine, question, "Rub for 20–30 seconds")
    soap = passage_number(engine, question, "visibly soiled")
    scripted_llm.reply(
        f"Rub your hands with alcohol-based hand rub for 20–30 seconds, until dry [{rub}]. "
        f"Use soap and water when hands are visibly soiled [{soap}][9]. "
        f"Hand rub must be applied for five full minutes before surgery [{rub}]."
    )
    answer = engine.ask(question)
    assert answer.mode == LLM_MODE and answer.model == "test-model" and not answer.refused
    assert "[9]" not in answer.text  # an invented marker is removed, never shown as real
    assert set(re.findall(r"\[(\d+)\]", answer.text)) <= {str(c.number) for c in answer.citations}
    assert answer.claims_total == 3 and answer.claims_verified == 2
    assert answer.unverified == ["Hand rub must be applied for five full minutes before surgery."]
    assert "five full minutes" not in answer.text  # listed as unverified, never cited as said
    assert all(c.source.source_name == "hand-hygiene.md" for c in answer.citations)


def test_unverified_sentences_can_be_dropped(kb, scripted_llm):
    engine = llm_engine(kb, scripted_llm, answer__unsupported="drop")
    question = "How long do I rub hands with alcohol hand rub?"
    rub = passage_number(engine, question, "Rub for 20–30 seconds")
    scripted_llm.reply(
        f"Rub your hands with alcohol-based hand rub for 20–30 seconds [{rub}]. "
        f"Patients must also shower with chlorhexidine daily [{rub}]."
    )
    answer = engine.ask(question)
    assert "chlorhexidine" not in answer.text and "20–30 seconds" in answer.text
    assert answer.claims_total == answer.claims_verified == 1


def test_request_carries_numbered_delimited_passages(kb, scripted_llm):
    scripted_llm.reply("Report within 1 hour on extension 4455 [1].")
    llm_engine(kb, scripted_llm).ask("What extension do I ring after a needlestick injury?")
    body = scripted_llm.last["json"]
    assert body["model"] == "test-model" and body["temperature"] == 0.0 and body["stream"]
    system, user = body["messages"][0]["content"], body["messages"][1]["content"]
    assert "ONLY" in system and "not in the approved documents" in system
    assert '<passage id="1"' in user and "</passages>" in user
    assert "Question: What extension do I ring after a needlestick injury?" in user
    assert "extension 4455" in user


def test_model_saying_not_in_documents_becomes_a_refusal(kb, scripted_llm):
    scripted_llm.reply("This is not in the approved documents.")
    answer = llm_engine(kb, scripted_llm).ask("How often are PCA checks in the first 4 hours?")
    assert answer.refused and answer.citations == [] and answer.closest


def test_weak_evidence_makes_no_llm_call(kb, scripted_llm):
    answer = llm_engine(kb, scripted_llm).ask("What ventilator settings suit ARDS?")
    assert answer.refused
    assert scripted_llm.requests == []


PHI_QUESTION = (
    "Pt John Smith, MRN 12345678, DOB 03/04/1950, phone 555-123-4567, lives at 12 Oak Road: "
    "how often should his PCA be checked?"
)
PHI_VALUES = ["John Smith", "12345678", "03/04/1950", "555-123-4567", "12 Oak Road"]


def test_no_patient_identifier_reaches_the_wire(kb, scripted_llm):
    scripted_llm.reply("PCA is checked every 1 hour for the first 4 hours [1].")
    answer = llm_engine(kb, scripted_llm).ask(PHI_QUESTION)
    wire = scripted_llm.wire_text()
    assert wire and all(value not in wire for value in PHI_VALUES)
    assert "[NAME-1]" in wire and "[MRN-1]" in wire
    assert answer.redaction_notice.startswith("Removed before sending")
    assert answer.redactions["NAME"] == 1 and answer.sent_question != answer.question
    assert all(
        value not in json.dumps(answer.to_json(include_question=False)) for value in PHI_VALUES
    )


# One question per identifier kind and form, written for these tests (the measured sets are in
# tests/data/phi): each is a PCA question so the passages are found and the model is called.
WIRE_CASES = [
    ("Maria Gonzalez 76yo F:", ["Maria", "Gonzalez"]),
    ("can Tomasz have it, and", ["Tomasz"]),
    ("its for kathleen -", ["kathleen"]),
    ("for JONES,", ["JONES"]),
    ("Nguyễn Thị Hoa (bed 4):", ["Nguyễn", "Hoa"]),
    ("患者 李伟:", ["李伟"]),
    ("O'Brien, Siobhán:", ["O'Brien", "Siobhán"]),
    ("SSN 123 45 6789,", ["123 45 6789"]),
    ("medicare 1EG4-TE5-MK72,", ["1EG4-TE5-MK72"]),
    ("MRN 55120983,", ["55120983"]),
    ("call daughter on 555-0187 x204,", ["555-0187"]),
    ("+44 20 7946 0958,", ["7946 0958"]),
    ("mail jane dot doe at gmail dot com,", ["jane", "gmail"]),
    ("home visit at 44 oak street, lives in 90210,", ["44 oak street", "90210"]),
    ("born 02-Feb-1946, admitted on 11/09,", ["02-Feb-1946", "11/09"]),
    ("ninety-three year old,", ["ninety-three"]),
    ("94F,", ["94F"]),
    ("pump serial SN 88A7731,", ["88A7731"]),
    ("portal https://portal.example.org/p/5521,", ["portal.example.org"]),
    ("device at 10.20.30.40,", ["10.20.30.40"]),
]


@pytest.mark.parametrize(("prefix", "values"), WIRE_CASES, ids=[c[0] for c in WIRE_CASES])
def test_every_identifier_kind_is_kept_off_the_wire(kb, scripted_llm, prefix, values):
    question = f"{prefix} how often should the PCA be checked?"
    scripted_llm.reply("PCA is checked every 1 hour for the first 4 hours [1].")
    answer = llm_engine(kb, scripted_llm).ask(question)
    wire = scripted_llm.wire_text()
    assert "PCA" in wire  # the question was sent, redacted
    assert [value for value in values if value in wire] == []
    assert answer.redaction_notice.startswith("Removed before sending")

    scripted_llm.requests.clear()
    blocked = llm_engine(kb, scripted_llm, privacy__phi_mode="block").ask(question)
    assert blocked.outcome == "blocked" and scripted_llm.requests == []
    assert blocked.redaction_notice.startswith("Not sent: it contains")


def test_block_mode_refuses_and_sends_nothing(kb, scripted_llm):
    engine = llm_engine(kb, scripted_llm, privacy__phi_mode="block")
    answer = engine.ask(PHI_QUESTION)
    assert answer.refused and answer.text.startswith("blocked:") and "NAME" in answer.text
    assert answer.outcome == "blocked" and scripted_llm.requests == []
    # the notice says it was not sent, never "removed before sending"
    assert answer.redaction_notice.startswith("Not sent: it contains")
    assert "Removed before sending" not in answer.redaction_notice


def test_offline_mode_shows_the_same_notice(kb):
    answer = offline_engine(kb).ask(PHI_QUESTION)
    assert "Patient identifiers noticed" in answer.redaction_notice
    assert "nothing left this computer" in answer.redaction_notice
    assert not answer.refused and "every 1 hour for the first 4 hours" in answer.text


def test_llm_failure_falls_back_to_extract_with_notice(kb, scripted_llm):
    scripted_llm.script([error(500), error(500), error(500)])
    answer = llm_engine(kb, scripted_llm).ask("How long should I rub my hands with hand rub?")
    assert answer.mode == OFFLINE_MODE and not answer.refused
    assert "Rub for 20–30 seconds" in answer.text
    assert answer.notices and "could not answer" in answer.notices[0]


def test_stream_events_in_order(kb, scripted_llm):
    engine = llm_engine(kb, scripted_llm)
    question = "When must a sharps injury be reported?"
    n = passage_number(engine, question, "Occupational Health within 1 hour")
    scripted_llm.reply(
        f"Report the injury to Occupational Health within 1 hour [{n}].", stream=True
    )
    events = list(engine.stream(question))
    kinds = [e.kind for e in events]
    assert kinds[0] == "status" and kinds[-1] == "done" and kinds.count("done") == 1
    deltas = "".join(e.text for e in events if e.kind == "delta")
    assert "Occupational Health" in deltas
    assert events[-1].answer.claims_verified == 1


def test_empty_question_is_refused_clearly(kb):
    with pytest.raises(ValueError, match="empty"):
        offline_engine(kb).ask("   ")


def test_near_miss_sharing_embedding_space_but_not_words_is_refused(kb):
    """The coverage guard: the demo pack talks about opioids and observations, but nothing
    about this; without the guard the nearest opioid passage would be quoted."""
    question = "What is the maximum dose of intravenous paracetamol in sepsis?"
    answer = offline_engine(kb).ask(question)
    # at most shown as related passages, never as an answer
    assert answer.refused and answer.outcome != ANSWERED
    assert answer.outcome == NOT_COVERED or answer.text.startswith(RELATED_NOTE)


def test_a_wrong_number_near_the_evidence_is_flagged(kb, scripted_llm):
    engine = llm_engine(kb, scripted_llm)
    question = "At what MME does a pharmacist need to review?"
    n = passage_number(engine, question, "50 MME/day or more triggers a pharmacist review")
    scripted_llm.reply(f"A total of 90 MME/day or more triggers a pharmacist review [{n}].")
    answer = engine.ask(question)
    # 90 appears elsewhere in that passage (the Acute Pain Team rule), not where the claim's
    # evidence is: the number veto catches what word overlap alone would let through.
    assert answer.claims_total == 1 and answer.claims_verified == 0


def test_near_miss_without_the_value_asked_for_is_refused_and_says_so(kb):
    """The value check: the opioid policy covers naloxone, but says dosing follows a chart;
    quoting it would look like an answer to a dose question and is not one."""
    answer = offline_engine(kb).ask("How many mg of naloxone should a nurse give?")
    assert answer.refused and answer.outcome == RELATED
    # the amber badge says 'related'; the lead line says why; the text carries both
    assert answer.summary.startswith("The approved documents discuss its subject")
    assert answer.text.startswith(RELATED_NOTE)
    assert "state no dose or amount for it" in answer.text
    # the subject's passages are shown for the clinician to judge
    assert answer.citations[0].source.title == "Opioid Safety and Stewardship Policy"


def test_value_question_whose_value_is_there_is_answered(kb):
    answer = offline_engine(kb).ask("How many seconds should I wash my hands with soap and water?")
    assert not answer.refused and "Wash for 40–60 seconds" in answer.text


def test_value_check_also_spares_the_llm_call(kb, scripted_llm):
    answer = llm_engine(kb, scripted_llm).ask("What dose of naloxone should a nurse give?")
    assert answer.refused and "dose or amount" in answer.refusal_reason
    assert scripted_llm.requests == []


def test_a_quoted_lead_in_comes_with_its_whole_list(kb):
    answer = offline_engine(kb).ask("When must I wash with soap and water instead of hand rub?")
    lead_in = "Wash with liquid soap and running water instead of using hand rub:"
    assert not answer.refused and lead_in in answer.text
    card = next(c for c in answer.citations if lead_in in c.passage)
    lines = [line.text for line in card_lines(card.passage, card.quotes)]
    after = lines[lines.index(lead_in) + 1]
    assert after.startswith("when hands are visibly soiled")  # the list follows its lead-in
    assert all(line in answer.text for line in lines)


def test_a_question_in_another_language_is_refused_before_searching(kb):
    engine = offline_engine(kb)
    searched = []
    engine.retriever.search = lambda *a, **k: searched.append(a)  # must not be reached
    answer = engine.ask("¿Cuánto tiempo debo frotarme las manos con el gel de alcohol?")
    assert answer.refused and not searched
    assert "Spanish" in answer.text and "in English" in answer.text
    assert answer.closest == [] and "closest" not in answer.text


def test_a_follow_up_is_answered_from_the_previous_subject(kb):
    engine = offline_engine(kb)
    first = engine.ask("How often are PCA checks needed in the first 4 hours?")
    alone = engine.ask("and after that?")
    assert alone.outcome == NOT_COVERED  # on its own words it finds nothing
    follow = engine.ask("and after that?", previous=searched_text(first))
    assert follow.outcome == ANSWERED
    assert follow.searched_for.startswith("How often are PCA checks needed")
    assert "every 2 hours" in follow.text
    # a standalone question after it is searched on its own words
    other = engine.ask("What extension do I ring after a needlestick injury?", searched_text(first))
    assert other.searched_for == "" and "4455" in other.text


def test_a_question_that_says_it_changes_the_subject_is_searched_alone_without_the_saying(kb):
    engine = offline_engine(kb)
    first = engine.ask("How often are PCA checks needed in the first 4 hours?")
    answer = engine.ask(
        "totally different question, what extension do I ring after a needlestick injury?",
        previous=searched_text(first),
    )
    assert answer.outcome == ANSWERED and "4455" in answer.text
    assert answer.searched_for == "what extension do I ring after a needlestick injury?"


def test_a_question_opening_like_a_follow_up_falls_back_to_its_own_words(kb):
    # "Also, …" leans on the previous question by its wording, with too few words of its
    # own to be searched alone first. When the combination with the previous subject
    # answers nothing (here: made to refuse), its own words are tried and kept.
    engine = offline_engine(kb)
    decide = engine.refusal.decide
    engine.refusal.decide = lambda result, strict=False: (
        (RELATED, "joined") if " — " in result.question.text else decide(result, strict)
    )
    previous = "How often are PCA checks needed in the first 4 hours?"
    answer = engine.ask("Also, needlestick extension?", previous=previous)
    assert answer.outcome == ANSWERED and answer.searched_for == ""
    assert "4455" in answer.text


def test_with_a_model_the_follow_up_is_rewritten_without_identifiers(kb, scripted_llm):
    engine = llm_engine(kb, scripted_llm)
    previous = "How often are PCA checks needed in the first 4 hours?"
    scripted_llm.script(
        [Reply("How often are PCA checks needed after the first 4 hours?"),
         Reply("Every 2 hours after that [1].")]
    )  # fmt: skip
    answer = engine.ask("and after that for Mr John Smith MRN 1234567?", previous=previous)
    rewrite = scripted_llm.requests[0]["json"]["messages"][1]["content"]
    assert previous in rewrite and "John" not in rewrite and "1234567" not in rewrite
    assert answer.searched_for == "How often are PCA checks needed after the first 4 hours?"
    sent = scripted_llm.requests[1]["json"]["messages"][1]["content"]
    assert "Question: How often are PCA checks needed after the first 4 hours?" in sent
    assert "John" not in scripted_llm.wire_text()


def test_what_to_do_is_shown_not_only_what_the_procedure_is_for(kb):
    """A section about the document (purpose, scope, acknowledgments) echoes the question's
    words; the card that answers it comes from the practice itself."""
    answer = offline_engine(kb).ask("I got a needlestick injury, what should I do?")
    sections = [c.source.section for c in answer.citations]
    assert any(s.endswith("4. Immediate first aid") for s in sections)


def test_an_answer_with_no_supported_sentence_says_so_and_cites_nothing_in_its_body(
    kb, scripted_llm
):
    from assistant.answering.engine import LISTED_BELOW, NONE_SUPPORTED

    engine = llm_engine(kb, scripted_llm)
    question = "How long do I rub hands with alcohol hand rub?"
    rub = passage_number(engine, question, "Rub for 20–30 seconds")
    scripted_llm.reply(f"Patients must shower with chlorhexidine twice daily [{rub}].")
    answer = engine.ask(question)
    assert answer.text == NONE_SUPPORTED + LISTED_BELOW and "[" not in answer.text
    assert answer.unverified == ["Patients must shower with chlorhexidine twice daily."]
    assert answer.claims_verified == 0 and answer.claims_total == 1
