"""BM25 over the live chunks (bm25s), persisted in the home and rebuilt when the live set changes.

The index is keyed by a fingerprint of the live version ids: ingest, approve, retire and remove
all change the live set, so the next search notices and rebuilds (about a second per 10k
chunks) instead of relying on every writer to remember to update it. Each workstation keeps
its own copy, which also works when the vectors live on a shared Chroma server.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from knowledge.analysis import lexical_stems
from knowledge.catalog import DocumentVersion
from knowledge.store import VectorStore

INDEX_FORMAT = 3  # bump when the analyser or selection changes, so old indexes are rebuilt


def fingerprint(live: list[DocumentVersion]) -> str:
    ids = sorted(f"{v.version_id}:{v.chunk_count}" for v in live)
    return hashlib.sha256(json.dumps([INDEX_FORMAT, ids]).encode()).hexdigest()[:20]


def index_text(title: str, section: str, text: str) -> str:
    # The title and section count as words of the chunk: "hand hygiene" in a section heading
    # should help a chunk whose sentences only say "wash".
    return f"{title}\n{section}\n{text}"


@dataclass(slots=True)
class LexicalHit:
    chunk_id: str
    score: float


class LexicalIndex:
    def __init__(self, folder: Path):
        self.folder = folder
        self._lock = threading.Lock()
        self._fingerprint: str | None = None
        self._bm25 = None
        self._ids: list[str] = []

    def ensure(self, store: VectorStore, live: list[DocumentVersion]) -> None:
        """Make the index match the live set: load it from disk or rebuild it."""
        wanted = fingerprint(live)
        with self._lock:
            if wanted == self._fingerprint:
                return
            path = self.folder / wanted
            if not self._load(path):
                self._build(store, live, path)
            self._fingerprint = wanted
            self._remove_stale(keep=path)

    def _load(self, path: Path) -> bool:
        import bm25s

        ids_file = path / "chunk_ids.json"
        if not ids_file.is_file():
            return False
        try:
            self._ids = json.loads(ids_file.read_text(encoding="utf-8"))
            self._bm25 = (
                bm25s.BM25.load(str(path / "bm25"), show_progress=False) if self._ids else None
            )
            return True
        except (OSError, ValueError):
            return False  # a damaged cache is rebuilt, never trusted

    def _build(self, store: VectorStore, live: list[DocumentVersion], path: Path) -> None:
        import bm25s

        # Select by the catalog's live ids, not the status mirror on the chunks: the catalog is
        # the authority, and this build is rare enough to afford the larger filter.
        live_ids = sorted(v.version_id for v in live)
        chunks = store.get_chunks(where={"version_id": {"$in": live_ids}}) if live_ids else []
        self._ids = [c.id for c in chunks]
        corpus = [
            lexical_stems(
                index_text(c.metadata.get("title", ""), c.metadata.get("section", ""), c.text)
            )
            for c in chunks
        ]
        self._bm25 = None
        tmp = path.with_name(path.name + ".tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        if chunks:
            bm25 = bm25s.BM25(k1=1.2, b=0.75)
            bm25.index(corpus, show_progress=False)
            bm25.save(str(tmp / "bm25"), show_progress=False)
            self._bm25 = bm25
        # The id list is written last and the folder renamed into place: a crash mid-build
        # leaves only a .tmp folder, which the next build replaces.
        (tmp / "chunk_ids.json").write_text(json.dumps(self._ids), encoding="utf-8")
        shutil.rmtree(path, ignore_errors=True)
        tmp.rename(path)

    def _remove_stale(self, keep: Path) -> None:
        if not self.folder.is_dir():
            return
        for child in self.folder.iterdir():
            if child != keep and child.is_dir():
                shutil.rmtree(child, ignore_errors=True)

    @property
    def size(self) -> int:
        return len(self._ids)

    def search(self, query: str, k: int) -> list[LexicalHit]:
        terms = lexical_stems(query)
        bm25 = self._bm25
        if bm25 is None or not terms:
            return []
        known = [t for t in terms if t in bm25.vocab_dict]
        if not known:
            return []
        k = min(k, len(self._ids))
        docs, scores = bm25.retrieve([known], k=k, show_progress=False, n_threads=1)
        hits = []
        for index, score in zip(np.asarray(docs)[0], np.asarray(scores)[0], strict=True):
            if score > 0:
                hits.append(LexicalHit(self._ids[int(index)], float(score)))
        return hits
