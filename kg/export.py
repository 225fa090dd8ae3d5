r"""Export: the whole store as RDF text, sorted, so the same store always gives the same bytes.

Turtle, N-Triples and RDF/XML cannot hold named graphs: they get the union of all graphs
(each triple once).  TriG, N-Quads and JSON-LD keep every graph.  A file is replaced only
once it is completely written (:mod:`kg.outfile`).  :func:`format_of` names the format a
file's extension asks for.

Turtle and TriG use the project's prefixes, but a name whose local part would need an escape
(``sentence:a1\/0``: a ``/`` after the prefix, which pyoxigraph escapes) is written as its
full IRI instead (:class:`_PlainLocalNames`), so that no reader meets ``\/``.
"""
from __future__ import annotations

import re
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
    "jsonld": None,                      # kg.jsonld, compacted with ontology/context.jsonld
    "rdfxml": ox.RdfFormat.RDF_XML,
}
#: Formats that cannot hold named graphs: they get the union of all graphs.
GRAPHLESS_FORMATS = frozenset({"turtle", "ntriples", "rdfxml"})
#: Formats that can use the prefix table.
PREFIXED_FORMATS = frozenset({"turtle", "trig", "rdfxml"})
#: The format of a file by its extension (``kg export -o FILE`` without ``--format``).
EXTENSIONS = {".ttl": "turtle", ".trig": "trig", ".nq": "nquads", ".nt": "ntriples", ".jsonld": "jsonld",
              ".rdf": "rdfxml", ".xml": "rdfxml"}


def format_of(path: str | Path) -> str | None:
    """The export format a file name's extension names (``.ttl`` -> ``turtle``); None if none."""
    return EXTENSIONS.get(Path(path).suffix.lower())


def write_export(quads: Iterable[ox.Quad], fmt: str, out: BinaryIO | Path | str) -> None:
    """Write ``quads`` (a store's) in ``fmt`` to a binary stream or a file path."""
    if fmt not in EXPORT_FORMATS:
        raise StoreError(f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")
    if fmt in GRAPHLESS_FORMATS:
        data = sorted({ox.Triple(q.subject, q.predicate, q.object) for q in quads}, key=_triple_key)
    else:
        data = sorted(quads, key=_quad_key)
    if not isinstance(out, (str, Path)):
        _serialize(data, out, fmt)
        return
    with output_file(out) as stream:
        _serialize(data, stream, fmt)


def _serialize(data: list, out: BinaryIO, fmt: str) -> None:
    if fmt == "jsonld":
        from kg.jsonld import write_jsonld

        write_jsonld(data, out)
        return
    options = {"prefixes": PREFIXES} if fmt in PREFIXED_FORMATS else {}
    if fmt in ("turtle", "trig"):
        plain = _PlainLocalNames(out)
        ox.serialize(data, plain, EXPORT_FORMATS[fmt], **options)
        plain.close()
    else:
        ox.serialize(data, out, EXPORT_FORMATS[fmt], **options)


# pyoxigraph's Turtle/TriG: a literal is one line ("…\n…" escaped), so lines can be read alone
_TURTLE_TOKEN = re.compile(rb'"(?:[^"\\]|\\.)*"|<[^>]*>|(?P<pname>[A-Za-z][\w.-]*):(?P<local>(?:\\.|[^\s\\])*)')
_ESCAPE = re.compile(rb"\\(.)")
_PLAIN_LOCAL = re.compile(rb"(?:[\w-]|%[0-9A-Fa-f]{2})(?:[\w.-]|%[0-9A-Fa-f]{2})*(?<!\.)")
_NAMESPACES = {name.encode(): iri.encode() for name, iri in PREFIXES.items()}


class _PlainLocalNames:
    r"""A binary stream that writes pyoxigraph's Turtle or TriG with every prefixed name whose
    local part holds an escape written plainly (``\%`` as ``%``) or, if it cannot be
    (``\/``, ``\(``), as the full IRI; string literals and IRIs pass unchanged."""

    def __init__(self, out: BinaryIO):
        self.out, self.rest = out, b""

    def write(self, data: bytes) -> int:
        lines = (self.rest + bytes(data)).split(b"\n")
        self.rest = lines.pop()
        if lines:
            self.out.write(b"".join(_TURTLE_TOKEN.sub(_plain, line) + b"\n" for line in lines))
        return len(data)

    def flush(self) -> None:
        self.out.flush()

    def close(self) -> None:
        self.out.write(_TURTLE_TOKEN.sub(_plain, self.rest))
        self.rest = b""


def _plain(match: re.Match) -> bytes:
    local = match.group("local")
    if local is None or b"\\" not in local or match.group("pname") not in _NAMESPACES:
        return match.group()
    unescaped = _ESCAPE.sub(rb"\1", local)
    if _PLAIN_LOCAL.fullmatch(unescaped):
        return match.group("pname") + b":" + unescaped
    return b"<" + _NAMESPACES[match.group("pname")] + unescaped + b">"


def _term_key(term) -> tuple[int, str]:
    return (0 if isinstance(term, ox.NamedNode) else 1 if isinstance(term, ox.BlankNode) else 2, str(term))


def _triple_key(t: ox.Triple):
    return (_term_key(t.subject), t.predicate.value, _term_key(t.object))


def _quad_key(q: ox.Quad):
    graph = "" if isinstance(q.graph_name, ox.DefaultGraph) else str(q.graph_name)
    return (graph, _term_key(q.subject), q.predicate.value, _term_key(q.object))
