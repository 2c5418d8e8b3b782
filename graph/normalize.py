"""Normalise Vietnamese text for matching only; the source text is always kept as written.

Two spellings of one name must meet: composed/decomposed Unicode, old/new tone placement
(hoà/hòa, uỷ/ủy), "&" for "và", hyphen variants, case, doubled spaces. ``match_key`` is the
one form used to compare; ``fold`` drops diacritics for what people type without them;
``slug`` makes ASCII identifiers for IRIs.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_TONES = "\u0300\u0301\u0303\u0309\u0323"  # grave, acute, tilde, hook above, dot below
_DASHES = re.compile(r"[\u2010-\u2015\u2212-]")
# Old style puts the tone on the second vowel of oa, oe, uy when nothing follows
# (hoà, khoẻ, uỷ); the new style puts it on the first (hòa, khỏe, ủy). Only a second vowel
# with a tone alone is matched: "hoặc" holds ặ (a with breve and dot), which no old style
# wrote, and moving its dot would write "họăc".
_OLD_TONE_COMPOSED = re.compile(  # "qu" is a consonant: "kết quả" is no old-style tone
    "(?<![qQ])[oOuU][" + "".join(unicodedata.normalize("NFC", base + tone) for base in "aeyAEY" for tone in _TONES) + r"](?!\w)"
)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def new_tone_placement(text: str) -> str:
    """hoà → hòa, khoẻ → khỏe, uỷ → ủy; "quý" and "thuở" are left alone.

    Each old-style pair is rewritten in composed text: decomposing a whole document to move
    a few marks cost more than the rest of its digest."""
    composed = unicodedata.normalize("NFC", text)
    return _OLD_TONE_COMPOSED.sub(_new_style, composed)


@lru_cache(maxsize=256)
def _moved(pair: str) -> str:
    decomposed = unicodedata.normalize("NFD", pair)  # vowel, vowel, tone
    return unicodedata.normalize("NFC", decomposed[0] + decomposed[2] + decomposed[1])


def _new_style(match: re.Match[str]) -> str:
    return _moved(match.group(0))


def fold(text: str) -> str:
    """Drop every diacritic (đ → d): what people type on a keyboard without Vietnamese input."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=1 << 16)
def match_key(text: str) -> str:
    """The comparison form of a name: NFC, new tone placement, lower case, "&"→"và", one space."""
    key = new_tone_placement(text).lower()
    key = key.replace("&", " và ")
    key = _DASHES.sub(" - ", key)
    return " ".join(key.split()).strip(" .;,:")


def loose_key(text: str) -> str:
    """``match_key`` without diacritics and punctuation, for input typed without accents."""
    key = fold(match_key(text))
    key = re.sub(r"[^a-z0-9]+", " ", key)
    return key.strip()


def slug(text: str, max_length: int = 80) -> str:
    """ASCII identifier for IRIs: "341/KH-UBND" → "341-kh-ubnd"."""
    ascii_text = fold(nfc(text)).lower()
    ascii_text = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    return ascii_text[:max_length].rstrip("-") or "x"
