"""The offline handout: approved sentences and list items, word for word, ordered as steps.

1. Search the approved documents for the topic (identifiers removed first), with the
   clinician's personalisation words ("insulin pump", "lives alone") added to the search.
   Passages from documents an admin marked `audience: patient` come first.
2. Cut the best passages into sentences and list items (assistant/handouts/passage_units.py)
   and score each group against the topic: how close it is in meaning, whether it is a step
   or says when to get help, whether it shares the personalisation's words, and how far its
   reading grade is above the target.
3. Keep the best groups within a word budget (about two large-type pages), then lay them out:
   what to do (in the sources' own order), when to get help, good to know.
4. Measure the result's grade, name what it could not reach, and run the quality checks.

Nothing is reworded: a handout can be no simpler than its sources, and says so when they are
written above the target.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from assistant.answering import phi
from assistant.handouts import quality
from assistant.handouts.glossary import glossary_for, meaning_elsewhere, medical_terms
from assistant.handouts.handout import (
    DO,
    HELP,
    KNOW,
    GlossaryEntry,
    Handout,
    HandoutLine,
    HandoutSection,
)
from assistant.handouts.passage_units import ITEM, LEAD_IN, PassageUnit, groups, passage_units
from assistant.handouts.pictures import with_pictures
from assistant.handouts.readability import measure, sentence_grade
from knowledge.analysis import stems
from knowledge.document_sections import about_the_document, cites_others

PASSAGES = 5  # the best passages a handout draws on
MIN_SIMILARITY = 0.40  # below this, the documents have nothing on the topic (as for answers)
QUOTABLE_WORDS = 25  # a passage with less to quote than this does not lead the handout
GROUP_FLOOR = 0.40  # beyond the best passage, a group must be this close to the topic...
NEAR_BEST = 0.12  # ...or, in a passage this close to the best one's similarity,
GROUP_FLOOR_NEAR = 0.25  # only this close (as in a passage that would answer the topic alone:
ANSWERS = 0.48  # the answer floor, AnswerSettings.min_similarity)
KNOW_EXTRA_FLOOR = 0.10
# Nothing written this far above the target grade is added (twice as far in the best passage).
GRADE_SLACK = 4.0
PERSONAL_BONUS = 0.05  # similarity a passage sharing the personalisation's words gains
GLOSSARY_PASSAGES = 10  # passages searched for a term the handout's own leave unexplained
KNOW_LINES = 4  # beyond the best passage, "Good to know" stays short: the handout is for doing
# The room a picture space and the space to write when to get help take on the printed page,
# in words of large type (measured on the PDF: about three lines, and four).
PICTURE_WORDS = 24
HELP_WORDS = 32


@dataclass(frozen=True)
class HandoutRequest:
    topic: str
    target_grade: float = 6.0
    language: str = "en"
    personalise: str = ""  # the clinician's words about this patient, identifiers removed
    patient_name: str = ""  # printed on the handout only
    max_words: int = 320
    picture_space: bool = True  # leave space for a picture beside amounts to measure
    # A language model will reword what is chosen: sentences written above the target are
    # chosen too (staff guidance is often all a library has), and the model brings them down.
    to_reword: bool = False


@dataclass(frozen=True)
class _Candidate:
    units: tuple[PassageUnit, ...]
    passage_rank: int
    words: int
    lead: bool  # from the passage that leads the handout


class ExtractiveHandoutBuilder:
    def __init__(
        self,
        retriever,
        audience_of: Callable[[str], str | None] | None = None,
        min_similarity: float = MIN_SIMILARITY,
    ):
        self.retriever = retriever
        self.embedder = retriever.kb.embedder
        self.audience_of = audience_of or (lambda version_id: "")
        self.min_similarity = min_similarity

    def build(self, request: HandoutRequest) -> Handout:
        topic = phi.redact(request.topic).text.strip()
        personal = phi.redact(request.personalise).text.strip()
        query = f"{topic} ({personal})" if personal else topic
        result = self.retriever.search(query, top_n=PASSAGES * 2)
        passages = self._preferred([p for p in result.passages if p.text.strip()], personal)
        if not passages or result.best_similarity < self.min_similarity:
            return self._nothing(request, topic, personal)
        passages = [self._completed(p) for p in passages[:PASSAGES]]
        # The personalisation chose and ordered the passages; what is quoted from them must be
        # about the topic itself ("uses insulin" must not bring in a staff rule on insulin).
        chosen = self._choose(passages, topic, request)
        sources = measure("\n".join(p.text for p in passages), request.language)
        if not request.to_reword:
            chosen = self._no_harder_than(sources.grade, chosen, request.language)
        if not chosen:  # found, but nothing in it to put before a patient as it is
            hard = bool(self._choose(passages, topic, replace(request, to_reword=True)))
            return self._nothing(request, topic, personal, _why_none(passages, sources, hard))
        sections = self._within_pages(chosen, passages, request)
        return self._finished(request, topic, personal, sections, passages, sources)

    # -- choosing ---------------------------------------------------------------------------------
    def _preferred(self, passages: list, personal: str) -> list:
        """Patient material first; then passages sharing the personalisation's words, when
        they are nearly as close to the topic; then the search's own order."""
        personal_stems = set(stems(personal)) if personal else set()

        def key(item):
            rank, passage = item
            patient = self.audience_of(passage.source.version_id) == "patient"
            personal_match = bool(personal_stems & set(stems(passage.text)))
            return (not patient, -(passage.similarity + PERSONAL_BONUS * personal_match), rank)

        return [p for _rank, p in sorted(enumerate(passages), key=key)]

    def _completed(self, passage):
        """A passage ending in a lead-in is joined with the next chunk, which holds its list."""
        units = passage_units(passage.text)
        if units and units[-1].kind == LEAD_IN:
            following = self.retriever.following(passage.source)
            if following is not None:
                return _Joined(passage, following)
        return passage

    def _choose(self, passages, topic: str, request) -> list[_Candidate]:
        """Passage by passage, best first, each passage's groups in its own order: a procedure
        keeps its steps. A group far from the topic in meaning is left out, and a passage that
        does not fit the word budget gives what fits, in order."""
        chosen: list[_Candidate] = []
        words = know = 0
        for candidate in self._candidates(passages, topic, request):
            purpose = candidate.units[0].purpose
            if words + candidate.words > request.max_words:
                continue
            if purpose == KNOW and know >= KNOW_LINES and not candidate.lead:
                continue
            chosen.append(candidate)
            words += candidate.words
            know += purpose == KNOW and not candidate.lead
        return chosen

    def _candidates(self, passages, topic: str, request) -> list[_Candidate]:
        # A reference list or the authors' affiliations are never put before a patient, even
        # when the topic's words are in a paper's title there: nothing in them is quoted.
        found = [
            (rank, group)
            for rank, passage in enumerate(passages)
            if not cites_others(passage.source.section)
            for group in groups(passage_units(passage.text))
        ]
        if not found:
            return []
        texts = [" ".join(u.text for u in group) for _rank, group in found]
        # The best passage with something to quote (a mangled table may have nothing).
        words_in = [0] * len(passages)
        for (rank, _group), text in zip(found, texts, strict=True):
            words_in[rank] += len(text.split())
        first = _leading(passages, words_in)
        best = max(p.similarity for p in passages)
        closeness = self.embedder.embed_documents(texts) @ self.embedder.embed_query(topic)
        out = []
        for (rank, group), text, close in zip(found, texts, closeness, strict=True):
            # The passage that leads is the topic's own section: it is kept whole (a
            # procedure keeps every step). Passages nearly as close add what is near the
            # topic; the others only what is close to it.
            floor = 0.0 if rank == first else GROUP_FLOOR
            similarity = passages[rank].similarity
            if rank != first and (similarity >= best - NEAR_BEST or similarity >= ANSWERS):
                floor = GROUP_FLOOR_NEAR
            if rank != first and group[0].purpose == KNOW:
                floor += KNOW_EXTRA_FLOOR  # background from elsewhere must be squarely on topic
            # Graded line by line: a list's items are sentences of their own.
            grade = sentence_grade("\n".join(u.text for u in group), request.language)
            too_hard = request.target_grade + GRADE_SLACK * (2 if rank == first else 1)
            if close < floor or (grade > too_hard and not request.to_reword):
                continue
            if rank != first and about_the_document(passages[rank].source.section):
                continue  # "Scope: it covers injuries from used and unused sharps"
            # One piece to read: another document adds only when nearly as close ("drinking
            # alcohol with diabetes" takes no national binge-drinking figures).
            elsewhere = passages[rank].source.version_id != passages[first].source.version_id
            if elsewhere and similarity < best - NEAR_BEST:
                continue
            out.append(_Candidate(tuple(group), rank, len(text.split()), rank == first))
        return out

    def _no_harder_than(self, limit: float, chosen, language: str) -> list[_Candidate]:
        """A handout reads no harder than what it was taken from (`limit`, the sources'
        grade): the hardest additions from other passages are dropped until it does; then,
        if the leading passage alone is harder than the sources, its hardest background
        sentences (never a step, never a list, never the last line left)."""
        chosen = list(chosen)

        def grade_of(candidates) -> float:
            return measure("\n".join(u.text for c in candidates for u in c.units), language).grade

        def hardness(c: _Candidate) -> float:
            return sentence_grade("\n".join(u.text for u in c.units), language)

        while grade_of(chosen) > limit:
            extras = [c for c in chosen if not c.lead]
            background = [
                c for c in chosen if c.lead and len(c.units) == 1 and c.units[0].purpose == KNOW
            ]
            droppable = extras or (background if len(chosen) > 1 else [])
            if not droppable:
                break
            chosen.remove(max(droppable, key=hardness))
        return chosen

    def _within_pages(self, chosen: list[_Candidate], passages, request) -> tuple:
        """The sections, their picture spaces marked, with room left on the page for those
        and for the space to write when to get help: the lines they would push past two
        pages go, the last chosen first (the leading passage is never cut)."""
        chosen = list(chosen)
        while True:
            sections = self._sections(chosen, passages, request.language)
            pictured = with_pictures(sections, request.picture_space)
            spaces = sum(bool(line.picture) for s in pictured for line in s.lines)
            no_help = not any(s.kind == HELP for s in sections)
            words = sum(c.words for c in chosen) + spaces * PICTURE_WORDS + no_help * HELP_WORDS
            extras = [c for c in chosen if not c.lead]
            if words <= request.max_words or not extras:
                return pictured
            chosen.remove(extras[-1])

    # -- laying out -------------------------------------------------------------------------------
    def _sections(self, chosen: list[_Candidate], passages, language: str):
        by_purpose: dict[str, list[HandoutLine]] = {DO: [], HELP: [], KNOW: []}
        # The sources' own order: passages of one document by their place in it (p. 48 before
        # p. 49), documents by their best passage.
        document_rank: dict[str, int] = {}
        for passage in passages:
            document_rank.setdefault(passage.source.version_id, len(document_rank))

        def reading_order(c: _Candidate):
            source = passages[c.passage_rank].source
            return (document_rank[source.version_id], source.chunk_index, c.units[0].order)

        for candidate in sorted(chosen, key=reading_order):
            passage = passages[candidate.passage_rank]
            for unit in candidate.units:
                by_purpose[candidate.units[0].purpose].append(
                    HandoutLine(
                        text=unit.text,
                        source=passage.source_of(unit.text)
                        if isinstance(passage, _Joined)
                        else passage.source,
                        passage=passage.text,
                        grade=sentence_grade(unit.text, language),
                        step=unit.kind == ITEM,
                        level=unit.level,
                    )
                )
        return tuple(
            HandoutSection(kind, tuple(lines)) for kind, lines in by_purpose.items() if lines
        )

    def _glossary(self, text: str, passages) -> tuple[GlossaryEntry, ...]:
        """The terms the handout's passages explain; a term they leave unexplained is looked
        up in the rest of the approved library (one search a term)."""
        own = glossary_for(text, [p.text for p in passages] + [p.source.section for p in passages])
        missing = sorted(medical_terms(text) - {g.term for g in own})
        found = (
            meaning_elsewhere(t, self.retriever.search(t, top_n=GLOSSARY_PASSAGES).passages)
            for t in missing
        )
        return own + tuple(entry for entry in found if entry is not None)

    def _finished(self, request, topic, personal, sections, passages, source_reading) -> Handout:
        text = "\n".join(line.text for s in sections for line in s.lines)
        reading = measure(text, request.language)
        glossary = self._glossary(text, passages)
        notes = []
        if reading.grade > request.target_grade:
            notes.append(
                f"The approved sources are written at about grade {source_reading.grade:g}; this "
                f"handout reaches grade {reading.grade:g}, above the target of "
                f"{request.target_grade:g}. Offline handouts quote the sources word for word, so "
                "they cannot be simpler than them: choose simpler patient material, or use a "
                "reworded handout where your site has a language model."
            )
        if request.language != "en":
            notes.append(
                "The approved documents are in English: this offline handout is in English. "
                "A translated handout needs a language model (LLM mode)."
            )
        return Handout(
            title=_title(topic),
            topic=topic,
            language="en",
            target_grade=request.target_grade,
            sections=sections,
            glossary=glossary,
            grade=reading.grade,
            smog=reading.smog,
            source_grade=source_reading.grade,
            notes=tuple(notes),
            checks=quality.checks(sections, glossary, reading, request.target_grade),
            patient_name=request.patient_name.strip(),
            personalised_for=personal,
            picture_space=request.picture_space,
        )

    def _nothing(self, request, topic: str, personal: str, why: str = "") -> Handout:
        why = why or (
            f"No approved document covers \u201c{topic}\u201d closely enough to make a "
            "handout from."
        )
        return Handout(
            title=_title(topic),
            topic=topic,
            language="en",
            target_grade=request.target_grade,
            sections=(),
            notes=(f"{why} Nothing was written from general knowledge.",),
            patient_name=request.patient_name.strip(),
            personalised_for=personal,
        )


class _Joined:
    """A passage and the chunk after it, read as one (a lead-in and its list)."""

    def __init__(self, first, second):
        self.first, self.second = first, second
        self.text = f"{first.text}\n\n{second.text}"
        self.source = first.source
        self.similarity = first.similarity

    def source_of(self, unit_text: str):
        return self.first.source if unit_text in self.first.text else self.second.source


def _leading(passages, words_in: list[int]) -> int:
    """The passage that leads: the best with something to quote. When the best is a form or
    a table the PDF mangled ("Alcoholic Drinks": blank lines to fill in), its own section's
    text leads, before a closer passage from elsewhere."""
    quotable = [rank for rank, n in enumerate(words_in) if n >= QUOTABLE_WORDS]
    best = passages[0].source
    own_section = [
        rank
        for rank in quotable
        if passages[rank].source.version_id == best.version_id
        and passages[rank].source.section == best.section
    ]
    return (own_section or quotable or [0])[0]


def _why_none(passages, sources, too_hard: bool) -> str:
    """Why a topic the documents do discuss gets no offline handout: only in reference lists;
    written for staff, above what a patient handout may quote; or only tables and forms, no
    sentence to quote."""
    names = ", ".join(list(dict.fromkeys(p.source.source_name for p in passages))[:3])
    if all(cites_others(p.source.section) for p in passages):
        return (
            f"The approved documents found ({names}) name this topic only in their reference "
            "lists or acknowledgements: nothing there is for a patient to read."
        )
    if too_hard:
        return (
            f"The approved documents found ({names}) discuss this topic, but they are written "
            f"for staff (about grade {sources.grade:g}): no sentence in them is plain enough to "
            "quote on a patient handout. A reworded handout needs a language model (LLM mode)."
        )
    return (
        f"The approved documents found ({names}) discuss this topic, but the passages hold "
        "no whole sentence or list to quote (tables or forms only)."
    )


def _title(topic: str) -> str:
    topic = topic.strip().rstrip("?.!")
    return topic[:1].upper() + topic[1:] if topic else "Patient information"


__all__ = ["ExtractiveHandoutBuilder", "HandoutRequest"]
