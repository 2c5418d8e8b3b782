"""What the real texts of each kind hold, the drafts hold too (NĐ 30/2020 endings included)."""

from __future__ import annotations

import pytest

from cchc.generators.builders import KINDS
from cchc.generators.document_model import Item
from cchc.generators.drafting import make_draft
from cchc.generators.templating import outline_escape
from cchc.generators.vietnamese import BLANK


def _paragraphs(document) -> list[str]:
    out: list[str] = []

    def walk(items):
        for item in items:
            if isinstance(item, Item):
                out.append(item.text)
                walk(item.children)

    for part in document.body:
        for article in getattr(part, "articles", [part]):
            walk(article.blocks)
    return out


@pytest.mark.parametrize("kind", [k for k in KINDS if k != "quyet-dinh"])
def test_every_text_ends_with_the_closing_mark(profiles, kind) -> None:
    draft = make_draft(kind, profiles["xa-tan-phu"])
    for document in draft.documents:
        for text in document.texts():
            assert _paragraphs(text)[-1].endswith("./."), (kind, text.title)


def test_a_draft_decision_leaves_room_for_its_submission(profiles) -> None:
    profile = next(p for p in profiles.values() if not p.number)  # a draft, still unnumbered
    decision = make_draft("quy-che-bcd", profile).documents[0]
    proposal = next(b for b in decision.bases if b.startswith("Theo đề nghị"))
    assert f"Tờ trình số {BLANK}/TTr-" in proposal and f"ngày {BLANK} tháng {BLANK} năm" in proposal
    numbered = make_draft("quy-che-bcd", profiles["huyen-my-xuyen"]).documents[0]
    assert not any("Tờ trình" in b for b in numbered.bases)  # an issued text has no blank to fill


def test_a_blank_value_stays_blank_in_the_outline() -> None:
    assert outline_escape("") == ""
    assert outline_escape(BLANK) == BLANK
    assert outline_escape("+ 1") == "\\+ 1"


def test_a_steering_body_rules_its_meetings_funds_and_files(profiles) -> None:
    text = " ".join(_paragraphs(make_draft("quy-che-bcd", profiles["xa-tan-phu"]).documents[0].attachment))
    for needed in ("Giấy mời", "tài liệu họp được gửi", "không dự họp được", "Trước cuộc họp định kỳ",
                   "Kinh phí hoạt động", "được lưu trữ", "kế hoạch kiểm tra", "con dấu"):
        assert needed in text, needed
    draft = make_draft("quy-che-bcd", profiles["xa-tan-phu"])
    titles = [a.title for t in draft.documents[0].texts() for a in t.articles()]
    assert any(t.startswith("Quyền hạn của") for t in titles)


def test_a_plan_has_targets_reporting_funding_and_own_plans(profiles) -> None:
    plan = make_draft("ke-hoach", profiles["tinh-quang-ngai"]).documents[0]
    titles = [part.title for part in plan.body]
    assert {"CHỈ TIÊU", "NHIỆM VỤ, GIẢI PHÁP", "CHẾ ĐỘ BÁO CÁO", "KINH PHÍ THỰC HIỆN"} <= {t.upper() for t in titles}
    text = " ".join(_paragraphs(plan))
    assert "26/2019/TT-BTC" in text and "%" in text and "kể từ ngày Kế hoạch này được ban hành" in text
    agencies = [a.name for a in profiles["tinh-quang-ngai"].agencies]
    assert all(any(r.startswith(a) for r in plan.recipients) for a in agencies if a not in " ".join(profiles["tinh-quang-ngai"].recipients))


def test_a_rule_on_heads_covers_every_area_its_grades_and_who_rates_when(profiles) -> None:
    from cchc.generators.content import AREA_ORDER

    rules = make_draft("quy-dinh-nguoi-dung-dau", profiles["huyen-my-xuyen"]).documents[0].attachment
    titles = [a.title for a in rules.articles()]
    assert len([t for t in titles if t.startswith("Trách nhiệm về ")]) == len(AREA_ORDER)
    assert any("không xếp loại" in t.lower() for t in titles) and any("thẩm quyền đánh giá" in t for t in titles)
    text = " ".join(_paragraphs(rules))
    assert "hằng năm" in text and "hai năm liên tiếp" in text


def test_a_coordination_rule_goes_by_process_with_time_limits_and_defines_its_standing_body(profiles) -> None:
    profile = profiles["xa-tan-phu"]
    rules = make_draft("quy-che-phoi-hop", profile).documents[0].attachment
    titles = [a.title for a in rules.articles()]
    for process in ("xây dựng kế hoạch", "tổ chức thực hiện", "kiểm tra", "thẩm định đề án", "chấm điểm Chỉ số"):
        assert any(t.startswith("Phối hợp") and process in t for t in titles), process
    text = " ".join(_paragraphs(rules))
    assert "ngày làm việc" in text
    assert f"cơ quan thường trực là {profile.steering.standing.name}" in text


def test_a_body_that_also_steers_de_an_06_gives_the_police_its_duties(profiles) -> None:
    profile = profiles["xa-tan-phu"]
    assert "Đề án 06" in profile.steering.remit
    police = profile.holder("cong_an")
    draft = make_draft("quy-che-bcd", profile)
    duties = [d for d in draft.duties if d.agency == police]
    assert any(d.mode == "chu_tri" and "Đề án 06" in d.text and "định danh điện tử" in d.text for d in duties)
    assert any(line.startswith("Thành viên Ban Chỉ đạo - Trưởng Công an xã") for line in _paragraphs(draft.documents[0].attachment))


def test_a_deputy_signing_for_the_collective_signs_tm_and_kt(profiles, tmp_path) -> None:
    import dataclasses

    from docx import Document as open_docx

    from cchc.generators.render_docx import render_docx
    from cchc.graph.pipeline import analyse

    profile = profiles["xa-tan-phu"]
    deputy = dataclasses.replace(profile, signer=dataclasses.replace(profile.signer, title="Phó Chủ tịch"))
    draft = make_draft("ke-hoach", deputy)
    assert draft.documents[0].signature.lines() == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    path = tmp_path / "kh.docx"
    path.write_bytes(render_docx(draft.documents))
    cell = open_docx(str(path)).tables[-1].rows[0].cells[-1].text
    assert cell.index("TM. ỦY BAN NHÂN DÂN") < cell.index("KT. CHỦ TỊCH") < cell.index("PHÓ CHỦ TỊCH")
    parsed, _ = analyse(path)
    assert parsed.metadata.signer.authority == "KT"  # read back as the innermost authority
