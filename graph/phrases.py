"""One regular expression for many literal phrases, shaped as a character trie.

Python's ``re`` tries the branches of an alternation one after another at every position;
hundreds of vocabulary phrases ("cải cách thể chế", "cải cách thủ tục hành chính", …) share
prefixes, and a trie makes the engine read each shared prefix once. Matches are the same
as the longest-first alternation: at one position the longest phrase that fits wins.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def phrase_alternation(phrases: Iterable[str]) -> str:
    """The pattern text (no anchors or boundaries) matching any of ``phrases``."""
    trie: dict = {}
    for phrase in phrases:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body  # greedy: the longer phrase first

    return build(trie)
