"""Patient handouts kept in the conversation database, and the clinician's mark on each.

`HandoutRecords` works through what `ConversationStore` hands it (a reader, a writing
transaction, a clock), as `FeedbackStore` does. A handout is stored as its JSON
(assistant/handouts/handout.py), which holds the sources and checks but never the patient's
name; a mark says it was used with a patient or needed edits, with a redacted comment; the
export is what the governance review reads.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from assistant.answering import phi
from assistant.conversations.record_export import write_records

USES = {"used": "used with a patient", "edited": "needed edits"}
CSV_COLUMNS = (
    "created_at",
    "use",
    "comment",
    "title",
    "grade",
    "mode",
    "sources",
    "handout_id",
    "conversation_id",
    "exchange_id",
)


@dataclass(frozen=True, slots=True)
class HandoutRecord:
    id: int
    conversation_id: int | None
    exchange_id: int | None
    handout: dict[str, Any]
    created_at: str
    use: str = ""
    comment: str = ""
    marked_at: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "handout_id": self.id,
            "created_at": self.created_at,
            "use": USES.get(self.use, ""),
            "comment": self.comment,
            "marked_at": self.marked_at,
            "conversation_id": self.conversation_id,
            "exchange_id": self.exchange_id,
            "handout": self.handout,
        }

    def csv_row(self) -> list[Any]:
        sources = "; ".join(
            f"{s['document']} (v{s['version']}) {s['pages']}".strip()
            for s in self.handout.get("sources", [])
        )
        return [
            self.created_at,
            USES.get(self.use, ""),
            self.comment,
            self.handout.get("title", ""),
            self.handout.get("grade", ""),
            self.handout.get("mode", ""),
            sources,
            self.id,
            self.conversation_id,
            self.exchange_id,
        ]


class HandoutRecords:
    def __init__(
        self,
        read: Callable[[], sqlite3.Connection],
        write: Callable[[], AbstractContextManager[sqlite3.Connection]],
        now: Callable[[], str],
    ):
        self._conn, self._write, self.now = read, write, now

    def add_handout(
        self,
        handout_json: dict[str, Any],
        conversation_id: int | None = None,
        exchange_id: int | None = None,
    ) -> int:
        with self._write() as conn:
            cursor = conn.execute(
                "INSERT INTO handouts (conversation_id, exchange_id, handout_json, created_at) "
                "VALUES (?, ?, ?, ?)",
                (
                    conversation_id,
                    exchange_id,
                    json.dumps(handout_json, ensure_ascii=False),
                    self.now(),
                ),
            )
            return int(cursor.lastrowid)

    def mark_handout(
        self, handout_id: int, use: Literal["used", "edited"], comment: str = ""
    ) -> None:
        if use not in USES:
            raise ValueError(f"a handout is marked 'used' or 'edited', not {use!r}")
        comment = phi.redact((comment or "").strip()).text
        with self._write() as conn:
            changed = conn.execute(
                "UPDATE handouts SET use = ?, comment = ?, marked_at = ? WHERE id = ?",
                (use, comment, self.now(), handout_id),
            ).rowcount
        if not changed:
            raise KeyError(f"no handout with id {handout_id}")

    def handouts(self, since: str | None = None) -> list[HandoutRecord]:
        where, params = ("WHERE created_at >= ?", [since]) if since else ("", [])
        rows = (
            self._conn()
            .execute(
                "SELECT id, conversation_id, exchange_id, handout_json, created_at, use, comment, "
                f"marked_at FROM handouts {where} ORDER BY created_at DESC, id DESC",
                params,
            )
            .fetchall()
        )
        return [HandoutRecord(r[0], r[1], r[2], json.loads(r[3]), *r[4:]) for r in rows]

    def export_handouts(
        self, path: str | Path, fmt: Literal["csv", "jsonl"] = "csv", since: str | None = None
    ) -> int:
        return write_records(
            path,
            fmt,
            self.handouts(since),
            CSV_COLUMNS,
            HandoutRecord.csv_row,
            HandoutRecord.to_json,
        )
