"""Build the generated files of the demo knowledge pack.

Writes, next to this script:

* ``patient-identification.docx`` (python-docx): Title, Heading 1/Heading 2 styles, a bulleted
  list and one table.
* ``falls-prevention.pdf`` (fpdf2): a running header and the demo footer with the page number
  on every page, bold headings, and one table.

The Markdown, HTML and TXT documents of the pack are hand-written and committed as they are.

The output is deterministic: document metadata and dates are fixed, and the DOCX archive is
rewritten with fixed ZIP timestamps, so rebuilding gives byte-identical files for the same
library versions.

Run from the project root::

    .venv/bin/python assets/demo/build_demo_pack.py
"""

from __future__ import annotations

import io
import sys
import zipfile
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent

DEMO_NOTICE = (
    "DEMO CONTENT \u2014 fictional policy for Demo General Hospital, "
    "written to demonstrate this software. Not clinical guidance."
)
# fpdf2's core fonts are Latin-1 only, so the PDF uses a plain hyphen instead of the em dash.
DEMO_NOTICE_LATIN1 = DEMO_NOTICE.replace("\u2014", "-")

DOCX_NAME = "patient-identification.docx"
PDF_NAME = "falls-prevention.pdf"

# ---------------------------------------------------------------------------------------------
# Patient Identification Policy (DOCX)
# ---------------------------------------------------------------------------------------------

# Each block is (kind, payload): kinds are "title", "h1", "h2", "p", "bullets", "table".
PATIENT_ID_BLOCKS: list[tuple[str, object]] = [
    ("title", "Patient Identification Policy"),
    ("notice", DEMO_NOTICE),
    (
        "p",
        "Demo General Hospital \u2014 Policy PI-002, version 4.0. Owner: Patient Safety "
        "Committee. Effective date: 15 January 2026. Review by: 14 January 2028.",
    ),
    ("h1", "1. Purpose"),
    (
        "p",
        "Giving the right care to the right patient depends on identifying every patient "
        "correctly, every time. Misidentification can lead to a medicine, blood transfusion, "
        "test result or operation being given to the wrong person. This policy sets out how "
        "patients at Demo General Hospital are identified, what their identification "
        "wristbands show, and what staff must do when a wristband is missing or a patient "
        "cannot tell us who they are.",
    ),
    ("h1", "2. Scope"),
    (
        "p",
        "The policy applies to all inpatients, day-case patients and patients in the Emergency "
        "Department, and to every member of staff who prescribes, gives medicines, takes "
        "samples, carries out procedures, moves patients, or handles patient records.",
    ),
    ("h1", "3. Responsibilities"),
    (
        "bullets",
        [
            "Registration and ward clerks create the patient record and print the "
            "identification wristband from the patient administration system.",
            "The nurse admitting the patient checks the wristband details with the patient "
            "and applies it before any care is given.",
            "Every member of staff confirms the patient's identity before each medicine, "
            "sample, test, procedure, transfer or blood transfusion.",
            "Ward managers make sure wristband printers and blank bands of each colour are "
            "always available.",
        ],
    ),
    ("h1", "4. Patient identifiers"),
    (
        "p",
        "Demo General Hospital uses three core identifiers. All three are printed on every "
        "identification wristband:",
    ),
    (
        "bullets",
        [
            "Full name (first name and family name, spelled as in the patient record).",
            "Date of birth.",
            "Hospital number (the medical record number, or MRN): eight digits, unique to "
            "the patient.",
        ],
    ),
    (
        "p",
        "Staff must check at least two identifiers \u2014 normally the full name and the date "
        "of birth \u2014 against the wristband and the request form, prescription or record "
        "before any care is given. For blood transfusion, samples and procedures under "
        "anaesthesia, all three identifiers are checked. The room number, bed number or "
        "diagnosis is never used as an identifier.",
    ),
    ("h2", "4.1 Positive identification"),
    (
        "p",
        "Whenever the patient is able to answer, ask them to state their full name and date "
        "of birth: \u201cCan you tell me your full name and your date of birth?\u201d Do not "
        "ask a question that can be answered \u201cyes\u201d, such as \u201cAre you Mrs "
        "Jones?\u201d. A patient who is anxious, hard of hearing or confused may agree with a "
        "name that is not theirs. Compare the answer with the wristband every time, even for "
        "a patient you know well.",
    ),
    ("h2", "4.2 Patients who cannot confirm their identity"),
    (
        "p",
        "For patients who cannot answer reliably, for example because of confusion, sedation, "
        "language barriers or age, check the identifiers against the wristband and confirm "
        "with a relative or carer where possible. Use a professional interpreter, not a family "
        "member, when consent or clinical information is involved.",
    ),
    ("h1", "5. Identification wristbands"),
    (
        "p",
        "Every patient wears one white identification band, normally on the wrist. If the "
        "wrist cannot be used (for example because of a cannula, plaster cast or injury), the "
        "band is placed on the ankle and the reason recorded. Patients with an alert also wear "
        "a coloured alert band on the same limb as the identification band. Alert bands carry "
        "the same three identifiers. Demo General Hospital uses the following colours:",
    ),
    (
        "table",
        [
            ["Band colour", "Meaning", "Applied by"],
            ["White", "Standard identification band (every patient)", "Admitting nurse"],
            ["Red", "Known allergy or previous adverse drug reaction", "Nurse or pharmacist"],
            ["Yellow", "High risk of falls", "Nurse completing the falls risk assessment"],
            [
                "Purple",
                "Do not attempt cardiopulmonary resuscitation (DNACPR) decision recorded",
                "Nurse, after the senior doctor documents the decision",
            ],
        ],
    ),
    (
        "p",
        "A coloured band is a prompt, not a substitute for the record: always check allergy "
        "status, falls risk and resuscitation decisions in the patient record. The yellow band "
        "is applied when the falls risk assessment identifies a high risk (see the Falls "
        "Prevention Policy, FP-003). The red band is checked as part of medication "
        "reconciliation (see the Medication Reconciliation Policy, PH-005). No other colours "
        "and no handwritten bands may be used.",
    ),
    ("h1", "6. When a wristband is missing or wrong"),
    (
        "p",
        "If a patient has no wristband, or the band is illegible, damaged or shows incorrect "
        "details:",
    ),
    (
        "bullets",
        [
            "Stop. Do not give any medicine, take any sample or carry out any test or "
            "procedure until the patient has a correct band, unless delaying would cause harm "
            "in an emergency.",
            "Confirm the patient's identity using positive identification and the patient "
            "record, with a second member of staff if the patient cannot answer.",
            "Print a new band from the patient administration system and apply it straight "
            "away. Never copy details by hand from the bed board or notes.",
            "Replace any alert bands at the same time.",
            "Complete an incident report if care was given without a correct band or the band "
            "showed another patient's details.",
        ],
    ),
    (
        "p",
        "If a patient declines to wear a wristband, explain why it matters, record the "
        "discussion in the notes, and confirm their identity verbally before every "
        "intervention. Offer the band again at each shift change.",
    ),
    ("h1", "7. Unconscious and unknown patients"),
    (
        "p",
        "When a patient arrives whose identity is not known, the Emergency Department "
        "registers them immediately with a temporary identity so that tests and treatment are "
        "not delayed. The temporary name is \u201cUNKNOWN\u201d, the patient's apparent sex and "
        "a word from the phonetic alphabet, in sequence (for example \u201cUNKNOWN MALE "
        "BRAVO\u201d), so that two unknown patients never share a name. The system gives a "
        "temporary hospital number beginning with 99. An estimated date of birth is recorded "
        "as 1 January of the estimated year of birth.",
    ),
    (
        "p",
        "A white band with the temporary identity is applied at once and used for all samples "
        "and blood transfusion. When the patient's true identity is confirmed \u2014 by the "
        "patient, by two pieces of documentation, or by relatives together with the police "
        "where appropriate \u2014 Health Records merges the temporary and permanent records "
        "within 24 hours, and a new band is printed and applied. Samples already taken under "
        "the temporary identity stay valid and are linked through the merged record.",
    ),
    ("h1", "8. Newborn babies"),
    (
        "p",
        "Every baby born at Demo General Hospital receives two identification bands, one on "
        "a wrist and one on an ankle, applied in the delivery room in the presence of the "
        "mother. The bands show the baby's family name, date and time of birth, sex and "
        "hospital number.",
    ),
    ("h1", "9. Monitoring"),
    (
        "p",
        "Each ward checks ten patients a month for a correct, legible wristband. The Patient "
        "Safety Committee reviews the results and all identification incidents every quarter.",
    ),
    ("h1", "10. Related demo policies"),
    (
        "bullets",
        [
            "Falls Prevention Policy (FP-003)",
            "Medication Reconciliation Policy (PH-005)",
            "Sharps and Needlestick Injury Procedure (OH-004)",
        ],
    ),
]

DOCX_CREATED = datetime(2026, 1, 15, 9, 0, 0)
ZIP_TIMESTAMP = (2026, 1, 15, 9, 0, 0)


def build_docx(path: Path) -> None:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    doc = Document()
    props = doc.core_properties
    props.title = "Patient Identification Policy"
    props.subject = "Demo General Hospital - fictional demo policy"
    props.author = "Demo General Hospital Patient Safety Committee"
    props.last_modified_by = "Demo General Hospital Patient Safety Committee"
    props.keywords = "demo; patient identification; wristband"
    props.comments = DEMO_NOTICE
    props.category = "Policy"
    props.created = DOCX_CREATED
    props.modified = DOCX_CREATED
    props.last_printed = DOCX_CREATED
    props.revision = 1

    for kind, payload in PATIENT_ID_BLOCKS:
        if kind == "title":
            doc.add_heading(str(payload), level=0)
        elif kind == "h1":
            doc.add_heading(str(payload), level=1)
        elif kind == "h2":
            doc.add_heading(str(payload), level=2)
        elif kind == "notice":
            para = doc.add_paragraph()
            run = para.add_run(str(payload))
            run.bold = True
        elif kind == "p":
            doc.add_paragraph(str(payload))
        elif kind == "bullets":
            for item in payload:  # type: ignore[union-attr]
                doc.add_paragraph(item, style="List Bullet")
        elif kind == "table":
            rows: list[list[str]] = payload  # type: ignore[assignment]
            table = doc.add_table(rows=len(rows), cols=len(rows[0]))
            table.style = "Table Grid"
            for r, row in enumerate(rows):
                for c, text in enumerate(row):
                    cell = table.cell(r, c)
                    cell.text = text
                    if r == 0:
                        for run in cell.paragraphs[0].runs:
                            run.bold = True
        else:  # pragma: no cover - programming error
            raise ValueError(kind)

    footer = doc.sections[0].footer
    footer_para = footer.paragraphs[0]
    footer_para.text = DEMO_NOTICE
    footer_para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for run in footer_para.runs:
        run.font.size = Pt(8)

    buffer = io.BytesIO()
    doc.save(buffer)
    path.write_bytes(_normalise_zip(buffer.getvalue()))


def _normalise_zip(data: bytes) -> bytes:
    """Rewrite a ZIP with fixed timestamps and attributes, keeping the member order."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_TIMESTAMP)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            fixed.create_system = 0
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


# ---------------------------------------------------------------------------------------------
# Falls Prevention Policy (PDF)
# ---------------------------------------------------------------------------------------------

PDF_HEADER = "Demo General Hospital - Falls Prevention Policy"
PDF_CREATED = datetime(2026, 4, 1, 9, 0, 0, tzinfo=UTC)

NEURO_OBS_TABLE = [
    ["Time after the fall", "Frequency of neurological observations"],
    ["First hour (0-1 hours)", "Every 15 minutes"],
    ["Next 2 hours (1-3 hours)", "Every 30 minutes"],
    ["Next 4 hours (3-7 hours)", "Every hour"],
    ["Then until 24 hours after the fall", "Every 4 hours"],
]

# Each block is (kind, payload): kinds are "title", "h1", "h2", "p", "bullets", "table",
# "notice" and "pagebreak".
FALLS_BLOCKS: list[tuple[str, object]] = [
    ("title", "Falls Prevention Policy"),
    ("notice", DEMO_NOTICE_LATIN1),
    (
        "p",
        "Demo General Hospital - Policy FP-003, version 3.2. Owner: Falls Prevention Group. "
        "Effective date: 1 April 2026. Review by: 31 March 2028.",
    ),
    ("h1", "1. Purpose"),
    (
        "p",
        "Falls are the most commonly reported patient safety incident in hospital. Most "
        "cause no lasting harm, but some lead to fractures, head injuries, loss of "
        "confidence and longer stays. This policy sets out how Demo General Hospital "
        "identifies patients at risk of falling, what is done to reduce that risk, and how "
        "staff respond when a patient falls.",
    ),
    ("h1", "2. Scope"),
    (
        "p",
        "The policy applies to all adult inpatients. A full multifactorial falls risk "
        "assessment is required for every inpatient aged 65 or over, and for patients aged "
        "18 to 64 whom the admitting nurse or doctor judges to be at higher risk because of "
        "an underlying condition (for example stroke, delirium, Parkinson's disease or "
        "postural hypotension). It applies to all nursing, medical, therapy and support "
        "staff.",
    ),
    ("h1", "3. Definitions"),
    (
        "p",
        "A fall is an unplanned or unintentional descent to the floor or another lower "
        "surface, whether or not the patient is injured. A patient who is lowered to the "
        "floor by staff has also fallen. An unwitnessed fall is one that no member of staff "
        "saw, including a patient who is found on the floor; in an unwitnessed fall a head "
        "strike cannot be ruled out. A head strike is any fall in which the patient's head "
        "hit the floor, furniture or equipment.",
    ),
    ("h1", "4. Responsibilities"),
    (
        "bullets",
        [
            "The admitting nurse completes the falls risk assessment and starts the care plan.",
            "The nurse in charge of each shift makes sure assessments are up to date and leads "
            "the post-fall huddle.",
            "Doctors review medicines that increase falls risk and examine patients after a fall.",
            "Physiotherapists and occupational therapists assess mobility, walking aids and "
            "the safety of transfers.",
            "The Falls Prevention Group reviews incidents and audit results every quarter.",
        ],
    ),
    ("h1", "5. Falls risk assessment"),
    ("h2", "5.1 When to assess"),
    (
        "p",
        "Complete the multifactorial falls risk assessment within 6 hours of admission to a "
        "ward. Repeat it:",
    ),
    (
        "bullets",
        [
            "on transfer to another ward, within 6 hours of arrival;",
            "after any fall, as part of the post-fall review;",
            "whenever the patient's condition changes significantly (for example new "
            "confusion, a new sedating medicine, or surgery);",
            "and at least once a week during a long stay.",
        ],
    ),
    ("h2", "5.2 What to assess"),
    (
        "p",
        "The assessment covers: history of falls in the last 12 months; cognition, including "
        "delirium and dementia; continence and toileting needs; medicines that increase "
        "falls risk, such as sedatives, opioids, antihypertensives and diuretics (see the "
        "Opioid Safety and Stewardship Policy, PH-006); lying and standing blood pressure; "
        "vision; mobility, balance and walking aids; footwear; and the bed space "
        "environment. Each risk factor found must have a matching action in the care plan.",
    ),
    (
        "p",
        "Patients assessed as high risk wear a yellow falls alert wristband, as described in "
        "the Patient Identification Policy (PI-002), and a falls symbol is displayed on the "
        "bedside board.",
    ),
    ("h1", "6. Preventing falls"),
    (
        "bullets",
        [
            "Keep the bed at its lowest height, with the brakes on, unless care is being given.",
            "Put the call bell, drink, glasses and walking aid within reach, and check that the "
            "patient can use the call bell.",
            "Provide well-fitting non-slip footwear; socks alone are not acceptable.",
            "Agree a regular toileting plan for patients with urgency or frequency.",
            "Place patients at the highest risk in a bay that staff can observe, and consider "
            "enhanced supervision for patients who are confused and trying to walk alone.",
            "Ask the pharmacist and doctor to review medicines that increase falls risk.",
        ],
    ),
    ("h1", "7. Bed rails"),
    (
        "p",
        "Bed rails can prevent a patient from slipping or rolling out of bed, but they can "
        "also cause harm if a patient tries to climb over them or becomes trapped. Bed rails "
        "are never used to restrain a patient. Before bed rails are used, the nurse completes "
        "the bed rails risk assessment and, where possible, discusses it with the patient or "
        "their family. Bed rails are not suitable for patients who are confused and mobile "
        "enough to climb over them; for these patients use a low-rise bed and a crash mat "
        "instead. Bed rail use is reassessed daily and whenever the patient's condition "
        "changes. Only bed rails and bumpers approved for that bed model may be used.",
    ),
    ("h1", "8. Immediate response to a fall"),
    (
        "p",
        "If a patient falls, stay with them and call for help. Do not move the patient until "
        "they have been checked for injury. Check airway, breathing and circulation, look for "
        "signs of head injury, and check for pain, deformity or shortening of a limb that "
        "could indicate a fracture. If a hip, spinal or neck injury is suspected, do not lift "
        "the patient by hand: use flat lifting equipment (a scoop stretcher or inflatable "
        "lifting cushion) under the direction of the nurse in charge.",
    ),
    (
        "p",
        "A doctor must examine the patient within 1 hour of any fall, or within 30 minutes "
        "if there is a head strike or a suspected fracture. Record vital signs immediately "
        "and inform the next of kin, with the patient's agreement.",
    ),
    ("h1", "9. Neurological observations after a fall"),
    (
        "p",
        "Neurological observations are started immediately after any unwitnessed fall (where "
        "a head strike cannot be ruled out) and after any fall in which the patient hit their "
        "head. They include the Glasgow Coma Scale (GCS), pupil size and reaction, limb "
        "movement, and a full set of vital signs. Follow this schedule:",
    ),
    ("table", NEURO_OBS_TABLE),
    (
        "p",
        "Request urgent medical review, and return to observations every 15 minutes, if any "
        "of the following occur: a drop in GCS of 1 point or more, new or worsening "
        "confusion, severe or worsening headache, vomiting, a seizure, unequal pupils, or new "
        "weakness in a limb.",
    ),
    ("h1", "10. Patients taking anticoagulants"),
    (
        "p",
        "Patients taking an anticoagulant (for example warfarin, a direct oral anticoagulant, "
        "or a treatment dose of low-molecular-weight heparin) are at high risk of bleeding "
        "inside the skull after a head injury, even when they appear well. Any patient on an "
        "anticoagulant who has a head strike or an unwitnessed fall must have a CT head scan "
        "within 8 hours of the fall, following the Demo General Hospital head injury "
        "pathway. The doctor also checks clotting results and discusses with a senior "
        "colleague whether the next anticoagulant dose should be withheld. Anticoagulant "
        "doses are confirmed at medication reconciliation (see the Medication Reconciliation "
        "Policy, PH-005).",
    ),
    ("h1", "11. Post-fall huddle"),
    (
        "p",
        "After every inpatient fall, the nurse in charge leads a short post-fall huddle "
        "during the same shift, ideally within 1 hour of the fall. The huddle includes the "
        "staff who were on duty in the area and, where possible, the patient. It asks what "
        "happened, why it happened, and what will be changed to stop it happening again. The "
        "outcome is recorded on the post-fall huddle form, and the falls risk assessment and "
        "care plan are updated straight away.",
    ),
    ("h1", "12. Reporting and learning"),
    (
        "p",
        "Every fall is reported on the incident reporting system before the end of the shift. "
        "Falls that cause moderate or severe harm, such as a fracture or a head injury with "
        "bleeding on the CT scan, are reviewed by the Falls Prevention Group within 72 hours, "
        "and the learning is shared with all wards.",
    ),
    ("h1", "13. Discharge and supporting patients and families"),
    (
        "p",
        "Patients and families are given the hospital's falls prevention leaflet when the "
        "assessment shows a high risk, and are encouraged to bring in well-fitting shoes, "
        "glasses and hearing aids and to use the call bell before getting up. Patients who "
        "fell during their stay, or who remain at high risk at discharge, are referred to "
        "the community falls service, and the discharge summary tells the GP about the fall, "
        "any injury, and any medicines that were changed because of falls risk.",
    ),
    ("h1", "14. Training and audit"),
    (
        "p",
        "All registered nurses and healthcare assistants complete falls prevention training "
        "at induction and every two years. Each ward audits ten sets of notes a month for a "
        "falls risk assessment completed within 6 hours of admission; the target is 95%.",
    ),
    ("h1", "15. Related demo policies"),
    (
        "bullets",
        [
            "Patient Identification Policy (PI-002)",
            "Medication Reconciliation Policy (PH-005)",
            "Opioid Safety and Stewardship Policy (PH-006)",
            "Hand Hygiene Policy (HH-001)",
        ],
    ),
]


def build_pdf(path: Path) -> int:
    """Write the falls prevention PDF and return its page count."""
    from fpdf import FPDF
    from fpdf.enums import XPos, YPos

    class PolicyPDF(FPDF):
        def header(self) -> None:
            self.set_font("Helvetica", "", 9)
            self.set_text_color(80, 80, 80)
            self.cell(0, 6, PDF_HEADER, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            self.set_draw_color(150, 150, 150)
            self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
            self.ln(5)
            self.set_text_color(0, 0, 0)

        def footer(self) -> None:
            self.set_y(-18)
            self.set_draw_color(150, 150, 150)
            self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
            self.ln(1.5)
            self.set_font("Helvetica", "", 7.5)
            self.set_text_color(80, 80, 80)
            self.cell(0, 4, DEMO_NOTICE_LATIN1, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            self.cell(
                0,
                4,
                f"Page {self.page_no()} of {{nb}}",
                align="C",
                new_x=XPos.LMARGIN,
                new_y=YPos.NEXT,
            )
            self.set_text_color(0, 0, 0)

    pdf = PolicyPDF(format="A4")
    pdf.set_margins(20, 18, 20)
    pdf.set_auto_page_break(auto=True, margin=24)
    pdf.set_creation_date(PDF_CREATED)
    pdf.set_title("Falls Prevention Policy")
    pdf.set_subject("Demo General Hospital - fictional demo policy")
    pdf.set_author("Demo General Hospital Falls Prevention Group")
    pdf.set_creator("assets/demo/build_demo_pack.py")
    pdf.set_producer("fpdf2")
    pdf.set_keywords("demo, falls prevention")
    pdf.set_lang("en-GB")
    pdf.add_page()

    width = pdf.w - pdf.l_margin - pdf.r_margin

    def para(text: str, size: float = 11, style: str = "") -> None:
        _check_latin1(text)
        pdf.set_font("Helvetica", style, size)
        pdf.multi_cell(width, 5.6, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(2.5)

    for kind, payload in FALLS_BLOCKS:
        if kind == "title":
            para(str(payload), size=20, style="B")
        elif kind == "notice":
            _check_latin1(str(payload))
            pdf.set_font("Helvetica", "B", 10)
            pdf.set_draw_color(176, 0, 0)
            pdf.multi_cell(
                width,
                5.5,
                str(payload),
                border=1,
                padding=2,
                new_x=XPos.LMARGIN,
                new_y=YPos.NEXT,
            )
            pdf.ln(3)
        elif kind == "h1":
            # Keep a heading together with at least a few lines of what follows it.
            if pdf.get_y() > pdf.h - 50:
                pdf.add_page()
            pdf.ln(2)
            para(str(payload), size=14, style="B")
        elif kind == "h2":
            if pdf.get_y() > pdf.h - 45:
                pdf.add_page()
            para(str(payload), size=12, style="B")
        elif kind == "p":
            para(str(payload))
        elif kind == "bullets":
            pdf.set_font("Helvetica", "", 11)
            for item in payload:  # type: ignore[union-attr]
                _check_latin1(item)
                pdf.set_x(pdf.l_margin + 4)
                pdf.cell(5, 5.6, "-")
                pdf.multi_cell(width - 9, 5.6, item, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
                pdf.ln(1)
            pdf.ln(1.5)
        elif kind == "table":
            rows: list[list[str]] = payload  # type: ignore[assignment]
            for row in rows:
                for text in row:
                    _check_latin1(text)
            pdf.set_font("Helvetica", "", 11)
            pdf.set_draw_color(120, 120, 120)
            with pdf.table(col_widths=(45, 55), line_height=7, first_row_as_headings=True) as t:
                for row in rows:
                    t.row(row)
            pdf.ln(4)
        elif kind == "pagebreak":
            pdf.add_page()
        else:  # pragma: no cover - programming error
            raise ValueError(kind)

    pdf.output(str(path))
    return pdf.page_no()


def _check_latin1(text: str) -> None:
    try:
        text.encode("latin-1")
    except UnicodeEncodeError as exc:  # pragma: no cover - guard for future edits
        raise ValueError(f"PDF text must be Latin-1 (core fonts): {text!r}") from exc


def main() -> int:
    build_docx(HERE / DOCX_NAME)
    pages = build_pdf(HERE / PDF_NAME)
    print(f"wrote {HERE / DOCX_NAME}")
    print(f"wrote {HERE / PDF_NAME} ({pages} pages)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
