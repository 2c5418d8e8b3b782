"""ParsedDocument → Facts: who leads or coordinates which reform area, and how often bodies meet.

The document is cut into duty units (``duties``: one duty each, with the agencies its
headings, lead-ins and labels give it), each unit's roles come from the clause grammar
(``roles``), and each duty's area from the learned model (``area_model``), a strong cue
of the SKOS lexicon, or the headings when the duty is silent. Task tables add their rows
(``tasks``). Rows are unique per (agency, mode, area), as the cchc-facts/1 contract counts
them; each keeps the rules that made it and its source span.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache

from cchc.graph.agencies import agency_key, find_mentions, head_at, held_agency
from cchc.graph.area_model import DocumentStats, predict_areas
from cchc.graph.areas import GENERIC, area_of_opening, area_scores, classify
from cchc.graph.duties import duty_units, heading_subjects, strip_prefix
from cchc.graph.functions import function_of
from cchc.graph.literals import may_hold
from cchc.graph.model import (
    Agency,
    Assignment,
    Facts,
    Meeting,
    Membership,
    ParsedDocument,
    PlanTask,
    Provision,
    RatingRule,
    ReportingObligation,
    Span,
)
from cchc.graph.normalize import match_key
from cchc.graph.ratings import rating_rules
from cchc.graph.reporting import reporting_obligations
from cchc.graph.roles import Carry, roles
from cchc.graph.rules import rule
from cchc.graph.tasks import plan_tasks, step_area
from cchc.resources import read_text


@dataclass(frozen=True)
class _Cues:
    """The cues of facts other than assignments (meetings, field lists); the grammar of
    duties is ``data/duty_rules.jsonl``."""

    phoi_hop: re.Pattern[str]
    list_lead: re.Pattern[str]
    meeting: re.Pattern[str]
    field_list: re.Pattern[str]
    meeting_counts: tuple[tuple[re.Pattern[str], str | int], ...]


@cache
def cues() -> _Cues:
    raw = json.loads(read_text("cchc.graph", "data/extraction.json"))

    def c(key: str) -> re.Pattern[str]:
        return re.compile(raw[key], re.IGNORECASE)

    return _Cues(
        c("mode_phoi_hop"), c("list_lead"), c("meeting"), c("field_list"),
        tuple((re.compile(k, re.IGNORECASE), v) for k, v in raw["meeting_counts"].items()),
    )


def _member_of(line: str) -> str | None:
    """The body a member heading names ("Thành viên Ban Chỉ đạo - …" → "Ban Chỉ đạo")."""
    if "thành viên" not in line.lower():  # most provisions: no need to strip a prefix
        return None
    member = rule("seg.heading.member").match(strip_prefix(line)[0])
    if not member:
        return None
    body = member.group(2)
    return body[:1].upper() + body[1:]


def locate(source_text: str, near: Span, text: str) -> Span:
    """The exact span of ``text`` in the source, searched from its provision's start.

    The parser's text is cleaned (Markdown marks, doubled spaces, footnote marks removed), so
    the search uses the first words, which survive cleaning; failing that the provision's
    span stands.
    """
    probe = " ".join(text.split()[:6])
    at = source_text.find(probe, near.start) if probe else -1
    if at < 0:
        return near
    # Lines counted from the provision's own line, not from the top of a long file.
    line = near.line + source_text.count("\n", near.start, at) if near.line else source_text.count("\n", 0, at) + 1
    end = source_text.find("\n", at)
    return Span(at, end if end >= 0 else len(source_text), line)


class _Collector:
    """Unique (agency, mode, area) rows, remembering every line that supports each."""

    def __init__(self, source_text: str = "") -> None:
        self.source_text = source_text
        self.rows: dict[tuple[str, str, str], Assignment] = {}
        self.prefix = ""  # "att_1/" while walking the first attached text
        self.aliases: dict[str, list[str]] = {}  # agency key → titled spellings seen
        self.support: dict[tuple[str, str, str], set[tuple[str, str]]] = {}  # (line key, provision)
        self.members: dict[tuple[str, str], Membership] = {}

    def member(self, body: str, agency: str, provision: Provision, text: str) -> None:
        name = held_agency(agency) or agency
        self.members.setdefault((agency_key(body), agency_key(name)), Membership(body, name, self.prefix + provision.eid, text))

    def add(
        self, agency: str, mode: str, area: str, provision: Provision, text: str, rule: str = "", area_rule: str = "", area_score: float | None = None
    ) -> None:
        held = held_agency(agency)
        if held:  # the post's duties are its agency's; the spelling stays an alias
            self.aliases.setdefault(agency_key(held), []).append(agency)
            agency = held
        if head_at(agency) == agency:  # "Giám đốc Sở, Thủ trưởng cơ quan": no one agency
            return
        key = (agency_key(agency), mode, area)
        if key not in self.rows:
            span = locate(self.source_text, provision.span, text)
            self.rows[key] = Assignment(agency, mode, area, self.prefix + provision.eid, text, span, rule=rule, area_rule=area_rule, area_score=area_score)
        self.support.setdefault(key, set()).add((match_key(text), self.prefix + provision.eid))

    def assignments(self) -> tuple[Assignment, ...]:
        """Drop lead rows that only a boilerplate line supports: many agencies may coordinate
        on one duty, but a duty "led" word for word by three or more agencies in three or
        more provisions ("Tổ chức tuyên truyền … thuộc chức năng của đơn vị" under each
        agency's article) is a template, not a division of work. Co-leads named together
        by one heading ("Các cơ quan đăng ký đầu tư (Sở A, Ban B, Ban C):") share a duty."""
        provisions_per_line: dict[str, set[str]] = {}
        for (_, mode, _), supports in self.support.items():
            if mode != "chu_tri":
                continue
            for line, provision in supports:
                provisions_per_line.setdefault(line, set()).add(provision)
        boilerplate = {line for line, provisions in provisions_per_line.items() if len(provisions) >= 3}
        return tuple(
            row for key, row in self.rows.items()
            if row.mode != "chu_tri" or {line for line, _ in self.support[key]} - boilerplate
        )


def _area(text: str, context: str, mode: str, topic: Callable[[str], bool] | None = None, scores: dict[str, float] | None = None) -> str:
    """Scoring or appraising an index *component* ("Chỉ số thành phần cải cách tài chính
    công") belongs to that component's field; the index area is for the index as a whole.
    ``scores``: the text's cue scores when the caller has them already."""
    if scores is None:
        scores = area_scores(text, topic)
    component = mode == "tham_dinh" or re.search(r"\bchỉ số thành phần\b|\btiêu chí\b|\bchỉ số cải cách (?!hành chính)", text, re.IGNORECASE)
    if component and "danh_gia_chi_so" in scores:
        specific = {a: v for a, v in scores.items() if a not in ("danh_gia_chi_so", GENERIC)}
        if specific:
            return max(sorted(specific), key=specific.__getitem__)
    head = _LOCATIVE.split(text, maxsplit=1)[0]
    if head != text and {a for a in area_scores(head, topic) if a != GENERIC}:
        return classify(head, context, topic)  # "… thủ tục hành chính trong các văn bản quy phạm": the object's field
    return max(sorted(scores), key=scores.__getitem__) if scores else classify("", context)


_LOCATIVE = re.compile(r"\s+(?:trong|tại|thuộc)\s+(?:các\s+|những\s+)?(?=\w)", re.IGNORECASE)


def _listed_fields(line: str) -> list[str]:
    """An enumeration of fields ("… trong lĩnh vực: cải cách thể chế …; xử lý hồ sơ thủ
    tục hành chính …"), where each of a few listed fields is a duty; [] otherwise."""
    fields = cues().field_list.search(line)
    if not fields:
        return []
    areas = []
    listed = fields.group(1)
    # Items end at ";" when the list has any: then a comma joins the words of one item
    # ("kiểm tra, báo cáo định kỳ …; cung cấp …").
    for part in re.split(r";|\bvà\b" if ";" in listed else r"[;,]|\bvà\b", listed):
        opening = area_of_opening(part)  # "tuyên truyền văn bản quy phạm pháp luật": its verb's field
        scores = {a: v for a, v in area_scores(part).items() if a != GENERIC}
        if opening or scores:
            areas.append(opening or max(sorted(scores), key=scores.__getitem__))
    # Two or three fields are a split; listing more is general coordination.
    if len(set(areas)) > 3:
        return [GENERIC]
    return sorted(set(areas)) if len(set(areas)) > 1 else []


def _memberships(provision: Provision, out: _Collector) -> None:
    """Steering-body seats named by member headings ("Thành viên Ban Chỉ đạo - Trưởng
    Phòng Nội vụ") or lead-in lines: the seat's agency, read as a heading's subject."""
    heading = provision.heading
    first_line = provision.text.partition("\n")[0]
    line = heading or (first_line if len(first_line.split()) <= 24 else "")
    body = line and _member_of(line)
    if body:
        found = heading_subjects(line)
        for subject in found[0] if found else ():
            out.member(body, subject.name, provision, line)
    for child in provision.children:
        _memberships(child, out)


CUE_TRUSTED = 2.0  # a multi-word cue of the SKOS lexicon is trusted over the model
AREA_MODEL_FLOOR = 0.25  # below this the model has no reading of its own: the cues decide


def _decide_areas(duty: str, context: str, mode: str, stats: DocumentStats, title: str = "") -> list[tuple[str, str, float | None]]:
    """The reform areas of one duty (a clause or a task row) and how each was decided: an
    enumeration of fields ("… các lĩnh vực: …") gives each; otherwise the learned model
    reads the duty's own words, and the cue count (with the headings) decides when the
    model is unsure."""
    fields = _listed_fields(duty)
    if fields:
        return [(area, "area.field_list", None) for area in fields]
    text = duty
    if mode == "giam_sat":  # the verb is the mode, not a sign of the inspection field
        text = re.sub(r"\b(?:giám sát|phản biện)\b", " ", text, flags=re.IGNORECASE)
    # A cue made of the document's topic words ("chuyển đổi số" in every duty of a digital
    # plan) is no evidence for this duty.
    is_topic = stats.topic.__contains__
    scores = area_scores(text, is_topic)
    cues_found = [v for a, v in scores.items() if a != GENERIC]
    if cues_found and max(cues_found) >= CUE_TRUSTED:
        return [(_area(text, context, mode, is_topic, scores), "area.cue", None)]
    predicted = predict_areas(text, context, stats, title)
    if predicted[0][1] < AREA_MODEL_FLOOR:
        return [(_area(text, context, mode), "area.cue", None)]
    return [(area, "area.model", score) for area, score in predicted]


def _read_duties(part: ParsedDocument, out: _Collector) -> None:
    carry = Carry()
    provision = None
    units = list(duty_units(part, out.prefix))
    stats = DocumentStats.from_texts(unit.text for unit in units)
    title = part.metadata.title or ""
    for unit in units:
        if unit.provision is not provision:
            carry, provision = Carry(), unit.provision
        found, carry = roles(unit, carry)
        if not found:
            continue
        decided: dict[tuple[bool, bool], list[tuple[str, str, float | None]]] = {}
        for role in found:
            # "Cơ quan chủ trì: X" names no topic: the item it closes does. The area is
            # decided once per unit, not once per agency the unit names.
            labelled = role.rule.startswith("role.label")
            key = (labelled, role.mode == "giam_sat")
            if key not in decided:
                decided[key] = (
                    [(classify(unit.context, unit.text), "area.cue.context", None)]
                    if labelled
                    else _decide_areas(unit.text, unit.context, role.mode, stats, title)
                )
            for area, area_rule, score in decided[key]:
                out.add(role.agency, role.mode, area, unit.provision, unit.whole, role.rule, area_rule, score)


def _per_year(text: str) -> float | None:
    for pattern, value in cues().meeting_counts:
        match = pattern.search(text)
        if match:
            return float(match.group(1)) if value == "n" else float(value)
    return None


def _subtree_text(provision: Provision) -> str:
    return "\n".join(p.text for p in provision.walk())


def _lead_of(provision: Provision | None) -> str | None:
    """Who a plan item or article is about: its named lead, else the first agency it names."""
    if provision is None:
        return None
    text = _subtree_text(provision)
    lead = cues().list_lead.search(text)
    named = find_mentions(lead.group(1) if lead else f"{provision.heading}\n{provision.text}")
    return named[0].name if named else None


def _meetings(doc: ParsedDocument, prefix: str) -> list[Meeting]:
    found: dict[tuple[str, float], Meeting] = {}

    def visit(provision: Provision, parent: Provision | None) -> None:
        # A provision that never says "họp" holds no meeting rule: most are not split.
        for sentence in provision.sentences() if may_hold(cues().meeting, provision.text, provision.lowered) else ():
            match = cues().meeting.search(sentence)
            per_year = _per_year(sentence[match.start() :]) if match else None
            if match is None or per_year is None:
                continue
            before = find_mentions(sentence[: match.start()])
            # "Ban Chỉ đạo họp …", else "cuộc họp … của Ban điều hành", else whoever the
            # enclosing item is about; a meeting nobody is named for is not recorded.
            named = before[-1:] or find_mentions(sentence[match.start() :])[:1]
            body = named[0].name if named else (_lead_of(provision) or _lead_of(parent))
            if not body:
                continue
            key = (agency_key(body), per_year)
            if key not in found:
                found[key] = Meeting(body, per_year, "đột xuất" in sentence, None, prefix + provision.eid, sentence)
        for child in provision.children:
            visit(child, provision)

    for top in doc.body:
        visit(top, None)
    return list(found.values())


def extract_facts(doc: ParsedDocument) -> Facts:
    out = _Collector(doc.source.text)
    meetings: list[Meeting] = []
    reporting: list[ReportingObligation] = []
    ratings: list[RatingRule] = []
    tasks: list[PlanTask] = []
    for number, part in enumerate((doc, *doc.attachments)):
        out.prefix = f"att_{number}/" if number else ""
        for top in part.body:
            _memberships(top, out)
        _read_duties(part, out)
        meetings.extend(_meetings(part, out.prefix))
        reporting.extend(reporting_obligations(part, out.prefix))
        ratings.extend(rating_rules(part, out.prefix))
        found_tasks = plan_tasks(part, out.prefix)
        task_stats = DocumentStats.from_texts(task.content for task in found_tasks)
        for task in found_tasks:
            decided: list[tuple[str, str, float | None]] = (
                [(step_area(), "area.procedure_step", None)] if task.step else _decide_areas(task.content, "", "chu_tri", task_stats, part.metadata.title or "")
            )
            task = replace(task, area=decided[0][0])
            tasks.append(task)
            _task_assignments(task, decided, out)
    assignments = out.assignments()
    located = _locator(doc)
    meetings = [replace(m, span=located(m.provision, m.text)) for m in meetings]
    reporting = [replace(r, span=located(r.provision, r.text)) for r in reporting]
    ratings = [replace(r, span=located(r.provision, r.text)) for r in ratings]
    tasks = [replace(t, span=located(t.provision, t.content)) for t in tasks]
    members = [replace(m, span=located(m.provision, m.text)) for m in out.members.values()]
    return Facts(
        agencies=_agencies(assignments, out.aliases),
        assignments=assignments,
        meetings=tuple(meetings),
        reporting=tuple(reporting),
        ratings=tuple(ratings),
        tasks=tuple(tasks),
        members=tuple(members),
    )


def _locator(doc: ParsedDocument):
    """``(provision eid, text) → Span`` over the whole source: every fact can be traced to
    its characters, not only to its provision."""
    provisions: dict[str, Provision] = {}
    for number, part in enumerate((doc, *doc.attachments)):
        prefix = f"att_{number}/" if number else ""
        for provision in part.provisions():
            provisions[prefix + provision.eid] = provision
    source = doc.source.text

    def located(eid: str, text: str) -> Span | None:
        provision = provisions.get(eid)
        near = provision.span if provision else Span(0, 0, 0)
        span = locate(source, near, text)
        return span if span.end > span.start else None

    return located


def _task_assignments(task: PlanTask, areas: list[tuple[str, str, float | None]], out: _Collector) -> None:
    """A task row names its lead and its coordinators: the same roles as a sentence would."""
    row = Provision("row", "", "", task.content, task.provision.split("/")[-1], Span(0, 0, 0))
    leads = [m.name for lead in task.leads or ((task.lead,) if task.lead else ()) for m in find_mentions(lead)[:1]]
    lead_rule = "table.lead"
    # "B2 | Phòng Quản lý X thụ lý hồ sơ | Lãnh đạo Phòng chuyên môn …": the row's own
    # subject beats its lead cell, as a sentence's subject beats its heading.
    subject = next(iter(find_mentions(task.content)[:1]), None)
    if subject and subject.start == 0 and subject.kind == "agency" and subject.name not in leads:
        following = task.content[subject.end :]
        if not rule("role.not_subject").match(following) and not following.lstrip().startswith((",", ";", ":")):
            leads, lead_rule = [subject.name], "table.row_subject"
    for area, area_rule, score in areas:
        for lead in leads:
            out.add(lead, "chu_tri", area, row, task.content, lead_rule, area_rule, score)
        for partner in task.coordinators:
            for mention in find_mentions(partner)[:1]:
                out.add(mention.name, "phoi_hop", area, row, task.content, "table.partner", area_rule, score)


def _agencies(assignments: tuple[Assignment, ...], titled: dict[str, list[str]]) -> tuple[Agency, ...]:
    """One entity per real agency: its spellings and its head's titles become aliases."""
    names: dict[str, list[str]] = {}
    for row in assignments:
        spellings = names.setdefault(agency_key(row.agency), [])
        if row.agency not in spellings:
            spellings.append(row.agency)
    for key, spellings in names.items():
        spellings.extend(t for t in dict.fromkeys(titled.get(key, [])) if t not in spellings)
    return tuple(Agency(s[0], function_of(s[0]), aliases=tuple(s[1:])) for s in names.values())
