"""Mend words that OCR tore apart by dropping a vowel it could not read: "ch m điểm".

Scanned Vietnamese loses the letters with stacked diacritics first ("ấ", "ệ"), leaving an
onset and a coda that are no syllable on their own. The missing middle is found in the
vocabulary the toolkit already knows: the ontology's labels and cue phrases, and the
words of the annotated duty clauses the area model was trained on (never the regular
expressions of the pattern files): "ch" + ? + "m" next to "điểm" can only be "chấm". A repair is made only
when the vocabulary admits exactly one syllable, and it is reported, never silent.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

import rdflib

from cchc.graph.area_model import model
from cchc.graph.normalize import nfc
from cchc.graph.ontology import vocabulary_graph

_ONSETS = "ngh|ch|gh|gi|kh|ng|nh|ph|qu|th|tr|[bcdđghklmnpqrstvx]"
_CODAS = "ch|ng|nh|[cmnpt]"
# An onset alone, a space, a coda alone, then a word: no Vietnamese syllable looks like that.
_TORN = re.compile(rf"(?<![\w])({_ONSETS}) ({_CODAS}) (?=(\w+))", re.IGNORECASE)
# What every torn word contains, found ten times faster than the whole pattern: most texts
# have none, and then the line is returned at once.
_LONE_CODA = re.compile(rf" (?:{_CODAS}) ", re.IGNORECASE)
_VOWELS = re.compile(r"^[aăâeêioôơuưyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]{1,3}$")


@cache
def _vocabulary() -> tuple[Counter[str], Counter[str]]:
    """The syllables and two-syllable words the toolkit's own data spells, with counts."""
    # The graph every reader already holds, not its N-Triples text: only literals spell words.
    parts = [str(value) for value in vocabulary_graph().objects() if isinstance(value, rdflib.Literal)]
    # The model's features spell their words after a prefix: "w:chấm", "b:chấm_điểm".
    parts.extend(name.split(":", 1)[-1].replace("_", " ") for name in model().idf)
    text = "\n".join(parts)
    syllables: Counter[str] = Counter()
    pairs: Counter[str] = Counter()
    for phrase in re.split(r"[^\w ]+", nfc(text).lower()):
        words = [w for w in phrase.split() if w.isalpha()]
        syllables.update(words)
        pairs.update(f"{a} {b}" for a, b in zip(words, words[1:]))
    return syllables, pairs


def _fill(onset: str, coda: str, following: str = "") -> str | None:
    """The one syllable onset + vowels + coda that the vocabulary admits before
    ``following`` ("ch m điểm": "chấm điểm", not "chậm"), or None if not exactly one."""
    syllables, pairs = _vocabulary()
    found = {
        word
        for word in syllables
        if word.startswith(onset.lower()) and word.endswith(coda.lower()) and _VOWELS.match(word[len(onset) : len(word) - len(coda)])
    }
    if len(found) > 1:
        found = {word for word in found if f"{word} {following.lower()}" in pairs}
    if len(found) != 1:
        return None
    word = found.pop()
    return word[:1].upper() + word[1:] if onset[:1].isupper() else word


def repair(line: str) -> tuple[str, list[str]]:
    """``line`` with torn words mended, and "ch m → chấm" notes for the document's warnings."""
    notes: list[str] = []
    if not _LONE_CODA.search(line):
        return line, notes

    def mend(match: re.Match[str]) -> str:
        word = _fill(match.group(1), match.group(2), match.group(3))
        if word is None:
            return match.group(0)
        notes.append(f"{match.group(1)} {match.group(2)} → {word}")
        return word + " "

    return _TORN.sub(mend, line), notes
