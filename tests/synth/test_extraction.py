"""The corpus goes through the pipeline: every file ingests, and extraction scores above a floor.

The floor is a little below what extraction scored when this corpus was built (seed 1, six
units: assignments F1 0.972, document fields 1.000, legal bases 1.000, meetings 1.000), so
the test fails when extraction regresses on the drafts' own wording or on the perturbations
(one missed meeting of the six still passes; two do not).
"""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

from typer.testing import CliRunner

from cchc.cli.app import app
from cchc.graph.facts_json import facts_json
from cchc.graph.pipeline import analyse

FLOOR = {"assign_f1": 0.95, "fields_acc": 0.97, "bases_f1": 0.97, "meetings_f1": 0.85}


def test_every_file_ingests(corpus: Path, rows: list[dict], tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["ingest", "--store", str(tmp_path / "store"), str(corpus)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    listed = CliRunner().invoke(app, ["docs", "list", "--store", str(tmp_path / "store"), "--format", "json"])
    assert sorted(d["source"] for d in json.loads(listed.stdout)) == sorted(Path(r["file"]).name for r in rows)


def test_extraction_scores_above_the_floor(corpus: Path, rows: list[dict], scorer: ModuleType, tmp_path: Path, capsys) -> None:
    predictions = tmp_path / "pred"
    predictions.mkdir()
    for row in rows:
        parsed, facts = analyse(corpus / row["file"])
        (predictions / Path(row["gold"]).name).write_text(json.dumps(facts_json(parsed, facts), ensure_ascii=False), encoding="utf-8")
    capsys.readouterr()
    assert scorer.main(["--dir", str(predictions), str(corpus / "gold"), "--json"]) == 0
    printed = capsys.readouterr().out.strip().splitlines()
    summary = json.loads(printed[-1])
    low = {k: (summary[k], floor) for k, floor in FLOOR.items() if summary[k] < floor}
    assert not low, f"{printed[-2]} — below the floor: {low}"
