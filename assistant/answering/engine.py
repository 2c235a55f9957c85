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

from assistant.answering import phi
from assistant.answering.answer import (
    ANSWERED,
    BLOCKED,
    CARDS,
    LLM_MODE,
    NOT_COVERED,
    OFFLINE_MODE,
    PLAIN,
    RELATED,
    Answer,
    AnswerEvent,
    ClosestDocument,
)
from assistant.answering.answer_labels import RELATED_BADGE
from assistant.answering.citations import (
    NOT_IN_DOCUMENTS,
    check_support,
    clean_markers,
    drop_unsupported,
    split_claims,
)
from assistant.answering.evidence_builder import EvidenceBuilder, passage_citation
from assistant.answering.evidence_layout import cards_text
from assistant.answering.follow_up import (
    clean_rewrite,
    combined,
    has_own_subject,
    is_dependent,
    new_topic,
    points_back,
    rewrite_messages,
)
from assistant.answering.prompt import build_messages
from assistant.answering.refusal_rule import NO_ANSWER, NOT_ENGLISH, RefusalRule
from assistant.governance.audit import AuditError
from assistant.governance.settings import Settings
from knowledge.language import LANGUAGE_NAMES
from knowledge.question import Question
from knowledge.retrieval import Passage, RetrievalResult, Retriever
from knowledge.similar_words import SimilarWords

# Amber: the evidence is between the answer and refusal thresholds, so the passages are shown
# for the clinician to judge, and nothing is said as an answer.
RELATED_NOTE = RELATED_BADGE + "."
# A model's answer none of whose sentences its cited passages support ("flag" lists them).
NONE_SUPPORTED = "None of the model's statements is supported by the passage it cites."
LISTED_BELOW = " They are listed below as unverified: open the sources before relying on any."


def closest_documents(passages: list[Passage], limit: int = 3) -> list[ClosestDocument]:
    """Each document's closest passage, closest first (at most `limit` documents)."""
    seen: dict[str, ClosestDocument] = {}
    for p in sorted(passages, key=lambda p: p.similarity, reverse=True):
        if p.source.doc_id not in seen:
            seen[p.source.doc_id] = ClosestDocument(p.source, round(p.similarity, 3), p.text)
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
        similar_words: SimilarWords | None = None,
    ):
        self.kb = kb
        self.settings = settings
        self.chat = chat_client
        self.retriever = retriever or Retriever(kb)
        self.audit = audit  # an AuditLog (or None): every answer is logged before it is shown
        self.evidence = EvidenceBuilder(self.retriever)
        self._similar = similar_words  # built on first use from the knowledge base's model
        # (the retriever's reading of a text, looked up when the rule needs it)
        self.refusal = RefusalRule(
            settings.answer, lambda text: self.retriever.expand(text), self._similar_words
        )

    @property
    def online(self) -> bool:
        return self.chat is not None

    def ask(self, question: str, previous: str = "") -> Answer:
        for event in self.stream(question, previous):
            if event.kind == "done":
                return event.answer
        raise RuntimeError("the answer stream ended without an answer")  # pragma: no cover

    def stream(self, question: str, previous: str = "") -> Iterator[AnswerEvent]:
        """`previous`: what was searched for the conversation's previous question (see
        `searched_text`), so a follow-up ("and in children?") is searched with its subject."""
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
                    base, started, BLOCKED, reason="blocked: " + _block_reason(redaction)
                )
                return
        yield AnswerEvent("status", "Searching approved documents…")
        # Identifiers never appear in a policy: in both modes retrieval, the refusal rule and
        # sentence selection see the question without them, so a patient's name or MRN can
        # neither pull in passages nor count against the evidence.
        asked = Question(_without_identifiers(self._searchable(redaction)))
        if asked.language != "en":
            # Said before searching: closest documents found for words in another language
            # would be noise, and the fix is the clinician's, not the library's.
            reason = NOT_ENGLISH.format(LANGUAGE_NAMES[asked.language])
            yield self._done(base, started, NOT_COVERED, reason=reason)
            return
        result, (outcome, reason) = self._search(asked, previous, base)
        if base.searched_for:
            yield AnswerEvent("status", f"Searching for: {base.searched_for}")
        base.timings_ms.update({f"retrieval_{k}": v for k, v in result.timings_ms.items()})
        base.closest = closest_documents(result.passages)
        if result.expansion is not None:
            base.query_expansions = result.expansion.to_json()
        base.query_expansions += [
            {"term": term, "expansion": word, "source": "similar word"}
            for term, word in result.similar_words
        ]
        if outcome == RELATED:
            yield self._related(base, result, started, reason)
            return
        if outcome == NOT_COVERED:
            yield self._done(base, started, NOT_COVERED, reason=reason)
            return
        if self.online:
            yield from self._generate(base, result, started)
        else:
            yield self._extract(base, result, started)

    def _search(
        self, asked: Question, previous: str | None, answer: Answer
    ) -> tuple[RetrievalResult, tuple[str, str]]:
        """The search and the refusal decision, in a conversation too. A dependent question
        is searched with the previous question's subject (`answer.searched_for` says so);
        one that only opens like a follow-up ("And what is the policy for…") but has words
        of its own is searched alone first; offline, a dependent question the combination
        does not answer is tried on its own words too ("Also, is a glass of wine ok?" after
        a question on portion sizes), kept if that evidence answers it."""
        fresh = new_topic(asked.text)
        if fresh is not None:  # "diff q - …": a new subject, searched without the saying
            answer.searched_for = fresh
            return self._searched(Question(fresh))
        if not previous:
            return self._searched(asked)
        offline = not self.online
        if not is_dependent(asked.text):
            # (Not also tried with the previous subject when refused: a new subject the
            # library lacks would then be answered with the old one's passages.)
            return self._searched(asked)
        # Its own words alone must clear the plain thresholds: "how many more in the 1st
        # hr?" holds all its few concepts in many a passage, none of them the right one.
        own = None
        if offline and not points_back(asked.text) and has_own_subject(asked.text):
            own = self._searched(asked, strict=True)
            if own[1][0] == ANSWERED:
                return own
        joined = self._standalone(previous, asked.text, answer)
        together = self._searched(Question(joined))
        if offline and together[1][0] != ANSWERED:
            own = own or self._searched(asked, strict=True)
            if own[1][0] == ANSWERED:
                return own
        answer.searched_for = joined
        return together

    def _searched(
        self, question: Question, strict: bool = False
    ) -> tuple[RetrievalResult, tuple[str, str]]:
        result = self.retriever.search(question)
        return result, self.refusal.decide(result, strict)

    def _standalone(self, previous: str, question: str, answer: Answer) -> str:
        """The follow-up as a question that stands alone: offline, joined with the previous
        question's subject; with a model, rewritten by it (both free of identifiers), falling
        back to the offline join if the model cannot be reached."""
        joined = combined(previous, question)
        if not self.online:
            return joined
        from assistant.answering.llm import LLMError

        try:
            reply = self.chat.complete(rewrite_messages(previous, question), max_tokens=120)
        except LLMError as exc:
            answer.notices.append(f"The follow-up could not be rewritten by the model ({exc}).")
            return joined
        return _without_identifiers(phi.redact(clean_rewrite(reply.text, joined)).text)

    def _similar_words(self) -> SimilarWords:
        if self._similar is None:  # (the engine is used from one worker thread at a time)
            self._similar = SimilarWords(
                self.kb.embedder, self.settings.answer.similar_word_similarity
            )
        return self._similar

    def _searchable(self, redaction: phi.Redaction) -> str:
        """The redacted question, with each guessed name put back that the documents use in
        more than a few passages ("Amiodarone", "Kernig"): a guess may hide a clinical word,
        and a word that many passages hold is no patient's. Only the search sees it; what is
        sent, shown and stored stays redacted."""
        if any(f.guess for f in redaction.findings):
            self.retriever.refresh()  # the index's words as of now
        pieces, pos = [], 0
        for finding in redaction.findings:
            words = finding.text.split()
            keep = finding.guess and all(self.retriever.documents_use(w) for w in words)
            pieces += [redaction.original[pos : finding.start]]
            pieces += [finding.text if keep else finding.placeholder]
            pos = finding.end
        return "".join(pieces + [redaction.original[pos:]])

    def _notice(self, redaction) -> str:
        notice = redaction.notice()
        if notice and self.online and self.settings.privacy.phi_mode == "block":
            # Block mode sends nothing: the notice must not say "removed before sending".
            return (
                notice.replace("Removed before sending:", "Not sent: it contains").rstrip(".")
                + ". Remove them and ask again."
            )
        if notice and not self.online:
            # Offline nothing is sent anywhere, but the clinician still sees what was found,
            # so the habit of leaving identifiers out holds when a cloud model is switched on.
            notice = notice.replace("Removed before sending:", "Patient identifiers noticed:")
            notice += " Offline mode: nothing left this computer."
        return notice

    # -- offline ---------------------------------------------------------------------------------
    def _extract(self, answer: Answer, result: RetrievalResult, started: float) -> AnswerEvent:
        """The best passages whole, as evidence cards, the answering sentences marked."""
        evidence = self.evidence.build(result)
        if evidence is None:
            return self._done(answer, started, NOT_COVERED, reason=NO_ANSWER)
        answer.layout, answer.summary = CARDS, evidence.summary
        answer.citations = evidence.citations
        answer.text = cards_text(evidence.summary, evidence.citations)
        # Quoted verbatim: each marked sentence is in its passage by construction. That says
        # nothing about whether it answers the question, and the badge says so.
        answer.claims_total = answer.claims_verified = evidence.statements
        return self._done(answer, started)

    def _related(
        self, answer: Answer, result: RetrievalResult, started: float, reason: str
    ) -> AnswerEvent:
        """Amber: the closest passages as cards, for the clinician to judge; no model call."""
        evidence = self.evidence.build(result)
        if evidence is None:
            return self._done(answer, started, NOT_COVERED, reason=reason)
        # The badge says "related passages"; the lead line says why, when there is more to
        # say (the value asked for is not stated). The text carries both.
        answer.summary = reason.removeprefix(NO_ANSWER).strip()
        answer.layout, answer.citations = CARDS, evidence.citations
        note = RELATED_NOTE + (f" {answer.summary}" if answer.summary else "")
        answer.text = cards_text(note, evidence.citations)
        return self._done(answer, started, RELATED, reason=reason)

    # -- LLM -------------------------------------------------------------------------------------
    def _generate(self, answer: Answer, result: RetrievalResult, started: float):
        from assistant.answering.llm import LLMError

        passages = result.passages[: self.settings.answer.passages]
        messages = build_messages(answer.searched_for or answer.sent_question, passages)
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
            return self._done(answer, started, NOT_COVERED, reason=NO_ANSWER)
        claims = split_claims(text)
        cited_passages = [passages[n - 1] for n in used]
        check_support(claims, [p.text for p in cited_passages], self._embed)
        unsupported = [c for c in claims if not c.supported]
        # An unsupported sentence never stands in the answer with a working citation: it is
        # dropped ("drop"), or moved, without its markers, to the block of unverified
        # sentences shown under the answer ("flag", the default).
        text = drop_unsupported(text, claims) if unsupported else text
        if self.settings.answer.unsupported == "drop":
            claims = [c for c in claims if c.supported]
        answer.text = text or NONE_SUPPORTED + (LISTED_BELOW if _unverified(claims) else "")
        answer.claims_total = len(claims)
        answer.claims_verified = sum(c.supported for c in claims)
        answer.unverified = _unverified(claims)
        answer.citations = [
            passage_citation(
                i + 1, p, [c.evidence for c in claims if i + 1 in c.cited and c.evidence]
            )
            for i, p in enumerate(cited_passages)
        ]
        if removed:
            answer.timings_ms["removed_markers"] = float(removed)
        return self._done(answer, started)

    def _embed(self, texts: list[str]):
        return self.kb.embedder.embed_documents(texts)

    def _done(self, answer: Answer, started: float, outcome: str = ANSWERED, reason: str = ""):
        answer.outcome = outcome
        if outcome != ANSWERED:
            answer.refused, answer.refusal_reason = True, reason
        if outcome in (NOT_COVERED, BLOCKED):
            answer.text = reason if outcome == BLOCKED else _refusal_text(answer)
            answer.citations, answer.summary, answer.layout = [], "", PLAIN
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


def _unverified(claims) -> list[str]:
    return [c.text for c in claims if not c.supported]


def searched_text(answer: Answer) -> str:
    """What was searched for an answer: a follow-up's standalone form, else its question
    without identifiers. The next question of the conversation may lean on it."""
    return answer.searched_for or _without_identifiers(answer.sent_question)


# A word that introduced a patient now standing before nothing ("pt - after a fall").
_CUE_LEFT = re.compile(r"\b(?:pt|patient|mr|mrs|ms|miss|mx|dr)\.?\s*(?=[-–,:;()]|$)", re.I)
# "… done for [NAME-1]?": the word that led to a name goes with it at a clause's end.
_FOR_WHOM = re.compile(
    r"\s+\b(?:for|of|to|re|about|with)(?=\s+(?:[\w ]{0,12}\[[A-Z]+-[\w+]+\][\s,]*)+(?:[.?!;:)]|$))",
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
    text = _PLACEHOLDER.sub(" ", _FOR_WHOM.sub(" ", _FULL_DATE.sub("[DATE-0]", text)))
    text = _CUE_LEFT.sub(" ", re.sub(r"\(\s*\)|,\s*(?=[,:;)?])", " ", text))
    text = re.sub(r"\s+([?.!,;:])", r"\1", " ".join(text.split()))
    return text.strip(" ,:;-–")


def _refusal_text(answer: Answer) -> str:
    """The reason alone: the closest documents are listed once, by whoever shows them."""
    text = answer.refusal_reason
    if text == NO_ANSWER:
        text += " It cannot be answered from the approved documents."
    return text


def _block_reason(redaction) -> str:
    kinds = ", ".join(sorted(redaction.summary()))
    return (
        f"the question contains patient identifiers ({kinds}) and the privacy setting "
        "blocks sending them; remove them and ask again"
    )


def _ms(since: float) -> float:
    return round((time.perf_counter() - since) * 1000, 2)
