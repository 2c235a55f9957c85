"""The answering engine: question in, grounded and cited answer out (streamed).

Order of work, each step a guard for the next: patient identifiers are redacted (or the
question is blocked) before anything could leave the machine; retrieval sees only approved,
current versions; weak evidence ends in an honest refusal with the closest documents and no
LLM call; otherwise the answer is extracted (offline) or generated (LLM), its citations are
cleaned and every sentence is checked against the passage it cites.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator

from assistant import phi
from assistant.answer import (
    LLM_MODE,
    OFFLINE_MODE,
    Answer,
    AnswerEvent,
    Citation,
    ClosestDocument,
)
from assistant.audit import AuditError
from assistant.citations import (
    NOT_IN_DOCUMENTS,
    check_support,
    clean_markers,
    drop_unsupported,
    split_claims,
)
from assistant.extractive import select_sentences
from assistant.prompt import build_messages
from assistant.settings import Settings
from knowledge.evidence import VALUE_LABELS, question_coverage, requested_value, value_coverage
from knowledge.language import LANGUAGE_NAMES, detect_language
from knowledge.retrieval import Passage, RetrievalResult, Retriever

NO_ANSWER = "No approved document covers this question."
# A near miss: the subject is there, the value asked for is not. Said plainly, so the
# clinician does not go looking for a number the documents never give.
NO_VALUE = NO_ANSWER + " The approved documents discuss its subject but state no {} for it."
# Said instead of "not covered": the documents may well cover it, in English.
NOT_ENGLISH = (
    "This question looks like it is in {}. The approved documents are in English and answers "
    "are only given from them: please ask the question in English."
)


def _citation(number: int, p: Passage, quotes: list[str]) -> Citation:
    return Citation(
        number=number,
        chunk_id=p.chunk_id,
        doc_id=p.doc_id,
        version_id=p.version_id,
        version=p.version,
        title=p.title,
        source_name=p.source_name,
        source_path=p.source_path,
        section=p.section,
        page_start=p.page_start,
        page_end=p.page_end,
        position_start=p.position_start,
        position_end=p.position_end,
        char_start=p.char_start,
        char_end=p.char_end,
        approved_at=p.approved_at,
        passage=p.text,
        quotes=quotes,
    )


def closest_documents(passages: list[Passage], limit: int = 3) -> list[ClosestDocument]:
    seen: dict[str, ClosestDocument] = {}
    for p in sorted(passages, key=lambda p: p.similarity, reverse=True):
        if p.doc_id not in seen:
            seen[p.doc_id] = ClosestDocument(
                p.doc_id,
                p.title,
                p.source_name,
                p.version,
                p.section,
                p.page_start,
                round(p.similarity, 3),
            )
    return list(seen.values())[:limit]


class AnswerEngine:
    """Thread-safe: holds no per-question state. `chat_client` is None for offline mode."""

    def __init__(
        self,
        kb,
        settings: Settings,
        chat_client=None,
        retriever: Retriever | None = None,
        audit=None,
    ):
        self.kb = kb
        self.settings = settings
        self.chat = chat_client
        self.retriever = retriever or Retriever(kb)
        self.audit = audit  # an AuditLog (or None): every answer is logged before it is shown

    @property
    def online(self) -> bool:
        return self.chat is not None

    def ask(self, question: str) -> Answer:
        for event in self.stream(question):
            if event.kind == "done":
                return event.answer
        raise RuntimeError("the answer stream ended without an answer")  # pragma: no cover

    def stream(self, question: str) -> Iterator[AnswerEvent]:
        started = time.perf_counter()
        question = " ".join(question.split())
        if not question:
            raise ValueError("the question is empty")
        redaction = phi.redact(question)
        base = Answer(
            question=question,
            sent_question=redaction.text,
            text="",
            citations=[],
            redactions=redaction.summary(),
            redaction_notice=self._notice(redaction),
        )
        if self.online:
            base.mode, base.provider, base.model = (
                LLM_MODE,
                self.settings.llm.provider,
                self.chat.model,
            )
            if redaction.changed and self.settings.privacy.phi_mode == "block":
                yield self._done(
                    base, started, refused=True, reason="blocked: " + _block_reason(redaction)
                )
                return
        yield AnswerEvent("status", "Searching approved documents…")
        # Identifiers never appear in a policy: in both modes retrieval, the refusal rule and
        # sentence selection see the question without them, so a patient's name or MRN can
        # neither pull in passages nor count against the evidence.
        clean = _without_identifiers(base.sent_question)
        language = detect_language(clean)
        if language != "en":
            # Said before searching: closest documents found for words in another language
            # would be noise, and the fix is the clinician's, not the library's.
            reason = NOT_ENGLISH.format(LANGUAGE_NAMES[language])
            yield self._done(base, started, refused=True, reason=reason)
            return
        result = self.retriever.search(clean)
        base.timings_ms.update({f"retrieval_{k}": v for k, v in result.timings_ms.items()})
        base.closest = closest_documents(result.passages)
        if result.expansion is not None:
            base.query_expansions = result.expansion.to_json()
        refusal = self._refusal(clean, result)
        if refusal:
            yield self._done(base, started, refused=True, reason=refusal)
            return
        if self.online:
            yield from self._generate(base, result, started)
        else:
            yield self._extract(base, result, started, clean)

    def _refusal(self, question: str, result: RetrievalResult) -> str:
        """The calibrated refusal rule (benchmarks/results/registers.md), "" to answer. A
        question in another language is refused as such. The best passage must be close
        enough in meaning (less close when one passage holds most of the question's concepts);
        some top passage must hold enough of the question's concepts; and when the question
        asks for a kind of value (a duration, a dose), enough of them must be found around a
        sentence carrying such a value."""
        cfg = self.settings.answer
        language = detect_language(question)  # stream() says so before searching
        if language != "en":
            return NOT_ENGLISH.format(LANGUAGE_NAMES[language])
        expansion = result.expansion
        coverage = question_coverage(question, result.passages, expansion=expansion)
        floor = cfg.relaxed_similarity if coverage >= cfg.relaxed_coverage else cfg.min_similarity
        if result.best_similarity < floor or coverage < cfg.min_coverage:
            return NO_ANSWER
        around_value = value_coverage(question, result.passages, expansion=expansion)
        if around_value is not None and around_value < cfg.min_value_coverage:
            return NO_VALUE.format(VALUE_LABELS[requested_value(question)])
        return ""

    def _notice(self, redaction) -> str:
        notice = redaction.notice()
        if notice and not self.online:
            # Offline nothing is sent anywhere, but the clinician still sees what was found,
            # so the habit of leaving identifiers out holds when a cloud model is switched on.
            notice = notice.replace("Removed before sending:", "Patient identifiers noticed:")
            notice += " Offline mode: nothing left this computer."
        return notice

    # -- offline ---------------------------------------------------------------------------------
    def _extract(
        self, answer: Answer, result: RetrievalResult, started: float, question: str = ""
    ) -> AnswerEvent:
        extracts = select_sentences(
            question or answer.question, result.passages, expansion=result.expansion
        )
        if not extracts:
            return self._done(answer, started, refused=True, reason=NO_ANSWER)
        numbers: dict[int, int] = {}
        quotes: dict[int, list[str]] = {}
        text = ""
        previous = None
        for extract in extracts:
            n = numbers.setdefault(extract.passage_index, len(numbers) + 1)
            quotes.setdefault(extract.passage_index, []).append(extract.text)
            # A lead-in and the list it introduces are one statement with one marker.
            marker = "" if extract.continued else f" [{n}]"
            text += _joiner(previous, extract) + extract.text + marker
            previous = extract
        answer.text = text
        answer.citations = [
            _citation(n, result.passages[index], quotes[index]) for index, n in numbers.items()
        ]
        # Verbatim sentences are supported by the passage they are cited to by construction.
        statements = sum(not e.continued for e in extracts)
        answer.claims_total = answer.claims_verified = statements
        return self._done(answer, started)

    # -- LLM -------------------------------------------------------------------------------------
    def _generate(self, answer: Answer, result: RetrievalResult, started: float):
        from assistant.llm import LLMError

        passages = result.passages[: self.settings.answer.passages]
        messages = build_messages(answer.sent_question, passages)
        yield AnswerEvent("status", f"Asking {self.chat.model}…")
        pieces: list[str] = []
        generation_started = time.perf_counter()
        try:
            for event in self.chat.stream(messages, max_tokens=self.settings.answer.max_tokens):
                if event.delta:
                    pieces.append(event.delta)
                    yield AnswerEvent("delta", event.delta)
        except LLMError as exc:
            # A grounded extractive answer beats none: say why, and fall back to it.
            answer.mode, answer.model = OFFLINE_MODE, ""
            answer.notices.append(
                f"The language model could not answer ({exc}); showing sentences quoted from "
                "the approved documents instead."
            )
            yield self._extract(answer, result, started)
            return
        answer.timings_ms["generation_ms"] = _ms(generation_started)
        yield self._finish_generated(answer, "".join(pieces), passages, started)

    def _finish_generated(self, answer: Answer, raw: str, passages: list[Passage], started: float):
        text, used, removed = clean_markers(raw.strip(), len(passages))
        if not used and NOT_IN_DOCUMENTS.search(text):
            return self._done(answer, started, refused=True, reason=NO_ANSWER)
        claims = split_claims(text)
        cited_passages = [passages[n - 1] for n in used]
        check_support(claims, [p.text for p in cited_passages], self._embed)
        unsupported = [c for c in claims if not c.supported]
        if unsupported and self.settings.answer.unsupported == "drop":
            text = drop_unsupported(text, claims)
            claims = [c for c in claims if c.supported]
        answer.text = text
        answer.claims_total = len(claims)
        answer.claims_verified = sum(c.supported for c in claims)
        answer.unverified = [c.text for c in claims if not c.supported]
        answer.citations = [
            _citation(i + 1, p, [c.evidence for c in claims if i + 1 in c.cited and c.evidence])
            for i, p in enumerate(cited_passages)
        ]
        if removed:
            answer.timings_ms["removed_markers"] = float(removed)
        return self._done(answer, started)

    def _embed(self, texts: list[str]):
        return self.kb.embedder.embed_documents(texts)

    def _done(self, answer: Answer, started: float, refused: bool = False, reason: str = ""):
        if refused:
            answer.refused, answer.refusal_reason = True, reason
            answer.text = reason if reason.startswith("blocked") else _refusal_text(answer)
            answer.citations = []
        answer.timings_ms["total_ms"] = _ms(started)
        if self.audit is not None:
            # Writing the audit entry is part of answering: if it fails, no answer is shown.
            try:
                self.audit.record_answer(answer)
            except AuditError:
                raise
            except Exception as exc:
                raise AuditError(f"the audit entry could not be written: {exc}") from exc
        return AnswerEvent("done", answer=answer)


# A redaction placeholder, with the label that announced it ("MRN [MRN-1]", "born [DOB-1]").
_PLACEHOLDER = re.compile(
    r"(?:\b(?:mrn|dob|d\.o\.b\.?|born|date of birth|phone|tel|ph|mobile|cell|ssn|nhs(?: no\.?| "
    r"number)?|hospital (?:no\.?|number)|record (?:no\.?|number)|id|number|no\.?)\s*[:#]?\s*)?"
    r"#?\s*\[[A-Z]+(?:-\d+|-90\+)\]",
    re.I,
)
# A full date (day, month and year) is a patient's date, never part of a clinical question.
# One separator throughout: "0.5-10 mg" is a dose range, not a date.
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_FULL_DATE = re.compile(
    rf"\b(?:\d{{1,2}}([/.-])\d{{1,2}}\1\d{{2,4}}|\d{{4}}-\d{{2}}-\d{{2}}|"
    rf"\d{{1,2}} {_MONTH} \d{{4}}|{_MONTH} \d{{1,2}},? \d{{4}})\b",
    re.I,
)


def search_text(question: str) -> str:
    """What retrieval and the refusal rule see of a question as typed (the engine does the
    same from the redaction it has already made); for benchmarks that search on their own."""
    return _without_identifiers(phi.redact(" ".join(question.split())).text)


def _without_identifiers(text: str) -> str:
    """The redacted question minus placeholders, their labels and full dates: identifiers
    never appear in a policy, so they must neither steer retrieval nor count against the
    question's coverage by the passages."""
    text = _PLACEHOLDER.sub(" ", _FULL_DATE.sub("[DATE-0]", text))
    return " ".join(re.sub(r"\(\s*\)|,\s*(?=[,:;)?])", " ", text).split())


def _joiner(previous, extract) -> str:
    """A new paragraph per passage; a line break after a table row or list line (no full
    stop) and inside a lead-in's run, so extracted rows read as rows; otherwise a space."""
    if previous is None:
        return ""
    if previous.passage_index != extract.passage_index:
        return "\n\n"
    if previous.continued or not previous.text.rstrip().endswith((".", "!", "?", ";", ":")):
        return "  \n"
    return " "


def _refusal_text(answer: Answer) -> str:
    text = answer.refusal_reason
    if text == NO_ANSWER:
        text += " It cannot be answered from the approved documents."
    if answer.closest:
        names = "; ".join(f"{d.title} (v{d.version})" for d in answer.closest)
        text += f" The closest documents are: {names}."
    return text


def _block_reason(redaction) -> str:
    kinds = ", ".join(sorted(redaction.summary()))
    return (
        f"the question contains patient identifiers ({kinds}) and the privacy setting "
        "blocks sending them; remove them and ask again"
    )


def _ms(since: float) -> float:
    return round((time.perf_counter() - since) * 1000, 2)
