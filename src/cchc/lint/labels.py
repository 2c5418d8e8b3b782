"""Say where a provision is the way a Vietnamese reader cites it: "Điều 12 khoản 2 điểm a".

Eids are the parser's Akoma Ntoso style identifiers (``art_12__para_2__point_a``); a bullet
has no number people use, so it is placed by its line ("Mục IV, dòng 220").
"""

from __future__ import annotations

import re

_UNITS = {"part": "Phần", "chp": "Chương", "sec": "Mục", "art": "Điều", "para": "khoản", "point": "điểm"}
_REPEAT = re.compile(r"^(?P<number>.+?)_(?P<n>\d+)$")


def _number(kind: str, raw: str) -> str:
    if kind == "point":
        return "đ" if raw == "dd" else raw
    if kind in ("chp", "sec", "part"):
        return raw.upper()
    return raw


def provision_label(eid: str, line: int | None = None) -> str:
    """"art_12__para_2__point_dd" → "Điều 12 khoản 2 điểm đ"; bullets add their line."""
    words: list[str] = []
    bullet = False
    for piece in eid.split("__"):
        kind, _, raw = piece.partition("_")
        if kind == "indent":
            bullet = True
            continue
        if kind not in _UNITS:
            continue
        repeat = ""
        match = _REPEAT.match(raw)  # "chp_iii_2": a number repeated in the source got a suffix
        if match:
            raw, repeat = match.group("number"), f" (lần {match.group('n')})"
        words.append(f"{_UNITS[kind]} {_number(kind, raw)}{repeat}")
    text = " ".join(words)
    if text and words and words[0].startswith(("Chương", "Mục", "Phần")) and len(words) > 1:
        text = words[0] + ", " + " ".join(words[1:])
    if bullet and line is not None:
        return f"{text}, dòng {line}" if text else f"dòng {line}"
    return text or eid
