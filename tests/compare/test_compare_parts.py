"""The pieces of a comparison that need no store: labels, word diffs, article pairing, escaping."""

from __future__ import annotations

from html.parser import HTMLParser

from cchc.generators.compare_align import pair_articles, word_diff
from cchc.generators.compare_html import to_html
from cchc.generators.compare_labels import cadence, eid_label, provision_label, threshold
from cchc.generators.compare_md import to_markdown
from cchc.generators.compare_model import Article, Cell, Comparison, ProvisionRef, Row, Value
from cchc.generators.compare_survey import level_word


def test_provision_labels_read_as_officials_cite_them() -> None:
    assert eid_label("art_6__para_2__point_a__indent_1") == "Điều 6 khoản 2 điểm a"
    assert eid_label("art_11__para_1__point_dd") == "Điều 11 khoản 1 điểm đ"
    assert eid_label("art_6__para_2__point_c__indent_10") == "Điều 6 khoản 2 điểm c"
    assert eid_label("sec_ii__para_4__point_b__indent_35") == "Mục II.4 điểm b"
    assert eid_label("sec_iv__indent_66") == "Mục IV"
    assert provision_label("att_1/art_9__para_1", "quy_che") == "Điều 9 khoản 1 (Quy chế kèm theo)"
    assert provision_label("") == "Phần căn cứ ban hành"


def test_cadences_and_thresholds_in_words() -> None:
    assert cadence(2, True) == "6 tháng một lần (2 lần/năm), đột xuất khi cần"
    assert cadence(12, False) == "hằng tháng (12 lần/năm)"
    assert threshold(90, None) == "≥ 90%"
    assert threshold(50, 60) == "50%–60%"
    assert threshold(None, 50) == "≤ 50%"


def test_the_distribution_names_the_level_when_all_units_share_it() -> None:
    assert level_word(["huyện Mỹ Xuyên", "huyện Chợ Mới"]) == "huyện"
    assert level_word(["huyện Mỹ Xuyên", "tỉnh Quảng Nam"]) == "đơn vị"
    assert level_word(["Văn phòng Ủy ban nhân dân Thành phố"]) == "đơn vị"


def _rebuilt(parts, ops: set[str]) -> list[str]:
    return " ".join(p.text for p in parts if p.op in ops).split()


def test_word_diff_keeps_both_texts_and_ignores_spelling_variants() -> None:
    left = "Ban Chỉ đạo họp định kỳ 02 lần/năm và đột xuất khi có yêu cầu."
    right = "Ban Chỉ đạo họp định kỳ mỗi quý một lần và đột xuất khi có yêu cầu."
    parts = word_diff(left, right)
    assert _rebuilt(parts, {"equal", "delete"}) == left.split()
    assert _rebuilt(parts, {"equal", "insert"}) == right.split()
    assert [p.text for p in parts if p.op == "delete"] == ["02 lần/năm"]
    assert [p.text for p in parts if p.op == "insert"] == ["mỗi quý một lần"]
    # Old and new tone placement, and case, are the same word.
    assert {p.op for p in word_diff("Phòng Văn hoá và Thông tin", "phòng văn hóa và thông tin")} == {"equal"}


def _article(number: str, heading: str, text: str = "", areas: tuple[str, ...] = ()) -> Article:
    return Article(
        document="https://example.org/doc",
        container="https://example.org/doc",
        kind="quy_che",
        iri=f"https://example.org/doc/art_{number}",
        eid=f"art_{number}",
        label=f"Điều {number}",
        number=number,
        heading=heading,
        text=text,
        areas=frozenset(areas),
    )


def test_articles_pair_by_topic_not_by_number() -> None:
    left = [
        _article("1", "Phạm vi và đối tượng áp dụng", "Quy chế này quy định nguyên tắc làm việc của Ban Chỉ đạo."),
        _article("9", "Các cuộc họp của Ban Chỉ đạo", "Ban Chỉ đạo họp định kỳ 02 lần/năm."),
        _article("10", "Chế độ báo cáo, lưu trữ", "Báo cáo định kỳ hằng quý gửi Phòng Nội vụ."),
        _article("12", "Khen thưởng", "Tập thể, cá nhân có thành tích được khen thưởng theo quy định."),
    ]
    right = [
        _article("1", "Phạm vi điều chỉnh và đối tượng áp dụng", "Quy chế này quy định chế độ làm việc của Ban Chỉ đạo."),
        _article("7", "Chế độ báo cáo", "Thành viên báo cáo định kỳ hằng quý."),
        _article("8", "Chế độ họp", "Ban Chỉ đạo họp định kỳ mỗi tháng một lần."),
        _article("9", "Kinh phí hoạt động", "Kinh phí bảo đảm từ ngân sách nhà nước."),
    ]
    pairs, only_left, only_right = pair_articles(left, right)
    assert {(a.number, b.number) for a, b, _ in pairs} == {("1", "1"), ("9", "8"), ("10", "7")}
    assert [a.number for a in only_left] == ["12"]
    assert [b.number for b in only_right] == ["9"]


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.scripts = 0
        self.titles: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.scripts += tag == "script"
        if tag == "a" and dict(attrs).get("title"):
            self.titles.append(dict(attrs)["title"])


def test_html_and_markdown_escape_what_documents_say() -> None:
    ref = ProvisionRef("https://example.org/doc", "https://example.org/doc/art_1", "art_1", "Điều 1", 'Câu "nguồn" <script>alert(1)</script>')
    hostile = Value(text="<script>alert(1)</script> | Phòng *A*", key="x", refs=[ref])
    row = Row("Mục", "Chủ trì", [Cell("huyện A", [hostile]), Cell("huyện B")]).settle()
    comparison = Comparison(units=["huyện A", "huyện B"], rows=[row])
    page = to_html(comparison)
    parser = _Links()
    parser.feed(page)
    assert parser.scripts == 0 and "&lt;script&gt;" in page
    assert parser.titles == ['Câu "nguồn" <script>alert(1)</script>']  # an attribute, read back intact
    markdown = to_markdown(comparison)
    table_row = next(line for line in markdown.splitlines() if "Chủ trì" in line)
    assert table_row.count(" | ") == 2  # the pipe in the value does not open a new column
    assert "\\<script\\>" in table_row and "\\*A\\*" in table_row
