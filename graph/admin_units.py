"""The real administrative units of Viet Nam as lookup tables: which province a name can be in.

The names come from packages that keep the official lists, not from a hand-written list:
``vietnam-provinces`` for today's 34 provinces and 3,321 wards (since 1 July 2025), and
``vietnamadminunits`` for the 696 districts of the 63 former provinces, which pre-2025
headers name ("ỦY BAN NHÂN DÂN HUYỆN MỸ XUYÊN"). Of the latter only its data file is read:
its parser matches loosely (it places "xã Tân Phú" in huyện An Phú) and its modules load a
geocoder. Which former province became part of which is the law's table,
``data/provinces_legacy.json``.

Every table maps a name's key to its candidates: today's province code → the former
province the name was found in, when that province no longer exists (else None). A name
in several provinces has several candidates, and the caller decides with more evidence.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import metadata
from itertools import chain

from vietnam_provinces import Province as _LibProvince
from vietnam_provinces import Ward as _LibWard

from cchc.errors import ResourceMissingError
from cchc.graph.levels import words_of
from cchc.graph.normalize import fold, match_key
from cchc.resources import read_text

Candidates = dict[int, str | None]  # today's province code → former province name, or None

_WORD = re.compile(r"\w+")
_CITY = "thành phố "


def key(text: str, loose: bool = False) -> str:
    """A name's lookup form: ``match_key`` words, no punctuation ("Bà Rịa - Vũng Tàu" → "bà rịa vũng tàu");
    ``loose``: without diacritics too, for a name printed with a wrong tone ("HÓN QUẢN")."""
    exact = " ".join(_WORD.findall(match_key(text)))
    return fold(exact) if loose else exact


def _loosen(table: dict[str, Candidates]) -> dict[str, Candidates]:
    out: dict[str, Candidates] = {}
    for name, found in table.items():
        _merge(out, fold(name), found)
    return out


@dataclass(frozen=True)
class Today:
    """One of today's provinces."""

    code: int
    name: str  # "Cần Thơ": the package's name without "Thành phố"
    slug: str  # "can-tho", from the package's code name


@cache
def today() -> dict[int, Today]:
    out = {}
    for province in _LibProvince.iter_all():
        name = province.name[len(_CITY) :] if province.name.lower().startswith(_CITY) else province.name
        out[int(province.code)] = Today(int(province.code), name, province.codename.replace("_", "-"))
    return out


@cache
def _legacy() -> dict:
    return json.loads(read_text("cchc.graph", "data/provinces_legacy.json"))


def reform_date() -> date:
    """From this day headers name the new wards and no more districts."""
    return date.fromisoformat(_legacy()["reform_date"])


@cache
def province_names(loose: bool = False) -> dict[str, Candidates]:
    """Today's and the former provinces' names (and other spellings of them) → candidates."""
    if loose:
        return _loosen(province_names())
    by_name = {key(p.name): code for code, p in today().items()}
    out: dict[str, Candidates] = {}
    for current, formers in _legacy()["provinces"].items():
        code = by_name[key(current)]
        out[key(current)] = {code: None}
        for former in formers:
            out.setdefault(key(former), {code: None if key(former) in by_name else former})
    for spelling, name in _legacy()["spellings"].items():
        out[key(spelling)] = dict(out[key(name)])
    return out


def formers_of(name: str) -> list[str]:
    """The former provinces merged into today's ``name`` ("Cần Thơ" → Cần Thơ, Hậu Giang, Sóc Trăng)."""
    held = {key(current): formers for current, formers in _legacy()["provinces"].items()}
    return list(held.get(key(name), []))


def former_province(name: str) -> Candidates:
    """Candidates of a former province's name as the district table spells it ("Sóc Trăng")."""
    return province_names().get(key(name), {})


def _merge(into: dict[str, Candidates], name: str, found: Candidates) -> None:
    """Add ``found`` to the candidates of ``name`` (a name in several provinces keeps them all)."""
    held = into.setdefault(name, {})
    for code, former in found.items():
        held[code] = former if held.get(code, former) == former else None  # two former provinces: neither


def _by_level(units: Iterable[tuple[str, str, Candidates]]) -> dict[str, dict[str, Candidates]]:
    """(level, name, candidates) rows as level → name key → candidates."""
    out: dict[str, dict[str, Candidates]] = defaultdict(dict)
    for level, name, found in units:
        _merge(out[level], key(name), found)
    return dict(out)


def _spelled(units: Iterable[tuple[str, str, Candidates]], into: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    """Level → name key → the name as the list spells it, the first spelling kept."""
    for level, name, _ in units:
        into.setdefault(level, {}).setdefault(key(name), name)
    return into


def _todays_wards() -> Iterable[tuple[str, str, Candidates]]:
    """(level, name, candidates) of every ward of today's list ("xã", "phường", "đặc khu")."""
    for ward in _LibWard.iter_all():
        level = ward.division_type.value
        name = ward.name[len(level) :].strip() if ward.name.lower().startswith(level) else ward.name
        yield level, name, {int(ward.province_code): None}


@cache
def wards(loose: bool = False) -> dict[str, dict[str, Candidates]]:
    """Today's wards: level ("xã", "phường", "đặc khu") → name → candidates."""
    if loose:
        return {level: _loosen(table) for level, table in wards().items()}
    return _by_level(_todays_wards())


@cache
def _legacy_units() -> dict:
    """The former divisions' data file of ``vietnamadminunits``."""
    try:
        data = metadata.distribution("vietnamadminunits").locate_file("vietnamadminunits/data/parser_legacy.json")
        # typeshed's SimplePath (Python 3.11) has read_text() without encoding; the file is a pathlib.Path
        return json.loads(data.read_text(encoding="utf-8"))  # type: ignore[call-arg]
    except (metadata.PackageNotFoundError, OSError, ValueError) as error:
        raise ResourceMissingError(f"không đọc được danh mục huyện cũ của gói vietnamadminunits ({error})") from None


def _short(level: str, name: str) -> str:
    """A numbered unit's name without its level word: "Quận 1" → "1", as a header prints "QUẬN 1"."""
    return name[len(level) :].strip() if name.lower().startswith(level + " ") else name


def _former_districts() -> Iterable[tuple[str, str, Candidates]]:
    """(level, name, candidates) of every former district."""
    raw = _legacy_units()
    for province_key, held in raw["DICT_PROVINCE_DISTRICT"].items():
        found = former_province(raw["DICT_PROVINCE"][province_key]["provinceShort"])
        for district in held.values():
            level = district["districtType"].lower()
            yield level, _short(level, district["districtShort"]), found


def _former_communes() -> Iterable[tuple[str, str, Candidates]]:
    """(level, name, candidates) of every commune, ward and town (thị trấn) of the former districts."""
    raw = _legacy_units()
    for province_key, held in raw["DICT_PROVINCE_DISTRICT_WARD_NO_ACCENTED"].items():
        found = former_province(raw["DICT_PROVINCE"][province_key]["provinceShort"])
        for communes in held.values():
            for commune in communes.values():
                if isinstance(commune.get("wardType"), str) and isinstance(commune.get("wardShort"), str):
                    level = commune["wardType"].lower()
                    yield level, _short(level, commune["wardShort"]), found


@cache
def districts(loose: bool = False) -> dict[str, dict[str, Candidates]]:
    """The former districts: level ("huyện", "quận", "thị xã", "thành phố") → name → candidates."""
    if loose:
        return {level: _loosen(table) for level, table in districts().items()}
    return _by_level(_former_districts())


@cache
def former_communes(loose: bool = False) -> dict[str, dict[str, Candidates]]:
    """The communes before 1 July 2025: level ("xã", "phường", "thị trấn") → name → candidates.

    Not a province signal (10,000 names, many shared), but what tells that "UBND XÃ …" of
    a 2023 text names a real commune that today's list no longer has.
    """
    if loose:
        return {level: _loosen(table) for level, table in former_communes().items()}
    return _by_level(_former_communes())


def _extends(alias: str, name: str) -> bool:
    """"Thừa Thiên Huế" extends "Huế": the longer name the unit had, not another spelling of it."""
    words, held = set(key(alias, True).split()), set(key(name, True).split())
    return held < words


@cache
def _province_spellings() -> dict[str, str]:
    provinces: dict[str, str] = {}
    for current, formers in _legacy()["provinces"].items():
        for name in (current, *formers):
            provinces.setdefault(key(name), name)
    for alias, name in _legacy()["spellings"].items():
        provinces.setdefault(key(alias), alias if _extends(alias, name) else name)
    return provinces


def spelling(level: str, name_key: str, loose: bool = False) -> str | None:
    """The official spelling of a unit's name, by the level word printed before it. A
    provincial or district name is looked up without loading ten thousand communes.
    None when the loose key is shared by two spellings ("thanh long": Thanh Long, Thạnh
    Long): the text's own spelling must then stand."""
    if not loose:
        if level in words_of("tinh"):
            found = _province_spellings().get(name_key)
            if found:
                return found
        if level in words_of("huyen"):
            found = _district_spellings().get(level, {}).get(name_key)
            if found:
                return found
    return spellings(loose).get(level, {}).get(name_key)


@cache
def _district_spellings() -> dict[str, dict[str, str]]:
    return _spelled(_former_districts(), {})


@cache
def spellings(loose: bool = False) -> dict[str, dict[str, str]]:
    """How the official lists spell each name, by the level word printed before it:
    level ("tỉnh", "huyện", "xã", …) → name key → spelling ("đồng tháp" → "Đồng Tháp").

    A header in capitals ("ỦY BAN NHÂN DÂN HUYỆN HÓN QUẢN") is returned in this spelling,
    not its own; another spelling of a province ("Đăk Lăk", "HCM") prints as the name it
    stands for, a longer former name ("Thừa Thiên Huế") as itself. Province names serve
    "tỉnh" and "thành phố" alike. ``loose``: keys without diacritics, a key that two
    spellings share dropped.
    """
    if loose:
        out_loose: dict[str, dict[str, str]] = {}
        for level, table in spellings().items():
            folded: dict[str, set[str]] = defaultdict(set)
            for name, spelled in table.items():
                folded[fold(name)].add(spelled)
            out_loose[level] = {name: next(iter(held)) for name, held in folded.items() if len(held) == 1}
        return out_loose
    provinces = {level: dict(_province_spellings()) for level in words_of("tinh")}
    return _spelled(chain(_todays_wards(), _former_districts(), _former_communes()), provinces)
