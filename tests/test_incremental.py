"""Incremental builds: unchanged articles are skipped, changed ones replace their graph,
removed ones can be dropped; every result equals a build from scratch, quad for quad."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import cli, nquads

import kg.build as kg_build
from kg.build import build, extraction_fingerprint
from kg.store import KGStore

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture
def seeds(tmp_path) -> Path:
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    return folder


def test_rebuilding_the_seeds_twice_leaves_an_identical_store(tmp_path, seeds):
    store = tmp_path / "store"
    first = cli("--store", store, "build", seeds)
    assert first.exit_code == 0
    before = nquads(store)
    second = cli("--store", store, "build", seeds)
    assert (second.exit_code, second.output) == (0, f"built 0 articles, 0 statements into {store}, 5 unchanged\n")
    assert nquads(store) == before
    forced = cli("--store", store, "build", "--force", seeds)
    assert forced.exit_code == 0 and forced.output.startswith("built 5 articles, ")
    assert nquads(store) == before


def test_a_changed_article_replaces_its_graph(tmp_path, seeds):
    store = tmp_path / "store"
    assert cli("--store", store, "build", "-q", seeds).exit_code == 0
    changed = sorted(seeds.glob("*.txt"))[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nPutin besuchte am Montag Pjöngjang.\n",
                       encoding="utf-8")
    result = cli("--store", store, "build", seeds)
    assert result.exit_code == 0
    assert result.output.startswith("built 1 article, ") and result.output.endswith(", 4 unchanged\n")
    scratch = tmp_path / "scratch"
    assert cli("--store", scratch, "build", "-q", seeds).exit_code == 0
    assert nquads(store) == nquads(scratch)


def test_a_removed_article_can_be_dropped(tmp_path, seeds):
    store = tmp_path / "store"
    assert cli("--store", store, "build", "-q", seeds).exit_code == 0
    gone = sorted(seeds.glob("*.txt"))[-1]
    with KGStore.open(store, read_only=True) as s:
        identifier = next(a.identifier for a in s.articles() if a.iri.endswith(gone.stem) or gone.stem in a.identifier)
    result = cli("--store", store, "remove", identifier)
    assert (result.exit_code, result.output) == (0, f"removed {identifier}\n")
    gone.unlink()
    scratch = tmp_path / "scratch"
    assert cli("--store", scratch, "build", "-q", seeds).exit_code == 0
    assert nquads(store) == nquads(scratch)


def test_removing_an_unknown_article_says_so_and_removes_the_rest(tmp_path, articles, fake_extractor):
    store = tmp_path / "store"
    assert cli("--store", store, "build", "-q", articles).exit_code == 0
    result = cli("--store", store, "remove", "nope", "a1")
    assert (result.exit_code, result.stdout, result.stderr) == (1, "removed a1\n", f"no article nope in {store}\n")
    with KGStore.open(store, read_only=True) as s:
        assert [a.identifier for a in s.articles()] == ["b2", "c3"]


def test_remove_needs_a_store(tmp_path):
    result = cli("--store", tmp_path / "none", "remove", "a1")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ")


def test_a_changed_extraction_redoes_unchanged_articles(tmp_path, articles, fake_extractor):
    calls = []

    def counting(article):
        calls.append(article.identifier)
        return fake_extractor(article)

    with KGStore.open(tmp_path / "store") as store:
        first = build(store, [articles], extractor=counting, fingerprint="rules-1")
        again = build(store, [articles], extractor=counting, fingerprint="rules-1")
        newer = build(store, [articles], extractor=counting, fingerprint="rules-2")
    assert (first.built, again.built, again.unchanged, newer.built) == (
        ["a1", "b2", "c3"], [], ["a1", "b2", "c3"], ["a1", "b2", "c3"])
    assert calls == ["a1", "b2", "c3"] * 2


def test_the_fingerprint_follows_code_data_and_options(monkeypatch, tmp_path):
    plain = extraction_fingerprint()
    assert plain == extraction_fingerprint()
    assert extraction_fingerprint("model=de_core_news_md") != plain
    extraction_fingerprint.cache_clear()
    data = tmp_path / "ontology"
    shutil.copytree(Path(kg_build.__file__).resolve().parents[1] / "ontology", data)
    (data / "cues.toml").write_text((data / "cues.toml").read_text(encoding="utf-8") + "\n# edited\n",
                                    encoding="utf-8")
    monkeypatch.setattr(kg_build, "ontology_dir", lambda: data)
    assert extraction_fingerprint() != plain
    extraction_fingerprint.cache_clear()


def test_an_unchanged_rebuild_loads_no_spacy(tmp_path, seeds):
    import subprocess
    import sys

    store = tmp_path / "store"
    assert cli("--store", store, "build", "-q", seeds).exit_code == 0
    script = ("import sys\nfrom pathlib import Path\nfrom kg.build import build\nfrom kg.store import KGStore\n"
              f"with KGStore.open(Path({str(store)!r})) as s:\n"
              f"    report = build(s, [Path({str(seeds)!r})])\n"
              "print(len(report.built), len(report.unchanged), 'spacy' in sys.modules)\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout == "0 5 False\n"


def test_jobs_skip_unchanged_and_rebuild_changed_articles_like_one_job(tmp_path, seeds):
    one, two = tmp_path / "one", tmp_path / "two"
    for store in (one, two):
        assert cli("--store", store, "build", "-q", seeds).exit_code == 0
    changed = sorted(seeds.glob("*.txt"))[0]
    changed.write_text(changed.read_text(encoding="utf-8").replace("Nordkorea", "Nord-Korea", 1), encoding="utf-8")
    assert cli("--store", one, "build", seeds).output.endswith("4 unchanged\n")
    result = cli("--store", two, "build", "--jobs", "2", seeds)
    assert (result.exit_code, result.output.endswith("4 unchanged\n")) == (0, True)
    assert nquads(two) == nquads(one)


def test_a_build_that_wrote_compacts_the_store_and_an_unchanged_one_does_not(
        tmp_path, articles, fake_extractor, monkeypatch):
    compacted = []
    monkeypatch.setattr(KGStore, "optimize", lambda self: compacted.append(self.path))
    store = tmp_path / "store"
    assert cli("--store", store, "build", "-q", articles).exit_code == 0
    assert compacted == [store]
    assert cli("--store", store, "build", "-q", articles).exit_code == 0
    assert compacted == [store]
