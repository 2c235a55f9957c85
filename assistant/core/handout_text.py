"""A handout as plain lines: the terminal (`clinassist handout`) and the .txt export.

Lines keep a role so the terminal can style them; their text is printed literally (text from
documents is data). The clinician's part (sources, grade, checks, notes) comes after a rule,
as the printed handout puts it on a separate footer.
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.handouts.handout import HELP, HELP_BLANKS, SECTION_HEADINGS, Handout


@dataclass(frozen=True)
class Line:
    text: str
    # title, heading, subheading, step, text, picture, note, meta, check-pass, check-fail
    role: str = ""


def handout_lines(handout: Handout) -> list[Line]:
    lines = [Line(handout.title, "title")]
    if handout.patient_name:
        lines.append(Line(f"For: {handout.patient_name}", "meta"))
    for section in handout.layout():
        if section is None:
            lines += [Line(""), Line(SECTION_HEADINGS[HELP], "heading")]
            lines += [Line(f"  {blank}", "picture") for blank in HELP_BLANKS]
            continue
        lines += [Line(""), Line(section.heading, "heading")]
        for subheading, part in section.parts():
            if subheading:
                lines.append(Line(subheading, "subheading"))
            lines += _part_lines(part)
    if handout.glossary:
        lines += [Line(""), Line("Words to know", "heading")]
        lines += [Line(f"  {g.term}: {g.meaning}", "text") for g in handout.glossary]
    return lines + [Line("")] + clinician_lines(handout)


def _part_lines(part) -> list[Line]:
    lines = []
    for line in part:
        # Bullets, not numbers: a source's list is as often choices ("one of the
        # following") as steps, and numbers would claim an order it does not give.
        if line.step:
            lines.append(Line(f"{'    ' * line.level}  • {line.text}", "step"))
        else:
            lines.append(Line(line.text, "text"))
        if line.picture:
            indent = "    " * line.level + ("    " if line.step else "")
            lines.append(Line(f"{indent}[ Picture: {line.picture} ]", "picture"))
    return lines


def clinician_lines(handout: Handout) -> list[Line]:
    lines = [Line("— For the clinician " + "—" * 40, "meta")]
    for note in handout.notes:
        lines.append(Line(note, "note"))
    if not handout.empty:
        smog = f", SMOG {handout.smog:g}" if handout.smog is not None else ""
        lines.append(
            Line(
                f"Reading grade {handout.grade:g}{smog} (target {handout.target_grade:g}; "
                f"sources {handout.source_grade:g}) · {handout.mode} · made {handout.made_on}",
                "meta",
            )
        )
        lines.append(Line("Sources:", "meta"))
        lines += [Line(f"  {source.label()}", "meta") for source in handout.sources()]
    for check in handout.checks:
        mark = "✓" if check.passed else "✗"
        lines.append(
            Line(
                f"{mark} {check.name}: {check.reason}",
                "check-pass" if check.passed else "check-fail",
            )
        )
    return lines


def plain_text(handout: Handout) -> str:
    return "\n".join(line.text for line in handout_lines(handout)).rstrip() + "\n"
