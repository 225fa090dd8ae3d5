"""Queries that stay instant as the archive grows: pages (``limit``, ``offset``) of every
bundled query, the total order that makes them disjoint, and claims and events counted per
event however many copies of a statement the archive holds."""
from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from conftest import GAZETTEER, cli, fixture_extractions, load_fixture

from kg.errors import InputError
from kg.output import rows_of
from kg.queries import bundled, paged, prepare, run
from kg.sparql import has_slice, page_mark, where_body
from kg.rdf import article_iri, extraction_quads
from kg.store import KGStore

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


def with_copies(store: KGStore, copies: int) -> KGStore:
    """The fixture store plus ``copies`` copies of each article under other identifiers, as an
    archive holds the same agency report in many papers."""
    for n in range(copies):
        for extraction in fixture_extractions():
            article = dataclasses.replace(extraction.article, identifier=f"{extraction.article.identifier}-copy{n}")
            copy = dataclasses.replace(extraction, article=article)
            store.replace_graph(article_iri(article.identifier), extraction_quads(copy, gazetteer=GAZETTEER))
    return store


def rows(store, name: str, **page) -> list[list[str]]:
    query = bundled()[name]
    params = {"entity": "Putin"} if query.params else {}
    return rows_of(run(store, query, params, **page))[1]


def _projected(text: str) -> list[str]:
    body = re.sub(r"#[^\n]*", "", text)
    head = re.search(r"SELECT\s+(?:DISTINCT\s+)?(.*?)\s+WHERE", body, re.S).group(1)
    return re.findall(r"\?(\w+)\)?(?:\s|$)", re.sub(r"\(.*?\bAS\s+(\?\w+)\)", r"\1", head) + " ")


@pytest.mark.parametrize("name", sorted(bundled()))
def test_every_bundled_query_orders_by_every_column_it_selects(name):
    text = re.sub(r"#[^\n]*", "", bundled()[name].text)
    order = text[text.rindex("ORDER BY"):]
    assert set(_projected(bundled()[name].text)) <= set(re.findall(r"\?(\w+)", order)), name


@pytest.mark.parametrize("name", sorted(bundled()))
def test_pages_are_disjoint_ordered_and_make_up_the_whole_result(name):
    store = with_copies(load_fixture(KGStore.open(None)), 2)
    whole = rows(store, name)
    assert len(whole) >= 3, name
    pages = [rows(store, name, limit=2, offset=offset) for offset in range(0, len(whole) + 2, 2)]
    assert [len(p) for p in pages] == [max(0, min(2, len(whole) - o)) for o in range(0, len(whole) + 2, 2)]
    assert sum(pages, []) == whole
    seen = [tuple(r) for r in whole]
    assert len(seen) == len(set(seen)), f"{name}: a row twice, so pages could overlap"


def test_a_page_is_the_query_with_limit_and_offset():
    query = bundled()["events"]
    assert paged(query) is query
    assert paged(query, 20).text.endswith("\nLIMIT 20\n")
    assert paged(query, 20, 40).text.endswith("\nLIMIT 20 OFFSET 40\n")
    assert paged(query, offset=5).text.endswith("\nOFFSET 5\n")


def test_a_page_goes_where_the_query_marks_it():
    from kg.queries import resolve

    marked = resolve("-", "SELECT ?k WHERE {\n  { SELECT ?k WHERE { ?s ?p ?k } ORDER BY ?k\n    # page\n  }\n}"
                          "\nORDER BY ?k")
    assert paged(marked, 2, 4).text == ("SELECT ?k WHERE {\n  { SELECT ?k WHERE { ?s ?p ?k } ORDER BY ?k\n    # page\n"
                                        "LIMIT 2 OFFSET 4\n  }\n}\nORDER BY ?k")
    at_the_end = resolve("-", "SELECT ?k WHERE { ?s ?p ?k } ORDER BY ?k # page")
    assert paged(at_the_end, 1).text == "SELECT ?k WHERE { ?s ?p ?k } ORDER BY ?k # page\nLIMIT 1\n"
    quoted = resolve("-", 'SELECT ?k WHERE { ?s ?p "# page" } ORDER BY ?k')
    assert paged(quoted, 1).text.endswith('ORDER BY ?k\nLIMIT 1\n')


@pytest.mark.parametrize("name", sorted(n for n, q in bundled().items() if page_mark(q.text) is not None))
def test_a_marked_query_cuts_its_page_in_the_subquery_that_sorts(name):
    text = paged(bundled()[name], 20, 40).text
    head, tail = text.split("LIMIT 20 OFFSET 40\n")
    assert head.rstrip().endswith("# page") and tail.lstrip().startswith("}")
    assert not has_slice(text)


def test_a_query_with_its_own_limit_is_not_paged():
    from kg.queries import resolve

    own = resolve("-", "SELECT ?s WHERE { ?s ?p ?o } LIMIT 3")
    with pytest.raises(InputError, match="^query - has its own LIMIT or OFFSET; --limit and --offset page a query "
                                         "without one$"):
        paged(own, 2)
    inner = resolve("-", "SELECT ?s WHERE { { SELECT ?s WHERE { ?s ?p ?o } LIMIT 3 } } # LIMIT")
    assert paged(inner, 2).text.endswith("\nLIMIT 2\n")


def test_a_parameter_goes_into_the_subquery_that_sorts():
    """entity-timeline's entity must bind where the statements are read and sorted: at the
    outer WHERE, the subquery would sort every statement of every entity first."""
    store = load_fixture(KGStore.open(None))
    text, _ = prepare(store, bundled()["entity-timeline"], {"entity": "Putin"}, limit=5)
    inner = text.index("SELECT DISTINCT ?entity ?key WHERE {") + len("SELECT DISTINCT ?entity ?key WHERE {")
    assert text[inner:].lstrip().startswith("VALUES (?entity) { (<https://w3id.org/newskg/resource/entity/putin>) }")
    assert text.count("VALUES (?entity)") == 1
    plain = "SELECT ?e WHERE { # WHERE {\n { SELECT ?e WHERE { ?e ?p ?o } ORDER BY ?e } }"
    assert where_body(plain) == plain.index("{") + 1
    assert where_body(plain, plain.index("ORDER")) == plain.index("{ ?e ?p") + 1
    assert where_body("SELECT * { ?s ?p ?o }") is None


# ------------------------------------------------------------------ per event, not per copy
def test_contested_claims_count_the_copies_of_a_claim_instead_of_pairing_them():
    store = with_copies(load_fixture(KGStore.open(None)), 3)     # a1, b2, c3 four times each
    assert rows(store, "contested-claims") == [
        ["Russland", "supplies", "Nordkorea", "undated", "alleged", "4", "der Westen",
         "denied", "undated", "4", "Kreml"],
        ["Russland", "supplies", "Nordkorea", "undated", "denied", "4", "Kreml",
         "alleged", "undated", "4", "der Westen"],
        ["Russland", "supplies", "Nordkorea", "undated", "denied", "4", "Kreml",
         "reported", "undated", "4", "Alexander Lukaschenko"],
    ]


def test_events_count_the_copies_of_a_statement():
    store = with_copies(load_fixture(KGStore.open(None)), 3)
    got = rows(store, "events")
    assert len(got) == 9
    assert got[0] == ["supplies", "Russland | Nordkorea", "undated", "8", "12", "reported 4, alleged 4, denied 4",
                      "Alexander Lukaschenko, Kreml, der Westen"]
    assert got[1] == ["imposedSanctionsOn", "der Westen | Russland", "undated", "4", "4", "asserted 4", ""]


# ------------------------------------------------------------------ the command
@pytest.fixture(scope="module")
def seeds_store(tmp_path_factory) -> Path:
    """The store of seeds/, built with the real extractor."""
    path = tmp_path_factory.mktemp("seeds") / "kg-store"
    assert cli("--store", path, "build", "-q", SEEDS).exit_code == 0
    return path


def test_query_limit_and_offset(disk_store):
    whole = cli("--store", disk_store, "query", "visits", "--format", "csv").stdout.splitlines()
    page = cli("--store", disk_store, "query", "visits", "--format", "csv", "--limit", "1", "--offset", "1")
    assert (page.exit_code, page.stdout.splitlines()) == (0, [whole[0], whole[2]])
    empty = cli("--store", disk_store, "query", "visits", "--limit", "0")
    assert (empty.exit_code, empty.stdout) == (0, (
        "visitor  visited  time  modality  article  evidence\n"
        "-------  -------  ----  --------  -------  --------\n"
        "(no results)\n"))


@pytest.mark.parametrize(("args", "message"), [
    (["--limit", "-1"], "Error: Invalid value for '--limit': -1 is not in the range x>=0.\n"),
    (["--offset", "x"], "Error: Invalid value for '--offset': 'x' is not a valid integer range.\n"),
])
def test_bad_pages_are_usage_errors(disk_store, args, message):
    result = cli("--store", disk_store, "query", "visits", *args)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.endswith(message)


def test_a_query_with_its_own_limit_and_a_page_is_one_line(disk_store):
    result = cli("--store", disk_store, "query", "-", "--limit", "2", input="SELECT ?s WHERE { ?s ?p ?o } LIMIT 3")
    assert (result.exit_code, result.stdout, result.stderr) == (
        1, "", "Error: query - has its own LIMIT or OFFSET; --limit and --offset page a query without one\n")


def test_a_table_fits_the_terminal(seeds_store):
    result = cli("--store", seeds_store, "query", "who-supplies-whom", env={"COLUMNS": "100"})
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 100 and len(lines) == 12
    assert lines[2].endswith("…") and "…" not in lines[0]
    wide = cli("--store", seeds_store, "query", "who-supplies-whom", "--wide", env={"COLUMNS": "100"})
    assert max(len(line) for line in wide.stdout.splitlines()) > 150 and "…" not in wide.stdout
    csv = cli("--store", seeds_store, "query", "who-supplies-whom", "--format", "csv", env={"COLUMNS": "100"})
    assert "…" not in csv.stdout and max(len(line) for line in csv.stdout.splitlines()) > 100
