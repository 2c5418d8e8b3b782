"""Sentences cut by a page break are mended; list items and headings are left alone."""

from cchc.graph.cleanse import join_broken_lines


def test_a_sentence_cut_by_a_page_break_is_joined() -> None:
    lines = ["1. Sở Nội vụ chủ trì, phối hợp với", "", "các cơ quan liên quan tổ chức thực hiện."]
    assert join_broken_lines(lines) == ["1. Sở Nội vụ chủ trì, phối hợp với các cơ quan liên quan tổ chức thực hiện.", "", ""]


def test_headings_and_list_marks_are_not_joined() -> None:
    lines = ["1. Nhiệm vụ chung", "a) Chịu trách nhiệm trước Trưởng Ban.", "Điều 2. Phạm vi", "- theo dõi, đôn đốc"]
    assert join_broken_lines(lines) == lines
