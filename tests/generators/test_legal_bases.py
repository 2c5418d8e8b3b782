"""Each kind cites what it rests on, in force on the draft's date, and nothing twice."""

from __future__ import annotations

import dataclasses
import datetime as dt

from cchc.generators.legal_bases import kind_bases


def test_the_one_stop_decree_in_force_on_the_drafts_date(profiles) -> None:
    profile = profiles["xa-tan-phu"]
    before = dataclasses.replace(profile, date=dt.date(2025, 6, 30), year=2025)
    after = dataclasses.replace(profile, date=dt.date(2025, 7, 1), year=2025)
    assert any("61/2018/NĐ-CP" in b for b in kind_bases(before, "quy-che-phoi-hop"))
    assert not any("118/2025/NĐ-CP" in b for b in kind_bases(before, "quy-che-phoi-hop"))
    assert any("118/2025/NĐ-CP" in b for b in kind_bases(after, "quy-che-phoi-hop"))
    assert not any("61/2018/NĐ-CP" in b for b in kind_bases(after, "quy-che-phoi-hop"))


def test_each_kind_its_own_bases(profiles) -> None:
    profile = profiles["xa-tan-phu"]  # a body that also steers Đề án 06
    assert any("157/2007/NĐ-CP" in b for b in kind_bases(profile, "quy-dinh-nguoi-dung-dau"))
    assert not any("157/2007/NĐ-CP" in b for b in kind_bases(profile, "ke-hoach"))
    assert any("06/QĐ-TTg" in b for b in kind_bases(profile, "quy-che-bcd"))
    assert any("26/2019/TT-BTC" in b for b in kind_bases(profile, "ke-hoach"))
    plain = dataclasses.replace(profile, steering=dataclasses.replace(profile.steering, remit="cải cách hành chính"))
    assert not any("06/QĐ-TTg" in b for b in kind_bases(plain, "quy-che-bcd"))


def test_a_basis_the_profile_cites_is_not_repeated(profiles) -> None:
    profile = profiles["xa-tan-phu"]
    assert any("76/NQ-CP" in b for b in profile.legal_bases)
    assert sum("76/NQ-CP" in b for b in kind_bases(profile, "ke-hoach")) == 1


def test_a_plan_below_the_province_cites_the_provinces_plan_once(profiles) -> None:
    commune, province = profiles["xa-tan-phu"], profiles["tinh-quang-ngai"]
    cited = [b for b in kind_bases(commune, "ke-hoach") if b.startswith("Kế hoạch số")]
    assert len(cited) == 1 and "của Ủy ban nhân dân tỉnh Đồng Nai về cải cách hành chính năm 2026" in cited[0]
    assert not [b for b in kind_bases(province, "ke-hoach") if b.startswith("Kế hoạch số")]
    assert not [b for b in kind_bases(commune, "quy-che-bcd") if b.startswith("Kế hoạch số")]
    own = dataclasses.replace(commune, legal_bases=(*commune.legal_bases, "Kế hoạch số 12/KH-UBND ngày 20/12/2025 của Ủy ban nhân dân tỉnh Đồng Nai"))
    assert [b for b in kind_bases(own, "ke-hoach") if b.startswith("Kế hoạch số")] == [own.legal_bases[-1]]
