"""The store interface both backends implement, and the values it speaks.

Terms are pyoxigraph terms (NamedNode, Literal, BlankNode) on both backends, so callers
never see which one they talk to. One named graph holds one source document; writes
replace a whole graph at once, so a document is in the store whole or not at all.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import TracebackType
from typing import Protocol, Self, runtime_checkable

from pyoxigraph import BlankNode, Literal, NamedNode, Triple

Term = NamedNode | Literal | BlankNode
Bindings = Mapping[str, Term]  # variable name (without "?") → RDF term


@dataclass(frozen=True)
class SelectResult:
    variables: tuple[str, ...]
    rows: tuple[dict[str, Term | None], ...]  # unbound → None


def bound(term: Term | None) -> Term:
    """The term of a variable the query always binds (one outside OPTIONAL)."""
    assert term is not None, "a variable the query always binds is unbound"
    return term


def bound_value(term: Term | None) -> str:
    """The lexical value of a variable the query always binds."""
    return bound(term).value


@runtime_checkable
class GraphStore(Protocol):
    """What the rest of cchc may ask of a store."""

    location: str  # directory or endpoint URL, for messages

    def replace_graph(self, graph: str, triples: Iterable[Triple]) -> None:
        """Atomically make named graph ``graph`` hold exactly ``triples``."""

    def replace_graphs(self, graphs: Mapping[str, Iterable[Triple]]) -> None:
        """Several graphs in one transaction (a batch of documents)."""

    def write_batch(self, graphs: Mapping[str, bytes | Iterable[Triple]]) -> None:
        """Many document graphs as fast as the backend loads; each ends whole or absent,
        also after a crash (the batch may then be run again). A graph is given as its
        triples or as their N-Triples serialisation (what worker processes hand over)."""

    def remove_graph(self, graph: str) -> bool:
        """Drop ``graph``; False when it did not exist."""

    def graph_names(self) -> list[str]:
        """IRIs of the named graphs, sorted."""

    def select(self, query: str, bindings: Bindings | None = None) -> SelectResult:
        """Run a SELECT; ``bindings`` are bound as RDF terms, never pasted as text."""

    def ask(self, query: str, bindings: Bindings | None = None) -> bool: ...

    def construct(self, query: str, bindings: Bindings | None = None) -> list[Triple]: ...

    def dump(self, fmt: str) -> bytes:
        """Everything as ``nq`` | ``trig`` | ``ttl`` (union of graphs) | ``jsonld``."""

    def count(self, graph: str | None = None) -> int:
        """Number of quads (in one graph, or in all)."""

    def clear(self) -> None:
        """Remove every graph this store holds for cchc (a remote server's own stay)."""

    def close(self) -> None: ...

    def __enter__(self) -> Self: ...

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None: ...


class ClosingStore:
    """``with open_store(…) as store:``: closed however the block ends, so an embedded
    store's lock is released for the next command in the same process."""

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        self.close()
