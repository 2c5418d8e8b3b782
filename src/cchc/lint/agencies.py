"""L701–L702: agencies and district-level bodies that no longer exist at the document's date.

From 1 March 2025 three provincial departments were merged into others, and from 1 July
2025 the district level ended (two-level local government). The changes are data:
``agency_changes.json`` holds the names and successors, and the change events of
``ontology/vocab/changes.ttl`` give their effective dates and labels, which win when they
are there. A name is reported once per text with the number of places it appears; a name
in a passage about the reorganisation itself ("… (cũ)", "trước khi sắp xếp") or as the
issuer of a cited instrument ("Quyết định số 12/2023/QĐ-UBND của UBND huyện X") is history,
not a defect.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

import rdflib
from rdflib.namespace import RDFS, SKOS

from cchc.graph import levels
from cchc.graph.agencies import find_mentions
from cchc.graph.namespaces import CCHC, vocab_iri
from cchc.graph.normalize import match_key
from cchc.graph.ontology import vocabulary_graph
from cchc.graph.structure import effective_metadata
from cchc.graph.succession import fate
from cchc.lint.context import LintContext, Part
from cchc.lint.findings import Finding, data
from cchc.lint.registry import check
from cchc.lint.text import excerpt, sentences


@dataclass(frozen=True)
class Change:
    """One change: the names it made obsolete, from when, and what replaces them."""

    rule_id: str  # L701 (merged agency) | L702 (district level)
    effective: dt.date
    label: str
    names: tuple[tuple[str, str], ...] = ()  # (match_key form, spelling to show) of merged agencies
    successor: str = ""
    level_words: re.Pattern[str] | None = None
    phrases: tuple[re.Pattern[str], ...] = ()
    unit_prefixes: tuple[str, ...] = ()


def _event(graph: rdflib.Graph, name: str) -> tuple[dt.date | None, str | None, rdflib.term.Node | None]:
    node = rdflib.URIRef(vocab_iri("change", name))
    date = graph.value(node, rdflib.URIRef(CCHC + "effectiveDate"))
    label = next((str(o) for o in graph.objects(node, RDFS.label) if getattr(o, "language", None) == "vi"), None)
    function = graph.value(node, rdflib.URIRef(CCHC + "transfersFunction"))
    return (date.toPython() if isinstance(date, rdflib.Literal) else None), label, function


def _function_names(graph: rdflib.Graph, function: rdflib.term.Node | None, successor_function: str) -> set[str]:
    """The altLabels of the function an event moved, unless it is the successor's own."""
    if function is None or str(function).rsplit("/", 1)[-1] == successor_function:
        return set()
    labels = (str(label) for label in graph.objects(function, SKOS.altLabel))
    return {label for label in labels if len(label.split()) >= 2 or (label.isupper() and len(label) >= 4)}


def _abolished_words(graph: rdflib.Graph, name: str) -> tuple[str, ...]:
    """The level words of the kinds of unit an event abolished with their level ("huyện",
    "quận", "thị xã"; not "thành phố", a province too), from the unit-kind vocabulary."""
    event, prefix = rdflib.URIRef(vocab_iri("change", name)), vocab_iri("unit-level", "")
    gone = {str(level).removeprefix(prefix) for level in graph.objects(event, rdflib.URIRef(CCHC + "abolishedLevel"))}
    return levels.only_of(gone) if gone else ()


@cache
def changes() -> tuple[Change, ...]:
    raw = data("agency_changes.json")
    graph = vocabulary_graph()
    found = []
    for entry in raw["merged"]:
        date, label, function = _event(graph, entry["event"])
        spellings = {match_key(n): n for n in _function_names(graph, function, entry["successor_function"])}
        spellings.update({match_key(n): n for n in entry["names"]})  # the list's spelling wins
        found.append(Change(
            "L701", date or dt.date.fromisoformat(entry["effective"]), label or entry["label"],
            names=tuple(sorted(spellings.items(), key=lambda item: len(item[0]), reverse=True)), successor=entry["successor"],
        ))
    district = raw["district"]
    date, label, _ = _event(graph, district["event"])
    words = _abolished_words(graph, district["event"])
    found.append(Change(
        "L702", date or dt.date.fromisoformat(district["effective"]), label or district["label"],
        level_words=re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b"),
        phrases=tuple(re.compile(p) for p in district["phrases"]), unit_prefixes=words,
    ))
    return tuple(found)


@cache
def _history() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    cues = data("cues.json")
    return (
        re.compile(cues["historical"]), re.compile(cues["citation_issuer_before"]), re.compile(cues["citation_title_before"]),
        re.compile(cues["amending"], re.IGNORECASE),
    )


def _historical(sentence: str, before: str, paragraph_before: str) -> bool:
    """A passage about the reorganisation, the issuer of a cited instrument, or words of
    its title ("thay thế Quyết định số 26/2019/QĐ-UBND … ban hành Quy chế phối hợp giữa …;
    Ủy ban nhân dân các huyện …": a title may run over semicolons)."""
    history, issuer, title, amending = _history()
    if history.search(match_key(sentence)) or issuer.search(before) or title.search(before):
        return True
    return bool(amending.search(paragraph_before) and title.search(paragraph_before.replace(";", ",")))


def mentions_in(text: str, change: Change) -> Iterator[tuple[str, int, int]]:
    """(name as written or as listed, start, end) of each obsolete name in ``text``; the
    offsets of a listed name are in its normalised form, close enough to centre an excerpt."""
    if change.rule_id == "L701":
        key = match_key(text)
        for name, spelled in change.names:
            for match in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", key):
                yield spelled, match.start(), match.end()
        return
    spans: list[tuple[int, int]] = []
    for mention in find_mentions(text):
        level = change.level_words.search(match_key(mention.name)) if change.level_words else None
        if level:
            spans.append((mention.start, mention.end))
            yield _up_to_place(mention.name, change), mention.start, mention.end
    key = match_key(text)
    for phrase in change.phrases:
        for match in phrase.finditer(key):
            if not any(start <= match.start() < end for start, end in spans):  # inside a name already reported
                yield match.group(0), match.start(), match.end()


def _up_to_place(name: str, change: Change) -> str:
    """"Văn phòng HĐND và UBND huyện chuẩn bị" → "Văn phòng HĐND và UBND huyện": a name ends
    at its level word and the capitalised place name after it."""
    words = name.split()
    for index in range(len(words)):
        for level in change.unit_prefixes:
            size = len(level.split())
            if match_key(" ".join(words[index : index + size])) == level:
                end = index + size
                while end < len(words) and words[end][:1].isupper():
                    end += 1
                return " ".join(words[:end]).rstrip(",;")
    return name


@dataclass
class _Seen:
    name: str
    part: Part
    eid: str | None
    line: int | None
    context: str
    count: int = 0


@check
def obsolete_agencies(ctx: LintContext) -> Iterator[Finding]:
    if ctx.date is None:
        ctx.notes.append("Không đọc được ngày của văn bản: chưa kiểm tra tên cơ quan đã hợp nhất hoặc cấp huyện "
                         "(dùng --as-of NGÀY để kiểm tra theo một ngày).")
        return
    for change in changes():
        if ctx.date < change.effective:
            continue
        seen: dict[tuple[int, str], _Seen] = {}
        for part in ctx.parts:
            for provision in sorted(part.provisions.values(), key=lambda p: p.span.start):
                for text in (provision.heading, provision.text):
                    for sentence in sentences(text):
                        for name, start, end in mentions_in(sentence.text, change):
                            paragraph = text[: sentence.start + start]
                            paragraph = paragraph[paragraph.rfind("\n") + 1 :]
                            if _historical(sentence.text, sentence.text[:start], paragraph):
                                continue
                            key = (part.index, match_key(name))
                            if key not in seen:
                                seen[key] = _Seen(name, part, provision.eid, provision.span.line,
                                                  excerpt(sentence.text, start, end, 160))
                            seen[key].count += 1
        yield from _unit_finding(ctx, change)
        for item in seen.values():
            more = f" (xuất hiện {item.count} lần trong {item.part.name.lower() or 'văn bản'})" if item.count > 1 else ""
            yield ctx.finding(
                change.rule_id, item.eid, part=item.part, excerpt=item.context, name=item.name,
                effective=shown_date(change.effective), change=change.label, date=f"{shown_date(ctx.date)} ({ctx.date_basis})", occurrences=more,
                successor=change.successor,
            )


def _unit_finding(ctx: LintContext, change: Change) -> Iterator[Finding]:
    """A text that regulates a district ("trên địa bàn huyện X") after the change."""
    unit = effective_metadata(ctx.parsed).unit
    if change.rule_id != "L702" or not unit or not match_key(unit).startswith(tuple(f"{p} " for p in change.unit_prefixes)):
        return
    assert ctx.date is not None  # obsolete_agencies looks for changes only on a known date
    yield ctx.finding(
        "L702", None, part=ctx.parts[0], excerpt=unit, line=ctx.line_of(unit) or None, name=unit,
        effective=shown_date(change.effective), change=change.label, date=f"{shown_date(ctx.date)} ({ctx.date_basis})", occurrences=" (đơn vị được quy định)",
        successor="",
    )


@check
def unit_today(ctx: LintContext) -> Iterator[Finding]:
    """The unit the text regulates, if it no longer exists: whatever the text's date, a
    reader should know which communes took its territory (``graph/succession.py``)."""
    meta = effective_metadata(ctx.parsed)
    if not meta.unit:
        return
    province = (meta.province.former or meta.province.name) if meta.province else None
    found = fate(meta.unit, province)
    if found.exists is not False:
        return
    successors = ", ".join(f"{s.name} ({s.province})" for s in found.successors) or (f"{found.province}" if found.province else "")
    yield ctx.finding("L703", None, part=ctx.parts[0], excerpt=meta.unit, line=ctx.line_of(meta.unit) or None,
                      unit=meta.unit, fate=found.summary(), successors=successors)


def shown_date(value: dt.date) -> str:
    return f"{value.day:02d}/{value.month:02d}/{value.year}"
