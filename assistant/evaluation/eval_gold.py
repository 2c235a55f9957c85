"""Gold question files for the evaluation harness: JSON Lines, validated line by line.

Each line: {"id", "question", "answerable": bool, "doc": source file name or null,
"pages": [1-based pages] or null, "kind": optional label}. Optional: "key_facts" (the values
or phrases a correct answer must show), "register" (formal, shorthand, lay), "group" (the
wordings of one question share it), "tags", "follows" (the id a follow-up comes after),
"lang" and "split" (tune or heldout). Other fields are ignored. A bad line is a GoldError
naming the file, the line and what is wrong with it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path


class GoldError(ValueError):
    """The gold file cannot be used; the message names the file and line."""


@dataclass(frozen=True, slots=True)
class GoldQuestion:
    id: str
    question: str
    answerable: bool
    doc: str | None
    pages: tuple[int, ...] | None
    kind: str | None
    line: int
    key_facts: tuple[str, ...] = ()
    register: str | None = None
    group: str | None = None
    tags: tuple[str, ...] = ()
    follows: str | None = None
    lang: str = "en"
    split: str | None = None


# -- gold loading -------------------------------------------------------------------------------
def load_gold(path: Path) -> list[GoldQuestion]:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise GoldError(f"{path}: file not found") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(f"{path}: cannot be read ({exc})") from exc
    questions: list[GoldQuestion] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        q = parse_gold_line(line, number, path)
        if q.id in seen:
            raise GoldError(f"{path}:{number}: id {q.id!r} already used on line {seen[q.id]}")
        seen[q.id] = number
        questions.append(q)
    if not questions:
        raise GoldError(f"{path}: no questions (the file is empty)")
    return questions


def parse_gold_line(line: str, number: int, path: Path | str = "gold") -> GoldQuestion:
    where = f"{path}:{number}"
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        raise GoldError(f"{where}: not valid JSON ({exc.msg})") from exc
    if not isinstance(row, dict):
        raise GoldError(f"{where}: each line must be a JSON object")
    question = row.get("question")
    if question is None:
        raise GoldError(f'{where}: missing "question"')
    if not isinstance(question, str) or not question.strip():
        raise GoldError(f'{where}: "question" must be a non-empty string')
    qid = row.get("id", f"line-{number}")
    if isinstance(qid, bool) or not isinstance(qid, str | int) or str(qid).strip() == "":
        raise GoldError(f'{where}: "id" must be a string or an integer')
    if "answerable" not in row:
        raise GoldError(f'{where}: missing "answerable" (true or false)')
    answerable = row["answerable"]
    if not isinstance(answerable, bool):
        raise GoldError(f'{where}: "answerable" must be true or false')
    doc = row.get("doc")
    if doc is not None and (not isinstance(doc, str) or not doc.strip()):
        raise GoldError(f'{where}: "doc" must be a file name or null')
    if answerable and doc is None:
        raise GoldError(f'{where}: an answerable question needs "doc" (the file name)')
    pages = row.get("pages")
    if pages is not None:
        if not isinstance(pages, list) or not all(
            isinstance(p, int) and not isinstance(p, bool) and p >= 1 for p in pages
        ):
            raise GoldError(f'{where}: "pages" must be a list of page numbers (1, 2, …) or null')
        pages = tuple(pages) if pages else None
    kind = row.get("kind")
    if kind is not None and not isinstance(kind, str):
        raise GoldError(f'{where}: "kind" must be a string')
    extra = _optional_fields(row, where)
    if extra["key_facts"] and not answerable:
        raise GoldError(f'{where}: an unanswerable question has no "key_facts"')
    return GoldQuestion(
        **extra,
        id=str(qid),
        question=" ".join(question.split()),
        answerable=answerable,
        doc=doc if answerable else None,
        pages=pages if answerable else None,
        kind=kind or None,
        line=number,
    )


REGISTERS = ("formal", "shorthand", "lay")


def _optional_fields(row: dict, where: str) -> dict:
    facts = row.get("key_facts") or []
    if not isinstance(facts, list) or not all(isinstance(f, str) and f.strip() for f in facts):
        raise GoldError(f'{where}: "key_facts" must be a list of non-empty strings')
    register = row.get("register")
    if register is not None and register not in REGISTERS:
        raise GoldError(f'{where}: "register" must be one of {", ".join(REGISTERS)}')
    tags = row.get("tags") or []
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise GoldError(f'{where}: "tags" must be a list of strings')
    for name in ("group", "follows", "lang", "split"):
        value = row.get(name)
        if value is not None and not isinstance(value, str):
            raise GoldError(f'{where}: "{name}" must be a string or null')
    return {
        "key_facts": tuple(f.strip() for f in facts),
        "register": register,
        "group": row.get("group"),
        "tags": tuple(tags),
        "follows": row.get("follows"),
        "lang": row.get("lang") or "en",
        "split": row.get("split"),
    }
