"""Mend sentences that a page break or a hard line wrap cut in two.

A line that does not end a sentence, followed (across at most two blank lines) by a line
that starts in lower case, is one sentence: "… Sở Nội vụ chủ trì, phối hợp với" /
"các cơ quan …". The second line is joined to the first and left blank, so line numbers
(and provenance) stay those of the source.
"""

from __future__ import annotations

import re

_ENDS_SENTENCE = tuple(".:;!?)]}»”\"")
_CONTINUES = re.compile(r"^[^\W\d_]{2,}\b")  # a word, not a list mark such as "a)"


def join_broken_lines(lines: list[str]) -> list[str]:
    mended = list(lines)
    for index, line in enumerate(mended):
        text = line.rstrip()
        if not text or text.endswith(_ENDS_SENTENCE) or " | " in text:
            continue
        for ahead in range(index + 1, min(index + 4, len(mended))):
            following = mended[ahead].strip()
            if not following:
                continue
            if following[0].islower() and _CONTINUES.match(following) and " | " not in following:
                mended[index] = f"{text} {following}"
                mended[ahead] = ""
            break
    return mended
