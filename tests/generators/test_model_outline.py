"""``--like`` lays the draft out as the model text: its chapters, their titles and the
headings of paired articles, without losing or misplacing any of the draft's content."""

from __future__ import annotations

import re

from cchc.generators.document_model import Article, Chapter, Item
from cchc.generators.drafting import Source, make_draft
from cchc.generators.model_outline import ModelOutline, ModelPart, _pairs, follow
from cchc.generators.render_text import render_text


def _article(title: str) -> Article:
    return Article(0, title, [Item("clause", f"Nội dung về {title.lower()}.")])


def test_pairs_keep_both_orders() -> None:
    ours = ["Phạm vi điều chỉnh và đối tượng áp dụng", "Chế độ họp", "Chế độ báo cáo"]
    theirs = ["Phạm vi và đối tượng áp dụng", "Chế độ báo cáo, lưu trữ", "Các cuộc họp của Ban Chỉ đạo"]
    # "Chế độ họp" looks like the model's last heading, but pairing it would cross
    # "Chế độ báo cáo": the order-keeping pairing takes the larger set.
    assert _pairs(ours, theirs) == {0: 0, 2: 1}


def test_articles_move_into_the_models_chapters_and_take_its_headings() -> None:
    body = [
        Chapter(1, "QUY ĐỊNH CHUNG", [_article("Phạm vi điều chỉnh và đối tượng áp dụng"), _article("Nguyên tắc làm việc")]),
        Chapter(2, "NHIỆM VỤ", [_article("Trách nhiệm của Trưởng Ban Chỉ đạo - Chủ tịch UBND xã"),
                                _article("Trách nhiệm của Tổ giúp việc")]),
        Chapter(3, "CHẾ ĐỘ HỌP, BÁO CÁO", [_article("Chế độ họp"), _article("Chế độ báo cáo")]),
        Chapter(4, "TỔ CHỨC THỰC HIỆN", [_article("Kinh phí"), _article("Trách nhiệm thi hành")]),
    ]
    model = ModelOutline("Quy chế mẫu", (
        ModelPart("NHỮNG QUY ĐỊNH CHUNG", ("Phạm vi và đối tượng áp dụng", "Nguyên tắc làm việc của Ban Chỉ đạo")),
        ModelPart("NHIỆM VỤ, QUYỀN HẠN", ("Trưởng Ban Chỉ đạo - Chủ tịch UBND huyện", "Trách nhiệm của Tổ chuyên viên",
                                          "Chế độ báo cáo, lưu trữ")),
        ModelPart("TỔ CHỨC THỰC HIỆN", ("Tổ chức thực hiện",)),
    ))
    before = [a.blocks[0].text for c in body for a in c.articles]
    out, notes = follow(body, model, "huyện Mỹ Xuyên")
    assert [c.title for c in out] == ["NHỮNG QUY ĐỊNH CHUNG", "NHIỆM VỤ, QUYỀN HẠN", "TỔ CHỨC THỰC HIỆN"]
    assert [(c.number, [a.number for a in c.articles]) for c in out] == [(1, [1, 2]), (2, [3, 4, 5, 6]), (3, [7, 8])]
    titles = [a.title for c in out for a in c.articles]
    assert titles[0] == "Phạm vi và đối tượng áp dụng"
    assert titles[2] == "Trách nhiệm của Trưởng Ban Chỉ đạo - Chủ tịch UBND xã"  # the model names another holder
    assert titles[3] == "Trách nhiệm của Tổ giúp việc"  # the model's group has another name
    assert titles[-1] == "Tổ chức thực hiện"
    assert [a.blocks[0].text for c in out for a in c.articles] == before  # nothing lost, nothing reordered
    assert "3 chương" in notes[0]


def test_like_a_unit_lays_the_draft_out_as_its_text(profiles, corpus_store) -> None:
    draft = make_draft("quy-che-bcd", profiles["xa-tan-phu"], Source("like", "huyện Mỹ Xuyên"), corpus_store)
    text = render_text(draft.documents, "md", draft.kind).decode("utf-8")
    chapters = re.findall(r"^### (Chương [IVX]+\. .+)$", text, re.M)
    assert "Chương III. CHẾ ĐỘ HỌP VÀ THÔNG TIN, BÁO CÁO" in chapters  # the model's own title
    assert "**Điều 1. Phạm vi và đối tượng áp dụng**" in text
    assert any(n.startswith("bố cục theo “Hoạt động của Ban Chỉ đạo") for n in draft.content.notes)
    default = make_draft("quy-che-bcd", profiles["xa-tan-phu"])
    assert len(re.findall(r"^\*\*Điều \d+\.", text, re.M)) == len(
        re.findall(r"^\*\*Điều \d+\.", render_text(default.documents, "md", default.kind).decode("utf-8"), re.M))


def test_a_model_without_a_text_of_the_kind_keeps_the_default_layout(profiles, corpus_store) -> None:
    draft = make_draft("ke-hoach", profiles["xa-tan-phu"], Source("like", "tỉnh Quảng Nam"), corpus_store)
    assert any("không có văn bản cùng loại" in n for n in draft.content.notes)
