"""IRIs shared by the ontology files, the RDF mapping, the store and the queries.

One place, so a query, a shape and the mapping cannot disagree about a namespace.
"""

from __future__ import annotations

BASE = "https://w3id.org/cchc/"
CCHC = BASE + "ontology#"  # classes and properties (ontology/cchc.ttl)
VOCAB = BASE + "vocab/"  # SKOS concepts: vocab/area/the_che, vocab/mode/chu_tri, …
ID = BASE + "id/"  # data: id/doc/…, id/agency/…, id/unit/…
RULE = BASE + "rule/"  # extraction rules and models, by id (graph/data/duty_rules.jsonl)
GRAPH = BASE + "graph/"  # named graphs of the store's own
ONTOLOGY_GRAPH = GRAPH + "ontology"  # named graph holding ontology + vocabularies
MODE = VOCAB + "mode/"  # modes of an assignment: mode/chu_tri, mode/phoi_hop, …
FUNCTION = VOCAB + "function/"  # agency functions: function/noi_vu, …

ELI = "http://data.europa.eu/eli/ontology#"
ORG = "http://www.w3.org/ns/org#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
PROV = "http://www.w3.org/ns/prov#"
DCT = "http://purl.org/dc/terms/"
CPOV = "http://data.europa.eu/m8g/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
OWL = "http://www.w3.org/2002/07/owl#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SH = "http://www.w3.org/ns/shacl#"

PREFIXES = {
    "cchc": CCHC,
    "cv": VOCAB,
    "cid": ID,
    "eli": ELI,
    "org": ORG,
    "skos": SKOS,
    "prov": PROV,
    "dct": DCT,
    "cpov": CPOV,
    "rdf": RDF,
    "rdfs": RDFS,
    "owl": OWL,
    "xsd": XSD,
    # After ``cv:``, so a result still shows a mode as ``cv:mode/chu_tri``; queries write ``mode:chu_tri``.
    "mode": MODE,
    "fn": FUNCTION,
    "cg": GRAPH,
}


def sparql_prologue() -> str:
    """PREFIX lines for every namespace above, prepended to packaged queries."""
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())


def vocab_iri(scheme: str, notation: str) -> str:
    """The concept IRI of ``notation`` in ``scheme`` (area, mode, function, doc-kind, …)."""
    return f"{VOCAB}{scheme}/{notation}"
