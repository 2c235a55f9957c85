"""Ingestion: files in, versioned and embedded chunks out, one document at a time.

`ingest_files` is a generator of progress events; stopping the iteration (closing the
generator) cancels at the next event and cleans up the document in progress. Each document is
atomic: its chunks are written while its catalog record says "ingesting" (invisible), and one
record write flips it to "ready". A crash leaves an "ingesting" record that the next ingest of
the same file resumes (chunk ids are deterministic, writes are upserts) and `doctor` repairs.
"""

from __future__ import annotations

import getpass
import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from knowledge.catalog import INGESTING, READY, REMOVING, Catalog, DocumentVersion, doc_id_for
from knowledge.chunking import Chunk, ChunkingOptions, chunk_document, embedding_text
from knowledge.document import ParsedDocument
from knowledge.embedding import Embedder, TokenCounter
from knowledge.errors import DuplicateContent, FileTooLarge, IngestError
from knowledge.file_collection import collect_files as find_files
from knowledge.parsing import SUPPORTED_SUFFIXES, parse_file
from knowledge.provenance import Provenance
from knowledge.store import StoredChunk, VectorStore

ADDED, NEW_VERSION, RESUMED, SKIPPED, FAILED = (
    "added",
    "new version",
    "resumed",
    "unchanged",
    "failed",
)


@dataclass(slots=True)
class IngestOptions:
    approve: bool = False
    user: str = field(default_factory=getpass.getuser)
    owner: str = ""
    review_by: str = ""
    effective_date: str = ""
    title: str = ""  # only for a single file
    doc_id: str = ""  # only for a single file: make it a version of this document
    notes: str = ""
    # Per-file metadata by file name (title, owner, review_by, effective_date, notes), e.g.
    # from a manifest; it wins over the batch-wide values above.
    per_file: dict[str, dict[str, str]] = field(default_factory=dict)
    max_file_mb: float = 200.0
    max_chunks: int = 5000  # per file: more is a data dump, or a document to split
    embed_batch: int = 32
    chunking: ChunkingOptions = field(default_factory=ChunkingOptions)


@dataclass(slots=True)
class FileResult:
    path: Path
    status: str
    reason: str = ""
    doc_id: str = ""
    version: int = 0
    version_id: str = ""
    pages: int = 0
    chunks: int = 0
    approved: bool = False
    retired: tuple[str, ...] = ()  # version ids the approval retired (the document's older one)

    def to_json(self) -> dict:
        """The outcome as plain data, for `--json` output and the audit log."""
        return {
            "file": str(self.path),
            "status": self.status,
            "reason": self.reason,
            "doc_id": self.doc_id,
            "version": self.version,
            "version_id": self.version_id,
            "pages": self.pages,
            "chunks": self.chunks,
            "approved": self.approved,
            "retired": list(self.retired),
        }


@dataclass(slots=True)
class IngestProgress:
    """One event. `result` is set when a file has finished (any outcome)."""

    files_total: int
    files_done: int
    current: Path | None = None
    stage: str = ""
    pages_done: int = 0
    chunks_done: int = 0
    file_chunks_done: int = 0
    file_chunks_total: int = 0
    result: FileResult | None = None


def collect_files(paths: Iterable[Path]) -> tuple[list[Path], list[FileResult]]:
    """The files to read, and a failed result for each path that cannot be read."""
    files, problems = find_files(paths)
    return files, [FileResult(path, FAILED, reason) for path, reason in problems]


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    try:
        with path.open("rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
    except OSError as exc:
        raise IngestError(f"cannot read file: {exc.strerror or exc}") from exc
    return digest.hexdigest()


def chunk_metadata(
    version: DocumentVersion, chunk: Chunk, status: str, page_labels: dict[int, str] | None = None
) -> dict:
    """The chunk's provenance as the store keeps it, with its size and status."""
    meta = Provenance.of_chunk(version, chunk, page_labels).chunk_metadata()
    return meta | {"token_count": chunk.token_count, "status": status}


class Ingestor:
    def __init__(
        self,
        store: VectorStore,
        embedder: Embedder,
        count_tokens: TokenCounter,
        before_write: Callable[[DocumentVersion], None] | None = None,
    ):
        self.store = store
        self.catalog = Catalog(store)
        self.embedder = embedder
        self.count_tokens = count_tokens
        # Called with each version just before anything of it is written (the audit log's
        # intent); if it raises, nothing of that file is written. Approval is not the
        # ingestor's: KnowledgeBase approves through its own audited door.
        self.before_write = before_write

    def run(self, paths: Iterable[Path], options: IngestOptions) -> Iterator[IngestProgress]:
        files, problems = collect_files([Path(p) for p in paths])
        total = len(files) + len(problems)
        progress = IngestProgress(files_total=total, files_done=0)
        for problem in problems:
            progress.files_done += 1
            yield _with_result(progress, problem)
        if (options.title or options.doc_id) and len(files) > 1:
            raise ValueError("--title and --doc-id apply to a single file, not a batch")
        for path in files:
            progress.current, progress.stage = path, "reading"
            progress.file_chunks_done = progress.file_chunks_total = 0
            yield replace(progress)
            result = yield from self._one_file(path, options, progress)
            progress.files_done += 1
            progress.pages_done += result.pages
            yield _with_result(progress, result)

    def _one_file(self, path: Path, options: IngestOptions, progress: IngestProgress):
        try:
            sha = file_sha256(path)
            version, status = self._plan_version(path, sha, options)
            if status == SKIPPED:
                return FileResult(
                    path,
                    SKIPPED,
                    f"unchanged since version {version.version}",
                    version.doc_id,
                    version.version,
                    version.version_id,
                )
            progress.stage = "parsing"
            yield replace(progress)
            doc = parse_file(path, max_bytes=int(options.max_file_mb * 1_000_000))
            chunks = chunk_document(doc, self.count_tokens, sha, options.chunking)
            if len(chunks) > options.max_chunks:
                raise FileTooLarge(
                    f"{len(chunks):,} passages, over the limit of {options.max_chunks:,} a file "
                    "(setting ingest.max_chunks_per_file): split the document, or raise the limit"
                )
            self._describe(version, doc, path, options, len(chunks))
            if self.before_write is not None:
                self.before_write(version)
            yield from self._write(version, doc, chunks, options, progress)
        except IngestError as exc:
            return FileResult(path, FAILED, str(exc))
        return FileResult(
            path,
            status,
            "",
            version.doc_id,
            version.version,
            version.version_id,
            doc.page_count or 0,
            len(chunks),
        )

    def _plan_version(self, path: Path, sha: str, options: IngestOptions):
        """Decide what this file is: unchanged, a duplicate, a resume, or a new version."""
        doc_id = options.doc_id or doc_id_for(path.name)
        for existing in self.catalog.find_sha(sha):
            if existing.state == REMOVING:
                continue
            if existing.doc_id != doc_id:
                raise DuplicateContent(
                    f"same content as document '{existing.doc_id}' version {existing.version} "
                    f"({existing.source_name}); not ingested twice"
                )
            if existing.state == READY:
                return existing, SKIPPED
            if existing.state == INGESTING:
                return existing, RESUMED
        number = self.catalog.next_version_number(doc_id)
        version = DocumentVersion(
            version_id=f"{doc_id}@v{number}-{sha[:8]}",
            doc_id=doc_id,
            version=number,
            title="",
            source_path=str(path),
            source_name=path.name,
            sha256=sha,
            format="",
        )
        return version, (ADDED if number == 1 else NEW_VERSION)

    def _describe(self, version, doc: ParsedDocument, path: Path, options, n_chunks: int) -> None:
        given = options.per_file.get(path.name, {})
        version.title = given.get("title") or options.title or version.title or doc.title
        version.format = doc.format
        version.page_count = doc.page_count
        version.chunk_count = n_chunks
        version.source_path = str(path)
        for key in ("owner", "review_by", "effective_date", "notes"):
            value = given.get(key) or getattr(options, key) or getattr(version, key)
            setattr(version, key, value)
        version.created_by = version.created_by or options.user
        version.embedding_model = self.embedder.name

    def _write(self, version, doc, chunks: list[Chunk], options, progress):
        version.state = INGESTING
        self.catalog.save(version)  # invisible until READY; marks the work for doctor/resume
        committed = False
        try:
            progress.stage, progress.file_chunks_total = "embedding", len(chunks)
            for start in range(0, len(chunks), options.embed_batch):
                batch = chunks[start : start + options.embed_batch]
                vectors = self.embedder.embed_documents(
                    [embedding_text(version.title, c.section, c.text) for c in batch]
                )
                self.store.upsert_chunks(
                    [
                        StoredChunk(
                            c.id,
                            c.text,
                            chunk_metadata(version, c, INGESTING, doc.page_labels),
                            vec,
                        )
                        for c, vec in zip(batch, vectors, strict=True)
                    ]
                )
                progress.file_chunks_done += len(batch)
                progress.chunks_done += len(batch)
                yield replace(progress)
            version.state = READY
            self.catalog.save(version)  # the commit point
            committed = True
            self.store.update_chunk_metadata(
                [c.id for c in chunks], [{"status": version.status}] * len(chunks)
            )
        finally:
            if not committed:
                self._discard(version, chunks)

    def _discard(self, version: DocumentVersion, chunks: list[Chunk]) -> None:
        """Cancelled or failed mid-write: remove what was written so nothing half-done stays."""
        try:
            self.store.delete_chunks([c.id for c in chunks])
            self.catalog.delete(version.version_id)
        except Exception:  # noqa: BLE001 - the record stays "ingesting"; doctor cleans it up
            pass


def _with_result(progress: IngestProgress, result: FileResult) -> IngestProgress:
    return replace(progress, result=result)


def supported_suffixes() -> list[str]:
    return sorted(SUPPORTED_SUFFIXES)
