"""Citation markers in generated answers: parse, clean, renumber, and check support.

A model may cite passages that do not exist ("[9]" with 6 passages), invent formats
("[Source 2]"), or state things its cited passage does not say. Markers that do not map to a
retrieved passage are removed (never shown as real); each remaining sentence is checked
against its cited passages, lexically and by embedding similarity.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from knowledge.analysis import expansions, numbers, sentence_spans, stems

# [1]  [1, 2]  [1-3]  [1–3]  [Source 2]  [passage 4]  — the forms models actually produce.
MARKER = re.compile(
    r"\s?\[(?:source|passage|doc(?:ument)?|ref)?\s*(\d+(?:\s*(?:,|-|–|and)\s*\d+)*)\]", re.I
)
NOT_IN_DOCUMENTS = re.compile(
    r"not (?:covered |found |answered |included )?in the approved documents", re.I
)


@dataclass(slots=True)
class Claim:
    text: str  # the sentence without markers
    cited: list[int]  # 1-based passage numbers, valid ones only
    start: int = 0  # span of the whole sentence (with markers) in the answer text
    end: int = 0
    evidence: str = ""  # the cited passage's sentence closest to the claim
    supported: bool = False
    lexical: float = 0.0
    semantic: float = 0.0


@dataclass(slots=True)
class CheckedAnswer:
    text: str  # with markers renumbered in order of first use
    claims: list[Claim]
    used: list[int] = field(default_factory=list)  # original passage numbers, in new order
    removed_markers: int = 0

    @property
    def verified(self) -> int:
        return sum(c.supported for c in self.claims)


def _numbers_in(marker_body: str) -> list[int]:
    out: list[int] = []
    for part in re.split(r"\s*(?:,|and)\s*", marker_body):
        bounds = re.split(r"\s*[-–]\s*", part)
        if len(bounds) == 2 and bounds[0].isdigit() and bounds[1].isdigit():
            low, high = int(bounds[0]), int(bounds[1])
            out.extend(range(low, min(high, low + 20) + 1))
        elif part.strip().isdigit():
            out.append(int(part))
    return out


def clean_markers(text: str, passage_count: int) -> tuple[str, list[int], int]:
    """Drop invalid markers and renumber valid ones 1..m by first use.

    Returns the new text, the original numbers in their new order, and how many markers (or
    marker entries) were removed.
    """
    order: list[int] = []
    removed = 0

    def replace(match: re.Match[str]) -> str:
        nonlocal removed
        cited = _numbers_in(match.group(1))
        valid = [n for n in dict.fromkeys(cited) if 1 <= n <= passage_count]
        removed += len(cited) - len(valid)
        for n in valid:
            if n not in order:
                order.append(n)
        return "".join(f" [{order.index(n) + 1}]" for n in valid)

    cleaned = MARKER.sub(replace, text)
    return re.sub(r"[ \t]+([.,;:])", r"\1", cleaned), order, removed


def split_claims(text: str) -> list[Claim]:
    """Sentences of an answer, each with the (renumbered) passages it cites.

    A marker that follows the sentence's full stop ("... 20 seconds. [1]") belongs to that
    sentence; a sentence without a marker cites nothing.
    """
    claims: list[Claim] = []
    for start, end in sentence_spans(text):
        # Markers opening a sentence close the one before: "… 20 seconds. [1] Wash …".
        leading = re.match(r"(?:\s*\[\d+\])+", text[start:end])
        if leading and claims:
            claims[-1].cited.extend(
                n
                for n in map(int, re.findall(r"\d+", leading.group()))
                if n not in claims[-1].cited
            )
            claims[-1].end = start + leading.end()
            start += leading.end()
        sentence = text[start:end]
        cited = [int(m) for m in re.findall(r"\[(\d+)\]", sentence)]
        plain = MARKER.sub("", sentence).strip(" -*•")
        if not re.search(r"[A-Za-z]{2}", plain):
            if claims and cited:  # a lone marker after the full stop: attach it backwards
                claims[-1].cited.extend(n for n in cited if n not in claims[-1].cited)
                claims[-1].end = end
            continue
        claims.append(Claim(plain, list(dict.fromkeys(cited)), start, end))
    return claims


@dataclass(frozen=True, slots=True)
class SupportThresholds:
    """Calibrated on 100 labelled claims over the demo pack (tests/data/claims.jsonl; see
    benchmarks/results/answering.md): held-out accuracy 69-81% against 54-56% for the first
    guesses, with 4-8% of good sentences flagged."""

    lexical: float = 0.90  # share of the claim's content words found in its passages
    semantic: float = 0.625  # cosine similarity claim ↔ best cited passage sentence
    lexical_with_semantic: float = 0.60  # a paraphrase: lower overlap, high similarity
    number_veto: bool = True  # a number the claim states must be near its best sentence


def lexical_support(claim: str, passage: str) -> float:
    words = set(stems(claim))
    if not words:
        return 0.0
    in_passage = set(stems(passage + " " + " ".join(expansions(passage))))
    share = len(words & in_passage) / len(words)
    # A number in the claim that the passage does not contain is a red flag, whatever the
    # other words say ("rub for 60 seconds" against a passage saying 20-30 seconds).
    missing_numbers = numbers(claim) - numbers(passage)
    return share * (0.5 if missing_numbers else 1.0)


def drop_unsupported(text: str, claims: list[Claim]) -> str:
    """The answer without its unsupported sentences (spans come from split_claims)."""
    for claim in sorted((c for c in claims if not c.supported), key=lambda c: -c.start):
        text = text[: claim.start] + text[claim.end :]
    return re.sub(r"[ \t]{2,}", " ", text).strip()


def check_support(
    claims: list[Claim], passages: list[str], embed, thresholds: SupportThresholds | None = None
) -> None:
    """Mark each claim supported or not. `embed(texts) -> unit vectors` (the bundled model)."""
    t = thresholds or SupportThresholds()
    cited_claims = [c for c in claims if c.cited]
    for claim in claims:
        if not claim.cited:
            claim.supported = bool(NOT_IN_DOCUMENTS.search(claim.text))
    if not cited_claims:
        return
    # Embed every sentence of every cited passage once, in one batch.
    needed = sorted({n for c in cited_claims for n in c.cited})
    pool: list[str] = []
    owner: list[int] = []
    for n in needed:
        for a, b in sentence_spans(passages[n - 1]):
            pool.append(passages[n - 1][a:b])
            owner.append(n)
    vectors = embed([c.text for c in cited_claims] + pool)
    claim_vectors, pool_vectors = vectors[: len(cited_claims)], vectors[len(cited_claims) :]
    owners = np.asarray(owner)
    for claim, vector in zip(cited_claims, claim_vectors, strict=True):
        claim.lexical = max(lexical_support(claim.text, passages[n - 1]) for n in claim.cited)
        positions = np.flatnonzero(np.isin(owners, claim.cited))
        near = ""
        if positions.size:
            scores = pool_vectors[positions] @ vector
            best = int(positions[int(np.argmax(scores))])
            claim.semantic = float(np.max(scores))
            claim.evidence = pool[best]
            # The best sentence and its neighbours in the same passage.
            near = " ".join(
                pool[i]
                for i in (best - 1, best, best + 1)
                if 0 <= i < len(pool) and owner[i] == owner[best]
            )
        claim.supported = claim.lexical >= t.lexical or (
            claim.semantic >= t.semantic and claim.lexical >= t.lexical_with_semantic
        )
        # "Rub for 60 seconds" against "rub for 20-30 seconds", or 90 MME where the passage
        # says 50 MME: a number must be found where the claim's evidence is, not anywhere.
        if t.number_veto and numbers(claim.text) - numbers(near):
            claim.supported = False
