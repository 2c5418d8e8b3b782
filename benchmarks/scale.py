"""Scale: ingest throughput, store size, peak memory, and query latency against rdflib.

Run with ``make bench`` (sizes 100 and 1,000) or ``python benchmarks/scale.py 100 1000 10000``.
For each size a corpus is written (the scaled sample corpus, or ``--corpus synth``), then
ingested by ``cchc ingest`` in a child process with each ``--jobs`` value (wall time, peak
memory of the process tree, documents/s; the stores of different ``--jobs`` must hold the
same quads). Named queries then run with parameters drawn from the store; p50/p95 are
printed beside rdflib's in-memory Dataset holding the same quads and running the same
query text with the same bindings. rdflib is skipped above ``--rdflib-max`` documents.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

import rdflib
from pyoxigraph import BlankNode, Literal, NamedNode

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scaled_corpus import write_scaled_corpus  # noqa: E402

from cchc.graph.store.base import SelectResult  # noqa: E402
from cchc.graph.store.bindings import with_values  # noqa: E402
from cchc.graph.store.embedded import EmbeddedStore  # noqa: E402
from cchc.queries.runner import load_query  # noqa: E402

AREA = "https://w3id.org/cchc/vocab/area/"
RDFLIB_LIMIT = 30  # seconds for one rdflib query before it is reported as "> 30 s"
CLI = [sys.executable, "-c", "from cchc.cli.app import main; main()"]


def write_corpus(kind: str, target: Path, documents: int) -> Path:
    if kind == "synth":  # about five documents per unit
        subprocess.run([*CLI, "synth", "--units", str(max(1, documents // 5)), "--seed", "1", "--jobs", "2", str(target)], check=True, capture_output=True)
    else:
        write_scaled_corpus(target, documents)
    return target


def timed_ingest(corpus: Path, store: Path, jobs: int) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MiB) of ``cchc ingest`` and its workers."""
    started = time.perf_counter()
    process = subprocess.Popen([*CLI, "ingest", "--jobs", str(jobs), "--store", str(store), str(corpus)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    took = time.perf_counter() - started
    if status != 0:
        raise SystemExit(f"ingest failed: {process.stderr.read().decode()[-500:]}")
    return took, usage.ru_maxrss / 1024


def fingerprint(store_dir: Path) -> tuple[int, str]:
    """The document graphs' quads (the ontology graph's blank nodes differ per process)."""
    store = EmbeddedStore(store_dir)
    try:
        lines = sorted(line for line in store.dump("nq").splitlines() if not line.endswith(b"<https://w3id.org/cchc/graph/ontology> ."))
    finally:
        store.close()
    return len(lines), hashlib.sha256(b"\n".join(lines)).hexdigest()


def _cases(store: EmbeddedStore) -> dict[str, list[dict]]:
    """Parameters real users would pass: several units, areas and agencies of the store."""
    units = [
        r["unit"] for r in store.select("SELECT DISTINCT ?unit WHERE { GRAPH ?g { ?g <https://w3id.org/cchc/ontology#regulatesUnit> ?unit } } LIMIT 20").rows
    ]
    agencies = ["Phòng Tư pháp", "Phòng Nội vụ", "Sở Nội vụ", "Văn phòng HĐND và UBND huyện"]
    areas = ["the_che", "thu_tuc_hanh_chinh", "chinh_phu_so", "cong_vu"]
    return {
        "responsibility_matrix": [{"unit": u} for u in units],
        "who_leads": [{"area": NamedNode(AREA + a), "unit": u} for a in areas for u in units[:5]],
        "agency_profile": [{"agency": Literal(a, language="vi"), "unit": u} for a in agencies for u in units[:5]],
        "gaps": [{"unit": u} for u in units],
        "overlaps": [{"unit": u} for u in units],
        "coordination": [{"unit": u} for u in units],
        # compare --all's query: every unit's leads in one area, from the digests
        "compare_lead_digests": [{"area": NamedNode(AREA + a)} for a in areas],
    }


def _latencies(run: Callable[[str, dict], object], text: str, cases: list[dict], repeat: int) -> list[float]:
    run(text, cases[0])  # warm caches once, as a running service would be
    times = []
    for _ in range(repeat):
        for bindings in cases:
            started = time.perf_counter()
            run(text, bindings)
            times.append(time.perf_counter() - started)
    return times


class _TooSlow(Exception):
    pass


class _Rdflib:
    """The same quads in rdflib's in-memory Dataset, queried with the same texts.

    rdflib is pure Python: SIGALRM stops a query (or a whole survey) that would run for
    hours; the alarm is set from the main thread, where Python delivers it.
    """

    def __init__(self, store: EmbeddedStore) -> None:
        self.dataset = rdflib.Dataset()
        self.dataset.parse(data=store.dump("nq"), format="nquads")

    def __call__(self, text: str, bindings: dict) -> object:
        with _time_limit():
            return list(self.dataset.query(with_values(text, bindings)))

    def select(self, text: str, bindings: dict | None = None) -> SelectResult:
        """The store interface the survey reads, answered by rdflib (terms as pyoxigraph's)."""
        result = self.dataset.query(with_values(text, bindings or {}))
        names = tuple(str(v) for v in result.vars)
        return SelectResult(names, tuple({name: _term(row[name]) for name in names} for row in result))


def _term(term):
    if term is None:
        return None
    if isinstance(term, rdflib.URIRef):
        return NamedNode(str(term))
    if isinstance(term, rdflib.BNode):
        return BlankNode(str(term))
    if term.language:
        return Literal(str(term), language=term.language)
    return Literal(str(term), datatype=NamedNode(str(term.datatype))) if term.datatype else Literal(str(term))


@contextmanager
def _time_limit():
    def stop(signum, frame):
        raise _TooSlow

    signal.signal(signal.SIGALRM, stop)
    signal.alarm(RDFLIB_LIMIT)
    try:
        yield
    finally:
        signal.alarm(0)


def _ms(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100)[q - 1] * 1000 if len(values) > 1 else values[0] * 1000


def _survey_latencies(store: EmbeddedStore, repeat: int) -> list[float]:
    from cchc.generators.compare_survey import survey

    area = NamedNode(AREA + "the_che")
    survey(store, area)
    times = []
    for _ in range(max(repeat, 3)):
        started = time.perf_counter()
        survey(store, area)
        times.append(time.perf_counter() - started)
    return times


def _survey_on_rdflib(baseline: _Rdflib) -> float:
    """Seconds the whole survey takes with rdflib answering its queries. When the time
    limit stops it, the query already running in the survey's thread still runs to its
    end, and the process exits only after it (at 10,000 documents, minutes)."""
    from cchc.generators.compare_survey import survey

    started = time.perf_counter()
    with _time_limit():
        survey(baseline, NamedNode(AREA + "the_che"))
    return time.perf_counter() - started


def bench(documents: int, corpus_kind: str, jobs: list[int], rdflib_max: int, repeat: int, keep: Path | None = None) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        corpus = (keep / f"{corpus_kind}-{documents}") if keep else Path(tmp) / "corpus"
        if not corpus.exists():
            write_corpus(corpus_kind, corpus, documents)
        files = sum(1 for p in corpus.rglob("*") if p.suffix in (".txt", ".docx", ".md", ".pdf"))
        print(f"\n## {files} documents ({corpus_kind} corpus)\n")
        print("| ingest | wall s | documents/s | peak memory MiB | store MiB |\n|---|---|---|---|---|")
        prints: set[tuple[int, str]] = set()
        store_dir = None
        for count in jobs:
            if count == 1 and documents > 2000:
                continue  # one core at 10,000 documents: derived from smaller runs
            store_dir = Path(tmp) / f"store-j{count}"
            took, peak = timed_ingest(corpus, store_dir, count)
            size = sum(f.stat().st_size for f in store_dir.rglob("*") if f.is_file()) / 2**20
            print(f"| --jobs {count} | {took:.1f} | {files / took:.0f} | {peak:.0f} | {size:.0f} |")
            if documents <= 2000:
                prints.add(fingerprint(store_dir))
        if len(prints) > 1:
            raise SystemExit(f"stores differ between --jobs values: {prints}")
        if prints:
            print(f"\nEvery --jobs value gave the same {next(iter(prints))[0]:,} quads.")
        store = EmbeddedStore(store_dir)
        try:
            cases = _cases(store)
            baseline = _Rdflib(store) if documents <= rdflib_max else None
            print("\n| query | p50 ms | p95 ms | rdflib p50 ms | ratio |\n|---|---|---|---|---|")
            for name, params in cases.items():
                text = load_query(name).text
                ours = _latencies(lambda q, b: store.select(q, b), text, params, repeat)
                row = f"| {name} | {_ms(ours, 50):.1f} | {_ms(ours, 95):.1f} |"
                if baseline is None:
                    row += " — | — |"
                else:
                    try:  # one call: rdflib keeps no caches worth warming, and it is slow
                        started = time.perf_counter()
                        baseline(text, params[0])
                        theirs = [time.perf_counter() - started]
                        row += f" {_ms(theirs, 50):.0f} | {_ms(theirs, 50) / _ms(ours, 50):.0f}× |"
                    except _TooSlow:
                        row += f" > {RDFLIB_LIMIT * 1000} | > {RDFLIB_LIMIT * 1000 / _ms(ours, 50):.0f}× |"
                print(row)
            survey = _survey_latencies(store, repeat)
            row = f"| compare --all (the whole survey) | {_ms(survey, 50):.1f} | {_ms(survey, 95):.1f} |"
            if baseline is None:
                row += " — | — |"
            else:
                try:
                    theirs = [_survey_on_rdflib(baseline)]
                    row += f" {_ms(theirs, 50):.0f} | {_ms(theirs, 50) / _ms(survey, 50):.0f}× |"
                except _TooSlow:
                    row += f" > {RDFLIB_LIMIT * 1000} | > {RDFLIB_LIMIT * 1000 / _ms(survey, 50):.0f}× |"
            print(row)
        finally:
            store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[100, 1000])
    parser.add_argument("--corpus", choices=("scaled", "synth"), default="scaled")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--rdflib-max", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="write the corpus here (reused when it exists) instead of a temporary folder")
    args = parser.parse_args()
    for size in args.sizes:
        bench(size, args.corpus, args.jobs, args.rdflib_max, args.repeat, args.keep)


if __name__ == "__main__":
    main()
