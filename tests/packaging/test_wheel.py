"""The wheel installs under the one ``cchc`` namespace and works outside the checkout."""

from __future__ import annotations

import site
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("cchc-*.whl")
    return built


def test_wheel_holds_only_the_cchc_namespace_and_its_data(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    top_level = {name.split("/")[0] for name in names}
    assert {t for t in top_level if not t.endswith(".dist-info")} == {"cchc"}
    for data_file in (
        "cchc/ontology/cchc.ttl", "cchc/ontology/shapes.ttl", "cchc/queries/documents.rq",
        "cchc/graph/data/extraction.json", "cchc/lint/rules.json", "cchc/generators/data/conventions.yaml",
        "cchc/synth/data/places.yaml", "cchc/templates/quy_che_bcd.outline.j2",
    ):
        assert data_file in names


@pytest.fixture(scope="module")
def fresh_env(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new virtual environment outside the checkout with only the wheel installed.

    Third-party dependencies are borrowed from the test environment through a .pth file
    (no network), which adds their folder but not its .pth files, so the editable install
    of the checkout stays invisible.
    """
    home = tmp_path_factory.mktemp("fresh")
    venv.create(home / "venv", with_pip=False)
    python = home / "venv" / "bin" / "python"
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True,
    ).stdout.strip()
    Path(purelib, "borrowed_deps.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-deps", str(wheel)],
        check=True, capture_output=True,
    )
    return home


def run_cli(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(home / "venv" / "bin" / "cchc"), *args], cwd=home, capture_output=True, text=True)


def test_installed_wheel_imports_from_site_packages(fresh_env: Path) -> None:
    python = fresh_env / "venv" / "bin" / "python"
    where = subprocess.run(
        [str(python), "-c", "import cchc.graph, cchc.queries; print(cchc.graph.__file__)"],
        cwd=fresh_env, check=True, capture_output=True, text=True,
    ).stdout
    assert str(fresh_env) in where and str(ROOT) not in where


def test_installed_cli_helps_and_runs_a_query(fresh_env: Path) -> None:
    shown = run_cli(fresh_env, "--help")
    assert shown.returncode == 0, shown.stderr
    assert "ingest" in shown.stdout and "query" in shown.stdout

    store = fresh_env / "store"
    corpus = ROOT / "examples" / "corpus"
    ingested = run_cli(fresh_env, "ingest", "--store", str(store), str(corpus / "003_9a23d4ea0e0477f2.txt"))
    assert ingested.returncode == 0, ingested.stderr
    listed = run_cli(fresh_env, "query", "documents", "--store", str(store), "--format", "csv")
    assert listed.returncode == 0, listed.stderr
    assert "341/KH-UBND" in listed.stdout
