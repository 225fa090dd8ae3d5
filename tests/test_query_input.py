"""What a user hands to a query: arguments that are not UTF-8, values too long to echo, query
text too large to read, and where a parameter's VALUES row goes in the query text.

Bytes that are not UTF-8 can only reach kg through a real process's argv.
"""
from __future__ import annotations

import resource
import subprocess

import pyoxigraph as ox
import pytest
from conftest import KG, cli

from kg.errors import InputError
from kg.output import rows_of
from kg.queries import MAX_QUERY_BYTES, parse_query, prepare, resolve, run

PUTIN = "https://w3id.org/newskg/resource/entity/putin"


def kg_process(store, *args: str | bytes, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([KG, "--store", str(store), *args], capture_output=True, timeout=60, **kwargs)


# ------------------------------------------------------------------ arguments that are not UTF-8
@pytest.mark.parametrize("args", [
    ["show", b"Put\xffin"],
    ["query", "entity-timeline", "--param", b"entity=Put\xffin"],
    ["query", "visits", "--param", b"x\xff=1"],
])
def test_an_argument_that_is_not_utf8_is_one_line_and_exit_2(disk_store, args):
    done = kg_process(disk_store, *args)
    assert done.returncode == 2 and done.stdout == b""
    assert done.stderr.splitlines()[-1].endswith(b"is not valid UTF-8")
    assert b"Traceback" not in done.stderr


def test_a_query_file_name_that_is_not_utf8_is_one_line(disk_store, tmp_path):
    done = kg_process(disk_store, "query", bytes(tmp_path) + b"/q\xff.rq")
    assert (done.returncode, done.stdout) == (1, b"")
    assert done.stderr.startswith(b"Error: ") and done.stderr.endswith(b"q\\udcff.rq: no such query file\n")


# ------------------------------------------------------------------ values echoed back
@pytest.mark.parametrize("args", [
    ["show", "x" * 100_000],
    ["query", "entity-timeline", "--param", "entity=" + "x" * 100_000],
    ["query", "visits", "--param", "x" * 100_000],
    ["query", "y" * 100_000],
])
def test_a_long_unknown_value_is_echoed_shortened(disk_store, args):
    result = cli("--store", disk_store, *args)
    assert result.exit_code in (1, 2) and result.stdout == ""
    assert len(result.stderr) < 300, result.stderr[:300]
    assert [line for line in result.stderr.splitlines() if line.startswith("Error: ")] == [
        result.stderr.splitlines()[-1]]
    assert "x" * 59 + "…" in result.stderr or "y" * 59 + "…" in result.stderr


def test_a_short_unknown_name_is_echoed_whole(disk_store):
    result = cli("--store", disk_store, "show", "Nobody")
    assert (result.exit_code, result.stderr) == (1, "Error: no entity named 'Nobody'\n")


# ------------------------------------------------------------------ query text too large
def test_a_query_file_without_end_is_refused_after_the_limit(disk_store):
    def small_memory():   # before the fix, reading /dev/zero whole ran into this limit: MemoryError
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

    done = kg_process(disk_store, "query", "/dev/zero", preexec_fn=small_memory)
    assert (done.returncode, done.stdout, done.stderr) == (
        1, b"", b"Error: /dev/zero: query text over 1 MiB, the limit\n")


def test_query_text_over_the_limit_is_refused_from_a_file_and_from_stdin(disk_store, tmp_path):
    text = "ASK {}\n" + "#" * MAX_QUERY_BYTES
    path = tmp_path / "huge.rq"
    path.write_text(text, encoding="utf-8")
    result = cli("--store", disk_store, "query", path)
    assert (result.exit_code, result.stderr) == (1, f"Error: {path}: query text over 1 MiB, the limit\n")
    result = cli("--store", disk_store, "query", "-", input=text)
    assert (result.exit_code, result.stderr) == (1, "Error: standard input: query text over 1 MiB, the limit\n")


def test_query_text_at_the_limit_is_read():
    text = "ASK {}\n#" + "x" * (MAX_QUERY_BYTES - 9) + "\n"
    assert len(text.encode()) == MAX_QUERY_BYTES
    assert resolve("-", text).text == text


def test_standard_input_that_is_not_utf8_is_one_line(disk_store):
    result = cli("--store", disk_store, "query", "-", input=b"ASK { ?s ?p \xff }")
    assert (result.exit_code, result.stderr) == (1, "Error: standard input: not UTF-8 text\n")


def test_standard_input_is_read_as_bytes_up_to_the_limit():
    import io

    with pytest.raises(InputError, match="^standard input: query text over 1 MiB, the limit$"):
        resolve("-", io.BytesIO(b"#" * (MAX_QUERY_BYTES + 1)))
    assert resolve("-", io.BytesIO("ASK { ?s ?p 'ä' }".encode())).text == "ASK { ?s ?p 'ä' }"


# ------------------------------------------------------------------ where a parameter's VALUES row goes
@pytest.mark.parametrize("text", [
    "# param: entity\n# an old note: WHERE { was here\nSELECT ?entity ?p WHERE { ?entity kg:leaderOf ?p }",
    '# param: entity\nSELECT ?entity ?p ("WHERE { " AS ?s) WHERE { ?entity kg:leaderOf ?p }',
    "# param: entity\nSELECT ?entity ?p (\"\"\"a\nWHERE {\"\"\" AS ?s) WHERE { ?entity kg:leaderOf ?p }",
    "# param: entity\nSELECT ?entity ?p\n# WHERE {\nWHERE\n# {\n{ ?entity kg:leaderOf ?p }",
])
def test_a_param_goes_after_the_real_where_not_into_a_comment_or_a_string(store, text):
    query = parse_query("q", text)
    prepared, _ = prepare(store, query, {"entity": "Putin"})
    at = text.index("{ ?entity") + 1
    assert prepared == f"{text[:at]}\n  VALUES (?entity) {{ (<{PUTIN}>) }}{text[at:]}"
    rows = rows_of(run(store, query, {"entity": "Putin"}))[1]
    assert [row[:2] for row in rows] == [["entity:putin", "entity:russia"]]


def test_a_param_of_a_query_without_where_is_a_substitution(store):
    query = parse_query("q", "# param: entity\nSELECT ?entity ?p { ?entity kg:leaderOf ?p }")
    prepared, substitutions = prepare(store, query, {"entity": "Putin"})
    assert (prepared, substitutions) == (query.text, {"entity": ox.NamedNode(PUTIN)})


def test_a_closed_standard_input_is_no_query(disk_store):
    done = subprocess.run(["sh", "-c", f'"{KG}" --store "{disk_store}" query - <&-'], capture_output=True, timeout=30)
    assert (done.returncode, done.stdout, done.stderr) == (1, b"", b"Error: no query on standard input\n")
