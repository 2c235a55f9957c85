"""Handouts kept in the conversation database: the clinician's mark, the export for the
governance review, never the patient's name, and an older database upgraded in place."""

from __future__ import annotations

import csv
import json
import sqlite3

import pytest

from assistant.conversations.store import SCHEMA_VERSION, ConversationStore

HANDOUT = {
    "title": "Low blood sugar",
    "grade": 4.7,
    "mode": "offline",
    "sources": [
        {"document": "Eating and Diabetes", "version": 1, "version_id": "n@v1", "pages": "p. 13"}
    ],
    "sections": [{"heading": "What to do", "kind": "do", "lines": []}],
}


def test_a_handout_is_kept_marked_and_exported(tmp_path):
    store = ConversationStore(tmp_path / "c.sqlite3")
    conversation = store.create("Hypo")
    first = store.add_handout(HANDOUT, conversation.id)
    second = store.add_handout({**HANDOUT, "title": "Sick days"})
    store.mark_handout(first, "used")
    store.mark_handout(second, "edited", "Mrs Jane Okafor needed bigger print")
    records = {r.id: r for r in store.handouts()}
    assert records[first].use == "used" and records[first].conversation_id == conversation.id
    assert records[second].use == "edited" and "Okafor" not in records[second].comment
    assert records[second].comment.endswith("needed bigger print")
    with pytest.raises(ValueError, match="'used' or 'edited'"):
        store.mark_handout(first, "great")
    with pytest.raises(KeyError):
        store.mark_handout(999, "used")

    assert store.export_handouts(tmp_path / "h.jsonl", "jsonl") == 2
    rows = [json.loads(line) for line in (tmp_path / "h.jsonl").read_text().splitlines()]
    assert {r["use"] for r in rows} == {"used with a patient", "needed edits"}
    assert rows[0]["handout"]["sources"][0]["pages"] == "p. 13"
    store.export_handouts(tmp_path / "h.csv", "csv")
    with (tmp_path / "h.csv").open(encoding="utf-8-sig") as f:
        table = list(csv.DictReader(f))
    assert {r["title"] for r in table} == {"Low blood sugar", "Sick days"}
    assert "Eating and Diabetes (v1) p. 13" in table[0]["sources"]
    store.close()


def test_a_database_from_before_handouts_is_upgraded_keeping_its_conversations(tmp_path):
    from assistant.conversations.conversation_schema import MIGRATIONS

    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path)
    MIGRATIONS[0](conn)  # the first schema, as an older clinassist wrote it
    conn.execute("PRAGMA user_version = 1")
    conn.execute(
        "INSERT INTO conversations (title, created_at, updated_at) VALUES ('Old', 'x', 'x')"
    )
    conn.commit()
    conn.close()
    store = ConversationStore(path)
    assert [c.title for c in store.list()] == ["Old"]
    assert store.add_handout(HANDOUT) == 1 and SCHEMA_VERSION == 2
    store.close()
