"""Conversations, exchanges and feedback saved in SQLite (assistant.conversations.store)."""

from __future__ import annotations

import csv
import json
import os
import sqlite3
import sys
import threading
from datetime import UTC, datetime, timedelta

import pytest

from assistant.answering.answer import LLM_MODE, Answer, Citation, ClosestDocument
from assistant.conversations import store as conv_module
from assistant.conversations.store import (
    DEFAULT_TITLE,
    SCHEMA_VERSION,
    ConversationStore,
    StoreVersionError,
    answer_from_json,
    pages_label,
    title_from_question,
)
from knowledge.provenance import Provenance

# --- answers built by hand (also used by test_export.py) -------------------------------------


def make_citation(number: int, doc_id: str = "hand-hygiene", version: int = 2, **overrides):
    values = dict(
        number=number,
        chunk_id=f"{doc_id}-v{version}-c{number}",
        doc_id=doc_id,
        version_id=f"{doc_id}@{version}",
        version=version,
        title="Hand Hygiene Policy",
        source_name="hand_hygiene.pdf",
        source_path="/docs/hand_hygiene.pdf",
        section="4.2 Alcohol-based hand rub",
        page_start=3,
        page_end=4,
        position_start=10,
        position_end=12,
        char_start=100,
        char_end=400,
        approved_at="2024-03-01T09:00:00+00:00",
        passage="Use alcohol-based hand rub for 20–30 seconds.",
        quotes=["Use alcohol-based hand rub for 20–30 seconds."],
    )
    values.update(overrides)
    return Citation.from_json(values)


def make_answer(
    question: str = "How long should I rub my hands with alcohol gel?",
    text: str = "Rub hands with alcohol-based hand rub for 20–30 seconds [1].",
    **overrides,
) -> Answer:
    values = dict(
        question=question,
        sent_question=question,
        text=text,
        citations=[make_citation(1)],
        claims_total=1,
        claims_verified=1,
        timings_ms={"total_ms": 12.5},
    )
    values.update(overrides)
    return Answer(**values)


PHI_QUESTION = "Vancomycin dose for John Smith MRN 1234567?"
REDACTED_QUESTION = "Vancomycin dose for [NAME-1] MRN [MRN-1]?"


def make_llm_answer() -> Answer:
    """Two citations of one document version (their pages merge) and one of another; PHI
    redacted from the question."""
    return make_answer(
        question=PHI_QUESTION,
        sent_question=REDACTED_QUESTION,
        text="Give 15–20 mg/kg every 8–12 h [1]. Check trough levels [2]. Adjust in renal "
        "impairment [3].",
        citations=[
            make_citation(1, "vanco", 3, title="Vancomycin Dosing", page_start=3, page_end=4),
            make_citation(2, "vanco", 3, title="Vancomycin Dosing", page_start=7, page_end=None),
            make_citation(3, "renal", 1, title="Renal Dosing", page_start=None, page_end=None),
        ],
        mode=LLM_MODE,
        provider="openai",
        model="gpt-4o-mini",
        claims_total=3,
        claims_verified=2,
        unverified=["Adjust in renal impairment."],
        notices=["The language model was slow."],
        redactions={"NAME": 1, "MRN": 1},
        redaction_notice="Removed before sending: 1 name, 1 medical record number.",
    )


def make_refusal() -> Answer:
    return make_answer(
        question="What is the visiting policy for the cafeteria?",
        text="No approved document answers this. It cannot be answered from the approved "
        "documents.",
        citations=[],
        refused=True,
        refusal_reason="No approved document answers this.",
        closest=[
            ClosestDocument(
                Provenance(
                    "",
                    "visitors",
                    "",
                    5,
                    "Visitor Policy",
                    "visitors.docx",
                    section="Hours",
                    page_start=2,
                ),
                0.31,
            )
        ],
        claims_total=0,
        claims_verified=0,
    )


class Ticker:
    """A clock for the store: each reading is one second after the previous one."""

    def __init__(self, start: datetime = datetime(2025, 1, 31, 9, 0, tzinfo=UTC)):
        self.moment = start
        self.lock = threading.Lock()

    def __call__(self) -> datetime:
        with self.lock:
            self.moment += timedelta(seconds=1)
            return self.moment


# --- fixtures --------------------------------------------------------------------------------
@pytest.fixture(params=["fts5", "like"])
def backend(request, monkeypatch) -> str:
    if request.param == "like":
        monkeypatch.setattr(conv_module, "_trigram_available", lambda: False)
    return request.param


@pytest.fixture
def path(isolated_home):
    isolated_home.mkdir(parents=True, exist_ok=True)
    return isolated_home / "conversations.sqlite3"


@pytest.fixture
def store(path, backend):
    with ConversationStore(path, clock=Ticker()) as opened:
        assert opened.uses_fts is (backend == "fts5")
        yield opened


def raw(path, sql, *params):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


# --- conversations ---------------------------------------------------------------------------
def test_this_python_has_fts5_trigram():
    """The search index is used where this app runs; LIKE is the fallback."""
    assert conv_module._trigram_available()


def test_create_get_and_timestamps(store):
    created = store.create()
    assert created.title == DEFAULT_TITLE
    assert created.created_at == created.updated_at
    stamp = datetime.fromisoformat(created.created_at)
    assert stamp.utcoffset() == timedelta(0)
    assert stamp == datetime(2025, 1, 31, 9, 0, 1, tzinfo=UTC)
    assert store.get(created.id) == created
    assert store.get(created.id + 100) is None
    named = store.create("  Sepsis   bundle ")
    assert named.title == "Sepsis bundle"


def test_rename_validates_and_keeps_activity_time(store):
    conversation = store.create()
    for bad in ("", "   ", "\n\t"):
        with pytest.raises(ValueError, match="title cannot be empty"):
            store.rename(conversation.id, bad)
    with pytest.raises(ValueError, match="title cannot be empty"):
        store.create(" ")
    renamed = store.rename(conversation.id, "  Insulin\nsliding scale  ")
    assert renamed.title == "Insulin sliding scale"
    assert renamed.updated_at == conversation.updated_at  # a rename is not activity
    assert store.get(conversation.id).title == "Insulin sliding scale"
    long = store.rename(conversation.id, "word " * 100)
    assert len(long.title) <= 201 and long.title.endswith("…")
    with pytest.raises(KeyError):
        store.rename(9999, "Anything")


def test_first_question_becomes_the_title_redacted(store):
    conversation = store.create()
    store.add_exchange(conversation.id, PHI_QUESTION, make_llm_answer())
    assert store.get(conversation.id).title == REDACTED_QUESTION
    store.add_exchange(conversation.id, "Second question?", make_answer("Second question?"))
    assert store.get(conversation.id).title == REDACTED_QUESTION


def test_long_first_question_is_cut_on_a_word_boundary(store):
    question = (
        "What is the recommended empirical antibiotic regimen for community acquired "
        "pneumonia in adults with penicillin allergy?"
    )
    conversation = store.create()
    store.add_exchange(conversation.id, question, make_answer(question))
    title = store.get(conversation.id).title
    assert title == "What is the recommended empirical antibiotic regimen for…"
    assert len(title) <= 61
    assert question.startswith(title[:-1])


def test_renamed_or_named_conversations_keep_their_title(store):
    renamed = store.create()
    store.rename(renamed.id, "My title")
    named = store.create("Ward 3 questions")
    for conversation in (renamed, named):
        store.add_exchange(conversation.id, "Heparin dose?", make_answer("Heparin dose?"))
    assert store.get(renamed.id).title == "My title"
    assert store.get(named.id).title == "Ward 3 questions"


def test_title_from_question_and_pages_label():
    assert title_from_question("  short   question ") == "short question"
    assert title_from_question("") == DEFAULT_TITLE
    assert title_from_question("x" * 80) == "x" * 60 + "…"
    assert title_from_question("a" * 50 + " " + "b" * 30).endswith("a…")
    assert pages_label({3, 4, 7}) == "pp. 3–4, 7"
    assert pages_label([5]) == "p. 5"
    assert pages_label([]) == ""
    assert pages_label([1, 2, 3, 9, 10]) == "pp. 1–3, 9–10"


def test_list_is_newest_activity_first(store):
    first = store.create("First")
    second = store.create("Second")
    third = store.create("Third")
    assert [c.id for c in store.list()] == [third.id, second.id, first.id]
    store.add_exchange(first.id, "Heparin dose?", make_answer("Heparin dose?"))
    listed = store.list()
    assert [c.id for c in listed] == [first.id, third.id, second.id]
    assert listed[0].updated_at > listed[0].created_at
    store.rename(second.id, "Second, renamed")
    assert [c.id for c in store.list()] == [first.id, third.id, second.id]


def test_search_title_question_and_answer(store):
    titled = store.create("Sepsis bundle")
    asked = store.create()
    store.add_exchange(
        asked.id,
        "Heparin dose in obesity?",
        make_answer("Heparin dose in obesity?", text="Use actual body weight [1]."),
    )
    answered = store.create()
    store.add_exchange(answered.id, "Hands?", make_answer("Hands?"))  # answer: "hand rub"
    other = store.create("Visiting hours")

    def ids(query):
        return {c.id for c in store.list(query)}

    assert ids("sepsis") == {titled.id}
    assert ids("HEPARIN") == {asked.id}  # case-insensitive
    assert ids("body weight") == {asked.id}  # answer text, every word
    assert ids("alcohol-based") == {answered.id}
    assert ids("rub") == {answered.id}
    assert ids("parin") == {asked.id}  # a substring inside a word ("Heparin")
    assert ids("heparin sepsis") == set()  # every word must match the same conversation
    assert ids("nothing-like-this") == set()
    assert ids("") == ids("   ") == {titled.id, asked.id, answered.id, other.id}
    assert [c.id for c in store.list("hours")] == [other.id]


def test_search_words_across_exchanges_accents_and_short_terms(store):
    conversation = store.create()
    store.add_exchange(
        conversation.id,
        "Café au lait spots?",
        make_answer("Café au lait spots?", text="Refer to dermatology [1]."),
    )
    store.add_exchange(conversation.id, "And in NF1?", make_answer("And in NF1?"))
    other = store.create("Naïve T cells")
    assert [c.id for c in store.list("cafe nf1")] == [conversation.id]
    assert [c.id for c in store.list("CAFÉ")] == [conversation.id]
    assert [c.id for c in store.list("naive")] == [other.id]
    assert [c.id for c in store.list("au")] == [conversation.id]  # shorter than a trigram
    assert [c.id for c in store.list("nf")] == [conversation.id]
    assert [c.id for c in store.list("dermatology?")] == [conversation.id]  # punctuation


def test_search_is_safe_with_special_characters(store):
    conversation = store.create('Dose 50% "loading" under_score')
    store.create("Nothing special")
    for only_punctuation in ('"', "'", "?!"):  # no search: everything is listed
        assert len(store.list(only_punctuation)) == 2
    for query in ("50%", '"loading"', "under_score", "%", "_", "a OR b", "NEAR(", "*"):
        result = store.list(query)
        assert all(c.id == conversation.id for c in result), query
    assert [c.id for c in store.list("50%")] == [conversation.id]
    assert store.list("5_%") == []  # % and _ are literal, not wildcards
    assert [c.id for c in store.list("under_score")] == [conversation.id]


def test_search_follows_renames(store):
    conversation = store.create("Old name")
    store.rename(conversation.id, "Potassium replacement")
    assert store.list("old name") == []
    assert [c.id for c in store.list("potassium")] == [conversation.id]


def test_search_index_is_rebuilt_when_fts_becomes_available(path, monkeypatch):
    monkeypatch.setattr(conv_module, "_trigram_available", lambda: False)
    with ConversationStore(path) as like:
        assert not like.uses_fts
        conversation = like.create()
        like.add_exchange(conversation.id, "Magnesium sulfate?", make_answer("Magnesium sulfate?"))
    monkeypatch.undo()
    with ConversationStore(path) as fts:
        assert fts.uses_fts
        assert [c.id for c in fts.list("magnesium")] == [conversation.id]
        assert [c.id for c in fts.list("alcohol")] == [conversation.id]


# --- exchanges -------------------------------------------------------------------------------
def test_exchange_round_trip_restores_the_answer_exactly(path, backend):
    original = make_llm_answer()
    with ConversationStore(path) as store:
        conversation = store.create()
        # a site that keeps the typed question (privacy.keep_typed_questions) gets it back
        saved = store.add_exchange(conversation.id, PHI_QUESTION, original, keep_typed=True)
        assert saved.question == PHI_QUESTION
        assert saved.answer_json["citations"][0]["label"].startswith("Vancomycin Dosing (v3)")
        assert saved.answer() == original
    with ConversationStore(path) as reopened:  # after a restart
        [exchange] = reopened.exchanges(conversation.id)
    assert exchange.id == saved.id and exchange.created_at == saved.created_at
    restored = exchange.answer()
    assert restored == original
    assert isinstance(restored.citations[0], Citation)
    assert [
        (c.source.doc_id, c.source.version, c.source.page_start, c.source.page_end)
        for c in restored.citations
    ] == [
        ("vanco", 3, 3, 4),
        ("vanco", 3, 7, None),
        ("renal", 1, None, None),
    ]
    assert restored.citations[0].pages_label == "pp. 3–4"
    assert restored.citations[0].quotes == original.citations[0].quotes
    assert (restored.mode, restored.model, restored.refused) == (LLM_MODE, "gpt-4o-mini", False)
    assert restored.sent_question == REDACTED_QUESTION
    assert restored.redaction_notice == original.redaction_notice
    assert restored.unverified == ["Adjust in renal impairment."]


def test_the_question_is_kept_as_sent_unless_the_site_says_otherwise(path, backend):
    """Nothing lingers: the conversation database holds the question with its identifiers
    replaced, in the exchange, its saved answer and the search index."""
    with ConversationStore(path) as store:
        conversation = store.create()
        saved = store.add_exchange(conversation.id, PHI_QUESTION, make_llm_answer())
        assert saved.question == REDACTED_QUESTION
        assert saved.answer().question == REDACTED_QUESTION
        assert store.list("Smith") == [] and store.list("1234567") == []
    raw = path.read_bytes()
    assert b"John Smith" not in raw and b"1234567" not in raw


def test_refusal_round_trip_keeps_closest_documents(store):
    conversation = store.create()
    store.add_exchange(conversation.id, "Cafeteria visiting?", make_refusal(), keep_typed=True)
    restored = store.exchanges(conversation.id)[0].answer()
    assert restored.refused is True
    assert restored.refusal_reason == "No approved document answers this."
    assert restored.question == "Cafeteria visiting?"  # the question as saved
    assert isinstance(restored.closest[0], ClosestDocument)
    assert (
        restored.closest[0].source.title == "Visitor Policy"
        and restored.closest[0].similarity == 0.31
    )


def test_exchanges_are_oldest_first_and_per_conversation(store):
    one, two = store.create(), store.create()
    for n in range(3):
        store.add_exchange(one.id, f"Question {n}?", make_answer(f"Question {n}?"))
    store.add_exchange(two.id, "Elsewhere?", make_answer("Elsewhere?"))
    listed = store.exchanges(one.id)
    assert [e.question for e in listed] == ["Question 0?", "Question 1?", "Question 2?"]
    assert [e.created_at for e in listed] == sorted(e.created_at for e in listed)
    assert all(e.conversation_id == one.id for e in listed)
    assert store.get_exchange(listed[1].id) == listed[1]
    assert store.get_exchange(99999) is None
    assert store.exchanges(99999) == []
    with pytest.raises(KeyError):
        store.add_exchange(99999, "Orphan?", make_answer("Orphan?"))


def test_answer_from_json_tolerates_unknown_and_missing_keys():
    data = make_answer().to_json()
    data["future_field"] = 1
    data["citations"][0]["future_field"] = 2
    del data["citations"][0]["quotes"]
    del data["timings_ms"]
    del data["citations"][0]["approved_at"]
    rebuilt = answer_from_json(data)
    assert rebuilt.citations[0].quotes == []
    assert rebuilt.citations[0].source.approved_at == ""
    assert rebuilt.timings_ms == {}
    assert rebuilt.text == make_answer().text


# --- delete ----------------------------------------------------------------------------------
def test_delete_removes_messages_and_feedback(store, path):
    kept = store.create()
    gone = store.create()
    kept_exchange = store.add_exchange(kept.id, "Kept?", make_answer("Kept?"))
    ex1 = store.add_exchange(gone.id, "Gone 1?", make_answer("Gone 1?"))
    store.add_exchange(gone.id, "Gone 2?", make_answer("Gone 2?"))
    store.set_feedback(ex1.id, "down", "wrong")
    store.set_feedback(kept_exchange.id, "up")
    assert store.delete(gone.id) is True
    assert store.get(gone.id) is None
    assert store.exchanges(gone.id) == []
    assert store.feedback_for(ex1.id) is None
    assert store.get_exchange(ex1.id) is None
    assert raw(path, "SELECT count(*) FROM exchanges WHERE conversation_id = ?", gone.id) == [(0,)]
    assert raw(path, "SELECT count(*) FROM feedback") == [(1,)]
    assert [r.exchange_id for r in store.all_feedback()] == [kept_exchange.id]
    assert store.list("gone") == []
    assert [c.id for c in store.list()] == [kept.id]
    assert store.delete(gone.id) is False
    assert store.create().id > gone.id  # ids are never reused


def test_deleted_text_is_gone_from_the_files(path, backend):
    marker = "Zanzibarquux Pemberton-Ollivander"
    with ConversationStore(path) as store:
        conversation = store.create()
        for n in range(20):  # enough to spill over several pages
            store.add_exchange(
                conversation.id,
                f"{marker} question {n}?",
                make_answer(f"{marker} {n}?", text=f"Answer about {marker} [1]." * 5),
            )
        store.set_feedback(store.exchanges(conversation.id)[0].id, "down", f"{marker} wrong")
        assert store.list("zanzibarquux")
        store.delete(conversation.id)
    blobs = b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*"))
    assert b"Zanzibarquux" not in blobs
    assert b"Pemberton" not in blobs


# --- file, schema, persistence ---------------------------------------------------------------
def test_file_is_wal_versioned_and_private(store, path):
    assert raw(path, "PRAGMA journal_mode") == [("wal",)]
    assert raw(path, "PRAGMA user_version") == [(SCHEMA_VERSION,)]
    if sys.platform != "win32":
        assert path.stat().st_mode & 0o777 == 0o600


def test_newer_schema_is_refused(path):
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreVersionError, match="newer"):
        ConversationStore(path)


def test_migration_from_an_empty_file_and_reopen_is_a_no_op(path):
    sqlite3.connect(path).close()  # an empty database: version 0
    store = ConversationStore(path)
    conversation = store.create("Kept")
    store.close()
    assert conv_module.migrate(sqlite3.connect(path, isolation_level=None)) == SCHEMA_VERSION
    with ConversationStore(path) as again:
        assert again.get(conversation.id).title == "Kept"
    with pytest.raises(RuntimeError, match="closed"):
        store.list()


def test_everything_persists_across_reopening(path, backend):
    with ConversationStore(path, clock=Ticker()) as store:
        conversation = store.create()
        exchange = store.add_exchange(conversation.id, PHI_QUESTION, make_llm_answer())
        store.set_feedback(exchange.id, "down", "Missing the loading dose")
        store.rename(conversation.id, "Vancomycin")
        before = (store.list(), store.exchanges(conversation.id), store.feedback_for(exchange.id))
    with ConversationStore(path) as reopened:
        after = (
            reopened.list(),
            reopened.exchanges(conversation.id),
            reopened.feedback_for(exchange.id),
        )
        assert [c.id for c in reopened.list("vancomycin")] == [conversation.id]
    assert after == before


def test_in_home_uses_the_standard_file(isolated_home):
    with ConversationStore.in_home(isolated_home) as store:
        assert store.path == isolated_home / "conversations.sqlite3"
        assert store.path.exists()


# --- threads ---------------------------------------------------------------------------------
def test_concurrent_writes_from_two_threads(store, path):
    shared = store.create("Shared")
    errors: list[BaseException] = []
    start = threading.Barrier(3)

    def writer(name: str) -> None:
        try:
            start.wait()
            own = store.create(f"{name} own")
            for n in range(25):
                store.add_exchange(shared.id, f"{name} {n}?", make_answer(f"{name} {n}?"))
                ex = store.add_exchange(own.id, f"{name} own {n}?", make_answer("q"))
                store.set_feedback(ex.id, "up" if n % 2 else "down")
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    def reader() -> None:
        try:
            start.wait()
            for _ in range(50):
                store.list("shared")
                store.exchanges(shared.id)
        except BaseException as exc:  # pragma: no cover
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(n,)) for n in ("alpha", "beta")]
    threads.append(threading.Thread(target=reader))
    start = threading.Barrier(len(threads))
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert errors == []
    questions = [e.question for e in store.exchanges(shared.id)]
    assert len(questions) == 50
    for name in ("alpha", "beta"):  # each thread's exchanges kept their order
        mine = [q for q in questions if q.startswith(name)]
        assert mine == [f"{name} {n}?" for n in range(25)]
    assert len(store.all_feedback()) == 50
    assert raw(path, "SELECT count(*) FROM conversations") == [(3,)]


# --- feedback --------------------------------------------------------------------------------
def test_feedback_set_replace_and_validate(store, path):
    conversation = store.create()
    exchange = store.add_exchange(conversation.id, "Q?", make_answer("Q?"))
    assert store.feedback_for(exchange.id) is None
    first = store.set_feedback(exchange.id, "up", "  helpful  ")
    assert (first.rating, first.comment, first.exchange_id) == ("up", "helpful", exchange.id)
    second = store.set_feedback(exchange.id, "down", "Outdated dose")
    assert store.feedback_for(exchange.id) == second
    assert (second.rating, second.comment) == ("down", "Outdated dose")
    assert second.created_at > first.created_at
    assert raw(path, "SELECT count(*) FROM feedback") == [(1,)]
    for bad in ("UP", "meh", "", None):
        with pytest.raises(ValueError, match="'up' or 'down'"):
            store.set_feedback(exchange.id, bad)
    with pytest.raises(KeyError):
        store.set_feedback(99999, "up")
    assert store.feedback_for(exchange.id) == second


def test_feedback_comment_is_redacted(store):
    conversation = store.create()
    exchange = store.add_exchange(conversation.id, "Q?", make_answer("Q?"))
    saved = store.set_feedback(exchange.id, "down", "Wrong for Mrs Jane Jones MRN 1234567")
    assert "Jones" not in saved.comment and "1234567" not in saved.comment
    assert "[NAME-1]" in saved.comment and "[MRN-1]" in saved.comment


def _feedback_fixture(store):
    """Four rated exchanges: up, down, up, down (in that time order) + one unrated."""
    conversation = store.create()
    exchanges = [
        store.add_exchange(conversation.id, PHI_QUESTION, make_llm_answer()),
        store.add_exchange(conversation.id, "Hand rub?", make_answer("Hand rub?")),
        store.add_exchange(conversation.id, "Cafeteria?", make_refusal()),
        store.add_exchange(conversation.id, "Gloves?", make_answer("Gloves?")),
        store.add_exchange(conversation.id, "Unrated?", make_answer("Unrated?")),
    ]
    store.set_feedback(exchanges[1].id, "up", "Clear")
    store.set_feedback(exchanges[0].id, "down", "Missing loading dose")
    store.set_feedback(exchanges[3].id, "up")
    store.set_feedback(exchanges[2].id, "down", '=HYPERLINK("x")')
    return exchanges


def test_all_feedback_order_and_content(store):
    exchanges = _feedback_fixture(store)
    records = store.all_feedback()
    assert [(r.rating, r.exchange_id) for r in records] == [
        ("down", exchanges[2].id),  # newest negative first
        ("down", exchanges[0].id),
        ("up", exchanges[3].id),  # then the rest, newest first
        ("up", exchanges[1].id),
    ]
    vanco = records[1]
    assert vanco.question == REDACTED_QUESTION  # never the question as typed
    assert "John Smith" not in json.dumps(vanco.to_json())
    assert vanco.answer_text.startswith("Give 15–20 mg/kg")
    assert vanco.comment == "Missing loading dose"
    assert vanco.mode == LLM_MODE and vanco.refused is False
    assert [(d.doc_id, d.version, d.title, d.pages) for d in vanco.documents] == [
        ("vanco", 3, "Vancomycin Dosing", "pp. 3–4, 7"),
        ("renal", 1, "Renal Dosing", ""),
    ]
    assert vanco.documents_label == "vanco v3 (pp. 3–4, 7); renal v1"
    refused = records[0]
    assert refused.refused is True and refused.documents == []
    assert refused.closest == ["Visitor Policy (v5)"]
    datetime.fromisoformat(refused.created_at)


def test_all_feedback_since(store):
    exchanges = _feedback_fixture(store)
    cutoff = store.feedback_for(exchanges[3].id).created_at
    assert {r.exchange_id for r in store.all_feedback(since=cutoff)} == {
        exchanges[3].id,
        exchanges[2].id,
    }
    # Any ISO form works: a date, or a time in another zone.
    assert len(store.all_feedback(since="2025-01-31")) == 4
    assert store.all_feedback(since="2025-02-01") == []
    local = datetime.fromisoformat(cutoff).astimezone(
        __import__("datetime").timezone(timedelta(hours=2))
    )
    assert len(store.all_feedback(since=local.isoformat())) == 2
    with pytest.raises(ValueError, match="ISO"):
        store.all_feedback(since="last tuesday")


def test_export_feedback_csv(store, tmp_path):
    exchanges = _feedback_fixture(store)
    target = tmp_path / "feedback.csv"
    assert store.export_feedback(target) == 4
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")  # BOM: spreadsheets read UTF-8
    text = target.read_text(encoding="utf-8-sig")
    assert "John Smith" not in text and "1234567" not in text
    rows = list(csv.DictReader(text.splitlines()))
    assert [r["rating"] for r in rows] == ["down", "down", "up", "up"]
    assert [int(r["exchange_id"]) for r in rows] == [
        exchanges[2].id,
        exchanges[0].id,
        exchanges[3].id,
        exchanges[1].id,
    ]
    vanco = rows[1]
    assert vanco["question"] == REDACTED_QUESTION
    assert vanco["cited_documents"] == "vanco v3 (pp. 3–4, 7); renal v1"
    assert vanco["comment"] == "Missing loading dose"
    assert vanco["refused"] == "no"
    assert rows[3]["cited_documents"] == "hand-hygiene v2 (pp. 3–4)"
    assert rows[0]["refused"] == "yes"
    assert rows[0]["closest_documents"] == "Visitor Policy (v5)"
    assert rows[0]["comment"] == '\'=HYPERLINK("x")'  # not a live formula
    assert not list(tmp_path.glob("*.part"))


def test_export_feedback_jsonl(store, tmp_path):
    _feedback_fixture(store)
    target = tmp_path / "feedback.jsonl"
    assert store.export_feedback(target, fmt="jsonl") == 4
    lines = target.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["rating"] for r in records] == ["down", "down", "up", "up"]
    vanco = records[1]
    assert vanco["question"] == REDACTED_QUESTION
    assert vanco["documents"] == [
        {
            "doc_id": "vanco",
            "version": 3,
            "version_id": "vanco@3",
            "title": "Vancomycin Dosing",
            "pages": "pp. 3–4, 7",
        },
        {
            "doc_id": "renal",
            "version": 1,
            "version_id": "renal@1",
            "title": "Renal Dosing",
            "pages": "",
        },
    ]
    assert records[0]["comment"] == '=HYPERLINK("x")'  # JSON is data, kept verbatim
    assert "John Smith" not in target.read_text(encoding="utf-8")


def test_export_feedback_rejects_unknown_format_and_handles_empty(store, tmp_path):
    with pytest.raises(ValueError, match="csv"):
        store.export_feedback(tmp_path / "x.xlsx", fmt="xlsx")
    assert store.export_feedback(tmp_path / "empty.csv") == 0
    header = (tmp_path / "empty.csv").read_text(encoding="utf-8-sig").strip()
    assert header.split(",")[:3] == ["created_at", "rating", "comment"]
    assert store.export_feedback(tmp_path / "empty.jsonl", fmt="jsonl") == 0
    assert (tmp_path / "empty.jsonl").read_text() == ""


def test_store_file_made_with_0600_even_with_a_permissive_umask(path):
    if sys.platform == "win32":
        pytest.skip("POSIX permissions")
    old = os.umask(0)
    try:
        ConversationStore(path).close()
    finally:
        os.umask(old)
    assert path.stat().st_mode & 0o777 == 0o600


def test_finished_threads_connections_are_closed(store):
    conversation = store.create()
    for n in range(5):  # worker threads come and go
        worker = threading.Thread(
            target=store.add_exchange, args=(conversation.id, f"Q{n}?", make_answer(f"Q{n}?"))
        )
        worker.start()
        worker.join()
    store.list()
    assert len(store._connections) <= 2  # this thread's and at most the last worker's
    assert len(store.exchanges(conversation.id)) == 5


def test_conversations_on_the_same_question_get_distinct_titles(store):
    titles = []
    for _ in range(3):
        conversation = store.create()
        store.add_exchange(conversation.id, "Heparin dose?", make_answer("Heparin dose?"))
        titles.append(store.get(conversation.id).title)
    assert titles == ["Heparin dose?", "Heparin dose? (2)", "Heparin dose? (3)"]


def test_questions_kept_as_typed_are_redacted_later_and_wiped(path, backend):
    """An older database (or a site that kept typed questions, then stopped): the typed
    question goes from the exchange, its answer, the search index and the file's bytes."""
    with ConversationStore(path) as store:
        conversation = store.create()
        store.add_exchange(conversation.id, PHI_QUESTION, make_llm_answer(), keep_typed=True)
        assert store.list("Smith") != []
        assert store.redact_typed_questions() == 1
        [exchange] = store.exchanges(conversation.id)
        assert exchange.question == REDACTED_QUESTION
        assert exchange.answer().question == REDACTED_QUESTION
        assert store.list("Smith") == []
        assert store.redact_typed_questions() == 0  # nothing left to do
    for file in path.parent.glob(path.name + "*"):  # the database, its WAL and shared memory
        assert b"John Smith" not in file.read_bytes() and b"1234567" not in file.read_bytes()
