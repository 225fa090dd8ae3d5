"""kill -9 during kg load, at several moments: afterwards the store opens, holds no half
article (every graph in it is exactly its graph in the shards, with its kg:contentHash and
kg:extractor), and loading again gives what a clean load gives, quad for quad.  Holds
whether shard loading commits graph by graph or all at once."""
from __future__ import annotations

import signal
import subprocess
import sys
import time

import pytest
from conftest import assert_no_half_article, cli, copy_shard, nquads

from kg.storefolder import recognise


@pytest.fixture(scope="module")
def shards(corpus_shard, tmp_path_factory) -> list:
    """The corpus shard and three renamed copies: a load long enough to be killed mid-way."""
    tmp = tmp_path_factory.mktemp("shards")
    return [corpus_shard] + [copy_shard(corpus_shard, tmp / f"copy{n}.nq", f"copy{n}") for n in range(3)]


@pytest.fixture(scope="module")
def clean(shards, tmp_path_factory) -> bytes:
    store = tmp_path_factory.mktemp("clean") / "kg-store"
    assert cli("--store", store, "load", *shards).exit_code == 0
    return nquads(store)


@pytest.mark.parametrize("after", [0.2, 0.35, 0.5, 1.0, 1.5])
def test_kill_9_during_kg_load(tmp_path, shards, clean, after):
    store = tmp_path / "kg-store"
    load = subprocess.Popen([sys.executable, "-c", "from kg.cli import main; main()", "--store", str(store),
                             "load", *map(str, shards)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    time.sleep(after)
    load.send_signal(signal.SIGKILL)
    load.wait(timeout=30)
    if store.is_dir() and recognise(store) in ("marked", "rocksdb"):
        assert_no_half_article(store, shards)
    else:                                   # killed before the store was made, or while making it
        assert cli("--store", store, "summary").stderr == f"Error: no store at {store}; run 'kg build' first\n"
    rerun = cli("--store", store, "load", *shards)
    assert rerun.exit_code == 0, rerun.stderr
    assert nquads(store) == clean
