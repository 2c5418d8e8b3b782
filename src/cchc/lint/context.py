"""What every document rule sees: the parsed file split into its parts, the facts, and a date.

A file is a main text and the texts it promulgates (a Quyết định and its Quy chế); the
facts name provisions as ``att_1/art_5`` for the first attached text, exactly as
``cchc.graph.extract`` does, so a rule can go from a fact to its provision and from a
provision to the label a reader uses. The reference date is what makes a name obsolete or
not: the date given by the user, else the document's own date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import TypedDict

from cchc.graph.kinds import kinds
from cchc.graph.model import Facts, ParsedDocument, Provision
from cchc.graph.numbering import provision_label
from cchc.graph.structure import effective_metadata, patterns
from cchc.lint.findings import Finding, data, make

_PARTIAL_DATE = re.compile(
    # a date whose day is left blank: "ngày /01/2024", "ngày … tháng … năm 2025"
    r"(?i:ngày)[\s._…/]*(?:(?i:tháng)|/)[\s._…]*(?P<month>\d{1,2})?[\s._…]*(?:(?i:năm)|/)\s*(?P<year>(?:19|20)\d{2})"
)


@dataclass(frozen=True)
class Part:
    """One text of the file: the main text (index 0) or an attached one."""

    index: int
    doc: ParsedDocument
    prefix: str  # "" for the main text, "att_1/" for the first attached text
    name: str  # how a reader names it when the file has several: "Quy định kèm theo"
    provisions: dict[str, Provision] = field(default_factory=dict)
    parents: dict[str, str | None] = field(default_factory=dict)
    template: bool = False  # a form to fill in (mẫu): its blanks and repeated numbers are meant
    quoted: frozenset[str] = frozenset()  # provisions inside “…”: new wording of an amended text

    def children(self, eid: str | None) -> tuple[Provision, ...]:
        if eid is None:
            return self.doc.body
        provision = self.provisions.get(eid)
        return provision.children if provision else ()

    def ancestors(self, eid: str) -> list[Provision]:
        """The provisions above ``eid``, nearest first."""
        found = []
        parent = self.parents.get(eid)
        while parent is not None:
            found.append(self.provisions[parent])
            parent = self.parents.get(parent)
        return found

    def articles(self) -> list[Provision]:
        return [p for p in self.provisions.values() if p.kind == "article"]


def _index(part_doc: ParsedDocument) -> tuple[dict[str, Provision], dict[str, str | None]]:
    provisions: dict[str, Provision] = {}
    parents: dict[str, str | None] = {}

    def visit(node: Provision, parent: str | None) -> None:
        provisions[node.eid] = node
        parents[node.eid] = parent
        for child in node.children:
            visit(child, node.eid)

    for top in part_doc.body:
        visit(top, None)
    return provisions, parents


def _template(provisions: dict[str, Provision]) -> bool:
    cues = data("cues.json")
    placeholder = re.compile(cues["placeholder"])
    lines = (line for p in provisions.values() for line in (p.heading, *p.text.split("\n")))
    return sum(1 for line in lines if placeholder.search(line)) >= cues["template_min_lines"]


def _quoted(doc: ParsedDocument) -> frozenset[str]:
    """Provisions that sit inside an opened quotation (“…”), in document order."""
    depth = 0
    inside = set()
    for provision in doc.provisions():
        text = f"{provision.heading}\n{provision.text}"
        if depth > 0 or text.lstrip().startswith(("“", '"')):
            inside.add(provision.eid)
        depth = max(0, depth + text.count("“") - text.count("”"))
    return frozenset(inside)


def _parts(parsed: ParsedDocument) -> tuple[Part, ...]:
    parts = []
    for index, doc in enumerate((parsed, *parsed.attachments)):
        kind = kinds().get(doc.metadata.kind)
        if index == 0:
            name = (kind.label if kind and kind.notation != "other" else "Văn bản") if parsed.attachments else ""
        elif kind and kind.notation in patterns().promulgated_kinds:  # "Quy chế kèm theo"
            name = f"{kind.label} kèm theo"
        else:
            name = f"Văn bản kèm theo {index}"
        provisions, parents = _index(doc)
        parts.append(Part(index, doc, f"att_{index}/" if index else "", name, provisions, parents,
                          _template(provisions), _quoted(doc)))
    return tuple(parts)


class Where(TypedDict, total=False):
    """Where a finding is, as ``LintContext.finding`` takes it (the message's fields aside)."""

    part: Part | None
    excerpt: str
    line: int | None
    label: str | None


def reference_date(parsed: ParsedDocument, as_of: dt.date | None = None) -> tuple[dt.date | None, str]:
    """The date names are judged at, and where it comes from (said in the messages).

    A text whose date is left blank ("ngày /01/2024") still says its month or year. A text
    whose date cannot be read is not judged by guess: None, and the user may give one.
    """
    if as_of is not None:
        return as_of, "ngày được chỉ định"
    issued = effective_metadata(parsed).issued
    if issued is not None:
        return issued, "ngày ban hành"
    texts = [d.metadata.promulgated_by.text for d in (parsed, *parsed.attachments) if d.metadata.promulgated_by]
    texts += parsed.source.lines[:40]
    for text in texts:
        match = _PARTIAL_DATE.search(text)
        if match:
            month = int(match.group("month")) if match.group("month") else 1
            return dt.date(int(match.group("year")), month if 1 <= month <= 12 else 1, 1), "tháng, năm ghi trong văn bản"
    return None, "không đọc được ngày của văn bản"


class LintContext:
    """A parsed file, its facts and its reference date, with the lookups rules share."""

    def __init__(self, parsed: ParsedDocument, facts: Facts, as_of: dt.date | None = None) -> None:
        self.parsed = parsed
        self.facts = facts
        self.source = parsed.source.name
        self.parts = _parts(parsed)
        self.date, self.date_basis = reference_date(parsed, as_of)
        self.notes: list[str] = []  # what the run assumed, for the reader (not defects)
        self._lines = parsed.source.lines

    def split(self, eid: str) -> tuple[Part, str]:
        """The part a facts-style eid (``att_1/art_5``) belongs to, and the eid inside it."""
        prefix, _, local = eid.rpartition("/")
        if prefix.startswith("att_"):
            index = int(prefix[4:])
            if index < len(self.parts):
                return self.parts[index], local
        return self.parts[0], eid

    def provision(self, eid: str) -> Provision | None:
        part, local = self.split(eid)
        return part.provisions.get(local)

    def label(self, eid: str | None, part: Part | None = None) -> str:
        """"Quy định kèm theo, Điều 12 khoản 2"; the header when ``eid`` is None."""
        if eid is None:
            where = "phần đầu văn bản"
            owner = part or self.parts[0]
        else:
            owner, local = self.split(eid) if part is None else (part, eid)
            provision = owner.provisions.get(local)
            where = provision_label(local, provision.span.line if provision else None)
        return f"{owner.name}, {where}" if owner.name else where[:1].upper() + where[1:]

    def whole(self, part: Part | None = None) -> str:
        """The whole file (facts span every part), or the whole of one part."""
        return f"{part.name}, toàn văn bản" if part is not None and part.name else "Toàn văn bản"

    def line(self, eid: str | None) -> int | None:
        provision = self.provision(eid) if eid else None
        return provision.span.line if provision else None

    def line_of(self, needle: str, start: int = 1) -> int | None:
        """The first source line from ``start`` holding ``needle`` (ignoring spacing)."""
        probe = " ".join(needle.split()[:8])
        if not probe:
            return None
        for number in range(max(start, 1), len(self._lines) + 1):
            if probe in " ".join(self._lines[number - 1].replace("*", "").split()):
                return number
        return None

    def finding(self, rule_id: str, eid: str | None, *, part: Part | None = None, excerpt: str = "",
                line: int | None = None, label: str | None = None, **fields: object) -> Finding:
        """A finding at a facts-style eid (or at the header of ``part`` when ``eid`` is None)."""
        full = eid if part is None or eid is None else part.prefix + eid
        if label is None:
            label = self.label(full) if full is not None else self.label(None, part)
        if line is None:
            line = self.line(full)
            if excerpt:  # the excerpt's own line: a provision may run over several paragraphs
                line = self.line_of(excerpt.strip("… "), line or 1) or line
        return make(
            rule_id,
            source=self.source,
            provision=full,
            label=label,
            line=line,
            excerpt=excerpt,
            **fields,
        )
