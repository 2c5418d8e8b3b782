"""Which administrative unit (or agency) a document regulates, and who issued it.

The unit is what the issuer prints about itself, each place name checked against the
gazetteer of real units (``cchc.graph.gazetteer.named_unit``), in this order: the
deciding line just before the first "Căn cứ" ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG
NAM"); for an agency's own regulation, the agency that line's authority heads ("CHÁNH
VĂN PHÒNG ỦY BAN NHÂN DÂN THÀNH PHỐ", "GIÁM ĐỐC SỞ NỘI VỤ"); the header's lines in
capitals, the lowest body first ("UBND TỈNH SÓC TRĂNG" above "UBND HUYỆN MỸ XUYÊN" is the
district); the "Ban hành kèm theo … của …" line. Only when none of these names a place
or an agency may the trích yếu tell ("… trên địa bàn huyện Chợ Mới" under a header that
says only "BAN CHỈ ĐẠO …"), and only a real unit of the document's province: a title
says what a text is about, and its first capitalised words after "tỉnh" are often no
name at all ("… tỉnh Đồng Tháp Đối Với Các Ngành …"). A central body's document
regulates no place it mentions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from cchc.graph.agencies import held_agency
from cchc.graph.gazetteer import named_unit, own_lines
from cchc.graph.levels import alternation as level_alternation
from cchc.graph.model import Province

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


def deciding_line(cleaned: list[str]) -> str | None:
    """The line naming who decides ("CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN …"), in capitals a few
    lines before the first "Căn cứ", past the trích yếu."""
    for index, text in enumerate(cleaned):
        if text.startswith("Căn cứ"):
            for previous in reversed(cleaned[max(0, index - 6) : index]):
                if previous.isupper() and _AUTHORITY.match(previous):
                    return previous
            break
    return None


def authority_line(cleaned: list[str]) -> str | None:
    """Who issues the text: the deciding line, else the issuing body of the header."""
    return deciding_line(cleaned) or _header_issuer(cleaned)


def _header_issuer(cleaned: list[str]) -> str | None:
    """The issuing body of the header table: "ỦY BAN NHÂN DÂN" / "TỈNH PHÚ THỌ" on two lines."""
    lines = [text for text in cleaned[:12] if text]
    for first, second in zip(lines, lines[1:] + [""]):
        if first.isupper() and re.match(r"^(?:ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN|BỘ|SỞ|VĂN PHÒNG|CHÍNH PHỦ)\b", first):
            if second.isupper() and re.match(r"^(?:" + level_alternation().upper() + r")\b", second):
                return f"{first} {second}"
            return first
    return None


def regulated_unit(
    deciding: str | None,
    header: Sequence[str],
    promulgated_by: str | None = None,
    title: str | None = None,
    province: Province | None = None,
) -> str | None:
    """The unit a document regulates: "tỉnh Đồng Tháp", "xã Tân Phú", "Bộ Nội vụ", or None.

    ``deciding``: the line before the first "Căn cứ" (``deciding_line``); ``header``: the
    issuer's block above the kind heading; ``promulgated_by``: the "Ban hành kèm theo …"
    text; ``title``: the trích yếu, read last; ``province``: the document's, which a
    title's place must lie in.
    """
    found = named_unit(deciding) if deciding else None
    if found:
        return str(found)
    agency = held_agency(_sentence_case(deciding)) if deciding else None
    if agency:
        return agency
    for line in (*(line for line in reversed(own_lines(header)) if line.isupper()), promulgated_by):
        found = named_unit(line) if line else None
        if found:
            return str(found)
    if title and not (province and province.code == 0):
        found = named_unit(title)
        if found and (province is None or province.code in found.candidates):
            return str(found)
    return None
