"""Find footnotes and their anchors, and take the marks out of the running text.

Documents pasted from Word carry footnotes in three shapes: a note line opening with ⁽¹⁾ or
a superscript number right after the paragraph that cites it; trailing numbered notes at
the very end ("1 Theo hướng dẫn tại Công văn …") whose marks were flattened into digits
glued to a word ("hàng Quý4"); and, from our .docx reader, notes listed after a "---"
line. Marks are removed from the text the parser sees (a glued "Quý4" would hide "quý"),
notes are kept with their numbers as written, repeats and gaps included, for the linter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_TO_DIGITS = str.maketrans(_SUPERSCRIPTS, "0123456789")
_NOTE_LINE = re.compile(rf"^\s*(?:⁽([{_SUPERSCRIPTS}\d]+)⁾|([{_SUPERSCRIPTS}]+))\s*(\S.*)$")
_INLINE_MARK = re.compile(rf"⁽([{_SUPERSCRIPTS}\d]+)⁾|(?<=\w)([{_SUPERSCRIPTS}]+)")
_ANY_MARK = re.compile(rf"[⁽{_SUPERSCRIPTS}]")  # what note lines and inline marks all contain
_TRAILING = re.compile(r"^\s*(\d{1,3})\.?\s+(\S.*)$")


@dataclass(frozen=True)
class Note:
    number: str
    text: str
    line: int  # 1-based line of the note text
    anchor_line: int | None  # 1-based line of the mark, if found


def _digits(mark: str) -> str:
    return mark.translate(_TO_DIGITS)


def _trailing_block(lines: list[str]) -> int:
    """Index where a final run of numbered notes starts (len(lines) if there is none)."""
    index = len(lines)
    expected: int | None = None
    start = len(lines)
    while index > 0:
        index -= 1
        text = lines[index].strip()
        if not text:
            continue
        if text == "---":
            return index
        match = _TRAILING.match(text)
        if not match:
            break
        number = int(match.group(1))
        if expected is not None and number != expected - 1:
            break
        expected = number
        start = index
    return start if expected == 1 else len(lines)


def _glued(number: str) -> re.Pattern[str]:
    return re.compile(rf"(?<=[^\W\d_]){number}(?![\d/])")


def split_footnotes(lines: list[str]) -> tuple[list[str], list[Note]]:
    """Lines without note lines and marks (same count, notes blanked), and the notes."""
    body = list(lines)
    notes: list[tuple[str, str, int]] = []
    # Most documents have no superscript at all: one search of the whole text then spares
    # a match and a substitution on every line.
    marked = _ANY_MARK.search("\n".join(lines)) is not None
    for index, line in enumerate(lines if marked else ()):
        match = _NOTE_LINE.match(line)
        if match:
            notes.append((_digits(match.group(1) or match.group(2)), match.group(3).strip(), index))
            body[index] = ""
    tail = _trailing_block(body)
    candidates = [(m.group(1), m.group(2).strip(), i) for i in range(tail, len(body)) if (m := _TRAILING.match(body[i].strip()))]
    text_before = "\n".join(body[:tail])
    glued_found = sum(1 for number, _, _ in candidates if _glued(number).search(text_before))
    after_rule = tail < len(body) and body[tail].strip() == "---"
    # A closing article's "1. … 2. … 3." also ends a document: trailing lines are notes only
    # when most of their numbers are glued to words above, or when a "---" rule opens them.
    trailing = candidates if candidates and (after_rule or glued_found * 2 >= len(candidates)) else []
    for number, text, index in trailing:
        notes.append((number, text, index))
    if trailing or after_rule:
        for index in range(tail, len(body)):
            body[index] = ""
    marks: list[tuple[str, int]] = []
    for index, line in enumerate(body if marked or trailing else ()):
        if not line:
            continue

        def unmark(match: re.Match[str], index: int = index) -> str:
            marks.append((_digits(match.group(1) or match.group(2)), index))
            return ""

        if marked:
            line = _INLINE_MARK.sub(unmark, line)
        for number, _, _ in trailing:  # "hàng Quý4 hoặc": a digit glued to a word is a mark
            glued = _glued(number)
            if glued.search(line) and not any(n == number for n, _ in marks):
                marks.append((number, index))
                line = glued.sub("", line, count=1)
        body[index] = line
    found = []
    for number, text, index in notes:
        before = [line for n, line in marks if n == number and line < index]
        anywhere = [line for n, line in marks if n == number]
        anchor = before[-1] if before else (anywhere[0] if anywhere else None)
        found.append(Note(number, text, index + 1, anchor + 1 if anchor is not None else None))
    return body, sorted(found, key=lambda note: note.line)
