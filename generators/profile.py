"""Unit profiles: the YAML a user writes about the unit a draft is for, checked thoroughly.

A profile says who the unit is (name, level, province), who issues and signs, which
agencies it has and which functions each holds, who sits on the steering body, and the
cadences of meetings and reports. Every problem in a profile is collected and reported
together, in Vietnamese, with the path of the offending key, so one edit fixes them all.
"""

from __future__ import annotations

import datetime as dt
import difflib
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from cchc.generators.data_files import data
from cchc.generators.errors import ProfileError
from cchc.generators.vocab import functions
from cchc.graph.levels import unit_kinds, words_of

_TOP_KEYS = {
    "unit", "issuer", "place", "number", "date", "year", "signer", "agencies", "steering",
    "cadence", "legal_bases", "proposer", "recipients", "ratings", "replaces",
}


@dataclass(frozen=True)
class Agency:
    name: str
    functions: tuple[str, ...]
    head: str  # the head's post as printed: "Chánh Văn phòng HĐND và UBND xã"
    short: str = ""  # for "Lưu: VT, …"


@dataclass(frozen=True)
class Member:
    """A seat on the steering body: held by an agency's head, or a post of its own."""

    post: str  # as printed after "Thành viên Ban Chỉ đạo - ": "Trưởng Phòng Kinh tế"
    agency: Agency | None = None
    standing: bool = False


@dataclass(frozen=True)
class Steering:
    name: str
    short: str
    remit: str
    head: str  # "Chủ tịch Ủy ban nhân dân xã"
    deputies: tuple[Member, ...]
    members: tuple[Member, ...]
    standing: Agency | None  # cơ quan thường trực
    working_group: str
    decision: str = ""  # the decision establishing the body, if known


@dataclass(frozen=True)
class Report:
    reporter: str | None  # None: "các cơ quan, đơn vị"
    recipient: str
    via: str | None
    period: str  # monthly | quarterly | half_yearly | yearly
    day: int
    month: int | None  # month within the period; None = the last month of the period


@dataclass(frozen=True)
class Rating:
    grade: str
    min_percent: float | None


@dataclass(frozen=True)
class Cadence:
    meetings_per_year: int = 4
    ad_hoc_meetings: bool = True
    reports: tuple[Report, ...] = ()


@dataclass(frozen=True)
class Signer:
    authority: str  # TM | KT | Q | TL | TUQ | ""
    on_behalf_of: str  # "Ủy ban nhân dân" (TM.), "Chủ tịch" (KT.)
    title: str
    name: str


@dataclass(frozen=True)
class Profile:
    source: str
    unit_name: str
    level: str
    province: str
    structure: str  # current | historic
    issuer: str
    issuer_superior: str | None
    issuer_code: str
    place: str
    number: str
    date: dt.date | None
    year: int
    signer: Signer
    agencies: tuple[Agency, ...]
    steering: Steering
    cadence: Cadence
    legal_bases: tuple[str, ...] = ()
    proposer: str = ""
    recipients: tuple[str, ...] = ()
    ratings: tuple[Rating, ...] = ()
    replaces: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def unit(self) -> str:
        """ "xã Tân Phú", "tỉnh Đồng Nai"."""
        return f"{self.level} {self.unit_name}"

    @property
    def committee(self) -> str:
        """ "Ủy ban nhân dân xã" (this unit's committee, as its own agencies name it)."""
        return f"Ủy ban nhân dân {self.level}"

    def holder(self, function: str) -> str | None:
        """Who holds a function in this unit: an agency, the head of the body, the working group."""
        if function == "chu_tich":
            return self.steering.head
        if function == "to_giup_viec":
            return self.steering.working_group
        for agency in self.agencies:
            if function in agency.functions:
                return agency.name
        return None

    def agency(self, name: str) -> Agency | None:
        return next((a for a in self.agencies if a.name == name), None)


class _Checker:
    def __init__(self, source: str) -> None:
        self.source = source
        self.problems: list[str] = []

    def add(self, path: str, problem: str) -> None:
        self.problems.append(f"{path}: {problem}")

    def mapping(self, value: Any, path: str, allowed: set[str] | None = None) -> dict[str, Any]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.add(path, "phải là một bảng khóa: giá trị")
            return {}
        if allowed is not None:
            for key in value:
                if key not in allowed:
                    close = difflib.get_close_matches(str(key), sorted(allowed), n=1)
                    hint = f" (có phải '{close[0]}'?)" if close else f" (các khóa: {', '.join(sorted(allowed))})"
                    self.add(f"{path}.{key}" if path else str(key), f"khóa không biết{hint}")
        return value

    def text(self, table: dict[str, Any], key: str, path: str, required: bool = True, default: str = "") -> str:
        value = table.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.add(f"{path}.{key}" if path else key, "thiếu (bắt buộc)")
            return default
        if not isinstance(value, (str, int)):
            self.add(f"{path}.{key}" if path else key, "phải là một chuỗi")
            return default
        return " ".join(str(value).split())

    def texts(self, value: Any, path: str) -> tuple[str, ...]:
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.add(path, "phải là một danh sách chuỗi")
            return ()
        return tuple(" ".join(v.split()) for v in value)


def _head_title(name: str) -> str:
    for prefix, title in data("conventions")["head_titles"]:
        if name.startswith(prefix):
            return f"{title} {name}"
    return f"Người đứng đầu {name}"


def _agencies(check: _Checker, raw: Any) -> tuple[Agency, ...]:
    known = functions()
    if not isinstance(raw, list) or not raw:
        check.add("agencies", "cần một danh sách cơ quan (mỗi mục có name và functions)")
        return ()
    agencies: list[Agency] = []
    holders: dict[str, str] = {}
    for index, entry in enumerate(raw):
        path = f"agencies[{index + 1}]"
        table = check.mapping(entry, path, {"name", "functions", "head", "short"})
        name = check.text(table, "name", path)
        funcs = table.get("functions")
        if not isinstance(funcs, list) or not funcs:
            check.add(f"{path}.functions", "cần ít nhất một chức năng (vd. [noi_vu])")
            funcs = []
        for function in funcs:
            if function not in known:
                close = difflib.get_close_matches(str(function), list(known), n=1)
                hint = f"có phải '{close[0]}'?" if close else "các chức năng: " + ", ".join(known)
                check.add(f"{path}.functions", f"chức năng '{function}' không có trong từ điển ({hint})")
            elif function in holders and name:
                check.add(f"{path}.functions", f"chức năng '{function}' đã giao cho {holders[function]}")
            elif name:
                holders[function] = name
        if name and any(a.name == name for a in agencies):
            check.add(f"{path}.name", f"cơ quan '{name}' đã khai báo")
        if name:
            head = check.text(table, "head", path, required=False) or _head_title(name)
            agencies.append(Agency(name, tuple(str(f) for f in funcs), head, check.text(table, "short", path, required=False)))
    return tuple(agencies)


def _member(check: _Checker, entry: Any, path: str, agencies: tuple[Agency, ...]) -> Member | None:
    if isinstance(entry, str):
        entry = {"agency": entry} if any(a.name == entry for a in agencies) else {"post": entry}
    table = check.mapping(entry, path, {"agency", "post", "standing"})
    standing = bool(table.get("standing", False))
    if "agency" in table:
        name = check.text(table, "agency", path)
        agency = next((a for a in agencies if a.name == name), None)
        if agency is None:
            check.add(f"{path}.agency", f"'{name}' không có trong agencies")
            return None
        return Member(agency.head, agency, standing)
    post = check.text(table, "post", path)
    return Member(post, None, standing) if post else None


def _steering(check: _Checker, raw: Any, agencies: tuple[Agency, ...], committee: str, unit: str) -> Steering:
    table = check.mapping(raw, "steering", {"name", "short", "remit", "head", "deputies", "members", "standing", "working_group", "decision"})
    name = check.text(table, "name", "steering", required=False) or f"Ban Chỉ đạo cải cách hành chính {unit}"
    deputies = tuple(m for i, e in enumerate(table.get("deputies") or []) if (m := _member(check, e, f"steering.deputies[{i + 1}]", agencies)))
    members = tuple(m for i, e in enumerate(table.get("members") or []) if (m := _member(check, e, f"steering.members[{i + 1}]", agencies)))
    if not isinstance(table.get("deputies") or [], list) or not isinstance(table.get("members") or [], list):
        check.add("steering", "deputies và members phải là danh sách")
    standing_name = check.text(table, "standing", "steering", required=False)
    standing = next((a for a in agencies if a.name == standing_name), None) if standing_name else None
    if standing_name and standing is None:
        check.add("steering.standing", f"'{standing_name}' không có trong agencies")
    if standing is None:
        standing = next((a for a in agencies if "noi_vu" in a.functions), None)
    seats = [m.agency.name for m in (*deputies, *members) if m.agency]
    for seat in {s for s in seats if seats.count(s) > 1}:
        check.add("steering", f"'{seat}' được xếp hai ghế trong Ban Chỉ đạo")
    return Steering(
        name=name,
        short=check.text(table, "short", "steering", required=False) or "Ban Chỉ đạo",
        remit=check.text(table, "remit", "steering", required=False) or "cải cách hành chính",
        head=check.text(table, "head", "steering", required=False) or f"Chủ tịch {committee}",
        deputies=deputies,
        members=members,
        standing=standing,
        working_group=check.text(table, "working_group", "steering", required=False) or "Tổ giúp việc",
        decision=check.text(table, "decision", "steering", required=False),
    )


def _cadence(check: _Checker, raw: Any, agencies: tuple[Agency, ...]) -> Cadence:
    table = check.mapping(raw, "cadence", {"meetings_per_year", "ad_hoc_meetings", "reports"})
    per_year = table.get("meetings_per_year", 4)
    if per_year not in (1, 2, 4, 12):
        check.add("cadence.meetings_per_year", "chỉ nhận 1, 2, 4 hoặc 12 (mỗi năm, 6 tháng, quý, tháng một lần)")
        per_year = 4
    periods = data("conventions")["periods"]
    period_months = {"monthly": 1, "quarterly": 3, "half_yearly": 6, "yearly": 12}
    reports: list[Report] = []
    names = {a.name for a in agencies}
    for index, entry in enumerate(table.get("reports") or []):
        path = f"cadence.reports[{index + 1}]"
        row = check.mapping(entry, path, {"reporter", "recipient", "via", "period", "day", "month"})
        period = row.get("period")
        if not isinstance(period, str) or period not in periods:
            check.add(f"{path}.period", f"phải là một trong {', '.join(periods)}")
            continue
        day = row.get("day")
        if not isinstance(day, int) or not 1 <= day <= 28:
            check.add(f"{path}.day", "phải là một ngày từ 1 đến 28")
            continue
        month = row.get("month", "cuối")
        if month == "cuối" or month is None:
            month = None
        elif not isinstance(month, int) or not 1 <= month <= 12:
            check.add(f"{path}.month", "phải là 'cuối' (tháng cuối kỳ) hoặc một tháng 1–12")
            continue
        elif period != "yearly" and month > period_months[period]:
            # "tháng 6" in a half-year is its 6th month; a month number counts in the year.
            month = (month - 1) % period_months[period] + 1
        reporter = check.text(row, "reporter", path, required=False) or None
        via = check.text(row, "via", path, required=False) or None
        for key, value in (("reporter", reporter), ("via", via)):
            if value and value not in names:
                check.add(f"{path}.{key}", f"'{value}' không có trong agencies")
        reports.append(Report(reporter, check.text(row, "recipient", path), via, period, day, month))
    return Cadence(per_year, bool(table.get("ad_hoc_meetings", True)), tuple(reports))


def _ratings(check: _Checker, raw: Any) -> tuple[Rating, ...]:
    """Grades from best to worst; each threshold below the one before, so ranges cannot overlap."""
    if raw is None:
        return ()
    if not isinstance(raw, list) or len(raw) < 2:
        check.add("ratings", "cần ít nhất hai mức xếp loại, từ cao xuống thấp")
        return ()
    ratings: list[Rating] = []
    previous: float | None = None
    for index, entry in enumerate(raw):
        path = f"ratings[{index + 1}]"
        row = check.mapping(entry, path, {"grade", "min"})
        grade = check.text(row, "grade", path)
        minimum = row.get("min")
        last = index == len(raw) - 1
        if last and minimum is not None:
            check.add(f"{path}.min", "mức cuối cùng là phần còn lại (dưới ngưỡng của mức trên), không ghi min")
            minimum = None
        elif not last and (not isinstance(minimum, (int, float)) or not 0 < minimum <= 100):
            check.add(f"{path}.min", "cần một ngưỡng phần trăm trong khoảng (0, 100]")
            minimum = None
        elif not last and previous is not None and minimum is not None and minimum >= previous:
            check.add(f"{path}.min", f"ngưỡng {minimum}% phải thấp hơn ngưỡng của mức trên ({previous}%)")
        if minimum is not None:
            previous = float(minimum)
        ratings.append(Rating(grade, float(minimum) if minimum is not None else None))
    return tuple(ratings)


def _date(check: _Checker, value: Any) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        check.add("date", f"'{value}' không phải ngày dạng NĂM-THÁNG-NGÀY (vd. 2025-08-15), hoặc để trống")
        return None


def validate(raw: Any, source: str = "hồ sơ") -> Profile:
    """A Profile, or a ProfileError listing every problem found."""
    check = _Checker(source)
    top = check.mapping(raw, "", _TOP_KEYS)
    if not isinstance(raw, dict):
        raise ProfileError(source, ["tệp phải là một bảng YAML (khóa: giá trị), bắt đầu bằng unit:"])
    unit = check.mapping(top.get("unit"), "unit", {"name", "level", "province"})
    if "unit" not in top:
        check.add("unit", "thiếu (bắt buộc): tên và cấp đơn vị")
    name = check.text(unit, "name", "unit")
    level = check.text(unit, "level", "unit")
    levels = {kind.word: "current" if kind.current else "historic" for kind in unit_kinds()}
    if level and level not in levels:
        check.add("unit.level", f"cấp '{level}' không hợp lệ; dùng một trong: {', '.join(levels)}")
    province = check.text(unit, "province", "unit", required=level not in words_of("tinh"))
    committee = f"Ủy ban nhân dân {level}"
    issuer = check.mapping(top.get("issuer"), "issuer", {"name", "superior", "code"})
    year = top.get("year")
    if not isinstance(year, int) or not 2000 <= year <= 2100:
        check.add("year", "cần năm dạng số (vd. 2026)")
        year = dt.date.today().year
    signer_table = check.mapping(top.get("signer"), "signer", {"authority", "on_behalf_of", "title", "name"})
    authority = check.text(signer_table, "authority", "signer", required=False)
    if authority and authority not in data("conventions")["authorities"]:
        check.add("signer.authority", f"'{authority}' không hợp lệ; dùng TM, KT, Q, TL, TUQ hoặc để trống")
    agencies = _agencies(check, top.get("agencies"))
    steering = _steering(check, top.get("steering"), agencies, committee, f"{level} {name}")
    default_issuer = f"Ủy ban nhân dân {level} {name}"
    profile = Profile(
        source=source,
        unit_name=name,
        level=level,
        province=province,
        structure=levels.get(level, "current"),
        issuer=check.text(issuer, "name", "issuer", required=False) or default_issuer,
        issuer_superior=check.text(issuer, "superior", "issuer", required=False) or None,
        issuer_code=check.text(issuer, "code", "issuer", required=False) or "UBND",
        place=check.text(top, "place", "", required=False) or name,
        number=check.text(top, "number", "", required=False),
        date=_date(check, top.get("date")),
        year=year,
        signer=Signer(
            authority=authority,
            on_behalf_of=check.text(signer_table, "on_behalf_of", "signer", required=False)
            or ("Ủy ban nhân dân" if authority == "TM" else "Chủ tịch" if authority == "KT" else ""),
            title=check.text(signer_table, "title", "signer"),
            name=check.text(signer_table, "name", "signer", required=False),
        ),
        agencies=agencies,
        steering=steering,
        cadence=_cadence(check, top.get("cadence"), agencies),
        legal_bases=check.texts(top.get("legal_bases"), "legal_bases"),
        proposer=check.text(top, "proposer", "", required=False),
        recipients=check.texts(top.get("recipients"), "recipients"),
        ratings=_ratings(check, top.get("ratings")),
        replaces=check.text(top, "replaces", "", required=False),
    )
    if check.problems:
        raise ProfileError(source, check.problems)
    return profile


def _flow_depth(text: str) -> int:
    """Deepest nesting of YAML flow brackets ``[ {`` (block nesting is bounded by indentation)."""
    from cchc.graph.store.query_text import bracket_depth

    return bracket_depth(text, "[{", "]}")


def load_profile(path: Path | str) -> Profile:
    """Read and validate a profile file; YAML syntax errors name the line."""
    path = Path(path)
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # /dev/zero or a FIFO would never end
            raise ProfileError(str(path), ["không phải tệp thông thường"])
        if info.st_size > MAX_PROFILE_BYTES:
            raise ProfileError(str(path), [f"tệp quá lớn cho một hồ sơ ({info.st_size:,} byte, tối đa {MAX_PROFILE_BYTES:,})"])
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ProfileError(str(path), ["không tìm thấy tệp"]) from None
    except (OSError, UnicodeDecodeError) as error:
        raise ProfileError(str(path), [f"không đọc được tệp ({error})"]) from None
    return parse_profile(text, str(path))


# A profile is a page of YAML: anything far larger, or nested deeper, is not one.
MAX_PROFILE_BYTES = 1_000_000
MAX_PROFILE_NESTING = 32


def parse_profile(text: str, source: str = "hồ sơ") -> Profile:
    if len(text) > MAX_PROFILE_BYTES:
        raise ProfileError(source, [f"hồ sơ quá lớn ({len(text):,} ký tự, tối đa {MAX_PROFILE_BYTES:,})"])
    if _flow_depth(text) > MAX_PROFILE_NESTING:
        raise ProfileError(source, [f"hồ sơ lồng quá sâu (hơn {MAX_PROFILE_NESTING} cấp ngoặc)"])
    try:
        raw = yaml.safe_load(text)
    except (ValueError, OverflowError):  # a date that does not exist ("2026-02-31")
        raise ProfileError(source, ["có ngày không tồn tại trong lịch (vd. 31/02) hoặc giá trị không đọc được"]) from None
    except RecursionError:
        raise ProfileError(source, ["hồ sơ lồng quá sâu"]) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"dòng {mark.line + 1}, cột {mark.column + 1}: " if mark else ""
        problem = getattr(error, "problem", None) or str(error)
        raise ProfileError(source, [f"{where}lỗi cú pháp YAML ({problem})"]) from None
    return validate(raw, source)
