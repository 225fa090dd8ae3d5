"""kill -9 during kg build, at several moments (while spaCy loads, while articles are
written, near the end): afterwards the store opens, holds no half article (every graph in it
is exactly the graph a clean build gives, with its kg:contentHash and kg:extractor), and
building again gives what a clean build gives, quad for quad."""
from __future__ import annotations

import signal
import subprocess
import sys
import time

import pytest
from conftest import cli, graphs_of, nquads

from kg.storefolder import recognise


@pytest.fixture(scope="module")
def clean(corpus_articles, tmp_path_factory) -> tuple[bytes, float]:
    """A clean build's export, and how long the build took (to place the kills)."""
    store = tmp_path_factory.mktemp("clean") / "kg-store"
    started = time.monotonic()
    built = subprocess.run([sys.executable, "-c", "from kg.cli import main; main()", "--store", str(store),
                            "build", "-q", str(corpus_articles)], capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stderr
    return nquads(store), time.monotonic() - started


def _graphs(export: bytes, tmp_path) -> dict[str, set[str]]:
    path = tmp_path / "export.nq"
    path.write_bytes(export)
    return graphs_of(path)


@pytest.mark.parametrize("share", [0.1, 0.4, 0.7, 0.95])
def test_kill_9_during_kg_build(tmp_path, corpus_articles, clean, share):
    export, seconds = clean
    store = tmp_path / "kg-store"
    build = subprocess.Popen([sys.executable, "-c", "from kg.cli import main; main()", "--store", str(store),
                              "build", "-q", str(corpus_articles)], stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE)
    time.sleep(share * seconds)
    build.send_signal(signal.SIGKILL)
    build.wait(timeout=30)
    if store.is_dir() and recognise(store) in ("marked", "rocksdb"):
        expected = _graphs(export, tmp_path)
        held = _graphs(nquads(store), tmp_path)
        for graph, quads in held.items():
            assert quads == expected[graph], f"graph {graph} is not whole"
            if "/resource/article/" in graph:
                assert any("#contentHash>" in q for q in quads) and any("#extractor>" in q for q in quads)
    else:                                   # killed before the store was made, or while making it
        assert cli("--store", store, "summary").stderr == f"Error: no store at {store}; run 'kg build' first\n"
    rerun = cli("--store", store, "build", "-q", corpus_articles)
    assert rerun.exit_code == 0, rerun.stderr
    assert nquads(store) == export
