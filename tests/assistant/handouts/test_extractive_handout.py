"""Offline handouts from approved documents: whole steps in the sources' order, every line
verbatim and cited, identifiers never searched, patient material preferred, honest when the
documents have nothing."""

from __future__ import annotations

from fakes import HashEmbedder, word_counter

from assistant.handouts.extractive_handout import ExtractiveHandoutBuilder, HandoutRequest
from assistant.handouts.handout import DO, HELP
from knowledge.base import KnowledgeBase
from knowledge.ingest import IngestOptions
from knowledge.retrieval import Retriever

FIFTEEN_FIFTEEN = [
    "If you have these symptoms, check your blood glucose.",
    "If it is below 70, have one of the following right away:",
    "3 or 4 glucose tablets",
    "1 serving of glucose gel—the amount equal to 15 grams of carbohydrate",
    "1/2 cup (4 ounces) of any fruit juice",
    "1/2 cup (4 ounces) of a regular (not diet) soft drink",
    "1 cup (8 ounces) of milk",
    "5 or 6 pieces of hard candy",
    "1 tablespoon of sugar or honey",
    "After 15 minutes, check your blood glucose again.",
    "If it’s still too low, have another serving.",
    "Repeat these steps until your blood glucose level is 70 or higher.",
]


def test_the_fifteen_fifteen_rule_is_all_there_in_order_and_cited(niddk_kb):
    handout = ExtractiveHandoutBuilder(Retriever(niddk_kb)).build(HandoutRequest("low blood sugar"))
    texts = [line.text for line in handout.lines]
    positions = [texts.index(step) for step in FIFTEEN_FIFTEEN]
    assert positions == sorted(positions)  # every step, in the booklet's order
    do = next(s for s in handout.sections if s.kind == DO)
    assert "If it is below 70, have one of the following right away:" in [
        line.text for line in do.lines
    ]
    for line in handout.lines:
        assert line.text in line.passage.replace("\n\n", " ") or line.text in line.passage
        assert line.source.title == "What I need to know about Eating and Diabetes"
    assert {line.source.page_start for line in handout.lines if line.text in FIFTEEN_FIFTEEN} == {
        13
    }
    assert handout.grade <= handout.target_grade and not handout.notes
    assert handout.grade <= handout.source_grade  # never harder than what it quotes


def test_sick_day_handout_says_when_to_call_with_its_whole_list(niddk_kb):
    handout = ExtractiveHandoutBuilder(Retriever(niddk_kb)).build(
        HandoutRequest("sick day rules for diabetes")
    )
    help_section = next(s for s in handout.sections if s.kind == HELP)
    texts = [line.text for line in help_section.lines]
    assert texts[0] == "Call your health care provider right away if"
    assert "you have ketones" in texts and "you have trouble breathing" in texts
    assert [line.level for line in help_section.lines[1:]] == [1] * (len(texts) - 1)
    assert handout.grade <= handout.source_grade


def test_a_topic_the_documents_do_not_cover_gets_no_handout_and_says_so(niddk_kb):
    handout = ExtractiveHandoutBuilder(Retriever(niddk_kb)).build(
        HandoutRequest("caring for your cast after a broken wrist")
    )
    assert handout.empty and not handout.checks
    assert "No approved document covers" in handout.notes[0]
    assert "general knowledge" in handout.notes[0]


# -- fast: the deterministic embedder ----------------------------------------------------------
class SpyRetriever(Retriever):
    def __init__(self, kb):
        super().__init__(kb)
        self.searched: list[str] = []

    def search(self, question, top_n=None):
        self.searched.append(str(getattr(question, "text", question)))
        return super().search(question, top_n)


def _kb_with(tmp_path, documents: dict[str, str]):
    kb = KnowledgeBase(tmp_path / "home", embedder=HashEmbedder(), count_tokens=word_counter)
    paths = []
    for name, text in documents.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    list(kb.ingest(paths, IngestOptions(approve=True)))
    return kb


FOOT_CARE = (
    "# Foot care\n\nCheck your feet every day for cuts and blisters. "
    "Wash your feet in warm water and dry them well. Call your doctor if a sore does not heal.\n"
)


def test_identifiers_are_removed_before_the_search_and_the_name_stays_on_the_page(tmp_path):
    kb = _kb_with(tmp_path, {"feet.md": FOOT_CARE})
    retriever = SpyRetriever(kb)
    handout = ExtractiveHandoutBuilder(retriever, min_similarity=0.0).build(
        HandoutRequest(
            "foot care for Mrs Jane Okafor DOB 03/04/1950",
            personalise="MRN 4471923, lives alone",
            patient_name="Jane Okafor",
        )
    )
    [searched] = retriever.searched
    for identifier in ("Okafor", "03/04/1950", "4471923"):
        assert identifier not in searched and identifier not in handout.topic
        assert identifier not in handout.personalised_for
    assert "lives alone" in searched and handout.patient_name == "Jane Okafor"
    assert "Okafor" not in str(handout.to_json())  # the name is printed, never exported as data


def test_material_marked_for_patients_comes_first(tmp_path):
    staff = (
        "# Foot checks (staff)\n\nCheck your feet every day, and check every day that "
        "patients check their feet every day.\n"
    )
    kb = _kb_with(tmp_path, {"feet.md": FOOT_CARE, "staff-feet.md": staff})
    patient_id = next(v.version_id for v in kb.live_versions() if v.source_name == "feet.md")
    request = HandoutRequest("check your feet every day")
    # The hashed test embedder has no sense of meaning: no similarity floor here.
    plain = ExtractiveHandoutBuilder(Retriever(kb), min_similarity=0.0).build(request)
    assert plain.lines[0].source.version_id != patient_id  # the staff text matches better
    preferred = ExtractiveHandoutBuilder(
        Retriever(kb), audience_of={patient_id: "patient"}.get, min_similarity=0.0
    ).build(request)
    assert preferred.lines[0].source.version_id == patient_id


def test_the_glucose_amounts_get_picture_spaces_in_every_format(niddk_kb, tmp_path):
    import pypdfium2

    from assistant.core.handout_html import handout_html
    from assistant.core.handout_text import plain_text
    from assistant.ui.handout_pdf import write_handout_pdf

    builder = ExtractiveHandoutBuilder(Retriever(niddk_kb))
    handout = builder.build(HandoutRequest("low blood sugar"))
    spaces = [line.picture for line in handout.lines if line.picture]
    assert spaces[:2] == ["3 or 4 glucose tablets", "1 serving of glucose gel"]
    assert "Picture: 3 or 4 glucose tablets" in plain_text(handout)
    assert "Picture: 3 or 4 glucose tablets" in handout_html(handout)
    pdf = pypdfium2.PdfDocument(write_handout_pdf(handout, tmp_path / "h.pdf"))
    assert "Picture: 3 or 4 glucose tablets" in pdf[0].get_textpage().get_text_range()
    check = next(c for c in handout.checks if c.name.startswith("Visual aids"))
    assert check.passed and "3 or 4 glucose tablets" in check.reason

    plain = builder.build(HandoutRequest("low blood sugar", picture_space=False))
    # the same approved lines, and more of them where no picture takes room
    assert {ln.text for ln in handout.lines} <= {ln.text for ln in plain.lines}
    assert "Picture:" not in plain_text(plain)
    check = next(c for c in plain.checks if c.name.startswith("Visual aids"))
    assert not check.passed and "no space is left" in check.reason


def test_what_to_do_is_split_under_the_booklets_own_headings(niddk_kb):
    from assistant.core.handout_text import plain_text

    # a longer handout than the default, so that it draws on a second part of the booklet
    handout = ExtractiveHandoutBuilder(Retriever(niddk_kb)).build(
        HandoutRequest("low blood sugar", max_words=600)
    )
    do = next(s for s in handout.sections if s.kind == DO)
    subheadings = [sub for sub, _lines in do.parts()]
    assert subheadings[0] == "Low Blood Glucose (Hypoglycemia)"
    assert len(subheadings) == len(set(subheadings)) and all(subheadings)
    assert [ln for _sub, lines in do.parts() for ln in lines] == list(do.lines)  # none lost
    text = plain_text(handout)
    assert text.index("What to do") < text.index("Low Blood Glucose (Hypoglycemia)")
    check = next(c for c in handout.checks if c.name == "One idea per section")
    assert check.passed


def test_a_space_to_write_when_to_get_help_only_where_no_source_says_it(niddk_kb):
    from assistant.core.handout_html import handout_html
    from assistant.core.handout_text import plain_text
    from assistant.handouts.handout import HELP_BLANKS

    builder = ExtractiveHandoutBuilder(Retriever(niddk_kb))
    low = builder.build(HandoutRequest("low blood sugar"))
    assert low.help_to_fill_in and not any(s.kind == HELP for s in low.sections)
    text = plain_text(low)
    assert text.index("What to do") < text.index("When to get help") < text.index(HELP_BLANKS[0])
    if "Good to know" in text:
        assert text.index(HELP_BLANKS[0]) < text.index("Good to know")
    assert HELP_BLANKS[0] in handout_html(low)
    check = next(c for c in low.checks if c.name == "Says when to get help")
    assert not check.passed and "leaves a space for you to write it in" in check.reason

    sick = builder.build(HandoutRequest("sick day rules for diabetes"))
    assert not sick.help_to_fill_in and HELP_BLANKS[0] not in plain_text(sick)


def test_picture_and_help_spaces_take_room_from_the_extras_never_from_the_lead(niddk_kb):
    builder = ExtractiveHandoutBuilder(Retriever(niddk_kb))
    spaced = builder.build(HandoutRequest("low blood sugar", max_words=260))
    plain = builder.build(HandoutRequest("low blood sugar", max_words=260, picture_space=False))
    assert len(spaced.lines) < len(plain.lines)  # three picture spaces cost the last extra
    for handout in (spaced, plain):
        texts = [line.text for line in handout.lines]
        assert all(step in texts for step in FIFTEEN_FIFTEEN)


def test_a_staff_procedure_handout_reports_and_says_where_to_go_and_skips_its_scope(
    demo_home, real_embedder
):
    kb = KnowledgeBase(demo_home, embedder=real_embedder)
    handout = ExtractiveHandoutBuilder(Retriever(kb)).build(
        HandoutRequest("what to do after a needlestick injury", personalise="works night shifts")
    )
    kinds = {line.text: section.kind for section in handout.sections for line in section.lines}
    assert kinds["Report the injury to Occupational Health within 1 hour."] == DO
    assert any(k == HELP and "Emergency Department" in t for t, k in kinds.items())
    assert not handout.help_to_fill_in  # the source says where to go: no blank to fill in
    assert not any(line.source.section.endswith("Scope") for line in handout.lines)


def test_a_section_whose_best_chunk_is_a_blank_form_still_leads_with_its_own_text():
    from types import SimpleNamespace

    from assistant.handouts.extractive_handout import _leading

    def passage(version, section):
        return SimpleNamespace(source=SimpleNamespace(version_id=version, section=section))

    passages = [
        passage("booklet", "Alcoholic Drinks"),  # the form to fill in: nothing to quote
        passage("report", "Binge Drinking > Summary"),  # closer than the booklet's text
        passage("booklet", "Alcoholic Drinks"),
    ]
    assert _leading(passages, [0, 120, 60]) == 2
    assert _leading(passages, [40, 120, 60]) == 0  # a best passage with text leads itself
    assert _leading(passages[:2], [0, 120]) == 1  # else the best with something to quote


def test_a_lead_harder_than_its_sources_loses_background_never_steps():
    from assistant.handouts.extractive_handout import _Candidate
    from assistant.handouts.handout import KNOW
    from assistant.handouts.passage_units import ITEM, TEXT, PassageUnit

    step = PassageUnit("Wash your hands with soap.", ITEM, DO, 0, 0)
    hard = PassageUnit(
        "Institutional adherence to multidisciplinary recommendations necessitates "
        "comprehensive organizational accountability mechanisms.",
        TEXT,
        KNOW,
        1,
        1,
    )
    lead = [_Candidate((step,), 0, 5, True), _Candidate((hard,), 0, 9, True)]
    builder = ExtractiveHandoutBuilder.__new__(ExtractiveHandoutBuilder)
    kept = builder._no_harder_than(4.0, lead, "en")
    assert [c.units for c in kept] == [(step,)]
    # a lead of steps alone is kept whole, however hard
    assert builder._no_harder_than(0.0, lead[:1], "en") == lead[:1]


STAFF_ONLY = (
    "# Opioid-induced constipation\n\n"
    "Prophylactic pharmacological management of opioid-induced constipation necessitates "
    "concurrent initiation of osmotic or stimulant laxatives alongside individualized "
    "dietary modification recommendations.\n"
)


def _why_no_handout(tmp_path, name: str, text: str, topic: str):
    """The library of one document, and the one note of the empty handout made from it."""
    kb = _kb_with(tmp_path, {name: text})
    handout = ExtractiveHandoutBuilder(Retriever(kb), min_similarity=0.0).build(
        HandoutRequest(topic)
    )
    assert handout.empty
    [note] = handout.notes
    assert name in note
    return kb, note


def test_a_topic_found_only_in_staff_language_gets_no_handout_and_the_reason(tmp_path):
    kb, note = _why_no_handout(tmp_path, "staff.md", STAFF_ONLY, "constipation from opioids")
    assert "written for staff" in note
    assert "No approved document covers" not in note  # it does; it is too hard to quote
    # chosen for a model to reword, the same sentence is taken
    for_model = ExtractiveHandoutBuilder(Retriever(kb), min_similarity=0.0).build(
        HandoutRequest("constipation from opioids", to_reword=True)
    )
    assert [line.text for line in for_model.lines] == [STAFF_ONLY.split("\n\n")[1].strip()]


def test_a_topic_found_only_in_a_blank_form_says_there_is_nothing_to_quote(tmp_path):
    form = "# Blood glucose log\n\nDate: ____\n\nReading: ____\n\nTime: ____\n"
    _kb, note = _why_no_handout(tmp_path, "log.md", form, "blood glucose log")
    assert "no whole sentence or list to quote" in note
    assert "written for staff" not in note


def test_a_reference_list_is_never_quoted_even_when_it_holds_the_topics_words(tmp_path):
    # A paper's title in the reference list carries the topic's words ("driving on opioids")
    # closer than the guideline's own advice: the handout quotes the advice, never the list.
    guideline = (
        "# Opioids and driving\n\nDo not drive after you take your pain medicine. "
        "Ask your doctor when it is safe to drive again.\n\n"
        "# References\n\nSmith AB, Jones CD. Driving on opioid pain medicine: epidemiological "
        "associations between prescription opioid analgesics and motor vehicle collisions, a "
        "population-based cohort study. Pharmacoepidemiol Drug Saf 2019;12:34-45.\n"
    )
    kb = _kb_with(tmp_path, {"opioids.md": guideline})
    handout = ExtractiveHandoutBuilder(Retriever(kb), min_similarity=0.0).build(
        HandoutRequest("driving on opioids")
    )
    quoted = [line.text for line in handout.lines]
    assert "Do not drive after you take your pain medicine." in quoted
    assert not any("Smith AB" in text or "cohort" in text for text in quoted)
    assert not any(line.source.section.endswith("References") for line in handout.lines)


def test_a_topic_found_only_in_a_reference_list_says_so(tmp_path):
    references = (
        "# References\n\nSmith AB, Jones CD. Driving on opioid pain medicine: epidemiological "
        "associations with motor vehicle collisions. Pharmacoepidemiol Drug Saf 2019;12:34-45.\n"
    )
    _kb, note = _why_no_handout(tmp_path, "refs.md", references, "driving on opioids")
    assert "reference lists" in note
    assert "tables or forms" not in note and "written for staff" not in note


def test_a_term_its_own_passages_leave_unexplained_is_explained_from_another_cited_one(
    niddk_kb,
):
    handout = ExtractiveHandoutBuilder(Retriever(niddk_kb)).build(
        HandoutRequest("exercising safely with diabetes")
    )
    text = " ".join(line.text for line in handout.lines).lower()
    assert "hypoglycemia" in text
    [entry] = [g for g in handout.glossary if g.term == "hypoglycemia"]
    assert entry.meaning == "low blood glucose"  # the booklet's own heading elsewhere
    assert entry.cited is not None and entry.cited.page_start == 13
    assert "Low Blood Glucose (Hypoglycemia)" in entry.cited.section
    # the page it came from is among the sources the footer lists
    assert (entry.cited.version_id, 13) in {(s.version_id, s.page_start) for s in handout.sources()}
    assert not any(c.name == "Medical terms explained" and not c.passed for c in handout.checks)
