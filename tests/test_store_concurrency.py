"""Readers and writers in separate processes: a writer holds the store alone, readers share
it, and a read while another process writes waits a little, then gives up with one line;
never a RocksDB traceback (reading a store another process writes is undefined there)."""
from __future__ import annotations

import contextlib
import subprocess
import sys
import textwrap
import time

import pytest
from conftest import cli

import kg.store
from kg.store import KGStore

BEING_WRITTEN = "Error: store {} is being written by another process; try again when it is done\n"


@pytest.fixture
def short_wait(monkeypatch):
    monkeypatch.setattr(kg.store, "READ_WAIT", 0.2)


@contextlib.contextmanager
def holder(path, read_only=False, writes=False):
    """Another process that opens the store through KGStore (for writing unless ``read_only``)
    and holds it until the block ends; ``writes``: it keeps writing new graphs all the while."""
    code = textwrap.dedent(f"""
        import select, sys
        import pyoxigraph as ox
        from kg.store import KGStore
        store = KGStore.open({str(path)!r}, read_only={read_only})
        print("open", flush=True)
        n = 0
        while {writes} and not select.select([sys.stdin], [], [], 0)[0]:
            n += 1
            graph = f"https://w3id.org/newskg/resource/article/w{{n}}"
            store.replace_graph(graph, [ox.Quad(ox.NamedNode(graph), ox.NamedNode("http://x/p"),
                                                ox.Literal("x" * 1000), ox.NamedNode(graph))])
            if n % 20 == 0:
                store.flush()
                store.optimize()
        sys.stdin.read()
        store.close()
    """)
    process = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               text=True)
    try:
        assert process.stdout.readline() == "open\n"
        yield process
    finally:
        process.stdin.close()
        assert process.wait(timeout=60) == 0


def kg_process(*args) -> subprocess.CompletedProcess:
    """``kg ARGS`` as a process of its own."""
    return subprocess.run([sys.executable, "-c", "from kg.cli import main; main()", *map(str, args)],
                          capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("args", [["query", "treaties"], ["summary"], ["export"], ["show", "Putin"]])
def test_a_read_while_another_process_writes_is_one_line(store_path, short_wait, args):
    with holder(store_path, writes=True):
        for _ in range(3):
            result = cli("--store", store_path, *args)
            assert (result.exit_code, result.stdout, result.stderr) == (1, "", BEING_WRITTEN.format(store_path))


def test_a_reader_process_waits_a_little_then_gives_up(store_path):
    with holder(store_path):
        started = time.monotonic()
        result = kg_process("--store", store_path, "query", "treaties")
        waited = time.monotonic() - started
    assert (result.returncode, result.stdout, result.stderr) == (1, "", BEING_WRITTEN.format(store_path))
    assert waited >= kg.store.READ_WAIT


def test_a_reader_gets_the_store_once_the_writer_is_done(store_path):
    with holder(store_path) as writer:
        reader = subprocess.Popen([sys.executable, "-c", "from kg.cli import main; main()", "--store",
                                   str(store_path), "query", "treaties", "--format", "csv"],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(0.5)
        assert reader.poll() is None                 # waiting for the writer
        writer.stdin.close()
        writer.wait(timeout=30)
    out, err = reader.communicate(timeout=60)
    assert (reader.returncode, err) == (0, "")
    assert "Wladimir Putin,Kim Jong Un,Pjöngjang" in out


def test_a_second_writer_is_told_the_store_is_in_use(store_path, articles, fake_extractor):
    with holder(store_path):
        result = cli("--store", store_path, "build", articles)
    assert (result.exit_code, result.stdout, result.stderr) == (
        1, "", f"Error: store {store_path} is in use by another process\n")


def test_a_writer_does_not_write_under_a_reader(store_path, articles, fake_extractor):
    with holder(store_path, read_only=True):
        result = cli("--store", store_path, "build", articles)
        assert (result.exit_code, result.stderr) == (1, f"Error: store {store_path} is in use by another process\n")
    assert cli("--store", store_path, "build", "-q", articles).exit_code == 0


def test_readers_do_not_block_each_other(store_path):
    with holder(store_path, read_only=True), holder(store_path, read_only=True):
        started = time.monotonic()
        result = kg_process("--store", store_path, "query", "treaties", "--format", "csv")
        assert (result.returncode, result.stderr) == (0, "")
        assert time.monotonic() - started < kg.store.READ_WAIT + 5
        with KGStore.open(store_path, read_only=True) as store:   # and one more in this process
            assert len(store) > 0


def test_the_lock_is_released_when_the_store_closes(store_path):
    with KGStore.open(store_path) as store:
        assert len(store) > 0
    with KGStore.open(store_path, read_only=True), KGStore.open(store_path, read_only=True):
        pass
    KGStore.open(store_path).close()
