"""How Vietnamese legal texts number their parts, in one place for reading and writing.

Điểm letters follow the Vietnamese alphabet (a, b, c, d, đ, e, g, h, i, k …: no f, j, w,
z), Chương and Kế hoạch sections use Roman numerals, and the parser's eids
(``art_12__para_2__point_dd``) read back as the citation people write ("Điều 12 khoản 2
điểm đ"). Word's numbering, the generators, lint and the labels of every output use these.
"""

from __future__ import annotations

import re

VIETNAMESE_LETTERS = "abcdđeghiklmnopqrstuvxy"
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
_UNITS = {"part": "Phần", "chp": "Chương", "sec": "Mục", "art": "Điều", "para": "khoản", "point": "điểm"}
_REPEAT = re.compile(r"^(?P<number>.+?)_(?P<n>\d+)$")


def point_letter(n: int, upper: bool = False) -> str:
    """1 → a, 5 → đ, 24 → aa (a list that long is a drafting smell, but stays unambiguous)."""
    alphabet = VIETNAMESE_LETTERS.upper() if upper else VIETNAMESE_LETTERS
    out = ""
    while n > 0:
        n, rest = divmod(n - 1, len(alphabet))
        out = alphabet[rest] + out
    return out


def letter_ordinal(letter: str) -> int | None:
    """a → 1, đ → 5; None for a letter the Vietnamese sequence does not use."""
    letter = letter.lower()
    return VIETNAMESE_LETTERS.index(letter) + 1 if len(letter) == 1 and letter in VIETNAMESE_LETTERS else None


def roman(n: int) -> str:
    out = ""
    for value, symbol in _ROMAN:
        while n >= value:
            out += symbol
            n -= value
    return out


def _number(kind: str, raw: str) -> str:
    if kind == "point":
        return "đ" if raw == "dd" else raw
    if kind in ("chp", "sec", "part"):
        return raw.upper()
    return raw


def provision_parts(eid: str) -> tuple[list[str], bool] | None:
    """"art_12__para_2__point_dd__indent_3" → (["Điều 12", "khoản 2", "điểm đ"], True):
    the units people cite, largest first, and whether the eid ends in a bullet (which has
    no number people use). None when ``eid`` is no eid of the parser."""
    words: list[str] = []
    bullet = False
    for piece in eid.split("__"):
        kind, _, raw = piece.partition("_")
        if kind == "indent":
            bullet = True
            continue
        if kind not in _UNITS or not raw:
            return None
        repeat = ""
        match = _REPEAT.match(raw)  # "chp_iii_2": a number repeated in the source got a suffix
        if match:
            raw, repeat = match.group("number"), f" (lần {match.group('n')})"
        words.append(f"{_UNITS[kind]} {_number(kind, raw)}{repeat}")
    return words, bullet


def provision_label(eid: str, line: int | None = None) -> str:
    """"art_12__para_2__point_dd" → "Điều 12 khoản 2 điểm đ"; bullets add their line."""
    parts = provision_parts(eid)
    if parts is None:
        return _OUTSIDE_BODY.get(eid, eid)
    words, bullet = parts
    text = " ".join(words)
    if text and words[0].startswith(("Chương", "Mục", "Phần")) and len(words) > 1:
        text = words[0] + ", " + " ".join(words[1:])
    if bullet and line is not None:
        return f"{text}, dòng {line}" if text else f"dòng {line}"
    return text or eid


# What stands outside the numbered body: the header and opening paragraphs, and the
# closing ones ("Trên đây là …", "Nơi nhận").
_OUTSIDE_BODY = {"preamble": "phần mở đầu", "closing": "phần kết thúc"}


def provision_citation(eid: str) -> str | None:
    """"art_6__para_2__point_b" → "điểm b khoản 2 Điều 6": the smallest unit first, as a
    legal citation reads; a bullet says so. None when ``eid`` is no eid of the parser."""
    parts = provision_parts(eid)
    if parts is None:
        return None
    words, bullet = parts
    citation = " ".join(reversed(words)) or "phần mở đầu"
    return citation + " (gạch đầu dòng)" if bullet else citation


_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def roman_value(text: str) -> int | None:
    """"IV" → 4; None when ``text`` is no Roman numeral."""
    text = text.upper()
    if not text or any(ch not in _ROMAN_VALUES for ch in text):
        return None
    total = 0
    for ch, following in zip(text, text[1:] + " "):
        value = _ROMAN_VALUES[ch]
        total += -value if following in _ROMAN_VALUES and _ROMAN_VALUES[following] > value else value
    return total
