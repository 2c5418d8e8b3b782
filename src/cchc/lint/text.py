"""Small text helpers the rules share: sentences with offsets, excerpts, syllable bigrams.

Matching always runs on ``cchc.graph.normalize.match_key`` forms (case, tone placement,
"&"/"và", spacing) while offsets and excerpts refer to the text as written, so a message
quotes the drafter's own words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from cchc.graph.normalize import match_key
from cchc.lint.findings import data

_SENTENCE_END = re.compile(r"(?<=[.;:!?])\s+|\n+")
_SYLLABLE = re.compile(r"[^\W\d_]+", re.UNICODE)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


def sentences(text: str) -> Iterator[Sentence]:
    """Sentences (and lines) of a provision's text, with their offsets in it."""
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if text[start : match.start()].strip():
            yield Sentence(start, match.start(), text[start : match.start()])
        start = match.end()
    if text[start:].strip():
        yield Sentence(start, len(text), text[start:])


def excerpt(text: str, start: int = 0, end: int | None = None, width: int = 180) -> str:
    """About ``width`` characters of ``text`` around [start, end), cut at word boundaries."""
    end = len(text) if end is None else end
    if len(text) <= width:
        return " ".join(text.split())
    room = max(width - (end - start), 20) // 2
    left = max(0, start - room)
    right = min(len(text), end + room)
    if left > 0:
        left = text.find(" ", left) + 1 or left
    if right < len(text):
        right = text.rfind(" ", 0, right) if text.rfind(" ", 0, right) > end else right
    body = " ".join(text[left:right].split())
    return ("… " if left > 0 else "") + body + (" …" if right < len(text) else "")


@cache
def stop_syllables() -> frozenset[str]:
    return frozenset(data("cues.json")["stop_syllables"])


def syllables(text: str) -> list[str]:
    """Lower-case syllables in the normalised form, digits and punctuation dropped."""
    return _SYLLABLE.findall(match_key(text))


def bigrams(text: str) -> set[str]:
    """Pairs of neighbouring content syllables within one phrase (punctuation splits)."""
    found: set[str] = set()
    stop = stop_syllables()
    for phrase in re.split(r"[,.;:()\-–\n]", text):
        words = syllables(phrase)
        for first, second in zip(words, words[1:]):
            if first not in stop and second not in stop:
                found.add(f"{first} {second}")
    return found

