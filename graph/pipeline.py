"""Wire the stages: file → SourceText → ParsedDocument → Facts → triples → store.

Everything about one document is computed before anything is written, and each document
is one named graph that the store writes whole or not at all, so a failure at any stage
leaves the store exactly as it was for that document.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from pyoxigraph import Literal, NamedNode, RdfFormat, Triple, parse, serialize

from cchc.errors import CchcError, InputFileError
from cchc.graph.extract import extract_facts
from cchc.graph.file_choice import SUPPORTED_SUFFIXES, choose_files  # noqa: F401 (SUPPORTED_SUFFIXES: re-exported)
from cchc.graph.identity import distinct_iri, same_document, text_digest
from cchc.graph.model import Facts, ParsedDocument
from cchc.graph.namespaces import CCHC, ONTOLOGY_GRAPH, sparql_prologue
from cchc.graph.ontology import ontology_ntriples, ontology_version
from cchc.graph.rdf import document_iri, document_triples
from cchc.graph.read import read_document
from cchc.graph.settle import settle_once
from cchc.graph.store.base import GraphStore
from cchc.graph.structure import effective_metadata, parse_document


@dataclass(frozen=True)
class DocumentGraph:
    """One document, fully processed and ready to store."""

    iri: str
    parsed: ParsedDocument
    facts: Facts
    triples: list[Triple]


@dataclass(frozen=True)
class KeptApart:
    """A document whose derived IRI already held a different text: stored under ``iri``
    instead of ``shared``, which keeps ``other``."""

    name: str
    other: str  # the file name of the text that holds ``shared``
    shared: str
    iri: str

    def note(self) -> str:
        """One line for the user, in Vietnamese."""
        return (
            f"Lưu ý: «{self.name}» trùng định danh {self.shared} với «{self.other}» nhưng nội dung khác, "
            f"nên được lưu riêng thành {self.iri}."
        )


@dataclass
class IngestReport:
    ingested: list["IngestedDocument"] = field(default_factory=list)
    failed: list[CchcError] = field(default_factory=list)
    kept_apart: list[KeptApart] = field(default_factory=list)
    # A document re-ingested with fewer assignments than the store held for it (file name,
    # before, now): a reader or pattern change lost facts, which the user must hear of.
    fewer: list[tuple[str, int, int]] = field(default_factory=list)


def analyse(path: Path | str, encoding: str | None = None) -> tuple[ParsedDocument, Facts]:
    """Read, parse and extract one file, without touching a store."""
    source = read_document(path, encoding=encoding)
    parsed = parse_document(source)
    return parsed, extract_facts(parsed)


def build_graph(path: Path | str, encoding: str | None = None, iri: str | None = None) -> DocumentGraph:
    """``iri``: store under this IRI rather than the derived one (a text kept apart)."""
    parsed, facts = analyse(path, encoding)
    iri = iri or document_iri(parsed)
    return DocumentGraph(iri, parsed, facts, document_triples(parsed, facts, iri))


def expand_paths(paths: Iterable[Path | str]) -> Iterator[Path]:
    """Files named directly, and the documents inside named folders (``file_choice``)."""
    yield from choose_files(paths)[0]


def ensure_ontology(store: GraphStore) -> None:
    """Keep the ontology and vocabularies in their own named graph, refreshed when they change.

    Queries resolve labels, functions and areas there, so the store answers on its own
    (also for SPARQL clients that never saw the packaged files).
    """
    version = Literal(ontology_version())
    marker = "ASK WHERE { GRAPH ?g { ?g cchc:sha256 ?version } }"
    if store.ask(sparql_prologue() + marker, {"g": NamedNode(ONTOLOGY_GRAPH), "version": version}):
        return
    triples = [Triple(q.subject, q.predicate, q.object) for q in parse(ontology_ntriples().encode(), format=RdfFormat.N_TRIPLES)]
    triples.append(Triple(NamedNode(ONTOLOGY_GRAPH), NamedNode(CCHC + "sha256"), version))
    store.replace_graph(ONTOLOGY_GRAPH, triples)


@dataclass(frozen=True)
class IngestedDocument:
    """What a report keeps of a stored document: a summary, not its triples (memory stays
    flat however many documents a batch holds)."""

    iri: str
    name: str
    kind: str
    number: str | None
    provisions: int
    assignments: int
    triples: int
    digest: str = ""  # of the text (cchc.graph.identity): tells two texts of one IRI apart


def _summary(document: DocumentGraph) -> IngestedDocument:
    meta = effective_metadata(document.parsed)
    return IngestedDocument(
        document.iri,
        document.parsed.source.name,
        meta.kind,
        meta.number,
        sum(1 for _ in document.parsed.provisions()),
        len(document.facts.assignments),
        len(document.triples),
        text_digest(document.parsed.source.text),
    )


@dataclass(frozen=True)
class _Prepared:
    """A document ready to store, in the form that crosses process boundaries cheaply:
    N-Triples bytes unpickle about ten times faster than the objects they stand for."""

    summary: IngestedDocument
    ntriples: bytes


def _build_or_error(path: Path, encoding: str | None, iri: str | None = None) -> _Prepared | CchcError:
    """One file's graph, or the error that names it; never raises, so a batch goes on."""
    try:
        document = build_graph(path, encoding, iri)
        return _Prepared(_summary(document), serialize(document.triples, format=RdfFormat.N_TRIPLES) or b"")
    except CchcError as error:
        return error
    except (ValueError, LookupError, OSError, RecursionError) as error:
        # A defect in a stage must not abort a batch or leave half a document behind:
        # nothing is written for this file, and the user learns which file it was.
        return InputFileError(path, f"không xử lý được ({type(error).__name__}: {error})")


# Documents handed to the workers at once: enough to keep them busy while the main process
# bulk-loads a batch (a few seconds), few enough that finished documents waiting to be
# stored cannot pile up (about 130 KB each; 10,000 unbounded reached 1.4 GB).
IN_FLIGHT = 1024
CHUNK = 4  # documents per task: fewer round trips between processes


def _build_chunk(paths: list[Path], encoding: str | None) -> list[_Prepared | CchcError]:
    built = [_build_or_error(path, encoding) for path in paths]
    settle_once()  # in a worker process: its static data is loaded by now
    return built


def _built(paths: list[Path], encoding: str | None, jobs: int) -> Iterator[tuple[Path, _Prepared | CchcError]]:
    """Documents in input order; with ``jobs`` > 1, built by worker processes, at most
    ``IN_FLIGHT`` at a time."""
    if jobs <= 1:
        for path in paths:
            built = _build_or_error(path, encoding)
            settle_once()
            yield path, built
        return
    chunks = iter([paths[i : i + CHUNK] for i in range(0, len(paths), CHUNK)])
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        pending = deque((chunk, pool.submit(_build_chunk, chunk, encoding)) for chunk in islice(chunks, IN_FLIGHT // CHUNK))
        while pending:
            chunk, future = pending.popleft()
            following = next(chunks, None)
            if following is not None:
                pending.append((following, pool.submit(_build_chunk, following, encoding)))
            yield from zip(chunk, future.result())


_HELD = """SELECT ?digest ?name WHERE {
  GRAPH ?g { ?source cchc:fileName ?name OPTIONAL { ?source cchc:textDigest ?digest } }
} LIMIT 1"""


class _Holders:
    """Which text holds an IRI: one stored earlier in this run, else the store's graph.

    The store's graph names are read once; a graph's digest is asked for only when a
    document derives its IRI, so a first ingest into an empty store asks nothing.
    """

    def __init__(self, store: GraphStore) -> None:
        self.store = store
        self.stored = set(store.graph_names())
        self.run: dict[str, tuple[str | None, str]] = {}  # IRI → (digest, file name)

    def holder(self, iri: str) -> tuple[str | None, str] | None:
        if iri in self.run:
            return self.run[iri]
        if iri not in self.stored:
            return None
        rows = self.store.select(sparql_prologue() + _HELD, {"g": NamedNode(iri), "source": NamedNode(iri + "/source")}).rows
        if not rows:
            return None
        digest, name = rows[0].get("digest"), rows[0].get("name")
        return (digest.value if digest is not None else None, name.value if name is not None else "")


_ASSIGNMENTS = "SELECT ?g (COUNT(?a) AS ?n) WHERE { VALUES ?g { %s } GRAPH ?g { ?a a cchc:Assignment } } GROUP BY ?g"


def _stored_assignments(store: GraphStore, iris: list[str]) -> dict[str, int]:
    """Assignments each stored graph holds: one query per batch, not one per document (a
    re-ingest of thousands of documents would otherwise ask thousands of times)."""
    if not iris:
        return {}
    values = " ".join(str(NamedNode(iri)) for iri in iris)  # the documents' own IRIs, as RDF terms
    counts: dict[str, int] = {}
    for row in store.select(sparql_prologue() + _ASSIGNMENTS % values).rows:
        graph, count = row.get("g"), row.get("n")
        if graph is not None and count is not None:
            counts[graph.value] = int(count.value)
    return counts


def _apart(prepared: _Prepared, path: Path, encoding: str | None, holders: _Holders, report: IngestReport) -> _Prepared | CchcError:
    """The document as it is, or, when its IRI holds a different text, rebuilt under an IRI
    of its own (``cchc.graph.identity``), with a note in the report: ingesting one
    document never silently replaces another."""
    summary = prepared.summary
    held = holders.holder(summary.iri)
    if held is None or same_document(held[0], held[1], summary.digest, summary.name):
        return prepared
    iri = distinct_iri(summary.iri, summary.digest)
    rebuilt = _build_or_error(path, encoding, iri)
    if not isinstance(rebuilt, CchcError):
        report.kept_apart.append(KeptApart(summary.name, held[1], summary.iri, iri))
    return rebuilt


def ingest(
    store: GraphStore,
    paths: Iterable[Path | str],
    encoding: str | None = None,
    on_file: Callable[[Path], None] | None = None,
    jobs: int = 1,
    batch_size: int = 25,
    max_batch_size: int = 400,
) -> IngestReport:
    """Ingest each file as its own named graph; a bad file is reported and skipped.

    Good documents are written in batches through the store's bulk path (each graph whole
    or absent, also after a crash); the ontology goes in before the first good document
    only, so a run with nothing but bad input leaves the store unchanged. Batches double
    from ``batch_size`` up to ``max_batch_size``: the first documents are stored at once,
    and a large run writes fewer, larger batches (12% faster at 2,000 documents, since the
    store then has fewer files to compact). A document whose IRI already holds a different
    text, stored before or earlier in the run, is kept under an IRI of its own and listed
    in ``kept_apart``; the same text again replaces its graph.
    """
    report = IngestReport()
    batch: dict[str, _Prepared] = {}  # by graph: the same document twice, the last wins
    limit = batch_size
    holders = _Holders(store)

    def flush() -> None:
        nonlocal limit
        if not batch:
            return
        if not report.ingested:
            ensure_ontology(store)
        stored = _stored_assignments(store, [iri for iri in batch if iri in holders.stored])
        for iri, prepared in batch.items():
            before = stored.get(iri, 0)
            if before > prepared.summary.assignments:
                report.fewer.append((prepared.summary.name, before, prepared.summary.assignments))
        store.write_batch({iri: prepared.ntriples for iri, prepared in batch.items()})
        report.ingested.extend(prepared.summary for prepared in batch.values())
        batch.clear()
        limit = min(limit * 2, max_batch_size)

    for path, result in _built(list(expand_paths(paths)), encoding, jobs):
        if on_file:
            on_file(path)
        if not isinstance(result, CchcError):
            result = _apart(result, path, encoding, holders, report)
        if isinstance(result, CchcError):
            report.failed.append(result)
            continue
        holders.run[result.summary.iri] = (result.summary.digest, result.summary.name)
        batch.pop(result.summary.iri, None)
        batch[result.summary.iri] = result
        if len(batch) >= limit:
            flush()
    flush()
    return report
