"""Pair the articles of two documents of one kind by topic, and diff each pair word by word.

Two Quy chế rarely number their articles alike ("Các cuộc họp" is Điều 9 in one, part of
"Chế độ làm việc" in another), so articles are paired by what they are about: heading
similarity, text similarity and the reform areas of the duties they assign. Pairs are
taken best first, each article at most once, above a threshold; the rest are listed as
"only in A" / "only in B". Texts are compared on folded word keys (case, tone placement
and "&"/"và" do not count as changes), and shown as written.
"""

from __future__ import annotations

import difflib
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations

from cchc.generators.compare_labels import kind_label, notation
from cchc.generators.compare_model import Alignment, Article, ArticlePair, DiffPart
from cchc.generators.compare_refs import DocumentIndex
from cchc.graph.normalize import fold, match_key

THRESHOLD = 0.2  # tf-idf weighted: below this, two articles are about different things
WEIGHTS = {"heading": 0.45, "text": 0.35, "area": 0.2}
_WORD = re.compile(r"[a-z0-9]+")
_MARKERS = {"para": "{}. ", "point": "{}) ", "indent": "- "}


def folded_words(text: str) -> list[str]:
    """Lower-case words without diacritics: what two spellings of one sentence share."""
    return list(_folded(text))


@lru_cache(maxsize=4096)
def _folded(text: str) -> tuple[str, ...]:
    """``folded_words``, kept: pairing reads every heading and text several times, and
    folding (a Unicode decomposition per character) is most of the cost of pairing."""
    return tuple(_WORD.findall(fold(match_key(text))))


def features(text: str) -> Counter[str]:
    """Words and word pairs of a text (Vietnamese words are mostly two syllables)."""
    words = _folded(text)
    return Counter(words) + Counter(f"{a} {b}" for a, b in zip(words, words[1:]))


class Weights:
    """Inverse document frequency over the articles being paired.

    "Ban Chỉ đạo" is in every heading of a Quy chế hoạt động của Ban Chỉ đạo and says
    nothing about which article is which; "họp" or "báo cáo" does. Terms in every
    article weigh almost nothing, rare ones most.
    """

    def __init__(self, texts: Sequence[str]) -> None:
        self.count = len(texts)
        self.frequency: Counter[str] = Counter()
        for text in texts:
            self.frequency.update(set(features(text)))

    def vector(self, text: str) -> dict[str, float]:
        return {
            term: (1 + math.log(tf)) * math.log((self.count + 1) / (self.frequency.get(term, 0) + 0.5))
            for term, tf in features(text).items()
        }


def _length(vector: dict[str, float]) -> float:
    return math.sqrt(sum(w * w for w in vector.values()))


def _cosine(a: dict[str, float], b: dict[str, float], a_length: float | None = None, b_length: float | None = None) -> float:
    """Cosine of two weighted vectors; their lengths may be given, computed once per article."""
    dot = sum(weight * b[term] for term, weight in a.items() if term in b)
    norm = (_length(a) if a_length is None else a_length) * (_length(b) if b_length is None else b_length)
    return dot / norm if norm else 0.0


def _jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


@dataclass(frozen=True)
class _Profile:
    """What ``similarity`` compares of one article, computed once per article.

    Pairing scores every left article against every right one; computing the weighted
    vectors per pair instead of per article made it the slowest part of a comparison.
    """

    heading: dict[str, float] | None  # None: the heading has no words
    heading_length: float
    text: dict[str, float] | None  # None: the article has no text of its own
    text_length: float
    areas: frozenset[str]


def _profile(article: Article, weights: Weights) -> _Profile:
    heading = weights.vector(article.heading) if _folded(article.heading) else None
    text = weights.vector(_full_text(article)) if _folded(article.text) else None
    return _Profile(
        heading=heading,
        heading_length=_length(heading) if heading is not None else 0.0,
        text=text,
        text_length=_length(text) if text is not None else 0.0,
        areas=article.areas,
    )


def _score(left: _Profile, right: _Profile) -> float:
    parts: dict[str, float] = {}
    if left.heading is not None and right.heading is not None:
        parts["heading"] = _cosine(left.heading, right.heading, left.heading_length, right.heading_length)
    if left.text is not None and right.text is not None:
        parts["text"] = _cosine(left.text, right.text, left.text_length, right.text_length)
    if left.areas and right.areas:
        parts["area"] = _jaccard(set(left.areas), set(right.areas))
    total = sum(WEIGHTS[k] for k in parts)
    return sum(WEIGHTS[k] * v for k, v in parts.items()) / total if total else 0.0


def similarity(left: Article, right: Article, weights: Weights | None = None) -> float:
    """0..1: heading, whole-text and area agreement, weighted over the parts both articles have."""
    weights = weights or Weights([left.heading, right.heading, _full_text(left), _full_text(right)])
    return _score(_profile(left, weights), _profile(right, weights))


def pair_articles(
    left: Sequence[Article], right: Sequence[Article], threshold: float = THRESHOLD
) -> tuple[list[tuple[Article, Article, float]], list[Article], list[Article]]:
    """Best-first one-to-one pairing above ``threshold``; returns (pairs, only left, only right)."""
    weights = Weights([t for article in (*left, *right) for t in (article.heading, _full_text(article))])
    left_profiles = [_profile(a, weights) for a in left]
    right_profiles = [_profile(b, weights) for b in right]
    scored = sorted(
        ((_score(a, b), i, j) for i, a in enumerate(left_profiles) for j, b in enumerate(right_profiles)),
        key=lambda item: (-item[0], abs(item[1] - item[2]), item[1]),
    )
    used_left: set[int] = set()
    used_right: set[int] = set()
    pairs: list[tuple[int, int, float]] = []
    for score, i, j in scored:
        if score < threshold:
            break
        if i in used_left or j in used_right:
            continue
        used_left.add(i)
        used_right.add(j)
        pairs.append((i, j, score))
    pairs.sort()
    return (
        [(left[i], right[j], score) for i, j, score in pairs],
        [a for i, a in enumerate(left) if i not in used_left],
        [b for j, b in enumerate(right) if j not in used_right],
    )


def _tokens(text: str) -> list[str]:
    return re.findall(r"\n|[^\s]+", text.replace("\r", ""))


def _join(tokens: list[str]) -> str:
    out = ""
    for token in tokens:
        if token == "\n":
            out = out.rstrip(" ") + "\n"
        else:
            out += ("" if not out or out.endswith("\n") else " ") + token
    return out


def _word_key(token: str) -> str:
    """Case, tone placement and "&"/"và" do not make a word different; punctuation does."""
    return match_key(token) + "\x00" + token[len(token.rstrip(".;,:")) :]


def word_diff(left: str, right: str) -> tuple[DiffPart, ...]:
    """The word-level difference of two texts: equal, deleted (left only), inserted (right only)."""
    a, b = _tokens(left), _tokens(right)
    matcher = difflib.SequenceMatcher(None, [_word_key(t) for t in a], [_word_key(t) for t in b], autojunk=False)
    parts: list[DiffPart] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op in ("equal",):
            parts.append(DiffPart("equal", _join(b[j1:j2])))
        if op in ("delete", "replace"):
            parts.append(DiffPart("delete", _join(a[i1:i2])))
        if op in ("insert", "replace"):
            parts.append(DiffPart("insert", _join(b[j1:j2])))
    return tuple(p for p in parts if p.text.strip())


def _full_text(article: Article) -> str:
    return f"{article.heading}\n{article.text}".strip()


def load_articles(rows: list[dict[str, str]], docs: DocumentIndex, assignments: list[dict[str, str]]) -> list[Article]:
    """Articles of one unit from ``compare_articles`` rows; each with the areas of the duties it assigns.

    The graph keeps every provision's own text; an article's text is its own lines and
    those of every clause, point and indent under it, in source line order, with their
    numbers ("2.", "a)", "-") put back as printed.
    """
    grouped: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        grouped.setdefault(row["article"], []).append(row)
    areas: dict[str, set[str]] = {}
    for row in assignments:
        areas.setdefault(row["provision"], set()).add(notation(row["area"]))
    articles: list[Article] = []
    for iri, parts in grouped.items():
        first = parts[0]
        parts = sorted({p["part"]: p for p in parts}.values(), key=lambda p: int(p["line"] or 0))
        lines = []
        for part in parts:
            if not part["text"]:
                continue
            kind = part["eid"].rsplit("__", 1)[-1].split("_", 1)[0]
            marker = _MARKERS.get(kind, "").format(part["number"]) if part["part"] != iri else ""
            lines.append(marker + part["text"])
        covered = set().union(*(areas.get(p["part"], set()) for p in parts))
        ref = docs.ref(first["graph"], iri)
        articles.append(
            Article(
                document=first["graph"],
                container=first["container"],
                kind=first["doc_kind"],
                iri=iri,
                eid=ref.eid,
                label=ref.label,
                number=first["article_number"],
                heading=first["heading"],
                text="\n".join(lines),
                areas=frozenset(covered),
            )
        )
    return sorted(articles, key=lambda a: (a.container, _order(a.number), a.iri))


def _order(number: str) -> tuple[int, str]:
    digits = re.match(r"\d+", number or "")
    return (int(digits.group(0)) if digits else 10**6, number or "")


def align_documents(left_unit: str, right_unit: str, left: list[Article], right: list[Article], docs: DocumentIndex) -> Alignment:
    """The alignment of two texts of one kind (``left``, ``right``: their articles)."""
    pairs, only_left, only_right = pair_articles(left, right)
    return Alignment(
        kind=left[0].kind,
        kind_label=kind_label(left[0].kind),
        left_unit=left_unit,
        right_unit=right_unit,
        left_document=docs.name(left[0].container),
        right_document=docs.name(right[0].container),
        pairs=tuple(ArticlePair(a, b, score, word_diff(_full_text(a), _full_text(b))) for a, b, score in pairs),
        only_left=tuple(only_left),
        only_right=tuple(only_right),
    )


def align_units(units: list[str], articles: list[list[Article]], docs: DocumentIndex) -> list[Alignment]:
    """Every pair of units, every pair of their texts of one kind (Quy chế with Quy chế…)."""
    alignments: list[Alignment] = []
    for (i, left_unit), (j, right_unit) in combinations(enumerate(units), 2):
        left_texts = _by_container(articles[i])
        right_texts = _by_container(articles[j])
        for left in left_texts.values():
            for right in right_texts.values():
                if left[0].kind == right[0].kind:
                    alignments.append(align_documents(left_unit, right_unit, left, right, docs))
    # The regulations themselves before the decisions that promulgate them.
    return sorted(alignments, key=lambda a: (a.kind == "quyet_dinh", units.index(a.left_unit), units.index(a.right_unit)))


def _by_container(articles: list[Article]) -> dict[str, list[Article]]:
    grouped: dict[str, list[Article]] = {}
    for article in articles:
        grouped.setdefault(article.container, []).append(article)
    return grouped
