"""The model unit's layout for ``cchc draft --like``: its chapters (or a Kế hoạch's parts),
their order and titles, and the headings of its articles.

A drafter who takes another unit's Quy chế as the model expects the new text laid out as
that one is. The draft's articles are paired with the model's by what their headings are
about (shared syllables, ``data/model_outline.yaml``), in order, each model article
taking at most one; the draft's articles then sit in the model's chapters, under its
chapter titles, and an article with no partner in the chapter of the one before it. A paired article
takes the model's heading when that heading names the bodies the draft's names, no more
and no fewer (the model's "Tổ chuyên viên" is not the draft's "Tổ giúp việc", and "Phó
Trưởng Ban Chỉ đạo" alone loses who holds the seat), and no place; the draft's
content is never dropped, and a model chapter none of the draft's articles fell into is
left out, as the notes say.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from itertools import groupby

from pyoxigraph import Literal

from cchc.generators.data_files import data
from cchc.generators.document_model import Article, Chapter, Section
from cchc.graph.agencies import agency_key, find_mentions
from cchc.graph.normalize import match_key
from cchc.graph.store.base import GraphStore, bound_value
from cchc.queries.runner import load_query

Body = list[Chapter | Article | Section]


@dataclass(frozen=True)
class ModelPart:
    """A chapter of the model (``articles`` its article headings), or a Kế hoạch part."""

    title: str
    articles: tuple[str, ...] = ()


@dataclass(frozen=True)
class ModelOutline:
    title: str  # the model text's trích yếu, for the notes
    parts: tuple[ModelPart, ...]


def model_outline(store: GraphStore, unit: Literal, slug: str) -> ModelOutline | None:
    """The layout of the unit's text of the kind ``slug`` drafts, or None when it has none."""
    wanted = data("model_outline")["kinds"].get(slug)
    if wanted is None:
        return None
    rows = store.select(load_query("draft_outline").text, {"unit": unit}).rows
    texts = []
    for _, grouped in groupby(rows, key=lambda row: bound_value(row["container"])):
        group = list(grouped)
        first = group[0]
        title = first["title"].value if first["title"] is not None else ""
        if bound_value(first["doc_kind"]) == wanted["doc_kind"] and match_key(wanted["title"]) in match_key(title):
            texts.append((title, group))
    if not texts:
        return None
    title, group = max(texts, key=lambda found: len(found[1]))  # the fullest text of that kind
    return ModelOutline(title, _parts(group))


def _parts(rows: list[dict]) -> tuple[ModelPart, ...]:
    parts: list[ModelPart] = []
    for row in sorted(rows, key=lambda r: int(r["line"].value)):
        kind, heading = row["type"].value, (row["heading"].value if row["heading"] is not None else "")
        if kind == "Chapter" or (kind == "PlanItem" and row["eid"].value.startswith("sec_")):
            parts.append(ModelPart(heading))
        elif kind == "Article" and parts:
            parts[-1] = ModelPart(parts[-1].title, (*parts[-1].articles, heading))
    return tuple(parts)


def _topic(heading: str) -> list[str]:
    stop = set(data("model_outline")["stop_syllables"])
    words = " ".join(re.findall(r"\w+", match_key(heading)))
    for phrase, same in data("model_outline")["same_words"].items():
        words = re.sub(rf"(?<!\w){phrase}(?!\w)", same, words)
    return [w for w in words.split() if w not in stop]


def _pairs(ours: list[str], theirs: list[str]) -> dict[int, int]:
    """Our index → the model's: the order-keeping pairing with the most similarity.

    Similarity is Dice over syllables weighted by rarity among all the headings, so "Ban
    Chỉ đạo", in every heading, counts for little and "họp" for much. Pairs keep both
    orders (an alignment, as of two versions of one text): a draft article never jumps
    over another to reach a look-alike."""
    topics = [set(_topic(h)) for h in ours + theirs]
    count = len(topics)
    weight = {w: math.log(1 + count / sum(1 for t in topics if w in t)) for t in topics for w in t}
    a, b = topics[: len(ours)], topics[len(ours):]

    def similarity(x: set[str], y: set[str]) -> float:
        total = sum(weight[w] for w in x) + sum(weight[w] for w in y)
        return 2 * sum(weight[w] for w in x & y) / total if total else 0.0

    floor = data("model_outline")["min_similarity"]
    score = [[similarity(x, y) for y in b] for x in a]
    best = [[0.0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) - 1, -1, -1):
        for j in range(len(b) - 1, -1, -1):
            take = score[i][j] + best[i + 1][j + 1] if score[i][j] >= floor else 0.0
            best[i][j] = max(take, best[i + 1][j], best[i][j + 1])
    paired: dict[int, int] = {}
    i = j = 0
    while i < len(a) and j < len(b):
        if score[i][j] >= floor and best[i][j] == score[i][j] + best[i + 1][j + 1]:
            paired[i] = j
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return paired


def _heading(ours: str, theirs: str, place: str) -> str:
    """The model's heading when it names the same bodies as the draft's (and no place)."""
    if not theirs or len(theirs.split()) > data("model_outline")["max_heading_words"]:
        return ours
    if {agency_key(m.name) for m in find_mentions(ours)} != {agency_key(m.name) for m in find_mentions(theirs)}:
        return ours  # a member's article names its member; the model's names another
    if place and match_key(place.split(" ", 1)[-1]) in match_key(theirs):
        return ours
    return theirs


def follow(body: Body, model: ModelOutline, place: str) -> tuple[Body, list[str]]:
    """``body`` laid out as ``model``; and what was done, for the report."""
    if not model.parts:
        return body, []
    if all(isinstance(part, Section) for part in body):
        return _follow_sections([p for p in body if isinstance(p, Section)], model, place)
    if not all(isinstance(part, Chapter) for part in body) or not any(p.articles for p in model.parts):
        return body, []
    return _follow_chapters([p for p in body if isinstance(p, Chapter)], model, place)


def _follow_sections(sections: list[Section], model: ModelOutline, place: str) -> tuple[Body, list[str]]:
    theirs = [part.title for part in model.parts]
    paired = _pairs([s.title for s in sections], theirs)
    for index, section in enumerate(sections):
        if index in paired:
            section.title = _heading(section.title, theirs[paired[index]], place).upper()
    notes = [f"bố cục theo “{model.title}”: {len(paired)}/{len(sections)} phần mang tên phần tương ứng của văn bản mẫu"]
    return list(sections), notes


def _follow_chapters(chapters: list[Chapter], model: ModelOutline, place: str) -> tuple[Body, list[str]]:
    articles = [a for c in chapters for a in c.articles]
    home = {id(a): c for c in chapters for a in c.articles}
    theirs = [(ci, heading) for ci, part in enumerate(model.parts) for heading in part.articles]
    paired = _pairs([a.title for a in articles], [h for _, h in theirs])
    chapter_of = _chapters(articles, home, {i: theirs[j][0] for i, j in paired.items()})
    out: list[Chapter] = []
    for ci in dict.fromkeys(chapter_of):
        members = [a for a, c in zip(articles, chapter_of) if c == ci]
        title = model.parts[ci].title
        if not title or len(title.split()) > data("model_outline")["max_heading_words"]:
            title = _usual_home(members, home).title  # the model's chapter had no title of its own
        if out and out[-1].title == title.upper():
            out[-1].articles.extend(members)  # two model chapters the draft's one chapter fills
            continue
        out.append(Chapter(len(out) + 1, title.upper(), members))
    number = 0
    for chapter in out:
        for article in chapter.articles:
            number += 1
            i = articles.index(article)
            article.number = number
            if i in paired:
                article.title = _heading(article.title, theirs[paired[i]][1], place)
    left = len(model.parts) - len(out)
    notes = [f"bố cục theo “{model.title}”: {len(out)} chương, {len(paired)}/{len(articles)} điều ghép với điều của văn bản mẫu"
             + (f"; {left} chương của văn bản mẫu không có nội dung tương ứng, không đưa vào" if left else "")]
    return list(out), notes


def _chapters(articles: list[Article], home: dict[int, Chapter], paired: dict[int, int]) -> list[int]:
    """The model chapter of each article: a paired one's partner's; an unpaired one goes
    with its neighbour from the same draft chapter, the one before it first."""
    out: list[int] = []
    for i, article in enumerate(articles):
        if i in paired:
            out.append(paired[i])
            continue
        before = next((k for k in range(i - 1, -1, -1) if k in paired), None)
        after = next((k for k in range(i + 1, len(articles)) if k in paired), None)
        same_as_after = after is not None and home[id(articles[after])] is home[id(article)]
        same_as_before = before is not None and home[id(articles[before])] is home[id(article)]
        if same_as_after and not same_as_before or before is None:
            out.append(paired[after] if after is not None else 0)
        else:
            out.append(out[i - 1] if i else 0)
    return out


def _usual_home(members: list[Article], home: dict[int, Chapter]) -> Chapter:
    """The draft's chapter most of these articles came from."""
    chapters = [home[id(a)] for a in members]
    return max(chapters, key=chapters.count)

