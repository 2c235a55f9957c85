"""Identifiers never steer retrieval or refusal, offline or with an LLM: the same question with
a patient's name, record number and date of birth finds the same passages and gets the same
outcome as without them (real model, demo pack)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from assistant.answering.engine import AnswerEngine
from assistant.governance.settings import Settings
from knowledge.base import KnowledgeBase

PLAIN = "After an unwitnessed fall, how often are neuro observations done?"
WITH_IDENTIFIERS = [
    "Maria Gonzalez MRN 4482913 DOB 03/14/1951: " + PLAIN,
    "pt GONZALEZ, MARIA (#00912837) - after an unwitnessed fall, how often are neuro "
    "observations done?",
    "After an unwitnessed fall, how often are neuro observations done for Nguyễn Thị Lan, "
    "born 14 Mar 1951, phone 415-555-0187?",
    "robert mcallister, 77 Elm Road, Leeds: after an unwitnessed fall, how often are neuro "
    "observations done?",
]


class RecordingChat:
    """Stands in for the LLM: records what it was sent and cites the first passage."""

    model = "recording"

    def __init__(self):
        self.messages = []

    def stream(self, messages, max_tokens):
        self.messages.append(messages)
        yield SimpleNamespace(delta="Neurological observations follow the schedule [1].")


@pytest.fixture
def kb(demo_home, real_embedder):
    return KnowledgeBase(demo_home, embedder=real_embedder)


def _passages(engine, question):
    clean = []
    original = engine.retriever.search

    def search(q, *args, **kwargs):
        clean.append(q)
        return original(q, *args, **kwargs)

    engine.retriever.search = search
    answer = engine.ask(question)
    result = original(clean[-1])
    return answer, [p.chunk_id for p in result.passages]


@pytest.mark.slow
@pytest.mark.parametrize("question", WITH_IDENTIFIERS)
def test_offline_answer_and_passages_do_not_depend_on_identifiers(kb, question):
    engine = AnswerEngine(kb, Settings(home=kb.home))
    plain, plain_passages = _passages(engine, PLAIN)
    tagged, tagged_passages = _passages(engine, question)
    assert not plain.refused
    assert tagged.refused == plain.refused
    assert tagged_passages == plain_passages
    assert [c.source.chunk_id for c in tagged.citations] == [
        c.source.chunk_id for c in plain.citations
    ]


@pytest.mark.slow
@pytest.mark.parametrize("question", WITH_IDENTIFIERS[:2])
def test_the_llm_is_given_the_same_passages_with_or_without_identifiers(kb, question):
    chat = RecordingChat()
    engine = AnswerEngine(kb, Settings(home=kb.home), chat_client=chat)
    engine.ask(PLAIN)
    engine.ask(question)
    plain_prompt, tagged_prompt = (m[-1]["content"] for m in chat.messages)
    # the passages block is identical; only the question line differs
    assert plain_prompt.split("Question:")[0] == tagged_prompt.split("Question:")[0]


@pytest.mark.parametrize(
    ("typed", "searched"),
    [
        ("DOB 03/14/1951: dose 0.5-10 mg/kg q4h?", "dose 0.5-10 mg/kg q4h?"),
        ("born 1951-03-14, fell 2018-19 season", "fell 2018-19 season"),
        ("MRN [MRN-1] (DOB [DOB-1]) fell", "fell"),
        ("on March 3, 2024 she fell for 5-7 days", "on she fell for 5-7 days"),
    ],
)
def test_placeholders_labels_and_full_dates_leave_the_search_but_values_stay(typed, searched):
    from assistant.answering.engine import _without_identifiers

    assert _without_identifiers(typed) == searched
