"""What the query expander (knowledge/query_expansion.py) makes of a question: the words it
adds to the search, the question's concepts with the ways each may be said, and the words no
indexed document uses; the evidence rule counts the concepts a passage holds."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Addition:
    term: str  # as the question wrote it
    expansion: str
    # abbreviation | sense-inventory | short-name | shorthand | lay | spelling, or
    # "left out: …" for identifiers (then `term` counts them and never shows them)
    source: str


@dataclass(frozen=True, slots=True)
class Concept:
    words: str
    alternatives: tuple[frozenset[str], ...]  # stem sets; the question's own first

    def found_share(self, words: set[str]) -> float:
        return max((len(a & words) / len(a) for a in self.alternatives if a), default=0.0)


@dataclass(frozen=True, slots=True)
class QueryExpansion:
    question: str
    additions: tuple[Addition, ...] = ()
    concepts: tuple[Concept, ...] = ()
    _builtin: frozenset[str] = field(default=frozenset())
    # Specialised words of the question the indexed documents never use, in any of the ways
    # the expander knows to say them ("meperidine", "BinaxNOW"): what the library cannot answer.
    unindexed: tuple[str, ...] = ()

    @property
    def dense_text(self) -> str:
        # A spelling correction is an indexed *stem* ("fluoresc"), no word the encoder knows.
        additions = [a for a in self.additions if a.expansion and a.source != "spelling"]
        extra = list(dict.fromkeys(a.expansion for a in additions))
        return f"{self.question} ({'; '.join(extra)})" if extra else self.question

    @property
    def lexical_text(self) -> str:
        """The question plus what the lexical analyser does not already add by itself."""
        extra = [
            a.expansion for a in self.additions if a.expansion and a.expansion not in self._builtin
        ]
        return " ".join([self.question, *dict.fromkeys(extra)])

    def coverage(self, words: set[str]) -> float:
        """Share of the question's concepts found in `words` (stems)."""
        if not self.concepts:
            return 0.0
        return sum(c.found_share(words) for c in self.concepts) / len(self.concepts)

    def to_json(self) -> list[dict]:
        return [
            {"term": a.term, "expansion": a.expansion, "source": a.source} for a in self.additions
        ]
