"""Map a parsed document and its facts to RDF triples (ELI, ORG, PROV-O, the cchc ontology).

IRIs are derived from what identifies a document (its issuer and number, else its file
name) and from provision eids, so re-ingesting the same text gives the same IRIs and a
provision keeps its address. Literals keep the source text as written.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from pyoxigraph import Literal, NamedNode, Triple

from cchc.graph import in_force
from cchc.graph.agencies import agency_key
from cchc.graph.digests import lead_digests
from cchc.graph.effective import in_force as in_force_of
from cchc.graph.gazetteer import unknown_slug
from cchc.graph.identity import text_digest
from cchc.graph.model import Citation, DocumentMetadata, Facts, ParsedDocument, Province, Provision, Span
from cchc.graph.namespaces import CCHC, DCT, ELI, ID, ORG, PROV, RDF, RDFS, RULE, SKOS, XSD, vocab_iri
from cchc.graph.normalize import match_key, slug
from cchc.graph.structure import effective_metadata, promulgated_text

_KIND_CLASS = {
    "part": "Part", "chapter": "Chapter", "section": "Section", "article": "Article",
    "clause": "Clause", "point": "Point", "indent": "Indent", "item": "PlanItem", "row": "PlanItem",
}
A = NamedNode(RDF + "type")


@cache
def _n(base: str, local: str) -> NamedNode:
    return NamedNode(base + local)  # cached: a document makes thousands of the same few


def _vi(text: str) -> Literal:
    return Literal(text, language="vi")


_INTEGER = NamedNode(XSD + "integer")


def _int(value: int) -> Literal:
    return Literal(str(value), datatype=_INTEGER)


def _decimal(value: float) -> Literal:
    return Literal(repr(float(value)), datatype=NamedNode(XSD + "decimal"))


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _province_of(doc: ParsedDocument) -> Province | None:
    """The province of a document, or of the text it promulgates when its own header has
    none (a file that holds only the attached Quy chế)."""
    if doc.metadata.province:
        return doc.metadata.province
    promulgated = promulgated_text(doc)
    texts = ([promulgated] if promulgated else []) + list(doc.attachments)
    return next((text.metadata.province for text in texts if text.metadata.province), None)


def document_iri(doc: ParsedDocument) -> str:
    """Stable: province / issuer (or unit) / number when printed, else province / src /
    the source file's stem.

    The province comes first because every commune numbers its decisions "…/QĐ-UBND": two
    provinces' Quyết định 12 are two documents. It is today's province (a text of the
    former Sóc Trăng is under can-tho); a text that does not tell its province is under
    ``chua-ro``. Numbers restart every year, and most carry no year ("341/KH-UBND"): the
    year of issue then goes into the IRI, so next year's Kế hoạch 341 does not replace
    this one. Two different texts that still derive one IRI are told apart at ingest
    (``cchc.graph.identity``).
    """
    meta = doc.metadata
    province = _province_of(doc)
    scope = province.slug if province else unknown_slug()
    if meta.number:
        issuer = slug(meta.issuer or meta.unit or "vn")
        if meta.issued and not _YEAR.search(meta.number):
            return f"{ID}doc/{scope}/{issuer}/{meta.issued.year}/{slug(meta.number)}"
        return f"{ID}doc/{scope}/{issuer}/{slug(meta.number)}"
    stem = doc.source.name.rsplit(".", 1)[0]
    return f"{ID}doc/{scope}/src/{slug(stem)}"


def instrument_iri(citation: Citation) -> str:
    """A cited instrument, identified by its number or, failing that, its title."""
    key = citation.number or citation.title or citation.text
    return f"{ID}instrument/{slug(key)}"


def agency_iri(name: str, unit: str | None) -> str:
    """An agency of a unit: "Phòng Nội vụ" of two districts are two agencies."""
    return f"{ID}agency/{slug(unit or 'vn')}/{slug(match_key(name))}"


class _Builder:
    def __init__(self) -> None:
        self.triples: list[Triple] = []
        self.described: set[str] = set()  # rules already described in this document

    def add(self, s, p: NamedNode, o) -> None:
        if o is not None:
            self.triples.append(Triple(s, p, o))

    def text(self, s, p: NamedNode, value: str | None) -> None:
        if value:
            self.add(s, p, _vi(value))


def document_triples(doc: ParsedDocument, facts: Facts | None = None, iri: str | None = None) -> list[Triple]:
    """Every triple of one source document: itself, its attachments, provisions and facts.

    ``iri``: the document's IRI when it is not the derived one (a second, different text
    that derives the IRI of one already stored; see ``cchc.graph.identity``)."""
    builder = _Builder()
    node = NamedNode(iri or document_iri(doc))
    source = NamedNode(node.value + "/source")
    _source(builder, doc, source)
    _document(builder, doc, node, source, effective_metadata(doc))
    promulgated = promulgated_text(doc)
    for number, attachment in enumerate(doc.attachments, start=1):
        annex = NamedNode(f"{node.value}/att_{number}")
        _document(builder, attachment, annex, source)
        builder.add(node, _n(ELI, "has_annex"), annex)
        builder.add(annex, _n(CCHC, "promulgatedBy"), node)
        if attachment is promulgated:
            builder.add(node, _n(CCHC, "promulgates"), annex)
    if facts is not None:
        _facts(builder, doc, node, facts)
        builder.triples += lead_digests(node, builder.triples)
    return builder.triples


def _source(b: _Builder, doc: ParsedDocument, source: NamedNode) -> None:
    src = doc.source
    b.add(source, A, _n(CCHC, "SourceFile"))
    b.add(source, _n(CCHC, "fileName"), Literal(src.name))
    b.add(source, _n(CCHC, "fileFormat"), Literal(src.format))
    b.add(source, _n(CCHC, "encoding"), Literal(src.encoding))
    if src.sha256:
        b.add(source, _n(CCHC, "sha256"), Literal(src.sha256))
    b.add(source, _n(CCHC, "textDigest"), Literal(text_digest(src.text)))


def _document(b: _Builder, doc: ParsedDocument, iri: NamedNode, source: NamedNode, effective: DocumentMetadata | None = None) -> None:
    """``effective``: a decision printed without its own number or date takes the ones its
    annex cites ("ban hành kèm theo Quyết định số …"), as ``cchc facts`` reports them, so
    ``docs list`` and the facts agree."""
    meta = doc.metadata
    if effective is not None:
        meta = replace(meta, number=meta.number or effective.number, issued=meta.issued or effective.issued)
    b.add(iri, A, _n(CCHC, "LegalDocument"))
    b.add(iri, A, _n(ELI, "LegalResource"))
    b.add(iri, _n(CCHC, "documentKind"), NamedNode(vocab_iri("doc-kind", meta.kind or "other")))
    b.add(iri, _n(PROV, "wasDerivedFrom"), source)
    b.text(iri, _n(DCT, "title"), meta.title)
    if meta.number:
        b.add(iri, _n(ELI, "id_local"), Literal(meta.number))
    if meta.issued:
        b.add(iri, _n(ELI, "date_document"), Literal(meta.issued.isoformat(), datatype=NamedNode(XSD + "date")))
    interval = in_force_of(doc.source.text, meta.issued)
    if interval is not None and interval.start:
        b.add(iri, _n(ELI, "first_date_entry_in_force"), Literal(interval.start.isoformat(), datatype=NamedNode(XSD + "date")))
    if interval is not None and interval.end:
        b.add(iri, _n(ELI, "date_no_longer_in_force"), Literal(interval.end.isoformat(), datatype=NamedNode(XSD + "date")))
    b.text(iri, _n(CCHC, "place"), meta.place)
    b.text(iri, _n(CCHC, "issuerName"), meta.issuer)
    if meta.province:
        b.text(iri, _n(CCHC, "province"), meta.province.name)
        b.text(iri, _n(CCHC, "formerProvince"), meta.province.former)
    b.text(iri, _n(CCHC, "regulatesUnit"), effective_metadata(doc).unit if doc.attachments else meta.unit)
    b.text(iri, _n(CCHC, "proposer"), meta.proposer)
    for recipient in meta.recipients:
        b.text(iri, _n(CCHC, "recipient"), recipient)
    for executor in meta.executors:
        b.text(iri, _n(CCHC, "executor"), executor)
    _signature(b, meta, iri)
    for citation in meta.legal_bases:
        b.add(iri, _n(ELI, "based_on"), _instrument(b, citation))
    for citation in meta.replaces:
        b.add(iri, _n(ELI, "repeals"), _instrument(b, citation))
    for citation in meta.amends:
        b.add(iri, _n(ELI, "amends"), _instrument(b, citation))
    for provision in (doc.preamble, *doc.body, doc.closing):
        if provision is not None:
            _provision(b, provision, iri, iri)
    for reference in doc.references:
        source = NamedNode(f"{iri.value}/{reference.source}")
        if reference.target:
            b.add(source, _n(ELI, "cites"), NamedNode(f"{iri.value}/{reference.target}"))
        elif reference.instrument:
            b.add(source, _n(ELI, "cites"), _instrument(b, Citation(reference.text, number=reference.instrument)))
    for position, note in enumerate(doc.footnotes, start=1):
        node = NamedNode(f"{iri.value}/fn_{position}")  # numbers may repeat in the source
        b.add(node, A, _n(CCHC, "Footnote"))
        b.add(node, _n(CCHC, "number"), Literal(note.number))
        b.text(node, _n(CCHC, "text"), note.text)
        b.add(iri, _n(CCHC, "footnote"), node)
        if note.anchor_eid:
            b.add(node, _n(CCHC, "anchoredAt"), NamedNode(f"{iri.value}/{note.anchor_eid}"))


def _signature(b: _Builder, meta: DocumentMetadata, iri: NamedNode) -> None:
    signer = meta.signer
    if signer is None:
        return
    node = NamedNode(iri.value + "/signature")
    b.add(iri, _n(CCHC, "signature"), node)
    b.add(node, A, _n(CCHC, "Signature"))
    b.text(node, _n(CCHC, "signerName"), signer.name)
    b.text(node, _n(CCHC, "signerTitle"), signer.title)
    b.text(node, _n(CCHC, "onBehalfOf"), signer.on_behalf_of)
    if signer.authority:
        b.add(node, _n(CCHC, "authority"), NamedNode(vocab_iri("authority", signer.authority)))


def _instrument(b: _Builder, citation: Citation) -> NamedNode:
    node = NamedNode(instrument_iri(citation))
    b.add(node, A, _n(CCHC, "CitedInstrument"))
    if citation.number:
        b.add(node, _n(ELI, "id_local"), Literal(citation.number))
    b.text(node, _n(DCT, "title"), citation.title)
    b.text(node, _n(CCHC, "text"), citation.text)
    if citation.kind:
        b.add(node, _n(CCHC, "documentKind"), NamedNode(vocab_iri("doc-kind", citation.kind)))
    if citation.date:
        b.add(node, _n(ELI, "date_document"), Literal(citation.date.isoformat(), datatype=NamedNode(XSD + "date")))
    ended = in_force.listed(citation)
    if ended is not None:  # the shipped table: its last day and what replaced it
        b.add(node, _n(ELI, "date_no_longer_in_force"), Literal(ended.until.isoformat(), datatype=NamedNode(XSD + "date")))
        for number in ended.replaced_by:
            replacement = NamedNode(instrument_iri(Citation(number, number=number)))
            b.add(node, _n(DCT, "isReplacedBy"), replacement)
            b.add(replacement, _n(ELI, "id_local"), Literal(number))
        b.text(node, _n(DCT, "source"), ended.source)
    return node


def _provision(b: _Builder, provision: Provision, parent: NamedNode, doc: NamedNode) -> None:
    node = NamedNode(f"{doc.value}/{provision.eid}")
    # eli:LegalResourceSubdivision follows from the class (cchc:Provision ⊑ eli:…): not
    # repeated on every provision, which would add a tenth to the store for no answer.
    b.add(node, A, _n(CCHC, _KIND_CLASS.get(provision.kind, "Provision")))
    b.add(node, _n(ELI, "is_part_of"), parent)
    b.add(node, _n(CCHC, "eid"), Literal(provision.eid))
    b.add(node, _n(CCHC, "line"), _int(provision.span.line))
    if provision.number:
        b.add(node, _n(CCHC, "number"), Literal(provision.number))
    b.text(node, _n(CCHC, "heading"), provision.heading)
    b.text(node, _n(CCHC, "text"), provision.text)
    for child in provision.children:  # the order is the source's: cchc:line
        _provision(b, child, node, doc)


def _rule(b: _Builder, rule_id: str) -> NamedNode:
    """A rule of the duty grammar or the area model, as a PROV plan named by its id."""
    node = NamedNode(f"{RULE}{rule_id}")
    if rule_id not in b.described:  # once per document, however many facts it produced
        b.described.add(rule_id)
        b.add(node, A, _n(CCHC, "ExtractionRule"))
        b.add(node, _n(RDFS, "label"), Literal(rule_id))
    return node


def _fact(b: _Builder, node: NamedNode, cls: str, doc: NamedNode, eid: str, text: str, span: Span | None = None) -> None:
    b.add(node, A, _n(CCHC, cls))
    # PROV: cchc:provision is a sub-property of prov:wasDerivedFrom in the ontology, so the
    # fact's derivation from its provision is said once, not twice per fact.
    b.add(node, _n(CCHC, "provision"), NamedNode(f"{doc.value}/{eid}") if eid else doc)
    b.text(node, _n(CCHC, "sourceText"), text)
    if span:  # character offsets in the source file's text: the answer's exact sentence
        b.add(node, _n(CCHC, "spanStart"), _int(span.start))
        b.add(node, _n(CCHC, "spanEnd"), _int(span.end))


def _facts(b: _Builder, doc: ParsedDocument, iri: NamedNode, facts: Facts) -> None:
    agencies: dict[str, NamedNode] = {}
    unit = effective_metadata(doc).unit
    canonical = {agency_key(alias): known.name for known in facts.agencies for alias in (known.name, *known.aliases)}

    def agency(name: str | None) -> NamedNode | None:
        if not name:
            return None
        name = canonical.get(agency_key(name), name)  # one node per real agency
        key = agency_key(name)
        # Keyed like the facts are: a body written "Ban Chỉ đạo" in a membership and "BCĐ"
        # in its meeting rule is one node, named by its first spelling.
        if key not in agencies:
            agencies[key] = node = NamedNode(agency_iri(name, unit))
            b.add(node, A, _n(CCHC, "Agency"))
            b.add(node, _n(SKOS, "prefLabel"), _vi(name))
        return agencies[key]

    for known in facts.agencies:
        node = agency(known.name)
        b.add(node, _n(CCHC, "hasFunction"), NamedNode(vocab_iri("function", known.function)))
        for alias in known.aliases:
            b.add(node, _n(SKOS, "altLabel"), _vi(alias))
        if known.head_of:
            b.add(node, _n(CCHC, "heldByHeadOf"), agency(known.head_of))
    for n, row in enumerate(facts.assignments):
        node = NamedNode(f"{iri.value}/assignment_{n + 1}")
        _fact(b, node, "Assignment", iri, row.provision, row.text, row.span)
        b.add(node, _n(CCHC, "agent"), agency(row.agency))
        b.add(node, _n(CCHC, "mode"), NamedNode(vocab_iri("mode", row.mode)))
        b.add(node, _n(CCHC, "area"), NamedNode(vocab_iri("area", row.area)))
        b.text(node, _n(CCHC, "deadline"), row.deadline)
        for rule_id in filter(None, row.rule.split("+")):
            b.add(node, _n(CCHC, "extractedBy"), _rule(b, rule_id))
        if row.area_rule:
            b.add(node, _n(CCHC, "areaDecidedBy"), _rule(b, row.area_rule))
        if row.area_score is not None:
            b.add(node, _n(CCHC, "areaScore"), Literal(f"{row.area_score:.3f}", datatype=NamedNode(XSD + "decimal")))
    for n, member in enumerate(facts.members):
        seat, body = agency(member.agency), agency(member.body)
        b.add(seat, _n(ORG, "memberOf"), body)  # the short form queries use
        # The n-ary form (W3C ORG) says where the membership is written, like every fact.
        node = NamedNode(f"{iri.value}/membership_{n + 1}")
        b.add(node, A, _n(ORG, "Membership"))
        b.add(node, _n(ORG, "member"), seat)
        b.add(node, _n(ORG, "organization"), body)
        b.add(node, _n(CCHC, "provision"), NamedNode(f"{iri.value}/{member.provision}") if member.provision else iri)
        b.text(node, _n(CCHC, "sourceText"), member.text)
        if member.span:
            b.add(node, _n(CCHC, "spanStart"), _int(member.span.start))
            b.add(node, _n(CCHC, "spanEnd"), _int(member.span.end))
    for n, meeting in enumerate(facts.meetings):
        node = NamedNode(f"{iri.value}/meeting_{n + 1}")
        _fact(b, node, "MeetingRegime", iri, meeting.provision, meeting.text, meeting.span)
        b.add(node, _n(CCHC, "body"), agency(meeting.body))
        if meeting.per_year:
            b.add(node, _n(CCHC, "meetingsPerYear"), _decimal(meeting.per_year))
        if meeting.ad_hoc:
            b.add(node, _n(CCHC, "adHoc"), Literal("true", datatype=NamedNode(XSD + "boolean")))
        if meeting.notice_days is not None:
            b.add(node, _n(CCHC, "noticeDays"), _int(meeting.notice_days))
    for n, duty in enumerate(facts.reporting):
        node = NamedNode(f"{iri.value}/report_{n + 1}")
        _fact(b, node, "ReportingObligation", iri, duty.provision, duty.text, duty.span)
        b.add(node, _n(CCHC, "reporter"), agency(duty.reporter))
        b.add(node, _n(CCHC, "reportsTo"), agency(duty.recipient))
        if duty.period:
            b.add(node, _n(CCHC, "period"), NamedNode(vocab_iri("period", duty.period)))
        b.text(node, _n(CCHC, "deadlineRule"), duty.deadline_rule)
        b.text(node, _n(CCHC, "channel"), duty.channel)
        if duty.deadline_day:
            b.add(node, _n(CCHC, "deadlineDay"), _int(duty.deadline_day))
        if duty.deadline_month_in_period:
            b.add(node, _n(CCHC, "deadlineMonthInPeriod"), _int(duty.deadline_month_in_period))
    for n, rule in enumerate(facts.ratings):
        node = NamedNode(f"{iri.value}/rating_{n + 1}")
        _fact(b, node, "RatingRule", iri, rule.provision, rule.text, rule.span)
        b.text(node, _n(CCHC, "grade"), rule.grade)
        if rule.min_percent is not None:
            b.add(node, _n(CCHC, "minPercent"), _decimal(rule.min_percent))
        if rule.max_percent is not None:
            b.add(node, _n(CCHC, "maxPercent"), _decimal(rule.max_percent))
    for n, task in enumerate(facts.tasks):
        node = NamedNode(f"{iri.value}/task_{n + 1}")
        _fact(b, node, "PlanTask", iri, task.provision, task.content, task.span)
        b.text(node, _n(CCHC, "taskText"), task.content)
        b.add(node, _n(CCHC, "lead"), agency(task.lead))
        for partner in task.coordinators:
            b.add(node, _n(CCHC, "coordinator"), agency(partner))
        b.text(node, _n(CCHC, "timeframe"), task.timeframe)
        b.text(node, _n(CCHC, "output"), task.output)
        if task.area:
            b.add(node, _n(CCHC, "area"), NamedNode(vocab_iri("area", task.area)))

