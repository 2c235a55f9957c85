"""Files built to hurt: a ZIP bomb, deep XML, a one-line data dump, a file of too many
passages, a parser that chokes. Each is refused with one clear reason and the batch goes on
(issue 14, hostile files)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest

import knowledge.parsing as parsing
from knowledge.errors import CorruptFile, FileTooLarge
from knowledge.ingest import ADDED, FAILED, IngestOptions
from knowledge.parsing import MAX_LINE_CHARS, parse_file
from knowledge.parsing.docx import MAX_UNPACKED_BYTES


def word_file(path: Path, document_xml: bytes | None = None, stream_zeros: int = 0) -> Path:
    """A real DOCX (python-docx), its document.xml replaced, or grown by `stream_zeros`
    bytes of padding written a megabyte at a time (the archive itself stays small)."""
    base = path.with_suffix(".base.docx")
    made = docx.Document()
    made.add_paragraph("Wash hands for 20 seconds.")
    made.save(base)
    with zipfile.ZipFile(base) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/document.xml" and document_xml is not None:
                data = document_xml
            if info.filename == "word/document.xml" and stream_zeros:
                with out.open(info.filename, "w", force_zip64=True) as member:
                    member.write(data)
                    for _ in range(stream_zeros // (1 << 20)):
                        member.write(b" " * (1 << 20))
                continue
            out.writestr(info, data)
    base.unlink()
    return path


def test_a_zip_bomb_is_refused_before_it_is_unpacked_whole(tmp_path):
    bomb = word_file(tmp_path / "bomb.docx", stream_zeros=MAX_UNPACKED_BYTES + (8 << 20))
    assert bomb.stat().st_size < 2_000_000  # small on disk
    with pytest.raises(FileTooLarge, match="unpacks to more than 150 MB"):
        parse_file(bomb)


def test_deeply_nested_xml_is_refused_as_not_a_valid_docx(tmp_path):
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    deep = b"<w:p>" * 5000 + b"</w:p>" * 5000
    xml = f"<w:document {ns}><w:body>".encode() + deep + b"</w:body></w:document>"
    with pytest.raises(CorruptFile, match="not a valid DOCX file"):
        parse_file(word_file(tmp_path / "deep.docx", document_xml=xml))


def test_a_one_line_data_dump_is_refused(tmp_path):
    dump = tmp_path / "dump.md"
    dump.write_text("# Data\n\n" + "x" * (MAX_LINE_CHARS + 1) + "\n")
    with pytest.raises(FileTooLarge, match="this looks like data or code"):
        parse_file(dump)


def test_a_parser_that_chokes_gives_a_reason_and_the_batch_goes_on(kb, tmp_path, monkeypatch):
    def choke(path):
        raise RecursionError("maximum recursion depth exceeded")

    real = parsing._parser_for
    monkeypatch.setattr(parsing, "_parser_for", lambda fmt: choke if fmt == "text" else real(fmt))
    (tmp_path / "a-choke.txt").write_text("Some text.\n")
    (tmp_path / "b-good.md").write_text("# Good\n\nWash hands for 20 seconds.\n")
    (tmp_path / "c-many.md").write_text(
        "# Many\n\n" + "\n\n".join(f"Paragraph {i} says a different thing." * 20 for i in range(40))
    )
    events = list(kb.ingest([tmp_path], IngestOptions(max_chunks=20)))
    results = {e.result.path.name: e.result for e in events if e.result is not None}
    assert results["a-choke.txt"].status == FAILED
    assert results["a-choke.txt"].reason == "could not be read as text: RecursionError"
    assert results["b-good.md"].status == ADDED
    assert results["c-many.md"].status == FAILED
    assert "over the limit of 20 a file" in results["c-many.md"].reason
