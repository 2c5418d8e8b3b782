"""Print a SELECT result as a rich table (for people) or csv/json (for programs)."""

from __future__ import annotations

import csv
import io
import json
from enum import Enum

from pyoxigraph import Literal, NamedNode
from rich.table import Table

from cchc.cli.console import out
from cchc.graph.namespaces import PREFIXES
from cchc.graph.store.base import SelectResult, Term


class ResultFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


def plain(term: Term | None) -> str:
    """A term as a person reads it: the literal's text, or the IRI."""
    if term is None:
        return ""
    return term.value


def _short(term: Term | None) -> str:
    if isinstance(term, NamedNode):
        for prefix, iri in PREFIXES.items():
            if term.value.startswith(iri):
                return f"{prefix}:{term.value[len(iri):]}"
    return plain(term)


def _json_term(term: Term | None) -> object:
    if term is None:
        return None
    if isinstance(term, Literal):
        return term.value
    return term.value


def print_result(result: SelectResult, fmt: ResultFormat, title: str | None = None, table_columns: tuple[str, ...] = ()) -> None:
    """``table_columns`` narrows what a person sees on a terminal; csv/json keep every column."""
    if fmt is ResultFormat.json:
        rows = [{k: _json_term(row.get(k)) for k in result.variables} for row in result.rows]
        out.print_json(json.dumps(rows, ensure_ascii=False))
    elif fmt is ResultFormat.csv:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(result.variables)
        for row in result.rows:
            writer.writerow([plain(row.get(k)) for k in result.variables])
        out.file.write(buffer.getvalue())
    else:
        shown = table_columns or result.variables
        table = Table(title=title, show_lines=False)
        for variable in shown:
            table.add_column(variable, overflow="fold")
        for row in result.rows:
            table.add_row(*(_short(row.get(k)) for k in shown))
        out.print(table)
        out.print(f"[dim]{len(result.rows)} dòng[/]")
