"""Chunking: window-sized, exact slices of the document, never across sections, stable ids.

Token counts come from the real WordPiece counter of the bundled model (no torch import), so
the sizes checked here are the ones the embedding model will see.
"""

from __future__ import annotations

from knowledge.chunking import ChunkingOptions, canonical_text, chunk_document, embedding_text
from knowledge.document import Block, BlockKind, ParsedDocument
from knowledge.embedding import WordPieceCounter

count = WordPieceCounter()


def sentence(i: int, words: int = 12) -> str:
    body = " ".join(f"alpha{i}word{j}" for j in range(words))
    return f"Sentence {i} says {body}."


def doc_of(*blocks: Block, title: str = "Test document") -> ParsedDocument:
    return ParsedDocument(title=title, format="text", blocks=list(blocks))


def test_every_chunk_is_an_exact_slice_of_the_canonical_text():
    paragraphs = [" ".join(sentence(10 * p + s) for s in range(6)) for p in range(5)]
    doc = doc_of(*(Block(t, section=("Intro",), position=i) for i, t in enumerate(paragraphs)))
    text, _ = canonical_text(doc)
    chunks = chunk_document(doc, count, "seed")
    assert len(chunks) > 1
    for chunk in chunks:
        assert text[chunk.char_start : chunk.char_end] == chunk.text


def test_no_chunk_exceeds_the_window_even_with_overlap():
    """Regression: a short sentence carried over as overlap, followed by a sentence that
    nearly fills the window, made a 239-token chunk in the MMWR HTML."""
    opts = ChunkingOptions(max_tokens=120, min_tokens=60, overlap_tokens=40)
    short = "A short sentence with a few more words."
    long_sentence = sentence(99, words=22)  # 114 tokens: fits alone, not after the overlap
    assert 100 < count([long_sentence])[0] <= 120
    paragraph = " ".join([sentence(1, 8), sentence(2, 8), short, long_sentence, short])
    chunks = chunk_document(doc_of(Block(paragraph)), count, "seed", opts)
    real = count([c.text for c in chunks])
    assert max(real) <= opts.max_tokens, real
    assert [c.token_count for c in chunks] == real


def test_short_last_sentence_is_carried_over_as_overlap():
    opts = ChunkingOptions(max_tokens=80, min_tokens=40, overlap_tokens=40)
    sentences = [sentence(i, 6) for i in range(12)]
    chunks = chunk_document(doc_of(Block(" ".join(sentences))), count, "seed", opts)
    assert len(chunks) >= 2
    first_last_sentence = chunks[0].text.rsplit(". ", 1)[-1]
    assert chunks[1].text.startswith(first_last_sentence.rstrip("."))


def test_chunks_never_cross_sections_and_keep_their_section_path():
    doc = doc_of(
        Block("Dosing", BlockKind.HEADING, section=("Dosing",), level=1),
        Block(sentence(1), section=("Dosing",)),
        Block("Monitoring", BlockKind.HEADING, section=("Monitoring",), level=1),
        Block(sentence(2), section=("Monitoring",)),
    )
    chunks = chunk_document(doc, count, "seed")
    assert [(c.section, "Sentence 1" in c.text, "Sentence 2" in c.text) for c in chunks] == [
        (("Dosing",), True, False),
        (("Monitoring",), False, True),
    ]


def test_a_sentence_longer_than_the_window_is_cut_at_word_boundaries():
    opts = ChunkingOptions(max_tokens=60, min_tokens=30, overlap_tokens=10)
    giant = sentence(7, words=80)
    chunks = chunk_document(doc_of(Block(giant)), count, "seed", opts)
    assert len(chunks) > 1
    assert max(count([c.text for c in chunks])) <= 60
    assert " ".join(c.text for c in chunks).split() == giant.split()


def test_a_table_that_fits_stays_in_one_chunk():
    table = "\n".join(f"| drug {i} | {i * 5} mg | every {i + 2} hours |" for i in range(8))
    doc = doc_of(Block(sentence(1)), Block(table, BlockKind.TABLE), Block(sentence(2)))
    chunks = chunk_document(doc, count, "seed", ChunkingOptions(max_tokens=200))
    holders = [c for c in chunks if "drug 0" in c.text]
    assert len(holders) == 1 and "drug 7" in holders[0].text


def test_pages_span_the_blocks_of_the_chunk():
    doc = doc_of(Block(sentence(1), page=3), Block(sentence(2), page=4, end_page=5))
    [chunk] = chunk_document(doc, count, "seed")
    assert (chunk.page_start, chunk.page_end) == (3, 5)


def test_ids_are_stable_for_the_same_file_and_differ_across_files():
    doc = doc_of(Block(sentence(1)), Block(sentence(2)))
    first = [c.id for c in chunk_document(doc, count, "sha-a")]
    assert first == [c.id for c in chunk_document(doc, count, "sha-a")]
    assert set(first).isdisjoint(c.id for c in chunk_document(doc, count, "sha-b"))


def test_embedding_text_puts_a_short_context_first():
    text = embedding_text("Opioid guideline", ("Part 1", "Dosing", "Tapering"), "the chunk body")
    assert text == "Opioid guideline > Dosing > Tapering\nthe chunk body"
    long = embedding_text("Title " * 60, ("A",), "the chunk body")
    context, body = long.split("\n", 1)
    assert body == "the chunk body" and len(context) == 160
