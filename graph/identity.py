"""When two sources are one document, and the IRI a second, different document gets.

A document's IRI is derived from what it says about itself (province, issuer, year,
number), so two different texts can still arrive at one IRI: a mistyped number, two
files that each lack one, an issuer that prints no province. Storing the second would
replace the first. The text's digest tells them apart: the same text read again (also
re-saved, or in the other tone placement) has the same digest and replaces its graph;
a different text is kept under the IRI with its digest's start appended.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache

from cchc.graph.normalize import new_tone_placement

SUFFIX_LENGTH = 8  # hex digits: 4 billion values, for a handful of texts per IRI


# Whitespace that ``bytes.split`` does not split at (every str whitespace is below U+3001).
_WIDE_SPACES = tuple(ch for ch in map(chr, range(0x3001)) if ch.isspace() and not ch.encode().isspace())


@lru_cache(maxsize=64)  # asked by identity and by the graph of the same document
def text_digest(text: str) -> str:
    """SHA-256 of the text in its comparison form: NFC, new tone placement, lower case,
    whitespace runs as one space. Bytes, encoding and line breaks of the file do not count.

    The runs are joined on the UTF-8 bytes (no ASCII byte occurs inside a multi-byte
    character): splitting a document into str words cost more than hashing it."""
    normal = new_tone_placement(text).lower()
    for space in _WIDE_SPACES:
        if space in normal:  # a no-break space from Word, mostly
            normal = normal.replace(space, " ")
    return hashlib.sha256(b" ".join(normal.encode("utf-8").split())).hexdigest()


def distinct_iri(iri: str, digest: str) -> str:
    """The IRI of a different text that derives ``iri``: stable, so re-ingesting that text
    replaces its own graph and not the first one's."""
    return f"{iri}-{digest[:SUFFIX_LENGTH]}"


def same_document(held_digest: str | None, held_name: str, digest: str, name: str) -> bool:
    """Whether a stored graph (its recorded digest and file name) holds this document.

    The same text under another name is the same document; so is the same file edited
    (a typo mended, a line added) and ingested again, whose digest changed with it. Only
    a different file with a different text is another document. The file name also keeps
    a store valid when the comparison form of texts improves between versions.
    """
    return held_name == name or (held_digest is not None and held_digest == digest)
