"""Page "Lịch báo cáo" (``/lich?year=2026[&unit=…]``): a year's report deadlines and meetings,
and the dated ones as an iCalendar file (``/lich.ics``) for Outlook or Google Calendar.

The same two queries and the same ``cchc.queries.calendar`` functions as ``cchc calendar``,
so the page, the file and the command line list the same items.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from cchc.errors import CchcError
from cchc.web.documents import unit_names
from cchc.web.rendering import render


class Refused(Exception):
    """A year or unit the calendar cannot be made for; the message says why."""


def _year(text: str) -> int:
    try:
        year = int(text)
    except ValueError:
        raise Refused(f"Năm không hợp lệ: {text!r} (viết bốn chữ số, vd. 2026).") from None
    if not 2000 <= year <= 2100:
        raise Refused("Năm cần nằm trong khoảng 2000–2100.")
    return year


def items_of(store, year: int, unit: str) -> list:
    """The calendar items of ``year`` (of one unit when given), as ``cchc calendar`` lists them."""
    from cchc.queries import resolve
    from cchc.queries.calendar import calendar_items
    from cchc.queries.runner import load_query

    try:
        bindings = {"unit": resolve.unit(store, unit)} if unit else {}
        reports = store.select(load_query("reporting_calendar").text, bindings)
        meetings = store.select(load_query("meetings").text, bindings)
    except CchcError as error:
        raise Refused(str(error)) from None
    return calendar_items(reports, meetings, year)


def calendar_page(request: Request) -> Response:
    from cchc.queries.calendar import calendar_table

    store = request.app.state.store
    units = unit_names(store)
    year_text = request.query_params.get("year", "").strip() or str(dt.date.today().year)
    unit = request.query_params.get("unit", "").strip()
    context: dict[str, Any] = {"units": units, "unit": unit, "year": year_text}
    try:
        year = _year(year_text)
        items = items_of(store, year, unit)
    except Refused as refusal:
        return render(request, "calendar.html.j2", status_code=400, headers=None, rows=None, error=str(refusal), **context)
    headers, rows = calendar_table(items)
    query = [("year", str(year))] + ([("unit", unit)] if unit else [])
    undated = sum(1 for i in items if i.date is None)
    return render(request, "calendar.html.j2", headers=headers, rows=rows, undated=undated, query=query, **context)


def calendar_download(request: Request) -> Response:
    from cchc.queries.calendar import to_ics

    try:
        year = _year(request.query_params.get("year", ""))
        items = items_of(request.app.state.store, year, request.query_params.get("unit", "").strip())
    except Refused as refusal:
        return Response(str(refusal), status_code=400, media_type="text/plain; charset=utf-8")
    # An event needs a day: the items with only a month (or none) stay on the page.
    data = to_ics([i for i in items if i.date is not None])
    name = f"lich-bao-cao-{year}.ics"
    return Response(data, media_type="text/calendar; charset=utf-8", headers={"Content-Disposition": f'attachment; filename="{name}"'})
