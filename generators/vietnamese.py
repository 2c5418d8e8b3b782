"""Vietnamese conventions of administrative documents: dates, case, lists of names.

Numbering (Điểm letters a … đ …, Roman Chương numbers) is ``cchc.graph.numbering``, shared
with the reader; Word's automatic numbering cannot produce "đ", so labels are literal text.
"""

from __future__ import annotations

import datetime as dt

BLANK = "\u00a0" * 6  # room left for the number or the day when drafting


def day_text(day: int) -> str:
    """NĐ 30/2020: days below 10 take a leading zero."""
    return f"{day:02d}"


def month_text(month: int) -> str:
    """NĐ 30/2020: months 1 and 2 take a leading zero (so "01" cannot be read as "10", "11", "12")."""
    return f"{month:02d}" if month < 3 else str(month)


def long_date(date: dt.date | None, year: int | None = None) -> str:
    """ "ngày 05 tháng 01 năm 2026", or blanks to fill in by hand when the date is not known."""
    if date is None:
        return f"ngày{BLANK}tháng{BLANK}năm {year or ''}".rstrip()
    return f"ngày {day_text(date.day)} tháng {month_text(date.month)} năm {date.year}"


def upper(text: str) -> str:
    return text.upper()


def end_with(text: str, mark: str) -> str:
    """A line ending in exactly ``mark`` (";" or "."), whatever it ended with before."""
    return text.rstrip().rstrip(";.,:") + mark


def join_names(names: list[str]) -> str:
    """ "A", "A và B", "A, B và C": how Vietnamese lists agencies in a sentence."""
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " và " + names[-1]


def capitalize_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def lower_first(text: str) -> str:
    """ "Chủ trì …" → "chủ trì …" but "Ủy ban …" (a name) is left alone by callers that know."""
    return text[:1].lower() + text[1:]
