"""Wire the stages: file → SourceText → ParsedDocument → Facts → triples → store.

Everything about one document is computed before anything is written, and each document
is written as one named graph in one transaction, so a failure at any stage leaves the
store exactly as it was for that document.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
import hashlib
from pathlib import Path

from pyoxigraph import Literal, NamedNode, RdfFormat, Triple, parse

from cchc.errors import CchcError, InputFileError
from cchc.graph.extract import extract_facts
from cchc.graph.model import Facts, ParsedDocument
from cchc.graph.namespaces import CCHC, ONTOLOGY_GRAPH, sparql_prologue
from cchc.graph.ontology import ontology_ntriples
from cchc.graph.rdf import document_iri, document_triples
from cchc.graph.read import read_document
from cchc.graph.store.base import GraphStore
from cchc.graph.structure import parse_document

SUPPORTED_SUFFIXES = (".txt", ".md", ".docx", ".pdf")


@dataclass(frozen=True)
class DocumentGraph:
    """One document, fully processed and ready to store."""

    iri: str
    parsed: ParsedDocument
    facts: Facts
    triples: list[Triple]


@dataclass
class IngestReport:
    ingested: list[DocumentGraph] = field(default_factory=list)
    failed: list[CchcError] = field(default_factory=list)


def analyse(path: Path | str, encoding: str | None = None) -> tuple[ParsedDocument, Facts]:
    """Read, parse and extract one file, without touching a store."""
    source = read_document(path, encoding=encoding)
    parsed = parse_document(source)
    return parsed, extract_facts(parsed)


def build_graph(path: Path | str, encoding: str | None = None) -> DocumentGraph:
    parsed, facts = analyse(path, encoding)
    return DocumentGraph(document_iri(parsed), parsed, facts, document_triples(parsed, facts))


def expand_paths(paths: Iterable[Path | str]) -> Iterator[Path]:
    """Files named directly, and the supported files inside named folders (sorted)."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.suffix.lower() in SUPPORTED_SUFFIXES and p.is_file())
        else:
            yield path


def ensure_ontology(store: GraphStore) -> None:
    """Keep the ontology and vocabularies in their own named graph, refreshed when they change.

    Queries resolve labels, functions and areas there, so the store answers on its own
    (also for SPARQL clients that never saw the packaged files).
    """
    text = ontology_ntriples()
    version = Literal(hashlib.sha256(text.encode()).hexdigest())
    marker = "ASK WHERE { GRAPH ?g { ?g cchc:sha256 ?version } }"
    if store.ask(sparql_prologue() + marker, {"g": NamedNode(ONTOLOGY_GRAPH), "version": version}):
        return
    triples = [Triple(q.subject, q.predicate, q.object) for q in parse(text.encode(), format=RdfFormat.N_TRIPLES)]
    triples.append(Triple(NamedNode(ONTOLOGY_GRAPH), NamedNode(CCHC + "sha256"), version))
    store.replace_graph(ONTOLOGY_GRAPH, triples)


def ingest(
    store: GraphStore,
    paths: Iterable[Path | str],
    encoding: str | None = None,
    on_file: Callable[[Path], None] | None = None,
) -> IngestReport:
    """Ingest each file as its own named graph; a bad file is reported and skipped."""
    report = IngestReport()
    for path in expand_paths(paths):
        if on_file:
            on_file(path)
        try:
            document = build_graph(path, encoding)
            if not report.ingested:
                ensure_ontology(store)  # only once a document is good: bad input changes nothing
            store.replace_graph(document.iri, document.triples)
        except CchcError as error:
            report.failed.append(error)
            continue
        except (ValueError, LookupError, OSError) as error:
            # A defect in a stage must not abort a batch or leave half a document behind:
            # nothing was written for this file, and the user learns which file it was.
            report.failed.append(InputFileError(path, f"không xử lý được ({type(error).__name__}: {error})"))
            continue
        report.ingested.append(document)
    return report
