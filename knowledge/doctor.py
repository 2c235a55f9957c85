"""`doctor`: check that the catalog and the index agree, and repair what does not.

Every repair moves towards a state the catalog can vouch for: interrupted ingests and
removals are finished (their chunks deleted), chunks no record owns are deleted, chunk status
is copied from the record, and a document with two approved versions keeps only the newest.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from knowledge.catalog import APPROVED, INGESTING, READY, REMOVING, RETIRED, Catalog, now_iso
from knowledge.chunk_integrity import ChunkIntegrity
from knowledge.removal import remove_version
from knowledge.store import StoredChunk, VectorStore


@dataclass(slots=True)
class Finding:
    kind: str
    detail: str
    repaired: bool = False


@dataclass(frozen=True, slots=True)
class _Parts:
    """What the doctor reads and repairs: a knowledge base's own catalog and index."""

    catalog: Catalog
    store: VectorStore
    model: str  # the embedding model the index should be built with


def diagnose(
    catalog: Catalog, store: VectorStore, model: str, repair: bool = False
) -> list[Finding]:
    """All disagreements between catalog and index; fixed as well when `repair` is true."""
    parts = _Parts(catalog, store, model)
    records = {v.version_id: v for v in parts.catalog.versions(include_unfinished=True)}
    chunks = parts.store.get_chunks()
    by_version: dict[str, list[StoredChunk]] = defaultdict(list)
    for chunk in chunks:
        by_version[chunk.metadata.get("version_id", "")].append(chunk)
    findings: list[Finding] = []
    findings += _unfinished(parts, records, by_version, repair)
    findings += _orphans(parts, records, by_version, repair)
    findings += _counts_and_status(parts, records, by_version, repair)
    findings += _double_approvals(parts, records, repair)
    findings += _model(parts, records, repair)
    findings += _unverified(parts)
    findings += _altered(parts)
    return findings


def _unfinished(parts, records, by_version, repair) -> list[Finding]:
    findings = []
    for version in records.values():
        if version.state not in (INGESTING, REMOVING):
            continue
        what = "interrupted ingest" if version.state == INGESTING else "interrupted removal"
        written = len(by_version.get(version.version_id, []))
        finding = Finding(
            what,
            f"{version.version_id} ({version.source_name}): {written} chunk(s) written, "
            "not visible to answers"
            + ("; ingest the file again to finish it" if version.state == INGESTING else ""),
        )
        if repair:
            parts.store.delete_chunks([c.id for c in by_version.get(version.version_id, [])])
            parts.catalog.delete(version.version_id)
            finding.repaired = True
        findings.append(finding)
    if repair and findings:
        parts.store.erase_deleted_history()  # an interrupted removal's text must not linger
    return findings


def _orphans(parts, records, by_version, repair) -> list[Finding]:
    orphan_ids = [c.id for vid, chunks in by_version.items() if vid not in records for c in chunks]
    if not orphan_ids:
        return []
    finding = Finding("orphan chunks", f"{len(orphan_ids)} chunk(s) belong to no catalog record")
    if repair:
        parts.store.delete_chunks(orphan_ids)
        parts.store.erase_deleted_history()
        finding.repaired = True
    return [finding]


def _counts_and_status(parts, records, by_version, repair) -> list[Finding]:
    findings = []
    for version in records.values():
        if version.state != READY:
            continue
        chunks = by_version.get(version.version_id, [])
        if len(chunks) != version.chunk_count:
            finding = Finding(
                "chunk count",
                f"{version.version_id}: catalog says {version.chunk_count} chunks, index has "
                f"{len(chunks)}; the version is removed on repair: ingest "
                f"{version.source_name} again",
            )
            if repair:
                remove_version(parts.catalog, parts.store, version)
                finding.repaired = True
            findings.append(finding)
            continue
        stale = [c.id for c in chunks if c.metadata.get("status") != version.status]
        if stale:
            finding = Finding(
                "chunk status",
                f"{version.version_id}: {len(stale)} chunk(s) not marked {version.status!r}",
            )
            if repair:
                parts.store.update_chunk_metadata(stale, [{"status": version.status}] * len(stale))
                finding.repaired = True
            findings.append(finding)
    return findings


def _double_approvals(parts, records, repair) -> list[Finding]:
    # Only approvals that verify count: a forged newer "approval" must never get the genuine
    # live version retired (it is named by _unverified instead).
    forged = {v.version_id for v, _ in parts.catalog.unverified_approvals()}
    approved = defaultdict(list)
    for version in records.values():
        counts = version.state == READY and version.status == APPROVED
        if counts and version.version_id not in forged:
            approved[version.doc_id].append(version)
    findings = []
    for doc_id, versions in approved.items():
        if len(versions) < 2:
            continue
        newest = max(versions, key=lambda v: v.version)
        finding = Finding(
            "several approved versions",
            f"{doc_id}: versions {sorted(v.version for v in versions)} are all approved; "
            f"only version {newest.version} stays approved",
        )
        if repair:
            for old in versions:
                if old is not newest:
                    old.status, old.retired_at = RETIRED, now_iso()
                    parts.catalog.save(old)
                    parts.catalog.sync_chunk_status(old)
            finding.repaired = True
        findings.append(finding)
    return findings


def _unverified(parts) -> list[Finding]:
    """Approvals that do not verify: never served, never "repaired" here (only an admin can
    approve), each named so an admin can look at it."""
    return [
        Finding(
            "unverified approval",
            f"{v.version_id} is marked approved by {v.approved_by!r} at {v.approved_at} but "
            f"{why}: it is not served. If the approval is genuine, approve it again on an "
            "admin workstation; if not, the store was written by someone outside the app",
        )
        for v, why in parts.catalog.unverified_approvals()
    ]


def _altered(parts) -> list[Finding]:
    """Live versions whose passages in the store are not the ones approved (not served)."""
    integrity = ChunkIntegrity(parts.store)
    return [
        Finding(
            "altered passages",
            f"the passages of {v.version_id} in the store are not the ones approved by "
            f"{v.approved_by!r}: they are not served. Ingest the file again and approve it",
        )
        for v in parts.catalog.live_versions()
        if v.chunks_sha256 and not integrity.matches(v)
    ]


def _model(parts, records, repair) -> list[Finding]:
    models = Counter(v.embedding_model for v in records.values() if v.state == READY)
    current = parts.model
    others = {m: n for m, n in models.items() if m and m != current}
    if not others:
        return []
    return [
        Finding(
            "embedding model",
            f"{sum(others.values())} version(s) record another embedding model "
            f"({', '.join(others)}); run `clinassist reindex`",
        )
    ]
