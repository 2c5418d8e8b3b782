"""A document's legal bases: the instruments its "Căn cứ …" clauses and a plan's opening
"Thực hiện …" paragraph name, and how one cited instrument reads.

A clause often lists several instruments: "Căn cứ A; Căn cứ B" on one line, "A; B; C"
after one "Căn cứ", "A … của Chính phủ và B …". Each one named at the clause's own level
is a basis. One named inside another's description is not, as the annotations have it:
what an instrument in turn implements ("… về thực hiện Nghị quyết số …"), the one it
amends ("… sửa đổi một số điều của Nghị định số …"), the decrees that amend the one
before them in the list ("Nghị định số 63/2010/NĐ-CP …; Nghị định số 48/2013/NĐ-CP …
sửa đổi, bổ sung …"), and a short name in brackets ("(Nghị quyết số 50/NQ-CP)").
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from cchc.graph.kinds import expanded, notation_of
from cchc.graph.model import Citation
from cchc.resources import read_text

_BRACKETS = re.compile(r"\([^()]*\)")
_CLAUSE = re.compile(r"(?:^|(?<=[;.])\s*)Căn cứ\s+")


@dataclass(frozen=True)
class _Patterns:
    basis: re.Pattern[str]
    implements: re.Pattern[str]
    instrument: re.Pattern[str]
    issuer: re.Pattern[str]
    title: re.Pattern[str]
    date: re.Pattern[str]
    mention: re.Pattern[str]
    connector: re.Pattern[str]
    amends: re.Pattern[str]
    number_gap: re.Pattern[str]
    titled: re.Pattern[str]
    law: re.Pattern[str]


@cache
def _patterns() -> _Patterns:
    structure = expanded(json.loads(read_text("cchc.graph", "data/structure.json")))
    own = expanded(json.loads(read_text("cchc.graph", "data/bases.json")))
    loose = re.IGNORECASE
    return _Patterns(
        basis=re.compile(structure["basis"], loose),
        implements=re.compile(structure["implements"], loose),
        instrument=re.compile(structure["instrument"], loose),
        issuer=re.compile(structure["citation_issuer"]),
        title=re.compile(structure["citation_title"], loose),
        date=re.compile(structure["date"], loose),
        mention=re.compile(own["mention"]),
        connector=re.compile(own["connector"]),
        amends=re.compile(own["amends"], loose),
        number_gap=re.compile(own["number_gap"]),
        titled=re.compile(own["titled"]),
        law=re.compile(own["law"]),
    )


def date_in(text: str) -> dt.date | None:
    """The first date written in ``text`` ("ngày 17 tháng 11 năm 2025", "ngày 17/11/2025")."""
    match = _patterns().date.search(text)
    if not match:
        return None
    day, month, year = (int(g) for g in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def citation(text: str, head: re.Match[str] | None = None) -> Citation:
    """One cited instrument: kind, number, date, issuer and subject of ``text``.

    ``head``: the mention in ``text`` that names it, when the caller knows which; else the
    first kind-and-number in the text, or, for an unnumbered law ("Luật Tổ chức chính quyền
    địa phương ngày 19 tháng 6 năm 2015"), its name as the title.
    """
    p = _patterns()
    found = head or p.instrument.search(text)
    kind = number = None
    if found:
        kind, number = notation_of(found.group(1)), found.group(2)
    issuer = p.issuer.search(text)
    if found and number:  # a number is only read from a mention
        subject = p.title.search(text[found.end() :])
        title = subject.group(0).strip(" ;.") if subject else None
    else:
        title = re.split(r"\s+ngày\s+\d|;$", text)[0].strip(" ;.")
        law = p.law.match(title)
        kind = notation_of(law.group(1)) if law else kind
    return Citation(
        text=text, kind=kind, number=number, date=date_in(text), issuer=issuer.group(1).strip() if issuer else None, title=title
    )


def _masked(text: str) -> str:
    """``text`` with every bracketed part blanked, positions kept: its names are short forms."""
    while True:
        blanked = _BRACKETS.sub(lambda m: " " * len(m.group(0)), text)
        if blanked == text:
            return text
        text = blanked


def _items(clause: str) -> list[str]:
    """The ';'-separated items of a clause, a ';' inside brackets left alone."""
    masked = _masked(clause)
    cuts = [0] + [i + 1 for i, char in enumerate(masked) if char == ";"] + [len(clause) + 1]
    return [clause[start : end - 1] for start, end in zip(cuts, cuts[1:])]


@dataclass(frozen=True)
class _Listed:
    starts: list[tuple[int, re.Match[str] | None]]  # each listed instrument: where it starts, its mention
    nested_at: int  # where the first instrument nested in another is named


def _listed(item: str) -> _Listed:
    """The instruments ``item`` names at its own level.

    A mention is listed beside the one before it when the words between end in a
    connector ("… của Chính phủ và"), else nested in it ("… về thực hiện"); a short name
    in brackets naming an instrument already read returns to that one's level.
    """
    p = _patterns()
    masked = _masked(item)
    mentions = list(p.mention.finditer(masked))
    starts: list[tuple[int, re.Match[str] | None]] = []
    levels: dict[str, int] = {}
    level, end, nested_at = 0, 0, len(item)
    for position, mention in enumerate(mentions):
        if position == 0 and item[: mention.start()].strip(" :,") in ("", "và"):
            starts.append((mention.start(), mention))
            levels[mention.group(2)] = 0
            end = mention.end()
            continue
        if position == 0:
            starts.append((0, None))  # an unnumbered law or a name before the first number
        for short in _BRACKETS.finditer(item, end, mention.start()):
            for named in p.mention.finditer(short.group(0)):
                level = levels.get(named.group(2), level)
        level = level if p.connector.search(masked[end : mention.start()]) else level + 1
        levels.setdefault(mention.group(2), level)
        if level == 0:
            starts.append((mention.start(), mention))
        elif nested_at == len(item):
            nested_at = mention.start()
        end = mention.end()
    return _Listed(starts or [(0, None)], nested_at)


def _clause(clause: str) -> Iterable[Citation]:
    """The bases one "Căn cứ" clause (or one "Thực hiện" paragraph) lists."""
    p = _patterns()
    for position, item in enumerate(_items(p.number_gap.sub("-", clause))):
        item = item.strip()
        if not item:
            continue
        listed = _listed(item)
        if position > 0:
            if listed.starts[0][1] is None and not p.titled.match(item):
                continue  # the clause's own words after the list ("; Ủy ban nhân dân tỉnh ban hành …")
            if p.amends.search(_masked(item)[: listed.nested_at]):
                continue  # amends the instrument before it: nested in that one
        ends = [start for start, _ in listed.starts[1:]] + [len(item)]
        for (start, head), stop in zip(listed.starts, ends):
            text = re.sub(r"(?:,|\s+và|\s+cùng)\s*$", "", item[start:stop].strip()).strip()
            yield citation(text, _patterns().mention.match(text) if head else None)


def _based(found: Citation) -> bool:
    return bool(found.number or (found.title and _patterns().titled.match(found.title)))


def legal_bases(preamble: Sequence[str], title_lines: Sequence[str] = ()) -> tuple[Citation, ...]:
    """The bases a text names before its first provision, in order, each once.

    ``preamble``: the lines from the kind heading to the first heading of the body;
    ``title_lines``: the trích yếu's lines among them, which may start "THỰC HIỆN …" too.
    """
    p = _patterns()
    found: list[Citation] = []
    for text in preamble:
        if p.basis.match(text):
            for clause in _CLAUSE.split(text):
                found.extend(_clause(clause))
        elif text not in title_lines and not text.isupper() and (match := p.implements.match(text)):
            found.extend(_clause(match.group(1)))
    seen: set[str] = set()
    out = []
    for basis in found:
        key = basis.number or basis.title or basis.text
        if _based(basis) and key not in seen:
            seen.add(key)
            out.append(basis)
    return tuple(out)
