"""kg.rdf: the graph follows ../shared/RDF-CONTRACT.md.

Statements are reified with modality and evidence; only asserted and reported
statements also become plain triples; everything of an article lives in its
named graph.
"""
from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.gazetteer import load_gazetteer
from kg.model import Article, EntityRef, Extraction, Sentence, Statement, fold, slug
from kg.rdf import article_iri, entity_iri, extraction_quads, gazetteer_quads, statement_iri
from kg.terms import GAZETTEER_GRAPH, KG, MODALITIES, RDFS, SKOS, sparql_prefixes

TEXT = "Nordkorea liefert Raketen an Russland."


def extraction(modality: str) -> Extraction:
    article = Article(identifier="a1", text=TEXT, body_start=0, date="2024-06", publisher="dpa")
    statement = Statement(
        relation="supplies", subject="north_korea", object="russia", modality=modality,
        sentence=0, trigger="liefert", trigger_char=10, attributed_to="white_house",
        items=("item:rakete",), place="pyongyang", time="2023", confidence=0.85, cue="soll",
    )
    return Extraction(
        article=article,
        sentences=(Sentence(0, TEXT, 0, len(TEXT)),),
        statements=(statement,),
        entities=(EntityRef("item:rakete", "Rakete", "Item", ("Raketen",)),
                  EntityRef("north_korea", "Nordkorea", "State", ("Nordkorea",), in_gazetteer=True)),
    )


def store_of(quads) -> ox.Store:
    store = ox.Store()
    store.extend(quads)
    return store


def ask(store: ox.Store, query: str) -> bool:
    return bool(store.query(sparql_prefixes() + query, use_default_graph_as_union=True))


@pytest.mark.parametrize("modality", MODALITIES)
def test_plain_triple_only_for_asserted_and_reported(modality):
    store = store_of(extraction_quads(extraction(modality)))
    plain = ask(store, f"ASK {{ <{entity_iri('north_korea')}> kg:supplies <{entity_iri('russia')}> }}")
    assert plain == (modality in {"asserted", "reported"})
    assert ask(store, f"ASK {{ ?s a rdf:Statement, kg:Statement ; kg:modality kg:{modality} }}")


def test_statement_shape_follows_the_contract():
    store = store_of(extraction_quads(extraction("reported")))
    st = f"<{statement_iri('a1', extraction('reported').statements[0])}>"
    rows = list(store.query(sparql_prefixes() + f"""
        SELECT ?p ?o WHERE {{ {st} ?p ?o }} ORDER BY ?p ?o""", use_default_graph_as_union=True))
    props = {row["p"].value.rsplit("#", 1)[-1].rsplit("/", 1)[-1] for row in rows}
    assert {"type", "subject", "predicate", "object", "modality", "attributedTo", "item", "place",
            "time", "confidence", "wasDerivedFrom", "trigger", "cue"} <= props
    assert ask(store, f"""ASK {{ {st} prov:wasDerivedFrom ?s . ?s a kg:Sentence ; kg:text "{TEXT}" ;
        kg:startChar 0 ; kg:endChar {len(TEXT)} ; schema:isPartOf ?a .
        ?a a schema:NewsArticle ; dcterms:identifier "a1" ; schema:datePublished "2024-06"^^xsd:gYearMonth ;
           schema:publisher "dpa" }}""")
    assert ask(store, f'ASK {{ {st} kg:time "2023"^^xsd:gYear ; kg:confidence 0.85 }}')


def test_everything_of_an_article_is_in_its_named_graph():
    quads = extraction_quads(extraction("asserted"))
    assert {q.graph_name.value for q in quads} == {article_iri("a1")}


def test_minted_items_carry_class_and_label_gazetteer_entities_only_surface_forms():
    store = store_of(extraction_quads(extraction("asserted")))
    assert ask(store, '''ASK { <https://w3id.org/newskg/resource/item/rakete> a kg:Item ;
        rdfs:label "Rakete"@de ; skos:altLabel "Raketen"@de }''')
    assert not ask(store, f"ASK {{ <{entity_iri('north_korea')}> rdfs:label ?l }}")


def test_gazetteer_graph_has_labels_wikidata_and_roles():
    store = store_of(gazetteer_quads(load_gazetteer()))
    putin = f"<{entity_iri('putin')}>"
    assert ask(store, f"""ASK {{ GRAPH <{GAZETTEER_GRAPH}> {{ {putin} a kg:Person ;
        rdfs:label "Wladimir Putin"@de ; owl:sameAs wd:Q7747 ; kg:leaderOf <{entity_iri('russia')}> }} }}""")
    assert ask(store, f"ASK {{ <{entity_iri('lavrov')}> kg:memberOf <{entity_iri('russia')}> }}")


def test_identifiers_with_odd_characters_make_valid_iris():
    assert article_iri("a b/ä") == "https://w3id.org/newskg/resource/article/a%20b%2F%C3%A4"
    assert entity_iri("measure:x-1") == "https://w3id.org/newskg/resource/measure/x-1"
    assert entity_iri("north_korea") == "https://w3id.org/newskg/resource/entity/north-korea"


def test_one_event_for_a_claim_its_denial_and_the_same_fact_elsewhere():
    from kg.rdf import event_iri

    assert event_iri("metWith", "putin", "kim_jong_un", "2023-09") == event_iri("metWith", "kim_jong_un", "putin", "2023")
    assert event_iri("supplies", "russia", "north_korea", None).endswith("/event/supplies/russia/north-korea/undated")
    assert event_iri("supplies", "russia", "north_korea", "2023") != event_iri("supplies", "north_korea", "russia", "2023")
    claim, denial = extraction("alleged"), extraction("denied")
    store = store_of(extraction_quads(claim) + extraction_quads(denial))
    rows = list(store.query(sparql_prefixes() + "SELECT DISTINCT ?e WHERE { ?st kg:event ?e . ?e a kg:Event }",
                            use_default_graph_as_union=True))
    assert len(rows) == 1


def keys_of(quads) -> set[tuple[str, str, str]]:
    """(entity, property, key) of every name key among ``quads``."""
    return {(q.subject.value.split("resource/")[-1], q.predicate.value.split("#")[-1], q.object.value)
            for q in quads if q.predicate.value in {KG.labelKey, KG.altLabelKey}}


def test_every_name_in_an_article_graph_has_its_folded_key_beside_it():
    article = Article(identifier="a1", text=TEXT, body_start=0)
    quads = extraction_quads(Extraction(article, (), (), entities=(
        EntityRef("item:rakete", "Rakete", "Item", ("Raketen", "Rakete")),
        EntityRef("measure:a1-1", "Resolution zu Nordkorea", "Measure", concerns="north_korea"),
        # a gazetteer entity: its label is in the gazetteer graph, only its forms here
        EntityRef("kim_jong_un", "Kim Jong Un", "Person", ("Kim Jong Un", "Kim Jong-un", "KIM  JONG UN"),
                  in_gazetteer=True),
        EntityRef("north_korea", "Nordkorea", "State", ("Nordkorea",), in_gazetteer=True),
    )))
    assert keys_of(quads) == {
        ("item/rakete", "labelKey", "rakete"),
        ("item/rakete", "altLabelKey", "raketen"),
        ("measure/a1-1", "labelKey", "resolution zu nordkorea"),
        ("entity/kim-jong-un", "altLabelKey", "kim jong un"),   # both forms fold to one key
    }
    assert {q.graph_name.value for q in quads} == {article_iri("a1")}


def test_every_name_in_the_gazetteer_graph_has_its_folded_key_beside_it():
    quads = gazetteer_quads(load_gazetteer())
    names = {(q.subject.value.split("resource/")[-1], q.predicate.value, fold(q.object.value)) for q in quads
             if q.predicate.value in {RDFS.label, SKOS.altLabel}}
    name_of = {RDFS.label: "labelKey", SKOS.altLabel: "altLabelKey"}
    assert keys_of(quads) == {(e, name_of[p], key) for e, p, key in names}
    assert {("entity/putin", "labelKey", "wladimir putin"), ("entity/putin", "altLabelKey", "putin"),
            ("entity/pyongyang", "labelKey", "pjongjang")} <= keys_of(quads)
    assert {q.graph_name.value for q in quads} == {GAZETTEER_GRAPH}


@pytest.mark.parametrize(("name", "key"), [
    ("Jonas Gahr Støre", "jonas-gahr-stoere"), ("Czesław Kiszczak", "czeslaw-kiszczak"),
    ("Faruk Kaymakcı", "faruk-kaymakci"), ("Ægir Ørsted", "aegir-oersted"), ("Đoković", "dokovic"),
    ("Þórdís Gylfadóttir", "thordis-gylfadottir"), ("Jürgen Groß", "juergen-gross"), ("François Hollande", "francois-hollande"),
    ("Œuvre", "oeuvre"), ("„Zitat“ – 2024!", "zitat-2024"), ("…", "x"),
])
def test_slugs_keep_every_letter_of_a_name(name, key):
    assert slug(name) == key
