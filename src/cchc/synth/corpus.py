"""Write a whole synthetic corpus: units → drafts → perturbed files, with their gold.

Layout (everything below OUT is written here, nothing else is touched)::

    OUT/<level>/<unit-slug>/<stem>.txt | .docx    the document
    OUT/<level>/<unit-slug>/<stem>.facts.json     its ground truth (cchc-facts/1)
    OUT/gold/<stem>.json                          the same gold, in one flat folder
    OUT/manifest.jsonl                            one line per document: unit, kind, perturbations

Stems are unique in the corpus ("00012-xa-tan-phu-ke-hoach-2026"), so predictions written
as ``PRED/<stem>.json`` pair with ``OUT/gold/<stem>.json`` in ``score.py --dir PRED OUT/gold``
(score.py pairs files by name inside one folder). Units are independent and seeded by their
position, so ``--jobs`` changes the speed and nothing in the output.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cchc.generators.render_docx import render_docx
from cchc.synth.documents import Drafted, draft_unit, plan_documents
from cchc.synth.docx_bytes import reproducible_docx
from cchc.synth.draws import rng_for
from cchc.synth.errors import SynthError
from cchc.synth.gold import gold_facts
from cchc.synth.names import GOLD, MANIFEST
from cchc.synth.perturb import Speller, draw_habits, respell, split_across_pages
from cchc.synth.plaintext import render_plain
from cchc.synth.units import make_unit


@dataclass(frozen=True)
class Options:
    units: int
    seed: int = 0
    docx_share: float = 0.2
    perturb: bool = True
    jobs: int = 1


@dataclass
class Summary:
    documents: int = 0
    formats: dict[str, int] = field(default_factory=dict)
    levels: dict[str, int] = field(default_factory=dict)
    perturbations: dict[str, int] = field(default_factory=dict)


def _json(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def render_file(drafted: Drafted, seed: int, perturb: bool) -> tuple[bytes, dict[str, Any]]:
    """The file's bytes and what was done to it; perturbations have their own draws."""
    planned = drafted.planned
    rng = rng_for(seed, "perturb", planned.unit.index, planned.position)
    habits = draw_habits(rng, planned.fmt, perturb)
    speller = Speller(habits, rng)
    document = drafted.draft.documents[0]
    respell(document, speller)
    continuations = split_across_pages(document, habits, rng) if habits.page_breaks else []
    if planned.fmt == "txt":
        payload = render_plain(document, habits, speller, {id(c) for c in continuations}, rng.choice)
    else:
        day = drafted.profile.date or dt.date(planned.year, 1, 2)
        stamp = dt.datetime.combine(day, dt.time(8, rng.randrange(60)))
        payload = reproducible_docx(render_docx([document]), stamp, [c.text for c in continuations])
    style = {
        "heading_style": habits.heading_style, "blank_lines": habits.blank_lines,
        "crlf": habits.crlf, "bom": habits.bom, "nfd": habits.nfd,
    } if planned.fmt == "txt" else {}
    return payload, {"perturbations": dict(sorted(habits.applied.items())), **style}


def _write(path: Path, payload: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(payload)


def write_document(out: Path, drafted: Drafted, seed: int, perturb: bool) -> dict[str, Any]:
    planned = drafted.planned
    gold = _json(gold_facts(drafted))  # before the perturbations touch the document model
    payload, record = render_file(drafted, seed, perturb)
    unit = planned.unit
    folder = Path(unit.folder) / unit.slug
    _write(out / folder / planned.file_name, payload)
    _write(out / folder / f"{planned.stem}.facts.json", gold)
    _write(out / GOLD / f"{planned.stem}.json", gold)
    return {
        "file": (folder / planned.file_name).as_posix(),
        "gold": f"{GOLD}/{planned.stem}.json",
        "unit": unit.full_name,
        "superior": unit.superior,
        "level": unit.level,
        "unit_kind": unit.kind,
        "structure": unit.structure,
        "kind": planned.slug,
        "year": planned.year,
        "format": planned.fmt,
        "assignments": len(json.loads(gold)["assignments"]),
        **record,
    }


def write_unit(out: Path, seed: int, index: int, docx_share: float, perturb: bool) -> list[dict[str, Any]]:
    unit = make_unit(seed, index)
    drafts = draft_unit(unit, seed, plan_documents(unit, seed, docx_share))
    return [write_document(out, drafted, seed, perturb) for drafted in drafts]


def _task(args: tuple[Path, int, int, float, bool]) -> list[dict[str, Any]]:
    return write_unit(*args)


def _rows(out: Path, options: Options) -> Iterator[list[dict[str, Any]]]:
    tasks = [(out, options.seed, index, options.docx_share, options.perturb) for index in range(options.units)]
    if options.jobs <= 1:
        yield from map(_task, tasks)
        return
    with ProcessPoolExecutor(max_workers=options.jobs) as pool:
        yield from pool.map(_task, tasks, chunksize=max(1, min(25, len(tasks) // (options.jobs * 8) or 1)))


def prepare(out: Path, force: bool) -> None:
    """An empty (or new) folder; with ``force``, a previous corpus in it is removed first —
    only what its manifest lists, never anything else."""
    if out.exists() and not out.is_dir():
        raise SynthError(f"{out}: không phải thư mục")
    if not out.exists() or not any(out.iterdir()):
        out.mkdir(parents=True, exist_ok=True)
        return
    manifest = out / MANIFEST
    if not force:
        raise SynthError(f"{out}: thư mục không rỗng; chọn thư mục khác hoặc thêm --force để thay bộ văn bản tổng hợp cũ")
    if not manifest.is_file():
        raise SynthError(f"{out}: thư mục không rỗng và không phải bộ văn bản do cchc synth sinh ra (thiếu {MANIFEST}); không ghi đè")
    tops = {GOLD}
    for line in manifest.read_text(encoding="utf-8").splitlines():
        if line.strip():
            tops.add(Path(json.loads(line)["file"]).parts[0])
    for top in sorted(tops):
        target = out / top
        if target.is_dir() and target.resolve().parent == out.resolve():
            shutil.rmtree(target)
    manifest.unlink()


def write_corpus(out: Path, options: Options, force: bool = False, on_unit: Callable[[int], None] | None = None) -> Summary:
    """Write the corpus; the manifest is written last, in corpus order."""
    if options.units < 1:
        raise SynthError("--units phải lớn hơn 0")
    if not 0.0 <= options.docx_share <= 1.0:
        raise SynthError("--docx-share phải nằm trong khoảng 0 đến 1")
    prepare(out, force)
    summary = Summary()
    lines: list[bytes] = []
    for rows in _rows(out, options):
        for row in rows:
            lines.append(json.dumps(row, ensure_ascii=False).encode("utf-8") + b"\n")
            summary.documents += 1
            summary.formats[row["format"]] = summary.formats.get(row["format"], 0) + 1
            summary.levels[row["level"]] = summary.levels.get(row["level"], 0) + 1
            for what, n in row["perturbations"].items():
                summary.perturbations[what] = summary.perturbations.get(what, 0) + n
        if on_unit:
            on_unit(len(rows))
    (out / MANIFEST).write_bytes(b"".join(lines))
    return summary
