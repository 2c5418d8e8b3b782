"""Page "Văn bản chi tiết" (``/van-ban?doc=IRI``): a document's outline, each provision
with the assignments the document makes in it."""

from __future__ import annotations

from dataclasses import dataclass, field

from starlette.requests import Request
from starlette.responses import Response

from cchc.graph.store.base import GraphStore
from cchc.queries.labels import provision_text, value_labels
from cchc.queries.runner import run_query
from cchc.web.documents import DocumentRow, document_rows
from cchc.web.rendering import render

_TYPE_WORDS = {"Chapter": "Chương", "Section": "Mục", "Article": "Điều", "Clause": "Khoản", "Point": "Điểm", "Part": "Phần"}
_SPECIAL = {"preamble": "Phần mở đầu", "closing": "Phần kết thúc"}
_IN_CONTENTS = {"LegalDocument", "Chapter", "Section", "Part", "Article"}


@dataclass(frozen=True)
class Assignment:
    agency: str
    mode: str  # label
    area: str  # label
    text: str


@dataclass
class Node:
    iri: str
    type: str
    label: str
    heading: str
    text: str
    line: int
    anchor: str = ""
    assignments: list[Assignment] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)

    @property
    def in_contents(self) -> bool:
        return self.type in _IN_CONTENTS


def _label(kind: str, eid: str, number: str) -> str:
    if eid in _SPECIAL:
        return _SPECIAL[eid]
    if kind == "LegalDocument":
        return "Văn bản kèm theo"
    word = _TYPE_WORDS.get(kind)
    return f"{word} {number}".strip() if word else (number or provision_text(eid))


def _pick_type(types: set[str]) -> str:
    for kind in ("LegalDocument", *_TYPE_WORDS):
        if kind in types:
            return kind
    return sorted(types)[0] if types else "Provision"


def outline(store: GraphStore, document: DocumentRow) -> tuple[list[Node], list[Assignment]]:
    """(the document's top-level parts with their children, assignments on the whole text)."""
    rows = run_query(store, "web_document_outline", {"graph": document.graph}).rows
    parts: dict[str, dict[str, str]] = {}
    types: dict[str, set[str]] = {}
    modes = value_labels("mode") or {}
    areas = value_labels("area") or {}
    by_node: dict[str, list[Assignment]] = {}
    for row in rows:
        text = {k: (term.value if term is not None else "") for k, term in row.items()}
        if text["kind"] == "part":
            parts.setdefault(text["node"], text)
            types.setdefault(text["node"], set()).add(text["type"])
        else:
            by_node.setdefault(text["node"], []).append(
                Assignment(text["agency"], modes.get(text["mode"], text["mode"]), areas.get(text["area"], text["area"]), text["text"])
            )
    nodes = {
        iri: Node(iri, (kind := _pick_type(types[iri])), _label(kind, p["eid"], p["number"]), p["heading"], p["text"],
                  int(p["line"]) if p["line"].isdigit() else 0, assignments=by_node.get(iri, []))
        for iri, p in parts.items()
    }
    roots: list[Node] = []
    for iri, node in nodes.items():
        parent = nodes.get(parts[iri]["parent"])
        (parent.children if parent else roots).append(node)
    ordered = sorted(roots, key=lambda n: n.line)
    counter = 0
    stack = list(reversed(ordered))
    while stack:
        node = stack.pop()
        counter += 1
        node.anchor = f"muc-{counter}"
        node.children.sort(key=lambda n: n.line)
        stack.extend(reversed(node.children))
    return ordered, by_node.get(document.doc, [])


def document_page(request: Request) -> Response:
    store = request.app.state.store
    wanted = request.query_params.get("doc", "")
    document = next((r for r in document_rows(store) if r.doc == wanted), None)
    if document is None:  # only documents the store lists are looked up
        return render(request, "not_found.html.j2", status_code=404, message="Không có văn bản này trong kho.")
    parts, whole = outline(store, document)
    return render(request, "document.html.j2", document=document, parts=parts, whole=whole)
