"""Ingest throughput on one core: read → parse → extract → RDF → embedded store.

Run with ``make bench``. Each sample document is ingested repeatedly under distinct graph
names, so the store grows as it would with a real corpus; prints documents per second.
The first document, which loads the vocabularies, the gazetteer and the model, is timed
apart: `cchc ingest` pays it once per run, and then settles that data out of the garbage
collector's rounds (``cchc.graph.settle``), as this benchmark does. Every cache keyed
by a text is emptied before each document: a real corpus does not repeat its texts.
The same file runs against an older commit (``benchmarks/against.py``), so what a
version lacks is skipped.
"""

from __future__ import annotations

import importlib
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from pyoxigraph import RdfFormat, serialize

from cchc.graph.extract import extract_facts
from cchc.graph.rdf import document_iri, document_triples
from cchc.graph.read import read_document
from cchc.graph.store.embedded import EmbeddedStore
from cchc.graph.structure import parse_document

# Caches keyed by a text (a line, a duty, a name, a title, a whole document).
TEXT_CACHES = {
    "cchc.graph.areas": ("_area_scores", "_cue_hits", "masked_key"),
    "cchc.graph.area_model": ("words", "_title_cues"),
    "cchc.graph.functions": ("function_of",),
    "cchc.graph.identity": ("text_digest",),
    "cchc.graph.normalize": ("match_key",),
    "cchc.graph.structure": ("clean",),
}

BATCH = 25
CORPUS = Path(__file__).resolve().parents[1] / "examples" / "corpus"


def _text_caches() -> list:
    found = []
    for module_name, names in TEXT_CACHES.items():
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        found += [getattr(module, name) for name in names if hasattr(module, name)]
    return found


def _settle() -> Callable[[], None]:
    try:
        return importlib.import_module("cchc.graph.settle").settle_once
    except ImportError:
        return lambda: None  # a version whose ingest does not settle


def main(rounds: int = 20) -> None:
    files = sorted(CORPUS.glob("*.txt"))
    caches = _text_caches()
    stage_times: dict[str, list[float]] = {"read": [], "parse": [], "extract": [], "rdf": [], "store": []}
    with tempfile.TemporaryDirectory() as tmp:
        store = EmbeddedStore(Path(tmp) / "store")
        first = time.perf_counter()
        parsed = parse_document(read_document(files[0]))
        document_triples(parsed, extract_facts(parsed))
        _settle()()
        first = time.perf_counter() - first
        pending: dict[str, list] = {}
        started = time.perf_counter()
        cpu_started = time.process_time()
        for round_ in range(rounds):
            for path in files:
                for cached in caches:
                    cached.cache_clear()  # no help from having seen the same text before
                t0 = time.perf_counter()
                source = read_document(path)
                t1 = time.perf_counter()
                parsed = parse_document(source)
                t2 = time.perf_counter()
                facts = extract_facts(parsed)
                t3 = time.perf_counter()
                triples = serialize(document_triples(parsed, facts), format=RdfFormat.N_TRIPLES)  # as `cchc ingest` hands them over
                t4 = time.perf_counter()
                pending[f"{document_iri(parsed)}/r{round_}"] = triples
                if len(pending) == BATCH:  # as `cchc ingest` does
                    store.write_batch(pending)
                    pending.clear()
                t5 = time.perf_counter()
                for name, value in zip(stage_times, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4)):
                    stage_times[name].append(value)
        store.write_batch(pending)
        elapsed = time.perf_counter() - started
        cpu = time.process_time() - cpu_started
        store.close()
    count = rounds * len(files)
    print(f"first document (loads the static data): {first * 1000:.0f} ms")
    print(f"ingest: {count} documents in {elapsed:.2f} s = {count / elapsed:.1f} documents/s (one core, embedded store)")
    # CPU time is what one core spends, whatever else the machine is running meanwhile.
    print(f"        {cpu:.2f} s of CPU = {count / cpu:.1f} documents per CPU-second")
    for name, values in stage_times.items():
        print(f"  {name:8} mean {statistics.mean(values) * 1000:6.2f} ms/document")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
