"""A former district's regulation, redrafted for one of the communes that took its territory.

Since 1 July 2025 a district's Quy chế or Kế hoạch binds nobody, but what it assigned is
still the best model for the communes that took its land: the same functions, now held by
the commune's own agencies (Nghị định 150/2025/NĐ-CP). ``migrate`` finds those communes
(``graph/succession.py``), gives the chosen one the profile every commune has
(``data/commune_profile.yaml``), and drafts each kind the district had with ``--like``
the district, so its own sentences move where they can. The report says which old agency
went to which new one, where several were merged into one, and what had no holder.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from string import Template

from cchc.generators.builders import Draft
from cchc.generators.content import SourceDuty
from cchc.generators.drafting import Source, make_draft
from cchc.generators.errors import DraftError
from cchc.generators.profile import Profile, parse_profile
from cchc.graph.normalize import loose_key
from cchc.graph.store.base import GraphStore, bound_value
from cchc.graph.succession import Fate, Successor, fate
from cchc.queries import resolve
from cchc.queries.runner import run_query
from cchc.resources import read_text

# A stored document's kind and title → the draft kind that redrafts it.
_KINDS = (("quy_che", "phối hợp", "quy-che-phoi-hop"), ("quy_che", "", "quy-che-bcd"),
          ("quy_dinh", "", "quy-dinh-nguoi-dung-dau"), ("ke_hoach", "", "ke-hoach"))


@dataclass
class Migration:
    unit: str  # as the documents write it
    fate: Fate
    target: Successor
    profile: Profile
    drafts: dict[str, Draft] = field(default_factory=dict)  # draft kind → draft
    mapped: dict[str, str] = field(default_factory=dict)  # old agency → new agency
    merged: dict[str, list[str]] = field(default_factory=dict)  # new agency → the old ones it took
    dropped: list[str] = field(default_factory=list)  # old agencies whose function no commune agency holds


def commune_profile(target: Successor, year: int) -> Profile:
    level, _, name = target.name.partition(" ")
    text = Template(read_text("cchc.generators", "data/commune_profile.yaml")).substitute(name=name, level=level, province=target.province_name, year=year)
    return parse_profile(text, f"hồ sơ mặc định của {target.name}")


def kinds_of(store: GraphStore, unit: str) -> list[str]:
    """The draft kinds of the unit's stored regulations, in the order of ``_KINDS``."""
    rows = run_query(store, "documents").rows
    found = {(bound_value(row["doc_kind"]), (title.value if (title := row.get("title")) else "").lower())
             for row in rows if (term := row.get("unit")) is not None and term.value == unit and row.get("doc_kind")}
    kinds = []
    for kind, cue, slug in _KINDS:
        if any(k == kind and cue in title for k, title in found) and slug not in kinds:
            if not (slug == "quy-che-bcd" and all("phối hợp" in t for k, t in found if k == "quy_che")):
                kinds.append(slug)
    return kinds


def migrate(store: GraphStore, unit: str, province: str | None = None, to: str | None = None, year: int | None = None) -> Migration:
    name = resolve.unit(store, unit).value
    found = fate(name, province)
    if found.exists is not False or not found.successors:
        raise DraftError(f"{name}: {found.summary()}; không có đơn vị hiện nay để chuyển văn bản sang")
    target = _choose(found, to)
    profile = commune_profile(target, year or dt.date.today().year)
    migration = Migration(name, found, target, profile)
    kinds = kinds_of(store, name)
    if not kinds:
        raise DraftError(f"kho không có quy chế, quy định hay kế hoạch nào của {name} để chuyển")
    for kind in kinds:
        migration.drafts[kind] = make_draft(kind, profile, Source("like", name), store)
    from cchc.generators.graph_content import like

    _account(migration, like(store, name)[0])
    return migration


def _choose(found: Fate, to: str | None) -> Successor:
    if to is None:  # the commune that took most of the former communes
        return max(found.successors, key=lambda s: (len(s.parts), s.name))
    wanted = loose_key(to)
    for successor in found.successors:
        if loose_key(successor.name) == wanted or loose_key(successor.name.partition(" ")[2]) == wanted:
            return successor
    names = ", ".join(s.name for s in found.successors)
    raise DraftError(f"{to!r} không nhận địa bàn của {found.unit}; các đơn vị đã nhận: {names}")


def _account(migration: Migration, duties: list[SourceDuty]) -> None:
    by_new: dict[str, set[str]] = {}
    for duty in duties:
        if not duty.agency:
            continue
        holder = migration.profile.holder(duty.function)
        if holder is None:
            if duty.agency not in migration.dropped:
                migration.dropped.append(duty.agency)
            continue
        migration.mapped.setdefault(duty.agency, holder)
        by_new.setdefault(holder, set()).add(duty.agency)
    migration.merged = {new: sorted(old) for new, old in by_new.items() if len(old) > 1}
