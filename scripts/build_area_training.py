"""Collect annotated duty clauses into graph/data/area_training.jsonl.

    python scripts/build_area_training.py GOLD_DIR [GOLD_DIR …] [--synth N]

Each assignment row of a cchc-facts/1 annotation that carries its sentence gives one
example: the sentence, its accepted areas (the first is the annotator's main reading),
the source document (for leave-one-document-out evaluation), its title (whose field cues
are the model's document prior) and the other clauses of
that document (for the in-document word frequencies the model discounts). ``--synth``
adds the distinct clauses of a synthetic corpus (``cchc synth``), which speak the
standard wording of reform regulations; ``data/area_annotations.jsonl`` (clauses of other
real documents, annotated by the project) is always added. The output is sorted, so it is the same for the
same inputs.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "graph" / "data" / "area_training.jsonl"


def _rows(gold_dir: Path, prefix: str) -> list[dict]:
    rows = []
    for path in sorted(gold_dir.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        seen: dict[str, dict] = {}
        title = (data.get("document") or {}).get("title") or ""
        for row in data.get("assignments", []):
            text = " ".join((row.get("text") or "").split())
            if not text:
                continue
            areas = row["area"] if isinstance(row["area"], list) else [row["area"]]
            entry = seen.setdefault(text, {"text": text, "areas": [], "source": f"{prefix}{path.stem}", "title": title})
            for area in areas:
                if area not in entry["areas"]:
                    entry["areas"].append(area)
        rows.extend(seen.values())
    return rows


def main(argv: list[str]) -> int:
    synth = int(argv[argv.index("--synth") + 1]) if "--synth" in argv else 0
    dirs = [Path(a) for a in argv if not a.startswith("--") and not a.isdigit()]
    rows: list[dict] = []
    for directory in dirs:
        rows.extend(_rows(directory, f"{directory.name}/"))
    if synth:
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run(["cchc", "synth", "--units", str(synth), "--seed", "7", tmp], check=True, capture_output=True)
            synthetic = _rows(Path(tmp) / "gold", "synth/")
            unique: dict[str, dict] = {}
            for row in synthetic:  # templated wording repeats across units: one example each
                unique.setdefault(row["text"], row | {"source": "synth", "title": ""})  # a template's title names no topic
            rows.extend(unique.values())
    # Our own annotations of dev-corpus clauses (documents gold-dev leaves out), by the
    # same conventions: graph/data/area_annotations.jsonl.
    own = OUT.with_name("area_annotations.jsonl")
    if own.exists():
        rows.extend(json.loads(line) for line in own.read_text(encoding="utf-8").splitlines() if line.strip())
    rows.sort(key=lambda r: (r["source"], r["text"]))
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"{len(rows)} ví dụ → {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
