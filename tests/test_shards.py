"""Worker processes (--jobs), N-Quads shards (kg extract) and loading them (kg load):
every path gives the same store as a plain build, quad for quad."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import rdflib
from conftest import cli, nquads

from kg.store import KGStore

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture(scope="module")
def plain(tmp_path_factory) -> bytes:
    """The seeds built the plain way: one process, straight into the store."""
    store = tmp_path_factory.mktemp("plain") / "store"
    assert cli("--store", store, "build", "-q", SEEDS).exit_code == 0
    return nquads(store)


def test_two_jobs_build_the_same_store(tmp_path, plain):
    store = tmp_path / "store"
    result = cli("--store", store, "build", "--jobs", "2", SEEDS)
    assert (result.exit_code, result.output) == (0, f"built 5 articles, 43 statements into {store}\n")
    assert nquads(store) == plain


def test_extract_then_load_builds_the_same_store(tmp_path, plain):
    shard = tmp_path / "seeds.nq"
    result = cli("extract", SEEDS, "-o", shard)
    assert (result.exit_code, result.output) == (0, f"extracted 5 articles, 43 statements into {shard}\n")
    store = tmp_path / "store"
    loaded = cli("--store", store, "load", shard)
    assert loaded.exit_code == 0
    assert loaded.output.startswith("loaded 7 graphs, ")
    assert nquads(store) == plain
    # loading again changes nothing
    assert cli("--store", store, "load", shard).exit_code == 0
    assert nquads(store) == plain


def test_shards_of_batches_load_into_one_store(tmp_path, plain):
    files = sorted(SEEDS.glob("*.txt"))
    batches = [files[:2], files[2:]]
    shards = []
    for n, batch in enumerate(batches):
        folder = tmp_path / f"batch{n}"
        folder.mkdir()
        for f in batch:
            shutil.copy(f, folder)
        shards.append(tmp_path / f"shard{n}.nq")
        assert cli("extract", "-q", "--jobs", "2", folder, "-o", shards[-1]).exit_code == 0
    store = tmp_path / "store"
    assert cli("--store", store, "load", *shards).exit_code == 0
    assert nquads(store) == plain


def test_a_shard_needs_no_oxigraph(tmp_path):
    """Any RDF store reads a shard: here rdflib, one named graph per article plus two."""
    shard = tmp_path / "seeds.nq"
    assert cli("extract", "-q", SEEDS, "-o", shard).exit_code == 0
    dataset = rdflib.Dataset()
    dataset.parse(shard, format="nquads")
    graphs = {str(g.identifier) for g in dataset.graphs() if len(g)}
    assert len(graphs) == 7
    assert sum(1 for g in graphs if "/article/" in g) == 5


def test_extract_to_stdout(tmp_path):
    one = tmp_path / "one"
    one.mkdir()
    shutil.copy(sorted(SEEDS.glob("*.txt"))[0], one)
    result = cli("extract", one, "-o", "-")
    assert result.exit_code == 0
    assert result.stdout_bytes.count(b"\n") > 100 and result.stderr == ""


def test_jobs_keep_going_past_a_bad_article(tmp_path, articles, fake_extractor):
    (articles / "bad.txt").write_text("boom", encoding="utf-8")
    store = tmp_path / "store"
    result = cli("--store", store, "build", "-j", "2", articles)
    assert result.exit_code == 1
    assert result.stderr == (f"{articles / 'bad.txt'}: extraction failed (ValueError: the extractor broke), "
                             "skipped\n")
    assert result.stdout == f"built 3 articles, 11 statements into {store}\n"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"this is not rdf\n", "not N-Quads"),
        (b"<http://a> <http://b> <http://c> .\n", "a quad outside any named graph"),
    ],
)
def test_loading_a_bad_shard_is_one_line(tmp_path, content, message):
    shard = tmp_path / "bad.nq"
    shard.write_bytes(content)
    result = cli("--store", tmp_path / "store", "load", shard)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{shard}: {message}")
    assert result.stderr.endswith("; nothing of it loaded\n") and result.stderr.count("\n") == 1
    assert result.stdout == f"loaded 0 graphs, 0 quads into {tmp_path / 'store'}\n"


def test_loading_a_missing_shard_makes_no_store(tmp_path):
    result = cli("--store", tmp_path / "store", "load", tmp_path / "none.nq")
    assert (result.exit_code, result.stderr) == (1, f"{tmp_path / 'none.nq'}: no such file; nothing of it loaded\n")
    assert not (tmp_path / "store").exists()


def test_a_shard_broken_halfway_loads_nothing_and_the_others_load(tmp_path, articles, fake_extractor):
    whole = tmp_path / "whole.nq"
    assert cli("extract", "-q", articles, "-o", whole).exit_code == 0
    lines = whole.read_bytes().splitlines(keepends=True)
    broken = tmp_path / "broken.nq"
    broken.write_bytes(b"".join(lines[: len(lines) // 2]) + b"<http://a> garbage\n" + b"".join(lines[len(lines) // 2:]))
    renamed = tmp_path / "renamed.nq"               # the same articles under other names, to load whole
    renamed.write_bytes(whole.read_bytes().replace(b"/resource/article/", b"/resource/article/x-"))
    store = tmp_path / "store"
    result = cli("--store", store, "load", broken, renamed)
    assert result.exit_code == 1
    assert re.fullmatch(rf"{re.escape(str(broken))}: not N-Quads \(.*\); nothing of it loaded\n", result.stderr)
    with KGStore.open(store, read_only=True) as opened:
        assert [a.identifier for a in opened.articles()] == ["a1", "b2", "c3"]        # dcterms:identifier kept
        assert all("/article/x-" in a.iri for a in opened.articles())


def test_a_shard_that_is_no_regular_file_is_refused_unread(tmp_path, articles, fake_extractor):
    import os

    whole = tmp_path / "whole.nq"
    assert cli("extract", "-q", articles, "-o", whole).exit_code == 0
    fifo = tmp_path / "fifo.nq"
    os.mkfifo(fifo)                               # read twice it would hang or load nothing
    result = cli("--store", tmp_path / "s", "load", fifo, whole)
    assert (result.exit_code, result.stderr) == (1, f"{fifo}: not a regular file; nothing of it loaded\n")
    assert result.stdout.startswith("loaded 5 graphs")
    alone = cli("--store", tmp_path / "t", "load", "/dev/null")
    assert (alone.exit_code, alone.stderr) == (1, "/dev/null: not a regular file; nothing of it loaded\n")
    assert not (tmp_path / "t").exists()
