"""The measurements of Nghị định 30/2020/NĐ-CP, Phụ lục I, in one place.

The docx renderer reads them and the tests assert them, so a change of layout is one
edit here. Sizes in points, lengths in millimetres or centimetres as the decree states.
"""

from __future__ import annotations

import re

PAGE_MM = (210, 297)  # A4
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}
TEXT_WIDTH_CM = (PAGE_MM[0] - MARGINS_MM["left"] - MARGINS_MM["right"]) / 10  # 16.5
FONT = "Times New Roman"
HEADER_COLUMNS_CM = (6.5, 10.0)
SIGNATURE_COLUMNS_CM = (8.0, 8.5)

SIZE = {
    "issuer": 13, "superior": 13, "national": 12, "motto": 13, "number": 13, "place_date": 14,
    "kind": 14, "title": 14, "body": 14, "recipients_title": 12, "recipients": 11, "signature": 14,
    "table": 13, "page_number": 13,
}
FIRST_LINE_INDENT_CM = 1.27
PARAGRAPH_SPACING_PT = 6
LINE_SPACING = 1.15  # multiple of single, within NĐ 30's single to 1.5 lines

# Average advance widths of Times New Roman, in em, to size the rules under headings to
# the line above them (the decree gives them as fractions of that line).
_WIDTHS = {"upper": 0.70, "lower": 0.46, "digit": 0.50, "space": 0.25, "punct": 0.30}
_BOLD_FACTOR = 1.04


def text_width_cm(text: str, size_pt: float, bold: bool = False) -> float:
    em = 0.0
    for ch in text:
        if ch.isspace():
            em += _WIDTHS["space"]
        elif ch.isdigit():
            em += _WIDTHS["digit"]
        elif ch.isalpha():
            em += _WIDTHS["upper"] if ch.isupper() else _WIDTHS["lower"]
        else:
            em += _WIDTHS["punct"]
    width_pt = em * size_pt * (_BOLD_FACTOR if bold else 1.0)
    return width_pt / 72 * 2.54


def rule_fraction(kind: str) -> tuple[float, float]:
    """How long a rule is relative to the line above it: the motto's is as long as the line."""
    return (1.0, 1.0) if kind == "motto" else (1 / 3, 1 / 2)


def split_issuer(name: str) -> list[str]:
    """ "Ủy ban nhân dân xã Tân Phú" is printed on two lines: the body, then the place."""
    match = re.match(r"^(Ủy ban nhân dân|Uỷ ban nhân dân|Hội đồng nhân dân)\s+(.*)$", name)
    if match:
        return [match.group(1).upper(), match.group(2).upper()]
    return [name.upper()]
