"""L401–L403: footnotes, chapters, articles, clauses and points numbered out of sequence.

Footnotes run 1, 2, 3 … through the whole file (Word numbers them per document); a number
already used is a repeat, a number past the next one skips. Structure numbers restart
where Vietnamese drafting restarts them: articles run through a text, clauses within an
article, points (a, b, c, d, đ, e, g …) within a clause.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from cchc.graph.model import Provision
from cchc.graph.numbering import letter_ordinal, point_letter, roman, roman_value
from cchc.lint.context import LintContext, Part, Where
from cchc.lint.findings import Finding
from cchc.lint.registry import check
from cchc.lint.text import excerpt

_UNIT_NAMES = {"chapter": ("Chương", "các chương"), "article": ("Điều", "các điều"), "clause": ("Khoản", "các khoản"),
               "point": ("Điểm", "các điểm"), "section": ("Mục", "các mục"), "item": ("Mục", "các mục"),
               "part": ("Phần", "các phần")}


def _ordinal(kind: str, number: str) -> int | None:
    if kind == "point":
        return letter_ordinal(number)
    if kind in ("chapter", "item", "section", "part"):
        return roman_value(number) if not number.isdigit() else int(number)
    return int(number) if number.isdigit() else None


def _shown(kind: str, ordinal: int) -> str:
    if kind == "point":
        return point_letter(ordinal)
    if kind in ("chapter", "item", "section", "part"):
        return roman(ordinal)
    return str(ordinal)


def sequence_problems(numbers: Sequence[int]) -> Iterator[tuple[int, str, int, list[int]]]:
    """(position, "repeat" | "skip", expected, missing) for each number out of 1, 2, 3 …"""
    highest = 0
    used: set[int] = set()
    for position, number in enumerate(numbers):
        expected = highest + 1
        if number in used or number < expected:
            yield position, "repeat", expected, []
        elif number > expected:
            yield position, "skip", expected, list(range(expected, number))
        used.add(number)
        highest = max(highest, number)


@check
def footnote_numbers(ctx: LintContext) -> Iterator[Finding]:
    notes = [(part, note) for part in ctx.parts for note in part.doc.footnotes]
    numbers = [int(note.number) if note.number.isdigit() else 0 for _, note in notes]
    first_use: dict[int, str] = {}
    for position, (part, note) in enumerate(notes):
        number = numbers[position]
        first_use.setdefault(number, _note_place(ctx, part, note.anchor_eid, note.span.line))
    for position, problem, expected, missing in sequence_problems(numbers):
        part, note = notes[position]
        anchor = part.provisions.get(note.anchor_eid) if note.anchor_eid else None
        where: Where = {"part": part, "excerpt": f"{note.number} {note.text}"[:200], "line": anchor.span.line if anchor else note.span.line}
        if note.anchor_eid is None:
            where["label"] = f"{part.name}, chú thích số {note.number}" if part.name else f"Chú thích số {note.number}"
        if problem == "repeat":
            yield ctx.finding("L401", note.anchor_eid, **where, number=note.number, expected=expected, first=first_use[numbers[position]])
        else:
            shown = ", ".join(str(n) for n in missing)
            yield ctx.finding("L402", note.anchor_eid, **where, number=note.number, previous=max(numbers[:position] or [0]),
                              missing=f"chú thích số {shown}")


def _note_place(ctx: LintContext, part: Part, anchor: str | None, line: int) -> str:
    if anchor:
        return ctx.label(part.prefix + anchor)
    return f"dòng {line}"


def _siblings(part: Part) -> Iterator[tuple[str, list[Provision]]]:
    """Runs of provisions numbered together: top-level chapters, parts and roman-numbered
    items; the articles of the text, in order; the clauses of each provision; its points."""
    for kind in ("chapter", "item", "section", "part"):
        run = [p for p in part.doc.body if p.kind == kind]
        if run:
            yield kind, run
    articles = sorted(part.articles(), key=lambda p: p.span.start)
    if articles:
        yield "article", articles
    for provision in part.provisions.values():
        for kind in ("clause", "point"):
            run = [c for c in provision.children if c.kind == kind]
            if run:
                yield kind, run


@check
def structure_numbers(ctx: LintContext) -> Iterator[Finding]:
    for part in ctx.parts:
        if part.template:
            continue
        for kind, run in _siblings(part):
            ordinals = [(p, _ordinal(kind, p.number)) for p in run if p.eid not in part.quoted]
            numbered = [(p, n) for p, n in ordinals if n is not None]
            if kind == "clause" and any("." in p.number for p in run):
                numbered = [(p, n) for p, n in numbered if "." not in p.number]
            if len(numbered) < 2:
                continue
            unit, units = _UNIT_NAMES[kind]
            expected_list = ", ".join(_shown(kind, n) for n in range(1, min(len(numbered), 5) + 1)) + (" …" if len(numbered) > 5 else "")
            for position, problem, expected, missing in sequence_problems([n for _, n in numbered]):
                provision = numbered[position][0]
                if problem == "repeat":
                    earlier = next((p for p, n in numbered[:position] if n == numbered[position][1]), None)
                    text = f"lặp lại (đã có ở dòng {earlier.span.line})" if earlier else f"đứng sau {unit.lower()} {_shown(kind, expected - 1)}"
                else:
                    previous = _shown(kind, expected - 1) if expected > 1 else None
                    gone = ", ".join(_shown(kind, n) for n in missing)
                    text = (f"đứng sau {unit.lower()} {previous}: thiếu {unit.lower()} {gone}" if previous
                            else f"là {unit.lower()} đầu tiên: thiếu {unit.lower()} {gone}")
                yield ctx.finding(
                    "L403", provision.eid, part=part, excerpt=excerpt(_first_line(provision), 0, 0, 120),
                    line=provision.span.line, unit=unit, number=provision.number, problem=text, units=units,
                    expected=expected_list,
                )


def _first_line(provision: Provision) -> str:
    words = {"chapter": "Chương", "article": "Điều", "section": "Mục"}
    head = f"{words.get(provision.kind, '')} {provision.number}".strip()
    body = provision.heading or provision.text.split("\n")[0]
    if provision.kind in words:
        return re.sub(r"\s+", " ", f"{head}. {body}")
    return re.sub(r"\s+", " ", f"{provision.number}{')' if provision.kind == 'point' else '.'} {body}")
