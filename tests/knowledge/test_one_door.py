"""`KnowledgeBase` is the one door for changes, and every change through it is reported for
the audit log: each public method is a read, or a change that emits an event."""

from __future__ import annotations

from knowledge.base import KnowledgeBase
from knowledge.ingest import IngestOptions

# Reads and plain attributes: no event expected.
READS = {
    "embedder",
    "count_tokens",
    "index",  # a read-only view: no write method on it
    "admits",  # is a passage the text that was approved? (reads only)
    "index_dir",
    "versions",
    "live_versions",
    "version",
    "chunk_count",
    "chunks_of",
    "stats",
}
ATTRIBUTES = {"on_event", "background", "home", "store_url"}


def test_the_catalog_and_the_store_are_private_and_the_index_view_cannot_write(kb):
    assert not hasattr(kb, "catalog") and not hasattr(kb, "store")
    writes = {"upsert_chunks", "update_chunk_metadata", "delete_chunks", "put_record"}
    assert not any(hasattr(kb.index, name) for name in writes | {"erase_history", "put_meta"})
    assert kb.index.chunk_count() == 0 and kb.index.get_chunks() == []


def _interrupted_removal(kb):
    version = kb.version("visiting")
    version.state = "removing"
    kb._catalog.save(version)
    return kb.diagnose(repair=True, by="tester")


CHANGES = {
    "ingest": lambda kb, path: list(kb.ingest([path], IngestOptions())),
    "update_metadata": lambda kb, path: kb.update_metadata("visiting", by="t", owner="Ward 7"),
    "approve": lambda kb, path: kb.approve("visiting", by="tester"),
    "retire": lambda kb, path: kb.retire("visiting"),
    "reindex": lambda kb, path: list(kb.reindex(by="tester")),
    "diagnose": lambda kb, path: _interrupted_removal(kb),
    "remove": lambda kb, path: (list(kb.ingest([path], IngestOptions())), kb.remove("visiting")),
}


def test_every_public_method_is_a_read_or_a_change_that_goes_on_the_record(kb, tmp_path):
    public = {name for name in dir(KnowledgeBase) if not name.startswith("_")}
    public |= {name for name in vars(kb) if not name.startswith("_")}
    unexplained = public - READS - ATTRIBUTES - set(CHANGES)
    assert unexplained == set(), "a new public method: list it in READS or test its event here"

    path = tmp_path / "visiting.md"
    path.write_text("# Visiting\n\nVisiting hours are 10:00 to 20:00.\n")
    for name, change in CHANGES.items():  # in order: each builds on the one before
        events = []
        kb.on_event = lambda kind, data, events=events: events.append((kind, data))
        change(kb, path)
        assert events, f"KnowledgeBase.{name} changed the knowledge base and reported nothing"
