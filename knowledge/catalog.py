"""The document catalog: every version of every document, its governance metadata and status.

Lifecycle: a version is written with state "ingesting" while its chunks go in, and becomes
"ready" in one record write once all chunks are stored; that write is the commit point, so a
crash never leaves half a document visible. A ready version is pending, approved or retired.
Only the approved version with the highest version number of a document is "live".
"""

from __future__ import annotations

import re
import uuid
from dataclasses import asdict, dataclass, field, fields
from datetime import UTC, date, datetime
from typing import Any

from knowledge.chunk_integrity import passages_digest
from knowledge.errors import InvalidTransition, NotFound
from knowledge.store import VectorStore

PENDING, APPROVED, RETIRED = "pending", "approved", "retired"
INGESTING, READY, REMOVING = "ingesting", "ready", "removing"
GENERATION = "catalog_generation"  # store meta key, bumped by every record write or delete


def now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def doc_id_for(name: str) -> str:
    """A stable document id from a file name: 'Hand Hygiene v2.PDF' -> 'hand-hygiene-v2'."""
    stem = name.rsplit(".", 1)[0] if "." in name else name
    slug = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")
    return slug or "document"


AUDIENCES = ("", "patient", "clinician")


@dataclass(slots=True)
class DocumentVersion:
    version_id: str
    doc_id: str
    version: int
    title: str
    source_path: str
    source_name: str
    sha256: str
    format: str
    status: str = PENDING
    state: str = INGESTING
    owner: str = ""
    effective_date: str = ""
    review_by: str = ""
    approved_by: str = ""
    approved_at: str = ""
    retired_at: str = ""
    notes: str = ""
    # Who the document is written for: "patient" material is preferred for patient handouts
    # (assistant/handouts); "" or "clinician" otherwise. Set by admins, audited as an edit.
    audience: str = ""
    created_at: str = field(default_factory=now_iso)
    created_by: str = ""
    page_count: int | None = None
    chunk_count: int = 0
    embedding_model: str = ""
    chunks_sha256: str = ""  # digest of the passages approved (knowledge/chunk_integrity.py)
    signer: str = ""  # the key id of the approver's key (knowledge/approval_signing.py)
    signature: str = ""  # over the approval's fields; "" when never signed

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> DocumentVersion:
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in record.items() if k in known})

    def to_record(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def review_overdue(self) -> bool:
        return bool(self.review_by) and self.review_by < datetime.now(UTC).date().isoformat()


class Catalog:
    """Reads and writes version records in the store. Cheap to construct.

    Only the live set is cached, and it is checked against the store's generation record on
    every call (one get by id), so every Catalog on the same store, in this process or on
    another workstation sharing a server, sees an approval on its next question.
    """

    def __init__(self, store: VectorStore, signer=None, verifier=None):
        self._store = store
        # With a verifier, only an approval whose signature verifies is live (a forged one is
        # skipped, and an older genuine approval of the document stays live); with a signer,
        # each approval made here is signed. Neither: every approval counts (tests, tools).
        self._signer = signer
        self._verifier = verifier
        self._live_cache: tuple[str, list[DocumentVersion]] | None = None  # (stamp, live)

    def versions(self, include_unfinished: bool = False) -> list[DocumentVersion]:
        found = [DocumentVersion.from_record(r) for r in self._store.get_records().values()]
        if not include_unfinished:
            found = [v for v in found if v.state == READY]
        return sorted(found, key=lambda v: (v.doc_id, v.version))

    def get(self, version_or_doc_id: str) -> DocumentVersion:
        """A version by its id, or a document's newest version by the document id."""
        versions = self.versions(include_unfinished=True)
        for v in versions:
            if v.version_id == version_or_doc_id:
                return v
        of_doc = [v for v in versions if v.doc_id == version_or_doc_id and v.state == READY]
        if of_doc:
            return max(of_doc, key=lambda v: v.version)
        raise NotFound(
            f"no document or version with id {version_or_doc_id!r} (see `clinassist docs list`)"
        )

    def of_document(self, doc_id: str) -> list[DocumentVersion]:
        return [v for v in self.versions(include_unfinished=True) if v.doc_id == doc_id]

    def live_versions(self) -> list[DocumentVersion]:
        """The current approved version of each document: the only ones answers may cite.

        Asked on every question, so it is cached until the generation stamp changes; the
        versions returned are shared with the cache and must not be modified.
        """
        # Read the stamp before the records: a write landing in between changes the stamp
        # again afterwards, so the worst case is one needless re-read, never a stale set.
        stamp = self.generation()
        cached = self._live_cache
        if cached is not None and stamp and cached[0] == stamp:
            return list(cached[1])
        live = self._read_live_versions()
        self._live_cache = (stamp, live)
        return list(live)

    def generation(self) -> str:
        """An opaque stamp that changes whenever any catalog record is written or deleted."""
        record = self._store.get_meta(GENERATION)
        return str(record.get("stamp", "")) if record else ""

    def _bump_generation(self) -> None:
        # A fresh random stamp rather than counter + 1: two workstations writing at once
        # can never write the same value, so no reader mistakes a new state for an old one.
        # The counter is only for people reading the store.
        record = self._store.get_meta(GENERATION) or {}
        count = int(record.get("count", 0)) + 1
        self._store.put_meta(GENERATION, {"count": count, "stamp": uuid.uuid4().hex})

    def unverified_approvals(self) -> list[tuple[DocumentVersion, str]]:
        """Approved versions whose approval does not verify (never served), with why."""
        verifier = self._verifier
        if verifier is None:
            return []
        return [
            (v, verifier.why_not(v))
            for v in self.versions()
            if v.status == APPROVED and not verifier.verifies(v)
        ]

    def unsigned_approvals(self) -> list[DocumentVersion]:
        """Approvals that carry no signature (made before approvals were signed)."""
        return [v for v in self.versions() if v.status == APPROVED and not v.signature]

    def sign(self, versions: list[DocumentVersion]) -> None:
        """Sign these approvals now (a home's one migration). A signature that fails to
        verify is never re-signed here: doctor names it."""
        for v in versions:
            self._seal(v)
            self.save(v)

    def _seal(self, version: DocumentVersion) -> None:
        """Record the digest of the passages being approved, then sign the approval."""
        chunks = self._store.get_chunks(where={"version_id": version.version_id})
        version.chunks_sha256 = passages_digest((c.id, c.text) for c in chunks)
        self._signer.sign(version)

    def _read_live_versions(self) -> list[DocumentVersion]:
        live: dict[str, DocumentVersion] = {}
        verifier = self._verifier
        for v in self.versions():
            if verifier is not None and v.status == APPROVED and not verifier.verifies(v):
                continue  # a forged or unsigned approval is never served
            if v.status == APPROVED and (
                v.doc_id not in live or v.version > live[v.doc_id].version
            ):
                live[v.doc_id] = v
        return sorted(live.values(), key=lambda v: v.doc_id)

    def find_sha(self, sha256: str) -> list[DocumentVersion]:
        return [v for v in self.versions(include_unfinished=True) if v.sha256 == sha256]

    def next_version_number(self, doc_id: str) -> int:
        return max((v.version for v in self.of_document(doc_id)), default=0) + 1

    def save(self, version: DocumentVersion) -> None:
        self._store.put_record(version.version_id, version.to_record())
        self._bump_generation()  # after the record: readers that see the stamp see the record

    def delete(self, version_id: str) -> None:
        self._store.delete_record(version_id)
        self._bump_generation()

    # -- lifecycle ---------------------------------------------------------------------------
    def approve(
        self, version_or_doc_id: str, by: str
    ) -> tuple[DocumentVersion, list[DocumentVersion]]:
        """Approve a version; older approved versions of the same document are retired.

        Returns the approved version and the versions it retired. Approving an older version
        than the live one is refused: versions only move forward.
        """
        version = self.get(version_or_doc_id)
        if version.state != READY:
            raise InvalidTransition(f"{version.version_id} is still being ingested")
        if version.status == RETIRED:
            raise InvalidTransition(
                f"{version.version_id} is retired; ingest the file again to make a new version"
            )
        newer = [
            v
            for v in self.of_document(version.doc_id)
            if v.version > version.version and v.status == APPROVED
        ]
        if newer:
            raise InvalidTransition(
                f"version {version.version} of {version.doc_id} is older than the approved "
                f"version {newer[0].version}"
            )
        if version.status != APPROVED:
            version.status, version.approved_by, version.approved_at = APPROVED, by, now_iso()
            if self._signer is not None:
                self._seal(version)
            self.save(version)  # the new version is live from here on
            self.sync_chunk_status(version)
        retired = []
        for old in self.of_document(version.doc_id):
            if old.version < version.version and old.status in (APPROVED, PENDING):
                retired.append(self._retire(old))
        return version, retired

    def retire(self, version_or_doc_id: str) -> DocumentVersion:
        version = self.get(version_or_doc_id)
        if version.status == RETIRED:
            raise InvalidTransition(f"{version.version_id} is already retired")
        return self._retire(version)

    def _retire(self, version: DocumentVersion) -> DocumentVersion:
        version.status, version.retired_at = RETIRED, now_iso()
        self.save(version)
        self.sync_chunk_status(version)
        return version

    def sync_chunk_status(self, version: DocumentVersion) -> None:
        """Copy the record's status onto its chunks, so a store-side filter can use it.

        The record stays the authority (answers check the live set); this mirror only lets a
        query skip pending and retired chunks early.
        """
        ids = [c.id for c in self._store.get_chunks(where={"version_id": version.version_id})]
        self._store.update_chunk_metadata(ids, [{"status": version.status}] * len(ids))

    def update_metadata(self, version_or_doc_id: str, **changes: str) -> DocumentVersion:
        version = self.get(version_or_doc_id)
        allowed = {"title", "owner", "effective_date", "review_by", "notes", "audience"}
        unknown = set(changes) - allowed
        if unknown:
            raise ValueError(f"cannot edit {sorted(unknown)}; editable: {sorted(allowed)}")
        if changes.get("audience", "") not in AUDIENCES:
            raise ValueError(
                f"audience must be one of {', '.join(a for a in AUDIENCES if a)} (or empty), "
                f"got {changes['audience']!r}"
            )
        for key in ("effective_date", "review_by"):
            value = changes.get(key) or ""
            try:
                value and date.fromisoformat(value)
            except ValueError:
                raise ValueError(f"{key} must be a date like 2025-03-01, got {value!r}") from None
        for key, value in changes.items():
            setattr(version, key, value)
        self.save(version)
        return version
