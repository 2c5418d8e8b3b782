"""Extraction scored on documents the area model never saw: leave one document out.

    python benchmarks/area_cv.py CORPUS_DIR GOLD_DIR

For each annotated document, the area model is trained on every other example of
``graph/data/area_training.jsonl`` (the document's own clauses removed), the document is
extracted with that model, and the predictions of all folds are scored together with
``shared/eval/score.py``. This is the figure to expect on new documents; scoring with
the shipped model, which has seen these documents, is optimistic.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from cchc.graph import area_model
from cchc.graph.area_model import AreaModel
from cchc.graph.facts_json import facts_json
from cchc.graph.pipeline import analyse
from cchc.graph.train_areas import fit, load


def main(argv: list[str]) -> int:
    corpus, gold = Path(argv[0]), Path(argv[1])
    rows = load()
    with tempfile.TemporaryDirectory() as tmp:
        for path in sorted(gold.glob("*.json")):
            source = next(p for p in corpus.iterdir() if p.stem == path.stem)
            raw = fit([r for r in rows if not r["source"].endswith("/" + path.stem)])
            held_out = AreaModel.from_json(raw)
            area_model.model = lambda held_out=held_out: held_out  # the fold's model
            parsed, facts = analyse(source)
            (Path(tmp) / path.name).write_text(json.dumps(facts_json(parsed, facts), ensure_ascii=False), encoding="utf-8")
        scorer = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score.py"
        return subprocess.call([sys.executable, str(scorer), "--dir", tmp, str(gold)])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
