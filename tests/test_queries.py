"""Every bundled query, run on the fixture graph (tests/conftest.py), with its exact
result; naming queries and binding parameters; entity names; the writers; the
summary and an entity's page."""
from __future__ import annotations

import io
import json

import pyoxigraph as ox
import pytest

from conftest import GAZETTEER

from kg.errors import InputError, NotFoundError, QueryError
from kg.gazetteer import Entry, Gazetteer
from kg.model import Article, EntityRef, Extraction, Sentence, Statement
from kg.output import entity_text, render_results, rows_of, summary_text, table
from kg.queries import bind, bundled, resolve, run
from kg.rdf import article_iri, extraction_quads, gazetteer_quads
from kg.store import KGStore
from kg.summary import ALT_LABEL_KEY, LABEL_KEY, NAMES, resolve_entity, show, summary
from kg.terms import KG

PUTIN = "https://w3id.org/newskg/resource/entity/putin"
TREATY = "Putin unterzeichnete in Pjöngjang mit Kim Jong Un einen Vertrag."
MET = "Putin traf Lukaschenko im September 2023 in Sotschi."
RAKETEN = "Nordkorea liefert Raketen an Russland."
TECH = "Westliche Staaten verdächtigen Moskau, Technologien an Pjöngjang weiterzureichen."
DENIAL = "Der Kreml dementierte dies."
VETO = "Russland legte Ende März ein Veto gegen die Resolution zu Nordkorea ein."
SANCTIONS = "Der Westen hat Sanktionen gegen Russland verhängt."
TRIP = "Eine Reise Putins nach Nordkorea steht noch aus."
LUKA = "Lukaschenko sagte, Russland liefere Raketen an Nordkorea."
NO_VISIT = "Kim Jong Un besuchte Sotschi nicht."

EXPECTED = {
    "who-supplies-whom": [
        ["Nordkorea", "Russland", "Rakete", "asserted", "", "a1", RAKETEN],
        ["Russland", "Nordkorea", "Technologie", "alleged", "der Westen", "a1", TECH],
        ["Russland", "Nordkorea", "Technologie", "denied", "Kreml", "a1", DENIAL],
        ["Russland", "Nordkorea", "Rakete", "reported", "Alexander Lukaschenko", "c3", LUKA],
    ],
    "who-vetoed-what": [
        ["Russland", "Resolution zu Nordkorea", "Nordkorea", "2024-03", "asserted", "a1", VETO],
    ],
    "visits": [
        ["Kim Jong Un", "Sotschi", "", "negated", "c3", NO_VISIT],
        ["Wladimir Putin", "Nordkorea", "", "planned", "b2", TRIP],
        ["Wladimir Putin", "Pjöngjang", "2024-06", "asserted", "a1", TREATY],
    ],
    "treaties": [
        ["Wladimir Putin", "Kim Jong Un", "Pjöngjang", "2024-06", "asserted", "a1", TREATY],
    ],
    "meetings": [
        ["Wladimir Putin", "Alexander Lukaschenko", "Sotschi", "2023-09", "asserted", "a1", MET],
    ],
    "sanctions": [
        ["der Westen", "Russland", "", "asserted", "a1", SANCTIONS],
    ],
    # one row per claim event and modality and opposing event and modality, with articles and sources
    "contested-claims": [
        ["Russland", "supplies", "Nordkorea", "undated", "alleged", "1", "der Westen", "denied", "undated", "1", "Kreml"],
        ["Russland", "supplies", "Nordkorea", "undated", "denied", "1", "Kreml", "alleged", "undated", "1",
         "der Westen"],
        ["Russland", "supplies", "Nordkorea", "undated", "denied", "1", "Kreml", "reported", "undated", "1",
         "Alexander Lukaschenko"],
    ],
    "entity-timeline": [  # --param entity=Putin
        ["entity:putin", "2023-09", "Wladimir Putin", "metWith", "Alexander Lukaschenko", "Sotschi", "",
         "asserted", "a1", MET],
        ["entity:putin", "2024-06", "Wladimir Putin", "signedTreatyWith", "Kim Jong Un", "Pjöngjang", "",
         "asserted", "a1", TREATY],
        ["entity:putin", "2024-06", "Wladimir Putin", "visited", "Pjöngjang", "", "", "asserted", "a1", TREATY],
        ["entity:putin", "", "Wladimir Putin", "visited", "Nordkorea", "", "", "planned", "b2", TRIP],
    ],
    # one row per event: the alleged claim and its denial in a1 and the report in c3 are one event
    "events": [
        ["supplies", "Russland | Nordkorea", "undated", "2", "3", "reported 1, alleged 1, denied 1",
         "Alexander Lukaschenko, Kreml, der Westen"],
        ["imposedSanctionsOn", "der Westen | Russland", "undated", "1", "1", "asserted 1", ""],
        ["metWith", "Alexander Lukaschenko | Wladimir Putin", "2023", "1", "1", "asserted 1", ""],
        ["signedTreatyWith", "Kim Jong Un | Wladimir Putin", "2024", "1", "1", "asserted 1", ""],
        ["supplies", "Nordkorea | Russland", "undated", "1", "1", "asserted 1", ""],
        ["vetoed", "Russland | Nordkorea", "2024", "1", "1", "asserted 1", ""],
        ["visited", "Kim Jong Un | Sotschi", "undated", "1", "1", "negated 1", ""],
        ["visited", "Wladimir Putin | Nordkorea", "undated", "1", "1", "planned 1", ""],
        ["visited", "Wladimir Putin | Pjöngjang", "2024", "1", "1", "asserted 1", ""],
    ],
    "statements-per-article": [
        ["a1", "2024-06", "alleged", "1"],
        ["a1", "2024-06", "asserted", "6"],
        ["a1", "2024-06", "denied", "1"],
        ["b2", "", "planned", "1"],
        ["c3", "2024-07-15", "negated", "1"],
        ["c3", "2024-07-15", "reported", "1"],
    ],
}


def rows(store, name: str, **params) -> list[list[str]]:
    return rows_of(run(store, bundled()[name], params))[1]


def test_every_bundled_query_has_a_description_and_a_test():
    queries = bundled()
    assert set(queries) == set(EXPECTED)
    for query in queries.values():
        assert query.text.startswith("# ") and query.description, query.name


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bundled_query_exact_result(store, name):
    params = {"entity": "Putin"} if bundled()[name].params else {}
    assert rows(store, name, **params) == EXPECTED[name]


def test_a_label_repeated_in_two_article_graphs_gives_no_duplicate_rows(store):
    # "Rakete" is described by a1 and by c3; the union graph holds its label twice
    count = store.query('SELECT (COUNT(*) AS ?n) WHERE { item:rakete rdfs:label "Rakete"@de }')
    assert next(iter(count))["n"].value == "2"
    supplies = rows(store, "who-supplies-whom")
    assert len(supplies) == len({tuple(r) for r in supplies}) == 4


def test_entity_timeline_finds_the_entity_as_place_and_as_source(store):
    assert [r[1:5] + r[6:8] for r in rows(store, "entity-timeline", entity="Pjöngjang")] == [
        ["2024-06", "Wladimir Putin", "signedTreatyWith", "Kim Jong Un", "", "asserted"],
        ["2024-06", "Wladimir Putin", "visited", "Pjöngjang", "", "asserted"],
    ]
    assert [r[2:8] for r in rows(store, "entity-timeline", entity="kreml")] == [
        ["Russland", "supplies", "Nordkorea", "", "Kreml", "denied"],
    ]


def _extra_article(store: KGStore, identifier: str, statements: list[Statement], entities=()) -> None:
    sentences = tuple(Sentence(n, f"Satz {n}.", 0, 7) for n in range(len(statements)))
    extraction = Extraction(Article(identifier, "x", 0), sentences, tuple(statements), tuple(entities))
    store.replace_graph(article_iri(identifier), extraction_quads(extraction, gazetteer=GAZETTEER))


def test_contested_claims_match_a_symmetric_relation_either_way_round(store):
    st = lambda s, o, modality, n, who=None: Statement(  # noqa: E731
        "metWith", s, o, modality, n, "traf", n, attributed_to=who)
    _extra_article(store, "d4", [st("putin", "kim_jong_un", "alleged", 0, "west"),
                                 st("kim_jong_un", "putin", "denied", 1, "kremlin")])
    got = [r for r in rows(store, "contested-claims") if r[1] == "metWith"]
    assert got == [
        ["Kim Jong Un", "metWith", "Wladimir Putin", "undated", "denied", "1", "Kreml", "alleged", "undated", "1",
         "der Westen"],
        ["Wladimir Putin", "metWith", "Kim Jong Un", "undated", "alleged", "1", "der Westen", "denied", "undated",
         "1", "Kreml"],
    ]


def test_an_unopposed_claim_has_empty_opposite_columns(store):
    _extra_article(store, "e5", [Statement("vetoed", "russia", "measure:e5-1", "alleged", 0, "Veto", 0)],
                   [EntityRef("measure:e5-1", "Resolution", "Measure")])
    assert [r for r in rows(store, "contested-claims") if r[1] == "vetoed"] == [
        ["Russland", "vetoed", "Resolution", "undated", "alleged", "1", "", "", "", "", ""],
    ]


# ------------------------------------------------------------------ naming and binding
def test_resolve_by_file_and_stdin(tmp_path):
    path = tmp_path / "mine.rq"
    path.write_text("# mine\n# param: who\nSELECT ?who WHERE { ?who ?p ?o } LIMIT 1\n", encoding="utf-8")
    query = resolve(str(path))
    assert (query.name, query.description, query.params) == ("mine", "mine", ("who",))
    assert resolve("-", "ASK { ?s ?p ?o }").text == "ASK { ?s ?p ?o }"


@pytest.mark.parametrize(("content", "message"), [
    (None, "{path}: no such query file"),
    (b"", "{path}: empty query file"),
    (b"# caf\xe9\nSELECT * {}", "{path}: not a UTF-8 text file"),
])
def test_unusable_query_files(tmp_path, content, message):
    path = tmp_path / "q.rq"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(InputError) as caught:
        resolve(str(path))
    assert str(caught.value) == message.format(path=path)


def test_empty_standard_input():
    with pytest.raises(InputError, match="^no query on standard input$"):
        resolve("-", "  \n")


def test_unknown_query_lists_close_names():
    with pytest.raises(NotFoundError) as caught:
        resolve("who-supplys")
    assert str(caught.value) == "unknown query 'who-supplys'; did you mean who-supplies-whom?"
    with pytest.raises(NotFoundError) as caught:
        resolve("zzzz")
    assert str(caught.value) == "unknown query 'zzzz'; see 'kg query --list'"


def test_bind_resolves_declared_params_and_passes_others_as_terms(store, tmp_path):
    query = resolve("entity-timeline")
    assert bind(store, query, {"entity": "PUTIN", "x": "<https://example.org/a>", "y": "text"}) == {
        "entity": ox.NamedNode(PUTIN), "x": ox.NamedNode("https://example.org/a"), "y": ox.Literal("text"),
    }
    with pytest.raises(QueryError, match="^query entity-timeline needs --param entity=NAME$"):
        bind(store, query, {})


def test_a_literal_param_binds_a_selected_variable(store):
    query = resolve("-", 'SELECT ?e ?l WHERE { ?e rdfs:label ?l FILTER(STR(?l) = STR(?name)) }')
    query_with_name = resolve("-", query.text.replace("SELECT ?e ?l", "SELECT ?e ?l ?name"))
    assert rows_of(run(store, query_with_name, {"name": "Sotschi"}))[1] == [["entity:sochi", "Sotschi", "Sotschi"]]
    with pytest.raises(QueryError, match="^the query does not select \\?name, so it cannot be given as a parameter$"):
        run(store, query, {"name": "Sotschi"})


# ------------------------------------------------------------------ entity names
KEYS = frozenset({KG.labelKey, KG.altLabelKey})


def without_keys(store: KGStore, graphs: set[str] | None = None) -> KGStore:
    """The same quads in a new store, less the name keys (of ``graphs``, or of all):
    a store built before kg:labelKey and kg:altLabelKey."""
    data = io.BytesIO()
    store.export("nquads", data)
    old = KGStore.open(None)
    old.add_quads(q for q in ox.parse(data.getvalue(), format=ox.RdfFormat.N_QUADS)
                  if q.predicate.value not in KEYS or (graphs is not None and q.graph_name.value not in graphs))
    return old


@pytest.fixture(params=["keys", "no keys"])
def named(request, store) -> KGStore:
    """The fixture store as built now, and as built before the name keys: same answers."""
    return store if request.param == "keys" else without_keys(store)


@pytest.mark.parametrize(("name", "iri"), [
    ("PUTIN", "entity/putin"),
    ("wladimir  putin", "entity/putin"),
    ("Wladimir-Putin", "entity/putin"),
    ("kim jong-un", "entity/kim-jong-un"),
    ("Kim-Jong-Un", "entity/kim-jong-un"),
    (" KIM JONG UN ", "entity/kim-jong-un"),
    ("Pjongjang", "entity/pyongyang"),
    ("Pjo\u0308ngjang", "entity/pyongyang"),   # ö as o and a combining diaeresis
    ("pyongyang", "entity/pyongyang"),        # a surface form in the gazetteer graph only
    ("Technologien", "item/technologie"),     # a surface form of a minted item
    ("raketen", "item/rakete"),               # … held by two article graphs
    ("RESOLUTION ZU NORDKOREA", "measure/a1-1"),
])
def test_entity_names_resolve_case_accent_and_hyphen_insensitively(named, name, iri):
    assert resolve_entity(named, name).value == "https://w3id.org/newskg/resource/" + iri


def test_unknown_entity_names_suggest_close_ones(named):
    with pytest.raises(NotFoundError) as caught:
        resolve_entity(named, "Putn")
    assert str(caught.value) == "no entity named 'Putn'; did you mean Wladimir Putin?"
    with pytest.raises(NotFoundError) as caught:
        resolve_entity(named, "Nobody")
    assert str(caught.value) == "no entity named 'Nobody'"
    with pytest.raises(NotFoundError, match="^no entity name given$"):
        resolve_entity(named, " - ")


def test_ontology_terms_are_not_entities(named):
    with pytest.raises(NotFoundError):
        resolve_entity(named, "Staat")  # the German label of kg:State


@pytest.mark.parametrize("keys", [True, False])
def test_a_label_wins_over_a_surface_form_and_a_shared_form_is_ambiguous(keys):
    gazetteer = Gazetteer(entries={e.key: e for e in (
        Entry("north_korea", "Nordkorea", "State", forms=("Korea", "Moskaus Partner")),
        Entry("south_korea", "Südkorea", "State", forms=("Korea",)),
        Entry("moscow", "Moskau", "Place"),
        Entry("russia", "Russland", "State", forms=("Moskau",)),
    )}, titles={})
    store = KGStore.open(None)
    store.replace_static([], gazetteer_quads(gazetteer))
    store = store if keys else without_keys(store)
    assert resolve_entity(store, "moskau").value.endswith("/entity/moscow")
    with pytest.raises(NotFoundError) as caught:
        resolve_entity(store, "korea")
    assert str(caught.value) == "'korea' is ambiguous: it may be Nordkorea, Südkorea; give a fuller name"


@pytest.mark.parametrize("keys", [True, False])
def test_two_minted_entities_with_one_label_are_ambiguous(store, keys):
    _extra_article(store, "d4", [], [EntityRef("item:rakete-2", "RAKETE", "Item")])
    store = store if keys else without_keys(store)
    with pytest.raises(NotFoundError) as caught:
        resolve_entity(store, "Rakete")
    assert str(caught.value) == "'Rakete' is ambiguous: it may be RAKETE, Rakete; give a fuller name"


def test_a_known_name_is_looked_up_by_its_key_without_reading_every_name(store, monkeypatch):
    asked = []
    query = store.query
    monkeypatch.setattr(store, "query", lambda sparql, **kw: asked.append(sparql) or query(sparql, **kw))
    assert resolve_entity(store, "Kim Jong-Un").value.endswith("/entity/kim-jong-un")
    assert asked == [LABEL_KEY]
    asked.clear()
    assert resolve_entity(store, "Pyongyang").value.endswith("/entity/pyongyang")
    assert asked == [LABEL_KEY, ALT_LABEL_KEY]
    asked.clear()
    with pytest.raises(NotFoundError):
        resolve_entity(store, "Putn")
    assert asked == [LABEL_KEY, ALT_LABEL_KEY, NAMES]


def test_the_keys_alone_resolve_a_name():
    store = KGStore.open(None)
    store.add_quads([ox.Quad(ox.NamedNode("https://example.org/x"), ox.NamedNode(KG.labelKey),
                             ox.Literal("kim jong un"), ox.NamedNode("https://example.org/g"))])
    assert resolve_entity(store, "Kim-Jong-Un").value == "https://example.org/x"


def test_a_name_only_an_article_graph_built_before_the_keys_holds_is_still_found(store):
    mixed = without_keys(store, graphs={article_iri("a1")})
    assert resolve_entity(mixed, "Technologien").value.endswith("/item/technologie")
    assert resolve_entity(mixed, "Putin").value.endswith("/entity/putin")


# ------------------------------------------------------------------ writers
def test_table_writer():
    assert table(["a", "long name"], [["x", "1"], ["wide value", "2\nlines"]]) == (
        "a           long name\n"
        "----------  ---------\n"
        "x           1\n"
        "wide value  2 lines\n"
    )
    assert table(["a"], []) == "a\n-\n(no results)\n"


def test_result_formats(store):
    sparql = "SELECT ?e ?label WHERE { ?e owl:sameAs wd:Q127359 ; rdfs:label ?label }"
    render = lambda fmt: render_results(store.query(sparql), fmt)  # noqa: E731
    assert render("table") == "e             label\n------------  -------\nentity:sochi  Sotschi\n"
    assert render("csv") == "e,label\r\nhttps://w3id.org/newskg/resource/entity/sochi,Sotschi\r\n"
    assert render("tsv") == '?e\t?label\n<https://w3id.org/newskg/resource/entity/sochi>\t"Sotschi"@de\n'
    assert json.loads(render("json")) == {
        "head": {"vars": ["e", "label"]},
        "results": {"bindings": [{
            "e": {"type": "uri", "value": "https://w3id.org/newskg/resource/entity/sochi"},
            "label": {"type": "literal", "value": "Sotschi", "xml:lang": "de"},
        }]},
    }


def test_ask_and_construct_results(store):
    assert render_results(store.query("ASK { ?s kg:vetoed ?o }"), "table") == "true\n"
    assert render_results(store.query("ASK { ?s kg:vetoed entity:putin }"), "csv") == "false\n"
    assert json.loads(render_results(store.query("ASK { ?s kg:vetoed ?o }"), "json"))["boolean"] is True
    turtle = render_results(store.query("CONSTRUCT { ?s kg:metWith ?o } WHERE { ?s kg:metWith ?o }"), "table")
    assert turtle.endswith("entity:putin kg:metWith entity:lukashenko .\n")
    assert "@prefix entity: <https://w3id.org/newskg/resource/entity/> .\n" in turtle


# ------------------------------------------------------------------ summary and show
def test_summary(store):
    data = summary(store, top=3)
    assert {k: data[k] for k in ("articles", "statements", "entities", "by_modality", "by_relation")} == {
        "articles": 3,
        "statements": 11,
        "entities": 9,
        "by_modality": {"asserted": 6, "reported": 1, "alleged": 1, "denied": 1, "planned": 1, "negated": 1},
        "by_relation": {
            "imposedSanctionsOn": {"asserted": 1},
            "metWith": {"asserted": 1},
            "signedTreatyWith": {"asserted": 1},
            "supplies": {"asserted": 1, "reported": 1, "alleged": 1, "denied": 1},
            "vetoed": {"asserted": 1},
            "visited": {"asserted": 1, "planned": 1, "negated": 1},
        },
    }
    assert data["top_entities"] == [
        {"entity": "Russland", "statements": 6},
        {"entity": "Nordkorea", "statements": 5},
        {"entity": "Wladimir Putin", "statements": 4},
    ]
    assert data["per_article"][1:] == [
        {"article": "b2", "published": "", "publisher": "", "statements": 1, "by_modality": {"planned": 1},
         "facts": ["Wladimir Putin visited Nordkorea (planned)"]},
        {"article": "c3", "published": "2024-07-15", "publisher": "AFP", "statements": 2,
         "by_modality": {"reported": 1, "negated": 1},
         "facts": ["Russland supplies Nordkorea (reported, says Alexander Lukaschenko, Rakete)",
                   "Kim Jong Un visited Sotschi (negated)"]},
    ]
    assert summary_text(data).splitlines()[:13] == [
        "3 articles, 11 statements, 9 entities",
        "by modality: asserted 6, reported 1, alleged 1, denied 1, planned 1, negated 1",
        "",
        "by relation and modality:",
        "  imposedSanctionsOn  asserted 1",
        "  metWith             asserted 1",
        "  signedTreatyWith    asserted 1",
        "  supplies            asserted 1, reported 1, alleged 1, denied 1",
        "  vetoed              asserted 1",
        "  visited             asserted 1, planned 1, negated 1",
        "",
        "most mentioned:",
        "  Russland        6",
    ]


def test_summary_of_an_empty_store():
    data = summary(KGStore.open(None))
    assert summary_text(data) == "0 articles, 0 statements, 0 entities\n"


def test_show(store):
    data = show(store, "kreml")
    assert data == {
        "entity": "https://w3id.org/newskg/resource/entity/kremlin",
        "label": "Kreml",
        "class": "Organization",
        "sameAs": ["http://www.wikidata.org/entity/Q83124"],
        "altLabels": [],
        "statements": [{
            "subject": "Russland", "relation": "supplies", "object": "Nordkorea", "concerning": "",
            "modality": "denied", "source": "Kreml", "items": "Technologie", "place": "", "time": "",
            "article": "a1", "published": "2024-06", "publisher": "dpa", "evidence": DENIAL,
        }],
    }
    assert entity_text(show(store, "Sochi")) == (
        "Sotschi (Place), http://www.wikidata.org/entity/Q127359\n"
        "also: Sochi\n"
        "2 statements\n"
        "- Wladimir Putin metWith Alexander Lukaschenko [asserted; in Sotschi; time 2023-09]\n"
        f"  a1: {MET}\n"
        "- Kim Jong Un visited Sotschi [negated]\n"
        f"  c3: {NO_VISIT}\n"
    )


def test_show_a_vetoed_measure_under_the_entity_it_concerns(store):
    vetoes = [st for st in show(store, "Nordkorea")["statements"] if st["relation"] == "vetoed"]
    assert [(st["subject"], st["object"], st["concerning"]) for st in vetoes] == [
        ("Russland", "Resolution zu Nordkorea", "Nordkorea"),
    ]
