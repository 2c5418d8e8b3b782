"""The same --units and --seed give the same corpus, whatever --jobs; another seed another."""

from __future__ import annotations

from pathlib import Path

from synth_support import SEED, UNITS, manifest

from cchc.graph.read import read_document
from cchc.synth.corpus import Options, write_corpus


def _files(out: Path) -> dict[str, Path]:
    return {p.relative_to(out).as_posix(): p for p in sorted(out.rglob("*")) if p.is_file()}


def test_same_seed_same_files_in_parallel_too(corpus: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    write_corpus(again, Options(units=UNITS, seed=SEED, jobs=2))
    first, second = _files(corpus), _files(again)
    assert first.keys() == second.keys()
    for name, path in first.items():
        if name.endswith(".docx"):  # the same text (and, timestamps being fixed, the same bytes)
            assert read_document(path).text == read_document(second[name]).text, name
        else:  # .txt, gold and manifest byte for byte
            assert path.read_bytes() == second[name].read_bytes(), name


def test_another_seed_gives_another_corpus(corpus: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    write_corpus(other, Options(units=UNITS, seed=SEED + 1))
    ours = {r["unit"] for r in manifest(corpus)}
    theirs = {r["unit"] for r in manifest(other)}
    assert ours != theirs
    gold = sorted((corpus / "gold").glob("*.json"))[0].read_bytes()
    assert all(gold != g.read_bytes() for g in (other / "gold").glob("*.json"))


def test_more_units_extend_a_corpus_without_changing_it(corpus: Path, tmp_path: Path) -> None:
    """Each unit is seeded by its position: the first units of a larger corpus are the same."""
    small = tmp_path / "small"
    write_corpus(small, Options(units=2, seed=SEED))
    for row in manifest(small):
        assert (small / row["gold"]).read_bytes() == (corpus / row["gold"]).read_bytes()
