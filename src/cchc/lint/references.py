"""L201–L202: cross-references to provisions that do not exist, or to the wrong article.

A wrong article is told from the words around the reference: "bị đánh giá không hoàn
thành nhiệm vụ … theo Điều 11" names a topic, and each article has a topic too, its
heading and the short lead lines of its clauses ("Hoàn thành tốt nhiệm vụ"). The topic
words are weighted by how few articles share them (so "cải cách hành chính", in every
heading, counts for little); the reference is reported when another article matches
clearly better than the one it points at.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from functools import cache

from cchc.graph.model import Provision, Reference
from cchc.graph.numbering import provision_label
from cchc.lint.context import LintContext, Part
from cchc.lint.findings import Finding, data
from cchc.lint.registry import check
from cchc.lint.text import bigrams, excerpt, syllables


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    cues = data("cues.json")
    return (
        re.compile(cues["external_after_reference"]),
        re.compile(cues["single_article_reference"], re.IGNORECASE),
        re.compile(cues["external_in_sentence"]),
    )


def _positions(provision: Provision, reference: Reference) -> list[int]:
    return [m.start() for m in re.finditer(re.escape(reference.text), provision.text)]


def _external(provision: Provision, reference: Reference) -> bool:
    """"Điều 5 Luật Tổ chức chính quyền địa phương", or a list of articles in a sentence
    about another instrument ("… Luật Bảo vệ dữ liệu cá nhân quy định chi tiết: khoản 2
    Điều 2; khoản 5 Điều 4 …"): articles of that instrument, not of this text."""
    after, _, named = _patterns()
    for at in _positions(provision, reference):
        if after.match(provision.text, at + len(reference.text)):
            return True
        start = max(provision.text.rfind(".", 0, at), provision.text.rfind("\n", 0, at)) + 1
        end = min((i for i in (provision.text.find(".", at), provision.text.find("\n", at)) if i >= 0), default=len(provision.text))
        if named.search(provision.text[start:end]):
            return True
    return False


def _in_other_part(ctx: LintContext, part: Part, reference: Reference) -> bool:
    """A decision citing an article of the text it promulgates, or the reverse."""
    wanted = _intended(reference.text)
    return wanted is not None and any(other is not part and wanted in other.provisions for other in ctx.parts)


def _intended(text: str) -> str | None:
    """The eid a simple reference ("khoản 2 Điều 5", "Điều 7") means, whether it exists or not."""
    match = re.match(r"(?i)^(?:điểm\s+(?P<point>[a-zđ])\s+)?(?:khoản\s+(?P<clause>\d+)\s+)?điều\s+(?P<article>\d+)\b", text)
    if not match:
        return None
    eid = f"art_{match.group('article')}"
    if match.group("clause"):
        eid += f"__para_{match.group('clause')}"
        if match.group("point"):
            point = match.group("point").lower()
            eid += "__point_dd" if point == "đ" else f"__point_{point}"
    return eid


def _available(part: Part) -> str:
    numbers = [int(p.number) for p in part.articles() if p.number.isdigit()]
    if not numbers:
        return "văn bản không có điều nào được đánh số"
    return f"văn bản có từ Điều {min(numbers)} đến Điều {max(numbers)}"


def _amending(part: Part, provision: Provision, reference: Reference) -> bool:
    """A text that amends another ("Sửa đổi, bổ sung khoản 1 Điều 5 như sau: “…”") cites the
    articles of the text it amends, in its own sentences and in the quoted new wording."""
    amending = re.compile(data("cues.json")["amending"], re.IGNORECASE)
    if part.doc.metadata.title and amending.search(part.doc.metadata.title):
        return True
    for at in _positions(provision, reference):
        start = max(provision.text.rfind(".", 0, at), provision.text.rfind("\n", 0, at)) + 1
        if amending.search(provision.text[start:at]):
            return True
    return False


def _listed(provision: Provision, reference: Reference) -> bool:
    """"tại Điều 3, Điều 4 và Điều 5": one of several articles named together."""
    cues = data("cues.json")
    before = re.compile(cues["reference_list_before"], re.IGNORECASE)
    after = re.compile(cues["reference_list_after"], re.IGNORECASE)
    return any(
        before.search(provision.text[:at]) or after.match(provision.text, at + len(reference.text))
        for at in _positions(provision, reference)
    )


@check
def missing_targets(ctx: LintContext) -> Iterator[Finding]:
    for part in ctx.parts:
        reported: set[tuple[str, str]] = set()
        for reference in part.doc.references:
            if reference.target is not None or reference.instrument is not None:
                continue
            key = (reference.source, reference.text)
            provision = part.provisions.get(reference.source)
            if (
                key in reported or provision is None or _external(provision, reference)
                or _in_other_part(ctx, part, reference) or _amending(part, provision, reference)
            ):
                continue
            reported.add(key)
            at = (_positions(provision, reference) or [0])[0]
            yield ctx.finding(
                "L201", reference.source, part=part, excerpt=excerpt(provision.text, at, at + len(reference.text), 160),
                ref=reference.text, target=_describe(reference.text), where=_part_name(part), available=_available(part),
            )


def _describe(text: str) -> str:
    intended = _intended(text)
    return provision_label(intended) if intended else f"“{text}”"


def _part_name(part: Part) -> str:
    return part.name[0].lower() + part.name[1:] if part.name else "văn bản"


def _topic_text(article: Provision) -> str:
    """An article's topic: its heading and the short lead lines of its clauses."""
    limit = data("cues.json")["heading_line_max_words"]
    lines = [article.heading]
    for child in article.children:
        first = child.text.split("\n")[0]
        if child.heading:
            lines.append(child.heading)
        elif len(first.split()) <= limit:
            lines.append(first)
    return "\n".join(lines)


def _weights(topics: dict[str, set[str]]) -> dict[str, float]:
    """Inverse document frequency of each topic bigram over the articles."""
    count = len(topics)
    frequency: dict[str, int] = {}
    for grams in topics.values():
        for gram in grams:
            frequency[gram] = frequency.get(gram, 0) + 1
    return {gram: math.log((count + 1) / df) for gram, df in frequency.items()}


def _context(text: str, at: int) -> str:
    """The words leading up to a reference, back to the start of its sentence or phrase."""
    limit = data("cues.json")["topic_max_syllables"]
    before = text[:at]
    cut = max(before.rfind(mark) for mark in (".", ";", ":", "\n", "(", ")"))
    before = before[cut + 1 :]
    words = before.split()
    return " ".join(words[-limit:])


def _trim(topic: str) -> str:
    """Drop the connective that introduces the reference ("… theo", "… quy định tại")."""
    words = topic.split()
    while words and (words[-1].lower() in ("theo", "tại", "tại các", "ở", "của", "như", "quy", "định") or not syllables(words[-1])):
        words.pop()
    return " ".join(words)


@check
def wrong_articles(ctx: LintContext) -> Iterator[Finding]:
    cues = data("cues.json")
    _, single, _ = _patterns()
    for part in ctx.parts:
        articles = {p.eid: p for p in part.articles()}
        if len(articles) < 3:
            continue
        topics = {eid: bigrams(_topic_text(article)) for eid, article in articles.items()}
        weights = _weights(topics)
        seen: set[tuple[str, str]] = set()
        for reference in part.doc.references:
            if reference.target is None or not single.match(reference.text) or (reference.source, reference.text) in seen:
                continue
            seen.add((reference.source, reference.text))
            target_article = reference.target.split("__")[0]
            source_article = reference.source.split("__")[0]
            provision = part.provisions.get(reference.source)
            if (
                target_article not in articles or target_article == source_article or provision is None
                or _external(provision, reference) or _listed(provision, reference)
            ):
                continue
            for at in _positions(provision, reference):
                topic = _trim(_context(provision.text, at))
                words = bigrams(topic)
                if not words:
                    continue
                scores = {eid: sum(weights[g] for g in words & grams) for eid, grams in topics.items() if eid != source_article}
                best = max(sorted(scores), key=scores.__getitem__)
                target_score = scores.get(target_article, 0.0)
                if (
                    best == target_article
                    or scores[best] < cues["topic_min_score"]
                    or scores[best] < cues["topic_min_ratio"] * target_score
                ):
                    continue
                yield ctx.finding(
                    "L202", reference.source, part=part, excerpt=excerpt(provision.text, at, at + len(reference.text), 200),
                    ref=reference.text, topic=topic, target=provision_label(target_article),
                    target_heading=articles[target_article].heading, best=provision_label(best), best_heading=articles[best].heading,
                )
                break
