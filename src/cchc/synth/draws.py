"""Seeded draws: one ``random.Random`` per unit and per document, named by position.

Every unit and document gets its own generator, seeded from the corpus seed and its
index, so a corpus is the same whatever order (or process) writes it, and changing one
document's draws never shifts another's.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from typing import TypeVar

T = TypeVar("T")


def rng_for(seed: int, *path: object) -> random.Random:
    """A generator for one position in the corpus; string seeds hash the same in every run."""
    return random.Random(":".join(["cchc-synth", str(seed), *map(str, path)]))


def weighted(rng: random.Random, table: Mapping[T, float]) -> T:
    """One key of ``table``, with chances proportional to its values (in table order)."""
    keys = list(table)
    return rng.choices(keys, weights=[float(table[k]) for k in keys])[0]


def chance(rng: random.Random, p: float) -> bool:
    return rng.random() < p


def pick(rng: random.Random, items: Sequence[T]) -> T:
    return items[rng.randrange(len(items))]
