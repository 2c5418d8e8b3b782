"""What became of a unit on 1 July 2025: which of today's communes took its territory.

Most regulations users hold were issued by a district or a commune that no longer exists:
the district level was abolished and most communes were merged (Nghị quyết 202/2025/QH15
and the Standing Committee's resolutions on each province). The mapping is the one the
``vietnamadminunits`` package keeps for converting addresses: every former commune (by
province, district and commune) → the new commune or ward it went into, or, for the
communes split between several, each new one with a part of it. Only its data files are
read (``dataset.db`` for the names, ``converter_2025.json`` for the mapping): its modules
load a geocoder.

A former district's successors are the new communes that took any of its communes, each
with the parts it took; the new province is the one its former province went into.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import metadata
from pathlib import Path

from cchc.errors import ResourceMissingError
from cchc.graph import admin_units

PACKAGE = "vietnamadminunits"


@dataclass(frozen=True)
class Successor:
    """A commune of today that took (part of) the unit."""

    name: str  # "xã Hòa Tú", with its level word as a text prints it
    province: str  # today's province, "Cần Thơ"
    parts: tuple[str, ...]  # the former communes it took, "xã Hòa Tú 1"; "(một phần)" when split
    code: str  # the official code of today's commune
    province_name: str = ""  # "thành phố Cần Thơ"


@dataclass(frozen=True)
class Fate:
    """A unit as a document names it, and what it is today."""

    unit: str  # "huyện Mỹ Xuyên"
    former_province: str | None  # "Sóc Trăng"
    province: str | None  # today's province, "Cần Thơ"
    exists: bool | None  # None: a name neither list has
    changed: date | None  # the day it ceased (or was merged)
    successors: tuple[Successor, ...] = ()

    def summary(self, on: date | None = None) -> str:
        """One line for a table: "không còn từ 01/7/2025; nay: xã Hòa Tú, … (Cần Thơ)";
        ``on`` a day before the change: the unit as it stood then."""
        if on is not None and self.changed is not None and on < self.changed:
            return f"còn vào ngày {on.day:02d}/{on.month}/{on.year} (không còn từ {self.changed.day:02d}/{self.changed.month}/{self.changed.year})"
        if self.exists:
            return "còn"
        if self.exists is None:
            return "không có trong danh mục đơn vị hành chính"
        when = f" từ {self.changed.day:02d}/{self.changed.month}/{self.changed.year}" if self.changed else ""
        if not self.successors:
            into = f"; nay thuộc {self.province}" if self.province and self.province != self.former_province else ""
            return f"không còn{when}{into}"
        by_province: dict[str, list[str]] = {}
        for successor in self.successors:
            by_province.setdefault(successor.province, []).append(successor.name)
        where = "; ".join(f"{', '.join(names)} ({province})" for province, names in by_province.items())
        if len(by_province) > 1:  # the name is in several provinces and the text says none
            return f"không còn{when}; tên này có ở {len(by_province)} tỉnh, văn bản không ghi tỉnh; nay: {where}"
        return f"không còn{when}; nay: {where}"


def _data_file(name: str) -> Path:
    try:
        return Path(str(metadata.distribution(PACKAGE).locate_file(f"{PACKAGE}/data/{name}")))
    except metadata.PackageNotFoundError:
        raise ResourceMissingError(f"thiếu gói {PACKAGE} (danh mục đơn vị hành chính trước và sau 01/7/2025)") from None


def library_version() -> str:
    return metadata.version(PACKAGE)


@dataclass(frozen=True)
class Former:
    """A commune before 1 July 2025, in its district and province, with their codes."""

    province: str  # "Sóc Trăng"
    district: str  # "huyện Mỹ Xuyên"
    commune: str  # "xã Đại Tâm"; "" for a district without communes (an island)
    codes: tuple[str, str, str]  # province, district, commune
    province_name: str  # "tỉnh Sóc Trăng", "thành phố Cần Thơ"


@dataclass(frozen=True)
class Today:
    name: str  # "xã Hòa Tú"
    code: str
    province: str  # "Cần Thơ"
    province_code: str
    province_name: str  # "thành phố Cần Thơ"


@cache
def tables() -> tuple[dict[str, Former], dict[tuple[str, str], Today], dict[str, list[tuple[str, str]]]]:
    """Former communes by composite key ("tinhsoctrang_huyenmyxuyen_xadaitam"); today's
    communes by (province key, commune key); each former composite key → the new
    (province key, commune key) it went into, several when it was split."""
    path = _data_file("dataset.db")
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        former = {
            f"{pk}_{dk}_{wk or ''}": Former(province, _named(district_type, district), _named(ward_type, ward), (pc, dc, wc or ""),
                                             _lower_first_word(full))
            for province, district_type, district, ward_type, ward, pk, dk, wk, pc, dc, wc, full in db.execute(
                "SELECT provinceShort, districtType, districtShort, wardType, wardShort, provinceKey, districtKey, wardKey,"
                " provinceCode, districtCode, wardCode, province FROM admin_units_legacy")
        }
        today = {(pk, wk): Today(_named(ward_type, ward), code, province, pc, _lower_first_word(full))
                 for province, ward_type, ward, pk, wk, code, pc, full in db.execute(
                     "SELECT provinceShort, wardType, wardShort, provinceKey, wardKey, wardCode, provinceCode, province FROM admin_units")}
        db.close()
        converter = json.loads(_data_file("converter_2025.json").read_text(encoding="utf-8"))
    except (sqlite3.Error, OSError, ValueError) as error:
        raise ResourceMissingError(f"không đọc được dữ liệu của gói {PACKAGE} ({error})") from None
    went: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for province_key, held in converter["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for ward_key, old_keys in held.items():
            for old in old_keys:
                went[old].append((province_key, ward_key))
    for province_key, held in converter["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old, parts in held.items():
            for part in parts:
                if (province_key, part["newWardKey"]) not in went[old]:
                    went[old].append((province_key, part["newWardKey"]))
    return former, today, dict(went)


def _lower_first_word(name: str) -> str:
    """ "Thành phố Cần Thơ" → "thành phố Cần Thơ", "Tỉnh Sóc Trăng" → "tỉnh Sóc Trăng"."""
    for word in ("Thành phố ", "Tỉnh "):
        if name.startswith(word):
            return word.lower() + name[len(word):]
    return name


def _named(level: str | None, name: str | None) -> str:
    """ "Huyện", "Mỹ Xuyên" → "huyện Mỹ Xuyên", as a text writes a unit; "" for none."""
    if not name:
        return ""
    level = (level or "").lower()
    return f"{level} {name}" if level and not name.lower().startswith(level) else name


def _successors(old_keys: list[str]) -> tuple[Successor, ...]:
    former, today, went = tables()
    parts: dict[tuple[str, str], list[str]] = defaultdict(list)
    for old in old_keys:
        targets = went.get(old, [])
        for target in targets:
            label = former[old].commune + (" (một phần)" if len(targets) > 1 else "")
            parts[target].append(label)
    out = []
    for target, taken in parts.items():
        if target in today:
            now = today[target]
            out.append(Successor(now.name, now.province, tuple(taken), now.code, now.province_name))
    return tuple(sorted(out, key=lambda s: s.code))


def _matches(found: str, wanted: str) -> bool:
    return admin_units.key(found) == admin_units.key(wanted)


_PROVINCE_WORDS = ("thành phố", "tỉnh")
_DISTRICT_WORDS = ("thành phố", "thị xã", "huyện", "quận")
_COMMUNE_WORDS = ("thị trấn", "đặc khu", "phường", "xã")


_LEVEL_WORDS = sorted({*_PROVINCE_WORDS, *_DISTRICT_WORDS, *_COMMUNE_WORDS}, key=len, reverse=True)


def _split(unit: str) -> tuple[str, str]:
    lowered = unit.lower()
    for word in _LEVEL_WORDS:
        if lowered.startswith(word + " "):
            return word, unit[len(word):].strip()
    return "", unit.strip()


def _in_province(found: str, province: str | None) -> bool:
    if not province:
        return True
    return _matches(found, province) or (_todays_province(found) or "") == (_todays_province(province) or "-")


@cache  # a scan of the 10,040 former communes: once per name a listing shows
def fate(unit: str, province: str | None = None) -> Fate:
    """The fate of ``unit`` ("huyện Mỹ Xuyên", "xã Tân Phú", "tỉnh Quảng Nam") in ``province``
    (a former or today's name; None: wherever the name is). ``exists`` is None for a name
    neither list has."""
    reform = admin_units.reform_date()
    level, name = _split(unit)
    former, today, _ = tables()
    if level in _PROVINCE_WORDS:
        now = _todays_province(name)
        if now is not None and not (level == "thành phố" and _district_keys(name, level, province)):
            same = _matches(now, name)
            return Fate(unit, name, now, same, None if same else reform)
    if level in _DISTRICT_WORDS:
        keys = _district_keys(name, level, province)
        if keys:
            first = former[keys[0]]
            return Fate(unit, first.province, _todays_province(first.province), False, reform, _successors(keys))
    if level in _COMMUNE_WORDS:
        wanted = f"{level} {name}"
        commune = next((t for t in today.values() if _matches(t.name, wanted) and _in_province(t.province, province)), None)
        if commune is not None and level != "thị trấn":
            return Fate(unit, province, commune.province, True, None)
        keys = [k for k, f in former.items() if _matches(f.commune, wanted) and _in_province(f.province, province)]
        if keys:
            first = former[keys[0]]
            return Fate(unit, first.province, _todays_province(first.province), False, reform, _successors(keys))
    return Fate(unit, province, _todays_province(province) if province else None, None, None)


def _district_keys(name: str, level: str, province: str | None) -> list[str]:
    former, _, _ = tables()
    return [k for k, f in former.items() if _matches(f.district, f"{level} {name}") and _in_province(f.province, province)]


@cache
def _todays_province(name: str) -> str | None:
    """Today's province of a former or current province name ("Sóc Trăng" → "Cần Thơ")."""
    found = admin_units.province_names().get(admin_units.key(name)) or {}
    if len(found) != 1:
        return None
    return admin_units.today()[next(iter(found))].name


def fate_of_document(unit: str | None, province: str | None, former_province: str | None) -> Fate | None:
    """A document's unit as the graph records it (its former province first: the one its
    header names); None when the document names no unit."""
    if not unit:
        return None
    return fate(unit, former_province or province)
