"""SourceText → ParsedDocument: the header, the Chương/Điều/Khoản/Điểm tree and attachments.

A first, deliberately plain parser: one pass over the lines with the patterns of
``data/structure.json``; a line that matches nothing is text of the current provision, so
nothing is ever lost. The extraction issue refines metadata, footnotes and tables.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache

from cchc.graph.agencies import find_mentions
from cchc.graph.bases import citation, date_in, legal_bases
from cchc.graph.citations import find_references
from cchc.graph.cleanse import join_broken_lines
from cchc.graph.footnotes import Note, split_footnotes
from cchc.graph.gazetteer import document_province
from cchc.graph.kinds import expanded, headings, notation_of
from cchc.graph.model import Citation, DocumentMetadata, Footnote, ParsedDocument, Provision, Signer, SourceText, Span
from cchc.graph.normalize import fold, nfc
from cchc.graph.ocr import repair
from cchc.graph.units import authority_line, deciding_line, regulated_unit
from cchc.resources import read_text

_RANK = {"preamble": -1, "closing": -1, "part": 0, "chapter": 1, "section": 2, "article": 3, "roman": 3, "clause": 4, "point": 5, "indent": 6}
_EID = {
    "preamble": "preamble",
    "closing": "closing",
    "part": "part",
    "chapter": "chp",
    "section": "sec",
    "article": "art",
    "roman": "sec",
    "clause": "para",
    "point": "point",
    "indent": "indent",
}
_KIND = {"roman": "item", "clause": "clause"}
_AUTHORITY_START = re.compile(r"^(?:ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|CHỦ TỊCH|THỦ TƯỚNG|BỘ TRƯỞNG|GIÁM ĐỐC|CHÁNH )")
_CASE_SENSITIVE = {"authority", "inner_authority", "deputy_title", "number", "citation_issuer"}
_MARKUP = re.compile(r"^\s*#+\s*|\*\*|__")
_HEADER_LINES = 15  # the issuer's block, number and place line, when no kind heading ends it


@dataclass(frozen=True)
class Patterns:
    lines: dict[str, re.Pattern[str]]
    kinds: dict[str, str]  # kind heading in capitals → notation, from the doc-kind vocabulary
    search: dict[str, re.Pattern[str]]
    promulgated_kinds: frozenset[str]


@cache
def patterns() -> Patterns:
    raw = expanded(json.loads(read_text("cchc.graph", "data/structure.json")))
    line_keys = ("part", "chapter", "section", "article", "roman", "clause", "point", "indent")
    return Patterns(
        lines={k: re.compile(raw[k]) for k in line_keys},
        kinds=headings(),
        search={k: re.compile(raw[k], 0 if k in _CASE_SENSITIVE else re.IGNORECASE) for k in raw if k not in (*line_keys, "promulgated_kinds", "_comment")},
        promulgated_kinds=frozenset(raw["promulgated_kinds"]),
    )


@lru_cache(maxsize=1 << 16)
def clean(line: str) -> str:
    """A line without Markdown marks, odd spaces and surrounding blanks."""
    return " ".join(_MARKUP.sub("", nfc(line)).replace("\u00a0", " ").split())


@dataclass
class _Node:
    kind: str
    number: str
    heading: str
    line: int
    start: int
    text: list[str] = field(default_factory=list)
    children: list[_Node] = field(default_factory=list)


def _eid_part(kind: str, number: str) -> str:
    return f"{_EID[kind]}_{fold(number).lower().replace('đ', 'dd')}" if kind != "point" or number != "đ" else "point_dd"


def _freeze(node: _Node, prefix: str, end: int, seen: dict[str, int]) -> Provision:
    if node.kind in ("preamble", "closing"):
        part = node.kind
    else:
        part = _eid_part(node.kind, node.number) if node.kind != "indent" else f"indent_{node.number}"
    eid = f"{prefix}__{part}" if prefix and node.kind not in ("article",) else part
    if eid in seen:  # a repeated number (a typo in the source) must not collide
        seen[eid] += 1
        eid = f"{eid}_{seen[eid]}"
    else:
        seen[eid] = 1
    children = tuple(_freeze(child, eid, end, seen) for child in node.children)
    return Provision(
        kind=_KIND.get(node.kind, node.kind),
        number=node.number,
        heading=node.heading,
        text="\n".join(node.text).strip(),
        eid=eid,
        span=Span(node.start, end, node.line),
        children=children,
    )


def _classify(text: str) -> tuple[str, str, str] | None:
    for kind, pattern in patterns().lines.items():
        match = pattern.match(text)
        if match:
            if kind == "indent":
                point = patterns().lines["point"].match(match.group(1))  # "- a) …" is a point
                if point:
                    return "point", point.group(1), point.group(2).strip()
                return kind, "", match.group(1)
            return kind, match.group(1), match.group(2).strip()
    return None


def _body(lines: list[tuple[int, int, str]]) -> list[_Node]:
    """The provision tree; every line lands in some provision, none is dropped.

    Text before the first heading (header, trích yếu, Căn cứ, a directive's opening
    paragraphs) is a ``preamble`` provision; numbered items with no Điều or Roman section
    above them (a Chỉ thị's "1. Sở Y tế: …") are top-level provisions of their own; a
    closing paragraph ("Trên đây là …", "Nơi nhận:") ends the last item, so its words are
    never read as that item's duties.
    """
    roots: list[_Node] = []
    stack: list[_Node] = []
    closing = patterns().search["closing_paragraph"]
    indents = 0
    for number, offset, text in lines:
        if stack and stack[0].kind == "closing":
            stack[0].text.append(text)
            continue
        if closing.match(text):
            stack[:] = [_Node("closing", "", "", number, offset, [text])]
            roots.append(stack[0])
            continue
        found = _classify(text)
        if found is None:
            if not stack:
                stack.append(_Node("preamble", "", "", number, offset))
                roots.append(stack[0])
            stack[-1].text.append(text)
            continue
        kind, num, rest = found
        if kind == "indent":
            indents += 1
            num = str(indents)
        rank = _RANK[kind]
        while stack and (stack[-1].kind == "preamble" or _RANK[stack[-1].kind] >= rank):
            stack.pop()
        node = _Node(kind, num, rest if kind in ("part", "chapter", "section", "article", "roman") else "", number, offset)
        if kind in ("clause", "point", "indent"):
            node.text.append(rest)
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)
    return roots


def _split_attachments(lines: list[str]) -> list[int]:
    """Line indexes where an attached text starts ("(Ban hành kèm theo Quyết định số …)")."""
    starts = []
    search = patterns().search["promulgated_by"]
    for index, line in enumerate(lines):
        if index == 0 or not clean(line).startswith(("(Ban hành", "(Kèm theo", "(kèm theo")):
            continue
        if search.search(" ".join(clean(x) for x in lines[index : index + 3])):
            head = index
            signed = False
            while head > 0 and index - head < 6 and clean(lines[head - 1]).upper() not in patterns().kinds:
                if _person_name(clean(lines[head - 1])):
                    signed = True  # the signer's name ends the text before: its signature stays with it
                    break
                head -= 1
            starts.append(head if signed else head - 1 if head > 0 else index)
    return starts


def _kind_key(text: str) -> str | None:
    """The kind heading ("KẾ HOẠCH", or "QUY CHẾ HOẠT ĐỘNG …" written in capitals): the
    whole line, or the longest heading of two words or more that starts a line in capitals."""
    kinds = patterns().kinds
    if text.upper() in kinds:
        return text.upper()
    if not text.isupper():
        return None
    words = text.split()
    return next((" ".join(words[:size]) for size in range(len(words) - 1, 1, -1) if " ".join(words[:size]) in kinds), None)


def _person_name(text: str) -> bool:
    """ "Phan Thị Kim Oanh": two to five capitalised words of letters, not all in capitals."""
    words = text.split()
    return 2 <= len(words) <= 5 and not text.isupper() and all(w.isalpha() and w[0].isupper() and w[1:].islower() for w in words)


def _amended(title: str | None, p) -> tuple[Citation, ...]:
    match = p.search["amends_title"].search(" ".join((title or "").split()))
    return (Citation(match.group(0), number=match.group(1).upper()),) if match else ()


def _replaced_in_lists(cleaned: Sequence[str], known: set[str]) -> tuple[Citation, ...]:
    """The instruments a text lists as replaced or ceasing ("… thay thế các Nghị định sau:
    A; B", "Các Quyết định sau hết hiệu lực …: A; B", "Quyết định số … hết hiệu lực …"),
    each item of a list by the instrument it starts with, none twice."""
    p = patterns()
    found: list[Citation] = []
    for text in cleaned:
        listed = p.search["replaced_list"].search(text) or p.search["expired_list"].match(text)
        items = listed.group(1).split(";") if listed else []
        if not listed and (single := p.search["expires"].match(text)):
            items = [single.group(1)]
        for item in items:
            cited = citation(item.strip().rstrip("."))
            if cited.number and cited.number not in known:
                known.add(cited.number)
                found.append(cited)
    return tuple(found)


def _signer(cleaned: list[str]) -> Signer | None:
    """The signature block: [authority line,] the title in capitals, then the signer's name.

    Looked for after "Nơi nhận" when the text has one (the block sits beside it), else
    anywhere; the name is the first mixed-case line of two to five capitalised words.
    """
    p = patterns()
    recipients = next((i for i, t in enumerate(cleaned) if p.search["recipients"].match(t)), None)
    start = max(0, recipients - 12) if recipients is not None else 0
    for index in range(start, len(cleaned)):
        text = cleaned[index]
        auth = p.search["authority"].match(text)
        is_title = text[:1].isalpha() and text.isupper() and 1 < len(text.split()) <= 8 and not text.startswith(("QUYẾT ĐỊNH", "NƠI"))
        if not (auth or (recipients is not None and index > recipients and is_title)):
            continue
        following = [t for t in cleaned[index + 1 : index + 9] if t]
        if auth and following and p.search["authority"].match(following[0]):
            continue  # "TM. ỦY BAN NHÂN DÂN" above "KT. CHỦ TỊCH": the innermost authority signs
        name = next((t for t in following if _person_name(t)), None)
        if name is None:
            continue
        if auth:
            authority, held, title = _innermost(auth.group(1), auth.group(2))
            if title is None and following and following[0].isupper():
                title = following[0]
            return Signer(name=name, authority=authority, title=title.capitalize() if title else None, on_behalf_of=held)
        return Signer(name=name, authority=None, title=text.capitalize())
    return None


def _innermost(authority: str, held: str) -> tuple[str, str, str | None]:
    """(authority, on behalf of, title) of a block written on one line ("TM. ỦY BAN NHÂN DÂN
    KT. CHỦ TỊCH PHÓ CHỦ TỊCH", a flattened layout): the innermost mark signs, and the
    deputy's title that ends the line is the signer's."""
    p = patterns()
    for inner in p.search["inner_authority"].finditer(held):
        authority, held = inner.group(1), held[inner.end() :]
    deputy = p.search["deputy_title"].search(held)
    if deputy:
        return authority, held[: deputy.start()].strip(), deputy.group(1)
    return authority, held, None


def _recipients(cleaned: list[str]) -> tuple[str, ...]:
    """The "Nơi nhận:" list: its dash items, as written, until the list ends."""
    p = patterns()
    for index, text in enumerate(cleaned):
        match = p.search["recipients"].match(text)
        if not match:
            continue
        items = [match.group(1)] if match.group(1).strip(" :") else []
        for follow in cleaned[index + 1 :]:
            if not follow:
                continue
            if not follow.startswith(("-", "+", "•")):
                break
            items.append(follow.lstrip("-+• ").rstrip(";,."))
        return tuple(item for item in items if item)
    return ()


def _executors(cleaned: list[str]) -> tuple[str, ...]:
    """Who the closing article makes responsible for carrying the text out."""
    closing = patterns().search["closing"]
    for text in cleaned:
        match = closing.search(text) if text.startswith(("Điều", "ĐIỀU")) else None
        if match:
            return tuple(m.name for m in find_mentions(text[: match.start()]))
    return ()


def _header_columns(cleaned: list[str]) -> list[str]:
    """The lines with the header block's columns apart.

    Above the kind name ("QUYẾT ĐỊNH") a regulation's header is a table: issuer beside the
    national motto, number beside place and date. A one-line rendering joins the columns
    with " — " ("Số: 12/QĐ-UBND — *Xã Tân Phú, ngày 05 tháng 01 năm 2026*"), which the
    header patterns, anchored at a line's start, would not see.
    """
    out: list[str] = []
    for index, text in enumerate(cleaned):
        if index >= 40 or _kind_key(text):
            return out + cleaned[index:]
        if " — " in text:
            out.extend(part.strip(" *") for part in text.split(" — "))
        else:
            out.append(text)
    return out


def _metadata(lines: list[str], kind_default: str = "other") -> DocumentMetadata:
    p = patterns()
    cleaned = _header_columns([clean(line) for line in lines])
    head = "\n".join(cleaned[:60])
    kind = kind_default
    title = None
    header_end = _HEADER_LINES
    preamble_start = 0
    title_lines: list[str] = []
    for index, text in enumerate(cleaned[:40]):
        key = _kind_key(text)
        if key:
            header_end = min(index, _HEADER_LINES)
            preamble_start = index + 1
            kind = p.kinds[key]
            rest = text[len(key) :].strip()
            title_lines = [rest] if rest else []
            following = [t for t in cleaned[index + 1 : index + 8] if t][:3]
            for follow in following:
                if follow.startswith(("Căn cứ", "(", "Số", "Chương", "CHƯƠNG", "Điều")) or follow.isupper() and title_lines:
                    break
                if _AUTHORITY_START.match(follow):
                    break  # the issuing authority's line follows the trích yếu
                if title_lines and all(line.isupper() for line in title_lines) and not follow.isupper():
                    break  # a trích yếu in capitals goes on in capitals: this is the opening paragraph
                if not follow.isupper() and p.search["implements"].match(follow):
                    break  # a plan's opening "Thực hiện Nghị quyết số …"
                title_lines.append(follow)
            title = " ".join(title_lines) or None
            break
    number = p.search["number"].search(head)
    issued = None
    place = None
    for text in cleaned[:40]:
        place_match = p.search["place_date"].match(text)
        if place_match and date_in(text):
            place, issued = place_match.group(1).strip(), date_in(text)
            break
    bases = legal_bases(_preamble(cleaned[preamble_start:]), title_lines)
    proposer = next((m.group(1) for t in cleaned if (m := p.search["proposer"].match(t))), None)
    replaces = tuple(citation(m.group(1)) for t in cleaned if (m := p.search["replaces"].search(t)))
    replaces += _replaced_in_lists(cleaned, {c.number for c in replaces if c.number})
    signer = _signer(cleaned)
    promulgated = p.search["promulgated_by"].search(head.replace("\n", " "))
    promulgated_by = None
    if promulgated:
        number_text = re.sub(r"\s+", "", promulgated.group(2))
        promulgated_by = Citation(
            text=promulgated.group(0),
            kind=notation_of(promulgated.group(1)),
            number=number_text if not number_text.startswith("/") else None,
            date=date_in(promulgated.group(0)),
        )
    issuer = authority_line(cleaned)
    header = _header_block(cleaned[:header_end])
    cited_by = promulgated_by.text if promulgated_by else None
    province = document_province(header, [text for text in (issuer, cited_by) if text], place, issued)
    return DocumentMetadata(
        kind=kind,
        title=title,
        issuer=issuer,
        unit=regulated_unit(deciding_line(cleaned), header, cited_by, title, province),
        number=number.group(1) if number else None,
        issued=issued,
        place=place,
        signer=signer,
        legal_bases=bases,
        proposer=proposer,
        replaces=replaces,
        amends=_amended(title, p),
        recipients=_recipients(cleaned),
        executors=_executors(cleaned),
        promulgated_by=promulgated_by,
        province=province,
    )


def _preamble(lines: list[str]) -> list[str]:
    """The lines before the body's first heading (Phần, Chương, Điều, "I.", "1."): where a
    text names its bases. A "Căn cứ" inside a plan's tasks is no basis of the plan."""
    for index, text in enumerate(lines):
        found = _classify(text)
        if found and found[0] not in ("point", "indent"):
            return lines[:index]
    return lines


def _header_block(lines: list[str]) -> list[str]:
    """The issuer's block above the kind heading: up to the first "Căn cứ" or "V/v" line,
    whose words are about other bodies or the subject, not the issuer."""
    block = []
    for text in lines:
        if text.startswith(("Căn cứ", "V/v", "Về việc")):
            break
        block.append(text)
    return block


def _parse_part(source: SourceText, lines: list[str], first_line: int, offsets: list[int]) -> ParsedDocument:
    body_lines = [(first_line + i, offsets[first_line + i - 1], clean(text)) for i, text in enumerate(lines) if clean(text)]
    roots = _body(body_lines)
    seen: dict[str, int] = {}
    frozen = [_freeze(node, "", len(source.text), seen) for node in roots]
    preamble = next((p for p in frozen if p.kind == "preamble"), None)
    closing = next((p for p in frozen if p.kind == "closing"), None)
    body = tuple(p for p in frozen if p.kind not in ("preamble", "closing"))
    warnings = () if any(p.kind == "article" for top in body for p in top.walk()) else ("không tìm thấy Điều nào",)
    part = ParsedDocument(source=source, metadata=_metadata(lines), body=body, warnings=warnings, preamble=preamble, closing=closing)
    return replace(part, references=find_references(part))


def _with_footnotes(doc: ParsedDocument, notes: list[Note], first: int, last: int) -> ParsedDocument:
    """Attach the notes whose text lies in lines [first, last] to the provision of their mark."""
    starts = sorted((p.span.line, p.eid) for p in doc.provisions())
    attached = []
    for note in notes:
        if not first <= note.line <= last:
            continue
        anchor = None
        if note.anchor_line is not None:
            holder = [eid for line, eid in starts if line <= note.anchor_line]
            anchor = holder[-1] if holder else None
        attached.append(Footnote(note.number, note.text, anchor, Span(0, 0, note.line)))
    return replace(doc, footnotes=tuple(attached))


def parse_document(source: SourceText) -> ParsedDocument:
    lines, notes = split_footnotes(source.lines)
    text, repaired = repair("\n".join(lines))  # one pass over the text, not one per line
    lines = text.split("\n")
    lines = join_broken_lines(lines)
    offsets = [0]
    for line in source.lines:
        offsets.append(offsets[-1] + len(line) + 1)
    starts = _split_attachments(lines)
    cut = starts[0] if starts else len(lines)
    main = _with_footnotes(_parse_part(source, lines[:cut], 1, offsets), notes, 1, cut)
    attachments = []
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(lines)
        part = _parse_part(source, lines[start:end], start + 1, offsets)
        # Trailing notes sit after the last text; they belong to the part that cites them.
        attachments.append(_with_footnotes(part, notes, start + 1, end if n + 1 < len(starts) else len(lines) + 1))
    if attachments and not any(True for _ in main.provisions()) and not main.metadata.number:
        # Only a header before the attached text (its decision is not in the file): the
        # attached text is the document.
        first = attachments.pop(0)
        return replace(first, attachments=tuple(attachments))
    warnings = main.warnings if not attachments else ()
    if repaired:
        warnings += (f"đã sửa {len(repaired)} chữ bị lỗi nhận dạng (OCR): {', '.join(dict.fromkeys(repaired))}",)
    return replace(main, attachments=tuple(attachments), warnings=warnings)


def promulgated_text(doc: ParsedDocument) -> ParsedDocument | None:
    """The Quy chế, Quy định, Kế hoạch … a decision is issued to promulgate, if any."""
    return next((a for a in doc.attachments if a.metadata.kind in patterns().promulgated_kinds), None)


def effective_metadata(doc: ParsedDocument) -> DocumentMetadata:
    """The cchc-facts/1 view: a decision that only promulgates a text takes that text's kind."""
    meta = doc.metadata
    text = promulgated_text(doc)
    if text:
        attached = text.metadata
        cited = attached.promulgated_by
        return replace(
            meta,
            kind=attached.kind,
            title=attached.title or meta.title,
            number=meta.number or (cited.number if cited else None),
            issued=meta.issued or (cited.date if cited else None),
        )
    if meta.promulgated_by and meta.kind in patterns().promulgated_kinds:
        cited = meta.promulgated_by
        return replace(meta, number=meta.number or cited.number, issued=meta.issued or cited.date)
    return meta
