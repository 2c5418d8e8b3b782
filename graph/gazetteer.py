"""Which province a document belongs to, read from its issuer's own lines.

A document's number ("12/QĐ-UBND") is unique only within its issuer, and every commune's
people's committee numbers its decisions the same way: the province is what tells two of
them apart. It is read from what the issuer prints about itself, in this order:

1. a province named in the header or the authority line ("ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH",
   "UBND TỈNH SÓC TRĂNG" above "UBND HUYỆN MỸ XUYÊN", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG
   NAM"), today's or one of the 63 former ones;
2. a body of the central state heading the header ("BỘ NỘI VỤ", "THỦ TƯỚNG CHÍNH PHỦ"):
   national, though the place line says Hà Nội;
3. the place-and-date line ("Đắk Lắk, ngày 17 tháng 11 năm 2025"): a province, or a ward
   or former district that only one province has;
4. the wards and former districts the header names, when together they leave one province.

The title is never read: "… trên địa bàn huyện Chợ Mới" says what a text is about, not
who issued it. Names are compared by ``match_key`` (case, NFC, hoà/hòa) and must be printed
with capitals, so "cấp xã và" is no ward. A name that several provinces have (Chợ Mới is
in An Giang and in the former Bắc Kạn) decides nothing by itself.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache

from cchc.graph import levels
from cchc.graph.admin_units import Candidates, districts, former_communes, key, province_names, reform_date, spelling, today, wards
from cchc.graph.model import Province
from cchc.graph.normalize import match_key
from cchc.resources import read_text

_WORD = re.compile(r"\w+")
_LONGEST_NAME = 5  # words: "Văn Miếu - Quốc Tử Giám"


@cache
def _config() -> dict:
    return json.loads(read_text("cchc.graph", "data/gazetteer.json"))


def national(evidence: str = "") -> Province:
    """The scope of the central state's documents."""
    scope = _config()["national"]
    return Province(scope["name"], scope["slug"], 0, evidence=evidence)


def unknown_slug() -> str:
    """The IRI segment of a document whose text does not tell its province."""
    return _config()["unknown_slug"]


def _printed(form: str) -> list[str]:
    """A level word as ``match_key`` words: "TP" → ["tp"], "T.P" → ["t", "p"]."""
    return _WORD.findall(match_key(form))


@cache
def _levels(level: str) -> list[list[str]]:
    """The printed forms of the level words of ``level`` ("tinh", "huyen", "xa"), the longest first."""
    forms = {tuple(_printed(form)) for kind in levels.of_level(level) for form in kind.printed}
    return sorted((list(form) for form in forms), key=lambda form: (-len(form), form))


Tables = dict[str, dict[str, Candidates]]  # level word → name → candidates


def _named(line: str, kind: str, tables: Tables, loose: bool) -> Candidates:
    """The candidates of the first "level Name" in ``line`` that ``tables`` know.

    The longest name that follows a level word and is printed with capitals wins ("xã Tân
    Phú Đông" before "xã Tân Phú").
    """
    words = _WORD.findall(line)
    keys = [match_key(word) for word in words]
    for start in range(len(words)):
        for level in _levels(kind):
            end = start + len(level)
            if keys[start:end] != level:
                continue
            table = tables.get(" ".join(level), {})
            name: list[str] = []
            for word in words[end : end + _LONGEST_NAME]:
                if not (word[0].isupper() or word[0].isdigit()):
                    break
                name.append(key(word, loose))
            for size in range(len(name), 0, -1):
                found = table.get(" ".join(name[:size]))
                if found:
                    return found
    return {}


def _province_tables(loose: bool) -> Tables:
    names = province_names(loose)
    return {" ".join(level): names for level in _levels("tinh")}


def _lower_tables(issued: date | None, loose: bool) -> list[tuple[str, Tables]]:
    """(kind, tables): today's wards for a text of the new division, the former districts
    for an older one; both when the date is unknown."""
    new = issued is None or issued >= reform_date()
    old = issued is None or issued < reform_date()
    chosen = (("xa", wards, new), ("huyen", districts, old))
    return [(kind, tables(loose)) for kind, tables, wanted in chosen if wanted]


def _one(found: Candidates, evidence: str) -> Province | None:
    if len(found) != 1:
        return None
    code, former = next(iter(found.items()))
    place = today()[code]
    return Province(place.name, place.slug, code, former, evidence)


def _central(line: str) -> bool:
    line_key = key(line)
    if any(line_key == body or line_key.startswith(body + " ") for body in _config()["central_bodies"]):
        return True
    return any(line_key.endswith(" " + ending) for ending in _config()["central_endings"])


def own_lines(header: Sequence[str]) -> list[str]:
    """The header's lines but the national motto (its "XÃ HỘI" is no ward)."""
    motto = tuple(_config()["motto"])
    return [line for line in header if line and not match_key(line).startswith(motto)]


def _bare(place: str, issued: date | None, loose: bool) -> Candidates:
    """A place line's name without a level word: a province, else a ward or former district."""
    found = province_names(loose).get(key(place, loose))
    if found:
        return found
    merged: Candidates = {}
    for _, tables in _lower_tables(issued, loose):
        for table in tables.values():
            for code, former in table.get(key(place, loose), {}).items():
                merged[code] = former if merged.get(code, former) == former else None
    return merged


def _narrow(signals: Iterable[tuple[Candidates, str]]) -> Province | None:
    """The one province all non-empty signals agree on, if there is one."""
    left: Candidates | None = None
    evidence: list[str] = []
    for found, text in signals:
        if not found:
            continue
        common = found if left is None else {code: left[code] or found[code] for code in left if code in found}
        if common:
            left = common
            evidence.append(text)
    return _one(left or {}, " / ".join(evidence))


def _find(lines: list[str], place: str | None, issued: date | None, loose: bool) -> Province | None:
    for line in lines:
        found = _one(_named(line, "tinh", _province_tables(loose), loose), line)
        if found:
            return found
    first = next((line for line in lines if line.isupper()), None)
    if first and _central(first):
        return national(first)
    signals: list[tuple[Candidates, str]] = []
    if place:
        signals.append((_named(place, "tinh", _province_tables(loose), loose) or _bare(place, issued, loose), place))
        found = _one(signals[0][0], place)
        if found:
            return found
    for line in lines:
        for kind, tables in _lower_tables(issued, loose):
            signals.append((_named(line, kind, tables, loose), line))
    return _narrow(signals)


def document_province(
    header: Sequence[str], issuer_lines: Sequence[str] = (), place: str | None = None, issued: date | None = None
) -> Province | None:
    """The province of a document, or None when its own lines do not tell.

    ``header``: the lines above the kind heading ("QUYẾT ĐỊNH"); ``issuer_lines``: other
    lines in the issuer's words (the authority line before "Căn cứ", the "Ban hành kèm theo
    … của …" line); ``place``: the place-and-date line's name; ``issued``: the date, which
    decides between today's wards and the former districts. Names are matched exactly
    first, then without diacritics, so a tone mistyped in the source ("HUYỆN HÓN QUẢN")
    still finds its district when no other name does.
    """
    lines = own_lines(header) + [line for line in issuer_lines if line]
    return _find(lines, place, issued, loose=False) or _find(lines, place, issued, loose=True)


@dataclass(frozen=True)
class NamedUnit:
    """A real unit a line names: "tỉnh Đồng Tháp", and the provinces it can be in."""

    level: str
    name: str  # as the official lists spell it
    candidates: Candidates

    def __str__(self) -> str:
        return f"{self.level} {self.name}"


def _joined(*tables: dict[str, Candidates]) -> dict[str, Candidates]:
    out: dict[str, Candidates] = {}
    for table in tables:
        for name, found in table.items():
            held = out.setdefault(name, {})
            for code, former in found.items():
                held[code] = former if held.get(code, former) == former else None
    return out


@cache
def _level_table(written: str, loose: bool) -> dict[str, Candidates]:
    """Name → candidates for one level written in a unit: today's units and the former
    ones, since a text of 2023 names a district or commune that no longer exists. Built per
    level when first asked: a provincial header never loads the ten thousand communes."""
    kind = levels.kind_of(written)
    assert kind is not None, f"not a level word: {written}"
    at = kind.levels
    tables = [province_names(loose)] if "tinh" in at else []
    tables += [districts(loose).get(written, {})] if "huyen" in at else []
    tables += [wards(loose).get(written, {}), former_communes(loose).get(written, {})] if "xa" in at else []
    return tables[0] if len(tables) == 1 else _joined(*tables)


@cache
def _unit_levels() -> list[tuple[list[str], str]]:
    """(printed level words, level written in the unit), the longest first ("thị xã" before "xã")."""
    forms = [(_printed(form), kind.word) for kind in levels.unit_kinds() for form in kind.printed]
    return sorted(forms, key=lambda form: len(form[0]), reverse=True)


def _unit(line: str, loose: bool) -> NamedUnit | None:
    words = _WORD.findall(line)
    keys = [match_key(word) for word in words]
    start = 0
    while start < len(words):
        level = next(((printed, written) for printed, written in _unit_levels() if keys[start : start + len(printed)] == printed), None)
        if level is None:
            start += 1
            continue
        printed, written = level
        end = start + len(printed)
        name: list[str] = []
        for word in words[end : end + _LONGEST_NAME]:
            if not (word[0].isupper() or word[0].isdigit()):
                break
            name.append(key(word, loose))
        table = _level_table(written, loose)
        for size in range(len(name), 0, -1):
            found = table.get(" ".join(name[:size]))
            if found:
                as_printed = " ".join(w.capitalize() if w.isupper() else w for w in words[end : end + size])
                spelled = spelling(written, " ".join(name[:size]), loose) or as_printed
                return NamedUnit(written, spelled, found)
        start = end  # "THỊ XÃ Tân Phú" that is no thị xã is no "xã Tân Phú" either
    return None


def named_unit(line: str) -> NamedUnit | None:
    """The first real unit that ``line`` names after a level word, in the official spelling.

    The name reaches only as far as a real unit's name does, the longest known winning
    ("TỈNH ĐỒNG THÁP ĐỐI VỚI …" → "tỉnh Đồng Tháp"; "xã Tân Phú Đông" before "xã Tân Phú"),
    and must be printed with capitals ("xã hội số" names no commune). Names are matched
    exactly first, then without diacritics ("HUYỆN HÓN QUẢN" → "huyện Hớn Quản").
    """
    return _unit(line, loose=False) or _unit(line, loose=True)
