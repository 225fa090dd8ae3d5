"""Every IRI the project uses, declared once.

Terms are plain strings so that importing this module costs nothing; ``kg.rdf``
is the only module that turns them into RDF terms.  A misspelled term raises
``AttributeError`` at once instead of minting a silent new IRI, and
``tests/test_terms.py`` checks the ``KG`` terms against ``ontology/`` both ways.

The relations are not listed here: each is declared once, in ``ontology/cues.toml``
(:mod:`kg.cuedata`), and read from there when first needed (``KG``'s relation names,
:data:`RELATIONS`, :data:`SCORED_RELATIONS`, :data:`SYMMETRIC_RELATIONS`).
"""
from __future__ import annotations

from typing import Callable, Iterable

from kg.cuedata import relation_declarations


class Vocabulary:
    """A closed set of terms under one namespace IRI."""

    def __init__(self, prefix: str, iri: str, names: str, more: Callable[[], Iterable[str]] | None = None):
        self._prefix = prefix
        self._iri = iri
        self._fixed = frozenset(names.split())
        self._more = more           # names read from data when first needed
        self._all: frozenset[str] | None = None

    @property
    def _names(self) -> frozenset[str]:
        if self._all is None:
            self._all = self._fixed | frozenset(self._more() if self._more else ())
        return self._all

    @property
    def iri(self) -> str:
        return self._iri

    @property
    def names(self) -> frozenset[str]:
        return self._names

    def __getattr__(self, name: str) -> str:
        if name.startswith("_") or name not in self._names:
            raise AttributeError(f"{self._prefix}:{name} is not a declared term")
        return self._iri + name

    def __getitem__(self, name: str) -> str:
        return self.__getattr__(name)

    def __contains__(self, iri: str) -> bool:
        return iri.startswith(self._iri) and iri[len(self._iri):] in self._names


KG = Vocabulary(
    "kg",
    "https://w3id.org/newskg/ontology#",
    """
    Actor Person State Organization Group Place Measure Item Statement Sentence Modality Event
    modality attributedTo item place time confidence trigger cue contradicts event
    text startChar endChar concerns leaderOf memberOf labelKey altLabelKey contentHash extractor sourcePath
    row countRow parties
    asserted reported alleged denied planned negated
    """,
    more=lambda: relation_declarations(),
)

RDF = Vocabulary(
    "rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "type Statement subject predicate object"
)
RDFS = Vocabulary("rdfs", "http://www.w3.org/2000/01/rdf-schema#", "label comment subClassOf")
SKOS = Vocabulary("skos", "http://www.w3.org/2004/02/skos/core#", "altLabel prefLabel")
OWL = Vocabulary("owl", "http://www.w3.org/2002/07/owl#", "sameAs")
PROV = Vocabulary("prov", "http://www.w3.org/ns/prov#", "wasDerivedFrom")
DCTERMS = Vocabulary("dcterms", "http://purl.org/dc/terms/", "identifier title source")
SCHEMA = Vocabulary("schema", "http://schema.org/", "NewsArticle isPartOf datePublished publisher")
XSD = Vocabulary(
    "xsd", "http://www.w3.org/2001/XMLSchema#", "string integer decimal date gYear gYearMonth"
)
WD = "http://www.wikidata.org/entity/"

#: Default base for minted resources (entities, articles, sentences, statements).
RES = "https://w3id.org/newskg/resource/"

#: Named graphs that are not articles.
ONTOLOGY_GRAPH = "https://w3id.org/newskg/ontology"
GAZETTEER_GRAPH = RES + "graph/gazetteer"

MODALITIES = ("asserted", "reported", "alleged", "denied", "planned", "negated")
#: Modalities under which a statement also becomes a plain triple.
FACTUAL_MODALITIES = frozenset({"asserted", "reported"})

#: One prefix table for Turtle/TriG output and for the bundled queries.
PREFIXES = {
    "kg": KG.iri,
    "res": RES,
    "entity": RES + "entity/",
    "article": RES + "article/",
    "sentence": RES + "sentence/",
    "statement": RES + "statement/",
    "item": RES + "item/",
    "measure": RES + "measure/",
    "rdf": RDF.iri,
    "rdfs": RDFS.iri,
    "skos": SKOS.iri,
    "owl": OWL.iri,
    "prov": PROV.iri,
    "dcterms": DCTERMS.iri,
    "schema": SCHEMA.iri,
    "xsd": XSD.iri,
    "wd": WD,
}


def __getattr__(name: str):
    """``RELATIONS`` (every relation's name), ``SCORED_RELATIONS`` (those the scorer counts) and
    ``SYMMETRIC_RELATIONS``, as ``ontology/cues.toml`` declares them, in its order."""
    if name not in ("RELATIONS", "SCORED_RELATIONS", "SYMMETRIC_RELATIONS"):
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    decls = relation_declarations()
    if name == "RELATIONS":
        return tuple(decls)
    if name == "SCORED_RELATIONS":
        return tuple(n for n, d in decls.items() if d.scored)
    return frozenset(n for n, d in decls.items() if d.symmetric)


def sparql_prefixes() -> str:
    """The PREFIX lines for every namespace in :data:`PREFIXES`."""
    return "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in PREFIXES.items())
