"""Small synthetic PDFs (and not-quite-PDFs) for parser and ingest tests, built with fpdf2.

Every builder writes one file and returns its path, so a test reads as a list of the files it
puts in a folder. Contents are deterministic: fpdf2's creation date is pinned and random bytes
come from a seeded generator.
"""

from __future__ import annotations

import io
import random
from datetime import UTC, datetime
from pathlib import Path

from fpdf import FPDF
from PIL import Image, ImageDraw

_FIXED_DATE = datetime(2026, 1, 15, 9, 0, tzinfo=UTC)


def _new_pdf(title: str | None) -> FPDF:
    pdf = FPDF(format="A4")
    pdf.set_creation_date(_FIXED_DATE)
    if title:
        pdf.set_title(title)
    pdf.set_auto_page_break(auto=True, margin=20)
    return pdf


def text_pdf(
    path: Path,
    paragraphs: list[str],
    title: str | None = None,
    heading: str | None = None,
    compress: bool = True,
) -> Path:
    """A plain text PDF: an optional bold heading, then one multi-line cell per paragraph.

    `compress=False` leaves the content streams uncompressed, for a file of a predictable,
    larger size (size-limit tests).
    """
    pdf = _new_pdf(title)
    pdf.set_compression(compress)
    pdf.add_page()
    if heading:
        pdf.set_font("Helvetica", style="B", size=16)
        pdf.multi_cell(0, 9, heading, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    pdf.set_font("Helvetica", size=11)
    for paragraph in paragraphs:
        pdf.multi_cell(0, 6, paragraph, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
    pdf.output(str(path))
    return path


def encrypted_pdf(path: Path, user_password: str = "open-sesame") -> Path:
    """A text PDF that cannot be opened without a user password."""
    pdf = _new_pdf("Locked policy")
    pdf.set_encryption(owner_password="owner-" + user_password, user_password=user_password)
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 6, "This text is only readable with the password.")
    pdf.output(str(path))
    return path


def scan_image(width: int = 850, height: int = 1100) -> Image.Image:
    """A greyscale "scanned page": dark bars where a scanner would see lines of print."""
    image = Image.new("L", (width, height), 250)
    draw = ImageDraw.Draw(image)
    rng = random.Random(11)
    for top in range(80, height - 80, 34):
        draw.rectangle((70, top, 70 + rng.randint(400, width - 150), top + 14), fill=40)
    return image


def scanned_pdf(path: Path, pages: int = 2) -> Path:
    """An image-only PDF, like a scanner's output before OCR: pictures of text, no text."""
    pdf = _new_pdf("Scanned ward protocol")
    for _ in range(pages):
        pdf.add_page()
        pdf.image(scan_image(), x=0, y=0, w=pdf.w, h=pdf.h)
    pdf.output(str(path))
    return path


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    scan_image(120, 160).save(buffer, format="PNG")
    return buffer.getvalue()


def corrupt_pdf(path: Path, size: int = 6000, seed: int = 7) -> Path:
    """A PDF header followed by random bytes: looks like a PDF, is not one."""
    rng = random.Random(seed)
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + rng.randbytes(size))
    return path


def truncated_copy(source: Path, path: Path, fraction: float) -> Path:
    """The first `fraction` of a real PDF's bytes, as an interrupted download leaves it."""
    data = source.read_bytes()
    path.write_bytes(data[: int(len(data) * fraction)])
    return path
