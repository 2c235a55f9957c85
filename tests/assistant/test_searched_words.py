"""What the search sees of a question with identifiers: placeholders out, and a guessed name
back in when the documents use that word in many passages."""

from __future__ import annotations

from assistant.answering import phi
from assistant.answering.engine import AnswerEngine, search_text
from assistant.governance.settings import Settings


class WordsOfTheDocuments:
    """Stands in for the retriever's look-up of the index's words."""

    def __init__(self, *words: str):
        self.words = {w.casefold() for w in words}
        self.refreshed = 0

    def refresh(self):
        self.refreshed += 1
        return []

    def documents_use(self, word: str) -> bool:
        return word.casefold() in self.words


def _searchable(kb, question: str, *document_words: str) -> str:
    engine = AnswerEngine(
        kb, Settings(home=kb.home), retriever=WordsOfTheDocuments(*document_words)
    )
    return engine._searchable(phi.redact(question))


def test_a_guessed_name_the_documents_use_is_searched_for(kb):
    # "Dorvella" is guessed a name (no list holds it, and it is spelt like one); the documents
    # use it, so it is searched
    question = "Dorvella for a caesarean wound, how many days?"
    assert phi.redact(question).findings[0].guess
    assert _searchable(kb, question, "dorvella") == question
    assert _searchable(kb, question).startswith("[NAME-1] for a caesarean")


def test_a_name_found_by_a_rule_never_goes_back_even_if_the_documents_use_it(kb):
    question = "pt John Smith MRN 12345678, dressing after a caesarean?"
    searched = _searchable(kb, question, "john", "smith")
    assert "Smith" not in searched and "12345678" not in searched


def test_a_name_at_the_end_of_a_clause_leaves_no_dangling_word():
    assert search_text("how often are neuro obs done for Wiktoria Nowak?") == (
        "how often are neuro obs done?"
    )
    assert search_text("what is it for?") == "what is it for?"
