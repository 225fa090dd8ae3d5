"""The SPARQL 1.1 Protocol endpoint (``/sparql``): a query by GET, by a form POST or as a
``application/sparql-query`` body, answered in the format the client asks for.

What it holds:

* :func:`read_request`: the query text and the dataset (``default-graph-uri``,
  ``named-graph-uri``) of a request, or a :class:`ProtocolError` with its status: an
  update (also a POSTed ``update=`` form or an ``application/sparql-update`` body) and
  ``SERVICE`` are refused with 403, a text over 1 MiB with 413;
* :func:`negotiate`: the answer's format from the ``format`` parameter or the ``Accept``
  header: JSON, XML, CSV or TSV results for SELECT and ASK; Turtle, N-Triples or
  JSON-LD for CONSTRUCT and DESCRIBE (406 when nothing the client accepts fits);
* :func:`answer`: the query run by :func:`kg.runner.run_stoppable` in a child process
  that is killed after the server's time limit (503), its result written by pyoxigraph's
  own serialisers (``QuerySolutions.serialize``, ``pyoxigraph.serialize``).

The default graph is the union of the article graphs (as for ``kg query``); the project's
prefixes are predeclared.  Nothing here knows the web framework but the request and
response objects of Starlette.
"""
from __future__ import annotations

import io
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import parse_qsl

import pyoxigraph as ox
from starlette.requests import Request

from kg.errors import KGError, QueryError, QueryTimeout, StoreError, shorten
from kg.queries import MAX_QUERY_BYTES
from kg.runner import run_stoppable
from kg.sparql import UPDATE_KEYWORDS, query_form, query_failure, service_iris
from kg.store import KGStore
from kg.terms import PREFIXES

#: Format name -> (media type, pyoxigraph format), for SELECT and ASK, then for graphs.
RESULT_FORMATS = {
    "json": ("application/sparql-results+json", ox.QueryResultsFormat.JSON),
    "xml": ("application/sparql-results+xml", ox.QueryResultsFormat.XML),
    "csv": ("text/csv", ox.QueryResultsFormat.CSV),
    "tsv": ("text/tab-separated-values", ox.QueryResultsFormat.TSV),
}
GRAPH_FORMATS = {
    "turtle": ("text/turtle", ox.RdfFormat.TURTLE),
    "ntriples": ("application/n-triples", ox.RdfFormat.N_TRIPLES),
    "jsonld": ("application/ld+json", ox.RdfFormat.JSON_LD),
    "rdfxml": ("application/rdf+xml", ox.RdfFormat.RDF_XML),
}
#: Other names a client may use, in ``format=`` or ``Accept``.
ALIASES = {
    "application/json": "json", "text/javascript": "json", "application/javascript": "json",
    "application/xml": "xml", "text/xml": "xml", "srj": "json", "srx": "xml",
    "ttl": "turtle", "application/x-turtle": "turtle", "nt": "ntriples", "text/plain": "ntriples",
    "json-ld": "jsonld", "application/x-json+ld": "jsonld", "rdf": "rdfxml", "xml-rdf": "rdfxml",
    # Turtle is N3 too: SPARQLWrapper asks for n3 so
    "n3": "turtle", "text/n3": "turtle", "text/rdf+n3": "turtle", "application/n3": "turtle",
    "application/turtle": "turtle",
}
for _formats in (RESULT_FORMATS, GRAPH_FORMATS):
    ALIASES.update({media: name for name, (media, _) in _formats.items()})

UPDATE_REFUSED = "SPARQL Update is not allowed: this endpoint is read-only"
SERVICE_REFUSED = "federated queries (SERVICE) are not allowed on this endpoint"
FORM = "application/x-www-form-urlencoded"
QUERY_BODY = "application/sparql-query"
UPDATE_BODY = "application/sparql-update"


class ProtocolError(Exception):
    """A request the endpoint refuses: an HTTP status and one line saying why."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class SparqlRequest:
    """What a protocol request asks: the query text, its dataset and a ``format`` parameter."""

    text: str
    default_graphs: list[str] = field(default_factory=list)
    named_graphs: list[str] = field(default_factory=list)
    format: str | None = None


async def read_request(request: Request) -> SparqlRequest:
    """The query of a GET or POST request; refuses updates, SERVICE and oversized texts."""
    params = list(request.query_params.multi_items())
    if request.method == "POST":
        media = request.headers.get("content-type", "").split(";")[0].strip().lower()
        body = await _body(request)
        if media == FORM:
            params += parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True)
        elif media == QUERY_BODY:
            params.append(("query", body.decode("utf-8", "replace")))
        elif media == UPDATE_BODY:
            raise ProtocolError(403, UPDATE_REFUSED)
        else:
            raise ProtocolError(415, f"POST a query as {FORM} or {QUERY_BODY}, not {shorten(media or 'no type')}")
    values: dict[str, list[str]] = {}
    for name, value in params:
        values.setdefault(name, []).append(value)
    if "update" in values:
        raise ProtocolError(403, UPDATE_REFUSED)
    queries = values.get("query", [])
    if len(queries) != 1 or not queries[0].strip():
        raise ProtocolError(400, "give one query: ?query=… or a POST of query=… or of application/sparql-query")
    text = queries[0]
    if len(text.encode("utf-8")) > MAX_QUERY_BYTES:
        raise ProtocolError(413, "query text over 1 MiB, the limit")
    if query_form(text) in UPDATE_KEYWORDS:
        raise ProtocolError(403, UPDATE_REFUSED)
    if service_iris(text):
        raise ProtocolError(403, SERVICE_REFUSED)
    return SparqlRequest(text, values.get("default-graph-uri", []), values.get("named-graph-uri", []),
                         ",".join(values.get("format", [])) or None)


async def _body(request: Request) -> bytes:
    """The request's body, refused with 413 once it passes 1 MiB and a little."""
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_QUERY_BYTES * 4:      # a form percent-encodes: up to three bytes a byte
            raise ProtocolError(413, "query text over 1 MiB, the limit")
        chunks.append(chunk)
    return b"".join(chunks)


def negotiate(form: str, requested: str | None, accept: str | None) -> str:
    """The format name to answer a query of ``form`` (``SELECT``…) in: the first of the
    ``format`` parameter's names that fits, else the best of the ``Accept`` header (a name
    this endpoint does not know is passed over), else JSON or Turtle."""
    formats = GRAPH_FORMATS if form in ("CONSTRUCT", "DESCRIBE") else RESULT_FORMATS
    default = next(iter(formats))
    if requested:      # a name or media type, or several, comma-separated (as SPARQLWrapper sends them)
        names = [ALIASES.get(part.strip().lower(), part.strip().lower()) for part in requested.split(",")]
        fitting = [name for name in names if name in formats]
        if fitting:
            return fitting[0]
        if any(name in RESULT_FORMATS or name in GRAPH_FORMATS for name in names):
            raise ProtocolError(406, f"format {shorten(requested)!r} does not fit a {form or 'query'}; "
                                     f"use one of {', '.join(formats)}")
    ranked = sorted(_accepted(accept or "*/*"), key=lambda item: -item[1])
    for media, quality in ranked:
        if quality <= 0:
            continue
        if media in ("*/*", "application/*", "text/*"):
            return default
        name = ALIASES.get(media)
        if name in formats:
            return name
    raise ProtocolError(406, f"none of the accepted types fits a {form or 'query'}: "
                             + ", ".join(media for media, _ in formats.values()))


def _accepted(header: str) -> list[tuple[str, float]]:
    """``Accept`` as (media type, quality) pairs, in the order given."""
    out = []
    for part in header.split(","):
        media, *options = (piece.strip() for piece in part.split(";"))
        quality = 1.0
        for option in options:
            key, _, value = option.partition("=")
            if key.strip() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if media:
            out.append((media.lower(), quality))
    return out


def media_type(name: str) -> str:
    """The ``Content-Type`` of the format ``name``."""
    media = {**RESULT_FORMATS, **GRAPH_FORMATS}[name][0]
    return media if media.startswith("application/") and media.endswith("json") else media + "; charset=utf-8"


def answer(open_store: Callable[[], KGStore], request: SparqlRequest, fmt: str, timeout: float | None,
           cancel: threading.Event | None = None) -> bytes:
    """The query's result in the format ``fmt``, run in a child process stopped after
    ``timeout`` seconds (None or 0: no limit) or once ``cancel`` is set (the server
    stopping).  A failure is a :class:`ProtocolError`."""

    def work(store: KGStore, sink) -> None:
        try:
            results = store.query(request.text, default_graphs=request.default_graphs,
                                  named_graphs=request.named_graphs)
            if isinstance(results, ox.QueryTriples):
                ox.serialize(results, sink, GRAPH_FORMATS[fmt][1], prefixes=PREFIXES)
            else:
                results.serialize(sink, RESULT_FORMATS[fmt][1])
        except (OSError, RuntimeError, ValueError) as exc:
            raise query_failure(request.text, exc) from None

    out = io.BytesIO()
    try:
        run_stoppable(open_store, work, out, timeout, cancel)
    except QueryTimeout:
        raise ProtocolError(503, f"query stopped after {timeout:g} s, the server's time limit (kg serve --timeout)") \
            from None
    except StoreError as exc:
        raise ProtocolError(500, str(exc)) from None
    except (QueryError, KGError) as exc:
        raise ProtocolError(400, str(exc)) from None
    return out.getvalue()


__all__ = ["GRAPH_FORMATS", "ProtocolError", "RESULT_FORMATS", "SparqlRequest", "answer", "media_type", "negotiate",
           "read_request"]
