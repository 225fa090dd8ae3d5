"""A full disk while writing the store: one line naming the cause, exit 1, no traceback, and
the store opens afterwards with everything committed before."""
from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from conftest import assert_no_half_article, cli, copy_shard, graphs_of, load_fixture

from kg.errors import StoreError
from kg.store import KGStore

NO_SPACE = "IO error: No space left on device: While appending to file: {}/000008.log: No space left on device"


class FullDisk:
    """pyoxigraph's store as it behaves once the disk is full: every write fails."""

    def __init__(self, store, path):
        self._store, self._error = store, OSError(NO_SPACE.format(path))

    def __getattr__(self, name):
        if name in ("extend", "load", "update", "remove_graph", "flush", "optimize", "bulk_extend"):
            raise self._error
        return getattr(self._store, name)


def test_every_write_on_a_full_disk_is_one_line(tmp_path):
    path = tmp_path / "kg-store"
    store = load_fixture(KGStore.open(path))
    store._store = FullDisk(store._store, path)
    message = f"^cannot write store {path}: no space left on device$"
    graph = "https://w3id.org/newskg/resource/article/b2"
    for write in (lambda: store.replace_graph(graph, []), lambda: store.add_quads([]), store.optimize,
                  lambda: store.remove_graph(graph), lambda: store.replace_graph_nquads(graph + "x", b""),
                  store.close):
        with pytest.raises(StoreError, match=message):
            write()


def test_closing_after_a_failed_write_raises_nothing_more(tmp_path):
    path = tmp_path / "kg-store"
    with pytest.raises(StoreError, match="no space left on device$"):
        with KGStore.open(path) as store:
            store._store = FullDisk(store._store, path)
            store.add_quads([])
    KGStore.open(path, read_only=True).close()     # the lock is released


@pytest.fixture
def tiny_disk(tmp_path):
    """A 32 MiB tmpfs (root only; skipped where mounting is not allowed), unmounted afterwards."""
    disk = tmp_path / "disk"
    disk.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=32m", "tmpfs", str(disk)],
                                           capture_output=True).returncode != 0:
        pytest.skip("cannot mount a small tmpfs here")
    try:
        yield disk
    finally:
        if subprocess.run(["umount", str(disk)], capture_output=True).returncode != 0:
            subprocess.run(["umount", "-l", str(disk)], check=True)


def fill(disk, leave: int) -> None:
    """Take all but ``leave`` bytes of the disk's free space."""
    free = os.statvfs(disk).f_bavail * os.statvfs(disk).f_frsize
    with open(disk / "ballast", "wb") as f:
        f.write(b"\0" * max(free - leave, 0))


def kg_process(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", "from kg.cli import main; main()", *map(str, args)],
                          capture_output=True, text=True, timeout=300)


def test_a_full_disk_during_kg_load(tiny_disk, tmp_path, corpus_shard):
    store = tiny_disk / "kg-store"
    first = kg_process("--store", store, "load", corpus_shard)
    assert (first.returncode, first.stderr) == (0, ""), first.stderr
    more = copy_shard(corpus_shard, tmp_path / "more.nq", "more")
    fill(tiny_disk, leave=1024 * 1024)
    full = kg_process("--store", store, "load", more)
    assert (full.returncode, full.stdout) == (1, "")
    assert re.fullmatch(rf"Error: cannot write store {re.escape(str(store))}: no space left on device; \d+ graphs "
                        rf"of {re.escape(str(more))} went in whole before it \(loading the shard again completes it\)\n",
                        full.stderr), full.stderr
    reading = kg_process("--store", store, "summary")         # reads still work on the full disk
    assert reading.returncode == 0, reading.stderr
    (tiny_disk / "ballast").unlink()
    held = assert_no_half_article(store, [corpus_shard, more])
    assert held >= len(graphs_of(corpus_shard))                # everything committed before is there
    assert cli("--store", store, "load", more).exit_code == 0
    assert assert_no_half_article(store, [corpus_shard, more]) == len(graphs_of(corpus_shard, more))
