"""Matching keys: one spelling per word, and no word damaged on the way."""

from __future__ import annotations

import pytest

from cchc.graph.normalize import match_key, new_tone_placement


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("hoà giải", "hòa giải"),
        ("Uỷ ban", "Ủy ban"),
        ("khoẻ mạnh", "khỏe mạnh"),
        ("quý", "quý"),  # "qu" is a consonant: the tone stays on y
        ("kết quả", "kết quả"),
        # a vowel with two marks keeps both where they are, also beside an old-style tone
        ("hoà hoặc luật", "hòa hoặc luật"),
        ("uỷ quyền, hoặc", "ủy quyền, hoặc"),
    ],
)
def test_tone_placement(written: str, key: str) -> None:
    assert new_tone_placement(written) == key


def test_keys_of_old_and_new_spellings_meet() -> None:
    assert match_key("Hoà  giải  viên & Uỷ ban") == match_key("hòa giải viên và ủy ban")
