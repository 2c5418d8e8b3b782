"""ParsedDocument → duty units: one duty each, with the agencies it falls to by default.

Regulations state who does what in many layouts: an article titled with its agency
("Điều 5. Trách nhiệm của Sở Tư pháp"), a numbered item naming it ("1. Sở Y tế:" then
points a), b), …), a lead-in sentence ("Trung tâm X thực hiện các nhiệm vụ sau:"), or a
sentence that names its own subject ("Điều 12. Sở X có trách nhiệm …"). Segmentation
turns all of them into the same thing, a ``DutyUnit``: the duty's text, its provision and
the agencies carried down from the headings above it. Which agency does what in the unit
is then the clause grammar's job (``roles``), so headings and sentences are read once, by
one set of rules, whatever the layout.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from cchc.graph.agencies import Mention, find_mentions, head_at, listed_header, may_name, restore_case, stops_name
from cchc.graph.functions import usual_spelling
from cchc.graph.model import ParsedDocument, Provision
from cchc.graph.rules import match_at, rule


@dataclass(frozen=True)
class Subject:
    """An agency a heading or lead-in gives its duties to."""

    name: str
    kind: str  # agency | post | title | body | group (see ``agencies.Mention``)
    rule: str  # the rule that found it


@dataclass(frozen=True)
class DutyUnit:
    text: str  # the duty as written (one sentence or clause)
    provision: Provision
    prefix: str  # "att_1/" inside the first attached text
    subjects: tuple[Subject, ...]  # carried down from headings and lead-ins
    context: str  # the nearest headings, for the area when the duty is silent
    whole: str  # the line the unit was cut from: the area may be read from all of it
    rule: str  # how the unit was cut


def _sentence_case(text: str) -> str:
    """Headings printed in capitals ("2. SỞ NỘI VỤ") read like text, so names are found."""
    if not text.isupper() or len(text) < 4 or len(text.split()) > 10:
        return text  # a long title in capitals is a chapter's topic, not an agency
    return restore_case(" ".join(word[:1] + word[1:].lower() for word in text.split()))


def strip_prefix(text: str) -> tuple[str, str]:
    """The heading without its "Trách nhiệm của" words, and the rule that removed them."""
    stripped = text.strip(" *")
    used = "seg.heading.plain"
    for rule_id in ("seg.heading.prefix", "seg.heading.request"):
        match = rule(rule_id).match(stripped)
        if match:
            stripped, used = stripped[match.end() :], rule_id
    collective = rule("seg.heading.collective").match(stripped)
    if collective and find_mentions(stripped[collective.end() :]):
        stripped, used = stripped[collective.end() :], "seg.heading.collective"
    return stripped, used


def heading_subjects(line: str) -> tuple[list[Subject], str] | None:
    """The agencies a heading or a short lead-in line is about, and what follows them
    (a duty when the line goes on: "Sở X có trách nhiệm hướng dẫn …"); None if the line
    is not about agencies. Names read from capitals ("2. SỞ Y TẾ") take their usual
    spelling ("Sở Y tế")."""
    found = _heading_subjects(line)
    if found and line.isupper():
        return [replace(s, name=usual_spelling(s.name)) for s in found[0]], found[1]
    return found


def _heading_subjects(line: str) -> tuple[list[Subject], str] | None:
    cased = _sentence_case(line)
    if not may_name(cased):
        return None
    text, used = strip_prefix(cased)
    text = _member_post(text)
    post = rule("seg.heading.post_dash").match(text)
    if post:
        holders = [m for m in find_mentions(text[post.end() :]) if m.kind in ("agency", "title")]
        if holders and holders[0].start == 0 and len(text[post.end() + holders[-1].end :].strip(" :.;-–()").split()) <= 3:
            return [Subject(m.name, m.kind, "seg.heading.post_holder") for m in holders], ""
    listed = rule("seg.heading.collective_paren").match(text)
    if listed and not find_mentions(text[: listed.start(1)]):
        members = _members(listed.group(1))
        rest = text[listed.end() :]
        if members and (rule("seg.heading.tail").match(rest) or len(rest.strip(" :.;-–").split()) <= 3):
            return [Subject(m.name, m.kind, "seg.heading.collective_paren") for m in members], ""
    mentions = [m for m in find_mentions(text) if m.kind != "body"]
    whole = _whole_name(text, mentions)
    if whole:
        return [whole], ""
    if not mentions or mentions[0].start > 2:
        return None
    group = _leading_group(mentions, text)
    held = _held_post(mentions, text)
    if held:  # "Phó Trưởng Ban Chỉ đạo - Trưởng Phòng Nội vụ": the holder's agency
        return [Subject(m.name, m.kind, "seg.heading.post_holder") for m in held], ""
    end = group[-1].end
    end = match_at("seg.heading.note", text, end) or end
    rest = text[end:]
    subjects = [Subject(m.name, m.kind, used) for m in group if m.kind != "body"]
    if not subjects:
        return None
    if rule("seg.heading.tail").match(rest) or len(rest.strip(" :.;-–").split()) <= 3:
        return subjects, ""
    if rest.lstrip().startswith(":"):  # "1. Sở Y tế: chủ trì …": the duty follows the colon
        return subjects, rest.lstrip()[1:].strip()
    return None


def _members(listing: str) -> list[Mention]:
    """The bodies of a bracketed list, each item a whole name when it starts with a head
    word ("Ban Quản lý các khu công nghiệp" has a lower-case complement)."""
    if listed_header(listing.strip()) or re.match(r"\s*gồm\s+", listing):
        named = [m for m in find_mentions(listing) if m.kind != "body"]
        if named:  # "gồm các Sở: Xây dựng, Công Thương": each Sở by its field
            return named
    found: list[Mention] = []
    for item in re.finditer(r"[^,;]+", listing):
        words = item.group(0).strip()
        named = [m for m in find_mentions(words) if m.kind != "body"]
        whole = _whole_name(words, named)
        if whole:
            found.append(Mention(whole.name, item.start(), item.end(), "agency"))
        else:
            found.extend(named)
    return found


def _whole_name(text: str, mentions: list[Mention]) -> Subject | None:
    """A heading line holding one name whose lower-case complement the name finder stops
    short of ("Ban Quản lý các khu công nghệ cao và khu công nghiệp"): a heading has no
    predicate, so the whole line is the name."""
    name = text.strip(" .:")
    head = head_at(name)
    if not head or len(mentions) > 1 or (mentions and (mentions[0].start != 0 or mentions[0].end >= len(name))):
        return None
    rest = name[mentions[0].end if mentions else len(head) :]
    if not rule("seg.heading.whole_name").match(name) or len(name.split()) > 14 or not rest.startswith(" "):
        return None
    if rule("seg.heading.tail").search(rest) or stops_name(rest.strip()):
        return None
    return Subject(name, "agency", "seg.heading.whole_name")


def _held_post(mentions: list[Mention], text: str) -> list[Mention]:
    """A post and its holder joined by a dash: the duties are the holder's."""
    if len(mentions) < 2 or mentions[0].kind != "post":
        return []
    if not re.fullmatch(r"(?:\s+\w+){0,3}\s*[-–]\s*", text[mentions[0].end : mentions[1].start]):  # "… thường trực - …"
        return []
    if len(text[mentions[-1].end :].strip(" :.;-–()").split()) > 3:
        return []
    return [m for m in mentions[1:] if m.kind in ("agency", "title")]


def _member_post(text: str) -> str:
    """ "Thành viên Ban Chỉ đạo - Giám đốc Sở X": the member's own agency is what follows;
    "Thành viên Thường trực BCĐ" alone is the post "Thường trực BCĐ"."""
    match = rule("seg.heading.member").match(text)
    if not match:
        return text
    rest = text[match.end() :].strip(" ().:-–")
    if rest and match.group(0) != text:
        return rest
    return f"Thường trực {match.group(2)}" if match.group(1) else text


def _leading_group(mentions: Iterable[Mention], text: str) -> list[Mention]:
    """The first names listed together ("Sở Tài chính, Sở Tư pháp và …"); ``mentions``
    may be lazy, and is read only as far as the list goes."""
    found = iter(mentions)
    group = [next(found)]
    for mention in found:
        between = text[group[-1].end : mention.start]
        if re.fullmatch(r"\s*(?:,|;|và|&|\(\s*|\)\s*,?)?\s*(?:các\s+)?", between) or re.fullmatch(r"\s*\([^()]*\)\s*[,;]?\s*(?:và\s+)?", between):
            group.append(mention)
        else:
            break
    return group


def _clauses(line: str) -> Iterator[tuple[str, str]]:
    """The duty units of one line: its sentences, and within a sentence each clause that
    begins with its own role."""
    for sentence in rule("seg.split.sentence").split(line):
        parts = rule("seg.split.role").split(sentence)
        for part in parts:
            if part.strip():
                yield part.strip(), "seg.split.role" if len(parts) > 1 else "seg.unit.sentence"


def _lead_in(lines: list[str]) -> tuple[list[Subject], list[str]] | None:
    """A provision whose first line names its agencies ("Sở Nội vụ:", "Trung tâm X thực
    hiện các nhiệm vụ sau:"): the agencies, and the duty lines that follow."""
    if not lines or len(lines[0].split()) > 40:
        return None
    found = heading_subjects(lines[0])
    if not found:
        return None
    subjects, rest = found
    return subjects, ([rest] if rest else []) + lines[1:]


def duty_units(doc: ParsedDocument, prefix: str = "") -> Iterator[DutyUnit]:
    """Every duty of one part of a document, in document order."""
    if doc.preamble is not None:
        yield from _walk(doc.preamble, (), [], prefix, preamble=True)
    default = _default_subject(doc.metadata.title or "")
    for top in doc.body:
        yield from _walk(top, default, [], prefix)


def _default_subject(title: str) -> tuple[Subject, ...]:
    """The unit a text about one unit's duties is about ("… chức năng, nhiệm vụ, quyền
    hạn và cơ cấu tổ chức của Sở Nội vụ"): the agency of every duty naming no other."""
    about = rule("seg.default.title").search(title)
    if not about:
        return ()
    named = [m for m in find_mentions(_sentence_case(about.group(1).strip(" ."))) if m.kind == "agency"]
    if not named or named[0].start != 0:
        return ()
    return (Subject(usual_spelling(named[0].name), "agency", "seg.default.title"),)


def _walk(
    provision: Provision, inherited: tuple[Subject, ...], context: list[str], prefix: str, preamble: bool = False
) -> Iterator[DutyUnit]:
    heading = provision.heading
    here: list[Subject] = []
    heading_duty = ""
    if heading:
        found = heading_subjects(heading)
        if found:
            here, heading_duty = found
        elif find_mentions(_sentence_case(heading)):
            heading_duty = heading  # "Điều 12. Sở X có trách nhiệm …": the title is a duty
    lines = [x.strip() for x in provision.text.split("\n") if x.strip()]
    lead = None if heading or preamble else _lead_in(lines)
    if lead:
        here, lines = lead[0], lead[1]
    active = tuple(here) or inherited
    headings = [*context, heading] if heading else context
    near = " ".join(headings[-2:])
    if heading_duty:
        for text, _cut in _clauses(heading_duty):
            yield DutyUnit(text, provision, prefix, active, near, heading_duty, "seg.unit.heading")
    if preamble:
        # The opening of a directive or letter assigns work only in sentences naming their
        # own subject; its header lines are no duties of anybody.
        lines = [x for x in lines if len(x.split()) > 6]
    for index, line in enumerate(lines):
        # A numbered item's first line often names its topic ("1. Cải cách thủ tục hành
        # chính"): the lines after it read it as their nearest heading.
        if rule("seg.skip.attribute").match(line):
            continue
        here_near = near if index == 0 or heading else " ".join([*headings, lines[0]][-2:])
        for text, cut in _clauses(line):
            yield DutyUnit(text, provision, prefix, active if not preamble else (), here_near, line, cut)
    own = provision.text
    below = headings if not own or heading else [*headings, own[:200]]
    for child in provision.children:
        yield from _walk(child, active, below, prefix)
