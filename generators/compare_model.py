"""The neutral comparison model every renderer reads: rows by topic, one cell per unit.

Building (``compare_build``) and drawing (html, docx, md, csv, json, terminal) are apart,
so the five outputs cannot disagree about what differs. A value carries a ``key`` — what
is compared — separate from the ``text`` shown: agencies compare by their function, so a
province's "Sở Tư pháp" and a district's "Phòng Tư pháp" are the same answer.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from cchc.errors import CchcError


class CompareError(CchcError):
    """What the person asked to compare cannot be compared (too few units, a unit twice…)."""

    exit_code = 2


@dataclass(slots=True)  # not frozen: a survey makes thousands, and frozen init is 3× slower
class ProvisionRef:
    """Where a value is written: the document (named graph), the provision and its words."""

    document: str  # IRI of the document's named graph
    iri: str  # IRI of the provision (the document itself for its preamble)
    eid: str  # path inside the document: "att_1/art_5__para_2"; "" for the preamble
    label: str  # "Điều 5 khoản 2 (Quy chế kèm theo)"
    text: str  # the source sentence the fact was read from


@dataclass
class Value:
    text: str
    key: str  # compared across units; equal keys mean the same answer
    note: str = ""  # shown smaller: an agency's function, an instrument's title
    refs: list[ProvisionRef] = field(default_factory=list)
    shared: bool = True  # every unit's cell holds this key

    def add_refs(self, refs: list[ProvisionRef]) -> None:
        """Each provision once, with the first source sentence read from it."""
        known = {ref.iri for ref in self.refs}
        for ref in refs:
            if ref.iri not in known:
                known.add(ref.iri)
                self.refs.append(ref)


@dataclass
class Cell:
    unit: str
    values: list[Value] = field(default_factory=list)

    def add(self, value: Value) -> None:
        """One value per (key, text): the same answer stated twice keeps both provisions."""
        for known in self.values:
            if known.key == value.key and known.text == value.text:
                known.add_refs(value.refs)
                return
        self.values.append(value)

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(v.key for v in self.values)


@dataclass
class Row:
    section: str
    label: str
    cells: list[Cell]
    compared: bool = True  # informational rows (the documents themselves) are never "different"
    differs: bool = False

    def settle(self) -> Row:
        """Set ``differs`` (the units' key sets are not all equal) and each value's ``shared``."""
        key_sets = [cell.keys for cell in self.cells]
        common = frozenset.intersection(*key_sets) if key_sets else frozenset()
        self.differs = self.compared and len(set(key_sets)) > 1
        for cell in self.cells:
            for value in cell.values:
                value.shared = not self.compared or value.key in common
        return self


@dataclass(frozen=True)
class DiffPart:
    op: str  # "equal" | "delete" (only in the left text) | "insert" (only in the right text)
    text: str


@dataclass(frozen=True)
class Article:
    document: str  # named graph
    container: str  # the LegalDocument holding the article (an attached Quy chế, or the document)
    kind: str  # doc-kind of the container
    iri: str
    eid: str  # "att_1/art_5"
    label: str  # "Điều 5 (Quy chế kèm theo)"
    number: str
    heading: str
    text: str  # the article's own text and every clause, point and indent under it, in order
    areas: frozenset[str]


@dataclass(frozen=True)
class ArticlePair:
    left: Article
    right: Article
    score: float  # 0..1: how surely the two articles treat one topic
    diff: tuple[DiffPart, ...]


@dataclass(frozen=True)
class Alignment:
    """Articles of two documents of one kind, paired by topic; the rest listed per side."""

    kind: str
    kind_label: str  # "Quy chế"
    left_unit: str
    right_unit: str
    left_document: str  # "Quy chế — 118/QĐ-VP" as a reader names it
    right_document: str
    pairs: tuple[ArticlePair, ...]
    only_left: tuple[Article, ...]
    only_right: tuple[Article, ...]


@dataclass
class Comparison:
    units: list[str]
    rows: list[Row]
    alignments: list[Alignment] = field(default_factory=list)
    area: str | None = None  # the one area asked for, if any
    documents: dict[str, str] = field(default_factory=dict)  # graph IRI → how a reader names it

    def sections(self) -> list[tuple[str, list[Row]]]:
        """Rows grouped by section, in the order they were added."""
        grouped: dict[str, list[Row]] = {}
        for row in self.rows:
            grouped.setdefault(row.section, []).append(row)
        return list(grouped.items())

    def references(self) -> list[ProvisionRef]:
        """Every provision a cell cites, once, in reading order: the html appendix and anchors."""
        seen: dict[str, ProvisionRef] = {}
        for row in self.rows:
            for cell in row.cells:
                for value in cell.values:
                    for ref in value.refs:
                        seen.setdefault(ref.iri, ref)
        return list(seen.values())

    @property
    def differing(self) -> int:
        return sum(1 for row in self.rows if row.differs)

    def as_dict(self) -> dict:
        return {
            "format": "cchc-compare/1",
            "units": self.units,
            "area": self.area,
            "documents": self.documents,
            "rows": [asdict(row) for row in self.rows],
            "alignments": [_alignment_dict(a) for a in self.alignments],
        }


def _article_dict(article: Article) -> dict:
    data = asdict(article)
    data["areas"] = sorted(article.areas)
    return data


def _alignment_dict(alignment: Alignment) -> dict:
    return {
        "kind": alignment.kind,
        "kind_label": alignment.kind_label,
        "left_unit": alignment.left_unit,
        "right_unit": alignment.right_unit,
        "left_document": alignment.left_document,
        "right_document": alignment.right_document,
        "pairs": [
            {"left": _article_dict(p.left), "right": _article_dict(p.right), "score": round(p.score, 3), "diff": [asdict(d) for d in p.diff]}
            for p in alignment.pairs
        ],
        "only_left": [_article_dict(a) for a in alignment.only_left],
        "only_right": [_article_dict(a) for a in alignment.only_right],
    }


# The survey of one area across every unit (``cchc compare --all --area``) ----------------
@dataclass(frozen=True)
class Share:
    """One function's share of the units: who leads the area where."""

    key: str
    label: str  # the function ("Tư pháp"), or the agency's name when it has no known function
    names: tuple[str, ...]  # the real names it goes by in those units
    units: tuple[str, ...]
    total: int
    level: str  # "huyện" when every unit is a huyện, else "đơn vị"

    @property
    def sentence(self) -> str:
        """ "Phòng Tư pháp chủ trì ở 2 trên 4 huyện (huyện A, huyện B)." """
        who = self.names[0] if len(self.names) == 1 else f"{self.label} ({', '.join(self.names)})"
        return f"{who} chủ trì ở {len(self.units)} trên {self.total} {self.level} ({', '.join(self.units)})."


@dataclass
class Survey:
    area: str
    area_label: str
    cells: list[Cell]  # one per unit of the graph; values are the lead agencies
    shares: list[Share]
    without: list[str]  # units whose documents name no lead for the area
    level: str

    @property
    def without_sentence(self) -> str:
        if not self.without:
            return f"Mọi {self.level} đều có cơ quan chủ trì."
        return f"Chưa quy định cơ quan chủ trì ở {len(self.without)} trên {len(self.cells)} {self.level} ({', '.join(self.without)})."

    def as_dict(self) -> dict:
        return {
            "format": "cchc-compare-area/1",
            "area": self.area,
            "area_label": self.area_label,
            "units": [asdict(cell) for cell in self.cells],
            "distribution": [{**asdict(share), "sentence": share.sentence} for share in self.shares],
            "without_lead": self.without,
            "without_sentence": self.without_sentence,
        }
