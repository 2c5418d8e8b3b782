"""L301–L302: one instrument cited with different dates, or with a date its number denies.

Every place an instrument number is followed by its date is collected: the legal bases
("Căn cứ …"), the body, the footnotes. Two places that give the same number different
dates disagree (L301), the legal basis being taken as the reference when there is one;
a number that carries its year ("45/2020/NĐ-CP") cannot be dated another year (L302).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from cchc.lint.context import LintContext, Part, Where
from cchc.lint.findings import Finding, data
from cchc.lint.registry import check
from cchc.lint.text import excerpt


@dataclass(frozen=True)
class Dated:
    """An instrument number with the date written after it, and where that is."""

    number: str
    kind: str
    written: str  # as in the text: "ngày 23 tháng 4 năm 2016", "năm 2016"
    date: dt.date | None  # None when only a year is written
    year: int
    part: Part
    eid: str | None  # provision; None for the legal bases and footnotes
    where: str  # label
    context: str  # excerpt
    basis: bool = False

    def agrees(self, other: Dated) -> bool:
        if self.date and other.date:
            return self.date == other.date
        return self.year == other.year

    def shown(self) -> str:
        return f"ngày {self.date.day}/{self.date.month}/{self.date.year}" if self.date else f"năm {self.year}"


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    cues = data("cues.json")
    return re.compile(cues["instrument"]), re.compile(cues["date_after_instrument"]), re.compile(cues["year_in_number"])


def _key(number: str) -> str:
    return re.sub(r"\s+", "", number).upper().replace("Đ", "D")


def _dated(text: str, part: Part, eid: str | None, where: str, basis: bool = False) -> Iterator[Dated]:
    instrument, after, _ = _patterns()
    for match in instrument.finditer(text):
        found = after.match(text, match.end())
        if not found:
            continue
        groups = found.groupdict()
        if groups["year"]:
            date, year = None, int(groups["year"])
        else:
            day = int(groups["d"])
            month = int(groups["m"] or groups["m2"])
            year = int(groups["y"] or groups["y2"])
            try:
                date = dt.date(year, month, day)
            except ValueError:
                date = None
        yield Dated(
            match.group("number"), match.group("kind"), found.group(0).strip(" ,"), date, year, part, eid, where,
            excerpt(text, match.start(), found.end(), 200), basis,
        )


def _collect(ctx: LintContext) -> list[Dated]:
    found: list[Dated] = []
    for part in ctx.parts:
        meta = part.doc.metadata
        basis_label = f"phần căn cứ của {part.name}" if part.name else "phần căn cứ"
        for citation in (*meta.legal_bases, *meta.replaces):
            found.extend(_dated(citation.text, part, None, basis_label, basis=True))
        for provision in part.provisions.values():
            for text in (provision.heading, provision.text):
                found.extend(_dated(text, part, provision.eid, ctx.label(part.prefix + provision.eid), False))
        for note in part.doc.footnotes:
            found.extend(_dated(note.text, part, None, f"chú thích số {note.number}", False))
    return found


def _line(ctx: LintContext, item: Dated) -> int | None:
    start = item.part.provisions[item.eid].span.line if item.eid else 1
    return ctx.line_of(item.context.strip("… "), start) or (start if item.eid else None)


@check
def citation_dates(ctx: LintContext) -> Iterator[Finding]:
    _, _, year_in_number = _patterns()
    by_number: dict[str, list[Dated]] = {}
    for item in _collect(ctx):
        by_number.setdefault(_key(item.number), []).append(item)
    for items in by_number.values():
        numbered = year_in_number.search(items[0].number)
        number_year = int(numbered.group("year")) if numbered else None
        reference = next((i for i in items if i.basis), items[0])
        if number_year is not None:  # a place agreeing with the number's own year is the better witness
            reference = next((i for i in items if i.basis and i.year == number_year), None) or next(
                (i for i in items if i.year == number_year), reference
            )
        for item in items:
            if item is reference:
                continue
            where: Where = {"part": item.part, "excerpt": item.context, "line": _line(ctx, item)}
            if item.eid is None:
                where["label"] = item.where[:1].upper() + item.where[1:]
            instrument = f"{item.kind} {item.number}"
            if not item.agrees(reference):
                yield ctx.finding(
                    "L301", item.eid, **where, instrument=instrument, written=item.written, other=reference.written,
                    other_label=reference.where, suggestion=f" (theo {reference.where}: {reference.shown()})",
                )
            elif number_year is not None and item.year != number_year:
                yield ctx.finding("L302", item.eid, **where, instrument=instrument, number_year=number_year, written=item.written)
        if number_year is not None and reference.year != number_year:
            where = {"part": reference.part, "excerpt": reference.context, "line": _line(ctx, reference)}
            if reference.eid is None:
                where["label"] = reference.where[:1].upper() + reference.where[1:]
            yield ctx.finding(
                "L302", reference.eid, **where, instrument=f"{reference.kind} {reference.number}",
                number_year=number_year, written=reference.written,
            )
