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
from functools import lru_cache

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
    "ro": "Romanian",
    "tl": "Tagalog",
    "hi": "Hindi or Urdu",
    "nl": "Dutch",
    "sv": "Swedish",
    "da": "Danish or Norwegian",
    "fi": "Finnish",
    "is": "Icelandic",
    "cs": "Czech or Slovak",
    "hu": "Hungarian",
    "hr": "Croatian, Serbian, Bosnian or Slovenian",
    "lt": "Lithuanian",
    "lv": "Latvian",
    "et": "Estonian",
    "sq": "Albanian",
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
# More of the Nordic languages' common words and the words their wards write, and Icelandic's
# (not those English, shorthand or a name also spells: "men", "till", "min", "vi", "sin",
# "dag", "se", "he", "er", "um", "sem", "var", "get", "barn").
_NORDIC_WORDS = {
    "sv": "vad varför vem vilket finns kan har hade blir blev vara varit från henne honom "
    "deras många några någon något igen redan fortfarande sängen äldreboende hemtjänst dygn "
    "vecka veckor månad månader natten morgon kväll läkaren sjuksköterskan ordinerar behöver "
    "kvinna gammal ingen inga kvar sitt sina sjukhus sjukhuset akuten vårdcentral används "
    "bor hos",
    "da": "hva hvad hvem hvorfor hvis når kan vil har hadde havde blir bliver ble blev være "
    "været hun hennes hendes deres dere noen nogen noget noe dersom igjen igen allerede "
    "fortsatt stadig sengen pasient borger borgeren borgere beboer beboeren sykehjem "
    "plejehjem plejehjemmet døgn uke uker uge uger måned måneder dager natten natt kveld "
    "aften legen lægen sykepleieren hjemme hjem ingen gammel gamle kommer skulle kunne mitt "
    "sitt sine så nå bor",
    "fi": "ei ja kun mitä miten miksi missä mihin kuka voi saako pitääkö ovat oli olisi vielä "
    "mutta sitten nyt ennen jälkeen kanssa ilman potilaalle potilaalla hoitajan lääkärin "
    "osastolle osastolla päivystys päivystykseen kotiin kotona vuotta vuotias vrk tänään "
    "huomenna eilen sekä eikä siis tämä tämän tätä nämä hänen hänellä hänelle kotihoito "
    "kotihoidon tauti tautia hoitoon hoidon annetaan aloitetaan lopetetaan päivässä",
    "is": "og að á í við fyrir með hvað hvernig hvenær hvar hver hvort má getur ekki "
    "sjúklingur sjúklingurinn sjúklingsins læknir læknis hjúkrunarfræðingur deild deildinni "
    "lyf lyfið skammt skammtur daga kona barnið hún hann þetta það eru verið eftir áður "
    "einnig líka mikið hversu þegar",
}
_FUNCTION_WORDS |= {
    lang: f"{_FUNCTION_WORDS.get(lang, '')} {words}" for lang, words in _NORDIC_WORDS.items()
}
# Central Europe, the Balkans and the Baltic: their common words and the words their wards
# write (those English, shorthand or an abbreviation also spells are left out: "to", "pro",
# "po", "pred", "so", "on", "ten", "let", "volt", "ema", "ali", "len", "jen", "nad", "mbi",
# "para", "aga", "mint").
_FUNCTION_WORDS |= {
    "cs": "je jsou jsem jsme být byl byla bylo jak jaký jaká jaké jakou kdy když kde proč "
    "nebo také ještě už podle proti mezi před při který která které kterou má mám máme "
    "mají může můžu můžeme musí musím lze nelze potřeba lékař lékaře lékařka dávka dávku "
    "dávky lék léky léčba léčby dní týdnů měsíců hodin dítě děti matka otec dnes zítra včera "
    "kolik ano prosím sú som sme byť bol bolo ako aký aká aké kedy keď prečo alebo tiež "
    "ešte podľa koľko áno nie lekár lekára liek lieky liečba týždňov mesiacov rokov hodín "
    "dieťa deti zajtra pacientka pacienta pacientovi",
    "hu": "és egy hogy nem vagy mit mikor hol miért hogyan mennyi mennyit melyik kell "
    "lehet lesz vannak nincs csak már még után előtt alatt felett között beteg betegnek "
    "betegem orvos orvosa nővér adag adagot adagja gyógyszer gyógyszert napig hét hónap év "
    "éves óra gyerek gyermek anya apa kórház osztály kórterem szabad adjuk adjunk",
    "hr": "je su sam smo biti bio bila bilo kako kakav kada kad gdje gde zašto ili također "
    "još već samo prema protiv između prije poslije posle koji koja koje što šta koliko "
    "pacijent pacijentica pacijenta bolesnik bolesnica liječnik lekar sestra dozu lijek "
    "lek terapija dana tjedana nedelja mjeseci godina sati dijete djeca deca majka otac danas "
    "sutra jučer treba može mogu moramo trebam kaj kdaj kje zakaj tudi samo bolnik bolnica "
    "zdravnik odmerek zdravilo tednov mesecev otrok mati oče jutri včeraj lahko mora",
    "lt": "yra buvo kaip kada kur kodėl arba taip dar jau tik pagal prieš prie "
    "kuris kuri kas kiek pacientas pacientė gydytojas slaugytoja dozė vaistai vaistas dienų "
    "savaičių mėnesių metų valandų vaikas tėtis šiandien rytoj vakar reikia galima gali",
    "lv": "bija kā kad kur kāpēc arī vēl jau tikai pēc pret starp pirms uz kurš kura kas "
    "cik jā nē pacients pacientei ārsts māsa devu zāles dienas nedēļas mēneši gadi stundas "
    "bērns māte tēvs šodien rīt vajag drīkst",
    "et": "ja oli kuidas millal kus miks või ka veel juba ainult järgi vastu vahel enne "
    "pärast juures kes kui palju jah ei patsient patsiendi arst õde annus ravim ravimid päeva "
    "nädala kuu aasta tundi täna homme eile vaja võib tohib",
    "sq": "dhe është janë ishte kur ku pse ose por gjithashtu ende vetëm sipas kundër midis "
    "në cili cila çfarë pacienti pacientja pacientes mjeku infermierja doza "
    "dozën ilaç ilaçi barna ditë javë muaj vjeç vjet orë fëmija nëna babai nesër dje "
    "duhet mund",
}
# Words of Spanish (es), Portuguese (pt), Italian (it), Polish (pl), Romanian (ro), French
# (fr), German (de), Dutch (nl), Swedish (sv), Danish and Norwegian (da) and Finnish (fi)
# that wards and clinics write, beyond the function words: counted too, as clinical shorthand
# in another language has few function words ("Glucemia de 32 en urgencias"), with the nouns
# an eponym follows there ("Doença de Chagas"). None is a name's particle.
_WARD_WORDS = {
    "es": "síndrome enfermedad signo tríada escala prueba maniobra quiste fractura reacción "
    "criterios protocolo índice clasificación linfoma respiración úlcera arteritis "
    "parálisis operación técnica método regla puntuación glucemia potasio sodio "
    "habitación cambio traslado ingreso planta sangrado cuáles quién dónde esta este "
    "estos estas eso esa ese cada según después antes más menos paciente pacientes "
    "enfermera enfermero turno guardia urgencias tratamiento dolor fiebre presión "
    "recomienda hago hacer necesita hora día semana semanas meses algún alguna otro otra "
    "uso usar cama piso cambia cambiar escala riesgo embarazo recién nacido lactante "
    "adultos niña vía segura mayores están estar fue ley aunque sea qué cuál",
    "pt": "síndrome doença sinal sinais tríade escala prova teste manobra cisto fratura reacção "
    "reação critérios protocolo índice classificação linfoma respiração úlcera paralisia "
    "operação técnica método regra pontuação hérnia doente doentes utente consulta "
    "saúde não uma para pelo pela pra aos às já também quando onde porque isso esse "
    "essa muito pode podem deve devem precisa preciso fazer faz têm há estão ficar leito "
    "enfermaria plantão febre dor pressão gestante gravidez parto bebê adulto idoso vacina "
    "exame exames sangue segundo após até sobre cada dias vez ainda todos toda só acima "
    "abaixo recomenda usar uso tomar trocar durante ou qual quais quantas quantos dão trata",
    "pl": "czy się są był była było być mają jeśli jeżeli oraz lub ale że tego tej tym jaka "
    "jaki jakie jakiej które kiedy gdzie dlaczego czym czego tylko bardzo należy pacjent "
    "pacjentka pacjenta pacjentki dziecko dzieci lat dawka dawki dawkę leczenie leczenia "
    "przy przed między nad skala",
    "ro": "și sau este sunt pentru în din care cât câte cum când unde dacă după înainte timp "
    "doza doză pacient pacientul pacienta copil copii ani zile ore ține trebuie poate fost scor",
    "fr": "triade échelle épreuve manœuvre kyste réaction "
    "critères protocole indice lymphome ulcère paralysie méthode "
    "règle loi sans chez patiente quand où faire doit être avoir aussi très depuis selon "
    "jour heure semaine mois douleur fièvre traitement bébé grossesse lequel laquelle aux "
    "ces cette dès arrêter passer garder faut-il peut-on maladie signe séjour durée délai "
    "seuil posologie urinaire sanguin sanguine stérile eau infirmier infirmière interne "
    "urgence urgences chambre lits hôpital clinique médicale médical première dernière "
    "dernier fois quel ensuite toujours contre entre jusqu plutôt ordonnance prise",
    "it": "paziente pazienti infermiere infermiera reparto letto turno guardia dolore febbre "
    "pressione terapia dosi flebo gocce compresse farmaci esami sangue ricovero "
    "dimissione soccorso primario caposala notte giorno settimana mese sempre ancora durante "
    "senza sotto sopra entro anche oppure perché bisogna possiamo fatto "
    "sospendo sospendere aumentare ridurre ogni protocollo manovra sindrome segno "
    "malattia morbo cisti frattura criteri indice sospetta positiva negativo positivo",
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
_FUNCTION = {lang: frozenset(words.split()) for lang, words in _FUNCTION_WORDS.items()}
# In a fixed order (a tie between two languages goes to the first): never a set's, whose order
# changes with each process's hash seed.
_WORDS = {
    lang: _FUNCTION.get(lang, frozenset()) | frozenset(_WARD_WORDS.get(lang, "").split())
    for lang in [*_FUNCTION_WORDS, *(k for k in _WARD_WORDS if k not in _FUNCTION_WORDS)]
}
# Function words of another language that are no English word and no particle of a name
# ("de", "la", "van" stand in names): one beside a word marks a phrase of that language.
_PARTICLES = frozenset("de la le da di du do dos das del della van von den der al el bin".split())
FOREIGN_WORDS = frozenset().union(*_FUNCTION.values()) - STOPWORDS - _PARTICLES


@lru_cache(maxsize=32)  # (asked for every Hinglish name a rule finds)
def words_of(language: str) -> frozenset[str]:
    """The common words this module counts for `language` (none for "vi" and the like)."""
    return _WORDS.get(language, frozenset()) - STOPWORDS - _PARTICLES


_VIETNAMESE = frozenset("ơưđ" + "".join(chr(c) for c in range(0x1EA0, 0x1EFA)))
_TOKEN = re.compile(r"[^\W\d_]+", re.UNICODE)
_SCRIPTS = (("CJK", "zh"), ("HIRAGANA", "ja"), ("KATAKANA", "ja"), ("HANGUL", "ko"))
_SCRIPTS += (("ARABIC", "ar"), ("CYRILLIC", "ru"))


# (pure: one question is asked its language by the redaction's several looks and the answer's)
@lru_cache(maxsize=64)
def detect_language(text: str) -> str:
    """ "en", or a code of LANGUAGE_NAMES when the question is clearly in another language."""
    letters = [c for c in text if c.isalpha()]
    if letters:
        foreign = [_script(c) for c in letters if ord(c) > 0x24F]
        foreign = [s for s in foreign if s]
        if len(foreign) > 0.5 * len(letters):
            return max(dict.fromkeys(foreign), key=foreign.count)  # (a tie: the first seen)
    tokens = _TOKEN.findall(unicodedata.normalize("NFC", text))
    # An acronym counts as no word of a language ("HVAD recall?" is a heart pump, not "hvad"),
    # unless the whole question is typed in capitals.
    shouted = sum(t.isupper() for t in tokens) > 0.6 * len(tokens)
    words = [t.lower() for t in tokens if shouted or len(t) < 2 or not t.isupper()]
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


# English's own small words: one in a clause says it is English. (Not those other languages
# spell too: "no", "in", "is", "was", "will", "also", "over", "her", "once", "per", "via".)
_ENGLISH_MARKERS = frozenset(w for w in STOPWORDS if len(w) > 2) - frozenset(
    "per via use don etc was will also over her once most".split()
)


def foreign_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, language) of the clauses of `text` written in another language."""
    return [span for span in _clauses(text) if span[2] != "en"]


def short_foreign_clauses(text: str) -> list[tuple[int, int, str]]:
    """(start, end, language) of the clauses whose own words do not tell their language (too
    short, or too few common words: "¿suspendo el pembrolizumab?") in a question written in
    another language, with no English word in them: most likely in the question's language."""
    whole = detect_language(text)
    if whole == "en":
        return []
    return [
        (start, end, whole)
        for start, end, language in _clauses(text)
        if language == "en"
        and (words := _TOKEN.findall(text[start:end]))
        and not any(w.lower() in _ENGLISH_MARKERS for w in words)
    ]


@lru_cache(maxsize=16)  # (read by foreign_spans and short_foreign_clauses for one question)
def _clauses(text: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, language) of every clause; "en" when it is English or too short to tell."""
    spans: list[tuple[int, int, str]] = []
    start = 0
    for end in [m.start() for m in _CLAUSE_END.finditer(text)] + [len(text)]:
        clause = text[start:end]
        long_enough = len(_TOKEN.findall(clause)) >= _CLAUSE_WORDS
        spans.append((start, end, detect_language(clause) if long_enough else "en"))
        start = end + 1
    return tuple(spans)
