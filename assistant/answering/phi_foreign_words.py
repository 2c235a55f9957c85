"""Common words of the other languages clinicians write in, for the word-by-word look
(assistant/answering/phi_name_spans.py, before any neighbour joins a word: "Doença de Chagas",
and phi_foreign_names.py): a word here is no name, wherever it stands.

The word-by-word look takes a word no English or clinical list knows for a name (where unsure,
redact), so a question in Spanish, Portuguese, Polish or Romanian lost its ordinary words:
"Qual a dose …", "quantas gotas …", "Czy metamizol …", "Cât timp …". Knowing the language of
a whole clause would set the English look aside there, but it also sets aside what still
finds the names in it; a list of the words themselves only clears those words. Listed given
names and surnames are never cleared ("Flor", "Paz"), and neither is a word a rule found
after a cue.
"""

from __future__ import annotations

import re
import unicodedata

from knowledge.drug_names import a_generic
from knowledge.language import words_of
from knowledge.name_words import frequent_surnames, given_names
from knowledge.proper_terms import BRANDS, EPONYMS

# Turkish's common words and the words its wards write. Turkish is not told apart as a
# language: its given names are its words as often ("Deniz", "Bahar", "Dilek") and hardly on
# the name lists, so a question read as Turkish would lose them; its words are only cleared.
_TURKISH = (
    "ve ile bir bu şu için gibi kadar daha çok var yok olan olarak sonra önce nasıl neden "
    "hangi kaç değil ama veya mı mi mu mü nedir midir mıdır gerekir gerekiyor yapılır verilir "
    "olur ise eğer hâlâ hasta hastaya hastanın hastada hastalar doz dozu ilaç ilacı hekim "
    "doktor hemşire servis yatak oda gün günlük saat hafta yaş çocuk çocukta bebek bebeği "
    "kadın gebe anne kan şeker tansiyon ateş ağrı öneriliyor önerilir kullanılır kullanılmalı "
    "başlanır kesilir tedavi acil kılavuz kılavuzu riski"
)
# Welsh, Scottish Gaelic and Irish words patients and wards use, cleared the same way (their
# given names are no list's either: "Gethin", "Eilidh", "Aoife"). Not the short ones names of
# other languages use too ("Thu", "Tha", "Mae", "Ina").
_CELTIC = (
    "ydy ydw oes gyda hefyd iawn beth sut pryd faint meddyg ysbyty poen dolur rhydd anadlwch "
    "mewn ddwfn diolch cymraeg saesneg gymraeg dyddiad derbyn rhyddhau gofal cymdeithasol "
    "chan eil agam duilich ciamar fuar teth gàidhlig gaidhlig ithe cadal latha tá níl pian "
    "orm dochtúir teaghlaigh brú fola siúcra meáchain gaeilge bholg chliabh"
)
# Malay's and Tagalog's common words as wards in Malaysia, Singapore and the Philippines mix
# them with English ("boleh bagi ceftriaxone?", "perlu adjust dos tak?", "ano sabi ng DOH?"),
# cleared the same way; not their short words, which are parts of names too ("po", "ka"), nor
# those spelt like a name ("tanya", "tak", "khamis", "naik", "kanya": Tanya, Tak, Khamis,
# Naik, Kanya).
_MALAY_AND_TAGALOG = (
    "boleh bagi macam perlu sehari makan banyak turun dengan untuk atau ini itu tidak belum "
    "sudah pesakit ubat jururawat ketua katil bayi kuning berapa buat dalam puasa sunat isnin "
    "selasa rabu jumaat sabtu minggu sakit demam batuk darah gula tekanan teruskan tukar kurang "
    "lebih alergi ulam tawag namin sabi sarado mahanap talaga kailangan yung wala meron hindi "
    "ngayon bakit paano gamot lagnat ubo pangalan sugat makcik pakcik tinggal nakatira"
)
# Words of the phrases patients and families say and wards translate, of the body, its
# complaints and its care (Spanish, French, German, Polish, Welsh, and Arabic as English
# letters write it): "me falta el aire", "mal de ojo", "mal perforant plantaire",
# "Dekubitus Grad 2", "proszę przyjmować rano", "capel gorffwys", "Surah Yasin".
_PHRASEBOOK = (
    "falta aire ojo mal dolor pecho cabeza estómago barriga mareo mareado vómito vómitos fiebre "
    "cadera mollera rodilla espalda hombro tobillo garganta oído oídos pierna brazo orina "
    "tos respirar duele ahogo susto empacho caída perforant plantaire escarre douleur poitrine "
    "ventre tête fièvre toux dekubitus grad schmerzen fieber husten proszę przyjmować rano "
    "wieczorem czczo cewnik tabletki ból gorączka kaszel capel gorffwys alwad heno caplan "
    "gweinidog cymerwch tabled tabledi lillahi ilayhi raji'un rajiun surah inshallah "
    "alhamdulillah bismillah mashallah ayunas"
)
# (Not Vietnamese, Tagalog or Hindi words: "bao", "po", "ka" are also parts of names.)
_LANGUAGES = "es pt it pl ro fr de nl sv da fi is cs hu hr lt lv et sq".split()
_WORDS = frozenset(word for language in _LANGUAGES for word in words_of(language))
_WORDS |= frozenset(_TURKISH.split()) | frozenset(_CELTIC.split())
_WORDS |= frozenset(_MALAY_AND_TAGALOG.split()) | frozenset(_PHRASEBOOK.split())


_UNDECOMPOSED = str.maketrans({"đ": "d", "ł": "l", "ø": "o", "ı": "i", "ħ": "h"})


def unaccented(word: str) -> str:
    """ "Phạm", "María" as the name lists spell them: "pham", "maria"."""
    # (the letters NFKD does not take apart: "Łukasz", "Søren", "Đặng")
    folded = word.casefold().translate(_UNDECOMPOSED)
    decomposed = unicodedata.normalize("NFKD", folded)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def a_common_foreign_word(word: str) -> bool:
    """A common word of Spanish, Portuguese, Italian, Polish, Romanian, French, German, Dutch,
    a Nordic language, a language of Central Europe, the Balkans or the Baltic, or Turkish that
    is no listed given name or frequent surname (the long surname list holds "Qual" and "Cat"
    as well). Endings alone ("-ción", "-ão") would not do: "Concepción", "João"."""
    folded = word.casefold()
    parts = re.split(r"[-'’]", folded) + re.split(r"[-'’]", unaccented(folded))
    if len(folded) < 3 or any(p in given_names() or p in frequent_surnames() for p in parts):
        return False  # "María", "Muñoz-García": the lists spell them without accents
    return folded in _WORDS


# Endings a Finnish, Nordic or Baltic clause puts on a drug's or an eponym's name, longest
# first: "Ozempicin", "Oxynormista", "Konakionia", "Crohnin tauti", "Waranen".
_CASE_ENDINGS = sorted(
    "ista istä illa illä ille iin ia iä in lla llä lle ssa ssä sta stä ta tä n a ä s en et "
    "ens".split(),
    key=len,
    reverse=True,
)


def an_inflected_thing(word: str) -> bool:
    """A drug, brand or eponym the lists know with a case ending of another language on it
    (its stem four letters or more): "Ozempicin", "Crohnin"; a name so inflected stays one."""
    folded = word.casefold()
    for ending in _CASE_ENDINGS:
        stem = folded.removesuffix(ending)
        if (
            stem != folded
            and len(stem) >= 4
            and (stem in BRANDS or stem in EPONYMS or a_generic(stem))
        ):
            return True
    return False
