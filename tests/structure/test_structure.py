"""Structure of the sample documents and robustness on the real documents of corpus/dev."""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc.graph.model import SourceText
from cchc.graph.structure import effective_metadata, parse_document

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "examples" / "corpus"
DEV = ROOT.parent / "shared" / "corpus" / "dev"


def parse(path: Path):
    return parse_document(SourceText(name=path.name, text=path.read_text(encoding="utf-8"), format="txt", path=path))


def articles(doc) -> list[str]:
    return [p.number for p in doc.provisions() if p.kind == "article"]


def test_decision_and_its_regulation_are_two_linked_documents() -> None:
    doc = parse(CORPUS / "002_e8832a6717c418ce.txt")
    assert articles(doc) == ["1", "2", "3"]
    (regulation,) = doc.attachments
    assert articles(regulation) == [str(n) for n in range(1, 18)]
    assert effective_metadata(doc).kind == "quy_dinh"
    assert [c.number for c in doc.metadata.replaces] == ["1345/QĐ-UBND"]


def test_plan_header_and_numbering() -> None:
    doc = parse(CORPUS / "003_9a23d4ea0e0477f2.txt")
    meta = doc.metadata
    assert (meta.kind, meta.number, meta.issued.isoformat(), meta.place) == ("ke_hoach", "341/KH-UBND", "2023-02-22", "Chợ Mới")
    assert [c.number for c in meta.legal_bases] == ["05-NQ/HU", "471/KH-UBND"]
    assert (meta.signer.authority, meta.signer.name) == ("TM", "Cù Minh Trọng")
    assert doc.body[0].kind == "item" and doc.body[0].number == "I"


def test_provision_ids_are_stable_and_unique() -> None:
    first = parse(CORPUS / "000_946050dc9ec519ea.txt")
    again = parse(CORPUS / "000_946050dc9ec519ea.txt")
    eids = [p.eid for p in first.provisions()]
    assert eids == [p.eid for p in again.provisions()]
    assert len(eids) == len(set(eids))
    assert "art_4__para_6__point_a" in eids


@pytest.mark.skipif(not DEV.is_dir(), reason="shared/corpus/dev is not beside this checkout")
def test_every_dev_document_parses() -> None:
    for path in sorted(DEV.glob("*.txt")):
        doc = parse(path)
        assert doc.metadata.kind, path.name


def test_footnotes_are_attached_to_their_anchors() -> None:
    plan = parse(CORPUS / "003_9a23d4ea0e0477f2.txt")
    numbers = [note.number for note in plan.footnotes]
    assert numbers == ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "1", "12"]  # as printed
    assert plan.footnotes[0].anchor_eid == "sec_i__para_1__indent_3"
    assert all("⁽" not in p.text for p in plan.provisions())


def test_trailing_notes_and_glued_marks() -> None:
    (regulation,) = parse(CORPUS / "001_1847cfd0da4b8df5.txt").attachments
    assert [(n.number, n.anchor_eid) for n in regulation.footnotes][-1] == ("4", "art_9__para_1")
    assert any("hàng Quý hoặc" in p.text for p in regulation.provisions())


def test_a_closing_article_is_not_taken_for_notes() -> None:
    doc = parse(CORPUS / "000_946050dc9ec519ea.txt")
    assert doc.footnotes == ()
    assert [p.number for p in doc.provisions() if p.kind == "article"][-1] == "11"


def test_cross_references_resolve_inside_the_document() -> None:
    (regulation,) = parse(CORPUS / "002_e8832a6717c418ce.txt").attachments
    refs = {(r.source, r.target) for r in regulation.references}
    assert ("art_15__para_2", "art_11") in refs  # "Điều 11 Quy định này"
    assert {f"art_{n}" for n in range(4, 11)} <= {t for s, t in refs if s == "art_11"}  # "các Điều 4, 5, …, 10"
    external = {r.instrument for r in regulation.references if r.instrument}
    assert "34/2016/NĐ-CP" in external


def test_citation_grammar_on_phrases() -> None:
    from cchc.graph.model import SourceText

    text = (
        "Điều 1. Phạm vi\n1. Quy định chung.\n2. Nội dung.\na) Một.\nb) Hai.\n"
        "Điều 2. Áp dụng\n1. Thực hiện theo điểm b khoản 2 Điều 1 và từ Điều 1 đến Điều 3; khoản 1 Điều này.\n"
    )
    doc = parse_document(SourceText(name="c.txt", text=text, format="txt"))
    targets = [r.target for r in doc.references]
    assert targets == ["art_1__para_2__point_b", "art_1", "art_2", None, "art_2__para_1"]


def test_closing_article_and_recipients_are_data() -> None:
    meta = parse(CORPUS / "004_c9bf048497e7369c.txt").metadata
    assert meta.executors[:2] == ("Chánh Văn phòng Ủy ban nhân dân tỉnh", "Giám đốc Sở Nội vụ")
    assert meta.recipients[0] == "Như Điều 3" and "Ban Chỉ đạo CCHC tỉnh" in meta.recipients


@pytest.mark.skipif(not DEV.is_dir(), reason="shared/corpus/dev is not beside this checkout")
def test_numbers_and_dates_of_the_dev_documents_match_their_catalogue() -> None:
    import re

    rows = [line.split(" | ") for line in (DEV / "README.md").read_text(encoding="utf-8").splitlines() if line.startswith("| `")]
    assert len(rows) == 40
    for row in rows:
        name, number, day = row[0].strip("|` "), row[2].strip(), row[3].strip()
        meta = effective_metadata(parse(DEV / name))
        assert meta.number == number, name
        d, m, y = (int(x) for x in re.findall(r"\d+", day))
        assert (meta.issued.year, meta.issued.month, meta.issued.day) == (y, m, d), name


def test_legal_bases_carry_kind_number_date_issuer_and_subject() -> None:
    doc = parse(CORPUS / "002_e8832a6717c418ce.txt")
    law, *_, decision = doc.metadata.legal_bases
    assert (law.kind, law.number, law.title) == ("luat", None, "Luật Tổ chức chính quyền địa phương")
    assert (decision.kind, decision.number, decision.issuer) == ("quyet_dinh", "34/2020/QĐ-UBND", "UBND tỉnh Bình Phước")
    assert decision.date.isoformat() == "2020-12-29" and decision.title.startswith("về việc ban hành Quy định")


@pytest.mark.parametrize(
    ("name", "unit"),
    [
        ("000_946050dc9ec519ea.txt", "huyện Mỹ Xuyên"),
        ("001_1847cfd0da4b8df5.txt", "Văn phòng Ủy ban nhân dân Thành phố"),
        ("003_9a23d4ea0e0477f2.txt", "huyện Chợ Mới"),
        ("004_c9bf048497e7369c.txt", "tỉnh Quảng Nam"),
    ],
)
def test_the_regulated_unit(name: str, unit: str) -> None:
    assert effective_metadata(parse(CORPUS / name)).unit == unit


MARKDOWN_DECISION = """**ỦY BAN NHÂN DÂN XÃ TÂN PHÚ** — **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM** — **Độc lập - Tự do - Hạnh phúc**

Số: 12/QĐ-UBND — *Xã Tân Phú, ngày 05 tháng 01 năm 2026*

## QUYẾT ĐỊNH

**Ban hành Quy chế hoạt động của Ban Chỉ đạo cải cách hành chính xã Tân Phú**

**ỦY BAN NHÂN DÂN XÃ TÂN PHÚ**

*Căn cứ Nghị quyết số 76/NQ-CP ngày 15 tháng 7 năm 2021 của Chính phủ ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030;*

**QUYẾT ĐỊNH:**

**Điều 1.** Ban hành kèm theo Quyết định này Quy chế hoạt động của Ban Chỉ đạo cải cách hành chính xã Tân Phú.

**Điều 2.** Chánh Văn phòng HĐND và UBND xã chịu trách nhiệm thi hành Quyết định này./.

***Nơi nhận:***

\\- Như Điều 2;  
\\- Lưu: VT.  

---

## QUY CHẾ

**Hoạt động của Ban Chỉ đạo cải cách hành chính xã Tân Phú**

*(Ban hành kèm theo Quyết định số 12/QĐ-UBND ngày 05 tháng 01 năm 2026 của Ủy ban nhân dân xã Tân Phú)*

**Điều 1. Phạm vi điều chỉnh**

1\\. Quy chế này quy định nguyên tắc làm việc của Ban Chỉ đạo.

2\\. Quy chế này áp dụng đối với các thành viên Ban Chỉ đạo.
"""


def test_a_markdown_decision_reads_like_its_text() -> None:
    from cchc.graph.read import read_bytes

    doc = parse_document(read_bytes(MARKDOWN_DECISION.encode("utf-8"), "qd.md"))
    meta = doc.metadata
    # number and place/date share one line, as the Markdown drafts write them
    assert (meta.number, meta.place, meta.issued.isoformat()) == ("12/QĐ-UBND", "Xã Tân Phú", "2026-01-05")
    assert meta.issuer == "ỦY BAN NHÂN DÂN XÃ TÂN PHÚ"
    assert [c.number for c in meta.legal_bases] == ["76/NQ-CP"]
    assert meta.recipients == ("Như Điều 2", "Lưu: VT")
    (regulation,) = doc.attachments
    assert effective_metadata(doc).kind == "quy_che"
    assert [(p.eid, p.text) for p in regulation.provisions() if p.kind == "clause"] == [
        ("art_1__para_1", "Quy chế này quy định nguyên tắc làm việc của Ban Chỉ đạo."),
        ("art_1__para_2", "Quy chế này áp dụng đối với các thành viên Ban Chỉ đạo."),
    ]


def test_a_ministry_regulating_its_own_work_is_its_unit() -> None:
    text = (
        "BỘ NỘI VỤ\n\nSố: 15/QĐ-BNV\n\nHà Nội, ngày 10 tháng 3 năm 2026\n\nQUYẾT ĐỊNH\n\n"
        "Ban hành Kế hoạch cải cách hành chính năm 2026\n\nBỘ TRƯỞNG BỘ NỘI VỤ\n\n"
        "Căn cứ Nghị định số 25/2025/NĐ-CP ngày 21 tháng 02 năm 2025 của Chính phủ;\n\n"
        "QUYẾT ĐỊNH:\n\nĐiều 1. Ban hành Kế hoạch cải cách hành chính năm 2026.\n"
    )
    meta = parse_document(SourceText(name="bnv.txt", text=text, format="txt")).metadata
    assert meta.unit == "Bộ Nội vụ"  # the capitals written in the usual case, field capitalised
