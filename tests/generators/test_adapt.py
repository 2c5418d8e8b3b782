"""``--like`` writes the model unit's own sentences, moved to the new unit, when that is sure."""

from __future__ import annotations

import re

import pytest

from cchc.generators.adapt import adapt
from cchc.generators.drafting import Source, make_draft
from cchc.generators.render_docx import render_docx
from cchc.generators.render_text import render_text
from cchc.generators.roundtrip import compare


@pytest.fixture(scope="module")
def commune(profiles):
    return profiles["xa-tan-phu"]


def test_agencies_unit_and_level_are_moved(commune) -> None:
    names = {"Phòng Tư pháp": "Văn phòng HĐND và UBND xã", "Phòng Nội vụ": "Phòng Văn hóa - Xã hội"}
    text = adapt("+ Nghiên cứu, tham mưu UBND huyện các giải pháp cải cách thể chế trên địa bàn huyện Mỹ Xuyên, phối hợp Phòng Nội vụ.",
                 "Văn phòng HĐND và UBND xã", names, "huyện Mỹ Xuyên", commune)
    assert text == ("Nghiên cứu, tham mưu UBND xã các giải pháp cải cách thể chế trên địa bàn xã Tân Phú, "
                    "phối hợp Phòng Văn hóa - Xã hội")


@pytest.mark.parametrize("sentence, why", [
    ("Phối hợp Phòng Lao động - Thương binh và Xã hội rà soát thủ tục.", "an agency with no holder here"),
    ("Hướng dẫn UBND các xã, thị trấn tự đánh giá Chỉ số cải cách hành chính.", "a level the commune does not have"),
    ("Theo dõi việc thực hiện ở Mỹ Xuyên và các huyện lân cận.", "the model's name and level left over"),
    ("Chủ trì, phối hợp Phòng Tư pháp rà soát văn bản.", "the agency would coordinate with itself"),
])
def test_unsure_moves_keep_the_stock_sentence(commune, sentence: str, why: str) -> None:
    names = {"Phòng Tư pháp": "Văn phòng HĐND và UBND xã", "Phòng Lao động - Thương binh và Xã hội": None}
    assert adapt(sentence, "Văn phòng HĐND và UBND xã", names, "huyện Mỹ Xuyên", commune) is None, why


def test_like_keeps_the_models_wording_and_reads_back(commune, corpus_store, tmp_path) -> None:
    draft = make_draft("quy-che-bcd", commune, Source("like", "Mỹ Xuyên"), corpus_store)
    text = render_text(draft.documents, "md", draft.kind, None).decode("utf-8")
    # Mỹ Xuyên's own sentence for its justice office, now the commune office's
    assert "Nghiên cứu, tham mưu các giải pháp đẩy mạnh cải cách thể chế" in text
    assert not re.search(r"\bhuyện\b|Mỹ Xuyên", text.split("Điều 1.", 1)[1])
    kept = [n for n in draft.content.notes if n.startswith("giữ câu chữ của văn bản mẫu")]
    assert kept and int(re.search(r"\d+", kept[0]).group()) >= 5
    files = []
    for n, document in enumerate(draft.documents):
        files.append(tmp_path / f"like-{n}.docx")
        files[-1].write_bytes(render_docx([document]))
    assert compare(draft, files).exact
