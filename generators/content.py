"""What a draft says about who does what: duties, meetings and reporting rules.

Duties are (agency, mode, area) with their wording and the sources they came from. They
come from three places, mapped onto the profile's agencies *by function*: the defaults of
``data/default_duties.yaml``, a reference unit's regulation in the graph (``--like``) or
what most units in the graph assign (``--consensus``). A duty whose function no agency of
the profile holds is kept in ``unmapped`` and reported, never silently dropped. The
steering body's own seats add the duties of their role. The same content is what the
round-trip check compares the extractor's reading of the draft against.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from cchc.generators.data_files import data
from cchc.generators.errors import TemplateError
from cchc.generators.profile import Profile, Report
from cchc.generators.templating import render
from cchc.generators.vietnamese import capitalize_first, join_names, lower_first, month_text
from cchc.generators.vocab import areas

AREA_ORDER = tuple(areas())
MODE_ORDER = ("chu_tri", "phoi_hop", "tham_dinh", "giam_sat")
ROLE_SOURCE = "hồ sơ đơn vị: Ban Chỉ đạo"


@dataclass(frozen=True)
class SourceDuty:
    """A duty as found (or assumed) before mapping: by function, with where it came from."""

    function: str
    mode: str
    area: str
    sources: tuple[str, ...]
    agency: str = ""  # the agency that held it where it came from
    text: str = ""  # its sentence there (``--like``), adapted by ``adapt.py``


@dataclass(frozen=True)
class Duty:
    agency: str  # as printed in the draft: an agency, the body's head, the working group
    mode: str
    area: str
    text: str = ""
    partners: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    role: str = ""  # head | deputy | standing | working_group for the duties of a seat


@dataclass(frozen=True)
class Unmapped:
    function: str
    mode: str
    area: str
    agencies: tuple[str, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class MeetingRule:
    body: str
    per_year: int
    ad_hoc: bool
    text: str


@dataclass(frozen=True)
class ReportingRule:
    reporter: str | None
    recipient: str
    channel: str | None
    period: str
    day: int
    month_in_period: int | None
    text: str


@dataclass
class Content:
    origin: str  # how the duties were chosen, for the side report
    duties: list[Duty] = field(default_factory=list)
    unmapped: list[Unmapped] = field(default_factory=list)
    meetings: list[MeetingRule] = field(default_factory=list)
    reports: list[ReportingRule] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # about the source (the consensus counts)
    filled: list[str] = field(default_factory=list)  # gaps the defaults filled (generators/complete.py)
    phrases: dict[str, Any] = field(default_factory=dict)  # the rendered duties.yaml.j2
    layout: Any = None  # the model text's ModelOutline (--like), which the draft's parts follow
    layout_place: str = ""  # the model's unit, which a heading taken from it must not name

    def of(self, agency: str) -> list[Duty]:
        return [d for d in self.duties if d.agency == agency]

    def agencies(self) -> list[str]:
        return list(dict.fromkeys(d.agency for d in self.duties))


def default_duties() -> list[SourceDuty]:
    table = data("default_duties")
    return [
        SourceDuty(function, mode, area, (f"mặc định: generators/data/default_duties.yaml ({function})",))
        for function, rows in table.items()
        for mode, area in rows
    ]


def map_duties(profile: Profile, found: Iterable[SourceDuty]) -> tuple[list[Duty], list[Unmapped]]:
    """Each duty to the profile's holder of its function; one duty per (agency, mode, area)."""
    merged: dict[tuple[str, str, str], set[str]] = {}
    order: list[tuple[str, str, str]] = []
    missing: dict[tuple[str, str, str], tuple[set[str], set[str]]] = {}
    for duty in found:
        holder = profile.holder(duty.function)
        if holder is None:
            agencies, sources = missing.setdefault((duty.function, duty.mode, duty.area), (set(), set()))
            if duty.agency:
                agencies.add(duty.agency)
            sources.update(duty.sources)
            continue
        key = (holder, duty.mode, duty.area)
        if key not in merged:
            merged[key] = set()
            order.append(key)
        merged[key].update(duty.sources)
    duties = [Duty(agency, mode, area, sources=tuple(sorted(merged[(agency, mode, area)]))) for agency, mode, area in order]
    unmapped = [Unmapped(f, m, a, tuple(sorted(ag)), tuple(sorted(src))) for (f, m, a), (ag, src) in missing.items()]
    return duties, sorted(unmapped, key=lambda u: (u.function, u.area, u.mode))


def _sort_key(duty: Duty) -> tuple[int, int]:
    return (AREA_ORDER.index(duty.area) if duty.area in AREA_ORDER else 99, MODE_ORDER.index(duty.mode))


# libyaml's C parser when PyYAML has it: the pure-Python one was 90% of a draft's time.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def wording(profile: Profile, override: Path | None) -> dict[str, Any]:
    """The duty phrases of ``templates/duties.yaml.j2``, rendered for this unit."""
    context = {
        "unit": profile.unit, "level": profile.level, "committee": profile.committee,
        "body": profile.steering.short, "year": profile.year,
    }
    text = render("duties.yaml.j2", context, fmt="yaml", override=override)
    try:
        phrases = yaml.load(text, Loader=_YAML_LOADER)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise TemplateError("templates/duties.yaml.j2", mark.line + 1 if mark else None, f"kết quả không phải YAML hợp lệ ({error})") from None
    if not isinstance(phrases, dict) or "areas" not in phrases or "roles" not in phrases:
        raise TemplateError("templates/duties.yaml.j2", None, "cần hai khóa: areas và roles")
    return phrases


def _phrase(phrases: dict[str, Any], area: str, key: str) -> str:
    try:
        return str(phrases["areas"][area][key])
    except (KeyError, TypeError):
        raise TemplateError("templates/duties.yaml.j2", None, f"thiếu câu chữ areas.{area}.{key}") from None


def _sentence(text: str) -> str:
    return capitalize_first(text.strip().rstrip(".;")) + "."


def join_agencies(names: list[str]) -> str:
    """ "A, B và C", but never "… HĐND và UBND xã và B": the extractor joins a council
    office's name across "và", so after such a name the list goes on with commas only."""
    if len(names) > 1 and re.search(r"HĐND|Hội đồng nhân dân", names[-2]):
        return ", ".join(names)
    return join_names(names)


def word_duty(duty: Duty, phrases: dict[str, Any], head: str, variant_index: int = 0) -> Duty:
    """The sentence a duty is written as, in a form the extractor reads back to the same fact."""
    if duty.text:
        return duty
    if duty.mode == "chu_tri":
        if duty.agency == head:  # the chair directs; advising (tham mưu) is its agencies' part
            area = phrases["areas"].get(duty.area) or {}
            text = str(area["head"]) if "head" in area else f"Chỉ đạo {lower_first(_phrase(phrases, duty.area, 'task'))}"
        else:
            variants = phrases.get("lead_variants") or [""]
            variant = str(variants[variant_index % len(variants)] or "").rstrip(",")
            partners = f", phối hợp với {join_agencies(list(duty.partners))}" if duty.partners else ""
            text = f"Chủ trì{variant}{partners} {_phrase(phrases, duty.area, 'lead')}"
    elif duty.mode == "phoi_hop":
        text = f"Phối hợp với cơ quan chủ trì {_phrase(phrases, duty.area, 'partner')}"
    elif duty.mode == "tham_dinh":
        text = _phrase(phrases, duty.area, "appraise")
    else:
        text = _phrase(phrases, duty.area, "supervise")
    return replace(duty, text=_sentence(text))


def role_duties(profile: Profile, phrases: dict[str, Any]) -> list[Duty]:
    """The duties that come with the seats of the steering body, whatever the graph says."""
    body = profile.steering
    seats: list[tuple[str, str]] = [(body.head, "head")]
    seats += [(m.agency.name if m.agency else m.post, "deputy") for m in body.deputies if not m.agency]
    if body.standing:
        seats.append((body.standing.name, "standing"))
    seats.append((body.working_group, "working_group"))
    police = profile.holder("cong_an")
    if police and "đề án 06" in body.remit.lower():
        seats.append((police, "de_an_06"))
    duties = []
    for agency, role in seats:
        for row in phrases["roles"].get(role) or []:
            duties.append(Duty(agency, row["mode"], row["area"], _sentence(row["text"]), sources=(ROLE_SOURCE,), role=role))
    return duties


def meeting_rule(profile: Profile) -> MeetingRule:
    body = profile.steering.short
    cadence = {12: "mỗi tháng một lần", 4: "mỗi quý một lần", 2: "6 tháng một lần", 1: "mỗi năm một lần"}
    per_year = profile.cadence.meetings_per_year
    extra = f" và họp đột xuất khi có yêu cầu của Trưởng {body}" if profile.cadence.ad_hoc_meetings else ""
    return MeetingRule(body, per_year, profile.cadence.ad_hoc_meetings, f"{body} họp định kỳ {cadence[per_year]}{extra}.")


_PERIOD_WORDS = {"monthly": "định kỳ hằng tháng", "quarterly": "định kỳ hằng quý", "half_yearly": "định kỳ 6 tháng", "yearly": "định kỳ hằng năm"}
_PERIOD_MONTHS = {"monthly": 1, "quarterly": 3, "half_yearly": 6, "yearly": 12}


def reporting_rule(report: Report) -> ReportingRule:
    """ "Các cơ quan, đơn vị gửi báo cáo định kỳ hằng quý về Ban Chỉ đạo (qua …), chậm nhất ngày 15 của tháng cuối quý." """
    months = _PERIOD_MONTHS[report.period]
    if report.period == "monthly":
        when, in_period = f"chậm nhất ngày {report.day:02d} hằng tháng", None
    elif report.month is None and report.period != "yearly":
        last = "quý" if report.period == "quarterly" else "kỳ"
        when, in_period = f"chậm nhất ngày {report.day:02d} của tháng cuối {last}", months
    else:
        in_period = report.month or 12
        listed = [month_text(in_period + k * months) for k in range(12 // months)]
        month_words = f"tháng {listed[0]}" if len(listed) == 1 else f"các tháng {', '.join(listed[:-1])} và {listed[-1]}"
        when = f"chậm nhất ngày {report.day:02d} {month_words}"
    who = report.reporter or "Các cơ quan, đơn vị"
    via = f" (qua {report.via})" if report.via else ""
    text = f"{who} gửi báo cáo {_PERIOD_WORDS[report.period]} về {report.recipient}{via}, {when}."
    return ReportingRule(report.reporter, report.recipient, report.via, report.period, report.day, in_period, text)


def with_partners(duties: list[Duty]) -> list[Duty]:
    """A lead names the agencies that coordinate with it in the same area."""
    partners: dict[str, list[str]] = {}
    for duty in duties:
        if duty.mode == "phoi_hop" and not duty.role:
            partners.setdefault(duty.area, []).append(duty.agency)
    out = []
    for duty in duties:
        if duty.mode == "chu_tri" and not duty.role and not duty.text:
            duty = replace(duty, partners=tuple(p for p in partners.get(duty.area, []) if p != duty.agency))
        out.append(duty)
    return out


def _same_duty(seat: Duty, own: Duty) -> bool:
    """A seat's stock duty that the model's own sentence says already, in its words."""
    if seat.agency != own.agency or seat.area != own.area or seat.mode != own.mode:
        return False
    a, b = (set(re.findall(r"\w+", d.text.lower())) for d in (seat, own))
    return len(a & b) >= 0.6 * min(len(a), len(b))


def _once(duties: list[Duty]) -> list[Duty]:
    """A sentence written once per agency: a seat's own duty and the same duty read from
    the graph would otherwise be two khoản of one article."""
    seen: set[tuple[str, str]] = set()
    out = []
    for duty in duties:
        key = (duty.agency, duty.text)
        if duty.text and key in seen:
            continue
        seen.add(key)
        out.append(duty)
    return out


def build_content(profile: Profile, found: Iterable[SourceDuty], origin: str, override: Path | None = None, roles: bool = True,
                  sentences: dict[tuple[str, str, str], str] | None = None) -> Content:
    """Map, word and order the duties; add the seats' duties, the meeting and reporting rules.
    ``sentences`` are a model unit's own wording by (agency, mode, area), used before the
    stock phrases."""
    from cchc.generators.complete import completed  # it builds on this module's Duty

    phrases = wording(profile, override)
    mapped, unmapped = map_duties(profile, found)
    mapped, filled = completed(profile, mapped, map_duties(profile, default_duties())[0])
    mapped = with_partners(sorted(mapped, key=_sort_key))
    seen: dict[str, int] = {}
    duties = []
    for duty in mapped:
        index = seen.get(duty.area, 0) if duty.mode == "chu_tri" else 0
        if duty.mode == "chu_tri":
            seen[duty.area] = index + 1
        own = (sentences or {}).get((duty.agency, duty.mode, duty.area))
        if own:
            duty = replace(duty, text=_sentence(own))
        duties.append(word_duty(duty, phrases, profile.steering.head, index))
    if roles:
        worded = [d for d in duties if sentences and (d.agency, d.mode, d.area) in sentences]
        duties = [r for r in role_duties(profile, phrases) if not any(_same_duty(r, d) for d in worded)] + duties
    duties = _once(duties)
    return Content(
        origin=origin,
        duties=duties,
        unmapped=unmapped,
        meetings=[meeting_rule(profile)],
        reports=[reporting_rule(r) for r in profile.cadence.reports],
        filled=filled,
        phrases=phrases,
    )
