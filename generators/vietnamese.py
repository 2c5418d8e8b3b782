"""Vietnamese conventions of administrative documents: numbering letters, dates, case.

Điểm letters follow the Vietnamese alphabet (a, b, c, d, đ, e, g, …), which Word's
automatic numbering cannot produce, so every label is written here as literal text.
"""

from __future__ import annotations

import datetime as dt

POINT_LETTERS = "abcdđeghiklmnopqrstuvxy"
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
BLANK = "\u00a0" * 6  # room left for the number or the day when drafting


def roman(n: int) -> str:
    """Chương and Kế hoạch sections are numbered I, II, III …"""
    out = ""
    for value, symbol in _ROMAN:
        while n >= value:
            out += symbol
            n -= value
    return out


def point_letter(n: int) -> str:
    """1 → a, 5 → đ, 24 → aa (a list that long is a drafting smell, but stays unambiguous)."""
    out = ""
    while n > 0:
        n, rest = divmod(n - 1, len(POINT_LETTERS))
        out = POINT_LETTERS[rest] + out
    return out


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
