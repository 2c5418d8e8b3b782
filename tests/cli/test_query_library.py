"""The named queries of issue 4 on the sample corpus: same answers on both backends, and
every parameter of every named query is a plain value whatever the user types."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cchc.cli.app import app
from cchc.graph.store.embedded import EmbeddedStore
from cchc.queries.runner import load_query, query_names

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"
runner = CliRunner()


@pytest.fixture(scope="module")
def store_dir(sample_store: Path) -> str:
    return str(sample_store)


@pytest.fixture(params=["embedded", "remote"])
def backend(request: pytest.FixtureRequest, store_dir: str) -> list[str]:
    if request.param == "embedded":
        return ["--store", store_dir]
    request.getfixturevalue("remote_store")
    endpoint = ["--endpoint", f"{request.getfixturevalue('sparql_server')}/query"]
    assert runner.invoke(app, ["ingest", *endpoint, str(CORPUS)]).exit_code == 0
    return endpoint


def rows(backend: list[str], *args: str) -> list[dict]:
    result = runner.invoke(app, [*args, "--format", "json", *backend])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_agency_profile_accepts_what_people_type(backend: list[str]) -> None:
    duties = rows(backend, "agency", "phong tu phap")
    assert {(r["unit"], r["area"], r["mode"]) for r in duties} >= {("huyện Mỹ Xuyên", "the_che", "chu_tri")}
    assert all(r["agency"] == "Phòng Tư pháp" for r in duties)
    # Three spellings of one office in three districts' documents are one agency.
    offices = {r["agency"] for r in rows(backend, "agency", "VP HĐND-UBND huyện")}
    assert offices == {"Văn phòng HĐND và UBND huyện", "Văn phòng HĐND & UBND huyện", "Văn phòng HĐND-UBND huyện"}
    assert {r["unit"] for r in rows(backend, "agency", "Phòng NV", "--unit", "Chợ Mới")} == {"huyện Chợ Mới"}
    assert rows(backend, "agency", "Sở TT&TT")[0]["agency"] == "Sở Thông tin và Truyền thông"


def test_unknown_agency_lists_the_closest_choices(backend: list[str]) -> None:
    result = runner.invoke(app, ["agency", "Phòng Tư phap huyen Xyz", *backend])
    assert result.exit_code != 0
    assert "không nhận ra cơ quan" in result.stderr and "Phòng Tư pháp" in result.stderr


def test_coordination_links_leads_to_partners(backend: list[str]) -> None:
    links = rows(backend, "query", "coordination", "--param", "unit=Quảng Nam", "--param", "area=chỉ số CCHC")
    assert ("Sở Nội vụ", "Sở Tư pháp") in {(r["lead"], r["partner"]) for r in links}
    assert {r["area_name"] for r in links} == {"danh_gia_chi_so"}


def test_gaps_are_par_index_areas_without_a_lead(backend: list[str]) -> None:
    gaps = rows(backend, "query", "gaps", "--param", "unit=Chợ Mới")
    assert {r["area"] for r in gaps if r["gap"] == "no_lead"} >= {"the_che", "to_chuc_bo_may"}
    # Mỹ Xuyên's regulation names a lead for thể chế (Phòng Tư pháp), so it is no gap there.
    assert "the_che" not in {r["area"] for r in rows(backend, "query", "gaps", "--param", "unit=Mỹ Xuyên")}


def test_overlaps_are_areas_with_two_leads(backend: list[str]) -> None:
    overlaps = {r["area"]: r["leads"] for r in rows(backend, "query", "overlaps", "--param", "unit=tỉnh Quảng Nam")}
    assert "Sở Thông tin và Truyền thông" in overlaps["chinh_phu_so"] and "Sở Khoa học và Công nghệ" in overlaps["chinh_phu_so"]
    assert all(int(r["count"]) >= 2 for r in rows(backend, "query", "overlaps"))


def test_meetings_of_a_unit(backend: list[str]) -> None:
    meetings = rows(backend, "query", "meetings", "--param", "unit=Mỹ Xuyên")
    assert any(r["body"] == "Ban Chỉ đạo" and float(r["per_year"]) == 2 and r["ad_hoc"] for r in meetings)


def test_legal_basis_finds_the_documents_citing_an_instrument(backend: list[str]) -> None:
    citing = rows(backend, "query", "legal_basis", "--param", "instrument=61/2018/NĐ-CP")
    assert {r["unit"] for r in citing} >= {"huyện Hớn Quản"}
    assert all(r["instrument"] == "61/2018/NĐ-CP" for r in citing)
    cited = rows(backend, "query", "legal_basis", "--param", "unit=Chợ Mới")
    assert {"based_on", "cites"} <= {r["relation"] for r in cited}


HOSTILE = ['" } ; DROP ALL ; #', "x' . } INSERT DATA { <a:b> <a:b> <a:b> } #", "line\n} DROP ALL", "Phòng \\\" Tư pháp"]


@pytest.mark.parametrize("hostile", HOSTILE)
def test_every_parameter_of_every_named_query_is_a_plain_value(store_dir: str, hostile: str) -> None:
    """A hostile value either matches nothing or is refused; the store keeps every quad."""
    store = EmbeddedStore(Path(store_dir))
    try:
        before = len(store.dump("nq"))
    finally:
        store.close()
    for name in query_names():
        for parameter in load_query(name).parameters:
            if parameter.type in ("integer", "date"):
                continue
            result = runner.invoke(app, ["query", name, "--param", f"{parameter.name}={hostile}", "--format", "json", "--store", store_dir])
            if result.exit_code == 0:
                assert json.loads(result.stdout) == [], (name, parameter.name)
            else:  # an unknown unit/area, or not an IRI: one clear line, no traceback
                assert result.exception is None or isinstance(result.exception, SystemExit), (name, result.output)
    store = EmbeddedStore(Path(store_dir))
    try:
        assert len(store.dump("nq")) == before
    finally:
        store.close()
