"""The evidence an offline answer shows: the best 1–3 passages whole, as cards.

Sentence selection (assistant/answering/extractive.py) decides which passages answer the
question and which of their sentences to mark; the cards then show each of those passages in
full, so a table keeps every row and a list every item. A passage that ends in a lead-in
("Follow this schedule:") is joined with the chunk that follows it, and two cards from
neighbouring chunks of one document become one card. When the question asks for a kind of
value and the best sentence carries one, that sentence leads the answer as a one-line summary
with its marker.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from assistant.answering.answer import Citation
from assistant.answering.extractive import Extract, carries_asked_value, select_sentences
from knowledge.question import Question
from knowledge.retrieval import Passage, RetrievalResult, Retriever

MAX_CARDS = 3
BLOCK_GAP = "\n\n"  # how a document's blocks are joined in its canonical text
# A value-carrying sentence leads the answer only when it scores at least this share of the
# best sentence: a weaker one would put a side remark above the evidence.
SUMMARY_SHARE = 0.8


@dataclass(slots=True)
class Evidence:
    summary: str  # "" or one quoted sentence with its [n] marker
    citations: list[Citation]  # the cards, numbered in reading order
    statements: int  # sentences marked across the cards


@dataclass(slots=True)
class _Card:
    passage: Passage
    quotes: list[str]
    first: int  # chunk indexes the card spans (a card may join neighbouring chunks)
    last: int
    chunks: set[str]

    @classmethod
    def of(cls, passage: Passage) -> _Card:
        index = passage.source.chunk_index
        return cls(passage, [], index, index, {passage.chunk_id})

    def next_to(self, other: _Card) -> bool:
        return (
            self.passage.source.version_id == other.passage.source.version_id
            and min(self.first, other.first) >= 0
            and (other.first == self.last + 1 or self.first == other.last + 1)
        )

    def absorb(self, other: _Card) -> bool:
        """Take in a neighbouring card (either side), in document order; False (and nothing
        changed) when their text cannot be joined exactly."""
        before, after = (other, self) if other.first < self.first else (self, other)
        joined = _concatenated(before.passage, after.passage)
        if joined is None:
            return False
        self.passage = joined
        self.quotes = before.quotes + after.quotes
        self.first, self.last = before.first, after.last
        self.chunks |= other.chunks
        return True


class EvidenceBuilder:
    def __init__(self, retriever: Retriever | None, max_cards: int = MAX_CARDS):
        self.retriever = retriever  # None: no lead-in is extended (tests without a store)
        self.max_cards = max_cards

    def build(self, result: RetrievalResult) -> Evidence | None:
        """The cards for the question `result` was searched for (None: no sentence fits)."""
        question = result.question
        extracts = select_sentences(question, result.passages)
        if not extracts:
            return None
        cards = self._cards(extracts, result.passages)
        cards = self._joined(cards)
        citations = [
            passage_citation(n, card.passage, card.quotes) for n, card in enumerate(cards, 1)
        ]
        summary = self._summary(question, extracts, result.passages, cards)
        statements = sum(not e.continued for e in extracts if _card_of(e, result.passages, cards))
        return Evidence(summary, citations, statements)

    def _cards(self, extracts: list[Extract], passages: list[Passage]) -> list[_Card]:
        """One card per passage the extracts come from, best passage first (their order)."""
        cards: dict[int, _Card] = {}
        for extract in extracts:
            card = cards.get(extract.passage_index)
            if card is None:
                if len(cards) == self.max_cards:
                    continue
                card = cards[extract.passage_index] = _Card.of(passages[extract.passage_index])
            card.quotes.append(extract.text)
        return list(cards.values())

    def _joined(self, cards: list[_Card]) -> list[_Card]:
        """Neighbouring chunks of one version become one card; a trailing lead-in brings the
        chunk it introduces."""
        out: list[_Card] = []
        for card in cards:
            partner = next((c for c in out if c.next_to(card)), None)
            if partner is None or not partner.absorb(card):
                out.append(card)
        for card in out:
            if _ends_with_lead_in(card.passage.text) and self.retriever is not None:
                following = self.retriever.following(
                    replace(card.passage.source, chunk_index=card.last)
                )
                if following is not None:
                    card.absorb(_Card.of(following))
        return out

    @staticmethod
    def _summary(
        question: Question, extracts: list[Extract], passages: list[Passage], cards: list[_Card]
    ) -> str:
        """The best whole sentence carrying the kind of value asked for, if it scores close to
        the best sentence of all; with its card's marker."""
        best = max(e.score for e in extracts)
        carrying = [
            e
            for e in extracts
            if not e.continued
            and e.text.rstrip().endswith((".", "!", "?"))
            and carries_asked_value(question, e.text)
            and e.score >= SUMMARY_SHARE * best
        ]
        if not carrying:
            return ""
        chosen = max(carrying, key=lambda e: e.score)
        card = _card_of(chosen, passages, cards)
        return f"{chosen.text.strip()} [{cards.index(card) + 1}]" if card is not None else ""


def _card_of(extract: Extract, passages: list[Passage], cards: list[_Card]) -> _Card | None:
    chunk = passages[extract.passage_index].chunk_id
    return next((c for c in cards if chunk in c.chunks), None)


def _ends_with_lead_in(text: str) -> bool:
    return text.rstrip().endswith(":")


def _concatenated(first: Passage, second: Passage) -> Passage | None:
    """`first` followed by `second` as the exact text between their offsets (the viewer
    highlights that range), or None when it cannot be rebuilt. Chunks repeat the previous
    chunk's last sentence (said once here); between sections lies the new section's heading,
    which chunk texts leave out and the section path still names."""
    one, two = first.source, second.source
    gap = two.char_start - one.char_end
    if gap <= 0:
        overlap = -gap
        if overlap > len(second.text) or two.char_start < one.char_start:
            return None
        tail = second.text[overlap:]
    elif gap == len(BLOCK_GAP):
        tail = BLOCK_GAP + second.text  # the blank line between two blocks of a section
    else:
        heading = two.section.split(" > ")[-1].strip()
        between = f"{BLOCK_GAP}{heading}{BLOCK_GAP}"
        if len(between) != gap or not heading:
            return None
        tail = between + second.text
    return replace(
        first,
        text=first.text + tail,
        source=one.through(two),
        similarity=max(first.similarity, second.similarity),
    )


def passage_citation(number: int, p: Passage, quotes: list[str]) -> Citation:
    """A passage as citation `number`, with the sentences the answer relies on."""
    return Citation(number, p.source, p.text, quotes)
