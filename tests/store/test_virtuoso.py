"""The pipeline against Virtuoso open source (slow: needs the Debian package
``virtuoso-opensource``, which ``scripts/install-slow-deps.sh`` installs).

A fixture writes a minimal virtuoso.ini in a temporary directory (HTTP and SQL ports free on
127.0.0.1, database files in that directory), starts ``virtuoso-t -f``, and grants the
anonymous SPARQL user update rights through isql, as docs/remote-servers.md describes.
Then `cchc ingest --endpoint …/sparql` must give the same answers as the embedded store.
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, RdfFormat, Triple, parse

from cchc.errors import StoreError
from cchc.graph.store.embedded import EmbeddedStore
from cchc.graph.store.remote import RemoteStore

pytestmark = pytest.mark.slow

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"
EX = "https://example.org/"

INI = """\
[Database]
DatabaseFile = {home}/virtuoso.db
ErrorLogFile = {home}/virtuoso.log
LockFile = {home}/virtuoso.lck
TransactionFile = {home}/virtuoso.trx
xa_persistent_file = {home}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {home}/virtuoso-temp.db
TransactionFile = {home}/virtuoso-temp.trx
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
DisableTcpSocket = 0
CheckpointInterval = 60
CaseMode = 2
DirsAllowed = ., {home}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
ThreadsPerQuery = 2

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {home}
ServerThreads = 4
Charset = UTF-8

[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 120
"""

# Anonymous SPARQL updates (/sparql) and Graph Store Protocol writes (/sparql-graph-crud):
# fine for a server on 127.0.0.1, never for one others can reach.
GRANTS = 'GRANT SPARQL_UPDATE TO "SPARQL"; DB.DBA.RDF_DEFAULT_USER_PERMS_SET (\'nobody\', 7);'


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _program(*names: str) -> str:
    for name in names:
        if found := shutil.which(name):
            return found
    pytest.skip(f"Virtuoso ({names[0]}) chưa được cài: chạy scripts/install-slow-deps.sh (gói Debian virtuoso-opensource)")


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A Virtuoso on free 127.0.0.1 ports with a fresh database; yields its base URL."""
    server, isql = _program("virtuoso-t"), _program("isql-vt", "isql-v")
    home = tmp_path_factory.mktemp("virtuoso")
    http_port, sql_port = _free_port(), _free_port()
    (home / "virtuoso.ini").write_text(INI.format(home=home, http_port=http_port, sql_port=sql_port))
    log = (home / "stdout.log").open("wb")
    process = subprocess.Popen([server, "-f", "-c", "virtuoso.ini"], cwd=home, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{http_port}"
    deadline = time.monotonic() + 180
    try:
        while True:
            try:
                urllib.request.urlopen(f"{base}/sparql?query=ASK%7B%7D", timeout=2)
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"virtuoso-t did not start: {(home / 'stdout.log').read_text(errors='replace')[-800:]}")
                time.sleep(0.5)
        granted = subprocess.run(
            [isql, f"127.0.0.1:{sql_port}", "dba", "dba", f"exec={GRANTS}"], capture_output=True, text=True, timeout=60
        )
        assert granted.returncode == 0 and "Error" not in granted.stdout + granted.stderr, granted.stdout + granted.stderr
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


@pytest.fixture(scope="module")
def ingested(virtuoso: str, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    """The sample corpus ingested by the CLI into Virtuoso and into an embedded store."""
    from typer.testing import CliRunner

    from cchc.cli.app import app

    runner = CliRunner()
    embedded = tmp_path_factory.mktemp("embedded") / "store"
    endpoint = f"{virtuoso}/sparql"
    for target in (["--endpoint", endpoint], ["--store", str(embedded)]):
        result = runner.invoke(app, ["ingest", *target, str(CORPUS)], env={"CCHC_ENDPOINT": None, "CCHC_STORE": None})
        assert result.exit_code == 0, result.output
    return endpoint, embedded


def _answers(run_cchc, target: list[str], *args: str):
    result = run_cchc(*args, *target, "--format", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_answers_match_the_embedded_store(ingested: tuple[str, Path], run_cchc) -> None:
    endpoint, embedded = ingested
    remote, local = ["--endpoint", endpoint], ["--store", str(embedded)]

    who = ("who-leads", "cải cách thể chế", "--unit", "Mỹ Xuyên")
    leads = _answers(run_cchc, remote, *who)
    assert {row["agency"] for row in leads} == {"Phòng Tư pháp"}
    assert leads == _answers(run_cchc, local, *who)

    matrix = ("matrix", "--unit", "Chợ Mới")
    cells = _answers(run_cchc, remote, *matrix)
    assert len(cells) > 10
    assert cells == _answers(run_cchc, local, *matrix)

    assert _answers(run_cchc, remote, "docs", "list") == _answers(run_cchc, local, "docs", "list")


def test_store_contents_match_and_reingest_is_idempotent(ingested: tuple[str, Path]) -> None:
    endpoint, embedded = ingested
    remote, local = RemoteStore(endpoint), EmbeddedStore(embedded)
    try:
        # Virtuoso's own graphs (virtrdf, LDP, service description) are not listed, and its
        # default graph (the union of all graphs) is not counted twice.
        assert remote.graph_names() == local.graph_names()
        assert remote.default_graph_is_union() is True
        assert remote.count() == local.count()
        assert len(list(parse(remote.dump("nq"), format=RdfFormat.N_QUADS))) == local.count()

        graph = local.graph_names()[1]
        again = local.construct("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": NamedNode(graph)})
        remote.write_batch({graph: again})
        assert remote.count(graph) == local.count(graph)
        assert remote.count() == local.count()
    finally:
        local.close()


def test_remove_and_replace_on_virtuoso(virtuoso: str) -> None:
    remote = RemoteStore(f"{virtuoso}/sparql")
    triples = [Triple(NamedNode(EX + "a"), NamedNode(EX + "title"), Literal('Tiêu đề "trích" } ;', language="vi"))]
    remote.write_batch({EX + "g1": triples})
    remote.replace_graphs({EX + "g2": triples, EX + "g3": triples})
    assert {EX + "g1", EX + "g2", EX + "g3"} <= set(remote.graph_names())
    assert remote.select("SELECT ?t WHERE { GRAPH ?g { ?s ?p ?t } }", {"g": NamedNode(EX + "g1")}).rows[0]["t"] == triples[0].object
    for graph in ("g1", "g2", "g3"):
        assert remote.remove_graph(EX + graph) is True
        assert remote.remove_graph(EX + graph) is False


def test_digest_authenticated_endpoint(virtuoso: str) -> None:
    """/sparql-auth and /sparql-graph-crud-auth want HTTP digest auth (user dba here)."""
    remote = RemoteStore(f"{virtuoso}/sparql-auth", auth=("dba", "dba"))
    assert remote.gsp_url == f"{virtuoso}/sparql-graph-crud-auth"
    remote.write_batch({EX + "secret": [Triple(NamedNode(EX + "a"), NamedNode(EX + "p"), Literal("bí mật"))]})
    assert remote.count(EX + "secret") == 1
    assert remote.remove_graph(EX + "secret") is True
    with pytest.raises(StoreError, match="từ chối xác thực"):
        RemoteStore(f"{virtuoso}/sparql-auth", auth=("dba", "sai"), retries=0).count()
    with pytest.raises(StoreError, match="đòi xác thực"):
        RemoteStore(f"{virtuoso}/sparql-auth", retries=0).count()
