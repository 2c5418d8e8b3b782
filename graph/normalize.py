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
# (hoà, khoẻ, uỷ); the new style puts it on the first (hòa, khỏe, ủy). In NFD the tone
# follows its base letter, so moving it is a swap of two code points.
_OLD_TONE = re.compile(rf"(?i)([ou])([ae]|y)([{_TONES}])(?![\w\u0300-\u036f])")
# (A mark after the tone means a vowel with two marks: "hoặc" is h-o-ặ-c, whose dot below
# sorts before the breve in NFD; moving that dot would write "họăc".)
# The same places in composed text: most texts have none, and then nothing is decomposed.
_OLD_TONE_COMPOSED = re.compile(  # "qu" is a consonant: "kết quả" is no old-style tone
    "(?i)(?<!q)[ou][" + "".join(unicodedata.normalize("NFC", base + tone) for base in "aeyAEY" for tone in _TONES) + r"](?!\w)"
)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def new_tone_placement(text: str) -> str:
    """hoà → hòa, khoẻ → khỏe, uỷ → ủy; "quý" and "thuở" are left alone."""
    composed = unicodedata.normalize("NFC", text)
    if not _OLD_TONE_COMPOSED.search(composed):
        return composed
    decomposed = unicodedata.normalize("NFD", text)

    def move(match: re.Match[str]) -> str:
        start = match.start()
        # "qu" + y and "gi" are consonant clusters: the tone stays on the vowel after them.
        if match.group(1) in "uU" and start > 0 and decomposed[start - 1] in "qQ":
            return match.group(0)
        return match.group(1) + match.group(3) + match.group(2)

    return unicodedata.normalize("NFC", _OLD_TONE.sub(move, decomposed))


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
