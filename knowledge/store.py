"""The vector store: a Protocol and its Chroma adapter (local folder or a `chroma run` server).

Two collections live in the store: the chunks (with embeddings) and the catalog of document
versions. Keeping the catalog beside the vectors means workstations that share one central
Chroma server also share approvals and retirements, with nothing else to synchronise.
"""

from __future__ import annotations

import contextlib
import struct
import threading
from collections.abc import Iterator, Sequence
from contextlib import closing, contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlparse

import numpy as np

from knowledge.errors import ModelMismatch, StoreUnavailable

CHUNKS = "clinassist_chunks"
CATALOG = "clinassist_catalog"
META = "clinassist_meta"  # small named values beside the catalog (its generation stamp)
_REINDEX_SUFFIX = "_reindex"
_PAGE = 2000  # rows per get(): large gets are split to keep memory flat


@dataclass(slots=True)
class StoredChunk:
    id: str
    text: str
    metadata: dict[str, Any]
    embedding: np.ndarray | None = None


@dataclass(slots=True)
class Hit:
    id: str
    text: str
    metadata: dict[str, Any]
    distance: float
    embedding: np.ndarray | None = None


class VectorStore(Protocol):
    def index_info(self) -> dict[str, Any]: ...
    def upsert_chunks(self, chunks: Sequence[StoredChunk]) -> None: ...
    def update_chunk_metadata(self, ids: Sequence[str], metadatas: Sequence[dict]) -> None: ...
    def delete_chunks(self, ids: Sequence[str]) -> None: ...
    def erase_history(self, ids: Sequence[str]) -> None: ...
    def erase_deleted_history(self) -> None: ...
    def get_chunks(
        self,
        where: dict | None = None,
        ids: Sequence[str] | None = None,
        with_embeddings: bool = False,
    ) -> list[StoredChunk]: ...
    def get_vectors(self, ids: Sequence[str]) -> np.ndarray: ...
    def chunk_count(self) -> int: ...
    def query(
        self,
        embedding: np.ndarray,
        k: int,
        where: dict | None = None,
        with_embeddings: bool = False,
        with_records: bool = True,
    ) -> list[Hit]: ...
    def put_record(self, record_id: str, record: dict[str, Any]) -> None: ...
    def get_records(self) -> dict[str, dict[str, Any]]: ...
    def delete_record(self, record_id: str) -> None: ...
    def put_meta(self, key: str, value: dict[str, Any]) -> None: ...
    def get_meta(self, key: str) -> dict[str, Any] | None: ...


def _chromadb():
    import chromadb
    from chromadb.config import Settings

    return chromadb, Settings(anonymized_telemetry=False, allow_reset=False)


@dataclass(frozen=True, slots=True)
class ServerAccess:
    """How a workstation proves itself to a shared store behind a reverse proxy: a bearer
    token (from the OS keyring or the environment, never a file) and the CA certificate the
    proxy's TLS certificate must chain to ("" for the system's CAs)."""

    token: str = ""
    ca_file: str = ""

    def __repr__(self) -> str:  # never print the token
        return f"ServerAccess(token={'set' if self.token else 'none'}, ca_file={self.ca_file!r})"


def refusal(exc: BaseException) -> str | None:
    """What a shared store's proxy said, when it refused a request (401, 403), in words."""
    text = str(exc)
    if "401" in text:
        return (
            "the shared store refused this workstation: no valid token. IT sets it with "
            "`clinassist config set-store-token` (kept in the OS keyring) or in "
            "CLINASSIST_STORE_TOKEN"
        )
    if "403" in text:
        return (
            "the shared store does not let this workstation change documents (its token is "
            "a reader's): ask IT, or make the change on an admin workstation"
        )
    return None


def open_client(
    path: Path | None = None, url: str | None = None, access: ServerAccess | None = None
):
    """A PersistentClient for a local folder, or an HttpClient for http(s)://host:port (with
    `access`: the token sent on every request, and the CA its TLS certificate is checked
    against)."""
    chromadb, settings = _chromadb()
    access = access or ServerAccess()
    try:
        if url:
            parsed = urlparse(url)
            if parsed.scheme not in {"http", "https"} or not parsed.hostname:
                raise StoreUnavailable(f"store.url must look like http://host:8000, got {url!r}")
            port = parsed.port or (443 if parsed.scheme == "https" else 8000)
            if access.ca_file:
                settings.chroma_server_ssl_verify = access.ca_file
            headers = {"Authorization": f"Bearer {access.token}"} if access.token else None
            return chromadb.HttpClient(
                host=parsed.hostname,
                port=port,
                ssl=parsed.scheme == "https",
                headers=headers,
                settings=settings,
            )
        assert path is not None
        path.mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(path), settings=settings)
    except StoreUnavailable:
        raise
    except Exception as exc:  # chromadb raises several unrelated types for "cannot connect"
        where = url or str(path)
        said = refusal(exc) or str(exc).strip().splitlines()[0]
        raise StoreUnavailable(f"cannot open the vector store at {where}: {said}") from exc


def zero_index_slack(folder: Path) -> bool:
    """Zero the unused tail of a persisted HNSW index (`data_level0.bin`).

    Chroma's hnswlib writes the whole allocated buffer, `max_elements` slots, of which only
    `cur_element_count` hold vectors; the rest is uninitialised memory, which can hold any
    text the process had on its heap, a removed document's included. The header gives both
    counts and the slot size; the tail is overwritten only when they agree with the file's
    size, so an unknown format is left alone. Returns whether anything was zeroed."""
    header, data = folder / "header.bin", folder / "data_level0.bin"
    try:
        fields = struct.unpack_from("<iQQQQ", header.read_bytes())
        size = data.stat().st_size
    except (OSError, struct.error):
        return False
    version, _offset, max_elements, count, slot = fields
    if version != 1 or slot <= 0 or count > max_elements or size != max_elements * slot:
        return False
    with data.open("r+b") as out:
        out.seek(count * slot)
        out.write(bytes(size - count * slot))
    return True


class ChromaStore:
    """Chroma adapter. Embeddings are always passed in: no Chroma embedding function is used."""

    def __init__(
        self,
        client,
        model_name: str,
        dimension: int,
        chunks_name: str = CHUNKS,
        local_path: Path | None = None,
    ):
        self._client = client
        self._local_path = local_path  # the folder of a PersistentClient; None for a server
        self.model_name = model_name
        self.dimension = dimension
        self._chunks_name = chunks_name
        self._lock = threading.RLock()
        self._chunks = self._open_chunks()
        self._catalog = client.get_or_create_collection(
            CATALOG, embedding_function=None, metadata={"purpose": "document catalog"}
        )
        self._meta = client.get_or_create_collection(
            META, embedding_function=None, metadata={"purpose": "catalog generation"}
        )

    @contextlib.contextmanager
    def _writing(self) -> Iterator[None]:
        """Hold the store for a write; a shared store's refusal becomes one clear error."""
        with self._lock:
            try:
                yield
            except Exception as exc:
                said = refusal(exc)
                if said is None:
                    raise
                raise StoreUnavailable(said) from None

    def _open_chunks(self):
        meta = {
            "hnsw:space": "cosine",
            "embedding_model": self.model_name,
            "dimension": self.dimension,
        }
        collection = self._client.get_or_create_collection(
            self._chunks_name, embedding_function=None, metadata=meta
        )
        found = collection.metadata or {}
        if (
            found.get("embedding_model") != self.model_name
            or found.get("dimension") != self.dimension
        ):
            raise ModelMismatch(
                f"the index was built with the embedding model {found.get('embedding_model')!r} "
                f"({found.get('dimension')} dimensions) but {self.model_name!r} "
                f"({self.dimension}) is configured; run `clinassist reindex` to rebuild it"
            )
        return collection

    # -- chunks -----------------------------------------------------------------------------
    def index_info(self) -> dict[str, Any]:
        return dict(self._chunks.metadata or {}) | {"count": self._chunks.count()}

    def upsert_chunks(self, chunks: Sequence[StoredChunk]) -> None:
        if not chunks:
            return
        with self._writing():
            self._chunks.upsert(
                ids=[c.id for c in chunks],
                embeddings=np.stack([c.embedding for c in chunks]),
                documents=[c.text for c in chunks],
                metadatas=[c.metadata for c in chunks],
            )

    def update_chunk_metadata(self, ids: Sequence[str], metadatas: Sequence[dict]) -> None:
        for start in range(0, len(ids), _PAGE):
            with self._writing():
                self._chunks.update(
                    ids=list(ids[start : start + _PAGE]),
                    metadatas=list(metadatas[start : start + _PAGE]),
                )

    def delete_chunks(self, ids: Sequence[str]) -> None:
        for start in range(0, len(ids), _PAGE):
            with self._writing():
                self._chunks.delete(ids=list(ids[start : start + _PAGE]))

    def erase_history(self, ids: Sequence[str]) -> None:
        """Take deleted entries' past writes out of Chroma's write-ahead queue.

        Chroma keeps every add and upsert, text included, in `embeddings_queue` until the
        vector index next persists, which a small library may not reach for months: a removed
        document's text would stay on disk. Only the writes of ids already deleted are erased;
        their delete entries stay, so replaying the queue still ends without them. Then the
        file is rewritten (VACUUM) and the journal checkpointed, so no deleted row's bytes
        remain in free space either. A server's disk is the server's to manage.
        """
        if self._local_path is None or not ids:
            return
        import sqlite3

        db = self._local_path / "chroma.sqlite3"
        with self._lock, closing(sqlite3.connect(db, timeout=30)) as con:
            for start in range(0, len(ids), _PAGE):
                batch = list(ids[start : start + _PAGE])
                marks = ",".join("?" * len(batch))
                con.execute(
                    f"DELETE FROM embeddings_queue WHERE operation != 3 AND id IN ({marks})",
                    batch,
                )
            con.commit()
            # Chroma deleted the rows of its other tables without overwriting them; their
            # text stays in free space inside the pages until the file is rewritten.
            con.execute("VACUUM")
            if con.execute("PRAGMA journal_mode").fetchone()[0].lower() == "wal":
                con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            for folder in self._local_path.iterdir():
                if folder.is_dir():
                    zero_index_slack(folder)

    def erase_deleted_history(self) -> None:
        """erase_history for every id written once and deleted since, whichever way it went
        (an interrupted removal, orphan chunks): what is still stored is kept."""
        if self._local_path is None:
            return
        import sqlite3

        live = set(self._chunk_ids(None)) | set(self._catalog.get(include=[])["ids"])
        live |= set(self._meta.get(include=[])["ids"])
        db = self._local_path / "chroma.sqlite3"
        with closing(sqlite3.connect(db, timeout=30)) as con:
            written = {row[0] for row in con.execute("SELECT DISTINCT id FROM embeddings_queue")}
        self.erase_history(sorted(written - live))

    def get_chunks(self, where=None, ids=None, with_embeddings=False) -> list[StoredChunk]:
        include = ["documents", "metadatas"] + (["embeddings"] if with_embeddings else [])
        if ids is None:
            ids = self._chunk_ids(where)
        out: list[StoredChunk] = []
        for start in range(0, len(ids), _PAGE):
            result = self._chunks.get(ids=list(ids[start : start + _PAGE]), include=include)
            embeddings = result.get("embeddings") if with_embeddings else None
            for i, chunk_id in enumerate(result["ids"]):
                vector = (
                    np.asarray(embeddings[i], dtype=np.float32) if embeddings is not None else None
                )
                out.append(
                    StoredChunk(chunk_id, result["documents"][i], result["metadatas"][i], vector)
                )
        return out

    def get_vectors(self, ids: Sequence[str]) -> np.ndarray:
        """The vectors of `ids`, one row each in their order, read a page at a time into one
        array (no per-chunk objects: at 100k chunks those cost several hundred MB). Raises
        LookupError when a chunk is gone (removed while this read)."""
        out = np.empty((len(ids), self.dimension), dtype=np.float32)
        for start in range(0, len(ids), _PAGE):
            page = list(ids[start : start + _PAGE])
            result = self._chunks.get(ids=page, include=["embeddings"])
            rows = {chunk_id: i for i, chunk_id in enumerate(result["ids"])}
            missing = [chunk_id for chunk_id in page if chunk_id not in rows]
            if missing:
                raise LookupError(f"{len(missing)} chunks are no longer in the store")
            out[start : start + len(page)] = np.asarray(result["embeddings"], dtype=np.float32)[
                [rows[chunk_id] for chunk_id in page]
            ]
        return out

    def _chunk_ids(self, where: dict | None) -> list[str]:
        # Ids only, in one call, then the rows in batches by id: limit/offset paging made
        # Chroma re-scan every earlier row for each page (83 s for 100k chunks, quadratic).
        return list(self._chunks.get(where=where, include=[])["ids"])

    def chunk_count(self) -> int:
        return self._chunks.count()

    def query(
        self,
        embedding: np.ndarray,
        k: int,
        where: dict | None = None,
        with_embeddings: bool = False,
        with_records: bool = True,
    ) -> list[Hit]:
        # Text and metadata cost ~0.15 ms per hit to read, distances and vectors a tenth of
        # that: without records a hit has empty text and metadata, for callers with a cache.
        include = ["distances"] + (["documents", "metadatas"] if with_records else [])
        result = self._chunks.query(
            query_embeddings=[np.asarray(embedding, dtype=np.float32)],
            n_results=k,
            where=where,
            include=include + (["embeddings"] if with_embeddings else []),
        )
        vectors = result.get("embeddings") if with_embeddings else None
        return [
            Hit(
                chunk_id,
                result["documents"][0][i] if with_records else "",
                result["metadatas"][0][i] if with_records else {},
                result["distances"][0][i],
                np.asarray(vectors[0][i], dtype=np.float32) if vectors is not None else None,
            )
            for i, chunk_id in enumerate(result["ids"][0])
        ]

    # -- catalog records ---------------------------------------------------------------------
    def put_record(self, record_id: str, record: dict[str, Any]) -> None:
        import json

        with self._writing():
            self._catalog.upsert(
                ids=[record_id],
                embeddings=[[1.0]],  # the catalog is never searched by vector
                documents=[json.dumps(record, sort_keys=True)],
                metadatas=[{"doc_id": record["doc_id"], "status": record["status"]}],
            )

    def get_records(self) -> dict[str, dict[str, Any]]:
        import json

        ids = list(self._catalog.get(include=[])["ids"])  # ids first: see _chunk_ids
        records: dict[str, dict[str, Any]] = {}
        for start in range(0, len(ids), _PAGE):
            result = self._catalog.get(ids=ids[start : start + _PAGE], include=["documents"])
            for record_id, text in zip(result["ids"], result["documents"], strict=True):
                records[record_id] = json.loads(text)
        return records

    def delete_record(self, record_id: str) -> None:
        with self._writing():
            self._catalog.delete(ids=[record_id])

    def put_meta(self, key: str, value: dict[str, Any]) -> None:
        import json

        with self._writing():
            self._meta.upsert(ids=[key], embeddings=[[1.0]], documents=[json.dumps(value)])

    def get_meta(self, key: str) -> dict[str, Any] | None:
        """One small value by key: a single get by id, cheap enough for every question."""
        import json

        result = self._meta.get(ids=[key], include=["documents"])
        return json.loads(result["documents"][0]) if result["ids"] else None

    # -- whole-index operations (reindex) ------------------------------------------------------
    def stored_model(self) -> dict[str, Any]:
        return dict(self._chunks.metadata or {})


def chunk_collection_model(client) -> dict[str, Any] | None:
    """The model recorded on an existing chunk collection, or None when there is none."""
    try:
        return dict(client.get_collection(CHUNKS).metadata or {})
    except Exception:
        return None


class _AnyModelStore(ChromaStore):
    """Opens the chunk collection whatever model built it (reading it for a reindex)."""

    def _open_chunks(self):
        return self._client.get_or_create_collection(self._chunks_name, embedding_function=None)


@contextmanager
def rebuild_chunk_collection(client, model_name: str, dimension: int):
    """Yield (old store, new store); on success the new collection replaces the old one."""
    temp_name = CHUNKS + _REINDEX_SUFFIX
    with suppress(Exception):
        client.delete_collection(temp_name)  # left over from an interrupted reindex
    old = _AnyModelStore(client, "", 0)
    new = ChromaStore(client, model_name, dimension, chunks_name=temp_name)
    yield old, new
    client.delete_collection(CHUNKS)
    client.get_collection(temp_name).modify(name=CHUNKS)
