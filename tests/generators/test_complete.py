"""A draft's duties are made whole: one lead per area, every area led, every member busy."""

from __future__ import annotations

import pytest

from cchc.generators.complete import completed
from cchc.generators.content import AREA_ORDER, Duty, default_duties, map_duties
from cchc.generators.document_model import Table
from cchc.generators.drafting import Source, make_draft
from cchc.generators.graph_content import like


@pytest.fixture(scope="module")
def commune(profiles):
    return profiles["xa-tan-phu"]


def _defaults(profile):
    return map_duties(profile, default_duties())[0]


def _agency(profile, function: str) -> str:
    return profile.holder(function)


def test_an_area_led_twice_keeps_the_default_lead_and_the_other_coordinates(commune) -> None:
    interior, finance = _agency(commune, "noi_vu"), _agency(commune, "tai_chinh")
    duties = [Duty(finance, "chu_tri", "cong_vu", sources=("a",)), Duty(interior, "chu_tri", "cong_vu", sources=("b",))]
    out, notes = completed(commune, duties, _defaults(commune))
    leads = [d.agency for d in out if d.area == "cong_vu" and d.mode == "chu_tri"]
    assert leads == [interior]
    assert Duty(finance, "phoi_hop", "cong_vu", sources=("a",)) in out
    assert any(finance in n and "phối hợp" in n for n in notes)


def test_every_area_gets_exactly_one_agency_lead(commune) -> None:
    out, notes = completed(commune, [Duty(_agency(commune, "tu_phap") or _agency(commune, "noi_vu"), "chu_tri", "the_che")], _defaults(commune))
    agencies = {a.name for a in commune.agencies}
    for area in AREA_ORDER:
        assert len([d for d in out if d.area == area and d.mode == "chu_tri" and d.agency in agencies]) == 1, area
    assert sum("không có cơ quan chủ trì" in n for n in notes) == len(AREA_ORDER) - 1


def test_a_lead_is_never_its_own_partner(commune) -> None:
    interior = _agency(commune, "noi_vu")
    out, _ = completed(commune, [Duty(interior, "chu_tri", "kiem_tra"), Duty(interior, "phoi_hop", "kiem_tra")], _defaults(commune))
    assert not any(d.agency == interior and d.area == "kiem_tra" and d.mode == "phoi_hop" for d in out)


def test_a_member_left_without_duty_takes_its_defaults(commune) -> None:
    member = next(m.agency for m in commune.steering.members if m.agency)
    out, notes = completed(commune, [], _defaults(commune))
    assert any(d.agency == member.name for d in out)
    assert any(member.name in n for n in notes) or any(member.name == d.agency and d.mode == "chu_tri" for d in out)


def test_like_a_unit_that_covers_few_areas_still_plans_all_twelve(profiles, corpus_store) -> None:
    found, _ = like(corpus_store, "Văn phòng UBND thành phố")  # an office's own Quy chế: few areas
    assert len({d.area for d in found}) < len(AREA_ORDER)
    draft = make_draft("ke-hoach", profiles["xa-tan-phu"], Source("like", "Văn phòng UBND thành phố"), corpus_store)
    rows = [row for part in draft.documents[0].body for block in part.blocks if isinstance(block, Table) for row in block.rows]
    assert len(rows) >= len(AREA_ORDER)
    assert any("không có cơ quan chủ trì" in n for n in draft.content.filled)


def _khoan(draft) -> list[tuple[str, str]]:
    """(article title, khoản text) of every article of every text of the draft."""
    out = []
    for document in draft.documents:
        for text in document.texts():
            for article in text.articles():
                out += [(article.title, block.text) for block in article.blocks if getattr(block, "text", "")]
    return out


def test_the_chair_directs_and_never_advises_and_no_khoan_repeats(profiles, corpus_store) -> None:
    # A model unit whose chair "leads" an inspection: the chair's article says "Chỉ đạo".
    draft = make_draft("quy-che-bcd", profiles["huyen-my-xuyen"], Source("like", "Văn phòng UBND thành phố"), corpus_store)
    chair = [text for title, text in _khoan(draft) if title.startswith("Trách nhiệm của Trưởng")]
    assert chair and not any("tham mưu" in text.lower() for text in chair)
    every = _khoan(draft)
    assert len(every) == len(set(every))


def test_the_front_is_asked_in_a_quy_che_phoi_hop_and_left_out_of_a_quy_dinh(profiles) -> None:
    profile = profiles["xa-tan-phu"]
    front = next(a.name for a in profile.agencies if "mat_tran" in a.functions)
    rules = make_draft("quy-che-phoi-hop", profile)
    asked = [text for title, text in _khoan(rules) if front in title]
    assert asked and all(text.startswith(f"Đề nghị {front}") for text in asked)
    heads = make_draft("quy-dinh-nguoi-dung-dau", profile)
    assert not any(front in title or front in text for title, text in _khoan(heads))
