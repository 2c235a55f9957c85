#!/usr/bin/env python3
"""Check the three-register gold set (tests/data/registers/*.jsonl) against the documents.

    .venv/bin/python tests/data/check_registers.py            # summary; exit 1 on any failure
    .venv/bin/python tests/data/check_registers.py -v         # every failure
    .venv/bin/python tests/data/check_registers.py --assign-splits   # write "split" fields

Per line: the fields and their types; unique ids; a register; `answerable` consistent with
doc/pages/key_facts; the document exists (../shared/corpus or assets/demo); every key fact
occurs in the document's text, on one of the listed pages for a PDF (under the loose matching
of assistant/evaluation/eval_facts.py, with PDF line-end hyphenation joined); a follow-up names a
question that exists. Then the counts the issue asks for.

Splits: a question group goes to "tune" or "heldout" by a hash of its name, and a follow-up
goes with the question it follows, so no wording of a held-out question is ever tuned on.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from functools import cache
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from assistant.evaluation.eval_facts import normalise  # noqa: E402

FOLDER = REPO / "tests" / "data" / "registers"
CORPUS = REPO.parent / "shared" / "corpus"
DEMO = REPO / "assets" / "demo"
FIELDS = {
    "id": str,
    "group": str,
    "register": str,
    "question": str,
    "answerable": bool,
    "kind": str,
    "tags": list,
    "key_facts": list,
    "answer": str,
    "identifiers": list,
    "lang": str,
}
KINDS_ANSWERABLE = {"number", "recommendation", "procedure", "definition", "fact", "list"}
KINDS_ANSWERABLE |= {"multipage"}
KINDS_NOT = {"near-miss", "out-of-scope", "other-language"}


def document_path(name: str) -> Path | None:
    for folder in (CORPUS, DEMO):
        if (folder / name).is_file():
            return folder / name
    return None


@cache
def pages_of(name: str) -> tuple[str, ...]:
    """Normalised text per page (PDF) or one entry for the whole document."""
    path = document_path(name)
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        import pypdfium2

        pdf = pypdfium2.PdfDocument(str(path))
        texts = []
        for i in range(len(pdf)):
            raw = pdf[i].get_textpage().get_text_range()
            texts.append(_flat(raw))
        return tuple(texts)
    if suffix == ".html":
        from bs4 import BeautifulSoup

        soup = BeautifulSoup(path.read_bytes(), "lxml")
        return (_flat(soup.get_text(" ")),)
    if suffix == ".docx":
        import docx

        d = docx.Document(str(path))
        parts = [p.text for p in d.paragraphs]
        for t in d.tables:
            parts += [cell.text for row in t.rows for cell in row.cells]
        return (_flat("\n".join(parts)),)
    return (_flat(path.read_text(encoding="utf-8")),)


def _flat(text: str) -> str:
    # pdfium marks a line-break hyphen with U+FFFE (or "-" at a line end): join the halves.
    text = text.replace("\ufffe\r\n", "").replace("\ufffe\n", "").replace("\ufffe", "")
    text = text.replace("-\r\n", "-").replace("-\n", "-")
    return normalise(text)


def check_line(row: dict, where: str, ids: set[str]) -> list[str]:
    errors = []
    for name, kind in FIELDS.items():
        if not isinstance(row.get(name), kind):
            errors.append(f"{where}: field {name!r} missing or not {kind.__name__}")
    if errors:
        return errors
    if row["register"] not in ("formal", "shorthand", "lay"):
        errors.append(f"{where}: register {row['register']!r}")
    allowed = KINDS_ANSWERABLE if row["answerable"] else KINDS_NOT
    if row["kind"] not in allowed:
        errors.append(f"{where}: kind {row['kind']!r} with answerable={row['answerable']}")
    if row.get("follows") and row["follows"] not in ids:
        errors.append(f"{where}: follows unknown id {row['follows']!r}")
    if not row["answerable"]:
        if row.get("doc") or row.get("pages") or row["key_facts"]:
            errors.append(f"{where}: unanswerable with doc/pages/key_facts")
        return errors
    if not row.get("doc") or document_path(row["doc"]) is None:
        return errors + [f"{where}: document {row.get('doc')!r} not found"]
    if not row["key_facts"]:
        errors.append(f"{where}: answerable without key_facts")
    texts = pages_of(row["doc"])
    pages = row.get("pages")
    if pages and any(not (1 <= p <= len(texts)) for p in pages):
        return errors + [f"{where}: page out of range {pages}"]
    searched = [texts[p - 1] for p in pages] if pages else list(texts)
    for fact in row["key_facts"]:
        wanted = normalise(fact)
        if not any(wanted in t for t in searched):
            errors.append(f"{where}: key fact {fact!r} not on {pages or 'the document'}")
    return errors


def load(folder: Path) -> list[tuple[Path, int, dict]]:
    rows = []
    for path in sorted(folder.glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                rows.append((path, number, json.loads(line)))
    return rows


def split_of(group: str) -> str:
    return "tune" if int(hashlib.sha256(group.encode()).hexdigest(), 16) % 2 == 0 else "heldout"


def assign_splits(rows: list[tuple[Path, int, dict]]) -> None:
    by_id = {r["id"]: r for _, _, r in rows}

    def root_group(r: dict) -> str:
        seen = set()
        while r.get("follows") and r["follows"] in by_id and r["id"] not in seen:
            seen.add(r["id"])
            r = by_id[r["follows"]]
        return r["group"]

    for _, _, r in rows:
        r["split"] = split_of(root_group(r))
    for path in sorted({p for p, _, _ in rows}):
        lines = [json.dumps(r, ensure_ascii=False) for p, _, r in rows if p == path]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("--assign-splits", action="store_true")
    args = parser.parse_args()
    rows = load(FOLDER)
    ids = Counter(r["id"] for _, _, r in rows)
    errors = [f"duplicate id {i!r}" for i, n in ids.items() if n > 1]
    for path, number, row in rows:
        errors += check_line(row, f"{path.name}:{number}", set(ids))
    if args.assign_splits:
        assign_splits(rows)
    counts = Counter()
    for _, _, r in rows:
        counts["questions"] += 1
        counts[f"register {r.get('register')}"] += 1
        counts["answerable" if r.get("answerable") else "not answerable"] += 1
        counts[f"kind {r.get('kind')}"] += 1
        counts[f"split {r.get('split')}"] += 1
        for tag in r.get("tags") or []:
            counts[f"tag {tag}"] += 1
    for key in sorted(counts):
        print(f"{key:>28}: {counts[key]}")
    shown = errors if args.verbose else errors[:15]
    for e in shown:
        print("FAIL", e)
    print(f"{len(rows)} questions, {len(errors)} failures")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
