"""The index as the rest of the product may see it: read, never written.

`KnowledgeBase.index` hands this out for searching and showing chunks (retrieval, the
lexical index, the chunk cache, the source viewer's chunk listing). Every write goes through
`KnowledgeBase`, which reports it for the audit log; a view without write methods means no
caller can get around that by accident.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from knowledge.store import Hit, StoredChunk, VectorStore


class ReadOnlyIndex:
    def __init__(self, store: VectorStore):
        self._store = store

    def get_chunks(
        self,
        where: dict | None = None,
        ids: Sequence[str] | None = None,
        with_embeddings: bool = False,
    ) -> list[StoredChunk]:
        return self._store.get_chunks(where=where, ids=ids, with_embeddings=with_embeddings)

    def query(
        self,
        embedding: np.ndarray,
        k: int,
        where: dict | None = None,
        with_embeddings: bool = False,
        with_records: bool = True,
    ) -> list[Hit]:
        return self._store.query(
            embedding, k, where=where, with_embeddings=with_embeddings, with_records=with_records
        )

    def get_vectors(self, ids: Sequence[str]) -> np.ndarray:
        return self._store.get_vectors(ids)

    def chunk_count(self) -> int:
        return self._store.chunk_count()

    def index_info(self) -> dict[str, Any]:
        return self._store.index_info()
