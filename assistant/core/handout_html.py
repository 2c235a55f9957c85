"""A handout as HTML: the window's preview and the PDF printed from it (Qt's rich text).

Large type and short lines for the patient; steps numbered; the clinician's part (sources with
document, version and page, the date, the grade and the checks) on its own page after the
handout. Everything from documents is escaped: a source cannot add markup or links.
"""

from __future__ import annotations

import html

from assistant.handouts.handout import HELP, HELP_BLANKS, SECTION_HEADINGS, Handout

# Qt's rich text sizes headings from the document's default font, not the style sheet: at
# this base size its <h1> and <h2> come out at the 24 pt and 18 pt the style sheet asks for.
HEADING_BASE_PT = 12.0
STYLE = """
body { font-family: 'DejaVu Sans', sans-serif; font-size: 15pt; line-height: 140%; }
h1 { font-size: 24pt; margin-bottom: 4pt; }
h2 { font-size: 18pt; margin-top: 14pt; margin-bottom: 4pt; }
li { margin-bottom: 5pt; }
.sub { margin-top: 8pt; margin-bottom: 2pt; }
.for { font-size: 13pt; color: #333333; }
.clinician { font-size: 9pt; color: #333333; page-break-before: always; }
.clinician h3 { font-size: 11pt; }
.picture { font-size: 10pt; color: #555555; border-style: dashed; border-color: #888888; }
.fill { font-size: 14pt; color: #333333; border-style: solid; border-color: #888888; }
.fail { color: #9a3412; }
.pass { color: #166534; }
"""


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def handout_html(handout: Handout, clinician_part: bool = True) -> str:
    parts = [f"<html><head><meta charset='utf-8'><style>{STYLE}</style></head><body>"]
    parts.append(f"<h1>{_e(handout.title)}</h1>")
    if handout.patient_name:
        parts.append(f"<p class='for'>For: {_e(handout.patient_name)}</p>")
    for section in handout.layout():
        if section is None:
            parts.append(_help_to_fill_in())
            continue
        parts.append(f"<h2>{_e(section.heading)}</h2>")
        for subheading, lines in section.parts():
            if subheading:
                parts.append(f"<p class='sub'><b>{_e(subheading)}</b></p>")
            parts += _section_body(lines)
    if handout.glossary:
        parts.append("<h2>Words to know</h2><ul>")
        parts += [f"<li><b>{_e(g.term)}</b>: {_e(g.meaning)}</li>" for g in handout.glossary]
        parts.append("</ul>")
    if handout.empty:
        parts += [f"<p>{_e(note)}</p>" for note in handout.notes]
    if clinician_part:
        parts.append(clinician_html(handout))
    parts.append("</body></html>")
    return "".join(parts)


def _section_body(lines) -> list[str]:
    """Sentences as paragraphs; a run of list items as a bulleted list (a source's list is as
    often choices as steps: numbers would claim an order), sub-items in a list of their own."""
    out: list[str] = []
    depth = 0  # lists open: 1 for items, 2 for sub-items
    for line in lines:
        wanted = line.level + 1 if line.step else 0
        out += ["</ul>"] * (depth - wanted) + ["<ul>"] * (wanted - depth)
        depth = wanted
        space = _picture_space(line.picture) if line.picture else ""
        out.append(f"<li>{_e(line.text)}{space}</li>" if line.step else f"<p>{_e(line.text)}</p>")
        if space and not line.step:
            out.append(space)
    return out + ["</ul>"] * depth


def _help_to_fill_in() -> str:
    """No approved passage said when to get help: a framed space for the care team to write
    it in by hand (nothing is said for them)."""
    rows = "".join(f"<p>{_e(blank)}</p>" for blank in HELP_BLANKS)
    return (
        f"<h2>{_e(SECTION_HEADINGS[HELP])}</h2>"
        "<table class='fill' border='1' cellspacing='0' cellpadding='10' width='95%'>"
        f"<tr><td>{rows}</td></tr></table>"
    )


def _picture_space(subject: str) -> str:
    """A framed empty box, captioned with what it is for: the clinician draws or sticks in the
    picture (none is made up here)."""
    return (
        "<table class='picture' border='1' cellspacing='0' cellpadding='6' width='55%'>"
        # Qt's rich text ignores a cell's height: empty lines make the room to draw in.
        f"<tr><td><br><br>Picture: {_e(subject)}</td></tr></table>"
    )


def clinician_html(handout: Handout) -> str:
    parts = ["<div class='clinician'><h3>For the clinician</h3>"]
    parts += [f"<p>{_e(note)}</p>" for note in handout.notes if not handout.empty]
    if not handout.empty:
        smog = f", SMOG {handout.smog:g}" if handout.smog is not None else ""
        parts.append(
            f"<p>Made {_e(handout.made_on)} from approved documents ({_e(handout.mode)}). "
            f"Reading grade {handout.grade:g}{_e(smog)}; target {handout.target_grade:g}; "
            f"sources {handout.source_grade:g}.</p>"
        )
        parts.append("<p><b>Sources</b></p><ul>")
        parts += [f"<li>{_e(source.label())}</li>" for source in handout.sources()]
        parts.append("</ul>")
    if handout.checks:
        parts.append("<p><b>Checks</b></p><ul>")
        for check in handout.checks:
            css, mark = ("pass", "✓") if check.passed else ("fail", "✗")
            if not check.judged:
                css, mark = "", "–"
            parts.append(f"<li class='{css}'>{mark} {_e(check.name)}: {_e(check.reason)}</li>")
        parts.append("</ul>")
    parts.append("</div>")
    return "".join(parts)
