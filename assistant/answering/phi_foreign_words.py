"""Common words of the other languages clinicians write in, for
assistant/answering/phi_foreign_names.py: a word here is no name, wherever it stands.

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

from knowledge.language import function_words
from knowledge.name_words import frequent_surnames, given_names

# Words of Spanish (es), Portuguese (pt), Polish (pl), Romanian (ro), French (fr), German
# (de), Dutch (nl), Swedish (sv), Danish and Norwegian (da) and Finnish (fi) that wards and
# clinics write, beyond the function words knowledge/language.py counts
# to tell a question's language. None is an English word or a name's particle.
_MORE_WORDS = {
    "es": "cuáles quién dónde esta este estos estas eso esa ese cada según después antes más "
    "menos paciente pacientes enfermera enfermero turno guardia urgencias tratamiento dolor "
    "fiebre presión recomienda hago hacer necesita hora día semana semanas meses algún alguna "
    "otro otra uso usar cama piso cambia cambiar escala riesgo embarazo recién nacido "
    "lactante adultos niña vía segura mayores están estar fue ley aunque sea qué cuál",
    "pt": "não uma para pelo pela pra aos às já também quando onde porque isso esse essa muito "
    "pode podem deve devem precisa preciso fazer faz têm há estão ficar leito enfermaria "
    "plantão febre dor pressão gestante gravidez parto bebê adulto idoso vacina exame exames "
    "sangue segundo após até sobre cada dias vez ainda todos toda só acima abaixo recomenda "
    "usar uso tomar trocar durante ou qual quais quantas quantos dão trata",
    "pl": "czy się są był była było być mają jeśli jeżeli oraz lub ale że tego tej tym jaka "
    "jaki jakie jakiej które kiedy gdzie dlaczego czym czego tylko bardzo należy pacjent "
    "pacjentka pacjenta pacjentki dziecko dzieci lat dawka dawki dawkę leczenie leczenia "
    "przy przed między nad skala",
    "ro": "și sau este sunt pentru în din care cât câte cum când unde dacă după înainte timp "
    "doza doză pacient pacientul pacienta copil copii ani zile ore ține trebuie poate fost scor",
    "fr": "sans chez patiente quand où faire doit être avoir aussi très depuis selon jour "
    "heure semaine mois douleur fièvre traitement bébé grossesse lequel laquelle aux ces cette "
    "dès arrêter passer garder faut-il peut-on maladie signe séjour durée délai seuil "
    "posologie urinaire sanguin sanguine stérile eau infirmier infirmière interne urgence "
    "urgences chambre lits hôpital clinique médicale médical première dernière dernier fois "
    "quel ensuite toujours contre entre jusqu plutôt ordonnance prise",
    "de": "welches wieviel gibt zur zum beim vom über unter patientin bitte jahre jahren "
    "täglich gegen ohne noch schon wird werden wurde sind haben hatte kein keine auf aus sich",
    "nl": "ziekte verpleegkundige afdeling opname ontslag bloed pijn koorts controle volgens "
    "vanaf hoelang zaalarts bellen vragen nuchter toepassen wij jullie waar "
    "waarom mogen krijgen geven gaan doen nodig",
    "sv": "sjukdom sjuksköterska avdelning blod smärta feber enligt behandling ges vid också",
    "da": "sygdom sykdom sygeplejerske sykepleier afdeling avdeling blod smerte feber ifølge "
    "behandling gives ved",
    "fi": "sairaus hoitaja osasto veri kipu kuume hoito mukaan",
}
# (Not Vietnamese, Tagalog or Hindi words: "bao", "po", "ka" are also parts of names.)
_WORDS = frozenset(
    word
    for language in _MORE_WORDS
    for word in function_words(language) | frozenset(_MORE_WORDS[language].split())
)


def unaccented(word: str) -> str:
    """ "Phạm", "María" as the name lists spell them: "pham", "maria"."""
    decomposed = unicodedata.normalize("NFKD", word.casefold().replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def a_common_foreign_word(word: str) -> bool:
    """A common word of Spanish, Portuguese, Polish, Romanian, French, German, Dutch or a
    Nordic language that is no listed given name or frequent surname (the long surname list
    holds "Qual" and "Cat" as well). Endings alone ("-ción", "-ão") would not do:
    "Concepción", "João"."""
    folded = word.casefold()
    parts = re.split(r"[-'’]", folded) + re.split(r"[-'’]", unaccented(folded))
    if len(folded) < 3 or any(p in given_names() or p in frequent_surnames() for p in parts):
        return False  # "María", "Muñoz-García": the lists spell them without accents
    return folded in _WORDS
