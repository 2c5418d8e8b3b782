"""The typed values that pass between the pipeline's stages.

read (file → SourceText) → structure (SourceText → ParsedDocument with Provision trees)
→ extract (ParsedDocument → Facts) → rdf (ParsedDocument + Facts → quads) → store.
Values are frozen so a stage cannot change what an earlier stage produced; dicts appear
only at the JSON edge (the ``cchc-facts/1`` contract).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path


@dataclass(frozen=True)
class SourceText:
    """A document's text as written, decoded to Unicode NFC.

    Every reader produces the same plain-text conventions, so the structure parser sees
    one format: one paragraph per line; Markdown (#, **) kept where the source had it;
    tables of three or more columns as one row per line with cells joined by `` | ``;
    Word footnotes appended at the end as numbered notes (``1. …``) after a line ``---``.
    """

    name: str  # file name shown to users and in provenance (``002_….txt``)
    text: str
    format: str  # txt | md | docx | pdf
    encoding: str = "utf-8"  # the encoding the bytes were decoded from
    path: Path | None = None
    sha256: str = ""  # of the source bytes: identifies a version of a file
    warnings: tuple[str, ...] = ()

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")


@dataclass(frozen=True)
class Span:
    """Where a fact was read: 1-based line range and character offsets into SourceText.text."""

    start: int
    end: int
    line: int


@dataclass(frozen=True)
class Provision:
    """One subdivision of a document: Phần, Chương, Mục, Điều, Khoản, Điểm, bullet, plan item.

    ``eid`` is an Akoma Ntoso style identifier (``chp_2__art_5__para_1__point_a``), stable
    across re-ingests of the same text, used inside the document IRI.
    """

    kind: str  # part | chapter | section | article | clause | point | indent | item
    number: str  # "5", "2.1", "a", "đ", "II", "-" for bullets
    heading: str  # the title after the number ("Trách nhiệm của Sở Tư pháp"), may be ""
    text: str  # the provision's own text (without its children), as written
    eid: str
    span: Span
    children: tuple[Provision, ...] = ()

    def walk(self):
        """This provision and all below it, depth first in document order."""
        yield self
        for child in self.children:
            yield from child.walk()

    @cached_property
    def lowered(self) -> str:
        """Its own text in lower case, for the substring tests several readers make."""
        return self.text.lower()

    def sentences(self) -> list[str]:
        """Its own text cut after each "." or ";" and at line ends: the statements that a
        reporting duty or a rating threshold is read from, one at a time."""
        return _SENTENCES.split(self.text)


_SENTENCES = re.compile(r"(?<=[.;])\s+|\n")


@dataclass(frozen=True)
class Citation:
    """A reference to another instrument: "Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ …"."""

    text: str  # as written
    kind: str | None = None  # the instrument's doc-kind notation (cchc.graph.kinds): nghi_dinh, luat, …
    number: str | None = None  # "61/2018/NĐ-CP"
    date: date | None = None
    issuer: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class Signer:
    name: str | None
    authority: str | None  # TM | KT | Q | TL | TUQ
    title: str | None  # "Chủ tịch", "Phó Chủ tịch"
    on_behalf_of: str | None = None  # "Ủy ban nhân dân" in "TM. ỦY BAN NHÂN DÂN"


@dataclass(frozen=True)
class Province:
    """The province a document belongs to, in today's division (34 since 1 July 2025).

    Two documents with the same number from two provinces are two documents: the province
    is part of a document's identity, so it comes from the issuer's header matched against
    a gazetteer of real units, never from a guess. A pre-2025 text names one of the 63
    former provinces; it then belongs to the province that province became part of, and
    ``former`` keeps the name the text uses.
    """

    name: str  # today's name, without the level word: "Cần Thơ", "Đắk Lắk"
    slug: str  # ASCII, stable: "can-tho" (the IRI segment)
    code: int  # the official province code (92); 0 for the central state
    former: str | None = None  # "Sóc Trăng" when the text names a province that was merged
    evidence: str = ""  # the line it was read from, as written


@dataclass(frozen=True)
class DocumentMetadata:
    kind: str  # a doc-kind notation of ontology/vocab/documents.ttl (cchc.graph.kinds): quyet_dinh, quy_che, …
    title: str | None = None  # trích yếu
    number: str | None = None  # "118/QĐ-VP"; None when blank in the source
    issued: date | None = None
    place: str | None = None
    issuer: str | None = None  # issuing body as printed ("Ủy ban nhân dân huyện Mỹ Xuyên")
    superior: str | None = None  # the line above the issuer in the header ("UBND TỈNH SÓC TRĂNG")
    unit: str | None = None  # administrative unit whose reform work is regulated
    signer: Signer | None = None
    legal_bases: tuple[Citation, ...] = ()  # "Căn cứ …"
    proposer: str | None = None  # "Theo đề nghị của …"
    replaces: tuple[Citation, ...] = ()
    amends: tuple[Citation, ...] = ()  # what its trích yếu says it amends ("Sửa đổi, bổ sung … số …")
    recipients: tuple[str, ...] = ()  # "Nơi nhận" list
    executors: tuple[str, ...] = ()  # named in the closing article "… chịu trách nhiệm thi hành"
    promulgated_by: Citation | None = None  # "(Ban hành kèm theo Quyết định số … )"
    province: Province | None = None  # from the header and the gazetteer (graph/gazetteer.py)


@dataclass(frozen=True)
class Footnote:
    number: str
    text: str
    anchor_eid: str | None  # the provision holding the footnote mark
    span: Span


@dataclass(frozen=True)
class Reference:
    """A cross-reference in a provision: "điểm a khoản 2 Điều 5", "Điều này", "Quyết định số …".

    ``target`` is the eid of the provision it resolves to inside this document (None when
    it names one that does not exist, or when it points outside); ``instrument`` is the
    number of an external instrument ("12/2023/QĐ-UBND").
    """

    source: str  # eid of the provision holding the reference
    text: str
    target: str | None = None
    instrument: str | None = None


@dataclass(frozen=True)
class ParsedDocument:
    """A document's structure. ``attachments`` are texts it promulgates (Quy chế, Kế hoạch…)."""

    source: SourceText
    metadata: DocumentMetadata
    body: tuple[Provision, ...]
    footnotes: tuple[Footnote, ...] = ()
    attachments: tuple[ParsedDocument, ...] = ()
    warnings: tuple[str, ...] = ()
    references: tuple[Reference, ...] = ()
    # Text outside the numbered body, kept so that nothing read is lost: what comes before
    # the first heading (header, trích yếu, Căn cứ, a directive's opening paragraphs) and
    # the closing paragraphs ("Trên đây là …", "Nơi nhận:") after the last item.
    preamble: Provision | None = None
    closing: Provision | None = None

    def provisions(self):
        """The numbered body, depth first (what citations such as "Điều 5" can reach)."""
        for top in self.body:
            yield from top.walk()

    def every_provision(self):
        """The body with the preamble before it and the closing after it."""
        if self.preamble is not None:
            yield self.preamble
        yield from self.provisions()
        if self.closing is not None:
            yield self.closing


@dataclass(frozen=True)
class Agency:
    """One real agency, body or post, after resolving spellings and abbreviations."""

    name: str  # normalised display name ("Văn phòng HĐND và UBND huyện")
    function: str  # SKOS notation in the agency-function scheme (noi_vu, tu_phap, …)
    kind: str = "agency"  # agency | body | post | person_role
    aliases: tuple[str, ...] = ()  # spellings seen in the text
    head_of: str | None = None  # for a post held by an agency head: the agency's name
    body: str | None = None  # for a post: the collective body it belongs to


@dataclass(frozen=True)
class Assignment:
    agency: str  # Agency.name
    mode: str  # chu_tri | phoi_hop | tham_dinh | giam_sat
    area: str  # reform-area notation
    provision: str  # eid of the provision
    text: str  # the sentence it comes from, as written
    span: Span | None = None
    deadline: str | None = None
    rule: str = ""  # the rule ids that produced it ("role.subject+role.verb.lead"), for provenance
    area_rule: str = ""  # how the area was decided: "area.model" or a cue rule id
    area_score: float | None = None  # the area model's probability, when the model decided


@dataclass(frozen=True)
class Membership:
    """An agency whose head sits on a collective body ("Thành viên Ban Chỉ đạo - Trưởng Phòng Tư pháp")."""

    body: str
    agency: str
    provision: str = ""
    text: str = ""
    span: Span | None = None  # the exact characters of the source it was read from


@dataclass(frozen=True)
class Meeting:
    body: str
    per_year: float | None  # None for "đột xuất" only
    ad_hoc: bool = False
    notice_days: int | None = None
    provision: str = ""
    text: str = ""
    span: Span | None = None  # the exact characters of the source it was read from



@dataclass(frozen=True)
class ReportingObligation:
    reporter: str | None
    recipient: str | None
    period: str | None  # monthly | quarterly | half_yearly | yearly | ad_hoc
    deadline_rule: str | None  # as written: "chậm nhất ngày 16 của tháng cuối quý"
    deadline_day: int | None = None  # day of month when the rule names one
    deadline_month_in_period: int | None = None  # 1..3 for quarters, etc.
    channel: str | None = None  # "thông qua Hệ thống …"
    provision: str = ""
    text: str = ""
    span: Span | None = None  # the exact characters of the source it was read from



@dataclass(frozen=True)
class RatingRule:
    grade: str  # as written: "Hoàn thành xuất sắc nhiệm vụ"
    min_percent: float | None
    max_percent: float | None  # exclusive upper bound ("dưới 90%")
    index: str | None = None  # PAR Index, SIPAS, …
    provision: str = ""
    text: str = ""
    span: Span | None = None  # the exact characters of the source it was read from



@dataclass(frozen=True)
class PlanTask:
    content: str
    lead: str | None  # the lead cell as written
    coordinators: tuple[str, ...] = ()
    timeframe: str | None = None
    output: str | None = None
    area: str | None = None
    provision: str = ""
    span: Span | None = None  # the exact characters of the source it was read from
    leads: tuple[str, ...] = ()  # every co-lead the lead cell names ("Sở A, Công an tỉnh")
    budget: str | None = None  # the Kinh phí cell
    step: str | None = None  # "Bước 1", "B2": a step of a published procedure (quy trình nội bộ)



@dataclass(frozen=True)
class Facts:
    """What extraction found in one ParsedDocument (and its attachments)."""

    agencies: tuple[Agency, ...] = ()
    assignments: tuple[Assignment, ...] = ()
    meetings: tuple[Meeting, ...] = ()
    reporting: tuple[ReportingObligation, ...] = ()
    ratings: tuple[RatingRule, ...] = ()
    tasks: tuple[PlanTask, ...] = ()
    members: tuple[Membership, ...] = ()
    warnings: tuple[str, ...] = field(default=())
