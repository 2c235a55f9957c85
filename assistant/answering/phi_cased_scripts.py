"""Names in Cyrillic and Greek, for the other-script rule (assistant/answering/phi_form_rules.py)
and the word-by-word look (assistant/answering/phi_words.py).

An English question holds a Cyrillic or Greek word mostly as someone's name, so any such word
was taken for one. Russian, Ukrainian, Bulgarian and Greek questions are written whole in
those scripts, and then every word became [NAME]. These scripts keep capitals for names, as
English does, so the English reading of case carries over:
- a word in small letters is no name ("доза", "пневмонии"), unless a listed given name;
- a short word in capitals is an abbreviation ("ОРВИ", "ЧСС", "ТЭЛА");
- a capitalised word inside a clause is a name ("пациентка Петрова");
- a capitalised word opening a clause ("Какая доза …", "Сколько дней …") is a name only when
  a surname's or patronymic's ending, a listed given name, or a capitalised word after it
  says so, or an age after it ("Иванов Пётр", "Олена, 34"); never when it is a question
  word, a preposition, an article or who a patient is ("Έγκυος 32 ετών", "Στο ΕΚΑΒ").
In a question written mostly in Latin letters every such word is still taken for a name.
Brands are capitalised too ("Клексан"): one inside a clause is still taken for a name, as
an unknown capitalised word is in English (where unsure, redact).
"""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.answering.phi_names import Span

_CASED = re.compile(r"[\u0370-\u03ff\u0400-\u04ff]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_WORD = re.compile(r"[\u0370-\u03ff\u0400-\u04ff]+(?:[-'’][\u0370-\u03ff\u0400-\u04ff]+)*")
# Where a clause starts: the text's start, a sentence's end, a colon, a dash, a bracket, a quote.
_CLAUSE_START = re.compile(r"(?:^|[.?!:;—–(\[\"«“\n]|\s-)\s*$")
# Surnames' and patronymics' endings: Петров(а), Ковальчук, Шевченко, Сергеевич, Ивановна.
_NAME_ENDING = re.compile(
    r"(?:ов|ова|ев|ева|ёв|ёва|ин|ина|ын|ына|ский|ская|цкий|цкая|енко|ук|юк|чук|вич|вна|ична"
    r"|ишин|опулос|ιδης|άκης|ίδης|όπουλος|ίου|άκη)$"
)
# Given names common among patients from Russia, Ukraine, Belarus, Bulgaria and Greece.
_GIVEN = frozenset(
    """
    александр алексей анатолий андрей антон аркадий артём борис вадим валентин валерий василий
    виктор віктор ігор игорь виталий владимир вячеслав геннадий георгий григорий даниил денис
    дмитрий
    евгений егор иван игорь илья кирилл константин леонид максим михаил никита николай олег
    павел пётр петр роман руслан сергей станислав степан тарас тимур фёдор федор юрий ярослав
    богдан микола олександр андрій дмитро петро юрій василь іван михайло остап
    алла алина алёна анастасия ангелина анна антонина валентина вера виктория галина дарья
    диана евгения екатерина елена елизавета жанна зинаида зоя инна ирина кристина ксения лариса
    лидия любовь людмила маргарита марина мария наталья наталия нина оксана ольга полина раиса
    светлана софия тамара татьяна ульяна юлия яна олена оля ірина наталія людмила ганна христина
    вероника дина эльвира лилия регина василиса злата милана ева есения таисия фаина эмма
    оля аня ира юля катя маша саша петя вася коля женя лена таня наташа дима миша паша серёжа
    сережа витя гена валя галя люба надя тома лёша леша вова володя толя слава
    аркадий эдуард эрик ян лев марк тимофей семён семен матвей арсений гліб назар
    γιώργος γιάννης νίκος δημήτρης κώστας μαρία ελένη αικατερίνη βασιλική σοφία
    """.split()
)
# Words that open a clause in Greek, Russian, Ukrainian, Bulgarian, Serbian and Macedonian
# and name no one: question words, prepositions and articles, and who a patient is ("a
# pregnant woman", "an elderly man"), which an age or a capitalised word may follow.
_OPENING_WORDS = frozenset(
    """
    ο η το οι τα τον την στο στη στην στον στα στις στους από για με σε και ποιο ποια ποιος
    πόσο πόσα πόσες πόσοι πώς πότε πού γιατί μπορώ μπορεί μπορούμε πρέπει χρειάζεται τι είναι
    έχει υπάρχει ασθενής ηλικιωμένη ηλικιωμένος έγκυος γυναίκα άνδρας παιδί βρέφος νεογνό
    λεχώνα κυρία κύριος
    как сколько когда где почему можно нужно какой какая какие какое что если при для после
    до у в на с по он она мой моя пациент пациентка больной больная ребенок ребёнок девочка
    мальчик женщина мужчина беременная пожилая пожилой
    як скільки коли де чому можна потрібно який яка які що якщо хворий хвора дитина жінка
    чоловік вагітна
    колко кога къде защо може трябва какво ако за от при след преди жена мъж дете бременна
    възрастна възрастен пациентка
    да ли како колико када где зашто треба шта што ако пре после жена мушкарац дете трудница
    пацијент пацијенткиња главна главни дежурни дежурна препорука
    """.split()
)
_AN_AGE_AFTER = re.compile(r"[ \t]*,?[ \t]*\d{1,3}(?![\d.,:/])")
_ABBREVIATION = 4
_VOWELS = "аеёиоуыэюяіїєαεηιουω"
# Surnames as short as an abbreviation: those of Korean, Chinese and Vietnamese families in the
# former Soviet Union ("КИМ", "ЦОЙ"), and a few more.
_SHORT_SURNAMES = frozenset(
    "ким цой ли пак хан тен шин югай ву лим нам мун ан чан".split()
)  # letters: a word in capitals this short is an abbreviation


def in_a_cased_script(words: str) -> bool:
    """Every letter Cyrillic or Greek ("β-blocker" is an English word)."""
    letters = [c for c in words if c.isalpha()]
    return bool(letters) and all(_CASED.match(c) for c in letters)


@lru_cache(maxsize=64)  # asked once per Cyrillic word of the same question
def written_in_a_cased_script(text: str) -> bool:
    """Most of the question's letters Cyrillic or Greek. A few such words in an English
    question are a name, a town or a label copied from a record ("Адрес: г. Минск"), and are
    all taken, as before."""
    letters = [c for c in text if c.isalpha()]
    return sum(bool(_CASED.match(c)) for c in letters) > len(letters) / 2


def a_name_here(text: str, start: int, end: int) -> bool:
    """Is the Cyrillic or Greek word at text[start:end] a name?"""
    word = text[start:end]
    if not written_in_a_cased_script(text):
        # a name, a town or a label copied into English; a letter alone is a symbol ("Ω",
        # "ΔF508", "form 086/о"), as is a Greek pair ("αβ T cells")
        return len(word) >= (2 if _CYRILLIC.match(word) else 3)
    if word[0].islower():  # a given name typed small, and the word after it: "ігор коваль"
        return word in _GIVEN or (word not in _OPENING_WORDS and _after_a_given_name(text, start))
    if word.isupper():  # an abbreviation ("ОРВИ", "ЧСС"), unless a short surname or a name
        following = _WORD.match(text, end + 1) if text[end : end + 1] == " " else None
        beside_a_name = following is not None and following.group()[:1].isupper()
        # three letters with a vowel may be a surname ("ЖУК", "ЛИС"; where unsure, redact:
        # "ЭКГ" goes too), none is an abbreviation's ("ЧСС", "ЧДД")
        shaped = len(word) == 3 and any(c in _VOWELS for c in word.lower())
        folded = word.lower()
        listed = folded in _SHORT_SURNAMES or folded in _GIVEN
        short_name = listed or beside_a_name or shaped
        return len(word) > _ABBREVIATION or short_name
    if start > 0 and not _opens_a_clause(text, start):
        return True
    folded = word.lower()  # (not casefold(), which spells Greek's final "ς" as "σ")
    if folded in _OPENING_WORDS:
        return False  # "Ηλικιωμένη 84 ετών", "Στο ΚΙΝΗΤΗ …", "Главна сестра пита"
    if _NAME_ENDING.search(folded) or folded in _GIVEN:
        return True
    if _AN_AGE_AFTER.match(text, end):
        return True  # "Бондар, 45 лет": a name before an age
    following = _WORD.match(text, end + 1) if text[end : end + 1] == " " else None
    return following is not None and following.group()[0].isupper()


def _opens_a_clause(text: str, start: int) -> bool:
    """After a sentence's end, a colon, a dash; not after an abbreviation's point ("г. Минск",
    "пр. Независимости", "ул. Ленина")."""
    if not _CLAUSE_START.search(text, max(0, start - 3), start):
        return False
    point = re.search(r"(?:^|[^\w])(\w{1,3})\.\s*$", text[max(0, start - 6) : start])
    return point is None or not _CASED.match(point.group(1))


def _after_a_given_name(text: str, start: int) -> bool:
    before = re.search(r"(\w+)[ \t]+$", text[max(0, start - 30) : start])
    return before is not None and before.group(1).lower() in _GIVEN


def cased_script_names(m: re.Match[str]) -> Span | None:
    """The first run of name words among the Cyrillic or Greek words the rule matched; the
    search resumes after it, or after the match's first word when none is a name."""
    words = _WORD.finditer(m.string, m.start(), m.end())
    names = [w.span() for w in words if a_name_here(m.string, *w.span())]
    if not names:
        return None
    start, end = names[0]
    for a, b in names[1:]:
        if m.string[end:a].strip():
            break
        end = b
    return start, end
