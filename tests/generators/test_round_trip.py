"""A draft read back by the extraction pipeline gives exactly what it was made from (F1 = 1.0)."""

from __future__ import annotations

import pytest

from cchc.generators.builders import KINDS
from cchc.generators.drafting import Source, make_draft, output_paths, render
from cchc.generators.roundtrip import compare

PROFILE_NAMES = ["huyen-my-xuyen", "phuong-hoa-khanh", "tinh-quang-ngai", "xa-tan-phu"]


def assert_exact(draft, files) -> None:
    result = compare(draft, files)
    assert result.exact, "\n".join(result.problems())
    assert all(result.f1(what) == 1.0 for what in result.expected)


@pytest.mark.parametrize("case", [(p, k) for p in PROFILE_NAMES for k in KINDS], ids=lambda c: f"{c[0]}-{c[1]}")
def test_default_drafts_read_back_exactly(drafted, case) -> None:
    draft, path = drafted[case]
    assert_exact(draft, [path])
    if case[1] == "quy-che-bcd":
        assert draft.meetings and draft.reports and len(draft.duties) >= 10
    if case[1] == "quy-dinh-nguoi-dung-dau":
        grades = sorted(draft.ratings, key=lambda r: -(r[1] or 0))
        for better, worse in zip(grades, grades[1:]):
            assert worse[2] == better[1]  # each range ends where the next begins: no gap, no overlap


@pytest.mark.parametrize("profile_name", PROFILE_NAMES)
@pytest.mark.parametrize("kind", ["quy-che-bcd", "quy-che-phoi-hop", "quy-dinh-nguoi-dung-dau", "ke-hoach"])
@pytest.mark.parametrize("source", [Source("like", "Mỹ Xuyên"), Source("consensus")], ids=["like", "consensus"])
def test_drafts_from_the_graph_read_back_exactly(profiles, corpus_store, tmp_path, profile_name, kind, source) -> None:
    draft = make_draft(kind, profiles[profile_name], source, corpus_store, pair=True)
    paths = output_paths(tmp_path / "draft.docx", draft)
    for path, payload in zip(paths, render(draft, "docx")):
        path.write_bytes(payload)
    assert_exact(draft, paths)


def test_like_maps_duties_by_function_and_reports_what_has_no_holder(profiles, corpus_store) -> None:
    draft = make_draft("quy-che-bcd", profiles["xa-tan-phu"], Source("like", "Mỹ Xuyên"), corpus_store)
    by_agency = {(d.agency, d.mode, d.area) for d in draft.duties}
    # the district's Phòng Văn hóa và Thông tin led digital government: the commune agency
    # holding that function now leads it
    assert ("Phòng Văn hóa - Xã hội", "chu_tri", "chinh_phu_so") in by_agency
    assert ("Phòng Văn hóa - Xã hội", "chu_tri", "to_chuc_bo_may") in by_agency  # was Phòng Nội vụ
    assert ("Văn phòng HĐND và UBND xã", "chu_tri", "the_che") in by_agency  # was Phòng Tư pháp
    sources = {s for d in draft.duties for s in d.sources}
    assert any("000-946050dc9ec519ea/art_" in s for s in sources)
    unmapped = {(u.function, u.mode, u.area): u for u in draft.content.unmapped}
    broadcast = unmapped[("truyen_thanh", "chu_tri", "tuyen_truyen")]  # a commune has no broadcaster
    assert broadcast.agencies == ("Trung tâm Văn hóa - Thể thao - Truyền thanh huyện",) and broadcast.sources


def test_consensus_keeps_majority_assignments(profiles, corpus_store) -> None:
    draft = make_draft("quy-che-phoi-hop", profiles["tinh-quang-ngai"], Source("consensus"), corpus_store)
    leads = {(d.agency, d.area) for d in draft.duties if d.mode == "chu_tri"}
    assert ("Sở Nội vụ", "cong_vu") in leads and ("Sở Tài chính", "tai_chinh_cong") in leads
    assert ("Văn phòng Ủy ban nhân dân tỉnh", "thu_tuc_hanh_chinh") in leads
    assert any("đơn vị" in note for note in draft.content.notes)
