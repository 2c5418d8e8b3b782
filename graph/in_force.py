"""Whether a cited instrument was still in force on a day, and what replaced it.

A regulation drafted from an old one carries its căn cứ along: "Nghị định số 61/2018/NĐ-CP"
in a Quy chế of August 2025 cites a decree that ceased on 30 June. The national
instruments CCHC texts cite most are listed in ``data/instruments.json`` with the last day
each was in force, what replaced it and the provision that says so. A cited number is
matched as written; an unnumbered law by its title and year ("Luật Tổ chức chính quyền
địa phương ngày 19 tháng 6 năm 2015").
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from functools import cache

from cchc.graph.model import Citation
from cchc.graph.normalize import match_key
from cchc.resources import read_text


@dataclass(frozen=True)
class Instrument:
    number: str
    title: str
    year: int
    issued: dt.date | None
    until: dt.date  # the last day in force
    replaced_by: tuple[str, ...]
    source: str



def _number_key(number: str) -> str:
    return "".join(match_key(number).split())


@cache
def instruments() -> tuple[Instrument, ...]:
    rows = json.loads(read_text("cchc.graph", "data/instruments.json"))["instruments"]
    return tuple(
        Instrument(row["number"], row["title"], int(row["year"]),
                   dt.date.fromisoformat(row["issued"]) if row.get("issued") else None, dt.date.fromisoformat(row["until"]),
                   tuple(row["replaced_by"]), row["source"])
        for row in rows
    )


@cache
def _by_number() -> dict[str, Instrument]:
    return {_number_key(i.number): i for i in instruments()}


@cache
def _by_title() -> dict[tuple[str, int], Instrument]:
    return {(match_key(i.title), i.year): i for i in instruments() if i.title.startswith("Luật")}


def listed(citation: Citation) -> Instrument | None:
    """The listed instrument a citation names, if any."""
    if citation.number:
        return _by_number().get(_number_key(citation.number))
    if citation.title and citation.date:
        found = _by_title().get((match_key(citation.title), citation.date.year))
        if found is not None and (found.issued is None or found.issued == citation.date):
            return found
    return None


def ceased_by(citation: Citation, on: dt.date) -> Instrument | None:
    """The listed instrument a citation names when it was no longer in force on ``on``."""
    found = listed(citation)
    return found if found is not None and found.until < on else None


def successors_on(instrument: Instrument, on: dt.date) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The numbers that held ``instrument``'s place on ``on``, its replacements' own
    replacements when those too had ceased by then (Luật 77/2015/QH13 → 65/2025/QH15 →
    72/2025/QH15), and the provisions that say each step."""
    numbers: list[str] = []
    sources = [instrument.source]
    for number in instrument.replaced_by:
        step = _by_number().get(_number_key(number))
        if step is not None and step.until < on:
            more, said = successors_on(step, on)
            numbers += [n for n in more if n not in numbers]
            sources += [s for s in said if s not in sources]
        elif number not in numbers:
            numbers.append(number)
    return tuple(numbers), tuple(sources)
