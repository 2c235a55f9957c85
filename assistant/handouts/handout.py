"""A patient handout as plain data: what the preview, the PDF, the terminal and `--json` show.

Every line carries the provenance of the approved passage it was taken from (document,
version, section, page) and that passage's text, so a clinician can check each sentence and
the footer can list the sources. The patient's name, when the clinician types one, lives only
here and on the printed page: it is never searched for, sent, audited or saved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from knowledge.provenance import Provenance

DO, HELP, KNOW = "do", "help", "know"  # section kinds, in the order a handout shows them
SECTION_HEADINGS = {
    DO: "What to do",
    HELP: "When to get help",
    KNOW: "Good to know",
}
# Printed when no approved passage says when to get help: for the care team to write in.
HELP_BLANKS = (
    "Call: ______________________________  Phone: ________________",
    "If: ________________________________________________________",
    "(for your care team to fill in)",
)


@dataclass(frozen=True)
class HandoutLine:
    text: str  # verbatim from the source (offline) or the model's rewording of it
    source: Provenance
    passage: str  # the whole approved passage the line came from
    grade: float  # the line's own reading grade
    step: bool = False  # a list item: shown as a numbered or bulleted step
    level: int = 0  # 1: an item of a step that opens its own list ("Call ... if")
    picture: str = ""  # what a picture space after this line is for ("" for none)

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "grade": self.grade,
            "step": self.step,
            "level": self.level,
            "picture_space": self.picture or None,
            "citation": {
                "document": self.source.title,
                "doc_id": self.source.doc_id,
                "version": self.source.version,
                "version_id": self.source.version_id,
                "section": self.source.section,
                "pages": self.source.pages_label,
                "page_start": self.source.page_start,
            },
            "source_passage": self.passage,
        }


@dataclass(frozen=True)
class HandoutSection:
    kind: str
    lines: tuple[HandoutLine, ...]

    @property
    def heading(self) -> str:
        return SECTION_HEADINGS[self.kind]

    def parts(self) -> list[tuple[str, tuple[HandoutLine, ...]]]:
        """The section's lines by the part of the sources they came from, each under that
        part's own heading ("When You're Sick"), so one heading never covers two subjects.
        A section from one part of the sources is one part with no sub-heading; a part whose
        source heading is no use to a patient (none, or a long technical title) gets ""."""
        runs: list[tuple[tuple[str, str], list[HandoutLine]]] = []
        for line in self.lines:
            key = (line.source.version_id, line.source.section)
            if runs and (runs[-1][0] == key or line.level > 0):
                runs[-1][1].append(line)  # a sub-item stays with the item it belongs to
            else:
                runs.append((key, [line]))
        if len(runs) == 1:
            return [("", tuple(runs[0][1]))]
        return [(patient_heading(section), tuple(lines)) for (_v, section), lines in runs]


SUBHEADING_WORDS = 8  # a longer source heading is a report's title, not a signpost


def patient_heading(section_path: str) -> str:
    """The last part of a source's section path, without its numbering ("6. Preventing falls"
    becomes "Preventing falls"), or "" when it would not help a patient find their way."""
    last = section_path.split(" > ")[-1].strip()
    last = re.sub(r"^(?:\d+(?:\.\d+)*\.?|[A-Z]\.)\s+", "", last)
    if not re.search(r"[A-Za-z]{3,}", last) or len(last.split()) > SUBHEADING_WORDS:
        return ""
    if re.fullmatch(r"(?:table|figure|box|appendix|annex|page)\b.{0,6}", last, re.I):
        return ""  # a label, not a subject
    return last


@dataclass(frozen=True)
class GlossaryEntry:
    term: str
    meaning: str
    source: str  # where the meaning comes from: "the source document" or a passage's label
    # The approved passage the meaning was taken from when it is none of the handout's own
    # (the footer lists it with the others).
    cited: Provenance | None = None


@dataclass(frozen=True)
class QualityCheck:
    name: str
    passed: bool
    reason: str
    judged: bool = True  # False: shown for the clinician, but no program can judge it


@dataclass(frozen=True)
class Handout:
    title: str
    topic: str  # as searched: identifiers removed
    language: str
    target_grade: float
    sections: tuple[HandoutSection, ...]
    glossary: tuple[GlossaryEntry, ...] = ()
    grade: float = 0.0  # FK grade (or its Spanish equivalent) of the whole handout
    smog: float | None = None
    source_grade: float = 0.0  # the grade of the passages it was taken from
    notes: tuple[str, ...] = ()  # said plainly to the clinician (e.g. sources above target)
    checks: tuple[QualityCheck, ...] = ()
    patient_name: str = ""  # printed on the page only
    personalised_for: str = ""  # the clinician's words, identifiers removed
    made_on: str = field(default_factory=lambda: date.today().isoformat())
    mode: str = "offline"
    picture_space: bool = True  # spaces left for pictures beside amounts to measure

    @property
    def lines(self) -> list[HandoutLine]:
        return [line for section in self.sections for line in section.lines]

    @property
    def empty(self) -> bool:
        return not self.lines

    @property
    def help_to_fill_in(self) -> bool:
        """No approved passage chosen says when to call or come back: the printed handout
        leaves a space for the care team to write it (nothing is said for them)."""
        return not self.empty and not any(s.kind == HELP and s.lines for s in self.sections)

    def layout(self) -> list[HandoutSection | None]:
        """The sections in print order, with None where the care team writes when to get
        help (before "Good to know", as a "When to get help" section would stand)."""
        out: list[HandoutSection | None] = list(self.sections)
        if self.help_to_fill_in:
            at = next((i for i, s in enumerate(self.sections) if s.kind == KNOW), len(out))
            out.insert(at, None)
        return out

    def sources(self) -> list[Provenance]:
        """Each cited version once, in the order first used; pages merged per version."""
        seen: dict[tuple[str, int | None], Provenance] = {}
        cited = [line.source for line in self.lines] + [g.cited for g in self.glossary if g.cited]
        for source in cited:
            seen.setdefault((source.version_id, source.page_start), source)
        return list(seen.values())

    def to_json(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "topic": self.topic,
            "language": self.language,
            "mode": self.mode,
            "target_grade": self.target_grade,
            "grade": self.grade,
            "smog": self.smog,
            "source_grade": self.source_grade,
            "personalised_for": self.personalised_for,
            "made_on": self.made_on,
            "sections": [
                {
                    "heading": s.heading,
                    "kind": s.kind,
                    "lines": [ln.to_json() for ln in s.lines],
                    "parts": [{"subheading": sub, "lines": len(lines)} for sub, lines in s.parts()],
                }
                for s in self.sections
            ],
            "glossary": [
                {"term": g.term, "meaning": g.meaning, "from": g.source} for g in self.glossary
            ],
            "notes": list(self.notes),
            "checks": [
                {"name": c.name, "passed": c.passed, "reason": c.reason} for c in self.checks
            ],
            "sources": [
                {
                    "document": p.title,
                    "version": p.version,
                    "version_id": p.version_id,
                    "pages": p.pages_label,
                }
                for p in self.sources()
            ],
        }
