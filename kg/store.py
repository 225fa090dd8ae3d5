"""The Oxigraph store: one named graph per article, read-only queries, export.

Library only: every failure a user can cause is a :class:`kg.errors.KGError`
with a one-line message; nothing here prints.

* Writes replace whole named graphs, each replacement in one transaction (one
  SPARQL Update request), so a failure or a crash leaves the old graph intact.
* A store is a folder marked as one, and locked while open: readers share the
  lock, a writer holds it alone (see :mod:`kg.storefolder`).
* :meth:`KGStore.query` is read-only: SPARQL Update is refused.  The project's
  prefixes are predeclared (``kg:supplies`` works without a ``PREFIX`` line) and
  a query's own ``PREFIX`` declarations win.  Syntax errors give the line and
  column in the user's text.
"""
from __future__ import annotations

import contextlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from kg.errors import QueryError, StoreError, one_line
from kg.export import EXPORT_FORMATS, write_export
from kg.sparql import SERVICE_REFUSED, UPDATE_REFUSED, is_update, query_failure, service_iris, syntax_message
from kg.storefolder import MARKER, READ_WAIT, StoreLock, clear_creation, recognise, write_marker
from kg.terms import GAZETTEER_GRAPH, ONTOLOGY_GRAPH, PREFIXES


@dataclass(frozen=True)
class ArticleInfo:
    """One article graph as the store holds it."""

    identifier: str
    iri: str
    date: str | None
    publisher: str | None
    content_hash: str | None
    statements: int


_ARTICLES = """
SELECT ?a ?identifier ?date ?publisher ?hash (COUNT(DISTINCT ?st) AS ?statements) WHERE {
  ?a a schema:NewsArticle ; dcterms:identifier ?identifier .
  OPTIONAL { ?a schema:datePublished ?date }
  OPTIONAL { ?a schema:publisher ?publisher }
  OPTIONAL { ?a kg:contentHash ?hash }
  OPTIONAL { ?st a kg:Statement ; prov:wasDerivedFrom/schema:isPartOf ?a }
}
GROUP BY ?a ?identifier ?date ?publisher ?hash
ORDER BY ?identifier ?a
"""


class KGStore:
    """A thin wrapper over :class:`pyoxigraph.Store` with the project's rules."""

    def __init__(self, store: ox.Store, path: Path | None = None, read_only: bool = False):
        self._store = store
        self.path = path
        self.read_only = read_only
        self._lock: StoreLock | None = None

    # ------------------------------------------------------------ opening
    @classmethod
    def open(cls, path: Path | str | None, read_only: bool = False) -> KGStore:
        """Open the store at ``path`` (``None``: a new in-memory store).

        For writing, a missing store (or an empty folder) is created; the writer
        holds the store's lock alone, so a second writer, or a writer while a
        reader reads, gets ``store X is in use by another process``.  Read-only
        opening never creates anything; readers share the lock, and a reader
        while another process writes the store waits up to :data:`READ_WAIT`
        seconds, then gets ``store X is being written by another process``
        (reading a store while another process writes it is undefined in RocksDB).
        """
        if path is None:
            return cls(ox.Store(), None, read_only)
        path = Path(path)
        if path.exists() and not path.is_dir():
            raise StoreError(f"{path} is a file, not a store folder")
        if read_only:
            if not path.is_dir():
                raise StoreError(f"no store at {path}; run 'kg build' first")
            lock = StoreLock.shared(path, READ_WAIT)
        else:
            try:
                path.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"cannot create store {path}: {_cause(exc)}") from None
            lock = StoreLock.exclusive(path)
        try:
            return cls._open_locked(path, read_only, lock)
        except BaseException:
            lock.release()
            raise

    @classmethod
    def _open_locked(cls, path: Path, read_only: bool, lock: StoreLock) -> KGStore:
        kind = recognise(path)
        if kind == "other":
            if read_only:
                raise StoreError(f"no store at {path}; run 'kg build' first")
            raise StoreError(f"{path} is not a store and not empty; give a new or empty folder")
        if kind in ("empty", "new") and read_only:
            raise StoreError(f"no store at {path}; run 'kg build' first")
        if kind == "damaged":
            raise StoreError(f"store {path} is damaged: it has {MARKER} but no CURRENT or MANIFEST file")
        if kind in ("empty", "new"):
            with _writing_to(path):
                if kind == "new":
                    clear_creation(path)       # a creation cut short: made anew
                write_marker(path, complete=False)   # first: a creation cut short is recognised
        try:
            store = ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))
        except (OSError, RuntimeError) as exc:
            if "lock" in str(exc).lower():
                raise StoreError(f"store {path} is in use by another process") from None
            raise StoreError(f"cannot open store {path}: {_cause(exc)}") from None
        opened = cls(store, path, read_only)
        opened._lock = lock
        if kind in ("empty", "new", "rocksdb") and not read_only:
            with _writing_to(path):
                if kind != "rocksdb":
                    store.flush()              # Oxigraph's files complete on disk, then the marker says so
                write_marker(path)
        return opened
    def flush(self) -> None:
        """Write what the store buffers in memory to disk; a long build calls it now and
        then, so that its memory stays flat however many articles it writes."""
        if not self.read_only and self.path is not None:
            self._store.flush()

    def optimize(self) -> None:
        """Compact the store's files: a build ends with it, as queries read a compacted store
        about twice as fast (the 10x bench store: slowest bundled query 102 -> 51 ms, for 0.5 s)."""
        if not self.read_only and self.path is not None:
            with self._writing():
                self._store.optimize()

    def close(self, failed: bool = False) -> None:
        """Flush and close the store, then release its lock.  ``failed``: closing because of an
        error already on its way to the user, so a second error from the flush is not raised."""
        if self._store is None:
            return
        try:
            if not self.read_only and self.path is not None:
                with self._writing():
                    self._store.flush()
        except StoreError:
            if not failed:
                raise
        finally:
            self._store = None            # the last reference: RocksDB closes its files here
            if self._lock is not None:
                self._lock.release()
                self._lock = None

    def __enter__(self) -> KGStore:
        return self

    def __exit__(self, exc_type, *exc) -> None:
        self.close(failed=exc_type is not None)

    def __len__(self) -> int:
        return len(self._store)

    # ------------------------------------------------------------ writing
    def replace_graph(self, graph_iri: str, quads: Iterable[ox.Quad]) -> None:
        """Make the named graph ``graph_iri`` hold exactly ``quads``, in one transaction.

        Every quad must belong to that graph.  A failure leaves the old graph.
        """
        self._replace({graph_iri: quads})

    def replace_graph_nquads(self, graph_iri: str, data: bytes) -> None:
        """:meth:`replace_graph` with the quads given as N-Quads, one quad a line, as
        pyoxigraph writes them (from :func:`kg.build.article_graph` in a worker process);
        every quad must be in the graph ``graph_iri`` (a ``ValueError`` says which is not).

        The bytes are parsed once, by Oxigraph, never as quad objects in Python: a graph the
        store does not hold yet (the common case in a build) is loaded straight from them in
        one transaction; a graph it holds is replaced by one SPARQL Update whose data is the
        same lines with their graph name taken off."""
        graph = ox.NamedNode(graph_iri)
        suffix = f" {graph} .".encode()
        lines = data.splitlines()
        for line in lines:
            if not line.endswith(suffix):
                raise ValueError(f"a quad of {graph} is not in it: {line[:200]!r}")
        self._check_writable()
        if not self._store.contains_named_graph(graph):
            with self._writing():
                self._store.load(data, format=ox.RdfFormat.N_QUADS)
            return
        body = b"".join(line[: -len(suffix)] + b" .\n" for line in lines).decode("utf-8")
        update = f"DROP SILENT GRAPH {graph} ;\nINSERT DATA {{ GRAPH {graph} {{\n{body}}} }}" if body else \
            f"DROP SILENT GRAPH {graph}"
        with self._writing():
            self._store.update(update)

    def add_quads(self, quads: Iterable[ox.Quad]) -> None:
        """Add quads to their graphs, in one transaction."""
        self._check_writable()
        with self._writing():
            self._store.extend(quads)

    def replace_static(self, ontology_quads: Iterable[ox.Quad], gazetteer_quads: Iterable[ox.Quad]) -> None:
        """Replace the ontology and the gazetteer graphs together; a graph that already holds
        exactly these quads is left as it is (reading it is cheaper than writing it)."""
        graphs = {ONTOLOGY_GRAPH: list(ontology_quads), GAZETTEER_GRAPH: list(gazetteer_quads)}
        changed = {iri: quads for iri, quads in graphs.items()
                   if set(quads) != set(self._store.quads_for_pattern(None, None, None, ox.NamedNode(iri)))}
        if changed:
            self._replace(changed)

    def remove_graph(self, graph_iri: str) -> bool:
        """Drop one named graph; False if it was not there."""
        self._check_writable()
        graph = ox.NamedNode(graph_iri)
        if not self._store.contains_named_graph(graph):
            return False
        with self._writing():
            self._store.remove_graph(graph)
        return True

    def _replace(self, graphs: dict[str, Iterable[ox.Quad]]) -> None:
        # One SPARQL Update request runs in one transaction: drop and insert
        # commit together or not at all.  The data is written by the N-Triples
        # serialiser, so every term is escaped by pyoxigraph, never by hand.
        self._check_writable()
        if not any(self._store.contains_named_graph(ox.NamedNode(iri)) for iri in graphs):
            self._add_new(graphs)         # nothing to drop: one transaction, no SPARQL text to parse
            return
        operations, inserts = [], []
        for graph_iri, quads in graphs.items():
            graph = ox.NamedNode(graph_iri)
            operations.append(f"DROP SILENT GRAPH {graph}")
            triples = [ox.Triple(quad.subject, quad.predicate, quad.object) for quad in _in_graph(graph, quads)]
            if triples:
                body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
                inserts.append(f"GRAPH {graph} {{\n{body}}}\n")
        if inserts:
            operations.append("INSERT DATA {\n" + "".join(inserts) + "}")
        with self._writing():
            self._store.update(" ;\n".join(operations))

    def _add_new(self, graphs: dict[str, Iterable[ox.Quad]]) -> None:
        self.add_quads([quad for iri, quads in graphs.items() for quad in _in_graph(ox.NamedNode(iri), quads)])

    def _writing(self):
        """A write to the store; the store's own error (a full disk, a damaged file) becomes one
        line that names the cause."""
        return _writing_to(self._name)

    def _check_writable(self) -> None:
        if self.read_only:
            raise StoreError(f"store {self._name} is open read-only")

    @property
    def _name(self) -> str:
        return str(self.path) if self.path is not None else "(in memory)"

    # ------------------------------------------------------------ reading
    def query(self, sparql: str, substitutions: dict[str, object] | None = None, allow_service: bool = False,
              default_graphs: list[str] | None = None, named_graphs: list[str] | None = None):
        """Run a read-only SPARQL query over the union of all graphs.

        ``substitutions`` binds variables (name without ``?``) to RDF terms; in
        a SELECT query a bound variable must be in the projection.  A federated
        query (``SERVICE``: outbound HTTP requests) is refused unless
        ``allow_service``.  ``default_graphs`` (graph IRIs) makes the default
        graph their merge instead of the union of all graphs, ``named_graphs``
        limits what ``GRAPH`` sees (the SPARQL protocol's ``default-graph-uri``
        and ``named-graph-uri``).  Returns pyoxigraph's ``QuerySolutions``,
        ``QueryBoolean`` or ``QueryTriples``; an error while iterating them (a
        SERVICE request is made then) is made one line by :func:`query_failure`.
        """
        if not allow_service and service_iris(sparql):
            raise QueryError(SERVICE_REFUSED)
        subs = {ox.Variable(name): term for name, term in (substitutions or {}).items()}
        dataset = {}
        if default_graphs:
            dataset["default_graph"] = [ox.NamedNode(iri) for iri in default_graphs]
        if named_graphs:
            dataset["named_graphs"] = [ox.NamedNode(iri) for iri in named_graphs]
        try:
            results = self._store.query(
                sparql,
                use_default_graph_as_union=not default_graphs,
                prefixes=PREFIXES,
                substitutions=subs or None,
                **dataset,
            )
        except SyntaxError as exc:
            if is_update(sparql):
                raise QueryError(UPDATE_REFUSED) from None
            raise QueryError(syntax_message(sparql, exc)) from None
        except (OSError, RuntimeError, ValueError) as exc:
            raise query_failure(sparql, exc) from None
        return results

    def articles(self) -> list[ArticleInfo]:
        """Every article graph, sorted by identifier."""
        out = []
        for row in self.query(_ARTICLES):
            out.append(ArticleInfo(
                identifier=row["identifier"].value,
                iri=row["a"].value,
                date=_value(row["date"]),
                publisher=_value(row["publisher"]),
                content_hash=_value(row["hash"]),
                statements=int(row["statements"].value),
            ))
        return out

    def article_versions(self) -> dict[str, tuple[str | None, str | None]]:
        """Article graph IRI -> (content hash, extraction fingerprint) as stored."""
        rows = self.query("SELECT ?g ?hash ?extractor WHERE { GRAPH ?g { ?g a schema:NewsArticle "
                          "OPTIONAL { ?g kg:contentHash ?hash } OPTIONAL { ?g kg:extractor ?extractor } } }")
        return {row["g"].value: (_value(row["hash"]), _value(row["extractor"])) for row in rows}

    def remove_article(self, identifier: str) -> bool:
        """Drop the graph of the article with this identifier; False if there is none."""
        iris = {a.iri for a in self.articles() if a.identifier == identifier}
        return any([self.remove_graph(iri) for iri in sorted(iris)])

    def named_graphs(self) -> list[str]:
        return sorted(g.value for g in self._store.named_graphs() if isinstance(g, ox.NamedNode))

    # ------------------------------------------------------------ export
    def export(self, fmt: str, out: BinaryIO | Path | str) -> None:
        """Write the whole graph in ``fmt`` to a binary stream or a file path (see :mod:`kg.export`)."""
        write_export(self._store, fmt, out)


# ---------------------------------------------------------------- helpers
@contextlib.contextmanager
def _writing_to(name):
    try:
        yield
    except (OSError, RuntimeError) as exc:
        raise StoreError(f"cannot write store {name}: {_cause(exc)}") from None


#: RocksDB's words for causes a user can act on, and how a message names them.
_CAUSES = (
    ("No space left on device", "no space left on device"),
    ("Disk quota exceeded", "disk quota exceeded"),
    ("Read-only file system", "read-only file system"),
    ("Permission denied", "permission denied"),
    ("Corruption:", "the store is damaged ({detail})"),
    ("No such file or directory", "the store is damaged ({detail})"),
)


def _cause(exc: BaseException) -> str:
    """The cause of a store error in a few words: RocksDB's message names the file and the
    call (``IO error: No space left on device: While appending to file: …/000008.log``)."""
    detail = one_line(exc)
    for words, cause in _CAUSES:
        if words in detail:
            return cause.format(detail=detail)
    return detail


def _value(term) -> str | None:
    return None if term is None else term.value


def _in_graph(graph: ox.NamedNode, quads: Iterable[ox.Quad]):
    """The quads, each checked to belong to ``graph``."""
    for quad in quads:
        if quad.graph_name != graph:
            raise ValueError(f"quad {quad} does not belong to graph {graph}")
        yield quad


__all__ = [
    "ArticleInfo", "EXPORT_FORMATS", "KGStore", "SERVICE_REFUSED", "UPDATE_REFUSED", "is_update", "query_failure",
    "syntax_message",
]

