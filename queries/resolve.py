"""Turn what people type into the RDF terms the queries bind.

"thủ tục hành chính", "TTHC", "một cửa", "thu tuc hanh chinh" all name the same reform
area; "Mỹ Xuyên", "huyen My Xuyen" the same unit. Matching ignores case, diacritics and
tone placement; an unknown value fails with the closest choices, so a typo is one retry.
"""

from __future__ import annotations

import difflib
from functools import cache

from pyoxigraph import Literal, NamedNode

from cchc.errors import QueryError
from cchc.graph import levels
from cchc.graph.agencies import agency_key
from cchc.graph.namespaces import CCHC, SKOS, VOCAB, sparql_prologue
from cchc.graph.normalize import loose_key
from cchc.graph.ontology import vocabulary_triples
from cchc.graph.store.base import GraphStore, bound, bound_value

_LABELS = (SKOS + "notation", SKOS + "prefLabel", SKOS + "altLabel")


@cache
def _vocabulary_labels() -> tuple[dict[str, list[str]], dict[str, dict[str, list[Literal]]]]:
    """Scheme IRI → its concepts, and concept → label property → literals, in file order.

    Read from pyoxigraph's triples rather than rdflib's ``vocabulary_graph``: resolving
    what a person typed is all ``cchc who-leads`` does before its query, and rdflib would
    be most of its run."""
    schemes: dict[str, list[str]] = {}
    labels: dict[str, dict[str, list[Literal]]] = {}
    for triple in vocabulary_triples():
        if not isinstance(triple.subject, NamedNode):
            continue
        concept, predicate, value = triple.subject.value, triple.predicate.value, triple.object
        if predicate == SKOS + "inScheme" and isinstance(value, NamedNode):
            schemes.setdefault(value.value, []).append(concept)
        elif predicate in _LABELS and isinstance(value, Literal):
            labels.setdefault(concept, {}).setdefault(predicate, []).append(value)
    return schemes, labels


@cache
def _concept_labels(scheme: str) -> dict[str, str]:
    """Loose label → concept IRI, for every label and notation of a SKOS scheme."""
    schemes, concept_labels = _vocabulary_labels()
    labels: dict[str, str] = {}
    for concept in dict.fromkeys(schemes.get(VOCAB + scheme, ())):
        for prop in _LABELS:
            for label in concept_labels.get(concept, {}).get(prop, ()):
                labels.setdefault(loose_key(label.value), concept)
    return labels


def _choose(kind: str, wanted: str, options: dict[str, str], shown: dict[str, str] | None = None, spelled: str = "") -> str:
    """``shown``: how each chosen value reads to a person, when it is not readable itself
    (an IRI); the hint names the choices as the documents write them, never their keys.
    ``spelled``: ``wanted`` written out in full ("UBND" as "ủy ban nhân dân"), tried next."""
    key = loose_key(wanted)
    if key in options:
        return options[key]
    if spelled and loose_key(spelled) in options:
        return options[loose_key(spelled)]
    containing = {options[k] for k in options if key and (key in k.split(" ") or f" {key} " in f" {k} ")}
    if len(containing) == 1:
        return containing.pop()
    def name(value: str) -> str:
        return (shown or {}).get(value, value)

    close = difflib.get_close_matches(key, list(options), n=12, cutoff=0.75)
    # Words typed that a choice's name holds ("my xuyen" in "huyện Mỹ Xuyên"), the most
    # first, else close spellings; a level word ("huyện") alone says nothing.
    ignored = {loose_key(word) for word in levels.words()}
    words = {w for w in key.split() if len(w) > 1 and w not in ignored}
    shared = {k: len(words & set(k.split())) for k in options}
    best = max(shared.values(), default=0)
    sharing = [k for k, n in shared.items() if best and n == best]
    names = list(dict.fromkeys(name(options[k]) for k in [*sharing, *close]))[:5]  # each once, as written
    if names:
        raise QueryError(f"không nhận ra {kind} {wanted!r}; có phải: {'; '.join(names)}?")
    every = sorted(dict.fromkeys(name(v) for v in options.values()))
    if len(every) <= 12:
        raise QueryError(f"không nhận ra {kind} {wanted!r}; các {kind} có: {'; '.join(every)}")
    raise QueryError(f"không nhận ra {kind} {wanted!r} (không có tên nào gần giống)")


def area(wanted: str) -> NamedNode:
    labels = _concept_labels("area")
    shown = {iri: area_label(iri.rsplit("/", 1)[-1]) for iri in set(labels.values())}
    return NamedNode(_choose("lĩnh vực", wanted, labels, shown))


def unit(store: GraphStore, wanted: str) -> Literal:
    """The unit as the documents in the store name it."""
    rows = store.select(sparql_prologue() + f"SELECT DISTINCT ?unit WHERE {{ GRAPH ?g {{ ?doc <{CCHC}regulatesUnit> ?unit }} }}").rows
    units = {bound(row["unit"]) for row in rows}
    options: dict[str, str] = {}
    level_words = [loose_key(level) for level in levels.words()]  # the longest first
    for term in units:
        for form in (term.value, agency_key(term.value)):  # "UBND" is "Ủy ban nhân dân"
            options.setdefault(loose_key(form), term.value)
        key = loose_key(term.value)
        level = next((w for w in level_words if key.startswith(w + " ")), None)
        if level:  # "huyện Mỹ Xuyên" is also "Mỹ Xuyên"
            options.setdefault(key[len(level) + 1 :], term.value)
    if not options:
        raise QueryError("kho chưa có văn bản nào ghi đơn vị (hãy nạp văn bản trước: cchc ingest)")
    chosen = _choose("đơn vị", wanted, options, spelled=agency_key(wanted))
    found = next(term for term in units if term.value == chosen)
    assert isinstance(found, Literal), "cchc:regulatesUnit holds literals"
    return found


@cache
def area_label(notation: str) -> str:
    """The Vietnamese name of an area, for table headers."""
    _, labels = _vocabulary_labels()
    for label in labels.get(f"{VOCAB}area/{notation}", {}).get(SKOS + "prefLabel", ()):
        if label.language == "vi":
            return label.value
    return notation


def _agency_keys(label: str) -> set[str]:
    """Every form a person may type for one agency name.

    "Phòng Nội vụ huyện" is also "Phòng Nội vụ", "phong noi vu" and the initials after the
    head word, "Phòng NV"; "Sở Thông tin và Truyền thông" is also "Sở TT&TT". Initials are
    compared without spaces, so "Sở TT&TT" and "Sở TTTT" are one key.
    """
    words = [w for w in loose_key(agency_key(label)).split() if w != "va"]
    for level in levels.words():  # the longest first: "thị xã" before "xã"
        level_words = loose_key(level).split()
        if len(words) > len(level_words) + 1 and words[-len(level_words) :] == level_words:
            words = words[: -len(level_words)]
            break
    keys = {" ".join(words)}
    for head in (1, 2):
        rest = words[head:]
        if rest:
            keys.add("".join(words[:head]) + "".join(w[0] for w in rest))
    return keys


def _typed_keys(wanted: str) -> set[str]:
    """What a person typed, in the forms ``_agency_keys`` writes ("Phòng NV" → "phongnv")."""
    keys = _agency_keys(wanted)
    return keys | {key.replace(" ", "") for key in keys}


def agency(store: GraphStore, wanted: str, unit_name: Literal | None = None) -> tuple[str, ...]:
    """The agency labels in the store that name what the person typed (one per spelling).

    A name may match several labels: the same agency written differently in different units'
    documents ("Văn phòng HĐND và UBND huyện", "VP HĐND-UBND huyện"); all are returned.
    """
    query = sparql_prologue() + (
        "SELECT DISTINCT ?label ?alias WHERE { GRAPH ?g { ?g cchc:regulatesUnit ?unit . "
        "?agent a cchc:Agency ; skos:prefLabel ?pref . OPTIONAL { ?agent skos:altLabel ?alt } } "
        "BIND(STR(?pref) AS ?label) BIND(STR(COALESCE(?alt, ?pref)) AS ?alias) }"
    )
    rows = store.select(query, {"unit": unit_name} if unit_name is not None else {}).rows
    options: dict[str, set[str]] = {}
    for row in rows:
        for name in (bound_value(row["label"]), bound_value(row["alias"])):
            for key in _agency_keys(name):
                options.setdefault(key, set()).add(bound_value(row["label"]))
    if not options:
        raise QueryError("kho chưa có cơ quan nào (hãy nạp văn bản trước: cchc ingest)")
    found = set().union(*(options.get(key, set()) for key in _typed_keys(wanted)))
    if not found:
        spaced = {k: ", ".join(sorted(v)) for k, v in options.items() if " " in k}
        found = {label for k, labels in options.items() if " " in k and f" {loose_key(wanted)} " in f" {k} " for label in labels}
        if not found:
            close = difflib.get_close_matches(loose_key(wanted), list(spaced), n=5, cutoff=0.5)
            hint = "; ".join(dict.fromkeys(spaced[c] for c in close)) or "; ".join(sorted({v for v in spaced.values()})[:8])
            raise QueryError(f"không nhận ra cơ quan {wanted!r}; gần nhất: {hint}")
    return tuple(sorted(found))
