"""Make a clean draft look like a file from a real archive, without changing what it says.

Real regulations abbreviate ("UBND", "TTHC", "VP HĐND và UBND"), keep the old tone
placement ("hoà", "uỷ"), and reach us as exports where a page break cut a sentence in two.
The perturbations here are drawn per document and applied to the document model, so the
.txt and the .docx of a document would carry the same ones. They only use spellings the
scorer normalises (``data/perturbations.yaml``), so the gold, written from what the draft
was made of, stays true of the perturbed text.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, partial

from cchc.generators.document_model import Article, Chapter, Document, Item, Section, Table
from cchc.synth.data import data
from cchc.synth.draws import chance, weighted

_ENDS_SENTENCE = tuple(".:;!?)]}»”\"")
_WORD = re.compile(r"^[^\W\d_]{2,}$")


@dataclass
class Habits:
    """One document's spelling and layout habits, and a record of what they changed."""

    abbreviations: list[tuple[str, str, re.Pattern[str]]] = field(default_factory=list)
    old_tones: bool = False
    page_breaks: int = 0  # sentences to cut across a page break
    heading_style: str = "plain"  # .txt: plain | bold | markdown
    blank_lines: bool = False
    crlf: bool = False
    bom: bool = False
    nfd: bool = False  # .txt: decomposed Unicode, as files saved on a Mac are
    applied: dict[str, int] = field(default_factory=dict)  # perturbation → occurrences

    def count(self, what: str, n: int = 1) -> None:
        if n:
            self.applied[what] = self.applied.get(what, 0) + n


@cache
def _abbreviation_rules() -> tuple[tuple[str, str, float, re.Pattern[str]], ...]:
    rows = data("perturbations")["abbreviations"]
    return tuple((r["full"], r["short"], float(r["share"]), re.compile(rf"(?<!\w){re.escape(r['full'])}(?!\w)")) for r in rows)


@cache
def _tone_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    table = {unicodedata.normalize("NFC", k): unicodedata.normalize("NFC", v) for k, v in data("perturbations")["old_tones"].items()}
    words = sorted(table, key=len, reverse=True)
    return re.compile(rf"(?<!\w)({'|'.join(map(re.escape, words))})(?!\w)", re.IGNORECASE), table


def draw_habits(rng: random.Random, fmt: str, enabled: bool = True) -> Habits:
    """What this document does; ``enabled=False`` gives a clean file (for comparisons)."""
    table = data("perturbations")
    rates = table["rates"]
    habits = Habits()
    if not enabled:
        return habits
    if chance(rng, rates["abbreviate"]):
        seen: set[str] = set()
        for full, short, share, pattern in _abbreviation_rules():
            if full not in seen and chance(rng, share):
                seen.add(full)
                habits.abbreviations.append((full, short, pattern))
    habits.old_tones = chance(rng, rates["old_tones"])
    if chance(rng, rates["page_breaks"]):
        habits.page_breaks = rng.randint(1, 3)
    if fmt == "txt":
        habits.heading_style = weighted(rng, table["heading_styles"])
        habits.blank_lines = chance(rng, rates["blank_lines"])
        habits.crlf = chance(rng, rates["crlf"])
        habits.bom = chance(rng, rates["bom"])
        habits.nfd = chance(rng, rates["nfd"])
    return habits


class Speller:
    """Rewrites strings with a document's habits, in document order (the first mention of
    a phrase is more often written out than the later ones, as drafters do)."""

    def __init__(self, habits: Habits, rng: random.Random) -> None:
        self.habits = habits
        self.rng = rng
        self.mentioned: set[str] = set()

    def _abbreviate(self, full: str, short: str, match: re.Match[str]) -> str:
        first = full not in self.mentioned
        self.mentioned.add(full)
        if self.rng.random() < (0.4 if first else 0.85):
            self.habits.count("abbreviation")
            return short
        return match.group(0)

    def tones(self, text: str) -> str:
        if not self.habits.old_tones or not text:
            return text
        pattern, table = _tone_pattern()

        def old(match: re.Match[str]) -> str:
            word = match.group(0)
            spelled = table[word.lower()]
            self.habits.count("old_tone")
            if word.isupper():
                return spelled.upper()
            return spelled[:1].upper() + spelled[1:] if word[:1].isupper() else spelled

        return pattern.sub(old, text)

    def text(self, text: str) -> str:
        """Abbreviations and tones: for running text and titles."""
        for full, short, pattern in self.habits.abbreviations:
            if full in text:
                text = pattern.sub(partial(self._abbreviate, full, short), text)
        return self.tones(text)


def _items(items: Sequence[Item | Table], speller: Speller) -> None:
    for item in items:
        if isinstance(item, Table):
            item.header = [speller.text(c) for c in item.header]
            item.rows = [[speller.text(c) for c in row] for row in item.rows]
            continue
        item.text = speller.text(item.text)
        _items(item.children, speller)


def respell(document: Document, speller: Speller) -> None:
    """Apply the spelling habits to every string of a document (and its attachment) in
    reading order. Header and signature lines only take the old tones: an archive writes
    "ỦY BAN NHÂN DÂN" in full there, and the extractor reads the issuer from it."""
    for text in document.texts():
        head = text.header
        head.issuer = speller.tones(head.issuer)
        head.superior = speller.tones(head.superior) if head.superior else head.superior
        head.place = speller.tones(head.place)
        text.kind_title = speller.tones(text.kind_title)
        text.title = speller.text(text.title)
        text.promulgation = speller.text(text.promulgation)
        text.authority = speller.tones(text.authority)
        text.bases = [speller.text(b) for b in text.bases]
        text.decides = speller.tones(text.decides)
        text.preamble = [speller.text(p) for p in text.preamble]
        for part in text.body:
            part.title = speller.text(part.title)
            articles = part.articles if isinstance(part, Chapter) else [part]
            for article in articles:
                if isinstance(article, Article) and article is not part:
                    article.title = speller.text(article.title)
                _items(article.blocks, speller)
        text.recipients = [speller.text(r) for r in text.recipients]
        if text.signature:
            sig = text.signature
            sig.authority, sig.title, sig.name = speller.tones(sig.authority), speller.tones(sig.title), speller.tones(sig.name)


# --- page breaks ------------------------------------------------------------------------


def _cut_points(text: str) -> list[int]:
    """Word indexes where a page break may fall so that the reader can mend the sentence:
    the first half does not end a sentence and the second starts with a lower-case word."""
    words = text.split(" ")
    points = []
    for k in range(3, len(words) - 2):
        before, after = words[k - 1], words[k]
        if before.endswith(_ENDS_SENTENCE) or not _WORD.match(after.rstrip(",;.:")) or not after[:1].islower():
            continue
        points.append(k)
    return points


def _splittable(document: Document) -> list[Item]:
    """Long khoản, điểm and dashes. Not bare paragraphs: the first paragraph of an untitled
    Điều is printed on the Điều's own line, and renderers do not expect it to have children."""
    found: list[Item] = []

    def walk(items: Sequence[Item | Table]) -> None:
        for item in items:
            if isinstance(item, Table):
                continue
            if item.kind in ("clause", "point", "indent") and len(item.text) >= 60 and _cut_points(item.text):
                found.append(item)
            walk(item.children)

    for text in document.texts():
        for part in text.body:
            containers = part.articles if isinstance(part, Chapter) else [part]
            for container in containers:
                if isinstance(container, (Article, Section)):
                    walk(container.blocks)
    return found


def split_across_pages(document: Document, habits: Habits, rng: random.Random) -> list[Item]:
    """Cut ``habits.page_breaks`` sentences in two; the second half becomes a paragraph of
    its own (the first child of the item), which renderers put on the next page. Returns
    those continuation items."""
    continuations: list[Item] = []
    candidates = _splittable(document)
    for item in rng.sample(candidates, min(habits.page_breaks, len(candidates))):
        words = item.text.split(" ")
        k = rng.choice(_cut_points(item.text))
        item.text = " ".join(words[:k])
        rest = Item("paragraph", " ".join(words[k:]))
        item.children.insert(0, rest)
        continuations.append(rest)
        habits.count("page_break")
    return continuations
