"""Every bundled query, run on the fixture graph (tests/conftest.py), with its exact result."""
from __future__ import annotations

import pytest

from kg.errors import InputError, NotFoundError
from kg.output import rows_of
from kg.queries import bundled, resolve
from kg.summary import resolve_entity

T1 = "Putin unterzeichnete in Pjöngjang mit Kim Jong Un einen Vertrag."
B2 = "Eine Reise Putins nach Nordkorea steht noch aus."

EXPECTED = {
    "who-supplies-whom": [
        ["Nordkorea", "Russland", "Rakete", "asserted", "", "a1", "Nordkorea liefert Raketen an Russland."],
        ["Russland", "Nordkorea", "Technologie", "alleged", "der Westen", "a1",
         "Westliche Staaten verdächtigen Moskau, Technologien an Pjöngjang weiterzureichen."],
        ["Russland", "Nordkorea", "Technologie", "denied", "Kreml", "a1", "Der Kreml dementierte dies."],
    ],
    "who-vetoed-what": [
        ["Russland", "Resolution zu Nordkorea", "Nordkorea", "2024-03", "asserted", "a1"],
    ],
    "visits": [
        ["Wladimir Putin", "Nordkorea", "", "planned", "b2", B2],
        ["Wladimir Putin", "Pjöngjang", "2024-06", "asserted", "a1", T1],
    ],
    "treaties": [
        ["Wladimir Putin", "Kim Jong Un", "Pjöngjang", "2024-06", "asserted", "a1", T1],
    ],
    "meetings": [
        ["Wladimir Putin", "Alexander Lukaschenko", "Sotschi", "2023-09", "asserted", "a1"],
    ],
    "sanctions": [
        ["der Westen", "Russland", "asserted", "a1", "Der Westen hat Sanktionen gegen Russland verhängt."],
    ],
    "contested-claims": [
        ["Russland", "supplies", "Nordkorea", "alleged", "der Westen", "a1", "denied, alleged"],
        ["Russland", "supplies", "Nordkorea", "denied", "Kreml", "a1", "denied, alleged"],
    ],
    "entity-timeline": [
        ["entity:putin", "", "Wladimir Putin", "visited", "Nordkorea", "planned", "b2", B2],
        ["entity:putin", "2023-09", "Wladimir Putin", "metWith", "Alexander Lukaschenko", "asserted", "a1",
         "Putin traf Lukaschenko im September 2023 in Sotschi."],
        ["entity:putin", "2024-06", "Wladimir Putin", "signedTreatyWith", "Kim Jong Un", "asserted", "a1", T1],
        ["entity:putin", "2024-06", "Wladimir Putin", "visited", "Pjöngjang", "asserted", "a1", T1],
    ],
    "statements-per-article": [
        ["a1", "2024-06", "alleged", "1"],
        ["a1", "2024-06", "asserted", "6"],
        ["a1", "2024-06", "denied", "1"],
        ["b2", "", "planned", "1"],
    ],
}


def test_every_bundled_query_has_a_test_and_a_description():
    queries = bundled()
    assert set(queries) == set(EXPECTED)
    for query in queries.values():
        assert query.description, query.name


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bundled_query_exact_result(store, name):
    query = bundled()[name]
    subs = {p: resolve_entity(store, "Putin") for p in query.params}
    _, rows = rows_of(store.query(query.text, subs))
    assert rows == EXPECTED[name]


def test_entity_timeline_declares_its_parameter():
    assert bundled()["entity-timeline"].params == ("entity",)


def test_resolve_by_file_and_stdin(tmp_path):
    path = tmp_path / "mine.rq"
    path.write_text("# mine\nSELECT * WHERE { ?s ?p ?o } LIMIT 1\n", encoding="utf-8")
    assert resolve(str(path)).description == "mine"
    assert resolve("-", "ASK { ?s ?p ?o }").text == "ASK { ?s ?p ?o }"
    with pytest.raises(InputError, match="no query on standard input"):
        resolve("-", "  ")


def test_unknown_query_lists_close_names():
    with pytest.raises(NotFoundError, match="did you mean who-supplies-whom"):
        resolve("who-supplys")
    with pytest.raises(NotFoundError, match="see 'kg query --list'"):
        resolve("zzzz")


def test_entity_names_resolve_case_and_hyphen_insensitively(store):
    assert resolve_entity(store, "kim jong-un").value.endswith("/entity/kim-jong-un")
    assert resolve_entity(store, "PUTIN").value.endswith("/entity/putin")
    with pytest.raises(NotFoundError, match="no entity named 'Putn'; did you mean"):
        resolve_entity(store, "Putn")
