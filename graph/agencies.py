"""Find agency, body and post names in a sentence, and give each real agency one name.

Vietnamese agency names start with a head word (Phòng, Sở, Văn phòng, Ủy ban nhân dân…)
and continue with capitalised word groups ("Nội vụ", "Khoa học và Công nghệ") joined by
"và", "&" or "-", optionally followed by a level ("huyện", "các xã, thị trấn"). The word
lists live in ``data/agencies.json``; functions come from the SKOS vocabulary.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from cchc.graph import levels
from cchc.graph.normalize import match_key
from cchc.resources import read_text

_TOKEN = re.compile(r"\w+(?:\.\w+)*|&|[-–,]")
_NEXT_TOKEN = re.compile(r"[ \t]*(" + _TOKEN.pattern + r")")  # a name never spans lines
_WORD_AFTER_SPACE = re.compile(r"[ \t]+(\w+)")
_WORD_CHAR = re.compile(r"\w")


def _capital(word: str) -> bool:
    """Upper-case first letter; a character range such as À-Ỹ would also take "đ" and "ư"."""
    return word[:1].isupper()


@dataclass(frozen=True)
class Mention:
    name: str  # as written, trimmed to the name
    start: int
    end: int
    kind: str  # agency | body (steering body) | group (its working group) | post | title


@dataclass(frozen=True)
class _Lexicon:
    starts: re.Pattern[str]
    levels: re.Pattern[str]
    stop: frozenset[str]
    kinds: dict[str, str]
    collective_list: re.Pattern[str]
    council_end: re.Pattern[str]
    dash_note: re.Pattern[str]
    field_heads: frozenset[str]
    phrase_openers: frozenset[str]
    standalone: frozenset[str]
    addressed: frozenset[str]
    same_posts: tuple[tuple[str, str], ...]
    steering_body: re.Pattern[str]
    key_abbreviations: re.Pattern[str]
    key_short: dict[str, str]
    head_full: dict[str, str]
    complement_head: re.Pattern[str]


def _either_tone(phrase: str) -> str:
    """Both tone placements of "ủy" in a phrase pattern: "Uỷ ban MTTQ" is the same head as
    "Ủy ban MTTQ" in files typed in the old style, so no spelling needs its own entry."""
    return re.sub(r"(?<!\()([ỦủUu])([yỷ])(?=\s|$)", lambda m: "(?:Ủy|Uỷ)" if m.group(1) in "ỦU" else "(?:ủy|uỷ)", phrase)


def _with_levels(pattern: str) -> str:
    """A pattern with ``{level}`` standing for the unit-kind vocabulary's level words."""
    return pattern.replace("{level}", levels.alternation())


@cache
def _lexicon() -> _Lexicon:
    data = json.loads(read_text("cchc.graph", "data/agencies.json"))
    kinds: dict[str, str] = {}
    alternatives: list[str] = []
    for group, kind in (("posts", "post"), ("titles", "title"), ("bodies", "body"), ("groups", "group"), ("heads", "agency")):
        for phrase in data[group]:
            phrase = _either_tone(phrase)
            if phrase not in kinds:
                alternatives.append(phrase)
                kinds[phrase] = kind
    alternatives.sort(key=len, reverse=True)
    starts = re.compile(r"(?<![\w])(?:" + "|".join(f"(?:{a})" for a in alternatives) + r")(?![\w])")
    short = {match_key(k): v for k, v in data["key_abbreviations"].items()}
    return _Lexicon(
        starts,
        re.compile(_with_levels(data["levels"])),
        frozenset(data["stop"]),
        kinds,
        re.compile(data["collective_list"]),
        re.compile(_with_levels(data["council_end"])),
        re.compile(data["dash_note"]),
        frozenset(data["field_heads"]),
        frozenset(data["phrase_openers"]),
        frozenset(data["standalone_posts"]),
        frozenset(data["addressed_posts"]),
        tuple((match_key(k), match_key(v)) for k, v in data["same_posts"].items()),
        re.compile(r"[ \t]+" + data["steering_bodies"]),
        re.compile(r"(?<!\w)(?:" + "|".join(re.escape(k) for k in sorted(short, key=len, reverse=True)) + r")(?!\w)"),
        short,
        dict(data["head_abbreviations"]),
        re.compile(r"(?:" + data["complement_heads"] + r")$"),
    )


@cache
def _kind_of(head: str) -> str:
    lexicon = _lexicon()
    for phrase, kind in lexicon.kinds.items():
        if re.fullmatch(phrase, head):
            return kind
    return "agency"


def _extend(text: str, pos: int, need_capital: bool = True) -> int:
    """End of the name whose head ends at ``pos``: capitalised groups, connectors, a level."""
    lexicon = _lexicon()
    if lexicon.complement_head.search(text, max(0, pos - 16), pos):
        return _complement_end(text, pos)
    end = pos
    lowercase_run = 0
    cursor = pos
    bare_head = False
    head_word = text[max(0, pos - 4) : pos].split()
    field_named = bool(head_word) and head_word[-1] in lexicon.field_heads  # a field head's name never holds a second one
    while True:
        match = _NEXT_TOKEN.match(text, cursor)
        if not match:
            break
        token = match.group(1)
        if field_named and token in lexicon.field_heads:
            break  # "Sở Khoa học và Công nghệ Sở Công Thương": a cell's names run together
        if _capital(token) or (token.isupper() and len(token) > 1):
            end = cursor = match.end()
            lowercase_run = 0
            bare_head = token in lexicon.field_heads
            continue
        if bare_head and token.islower():
            break  # "Giám đốc Sở không kiêm nhiệm …": a head word alone names no field
        if token in ("và", "&", "-", "–", ","):
            following = _NEXT_TOKEN.match(text, match.end())
            # "Văn phòng HĐND và UBND xã": the council and its committee share one office,
            # so a connector right after the council's name joins them; a later "và"
            # ("… UBND xã và Phòng Văn hóa - Xã hội") starts the next agency.
            joins_council = token in ("và", "&", "-", "–") and lexicon.council_end.search(text, pos, end)
            if token in ("-", "–") and following and lexicon.dash_note.match(text, following.start(1)):
                break
            if following and following.group(1) in lexicon.phrase_openers:  # "Sở Công Thương, Các doanh nghiệp"
                break
            if following and _capital(following.group(1)) and (joins_council or not _lexicon().starts.match(text, following.start(1))):
                cursor = match.end()
                continue
            break
        if token == "các":
            following = _NEXT_TOKEN.match(text, match.end())
            if following and _capital(following.group(1)):  # "Ban Quản lý các Khu công nghiệp"
                cursor = match.end()
                continue
        if _stops_at(text, match.start(1), lexicon.stop) or lowercase_run >= 5 or (need_capital and end == pos):
            break
        # A level of two words ("đặc khu", "thành phố", "thị xã") is one word of the name:
        # counted word by word, the run could end between them ("… hành chính công đặc").
        level = lexicon.levels.match(text, match.start(1))
        if level and not _WORD_CHAR.match(text, level.end()):
            # After its level a name takes only a place name ("huyện Mỹ Xuyên"): a
            # lower-case word there is the predicate ("… UBND huyện chuẩn bị …").
            return _place_after(text, level.end())
        lowercase_run += 1
        end = cursor = match.end()
    level = lexicon.levels.match(text, end + 1) if end < len(text) and text[end : end + 1] == " " else None
    return _place_after(text, level.end()) if level else end


def _place_after(text: str, end: int) -> int:
    """End of the place name after a level word ("huyện Mỹ Xuyên"): its capitalised words
    only, since a lower-case word there is the predicate ("… UBND huyện chuẩn bị …")."""
    while (proper := _WORD_AFTER_SPACE.match(text, end)) and _capital(proper.group(1)):
        end = proper.end()
    return end


_COMPLEMENT_WORDS = 14  # a management board's complement is a noun phrase, not a clause


def _complement_end(text: str, pos: int) -> int:
    """End of a name whose head takes a lower-case complement ("Ban Quản lý các khu công
    nghệ cao và khu công nghiệp"): words up to a stop word, a punctuation mark or the
    head of another agency; "và" and "các" go on with the complement."""
    lexicon = _lexicon()
    end = cursor = pos
    for _ in range(_COMPLEMENT_WORDS):
        match = _NEXT_TOKEN.match(text, cursor)
        if not match or not match.group(1)[:1].isalnum():
            break  # ",", "-" or the end: the name is whole
        token = match.group(1)
        if token in ("và", "các"):
            following = _NEXT_TOKEN.match(text, match.end())
            if not following or lexicon.starts.match(text, following.start(1)) or not following.group(1)[:1].isalnum():
                break  # "… và Sở Tài chính": a second agency
            cursor = match.end()
            continue
        if lexicon.starts.match(text, match.start(1)) or _stops_at(text, match.start(1), lexicon.stop):
            break
        level = lexicon.levels.match(text, match.start(1))
        if level and not _WORD_CHAR.match(text, level.end()):
            return _place_after(text, level.end())  # "… Khu công nghiệp tỉnh Quảng Ngãi"
        end = cursor = match.end()
    return end


def _stops_at(text: str, start: int, stop: frozenset[str]) -> bool:
    """A verb or function word ends a name; stop phrases may have two words ("báo cáo")."""
    words = text[start : start + 30].lower().split()
    return bool(words) and (words[0] in stop or " ".join(words[:2]) in stop)


def _listed(text: str) -> list[Mention]:
    """ "Các Sở, ngành: Tài chính, Tư pháp, Văn phòng UBND tỉnh" names each Sở by its field."""
    found: list[Mention] = []
    for header in _lexicon().collective_list.finditer(text):
        head = header.group(1)
        cursor = header.end()
        for item in _list_items(text, cursor):
            words = item.group(1).split()
            if not words or not _capital(words[0]):
                break
            start = cursor + item.start(1)
            if _lexicon().starts.match(text, start):
                inner = find_mentions(text[start : cursor + item.end(1)], listed=False)
                found.extend(Mention(m.name, start + m.start, start + m.end, m.kind) for m in inner[:1])
            elif "," in item.group(1):  # a field name with a comma, whole
                end = cursor + item.end(1)
                found.append(Mention(f"{head} {item.group(1)}", start, end, "agency"))
            else:
                end = min(_extend(text, start + len(words[0]), need_capital=False), cursor + item.end(1))
                found.append(Mention(f"{head} {text[start:end].strip(' ,')}", start, end, "agency"))
            if end < cursor + item.end(1):  # the list ends where its predicate starts
                break
    return found


def _list_items(text: str, cursor: int) -> Iterator[re.Match[str]]:
    """The comma-separated items after a list header, each field name whole."""
    from cchc.graph.functions import comma_fields

    fields = "|".join(re.escape(f) for f in comma_fields())
    item = r"\s*((?:%s)|[^,;.]+?)\s*(?:,|$|(?=[;.)]))" % fields if fields else r"\s*([^,;.]+?)\s*(?:,|$|(?=[;.)]))"
    return re.finditer(item, text[cursor:])


@cache
def _bodies_any_case() -> tuple[re.Pattern[str], dict[str, str]]:
    data = json.loads(read_text("cchc.graph", "data/agencies.json"))
    canonical = {match_key(b): b for b in data["bodies"] if not b.isupper()}
    return re.compile("|".join(re.escape(b) for b in sorted(canonical.values(), key=len, reverse=True)), re.IGNORECASE), canonical


def restore_case(text: str) -> str:
    """Steering bodies in their usual case ("Ban Chỉ Đạo" → "Ban Chỉ đạo"), for headings
    printed in capitals and read word by word."""
    pattern, canonical = _bodies_any_case()
    return pattern.sub(lambda m: canonical.get(match_key(m.group(0)), m.group(0)), text)


def may_name(text: str) -> bool:
    """Whether ``text`` holds any head word at all: one search spares the full reading of
    the many lines that name no one."""
    return _lexicon().starts.search(text) is not None


def field_heads() -> frozenset[str]:
    """Heads always followed by a capitalised field ("Sở Nội vụ", "Bộ Tài chính")."""
    return _lexicon().field_heads


def names_at(text: str, position: int) -> bool:
    """Whether a name (agency, body, post or title) starts at ``position``."""
    return _lexicon().starts.match(text, position) is not None


def head_at(text: str) -> str | None:
    """The agency head word ``text`` starts with ("Ban Quản lý", "Sở"), if any."""
    match = _lexicon().starts.match(text)
    return match.group(0) if match and _kind_of(match.group(0)) == "agency" else None


def stops_name(text: str) -> bool:
    """Whether ``text`` holds a word that ends a name (a verb or function word): a heading
    that goes on with one is a sentence, not a name."""
    stop = _lexicon().stop
    words = text.lower().split()
    return any(w in stop or " ".join(words[i : i + 2]) in stop for i, w in enumerate(words) if w not in ("các", "và"))


def listed_header(text: str) -> re.Match[str] | None:
    """ "Các Sở, ngành: " at the start of ``text``: the names after it are listed by field."""
    return _lexicon().collective_list.match(text)


def find_mentions(text: str, listed: bool = True, addressed: bool = False) -> list[Mention]:
    """Every agency, body, post or titled person named in ``text``, left to right.

    ``addressed``: ``text`` names whom something goes to, where a post may stand alone
    ("báo cáo về Ủy viên thường trực").
    """
    if listed and _lexicon().collective_list.search(text):
        items = _listed(text)
        if items:
            covered_until = items[-1].end
            rest = [m for m in _plain_mentions(text, addressed) if m.start >= covered_until or m.end <= items[0].start]
            return sorted(items + rest, key=lambda m: m.start)
    return list(_plain_mentions(text, addressed))


def iter_mentions(text: str) -> Iterator[Mention]:
    """``find_mentions`` one name at a time: the grammar reads the names a clause opens
    with and stops, sparing the scan of the rest of a long clause."""
    if _lexicon().collective_list.search(text):
        yield from find_mentions(text)
    else:
        yield from _plain_mentions(text, False)


@cache
def _level_alternative() -> re.Pattern[str]:
    return re.compile(rf"\s*/\s*((?:cấp\s+)?(?:{levels.alternation()}))(?!\w)")


@cache
def _last_level() -> re.Pattern[str]:
    return re.compile(rf"(?:cấp\s+)?(?:{levels.alternation()})$")


def _plain_mentions(text: str, addressed: bool) -> Iterator[Mention]:
    position = 0
    lexicon = _lexicon()
    alone = lexicon.standalone | lexicon.addressed if addressed else lexicon.standalone
    starts = lexicon.starts
    while True:
        match = starts.search(text, position)
        if not match:
            return
        head = match.group(0)
        kind = _kind_of(head)
        end = _extend(text, match.end())
        if kind == "title" and lexicon.steering_body.match(text, match.end()):
            kind = "post"  # "Trưởng BCĐ", "Phó Trưởng Ban Điều hành": a post of the body
        if kind in ("post", "title"):
            # A post or title names someone only with what follows ("Trưởng Ban Chỉ đạo",
            # "Chủ tịch UBND huyện"); the follower is then part of the name.
            follower = starts.match(text, end + 1) if text[end : end + 1] == " " else None
            if follower:
                end = _extend(text, follower.end())
            elif end == match.end() and head not in alone:
                position = match.end()
                continue
        elif end == match.end() and kind == "agency" and head not in ("UBND", "Ủy ban nhân dân", "Uỷ ban nhân dân"):
            position = match.end()  # "phòng" alone is not a name
            continue
        name = text[match.start() : end].strip(" ,-–")
        yield Mention(name, match.start(), match.start() + len(name), kind)
        position = max(end, match.end())
        # "Trung tâm Phục vụ hành chính công cấp tỉnh/cấp xã": one body at two levels.
        other = _level_alternative().match(text, match.start() + len(name))
        level = _last_level().search(name) if other else None
        if other and level:
            yield Mention(name[: level.start()] + other.group(1), match.start(), other.end(), kind)
            position = max(position, other.end())


@cache
def _head_titles() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = json.loads(read_text("cchc.graph", "data/agencies.json"))
    titles = data["head_titles"]
    heads = re.compile("^(?:" + "|".join(re.escape(t) for t in sorted(titles, key=len, reverse=True)) + r")\s+")
    return heads, re.compile(data["own_posts"])


def held_agency(name: str) -> str | None:
    """The agency whose head a titled name is ("Trưởng Phòng Nội vụ" → "Phòng Nội vụ",
    "Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam xã" → the Front).

    Duties given to the head of an agency are the agency's duties in the graph; the chair
    of a people's committee is a post of its own and is left alone ("Chủ tịch UBND huyện"
    leads in its own name, as the annotations have it).
    """
    heads, own_posts = _head_titles()
    match = heads.match(name)
    if not match or own_posts.match(name):
        return None
    rest = name[match.end() :]
    rest = rest[:1].upper() + rest[1:]  # "Trưởng phòng Tư pháp" → "Phòng Tư pháp"
    head = _lexicon().starts.match(rest)
    if not head or _kind_of(head.group(0)) != "agency":
        return None
    # The name is derived, not quoted: an abbreviated head word is written in full
    # ("Chánh VP HĐND và UBND xã" → "Văn phòng HĐND và UBND xã").
    full = _lexicon().head_full.get(head.group(0))
    return full + rest[head.end() :] if full else rest


def agency_key(name: str) -> str:
    """One key per real agency across spellings ("VP HĐND-UBND" = "Văn phòng HĐND & UBND",
    "Thường trực BCĐ" = "Thường trực Ban Chỉ đạo"); the long and short forms compared are
    ``key_abbreviations`` of data/agencies.json."""
    lexicon = _lexicon()
    key = match_key(name)
    for other, same in lexicon.same_posts:
        if key.startswith(other):
            key = same + key[len(other) :]
    key = lexicon.key_abbreviations.sub(lambda m: lexicon.key_short[m.group(0)], key)
    return re.sub(r"[\s,.-]+", " ", key.replace(" và ", " ")).strip()
