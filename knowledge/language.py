"""Is a question written in English? The documents are, and so is every measure of evidence.

A question in Spanish shares almost no words with an English policy, so the evidence rule
would refuse it anyway, but with "no approved document covers this", which is untrue and
hides the fix. This guesses the language from its most common words (articles, pronouns,
question words), which every sentence has and names rarely are, and from the script.

Clinician shorthand has hardly any function words ("DM2 pt BG 54 - tx?"): a question counts
as another language only on positive evidence, never for lacking English words. Words that
are also English or common in names ("de", "la", "van", "son", "con") are not counted.
"""

from __future__ import annotations

import re
import unicodedata

from knowledge.analysis import STOPWORDS

LANGUAGE_NAMES = {
    "es": "Spanish",
    "fr": "French",
    "de": "German",
    "pt": "Portuguese",
    "it": "Italian",
    "vi": "Vietnamese",
    "zh": "Chinese",
    "ar": "Arabic",
    "ru": "Russian",
    "ko": "Korean",
    "ja": "Japanese",
    "pl": "Polish",
    "tl": "Tagalog",
    "hi": "Hindi or Urdu",
    "nl": "Dutch",
    "sv": "Swedish",
    "da": "Danish or Norwegian",
    "fi": "Finnish",
    "other": "another language",
}
_FUNCTION_WORDS = {
    "es": "el los las que para cuál cual cuánto cuanto cuánta cuántos cuantos cuántas cómo como "
    "debo puedo tengo es una del por qué está hay cuando cuándo mi mis su sus tiene pueden "
    "debe deben usted ella ellos le les lo nos muy también pero sin sobre entre hasta desde "
    "puede se llama padre madre hijo hija abuela abuelo tía tío años tomar tomó "
    "días horas veces niño niños mujer embarazada médico medicamento medicina dosis azúcar",
    "fr": "le les des est pour une quelle quel quelles quels combien comment dois je avec sont "
    "du mon ma mes faut peut il elle nous vous ils qui dans sur pas jours heures fois enfant "
    "mère père ans est-ce née quelle "
    "enfants femme enceinte médecin médicament sucre après avant pourquoi quoi ne au ou ce "
    "leur notre votre",
    "de": "der die das und ist wie viel viele ich nicht mit für bei soll sollte welche welcher "
    "wann kann muss einem einer eine ein auch oder wenn nach vor tage stunden kind kinder "
    "hat seit dem den sie er meine mein mutter vater dosis lange nimmt "
    "frau schwanger arzt medikament zucker",
    # (Words English or shorthand also spells are left out: "met", "als", "op", "med", "barn")
    "nl": "het een wat welke welk hoeveel moet moeten kunnen wanneer niet geen ook bij voor "
    "zijn heeft hebben wordt worden nog maar naar uit zonder tussen deze dat ik hij zij wij "
    "mijn onze patiënt dosering dagen uur keer kinderen zwanger moeder vader jaar jaren graag "
    "alleen altijd",
    "sv": "och att det som för på är inte hur mycket vilken vilka när ska skall måste får "
    "eller efter innan utan mellan patienten dagar timmar gånger läkare läkemedel socker "
    "mitt hennes hon jag ett",
    "da": "og ikke hvordan hvor meget mye hvilken hvilke skal må etter før uden uten mellem "
    "mellom pasienten dosis dage dager gange ganger læge lege sukker jeg hos sig seg også "
    "det som eller efter patienten",
    "fi": "kuinka paljon mikä milloin voiko pitää potilas potilaan annos päivää tuntia lapsi "
    "raskaana lääkäri lääke onko myös jos",
    "pt": "quantos quantas quanto não com uma qual quais como devo posso tenho é está são "
    "quando meu minha seu sua dias horas vezes criança crianças mulher grávida médico remédio "
    "mãe pai anos ela ele "
    "açúcar depois antes",
    "it": "il gli che per quale quali quanto quanti come devo posso sono è quando mio mia "
    "giorni ore volte bambino bambini donna incinta medico farmaco zucchero dopo prima "
    "madre padre anni ha",
    "vi": "của và là có không bao nhiêu lâu tôi được cho người bệnh thuốc khi nào thế làm sao "
    "những các một này đó với ngày giờ lần trẻ em phụ nữ mang thai bác sĩ đường sau trước "
    "nên trong cần phải hay đã sẽ bị về từ ra vào tay viên",
    "pl": "czy jest nie się jak ile mam może można trzeba po przez dla jego jej mój moja "
    "mojej mojego lekarz lek leki dni godzin razy dziecko kobieta ciąży cukru już jeszcze "
    "albo który która kiedy także bez",
    "tl": "ang ng mga po ba ko mo siya niya namin kami ako ay sa na ilang paano kailangan "
    "pwede puwede bawal hindi opo yung iyong araw oras beses bata doktor gamot asukal kasi "
    "lang daw raw",
    # Hindi and Urdu as typed in Latin letters ("pt ka naam … hai")
    "hi": "hai hain kya ka ki ke ko mein mera meri mere aur nahi nahin kaise kitna kitni "
    "kitne karna karen chahiye bhi tha thi raha rahi rahe sakte sakta gaya gayi wala wali "
    "unka unki unko yeh woh abhi din ghante baar bachcha bachche doctor dawai dawa goli",
}
_WORDS = {lang: frozenset(words.split()) for lang, words in _FUNCTION_WORDS.items()}
# Words of another language that are no English word and no particle of a name ("de", "la",
# "van" stand in names): one beside a word marks a phrase of that language.
_PARTICLES = frozenset("de la le da di du do dos das del della van von den der al el bin".split())
FOREIGN_WORDS = frozenset().union(*_WORDS.values()) - STOPWORDS - _PARTICLES


def function_words(language: str) -> frozenset[str]:
    """The common words this module counts for `language` (none for "ro" and the like)."""
    return _WORDS.get(language, frozenset()) - STOPWORDS - _PARTICLES


_VIETNAMESE = frozenset("ơưđ" + "".join(chr(c) for c in range(0x1EA0, 0x1EFA)))
_TOKEN = re.compile(r"[^\W\d_]+", re.UNICODE)
_SCRIPTS = (("CJK", "zh"), ("HIRAGANA", "ja"), ("KATAKANA", "ja"), ("HANGUL", "ko"))
_SCRIPTS += (("ARABIC", "ar"), ("CYRILLIC", "ru"))


def detect_language(text: str) -> str:
    """ "en", or a code of LANGUAGE_NAMES when the question is clearly in another language."""
    letters = [c for c in text if c.isalpha()]
    if letters:
        foreign = [_script(c) for c in letters if ord(c) > 0x24F]
        foreign = [s for s in foreign if s]
        if len(foreign) > 0.5 * len(letters):
            return max(set(foreign), key=foreign.count)
    words = [w.lower() for w in _TOKEN.findall(unicodedata.normalize("NFC", text))]
    # Vietnamese spells most words with letters no other Latin-script language uses (ơ, ư,
    # đ, ệ…): many such words is Vietnamese; a name or two ("Nguyễn Thị Lan") is not.
    vietnamese = sum(any(c in _VIETNAMESE for c in w) for w in words)
    if vietnamese >= 3 and vietnamese >= 0.3 * len(words):
        return "vi"
    english = sum(w in STOPWORDS for w in words)
    counts = {lang: sum(w in found for w in words) for lang, found in _WORDS.items()}
    lang, best = max(counts.items(), key=lambda item: item[1])
    if best >= 2 and best > english:
        return lang
    return "en"


def _script(char: str) -> str | None:
    name = unicodedata.name(char, "")
    for prefix, lang in _SCRIPTS:
        if name.startswith(prefix):
            return lang
    return "other" if name and not name.startswith("LATIN") else None


# Where a question's clauses end: a clause in another language may sit in an English one
# ("Sister said nil by mouth — czy to znaczy także bez wody?").
_CLAUSE_END = re.compile(r"[.?!¿¡;:,()\[\]\"“”—–\n]|\s-\s")
_CLAUSE_WORDS = 3  # fewer words say nothing of a clause's language


def foreign_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, language) of the clauses of `text` written in another language."""
    spans: list[tuple[int, int, str]] = []
    start = 0
    for end in [m.start() for m in _CLAUSE_END.finditer(text)] + [len(text)]:
        clause = text[start:end]
        if len(_TOKEN.findall(clause)) >= _CLAUSE_WORDS:
            language = detect_language(clause)
            if language != "en":
                spans.append((start, end, language))
        start = end + 1
    return spans
