"""What the bundled queries read instead of joining (kg/rows.py): each statement's kg:row, an
article's kg:countRow and an event's kg:parties, written into the article's own graph.  They
must say what the graph itself says, and go and come with their article."""
from __future__ import annotations

import dataclasses
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import GAZETTEER, cli, fixture_extractions, load_fixture

from kg import rows
from kg.errors import QueryError
from kg.model import Article, EntityRef, Extraction, Sentence, Statement
from kg.output import rows_of
from kg.queries import bundled, run
from kg.rdf import article_iri, extraction_quads
from kg.store import KGStore
from kg.terms import GAZETTEER_GRAPH, KG

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

#: Each statement's fields as its graph (and the gazetteer's, for a name the article does not
#: give) says them, read the long way: the row's fields must be these.
FIELDS = """
SELECT ?row ?p ?sl ?ol ?cl ?t ?pll ?m ?byl ?items ?article ?pub ?evidence WHERE {
  GRAPH ?g { ?st kg:row ?row ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kg:modality ?m ;
                 prov:wasDerivedFrom ?sentence . ?sentence kg:text ?evidence . ?g dcterms:identifier ?article }
  OPTIONAL { GRAPH ?g { ?g schema:datePublished ?pub } }
  OPTIONAL { GRAPH ?g { ?st kg:time ?t } }
  OPTIONAL { GRAPH ?g { ?s rdfs:label ?sl_ } } OPTIONAL { GRAPH #GAZETTEER# { ?s rdfs:label ?sl__ } }
  OPTIONAL { GRAPH ?g { ?o rdfs:label ?ol_ } } OPTIONAL { GRAPH #GAZETTEER# { ?o rdfs:label ?ol__ } }
  OPTIONAL { GRAPH ?g { ?o kg:concerns ?c } OPTIONAL { GRAPH ?g { ?c rdfs:label ?cl_ } }
             OPTIONAL { GRAPH #GAZETTEER# { ?c rdfs:label ?cl__ } } }
  OPTIONAL { GRAPH ?g { ?st kg:place ?pl } OPTIONAL { GRAPH ?g { ?pl rdfs:label ?pl_ } }
             OPTIONAL { GRAPH #GAZETTEER# { ?pl rdfs:label ?pl__ } } }
  OPTIONAL { GRAPH ?g { ?st kg:attributedTo ?by } OPTIONAL { GRAPH ?g { ?by rdfs:label ?by_ } }
             OPTIONAL { GRAPH #GAZETTEER# { ?by rdfs:label ?by__ } } }
  OPTIONAL { SELECT ?st (GROUP_CONCAT(?item; separator=", ") AS ?items) WHERE {
    { SELECT DISTINCT ?st ?item WHERE { GRAPH ?gi { ?st kg:item ?i . ?i rdfs:label ?item } } ORDER BY ?item } }
    GROUP BY ?st }
  BIND(COALESCE(?sl_, ?sl__) AS ?sl) BIND(COALESCE(?ol_, ?ol__) AS ?ol) BIND(COALESCE(?cl_, ?cl__) AS ?cl)
  BIND(COALESCE(?pl_, ?pl__) AS ?pll) BIND(COALESCE(?by_, ?by__) AS ?byl)
}
""".replace("#GAZETTEER#", f"<{GAZETTEER_GRAPH}>")
COUNTS = """
SELECT ?row ?article ?pub ?m (COUNT(DISTINCT ?st) AS ?n) WHERE {
  GRAPH ?g { ?g kg:countRow ?row ; dcterms:identifier ?article . ?st kg:modality ?m }
  OPTIONAL { GRAPH ?g { ?g schema:datePublished ?pub } }
} GROUP BY ?row ?article ?pub ?m
"""


def _value(term) -> str:
    return "" if term is None else term.value.split("#")[-1] if term.value.startswith(KG.iri) else term.value


def assert_rows_say_what_the_graph_says(store: KGStore) -> int:
    found = list(store.query(FIELDS))
    for r in found:
        fields = [_value(r[v]) for v in ("p", "sl", "ol", "cl", "t", "pll", "m", "byl", "items", "article", "pub")]
        assert r["row"].value == rows.line(fields, last=r["evidence"].value)
    assert len(found) == len(list(store.query("SELECT ?st WHERE { ?st a kg:Statement }")))
    counted = [r for r in store.query(COUNTS) if r["row"].value.split("\t")[2] == _value(r["m"])]
    for r in counted:
        assert r["row"].value == rows.line((r["article"].value, _value(r["pub"]), _value(r["m"])), r["n"].value)
    assert len(counted) == len(list(store.query("SELECT ?row WHERE { ?a kg:countRow ?row }")))
    return len(found)


def test_the_fixtures_rows_say_what_its_graph_says():
    assert assert_rows_say_what_the_graph_says(load_fixture(KGStore.open(None))) == 11


def test_the_seeds_rows_say_what_their_graph_says(tmp_path):
    assert cli("--store", tmp_path / "store", "build", "-q", SEEDS).exit_code == 0
    with KGStore.open(tmp_path / "store", read_only=True) as store:
        assert assert_rows_say_what_the_graph_says(store) == 43


def _article_rows(extraction: Extraction) -> dict[str, list[str]]:
    quads = extraction_quads(extraction, gazetteer=GAZETTEER)
    out: dict[str, list[str]] = {}
    for quad in quads:
        if quad.predicate.value in (KG.row, KG.countRow, KG.parties):
            out.setdefault(quad.predicate.value.split("#")[1], []).append(quad.object.value)
    return {key: sorted(values) for key, values in out.items()}


def test_a_row_holds_names_time_place_source_items_article_date_and_evidence():
    a1 = _article_rows(fixture_extractions()[0])
    assert "supplies\tRussland\tNordkorea\t\t\t\tdenied\tKreml\tTechnologie\ta1\t2024-06\tDer Kreml dementierte dies." \
        in a1["row"]
    assert "vetoed\tRussland\tResolution zu Nordkorea\tNordkorea\t2024-03\t\tasserted\t\t\ta1\t2024-06\t" \
           "Russland legte Ende März ein Veto gegen die Resolution zu Nordkorea ein." in a1["row"]
    assert "signedTreatyWith\tWladimir Putin\tKim Jong Un\t\t2024-06\tPjöngjang\tasserted\t\t\ta1\t2024-06\t" \
           "Putin unterzeichnete in Pjöngjang mit Kim Jong Un einen Vertrag." in a1["row"]
    assert a1["countRow"] == ["a1\t2024-06\talleged\t1", "a1\t2024-06\tasserted\t6", "a1\t2024-06\tdenied\t1"]
    b2 = _article_rows(fixture_extractions()[1])
    assert b2["row"] == ["visited\tWladimir Putin\tNordkorea\t\t\t\tplanned\t\t\tb2\t\t"
                         "Eine Reise Putins nach Nordkorea steht noch aus."]


def test_parties_are_the_concerned_actor_for_a_veto_and_alphabetical_for_a_symmetric_relation():
    a1 = _article_rows(fixture_extractions()[0])
    assert "Russland | Nordkorea" in a1["parties"]              # vetoed: the measure concerns Nordkorea
    assert "Kim Jong Un | Wladimir Putin" in a1["parties"]      # signedTreatyWith is symmetric
    assert "Wladimir Putin | Pjöngjang" in a1["parties"]        # visited is not
    assert "Nordkorea | Russland" in a1["parties"] and "Russland | Nordkorea" in a1["parties"]   # supplies, both ways


def _one(statement: Statement, sentence: str = "Satz.", entities=(), **article) -> Extraction:
    return Extraction(Article("x9", sentence, 0, **article), (Sentence(0, sentence, 0, len(sentence)),),
                      (statement,), tuple(entities))


def test_a_name_the_article_gives_wins_and_a_name_nobody_gives_is_an_empty_field():
    st = Statement("metWith", "putin", "entity:x-y", "asserted", 0, "traf", 0, attributed_to="kremlin")
    own = EntityRef("putin", "Putin (im Artikel)", "Person")
    got = _article_rows(_one(st, entities=[own]))
    assert got["row"] == ["metWith\tPutin (im Artikel)\t\t\t\t\tasserted\tKreml\t\tx9\t\tSatz."]
    assert "parties" not in got                                  # one of the two has no name


def test_tabs_and_line_breaks_are_spaces_but_in_the_evidence():
    sentence = "Er sagte:\tPutin traf\nKim."
    st = Statement("metWith", "putin", "entity:a", "asserted", 0, "traf", 0)
    got = _article_rows(_one(st, sentence, [EntityRef("entity:a", "Kim\tJong\nUn", "Person")], date="2024-06"))
    assert got["row"] == [f"metWith\tWladimir Putin\tKim Jong Un\t\t\t\tasserted\t\t\tx9\t2024-06\t{sentence}"]
    assert rows.field("a\r\nb") == "a  b" and rows.field(None) == ""


def test_a_count_row_counts_distinct_statements():
    article = Article("a b", "x", 0)
    assert rows.count_rows(article, [("s1", "asserted"), ("s1", "asserted"), ("s2", "denied")]) == [
        "a b\t\tasserted\t1", "a b\t\tdenied\t1"]


# ------------------------------------------------------------------ with their article
def _rows(store: KGStore, name: str) -> list[list[str]]:
    return rows_of(run(store, bundled()[name], {"entity": "Putin"} if bundled()[name].params else {}))[1]


def test_the_rows_follow_their_article_when_it_is_rebuilt_or_removed():
    store = load_fixture(KGStore.open(None))
    c3 = fixture_extractions()[2]
    fewer = dataclasses.replace(c3, statements=c3.statements[:1])          # c3 rebuilt: its visit is gone
    store.replace_graph(article_iri("c3"), extraction_quads(fewer, gazetteer=GAZETTEER))
    assert ["c3", "2024-07-15", "negated", "1"] not in _rows(store, "statements-per-article")
    assert [r[0] for r in _rows(store, "visits")] == ["Wladimir Putin", "Wladimir Putin"]
    assert ["visited", "Kim Jong Un | Sotschi", "undated", "1", "1", "negated 1", ""] not in _rows(store, "events")
    store.remove_graph(article_iri("c3"))                                   # c3 removed
    assert [r[0] for r in _rows(store, "statements-per-article")] == ["a1"] * 3 + ["b2"]
    assert _rows(store, "events")[0] == ["supplies", "Russland | Nordkorea", "undated", "1", "2",
                                         "alleged 1, denied 1", "Kreml, der Westen"]
    assert [r[7] for r in _rows(store, "contested-claims")] == ["denied", "alleged"]      # no report left


@pytest.mark.parametrize("name", sorted(bundled()))
def test_every_bundled_query_gives_the_same_rows_whatever_order_its_store_got_the_quads_in(name):
    """The rows travel with the article graphs: the quads loaded into another store, in the
    order the first one lists them, give the same rows, in the same order (a source list in
    the order the store found the names broke this: events and contested-claims sort them)."""
    store = load_fixture(KGStore.open(None))
    copy = KGStore.open(None)
    copy.add_quads(list(store._store.quads_for_pattern(None, None, None, None)))
    assert _rows(copy, name) == _rows(store, name)


def test_a_store_built_before_the_rows_says_to_build_again():
    store = load_fixture(KGStore.open(None))
    for quad in list(store._store.quads_for_pattern(None, ox.NamedNode(KG.row), None, None)):
        store._store.remove(quad)
    with pytest.raises(QueryError, match=r"^query visits reads the statements' rows \(kg:row\), which store "
                                         r"\(in memory\) was built without; run 'kg build' on its articles again$"):
        _rows(store, "visits")
    assert _rows(KGStore.open(None), "visits") == []                   # no statements: nothing is missing
