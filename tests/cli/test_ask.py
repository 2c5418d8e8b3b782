"""Questions on the sample corpus, with the same answers from the embedded and the remote store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cchc.cli.app import app

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"
runner = CliRunner()


@pytest.fixture(scope="module")
def embedded(sample_store: Path) -> list[str]:
    return ["--store", str(sample_store)]


@pytest.fixture(params=["embedded", "remote"])
def backend(request: pytest.FixtureRequest, embedded: list[str]) -> list[str]:
    if request.param == "embedded":
        return embedded
    request.getfixturevalue("remote_store")  # an empty server
    endpoint = ["--endpoint", f"{request.getfixturevalue('sparql_server')}/query"]
    assert runner.invoke(app, ["ingest", *endpoint, str(CORPUS)]).exit_code == 0
    return endpoint


def leads(backend: list[str], area: str, unit: str) -> set[str]:
    result = runner.invoke(app, ["who-leads", area, "--unit", unit, "--format", "json", *backend])
    assert result.exit_code == 0, result.output
    return {row["agency"] for row in json.loads(result.stdout)}


def test_who_leads_on_the_samples(backend: list[str]) -> None:
    assert leads(backend, "cải cách thể chế", "Mỹ Xuyên") == {"Phòng Tư pháp"}
    assert {"Sở Thông tin và Truyền thông", "Sở Khoa học và Công nghệ"} <= leads(backend, "chinh phu so", "tỉnh Quảng Nam")
    assert "Đài Truyền thanh - Truyền hình huyện" in leads(backend, "tuyên truyền", "Hớn Quản")


def test_matrix_of_a_unit(backend: list[str]) -> None:
    result = runner.invoke(app, ["matrix", "--unit", "Chợ Mới", "--format", "json", *backend])
    rows = json.loads(result.stdout)
    assert {"agency": "Thanh tra huyện", "area": "kiem_tra", "mode": "chu_tri"}.items() <= next(
        r for r in rows if r["agency"] == "Thanh tra huyện"
    ).items()
    table = runner.invoke(app, ["matrix", "--unit", "Chợ Mới", *backend])
    # Nine area columns in an 80-column test terminal: "Chủ trì" wraps inside its cell.
    assert "Ma trận trách nhiệm — huyện Chợ Mới" in table.stdout and "Chủ" in table.stdout and "trì" in table.stdout
    # a row per agency, the areas by their short names: readable in 80 columns
    assert "Phòng Nội vụ" in table.stdout and "Công vụ" in table.stdout and "cong_vu" not in table.stdout


def test_unknown_area_lists_the_closest_choices(embedded: list[str]) -> None:
    result = runner.invoke(app, ["who-leads", "thu tuc hanh chinhh", *embedded])
    assert result.exit_code != 0
    assert "có phải: Cải cách thủ tục hành chính" in result.stderr and "w3id.org" not in result.stderr


def test_suggestions_are_relevant_named_once_and_as_written(embedded: list[str]) -> None:
    typo = runner.invoke(app, ["matrix", "--unit", "huyen My Xuyen X", *embedded])
    assert typo.exit_code != 0 and "có phải: huyện Mỹ Xuyên?" in typo.stderr  # diacritics and case kept, once
    unknown = runner.invoke(app, ["matrix", "--unit", "Hà Nội", *embedded])
    # nothing like it: no made-up "closest" unit, the units there are instead
    assert "có phải" not in unknown.stderr and "các đơn vị có: " in unknown.stderr and "huyện Chợ Mới" in unknown.stderr


def test_reporting_calendar_resolves_deadlines_to_dates(backend: list[str], tmp_path: Path) -> None:
    result = runner.invoke(app, ["calendar", "--year", "2026", "--unit", "Chợ Mới", "--format", "json", *backend])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    # the reports with a day first, then the ones without (ad hoc, quarterly with no day, meetings)
    assert [row["date"] for row in rows if row["date"]] == ["2026-03-05", "2026-06-05", "2026-09-05", "2026-12-05"]
    assert rows[4:] and all(row["date"] is None and row["note"] for row in rows[4:])


def test_calendar_exports_ics_that_parses(embedded: list[str], tmp_path: Path) -> None:
    from icalendar import Calendar

    target = tmp_path / "lich.ics"
    result = runner.invoke(app, ["calendar", "--year", "2027", "--unit", "Chợ Mới", "--format", "ics", "--out", str(target), *embedded])
    assert result.exit_code == 0, result.output
    events = Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert [str(e.decoded("dtstart")) for e in events] == ["2027-03-05", "2027-06-05", "2027-09-05", "2027-12-05"]
    assert all("Chợ Mới" in str(e["summary"]) for e in events)
