"""The store: opening (in use, read-only, missing), graph replacement, read-only
queries with predeclared prefixes, syntax errors that say where, and export."""
from __future__ import annotations

import io
import re

import pyoxigraph as ox
import pytest
from conftest import store_held_by_another_process

from kg.errors import KGError, QueryError, StoreError
from kg.store import KGStore, is_update
from kg.terms import GAZETTEER_GRAPH, ONTOLOGY_GRAPH

E = "https://w3id.org/newskg/resource/entity/"
A = "https://w3id.org/newskg/resource/article/"
KG = "https://w3id.org/newskg/ontology#"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"


def quad(s: str, p: str, o, graph: str) -> ox.Quad:
    obj = o if isinstance(o, ox.Literal) else ox.NamedNode(o)
    return ox.Quad(ox.NamedNode(s), ox.NamedNode(p), obj, ox.NamedNode(graph))


def russland(graph: str) -> ox.Quad:
    return quad(E + "russia", LABEL, ox.Literal("Russland", language="de"), graph)


@pytest.fixture
def small() -> KGStore:
    """Two article graphs that share one triple (Russia's label)."""
    store = KGStore.open(None)
    store.replace_graph(A + "one", [quad(E + "russia", KG + "supplies", E + "north-korea", A + "one"),
                                    russland(A + "one")])
    store.replace_graph(A + "two", [russland(A + "two"), quad(E + "putin", KG + "visited", E + "russia", A + "two")])
    return store


def graph_of(store: KGStore, graph: str) -> set[str]:
    return {str(q) for q in store._store.quads_for_pattern(None, None, None, ox.NamedNode(graph))}


def select(store: KGStore, sparql: str, **subs) -> list[tuple]:
    return [tuple(t.value if t is not None else None for t in row) for row in store.query(sparql, subs)]


# ------------------------------------------------------------------ writing
def test_replace_graph_replaces_that_graph_only(small):
    new = [quad(E + "china", KG + "supplies", E + "russia", A + "one")]
    small.replace_graph(A + "one", new)
    assert graph_of(small, A + "one") == {str(new[0])}
    assert len(graph_of(small, A + "two")) == 2
    assert small.named_graphs() == [A + "one", A + "two"]


def test_replace_graph_with_nothing_drops_it(small):
    small.replace_graph(A + "one", [])
    assert small.named_graphs() == [A + "two"]


def test_a_failed_replacement_leaves_the_old_graph(small):
    before = graph_of(small, A + "one")

    def quads_then_failure():
        yield quad(E + "china", KG + "supplies", E + "russia", A + "one")
        raise RuntimeError("extraction broke half-way")

    with pytest.raises(RuntimeError):
        small.replace_graph(A + "one", quads_then_failure())
    assert graph_of(small, A + "one") == before
    with pytest.raises(ValueError, match="does not belong to graph"):
        small.replace_graph(A + "one", [russland(A + "two")])
    assert graph_of(small, A + "one") == before


def test_a_new_graph_that_fails_half_way_is_not_written(small):
    def quads_then_failure():
        yield quad(E + "china", KG + "supplies", E + "russia", A + "three")
        raise RuntimeError("extraction broke half-way")

    with pytest.raises(RuntimeError):
        small.replace_graph(A + "three", quads_then_failure())
    with pytest.raises(ValueError, match="does not belong to graph"):
        small.replace_graph(A + "three", [quad(E + "x", LABEL, ox.Literal("x"), A + "three"), russland(A + "two")])
    assert small.named_graphs() == [A + "one", A + "two"] and len(graph_of(small, A + "two")) == 2


@pytest.mark.parametrize("existing", [False, True])
def test_a_new_graph_and_a_replaced_one_hold_the_same(existing):
    store = KGStore.open(None)
    if existing:
        store.replace_graph(A + "one", [quad(E + "old", LABEL, ox.Literal("alt"), A + "one")])
    text = 'Er sagte: "Nein"\n\tund ging. \\ Ü'
    quads = [quad(E + "x", LABEL, ox.Literal(text, language="de"), A + "one"), russland(A + "one")]
    store.replace_graph(A + "one", quads)
    assert graph_of(store, A + "one") == {str(q) for q in quads}


def test_replacement_keeps_odd_literals_intact(small):
    text = 'Er sagte: "Nein"\n\tund ging. \\ Ü'
    small.replace_graph(A + "one", [quad(E + "x", LABEL, ox.Literal(text), A + "one")])
    assert select(small, "SELECT ?l WHERE { entity:x rdfs:label ?l }") == [(text,)]


def test_replace_static_writes_both_graphs():
    store = KGStore.open(None)
    store.replace_static([quad(KG + "supplies", LABEL, ox.Literal("supplies"), ONTOLOGY_GRAPH)],
                         [russland(GAZETTEER_GRAPH)])
    store.replace_static([], [russland(GAZETTEER_GRAPH)])
    assert store.named_graphs() == [GAZETTEER_GRAPH]


def test_replace_static_leaves_a_graph_that_holds_the_same_quads(monkeypatch):
    store = KGStore.open(None)
    onto = [quad(KG + "supplies", LABEL, ox.Literal("supplies"), ONTOLOGY_GRAPH)]
    store.replace_static(onto, [russland(GAZETTEER_GRAPH)])
    written = []
    original = store._replace
    monkeypatch.setattr(store, "_replace", lambda graphs: written.append(sorted(graphs)) or original(graphs))
    store.replace_static(onto, [russland(GAZETTEER_GRAPH)])
    assert written == []
    store.replace_static(onto + [quad(KG + "vetoed", LABEL, ox.Literal("vetoed"), ONTOLOGY_GRAPH)],
                         [russland(GAZETTEER_GRAPH)])
    assert written == [[ONTOLOGY_GRAPH]] and len(store) == 3


def test_articles(store):
    got = [(a.identifier, a.iri, a.date, a.publisher, a.statements) for a in store.articles()]
    assert got == [
        ("a1", A + "a1", "2024-06", "dpa", 8),
        ("b2", A + "b2", None, None, 1),
        ("c3", A + "c3", "2024-07-15", "AFP", 2),
    ]


# ------------------------------------------------------------------ opening
def test_on_disk_store_round_trip(tmp_path):
    path = tmp_path / "kg-store"
    with KGStore.open(path) as store:
        store.replace_graph(A + "one", [russland(A + "one")])
    with KGStore.open(path, read_only=True) as store:
        assert len(store) == 1
        with pytest.raises(StoreError, match=f"^store {path} is open read-only$"):
            store.replace_graph(A + "one", [])


def test_read_only_open_of_a_missing_store_creates_nothing(tmp_path):
    path = tmp_path / "nowhere"
    with pytest.raises(StoreError, match=f"^no store at {path}; run 'kg build' first$"):
        KGStore.open(path, read_only=True)
    assert not path.exists()


def test_a_folder_that_is_not_a_store_is_not_written(tmp_path):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(StoreError, match="is not a store and not empty"):
        KGStore.open(tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]
    with pytest.raises(StoreError, match="is a file, not a store folder"):
        KGStore.open(tmp_path / "notes.txt")


def test_store_in_use_by_another_process(tmp_path):
    path = tmp_path / "kg-store"
    with KGStore.open(path) as store:
        store.replace_graph(A + "one", [russland(A + "one")])
    with store_held_by_another_process(path):
        with pytest.raises(StoreError) as caught:
            KGStore.open(path)
        assert str(caught.value) == f"store {path} is in use by another process"
        # the holder is bare pyoxigraph, without newskg's lock and writing nothing: a reader may open
        with KGStore.open(path, read_only=True) as reader:
            assert len(reader) == 1
    KGStore.open(path).close()


# ------------------------------------------------------------------ querying
def test_queries_see_the_union_with_predeclared_prefixes(small):
    rows = select(small, "SELECT ?s ?o WHERE { ?s kg:supplies|kg:visited ?o } ORDER BY ?s")
    assert rows == [(E + "putin", E + "russia"), (E + "russia", E + "north-korea")]


def test_a_query_may_declare_its_own_prefixes(small):
    rows = select(small, "PREFIX kg: <https://w3id.org/newskg/resource/entity/>\n"
                         "SELECT ?o WHERE { kg:putin ?p ?o }")
    assert rows == [(E + "russia",)]


def test_substitutions_bind_selected_variables(small):
    rows = select(small, "SELECT ?s ?o WHERE { ?s kg:supplies ?o }", s=ox.NamedNode(E + "russia"))
    assert rows == [(E + "russia", E + "north-korea")]
    with pytest.raises(QueryError) as caught:
        small.query("SELECT ?o WHERE { ?s kg:supplies ?o }", {"s": ox.NamedNode(E + "russia")})
    assert str(caught.value) == "the query does not select ?s, so it cannot be given as a parameter"


@pytest.mark.parametrize("update", [
    "INSERT DATA { <a:b> <a:b> <a:b> }",
    "insert data { <a:b> <a:b> <a:b> }",
    "PREFIX kg: <https://w3id.org/newskg/ontology#>\nDELETE WHERE { ?s kg:supplies ?o }",
    "# remove everything\nBASE <http://x/>\n  # really\nCLEAR ALL",
    "DELETE WHERE { ?s ?p ?o }",
    "DROP GRAPH <https://w3id.org/newskg/resource/article/one>",
    "LOAD <http://example.org/data.ttl>",
    "CREATE GRAPH <a:g>",
    "WITH <a:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "COPY DEFAULT TO <a:g>",
    "INSERT DATA { <a:b> <a:b> <a:b> ",  # broken, but still an update: refused as one
])
def test_updates_are_refused(small, update):
    before = len(small)
    with pytest.raises(QueryError) as caught:
        small.query(update)
    assert str(caught.value) == "update queries are not allowed: kg query is read-only"
    assert len(small) == before


@pytest.mark.parametrize(("text", "update"), [
    ("PREFIX x: <http://a#b>\nSELECT * WHERE { ?s ?p ?o ", False),
    ("# INSERT is only a comment\nSELECT ?x WHERE { ?x ?y }", False),
    ("SELECT ?insert WHERE {", False),
    ("PREFIX insert: <a:>\nDELETE DATA {}", True),
])
def test_is_update(text, update):
    assert is_update(text) is update


@pytest.mark.parametrize(("sparql", "message"), [
    ("SELECT ?x WHERE { ?x ?y }", "SPARQL syntax error at 1:26: expected one of LATERAL, SERVICE, [_]"),
    ("SELECT ?x\nWHERE {\n  ?x ?y\n}", "SPARQL syntax error at 4:2: expected one of LATERAL, SERVICE, [_]"),
    ('SELECT ?x WHERE { ?x rdfs:label "Pjöngjang" . ?x ?y }',
     "SPARQL syntax error at 1:54: expected one of LATERAL, SERVICE, [_]"),
    ("SELECT ?x WHERE {\n  ?x foo:bar ?y }", "SPARQL syntax error at 2:13: unknown prefix 'foo:'"),
    ("SELEKT ?x WHERE { ?x ?y ?z }",
     "SPARQL syntax error at 1:1: a query starts with SELECT, CONSTRUCT, ASK or DESCRIBE"),
    ("PREFIX a: <http://a#>\n  SELEKT ?x WHERE { ?x ?y ?z }",
     "SPARQL syntax error at 2:3: a query starts with SELECT, CONSTRUCT, ASK or DESCRIBE"),
    ("SELECT ?x WHERE { ?x ?y ?z . FILTER(?x = ) }",
     "SPARQL syntax error at 1:45: expected one of ABS, AVG, DAY, IRI, MAX, MD5, MIN, NOT, NOW, PREDICATE, STR, "
     "STRBEFORE, STRSTARTS, SUM, URI, [_], isLITERAL, isNUMERIC"),
])
def test_syntax_errors_say_where_in_the_users_text(small, sparql, message):
    with pytest.raises(QueryError) as caught:
        small.query(sparql)
    assert str(caught.value) == message


# ------------------------------------------------------------------ export
def exported(store: KGStore, fmt: str) -> str:
    out = io.BytesIO()
    store.export(fmt, out)
    text = out.getvalue().decode("utf-8")
    return "\n".join(line for line in text.splitlines() if not line.startswith("@prefix")) + "\n"


def test_export_turtle_and_ntriples_hold_the_union_once(small):
    assert exported(small, "turtle") == (
        "entity:putin kg:visited entity:russia .\n"
        'entity:russia rdfs:label "Russland"@de ;\n'
        "\tkg:supplies entity:north-korea .\n"
    )
    assert exported(small, "ntriples") == (
        f"<{E}putin> <{KG}visited> <{E}russia> .\n"
        f'<{E}russia> <{LABEL}> "Russland"@de .\n'
        f"<{E}russia> <{KG}supplies> <{E}north-korea> .\n"
    )


def test_export_trig_and_nquads_keep_the_graphs(small):
    assert exported(small, "trig") == (
        "article:one {\n"
        '\tentity:russia rdfs:label "Russland"@de ;\n'
        "\t\tkg:supplies entity:north-korea .\n"
        "}\n"
        "article:two {\n"
        "\tentity:putin kg:visited entity:russia .\n"
        '\tentity:russia rdfs:label "Russland"@de .\n'
        "}\n"
    )
    assert exported(small, "nquads") == (
        f'<{E}russia> <{LABEL}> "Russland"@de <{A}one> .\n'
        f"<{E}russia> <{KG}supplies> <{E}north-korea> <{A}one> .\n"
        f"<{E}putin> <{KG}visited> <{E}russia> <{A}two> .\n"
        f'<{E}russia> <{LABEL}> "Russland"@de <{A}two> .\n'
    )


def test_export_declares_the_project_prefixes(small):
    out = io.BytesIO()
    small.export("turtle", out)
    assert "@prefix kg: <https://w3id.org/newskg/ontology#> .\n" in out.getvalue().decode()


def test_export_is_deterministic_and_parses_back(store, tmp_path):
    first, second = tmp_path / "1.trig", tmp_path / "2.trig"
    store.export("trig", first)
    store.export("trig", second)
    assert first.read_bytes() == second.read_bytes()
    again = ox.Store()
    again.load(path=str(first), format=ox.RdfFormat.TRIG)
    assert len(again) == len(store)


def test_export_to_a_file_it_cannot_write(small, tmp_path):
    with pytest.raises(KGError, match=r"^cannot write .*/no/such/dir.ttl: No such file or directory$"):
        small.export("turtle", tmp_path / "no" / "such" / "dir.ttl")
    with pytest.raises(StoreError, match="unknown export format 'n3'"):
        small.export("n3", io.BytesIO())


def test_an_exported_file_gets_the_usual_permissions(small, tmp_path):
    import os

    umask = os.umask(0)
    os.umask(umask)
    target = tmp_path / "graph.ttl"
    small.export("turtle", target)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]   # no temporary file left


def _without_blank_ids(quads: set[str]) -> set[str]:
    return {re.sub(r"_:\w+", "_:b", q) for q in quads}


@pytest.mark.parametrize("held", [False, True])
def test_a_graph_from_nquads_bytes_is_what_replace_graph_makes(small, held):
    graph = A + "one" if held else A + "three"
    integer = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
    quads = [quad(E + "putin", KG + "visited", E + "north-korea", graph),
             quad(E + "putin", LABEL, ox.Literal('Wladimir "W." Putin\n <x> .', language="de"), graph),
             ox.Quad(ox.BlankNode("b1"), ox.NamedNode(KG + "item"), ox.Literal("3", datatype=integer),
                     ox.NamedNode(graph))]
    expected = KGStore.open(None)
    expected.replace_graph(graph, quads)
    other = graph_of(small, A + "two")
    small.replace_graph_nquads(graph, ox.serialize(quads, format=ox.RdfFormat.N_QUADS))
    assert _without_blank_ids(graph_of(small, graph)) == _without_blank_ids(graph_of(expected, graph))
    assert len(graph_of(small, graph)) == 3 and graph_of(small, A + "two") == other


def test_nquads_bytes_with_a_quad_of_another_graph_are_refused_whole(small):
    data = ox.serialize([russland(A + "one"), russland(A + "two")], format=ox.RdfFormat.N_QUADS)
    before = graph_of(small, A + "one")
    with pytest.raises(ValueError, match="is not in it"):
        small.replace_graph_nquads(A + "one", data)
    assert graph_of(small, A + "one") == before
