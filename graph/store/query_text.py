"""What can be told about a SPARQL text without parsing it: its nesting depth, with
strings, IRIs and comments set aside. Shared by the endpoint and the embedded store, both
of which refuse a query nested deeper than a parser's stack survives."""

from __future__ import annotations

import re

# Strings, IRIs and comments, removed before looking for a keyword so that "service" in a
# title, an IRI or a comment is not mistaken for one.
_LEXICAL = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'(?:[^'\\\n]|\\.)*'"
    r'|<[^<>"{}|^`\\\s]*>'
    r"|#[^\n]*",
    re.DOTALL,
)
# Deeper than this, a query is refused before any parser sees it: pyoxigraph's parser
# recurses per bracket and a few thousand "{" or "(" overflow the process's stack.
MAX_NESTING = 64


def nesting_depth(text: str) -> int:
    """The deepest nesting of ``{ ( [`` outside strings, IRIs and comments."""
    return bracket_depth(_LEXICAL.sub(" ", text))


def bracket_depth(text: str, opening: str = "{([", closing: str = "})]") -> int:
    """The deepest nesting of brackets in ``text`` (any of ``opening`` opens one level)."""
    depth = deepest = 0
    for char in text:
        if char in opening:
            depth += 1
            deepest = max(deepest, depth)
        elif char in closing:
            depth = max(depth - 1, 0)
    return deepest
