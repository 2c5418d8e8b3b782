"""A corpus of any size made from the five sample documents, for query benchmarks.

Each copy renames the unit (every spelling and case of its proper name) and renumbers the
document, so copies are distinct units with distinct documents of real size and shape:
copy 17 of the Mỹ Xuyên regulation regulates "huyện Phú Long" and is stored as its own
graph. (``cchc synth`` writes a varied corpus through the generators; this one keeps the
real documents' text, which is what query latency depends on.)
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

from cchc.graph.pipeline import analyse
from cchc.graph.structure import effective_metadata

CORPUS = Path(__file__).resolve().parents[1] / "examples" / "corpus"
SYLLABLES = ("An", "Bình", "Hòa", "Phú", "Tân", "Long", "Thạnh", "Xuân", "Đông", "Tây", "Hưng", "Lợi", "Phước", "Thuận", "Vĩnh", "Lộc")
_LEVEL = re.compile(r"^(?:huyện|tỉnh|xã|phường|thành phố|thị xã|quận)\s+", re.IGNORECASE)


def unit_names() -> list[str]:
    pairs = (f"{a} {b}" for a, b in itertools.product(SYLLABLES, repeat=2) if a != b)
    triples = (f"{a} {b} {c}" for a, b, c in itertools.product(SYLLABLES, repeat=3) if len({a, b, c}) == 3)
    return list(itertools.chain(pairs, triples))


def write_scaled_corpus(target: Path, documents: int) -> list[Path]:
    """``documents`` files in ``target`` (a multiple of the five samples, rounded up)."""
    samples = []
    for path in sorted(CORPUS.glob("*.txt")):
        parsed, _ = analyse(path)
        meta = effective_metadata(parsed)
        proper = _LEVEL.sub("", meta.unit or "").strip()
        samples.append((path, path.read_text(encoding="utf-8"), proper, meta.number))
    target.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    names = unit_names()
    for copy in range(-(-documents // len(samples))):
        new_name = names[copy % len(names)] + ("" if copy < len(names) else f" {copy // len(names) + 1}")
        for path, text, proper, number in samples:
            if proper and len(proper.split()) <= 3:
                for spelling in {proper, proper.upper()}:
                    text = text.replace(spelling, new_name if spelling == proper else new_name.upper())
            if number:
                text = text.replace(number, f"{copy + 1}{number[number.index('/'):]}")
            out = target / f"{copy:05d}_{path.name}"
            out.write_text(text, encoding="utf-8")
            written.append(out)
    return written[:documents]
