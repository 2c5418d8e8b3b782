"""Which administrative unit (or agency) a document regulates, and who issued it.

Tried in order: a place in the trích yếu ("… trên địa bàn huyện Chợ Mới"); the issuing
authority's line just before the first "Căn cứ" ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG
NAM"), which names a place or, for an agency's own regulation, the agency ("CHÁNH VĂN
PHÒNG ỦY BAN NHÂN DÂN THÀNH PHỐ"); the body of the "Ban hành kèm theo …" line; the
header lines. Names printed in capitals are returned in the usual case.
"""

from __future__ import annotations

import re

from cchc.graph.agencies import held_agency

_LEVELS = ("thành phố", "thị xã", "thị trấn", "đặc khu", "huyện", "tỉnh", "quận", "xã", "phường")
_LEVEL = re.compile(r"(?<!\w)(" + "|".join(_LEVELS) + r")\s+(\w[\w\s]*)", re.IGNORECASE)
_STOP = {"và", "về", "trong", "năm", "giai", "đoạn", "đến", "theo", "của", "trên", "tại", "cấp"}


def _place(text: str) -> str | None:
    for match in _LEVEL.finditer(text):
        level, rest = match.group(1).lower(), match.group(2).split()
        name: list[str] = []
        for word in rest:
            bare = word.strip(",.;:()")
            if not bare or bare.lower() in _STOP or not bare[0].isupper():
                break
            name.append(bare.title() if bare.isupper() else bare)
            if bare != word:
                break
        if name:
            return f"{level} {' '.join(name)}"
    return None


_MINISTRY_HEAD = re.compile(r"\b(?:bộ|sở)\s+(?!trưởng\b)", re.IGNORECASE)
_FIELD_START = re.compile(r"(^\w+\s+|\s(?:và|-)\s+|,\s+)(\w)")


def _sentence_case(text: str) -> str:
    """ "VĂN PHÒNG ỦY BAN NHÂN DÂN THÀNH PHỐ" → "Văn phòng Ủy ban nhân dân Thành phố"."""
    out = text.lower().capitalize()
    out = re.sub(r"(?<!^)ủy ban nhân dân|(?<!^)uỷ ban nhân dân", lambda m: m.group(0).capitalize(), out)
    ministry = _MINISTRY_HEAD.search(out)
    if ministry:  # "Bộ Nội vụ", "Sở Khoa học và Công nghệ": each field starts with a capital
        name = _FIELD_START.sub(lambda m: m.group(1) + m.group(2).upper(), out[ministry.start() :])
        out = out[: ministry.start()] + name[:1].upper() + name[1:]
    return re.sub(r"(thành phố|tỉnh)$", lambda m: m.group(0).capitalize(), out)


_AUTHORITY = re.compile(
    r"^(?:ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|CHỦ TỊCH|THỦ TƯỚNG|BỘ TRƯỞNG|GIÁM ĐỐC|CHÁNH|HỘI ĐỒNG NHÂN DÂN|"
    r"CHÍNH PHỦ|TRƯỞNG BAN|BAN CHỈ ĐẠO|QUỐC HỘI|TỔNG CỤC TRƯỞNG|CỤC TRƯỞNG|VIỆN TRƯỞNG|HIỆU TRƯỞNG)\b"
)


def authority_line(cleaned: list[str]) -> str | None:
    """The line naming who decides ("ỦY BAN NHÂN DÂN HUYỆN …"), in capitals a few lines
    before the first "Căn cứ", past the trích yếu."""
    for index, text in enumerate(cleaned):
        if text.startswith("Căn cứ"):
            for previous in reversed(cleaned[max(0, index - 6) : index]):
                if previous.isupper() and _AUTHORITY.match(previous):
                    return previous
            break
    return _header_issuer(cleaned)


def _header_issuer(cleaned: list[str]) -> str | None:
    """The issuing body of the header table: "ỦY BAN NHÂN DÂN" / "TỈNH PHÚ THỌ" on two lines."""
    lines = [text for text in cleaned[:12] if text]
    for first, second in zip(lines, lines[1:] + [""]):
        if first.isupper() and re.match(r"^(?:ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN|BỘ|SỞ|VĂN PHÒNG|CHÍNH PHỦ)\b", first):
            if second.isupper() and re.match(r"^(?:" + "|".join(_LEVELS).upper() + r")\b", second):
                return f"{first} {second}"
            return first
    return None


def regulated_unit(cleaned: list[str], title: str | None, promulgated_by: str | None) -> str | None:
    for text in (title, authority_line(cleaned), promulgated_by):
        place = _place(text) if text else None
        if place:
            return place
    authority = authority_line(cleaned)
    if authority:
        agency = held_agency(_sentence_case(authority))
        if agency:
            return agency
    for first, second in zip(cleaned[:12], cleaned[1:13]):
        if re.search(r"ỦY BAN NHÂN DÂN|UBND", first) and (place := _place(second)):
            return place
    return None
