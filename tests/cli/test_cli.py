"""The command line end to end on a real embedded store: ingest, list, query, export, remove."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cchc.cli.app import app

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "examples" / "corpus"
PLAN = CORPUS / "003_9a23d4ea0e0477f2.txt"
runner = CliRunner()


def cli(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


@pytest.fixture
def store(tmp_path: Path) -> str:
    return str(tmp_path / "store")


def documents(store: str) -> list[dict]:
    result = cli("docs", "list", "--store", store, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_ingest_lists_and_reingest_replaces(store: str) -> None:
    first = cli("ingest", "--store", store, str(PLAN))
    assert first.exit_code == 0, first.output
    assert len(documents(store)) == 1
    dump_before = cli("export", "--store", store, "--format", "nq").stdout
    again = cli("ingest", "--store", store, str(PLAN))
    assert again.exit_code == 0
    assert len(documents(store)) == 1
    assert sorted(cli("export", "--store", store, "--format", "nq").stdout.splitlines()) == sorted(dump_before.splitlines())


def test_ingest_folder_then_remove_exactly_one(store: str) -> None:
    assert cli("ingest", "--store", store, str(CORPUS)).exit_code == 0
    docs = documents(store)
    assert len(docs) == 5
    gone = cli("docs", "remove", "--store", store, PLAN.name)
    assert gone.exit_code == 0, gone.output
    remaining = documents(store)
    assert len(remaining) == 4
    assert PLAN.name not in {d["source"] for d in remaining}


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("empty.txt", b"", "rỗng"),
        ("blob.txt", bytes(range(256)) * 40, "nhị phân"),
        ("sheet.xls", b"PK\x03\x04 not a document", "không hỗ trợ"),
    ],
)
def test_bad_input_is_one_line_non_zero_and_store_unchanged(tmp_path: Path, store: str, name: str, content: bytes, problem: str) -> None:
    assert cli("ingest", "--store", store, str(PLAN)).exit_code == 0
    before = cli("export", "--store", store, "--format", "nq").stdout
    bad = tmp_path / name
    bad.write_bytes(content)
    result = cli("ingest", "--store", store, str(bad))
    assert result.exit_code != 0
    message = result.stderr.strip()
    assert len(message.splitlines()) == 1, message
    assert name in message and problem in message
    assert "Traceback" not in result.output
    assert cli("export", "--store", store, "--format", "nq").stdout == before


def test_missing_file_names_the_file(store: str) -> None:
    result = cli("ingest", "--store", store, "/nonexistent/quy-che.docx")
    assert result.exit_code != 0
    assert "quy-che.docx" in result.stderr


def test_named_query_binds_parameters_as_values(store: str) -> None:
    assert cli("ingest", "--store", store, str(CORPUS)).exit_code == 0
    plans = cli("query", "documents", "--store", store, "--param", "kind=ke_hoach", "--format", "json")
    assert plans.exit_code == 0, plans.output
    assert [row["number"] for row in json.loads(plans.stdout)] == ["341/KH-UBND"]
    hostile = cli("query", "documents", "--store", store, "--param", 'kind=x" } ; DROP ALL ; #', "--format", "json")
    assert hostile.exit_code == 0
    assert json.loads(hostile.stdout) == []
    assert len(documents(store)) == 5


def test_unknown_query_and_bad_parameter_are_clear(store: str) -> None:
    unknown = cli("query", "no_such_query", "--store", store)
    assert unknown.exit_code != 0 and "documents" in unknown.stderr
    bad = cli("query", "documents", "--store", store, "--param", "nonsense")
    assert bad.exit_code != 0 and "khóa=giá_trị" in bad.stderr


def test_sparql_is_read_only(store: str) -> None:
    assert cli("ingest", "--store", store, str(PLAN)).exit_code == 0
    refused = cli("sparql", "--store", store, "DROP ALL")
    assert refused.exit_code != 0
    counted = cli("sparql", "--store", store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", "--format", "csv")
    assert counted.exit_code == 0
    assert int(counted.stdout.splitlines()[1]) > 100


def test_facts_json_follows_the_contract() -> None:
    result = cli("facts", str(PLAN), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["schema"] == "cchc-facts/1"
    assert data["document"]["number"] == "341/KH-UBND"
    assert data["document"]["kind"] == "ke_hoach"


def test_synth_needs_an_output_folder() -> None:
    result = cli("synth")
    assert result.exit_code == 2
    assert "THƯ_MỤC" in result.stderr


def test_export_writes_files_and_refuses_directories(tmp_path: Path, store: str) -> None:
    assert cli("ingest", "--store", store, str(PLAN)).exit_code == 0
    target = tmp_path / "all.ttl"
    assert cli("export", "--store", store, "--format", "ttl", "--out", str(target)).exit_code == 0
    assert "341/KH-UBND" in target.read_text(encoding="utf-8")
    refused = cli("export", "--store", store, "--out", str(tmp_path))
    assert refused.exit_code != 0 and "thư mục" in refused.stderr


def test_the_same_commands_work_against_a_remote_server(sparql_server: str, remote_store) -> None:
    endpoint = f"{sparql_server}/query"
    assert cli("ingest", "--endpoint", endpoint, str(CORPUS)).exit_code == 0
    listed = cli("docs", "list", "--endpoint", endpoint, "--format", "json")
    assert listed.exit_code == 0, listed.output
    assert sorted(d["source"] for d in json.loads(listed.stdout)) == sorted(p.name for p in CORPUS.glob("*.txt"))
    plans = cli("query", "documents", "--endpoint", endpoint, "--param", "kind=ke_hoach", "--format", "json")
    assert [row["number"] for row in json.loads(plans.stdout)] == ["341/KH-UBND"]
    assert cli("docs", "remove", "--endpoint", endpoint, PLAN.name).exit_code == 0
    assert len(json.loads(cli("docs", "list", "--endpoint", endpoint, "--format", "json").stdout)) == 4


def test_validate_checks_shapes_and_reasons(store: str) -> None:
    assert cli("ingest", "--store", store, str(CORPUS)).exit_code == 0
    result = cli("validate", "--store", store, "--reason")
    assert result.exit_code == 0, result.output
    assert "SHACL: hợp lệ" in result.stdout and "nhất quán" in result.stdout


def test_ontology_is_queryable_from_the_store(store: str) -> None:
    assert cli("ingest", "--store", store, str(PLAN)).exit_code == 0
    query = "SELECT ?label WHERE { GRAPH ?g { ?c skos:notation \"thu_tuc_hanh_chinh\" ; skos:altLabel ?label } }"
    result = cli("sparql", "--store", store, query, "--format", "csv")
    assert "TTHC" in result.stdout.splitlines()


def test_docs_list_agrees_with_facts_on_kind_number_and_date(store: str) -> None:
    """A decision printed without its own number (the number is in its annex's "ban hành
    kèm theo Quyết định số …") is listed with that number and its annex's kind."""
    assert cli("ingest", "--store", store, str(CORPUS)).exit_code == 0
    listed = {row["source"]: row for row in json.loads(cli("query", "documents", "--store", store, "--format", "json").stdout)}
    assert len(listed) == 5
    for path in sorted(CORPUS.glob("*.txt")):
        document = json.loads(cli("facts", str(path), "--format", "json").stdout)["document"]
        row = listed[path.name]
        assert (row["doc_kind"], row.get("number") or None, row.get("issued") or None) == (
            document["kind"], document["number"], document["issued"]
        ), path.name
