"""A bounded in-memory cache of chunk records (text, metadata, vector) by chunk id.

Reading a chunk's text and metadata from Chroma costs about 0.15 ms per chunk, which at 100+
candidates a question was a third of an offline answer. A chunk id is a hash of its version,
position and text, so a cached record can never go stale: a changed document gets new ids.
What can change, a version's status and title, is always read from the catalog instead.
The cues the rescoring reads (stem pairs, number set) are kept with the record. A record the
lexical index's own files hold is read from them, not from Chroma (knowledge/chunk_texts.py).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from knowledge.analysis import numbers, stems
from knowledge.read_only_index import ReadOnlyIndex
from knowledge.store import StoredChunk

CAPACITY = 20_000  # ~50 MB at ~1.2 kB of text, metadata and a 384-d vector per chunk

# Records read without the store, for the ids it holds (the lexical index's own files,
# knowledge/chunk_texts.py): (ids, with vectors) -> those it found.
LocalRecords = Callable[[list[str], bool], list[StoredChunk]]


@dataclass(slots=True)
class ChunkRecord:
    id: str
    text: str
    metadata: dict[str, Any]
    embedding: np.ndarray | None = None
    _pairs: set[tuple[str, str]] | None = None
    _numbers: set[str] | None = None

    @property
    def pairs(self) -> set[tuple[str, str]]:
        """Adjacent stem pairs of the text (phrases, for the rescoring)."""
        if self._pairs is None:
            words = stems(self.text)
            self._pairs = set(zip(words, words[1:], strict=False))
        return self._pairs

    @property
    def numbers(self) -> set[str]:
        if self._numbers is None:
            self._numbers = numbers(self.text)
        return self._numbers


class ChunkRecords:
    """Thread-safe; least recently used records are dropped beyond `capacity`."""

    def __init__(
        self, store: ReadOnlyIndex, capacity: int = CAPACITY, local: LocalRecords | None = None
    ):
        self.store = store
        self.capacity = capacity
        self.local = local
        self._records: OrderedDict[str, ChunkRecord] = OrderedDict()
        self._lock = threading.Lock()

    def get(
        self,
        ids: list[str],
        with_embeddings: bool = False,
        vectors_known: dict[str, np.ndarray | None] | None = None,
    ) -> dict[str, ChunkRecord]:
        """The records of `ids` that exist (unknown ids are left out). Missing records are
        fetched in at most two calls: with vectors, and without where `vectors_known` (e.g.
        from the dense query) already has them or none were asked for."""
        known = vectors_known or {}
        found: dict[str, ChunkRecord] = {}
        plain: list[str] = []
        with_vectors: list[str] = []
        with self._lock:
            for chunk_id in dict.fromkeys(ids):
                record = self._records.get(chunk_id)
                vector = known.get(chunk_id)
                if record is not None and record.embedding is None and vector is not None:
                    record.embedding = vector
                if record is not None and (record.embedding is not None or not with_embeddings):
                    self._records.move_to_end(chunk_id)
                    found[chunk_id] = record
                elif vector is not None or not with_embeddings:
                    plain.append(chunk_id)
                else:
                    with_vectors.append(chunk_id)
        for wanted, vectors in ((plain, False), (with_vectors, True)):
            if wanted:
                found.update(self._fetch(wanted, vectors, known))
        return found

    def _fetch(self, ids: list[str], with_embeddings: bool, known) -> dict[str, ChunkRecord]:
        chunks = self.local(ids, with_embeddings) if self.local is not None else []
        if len(chunks) < len(ids):  # (those the local files lack: a version newer than them)
            held = {c.id for c in chunks}
            rest = [i for i in ids if i not in held]
            chunks += self.store.get_chunks(ids=rest, with_embeddings=with_embeddings)
        with self._lock:
            out = {}
            for c in chunks:
                vector = c.embedding if c.embedding is not None else known.get(c.id)
                out[c.id] = self._keep(ChunkRecord(c.id, c.text, c.metadata, vector))
            return out

    def _keep(self, record: ChunkRecord) -> ChunkRecord:
        old = self._records.get(record.id)
        if old is not None and old.embedding is not None and record.embedding is None:
            record.embedding = old.embedding
        self._records[record.id] = record
        self._records.move_to_end(record.id)
        while len(self._records) > self.capacity:
            self._records.popitem(last=False)
        return record

    def __len__(self) -> int:
        return len(self._records)
