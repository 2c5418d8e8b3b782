"""Take the reader's static data out of the garbage collector's rounds.

Reading a document loads data that lives as long as the process: the gazetteer's
administrative units, the vocabularies, the area model, the compiled rules. They are some
50,000 container objects, and every full collection walks them all again, while an ingest
allocates enough short-lived objects to trigger one every few documents. Frozen once the
first document has loaded them (``gc.freeze``), they are no longer visited; data loaded
later by a rarer document stays with the collector, which is only slower, never wrong.
"""

from __future__ import annotations

import gc

_settled = False


def settle_once() -> None:
    """Freeze what is alive now, the first time only: called after the first document."""
    global _settled
    if _settled:
        return
    _settled = True
    gc.collect()
    gc.freeze()
