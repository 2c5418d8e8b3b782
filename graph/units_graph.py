"""The units before and after 1 July 2025 as RDF, in a named graph of their own.

Each unit is a ``cchc:AdministrativeUnit`` (a place: its name, kind, level, code and the
unit it lies in); its people's committee is the ``cpov:PublicOrganisation`` that governs
it. Each commune of today comes with the ``org:ChangeEvent`` that formed it: the former
communes' committees as ``org:originalOrganization``, its own as
``org:resultingOrganization``, on the day of the reform; the new unit
``prov:wasDerivedFrom`` the former ones, and a former unit is ``prov:invalidatedAtTime``
that day and ``dct:isReplacedBy`` what took it. SPARQL users can then ask which of
today's communes took a former district, or which documents' units no longer exist.
"""

from __future__ import annotations

from collections.abc import Iterator

from pyoxigraph import Literal, NamedNode, Triple

from cchc.graph import admin_units, succession
from cchc.graph.namespaces import CCHC, CPOV, DCT, GRAPH, ID, ORG, PROV, RDF, SKOS, VOCAB, XSD
from cchc.graph.store.base import GraphStore

UNITS_GRAPH = GRAPH + "units"
_KINDS = {"tỉnh": "tinh", "thành phố": "thanh_pho", "huyện": "huyen", "quận": "quan", "thị xã": "thi_xa",
          "xã": "xa", "phường": "phuong", "đặc khu": "dac_khu", "thị trấn": "thi_tran"}


def _n(base: str, local: str) -> NamedNode:
    return NamedNode(base + local)


A = _n(RDF, "type")


def _vi(text: str) -> Literal:
    return Literal(text, language="vi")


_KINDS_LONGEST_FIRST = sorted(_KINDS.items(), key=lambda kv: -len(kv[0]))


def _kind(name: str) -> str | None:
    lowered = name.lower()
    return next((code for word, code in _KINDS_LONGEST_FIRST if lowered.startswith(word + " ")), None)


def _unit(iri: NamedNode, name: str, level: str, code: str, within: NamedNode | None) -> Iterator[Triple]:
    yield Triple(iri, A, _n(CCHC, "AdministrativeUnit"))
    yield Triple(iri, _n(SKOS, "prefLabel"), _vi(name))
    yield Triple(iri, _n(CCHC, "unitLevel"), _n(VOCAB, f"unit-level/{level}"))
    kind = _kind(name)
    if kind:
        yield Triple(iri, _n(DCT, "type"), _n(VOCAB, f"unit-kind/{kind}"))
    if code:
        yield Triple(iri, _n(SKOS, "notation"), Literal(code))
    if within is not None:
        yield Triple(iri, _n(CCHC, "withinUnit"), within)
    government = NamedNode(iri.value + "/ubnd")
    yield Triple(government, A, _n(CPOV, "PublicOrganisation"))
    yield Triple(government, _n(SKOS, "prefLabel"), _vi(f"Ủy ban nhân dân {name}"))
    yield Triple(government, _n(CCHC, "governs"), iri)


def _former_iri(*codes: str) -> NamedNode:
    return NamedNode(ID + "unit/truoc-2025/" + "/".join(c for c in codes if c))


def _today_iri(*codes: str) -> NamedNode:
    return NamedNode(ID + "unit/" + "/".join(codes))


def unit_triples() -> Iterator[Triple]:
    former, today, went = succession.tables()
    reform = admin_units.reform_date()
    ended = Literal(f"{reform.isoformat()}T00:00:00", datatype=_n(XSD, "dateTime"))
    provinces: dict[str, NamedNode] = {}
    for now in today.values():
        if now.province_code not in provinces:
            provinces[now.province_code] = _today_iri(now.province_code)
            yield from _unit(provinces[now.province_code], now.province_name, "tinh", now.province_code, None)
        yield from _unit(_today_iri(now.province_code, now.code), now.name, "xa", now.code, provinces[now.province_code])
    seen_provinces: set[str] = set()
    former_provinces: dict[str, NamedNode] = {}
    seen_districts: set[tuple[str, str]] = set()
    formed: dict[tuple[str, str], list[NamedNode]] = {}
    for composite, old in former.items():
        pc, dc, wc = old.codes
        province, district = _former_iri(pc), _former_iri(pc, dc)
        if pc not in seen_provinces:
            seen_provinces.add(pc)
            former_provinces[admin_units.key(old.province)] = province
            yield from _unit(province, old.province_name, "tinh", pc, None)
            yield Triple(province, _n(PROV, "invalidatedAtTime"), ended)
        if (pc, dc) not in seen_districts:
            seen_districts.add((pc, dc))
            yield from _unit(district, old.district, "huyen", dc, province)
            yield Triple(district, _n(PROV, "invalidatedAtTime"), ended)
        if not old.commune:
            continue
        commune = _former_iri(pc, dc, wc)
        yield from _unit(commune, old.commune, "xa", wc, district)
        yield Triple(commune, _n(PROV, "invalidatedAtTime"), ended)
        for target in went.get(composite, []):
            if target in today:
                now = today[target]
                new = _today_iri(now.province_code, now.code)
                yield Triple(commune, _n(DCT, "isReplacedBy"), new)
                yield Triple(new, _n(PROV, "wasDerivedFrom"), commune)
                formed.setdefault(target, []).append(commune)
    yield from _province_events(provinces, former_provinces, today, reform)
    for target, communes in formed.items():
        now = today[target]
        label = f"Sắp xếp đơn vị hành chính: thành lập {now.name} ({now.province})"
        yield from _change_event(_today_iri(now.province_code, now.code), communes, label, reform)


def _change_event(new: NamedNode, formers: list[NamedNode], label: str, reform) -> Iterator[Triple]:
    """The event that formed ``new`` from ``formers``, between their people's committees."""
    event = NamedNode(new.value + "/thanh-lap")
    yield Triple(event, A, _n(ORG, "ChangeEvent"))
    yield Triple(event, _n(SKOS, "prefLabel"), _vi(label))
    yield Triple(event, _n(CCHC, "effectiveDate"), Literal(reform.isoformat(), datatype=_n(XSD, "date")))
    yield Triple(event, _n(ORG, "resultingOrganization"), NamedNode(new.value + "/ubnd"))
    for former in formers:
        yield Triple(event, _n(ORG, "originalOrganization"), NamedNode(former.value + "/ubnd"))


def _province_events(provinces: dict[str, NamedNode], formers: dict[str, NamedNode], today, reform) -> Iterator[Triple]:
    """Each province of today formed from the former ones the law's table lists."""
    names = {now.province_code: now.province for now in today.values()}
    for code, iri in provinces.items():
        merged = [formers[k] for k in (admin_units.key(n) for n in admin_units.formers_of(names[code])) if k in formers]
        yield from _change_event(iri, merged, f"Sắp xếp đơn vị hành chính cấp tỉnh: {names[code]}", reform)
        for former in merged:
            yield Triple(iri, _n(PROV, "wasDerivedFrom"), former)
            yield Triple(former, _n(DCT, "isReplacedBy"), iri)


def version() -> str:
    return f"{succession.PACKAGE} {succession.library_version()}"


def load_units(store: GraphStore) -> tuple[bool, int]:
    """Replace the units' graph unless it holds this version of the package's data already:
    (whether it was loaded, the number of triples)."""
    marker = NamedNode(UNITS_GRAPH)
    stamp = Literal(version())
    if store.ask(f"ASK WHERE {{ GRAPH ?g {{ ?g <{DCT}source> ?v }} }}", {"g": marker, "v": stamp}):
        return False, store.count(UNITS_GRAPH)
    triples = list(unit_triples())
    triples.append(Triple(marker, _n(DCT, "source"), stamp))
    store.replace_graph(UNITS_GRAPH, triples)
    return True, len(triples)


def without_units(nquads: bytes) -> bytes:
    """A store's N-Quads without the units' graph: reference data, like the ontology's,
    that validating and reasoning over the documents need not read (a few hundred
    thousand triples)."""
    tail = f"<{UNITS_GRAPH}> .".encode()
    return b"\n".join(line for line in nquads.split(b"\n") if not line.rstrip().endswith(tail))
