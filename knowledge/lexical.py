"""BM25 over the live chunks (bm25s), persisted in the home and rebuilt when the live set changes.

The same build keeps the live chunks' vectors for exact dense search (knowledge/dense_matrix.py)
and their texts and metadata (knowledge/chunk_texts.py): all describe the same live set, so
they share its fingerprint and its folder.

The index is keyed by a fingerprint of the live version ids: ingest, approve, retire and remove
all change the live set, so the next search notices and rebuilds instead of relying on every
writer to remember to update it. Each workstation keeps its own copy, which also works when
the vectors live on a shared Chroma server.

A rebuild costs about 0.6 ms of CPU per chunk (mostly stemming), i.e. seconds at 10k chunks
and minutes at 100k. When the caller supplies a background runner (the desktop app passes
its worker module's maintenance lane: knowledge/ never starts threads itself), a large
rebuild runs there while questions keep using the previous index: retrieval drops its hits
of versions that are no longer live, and asks the vector store for the chunks of newly
approved documents meanwhile. Without a runner (the CLI), and for small libraries, it
rebuilds before answering.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import threading
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from knowledge.analysis import lexical_stems
from knowledge.catalog import DocumentVersion
from knowledge.chunk_texts import ChunkTexts
from knowledge.dense_matrix import ROW_VERSIONS, DenseMatrix
from knowledge.read_only_index import ReadOnlyIndex
from knowledge.store import StoredChunk

INDEX_FORMAT = 8  # bump when the analyser or selection changes, so old indexes are rebuilt
# A rebuild costs about 1 ms per chunk on the loaded 2-core benchmark VM (fetch 0.2, analysis
# 0.5, bm25s 0.16; benchmarks/results/latency.md), so up to this many live chunks it takes
# about a second at most: do it before answering, so the answer is exact. Above it, rebuild
# in the background (see the module docstring).
SYNC_LIMIT = 1000
# BM25 parameters and title weight tuned on the BEIR tuning queries over the app's own chunks
# (benchmarks/results/retrieval.md): short chunks need less length normalisation than the
# textbook b=0.75, and a title repeated three times lets "which document is about this" count
# beside the chunk's own words.
BM25_K1 = 0.9
BM25_B = 0.5
TITLE_REPEATS = 3
FOLDER = "lexical"  # in the knowledge home: one saved index per live set


def fingerprint(live: list[DocumentVersion]) -> str:
    ids = sorted(f"{v.version_id}:{v.chunk_count}" for v in live)
    return hashlib.sha256(json.dumps([INDEX_FORMAT, ids]).encode()).hexdigest()[:20]


def erase_versions(folder: Path, version_ids: Collection[str]) -> list[str]:
    """Delete every saved index that holds chunks of these versions, and return their names.
    A removed document's words (the index's vocabulary) and vectors must not stay on disk
    until a question happens to rebuild the index; the next search builds it without them.
    An index whose versions cannot be read (saved without its vectors) goes too."""
    if not folder.is_dir():
        return []
    gone, erased = set(version_ids), []
    for child in sorted(folder.iterdir()):
        if not child.is_dir():
            continue
        try:
            held = set(json.loads((child / ROW_VERSIONS).read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError):
            held = None
        if held is None or held & gone:
            shutil.rmtree(child, ignore_errors=True)
            erased.append(child.name)
    return erased


def index_text(title: str, section: str, text: str) -> str:
    # The title and section count as words of the chunk: "hand hygiene" in a section heading
    # should help a chunk whose sentences only say "wash".
    titles = "\n".join([title] * TITLE_REPEATS)
    return f"{titles}\n{section}\n{text}"


@dataclass(frozen=True, slots=True)
class _Snapshot:
    """One complete index. Replaced as a whole, so a search never mixes two builds."""

    fingerprint: str | None = None
    bm25: object | None = None
    ids: list[str] = field(default_factory=list)
    positions: dict[str, int] = field(default_factory=dict)  # chunk id -> row in bm25
    vocabulary: dict[str, int] = field(default_factory=dict)  # stem -> chunks holding it
    dense: DenseMatrix | None = None  # the same chunks' vectors, for exact dense search
    texts: ChunkTexts | None = None  # the same chunks' texts and metadata

    @classmethod
    def of(
        cls,
        fingerprint: str,
        bm25,
        ids: list[str],
        dense: DenseMatrix | None,
        texts: ChunkTexts | None = None,
    ) -> _Snapshot:
        positions = {chunk_id: i for i, chunk_id in enumerate(ids)}
        return cls(fingerprint, bm25, ids, positions, _vocabulary(bm25), dense, texts)


def _vocabulary(bm25) -> dict[str, int]:
    """Each indexed stem with the number of chunks holding it (bm25s keeps one sparse column
    per stem, so the column lengths are the counts)."""
    if bm25 is None:
        return {}
    counts = np.diff(np.asarray(bm25.scores["indptr"]))
    return {stem: int(counts[i]) for stem, i in bm25.vocab_dict.items() if stem and i < len(counts)}


@dataclass(slots=True)
class LexicalHit:
    chunk_id: str
    score: float


@dataclass(slots=True)
class LexicalMatch:
    """The top hits of one query, plus the BM25 score of any other indexed chunk, so a fusion
    can weigh a chunk found only by dense search with its real lexical score."""

    hits: list[LexicalHit] = field(default_factory=list)
    _scores: np.ndarray | None = None
    _positions: dict[str, int] = field(default_factory=dict)

    def score(self, chunk_id: str) -> float | None:
        """BM25 score of a chunk, 0.0 if it shares no term, None if it is not indexed."""
        row = self._positions.get(chunk_id)
        if row is None:
            return None
        return 0.0 if self._scores is None else float(self._scores[row])


# Runs a function on some other thread; returns at once (e.g. the app's maintenance lane).
BackgroundRunner = Callable[[Callable[[], None]], object]


class LexicalIndex:
    """Thread-safe: searches read one immutable snapshot; at most one rebuild runs at a time.

    A background rebuild touches no shared state until it swaps in its finished snapshot
    under the lock, and every other folder change waits until no rebuild runs. It writes to a
    private temporary folder renamed into place, so a process that exits mid-build leaves
    nothing half-written.
    """

    def __init__(
        self,
        folder: Path,
        sync_limit: int = SYNC_LIMIT,
        background: BackgroundRunner | None = None,
    ):
        self.folder = folder
        self.sync_limit = sync_limit
        self.background = background
        self._lock = threading.Lock()
        self._current = _Snapshot()
        self._idle = threading.Event()  # set when no background rebuild is pending or running
        self._idle.set()
        self.last_error: Exception | None = None  # of the last background rebuild, if it failed

    def ensure(self, store: ReadOnlyIndex, live: list[DocumentVersion]) -> None:
        """Make the index match the live set: load it from disk or (re)build it."""
        wanted = fingerprint(live)
        with self._lock:
            if wanted == self._current.fingerprint or self.rebuilding:
                return  # up to date, or a rebuild runs: keep serving the current index
            path = self.folder / wanted
            loaded = self._load(path, wanted)
            if loaded is not None:
                self._swap(loaded)
            elif self.background is None or sum(v.chunk_count for v in live) <= self.sync_limit:
                self._swap(self._build(store, live, path, wanted))
            elif self._current.fingerprint is None and not self._serve_previous():
                # First run: nothing to serve meanwhile, so build before answering, once.
                self._swap(self._build(store, live, path, wanted))
            else:
                self._start_rebuild(store, live, path, wanted)

    @property
    def rebuilding(self) -> bool:
        return not self._idle.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        """Wait for a background rebuild (tests, benchmarks); True when none is pending."""
        return self._idle.wait(timeout)

    def _start_rebuild(self, store, live, path: Path, wanted: str) -> None:
        self.last_error = None
        self._idle.clear()
        live = list(live)
        try:
            self.background(lambda: self._rebuild(store, live, path, wanted))
        except Exception:  # the runner refused (e.g. shutting down): build here instead
            self._idle.set()
            self._swap(self._build(store, live, path, wanted))

    def _rebuild(self, store, live, path: Path, wanted: str) -> None:
        try:
            snapshot = self._build(store, live, path, wanted)
            with self._lock:
                self._swap(snapshot)
        except Exception as exc:  # the next question retries; the old index keeps serving
            self.last_error = exc
        finally:
            self._idle.set()

    def _serve_previous(self) -> bool:
        """After a restart, serve the last index on disk (an older live set) if there is one."""
        if not self.folder.is_dir():
            return False
        newest_first = sorted(self.folder.iterdir(), key=lambda p: p.stat().st_mtime, reverse=True)
        for child in newest_first:
            snapshot = self._load(child, child.name) if ".tmp" not in child.name else None
            if snapshot is not None:
                self._current = snapshot  # no _swap: the folder is the rebuild's next target
                return True
        return False

    def _swap(self, snapshot: _Snapshot) -> None:
        self._current = snapshot
        self._remove_stale(keep=self.folder / str(snapshot.fingerprint))

    def _load(self, path: Path, wanted: str) -> _Snapshot | None:
        import bm25s

        ids_file = path / "chunk_ids.json"
        if not ids_file.is_file():
            return None
        try:
            ids = json.loads(ids_file.read_text(encoding="utf-8"))
            bm25 = bm25s.BM25.load(str(path / "bm25"), show_progress=False) if ids else None
            dense, texts = DenseMatrix.load(path, ids), ChunkTexts.load(path, len(ids))
            return _Snapshot.of(wanted, bm25, ids, dense, texts)
        except (OSError, ValueError):
            return None  # a damaged cache is rebuilt, never trusted

    def _build(self, store: ReadOnlyIndex, live: list[DocumentVersion], path: Path, wanted: str):
        import bm25s

        # Select by the catalog's live ids, not the status mirror on the chunks: the catalog is
        # the authority, and this build is rare enough to afford the larger filter.
        live_ids = sorted(v.version_id for v in live)
        chunks = store.get_chunks(where={"version_id": {"$in": live_ids}}) if live_ids else []
        ids = [c.id for c in chunks]
        dense = _dense_matrix(store, chunks)
        corpus = [
            lexical_stems(
                index_text(c.metadata.get("title", ""), c.metadata.get("section", ""), c.text)
            )
            for c in chunks
        ]
        bm25 = None
        # A private temporary folder: another process on the same home may build the same
        # fingerprint at the same time.
        tmp = path.with_name(f"{path.name}.tmp-{os.getpid()}-{threading.get_ident()}")
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        if chunks:
            # numpy builds the same matrix as scipy (identical scores, tested) without
            # scipy at run time: 73 MB less in the frozen build, 0.4 s more for 20k chunks.
            bm25 = bm25s.BM25(k1=BM25_K1, b=BM25_B, csc_backend="numpy")
            bm25.index(corpus, show_progress=False)
            bm25.save(str(tmp / "bm25"), show_progress=False)
        if dense is not None:
            dense.save(tmp)
        ChunkTexts.save(tmp, [(c.text, c.metadata) for c in chunks])
        # The id list is written last and the folder renamed into place: a crash mid-build
        # leaves only a .tmp folder, which a later build removes.
        (tmp / "chunk_ids.json").write_text(json.dumps(ids), encoding="utf-8")
        shutil.rmtree(path, ignore_errors=True)
        tmp.rename(path)
        # served from the file, mapped: the pages are the OS's to keep or drop (as after a
        # restart), and the array built here is freed
        return _Snapshot.of(
            wanted,
            bm25,
            ids,
            DenseMatrix.load(path, ids) if dense is not None else None,
            ChunkTexts.load(path, len(ids)),
        )

    def _remove_stale(self, keep: Path) -> None:
        if not self.folder.is_dir():
            return
        for child in self.folder.iterdir():
            if child != keep and child.is_dir():
                shutil.rmtree(child, ignore_errors=True)

    @property
    def size(self) -> int:
        return len(self._current.ids)

    @property
    def fingerprint(self) -> str | None:
        return self._current.fingerprint

    @property
    def dense(self) -> DenseMatrix | None:
        """The indexed chunks' vectors (None for an index saved before they were kept)."""
        return self._current.dense

    def records(self, ids: list[str], with_embeddings: bool = False) -> list[StoredChunk]:
        """The records of those `ids` this index holds, read from its own files (no store
        call); with their vectors only when it keeps those too. Others are left out."""
        snapshot = self._current  # one read: rows, texts and vectors belong together
        texts, dense = snapshot.texts, snapshot.dense
        if texts is None or (with_embeddings and dense is None):
            return []
        found = []
        for chunk_id in ids:
            row = snapshot.positions.get(chunk_id)
            if row is None:
                continue
            text, metadata = texts.get(row)
            vector = np.array(dense.vectors[row]) if with_embeddings else None
            found.append(StoredChunk(chunk_id, text, metadata, vector))
        return found

    @property
    def vocabulary(self) -> dict[str, int]:
        """The indexed stems (stem -> number of chunks): the words the documents use."""
        return self._current.vocabulary

    def search(self, query: str, k: int) -> list[LexicalHit]:
        return self.match(query, k).hits

    def match(self, query: str, k: int) -> LexicalMatch:
        """The k best chunks for the query, and every indexed chunk's score for the fusion."""
        terms = lexical_stems(query)
        snapshot = self._current  # one read: ids and bm25 always belong together
        bm25 = snapshot.bm25
        if bm25 is None:
            return LexicalMatch()
        known = [t for t in terms if t in bm25.vocab_dict]
        if not known:
            return LexicalMatch([], None, snapshot.positions)
        scores = np.asarray(bm25.get_scores(known), dtype=np.float32)
        k = min(k, len(snapshot.ids))
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top], kind="stable")]
        hits = [LexicalHit(snapshot.ids[int(i)], float(scores[i])) for i in top if scores[i] > 0]
        return LexicalMatch(hits, scores, snapshot.positions)


def _dense_matrix(store: ReadOnlyIndex, chunks) -> DenseMatrix | None:
    """The chunks' vectors as one matrix, built with the lexical index because both describe
    the same live chunks (knowledge/dense_matrix.py). None when a chunk vanished meanwhile
    (a removal): dense search then asks the store until the next build."""
    if not chunks:
        return None
    try:
        vectors = store.get_vectors([c.id for c in chunks])
    except LookupError:
        return None
    versions = [str(c.metadata.get("version_id", "")) for c in chunks]
    return DenseMatrix([c.id for c in chunks], vectors, versions)
