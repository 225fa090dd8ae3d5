"""What is a store: the marker file a new store gets, stores built before it, folders that
only look like a store (never written into), and a damaged store (one line, no traceback)."""
from __future__ import annotations

import json
import os

import pytest
from conftest import cli, load_fixture, nquads

from kg.errors import StoreError
from kg.store import KGStore
from kg.storefolder import MARKER, recognise


@pytest.fixture
def store_path(tmp_path):
    path = tmp_path / "kg-store"
    with KGStore.open(path) as store:
        load_fixture(store)
        store.optimize()
    return path


def listing(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_new_store_is_marked_and_oxigraph_keeps_the_marker(store_path):
    marker = json.loads((store_path / MARKER).read_text(encoding="utf-8"))
    assert (marker["format"], marker["version"]) == ("newskg-store", 1)
    assert recognise(store_path) == "marked"
    before = nquads(store_path)
    with KGStore.open(store_path) as store:          # write, flush and compact beside the marker
        store.remove_graph("https://w3id.org/newskg/resource/article/b2")
        store.optimize()
    assert MARKER in listing(store_path) and nquads(store_path) != before
    assert not [name for name in listing(store_path) if name.endswith(".tmp")]


def test_a_store_built_before_the_marker_still_opens_and_gets_it(store_path):
    before = nquads(store_path)
    (store_path / MARKER).unlink()
    assert recognise(store_path) == "rocksdb"
    with KGStore.open(store_path, read_only=True) as store:       # a reader adds nothing
        assert len(store) > 0
    assert MARKER not in listing(store_path)
    KGStore.open(store_path).close()                                # the first writer marks it
    assert recognise(store_path) == "marked" and nquads(store_path) == before


@pytest.mark.parametrize("files", [["CURRENT"], ["CURRENT", "notes.txt"], ["CURRENT", "MANIFEST-000001"],
                                   [MARKER]])
def test_a_folder_that_only_looks_like_a_store_is_not_one(tmp_path, articles, fake_extractor, files):
    folder = tmp_path / "folder"
    folder.mkdir()
    for name in files:
        (folder / name).write_text("mine\n", encoding="utf-8")
    build = cli("--store", folder, "build", articles)
    assert (build.exit_code, build.stdout, build.stderr) == (
        1, "", f"Error: {folder} is not a store and not empty; give a new or empty folder\n")
    for args in (["summary"], ["query", "treaties"], ["export"], ["show", "Putin"]):
        result = cli("--store", folder, *args)
        assert (result.exit_code, result.stdout, result.stderr) == (
            1, "", f"Error: no store at {folder}; run 'kg build' first\n"), args
    assert listing(folder) == sorted(files)
    assert all((folder / name).read_text(encoding="utf-8") == "mine\n" for name in files)


def test_an_empty_folder_becomes_a_store(tmp_path, articles, fake_extractor):
    folder = tmp_path / "empty"
    folder.mkdir()
    assert cli("--store", folder, "build", "-q", articles).exit_code == 0
    assert recognise(folder) == "marked"


@pytest.mark.parametrize("left", [("LOCK", "IDENTITY", "LOG"), ("LOCK", "IDENTITY", "LOG", "MANIFEST-000001"),
                                  ("LOCK", "IDENTITY", "LOG", "MANIFEST-000005", "OPTIONS-000007", "000001.dbtmp")])
def test_a_store_whose_creation_was_cut_short_is_made_anew(tmp_path, articles, fake_extractor, left):
    folder = tmp_path / "kg-store"
    KGStore.open(folder).close()
    for name in listing(folder):                 # as kill -9 leaves it before RocksDB's CURRENT
        if name not in (MARKER, *left):
            os.unlink(folder / name)
    for name in left:
        (folder / name).touch()
    assert recognise(folder) == "new"
    assert cli("--store", folder, "summary").stderr == f"Error: no store at {folder}; run 'kg build' first\n"
    assert cli("--store", folder, "build", "-q", articles).exit_code == 0
    assert recognise(folder) == "marked"


def test_a_store_from_a_newer_newskg_is_refused(store_path):
    (store_path / MARKER).write_text(json.dumps({"format": "newskg-store", "version": 99}), encoding="utf-8")
    message = f"^store {store_path} was made by a newer newskg \\(store format 99\\); update newskg$"
    for read_only in (True, False):
        with pytest.raises(StoreError, match=message):
            KGStore.open(store_path, read_only=read_only)


def _garble_every_sst(path):
    for name in os.listdir(path):
        if name.endswith(".sst"):
            with open(path / name, "r+b") as f:
                f.write(b"garbage" * 200)


def _truncate_every_sst(path):
    for name in os.listdir(path):
        if name.endswith(".sst"):
            os.truncate(path / name, 100)


def _garble_current(path):
    (path / "CURRENT").write_text("garbage\n", encoding="utf-8")


def _delete_the_manifest(path):
    for name in os.listdir(path):
        if name.startswith("MANIFEST-"):
            os.unlink(path / name)


@pytest.mark.parametrize("damage", [_garble_every_sst, _truncate_every_sst, _garble_current, _delete_the_manifest])
@pytest.mark.parametrize("args", [["summary"], ["query", "treaties"], ["export"], ["show", "Putin"], ["remove", "a1"]])
def test_a_damaged_store_is_one_line(store_path, damage, args):
    assert any(name.endswith(".sst") for name in os.listdir(store_path))
    damage(store_path)
    result = cli("--store", store_path, *args)
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.startswith(f"Error: cannot open store {store_path}: the store is damaged (") or \
        result.stderr == f"Error: store {store_path} is damaged: it has {MARKER} but no CURRENT or MANIFEST file\n"
    assert result.stderr.count("\n") == 1 and result.exception is None or isinstance(result.exception, SystemExit)
