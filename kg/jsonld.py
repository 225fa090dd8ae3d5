"""JSON-LD export, compacted with the project's published context, ``ontology/context.jsonld``.

The context maps the project's prefixes (``kg:``, ``entity:``, ``article:`` …, as
:data:`kg.terms.PREFIXES`) and names every property of the ontology by its local name
(``"supplies": "kg:supplies"``; ``kg:item`` stays so, ``item:`` being a prefix), and a few
of the W3C vocabularies' (``label``,
``altLabel``, ``sameAs``, ``wasDerivedFrom`` …).  No term coerces its values, so a value
always says what it is: ``{"@id": "entity:putin"}``, a plain string, or ``{"@value": …,
"@language"|"@type": …}``; the document reads back to exactly the quads exported.

The document embeds the context (readers need no network), and is written as it goes, one
node a line: ``{"@context": …, "@graph": [{"@id": GRAPH, "@graph": [NODE, …]}, …]}``, one
entry per named graph (an article, the ontology, the gazetteer) and the default graph's
nodes, if any, at the top.  ``python -m kg.jsonld`` prints the context the ontology implies
(``tests/test_export_formats.py`` checks the published file against it).
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from itertools import groupby
from typing import BinaryIO

import pyoxigraph as ox

from kg.resources import ontology_dir
from kg.terms import KG, PREFIXES

CONTEXT_FILE = "context.jsonld"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
#: Properties of other vocabularies named by a term of their own.
OTHER_TERMS = {
    "label": "rdfs:label", "comment": "rdfs:comment", "altLabel": "skos:altLabel", "sameAs": "owl:sameAs",
    "wasDerivedFrom": "prov:wasDerivedFrom", "identifier": "dcterms:identifier", "title": "dcterms:title",
    "isPartOf": "schema:isPartOf", "datePublished": "schema:datePublished", "publisher": "schema:publisher",
    "subject": "rdf:subject", "predicate": "rdf:predicate", "object": "rdf:object",
}


def implied_context() -> dict:
    """The context the ontology implies: the prefixes, then a term for every property of
    ``ontology/newskg.ttl`` (and :data:`OTHER_TERMS`)."""
    properties = set()
    kinds = {"http://www.w3.org/2002/07/owl#ObjectProperty", "http://www.w3.org/2002/07/owl#DatatypeProperty",
             "http://www.w3.org/1999/02/22-rdf-syntax-ns#Property"}
    for t in ox.parse(path=str(ontology_dir() / "newskg.ttl"), format=ox.RdfFormat.TURTLE):
        if t.predicate.value == RDF_TYPE and t.object.value in kinds and t.subject.value.startswith(KG.iri):
            properties.add(t.subject.value[len(KG.iri):])
    terms = {name: f"kg:{name}" for name in sorted(properties) if name not in PREFIXES}
    terms.update((name, iri) for name, iri in sorted(OTHER_TERMS.items()) if name not in terms)
    return {"@context": {**PREFIXES, **terms}}


def published_context() -> dict:
    """The context as published in ``ontology/context.jsonld``."""
    return json.loads((ontology_dir() / CONTEXT_FILE).read_text(encoding="utf-8"))


class _Compactor:
    """IRIs as the context names them: a term, else a prefixed name (the longest prefix)."""

    def __init__(self, context: dict):
        self.terms = {}
        self.prefixes = sorted(((iri, name) for name, iri in context.items()
                                if isinstance(iri, str) and iri.endswith(("/", "#"))), key=lambda p: -len(p[0]))
        for name, value in context.items():
            if isinstance(value, str) and not value.endswith(("/", "#")):
                self.terms[self.expand(value)] = name

    def expand(self, value: str) -> str:
        prefix, sep, local = value.partition(":")
        namespace = dict((n, i) for i, n in self.prefixes).get(prefix)
        return namespace + local if sep and namespace else value

    def iri(self, iri: str) -> str:
        for namespace, name in self.prefixes:
            if iri.startswith(namespace) and len(iri) > len(namespace):
                return f"{name}:{iri[len(namespace):]}"
        return iri

    def key(self, iri: str) -> str:
        return self.terms.get(iri) or self.iri(iri)

    def value(self, term) -> object:
        if isinstance(term, ox.NamedNode):
            return {"@id": self.iri(term.value)}
        if isinstance(term, ox.BlankNode):
            return {"@id": f"_:{term.value}"}
        if term.language:
            return {"@value": term.value, "@language": term.language}
        if term.datatype.value == XSD_STRING:
            return term.value
        return {"@value": term.value, "@type": self.iri(term.datatype.value)}

    def node(self, subject, quads: list) -> dict:
        out: dict = {"@id": self.value(subject)["@id"]}
        for quad in quads:
            if quad.predicate.value == RDF_TYPE and not isinstance(quad.object, ox.Literal):
                out.setdefault("@type", []).append(self.value(quad.object)["@id"])
            else:
                out.setdefault(self.key(quad.predicate.value), []).append(self.value(quad.object))
        return out


def write_jsonld(quads: Iterable[ox.Quad], out: BinaryIO, context: dict | None = None) -> None:
    """Quads (sorted by graph, then subject) as one JSON-LD document, written as it goes."""
    context = context or published_context()
    compact = _Compactor(context["@context"])
    out.write(b'{"@context": ' + json.dumps(context["@context"], ensure_ascii=False).encode("utf-8")
              + b',\n "@graph": [')
    first_graph = True
    for graph, in_graph in groupby(quads, key=lambda q: q.graph_name):
        nodes = (compact.node(s, list(qs)) for s, qs in groupby(in_graph, key=lambda q: q.subject))
        named = not isinstance(graph, ox.DefaultGraph)
        lines = [json.dumps(n, ensure_ascii=False) for n in nodes]
        if named:
            head = json.dumps({"@id": compact.iri(graph.value)}, ensure_ascii=False)[:-1] + ', "@graph": [\n  '
            text = head + ",\n  ".join(lines) + "]}"
        else:
            text = ",\n  ".join(lines)
        out.write((("" if first_graph else ",") + "\n  " + text).encode("utf-8"))
        first_graph = False
    out.write(b"\n]}\n")


if __name__ == "__main__":
    print(json.dumps(implied_context(), ensure_ascii=False, indent=2))
