"""The conversation file's schema and its migrations (`PRAGMA user_version`).

Split from assistant.conversations.store, which re-exports `SCHEMA_VERSION`, `StoreVersionError`
and `migrate`.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable

# The store's logger name, kept from before the split so log filters and readers find the
# migration message where they always did.
log = logging.getLogger("assistant.conversations.store")


class StoreVersionError(RuntimeError):
    """The conversation file was written by a newer clinassist than this one."""


# --- schema ----------------------------------------------------------------------------------
_SCHEMA_1 = (
    """CREATE TABLE conversations (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        title TEXT NOT NULL,
        auto_title INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        search_title TEXT NOT NULL DEFAULT '',
        search_body TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX conversations_by_activity ON conversations (updated_at DESC, id DESC)",
    """CREATE TABLE exchanges (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        conversation_id INTEGER NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
        question TEXT NOT NULL,
        answer_json TEXT NOT NULL,
        created_at TEXT NOT NULL
    )""",
    "CREATE INDEX exchanges_by_conversation ON exchanges (conversation_id, id)",
    """CREATE TABLE feedback (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        exchange_id INTEGER NOT NULL UNIQUE REFERENCES exchanges (id) ON DELETE CASCADE,
        rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
        comment TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
    )""",
    "CREATE INDEX feedback_by_time ON feedback (created_at)",
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
)


def _migrate_to_1(conn: sqlite3.Connection) -> None:
    for statement in _SCHEMA_1:
        conn.execute(statement)


# Patient handouts made (assistant/handouts), with what became of them. The handout is kept as
# its JSON, which never holds the patient's name; `use` is the clinician's mark: "used" with a
# patient, or "edited" (needed edits), with a comment redacted like a question.
_SCHEMA_2 = (
    """CREATE TABLE handouts (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        conversation_id INTEGER REFERENCES conversations (id) ON DELETE CASCADE,
        exchange_id INTEGER REFERENCES exchanges (id) ON DELETE SET NULL,
        handout_json TEXT NOT NULL,
        created_at TEXT NOT NULL,
        use TEXT NOT NULL DEFAULT '' CHECK (use IN ('', 'used', 'edited')),
        comment TEXT NOT NULL DEFAULT '',
        marked_at TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX handouts_by_time ON handouts (created_at)",
)


def _migrate_to_2(conn: sqlite3.Connection) -> None:
    for statement in _SCHEMA_2:
        conn.execute(statement)


# MIGRATIONS[i] takes a file from version i to i + 1. Append; never edit a released step.
MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (_migrate_to_1, _migrate_to_2)
SCHEMA_VERSION = len(MIGRATIONS)


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the file to SCHEMA_VERSION in one transaction; returns the version found."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        found = conn.execute("PRAGMA user_version").fetchone()[0]
        if found > SCHEMA_VERSION:
            raise StoreVersionError(
                f"the conversations file has schema version {found}, newer than this "
                f"clinassist understands ({SCHEMA_VERSION}); update clinassist"
            )
        for version in range(found, SCHEMA_VERSION):
            MIGRATIONS[version](conn)
        if found != SCHEMA_VERSION:
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    if found != SCHEMA_VERSION:
        log.info("conversations file migrated from schema %d to %d", found, SCHEMA_VERSION)
    return found
