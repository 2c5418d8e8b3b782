"""One lead per area, every area led, every member with a duty: the draft's own rules.

A regulation taken as a model (``--like``) or the consensus of the graph covers what its
documents happened to say: one unit's Quy chế names no lead for six of the twelve areas,
another has four bodies lead the same self-assessment, and a member seat whose function
the model unit lacks is left with nothing to do. Each of these would be printed as it is
and pass for a finished text. So after mapping, the draft's duties are made whole here:
an area led twice keeps the lead its defaults name (the others coordinate), an area led
by nobody takes its default lead, a member with no duty takes its function's defaults,
and a body never both leads and coordinates one area. Every change is a note that the
side report (``--report``) and the command's output show.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from cchc.generators.content import AREA_ORDER, Duty
from cchc.generators.profile import Profile
from cchc.generators.vocab import areas

FILLED = "mặc định: generators/data/default_duties.yaml (nguồn đã chọn không có)"
FALLBACK = "mặc định: cơ quan thường trực (không cơ quan nào giữ chức năng chủ trì lĩnh vực này)"


def completed(profile: Profile, duties: list[Duty], defaults: Iterable[Duty]) -> tuple[list[Duty], list[str]]:
    """The duties made whole, and what was changed, in Vietnamese for the report.

    ``duties`` and ``defaults`` are mapped onto the profile's agencies already; seats'
    own duties (``Duty.role``) are not among them."""
    defaults = list(defaults)
    notes: list[str] = []
    # The committee chair and the working group lead inside their seat's remit, beside the
    # agency that leads the area's work: only agencies count here.
    agencies = {a.name for a in profile.agencies}
    out = _one_lead(duties, defaults, agencies, notes)
    led = {d.area for d in out if d.mode == "chu_tri" and d.agency in agencies}
    for area in AREA_ORDER:
        if area in led:
            continue
        lead = next((d for d in defaults if d.area == area and d.mode == "chu_tri"), None)
        lead = replace(lead, sources=(FILLED,)) if lead else Duty(_fallback(profile), "chu_tri", area, sources=(FALLBACK,))
        out.append(lead)
        how = "theo phân công mặc định" if lead.sources == (FILLED,) else "là cơ quan thường trực"
        notes.append(f"lĩnh vực {_label(area)}: không có cơ quan chủ trì; giao {lead.agency} chủ trì ({how})")
    out = _every_member(profile, out, defaults, agencies, notes)
    return _no_self_partner(out), notes


def _one_lead(duties: list[Duty], defaults: list[Duty], agencies: set[str], notes: list[str]) -> list[Duty]:
    """An area with several leads keeps one: the agency its defaults name, else the one
    most sources name, else the first; the others coordinate with it."""
    default_leads = {(d.agency, d.area) for d in defaults if d.mode == "chu_tri"}
    kept: dict[str, Duty] = {}
    for area in AREA_ORDER:
        leads = [d for d in duties if d.area == area and d.mode == "chu_tri" and d.agency in agencies]
        if leads:
            kept[area] = max(leads, key=lambda d: ((d.agency, d.area) in default_leads, len(d.sources), -leads.index(d)))
    out: list[Duty] = []
    for duty in duties:
        lead = kept.get(duty.area)
        if duty.mode == "chu_tri" and lead is not None and duty is not lead and duty.agency in agencies:
            notes.append(f"lĩnh vực {_label(duty.area)}: {duty.agency} chuyển sang phối hợp (cơ quan chủ trì: {lead.agency})")
            duty = replace(duty, mode="phoi_hop")
        out.append(duty)
    return _unique(out)


def _every_member(profile: Profile, duties: list[Duty], defaults: list[Duty], agencies: set[str], notes: list[str]) -> list[Duty]:
    """A member agency of the steering body with no duty takes its defaults, as partner
    where another agency leads the area already."""
    body = profile.steering
    out = list(duties)
    for member in (*body.deputies, *body.members):
        if member.agency is None or any(d.agency == member.agency.name for d in out):
            continue
        led = {d.area: d.agency for d in out if d.mode == "chu_tri" and d.agency in agencies}
        own = [d for d in defaults if d.agency == member.agency.name]
        own = [replace(d, mode="phoi_hop") if d.mode == "chu_tri" and led.get(d.area, d.agency) != d.agency else d for d in own]
        if not own:
            continue  # nothing to fall back on: the text marks the seat "[cần bổ sung: …]"
        out += [replace(d, sources=(FILLED,)) for d in own]
        notes.append(f"thành viên {member.agency.name}: chưa được giao nhiệm vụ; giao nhiệm vụ mặc định theo chức năng")
    return _unique(out)


def _no_self_partner(duties: list[Duty]) -> list[Duty]:
    """A body that leads an area is not also listed among its partners."""
    leads = {(d.agency, d.area) for d in duties if d.mode == "chu_tri"}
    return [d for d in duties if not (d.mode == "phoi_hop" and (d.agency, d.area) in leads)]


def _unique(duties: list[Duty]) -> list[Duty]:
    seen: dict[tuple[str, str, str], Duty] = {}
    for duty in duties:
        key = (duty.agency, duty.mode, duty.area)
        if key in seen:
            seen[key] = replace(seen[key], sources=tuple(sorted(set(seen[key].sources) | set(duty.sources))))
        else:
            seen[key] = duty
    return list(seen.values())


def _fallback(profile: Profile) -> str:
    standing = profile.steering.standing
    if standing:
        return standing.name
    return profile.holder("noi_vu") or profile.agencies[0].name


def _label(area: str) -> str:
    return areas().get(area, area)
