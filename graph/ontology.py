"""Load the packaged ontology and SKOS vocabularies (rdflib for reasoning and SHACL, N-Triples for the store)."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from cchc.resources import list_resources, read_text

if TYPE_CHECKING:  # rdflib (a tenth of a second) is imported by the first reader, not by this module
    import rdflib
    from pyoxigraph import Triple

PACKAGE = "cchc.ontology"


def ontology_files() -> list[str]:
    """The ontology first, then every vocabulary (shapes are not part of the knowledge)."""
    return ["cchc.ttl", *list_resources(PACKAGE, ".ttl", "vocab")]


@cache
def _parsed(name: str) -> rdflib.Graph:
    import rdflib

    return rdflib.Graph().parse(data=read_text(PACKAGE, name), format="turtle")


def ontology_graph() -> rdflib.Graph:
    """A fresh rdflib graph with the ontology and all vocabularies."""
    import rdflib

    graph = rdflib.Graph()
    for name in ontology_files():
        graph += _parsed(name)
    return graph


@cache
def vocabulary_graph() -> rdflib.Graph:
    """The ontology and vocabularies as one graph shared by every reader in the process:
    building it costs a tenth of a second, and labels, cues and functions are read from it
    by half a dozen modules. Never add to it; take ``ontology_graph()`` for a copy."""
    return ontology_graph()


@cache
def vocabulary_triples() -> tuple[Triple, ...]:
    """The same ontology and vocabularies as pyoxigraph triples, in file order, for readers
    that only look labels up: parsing them so takes milliseconds, where importing rdflib and
    building ``vocabulary_graph`` would be most of a quick command (``cchc who-leads``)."""
    from pyoxigraph import RdfFormat, parse

    return tuple(
        quad.triple for name in ontology_files() for quad in parse(read_text(PACKAGE, name).encode(), format=RdfFormat.TURTLE)
    )


def shapes_graph() -> rdflib.Graph:
    return _parsed("shapes.ttl")


@cache
def ontology_version() -> str:
    """A digest of the packaged Turtle files: the N-Triples form is no version, since its
    blank-node labels differ from one process to the next."""
    import hashlib  # only ingest and migrations ask for the version: not every command start-up

    digest = hashlib.sha256()
    for name in ontology_files():
        digest.update(read_text(PACKAGE, name).encode())
    return digest.hexdigest()


@cache
def ontology_ntriples() -> str:
    """The ontology and vocabularies as N-Triples, ready for a store's ontology graph."""
    return ontology_graph().serialize(format="nt")
