"""The handout reworded by the site's language model, and checked sentence by sentence.

The offline handout chooses the approved material; the model only rewrites it at the target
grade (and in the patient's language). It sees the chosen sentences, each numbered, and
answers one sentence a line naming the statements it rewords: `[do|help|know] sentence [n]`
(or `[n][m]`). Then every sentence is checked before a clinician sees it, against those
statements alone:
- its numbers must all be theirs, each with the same unit ("3 or 4 glucose tablets" may not
  become "5 tablets"; "15 minutes" may not become "15 hours");
- they must support it (the answer's support check, assistant/answering/citations.py); a
  sentence in another language is first translated back to English by the model, and the
  back-translation is what is checked.
A sentence that fails is removed and listed for the clinician with the reason. While the
result reads above the target grade, the model is asked again (at most `rounds` times).
Nothing the model is sent holds an identifier: the topic and personalisation were redacted
before the search, and the patient's name never leaves the handout.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from assistant.answering.citations import Claim, SupportThresholds, check_support
from assistant.handouts import quality
from assistant.handouts.glossary import glossary_for
from assistant.handouts.handout import DO, HELP, KNOW, Handout, HandoutLine, HandoutSection
from assistant.handouts.pictures import with_pictures
from assistant.handouts.readability import measure, sentence_grade

LANGUAGES = {"en": "English", "es": "Spanish"}
NO_NUMBER_VETO = SupportThresholds(number_veto=False)
LINE = re.compile(r"^\s*[-*•]?\s*\[(do|help|know)\]\s*(.+?)\s*((?:\[\d+\]\s*)+)\.?\s*$", re.I)
NUMBERED = re.compile(r"^\s*(\d+)[.)]\s*(.+?)\s*$")
# A number and the three words after it, where what it measures is named ("6 glucose tablets").
MEASURE = re.compile(r"(\d+(?:[.,/]\d+)?)((?:\s*\(?\s*[A-Za-zµ%°/]+){0,3})")
# Units compared between a sentence and its source (singular, lower case).
UNITS = frozenset(
    """minute min hour hr day week month year time second mg mcg g gram kg ml l litre liter
    ounce oz cup tablespoon teaspoon tablet pill piece serving unit % percent mg/dl mmol/l
    degree ° inch feet foot pound lb dose drop puff calorie""".split()
)

# Said when the model's work is not used (the use case says otherwise when there is no offline
# handout to fall back on).
OFFLINE_SHOWN = "The offline handout, quoted word for word from the sources, is shown."


@dataclass(frozen=True)
class RemovedSentence:
    text: str
    reason: str


def _numbers_with_units(text: str) -> set[tuple[str, str]]:
    """(number, unit) pairs; the unit is "" when the word after the number is not a unit."""
    found = set()
    for number, after in MEASURE.findall(text.replace("½", "1/2").replace("⁄", "/")):
        unit = next((u for u in map(_unit, re.findall(r"[A-Za-zµ%°/]+", after)) if u), "")
        found.add((number.replace(",", ""), unit))
    return found


def _unit(word: str) -> str:
    word = word.lower()
    return word if word in UNITS else word[:-1] if word[:-1] in UNITS else ""


def number_problem(sentence: str, source: str, english: str | None = None) -> str:
    """Why the sentence's numbers do not match its source statements ("" when they do). For
    a translation, the back-translation's numbers are compared (units are words of a
    language), and the sentence must carry no digits its source lacks."""
    checked = english if english is not None else sentence
    source_pairs = _numbers_with_units(source)
    source_numbers = {n for n, _u in source_pairs}
    for number, unit in _numbers_with_units(checked):
        if number not in source_numbers:
            return f"the number {number} is not in its source"
        units = {u for n, u in source_pairs if n == number} - {""}
        if unit and units and unit not in units:
            said = " or ".join(f"{number} {u}" for u in sorted(units))
            return f"{number} {unit} does not match its source ({said})"
    if english is not None:
        # The sentence itself must carry the same digits as its back-translation.
        digits = set(re.findall(r"\d+", sentence))
        if digits - set(re.findall(r"\d+", source)):
            return "a number is not in its source"
    return ""


class RewrittenHandoutBuilder:
    def __init__(self, chat, embed, rounds: int = 3):
        self.chat = chat
        self.embed = embed  # texts -> unit vectors (the bundled model), for the support check
        self.rounds = rounds
        # What the last rewrite's best try came to, for benchmarks/handouts_llm.py: sentences
        # kept, removed (with why), steps left out, and whether the rewording was used.
        self.last_try: dict = {}

    def rewrite(self, base: Handout, target_grade: float, language: str = "en") -> Handout:
        """The reworded handout; or the offline one, saying why, when no try kept every step
        and every "when to get help" of the approved text: a rewording may simplify, never
        leave out what the patient must do."""
        if base.empty:
            return base
        statements, numbered = self._numbered(base)
        steps = {n for n, kind in enumerate(self._kinds(base), 1) if kind in (DO, HELP)}
        feedback, best, latest = "", None, None
        for _round in range(self.rounds):
            reply = self.chat.complete(
                self._messages(numbered, target_grade, language, feedback),
                max_tokens=1400,
                temperature=0.0,
            )
            kept, removed, named = self._checked(reply.text, statements, language)
            reading = measure("\n".join(line.text for _kind, line in kept), language)
            missing = sorted(steps - named)
            latest = (kept, removed, reading, missing)
            better = best is None or (len(missing), reading.grade) < (len(best[3]), best[2].grade)
            if kept and better:
                best = (kept, removed, reading, missing)
            if kept and not missing and reading.grade <= target_grade:
                break
            feedback = (
                f"Your last version reads at grade {reading.grade:g}; the target is "
                f"{target_grade:g}. Use shorter sentences and everyday words."
            )
            if missing:
                feedback += " Reword every statement marked [do] or [help]; leave none out."
        shown = best or latest  # the try that counts: the best, or the last if none kept any
        self.last_try = {
            "kept": len(shown[0]),
            "removed": [(r.text, r.reason) for r in shown[1]],
            "missing": list(shown[3]),
            "used": best is not None and not best[3],
        }
        if best is None or best[3]:
            return self._not_used(base, statements, best)
        kept, removed, reading, _missing = best
        return self._handout(base, kept, removed, reading, target_grade, language)

    @staticmethod
    def _kinds(base: Handout) -> list[str]:
        return [section.kind for section in base.sections for _line in section.lines]

    def _not_used(self, base: Handout, statements, best) -> Handout:
        if best is None:
            why = "none of its sentences passed the checks"
        else:
            left_out = [statements[n - 1].text for n in best[3]]
            why = (
                f"it left out {len(left_out)} step(s) of the approved text, first "
                f"\u201c{left_out[0]}\u201d"
            )
        note = f"The language model's rewording was not used: {why}. {OFFLINE_SHOWN}"
        return replace(base, notes=(*base.notes, note))

    # -- the request ---------------------------------------------------------------------------
    def _numbered(self, base: Handout):
        """The base handout's lines, each numbered on its own: a reworded sentence names the
        statements it rewords, and is checked against those statements alone (checked against
        a whole passage, "1 cup (8 ounces) of fruit juice" passed because the milk on the next
        line is "1 cup (8 ounces)"; the juice is "1/2 cup (4 ounces)")."""
        statements = [line for section in base.sections for line in section.lines]
        kinds = [section.kind for section in base.sections for _line in section.lines]
        numbered = [
            f"[{kind}] {line.text} [{n}]"
            for n, (kind, line) in enumerate(zip(kinds, statements, strict=True), 1)
        ]
        return statements, numbered

    def _messages(self, numbered: list[str], grade: float, language: str, feedback: str):
        system = (
            "You rewrite patient education material from a hospital's approved documents. "
            f"Write in {LANGUAGES[language]} at a US school reading grade of {grade:g} or "
            "lower: short sentences, everyday words, speak to the patient as 'you'. Keep "
            "every number, dose and unit exactly as given. Add nothing that the statements "
            "do not say: no advice, facts or reassurance of your own. One sentence per line, "
            "each as: [do|help|know] sentence [n], where do = a step to take, help = when to "
            "get help, know = background, and [n] the number of the statement it rewords "
            "([n][m] when it joins two). Keep the order of steps. Output only those lines."
        )
        user = "Statements:\n" + "\n".join(numbered)
        if feedback:
            user += f"\n\n{feedback}"
        return [{"role": "system", "content": system}, {"role": "user", "content": user}]

    # -- checking ------------------------------------------------------------------------------
    def _checked(self, reply: str, statements: list[HandoutLine], language: str):
        parsed, removed = [], []
        for raw in reply.splitlines():
            if not raw.strip():
                continue
            match = LINE.match(raw)
            cited = [int(n) for n in re.findall(r"\d+", match.group(3))] if match else []
            if not match or not cited or not all(1 <= n <= len(statements) for n in cited):
                removed.append(RemovedSentence(raw.strip(), "not in the form asked for"))
                continue
            parsed.append((match.group(1).lower(), match.group(2).strip(), cited))
        english = self._back_translated([s for _k, s, _n in parsed]) if language != "en" else None
        sources = [" ".join(statements[n - 1].text for n in cited) for _k, _s, cited in parsed]
        claims = [
            Claim(english[i] if english else sentence, [i + 1])
            for i, (_k, sentence, _n) in enumerate(parsed)
        ]
        # Each claim against the statements it names; numbers are checked apart, with their
        # units (a sentence joining a lead-in and its item has numbers from both).
        check_support(claims, sources, self.embed, NO_NUMBER_VETO)
        kept, named = [], set()
        for i, ((kind, sentence, cited), claim) in enumerate(zip(parsed, claims, strict=True)):
            problem = number_problem(sentence, sources[i], english[i] if english else None)
            if not problem and not claim.supported:
                problem = "not supported by the statement it rewords"
            if problem:
                removed.append(RemovedSentence(sentence, problem))
                continue
            first = statements[cited[0] - 1]
            line = HandoutLine(
                sentence, first.source, first.passage, sentence_grade(sentence, language)
            )
            kept.append((kind, line))
            named.update(cited)
        return kept, removed, named

    def _back_translated(self, sentences: list[str]) -> list[str]:
        if not sentences:
            return []
        reply = self.chat.complete(
            [
                {
                    "role": "system",
                    "content": (
                        "Translate each numbered line into English, word for word where you can. "
                        "Keep the numbering; output only the numbered lines."
                    ),
                },
                {
                    "role": "user",
                    "content": "\n".join(f"{i}. {s}" for i, s in enumerate(sentences, 1)),
                },
            ],
            max_tokens=1400,
            temperature=0.0,
        )
        back = {
            int(m.group(1)): m.group(2) for m in map(NUMBERED.match, reply.text.splitlines()) if m
        }
        # A line the model did not translate back cannot be checked: it is checked as "" and
        # so removed as unsupported.
        return [back.get(i, "") for i in range(1, len(sentences) + 1)]

    # -- the result ----------------------------------------------------------------------------
    def _handout(self, base, kept, removed, reading, target_grade, language) -> Handout:
        by_kind: dict[str, list[HandoutLine]] = {DO: [], HELP: [], KNOW: []}
        for kind, line in kept:
            by_kind[kind].append(line)
        sections = tuple(HandoutSection(k, tuple(v)) for k, v in by_kind.items() if v)
        sections = with_pictures(sections, base.picture_space)
        text = "\n".join(line.text for s in sections for line in s.lines)
        # A meaning the offline handout found in another approved passage stays, cited.
        glossary = glossary_for(
            text,
            [line.passage for s in sections for line in s.lines],
            cited=tuple(g for g in base.glossary if g.cited),
        )
        notes = list(n for n in base.notes if "offline handouts quote" not in n.lower())
        if removed:
            notes.append(
                "Removed after checking (not shown to the patient): "
                + "; ".join(f"\u201c{r.text}\u201d ({r.reason})" for r in removed)
            )
        if reading.grade > target_grade:
            notes.append(
                f"Reworded handout reads at grade {reading.grade:g}, above the target of "
                f"{target_grade:g}, after {self.rounds} tries."
            )
        return replace(
            base,
            language=language,
            sections=sections,
            glossary=glossary,
            grade=reading.grade,
            smog=reading.smog,
            notes=tuple(notes),
            checks=quality.checks(sections, glossary, reading, target_grade),
            mode=f"reworded by {getattr(self.chat, 'model', 'the language model')}, checked",
        )
