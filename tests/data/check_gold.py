#!/usr/bin/env python3
"""Validate tests/data/corpus_gold.jsonl against the real documents in ../shared/corpus.

Usage (from the repository root or anywhere):

    .venv/bin/python tests/data/check_gold.py [-v] [--gold PATH] [--corpus DIR]
    .venv/bin/python tests/data/check_gold.py --find "some phrase" --doc NAME.pdf

Checks, for every line:
  * the line is a JSON object with exactly the expected fields and types;
  * ids are unique, ``kind`` is one of the allowed kinds;
  * answerable questions: ``doc`` exists in the corpus directory; for PDFs ``pages``
    is a non-empty sorted list of distinct 1-based physical page indexes within the
    document; for the HTML file ``pages`` is null;
  * ``evidence`` is 5-15 words and occurs verbatim (after normalisation, see ``norm``)
    - PDF: on every listed page (extracted with pypdfium2).  A phrase that runs across a
      page break is accepted when both pages are listed and the phrase occurs in the
      joined text of the two pages.
    - PDF: nowhere else in the document (otherwise the unlisted page must be added);
    - HTML: in the visible text of the file, inside exactly one MMWR report;
  * unanswerable / out-of-scope questions: ``doc``, ``pages`` null, ``answerable`` false,
    ``evidence`` null.

Exit status 0 when every line passes, 1 otherwise.  ``--find`` prints where a phrase
occurs (developer helper for writing new questions).
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
DEFAULT_GOLD = HERE / "corpus_gold.jsonl"
DEFAULT_CORPUS = (REPO / ".." / "shared" / "corpus").resolve()

FIELDS = ("id", "question", "answerable", "doc", "pages", "answer", "evidence", "kind")
ANSWERABLE_KINDS = {"fact", "number", "recommendation", "definition", "procedure"}
UNANSWERABLE_KINDS = {"unanswerable", "out-of-scope"}
KINDS = ANSWERABLE_KINDS | UNANSWERABLE_KINDS
ID_RE = re.compile(r"^(op|ip|ed|ba|mm|un)-\d{2}$")
DOC_PREFIX = {
    "cdc-opioid-prescribing-guideline-2022.pdf": "op",
    "cdc-infection-prevention-outpatient-2016.pdf": "ip",
    "niddk-eating-and-diabetes.pdf": "ed",
    "fda-bioavailability-studies-guidance-2022.pdf": "ba",
    "cdc-mmwr-reports-2019-2022.html": "mm",
}

_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2032": "'",
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u2002": " ",
        "\u2003": " ",
        "\u2010": "-",
        "\u2011": "-",
        # list bullets / check boxes are layout, not text
        "\u2022": " ",
        "\u25cf": " ",
        "\u25aa": " ",
        "\u25a0": " ",
        "\u25e6": " ",
        "\u2751": " ",
        "\uf0b7": " ",
    }
)


def norm(text: str) -> str:
    """Normalise text for verbatim comparison (applied to page text and evidence alike).

    * NFKC (ligatures), typographic quotes -> ASCII, no-break/thin spaces -> space;
    * list bullets and check boxes (layout, not text) -> space;
    * hyphenation undone: pdfium marks a line-break hyphen with U+FFFE, which is removed
      with the line break after it; a '-' at the end of a line is joined to the next line;
    * every remaining ASCII hyphen is dropped, so "long-term", "long-" + line break +
      "term" and "long" + U+FFFE + line break + "term" all become "longterm" (en dashes in
      ranges such as "1–4" are kept);
    * runs of whitespace -> one space.

    Case, digits and symbols such as >=, <, %, en dash are kept.
    """
    t = unicodedata.normalize("NFKC", text.replace("\ufffe", "\u00ad"))
    t = t.translate(_QUOTES)
    t = re.sub(r"\u00ad\s*", "", t)  # pdfium hyphenation marker / soft hyphen
    t = re.sub(r"-[ \t]*\r?\n\s*", "-", t)  # hard hyphen at a line break
    t = t.replace("-", "")
    t = re.sub(r"\s+", " ", t)
    return t.strip()


# --------------------------------------------------------------------------- PDF

_pdf_cache: dict[Path, list[str]] = {}


def pdf_pages(path: Path) -> list[str]:
    """Normalised text of each page (index 0 = physical page 1)."""
    if path not in _pdf_cache:
        import pypdfium2

        doc = pypdfium2.PdfDocument(str(path))
        try:
            pages = []
            for i in range(len(doc)):
                page = doc[i]
                textpage = page.get_textpage()
                pages.append(norm(textpage.get_text_range()))
                textpage.close()
                page.close()
        finally:
            doc.close()
        _pdf_cache[path] = pages
    return _pdf_cache[path]


# -------------------------------------------------------------------------- HTML


class _TextExtractor(HTMLParser):
    """Visible text of an HTML page, split into sections at MMWR report anchors."""

    BLOCK = {
        "p",
        "div",
        "li",
        "tr",
        "td",
        "th",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "br",
        "table",
        "caption",
        "ul",
        "ol",
        "section",
        "article",
        "dd",
        "dt",
    }

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skip = 0
        self.sections: list[tuple[str, list[str]]] = [("(front matter)", [])]

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "head"):
            self.skip += 1
        a = dict(attrs)
        ident = a.get("id") or a.get("name") or ""
        if tag == "a" and ident.startswith("_mm"):
            self.sections.append((ident[1:], []))
        if tag in self.BLOCK:
            self.sections[-1][1].append(" ")

    def handle_endtag(self, tag):
        if tag in ("script", "style", "head") and self.skip:
            self.skip -= 1
        if tag in self.BLOCK:
            self.sections[-1][1].append(" ")

    def handle_data(self, data):
        if not self.skip:
            self.sections[-1][1].append(data)


_html_cache: dict[Path, list[tuple[str, str]]] = {}


def html_sections(path: Path) -> list[tuple[str, str]]:
    """[(report id, normalised visible text)] for the HTML file."""
    if path not in _html_cache:
        parser = _TextExtractor()
        parser.feed(path.read_text(encoding="utf-8", errors="replace"))
        parser.close()
        _html_cache[path] = [
            (sid, norm(html.unescape("".join(parts)))) for sid, parts in parser.sections
        ]
    return _html_cache[path]


# ------------------------------------------------------------------------ checks


def find_in_pdf(path: Path, phrase: str) -> tuple[list[int], list[tuple[int, int]]]:
    """(pages containing the phrase, page breaks (p, p+1) the phrase runs across); 1-based.

    A phrase "runs across" the break between pages p and p+1 when it is on neither page
    whole, but for some split into a head and a tail of at least two words each, the head
    is on page p and the tail on page p+1 (running headers, footers and footnotes usually
    sit between the two halves in the extracted text).
    """
    pages = pdf_pages(path)
    key = norm(phrase)
    on = [i + 1 for i, t in enumerate(pages) if key in t]
    words = key.split(" ")
    spans = []
    for i in range(len(pages) - 1):
        if (i + 1) in on or (i + 2) in on:
            continue
        for k in range(2, len(words) - 1):
            head, tail = " ".join(words[:k]), " ".join(words[k:])
            if head in pages[i] and tail in pages[i + 1]:
                spans.append((i + 1, i + 2))
                break
    return on, spans


def find_in_html(path: Path, phrase: str) -> list[str]:
    key = norm(phrase)
    return [sid for sid, text in html_sections(path) if key in text]


def check_line(rec: dict, corpus: Path) -> list[str]:
    errs: list[str] = []
    keys = tuple(rec.keys())
    if set(keys) != set(FIELDS):
        missing = [f for f in FIELDS if f not in rec]
        extra = [k for k in keys if k not in FIELDS]
        errs.append(f"fields: missing={missing} extra={extra}")
        return errs
    rid = rec["id"]
    if not isinstance(rid, str) or not ID_RE.match(rid):
        errs.append(f"bad id {rid!r}")
    for f in ("question", "answer"):
        if not isinstance(rec[f], str) or not rec[f].strip():
            errs.append(f"{f} must be a non-empty string")
    if not isinstance(rec["answerable"], bool):
        errs.append("answerable must be a boolean")
    kind = rec["kind"]
    if kind not in KINDS:
        errs.append(f"bad kind {kind!r}")
    if errs:
        return errs

    if not rec["answerable"]:
        if kind not in UNANSWERABLE_KINDS:
            errs.append(f"unanswerable question has kind {kind!r}")
        for f in ("doc", "pages", "evidence"):
            if rec[f] is not None:
                errs.append(f"unanswerable question must have {f}=null")
        if not rid.startswith("un-"):
            errs.append("unanswerable ids use the prefix 'un-'")
        return errs

    # answerable
    if kind not in ANSWERABLE_KINDS:
        errs.append(f"answerable question has kind {kind!r}")
    doc = rec["doc"]
    if not isinstance(doc, str) or not doc:
        return errs + ["doc must be a file name"]
    path = corpus / doc
    if not path.is_file():
        return errs + [f"doc {doc!r} not found in {corpus}"]
    prefix = DOC_PREFIX.get(doc)
    if prefix and not rid.startswith(prefix + "-"):
        errs.append(f"id prefix should be {prefix!r} for {doc}")
    ev = rec["evidence"]
    if not isinstance(ev, str) or not ev.strip():
        return errs + ["evidence must be a non-empty string"]
    nwords = len(ev.split())
    if not 5 <= nwords <= 15:
        errs.append(f"evidence has {nwords} words (want 5-15)")

    pages = rec["pages"]
    if doc.lower().endswith(".pdf"):
        if (
            not isinstance(pages, list)
            or not pages
            or not all(isinstance(p, int) and not isinstance(p, bool) for p in pages)
        ):
            return errs + ["pages must be a non-empty list of ints for a PDF"]
        if pages != sorted(set(pages)):
            errs.append(f"pages must be sorted and distinct: {pages}")
        n = len(pdf_pages(path))
        bad = [p for p in pages if not 1 <= p <= n]
        if bad:
            return errs + [f"pages out of range 1..{n}: {bad}"]
        on, spans = find_in_pdf(path, ev)
        covered = set(on)
        for a, b in spans:
            if a in pages and b in pages:
                covered.update((a, b))
        missing = [p for p in pages if p not in covered]
        if missing:
            where = on or [f"{a}-{b}" for a, b in spans] or "nowhere"
            errs.append(f"evidence not on page(s) {missing}; found on {where}")
        unlisted = sorted(set(on) - set(pages))
        if unlisted:
            errs.append(f"evidence also on unlisted page(s) {unlisted}")
    else:
        if pages is not None:
            errs.append("pages must be null for a non-paginated (HTML) document")
        found = find_in_html(path, ev)
        if not found:
            errs.append("evidence not found in HTML text")
        elif len(found) > 1:
            errs.append(f"evidence occurs in several reports {found}; make it specific")
        else:
            rec["_section"] = found[0]
    return errs


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--find", help="print where PHRASE occurs in --doc and exit")
    ap.add_argument("--doc", help="document for --find (file name in the corpus)")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every line's result")
    args = ap.parse_args(argv)

    if args.find:
        path = args.corpus / args.doc
        if path.suffix.lower() == ".pdf":
            on, spans = find_in_pdf(path, args.find)
            print("pages:", on, "spans:", spans)
        else:
            print("reports:", find_in_html(path, args.find))
        return 0

    if not args.corpus.is_dir():
        print(f"corpus directory not found: {args.corpus}", file=sys.stderr)
        return 1

    failures = 0
    seen: set[str] = set()
    questions: set[str] = set()
    counts: dict[tuple[str, str], int] = {}
    sections: dict[str, set[str]] = {}
    lines = args.gold.read_text(encoding="utf-8").splitlines()
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            print(f"line {lineno}: blank line")
            failures += 1
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            print(f"line {lineno}: invalid JSON: {e}")
            failures += 1
            continue
        if not isinstance(rec, dict):
            print(f"line {lineno}: not a JSON object")
            failures += 1
            continue
        errs = check_line(rec, args.corpus)
        rid = rec.get("id")
        if rid in seen:
            errs.append(f"duplicate id {rid!r}")
        seen.add(rid)
        q = str(rec.get("question", "")).strip().lower()
        if q in questions:
            errs.append("duplicate question text")
        questions.add(q)
        if errs:
            failures += 1
            for e in errs:
                print(f"FAIL {rid} (line {lineno}): {e}")
        elif args.verbose:
            extra = f" [{rec['_section']}]" if "_section" in rec else ""
            print(f"ok   {rid} {rec.get('doc')} {rec.get('pages')}{extra}")
        key = (rec.get("doc") or "(none)", rec.get("kind", "?"))
        counts[key] = counts.get(key, 0) + 1
        if "_section" in rec:
            sections.setdefault(rec["doc"], set()).add(rec["_section"])

    print()
    print(f"{len(lines)} lines, {len(lines) - failures} ok, {failures} failing")
    by_doc: dict[str, int] = {}
    for (doc, _kind), c in sorted(counts.items()):
        by_doc[doc] = by_doc.get(doc, 0) + c
    for doc, c in sorted(by_doc.items()):
        kinds = ", ".join(f"{k}={v}" for (d, k), v in sorted(counts.items()) if d == doc)
        print(f"  {doc}: {c} ({kinds})")
    for doc, secs in sections.items():
        print(f"  {doc}: questions span {len(secs)} reports")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
