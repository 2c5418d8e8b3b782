"""A ``kill -9`` in the middle of a large ingest leaves a store that opens, holds no partial
document graph, and is completed by running the same command again."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from cchc.graph.store.embedded import EmbeddedStore

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"
CLI = [sys.executable, "-c", "from cchc.cli.app import main; main()"]


def graph_sizes(store_dir: Path) -> dict[str, int]:
    store = EmbeddedStore(store_dir)
    try:
        return {graph: store.count(graph) for graph in store.graph_names()}
    finally:
        store.close()


def test_killed_ingest_leaves_whole_documents_and_reruns_to_the_same_store(tmp_path: Path) -> None:
    batch = tmp_path / "batch"
    for copy in range(30):  # 150 files: several bulk batches
        target = batch / f"copy{copy:02d}"
        target.mkdir(parents=True)
        for source in CORPUS.glob("*.txt"):
            shutil.copy(source, target / f"{copy:02d}_{source.name}")
    command = [*CLI, "ingest", str(batch), "--store"]
    reference = tmp_path / "reference"
    subprocess.run([*command, str(reference)], check=True, capture_output=True)
    expected = graph_sizes(reference)

    killed = tmp_path / "killed"
    for delay in (1.0, 1.6, 2.2):
        process = subprocess.Popen([*command, str(killed)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        assert process.poll() is None, "the ingest ended before it could be killed: make the batch bigger"
        process.send_signal(signal.SIGKILL)
        process.wait()
        found = graph_sizes(killed)  # opens, and drops what the kill left unfinished
        assert all(found[graph] == expected[graph] for graph in found), "a partial document graph survived"
        assert set(found) <= set(expected)
        print(f"killed after {delay} s: {len(found)} of {len(expected)} documents stored")

    subprocess.run([*command, str(killed)], check=True, capture_output=True)
    assert graph_sizes(killed) == expected
