"""Removing one version's chunks and record, leaving none of its text on disk.

Shared by `KnowledgeBase.remove` and the doctor's repair of a version whose chunks do not
match its record, so both remove the same way: the record is marked first (a crash part-way
leaves a "removing" record the doctor finishes), then the chunks go, then the record, then
Chroma's past writes of them.
"""

from __future__ import annotations

from knowledge.catalog import REMOVING, Catalog, DocumentVersion
from knowledge.store import VectorStore


def remove_version(catalog: Catalog, store: VectorStore, version: DocumentVersion) -> None:
    version.state = REMOVING
    catalog.save(version)
    ids = [c.id for c in store.get_chunks(where={"version_id": version.version_id})]
    store.delete_chunks(ids)
    catalog.delete(version.version_id)
    # Nothing of a removed document may stay on disk, not even in Chroma's queue.
    store.erase_history([*ids, version.version_id])
