"""The default backend: a persistent Oxigraph store in a directory, used natively.

No rdflib on this path: queries and writes go straight to pyoxigraph, which is what keeps
the responsibility matrix fast at tens of thousands of documents.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from pyoxigraph import NamedNode, Quad, QueryBoolean, QuerySolutions, RdfFormat, Store, Triple, serialize

from cchc.errors import QueryError, StoreError
from cchc.graph.namespaces import CCHC, GRAPH
from cchc.graph.store.base import Bindings, ClosingStore, SelectResult
from cchc.graph.store.bindings import with_values
from cchc.graph.store.ntriples import drop_silent
from cchc.graph.store.query_text import MAX_NESTING, nesting_depth

_DUMP_FORMATS = {"nq": RdfFormat.N_QUADS, "trig": RdfFormat.TRIG, "jsonld": RdfFormat.JSON_LD, "ttl": RdfFormat.TURTLE}
_UNION = "CONSTRUCT { ?s ?p ?o } WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"
# Graphs being written by a bulk batch are listed here until the batch is complete; a store
# opened after a crash drops whatever is still listed, so no half-written document survives.
_PENDING_GRAPH = NamedNode(GRAPH + "pending")
_PENDING = NamedNode(CCHC + "pendingWrite")


def _as_nquads(graph: NamedNode, triples: bytes | Iterable[Triple]) -> bytes:
    """N-Quads of one graph. pyoxigraph writes one triple per line ending " .", with
    newlines in literals escaped, so " .\n" occurs only at line ends and naming the graph
    is one replacement over the whole text."""
    if not isinstance(triples, bytes):
        return serialize((Quad(t.subject, t.predicate, t.object, graph) for t in triples), format=RdfFormat.N_QUADS) or b""
    if triples and not triples.endswith(b"\n"):
        triples += b"\n"
    return triples.replace(b" .\n", f" {graph} .\n".encode())


class EmbeddedStore(ClosingStore):
    def __init__(self, directory: Path | str) -> None:
        self.location = str(directory)
        try:
            Path(directory).mkdir(parents=True, exist_ok=True)
            self._store = Store(str(directory))
        except OSError as error:
            reason = "đang được một tiến trình khác sử dụng" if "lock" in str(error).lower() else str(error)
            raise StoreError(f"không mở được kho đồ thị {self.location}: {reason}") from None
        self._drop_unfinished()

    def _drop_unfinished(self) -> None:
        """Finish what a killed batch left: its graphs go, so a rerun writes them whole."""
        pending = [q.subject for q in self._store.quads_for_pattern(None, _PENDING, None, _PENDING_GRAPH) if isinstance(q.subject, NamedNode)]
        if not pending:
            return
        try:
            self._store.update(";".join(drop_silent(g.value) for g in pending) + f"; DROP SILENT GRAPH {_PENDING_GRAPH}")
        except OSError as error:
            raise StoreError(f"không dọn được kho {self.location}: {error}") from None

    # writes ---------------------------------------------------------------
    def replace_graph(self, graph: str, triples: Iterable[Triple]) -> None:
        self.replace_graphs({graph: triples})

    def replace_graphs(self, graphs: Mapping[str, Iterable[Triple]]) -> None:
        # Everything is materialised before the first write, so a stage that fails
        # mid-iteration never reaches the store. The new quads then go in with one atomic
        # ``extend`` (parsing a SPARQL INSERT of the same data is ~5× slower); a crash
        # between the drop and the extend leaves the document absent, never half there.
        quads = [
            Quad(t.subject, t.predicate, t.object, NamedNode(graph)) for graph, triples in graphs.items() for t in triples
        ]
        try:
            self._store.update(";".join(drop_silent(graph) for graph in graphs))
            self._store.extend(quads)
        except OSError as error:
            raise StoreError(f"không ghi được vào kho {self.location}: {error}") from None

    def write_batch(self, graphs: Mapping[str, bytes | Iterable[Triple]]) -> None:
        """Many documents at bulk-loading speed (about twice ``replace_graphs``).

        The bulk loader writes outside transactions, so the batch is bracketed: one
        transaction drops the old graphs and lists the new ones as pending, the bulk load
        writes them, one more transaction clears the list. A crash in between leaves
        pending graphs that the next open drops, and a rerun of the batch writes them again.
        """
        if not graphs:
            return
        names = [NamedNode(graph) for graph in graphs]
        marks = " ".join(f"{name} <{_PENDING.value}> true ." for name in names)
        data = b"".join(_as_nquads(name, triples) for name, triples in zip(names, graphs.values()))
        try:
            self._store.update(
                ";".join(drop_silent(graph) for graph in graphs) + f"; INSERT DATA {{ GRAPH {_PENDING_GRAPH} {{ {marks} }} }}"
            )
            self._store.bulk_load(data, format=RdfFormat.N_QUADS)
            self._store.update(f"DROP SILENT GRAPH {_PENDING_GRAPH}")
        except (OSError, SyntaxError) as error:
            raise StoreError(f"không ghi được vào kho {self.location}: {error}") from None

    def remove_graph(self, graph: str) -> bool:
        node = NamedNode(graph)
        if not self._store.contains_named_graph(node):
            return False
        self._store.remove_graph(node)
        return True

    def clear(self) -> None:
        try:
            self._store.clear()
        except OSError as error:
            raise StoreError(f"không xóa được kho {self.location}: {error}") from None

    # reads ----------------------------------------------------------------
    def graph_names(self) -> list[str]:
        return sorted(g.value for g in self._store.named_graphs() if isinstance(g, NamedNode) and g != _PENDING_GRAPH)

    def _query(self, query: str, bindings: Bindings | None):
        if nesting_depth(query) > MAX_NESTING:  # pyoxigraph's parser would overflow the stack
            raise QueryError(f"câu truy vấn lồng quá sâu (hơn {MAX_NESTING} cấp ngoặc)")
        try:
            return self._store.query(with_values(query, bindings or {}))
        except SyntaxError as error:
            raise QueryError(f"câu truy vấn SPARQL sai cú pháp: {error}") from None
        except (OSError, ValueError, TypeError) as error:
            raise QueryError(f"không chạy được truy vấn: {error}") from None

    # pyoxigraph's results may only be dropped on the thread that made them (the web app
    # queries in worker threads): none is left in a frame an exception carries away.
    def select(self, query: str, bindings: Bindings | None = None) -> SelectResult:
        result = self._query(query, bindings)
        try:
            if not isinstance(result, QuerySolutions):
                raise QueryError("truy vấn không phải SELECT")
            names = tuple(v.value for v in result.variables)
            rows = tuple({name: solution[name] for name in names} for solution in result)
        except (OSError, ValueError, TypeError) as error:  # raised while the solutions are evaluated
            raise QueryError(f"không chạy được truy vấn: {error}") from None
        finally:
            del result
        return SelectResult(names, rows)

    def ask(self, query: str, bindings: Bindings | None = None) -> bool:
        result = self._query(query, bindings)
        try:
            if not isinstance(result, QueryBoolean):
                raise QueryError("truy vấn không phải ASK")
            return bool(result)
        finally:
            del result

    def construct(self, query: str, bindings: Bindings | None = None) -> list[Triple]:
        result = self._query(query, bindings)
        try:
            if isinstance(result, (QuerySolutions, QueryBoolean)):
                raise QueryError("truy vấn không phải CONSTRUCT hoặc DESCRIBE")
            return list(result)
        except (OSError, ValueError, TypeError) as error:
            raise QueryError(f"không chạy được truy vấn: {error}") from None
        finally:
            del result

    def dump(self, fmt: str) -> bytes:
        if fmt not in _DUMP_FORMATS:
            raise StoreError(f"định dạng xuất không hỗ trợ: {fmt} (chọn: {', '.join(_DUMP_FORMATS)})")
        if fmt == "ttl":
            return serialize(self.construct(_UNION), format=RdfFormat.TURTLE) or b""
        return self._store.dump(format=_DUMP_FORMATS[fmt]) or b""

    def count(self, graph: str | None = None) -> int:
        target = NamedNode(graph) if graph else None
        return sum(1 for _ in self._store.quads_for_pattern(None, None, None, target))

    def close(self) -> None:
        self._store.flush()
        del self._store
