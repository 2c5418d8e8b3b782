"""Rating rules: which grade a head or a unit gets for which index score ("đạt từ 90% trở lên").

Thresholds are kept exactly as written, inverted or overlapping ones included ("từ 90% đến
dưới 80%"), so the linter can report them; the grade comes from the sentence or from the
heading of the clause that holds it ("2. Hoàn thành tốt nhiệm vụ").
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache

from cchc.graph.literals import may_hold
from cchc.graph.model import ParsedDocument, Provision, RatingRule
from cchc.resources import read_text


@dataclass(frozen=True)
class _Cues:
    grades: re.Pattern[str]
    index: re.Pattern[str]
    between: re.Pattern[str]
    at_least: re.Pattern[str]
    below: re.Pattern[str]
    above: re.Pattern[str]


@cache
def _cues() -> _Cues:
    raw = json.loads(read_text("cchc.graph", "data/ratings.json"))
    grades = "|".join(re.escape(g) for g in sorted(raw["grades"], key=len, reverse=True))
    c = lambda key: re.compile(raw[key], re.IGNORECASE)  # noqa: E731
    return _Cues(re.compile(rf"\b(?:{grades})\b", re.IGNORECASE), c("index"), c("between"), c("at_least"), c("below"), c("above"))


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def _thresholds(sentence: str) -> tuple[float | None, float | None] | None:
    cues = _cues()
    if match := cues.between.search(sentence):
        return _number(match.group(1)), _number(match.group(2))
    if match := cues.at_least.search(sentence):
        return _number(match.group(1)), None
    if match := cues.below.search(sentence):
        return None, _number(match.group(1))
    if match := cues.above.search(sentence):
        return _number(match.group(1)), None
    return None


def rating_rules(doc: ParsedDocument, prefix: str = "") -> list[RatingRule]:
    found: list[RatingRule] = []

    def visit(provision: Provision, grade: str | None) -> None:
        lead = _cues().grades.match(provision.text.strip()) or _cues().grades.match(provision.heading.strip())
        if lead and len(provision.text.partition("\n")[0].split()) <= 8:
            grade = lead.group(0)
        for sentence in provision.sentences() if may_hold(_cues().index, provision.text, provision.lowered) else ():
            if not _cues().index.search(sentence):
                continue
            bounds = _thresholds(sentence)
            named = _cues().grades.search(sentence)
            rule_grade = grade or (named.group(0) if named else None)
            if bounds and rule_grade:
                found.append(RatingRule(rule_grade, bounds[0], bounds[1], "PAR_INDEX", prefix + provision.eid, sentence))
        for child in provision.children:
            visit(child, grade)

    for top in doc.body:
        visit(top, None)
    return found
