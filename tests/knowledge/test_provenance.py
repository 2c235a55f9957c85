"""Provenance: made once from a chunk, stored flat, read back whole."""

from dataclasses import fields

from knowledge.catalog import DocumentVersion
from knowledge.chunking import Chunk
from knowledge.provenance import Provenance


def version(**overrides) -> DocumentVersion:
    values = dict(
        version_id="falls@2",
        doc_id="falls",
        version=2,
        title="Falls Prevention Policy",
        source_name="falls.pdf",
        source_path="/docs/falls.pdf",
        sha256="0" * 64,
        format="pdf",
    )
    return DocumentVersion(**(values | overrides))


CHUNK = Chunk(
    "falls@2-c7", 7, "Observe hourly.", ("Policy", "9. Observations"), 3, 4, 11, 12, 100, 115, 4
)


def test_a_chunk_stored_and_read_back_keeps_every_place_field():
    ingested = version()
    made = Provenance.of_chunk(ingested, CHUNK, {3: "ii", 4: "iii"})
    approved = version(approved_at="2026-01-02T10:00:00+00:00")
    back = Provenance.of_stored(CHUNK.id, made.chunk_metadata(), approved)

    assert back.section == "Policy > 9. Observations" and (back.page_start, back.page_end) == (3, 4)
    assert (back.page_label_start, back.page_label_end) == ("ii", "iii")
    assert (back.char_start, back.char_end, back.chunk_index) == (100, 115, 7)
    assert back.approved_at == approved.approved_at  # the catalog's, not the ingest-time value
    unchanged = {f.name for f in fields(Provenance)} - {"approved_at"}
    assert all(getattr(back, name) == getattr(made, name) for name in unchanged)


def test_a_document_without_pages_stores_zero_and_reads_back_none():
    paged = Chunk("c", 0, "x", (), None, None, 0, 0, 0, 1, 1)
    meta = Provenance.of_chunk(version(), paged).chunk_metadata()
    assert meta["page_start"] == 0 and meta["page_end"] == 0
    back = Provenance.of_stored("c", meta, version())
    assert (
        back.page_start is None
        and back.pages_label == ""
        and back.label() == ("Falls Prevention Policy (v2)")
    )


def test_an_edited_title_is_read_from_the_catalog_not_the_chunk():
    meta = Provenance.of_chunk(version(), CHUNK).chunk_metadata()
    back = Provenance.of_stored(CHUNK.id, meta, version(title="Falls Policy (revised)"))
    assert back.title == "Falls Policy (revised)"


def test_a_card_joining_two_chunks_ends_where_the_second_ends():
    first = Provenance.of_chunk(version(), CHUNK, {3: "ii", 4: "iii"})
    second = Provenance.of_chunk(
        version(), Chunk("c8", 8, "y", ("Policy",), 5, 5, 13, 14, 110, 160, 3), {5: "iv"}
    )
    joined = first.through(second)
    assert (joined.char_start, joined.char_end) == (100, 160)
    assert (joined.page_start, joined.page_end, joined.page_label_end) == (3, 5, "iv")
    assert joined.chunk_index == 7 and joined.label().endswith("pp. 3–5 (printed ii–iv)")


def test_json_is_flat_and_older_files_missing_fields_still_load():
    made = Provenance.of_chunk(version(), CHUNK)
    assert Provenance.from_json(made.to_json() | {"number": 1, "label": "x"}) == made
    old = Provenance.from_json({"doc_id": "falls", "title": "Falls", "version": 1})
    assert old.doc_id == "falls" and old.chunk_id == "" and old.page_start is None
