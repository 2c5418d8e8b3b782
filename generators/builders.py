"""One builder per kind: profile + content + template → document model.

A builder prepares a plain context (strings and lists, nothing a sandboxed template could
misuse), renders the kind's outline template and wraps the result in the NĐ 30/2020
frame: header, number, place and date, căn cứ, Nơi nhận and signature. A Quy chế or
Quy định is built first and then its promulgating Quyết định, which names it. The duties
actually written are returned with the documents: they are what the draft is "made
from" for the side report and the round-trip check.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cchc.generators.content import AREA_ORDER, Content, Duty, MeetingRule, ReportingRule, join_agencies
from cchc.generators.document_model import Article, Chapter, Document, Header, Item, Section, Signature, Table, markers, to_complete

# Kind and KINDS live in a module of their own, so ``cchc draft --help`` can list the kinds
# without loading the builders; the rest of the code keeps taking them from here.
from cchc.generators.draft_kinds import KINDS, Kind
from cchc.generators.errors import DraftError
from cchc.generators.legal_bases import kind_bases
from cchc.generators.model_outline import follow
from cchc.generators.outline import Outline, parse_outline
from cchc.generators.profile import Agency, Member, Profile, Rating
from cchc.generators.templating import render
from cchc.generators.vietnamese import BLANK, end_with, long_date, lower_first
from cchc.generators.vocab import areas
from cchc.graph.agencies import held_agency

TASK_HEADER = ["STT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian", "Sản phẩm"]
NO_PARTNER = "Các cơ quan, đơn vị có liên quan"
TASK_WIDTHS = [1.3, 4.9, 2.8, 2.9, 2.3, 2.3]  # cm: the 16.5 cm text width; "STT" and "12/2026" fit on one line at 13 pt


@dataclass
class Draft:
    """The documents of one draft and exactly what they were made from."""

    kind: str
    documents: list[Document]  # one file's text (a decision with its attachment), or a pair
    content: Content
    duties: list[Duty] = field(default_factory=list)  # written in the text
    omitted: list[Duty] = field(default_factory=list)  # in the content, not for this kind of text
    meetings: list[MeetingRule] = field(default_factory=list)
    reports: list[ReportingRule] = field(default_factory=list)
    ratings: list[tuple[str, float | None, float | None]] = field(default_factory=list)
    templates: list[str] = field(default_factory=list)

    @property
    def to_complete(self) -> list[str]:
        """The "[cần bổ sung: …]" left in the text, in order."""
        return [marker for document in self.documents for text in document.texts() for marker in markers(text)]


def kind_of(slug: str) -> Kind:
    if slug not in KINDS:
        raise DraftError(f"loại văn bản không biết: {slug!r}; chọn một trong: {', '.join(KINDS)}")
    return KINDS[slug]


# --- seats and agencies -----------------------------------------------------------------


def seat_label(agency: Agency) -> str:
    """The head's post when it names the agency unambiguously ("Trưởng Phòng Kinh tế"), else
    "Lãnh đạo <agency>": either way the extractor reads the seat's duties as the agency's."""
    return agency.head if held_agency(agency.head) == agency.name else f"Lãnh đạo {agency.name}"


def _is_front(agency: Agency | None) -> bool:
    """The Mặt trận: asked by a state text ("Đề nghị …"), never bound by it."""
    return agency is not None and "mat_tran" in agency.functions


def _seat(heading: str, duties: list[Duty], used: list[Duty]) -> dict[str, Any]:
    """A seat and its duties; one with none says so in the text, where the drafter must
    write them, rather than vanish or get a stock sentence."""
    used.extend(duties)
    sources = list(dict.fromkeys(s for d in duties for s in d.sources))
    texts = [d.text for d in duties] or [to_complete(f"nhiệm vụ của {heading}")]
    return {"heading": heading, "label": heading, "duties": texts, "sources": sources}


def _member_name(member: Member) -> str:
    return member.agency.name if member.agency else (held_agency(member.post) or member.post)


def _bcd_context(profile: Profile, content: Content, used: list[Duty]) -> dict[str, Any]:
    body = profile.steering
    seats = [_seat(f"Trưởng {body.short} - {body.head}", content.of(body.head), used)]
    seated = {body.head, body.working_group}
    for deputy in body.deputies:
        name = _member_name(deputy)
        seated.add(name)
        label = seat_label(deputy.agency) if deputy.agency else deputy.post
        standing = " thường trực" if deputy.standing else ""
        seats.append(_seat(f"Phó Trưởng {body.short}{standing} - {label}", content.of(name), used))
    members = []
    for member in body.members:
        name = _member_name(member)
        seated.add(name)
        members.append(_seat(seat_label(member.agency) if member.agency else member.post, content.of(name), used))
    others = [
        _seat(agency, content.of(agency), used)
        for agency in content.agencies()
        if agency not in seated
    ]
    return {
        "seats": seats,
        "members": members,
        "others": others,
        "working_group": _seat(body.working_group, content.of(body.working_group), used) | {"name": body.working_group},
    }


def _area_label(area: str) -> str:
    return lower_first(areas().get(area, area)).replace("chính phủ", "Chính phủ").replace("Chính phủ điện tử, chính phủ", "Chính phủ điện tử, Chính phủ")


def _phoi_hop_context(profile: Profile, content: Content, used: list[Duty]) -> dict[str, Any]:
    listed = [d for d in content.duties if d.agency != profile.steering.working_group and not d.role]
    blocks = []
    for area in AREA_ORDER:
        leads = [d for d in listed if d.area == area and d.mode == "chu_tri"]
        partners = [d for d in listed if d.area == area and d.mode == "phoi_hop"]
        if not leads:
            continue  # coordination without a lead has nobody to coordinate with
        lines = []
        for lead in leads:
            partner_names = [p.agency for p in partners if p.agency != lead.agency]
            with_whom = f", phối hợp với {join_agencies(partner_names)}" if partner_names else ""
            lines.append(f"{lead.agency} chủ trì{with_whom} {content.phrases['areas'][area]['lead']}.")
        if partners:
            listed_names = join_agencies([p.agency for p in partners])
            lines.append(f"{listed_names} phối hợp với cơ quan chủ trì {content.phrases['areas'][area]['partner']}.")
        used.extend(leads + partners)
        sources = list(dict.fromkeys(s for d in leads + partners for s in d.sources))
        blocks.append({"area": area, "label": _area_label(area), "lines": lines, "sources": sources})
    overseers = []
    for agency in dict.fromkeys(d.agency for d in listed if d.mode in ("tham_dinh", "giam_sat")):
        duties = [d for d in listed if d.agency == agency and d.mode in ("tham_dinh", "giam_sat")]
        record = profile.agency(agency)
        if _is_front(record):  # "Đề nghị Ủy ban Mặt trận … giám sát …"
            seat = _seat(agency, duties, used)
            seat["title"] = f"Phối hợp với {agency}"
            seat["duties"] = [f"Đề nghị {agency} {lower_first(text)}" for text in seat["duties"]]
        else:
            seat = _seat(record.head if record and held_agency(record.head) == agency else agency, duties, used)
            seat["title"] = f"Trách nhiệm của {seat['heading']}"
        overseers.append(seat)
    return {"areas": blocks, "overseers": overseers}


def _rating_lines(ratings: tuple[Rating, ...]) -> tuple[list[str], list[tuple[str, float | None, float | None]]]:
    """Contiguous ranges by construction: each grade runs from its threshold up to the one above."""
    def pct(value: float) -> str:
        return (f"{value:.1f}".rstrip("0").rstrip(".")).replace(".", ",") + "%"

    lines, rules = [], []
    above: float | None = None
    for rating in ratings:
        subject = "Chỉ số cải cách hành chính của cơ quan, đơn vị"
        if rating.min_percent is not None and above is None:
            lines.append(f"{rating.grade}: {subject} đạt từ {pct(rating.min_percent)} trở lên.")
        elif rating.min_percent is not None and above is not None:
            lines.append(f"{rating.grade}: {subject} đạt từ {pct(rating.min_percent)} đến dưới {pct(above)}.")
        else:
            assert above is not None, "a grade without a threshold follows one with it (the profile checks so)"
            lines.append(f"{rating.grade}: {subject} dưới {pct(above)}.")
        rules.append((rating.grade, rating.min_percent, above))
        above = rating.min_percent
    return lines, rules


def _nguoi_dung_dau_context(profile: Profile, content: Content, used: list[Duty]) -> dict[str, Any]:
    heads = []
    named = {p for d in content.duties for p in d.partners}
    for agency in content.agencies():
        record = profile.agency(agency)
        if agency == profile.steering.working_group:
            continue
        if _is_front(record):
            # A Quy định on heads does not bind the Mặt trận: it is written only where a
            # head's duty names it as a partner.
            used.extend(d for d in content.of(agency) if d.mode == "phoi_hop" and agency in named)
            continue
        duties = [d for d in content.of(agency) if not d.role]
        if not duties:
            continue
        heading = record.head if record and held_agency(record.head) == agency else agency
        heads.append(_seat(heading, duties, used))
    lines, _ = _rating_lines(profile.ratings)
    phrases = content.phrases["areas"]
    # What every head answers for in each area, before the named heads' own duties: the
    # area's solutions as things the head directs.
    by_area = [
        {"label": _area_label(a), "duties": [f"Chỉ đạo {lower_first(str(s))}" for s in phrases[a].get("solutions") or []]}
        for a in AREA_ORDER if a in phrases
    ]
    return {"heads": heads, "ratings": lines, "by_area": [a for a in by_area if a["duties"]]}


def _task_table(profile: Profile, content: Content, used: list[Duty]) -> tuple[Table, list[str]]:
    agencies = {a.name for a in profile.agencies}
    listed = [d for d in content.duties if d.agency in agencies and not d.role and d.mode in ("chu_tri", "phoi_hop")]
    rows: list[list[str]] = []
    sources: list[str] = []
    for area in AREA_ORDER:
        leads = [d for d in listed if d.area == area and d.mode == "chu_tri"]
        partners = [d for d in listed if d.area == area and d.mode == "phoi_hop"]
        if not leads:
            continue
        phrases = content.phrases["areas"][area]
        variants = content.phrases.get("task_variants") or [""]
        for index, lead in enumerate(leads):
            names = [p.agency for p in partners if p.agency != lead.agency]
            task = phrases["task"] + str(variants[index % len(variants)] or "")
            partners_cell = "; ".join(names) or NO_PARTNER  # an empty cell would shift the columns when read back
            rows.append([str(len(rows) + 1), task, lead.agency, partners_cell, phrases["time"], phrases["product"]])
            for more in phrases.get("more_tasks") or [] if index == 0 else []:
                rows.append([str(len(rows) + 1), str(more["task"]), lead.agency, partners_cell, str(more["time"]), str(more["product"])])
        lead_names = {lead.agency for lead in leads}
        listed_partners = [p for p in partners if p.agency not in lead_names or len(lead_names) > 1]
        used.extend(leads + listed_partners)  # a lead is not its own partner
        sources.extend(s for d in leads + listed_partners for s in d.sources)
    return Table(list(TASK_HEADER), rows, list(TASK_WIDTHS)), list(dict.fromkeys(sources))


# --- the NĐ 30 frame ---------------------------------------------------------------------


def _signature(profile: Profile) -> Signature:
    signer = profile.signer
    authority = f"{signer.authority}. {signer.on_behalf_of.upper()}" if signer.authority else ""
    deputy_for = ""
    if signer.authority == "TM" and signer.title.lower().startswith("phó "):
        # A deputy signing for the collective: TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH.
        deputy_for = f"KT. {signer.title[4:].upper()}"
    return Signature(authority, signer.title.upper(), signer.name, deputy_for)


def _decider(profile: Profile) -> str:
    """Who decides: the committee as a body (TM.) or its chair."""
    return profile.issuer if profile.signer.authority == "TM" else f"Chủ tịch {profile.issuer}"


def _header(profile: Profile, kind: Kind, show_number: bool = True) -> Header:
    return Header(
        issuer=profile.issuer,
        superior=profile.issuer_superior,
        number=profile.number,
        code=f"{kind.code}-{profile.issuer_code}",
        place=profile.place,
        date=profile.date,
        year=profile.year,
        show_number=show_number,
    )


def _store_line(profile: Profile) -> str:
    standing = profile.steering.standing
    short = standing.short if standing and standing.short else ""
    return f"Lưu: VT{', ' + short if short else ''}."


def _recipients(outline: Outline, profile: Profile) -> list[str]:
    items = [end_with(r, ";") for r in outline.front.get("recipient", []) if r]
    return items + [_store_line(profile)]


def _bases(items: list[str]) -> list[str]:
    """Each căn cứ on its own line ending with ";", the last one with "."."""
    cleaned = [i for i in items if i.strip()]
    return [end_with(item, "." if n == len(cleaned) - 1 else ";") for n, item in enumerate(cleaned)]


def _common(profile: Profile) -> dict[str, Any]:
    body = profile.steering
    return {
        "unit": profile.unit,
        "unit_name": profile.unit_name,
        "level": profile.level,
        "province": profile.province,
        "committee": profile.committee,
        "issuer": profile.issuer,
        "year": profile.year,
        "place": profile.place,
        "recipients": list(profile.recipients),
        "bases": list(profile.legal_bases),
        "proposer": profile.proposer,
        "replaces": profile.replaces,
        "body": {
            "name": body.name, "short": body.short, "remit": body.remit, "head": body.head,
            "working_group": body.working_group, "standing": body.standing.name if body.standing else "",
            "decision": body.decision,
        },
    }


def _text(kind: Kind, profile: Profile, content: Content, override: Path | None, draft: Draft) -> Document:
    """A Quy chế, Quy định or Kế hoạch (the text itself, without its decision)."""
    used: list[Duty] = []
    context = _common(profile) | {"bases": kind_bases(profile, kind.slug)}
    tables: dict[str, Table] = {}
    if kind.slug == "quy-che-bcd":
        context |= _bcd_context(profile, content, used)
        context["meetings"] = [m.text for m in content.meetings]
        draft.meetings = list(content.meetings)
    elif kind.slug == "quy-che-phoi-hop":
        context |= _phoi_hop_context(profile, content, used)
    elif kind.slug == "quy-dinh-nguoi-dung-dau":
        context |= _nguoi_dung_dau_context(profile, content, used)
        draft.ratings = _rating_lines(profile.ratings)[1]
    elif kind.slug == "ke-hoach":
        table, sources = _task_table(profile, content, used)
        tables["tasks"] = table
        phrases = content.phrases["areas"]
        context |= {
            "areas": [{"label": areas().get(a, a), "solutions": list(phrases[a].get("solutions") or [])} for a in AREA_ORDER if a in phrases],
            "targets": list(content.phrases.get("targets") or []),
            "implementers": [f"{a.name};" for a in profile.agencies if a.name not in " ".join(profile.recipients)],
            "sources": sources,
        }
    context["reports"] = [r.text for r in content.reports]
    draft.reports = list(content.reports)
    text = render(kind.template, context, override=override)
    draft.templates.append(kind.template)
    outline = parse_outline(text, f"templates/{kind.template}", tables)
    draft.duties.extend(used)
    if content.layout is not None:
        outline.body, notes = follow(outline.body, content.layout, content.layout_place)
        content.notes.extend(notes)
    _close(outline.body)
    document = Document(
        kind_code=kind.code,
        kind_title=outline.one("kind", kind.title),
        title=outline.one("title"),
        header=_header(profile, kind, show_number=not kind.promulgated),
        bases=_bases(outline.front.get("basis", [])),
        preamble=outline.front.get("preamble", []) + outline.preamble,
        body=outline.body,
        recipients=_recipients(outline, profile) if not kind.promulgated else [],
        signature=_signature(profile),
        template=f"templates/{kind.template}",
    )
    if kind.promulgated:
        number = profile.number or BLANK
        code = _header(profile, KINDS["quyet-dinh"]).code
        document.promulgation = f"(Ban hành kèm theo Quyết định số {number}/{code} {long_date(profile.date, profile.year)} của {_decider(profile)})"
    return document


def _close(body: list[Chapter | Article | Section]) -> None:
    """A text ends with "./." after its last sentence (NĐ 30/2020, Phụ lục I)."""
    part = body[-1] if body else None
    while isinstance(part, Chapter):
        part = part.articles[-1] if part.articles else None
    blocks = [b for b in (part.blocks if part else []) if isinstance(b, Item)]
    if not blocks:
        return
    item = blocks[-1]
    while item.children:
        item = item.children[-1]
    if not item.text.endswith("./."):
        item.text = item.text.rstrip(" .;") + "./."


def _decision(attached: Document, attached_kind: Kind, profile: Profile, override: Path | None, draft: Draft) -> Document:
    kind = KINDS["quyet-dinh"]
    context = _common(profile) | {"bases": kind_bases(profile, attached_kind.slug)}
    name = f"{attached_kind.word} {lower_first(attached.title)}"
    executors = [a.head for a in profile.agencies if not _is_front(a)]
    if attached_kind.slug == "quy-che-bcd":
        executors.append(f"các thành viên {profile.steering.short}")
    context |= {
        "attached": {"name": name, "kind": attached_kind.word, "title": attached.title},
        "authority": _decider(profile).upper(),
        "executors": executors,
        "blank": BLANK,  # filled in by hand once the submission is numbered
        "numbered": bool(profile.number),
        "submission_code": "TTr-" + (profile.steering.standing.short if profile.steering.standing and profile.steering.standing.short else profile.issuer_code),
    }
    text = render(kind.template, context, override=override)
    draft.templates.append(kind.template)
    outline = parse_outline(text, f"templates/{kind.template}")
    decision = KINDS["quyet-dinh"]
    return Document(
        kind_code=decision.code,
        kind_title=outline.one("kind", decision.title),
        title=outline.one("title"),
        header=_header(profile, kind),
        authority=outline.one("authority"),
        bases=_bases(outline.front.get("basis", [])),
        decides=outline.one("decides", "QUYẾT ĐỊNH:"),
        preamble=outline.preamble,
        body=outline.body,
        recipients=_recipients(outline, profile),
        signature=_signature(profile),
        template=f"templates/{kind.template}",
    )


def build(slug: str, profile: Profile, content: Content, override: Path | None = None, pair: bool = False, attached_slug: str = "quy-che-bcd") -> Draft:
    """The documents of one ``cchc draft KIND``: a text, a decision with its text, or a pair."""
    kind = kind_of(slug)
    draft = Draft(slug, [], content)
    if kind.slug == "quyet-dinh":
        attached_kind = kind_of(attached_slug)
        if not attached_kind.promulgated:
            raise DraftError(f"{attached_slug} không ban hành kèm theo quyết định; chọn quy-che-bcd, quy-che-phoi-hop hoặc quy-dinh-nguoi-dung-dau")
        attached = _text(attached_kind, profile, content, override, Draft(attached_slug, [], content))
        draft.documents = [_decision(attached, attached_kind, profile, override, draft)]
    elif kind.promulgated:
        attached = _text(kind, profile, content, override, draft)
        decision = _decision(attached, kind, profile, override, draft)
        if pair:
            draft.documents = [decision, attached]
        else:
            decision.attachment = attached
            draft.documents = [decision]
    else:
        draft.documents = [_text(kind, profile, content, override, draft)]
    written = {id(d) for d in draft.duties}
    draft.omitted = [d for d in content.duties if id(d) not in written]
    return draft
