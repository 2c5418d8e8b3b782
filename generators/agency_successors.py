"""Each agency of a unit's documents, and who holds its work today.

A merged department goes to the department it was merged into (Sở Thông tin và Truyền
thông → Sở Khoa học và Công nghệ, the change events of ``vocab/changes.ttl`` that lint
L701 reads); an agency of a unit that no longer exists goes to the agency of each commune
that took the unit's territory holding the same function (the profile every commune has,
``data/commune_profile.yaml``); one without such a holder has none. The rest still exist.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from cchc.generators.migrate import commune_profile
from cchc.graph.normalize import match_key
from cchc.graph.store.base import GraphStore, bound_value
from cchc.graph.succession import Fate
from cchc.lint.agencies import changes
from cchc.queries.runner import run_query
from cchc.queries.unit_fates import fate_in_store


@dataclass(frozen=True)
class AgencyToday:
    agency: str
    function: str
    today: str  # who holds its work now, as a sentence
    short: str = ""  # the same in a few words, for a table column; "" while it exists


def agencies_today(store: GraphStore, unit: str, found: Fate | None = None) -> list[AgencyToday]:
    """``found``: the unit's fate, when the caller has it already."""
    if found is None:
        found = fate_in_store(store, unit)
    merged = {key: change.successor for change in changes() if change.rule_id == "L701" for key, _ in change.names}
    gone = found if found is not None and found.exists is False else None  # the fate of a unit that is no more
    profile = commune_profile(gone.successors[0], dt.date.today().year) if gone and gone.successors else None
    communes = ", ".join(s.name for s in gone.successors) if gone else ""
    province = f" {_province_name(gone.province)}" if gone and not gone.successors and gone.province else ""
    out = []
    for row in run_query(store, "agency_functions", {"unit": unit}).rows:
        agency, function = bound_value(row["agency"]), bound_value(row["function"])
        if function == "ubnd_cap_duoi":
            today = short = "Ủy ban nhân dân các xã, phường (cấp huyện kết thúc từ 01/7/2025)"
        elif match_key(agency) in merged:
            today = short = f"hợp nhất vào {merged[match_key(agency)]}{province}"
        elif profile is not None:  # a district or commune: the communes that took it
            holder = profile.holder(function)
            today = f"{_generic(holder)} của {communes}" if holder else f"không có cơ quan tương ứng ở {communes}"
            short = _generic(holder) if holder else "không có cơ quan tương ứng"
        elif gone:  # a merged province: the same department of the one it went into
            today = short = f"{_without_level(agency)}{province}"
        else:
            today, short = "còn", ""
        out.append(AgencyToday(agency, function, today, short))
    return out


def _without_level(agency: str) -> str:
    """ "Văn phòng Ủy ban nhân dân tỉnh" → "Văn phòng Ủy ban nhân dân", before the new province's name."""
    for word in (" tỉnh", " thành phố"):
        if agency.endswith(word):
            return agency[: -len(word)]
    return agency


def _province_name(short: str) -> str:
    """ "Đà Nẵng" → "thành phố Đà Nẵng", as the list of today's provinces names it."""
    from cchc.graph.succession import tables

    return next((t.province_name for t in tables()[1].values() if t.province == short), short)


def _generic(holder: str) -> str:
    """ "Văn phòng HĐND và UBND xã" of one commune, said of all: "… xã, phường"."""
    for word in (" xã", " phường", " đặc khu"):
        if holder.endswith(word):
            return holder[: -len(word)] + " xã, phường"
    return holder
