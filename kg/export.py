"""Export: the whole store as RDF text, sorted, so the same store always gives the same bytes.

Turtle and N-Triples cannot hold named graphs: they get the union of all graphs (each
triple once).  TriG and N-Quads keep every graph.  A file is replaced only once it is
completely written (:mod:`kg.outfile`).
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from kg.errors import StoreError
from kg.outfile import output_file
from kg.terms import PREFIXES

EXPORT_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "ntriples": ox.RdfFormat.N_TRIPLES,
}
#: Formats that cannot hold named graphs: they get the union of all graphs.
GRAPHLESS_FORMATS = frozenset({"turtle", "ntriples"})
#: Formats that can use the prefix table.
PREFIXED_FORMATS = frozenset({"turtle", "trig"})


def write_export(quads: Iterable[ox.Quad], fmt: str, out: BinaryIO | Path | str) -> None:
    """Write ``quads`` (a store's) in ``fmt`` to a binary stream or a file path."""
    try:
        rdf_format = EXPORT_FORMATS[fmt]
    except KeyError:
        raise StoreError(f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}") from None
    if fmt in GRAPHLESS_FORMATS:
        data = sorted({ox.Triple(q.subject, q.predicate, q.object) for q in quads}, key=_triple_key)
    else:
        data = sorted(quads, key=_quad_key)
    options = {"prefixes": PREFIXES} if fmt in PREFIXED_FORMATS else {}
    if not isinstance(out, (str, Path)):
        ox.serialize(data, out, rdf_format, **options)
        return
    with output_file(out) as stream:
        ox.serialize(data, stream, rdf_format, **options)


def _term_key(term) -> tuple[int, str]:
    return (0 if isinstance(term, ox.NamedNode) else 1 if isinstance(term, ox.BlankNode) else 2, str(term))


def _triple_key(t: ox.Triple):
    return (_term_key(t.subject), t.predicate.value, _term_key(t.object))


def _quad_key(q: ox.Quad):
    graph = "" if isinstance(q.graph_name, ox.DefaultGraph) else str(q.graph_name)
    return (graph, _term_key(q.subject), q.predicate.value, _term_key(q.object))
