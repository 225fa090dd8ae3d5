"""The Oxigraph store: one named graph per article, read-only queries, export.

Library only: errors are :class:`kg.errors.KGError` subclasses with one-line
messages; nothing here prints.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from kg.errors import QueryError, StoreError
from kg.terms import GAZETTEER_GRAPH, ONTOLOGY_GRAPH, PREFIXES

EXPORT_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "ntriples": ox.RdfFormat.N_TRIPLES,
}
#: formats that cannot hold named graphs: the union of all graphs is written
GRAPHLESS = {"turtle", "ntriples"}
UPDATE_KEYWORDS = re.compile(
    r"^\s*(?:(?:PREFIX\s+\S*\s*<[^>]*>|BASE\s*<[^>]*>)\s*)*"
    r"(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b",
    re.IGNORECASE,
)
COMMENT = re.compile(r"#[^\n]*")


class KGStore:
    """A thin wrapper over :class:`pyoxigraph.Store` with the project's rules."""

    def __init__(self, store: ox.Store, path: Path | None, read_only: bool):
        self._store = store
        self.path = path
        self.read_only = read_only

    # ------------------------------------------------------------ opening
    @classmethod
    def open(cls, path: Path | None, read_only: bool = False) -> KGStore:
        """Open (or, for writing, create) the store at ``path``; ``None`` is in memory."""
        if path is None:
            return cls(ox.Store(), None, read_only)
        path = Path(path)
        if read_only:
            if not (path / "CURRENT").exists():
                raise StoreError(f"no store at {path}; run 'kg build' first")
            try:
                return cls(ox.Store.read_only(str(path)), path, True)
            except OSError as exc:
                raise StoreError(f"cannot open store {path}: {_first_line(exc)}") from None
        if path.exists() and not path.is_dir():
            raise StoreError(f"{path} is a file, not a store folder")
        try:
            return cls(ox.Store(str(path)), path, False)
        except OSError as exc:
            text = str(exc)
            if "lock" in text.lower():
                raise StoreError(f"store {path} is in use by another process") from None
            raise StoreError(f"cannot open store {path}: {_first_line(exc)}") from None

    def close(self) -> None:
        if not self.read_only:
            self._store.flush()
        self._store = None

    def __enter__(self) -> KGStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ------------------------------------------------------------ writing
    def replace_graph(self, graph_iri: str, quads: Iterable[ox.Quad]) -> None:
        """Replace one named graph in one transaction: a failure leaves the old graph."""
        graph = ox.NamedNode(graph_iri)
        quads = list(quads)
        old = list(self._store.quads_for_pattern(None, None, None, graph))
        try:
            self._store.remove_graph(graph) if old else None
            self._store.extend(quads)
        except Exception:
            self._store.remove_graph(graph)
            self._store.extend(old)
            raise

    def replace_static(self, ontology: Iterable[ox.Quad], gazetteer: Iterable[ox.Quad]) -> None:
        self.replace_graph(ONTOLOGY_GRAPH, ontology)
        self.replace_graph(GAZETTEER_GRAPH, gazetteer)

    def remove_graph(self, graph_iri: str) -> bool:
        graph = ox.NamedNode(graph_iri)
        if not self._store.contains_named_graph(graph):
            return False
        self._store.remove_graph(graph)
        return True

    # ------------------------------------------------------------ reading
    def query(self, sparql: str, substitutions: dict | None = None):
        """Run a read-only SPARQL query over the union of all graphs.

        The project's prefixes (``kg:``, ``res:``, ``schema:`` …) are predeclared.
        Update requests are refused; syntax errors say where.
        """
        if UPDATE_KEYWORDS.match(COMMENT.sub("", sparql)):
            raise QueryError("update queries are not allowed: kg query is read-only")
        subs = {ox.Variable(k): v for k, v in (substitutions or {}).items()}
        try:
            return self._store.query(
                sparql, use_default_graph_as_union=True, prefixes=PREFIXES, substitutions=subs or None
            )
        except SyntaxError as exc:
            raise QueryError(f"SPARQL syntax {_first_line(exc)}") from None
        except (OSError, ValueError, RuntimeError) as exc:
            raise QueryError(f"query failed: {_first_line(exc)}") from None

    def export(self, fmt: str, output: BinaryIO) -> None:
        """Write the whole graph; Turtle and N-Triples get the union of all graphs."""
        try:
            rdf_format = EXPORT_FORMATS[fmt]
        except KeyError:
            raise StoreError(f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}") from None
        if fmt in GRAPHLESS:
            triples = {ox.Triple(q.subject, q.predicate, q.object) for q in self._store}
            kwargs = {"prefixes": PREFIXES} if fmt == "turtle" else {}
            ox.serialize(sorted(triples, key=str), output, rdf_format, **kwargs)
            return
        quads = sorted(self._store, key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))
        kwargs = {"prefixes": PREFIXES} if fmt == "trig" else {}
        ox.serialize(quads, output, rdf_format, **kwargs)

    def named_graphs(self) -> list[str]:
        return sorted(g.value for g in self._store.named_graphs() if isinstance(g, ox.NamedNode))

    def __len__(self) -> int:
        return len(self._store)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]
