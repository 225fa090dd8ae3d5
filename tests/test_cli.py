"""The kg command, driven by CliRunner: exact output and exit codes, errors included.

Builds use the fake extractor from conftest.py (the fixture articles a1, b2,
c3), so these tests do not depend on the real extractor.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import click
import pyoxigraph as ox
import pytest
from conftest import cli, store_held_by_another_process

from kg.cli import main

ROOT = Path(__file__).resolve().parents[1]


kg = cli      # the one CliRunner helper of conftest.py


@pytest.fixture
def built(tmp_path, articles, fake_extractor) -> Path:
    """An on-disk store built from the fixture articles."""
    path = tmp_path / "kg-store"
    result = kg("--store", path, "build", articles)
    assert (result.exit_code, result.stdout, result.stderr) == (
        0, f"built 3 articles, 11 statements into {path}\n", "")
    return path


# ------------------------------------------------------------------ the command itself
def test_every_command_has_help_text():
    assert main.help and kg("--help").exit_code == 0
    for name, command in main.commands.items():
        assert command.help and command.help.strip(), name
        result = kg(name, "--help")
        assert result.exit_code == 0 and result.stdout.startswith(f"Usage: main {name} "), name
        for param in command.params:
            if isinstance(param, click.Option):
                assert param.help, f"{name} {param.name}"


def test_version():
    assert kg("--version").stdout == "kg, version 0.1.0\n"


def test_importing_the_cli_does_not_import_spacy():
    code = "import kg.cli, sys; print('spacy' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert done.stdout == "False\n"


def test_the_store_comes_from_the_environment(built):
    result = kg("query", "statements-per-article", "--format", "csv", env={"KG_STORE": str(built)})
    assert result.exit_code == 0
    assert result.stdout.splitlines()[1] == "a1,2024-06,alleged,1"


# ------------------------------------------------------------------ build
def test_build_quiet_prints_nothing(tmp_path, articles, fake_extractor):
    result = kg("--store", tmp_path / "s", "build", "--quiet", articles)
    assert (result.exit_code, result.output) == (0, "")


def test_build_skips_bad_files_says_which_and_builds_the_rest(tmp_path, articles, fake_extractor):
    (articles / "empty.txt").write_text("", encoding="utf-8")
    (articles / "latin1.txt").write_bytes("Russland lieferte Öl.".encode("latin-1"))
    (articles / "binary.txt").write_bytes(b"\x00\x01\x02binary")
    (articles / "broken.txt").write_text("boom", encoding="utf-8")
    store = tmp_path / "s"
    result = kg("--store", store, "build", articles, tmp_path / "missing.txt")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{tmp_path / 'missing.txt'}: no such file or folder, skipped",
        f"{articles / 'binary.txt'}: binary file, skipped",
        f"{articles / 'broken.txt'}: extraction failed (ValueError: the extractor broke), skipped",
        f"{articles / 'empty.txt'}: empty file, skipped",
        f"{articles / 'latin1.txt'}: not UTF-8 text (byte 18); it looks like Latin-1 or Windows-1252, skipped",
    ]
    assert result.stdout == f"built 3 articles, 11 statements into {store}\n"
    assert kg("--store", store, "query", "visits", "--format", "csv").stdout.count("\n") == 4


def test_build_of_a_missing_path_only(tmp_path, fake_extractor):
    result = kg("--store", tmp_path / "s", "build", tmp_path / "nope.txt")
    assert (result.exit_code, result.stderr, result.stdout) == (
        1, f"{tmp_path / 'nope.txt'}: no such file or folder, skipped\n", f"built 0 articles, 0 statements into {tmp_path / 's'}\n")


def test_build_needs_a_path():
    result = kg("build")
    assert result.exit_code == 2
    assert "Error: Missing argument 'PATHS...'." in result.stderr


def test_build_into_a_folder_that_is_not_a_store(tmp_path, articles, fake_extractor):
    result = kg("--store", articles, "build", articles)
    assert (result.exit_code, result.stderr) == (
        1, f"Error: {articles} is not a store and not empty; give a new or empty folder\n")


def test_rebuilding_an_article_replaces_only_its_graph(built, articles, fake_extractor):
    (articles / "c3.txt").rename(articles / "z9.txt")   # same text, now an article without statements
    assert kg("--store", built, "build", "-q", articles / "z9.txt").exit_code == 0
    (articles / "a1.txt").write_text("a different text", encoding="utf-8")
    assert kg("--store", built, "build", "-q", articles / "a1.txt").exit_code == 0
    per_article = kg("--store", built, "query", "statements-per-article").stdout
    assert per_article == (
        "article  published   modality  statements\n"
        "-------  ----------  --------  ----------\n"
        "a1       2024-06     alleged   1\n"
        "a1       2024-06     asserted  6\n"
        "a1       2024-06     denied    1\n"
        "b2                   planned   1\n"
        "c3       2024-07-15  negated   1\n"
        "c3       2024-07-15  reported  1\n"
    )


def test_store_in_use_by_another_process(built, articles, fake_extractor):
    with store_held_by_another_process(built):
        result = kg("--store", built, "build", articles)
        assert (result.exit_code, result.stdout, result.stderr) == (
            1, "", f"Error: store {built} is in use by another process\n")
    with store_held_by_another_process(built, newskg=True):     # a newskg writer: reads wait, then refuse
        for args in (("query", "treaties"), ("show", "Putin"), ("summary",)):
            result = kg("--store", built, *args)
            assert (result.exit_code, result.stdout, result.stderr) == (
                1, "", f"Error: store {built} is being written by another process; try again when it is done\n")
    assert kg("--store", built, "build", "-q", articles).exit_code == 0


# ------------------------------------------------------------------ query
def test_query_list():
    result = kg("query", "--list")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert [line.split()[0] for line in lines] == sorted(p.stem for p in (ROOT / "queries").glob("*.rq"))
    assert "who-supplies-whom       Who supplies whom: items, modality, who says so, article and evidence" in lines


def test_query_table(built):
    result = kg("--store", built, "query", "treaties")
    assert (result.exit_code, result.stdout) == (0, (
        "party           with         place      time     modality  article  evidence\n"
        "--------------  -----------  ---------  -------  --------  -------  "
        "----------------------------------------------------------------\n"
        "Wladimir Putin  Kim Jong Un  Pjöngjang  2024-06  asserted  a1       "
        "Putin unterzeichnete in Pjöngjang mit Kim Jong Un einen Vertrag.\n"
    ))


def test_query_csv_tsv_json(built):
    csv = kg("--store", built, "query", "who-vetoed-what", "--format", "csv").stdout_bytes.decode("utf-8")
    assert csv == (  # the W3C SPARQL CSV format: CRLF line ends
        "actor,measure,concerning,time,modality,article,evidence\r\n"
        "Russland,Resolution zu Nordkorea,Nordkorea,2024-03,asserted,a1,"
        "Russland legte Ende März ein Veto gegen die Resolution zu Nordkorea ein.\r\n"
    )
    tsv = kg("--store", built, "query", "who-vetoed-what", "--format", "tsv").stdout
    assert tsv.splitlines()[0] == "?actor\t?measure\t?concerning\t?time\t?modality\t?article\t?evidence"
    assert tsv.splitlines()[1].startswith('"Russland"@de\t"Resolution zu Nordkorea"@de\t')
    data = json.loads(kg("--store", built, "query", "who-vetoed-what", "--format", "json").stdout)
    assert [b["measure"]["value"] for b in data["results"]["bindings"]] == ["Resolution zu Nordkorea"]


def test_query_with_an_entity_param(built):
    result = kg("--store", built, "query", "entity-timeline", "--param", "entity=kim jong-un", "--format", "csv")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "entity,time,subject,relation,object,place,source,modality,article,evidence",
        "https://w3id.org/newskg/resource/entity/kim-jong-un,2024-06,Wladimir Putin,signedTreatyWith,Kim Jong Un,"
        "Pjöngjang,,asserted,a1,Putin unterzeichnete in Pjöngjang mit Kim Jong Un einen Vertrag.",
        "https://w3id.org/newskg/resource/entity/kim-jong-un,2024-07-15,Kim Jong Un,visited,Sotschi,,,negated,c3,"
        "Kim Jong Un besuchte Sotschi nicht.",
    ]


def test_query_from_stdin_and_from_a_file(built, tmp_path):
    sparql = "SELECT ?label WHERE { ?e owl:sameAs wd:Q127359 ; rdfs:label ?label }"
    result = kg("--store", built, "query", "-", input=sparql)
    assert (result.exit_code, result.stdout) == (0, "label\n-------\nSotschi\n")
    path = tmp_path / "ask.rq"
    path.write_text("ASK { ?s kg:vetoed ?o }", encoding="utf-8")
    assert kg("--store", built, "query", path).stdout == "true\n"
    construct = tmp_path / "met.rq"
    construct.write_text("CONSTRUCT { ?s kg:metWith ?o } WHERE { ?s kg:metWith ?o }", encoding="utf-8")
    assert kg("--store", built, "query", construct).stdout.endswith("entity:putin kg:metWith entity:lukashenko .\n")


def test_readme_sparql_examples_run(built):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sparql\n(.*?)```", readme, re.S)
    assert blocks
    for block in blocks:
        result = kg("--store", built, "query", "-", "--format", "csv", input=block)
        assert result.exit_code == 0, result.stderr
        head = re.search(r"SELECT\s+(?:DISTINCT\s+)?(.*?)\s+WHERE", block, re.S).group(1)
        assert result.stdout.splitlines()[0] == ",".join(v.lstrip("?") for v in head.split())


@pytest.mark.parametrize(
    ("args", "stdin", "code", "message"),
    [
        (["query", "who-supplys"], None, 1, "Error: unknown query 'who-supplys'; did you mean who-supplies-whom?\n"),
        (["query", "zzz"], None, 1, "Error: unknown query 'zzz'; see 'kg query --list'\n"),
        (["query", "missing.rq"], None, 1, "Error: missing.rq: no such query file\n"),
        (["query", "-"], "", 1, "Error: no query on standard input\n"),
        (["query", "-"], "SELECT ?x WHERE { ?x ?y }", 1,
         "Error: SPARQL syntax error at 1:26: expected one of LATERAL, SERVICE, [_]\n"),
        (["query", "-"], "SELECT ?x WHERE {\n  ?x nope:p ?y }", 1,
         "Error: SPARQL syntax error at 2:12: unknown prefix 'nope:'\n"),
        (["query", "-"], "INSERT DATA { <a:b> <a:b> <a:b> }", 1,
         "Error: update queries are not allowed: kg query is read-only\n"),
        (["query", "-"], "# comment\nPREFIX x: <http://x.org/ns#>\ndelete where { ?s ?p ?o }", 1,
         "Error: update queries are not allowed: kg query is read-only\n"),
        (["query", "entity-timeline", "--param", "entity=Nobody"], None, 1, "Error: no entity named 'Nobody'\n"),
        (["query", "entity-timeline", "--param", "entity=Putn"], None, 1,
         "Error: no entity named 'Putn'; did you mean Wladimir Putin?\n"),
        (["show", "Nobody"], None, 1, "Error: no entity named 'Nobody'\n"),
        (["show", "Lukashenko"], None, 1, "Error: no entity named 'Lukashenko'; did you mean Alexander Lukaschenko?\n"),
    ],
)
def test_run_time_errors_are_one_line_and_exit_1(built, args, stdin, code, message):
    result = kg("--store", built, *args, input=stdin)
    assert (result.exit_code, result.stdout, result.stderr) == (code, "", message)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["query"], "Error: give a query NAME, a FILE or -, or use --list\n"),
        (["query", "entity-timeline"], "Error: query entity-timeline needs --param entity=NAME\n"),
        (["query", "visits", "--param", "oops"], "Error: Invalid value for '--param': 'oops' is not NAME=VALUE\n"),
        (["query", "visits", "--format", "xml"], "Error: Invalid value for '--format': 'xml' is not one of "
                                                  "'table', 'csv', 'tsv', 'json'.\n"),
        (["export", "--format", "n3"], "Error: Invalid value for '--format': 'n3' is not one of "
                                       "'turtle', 'trig', 'nquads', 'ntriples', 'jsonld', 'rdfxml'.\n"),
        (["show"], "Error: Missing argument 'NAME'.\n"),
    ],
)
def test_wrong_invocations_are_usage_errors_exit_2(built, args, message):
    result = kg("--store", built, *args)
    assert result.exit_code == 2
    assert result.stderr.endswith(message) and "Traceback" not in result.output


def test_read_commands_without_a_store_do_not_create_one(tmp_path):
    missing = tmp_path / "nowhere"
    for args in (["summary"], ["query", "visits"], ["show", "Putin"], ["export"],
                 ["query", "entity-timeline", "--param", "entity=Putin"]):
        result = kg("--store", missing, *args)
        assert (result.exit_code, result.stdout, result.stderr) == (
            1, "", f"Error: no store at {missing}; run 'kg build' first\n"), args
    assert not missing.exists()


# ------------------------------------------------------------------ export
def test_export_formats(built, tmp_path):
    turtle = kg("--store", built, "export")
    assert turtle.exit_code == 0
    assert "@prefix kg: <https://w3id.org/newskg/ontology#> .\n" in turtle.stdout
    assert "GRAPH" not in turtle.stdout and "article:a1 {" not in turtle.stdout
    trig = kg("--store", built, "export", "--format", "trig").stdout
    assert "\narticle:a1 {\n" in trig and "\narticle:c3 {\n" in trig
    nq = tmp_path / "g.nq"
    result = kg("--store", built, "export", "--format", "nquads", "-o", nq)
    assert (result.exit_code, result.output) == (0, "")
    lines = nq.read_text(encoding="utf-8").splitlines()
    assert any(line.endswith(" <https://w3id.org/newskg/resource/article/b2> .") for line in lines)
    again = tmp_path / "again.nq"
    kg("--store", built, "export", "--format", "nquads", "-o", again)
    assert again.read_bytes() == nq.read_bytes()
    nt = kg("--store", built, "export", "--format", "ntriples").stdout_bytes
    triples = list(ox.parse(nt, format=ox.RdfFormat.N_TRIPLES))   # no graph names
    union = {(q.subject, q.predicate, q.object) for q in ox.parse(nq.read_bytes(), format=ox.RdfFormat.N_QUADS)}
    assert len(triples) == len(union) == nt.count(b"\n")


def test_export_to_an_unwritable_place(built, tmp_path):
    result = kg("--store", built, "export", "-o", tmp_path / "no" / "such" / "dir.ttl")
    assert (result.exit_code, result.stderr) == (
        1, f"Error: cannot write {tmp_path / 'no' / 'such' / 'dir.ttl'}: No such file or directory\n")


# ------------------------------------------------------------------ summary and show
def test_summary(built):
    result = kg("--store", built, "summary")
    assert result.exit_code == 0
    assert result.stdout.endswith(
        "\n"
        "b2: 1 statement (planned 1)\n"
        "  Wladimir Putin visited Nordkorea (planned)\n"
        "\n"
        "c3 (2024-07-15), AFP: 2 statements (reported 1, negated 1)\n"
        "  Russland supplies Nordkorea (reported, says Alexander Lukaschenko, Rakete)\n"
        "  Kim Jong Un visited Sotschi (negated)\n"
    )
    assert result.stdout.startswith("3 articles, 11 statements, 9 entities\n")
    data = json.loads(kg("--store", built, "summary", "--format", "json").stdout)
    assert (data["articles"], data["statements"], data["by_relation"]["visited"]) == (
        3, 11, {"asserted": 1, "planned": 1, "negated": 1})


def test_show(built):
    result = kg("--store", built, "show", "lukaschenko")
    assert (result.exit_code, result.stdout) == (0, (
        "Alexander Lukaschenko (Person), http://www.wikidata.org/entity/Q48241\n"
        "also: Lukaschenko\n"
        "2 statements\n"
        "- Wladimir Putin metWith Alexander Lukaschenko [asserted; in Sotschi; time 2023-09]\n"
        "  a1: Putin traf Lukaschenko im September 2023 in Sotschi.\n"
        "- Russland supplies Nordkorea [reported; says Alexander Lukaschenko; items Rakete]\n"
        "  c3: Lukaschenko sagte, Russland liefere Raketen an Nordkorea.\n"
    ))
    data = json.loads(kg("--store", built, "show", "lukaschenko", "--format", "json").stdout)
    assert [st["article"] for st in data["statements"]] == ["a1", "c3"]


def test_summary_leaves_out_articles_with_no_statement(tmp_path, articles, fake_extractor):
    (articles / "quiet.txt").write_text("Das Wetter bleibt mild.", encoding="utf-8")
    (articles / "calm.txt").write_text("Nichts geschah.", encoding="utf-8")
    store = tmp_path / "kg-store"
    assert kg("--store", store, "build", "-q", articles).exit_code == 0
    result = kg("--store", store, "summary")
    assert result.exit_code == 0
    assert result.stdout.startswith("5 articles, 11 statements, 9 entities\n")
    assert "quiet" not in result.stdout and "calm" not in result.stdout
    assert result.stdout.endswith("  Kim Jong Un visited Sotschi (negated)\n\n… and 2 articles with no statement\n")
    data = json.loads(kg("--store", store, "summary", "--format", "json").stdout)
    assert (data["articles"], len(data["per_article"]), data["without_statements"]) == (5, 3, 2)


def test_relations_are_named_alike_in_summary_show_and_query(built):
    summary = kg("--store", built, "summary").stdout
    assert "  Wladimir Putin metWith Alexander Lukaschenko (asserted, in Sotschi, 2023-09)\n" in summary
    assert "  Wladimir Putin signedTreatyWith Kim Jong Un (asserted, in Pjöngjang, 2024-06)\n" in summary
    assert "- Wladimir Putin metWith Alexander Lukaschenko [" in kg("--store", built, "show", "Putin").stdout
    assert ",metWith," in kg("--store", built, "query", "entity-timeline", "--param", "entity=Putin",
                             "--format", "csv").stdout
