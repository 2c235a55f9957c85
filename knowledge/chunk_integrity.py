"""The text served is the text that was approved.

At approval the catalog records a digest of every passage of the version (`chunks_sha256`,
covered by the approval's signature). Before a live version's passages are served, the
passages in the store are hashed once and their digest compared with the signed one; each
passage served after that is compared with its own hash. A version whose passages no longer
match is not served (and logged); a passage altered later is dropped; `doctor` names both.
Someone who can write the store cannot put words into an approved document.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from knowledge.catalog import DocumentVersion

log = logging.getLogger(__name__)


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def passages_digest(chunks: Iterable[tuple[str, str]]) -> str:
    """The digest of a version's passages, from (chunk id, text) pairs in any order."""
    lines = sorted(f"{chunk_id}:{text_hash(text)}" for chunk_id, text in chunks)
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


class ChunkIntegrity:
    """Per version: the approved hash of each passage, once its store copy has matched the
    signed digest (cached by version and digest; thread-safe)."""

    def __init__(self, index):
        self._index = index  # a read-only view of the store
        self._lock = threading.Lock()
        self._expected: dict[tuple[str, str], dict[str, str] | None] = {}

    def admits(self, version: DocumentVersion, chunk_id: str, text: str) -> bool:
        """May this passage of `version` be served? Versions approved without a digest (no
        signing in this home) are not checked."""
        if not version.chunks_sha256:
            return True
        expected = self._expected_hashes(version)
        ok = expected is not None and expected.get(chunk_id) == text_hash(text)
        if not ok:
            log.warning(
                "passage %s of %s does not match its approval", chunk_id, version.version_id
            )
        return ok

    def matches(self, version: DocumentVersion) -> bool:
        """Do the store's passages of `version` match its signed digest (read afresh)?"""
        chunks = self._index.get_chunks(where={"version_id": version.version_id})
        return passages_digest((c.id, c.text) for c in chunks) == version.chunks_sha256

    def _expected_hashes(self, version: DocumentVersion) -> dict[str, str] | None:
        key = (version.version_id, version.chunks_sha256)
        with self._lock:
            if key in self._expected:
                return self._expected[key]
        chunks = self._index.get_chunks(where={"version_id": version.version_id})
        hashes = {c.id: text_hash(c.text) for c in chunks}
        digest = passages_digest((c.id, c.text) for c in chunks)
        found = hashes if digest == version.chunks_sha256 else None
        if found is None:
            log.warning("the passages of %s do not match its approval", version.version_id)
        with self._lock:
            self._expected[key] = found
        return found
