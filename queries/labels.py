"""How a person reads a query result: Vietnamese headers, labels instead of codes, and
provisions cited as people cite them.

A SELECT result speaks in variables (``mode``), vocabulary notations (``chu_tri``,
``the_che``) and IRIs (``…/att_1/art_6__para_2``): right for programs, which get them
as JSON, and unreadable on a civil servant's screen or spreadsheet. Every people's
format (terminal table, md, html, xlsx, csv) goes through ``people_view``; the labels
come from the SKOS vocabularies and ``labels.json``, never from code. ``codes=True``
keeps each coded column's codes in a column of its own, beside the label.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from cchc.graph.numbering import provision_label
from cchc.resources import read_text

_ATTACHMENT = re.compile(r"^att_(\d+)$")


@cache
def _data() -> dict[str, Any]:
    return json.loads(read_text("cchc.queries", "labels.json"))


@cache
def _vocabulary(file: str) -> dict[str, str]:
    from cchc.generators.vocab import scheme_labels

    return scheme_labels(file)


def column_label(variable: str) -> str:
    return _data()["columns"].get(variable, variable)


def value_labels(variable: str) -> dict[str, str] | None:
    """Code → label for a coded column, None for a column of plain text."""
    vocabularies = _data()["vocabularies"]
    if variable in vocabularies:
        return _vocabulary(vocabularies[variable])
    return _data()["codes"].get(variable)


def provision_text(iri: str) -> str:
    """ "…/att_1/art_6__para_2" → "Điều 6 khoản 2 (văn bản kèm theo)"; a document's own
    IRI → "toàn văn bản"."""
    segments = iri.rstrip("/").split("/")
    eid = segments[-1]
    label = provision_label(eid)
    if label == eid:  # not an eid: the document itself
        return "toàn văn bản"
    attached = _ATTACHMENT.match(segments[-2]) if len(segments) > 1 else None
    if attached:
        number = int(attached.group(1))
        return f"{label} (văn bản kèm theo{'' if number == 1 else f' {number}'})"
    return label


def provisions_text(value: str) -> str:
    """The provisions a cell lists; a cell of another kind (a count) as it is."""
    if not value.startswith(("http://", "https://")):
        return value
    return "; ".join(provision_text(iri) for iri in value.split())


@dataclass(frozen=True)
class Column:
    header: str
    variable: str
    show: Callable[[str], str]  # the value as a person reads it


def _labelled(labels: dict[str, str]) -> Callable[[str], str]:
    """A code's label; a value that is no code as it is."""
    return lambda value: labels.get(value, value)


def people_view(variables: Sequence[str], codes: bool = False) -> list[Column]:
    """The columns people see, in the result's order: identifier columns only with
    ``codes``; each coded column labelled, its codes beside it with ``codes``."""
    data = _data()
    suffix = data["code_suffix"]
    columns: list[Column] = []
    for variable in variables:
        header = column_label(variable)
        if variable in data["identifier_columns"]:
            if codes:
                columns.append(Column(header + suffix, variable, str))
            continue
        if variable in data["provision_columns"]:
            columns.append(Column(header, variable, provisions_text))
            if codes:
                columns.append(Column(header + suffix, variable, str))
            continue
        labels = value_labels(variable)
        if labels is None:
            columns.append(Column(header, variable, str))
            continue
        columns.append(Column(header, variable, _labelled(labels)))
        if codes:
            columns.append(Column(header + suffix, variable, str))
    return columns
