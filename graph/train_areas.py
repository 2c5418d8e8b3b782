"""Train the area model from ``data/area_training.jsonl`` and write ``data/area_model.json``.

    python -m cchc.graph.train_areas            # rebuild the shipped model
    python -m cchc.graph.train_areas --evaluate # leave-one-document-out, against the cue count

Training is deterministic (a fixed solver on sorted data, weights rounded), so the same
examples always give the same bytes. A clause annotated with several accepted areas counts
once: its first (main) reading weighs PRIMARY, the others share the rest.
"""

from __future__ import annotations

import json
import math
import sys
from collections import Counter
from pathlib import Path

from cchc.graph.area_model import DocumentStats, features
from cchc.graph.areas import classify

DATA = Path(__file__).resolve().parent / "data"
C = 10.0  # inverse regularisation: chosen by leave-one-document-out accuracy (1, 4, 10, 30, 100 tried)


PRIMARY = 0.7  # the annotator's first reading of a clause; the other accepted areas share the rest


def _share(rank: int, count: int) -> float:
    if count == 1:
        return 1.0
    return PRIMARY if rank == 0 else (1.0 - PRIMARY) / (count - 1)


def load(path: Path = DATA / "area_training.jsonl") -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _featurised(rows: list[dict]) -> list[dict[str, float]]:
    by_source: dict[str, list[str]] = {}
    for row in rows:
        by_source.setdefault(row["source"], []).append(row["text"])
    stats = {source: DocumentStats.from_texts(texts) for source, texts in by_source.items()}
    return [features(row["text"], "", stats[row["source"]], row.get("title", "")) for row in rows]


def fit(rows: list[dict]) -> dict:
    """The model as the JSON structure ``area_model.AreaModel`` reads."""
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    values = _featurised(rows)
    document_frequency: Counter[str] = Counter()
    for feats in values:
        document_frequency.update(feats.keys())
    names = sorted(name for name, count in document_frequency.items() if count >= 1)
    column = {name: index for index, name in enumerate(names)}
    n = len(values)
    idf = {name: math.log((1 + n) / (1 + document_frequency[name])) + 1 for name in names}
    areas = sorted({area for row in rows for area in row["areas"]})
    data, indices, pointers, labels, weights = [], [], [0], [], []
    for row, feats in zip(rows, values):
        scaled = {column[k]: v * idf[k] for k, v in feats.items()}
        norm = math.sqrt(sum(v * v for v in scaled.values())) or 1.0
        for rank, area in enumerate(row["areas"]):
            for index in sorted(scaled):
                indices.append(index)
                data.append(scaled[index] / norm)
            pointers.append(len(indices))
            labels.append(areas.index(area))
            weights.append(_share(rank, len(row["areas"])))
    matrix = csr_matrix((data, indices, pointers), shape=(len(labels), len(names)))
    classifier = LogisticRegression(C=C, max_iter=5000, solver="lbfgs")
    classifier.fit(matrix, labels, sample_weight=weights)
    present = [areas[i] for i in classifier.classes_]
    coefficients = classifier.coef_
    kept = {}
    for name, index in column.items():
        vector = [round(float(coefficients[a][index]), 4) for a in range(len(present))]
        if any(abs(w) >= 1e-3 for w in vector):
            kept[name] = vector
    return {
        "areas": present,
        "idf": {name: round(idf[name], 4) for name in sorted(kept)},
        "weights": dict(sorted(kept.items())),
        "bias": [round(float(b), 4) for b in classifier.intercept_],
        "trained_on": len(rows),
    }


def write(model: dict, path: Path = DATA / "area_model.json") -> None:
    path.write_text(json.dumps(model, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")


def evaluate(rows: list[dict]) -> dict[str, float]:
    """Top-1 accuracy (the area is one the annotator accepts), each document of the
    annotated set left out in turn; synthetic clauses always stay in training."""
    from cchc.graph.area_model import AreaModel

    held = sorted({r["source"] for r in rows if not r["source"].startswith("synth")})
    hits = base = total = 0
    for source in held:
        train = [r for r in rows if r["source"] != source]
        test = [r for r in rows if r["source"] == source]
        raw = fit(train)
        found = AreaModel.from_json(raw)
        stats = DocumentStats.from_texts(r["text"] for r in test)
        for row in test:
            probabilities = found.probabilities(features(row["text"], "", stats, row.get("title", "")))
            best = max(zip(found.areas, probabilities), key=lambda p: p[1])[0]
            hits += best in row["areas"]
            base += classify(row["text"]) in row["areas"]
            total += 1
    return {"model": hits / total, "cue_count": base / total, "clauses": total}


def main(argv: list[str]) -> int:
    rows = load()
    if "--evaluate" in argv:
        result = evaluate(rows)
        print(f"Độ chính xác (để riêng từng văn bản): mô hình {result['model']:.3f}, đếm từ gợi ý {result['cue_count']:.3f} trên {result['clauses']} câu")
        return 0
    write(fit(rows))
    print(f"Đã ghi {DATA / 'area_model.json'} ({len(rows)} ví dụ)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
