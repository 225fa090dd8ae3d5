"""The kg command, driven by CliRunner: exact output and exit codes, errors included."""
from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


def kg(*args, input=None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input)


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("seeds") / "store"
    result = kg("--store", path, "build", SEEDS)
    assert result.exit_code == 0, result.output
    assert result.stdout == f"built 5 articles, 41 statements into {path}\n"
    return path


def test_every_command_has_help_text():
    for name, command in main.commands.items():
        assert command.help and command.help.strip(), name
        result = kg(name, "--help")
        assert result.exit_code == 0 and "Usage:" in result.stdout, name


def test_importing_the_cli_does_not_import_spacy():
    code = "import sys, kg.cli, kg.store, kg.summary, kg.output, kg.queries; print('spacy' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout == "False\n"


def test_query_list(seed_store):
    result = kg("--store", seed_store, "query", "--list")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split()[0] == "contested-claims"
    assert [line.split()[0] for line in lines] == sorted(p.stem for p in (ROOT / "queries").glob("*.rq"))
    assert "who-supplies-whom       Who supplies whom: items, modality, who says so, article and evidence" in lines


def test_query_formats(seed_store):
    result = kg("--store", seed_store, "query", "who-vetoed-what", "--format", "csv")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "actor,measure,concerning,time,modality,article",
        "China,Initiativen zur Verhängung neuer UN-Sanktionen gegen Nordkorea,Nordkorea,,asserted,002_68cbc1ad60d296a1",
        "Russland,Initiativen zur Verhängung neuer UN-Sanktionen gegen Nordkorea,Nordkorea,,asserted,002_68cbc1ad60d296a1",
        "Russland,Expertengremium zur Beobachtung Nordkoreas,Nordkorea,2024-03,asserted,004_ec495bea3a2a83c6",
        "Russland,Maßnahme zu Nordkorea,Nordkorea,2024-07,asserted,004_ec495bea3a2a83c6",
    ]
    tsv = kg("--store", seed_store, "query", "who-vetoed-what", "--format", "tsv").stdout
    assert tsv.splitlines()[0] == "actor\tmeasure\tconcerning\ttime\tmodality\tarticle"
    json_out = kg("--store", seed_store, "query", "who-vetoed-what", "--format", "json").stdout
    assert '"measure": "Expertengremium zur Beobachtung Nordkoreas"' in json_out
    table = kg("--store", seed_store, "query", "meetings").stdout.splitlines()
    assert table[0].split() == ["who", "met", "place", "time", "modality", "article"]
    assert set(table[1]) == {"-", " "}


def test_query_from_stdin_and_file(seed_store, tmp_path):
    query = "SELECT ?l WHERE { ?e owl:sameAs wd:Q127359 ; rdfs:label ?l }"
    result = kg("--store", seed_store, "query", "-", input=query)
    assert (result.exit_code, result.stdout) == (0, "l\n-------\nSotschi\n")
    path = tmp_path / "ask.rq"
    path.write_text("ASK { ?s kg:vetoed ?o }", encoding="utf-8")
    assert kg("--store", seed_store, "query", path).stdout == "true\n"


def test_query_with_entity_param(seed_store):
    result = kg("--store", seed_store, "query", "entity-timeline", "--param", "entity=Lawrow", "--format", "csv")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[1:] == [
        "entity:lavrov,,Sergej Lawrow,visited,Pjöngjang,asserted,"
        "003_6f88de903a22d791,Es folgte ein Besuch des russischen Außenministers Sergej Lawrow in Pjöngjang."
    ]


@pytest.mark.parametrize(
    ("args", "stdin", "code", "message"),
    [
        (["query", "who-supplys"], None, 1, "Error: unknown query 'who-supplys'; did you mean who-supplies-whom?\n"),
        (["query", "-"], "SELECT ?x WHERE { ?x ?y }", 1,
         "Error: SPARQL syntax error at 1:26: expected one of LATERAL, SERVICE, [_]\n"),
        (["query", "-"], "INSERT DATA { <a:b> <a:b> <a:b> }", 1,
         "Error: update queries are not allowed: kg query is read-only\n"),
        (["query", "-"], "# comment\nPREFIX x: <a:>\nDELETE WHERE { ?s ?p ?o }", 1,
         "Error: update queries are not allowed: kg query is read-only\n"),
        (["query", "entity-timeline"], None, 2, "query entity-timeline needs --param entity=NAME"),
        (["query", "entity-timeline", "--param", "entity=Nobody"], None, 1, "Error: no entity named 'Nobody'\n"),
        (["query", "visits", "--param", "oops"], None, 2, "'oops' is not NAME=VALUE"),
        (["query"], None, 2, "give a query NAME, a FILE or -, or use --list"),
        (["show", "Nobody"], None, 1, "Error: no entity named 'Nobody'\n"),
        (["show", "Putn"], None, 1, "Error: no entity named 'Putn'; did you mean Wladimir Putin?\n"),
        (["query", "missing.rq"], None, 1, "Error: missing.rq: no such query file\n"),
    ],
)
def test_errors_are_one_line(seed_store, args, stdin, code, message):
    result = kg("--store", seed_store, *args, input=stdin)
    assert result.exit_code == code
    assert "Traceback" not in result.output
    if code == 1:
        assert result.stderr == message
    else:
        assert message in result.stderr


def test_read_commands_without_a_store_do_not_create_one(tmp_path):
    missing = tmp_path / "nowhere"
    for args in (["summary"], ["query", "visits"], ["show", "Putin"], ["export", "-o", "-"]):
        result = kg("--store", missing, *args)
        assert (result.exit_code, result.stderr) == (1, f"Error: no store at {missing}; run 'kg build' first\n")
    assert not missing.exists()


def test_build_skips_bad_files_and_keeps_the_rest(tmp_path, seed_store):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(" date 2024-06 Nordkorea liefert Raketen an Russland.", encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "latin1.txt").write_bytes("Russland lieferte Öl.".encode("latin-1"))
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02binary")
    store = tmp_path / "store"
    result = kg("--store", store, "build", folder, tmp_path / "missing.txt")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"skipped: {tmp_path / 'missing.txt'}: no such file or folder",
        f"skipped: {folder / 'binary.txt'}: binary file, skipped",
        f"skipped: {folder / 'empty.txt'}: empty file, skipped",
        f"skipped: {folder / 'latin1.txt'}: not UTF-8 text (byte 18), skipped",
    ]
    assert result.stdout == f"built 1 articles, 1 statements into {store}\n"
    rows = kg("--store", store, "query", "who-supplies-whom", "--format", "csv").stdout.splitlines()
    assert rows[1].startswith("Nordkorea,Russland,Rakete,asserted,,good,")


def test_rebuilding_an_article_replaces_only_its_graph(tmp_path):
    store = tmp_path / "store"
    one, two = tmp_path / "one.txt", tmp_path / "two.txt"
    one.write_text("Nordkorea liefert Raketen an Russland.", encoding="utf-8")
    two.write_text("Putin traf sich mit Lukaschenko.", encoding="utf-8")
    assert kg("--store", store, "build", "-q", one, two).exit_code == 0
    one.write_text("China liefert Drohnen an Russland.", encoding="utf-8")
    assert kg("--store", store, "build", "-q", one).exit_code == 0
    per_article = kg("--store", store, "query", "statements-per-article", "--format", "csv").stdout
    assert per_article.splitlines() == ["article,published,modality,statements", "one,,asserted,1", "two,,asserted,1"]
    supplies = kg("--store", store, "query", "who-supplies-whom", "--format", "csv").stdout.splitlines()
    assert [row.split(",")[:2] for row in supplies[1:]] == [["China", "Russland"]]


def test_build_needs_a_path():
    result = kg("build")
    assert result.exit_code == 2
    assert "Missing argument 'PATHS...'" in result.stderr


def test_store_in_use_by_another_process(tmp_path):
    store = tmp_path / "store"
    assert kg("--store", store, "build", "-q", SEEDS / "002_68cbc1ad60d296a1.txt").exit_code == 0
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys, time, pyoxigraph
            s = pyoxigraph.Store({str(store)!r})
            print("open", flush=True)
            sys.stdin.read()
        """)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline() == "open\n"
        result = kg("--store", store, "build", SEEDS / "000_6c5487194f5f798d.txt")
        assert (result.exit_code, result.stderr) == (1, f"Error: store {store} is in use by another process\n")
        # reading still works while another process writes
        assert kg("--store", store, "query", "statements-per-article").exit_code == 0
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    assert kg("--store", store, "build", "-q", SEEDS / "000_6c5487194f5f798d.txt").exit_code == 0


def test_export_formats(seed_store, tmp_path):
    turtle = kg("--store", seed_store, "export")
    assert turtle.exit_code == 0
    assert "@prefix kg: <https://w3id.org/newskg/ontology#> .\n" in turtle.stdout
    nq = tmp_path / "g.nq"
    assert kg("--store", seed_store, "export", "--format", "nquads", "-o", nq).exit_code == 0
    lines = nq.read_text(encoding="utf-8").splitlines()
    assert all(line.endswith(" .") for line in lines)
    assert any("<https://w3id.org/newskg/resource/article/004_ec495bea3a2a83c6> ." in line for line in lines)
    trig = kg("--store", seed_store, "export", "--format", "trig").stdout
    assert "\narticle:001_3de4a40f195ed6ed {\n" in trig
    nt = kg("--store", seed_store, "export", "--format", "ntriples").stdout
    assert nt.count("\n") == len(set(nt.splitlines()))
    again = tmp_path / "g2.nq"
    kg("--store", seed_store, "export", "--format", "nquads", "-o", again)
    assert again.read_bytes() == nq.read_bytes()
    bad = kg("--store", seed_store, "export", "-o", tmp_path / "no" / "such" / "dir.ttl")
    assert bad.exit_code == 1 and bad.stderr.startswith("Error: cannot write ")


def test_summary(seed_store):
    result = kg("--store", seed_store, "summary")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "5 articles, 41 statements, 20 entities"
    assert "  supplies             alleged 3, asserted 3, denied 1, planned 1, reported 2" in lines
    assert "000_6c5487194f5f798d (2023-09), dpa-AFX" in lines
    assert "  Nordkorea supplies Russland (denied, says Dmitri Peskow)" in lines
    data = kg("--store", seed_store, "summary", "--format", "json").stdout
    assert '"articles": 5' in data


def test_show(seed_store):
    result = kg("--store", seed_store, "show", "lawrow")
    assert result.exit_code == 0
    assert result.stdout == (
        "Sergej Lawrow (Person), http://www.wikidata.org/entity/Q80137\n"
        "also: Lawrow, Sergei Lawrow, Sergey Lavrov\n"
        "1 statement\n"
        "- Sergej Lawrow visited Pjöngjang [asserted]\n"
        "  003_6f88de903a22d791: Es folgte ein Besuch des russischen Außenministers Sergej Lawrow in Pjöngjang.\n"
    )


def test_readme_sparql_examples_run(seed_store):
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sparql\n(.*?)```", readme, re.S)
    assert len(blocks) == 2
    for block in blocks:
        result = kg("--store", seed_store, "query", "-", "--format", "csv", input=block)
        assert result.exit_code == 0, result.stderr
        assert len(result.stdout.splitlines()) >= 2, block
