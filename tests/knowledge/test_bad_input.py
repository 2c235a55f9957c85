"""Bad input gets one clear reason, from the parser and from a batch ingest alike.

Each bad file is refused on its own with a specific IngestError subclass and message; in a
batch, the good files around it are still ingested and nothing of a refused file (no catalog
record, no chunk) is left in the store.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest
from pdf_factory import (
    corrupt_pdf,
    encrypted_pdf,
    png_bytes,
    scanned_pdf,
    text_pdf,
    truncated_copy,
)

from knowledge.errors import (
    CorruptFile,
    EmptyFile,
    EncryptedFile,
    FileTooLarge,
    IngestError,
    NoTextFound,
    UnsupportedFormat,
)
from knowledge.ingest import ADDED, FAILED, FileResult, IngestOptions
from knowledge.parsing import parse_file

OPIOID = "cdc-opioid-prescribing-guideline-2022.pdf"

GOOD_PDF_TEXT = [
    "Screen every adult with suspected infection using the sepsis screening tool.",
    "Escalate to the sepsis team within one hour when two or more red flags are present.",
]
OTHER_PDF_TEXT = [
    "Check the patient's name and date of birth against the wristband before every dose.",
]
CP1252_TEXT = "Café protocol — naïve patients receive 5 mg; ±2 °C tolerance is “acceptable”.\n"


def _docx(path: Path, text: str) -> Path:
    document = docx.Document()
    document.core_properties.title = "Word handover note"
    document.add_paragraph(text)
    document.save(str(path))
    return path


# --- Bad files: builder, expected error class, message ---------------------------------------


@dataclass(frozen=True)
class Bad:
    name: str
    build: Callable[[Path, Path], object]  # (path, corpus) -> writes the file at path
    error: type[IngestError]
    reason: str  # regex that the one-line reason must match


BAD = [
    Bad(
        "corrupt.pdf",
        lambda p, c: corrupt_pdf(p),
        CorruptFile,
        r"^not a readable PDF \(damaged or truncated\): .*Data format error",
    ),
    # pdfium cannot open the first 30% of the opioid guideline at all.
    Bad(
        "truncated-30.pdf",
        lambda p, c: truncated_copy(c / OPIOID, p, 0.30),
        CorruptFile,
        r"^not a readable PDF \(damaged or truncated\)",
    ),
    # The first 97% it does open, with all 100 pages, two of them silently empty: refused too.
    Bad(
        "truncated-97.pdf",
        lambda p, c: truncated_copy(c / OPIOID, p, 0.97),
        CorruptFile,
        r"^the PDF is incomplete: the file ends early .*get a complete copy",
    ),
    Bad(
        "encrypted.pdf",
        lambda p, c: encrypted_pdf(p),
        EncryptedFile,
        r"^the PDF is password-protected; save an unprotected copy and ingest that$",
    ),
    Bad("empty.txt", lambda p, c: p.write_bytes(b""), EmptyFile, r"^file is empty \(0 bytes\)$"),
    Bad("empty.pdf", lambda p, c: p.write_bytes(b""), EmptyFile, r"^file is empty \(0 bytes\)$"),
    Bad(
        "scanned.pdf",
        lambda p, c: scanned_pdf(p),
        NoTextFound,
        r"^no extractable text: this looks like a scanned \(image-only\) PDF; "
        r"run it through OCR first",
    ),
    Bad(
        "photo.pdf",
        lambda p, c: p.write_bytes(png_bytes()),
        UnsupportedFormat,
        r"^this is a PNG image, not a supported document$",
    ),
    Bad(
        "export.txt",
        lambda p, c: p.write_bytes(bytes(range(256)) * 40),
        UnsupportedFormat,
        r"^binary content, not a text document$",
    ),
]


@pytest.mark.parametrize("bad", BAD, ids=[b.name for b in BAD])
def test_parse_file_gives_one_specific_reason(bad, tmp_path, corpus):
    path = tmp_path / bad.name
    bad.build(path, corpus)
    with pytest.raises(IngestError) as caught:
        parse_file(path)
    assert type(caught.value) is bad.error
    message = str(caught.value)
    assert re.search(bad.reason, message), message
    assert "\n" not in message and "Traceback" not in message


def test_nonexistent_path(tmp_path):
    with pytest.raises(IngestError) as caught:
        parse_file(tmp_path / "missing.pdf")
    assert type(caught.value) is IngestError
    assert str(caught.value) == "cannot read file: No such file or directory"


def test_directory_named_like_a_file(tmp_path):
    folder = tmp_path / "minutes.pdf"
    folder.mkdir()
    with pytest.raises(IngestError) as caught:
        parse_file(folder)
    assert type(caught.value) is IngestError
    assert str(caught.value) == "cannot read file: Is a directory"


def test_broken_symlink(tmp_path):
    link = tmp_path / "policy.pdf"
    link.symlink_to(tmp_path / "moved-away.pdf")
    with pytest.raises(IngestError) as caught:
        parse_file(link)
    assert str(caught.value) == "cannot read file: No such file or directory"


def test_file_without_read_permission(tmp_path, kb):
    path = text_pdf(tmp_path / "locked-down.pdf", GOOD_PDF_TEXT)
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip(
                "running as root (or with CAP_DAC_OVERRIDE): chmod 000 does not stop "
                "reading; the directory and broken-symlink cases cover unreadable paths"
            )
        with pytest.raises(IngestError) as caught:
            parse_file(path)
        assert str(caught.value) == "cannot read file: Permission denied"
        results = _ingest(kb, [path])
        assert results["locked-down.pdf"].status == FAILED
        assert results["locked-down.pdf"].reason == "cannot read file: Permission denied"
        assert kb.versions(include_unfinished=True) == []
    finally:
        path.chmod(0o644)


def test_size_limit_names_both_sizes(tmp_path):
    path = text_pdf(tmp_path / "big.pdf", GOOD_PDF_TEXT * 40, compress=False)
    size = path.stat().st_size
    assert size > 10_000
    with pytest.raises(FileTooLarge) as caught:
        parse_file(path, max_bytes=10_000)
    assert str(caught.value) == (
        f"file is {size / 1e6:.3g} MB, over the 0.01 MB limit (setting ingest.max_file_mb)"
    )
    with pytest.raises(FileTooLarge, match=r"^file is 250 MB, over the 200 MB limit"):
        big = tmp_path / "huge.txt"
        with big.open("wb") as fh:  # sparse: no 250 MB written to disk
            fh.truncate(250_000_000)
        parse_file(big)


# --- Wrong extensions: the content decides -----------------------------------------------------


def test_real_pdf_named_docx_is_parsed_as_pdf(tmp_path):
    path = text_pdf(tmp_path / "handover.docx", OTHER_PDF_TEXT, title="Medication checks")
    doc = parse_file(path)
    assert doc.format == "pdf" and doc.page_count == 1
    assert doc.title == "Medication checks"
    assert [b.text for b in doc.blocks] == OTHER_PDF_TEXT


def test_docx_named_txt_is_parsed_as_docx(tmp_path):
    path = _docx(tmp_path / "handover.txt", "Hand over every patient with an SBAR summary.")
    doc = parse_file(path)
    assert doc.format == "docx"
    assert [b.text for b in doc.blocks] == ["Hand over every patient with an SBAR summary."]


def test_png_named_pdf_is_refused_as_an_image(tmp_path):
    path = tmp_path / "policy.pdf"
    path.write_bytes(png_bytes())
    with pytest.raises(UnsupportedFormat, match="PNG image"):
        parse_file(path)


def test_cp1252_text_is_decoded(tmp_path):
    path = tmp_path / "protocol.txt"
    path.write_bytes(CP1252_TEXT.encode("cp1252"))
    doc = parse_file(path)
    assert doc.format == "text"
    assert [b.text for b in doc.blocks] == [CP1252_TEXT.strip()]


def test_text_quoting_a_pdf_header_stays_text(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text(
        "Why the scan failed\n\nEvery PDF begins with %PDF-1.7 and this note is only about that.\n",
        encoding="utf-8",
    )
    doc = parse_file(path)
    assert doc.format == "text"
    assert "begins with %PDF-1.7" in doc.blocks[-1].text


# --- A batch: good files in, every bad file failed with its reason, nothing of it stored ------


def _ingest(kb, paths: list[Path], options: IngestOptions | None = None) -> dict[str, FileResult]:
    results: dict[str, FileResult] = {}
    for event in kb.ingest(paths, options or IngestOptions()):
        if event.result is not None:
            # The progress object is re-used: a result stays attached to later events.
            results[event.result.path.name] = event.result
    return results


def _stored_sources(kb) -> tuple[set[str], set[str]]:
    records = {v.source_name for v in kb.versions(include_unfinished=True)}
    chunks = {c.metadata["source_name"] for c in kb.index.get_chunks()}
    return records, chunks


def test_batch_ingests_good_files_and_fails_each_bad_one(kb, tmp_path, corpus):
    folder = tmp_path / "inbox"
    folder.mkdir()
    good = {
        "a-sepsis.pdf": lambda p: text_pdf(p, GOOD_PDF_TEXT, title="Sepsis screening"),
        "b-really-a-pdf.docx": lambda p: text_pdf(p, OTHER_PDF_TEXT, title="Medication checks"),
        "c-really-a-docx.txt": lambda p: _docx(p, "Hand over every patient with an SBAR summary."),
        "d-windows-1252.txt": lambda p: p.write_bytes(CP1252_TEXT.encode("cp1252")),
    }
    for name, build in good.items():
        build(folder / name)
    for bad in BAD:
        bad.build(folder / bad.name, corpus)
    # Same bytes as a-sepsis.pdf under another name; sorts after it, so it comes second.
    shutil.copyfile(folder / "a-sepsis.pdf", folder / "z-copy-of-sepsis.pdf")
    missing = tmp_path / "not-there.pdf"
    dangling = tmp_path / "dangling.pdf"
    dangling.symlink_to(tmp_path / "gone.pdf")

    results = _ingest(kb, [folder, missing, dangling])

    expected_names = {
        *good,
        *(b.name for b in BAD),
        "z-copy-of-sepsis.pdf",
        missing.name,
        dangling.name,
    }
    assert set(results) == expected_names
    for name in good:
        result = results[name]
        assert (result.status, result.reason) == (ADDED, ""), name
        assert result.chunks >= 1 and result.version == 1
    assert results["b-really-a-pdf.docx"].pages == 1
    for bad in BAD:
        result = results[bad.name]
        assert result.status == FAILED, bad.name
        assert re.search(bad.reason, result.reason), (bad.name, result.reason)
        assert result.doc_id == "" and result.chunks == 0
    duplicate = results["z-copy-of-sepsis.pdf"]
    assert duplicate.status == FAILED
    assert re.fullmatch(
        r"same content as document '[\w.-]+' version 1 \(a-sepsis\.pdf\); "
        r"not ingested twice",
        duplicate.reason,
    ), duplicate.reason
    assert (results[missing.name].status, results[missing.name].reason) == (
        FAILED,
        "no such file or folder",
    )
    assert (results[dangling.name].status, results[dangling.name].reason) == (
        FAILED,
        "broken link: its target is missing",  # said as what it is
    )

    records, chunk_sources = _stored_sources(kb)
    assert records == set(good)
    assert chunk_sources == set(good)
    assert all(v.state == "ready" for v in kb.versions(include_unfinished=True))
    stored = " ".join(c.text for c in kb.index.get_chunks())
    assert "Screen every adult with suspected infection" in stored
    assert "Café protocol — naïve patients" in stored
    assert "Hand over every patient with an SBAR summary." in stored


def test_batch_size_limit(kb, tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    small = folder / "small.txt"
    small.write_text("Wash hands before and after every patient contact.\n", encoding="utf-8")
    big = text_pdf(folder / "big.pdf", GOOD_PDF_TEXT * 40, compress=False)

    results = _ingest(kb, [folder], IngestOptions(max_file_mb=0.01))

    assert results["small.txt"].status == ADDED
    assert results["big.pdf"].status == FAILED
    assert results["big.pdf"].reason == (
        f"file is {big.stat().st_size / 1e6:.3g} MB, over the 0.01 MB limit "
        "(setting ingest.max_file_mb)"
    )
    assert _stored_sources(kb) == ({"small.txt"}, {"small.txt"})


def test_broken_symlink_inside_a_folder_is_reported(kb, tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "ok.txt").write_text("Label every specimen at the bedside.\n", encoding="utf-8")
    (folder / "moved.pdf").symlink_to(tmp_path / "elsewhere.pdf")

    results = _ingest(kb, [folder])

    assert results["ok.txt"].status == ADDED
    assert results["moved.pdf"].status == FAILED
    assert "broken link" in results["moved.pdf"].reason
