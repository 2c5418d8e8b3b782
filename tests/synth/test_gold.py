"""The gold files are valid cchc-facts/1, true to what was drafted, and safe under perturbation."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

from cchc.generators.vocab import MODES, areas, functions
from cchc.synth.data import data

KINDS = {"quy_che", "quy_dinh", "ke_hoach"}


def test_gold_files_follow_the_contract(corpus: Path, rows: list[dict]) -> None:
    for row in rows:
        gold = json.loads((corpus / row["gold"]).read_text(encoding="utf-8"))
        assert gold["schema"] == "cchc-facts/1"
        assert gold["source"] == Path(row["file"]).name
        document = gold["document"]
        assert document["kind"] in KINDS
        assert document["unit"] == row["unit"]
        assert document["signer"]["authority"] in ("TM", "KT") and document["signer"]["name"]
        assert document["legal_bases"] and all(isinstance(b, str) and b for b in document["legal_bases"])
        if document["number"] is not None:
            assert document["number"].endswith(("/QĐ-UBND", "/KH-UBND")) and document["issued"]
        assert gold["assignments"], row["file"]
        keys = [(a["agency"], a["mode"], a["area"]) for a in gold["assignments"]]
        assert len(keys) == len(set(keys))  # one row per (agency, mode, area)
        for agency, mode, area in keys:
            assert agency and mode in MODES and area in areas()
        assert all(a["function"] in functions() for a in gold["agencies"])
        if row["kind"] == "quy-che-bcd":
            assert [m["per_year"] for m in gold["meetings"]] in ([1], [2], [4], [12])
        else:
            assert gold["meetings"] == []


def test_gold_read_as_a_prediction_scores_one(corpus: Path, scorer: ModuleType, capsys) -> None:
    assert scorer.main(["--self-check", str(corpus / "gold"), "--json"]) == 0
    summary = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert summary == {"assign_p": 1.0, "assign_r": 1.0, "assign_f1": 1.0, "fields_acc": 1.0, "bases_f1": 1.0, "meetings_f1": 1.0}


def test_every_perturbation_is_one_the_scorer_forgives(scorer: ModuleType) -> None:
    """A name abbreviated or spelled with old tones in the text still matches the gold name."""
    table = data("perturbations")
    for row in table["abbreviations"]:
        assert scorer.norm(row["full"]) == scorer.norm(row["short"]), row
        name = f"Phòng {row['full']} huyện Mỹ Xuyên"
        assert scorer.agency_key(name) == scorer.agency_key(name.replace(row["full"], row["short"])), row
    for new, old in table["old_tones"].items():
        assert scorer.norm(new) == scorer.norm(old), (new, old)
        assert scorer.norm(new.capitalize()) == scorer.norm(old.capitalize())


def test_gold_is_what_the_generator_put_in(rows: list[dict], corpus: Path) -> None:
    """Assignments come from the draft, not from a reading: the extractor's output is not consulted."""
    from synth_support import SEED

    from cchc.synth.documents import draft_unit, plan_documents
    from cchc.synth.gold import gold_facts
    from cchc.synth.units import make_unit

    unit = make_unit(SEED, 0)
    for drafted in draft_unit(unit, SEED, plan_documents(unit, SEED, 0.2)):
        expected = {(d.agency, d.mode, d.area) for d in drafted.draft.duties}
        gold = gold_facts(drafted)
        assert {(a["agency"], a["mode"], a["area"]) for a in gold["assignments"]} == expected
        on_disk = json.loads((corpus / "gold" / f"{drafted.planned.stem}.json").read_text(encoding="utf-8"))
        assert on_disk == gold
