"""Resolve reporting deadlines and meetings to the days of a year, and write them as iCalendar.

A rule that writes its dates keeps them, month and all: "chậm nhất ngày 15/11 hằng năm" is
15 November, "trước ngày 01/6 và 15/11" is two dates, "trước ngày 15/12/2026" one date in
2026 only. A rule with a day and a month within its period ("ngày 16 của tháng cuối quý":
quarterly, day 16, third month) gives one date per period. Nothing is guessed: a rule that
names a month but no day is listed with its month only, and a rule counted from an event
("10 ngày làm việc kể từ ngày nhận được văn bản"), an ad hoc report or a meeting without a
day is listed undated, with a note that says why, so the reader still sees the obligation.
"""

from __future__ import annotations

import calendar as month_days
import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from functools import cached_property

from icalendar import Calendar, Event

from cchc.graph import reporting
from cchc.graph.numbering import provision_label, provision_parts
from cchc.graph.store.base import SelectResult

PERIOD_MONTHS = {"monthly": 1, "quarterly": 3, "half_yearly": 6, "yearly": 12}
PERIOD_OF_MEETINGS = {12: "monthly", 4: "quarterly", 2: "half_yearly", 1: "yearly"}  # meetings per year
PERIOD_WORDS = {
    "monthly": "hằng tháng",
    "quarterly": "hằng quý",
    "half_yearly": "6 tháng",
    "yearly": "hằng năm",
    "ad_hoc": "đột xuất",
}
REPORT_OF_PERIOD = {
    "monthly": "Báo cáo tháng",
    "quarterly": "Báo cáo quý",
    "half_yearly": "Báo cáo 6 tháng",
    "yearly": "Báo cáo năm",
    "ad_hoc": "Báo cáo đột xuất",
}
UNNAMED = "Không nêu trong văn bản"  # the reason an empty cell would hide
NOT_A_REPORT = "Không áp dụng (cuộc họp)"
UNDATED = "Không cố định"
NO_RULE = "Không nêu thời hạn"


@dataclass(frozen=True)
class CalendarItem:
    """One row of the calendar: a report due, or a meeting, on a day, in a month, or undated."""

    kind: str  # "report" | "meeting"
    year: int
    date: dt.date | None  # the day, when the text gives one
    month: int | None  # the month alone, when the text names a month but no day
    unit: str
    report: str  # what is reported (or which meeting)
    reporter: str  # who sends it: never empty, UNNAMED says the text names nobody
    recipient: str
    rule: str  # the deadline as written
    provision: str  # as people cite it: "Điều 6 khoản 2, văn bản số 1/QĐ-UBND"
    note: str  # why a date is partial or missing, what a relative deadline counts from
    source: str  # the provision's IRI: what makes the UID stable

    @property
    def when(self) -> str:
        """The "Ngày" cell: an ISO date, "tháng 3/2026", or "Không cố định"."""
        if self.date:
            return self.date.isoformat()
        if self.month:
            return f"tháng {self.month}/{self.year}"
        return UNDATED

    @cached_property
    def sort_key(self) -> tuple:
        # dated and month-only rows in the order of the year (a month after its days),
        # undated ones last
        if self.date:
            return (self.date.month, self.date.day, self.unit, self.report)
        if self.month:
            return (self.month, 32, self.unit, self.report)
        return (13, 0, self.unit, self.report)

    def as_row(self) -> dict[str, str | None]:
        return {
            "date": self.date.isoformat() if self.date else None,
            "month": f"{self.year}-{self.month:02d}" if self.month and not self.date else None,
            "when": self.when,
            "kind": self.kind,
            "unit": self.unit,
            "report": self.report,
            "reporter": self.reporter,
            "recipient": self.recipient,
            "rule": self.rule,
            "provision": self.provision,
            "note": self.note,
        }


def _value(row: dict, key: str) -> str | None:
    term = row.get(key)
    return term.value if term is not None and term.value != "" else None


def cite(provision: str, graph: str | None, number: str | None) -> str:
    """``…/att_1/art_6__para_2`` → "Điều 6 khoản 2 của văn bản kèm theo văn bản số 118/QĐ-VP":
    the provision as a reader cites it, never the IRI."""
    if graph and provision.startswith(graph + "/"):
        local = provision[len(graph) + 1 :]
    else:  # no graph to strip: the eid is the last step, or the last two in an annex
        steps = provision.rsplit("/", 2)
        local = "/".join(steps[-2:]) if len(steps) == 3 and re.fullmatch(r"att_\d+", steps[-2]) else steps[-1]
    annex = local.startswith("att_") and "/" in local
    eid = local.split("/", 1)[1] if annex else local
    parts = provision_parts(eid)
    label = provision_label(eid) if parts is not None or eid in ("preamble", "closing") else "văn bản"
    if parts is not None and parts[1]:
        label += " (gạch đầu dòng)"
    if annex:
        label += " của văn bản kèm theo" + (f" văn bản số {number}" if number else "")
    elif number:
        label += f", văn bản số {number}"
    return label


def _last_day(year: int, month: int, day: int) -> dt.date:
    return dt.date(year, month, min(day, month_days.monthrange(year, month)[1]))


@dataclass(frozen=True)
class _Timing:
    """Where an obligation falls in the year: dates, months only, or none and why."""

    dates: tuple[dt.date, ...] = ()
    months: tuple[int, ...] = ()
    note: str = ""
    due_this_year: bool = True  # False: a one-off of another year, not in this calendar


def _timing(year: int, period: str | None, rule: str, day: int | None, month_in_period: int | None, what: str) -> _Timing:
    """The dates a rule gives in ``year``; ``what`` names the event in the notes ("hạn báo cáo")."""
    span = PERIOD_MONTHS.get(period or "")
    words = PERIOD_WORDS.get(period or "", "")
    anchor = reporting.relative_anchor(rule) if rule else None
    if anchor:
        return _Timing(note=f"Không có ngày cố định: {what} tính theo {anchor}.")
    written = reporting.explicit_dates(rule) if rule else ()
    if written:
        this_year = [d for d in written if d.year in (None, year)]
        if not this_year:
            return _Timing(due_this_year=False)
        dates = tuple(_last_day(year, d.month, d.day) for d in this_year)
        note = "" if period in PERIOD_MONTHS or any(d.year for d in written) else f"Văn bản không nêu năm; ghi theo năm {year}."
        return _Timing(dates=dates, note=note)
    if span and day:
        offset = month_in_period or span
        return _Timing(dates=tuple(_last_day(year, first + offset - 1, day) for first in range(1, 13, span)))
    if span and month_in_period:
        months = tuple(first + month_in_period - 1 for first in range(1, 13, span))
        return _Timing(months=months, note=f"Văn bản nêu tháng ({words}) nhưng không nêu ngày: chỉ ghi tháng.")
    if period == "ad_hoc":
        return _Timing(note="Đột xuất, khi có yêu cầu: không có ngày cố định.")
    if span:
        return _Timing(note=f"Định kỳ {words}; văn bản không nêu ngày, nên không ghi ngày.")
    return _Timing(note="Văn bản không nêu ngày cố định.")


def _items(template: dict, year: int, timing: _Timing) -> list[CalendarItem]:
    if not timing.due_this_year:
        return []
    if timing.dates:
        return [CalendarItem(year=year, date=d, month=None, note=timing.note, **template) for d in timing.dates]
    if timing.months:
        return [CalendarItem(year=year, date=None, month=m, note=timing.note, **template) for m in timing.months]
    return [CalendarItem(year=year, date=None, month=None, note=timing.note, **template)]


def _capital(text: str) -> str:
    return text[0].upper() + text[1:] if text else text


def _reporter(row: dict, generic: str | None) -> str:
    """The sender: as the sentence names it, else whom the provision addresses (the agencies
    it assigns work to, or the bodies it opens with), else the collective noun the text uses
    ("Các cơ quan, đơn vị"), else that the text names none."""
    named = _value(row, "reporter")
    if named:
        return named
    addressees = sorted(set((_value(row, "addressees") or "").split("|")) - {""})
    if addressees:
        return ", ".join(addressees)
    return generic or reporting.provision_addressees(_value(row, "provision_text") or "") or UNNAMED


def report_items(result: SelectResult, year: int) -> list[CalendarItem]:
    """The rows of the ``reporting_calendar`` query, resolved to ``year``."""
    items: list[CalendarItem] = []
    for row in result.rows:
        text, period, rule = _value(row, "text") or "", _value(row, "period"), _value(row, "rule") or ""
        generic_sender, generic_recipient = reporting.generic_parties(text)
        recipient = _value(row, "recipient") or _capital(generic_recipient or "") or UNNAMED
        channel = _value(row, "channel")
        if channel and recipient != UNNAMED:
            recipient = f"{recipient} (qua {channel})"
        matter = reporting.reported_matter(text)
        kind = REPORT_OF_PERIOD.get(period or "", "Báo cáo")
        template = {
            "kind": "report",
            "unit": _value(row, "unit") or "",
            "report": f"{kind}: {matter}" if matter else kind,
            "reporter": _reporter(row, generic_sender),
            "recipient": recipient,
            "rule": rule or NO_RULE,
            "provision": cite(_value(row, "provision") or "", _value(row, "graph"), _value(row, "number")),
            "source": _value(row, "provision") or "",
        }
        day, month = _value(row, "day"), _value(row, "month_in_period")
        timing = _timing(year, period, rule, int(day) if day else None, int(month) if month else None, "hạn báo cáo")
        items.extend(_items(template, year, timing))
    return items


def meeting_items(result: SelectResult, year: int) -> list[CalendarItem]:
    """The rows of the ``meetings`` query: a meeting on its day when the text gives one, in
    its month when it gives only that, else one undated row per body that says how often."""
    items: list[CalendarItem] = []
    for row in result.rows:
        text, body = _value(row, "text") or "", _value(row, "body") or UNNAMED
        per_year = float(_value(row, "per_year") or 0)
        period = PERIOD_OF_MEETINGS.get(int(per_year)) if per_year == int(per_year) else None
        rule = reporting.deadline_rule(text) or ""
        # "họp mỗi quý một lần vào tháng cuối quý" writes its time without a deadline word
        when = rule or text
        day, month = reporting.timing(when, period)
        words = PERIOD_WORDS.get(period or "", "")
        how_often = f"định kỳ {words}" if period else (f"{per_year:g} lần/năm" if per_year else "đột xuất")
        template = {
            "kind": "meeting",
            "unit": _value(row, "unit") or "",
            "report": f"Họp {how_often} của {body}",
            "reporter": f"{body} (tổ chức họp)",
            "recipient": NOT_A_REPORT,
            "rule": rule or f"Họp {how_often}",
            "provision": cite(_value(row, "provision") or "", _value(row, "graph"), _value(row, "number")),
            "source": _value(row, "provision") or "",
        }
        timing = _timing(year, period, when, day, month, "ngày họp")
        if not timing.dates and not timing.months and period and not reporting.relative_anchor(when):
            timing = _Timing(note=f"Họp {how_often} ({per_year:g} lần/năm); văn bản không nêu ngày họp, nên không ghi ngày.")
        if _value(row, "ad_hoc") == "true":
            timing = _Timing(timing.dates, timing.months, f"{timing.note} Họp đột xuất khi có yêu cầu.".strip(), timing.due_this_year)
        items.extend(_items(template, year, timing))
    return items


def calendar_items(reports: SelectResult, meetings: SelectResult | None, year: int) -> list[CalendarItem]:
    """Every report and meeting of ``year``, in the order of the year, undated ones last."""
    items = report_items(reports, year) + (meeting_items(meetings, year) if meetings is not None else [])
    return sorted(items, key=lambda item: item.sort_key)


# The columns people read (terminal, md, html, xlsx, csv); JSON keeps ``as_row``'s keys.
CALENDAR_COLUMNS = {
    "when": "Ngày",
    "unit": "Đơn vị",
    "report": "Báo cáo",
    "reporter": "Người gửi",
    "recipient": "Nơi nhận",
    "rule": "Quy tắc",
    "provision": "Điều khoản",
    "note": "Ghi chú",
}


def calendar_table(items: list[CalendarItem], typed_dates: bool = False) -> tuple[list[str], list[list[str | dt.date]]]:
    """Headers and cells of the calendar for people; ``typed_dates``: the first column as
    dates where there is a day (a spreadsheet then sorts and filters them as dates)."""
    keys = list(CALENDAR_COLUMNS)
    cells: list[list[str | dt.date]] = []
    for item in items:
        row = item.as_row()
        first: str | dt.date = item.date if typed_dates and item.date else (row["when"] or "")
        cells.append([first, *(row[key] or "" for key in keys[1:])])
    return list(CALENDAR_COLUMNS.values()), cells


def _summary(item: CalendarItem) -> str:
    """What the calendar shows on the day: the report, who sends it to whom, and the unit
    (one calendar may hold several units)."""
    if item.kind == "meeting":
        return f"{item.report} ({item.unit})"
    return f"{item.report} — {item.reporter} gửi {item.recipient} ({item.unit})"


def to_ics(items: list[CalendarItem], stamp: dt.datetime | None = None) -> bytes:
    """An RFC 5545 calendar that Outlook and Google Calendar import: one all-day event per
    dated item (an item without a day has nothing to put on a day, and is left out).

    The UID hashes the provision, the date and what is due, so re-importing a calendar
    updates its events instead of duplicating them; DTSTAMP is ``stamp`` (now by default).
    """
    stamp = stamp or dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    cal = Calendar()
    cal.add("prodid", "-//cchc//lịch báo cáo cải cách hành chính//VI")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    for item in items:
        if item.date is None:
            continue
        event = Event()
        key = hashlib.sha1(f"{item.source}|{item.date.isoformat()}|{item.kind}|{item.report}".encode()).hexdigest()[:20]
        event.add("uid", f"{key}@cchc")
        event.add("dtstamp", stamp)
        event.add("dtstart", item.date)  # a date: DTSTART;VALUE=DATE
        event.add("dtend", item.date + dt.timedelta(days=1))
        event.add("summary", _summary(item))
        lines = [
            f"Đơn vị: {item.unit}",
            f"Báo cáo: {item.report}",
            f"Người gửi: {item.reporter}",
            f"Nơi nhận: {item.recipient}",
            f"Quy tắc: {item.rule}",
            f"Điều khoản: {item.provision}",
        ]
        if item.note:
            lines.append(f"Ghi chú: {item.note}")
        event.add("description", "\n".join(lines))
        event.add("transp", "TRANSPARENT")  # a deadline does not make anyone busy
        cal.add_component(event)
    return cal.to_ical()
