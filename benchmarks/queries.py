"""Query latency at scale, side by side with rdflib's in-memory Dataset on the same quads.

Run with ``make bench`` (or ``python benchmarks/queries.py 100 1000``). For each corpus size
the scaled sample corpus is ingested into an embedded store; each named query then runs
with parameters drawn from the store (different units, areas, agencies), and p50/p95
latencies are printed next to rdflib's for the same query text and bindings.
rdflib is skipped above ``--rdflib-max`` documents, where loading it alone takes minutes.
"""

from __future__ import annotations

import argparse
import signal
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import rdflib
from pyoxigraph import Literal, NamedNode

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scaled_corpus import write_scaled_corpus  # noqa: E402

from cchc.graph.pipeline import ingest  # noqa: E402
from cchc.graph.store.bindings import with_values  # noqa: E402
from cchc.graph.store.embedded import EmbeddedStore  # noqa: E402
from cchc.queries.runner import load_query  # noqa: E402

AREA = "https://w3id.org/cchc/vocab/area/"
RDFLIB_LIMIT = 60  # seconds for one rdflib query before it is reported as "> 60 s"


def _cases(store: EmbeddedStore) -> dict[str, list[dict]]:
    """Parameters real users would pass: several units, areas and agencies of the store."""
    units = [r["unit"] for r in store.select("SELECT DISTINCT ?unit WHERE { GRAPH ?g { ?g <https://w3id.org/cchc/ontology#regulatesUnit> ?unit } } LIMIT 20").rows]
    agencies = ["Phòng Tư pháp", "Phòng Nội vụ", "Sở Nội vụ", "Văn phòng HĐND và UBND huyện"]
    areas = ["the_che", "thu_tuc_hanh_chinh", "chinh_phu_so", "cong_vu"]
    return {
        "responsibility_matrix": [{"unit": u} for u in units],
        "who_leads": [{"area": NamedNode(AREA + a), "unit": u} for a in areas for u in units[:5]],
        "agency_profile": [{"agency": Literal(a, language="vi")} for a in agencies],
        "gaps": [{"unit": u} for u in units],
        "overlaps": [{"unit": u} for u in units],
        "coordination": [{"unit": u} for u in units],
    }


def _latencies(run: Callable[[str, dict], object], name: str, cases: list[dict], repeat: int) -> list[float]:
    text = load_query(name).text
    run(text, cases[0])  # warm caches once, as a running service would be
    times = []
    for _ in range(repeat):
        for bindings in cases:
            started = time.perf_counter()
            run(text, bindings)
            times.append(time.perf_counter() - started)
    return times


def _rdflib_dataset(store: EmbeddedStore) -> rdflib.Dataset:
    dataset = rdflib.Dataset()
    dataset.parse(data=store.dump("nq"), format="nquads")
    return dataset


class _TooSlow(Exception):
    pass


def _rdflib_runner(dataset: rdflib.Dataset, limit: int) -> Callable[[str, dict], object]:
    """rdflib is pure Python: SIGALRM can stop a query that would run for hours."""

    def stop(signum, frame):
        raise _TooSlow

    def run(text: str, bindings: dict) -> object:
        signal.signal(signal.SIGALRM, stop)
        signal.alarm(limit)
        try:
            return list(dataset.query(with_values(text, bindings)))
        finally:
            signal.alarm(0)

    return run


def _ms(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[int(q) - 1] * 1000 if len(values) > 1 else values[0] * 1000


def bench(documents: int, rdflib_max: int, repeat: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        corpus = write_scaled_corpus(Path(tmp) / "corpus", documents)
        store = EmbeddedStore(Path(tmp) / "store")
        started = time.perf_counter()
        report = ingest(store, corpus)
        took = time.perf_counter() - started
        size = sum(f.stat().st_size for f in (Path(tmp) / "store").rglob("*") if f.is_file())
        print(f"\n{len(report.ingested)} documents ingested in {took:.1f} s ({len(report.ingested) / took:.0f}/s), store {size / 2**20:.0f} MiB, {store.count():,} quads")
        cases = _cases(store)
        baseline = None
        if documents <= rdflib_max:
            t0 = time.perf_counter()
            baseline = _rdflib_runner(_rdflib_dataset(store), RDFLIB_LIMIT)
            print(f"rdflib Dataset loaded in {time.perf_counter() - t0:.1f} s")
        print(f"{'query':24} {'p50 ms':>8} {'p95 ms':>8} {'rdflib p50':>11} {'ratio':>7}")
        for name, params in cases.items():
            ours = _latencies(lambda text, b: store.select(text, b), name, params, repeat)
            line = f"{name:24} {_ms(ours, 50):8.2f} {_ms(ours, 95):8.2f}"
            if baseline:
                try:
                    theirs = _latencies(baseline, name, params[:3], 1)
                    line += f" {_ms(theirs, 50):11.1f} {_ms(theirs, 50) / _ms(ours, 50):6.0f}×"
                except _TooSlow:
                    line += f" {'> ' + str(RDFLIB_LIMIT) + ' s':>11} {'> ' + str(int(RDFLIB_LIMIT * 1000 / _ms(ours, 50))):>6}×"
            print(line)
        store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[100, 1000])
    parser.add_argument("--rdflib-max", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    for size in args.sizes:
        bench(size, args.rdflib_max, args.repeat)


if __name__ == "__main__":
    main()
