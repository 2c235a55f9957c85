"""Re-embed every stored chunk with the configured model (after a model change).

The chunks' text and metadata are already in the store, so no source file is needed. The new
vectors go into a fresh collection; only when it is complete does it replace the old one, so
an interrupted reindex leaves the old index working.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from knowledge.catalog import Catalog
from knowledge.chunking import embedding_text
from knowledge.embedding import Embedder
from knowledge.store import rebuild_chunk_collection


@dataclass(slots=True)
class ReindexProgress:
    done: int
    total: int


def reindex(client, embedder: Embedder, batch: int = 64) -> Iterator[ReindexProgress]:
    with rebuild_chunk_collection(client, embedder.name, embedder.dimension) as (old, new):
        chunks = old.get_chunks()
        titles = {v.version_id: v.title for v in Catalog(new).versions(include_unfinished=True)}
        yield ReindexProgress(0, len(chunks))
        for start in range(0, len(chunks), batch):
            part = chunks[start : start + batch]
            texts = [
                embedding_text(
                    titles.get(c.metadata.get("version_id"), c.metadata.get("title", "")),
                    tuple(s for s in c.metadata.get("section", "").split(" > ") if s),
                    c.text,
                )
                for c in part
            ]
            for chunk, vector in zip(part, embedder.embed_documents(texts), strict=True):
                chunk.embedding = vector
            new.upsert_chunks(part)
            yield ReindexProgress(start + len(part), len(chunks))
