"""`KnowledgeBase`: the one object the CLI, the answering code and the UI use.

It owns the heavy pieces (Chroma client, embedding model) and creates them lazily, once, so
that building a KnowledgeBase on a UI thread costs nothing; the first real call loads them.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path
from typing import Any

from knowledge.approval_signing import ApprovalSigner, ApprovalVerifier
from knowledge.catalog import PENDING, Catalog, DocumentVersion
from knowledge.chunk_integrity import ChunkIntegrity
from knowledge.doctor import Finding
from knowledge.doctor import diagnose as run_diagnose
from knowledge.embedding import (
    Embedder,
    TokenCounter,
    WordPieceCounter,
    bundled_embedder,
)
from knowledge.errors import KnowledgeError, RecordIncomplete, RecordUnavailable
from knowledge.ingest import IngestOptions, Ingestor, IngestProgress
from knowledge.lexical import FOLDER as LEXICAL_FOLDER
from knowledge.lexical import erase_versions
from knowledge.read_only_index import ReadOnlyIndex
from knowledge.reindex import ReindexProgress
from knowledge.reindex import reindex as run_reindex
from knowledge.removal import remove_version
from knowledge.store import ChromaStore, ServerAccess, StoredChunk, VectorStore, open_client


@dataclass(slots=True)
class KnowledgeStats:
    documents: int
    live_documents: int
    versions: int
    chunks: int
    embedding_model: str


log = logging.getLogger(__name__)


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
        store_access: ServerAccess | None = None,
        signer: ApprovalSigner | None = None,
        verifier: ApprovalVerifier | None = None,
        sign_old_approvals: bool = False,
    ):
        self.home = Path(home)
        # Called after approve/retire/remove and for each finished file of an ingest, e.g. to
        # write the audit log. Its errors propagate: the caller learns the record failed.
        self.on_event = on_event
        self.background = background  # see knowledge.lexical.BackgroundRunner
        self.store_url = store_url or None
        self._access = store_access  # a shared server's token and CA (None: none needed)
        # Approvals made here are signed; only verified ones are live (None: unchecked).
        self._signer, self._verifier = signer, verifier
        # A home that trusts its own key signs, once, approvals made before signing existed.
        self._sign_old = sign_old_approvals
        self._embedder = embedder
        self._count_tokens = count_tokens
        self._opened = store
        self._lock = threading.Lock()

    # -- lazily created heavy objects --------------------------------------------------------
    @property
    def embedder(self) -> Embedder:
        with self._lock:
            if self._embedder is None:
                self._embedder = bundled_embedder()
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
                client = open_client(path=self.index_dir, url=self.store_url, access=self._access)
                embedder = self._embedder or bundled_embedder()
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
        catalog = Catalog(self._store, self._signer, self._verifier)
        if self._sign_old:
            self._sign_old = False
            self._migrate(catalog)
        return catalog

    def _migrate(self, catalog: Catalog) -> None:
        """Sign the approvals made before approvals were signed, on the record. Failing
        leaves them unsigned (not served; doctor names them) rather than stopping a read."""
        unsigned = catalog.unsigned_approvals()
        if not unsigned:
            return
        try:
            intent = self._intend("resign", "approvals made before signing")
            catalog.sign(unsigned)
            self._emit("resign", {"versions": [_version_data(v) for v in unsigned]}, intent)
        except KnowledgeError as exc:
            log.warning("old approvals were not signed: %s", exc)

    @cached_property
    def _integrity(self) -> ChunkIntegrity:
        return ChunkIntegrity(self.index)

    def admits(self, version: DocumentVersion, chunk_id: str, text: str) -> bool:
        """May this passage of a live version be served: is it the text that was approved?
        Checked wherever approvals are verified (a home without signing checks nothing)."""
        if self._verifier is None:
            return True
        return self._integrity.admits(version, chunk_id, text)

    @property
    def index(self) -> ReadOnlyIndex:
        """The index to read (search, fetch chunks, count): no write method is on it."""
        return ReadOnlyIndex(self._store)

    # -- ingestion and lifecycle ---------------------------------------------------------------
    def ingest(self, paths: Iterable[Path], options: IngestOptions) -> Iterator[IngestProgress]:
        """Each file's version is announced (intent) before anything of it is written and
        recorded after; with `options.approve` it is then approved through `approve`, as
        any approval is, and an unchanged file still pending (a kill between its ingest and
        its approval) is approved now."""
        intents: dict[str, int | None] = {}  # by file: a failed file has no version id

        def announce(version: DocumentVersion) -> None:
            intents[version.source_path] = self._intend("ingest", version.version_id)

        ingestor = Ingestor(self._store, self.embedder, self.count_tokens, announce)
        return self._ingested(
            ingestor.run(paths, replace(options, approve=False)), options, intents
        )

    def _ingested(self, events, options: IngestOptions, intents: dict) -> Iterator[IngestProgress]:
        for event in events:
            result = event.result
            if result is not None:
                self._emit("ingest", result.to_json(), intents.pop(str(result.path), None))
                if options.approve and self._still_pending(result.version_id):
                    _, retired = self.approve(result.version_id, by=options.user)
                    result.approved, result.retired = True, tuple(v.version_id for v in retired)
            yield event

    def _still_pending(self, version_id: str) -> bool:
        """Read only when approving: a plain ingest of a large folder reads no record back."""
        return bool(version_id) and self._catalog.get(version_id).status == PENDING

    def _intend(self, change: str, target: str, **detail: Any) -> int | None:
        """Put a change on the record before making it. If the record cannot be written, the
        callback raises (AuditError) and nothing has changed. Returns the intent's number,
        which its completion entry names, so a crash between the two is found afterwards."""
        if self.on_event is None:
            return None
        try:
            receipt = self.on_event("intent", {"change": change, "target": target, **detail})
        except Exception as exc:  # the callback's own error type (AuditError) is not ours
            raise RecordUnavailable(
                f"nothing was changed: the audit record could not be written ({exc}). "
                "Check the audit log with `clinassist audit verify`"
            ) from exc
        return receipt.get("seq") if isinstance(receipt, dict) else None

    def _emit(self, kind: str, data: dict, intent: int | None = None) -> None:
        if self.on_event is None:
            return
        try:
            self.on_event(kind, data if intent is None else {**data, "intent": intent})
        except Exception as exc:  # the callback's own error type (AuditError) is not ours
            raise RecordIncomplete(
                f"the {kind} was made, but its audit entry could not be written ({exc}); "
                "its intent is on the record: once the audit log works again, "
                "`clinassist doctor --repair` records it"
            ) from exc

    def approve(
        self, version_or_doc_id: str, by: str
    ) -> tuple[DocumentVersion, list[DocumentVersion]]:
        intent = self._intend("approve", version_or_doc_id, by=by)
        version, retired = self._catalog.approve(version_or_doc_id, by)
        retired_data = [_version_data(v) for v in retired]
        self._emit("approve", {**_version_data(version), "by": by, "retired": retired_data}, intent)
        return version, retired

    def retire(self, version_or_doc_id: str) -> DocumentVersion:
        intent = self._intend("retire", version_or_doc_id)
        version = self._catalog.retire(version_or_doc_id)
        self._emit("retire", _version_data(version), intent)
        return version

    def remove(self, doc_or_version_id: str) -> list[DocumentVersion]:
        """Remove a document (every version) or one version, chunks first, record last."""
        target = self._catalog.get(doc_or_version_id)
        whole_document = doc_or_version_id == target.doc_id
        versions = self._catalog.of_document(target.doc_id) if whole_document else [target]
        intent = self._intend("remove", doc_or_version_id)
        for version in versions:
            remove_version(self._catalog, self._store, version)
        # The saved search indexes holding them go too (their vocabulary is the text's words).
        erase_versions(self.home / LEXICAL_FOLDER, [v.version_id for v in versions])
        data = {"target": doc_or_version_id, "versions": [_version_data(v) for v in versions]}
        self._emit("remove", data, intent)
        return versions

    def update_metadata(self, version_or_doc_id: str, by: str, **changes: str) -> DocumentVersion:
        """Edit a version's descriptive fields (title, owner, effective_date, review_by, notes);
        the record says who changed what from what."""
        before = self._catalog.get(version_or_doc_id)
        old = {key: getattr(before, key) for key in changes if hasattr(before, key)}
        intent = self._intend("edit", before.version_id, changes=dict(changes), by=by)
        version = self._catalog.update_metadata(version_or_doc_id, **changes)
        edits = {
            key: {"before": old[key], "after": getattr(version, key)}
            for key in changes
            if old[key] != getattr(version, key)
        }
        self._emit("edit", {**_version_data(version), "by": by, "changes": edits}, intent)
        return version

    def reindex(self, by: str = "", batch: int = 64) -> Iterator[ReindexProgress]:
        """Re-embed every chunk with this knowledge base's embedding model (after a model
        change). Opens the store without the model check the everyday store makes, since the
        index was built with another model; reopens it afterwards."""
        intent = self._intend("reindex", self.embedder.name, by=by)
        client = open_client(path=self.index_dir, url=self.store_url, access=self._access)
        done = 0
        for progress in run_reindex(client, self.embedder, batch):
            done = progress.done
            yield progress
        with self._lock:
            self._opened = None
        self.__dict__.pop("_catalog", None)  # the catalog of the old store
        self._emit("reindex", {"model": self.embedder.name, "chunks": done, "by": by}, intent)

    def diagnose(self, repair: bool = False, by: str = "") -> list[Finding]:
        """Where the catalog and the index disagree; fixed as well when `repair` is true, and
        then what was repaired goes on the record."""
        intent = self._intend("repair", "catalog and index", by=by) if repair else None
        findings = run_diagnose(self._catalog, self._store, self.embedder.name, repair)
        repaired = [{"kind": f.kind, "detail": f.detail} for f in findings if f.repaired]
        if repair:
            self._emit("repair", {"by": by, "repaired": repaired}, intent)
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
