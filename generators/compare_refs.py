"""Turn the IRIs a query returns into provision references a reader can follow.

A fact points at a provision IRI such as ``…/doc/src/004-…/att_1/art_9__para_1``; the
reader wants "Điều 9 khoản 1 (Quy chế kèm theo)" of the Quảng Nam document. The path below
the document's graph IRI is the provision's address in that document, and the attached
text's kind comes from the document list, so the label says which text the Điều is in.
"""

from __future__ import annotations

from cchc.generators.compare_labels import kind_label, provision_label
from cchc.generators.compare_model import ProvisionRef
from cchc.graph.store.base import SelectResult, Term


def text(term: Term | None) -> str:
    """A term's lexical value, or "" when the variable is unbound."""
    return term.value if term is not None else ""


class DocumentIndex:
    """The documents (and attached texts) of the units being compared, from ``compare_documents``."""

    def __init__(self, rows: list[dict[str, str]]) -> None:
        self.rows = rows
        self._by_doc = {row["doc"]: row for row in self.rows}

    @classmethod
    def of(cls, result: SelectResult) -> DocumentIndex:
        return cls([{k: text(v) for k, v in row.items()} for row in result.rows])

    def kind(self, doc: str) -> str:
        return self._by_doc.get(doc, {}).get("doc_kind", "")

    def main_documents(self, unit: str) -> list[dict[str, str]]:
        """The documents themselves, not the texts they promulgate."""
        return [row for row in self.rows if row["unit"] == unit and not row["parent"]]

    def annexes(self, doc: str) -> list[dict[str, str]]:
        return [row for row in self.rows if row["parent"] == doc]

    def name(self, doc: str) -> str:
        """How a reader names a document: "Kế hoạch 341/KH-UBND", "Quy chế hoạt động của Ban Chỉ đạo …"."""
        row = self._by_doc.get(doc)
        if row is None:
            return doc
        kind = kind_label(row["doc_kind"])
        own = f"{kind} {row['number']}" if row["number"] else f"{kind} {_after_kind(row['title'])}".strip()
        parent = self._by_doc.get(row["parent"]) if row["parent"] else None
        if parent is not None and parent["number"]:
            own += f" (kèm theo {kind_label(parent['doc_kind'])} {parent['number']})"
        return own

    def ref(self, graph: str, provision: str, source_text: str = "") -> ProvisionRef:
        """The reference to ``provision`` (an IRI inside document ``graph``)."""
        path = provision[len(graph) + 1 :] if provision.startswith(graph + "/") else ""
        annex = path.split("/", 1)[0] if path.startswith("att_") else ""
        annex_kind = self.kind(f"{graph}/{annex}") if annex else None
        return ProvisionRef(
            document=graph,
            iri=provision,
            eid=path,
            label=provision_label(path, annex_kind or None),
            text=" ".join(source_text.split()),
        )


NAME_LENGTH = 90  # a title longer than this is cut: the full one is in the document row


def _after_kind(title: str) -> str:
    """A title as it reads after the kind word: "BAN HÀNH QUY CHẾ …" → "ban hành quy chế …"."""
    title = " ".join(title.split()).rstrip(".")
    if title.isupper():
        title = title.lower()
    elif title[:1].isupper() and title[1:2].islower():
        title = title[0].lower() + title[1:]
    return title if len(title) <= NAME_LENGTH else title[: NAME_LENGTH - 1].rsplit(" ", 1)[0] + "…"
