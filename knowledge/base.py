"""`KnowledgeBase`: the one object the CLI, the answering code and the UI use.

It owns the heavy pieces (Chroma client, embedding model) and creates them lazily, once, so
that building a KnowledgeBase on a UI thread costs nothing; the first real call loads them.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from knowledge.catalog import REMOVING, Catalog, DocumentVersion
from knowledge.embedding import (
    Embedder,
    SentenceTransformerEmbedder,
    TokenCounter,
    WordPieceCounter,
)
from knowledge.ingest import IngestOptions, Ingestor, IngestProgress
from knowledge.store import ChromaStore, StoredChunk, VectorStore, open_client


@dataclass(slots=True)
class KnowledgeStats:
    documents: int
    live_documents: int
    versions: int
    chunks: int
    embedding_model: str


class KnowledgeBase:
    def __init__(
        self,
        home: Path,
        store_url: str | None = None,
        embedder: Embedder | None = None,
        count_tokens: TokenCounter | None = None,
        store: VectorStore | None = None,
        on_event: Callable[[str, dict], None] | None = None,
        background: Callable | None = None,
    ):
        self.home = Path(home)
        # Called after approve/retire/remove and for each finished file of an ingest, e.g. to
        # write the audit log. Its errors propagate: the caller learns the record failed.
        self.on_event = on_event
        self.background = background  # see knowledge.lexical.BackgroundRunner
        self.store_url = store_url or None
        self._embedder = embedder
        self._count_tokens = count_tokens
        self._store = store
        self._lock = threading.Lock()

    # -- lazily created heavy objects --------------------------------------------------------
    @property
    def embedder(self) -> Embedder:
        with self._lock:
            if self._embedder is None:
                self._embedder = SentenceTransformerEmbedder()
            return self._embedder

    @property
    def count_tokens(self) -> TokenCounter:
        if self._count_tokens is None:
            self._count_tokens = WordPieceCounter()
        return self._count_tokens

    @property
    def store(self) -> VectorStore:
        with self._lock:
            if self._store is None:
                client = open_client(path=self.index_dir, url=self.store_url)
                embedder = self._embedder or SentenceTransformerEmbedder()
                self._embedder = embedder
                local = None if self.store_url else self.index_dir
                self._store = ChromaStore(
                    client, embedder.name, embedder.dimension, local_path=local
                )
            return self._store

    @property
    def index_dir(self) -> Path:
        return self.home / "index"

    @cached_property
    def catalog(self) -> Catalog:
        return Catalog(self.store)

    # -- ingestion and lifecycle ---------------------------------------------------------------
    def ingest(self, paths: Iterable[Path], options: IngestOptions) -> Iterator[IngestProgress]:
        ingestor = Ingestor(self.store, self.embedder, self.count_tokens)
        events = ingestor.run(paths, options)
        return events if self.on_event is None else self._reporting(events)

    def _reporting(self, events: Iterator[IngestProgress]) -> Iterator[IngestProgress]:
        for event in events:
            if event.result is not None:
                self._emit("ingest", event.result.to_json())
            yield event

    def _emit(self, kind: str, data: dict) -> None:
        if self.on_event is not None:
            self.on_event(kind, data)

    def approve(
        self, version_or_doc_id: str, by: str
    ) -> tuple[DocumentVersion, list[DocumentVersion]]:
        version, retired = self.catalog.approve(version_or_doc_id, by)
        self._emit(
            "approve",
            {**_version_data(version), "by": by, "retired": [_version_data(v) for v in retired]},
        )
        return version, retired

    def retire(self, version_or_doc_id: str) -> DocumentVersion:
        version = self.catalog.retire(version_or_doc_id)
        self._emit("retire", _version_data(version))
        return version

    def remove(self, doc_or_version_id: str) -> list[DocumentVersion]:
        """Remove a document (every version) or one version, chunks first, record last."""
        target = self.catalog.get(doc_or_version_id)
        whole_document = doc_or_version_id == target.doc_id
        versions = self.catalog.of_document(target.doc_id) if whole_document else [target]
        for version in versions:
            self.remove_version(version)
        self._emit(
            "remove",
            {"target": doc_or_version_id, "versions": [_version_data(v) for v in versions]},
        )
        return versions

    def remove_version(self, version: DocumentVersion) -> None:
        # Mark first: a crash part-way leaves a "removing" record that doctor finishes.
        version.state = REMOVING
        self.catalog.save(version)
        ids = [c.id for c in self.store.get_chunks(where={"version_id": version.version_id})]
        self.store.delete_chunks(ids)
        self.catalog.delete(version.version_id)
        # Nothing of a removed document may stay on disk, not even in Chroma's queue.
        self.store.erase_history([*ids, version.version_id])

    # -- reading -------------------------------------------------------------------------------
    def chunks_of(self, version_id: str) -> list[StoredChunk]:
        chunks = self.store.get_chunks(where={"version_id": version_id})
        return sorted(chunks, key=lambda c: c.metadata.get("chunk_index", 0))

    def stats(self) -> KnowledgeStats:
        versions = self.catalog.versions()
        return KnowledgeStats(
            documents=len({v.doc_id for v in versions}),
            live_documents=len(self.catalog.live_versions()),
            versions=len(versions),
            chunks=self.store.chunk_count(),
            embedding_model=self.embedder.name,
        )


def _version_data(version: DocumentVersion) -> dict:
    return {
        "doc_id": version.doc_id,
        "version_id": version.version_id,
        "version": version.version,
        "title": version.title,
    }
