"""The offline answer: the most relevant sentences of the retrieved passages, verbatim.

Nothing is paraphrased and nothing is generated, so every sentence is supported by the
passage it is cited to by construction. Sentences are scored by how much of the question
they cover (stems, clinical abbreviations expanded, numbers) and by the rank and similarity
of their passage; the best few are grouped by passage and kept in document order, which
reads far better than a list of fragments in score order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from knowledge.analysis import numbers, sentence_spans, stems
from knowledge.document_sections import about_the_document, cites_others
from knowledge.evidence import VALUE_PATTERNS
from knowledge.instructions import is_instruction
from knowledge.question import Question, content_terms
from knowledge.retrieval import Passage


@dataclass(frozen=True, slots=True)
class ExtractOptions:
    max_passages: int = 5
    max_sentences: int = 4
    max_words: int = 110
    relative_floor: float = 0.55  # keep sentences scoring at least this share of the best
    min_words: int = 4  # fragments shorter than this are headings or table debris
    # A chosen lead-in ("…have one of the following right away:") brings the lines it
    # introduces, whatever their own score: up to this many lines for one lead-in, and this
    # many words for all of an answer's lead-ins together.
    continuation_lines: int = 12
    continuation_words: int = 90
    # Each of this many top passages whose best sentence clears the floor is quoted, even
    # when the sentence and word limits went to a better passage: the card it brings often
    # holds the value asked for (a table's row, the other half of a two-part answer).
    quoted_passages: int = 3


@dataclass(slots=True)
class Extract:
    passage_index: int  # index into the passages given
    start: int
    end: int
    text: str
    score: float
    continued: bool = False  # the next extract goes on with this one (a lead-in and its list)


# What kind of value a question asks for, and what a sentence carrying it looks like.
_UNIT = r"(seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)"
_ANSWER_TYPES = [
    (
        re.compile(r"\bhow long\b|\bduration\b|\bfor how many\b", re.I),
        re.compile(rf"\d[\d.–-]*\s*{_UNIT}\b", re.I),
    ),
    (
        re.compile(r"\bhow (often|frequently)\b|\bfreq(uency)?\b|\binterval\b", re.I),
        re.compile(
            r"\bevery\b|\bdaily\b|\bhourly\b|\btimes\b|\bper (day|hour|week)\b|\bq\d+h\b", re.I
        ),
    ),
    (
        # "When should…" asks for a time; "drink when sick" does not.
        re.compile(
            r"\bwhen (?:should|must|do|does|is|are|can|to|will)\b|\bhow (soon|quickly)\b|"
            r"\bwithin\b|\bdeadline\b|\btime limit\b",
            re.I,
        ),
        re.compile(rf"\bwithin\b|\bbefore\b|\bafter\b|\bno later than\b|\d+\s*{_UNIT}", re.I),
    ),
    (
        re.compile(
            r"\bhow (many|much)\b|\bwhat (dose|threshold|number|percentage|extension|"
            r"temperature|level|target)\b|\bat what\b",
            re.I,
        ),
        re.compile(r"\d"),
    ),
]


def _asked_pattern(question: Question) -> re.Pattern | None:
    """What a sentence answering the question's kind of value looks like: first as the
    refusal rule reads it (a number of seconds, a dose), then by the question's wording;
    None when no kind is asked for."""
    if question.value_kind is not None:
        return VALUE_PATTERNS[question.value_kind]
    return _worded_pattern(question.text)


@lru_cache(maxsize=256)
def _worded_pattern(text: str) -> re.Pattern | None:
    """Read once per question, not once per candidate sentence."""
    return next((carries for asks, carries in _ANSWER_TYPES if asks.search(text)), None)


def carries_asked_value(question: Question, sentence: str) -> bool:
    """Whether the question asks for a kind of value (a duration, a dose, how often) and the
    sentence carries one: only then may it lead an answer as its summary."""
    carries = _asked_pattern(question)
    return carries is not None and carries.search(sentence) is not None


def _type_bonus(question: Question, sentence: str) -> float:
    """Reward a sentence that carries the kind of value the question asks for."""
    carries = _asked_pattern(question)
    if carries is not None:
        return 0.25 if carries.search(sentence) else 0.0
    return 0.05 if re.search(r"\d", sentence) else 0.0


# How much a sentence's passage counts beside the sentence's own cover of the question: its
# cosine to the question and its rank. Chosen on the registers tuning part (0.35 and 0.15
# before): a study's generic sentence that repeats the question's commoner words ("type 1
# diabetes in persons aged <20 years") no longer outranks the best passage's own answer
# (benchmarks/results/registers.md).
PASSAGE_SIMILARITY_WEIGHT = 0.8
PASSAGE_RANK_WEIGHT = 0.3
# Sentences of a section about the document (knowledge/document_sections.py) weigh less.
ABOUT_THE_DOCUMENT_WEIGHT = 0.7
INSTRUCTION_BONUS = 0.15


def _looks_like_heading(sentence: str) -> bool:
    """Titles and headings ("Sharps Injury Procedure (OH-004)") carry no answer."""
    if "|" in sentence or sentence.rstrip().endswith((".", ":", ";", "?", "!")):
        return False
    words = re.findall(r"[A-Za-z][\w'-]*", sentence)
    capitalised = sum(w[0].isupper() for w in words)
    return len(words) <= 12 and capitalised >= 0.6 * max(len(words), 1)


def _sentence_score(question: Question, sentence: str, passage: Passage, rank: int) -> float:
    words = content_terms(sentence)
    if not words:
        return 0.0
    # By concepts when retrieval expanded the question: "low sugar" is found in a sentence
    # that says "hypoglycemia", "BG" in "blood glucose".
    coverage = question.share(words)
    wanted = question.numbers
    number_hit = len(numbers(sentence) & wanted) / len(wanted) if wanted else 0.0
    passage_prior = PASSAGE_SIMILARITY_WEIGHT * max(passage.similarity, 0.0)
    passage_prior += PASSAGE_RANK_WEIGHT / (1 + rank)
    score = coverage + 0.3 * number_hit + _type_bonus(question, sentence) + passage_prior
    if question.wants_steps and is_instruction(sentence):
        score += INSTRUCTION_BONUS  # "what should I do": the steps, not what they are for
    if about_the_document(passage.source.section):
        score *= ABOUT_THE_DOCUMENT_WEIGHT
    return score * (0.4 if _looks_like_heading(sentence) else 1.0)


def select_sentences(
    question: str | Question, passages: list[Passage], options: ExtractOptions | None = None
) -> list[Extract]:
    """The question's expansion (retrieval's reading of it), when it has one, lets a
    sentence count a concept found through an abbreviation's sense or a lay word's term."""
    opts = options or ExtractOptions()
    question = Question.of(question)
    candidates: list[Extract] = []
    spans = [sentence_spans(p.text) for p in passages[: opts.max_passages]]
    for index, passage in enumerate(passages[: opts.max_passages]):
        if cites_others(passage.source.section):
            continue
        for start, end in spans[index]:
            text = passage.text[start:end].strip()
            if len(text.split()) < opts.min_words:
                continue
            score = _sentence_score(question, text, passage, index)
            candidates.append(Extract(index, start, end, text, score))
    if not candidates:
        return []
    candidates.sort(key=lambda e: e.score, reverse=True)
    best = candidates[0].score
    chosen: list[Extract] = []
    words = 0
    for extract in candidates:
        n = len(extract.text.split())
        if extract.score < best * opts.relative_floor or len(chosen) >= opts.max_sentences:
            break
        if chosen and words + n > opts.max_words:
            continue
        if any(_near_duplicate(extract.text, c.text) for c in chosen):
            continue  # overlapping chunks repeat sentences
        chosen.append(extract)
        words += n
    chosen += _best_of_other_passages(candidates, chosen, best * opts.relative_floor, opts)
    taken = {(e.passage_index, e.start): e for e in chosen}
    budget = opts.continuation_words
    for extract in sorted(chosen, key=lambda e: -e.score):
        index = extract.passage_index
        lines = _continuation(passages[index].text, spans[index], extract, opts, budget)
        budget -= sum(len(line.text.split()) for line in lines)
        for line in lines:
            # A line chosen on its own merit joins the run instead of standing twice.
            kept = taken.setdefault((line.passage_index, line.start), line)
            if kept is line:
                chosen.append(line)
            kept.continued = kept.continued or line is not lines[-1]
        extract.continued = extract.continued or bool(lines)
    # Reading order: by passage (best passage first), then by position within the passage.
    first_seen = {}
    for extract in chosen:
        first_seen.setdefault(extract.passage_index, len(first_seen))
    return sorted(chosen, key=lambda e: (first_seen[e.passage_index], e.start))


def _best_of_other_passages(
    candidates: list[Extract], chosen: list[Extract], floor: float, opts: ExtractOptions
) -> list[Extract]:
    """The best sentence of each top passage none of `chosen` comes from, if it clears the
    floor (candidates come best first)."""
    quoted = {e.passage_index for e in chosen}
    extra: list[Extract] = []
    for extract in candidates:
        if extract.score < floor:
            break
        index = extract.passage_index
        if index in quoted or index >= opts.quoted_passages:
            continue
        if any(_near_duplicate(extract.text, c.text) for c in chosen + extra):
            continue
        quoted.add(index)
        extra.append(extract)
    return extra


# Ends like a lead-in: a colon, or a word that cannot end a sentence ("…for ketones if").
_LEAD_IN = re.compile(
    r"(?::|\b(?:if|when|and|or|of|to|the|for|with|include|including|are|is))\s*$", re.I
)


def _continuation(
    text: str, spans: list[tuple[int, int]], lead_in: Extract, opts: ExtractOptions, budget: int
) -> list[Extract]:
    """The lines a lead-in introduces (a list, table rows, the rest of a sentence cut at a
    line break): quoted without them, it promises an answer it does not give."""
    if not _LEAD_IN.search(lead_in.text):
        return []
    lines: list[Extract] = []
    words = 0
    for start, end in spans:
        if start < lead_in.end:
            continue
        line = text[start:end].strip()
        n = len(line.split())
        if line.endswith(":") or len(lines) >= opts.continuation_lines:
            break  # the next lead-in starts another list
        if words + n > budget:
            break
        lines.append(Extract(lead_in.passage_index, start, end, line, lead_in.score))
        words += n
    return lines


def _near_duplicate(a: str, b: str) -> bool:
    sa, sb = set(stems(a)), set(stems(b))
    return bool(sa and sb) and len(sa & sb) / min(len(sa), len(sb)) > 0.9
