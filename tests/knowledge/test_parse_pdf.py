"""The PDF parser on real public-domain documents (and the demo pack's PDF).

Each fact checked here was read off the PDF itself: expected sentences are also looked up in
pdfium's raw text of their physical page, so a test that names the wrong page fails loudly
instead of passing by accident. Whitespace is normalised in comparisons only.
"""

from __future__ import annotations

import re
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from knowledge.chunking import Chunk, chunk_document
from knowledge.document import Block, BlockKind, ParsedDocument
from knowledge.embedding import WordPieceCounter
from knowledge.parsing import parse_file
from knowledge.parsing.pdf_outline import read_outline

OPIOID = "cdc-opioid-prescribing-guideline-2022.pdf"
INFECTION = "cdc-infection-prevention-outpatient-2016.pdf"
NIDDK = "niddk-eating-and-diabetes.pdf"
FDA = "fda-bioavailability-studies-guidance-2022.pdf"
FALLS = Path(__file__).resolve().parents[2] / "assets" / "demo" / "falls-prevention.pdf"

# Parsing the 100-page opioid guideline alone takes seconds: keep this module's tests on one
# xdist worker (pyproject's --dist loadgroup) so each PDF is parsed once, not once per worker.
pytestmark = pytest.mark.xdist_group("corpus-pdfs")

REC_1 = (
    "Recommendations",
    "Determining Whether or Not to Initiate Opioids for Pain",
    "Recommendation 1",
)


def ws(text: str) -> str:
    return " ".join(text.split())


def squash(text: str) -> str:
    """Letters and digits only: compares a sentence with pdfium's raw, line-broken page text."""
    return re.sub(r"[^a-z0-9]", "", text.lower())


class Parsed:
    """One corpus PDF, parsed and chunked once per module, with pdfium's raw page texts."""

    def __init__(self, path: Path):
        self.doc: ParsedDocument = parse_file(path)
        self.chunks: list[Chunk] = chunk_document(self.doc, WordPieceCounter(), "test-seed")
        pdf = pdfium.PdfDocument(str(path))
        try:
            self.raw_pages = []
            for index in range(len(pdf)):
                textpage = pdf[index].get_textpage()
                self.raw_pages.append(textpage.get_text_range())
                textpage.close()
            self.outline = read_outline(pdf)
        finally:
            pdf.close()
        self._squashed = [squash(raw) for raw in self.raw_pages]

    def blocks_with(self, text: str) -> list[Block]:
        return [b for b in self.doc.blocks if ws(text) in ws(b.text)]

    def chunks_with(self, text: str) -> list[Chunk]:
        return [c for c in self.chunks if ws(text) in ws(c.text)]

    def pages_with(self, text: str) -> set[int]:
        return {i + 1 for i, raw in enumerate(self._squashed) if squash(text) in raw}


@pytest.fixture(scope="module")
def _cache() -> dict[str, Parsed]:
    return {}


@pytest.fixture
def pdf(corpus, _cache):
    def get(name: str) -> Parsed:
        if name not in _cache:
            _cache[name] = Parsed(corpus / name)
        return _cache[name]

    return get


# --- Sentences land whole, in order, on the right page -------------------------------------

SENTENCES = [
    # Two-column MMWR layout. In Box 4 (left column), after "person-" was joined by pdfium.
    (
        OPIOID,
        19,
        "Flexibility to meet the care needs and the clinical circumstances of a "
        "specific patient is paramount.",
    ),
    # Starts at the foot of the left column and ends at the top of the right one.
    (
        OPIOID,
        19,
        "(See Recommendation 1 for determining whether or not to initiate opioids for "
        "acute pain [i.e., pain lasting <1 month] and Recommendation 2 for determining "
        "whether or not to initiate opioids for subacute pain [i.e., pain lasting 1–3 "
        "months] or chronic pain [i.e., pain lasting >3 months].)",
    ),
    # "decision-" ends a line: the compound keeps its hyphen and the paragraph stays whole.
    (
        OPIOID,
        21,
        "For pain management in the postpartum period, the American College of "
        "Obstetricians and Gynecologists (ACOG) recommends stepwise, multimodal, shared "
        "decision-making, incorporating pharmacologic treatments that might include "
        "opioids.",
    ),
    (
        OPIOID,
        21,
        "Serious adverse events were uncommon for opioids and other medications; "
        "however, studies were not designed to assess risk for overdose, opioid use "
        "disorder, or long-term harms (10).",
    ),
    # "manage-" / "ment" across a line end in a right-column bullet.
    (
        OPIOID,
        63,
        "Comparative effectiveness and risks of interventional procedures as part of a "
        "comprehensive pain management plan.",
    ),
    # An italic title filling a line of its own inside a sentence.
    (
        INFECTION,
        8,
        "Another tool is the Infection Prevention Checklist for Outpatient Settings "
        "(Appendix A), a companion to this guide.",
    ),
    (
        INFECTION,
        9,
        "Each outpatient facility should evaluate the services they provide to "
        "determine specific needs and to assure that sufficient and appropriate PPE is "
        "available for adherence to Standard Precautions.",
    ),
    # "organi-" / "zations" across a line end.
    (
        NIDDK,
        51,
        "The NDIC answers inquiries, develops and distributes publications, and works "
        "closely with professional and patient organizations and Government agencies to "
        "coordinate resources about diabetes.",
    ),
    (
        NIDDK,
        7,
        "Healthful eating helps keep your blood glucose, also called blood sugar, in your "
        "target range.",
    ),
    (
        FDA,
        9,
        "If the sponsor chooses, a pilot trial with a small number of subjects can be "
        "carried out before proceeding with a full-scale BA study.",
    ),
    # "well-" / "justified" across a line end.
    (
        FDA,
        14,
        "However, in instances where a PK endpoint is not possible, a well-justified PD "
        "endpoint should be used to determine BA or to demonstrate BE.",
    ),
]


@pytest.mark.parametrize(
    ("name", "page", "sentence"),
    SENTENCES,
    ids=[f"{n.split('-')[1]}-p{p}-{s[:24]}" for n, p, s in SENTENCES],
)
def test_sentence_is_whole_in_a_block_and_a_chunk_on_its_page(pdf, name, page, sentence):
    parsed = pdf(name)
    # The page is right by pdfium's own reading of the physical page.
    assert page in parsed.pages_with(sentence)
    blocks = parsed.blocks_with(sentence)
    assert blocks, f"no block holds the whole sentence: {sentence[:60]}..."
    # Every page that prints the sentence has a block with it, and no other page does.
    assert {b.page for b in blocks} == parsed.pages_with(sentence)
    block = next(b for b in blocks if b.page == page)
    assert block.kind in {BlockKind.PARAGRAPH, BlockKind.LIST_ITEM}
    assert block.position >= 1
    chunks = [c for c in parsed.chunks_with(sentence) if c.page_start <= page <= c.page_end]
    assert chunks, "the sentence is not whole inside any chunk for its page"
    assert chunks[0].section == block.section


def test_column_break_does_not_split_a_paragraph(pdf):
    # Page 19's "All patients with pain ..." paragraph runs from the foot of the left column to
    # the top of the right one: one block, text in reading order.
    parsed = pdf(OPIOID)
    block = parsed.blocks_with("All patients with pain should receive treatment")[0]
    assert block.page == 19 and block.kind is BlockKind.PARAGRAPH
    assert ws(block.text).startswith("All patients with pain should receive treatment that")
    assert ws(block.text).endswith("or chronic pain [i.e., pain lasting >3 months].)")
    left = ws(block.text).index("for subacute")
    right = ws(block.text).index("pain [i.e., pain lasting 1–3 months]")
    assert left < right


# --- Running headers, footers and page numbers ----------------------------------------------


def test_running_lines_and_page_numbers_are_removed(pdf):
    opioid = pdf(OPIOID)
    agency = "US Department of Health and Human Services/Centers for Disease Control and Prevention"
    issue = "MMWR / November 4, 2022 / Vol. 71 / No. 3"
    # The running line really is on the pages, agency first on odd pages and issue first on
    # even ones, with the page number at the outer edge ...
    odd, even = opioid.pages_with(f"{agency} {issue}"), opioid.pages_with(f"{issue} {agency}")
    assert len(odd) >= 45 and len(even) >= 45 and len(odd | even) >= 95
    # ... and in no block, not even in parts.
    for piece in (agency, "MMWR / November 4, 2022"):
        assert not opioid.blocks_with(piece)

    infection = pdf(INFECTION)
    assert len(infection.pages_with("Version 2.3 - September 2016")) >= 40
    assert not [b for b in infection.doc.blocks if "Version 2.3" in b.text]

    fda = pdf(FDA)
    assert len(fda.pages_with("Contains Nonbinding Recommendations")) >= 30
    assert not fda.blocks_with("Contains Nonbinding Recommendations")

    folio = re.compile(r"(page\s*)?(\d{1,4}|[ivxlc]{1,6})(\s*(of|/)\s*\d{1,4})?", re.I)
    for name in (OPIOID, INFECTION, NIDDK, FDA):
        bare = [(b.page, b.text) for b in pdf(name).doc.blocks if folio.fullmatch(b.text)]
        assert bare == [], name
    # The NIDDK booklet prints its folio well above the footer band ("1" on physical page 7).
    assert pdf(NIDDK).raw_pages[6].rstrip().endswith("1")


# --- Sections: outline first, font headings otherwise ----------------------------------------


def test_opioid_sections_follow_the_outline(pdf):
    parsed = pdf(OPIOID)
    titles = [(e.level, e.title) for e in parsed.outline]
    assert (0, "Recommendations") in titles and (2, "Recommendation 1") in titles
    # The PDF nests "Recommendation 2" under "Recommendation 1"; it is read as a sibling.
    assert (2, "Recommendation 2") in titles and (2, "Recommendation 12") in titles

    heading = next(
        b for b in parsed.doc.blocks if b.kind is BlockKind.HEADING and b.text == "Recommendation 1"
    )
    assert heading.page == 19 and heading.section == REC_1

    rec1 = parsed.blocks_with(
        "Before prescribing opioid therapy for acute pain, clinicians "
        "should discuss with patients the realistic benefits"
    )
    rec1 = [b for b in rec1 if b.page == 19]
    assert len(rec1) == 1 and rec1[0].section == REC_1
    important_role = "Opioid therapy has an important role for acute pain related to severe"
    considerations = parsed.blocks_with(important_role)
    assert {b.page for b in considerations} == parsed.pages_with(important_role) == {19, 22}
    (bullet,) = [b for b in considerations if b.page == 19]
    assert bullet.kind is BlockKind.LIST_ITEM and bullet.text.startswith("• Opioid therapy")
    assert bullet.section == (*REC_1, "Implementation Considerations")

    rec2 = [
        b
        for b in parsed.blocks_with(
            "Nonopioid therapies are preferred for subacute and chronic pain."
        )
        if b.page == 23
    ]
    assert rec2 and rec2[0].section == (REC_1[0], REC_1[1], "Recommendation 2")

    conclusion = parsed.blocks_with(
        "Effectiveness of clinician and health system strategies "
        "to promote equitable access to high-quality pain "
        "management."
    )
    assert [(b.page, b.section) for b in conclusion] == [
        (63, ("Conclusion and Future Directions",))
    ]


def test_fda_sections_follow_the_outline(pdf):
    parsed = pdf(FDA)
    top_level = [e.title for e in parsed.outline if e.level == 0]
    assert top_level[:2] == ["I. INTRODUCTION", "II. BACKGROUND"]
    # Outside the cover and contents pages, the top-level sections come in outline order.
    seen: list[str] = []
    for block in parsed.doc.blocks:
        top = block.section[0] if block.section else ""
        if block.page >= 4 and top in top_level and (not seen or seen[-1] != top):
            seen.append(top)
    assert seen == top_level

    def section_of(text: str, page: int) -> tuple[str, ...]:
        (block,) = [b for b in parsed.blocks_with(text) if b.page == page]
        return block.section

    assert section_of(
        "This guidance does not discuss information for demonstrating BE for "
        "drug products in abbreviated new drug applications",
        4,
    ) == ("I. INTRODUCTION",)
    assert section_of("If the sponsor chooses, a pilot trial", 9) == (
        "II. BACKGROUND",
        "A. In Vivo Studies",
        "2. Pilot Study",
    )
    # "a. Peak exposure" is set like body text; the outline still starts the section there.
    assert section_of("The sponsor should determine the peak exposure of the drug", 12) == (
        "II. BACKGROUND",
        "A. In Vivo Studies",
        "9. PK Measures of Systemic Exposure",
        "a. Peak exposure",
    )
    assert section_of("a well-justified PD endpoint", 14) == (
        "II. BACKGROUND",
        "B. Other Approaches to Determine the BA of a Drug",
        "3. PD Studies",
    )
    # A citation in italics at the start of a line is running text, not a heading.
    assert not [
        b
        for b in parsed.doc.blocks
        if b.kind is BlockKind.HEADING and "Furthermore, this guidance" in b.text
    ]


def test_infection_guide_takes_sections_from_font_headings(pdf):
    parsed = pdf(INFECTION)
    assert parsed.outline == []  # the PDF's only bookmark is no usable outline
    headings = {b.text: b for b in parsed.doc.blocks if b.kind is BlockKind.HEADING}
    assert headings["Hand Hygiene"].page == 8
    assert headings["Personal Protective Equipment"].page == 9
    assert headings["Injection Safety"].page == 10

    hand = parsed.blocks_with(
        "Good hand hygiene, including use of alcohol-based hand rubs "
        "(ABHR) and handwashing with soap and water, is critical"
    )
    assert len(hand) == 1 and hand[0].section[-1] == "Hand Hygiene"
    assert (
        "FUNDAMENTAL ELEMENTS NEEDED TO PREVENT TRANSMISSION OF INFECTIOUS AGENTS IN "
        "OUTPATIENT SETTINGS" in hand[0].section
    )
    ppe = parsed.blocks_with("Personal Protective Equipment (PPE) refers to wearable equipment")
    assert len(ppe) == 1 and ppe[0].page == 9
    assert ppe[0].section[-1] == "Personal Protective Equipment"
    assert "Hand Hygiene" not in ppe[0].section  # sibling headings replace each other


# --- Hyphenation at line ends ------------------------------------------------------------------

BROKEN_WORDS = [  # (file, page, left, right, joined)
    (NIDDK, 51, "organi", "zations", "organizations"),
    (OPIOID, 63, "manage", "ment", "management"),
    (OPIOID, 63, "strate", "gies", "strategies"),
    (OPIOID, 63, "pharmaco", "logic", "pharmacologic"),
]
COMPOUNDS = [  # (file, page, left, right): a real hyphenated word broken at its hyphen
    (OPIOID, 19, "person", "centered"),
    (OPIOID, 21, "decision", "making"),
    (OPIOID, 17, "end-of", "life"),
    (OPIOID, 62, "guideline", "concordant"),
    (FDA, 14, "well", "justified"),
    (FDA, 33, "DOSE", "DUMPING"),
    (INFECTION, 15, "Transmission", "Based"),
]


def _broken_on_page(parsed: Parsed, page: int, left: str, right: str) -> bool:
    raw = parsed.raw_pages[page - 1]
    return f"{left}\ufffe{right}" in raw or f"{left}-\r\n{right}" in raw


@pytest.mark.parametrize(("name", "page", "left", "right", "joined"), BROKEN_WORDS)
def test_word_broken_at_a_line_end_is_joined(pdf, name, page, left, right, joined):
    parsed = pdf(name)
    assert _broken_on_page(parsed, page, left, right)
    on_page = " ".join(b.text for b in parsed.doc.blocks if b.page <= page <= b.last_page)
    assert re.search(rf"\b{joined}\b", on_page)
    assert not [
        b
        for b in parsed.doc.blocks
        if f"{left}-{right}" in b.text
        or f"{left}- {right}" in b.text
        or f"{left} {right}" in b.text
    ]


@pytest.mark.parametrize(("name", "page", "left", "right"), COMPOUNDS)
def test_compound_broken_at_its_hyphen_keeps_it(pdf, name, page, left, right):
    parsed = pdf(name)
    assert _broken_on_page(parsed, page, left, right)
    on_page = " ".join(b.text for b in parsed.doc.blocks if b.page <= page <= b.last_page)
    assert f"{left}-{right}" in on_page
    assert not [
        b for b in parsed.doc.blocks if f"{left}{right}" in b.text or f"{left}- {right}" in b.text
    ]


def test_suspended_hyphen_before_a_conjunction_keeps_its_space(pdf):
    parsed = pdf(OPIOID)
    assert _broken_on_page(parsed, 83, "short", "and")
    assert parsed.blocks_with("associated with improved short- and long-term function")


# --- Document facts ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "pages", "title"),
    [
        (
            OPIOID,
            100,
            "CDC Clinical Practice Guideline for Prescribing Opioids for Pain — United "
            "States, 2022",
        ),
        (
            INFECTION,
            44,
            "Guide to Infection Prevention For Outpatient Settings: Minimum Expectations "
            "for Safe Care",
        ),
        (NIDDK, 52, "What I need to know about Eating and Diabetes"),
        (FDA, 33, "Bioavailability Studies Submitted in NDAs or INDs – General Considerations"),
    ],
)
def test_title_from_metadata_and_page_count(pdf, name, pages, title):
    doc = pdf(name).doc
    assert doc.format == "pdf" and doc.position_unit == "block"
    assert doc.page_count == pages == len(pdf(name).raw_pages)
    assert doc.title == title == doc.metadata["Title"]
    assert {b.page for b in doc.blocks} <= set(range(1, pages + 1))
    # Positions count blocks on their page from 1.
    for page in {b.page for b in doc.blocks}:
        positions = [b.position for b in doc.blocks if b.page == page]
        assert positions == list(range(1, len(positions) + 1))


# --- The demo pack's PDF -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def falls() -> ParsedDocument:
    return parse_file(FALLS)


def test_demo_pdf_structure(falls):
    assert falls.title == "Falls Prevention Policy"
    assert falls.page_count == 4
    assert falls.blocks[0].kind is BlockKind.HEADING
    assert falls.blocks[0].text == "Falls Prevention Policy" and falls.blocks[0].page == 1
    headings = [(b.page, b.level, b.text) for b in falls.blocks if b.kind is BlockKind.HEADING]
    assert (1, 2, "1. Purpose") in headings and (4, 2, "15. Related demo policies") in headings
    assert (1, 3, "5.1 When to assess") in headings and (2, 3, "5.2 What to assess") in headings


def test_demo_pdf_header_and_footer_are_removed(falls):
    # Every page has the running header on top and the demo notice plus "Page n of 4" at the
    # foot. The notice is also printed once in the body, under the title on page 1: that copy
    # is content (it tells the reader the policy is fictional) and stays, once.
    assert not [
        b for b in falls.blocks if "Demo General Hospital - Falls Prevention Policy" in b.text
    ]
    assert not [b for b in falls.blocks if re.search(r"Page \d of 4", b.text)]
    notices = [b for b in falls.blocks if b.text.startswith("DEMO CONTENT")]
    assert [(b.page, b.position) for b in notices] == [(1, 2)]
    assert notices[0].text == (
        "DEMO CONTENT - fictional policy for Demo General Hospital, "
        "written to demonstrate this software. Not clinical guidance."
    )
    # The body line that merely starts like the header is kept.
    assert falls.blocks[2].text.startswith("Demo General Hospital - Policy FP-003, version 3.2.")


def test_demo_pdf_neuro_observations_on_page_3(falls):
    every_15 = [b for b in falls.blocks if "every 15 minutes" in b.text.lower()]
    assert len(every_15) == 2 and {b.page for b in every_15} == {3}
    assert all("9. Neurological observations after a fall" in b.section for b in every_15)
    # a table row keeps its cells apart, and its header row is not taken for a heading
    assert any(b.text == "First hour (0-1 hours) | Every 15 minutes" for b in every_15)
    assert all(b.section[-1] == "9. Neurological observations after a fall" for b in every_15)
    assert any("return to observations every 15 minutes" in b.text for b in every_15)


def test_demo_pdf_list_running_over_a_page_break_keeps_its_items(falls):
    items = [
        (b.page, b.kind, b.text)
        for b in falls.blocks
        if b.text.startswith("- on transfer") or b.text.startswith("- after any fall")
    ]
    assert items == [
        (1, BlockKind.LIST_ITEM, "- on transfer to another ward, within 6 hours of arrival;"),
        (2, BlockKind.LIST_ITEM, "- after any fall, as part of the post-fall review;"),
    ]
    # A paragraph that does run over the break is one block spanning both pages.
    (doctor,) = [b for b in falls.blocks if b.text.startswith("A doctor must examine")]
    assert (doctor.page, doctor.end_page) == (2, 3)
    assert "within 30 minutes if there is a head strike or a suspected fracture" in doctor.text


# --- Page footnotes --------------------------------------------------------------------------


def test_sentence_over_a_page_break_is_not_cut_by_the_pages_footnotes(pdf):
    # FDA p. 9 ends mid-sentence; its footnote 16 (6.4 pt mark, 10.4 pt text) used to sit
    # between the two halves of the sentence that finishes at the top of p. 10.
    parsed = pdf(FDA)
    sentence = (
        "This reference-scaled BE approach is typically used for drugs with a high "
        "intrasubject variability (greater than or equal to 30 percent) or drugs with a "
        "narrow therapeutic index."
    )
    block = parsed.blocks_with(sentence)[0]
    assert (block.page, block.end_page) == (9, 10)
    assert "CFR" not in block.text
    chunks = parsed.chunks_with(sentence)
    assert chunks and chunks[0].page_start <= 9 and chunks[0].page_end >= 10
    # The footnote is kept, on its own page, as a paragraph of its own after the sentence.
    note = parsed.blocks_with("16 21 CFR 320.25 through 320.27")
    assert len(note) == 1 and note[0].page == 9
    assert parsed.doc.blocks.index(note[0]) > parsed.doc.blocks.index(block)


def test_printed_page_labels_are_kept_where_they_differ_from_the_page(pdf):
    labels = pdf(OPIOID).doc.page_labels
    assert labels[1] == "i" and labels[3] == "1" and labels[46] == "44"
    assert all(str(page) != label for page, label in labels.items())
    assert pdf("fda-bioavailability-studies-guidance-2022.pdf").doc.page_labels == {}


def test_table_rows_keep_their_cells_apart(pdf):
    """Cells side by side (a gap of over two font sizes) are marked " | ", one row per line;
    a first cell wrapped onto a second line stays in its row; a numbered heading's tab
    ("II.   BACKGROUND") and running text are left alone."""
    niddk = [b.text for b in pdf("niddk-eating-and-diabetes.pdf").doc.blocks]
    assert "Before meals | 70 to 130" in niddk
    assert "1 to 2 hours after the start of a meal | less than 180" in niddk
    mme = next(b.text for b in pdf(OPIOID).doc.blocks if b.text.startswith("Codeine | "))
    assert "\nOxycodone | 1.5\n" in mme and "\nMethadone | 4.7\n" in mme
    fda = pdf("fda-bioavailability-studies-guidance-2022.pdf").doc
    assert not any(" | " in b.text or " | " in " > ".join(b.section) for b in fda.blocks)
