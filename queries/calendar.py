"""Resolve reporting deadline rules to dates of a year, and write them as iCalendar.

A rule with a day and a month within its period ("chậm nhất ngày 05 của các tháng 3, 6, 9,
12": quarterly, day 5, third month) gives one date per period; rules without a day
("trước ngày họp ít nhất 05 ngày làm việc") have no fixed date and are listed, not guessed.
"""

from __future__ import annotations

import calendar as month_days
import hashlib
import datetime as dt
from dataclasses import dataclass

from icalendar import Calendar, Event

from cchc.graph.store.base import SelectResult

PERIOD_MONTHS = {"monthly": 1, "quarterly": 3, "half_yearly": 6, "yearly": 12}


@dataclass(frozen=True)
class Deadline:
    date: dt.date
    unit: str
    reporter: str | None
    recipient: str | None
    rule: str
    provision: str


def _value(row: dict, key: str) -> str | None:
    term = row.get(key)
    return term.value if term is not None else None


def deadlines(result: SelectResult, year: int) -> tuple[list[Deadline], list[dict]]:
    """(dated deadlines in order, obligations whose rule names no date)."""
    dated: list[Deadline] = []
    undated: list[dict] = []
    for row in result.rows:
        period, day = _value(row, "period"), _value(row, "day")
        span = PERIOD_MONTHS.get(period or "")
        if span is None or day is None:
            undated.append(row)
            continue
        offset = int(_value(row, "month_in_period") or span)
        for first_month in range(1, 13, span):
            month = first_month + offset - 1
            last_day = month_days.monthrange(year, month)[1]
            dated.append(
                Deadline(
                    date=dt.date(year, month, min(int(day), last_day)),
                    unit=_value(row, "unit") or "",
                    reporter=_value(row, "reporter"),
                    recipient=_value(row, "recipient"),
                    rule=_value(row, "rule") or "",
                    provision=_value(row, "provision") or "",
                )
            )
    return sorted(dated, key=lambda d: (d.date, d.unit)), undated


def to_ics(items: list[Deadline]) -> bytes:
    """An iCalendar file that Outlook and Google Calendar import: one all-day event per date."""
    cal = Calendar()
    cal.add("prodid", "-//cchc//lịch báo cáo cải cách hành chính//VI")
    cal.add("version", "2.0")
    for item in items:
        event = Event()
        who = f"{item.reporter} → " if item.reporter else ""
        event.add("summary", f"Hạn báo cáo CCHC: {who}{item.recipient or item.unit}")
        event.add("dtstart", item.date)
        event.add("dtend", item.date + dt.timedelta(days=1))
        event.add("description", f"{item.unit}. {item.rule}\nNguồn: {item.provision}")
        key = hashlib.sha1(f"{item.date}|{item.unit}|{item.provision}".encode()).hexdigest()[:16]
        event.add("uid", f"{key}@cchc")  # stable: re-importing updates instead of duplicating
        cal.add_component(event)
    return cal.to_ical()
