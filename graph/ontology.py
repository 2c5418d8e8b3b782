"""Load the packaged ontology and SKOS vocabularies (rdflib for reasoning and SHACL, N-Triples for the store)."""

from __future__ import annotations

import hashlib
from functools import cache

import rdflib

from cchc.resources import list_resources, read_text

PACKAGE = "cchc.ontology"


def ontology_files() -> list[str]:
    """The ontology first, then every vocabulary (shapes are not part of the knowledge)."""
    return ["cchc.ttl", *list_resources(PACKAGE, ".ttl", "vocab")]


@cache
def _parsed(name: str) -> rdflib.Graph:
    return rdflib.Graph().parse(data=read_text(PACKAGE, name), format="turtle")


def ontology_graph() -> rdflib.Graph:
    """A fresh rdflib graph with the ontology and all vocabularies."""
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


def shapes_graph() -> rdflib.Graph:
    return _parsed("shapes.ttl")


@cache
def ontology_version() -> str:
    """A digest of the packaged Turtle files: the N-Triples form is no version, since its
    blank-node labels differ from one process to the next."""
    digest = hashlib.sha256()
    for name in ontology_files():
        digest.update(read_text(PACKAGE, name).encode())
    return digest.hexdigest()


@cache
def ontology_ntriples() -> str:
    """The ontology and vocabularies as N-Triples, ready for a store's ontology graph."""
    return ontology_graph().serialize(format="nt")
