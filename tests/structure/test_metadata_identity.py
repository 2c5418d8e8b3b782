"""Document fields read from invented headers and signature blocks."""

from __future__ import annotations

from cchc.graph.model import SourceText
from cchc.graph.structure import parse_document

HEADER = "ỦY BAN NHÂN DÂN\nTỈNH BẮC KẠN\nSố: 77/KH-UBND\nBắc Kạn, ngày 03 tháng 3 năm 2026\nKẾ HOẠCH\nPhát triển du lịch cộng đồng\n"


def doc(text: str):
    return parse_document(SourceText(name="vi-du.txt", text=text, format="txt"))


def test_the_innermost_authority_signs_and_an_annex_after_the_name_keeps_the_signature() -> None:
    text = HEADER + (
        "I. MỤC ĐÍCH\n1. Sở Du lịch chủ trì triển khai.\n"
        "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nKT.CHỦ TỊCH\nPHÓ CHỦ TỊCH\nLò Văn Bình\n\n"
        "PHỤ LỤC\n(Kèm theo Kế hoạch số 77/KH-UBND ngày 03/3/2026 của UBND tỉnh)\nSTT | Nội dung | Cơ quan chủ trì\n"
    )
    signer = doc(text).metadata.signer
    assert (signer.name, signer.authority, signer.title) == ("Lò Văn Bình", "KT", "Phó chủ tịch")


def test_a_plans_legal_bases_are_the_instruments_it_implements() -> None:
    text = HEADER + (
        "Thực hiện Nghị quyết số 12/NQ-CP ngày 05/01/2026 của Chính phủ về thực hiện Nghị quyết số 9-NQ/TW của Bộ Chính trị; "
        "Quyết định số 345/QĐ-TTg ngày 06/02/2026 của Thủ tướng Chính phủ, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:\n"
        "I. MỤC ĐÍCH\n1. Sở Du lịch chủ trì triển khai.\n"
    )
    assert [c.number for c in doc(text).metadata.legal_bases] == ["12/NQ-CP", "345/QĐ-TTg"]


def test_a_signature_block_flattened_onto_one_line_still_signs_with_its_innermost_authority() -> None:
    text = HEADER + (
        "I. MỤC ĐÍCH\n1. Sở Du lịch chủ trì triển khai.\n"
        "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH\nLò Văn Bình\n"
    )
    signer = doc(text).metadata.signer
    assert (signer.authority, signer.on_behalf_of, signer.title) == ("KT", "CHỦ TỊCH", "Phó chủ tịch")
