"""OCR damage: a vowel the scanner dropped is put back only when the vocabulary admits one."""

from __future__ import annotations

from pathlib import Path

from cchc.graph.ocr import repair
from cchc.graph.pipeline import analyse

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"


def test_torn_word_is_mended_from_the_next_word() -> None:
    # "ch?m" could be "chấm" or "chậm"; only "chấm điểm" is a phrase of the vocabulary.
    assert repair("việc đánh giá, ch m điểm Chỉ số") == ("việc đánh giá, chấm điểm Chỉ số", ["ch m → chấm"])


def test_letters_of_a_list_and_unknown_fragments_stay() -> None:
    # "ch m xyz": chấm or chậm, and nothing tells which.
    for line in ("các điểm a, b, c và d thì", "theo điểm b khoản 2", "ký hiệu ch m xyz"):
        assert repair(line) == (line, [])


def test_sample_with_ocr_damage_reads_as_repaired_and_says_so() -> None:
    parsed, facts = analyse(CORPUS / "004_c9bf048497e7369c.txt")
    texts = " ".join(p.text for part in (parsed, *parsed.attachments) for p in part.provisions())
    assert "ch m điểm" not in texts and texts.count("chấm điểm") >= 3
    assert any("ch m → chấm" in warning for warning in parsed.warnings)
    assert "ch m điểm" in parsed.source.text  # the source stays as written


def test_the_vocabulary_reads_no_pattern_file(monkeypatch) -> None:
    """Words come from the ontology's labels and the model's annotated clauses; a
    regular expression ("(?:Ủy|Uỷ) ban\\s+") is no spelling of Vietnamese."""
    from cchc.graph import area_model, ocr, ontology

    read: list[str] = []
    for module in (ontology, area_model):
        real = module.read_text
        monkeypatch.setattr(module, "read_text", lambda package, name, real=real: read.append(name) or real(package, name))
    cached = (ocr._vocabulary, ontology.vocabulary_graph, ontology._parsed, area_model.model)
    for function in cached:
        function.cache_clear()
    try:
        syllables, _ = ocr._vocabulary()
    finally:
        for function in cached:
            function.cache_clear()
    assert read and all(name.endswith(".ttl") or name == area_model.MODEL_FILE for name in read)
    assert area_model.MODEL_FILE in read
    assert {"chấm", "điểm", "thủ", "tục"} <= set(syllables)
