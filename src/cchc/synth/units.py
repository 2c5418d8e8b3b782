"""Synthetic administrative units: who they are, which agencies they have, who leads them.

A unit is drawn once from its position in the corpus and the seed; every document of the
unit is then drafted from it, so a unit's Quy chế, Quy định and Kế hoạch agree on its
agencies, its steering body and its cadences, as a real unit's documents do. What varies
between units is what varies in reality: which agency holds which function (a commune's
Phòng Văn hóa - Xã hội or its Văn phòng does the internal-affairs work), which optional
agencies exist, how the steering body is seated, how often it meets and reports.
"""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from cchc.generators.data_files import data as generator_data
from cchc.synth.data import data
from cchc.synth.draws import chance, pick, rng_for, weighted

KINDS = ("province_current", "province_historic", "district", "commune")
STRUCTURE = {"province_current": "current", "province_historic": "historic", "district": "historic", "commune": "current"}


@dataclass(frozen=True)
class Unit:
    """One administrative unit and the standing facts its documents share."""

    index: int
    kind: str  # province_current | province_historic | district | commune
    level: str  # a level word of the unit-kind vocabulary (cchc.graph.levels): "huyện", "xã", …
    name: str  # "Mỹ Xuyên"
    superior: str  # "tỉnh Sóc Trăng"; "" for a province
    year: int  # the year of its regulations; its second Kế hoạch is for year + 1
    agencies: tuple[dict[str, Any], ...]  # profile entries: name, functions, short, head
    steering: dict[str, Any]  # the profile's steering table
    cadence: dict[str, Any]  # the profile's cadence table
    ratings: tuple[dict[str, Any], ...]
    chair: str
    vice_chairs: tuple[str, ...]
    duties: tuple[tuple[str, str, str], ...]  # (function, mode, area) the unit assigns

    @property
    def structure(self) -> str:
        return STRUCTURE[self.kind]

    @property
    def full_name(self) -> str:
        """ "huyện Mỹ Xuyên"."""
        return f"{self.level} {self.name}"

    @property
    def committee(self) -> str:
        return f"Ủy ban nhân dân {self.full_name}"

    @property
    def slug(self) -> str:
        """Unique in the corpus, and readable: "00012-xa-tan-phu"."""
        return f"{self.index:05d}-{ascii_slug(self.full_name)}"

    @property
    def folder(self) -> str:
        """The level as a folder name: "tinh", "huyen", "xa", "phuong" …"""
        return ascii_slug(self.level)

    def holder(self, function: str) -> dict[str, Any] | None:
        return next((a for a in self.agencies if function in a["functions"]), None)


def ascii_slug(text: str) -> str:
    """ "Đặc khu Phú Quốc" → "dac-khu-phu-quoc" (file and folder names stay ASCII)."""
    folded = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")


def _person(rng: random.Random) -> str:
    people = data("people")
    female = chance(rng, people["share_female"])
    middle = pick(rng, people["middle_female" if female else "middle_male"])
    given = pick(rng, people["given_female" if female else "given_male"])
    return f"{pick(rng, people['family'])} {middle} {given}"


def _place(rng: random.Random, kind: str) -> tuple[str, str, str]:
    """(level, name, superior) of a unit of this kind."""
    places = data("places")
    cities = set(places["cities"])
    if kind in ("province_current", "province_historic"):
        row = pick(rng, places["provinces_current" if kind == "province_current" else "provinces_historic"])
        return row["level"], row["name"], ""
    if kind == "district":
        row = pick(rng, places["districts"])
        superior = f"{'thành phố' if row['province'] in cities else 'tỉnh'} {row['province']}"
        return row["level"], row["name"], superior
    level = weighted(rng, places["commune_levels"])
    if level == "đặc khu":
        row = pick(rng, places["special_zones"])
        name, province = row["name"], row["province"]
    else:
        first = pick(rng, places["commune_first"])
        second = pick(rng, [s for s in places["commune_second"] if s != first])
        name = f"{first} {second}"
        province = pick(rng, [p["name"] for p in places["provinces_current"]])
    return level, name, f"{'thành phố' if province in cities else 'tỉnh'} {province}"


def _agency_name(entry: dict[str, Any], rng: random.Random, level: str, name: str) -> str:
    names = entry.get("names")
    if isinstance(names, dict):
        chosen = names.get(level, entry["name"])
    elif isinstance(names, list):
        chosen = pick(rng, names)
    else:
        chosen = entry["name"]
    return chosen.format(level=level, name=name)


def _agencies(rng: random.Random, kind: str, level: str, name: str) -> tuple[dict[str, Any], ...]:
    """The unit's agencies with their functions; the floating functions handed out by draw."""
    table = data("agencies")[kind]
    present: dict[str, dict[str, Any]] = {}
    for entry in table["agencies"]:
        if not chance(rng, entry.get("p", 1.0)):
            continue
        agency: dict[str, Any] = {"name": _agency_name(entry, rng, level, name), "functions": list(entry["functions"])}
        if entry.get("short"):
            agency["short"] = entry["short"]
        head = (entry.get("heads") or {}).get(level) or entry.get("head")
        if head:
            agency["head"] = head
        present[entry["key"]] = agency
    for function, candidates in (table.get("floating") or {}).items():
        order = list(candidates) if chance(rng, 0.7) else list(reversed(candidates))
        holder = next((present[k] for k in order if k in present), None)
        if holder is not None and not any(function in a["functions"] for a in present.values()):
            holder["functions"].append(function)
    return tuple(a for a in present.values() if a["functions"])


def _steering(rng: random.Random, unit_name: str, level: str, structure: str, agencies: tuple[dict[str, Any], ...]) -> dict[str, Any]:
    inner = next(a for a in agencies if "noi_vu" in a["functions"])
    digital = next((a for a in agencies if {"khoa_hoc_cong_nghe", "thong_tin_truyen_thong"} & set(a["functions"])), None)
    vice = f"Phó Chủ tịch Ủy ban nhân dân {level}"
    seating = weighted(rng, {"vice_and_inner": 0.4, "inner_only": 0.35, "three": 0.25})
    if seating == "vice_and_inner":
        deputies = [{"post": vice, "standing": True}, {"agency": inner["name"]}]
    elif seating == "inner_only":
        deputies = [{"agency": inner["name"], "standing": True}]
    else:
        deputies = [{"post": vice}, {"agency": inner["name"], "standing": True}]
        if digital is not None and digital is not inner:
            deputies.append({"agency": digital["name"]})
    seated = {d.get("agency") for d in deputies}
    members = [
        a["name"] for a in agencies
        if a["name"] not in seated and "ubnd_cap_duoi" not in a["functions"] and chance(rng, 0.7 if "mat_tran" in a["functions"] else 0.9)
    ]
    remit = "cải cách hành chính"
    if structure == "current" and chance(rng, 0.5):
        remit = "cải cách hành chính, chuyển đổi số và Đề án 06"
    return {
        "name": f"Ban Chỉ đạo {remit} {level} {unit_name}",
        "short": "Ban Chỉ đạo",
        "remit": remit,
        "head": f"Chủ tịch Ủy ban nhân dân {level}",
        "deputies": deputies,
        "members": members,
        "standing": inner["name"],
        "working_group": pick(rng, data("agencies")["working_groups"]),
    }


def _report(rng: random.Random, period: str) -> dict[str, Any]:
    row: dict[str, Any] = {"period": period, "day": rng.randint(5, 25)}
    if period == "quarterly":
        row["month"] = "cuối" if chance(rng, 0.6) else rng.randint(1, 3)
    elif period == "half_yearly":
        row["month"] = "cuối" if chance(rng, 0.5) else rng.randint(1, 6)
    elif period == "yearly":
        row["month"] = rng.choice([6, 11, 12, 12, 12])
    return row


def _cadence(rng: random.Random, kind: str, superior: str, level: str, agencies: tuple[dict[str, Any], ...], standing: str) -> dict[str, Any]:
    docs = data("documents")
    periods = docs["report_periods"]
    first = _report(rng, weighted(rng, periods)) | {"recipient": "Ban Chỉ đạo" if chance(rng, 0.6) else f"Ủy ban nhân dân {level}"}
    if chance(rng, 0.7):
        first["via"] = standing
    reports = [first]
    if chance(rng, 0.6):
        upward = "Bộ Nội vụ" if kind.startswith("province") else f"Ủy ban nhân dân {superior}"
        reports.append(_report(rng, weighted(rng, {"half_yearly": 0.4, "yearly": 0.6})) | {"reporter": standing, "recipient": upward})
    return {
        "meetings_per_year": int(weighted(rng, docs["meetings_per_year"])),
        "ad_hoc_meetings": chance(rng, 0.7),
        "reports": reports,
    }


def _ratings(rng: random.Random) -> tuple[dict[str, Any], ...]:
    scheme = pick(rng, data("documents")["ratings"])
    threshold = float(pick(rng, scheme["top"]))
    rows: list[dict[str, Any]] = []
    for grade in scheme["grades"][:-1]:
        rows.append({"grade": grade, "min": threshold})
        threshold -= float(pick(rng, scheme["step"]))
        threshold = max(threshold, 5.0)
    rows.append({"grade": scheme["grades"][-1]})
    for earlier, later in zip(rows, rows[1:-1]):  # strictly decreasing, whatever the steps drew
        if later["min"] >= earlier["min"]:
            later["min"] = earlier["min"] / 2
    return tuple(rows)


def _duties(rng: random.Random, agencies: tuple[dict[str, Any], ...]) -> tuple[tuple[str, str, str], ...]:
    """The unit's (function, mode, area) duties: most defaults, some of the extras."""
    held = {f for a in agencies for f in a["functions"]}
    table = data("agencies")
    rows: list[tuple[str, str, str]] = []
    for function, pairs in generator_data("default_duties").items():
        for mode, area in pairs:
            essential = (function, mode, area) == ("noi_vu", "chu_tri", "chi_dao_dieu_hanh")
            if function in held and (essential or chance(rng, table["keep_default"])):
                rows.append((function, mode, area))
    for function, mode, area, p in table["extra_duties"]:
        if function in held and chance(rng, p) and (function, mode, area) not in rows:
            rows.append((function, mode, area))
    return tuple(rows)


def make_unit(seed: int, index: int) -> Unit:
    """The unit at ``index`` of the corpus of ``seed``."""
    rng = rng_for(seed, "unit", index)
    places = data("places")
    group = places["cycle"][index % len(places["cycle"])]
    if group == "province":
        kind = "province_current" if chance(rng, places["province_current_share"]) else "province_historic"
    else:
        kind = group
    level, name, superior = _place(rng, kind)
    agencies = _agencies(rng, kind, level, name)
    steering = _steering(rng, name, level, STRUCTURE[kind], agencies)
    return Unit(
        index=index,
        kind=kind,
        level=level,
        name=name,
        superior=superior,
        year=int(pick(rng, places["years"][STRUCTURE[kind]])),
        agencies=agencies,
        steering=steering,
        cadence=_cadence(rng, kind, superior, level, agencies, steering["standing"]),
        ratings=_ratings(rng),
        chair=_person(rng),
        vice_chairs=(_person(rng), _person(rng)),
        duties=_duties(rng, agencies),
    )
