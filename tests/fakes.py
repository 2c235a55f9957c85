"""Deterministic stand-ins for unit tests (adapters are also tested against the real thing)."""

from __future__ import annotations

import re
import time
import zlib

import numpy as np

from knowledge.provenance import Provenance


class HashEmbedder:
    """Bag-of-words hashed into 384 dimensions: similar wording gives similar vectors."""

    def __init__(self, name: str = "test-hash-embedder", dimension: int = 384, delay: float = 0.0):
        self.name = name
        self.dimension = dimension
        self.max_tokens = 256
        self.delay = delay
        self.calls = 0

    def embed_documents(self, texts: list[str]) -> np.ndarray:
        self.calls += 1
        if self.delay:
            time.sleep(self.delay)
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in re.findall(r"\w+", text.lower()):
                out[row, zlib.crc32(word.encode()) % self.dimension] += 1.0
            norm = np.linalg.norm(out[row])
            out[row] = out[row] / norm if norm else out[row]
            if not norm:
                out[row, 0] = 1.0
        return out

    def embed_query(self, text: str) -> np.ndarray:
        return self.embed_documents([text])[0]


class TableEmbedder:
    """Words from a table of vectors (in its first dimensions); every other word a direction
    of its own, orthogonal to all the others: for tests of closeness between words."""

    def __init__(self, table: dict[str, list[float]], dimension: int = 1024):
        self.table = {w: np.asarray(v, dtype=np.float32) for w, v in table.items()}
        self.dimension = dimension
        self.embedded: list[str] = []
        self._own: dict[str, int] = {}

    def embed_documents(self, texts: list[str]) -> np.ndarray:
        self.embedded += texts
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        for row, text in enumerate(texts):
            if text in self.table:
                out[row, : len(self.table[text])] = self.table[text]
            else:
                out[row, 8 + self._own.setdefault(text, len(self._own))] = 1.0
        return out


def word_counter(texts: list[str]) -> list[int]:
    """A token counter that needs no tokenizer: ~1.3 tokens per word, like WordPiece."""
    return [int(len(re.findall(r"\S+", t)) * 1.3) + 1 for t in texts]


def provenance(doc_id: str = "d", version: int = 1, **place) -> Provenance:
    """A passage's place for unit tests: document `doc_id` version `version`, approved, in
    a PDF of that name; `place` sets the rest (title, section, pages, offsets, chunk id)."""
    values = {
        "chunk_id": f"{doc_id}-c0",
        "version_id": f"{doc_id}@{version}",
        "title": doc_id.replace("-", " ").title(),
        "source_name": f"{doc_id}.pdf",
        "source_path": f"/docs/{doc_id}.pdf",
        "approved_at": "2026-01-01T00:00:00+00:00",
    }
    return Provenance(doc_id=doc_id, version=version, **(values | place))
