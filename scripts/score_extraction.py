"""Write cchc-facts/1 predictions for a corpus and score them against hand annotations.

    python scripts/score_extraction.py CORPUS_DIR GOLD_DIR PRED_DIR [-v]

Documents are analysed in parallel worker processes; only the files that have a gold
annotation are read, so the dev corpus scores in seconds rather than a minute.
"""

from __future__ import annotations

import json
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path


def _predict(args: tuple[Path, Path]) -> str:
    from cchc.graph.facts_json import facts_json
    from cchc.graph.pipeline import analyse

    source, out = args
    parsed, facts = analyse(source)
    out.write_text(json.dumps(facts_json(parsed, facts), ensure_ascii=False, indent=1), encoding="utf-8")
    return source.name


def main(argv: list[str]) -> int:
    corpus, gold, pred = (Path(a) for a in argv[:3])
    pred.mkdir(parents=True, exist_ok=True)
    stems = {p.stem for p in gold.glob("*.json")}
    sources = [p for p in sorted(corpus.iterdir()) if p.stem in stems]
    with ProcessPoolExecutor(2) as pool:
        list(pool.map(_predict, [(s, pred / f"{s.stem}.json") for s in sources]))
    scorer = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score.py"
    return subprocess.call([sys.executable, str(scorer), "--dir", str(pred), str(gold), *argv[3:]])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
