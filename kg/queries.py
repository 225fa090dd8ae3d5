"""The bundled SPARQL queries in ``queries/``, how a user names a query, and running it.

A query file's first line is a ``# `` comment saying what it answers (what
``kg query --list`` shows).  A ``# param: NAME`` line declares a variable the
caller must bind (``kg query NAME --param NAME=VALUE``); the value of a declared
parameter is an entity name, resolved to the entity's IRI.  Values are always
passed to the store as substitutions, never pasted into the query text.

A page of a query (``limit``, ``offset``) is its text with ``LIMIT`` and ``OFFSET``
appended, or put where a ``# page`` comment line stands (the subquery that sorts; see
:func:`paged`): every bundled query orders its rows by every column it selects, so pages
are disjoint and their union is the whole result.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from kg.errors import InputError, NotFoundError, QueryError, shown
from kg.resources import queries_dir
from kg.sparql import has_slice, page_mark, where_body
from kg.store import KGStore
from kg.summary import resolve_entity

PARAM = re.compile(r"^#\s*param:\s*(\w+)", re.M)
QUERY_SUFFIXES = (".rq", ".sparql")
#: The largest query text read, from a file or standard input.
MAX_QUERY_BYTES = 1 << 20
TOO_LARGE = "query text over 1 MiB, the limit"


@dataclass(frozen=True)
class Query:
    name: str
    text: str
    description: str = ""
    params: tuple[str, ...] = ()


def parse_query(name: str, text: str) -> Query:
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    description = first.lstrip("#").strip() if first.startswith("#") else ""
    return Query(name=name, text=text, description=description, params=tuple(PARAM.findall(text)))


def bundled(directory: Path | None = None) -> dict[str, Query]:
    """The bundled queries by name, sorted."""
    directory = directory or queries_dir()
    return {
        path.stem: parse_query(path.stem, path.read_text(encoding="utf-8"))
        for path in sorted(directory.glob("*.rq"))
    }


def resolve(spec: str, stdin: str | BinaryIO | None = None) -> Query:
    """A query by bundled name, by file path, or ``-`` for ``stdin`` (text, or a binary
    stream read up to :data:`MAX_QUERY_BYTES`)."""
    if spec == "-":
        text = stdin if isinstance(stdin, str) else _read_text(stdin, "standard input") if stdin else ""
        if len(text) > MAX_QUERY_BYTES and len(text.encode("utf-8")) > MAX_QUERY_BYTES:
            raise InputError(f"standard input: {TOO_LARGE}")
        if not text.strip():
            raise InputError("no query on standard input")
        return parse_query("-", text)
    queries = bundled()
    if spec in queries:
        return queries[spec]
    path = Path(spec)
    if path.suffix in QUERY_SUFFIXES or _exists(path):
        try:
            with path.open("rb") as stream:
                text = _read_text(stream, spec)
        except FileNotFoundError:
            raise InputError(f"{_path(spec)}: no such query file") from None
        except IsADirectoryError:
            raise InputError(f"{_path(spec)}: is a directory, not a query file") from None
        except OSError as exc:
            raise InputError(f"{_path(spec)}: cannot read ({exc.strerror})") from None
        if not text.strip():
            raise InputError(f"{_path(spec)}: empty query file")
        return parse_query(path.stem, text)
    close = difflib.get_close_matches(spec, list(queries), n=3, cutoff=0.6)
    hint = f"; did you mean {' or '.join(close)}?" if close else "; see 'kg query --list'"
    raise NotFoundError(f"unknown query {shown(spec)!r}{hint}")


def _read_text(stream: BinaryIO, source: str) -> str:
    """UTF-8 text of at most :data:`MAX_QUERY_BYTES`, reading no more than one byte beyond."""
    data = stream.read(MAX_QUERY_BYTES + 1)
    if len(data) > MAX_QUERY_BYTES:
        raise InputError(f"{_path(source)}: {TOO_LARGE}")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        message = "not UTF-8 text" if source == "standard input" else "not a UTF-8 text file"
        raise InputError(f"{_path(source)}: {message}") from None


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except OSError:        # a name too long for a path, say
        return False


def _path(spec: str) -> str:
    return shown(spec, limit=300)


def missing_params(query: Query, values: dict[str, str]) -> list[str]:
    return [name for name in query.params if name not in values]


def bind(store: KGStore, query: Query, values: dict[str, str]) -> dict[str, object]:
    """RDF terms for ``--param`` values.

    A declared parameter takes an entity name (resolved case- and
    hyphen-insensitively); any other variable takes ``<iri>`` or a plain string.
    """
    missing = missing_params(query, values)
    if missing:
        raise QueryError(f"query {query.name} needs " + " ".join(f"--param {p}=NAME" for p in missing))
    terms: dict[str, object] = {}
    for name, value in values.items():
        if name in query.params:
            terms[name] = resolve_entity(store, value)
        elif len(value) > 2 and value.startswith("<") and value.endswith(">"):
            try:
                terms[name] = ox.NamedNode(value[1:-1])
            except ValueError:
                raise QueryError(f"--param {name}: {shown(value)} is not a valid IRI") from None
        else:
            terms[name] = ox.Literal(value)
    return terms


def run(store: KGStore, query: Query, values: dict[str, str] | None = None, allow_service: bool = False,
        limit: int | None = None, offset: int = 0):
    """Run ``query`` on ``store`` with its parameters bound; ``limit`` rows from ``offset`` on
    (None: all)."""
    return store.query(*prepare(store, query, values, limit, offset), allow_service=allow_service)


def paged(query: Query, limit: int | None = None, offset: int = 0) -> Query:
    """The query with ``LIMIT limit OFFSET offset`` (unchanged when neither is given): on the
    line after its ``# page`` comment, where a query that sorts in a subquery asks for it
    (:func:`kg.sparql.page_mark`), else appended.

    A query with its own outer LIMIT or OFFSET and no ``# page`` is refused: two would be a
    syntax error, and a page of a slice is rarely what is meant."""
    if limit is None and not offset:
        return query
    if (limit is not None and limit < 0) or offset < 0:
        raise InputError("a limit and an offset are 0 or more")
    page = ((f"LIMIT {limit} " if limit is not None else "") + (f"OFFSET {offset}" if offset else "")).strip()
    mark = page_mark(query.text)
    if mark is not None:
        head = query.text[:mark] if query.text[:mark].endswith("\n") else query.text[:mark] + "\n"
        text = f"{head}{page}\n{query.text[mark:]}"
        return Query(query.name, text, query.description, query.params)
    if has_slice(query.text):
        raise InputError(f"query {shown(query.name)} has its own LIMIT or OFFSET; --limit and --offset "
                         "page a query without one")
    return Query(query.name, f"{query.text.rstrip()}\n{page}\n", query.description, query.params)


#: What the build writes for the bundled queries (:mod:`kg.rows`), by the name a query uses.
_ROWS = ("kg:row", "kg:countRow", "kg:parties")


def _check_rows(store: KGStore, query: Query) -> None:
    """A query that reads the rows the build writes, on a store whose statements have none (built
    before the rows were), would give no rows: it says so instead."""
    if any(name in query.text for name in _ROWS) and not bool(store.query("ASK { GRAPH ?g { ?st kg:row ?row } }")) \
            and bool(store.query("ASK { GRAPH ?g { ?st a kg:Statement } }")):
        raise QueryError(f"query {shown(query.name)} reads the statements' rows (kg:row), which store "
                         f"{store.path or '(in memory)'} was built without; run 'kg build' on its articles again")


def prepare(store: KGStore, query: Query, values: dict[str, str] | None = None, limit: int | None = None,
            offset: int = 0) -> tuple[str, dict]:
    """The query text and substitutions to run, with the parameters' names resolved and
    the page (``limit``, ``offset``) appended.

    A declared parameter's entity goes in as a ``VALUES`` row at the top of the outer WHERE,
    or of the subquery that holds the ``# page`` comment (found past comments, strings and
    IRIs), which Oxigraph plans with (a substitution it only applies after planning: seven
    times slower for entity-timeline on a large store)."""
    query = paged(query, limit, offset)
    _check_rows(store, query)
    terms = bind(store, query, values or {})
    declared = {name: terms.pop(name) for name in list(terms) if name in query.params}
    text = query.text
    at = where_body(text, page_mark(text)) if declared else None
    if at is not None:
        rows = " ".join(str(term) for term in declared.values())
        names = " ".join(f"?{name}" for name in declared)
        text = f"{text[:at]}\n  VALUES ({names}) {{ ({rows}) }}{text[at:]}"
    else:
        terms.update(declared)
    return text, terms
