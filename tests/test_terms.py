"""kg.terms against ontology/newskg.ttl, both ways: one place declares every kg: term."""
from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from kg.resources import ontology_dir
from kg.terms import KG, MODALITIES, PREFIXES, SYMMETRIC_RELATIONS

TTL = ontology_dir() / "newskg.ttl"


@pytest.fixture(scope="module")
def graph() -> Graph:
    return Graph().parse(TTL, format="turtle")


def kg_subjects(graph: Graph) -> set[str]:
    return {str(s)[len(KG.iri):] for s in graph.subjects() if isinstance(s, URIRef) and str(s).startswith(KG.iri)}


def test_every_declared_term_is_in_the_ontology_and_back(graph):
    assert kg_subjects(graph) == set(KG.names)


@pytest.mark.parametrize("name", sorted(KG.names))
def test_every_term_has_a_type_and_labels_in_german_and_english(graph, name):
    term = URIRef(KG[name])
    types = set(graph.objects(term, RDF.type))
    assert types & {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, URIRef(KG.Modality)}, name
    languages = {label.language for label in graph.objects(term, RDFS.label) if isinstance(label, Literal)}
    assert {"de", "en"} <= languages, name
    assert any(True for _ in graph.objects(term, RDFS.comment)), name


def test_symmetric_relations_and_modalities_match(graph):
    symmetric = {str(s)[len(KG.iri):] for s in graph.subjects(RDF.type, OWL.SymmetricProperty)}
    assert symmetric == set(SYMMETRIC_RELATIONS)
    modalities = {str(s)[len(KG.iri):] for s in graph.subjects(RDF.type, URIRef(KG.Modality))}
    assert modalities == set(MODALITIES)


def test_misspelled_term_fails_loudly():
    with pytest.raises(AttributeError, match="kg:suplies is not a declared term"):
        KG.suplies  # noqa: B018
    assert KG.supplies == "https://w3id.org/newskg/ontology#supplies"
    assert KG.supplies in KG and "https://w3id.org/newskg/ontology#nope" not in KG


def test_pyoxigraph_reads_the_ontology_too():
    triples = list(ox.parse(path=str(TTL), format=ox.RdfFormat.TURTLE))
    assert len(triples) > 100


def test_prefix_table_has_the_contract_namespaces():
    assert PREFIXES["kg"] == "https://w3id.org/newskg/ontology#"
    assert PREFIXES["res"] == "https://w3id.org/newskg/resource/"
    assert PREFIXES["wd"] == "http://www.wikidata.org/entity/"
    assert PREFIXES["schema"] == "http://schema.org/"
