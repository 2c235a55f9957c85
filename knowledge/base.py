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

from knowledge.catalog import Catalog, DocumentVersion
from knowledge.doctor import Finding
from knowledge.doctor import diagnose as run_diagnose
from knowledge.embedding import (
    Embedder,
    SentenceTransformerEmbedder,
    TokenCounter,
    WordPieceCounter,
)
from knowledge.ingest import IngestOptions, Ingestor, IngestProgress
from knowledge.read_only_index import ReadOnlyIndex
from knowledge.reindex import ReindexProgress
from knowledge.reindex import reindex as run_reindex
from knowledge.removal import remove_version
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
        self._opened = store
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
    def _store(self) -> VectorStore:
        """The index, opened on first use. Private, as the catalog is: every change goes
        through this class's methods, which report it for the audit log."""
        with self._lock:
            if self._opened is None:
                client = open_client(path=self.index_dir, url=self.store_url)
                embedder = self._embedder or SentenceTransformerEmbedder()
                self._embedder = embedder
                local = None if self.store_url else self.index_dir
                self._opened = ChromaStore(
                    client, embedder.name, embedder.dimension, local_path=local
                )
            return self._opened

    @property
    def index_dir(self) -> Path:
        return self.home / "index"

    @cached_property
    def _catalog(self) -> Catalog:
        return Catalog(self._store)

    @property
    def index(self) -> ReadOnlyIndex:
        """The index to read (search, fetch chunks, count): no write method is on it."""
        return ReadOnlyIndex(self._store)

    # -- ingestion and lifecycle ---------------------------------------------------------------
    def ingest(self, paths: Iterable[Path], options: IngestOptions) -> Iterator[IngestProgress]:
        ingestor = Ingestor(self._store, self.embedder, self.count_tokens)
        events = ingestor.run(paths, options)
        return events if self.on_event is None else self._reporting(events)

    def _reporting(self, events: Iterator[IngestProgress]) -> Iterator[IngestProgress]:
        for event in events:
            if event.result is not None:
                self._emit("ingest", event.result.to_json())
                if event.result.approved:
                    self._emit_ingest_approval(event.result)
            yield event

    def _emit_ingest_approval(self, result) -> None:
        """An approval at ingest (`--approve`) goes on the record as any approval does, with
        the older version it retired."""
        version = self._catalog.get(result.version_id)
        retired = [_version_data(self._catalog.get(v)) for v in result.retired]
        self._emit(
            "approve", {**_version_data(version), "by": version.approved_by, "retired": retired}
        )

    def _emit(self, kind: str, data: dict) -> None:
        if self.on_event is not None:
            self.on_event(kind, data)

    def approve(
        self, version_or_doc_id: str, by: str
    ) -> tuple[DocumentVersion, list[DocumentVersion]]:
        version, retired = self._catalog.approve(version_or_doc_id, by)
        self._emit(
            "approve",
            {**_version_data(version), "by": by, "retired": [_version_data(v) for v in retired]},
        )
        return version, retired

    def retire(self, version_or_doc_id: str) -> DocumentVersion:
        version = self._catalog.retire(version_or_doc_id)
        self._emit("retire", _version_data(version))
        return version

    def remove(self, doc_or_version_id: str) -> list[DocumentVersion]:
        """Remove a document (every version) or one version, chunks first, record last."""
        target = self._catalog.get(doc_or_version_id)
        whole_document = doc_or_version_id == target.doc_id
        versions = self._catalog.of_document(target.doc_id) if whole_document else [target]
        for version in versions:
            remove_version(self._catalog, self._store, version)
        self._emit(
            "remove",
            {"target": doc_or_version_id, "versions": [_version_data(v) for v in versions]},
        )
        return versions

    def update_metadata(self, version_or_doc_id: str, by: str, **changes: str) -> DocumentVersion:
        """Edit a version's descriptive fields (title, owner, effective_date, review_by, notes);
        the record says who changed what from what."""
        before = self._catalog.get(version_or_doc_id)
        old = {key: getattr(before, key) for key in changes if hasattr(before, key)}
        version = self._catalog.update_metadata(version_or_doc_id, **changes)
        edits = {
            key: {"before": old[key], "after": getattr(version, key)}
            for key in changes
            if old[key] != getattr(version, key)
        }
        self._emit("edit", {**_version_data(version), "by": by, "changes": edits})
        return version

    def reindex(self, by: str = "", batch: int = 64) -> Iterator[ReindexProgress]:
        """Re-embed every chunk with this knowledge base's embedding model (after a model
        change). Opens the store without the model check the everyday store makes, since the
        index was built with another model; reopens it afterwards."""
        client = open_client(path=self.index_dir, url=self.store_url)
        done = 0
        for progress in run_reindex(client, self.embedder, batch):
            done = progress.done
            yield progress
        with self._lock:
            self._opened = None
        self.__dict__.pop("_catalog", None)  # the catalog of the old store
        self._emit("reindex", {"model": self.embedder.name, "chunks": done, "by": by})

    def diagnose(self, repair: bool = False, by: str = "") -> list[Finding]:
        """Where the catalog and the index disagree; fixed as well when `repair` is true, and
        then what was repaired goes on the record."""
        findings = run_diagnose(self._catalog, self._store, self.embedder.name, repair)
        repaired = [{"kind": f.kind, "detail": f.detail} for f in findings if f.repaired]
        if repaired:
            self._emit("repair", {"by": by, "repaired": repaired})
        return findings

    # -- reading -------------------------------------------------------------------------------
    def versions(self, include_unfinished: bool = False) -> list[DocumentVersion]:
        return self._catalog.versions(include_unfinished=include_unfinished)

    def live_versions(self) -> list[DocumentVersion]:
        """The approved, current version of each document: the only ones answers use."""
        return self._catalog.live_versions()

    def version(self, version_or_doc_id: str) -> DocumentVersion:
        return self._catalog.get(version_or_doc_id)

    def chunk_count(self) -> int:
        return self._store.chunk_count()

    def chunks_of(self, version_id: str) -> list[StoredChunk]:
        chunks = self._store.get_chunks(where={"version_id": version_id})
        return sorted(chunks, key=lambda c: c.metadata.get("chunk_index", 0))

    def stats(self) -> KnowledgeStats:
        versions = self._catalog.versions()
        return KnowledgeStats(
            documents=len({v.doc_id for v in versions}),
            live_documents=len(self._catalog.live_versions()),
            versions=len(versions),
            chunks=self._store.chunk_count(),
            embedding_model=self.embedder.name,
        )


def _version_data(version: DocumentVersion) -> dict:
    return {
        "doc_id": version.doc_id,
        "version_id": version.version_id,
        "version": version.version,
        "title": version.title,
    }
