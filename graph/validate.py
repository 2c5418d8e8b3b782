"""Check a graph: SHACL shapes always (pyshacl), OWL reasoning with HermiT on request.

Reasoning needs Java; nothing else does, so its absence is reported plainly and only when
reasoning is asked for.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import rdflib
from pyshacl import validate as shacl_validate

from cchc.errors import CchcError
from cchc.graph import namespaces
from cchc.graph.ontology import ontology_graph, shapes_graph

SH = rdflib.Namespace(namespaces.SH)


class ReasonerUnavailableError(CchcError):
    exit_code = 7


@dataclass(frozen=True)
class Violation:
    focus: str
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.focus} {self.path}: {self.message}"


@dataclass(frozen=True)
class ValidationReport:
    conforms: bool
    violations: tuple[Violation, ...]


def load_data(data: rdflib.Graph | rdflib.Dataset | bytes, fmt: str = "nquads") -> rdflib.Graph:
    """Data as one rdflib graph (the union of a dataset's graphs)."""
    if isinstance(data, rdflib.Graph) and not isinstance(data, rdflib.Dataset):
        return data
    dataset = data if isinstance(data, rdflib.Dataset) else rdflib.Dataset().parse(data=data, format=fmt)
    union = rdflib.Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


def validate_shacl(data: rdflib.Graph | rdflib.Dataset | bytes, fmt: str = "nquads") -> ValidationReport:
    """Validate against ``shapes.ttl``, with the vocabularies available to the shapes."""
    graph = load_data(data, fmt) + ontology_graph()
    conforms, report, _ = shacl_validate(graph, shacl_graph=shapes_graph(), inference="none", allow_warnings=True)
    violations = []
    for result in report.subjects(rdflib.RDF.type, SH.ValidationResult):
        violations.append(
            Violation(
                focus=str(report.value(result, SH.focusNode)),
                path=str(report.value(result, SH.resultPath) or ""),
                message=str(report.value(result, SH.resultMessage) or ""),
            )
        )
    return ValidationReport(bool(conforms), tuple(sorted(violations, key=str)))


def _owl2_datatypes(graph: rdflib.Graph) -> rdflib.Graph:
    """xsd:date and rdf:JSON are outside the OWL 2 datatype map that HermiT accepts: a date
    is widened to xsd:dateTime, a JSON value read as its text (xsd:string)."""
    out = rdflib.Graph()
    for s, p, o in graph:
        if isinstance(o, rdflib.Literal) and o.datatype == rdflib.XSD.date:
            o = rdflib.Literal(f"{o}T00:00:00", datatype=rdflib.XSD.dateTime)
        elif isinstance(o, rdflib.Literal) and o.datatype == rdflib.RDF.JSON:
            o = rdflib.Literal(str(o), datatype=rdflib.XSD.string)
        out.add((s, p, o))
    return out


@dataclass(frozen=True)
class ReasoningResult:
    consistent: bool
    explanation: str


def reason(data: rdflib.Graph | rdflib.Dataset | bytes | None = None, fmt: str = "nquads") -> ReasoningResult:
    """Run HermiT (through owlready2) over the ontology plus ``data``."""
    if shutil.which("java") is None:
        raise ReasonerUnavailableError("cần Java (java trên PATH) để suy luận bằng HermiT; các lệnh khác không cần Java")
    import owlready2

    graph = ontology_graph()
    if data is not None:
        graph += load_data(data, fmt)
    graph = _owl2_datatypes(graph)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "cchc.nt"
        graph.serialize(path, format="nt", encoding="utf-8")
        world = owlready2.World()
        onto = world.get_ontology(path.as_uri()).load()
        try:
            with onto:
                owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
        except owlready2.OwlReadyInconsistentOntologyError as error:
            return ReasoningResult(False, str(error).strip().splitlines()[-1] if str(error).strip() else "ontology không nhất quán")
        except owlready2.OwlReadyJavaError as error:
            raise ReasonerUnavailableError(f"HermiT không chạy được: {str(error).strip().splitlines()[-1][:300]}") from None
        finally:
            world.close()
    return ReasoningResult(True, "nhất quán")
