"""Read a draft back with the extraction pipeline and compare with what it was made from.

The draft's promise is that its wording means what the graph said: ingesting it must give
back exactly its assignments, meetings, reporting rules and rating thresholds. Names are
compared the way the graph compares them (``agency_key``), so "HĐND và UBND" and "HĐND &
UBND" are one agency. Used by the tests and by ``cchc draft --check``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from cchc.generators.builders import Draft
from cchc.graph.agencies import agency_key
from cchc.graph.model import Facts
from cchc.graph.pipeline import analyse


@dataclass
class Comparison:
    expected: dict[str, set[tuple]] = field(default_factory=dict)
    found: dict[str, set[tuple]] = field(default_factory=dict)

    def missing(self, what: str) -> set[tuple]:
        return self.expected[what] - self.found[what]

    def extra(self, what: str) -> set[tuple]:
        return self.found[what] - self.expected[what]

    def f1(self, what: str) -> float:
        expected, found = self.expected[what], self.found[what]
        if not expected and not found:
            return 1.0
        hits = len(expected & found)
        if not hits:
            return 0.0
        precision, recall = hits / len(found), hits / len(expected)
        return 2 * precision * recall / (precision + recall)

    @property
    def exact(self) -> bool:
        return all(self.expected[w] == self.found[w] for w in self.expected)

    def problems(self) -> list[str]:
        lines = []
        for what in self.expected:
            for row in sorted(self.missing(what), key=str):
                lines.append(f"{what}: thiếu khi đọc lại {row}")
            for row in sorted(self.extra(what), key=str):
                lines.append(f"{what}: thừa khi đọc lại {row}")
        return lines


def _key(name: str | None) -> str | None:
    return agency_key(name) if name else None


def expected_facts(draft: Draft) -> dict[str, set[tuple]]:
    return {
        # A named reporter's report is also its duty of direction and reporting, as the
        # annotation conventions read "X gửi báo cáo … về Y".
        "assignments": {(_key(d.agency), d.mode, d.area) for d in draft.duties}
        | {(_key(r.reporter), "chu_tri", "chi_dao_dieu_hanh") for r in draft.reports if r.reporter},
        "meetings": {(_key(m.body), float(m.per_year), m.ad_hoc) for m in draft.meetings},
        "reporting": {
            (_key(r.reporter), _key(r.recipient), r.period, r.day, r.month_in_period, _key(r.channel)) for r in draft.reports
        },
        "ratings": {(g.lower(), lo, hi) for g, lo, hi in draft.ratings},
    }


def found_facts(facts: Facts) -> dict[str, set[tuple]]:
    return {
        "assignments": {(_key(a.agency), a.mode, a.area) for a in facts.assignments},
        "meetings": {(_key(m.body), m.per_year, m.ad_hoc) for m in facts.meetings},
        "reporting": {
            (_key(r.reporter), _key(r.recipient), r.period, r.deadline_day, r.deadline_month_in_period, _key(r.channel))
            for r in facts.reporting
        },
        "ratings": {(r.grade.lower(), r.min_percent, r.max_percent) for r in facts.ratings},
    }


def compare(draft: Draft, files: list[Path]) -> Comparison:
    """Extract every written file of the draft and compare the union with its content."""
    found: dict[str, set[tuple]] = {"assignments": set(), "meetings": set(), "reporting": set(), "ratings": set()}
    for path in files:
        _, facts = analyse(path)
        for what, rows in found_facts(facts).items():
            found[what] |= rows
    return Comparison(expected_facts(draft), found)
