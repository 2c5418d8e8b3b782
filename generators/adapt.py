"""A model unit's own sentences, moved to the new unit (``cchc draft --like``).

A drafter who takes Mỹ Xuyên's Quy chế as the model wants its wording, not stock
sentences: "Nghiên cứu, tham mưu các giải pháp đẩy mạnh cải cách thể chế …" stays, with
the model's agencies replaced by the new unit's holders of the same functions, its unit
("huyện Mỹ Xuyên", "UBND huyện", "cấp huyện") by the new one. A sentence is kept only
when every change is sure: it names no agency that has no holder here, no place left of
the model, no level below the new unit when the new unit has none (a commune has no "các
xã"), does not make an agency coordinate with itself, and does not have the chair
"tham mưu". Anything else keeps the stock sentence. Which sentences survive the round
trip (``roundtrip.py``) is decided by ``drafting.py``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from cchc.generators.content import SourceDuty
from cchc.generators.profile import Profile
from cchc.graph.levels import words, words_of

_MAX_WORDS = 60
_BULLET = re.compile(r"^\s*[-+•*]\s*")
_COUNCIL_OR_COMMITTEE = r"(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân|HĐND|Hội đồng nhân dân|HĐND và UBND|HĐND&UBND|cấp|của|trên địa bàn|toàn)"


def _level_word(place: str) -> str:
    """ "huyện Mỹ Xuyên" → "huyện" (the longest level word it starts with)."""
    lowered = place.lower()
    return next((word for word in words() if lowered.startswith(word + " ")), "")


def sentences(profile: Profile, found: Iterable[SourceDuty], place: str) -> dict[tuple[str, str, str], str]:
    """(holder, mode, area) → the model's sentence adapted to the profile, the first that
    adapts of each; holders as ``map_duties`` names them."""
    found = list(found)
    names = {d.agency: profile.holder(d.function) for d in found if d.agency}
    out: dict[tuple[str, str, str], str] = {}
    for duty in found:
        holder = profile.holder(duty.function)
        if not duty.text or holder is None or (holder, duty.mode, duty.area) in out:
            continue
        text = adapt(duty.text, holder, names, place, profile)
        if text and _fits(text, duty.mode, holder, profile):
            out[(holder, duty.mode, duty.area)] = text
    return out


def adapt(text: str, holder: str, names: dict[str, str | None], place: str, profile: Profile) -> str | None:
    """The sentence with the new unit's agencies and unit, or None when a change is unsure."""
    text = _BULLET.sub("", " ".join(text.split())).rstrip(" .;:")
    if not text or len(text.split()) > _MAX_WORDS:
        return None
    for name in sorted(names, key=len, reverse=True):
        if name and name in text:
            target = names[name]
            if target is None:
                return None  # an agency the new unit has no holder for
            text = text.replace(name, target)
    level = _level_word(place)
    unit_name = place[len(level):].strip() if level else place
    text = text.replace(place, profile.unit)
    if level:
        text = re.sub(rf"\b({_COUNCIL_OR_COMMITTEE}) {re.escape(level)}\b", rf"\1 {profile.level}", text)
    if unit_name and unit_name != profile.unit_name and unit_name in text:
        return None  # the model's name left in another form
    if level and level != profile.level and re.search(rf"\b{re.escape(level)}\b", text, re.IGNORECASE):
        return None  # a use of the model's level the rules above do not know
    if profile.level in words_of("xa") and re.search(r"\b(?:các|cấp|từng) (?:xã|phường|thị trấn)\b", text, re.IGNORECASE):
        return None  # a commune has no lower level
    if holder in text:
        return None  # "Phòng X chủ trì, phối hợp Phòng X …" after the move
    return text[0].upper() + text[1:]


def _fits(text: str, mode: str, holder: str, profile: Profile) -> bool:
    lowered = text.lower()
    if holder == profile.steering.head and "tham mưu" in lowered:
        return False  # the chair directs; advising is its agencies' part
    if mode == "phoi_hop":
        return "phối hợp" in lowered
    if mode == "chu_tri":
        return not lowered.startswith("phối hợp")
    return True
