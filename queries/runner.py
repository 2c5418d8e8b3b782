"""Load the named ``*.rq`` files and run them with typed, bound parameters.

A query file opens with a comment header that documents it and declares its parameters::

    # name: documents
    # purpose: Every document in the store, with kind, number, date and title.
    # param: kind string optional  Document kind (a doc-kind notation: quy_che, …)
    # columns: doc, kind, number, issued, title

Parameter types: ``string`` (plain literal), ``label`` (a name as the graph writes it,
``"…"@vi``), ``iri``, ``integer``, ``date``. Values are
turned into RDF terms here and handed to the store as bindings, so a user's text can never
change the query. The shared PREFIX lines are prepended, so files stay short.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from pyoxigraph import Literal, NamedNode

from cchc.errors import QueryError
from cchc.graph.namespaces import XSD, sparql_prologue
from cchc.graph.store.base import Bindings, GraphStore, SelectResult, Term
from cchc.resources import list_resources, read_text

PACKAGE = "cchc.queries"
_HEADER = re.compile(r"^#\s*(name|purpose|param|columns):\s*(.*)$")
_PARAM = re.compile(r"^(\w+)\s+(string|label|iri|integer|date)(\s+optional)?\s*(.*)$")


@dataclass(frozen=True)
class Parameter:
    name: str
    type: str
    optional: bool
    doc: str


@dataclass(frozen=True)
class NamedQuery:
    name: str
    purpose: str
    parameters: tuple[Parameter, ...]
    columns: tuple[str, ...]
    text: str  # with the shared prologue

    def parameter(self, name: str) -> Parameter:
        for parameter in self.parameters:
            if parameter.name == name:
                return parameter
        known = ", ".join(p.name for p in self.parameters) or "không có"
        raise QueryError(f"truy vấn {self.name!r} không có tham số {name!r} (tham số: {known})")


def parse_query_file(name: str, source: str) -> NamedQuery:
    """Read the documenting header of one ``.rq`` file; a malformed header is an error."""
    fields: dict[str, str] = {}
    parameters: list[Parameter] = []
    for line in source.splitlines():
        match = _HEADER.match(line.strip())
        if not match:
            if line.strip() and not line.lstrip().startswith("#"):
                break
            continue
        key, value = match.groups()
        if key == "param":
            spec = _PARAM.match(value.strip())
            if not spec:
                raise QueryError(f"{name}.rq: khai báo tham số không hợp lệ: {value!r}")
            pname, ptype, optional, doc = spec.groups()
            parameters.append(Parameter(pname, ptype, bool(optional), doc.strip()))
        else:
            fields[key] = value.strip()
    if fields.get("name") != name:
        raise QueryError(f"{name}.rq: dòng '# name:' phải là {name!r}")
    columns = tuple(c.strip() for c in fields.get("columns", "").split(",") if c.strip())
    return NamedQuery(
        name=name,
        purpose=fields.get("purpose", ""),
        parameters=tuple(parameters),
        columns=columns,
        text=sparql_prologue() + source,
    )


@cache
def load_query(name: str) -> NamedQuery:
    if name not in query_names():
        known = ", ".join(query_names())
        raise QueryError(f"không có truy vấn tên {name!r}; các truy vấn có sẵn: {known}")
    return parse_query_file(name, read_text(PACKAGE, f"{name}.rq"))


@cache
def query_names() -> tuple[str, ...]:
    return tuple(n.removesuffix(".rq") for n in list_resources(PACKAGE, ".rq"))


def to_term(parameter: Parameter, value: str) -> Term:
    """The RDF term for a user's text, by the parameter's declared type."""
    try:
        if parameter.type == "iri":
            if not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>\"{}|\\^`]*$", value):
                raise ValueError("không phải IRI hợp lệ")
            return NamedNode(value)
        if parameter.type == "integer":
            return Literal(str(int(value)), datatype=NamedNode(XSD + "integer"))
        if parameter.type == "label":  # names in the graph are Vietnamese-tagged literals
            return Literal(value, language="vi")
        if parameter.type == "date":
            return Literal(dt.date.fromisoformat(value).isoformat(), datatype=NamedNode(XSD + "date"))
        return Literal(value)
    except ValueError as error:
        raise QueryError(f"tham số {parameter.name}={value!r}: {error}") from None


def bind(query: NamedQuery, values: dict[str, str], resolved: Bindings | None = None) -> Bindings:
    """Typed terms for ``values``; ``resolved`` holds parameters already made into terms."""
    bindings: dict[str, Term] = dict(resolved or {})
    for key, value in values.items():
        bindings[key] = to_term(query.parameter(key), value)
    missing = [p.name for p in query.parameters if not p.optional and p.name not in bindings]
    if missing:
        raise QueryError(f"truy vấn {query.name!r} cần tham số: {', '.join(missing)}")
    return bindings


def _as_people_type(store: GraphStore, query: NamedQuery, values: dict[str, str]) -> Bindings:
    """Units and areas as people type them ("Mỹ Xuyên", "TTHC") become the stored terms."""
    from cchc.queries import resolve

    resolved: dict[str, Term] = {}
    for key, value in values.items():
        if key == "unit" and query.parameter(key).type == "string":
            resolved[key] = resolve.unit(store, value)
        elif key == "area" and query.parameter(key).type == "iri" and "://" not in value:
            resolved[key] = resolve.area(value)
    return resolved


def run_query(store: GraphStore, name: str, values: dict[str, str] | None = None) -> SelectResult:
    """Run the named query on either backend, through the same code path."""
    query = load_query(name)
    values = values or {}
    friendly = _as_people_type(store, query, values)
    return store.select(query.text, bind(query, {k: v for k, v in values.items() if k not in friendly}, friendly))
