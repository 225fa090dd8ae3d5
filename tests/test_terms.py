"""kg.terms against ontology/newskg.ttl, both ways: one place declares every kg: term."""
from __future__ import annotations

import ast
import os
import tomllib
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kg.cuedata import relation_declarations
from kg.resources import ontology_dir
from kg.terms import (
    KG, MODALITIES, ONTOLOGY_GRAPH, PREFIXES, RELATIONS, SCORED_RELATIONS, SYMMETRIC_RELATIONS,
)

TTL = ontology_dir() / "newskg.ttl"
SCHEMA = "http://schema.org/"
PROV = "http://www.w3.org/ns/prov#"
XSD = "http://www.w3.org/2001/XMLSchema#"  # a string: rdflib's closed XSD namespace warns under pytest

CLASSES = {
    "Actor", "Person", "State", "Organization", "Group", "Place", "Measure", "Item",
    "Statement", "Sentence", "Modality", "Event",
}
SCORER = Path(os.environ.get("KG_SHARED_DIR", Path(__file__).resolve().parents[2] / "shared")) / "eval" / "score.py"
OBJECT_PROPERTIES = set(RELATIONS) | {
    "modality", "attributedTo", "item", "place", "contradicts", "concerns", "leaderOf", "memberOf", "event",
}
DATATYPE_PROPERTIES = {
    "time", "confidence", "trigger", "cue", "text", "startChar", "endChar", "contentHash", "extractor",
    "sourcePath", "labelKey", "altLabelKey", "row", "countRow", "parties",
}


def kg(name: str) -> URIRef:
    return URIRef(KG[name])


def local(iri) -> str:
    return str(iri)[len(KG.iri):]


@pytest.fixture(scope="module")
def graph() -> Graph:
    return Graph().parse(TTL, format="turtle")


def kg_iris(graph: Graph) -> tuple[set[str], set[str]]:
    """Local names of kg: IRIs used as subjects, and anywhere at all."""
    subjects = {local(s) for s in graph.subjects() if isinstance(s, URIRef) and str(s).startswith(KG.iri)}
    everywhere = {
        local(t) for triple in graph for t in triple if isinstance(t, URIRef) and str(t).startswith(KG.iri)
    }
    return subjects, everywhere


# ---------------------------------------------------------------- both ways


def test_every_declared_term_is_in_the_ontology_and_back(graph):
    subjects, everywhere = kg_iris(graph)
    assert subjects == set(KG.names), "kg: subjects of newskg.ttl differ from kg.terms.KG"
    assert everywhere <= set(KG.names), "newskg.ttl uses kg: IRIs it does not declare"


def test_the_kinds_partition_the_vocabulary():
    kinds = [CLASSES, OBJECT_PROPERTIES, DATATYPE_PROPERTIES, set(MODALITIES)]
    assert sum(len(k) for k in kinds) == len(KG.names)
    assert set().union(*kinds) == set(KG.names)


@pytest.mark.parametrize("name", sorted(CLASSES))
def test_classes_are_owl_classes(graph, name):
    assert (kg(name), RDF.type, OWL.Class) in graph


@pytest.mark.parametrize("name", sorted(OBJECT_PROPERTIES))
def test_object_properties(graph, name):
    assert (kg(name), RDF.type, OWL.ObjectProperty) in graph
    assert (kg(name), RDF.type, OWL.DatatypeProperty) not in graph


@pytest.mark.parametrize("name", sorted(DATATYPE_PROPERTIES))
def test_datatype_properties(graph, name):
    assert (kg(name), RDF.type, OWL.DatatypeProperty) in graph
    assert (kg(name), RDF.type, OWL.ObjectProperty) not in graph


@pytest.mark.parametrize("name", sorted(KG.names))
def test_every_term_has_one_label_per_language_and_an_english_comment(graph, name):
    labels = [x for x in graph.objects(kg(name), RDFS.label) if isinstance(x, Literal)]
    assert sorted(label.language for label in labels) == ["de", "en"], name
    assert all(str(label).strip() for label in labels), name
    comments = {c.language for c in graph.objects(kg(name), RDFS.comment) if isinstance(c, Literal)}
    assert "en" in comments, name


@pytest.mark.parametrize("name", sorted(RELATIONS))
def test_relations_say_in_german_what_they_mean_with_cues_and_an_example(graph, name):
    german = [str(c) for c in graph.objects(kg(name), RDFS.comment) if getattr(c, "language", None) == "de"]
    assert len(german) == 1 and "Signalwörter:" in german[0], name
    examples = [x for x in graph.objects(kg(name), SKOS.example) if getattr(x, "language", None) == "de"]
    assert examples, name


def test_symmetric_relations_match(graph):
    symmetric = {local(s) for s in graph.subjects(RDF.type, OWL.SymmetricProperty)}
    assert symmetric == set(SYMMETRIC_RELATIONS)


def test_modality_individuals_match(graph):
    individuals = {local(s) for s in graph.subjects(RDF.type, kg("Modality"))}
    assert individuals == set(MODALITIES)
    assert all((kg(m), RDF.type, OWL.NamedIndividual) in graph for m in MODALITIES)
    (one_of,) = graph.objects(kg("Modality"), OWL.oneOf)
    assert [local(x) for x in Collection(graph, one_of)] == list(MODALITIES)


def test_every_relation_in_the_cue_data_is_a_declared_relation():
    cues = tomllib.loads((ontology_dir() / "cues.toml").read_text(encoding="utf-8"))
    assert set(cues["relations"]) == set(RELATIONS) == set(relation_declarations())


@pytest.mark.skipif(not SCORER.exists(), reason=f"no scorer at {SCORER}")
def test_the_scored_relations_are_the_scorers():
    tree = ast.parse(SCORER.read_text(encoding="utf-8"))
    (scored,) = [ast.literal_eval(node.value) for node in tree.body if isinstance(node, ast.Assign)
                 and any(getattr(t, "id", None) == "SCORED" for t in node.targets)]
    assert set(SCORED_RELATIONS) == scored


# ---------------------------------------------------------------- shape of the ontology


def test_actor_hierarchy_and_alignments(graph):
    for name in ("Person", "State", "Organization", "Group"):
        assert (kg(name), RDFS.subClassOf, kg("Actor")) in graph, name
    assert (kg("Actor"), RDFS.subClassOf, URIRef(PROV + "Agent")) in graph
    assert (kg("Person"), RDFS.subClassOf, URIRef(SCHEMA + "Person")) in graph
    assert (kg("Place"), RDFS.subClassOf, URIRef(SCHEMA + "Place")) in graph
    assert (kg("Statement"), RDFS.subClassOf, RDF.Statement) in graph


def union_members(graph: Graph, node) -> set[str]:
    assert isinstance(node, BNode)
    (members,) = graph.objects(node, OWL.unionOf)
    return {local(x) for x in Collection(graph, members)}


def test_domains_and_ranges(graph):
    for name, decl in relation_declarations().items():
        assert (kg(name), RDFS.domain, kg("Actor")) in graph, name
        (range_,) = graph.objects(kg(name), RDFS.range)
        if decl.object == "measure":
            assert range_ == kg("Measure"), name
        elif decl.object == "place_or_state":
            assert union_members(graph, range_) == {"Place", "State"}, name
        else:
            assert range_ == kg("Actor"), name
    assert (kg("modality"), RDFS.range, kg("Modality")) in graph
    assert (kg("confidence"), RDFS.range, URIRef(XSD + "decimal")) in graph
    assert (kg("concerns"), RDFS.domain, kg("Measure")) in graph
    (time_range,) = graph.objects(kg("time"), RDFS.range)
    (members,) = graph.objects(time_range, OWL.unionOf)
    assert set(Collection(graph, members)) == {URIRef(XSD + t) for t in ("gYear", "gYearMonth", "date")}


def test_the_ontology_has_its_iri_and_every_term_points_to_it(graph):
    ontology = URIRef(ONTOLOGY_GRAPH)
    assert (ontology, RDF.type, OWL.Ontology) in graph
    assert all((kg(name), RDFS.isDefinedBy, ontology) in graph for name in KG.names)


# ---------------------------------------------------------------- the vocabulary module


def test_misspelled_term_fails_loudly():
    with pytest.raises(AttributeError, match="kg:suplies is not a declared term"):
        KG.suplies  # noqa: B018
    with pytest.raises(AttributeError):
        KG["Statment"]
    with pytest.raises(AttributeError):
        KG._names_typo  # noqa: B018
    assert KG.supplies == "https://w3id.org/newskg/ontology#supplies"
    assert KG.supplies in KG and "https://w3id.org/newskg/ontology#nope" not in KG


def test_prefix_table_has_the_contract_namespaces():
    assert PREFIXES["kg"] == KG.iri == "https://w3id.org/newskg/ontology#"
    assert PREFIXES["res"] == "https://w3id.org/newskg/resource/"
    assert PREFIXES["wd"] == "http://www.wikidata.org/entity/"
    assert PREFIXES["schema"] == "http://schema.org/"


# ---------------------------------------------------------------- both parsers


def test_pyoxigraph_reads_the_same_triples_as_rdflib(graph):
    triples = list(ox.parse(path=str(TTL), format=ox.RdfFormat.TURTLE))
    assert len(triples) == len(graph)
    by_oxigraph = {
        (t.subject.value, t.predicate.value, t.object.value)
        for t in triples if not isinstance(t.subject, ox.BlankNode) and not isinstance(t.object, ox.BlankNode)
    }
    by_rdflib = {
        (str(s), str(p), str(o)) for s, p, o in graph if not isinstance(s, BNode) and not isinstance(o, BNode)
    }
    assert by_oxigraph == by_rdflib


def test_the_store_loads_the_ontology_into_its_own_graph():
    from kg.rdf import ontology_quads

    quads = ontology_quads()
    store = ox.Store()
    store.extend(quads)
    assert {q.graph_name for q in quads} == {ox.NamedNode(ONTOLOGY_GRAPH)}
    ask = store.query(
        "ASK { GRAPH ?g { kg:metWith a owl:SymmetricProperty ; rdfs:label ?l FILTER(lang(?l) = 'de') } }",
        prefixes=PREFIXES,
    )
    assert bool(ask)


# ---------------------------------------------------------------- the documentation


def test_the_readme_table_lists_every_term_with_its_german_label(graph):
    rows = {}
    for line in (ontology_dir() / "README.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[0].startswith("`kg:"):
            rows[cells[0].strip("`")[3:]] = cells[2]
    assert set(rows) == set(KG.names)
    for name, german in rows.items():
        (label,) = [x for x in graph.objects(kg(name), RDFS.label) if x.language == "de"]
        assert german == str(label), name
