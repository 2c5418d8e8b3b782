"""``cchc lint UNIT``: the rules that make sense across a unit's documents, asked of the graph.

Each question is a named query (``queries/lint_*.rq``) with the unit bound as a value, never
pasted into the text; the answers go through the same decisions as the file rules
(``ratings.scale_problems``, ``duties.area_problems``, ``reporting.reporting_problems``,
``agencies.changes``), so a defect reads the same whether it was found in a file or in the
store. Rules that need the text itself (blank numbers, footnotes, numbering, references)
are for ``cchc lint FILE``. Names are judged at the given date, else today: a unit's
regulations in force today should not name bodies that no longer exist. A finding's
``provision`` is ``<document>#<eid>`` here, since it may come from any of the unit's texts.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from pyoxigraph import Literal

from cchc.graph.agencies import agency_key
from cchc.graph.model import RatingRule, ReportingObligation
from cchc.graph.normalize import match_key
from cchc.graph.numbering import provision_label
from cchc.graph.store.base import GraphStore
from cchc.lint import agencies as agency_rules
from cchc.lint.duties import (
    Lead,
    area_problems,
    context_areas,
    heading_text,
    named_areas,
    par_areas,
    specific_areas,
)
from cchc.lint.findings import Finding, data, make, sort_key
from cchc.lint.ratings import scale_problems, threshold_excerpt
from cchc.lint.reporting import reporting_problems
from cchc.lint.run import LintReport
from cchc.queries import resolve
from cchc.queries.runner import load_query


@dataclass(frozen=True)
class _Doc:
    iri: str
    name: str  # how people name it: its number, else its file name

    def local(self, provision: str) -> str:
        """The facts-style eid of a provision IRI ("att_1/art_12__para_2")."""
        return provision[len(self.iri) + 1 :] if provision.startswith(self.iri + "/") else ""

    def label(self, provision: str) -> str:
        local = self.local(provision)
        prefix, _, eid = local.rpartition("/")
        where = provision_label(eid) if eid else "toàn văn bản"
        return f"{self.name}, văn bản kèm theo, {where}" if prefix else f"{self.name}, {where}"


def _value(row: dict, key: str) -> str | None:
    term = row.get(key)
    return term.value if term is not None else None


def _doc(row: dict) -> _Doc:
    iri = _value(row, "doc") or ""
    return _Doc(iri, _value(row, "number") or _value(row, "file") or iri.rsplit("/", 1)[-1])


def _select(store: GraphStore, name: str, unit: Literal) -> list[dict]:
    return list(store.select(load_query(name).text, {"unit": unit}).rows)


def _at(doc: _Doc, provision: str | None, rule_id: str, unit: str, excerpt_text: str = "", **fields: object) -> Finding:
    return make(rule_id, source=unit, provision=f"{doc.name}#{doc.local(provision)}" if provision else doc.name,
                label=doc.label(provision) if provision else f"{doc.name}, toàn văn bản", line=None,
                excerpt=excerpt_text, **fields)


def _ratings(store: GraphStore, unit: Literal) -> Iterator[Finding]:
    by_text: dict[tuple[str, str], list[tuple[int, RatingRule]]] = {}
    docs: dict[str, _Doc] = {}
    for row in _select(store, "lint_ratings", unit):
        doc = _doc(row)
        docs[doc.iri] = doc
        provision = _value(row, "provision") or ""
        local = doc.local(provision)
        order = int(re.sub(r"\D", "", (_value(row, "rule") or "0").rsplit("_", 1)[-1]) or 0)
        low, high = _value(row, "min"), _value(row, "max")
        rule = RatingRule(_value(row, "grade") or "", float(low) if low else None, float(high) if high else None,
                          "PAR_INDEX", provision, _value(row, "text") or "")
        part = local.split("/")[0] if "/" in local else ""
        by_text.setdefault((doc.iri, part), []).append((order, rule))
    for (iri, _), numbered in by_text.items():
        doc = docs[iri]
        rules = [rule for _, rule in sorted(numbered, key=lambda item: item[0])]
        for problem in scale_problems(rules):
            fields = dict(problem.fields)
            if problem.other is not None:
                fields["other_label"] = doc.label(problem.other.provision)
            yield _at(doc, problem.rule.provision, problem.rule_id, unit.value, threshold_excerpt(problem.rule.text), **fields)


def _leads(store: GraphStore, unit: Literal) -> Iterator[Finding]:
    reform = re.compile(data("cues.json")["reform_title"])
    rows = [r for r in _select(store, "lint_leads", unit) if reform.search(match_key(_value(r, "title") or ""))]
    if not rows:
        return
    par = {a.notation for a in par_areas()}
    docs: dict[str, _Doc] = {}
    found: list[Lead] = []
    owners: list[str] = []  # the document of each lead, in step with ``found``
    for row in rows:
        doc = _doc(row)
        docs[doc.iri] = doc
        own = specific_areas(named_areas(_value(row, "text") or "", strong=True))
        context = context_areas(
            heading_text(_value(row, "upHeading") or "", _value(row, "upText") or ""),
            heading_text(_value(row, "upperHeading") or "", _value(row, "upperText") or ""),
        )
        agency = _value(row, "agency") or ""
        for area in {_value(row, "area") or ""} | own | context:
            if area in par:
                found.append(Lead(agency, _value(row, "function") or "other", area, _value(row, "provision") or "", area in own))
                owners.append(doc.iri)
    by_provision = {lead.provision: docs[iri] for lead, iri in zip(found, owners)}
    for rule_id, scored, leads in area_problems(par_areas(), found):
        if rule_id == "L601":
            yield make("L601", source=unit.value, provision=None, label=f"Các văn bản của {unit.value}", line=None,
                       area=scored.label, scope=f" trong các văn bản của {unit.value} trong kho")
            continue
        listed = "; ".join(f"{lead.agency} ({by_provision[lead.provision].label(lead.provision)})" for lead in leads)
        second = leads[1]
        yield _at(by_provision[second.provision], second.provision, "L602", unit.value, area=scored.label, count=len(leads), leads=listed)


def _reporting(store: GraphStore, unit: Literal) -> Iterator[Finding]:
    seen: set[str] = set()
    for row in _select(store, "lint_reporting", unit):
        duty_iri = _value(row, "duty") or ""
        if duty_iri in seen:
            continue
        seen.add(duty_iri)
        doc = _doc(row)
        duty = ReportingObligation(
            reporter=None, recipient=_value(row, "recipient"), period=_value(row, "period") or None,
            deadline_rule=_value(row, "deadline"), channel=_value(row, "channel"),
            provision=_value(row, "provision") or "", text=_value(row, "text") or "",
        )
        for rule_id, fields in reporting_problems(duty, _value(row, "provisionText") or ""):
            yield _at(doc, duty.provision, rule_id, unit.value, duty.text, **fields)


def _members(store: GraphStore, unit: Literal) -> Iterator[Finding]:
    for row in _select(store, "lint_members", unit):
        doc = _doc(row)
        member = _value(row, "agency") or ""
        yield _at(doc, None, "L603", unit.value, member, member=member,
                  detail=f" trong các văn bản của {unit.value} ({_value(row, 'body')})")


def _agencies(store: GraphStore, unit: Literal, when: dt.date, basis: str) -> Iterator[Finding]:
    changes = agency_rules.changes()
    first: dict[tuple[str, str, str], tuple[_Doc, str | None, str]] = {}
    for row in _select(store, "lint_agencies", unit):
        doc = _doc(row)
        name = _value(row, "name") or ""
        for change in changes:
            if when < change.effective or not any(True for _ in agency_rules.mentions_in(name, change)):
                continue
            key = (doc.iri, agency_key(_value(row, "agent") or name), change.rule_id)
            provision = _value(row, "provision")
            known = first.get(key)
            if known is None or (provision and (known[1] is None or provision < known[1])):
                first[key] = (doc, provision, name)
    for (_, _, rule_id), (doc, provision, name) in first.items():
        change = next(c for c in changes if c.rule_id == rule_id and any(True for _ in agency_rules.mentions_in(name, c)))
        yield _at(doc, provision, rule_id, unit.value, name, name=name, effective=agency_rules.shown_date(change.effective),
                  change=change.label, date=f"{agency_rules.shown_date(when)} ({basis})", occurrences="", successor=change.successor)
    district = next(c for c in changes if c.rule_id == "L702")
    if when >= district.effective and match_key(unit.value).startswith(tuple(f"{p} " for p in district.unit_prefixes)):
        yield make("L702", source=unit.value, provision=None, label=f"Các văn bản của {unit.value}", line=None,
                   excerpt=unit.value, name=unit.value, effective=agency_rules.shown_date(district.effective), change=district.label,
                   date=f"{agency_rules.shown_date(when)} ({basis})", occurrences=" (đơn vị được quy định)", successor="")


def lint_unit(store: GraphStore, wanted: str, as_of: dt.date | None = None) -> LintReport:
    """The graph rules over every document of the unit ``wanted`` names ("Tân Phú")."""
    unit = resolve.unit(store, wanted)
    when, basis = (as_of, "ngày được chỉ định") if as_of else (dt.date.today(), "hôm nay")
    found: dict[tuple, Finding] = {}
    for finding in (*_ratings(store, unit), *_leads(store, unit), *_members(store, unit), *_reporting(store, unit),
                    *_agencies(store, unit, when, basis)):
        found.setdefault((finding.rule, finding.provision, finding.message), finding)
    notes = ("Kiểm tra trên kho đồ thị: các lỗi cần văn bản gốc (số, ngày để trống; chú thích; đánh số; dẫn chiếu) "
             "được kiểm tra bằng `cchc lint TỆP`.",)
    return LintReport(unit.value, tuple(sorted(found.values(), key=sort_key)), when, basis, notes)
