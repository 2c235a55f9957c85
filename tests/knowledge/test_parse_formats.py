"""Parsers for DOCX, HTML, Markdown and plain text: structure, provenance and bad input."""

from __future__ import annotations

import html as htmllib
import random
import re
from pathlib import Path

import docx
import pytest

from knowledge.document import Block, BlockKind, ParsedDocument
from knowledge.errors import CorruptFile, UnsupportedFormat
from knowledge.parsing import parse_file
from knowledge.parsing.hygiene import clean_block
from knowledge.parsing.text import parse_text

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"
MMWR = CORPUS / "cdc-mmwr-reports-2019-2022.html"

H, P, LI, T = BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.TABLE


def check_well_formed(doc: ParsedDocument) -> None:
    """Invariants every parser must keep, whatever the input."""
    assert doc.blocks
    for block in doc.blocks:
        assert block.text and block.text == block.text.strip()
        for line in block.text.split("\n"):
            # Single spaces everywhere; only an empty table cell shows as "|  |".
            assert line and line == line.strip()
            assert "  " not in re.sub(r"\|\s+(?=\|)", "|", line)
        assert block.page is None and block.position >= 1
        if block.kind is H:
            assert block.level >= 1 and block.section[-1] == block.text
        else:
            assert block.level == 0
        if block.kind is not T:
            assert "\n" not in block.text or block.kind is P  # only code keeps lines
    positions = [b.position for b in doc.blocks]
    assert positions == sorted(positions)


def shape(doc: ParsedDocument) -> list[tuple[BlockKind, str]]:
    return [(b.kind, b.text) for b in doc.blocks]


def find(doc: ParsedDocument, text: str) -> Block:
    return next(b for b in doc.blocks if text in b.text)


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


# --- DOCX ---------------------------------------------------------------------------------------


def build_docx(path: Path, title: str | None = "Sepsis Protocol") -> Path:
    document = docx.Document()
    if title:
        document.core_properties.title = title
    document.core_properties.author = "Dr Ada Grey"
    document.add_heading("Recognition", level=1)  # body child 1
    document.add_paragraph("Screen every  adult with\u00a0suspected infection.")  # 2
    document.add_paragraph("Fever", style="List Bullet")  # 3
    document.add_paragraph("Hypotension", style="List Bullet")  # 4
    document.add_heading("Scoring", level=2)  # 5
    table = document.add_table(rows=3, cols=3)  # 6
    header = table.rows[0].cells
    header[0].text, header[1].text = "Sign", "Points"
    header[1].merge(header[2])  # a spanned header cell must appear once
    for row, (sign, points, note) in zip(
        table.rows[1:],
        [("RR \u2265 22", "1", "per minute"), ("SBP \u2264 100", "1", "mmHg")],
        strict=True,
    ):
        row.cells[0].text, row.cells[1].text, row.cells[2].text = sign, points, note
    document.add_paragraph("Two points or more: escalate.")  # 7
    document.add_paragraph("")  # 8: empty, skipped but still counted
    document.add_heading("Treatment", level=1)  # 9
    document.add_paragraph("Give antibiotics within one hour.", style="List Number")  # 10
    document.save(path)
    return path


def test_docx_blocks_sections_and_table_in_place(tmp_path):
    doc = parse_file(build_docx(tmp_path / "sepsis.docx"))
    check_well_formed(doc)
    assert (doc.format, doc.title, doc.position_unit) == ("docx", "Sepsis Protocol", "paragraph")
    assert doc.metadata["author"] == "Dr Ada Grey"
    assert shape(doc) == [
        (H, "Recognition"),
        (P, "Screen every adult with suspected infection."),
        (LI, "Fever"),
        (LI, "Hypotension"),
        (H, "Scoring"),
        (T, "Sign | Points\nRR \u2265 22 | 1 | per minute\nSBP \u2264 100 | 1 | mmHg"),
        (P, "Two points or more: escalate."),
        (H, "Treatment"),
        (LI, "Give antibiotics within one hour."),
    ]
    assert [b.position for b in doc.blocks] == [1, 2, 3, 4, 5, 6, 7, 9, 10]
    table = find(doc, "Sign | Points")
    assert table.section == ("Recognition", "Scoring")
    assert find(doc, "escalate").section == ("Recognition", "Scoring")
    treatment = find(doc, "Treatment")
    assert (treatment.level, treatment.section) == (1, ("Treatment",))
    assert find(doc, "antibiotics").section == ("Treatment",)
    assert find(doc, "Scoring").level == 2


def test_docx_title_falls_back_to_first_heading(tmp_path):
    doc = parse_file(build_docx(tmp_path / "untitled.docx", title=None))
    assert doc.title == "Recognition"


def test_docx_title_style_is_a_top_level_heading(tmp_path):
    document = docx.Document()
    document.add_heading("Ward Handbook", level=0)  # the "Title" style
    document.add_paragraph("Welcome to the ward.")
    path = tmp_path / "handbook.docx"
    document.save(path)
    doc = parse_file(path)
    assert shape(doc) == [(H, "Ward Handbook"), (P, "Welcome to the ward.")]
    assert doc.blocks[1].section == ("Ward Handbook",)
    assert doc.title == "Ward Handbook"


def test_docx_custom_heading_style_and_outline_level(tmp_path):
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    custom = document.styles.add_style("Protocol Step", WD_STYLE_TYPE.PARAGRAPH)
    custom.base_style = document.styles["Heading 2"]
    document.add_heading("Chapter", level=1)
    document.add_paragraph("Step one", style="Protocol Step")
    outlined = document.add_paragraph("Annex")
    level = OxmlElement("w:outlineLvl")
    level.set(qn("w:val"), "0")  # 0-based: a top-level heading without a heading style
    outlined._p.get_or_add_pPr().append(level)
    document.add_paragraph("Annex body.")
    path = tmp_path / "custom.docx"
    document.save(path)
    doc = parse_file(path)
    assert [(b.kind, b.text, b.level) for b in doc.blocks] == [
        (H, "Chapter", 1),
        (H, "Step one", 2),
        (H, "Annex", 1),
        (P, "Annex body.", 0),
    ]
    assert doc.blocks[1].section == ("Chapter", "Step one")
    assert doc.blocks[3].section == ("Annex",)


def test_docx_random_bytes_are_refused(tmp_path):
    path = write(tmp_path, "scan.docx", random.Random(7).randbytes(4000))
    with pytest.raises(UnsupportedFormat, match="not a DOCX file"):
        parse_file(path)
    # The parser itself, called directly, also refuses it with a clear reason.
    from knowledge.parsing.docx import parse_docx

    with pytest.raises(CorruptFile, match="not a valid DOCX file: the ZIP container"):
        parse_docx(path)


def test_docx_truncated_file_is_corrupt(tmp_path):
    whole = build_docx(tmp_path / "whole.docx").read_bytes()
    path = write(tmp_path, "half.docx", whole[: len(whole) // 2])
    with pytest.raises(CorruptFile, match=r"^not a valid DOCX file: .*(damaged|truncated)"):
        parse_file(path)


def test_docx_zip_without_document_part_is_corrupt(tmp_path):
    import zipfile

    path = tmp_path / "fake.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("notes.txt", "hello")
    with pytest.raises(CorruptFile, match="no word/document.xml"):
        parse_file(path)


# --- HTML ---------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="en"><head><title>Hand Hygiene | Infection Control</title>
<meta name="author" content="IPC Team"><style>p {color: red}</style>
<script>var tracking = "SCRIPT-NOISE";</script></head>
<body>
<header class="site-header"><a href="/">Hospital home</a></header>
<nav><ul><li><a href="/a">NAV-NOISE</a></li></ul></nav>
<div class="breadcrumb">Home &gt; IPC &gt; BREADCRUMB-NOISE</div>
<p>OUTSIDE-MAIN-NOISE</p>
<main>
  <h1>Hand Hygiene</h1>
  <p>Clean hands <em>before</em> and after <a href="https://who.int">every patient</a>
     contact.<span class="sr-only">external icon</span></p>
  <div role="navigation">ROLE-NAV-NOISE</div>
  <p><a href="#moments">Moments</a> | <a href="#top">Back to top</a></p>
  <h2 id="moments">Five moments</h2>
  <ol>
    <li>Before touching a patient
      <ul><li>including handshakes</li></ul>
    </li>
    <li><p>After body fluid exposure</p></li>
  </ol>
  Loose text in main.
  <h3>Products</h3>
  <table>
    <caption>Table 1. Products by use</caption>
    <tbody><tr><td>Alcohol rub</td><td>Routine</td></tr>
    <tr><td>Soap &amp; water</td><td>Visible soil; <b>C.&nbsp;difficile</b></td></tr></tbody>
    <thead><tr><th>Product</th><th>When</th></tr></thead>
  </table>
  <pre>step 1:   wet hands
step 2:   apply soap</pre>
  <blockquote>Hand hygiene saves lives.</blockquote>
  <h2>Audit</h2>
  <p>Audit monthly.</p>
  <button>Print BUTTON-NOISE</button>
  <div class="cookie-banner">We use COOKIE-NOISE</div>
  <aside>ASIDE-NOISE</aside>
  <noscript>NOSCRIPT-NOISE</noscript>
</main>
<footer>FOOTER-NOISE</footer>
</body></html>"""


def test_html_main_content_structure_without_boilerplate(tmp_path):
    doc = parse_file(write(tmp_path, "hygiene.html", PAGE))
    check_well_formed(doc)
    assert (doc.format, doc.title, doc.position_unit) == (
        "html",
        "Hand Hygiene | Infection Control",
        "paragraph",
    )
    assert doc.metadata == {"author": "IPC Team", "language": "en"}
    assert "NOISE" not in "\n".join(b.text for b in doc.blocks)
    assert shape(doc) == [
        (H, "Hand Hygiene"),
        (P, "Clean hands before and after every patient contact."),
        (H, "Five moments"),
        (LI, "Before touching a patient"),
        (LI, "including handshakes"),
        (LI, "After body fluid exposure"),
        (P, "Loose text in main."),
        (H, "Products"),
        (P, "Table 1. Products by use"),
        (T, "Product | When\nAlcohol rub | Routine\nSoap & water | Visible soil; C. difficile"),
        (P, "step 1: wet hands\nstep 2: apply soap"),
        (P, "Hand hygiene saves lives."),
        (H, "Audit"),
        (P, "Audit monthly."),
    ]
    assert [b.position for b in doc.blocks] == list(range(1, 15))
    assert find(doc, "Alcohol rub").section == ("Hand Hygiene", "Five moments", "Products")
    assert find(doc, "handshakes").section == ("Hand Hygiene", "Five moments")
    audit = find(doc, "Audit monthly")
    assert audit.section == ("Hand Hygiene", "Audit")
    assert find(doc, "Products").level == 3


def test_html_without_main_reads_body_and_titles_fall_back(tmp_path):
    page = (
        '<html><head><meta property="og:title" content="Falls Policy"></head><body>'
        "<nav>Menu</nav><div><h2>Scope</h2>All inpatients.<br>Day and night.</div></body></html>"
    )
    doc = parse_file(write(tmp_path, "falls.htm", page))
    assert doc.title == "Falls Policy"
    assert shape(doc) == [(H, "Scope"), (P, "All inpatients. Day and night.")]
    assert doc.blocks[1].section == ("Scope",)
    untitled = parse_file(
        write(tmp_path, "plain.html", "<html><body><h3>Dosing</h3></body></html>")
    )
    assert untitled.title == "Dosing"


def test_html_articles_layout_tables_and_hidden_text(tmp_path):
    page = """<html><head><meta charset="x-unknown"></head><body>
    <div class="skip-link"><a href="#a">Skip to content</a></div>
    <article><header><h1>Line Care</h1></header>
      <p hidden>HIDDEN-NOISE</p><p style="display: none">HIDDEN-NOISE</p>
      <table role="presentation"><tr>
        <td><h2>Insertion</h2><p>Use full barrier precautions.</p></td>
        <td><table><tr><th>Day</th><th>Check</th></tr><tr><td></td><td>Dressing</td></tr></table>
        </td></tr></table>
      <ul class="social-share"><li>Share-NOISE</li></ul>
    </article>
    <div>OUTSIDE-NOISE</div></body></html>"""
    doc = parse_file(write(tmp_path, "line.html", page))
    check_well_formed(doc)
    assert doc.title == "Line Care"  # no <title>: the first heading
    assert shape(doc) == [
        (H, "Line Care"),  # an article's own <header> is content, not site chrome
        (H, "Insertion"),
        (P, "Use full barrier precautions."),
        (T, "Day | Check\n| Dressing"),  # the layout table is unwrapped, the data table kept
    ]
    assert doc.blocks[-1].section == ("Line Care", "Insertion")


def test_html_decodes_declared_and_undeclared_charsets(tmp_path):
    body = "<p>Caf\u00e9 \u2013 \u201cdose\u201d</p>"
    declared = f'<html><head><meta charset="windows-1252"></head><body>{body}</body></html>'
    doc = parse_file(write(tmp_path, "cp.html", declared.encode("cp1252")))
    assert doc.blocks[0].text == "Caf\u00e9 \u2013 \u201cdose\u201d"
    # No declaration and not UTF-8: the Windows-1252 fallback still reads it.
    plain = f"<html><body>{body}</body></html>".encode("cp1252")
    assert parse_file(write(tmp_path, "nodecl.html", plain)).blocks[0].text.startswith("Caf\u00e9")
    # Declared UTF-8 with a damaged byte: no crash, the good characters survive.
    broken = '<html><head><meta charset="utf-8"></head><body><p>Caf\u00e9 \u2264 5 \xff ok</p>'
    data = broken.encode("utf-8").replace(b"\xc3\xbf", b"\xff")
    text = parse_file(write(tmp_path, "bad.html", data)).blocks[0].text
    assert text.startswith("Caf\u00e9 \u2264 5") and text.endswith("ok")


@pytest.fixture(scope="module")
def mmwr() -> ParsedDocument:
    """How long the 2.9 MB page takes to parse is measured by benchmarks/ingest.py (per-file
    times), never asserted here."""
    if not MMWR.is_file():
        pytest.skip(f"shared corpus not available at {CORPUS}")
    return parse_file(MMWR)


def mmwr_report_titles() -> list[str]:
    """The 56 report titles, read straight from the raw HTML (independent of the parser)."""
    raw = MMWR.read_text(encoding="utf-8")
    found = re.findall(r'<h1><a id="_mm\w+"></a>(.*?)\s*\[<a', raw, flags=re.DOTALL)
    return [clean_block(htmllib.unescape(re.sub(r"<[^>]+>", "", t))) for t in found]


@pytest.mark.slow
def test_mmwr_reports_become_top_level_sections(mmwr):
    doc = mmwr
    check_well_formed(doc)
    assert doc.title == "Full reports selected for MMWR review"
    top_headings = [b.text for b in doc.blocks if b.kind is H and b.level == 1]
    assert top_headings[0] == "MMWR reports selected for review"
    sections = {b.section[0] for b in doc.blocks if b.section}
    titles = mmwr_report_titles()
    assert len(titles) == 56
    assert len(sections - {"MMWR reports selected for review"}) >= 56
    for title in titles:
        assert any(s.startswith(title) for s in sections), title
    opioid = next(s for s in sections if "Opioid Prescribing Rates in Nonmetropolitan" in s)
    assert opioid.startswith(
        "Opioid Prescribing Rates in Nonmetropolitan and Metropolitan Counties Among Primary "
        "Care Providers Using an Electronic Health Record System"
    )


@pytest.mark.slow
def test_mmwr_body_text_tables_and_noise(mmwr):
    doc = mmwr
    sentence = (
        "Opioid prescribing rates vary by county urbanization level and are declining overall."
    )
    block = find(doc, sentence)
    assert block.kind is P
    assert block.section[0].startswith("Opioid Prescribing Rates in Nonmetropolitan")
    assert block.section[-1] == "Summary"
    discussion = find(doc, "Throughout the analysis period, opioid prescribing rates by primary")
    assert discussion.section[1:] == ("Discussion",)
    tables = [b for b in doc.blocks if b.kind is T]
    assert len(tables) == 86
    first = tables[0]
    assert first.text.startswith("Urban-rural category* | No. of patient-weeks")
    assert "\nNoncore | 8,979,403 | 864,364 | 9.6 | 10.3 | 9.9 | 9.0\n" in first.text
    assert first.section[0].startswith("Opioid Prescribing Rates")
    texts = [b.text for b in doc.blocks]
    assert not any("Top of page" in t or "external icon" in t for t in texts)
    assert not any("switchLanguage" in t for t in texts)


# --- Markdown -----------------------------------------------------------------------------------

MARKDOWN = """---
title: "Anticoagulation Guide"
author: Pharmacy
tags: [warfarin]
---
Warfarin
========

Check the **INR** before _every_ dose; see [the chart](https://example.org/inr).

Monitoring
----------

- Daily INR
  while loading
- Weekly once stable

### Targets

| Indication | INR |
|------------|-----|
| AF         | 2-3 |
| *Mechanical valve* | 2.5-3.5 |

```
dose = weight * 0.1
```

> Bleeding risk rises above INR 4.
"""


def test_markdown_front_matter_headings_lists_tables(tmp_path):
    doc = parse_file(write(tmp_path, "warfarin.md", MARKDOWN))
    check_well_formed(doc)
    assert (doc.format, doc.title, doc.position_unit) == (
        "markdown",
        "Anticoagulation Guide",
        "line",
    )
    assert doc.metadata == {"author": "Pharmacy"}
    assert shape(doc) == [
        (H, "Warfarin"),
        (P, "Check the INR before every dose; see the chart."),
        (H, "Monitoring"),
        (LI, "Daily INR while loading"),
        (LI, "Weekly once stable"),
        (H, "Targets"),
        (T, "Indication | INR\nAF | 2-3\nMechanical valve | 2.5-3.5"),
        (P, "dose = weight * 0.1"),
        (P, "Bleeding risk rises above INR 4."),
    ]
    # Positions are 1-based source lines, counted with the front matter.
    assert [b.position for b in doc.blocks] == [6, 9, 11, 14, 16, 18, 20, 25, 29]
    assert [b.level for b in doc.blocks if b.kind is H] == [1, 2, 3]
    assert find(doc, "Mechanical").section == ("Warfarin", "Monitoring", "Targets")
    assert find(doc, "Daily INR").section == ("Warfarin", "Monitoring")


def test_markdown_without_front_matter_uses_first_heading(tmp_path):
    source = "---\n\nIntro line.\n\n## Dosing\n\nText.\n"
    doc = parse_file(write(tmp_path, "notes.markdown", source))
    assert doc.title == "Dosing"
    assert shape(doc) == [(P, "Intro line."), (H, "Dosing"), (P, "Text.")]
    assert [b.position for b in doc.blocks] == [3, 5, 7]
    assert doc.blocks[0].section == ()


# --- Plain text ---------------------------------------------------------------------------------

TEXT = """Discharge Checklist
===================

PURPOSE

This checklist is used for every adult discharge from
the medical wards; it is not a substi-
tute for clinical judgement.

1.2 Scope

- Medication reconciliation
- Follow-up booked
  within 7 days

1. Give the patient a copy.

DO NOT CRUSH TABLETS.

Remember: THE PATIENT MUST LEAVE WITH A COPY OF THIS LETTER IN HAND BEFORE TRANSPORT.
"""


def test_text_paragraphs_headings_and_lines(tmp_path):
    doc = parse_file(write(tmp_path, "discharge.txt", TEXT))
    check_well_formed(doc)
    assert (doc.format, doc.title, doc.position_unit) == ("text", "Discharge Checklist", "line")
    assert shape(doc) == [
        (H, "Discharge Checklist"),
        (H, "PURPOSE"),
        (
            P,
            "This checklist is used for every adult discharge from the medical wards; "
            "it is not a substitute for clinical judgement.",
        ),
        (H, "1.2 Scope"),
        (LI, "Medication reconciliation"),
        (LI, "Follow-up booked within 7 days"),
        (LI, "1. Give the patient a copy."),
        (P, "DO NOT CRUSH TABLETS."),
        (
            P,
            "Remember: THE PATIENT MUST LEAVE WITH A COPY OF THIS LETTER IN HAND BEFORE TRANSPORT.",
        ),
    ]
    assert [b.position for b in doc.blocks] == [1, 4, 6, 10, 12, 13, 16, 18, 20]
    assert [b.level for b in doc.blocks if b.kind is H] == [1, 1, 2]
    assert find(doc, "substitute").section == ("PURPOSE",)
    assert find(doc, "Follow-up").section == ("PURPOSE", "1.2 Scope")


def test_text_encodings_utf8_bom_and_cp1252(tmp_path):
    content = "Caf\u00e9 rounds\r\n\r\nDose \u2264 5 mg \u2013 \u201cslowly\u201d.\r\n"
    bom = parse_file(write(tmp_path, "bom.txt", b"\xef\xbb\xbf" + content.encode("utf-8")))
    assert shape(bom) == [
        (P, "Caf\u00e9 rounds"),
        (P, "Dose \u2264 5 mg \u2013 \u201cslowly\u201d."),
    ]
    assert [b.position for b in bom.blocks] == [1, 3]
    assert bom.title == "Caf\u00e9 rounds"
    legacy = "Caf\u00e9 rounds\r\n\r\nDose 5 mg \u2013 \u201cslowly\u201d.\r\n".encode("cp1252")
    doc = parse_file(write(tmp_path, "legacy.txt", legacy))
    assert shape(doc) == [(P, "Caf\u00e9 rounds"), (P, "Dose 5 mg \u2013 \u201cslowly\u201d.")]


def test_text_binary_content_is_refused(tmp_path):
    blob = random.Random(3).randbytes(20_000)
    with pytest.raises(UnsupportedFormat, match="binary content"):
        parse_file(write(tmp_path, "blob.txt", blob))
    # Without NUL bytes the sniffer lets it through; the text parser must still refuse it.
    no_nul = bytes(b if b else 1 for b in blob)
    with pytest.raises(UnsupportedFormat, match="^binary content, not a text document$"):
        parse_text(write(tmp_path, "blob2.txt", no_nul))
