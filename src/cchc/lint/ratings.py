"""L101–L103: rating thresholds that are inverted, overlap or leave a gap.

A rating scale maps an index score to a grade ("từ 90% trở lên": Hoàn thành xuất sắc).
A text often has several scales for different people ("Riêng đối với người đứng đầu quy
định tại Điều 11 …"): they are told apart by order, the k-th rule of each grade belonging
to the k-th scale. Inverted bounds are reported once, then read swapped so they do not
also show up as overlaps and gaps.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TypedDict

from cchc.graph.model import RatingRule
from cchc.graph.normalize import match_key
from cchc.lint.context import LintContext
from cchc.lint.findings import Finding
from cchc.lint.registry import check
from cchc.lint.text import excerpt

TOP = float("inf")
_PERCENT = re.compile(r"\d+(?:[.,]\d+)?\s*%")


@dataclass(frozen=True)
class Band:
    """A rule as a half-open interval [low, high) of scores."""

    rule: RatingRule
    low: float
    high: float


def _range(band: Band) -> str:
    if band.high == TOP:
        return f"từ {band.low:g}% trở lên"
    if band.low <= 0:
        return f"dưới {band.high:g}%"
    return f"từ {band.low:g}% đến dưới {band.high:g}%"


def scales(rules: Sequence[RatingRule]) -> list[list[RatingRule]]:
    """The rules of one text split into scales: the n-th rule of a grade goes to scale n."""
    seen: dict[tuple[str, str], int] = {}
    found: list[list[RatingRule]] = []
    for rule in rules:
        part = rule.provision.split("/")[0] if "/" in rule.provision else ""
        key = (part, match_key(rule.grade))
        position = seen.get(key, 0)
        seen[key] = position + 1
        while len(found) <= position:
            found.append([])
        found[position].append(rule)
    return [scale for scale in found if scale]


def inverted(rule: RatingRule) -> bool:
    return rule.min_percent is not None and rule.max_percent is not None and rule.min_percent >= rule.max_percent


def band(rule: RatingRule) -> Band:
    low, high = rule.min_percent, rule.max_percent
    if inverted(rule):
        low, high = high, low  # read as meant; the inversion is its own finding
    return Band(rule, low if low is not None else 0.0, high if high is not None else TOP)


class ScaleFields(TypedDict, total=False):
    """The message fields of a scale's defects (rules L101–L103)."""

    grade: str
    other: str
    range: str
    other_range: str
    overlap: str
    gap: str
    low: object
    high: object
    cut: object
    cut2: object
    other_label: str


@dataclass(frozen=True)
class Problem:
    """A defect of a scale, independent of where the rules came from (file or graph)."""

    rule_id: str
    rule: RatingRule
    fields: ScaleFields
    other: RatingRule | None = None


def scale_problems(rules: Sequence[RatingRule]) -> Iterator[Problem]:
    """Inversions, overlaps and gaps of every scale in ``rules`` (one text's rules, in order)."""
    for scale in scales(rules):
        for rule in scale:
            if inverted(rule):
                yield Problem("L101", rule, {"grade": rule.grade, "low": rule.min_percent, "high": rule.max_percent})
        bands = sorted((band(rule) for rule in scale), key=lambda b: (b.low, b.high))
        for lower, upper in zip(bands, bands[1:]):
            if match_key(lower.rule.grade) == match_key(upper.rule.grade):
                continue
            if lower.high > upper.low:
                overlap = Band(upper.rule, upper.low, min(lower.high, upper.high))
                yield Problem(
                    "L102", upper.rule,
                    {"grade": upper.rule.grade, "range": _range(upper), "other": lower.rule.grade,
                     "other_range": _range(lower), "overlap": _range(overlap), "cut": upper.low},
                    other=lower.rule,
                )
            elif lower.high < upper.low:
                gap = Band(lower.rule, lower.high, upper.low)
                yield Problem(
                    "L103", upper.rule,
                    {"grade": upper.rule.grade, "other": lower.rule.grade, "gap": _range(gap),
                     "cut": lower.high, "cut2": upper.low},
                    other=lower.rule,
                )


def _texts(rules: Iterable[RatingRule]) -> dict[str, list[RatingRule]]:
    """Rules grouped by the text (main or attached) they were read from, in order."""
    grouped: dict[str, list[RatingRule]] = {}
    for rule in rules:
        grouped.setdefault(rule.provision.split("/")[0] if "/" in rule.provision else "", []).append(rule)
    return grouped


@check
def rating_thresholds(ctx: LintContext) -> Iterator[Finding]:
    for rules in _texts(ctx.facts.ratings).values():
        for problem in scale_problems(rules):
            fields = problem.fields.copy()
            if problem.other is not None:
                fields["other_label"] = ctx.label(problem.other.provision)
            yield ctx.finding(problem.rule_id, problem.rule.provision, excerpt=threshold_excerpt(problem.rule.text), **fields)


def threshold_excerpt(sentence: str) -> str:
    """The part of a long sentence that states the thresholds."""
    marks = list(_PERCENT.finditer(sentence))
    if not marks:
        return excerpt(sentence)
    return excerpt(sentence, marks[0].start(), marks[-1].end(), width=140)
