"""Ingest throughput on one core: read → parse → extract → RDF → embedded store.

Run with ``make bench``. Each sample document is ingested repeatedly under distinct graph
names, so the store grows as it would with a real corpus; prints documents per second.
The first document, which loads the vocabularies, the gazetteer and the model, is timed
apart: `cchc ingest` pays it once per run, and then settles that data out of the garbage
collector's rounds (``cchc.graph.settle``), as this benchmark does.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from pyoxigraph import RdfFormat, serialize

from cchc.graph.area_model import words
from cchc.graph.areas import _area_scores, masked_key
from cchc.graph.extract import extract_facts
from cchc.graph.functions import function_of
from cchc.graph.normalize import match_key
from cchc.graph.rdf import document_iri, document_triples
from cchc.graph.read import read_document
from cchc.graph.settle import settle_once
from cchc.graph.store.embedded import EmbeddedStore
from cchc.graph.structure import clean, parse_document

BATCH = 25
CORPUS = Path(__file__).resolve().parents[1] / "examples" / "corpus"


def main(rounds: int = 20) -> None:
    files = sorted(CORPUS.glob("*.txt"))
    stage_times: dict[str, list[float]] = {"read": [], "parse": [], "extract": [], "rdf": [], "store": []}
    with tempfile.TemporaryDirectory() as tmp:
        store = EmbeddedStore(Path(tmp) / "store")
        first = time.perf_counter()
        parsed = parse_document(read_document(files[0]))
        document_triples(parsed, extract_facts(parsed))
        settle_once()
        first = time.perf_counter() - first
        pending: dict[str, list] = {}
        started = time.perf_counter()
        cpu_started = time.process_time()
        for round_ in range(rounds):
            for path in files:
                for cached in (_area_scores, clean, match_key, masked_key, words, function_of):
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
