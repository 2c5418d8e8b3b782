"""Cross-references: a small grammar for how Vietnamese regulations cite provisions.

"điểm a khoản 2 Điều 5", "các khoản 1, 2 và 3 Điều 4", "từ Điều 5 đến Điều 8", "Điều
này", "Quy chế này" resolve to provisions of the same document (or to none, which the
linter reports); "Quyết định số 12/2023/QĐ-UBND" and a provision followed by one point to
an external instrument. The pieces of the grammar live in ``data/citations.json``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from functools import cache

from cchc.graph.kinds import expand, expanded
from cchc.graph.model import ParsedDocument, Reference
from cchc.graph.normalize import fold
from cchc.resources import read_text

_SPLIT = re.compile(r"\s*(?:,|và|hoặc)\s*")


@cache
def _grammar() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    g = expanded(json.loads(read_text("cchc.graph", "data/citations.json")))
    chain = rf"(?:{g['point']}\s+)?(?:{g['clause']}\s+)?{g['article']}"
    after = rf"(?:\s+(?:của\s+)?(?:{g['instrument']}|(?P<this>(?:{expand('{instrument}')})\s+này)))?"
    flags = re.IGNORECASE
    return (
        re.compile(rf"\b(?:{g['range']}|{chain}){after}", flags),
        re.compile(rf"\b(?:{g['point']}\s+)?(?:{g['clause']}\s+)?{g['self']}", flags),
        re.compile(rf"\b{g['instrument']}", flags),
        re.compile(rf"\b(?:{g['point']}\s+)?{g['clause']}(?!\s+điều)", flags),
    )


def _numbers(text: str | None) -> list[str]:
    return [n for n in _SPLIT.split(text.strip())] if text else []


def _point_eid(letter: str) -> str:
    return "point_dd" if letter.lower() == "đ" else f"point_{fold(letter).lower()}"


def _targets(match: re.Match[str]) -> list[str]:
    if match.group("first"):
        return [f"art_{n}" for n in range(int(match.group("first")), int(match.group("last")) + 1)]
    targets: list[str] = []
    for article in _numbers(match.group("articles")):
        clauses: Sequence[str | None] = _numbers(match.group("clauses")) or [None]
        for clause in clauses:
            base = f"art_{article}" + (f"__para_{clause}" if clause else "")
            points = _numbers(match.group("points")) if clause else []
            targets.extend(f"{base}__{_point_eid(p)}" for p in points) if points else targets.append(base)
    return targets


def find_references(doc: ParsedDocument) -> tuple[Reference, ...]:
    chained, self_ref, instrument, local_clause = _grammar()
    eids = {p.eid for p in doc.provisions()}
    found: list[Reference] = []
    for provision in doc.provisions():
        text = provision.text
        lowered = provision.lowered
        internal = any(word in lowered for word in ("điều", "khoản", "điểm"))
        if not internal and "/" not in text:
            continue  # most provisions cite nothing: skip the grammar
        covered: list[tuple[int, int]] = []
        # Each pattern needs its own word: an unneeded scan costs more than the test.
        for match in chained.finditer(text) if "điều" in lowered else ():
            covered.append(match.span())
            if match.group("number"):  # "Điều 5 Quyết định số 12/2023/QĐ-UBND": outside
                found.append(Reference(provision.eid, match.group(0), None, match.group("number")))
                continue
            for target in _targets(match):
                found.append(Reference(provision.eid, match.group(0), target if target in eids else None))
        for match in self_ref.finditer(text) if internal and "này" in lowered else ():
            unit = match.group("self_unit").lower()
            if unit not in ("điều", "khoản", "điểm") or any(start <= match.start() < end for start, end in covered):
                continue
            covered.append(match.span())
            base = _enclosing(provision.eid, unit)
            clauses: Sequence[str | None] = _numbers(match.group("clauses")) if unit == "điều" else []
            for clause in clauses or [None]:
                target = f"{base}__para_{clause}" if clause else base
                points = _numbers(match.group("points")) if clause else []
                for point_target in [f"{target}__{_point_eid(p)}" for p in points] or [target]:
                    found.append(Reference(provision.eid, match.group(0), point_target if point_target in eids else None))
        for match in instrument.finditer(text) if "/" in text else ():
            if not any(start <= match.start() < end for start, end in covered):
                found.append(Reference(provision.eid, match.group(0), None, match.group("number")))
        for match in local_clause.finditer(text) if "khoản" in lowered else ():
            if any(start <= match.start() < end for start, end in covered):
                continue
            article = provision.eid.split("__")[0]  # "khoản 2" alone: of the same article
            if article.startswith("art_"):
                for clause in _numbers(match.group("clauses")):
                    target = f"{article}__para_{clause}"
                    found.append(Reference(provision.eid, match.group(0), target if target in eids else None))
    return tuple(found)


def _enclosing(eid: str, unit: str) -> str:
    """The provision "Điều này" / "khoản này" / "điểm này" means, from where it is said."""
    prefix = {"điều": "art_", "khoản": "para_", "điểm": "point_"}[unit]
    parts = eid.split("__")
    for index in range(len(parts) - 1, -1, -1):
        if parts[index].startswith(prefix):
            return "__".join(parts[: index + 1])
    return eid

