"""Per document and reform area, the leads listed in one literal: what a survey of every
unit reads instead of the facts.

``cchc compare --all --area "thể chế"`` asks who leads one area in every unit. Read from
the facts, each lead costs a dozen lookups in the store. Most of them are random reads
from the store's dictionary (provision IRI, sentence, document name), and at 10,000
documents (11,000 leads) they take over half a second. A digest lists a document's leads
in one area as one ``rdf:JSON`` literal, ``<area> cchc:leadDigest "…"`` in the
document's own graph. So it is written, replaced and dropped with the document, and
both backends read it the same way.

It is derived, never a source. It is built from the document's own triples by the same
rules as the ``compare_leads`` and ``compare_task_leads`` queries (a test holds the two
readings equal): assignments with mode chủ trì, and plan tasks with a lead. Each fact
gives one row per label and function of its agent. ``cchc:leadDigests`` on the
document (the number of digests, possibly 0) tells a reader the document has them.
Documents stored by an older version have none, and the survey then falls back to the
facts.
"""

from __future__ import annotations

import json
from collections import defaultdict

from pyoxigraph import Literal, NamedNode, Triple

from cchc.graph.namespaces import CCHC, RDF, SKOS, VOCAB, XSD

_LEAD_DIGEST = NamedNode(CCHC + "leadDigest")
_JSON = NamedNode(RDF + "JSON")
_TYPE = RDF + "type"
_CHU_TRI = VOCAB + "mode/chu_tri"
_ASSIGNMENT = CCHC + "Assignment"
_PLAN_TASK = CCHC + "PlanTask"
_AREA, _MODE, _AGENT, _LEAD, _PROVISION, _SOURCE_TEXT, _HAS_FUNCTION = (
    CCHC + name for name in ("area", "mode", "agent", "lead", "provision", "sourceText", "hasFunction")
)
_PREF_LABEL = SKOS + "prefLabel"
_REGULATES_UNIT = CCHC + "regulatesUnit"
_DOCUMENT_KIND = CCHC + "documentKind"
_READ = {_TYPE, _AREA, _MODE, _AGENT, _LEAD, _PROVISION, _SOURCE_TEXT, _HAS_FUNCTION, _PREF_LABEL, _REGULATES_UNIT, _DOCUMENT_KIND}


def lead_digests(document: NamedNode, triples: list[Triple]) -> list[Triple]:
    """The digest triples of ``document``, made from its ``triples``.

    A digest is ``{"document": IRI, "units": [unit, …], "annexes": {"att_1": kind, …},
    "leads": [row, …]}``. The document, its unit and the kinds of its attached texts
    (for labels such as "Điều 9 (Quy chế kèm theo)") are copied in, so a survey reads one
    literal per document and nothing else. A row is ``[agency, function, provision,
    sentence]``. The function is its notation ("tu_phap", or "" when the agency has
    none). The provision is its path below the document ("art_5__para_1", "" for the
    document itself, or the full IRI when it lies elsewhere).
    """
    by_subject: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for triple in triples:
        predicate = triple.predicate.value
        if predicate in _READ and not isinstance(triple.subject, Triple):  # a tenth of the work: most triples are provisions' text and numbers
            by_subject[triple.subject.value][predicate].append(triple.object)
    rows: dict[str, list[list[str]]] = defaultdict(list)
    for properties in by_subject.values():
        types = {t.value for t in properties.get(_TYPE, ())}
        if _ASSIGNMENT in types and any(m.value == _CHU_TRI for m in properties.get(_MODE, ())):
            agents = properties.get(_AGENT, ())
        elif _PLAN_TASK in types:
            agents = properties.get(_LEAD, ())
        else:
            continue
        texts = [t.value for t in properties.get(_SOURCE_TEXT, ())] or [""]
        for area in properties.get(_AREA, ()):
            for agent in agents:
                described = by_subject.get(agent.value, {})
                functions = list(dict.fromkeys(_function(f) for f in described.get(_HAS_FUNCTION, ()))) or [""]
                for label in described.get(_PREF_LABEL, ()):
                    for provision in properties.get(_PROVISION, ()):
                        for text in texts:
                            for function in functions:
                                rows[area.value].append([label.value, function, _path(provision, document), text])
    units = [unit.value for unit in by_subject.get(document.value, {}).get(_REGULATES_UNIT, ())]
    prefix = document.value + "/"
    annexes = {
        subject[len(prefix) :]: kind.value.partition("/doc-kind/")[2]
        for subject, properties in by_subject.items()
        if subject.startswith(prefix + "att_")
        for kind in properties.get(_DOCUMENT_KIND, ())
    }
    out = [Triple(document, NamedNode(CCHC + "leadDigests"), Literal(str(len(rows)), datatype=NamedNode(XSD + "integer")))]
    for area, area_rows in sorted(rows.items()):
        # Said of the area itself, in the document's graph: "in this document, the leads of
        # area A are …". A survey then finds every document's digest for A in one ordered
        # scan (subject and predicate fixed), with no node to look up in between.
        digest = {"document": document.value, "units": units, "annexes": annexes, "leads": area_rows}
        out.append(Triple(NamedNode(area), _LEAD_DIGEST, Literal(json.dumps(digest, ensure_ascii=False), datatype=_JSON)))
    return out


def digest_rows(digest_json: str, annex_kinds: dict[str, str]) -> list[dict[str, str]]:
    """A digest's rows in the shape the lead queries return (unit, graph, agency, function,
    provision IRI, text): one per unit of the document and lead. The kinds of its
    attached texts go into ``annex_kinds``, by IRI, as ``compare_annexes`` gives them."""
    digest = json.loads(digest_json)
    graph = digest["document"]
    for annex, kind in digest.get("annexes", {}).items():
        annex_kinds[f"{graph}/{annex}"] = kind
    return [
        {"unit": unit, "graph": graph, "agency": agency, "function": function, "provision": _iri(path, graph), "text": text}
        for unit in digest["units"]
        for agency, function, path, text in digest["leads"]
    ]


def _function(concept) -> str:
    """As the queries read it: ``STRAFTER(STR(?functionConcept), "/function/")``."""
    return concept.value.partition("/function/")[2]


def _path(provision, document: NamedNode) -> str:
    if provision == document:
        return ""
    prefix = document.value + "/"
    return provision.value[len(prefix) :] if provision.value.startswith(prefix) else provision.value


def _iri(path: str, graph: str) -> str:
    if not path:
        return graph
    return path if "://" in path else f"{graph}/{path}"
