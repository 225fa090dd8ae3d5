"""Shared fixtures: a small hand-made graph, a fresh in-memory store per test,
and a fake extractor so CLI tests do not depend on the real one.

The graph is made from ``kg.model`` records through ``kg.rdf`` exactly as a
build makes it, with its own little gazetteer (not ``ontology/gazetteer.toml``)
so that editing the data files does not move these tests.
"""
from __future__ import annotations

import contextlib
import subprocess
import sys
import textwrap

import dataclasses
from pathlib import Path

import pytest

import kg.build
from kg.gazetteer import Entry, Gazetteer, Role
from kg.model import Article, EntityRef, Extraction, Sentence, Statement
from kg.rdf import article_iri, extraction_quads, gazetteer_quads, ontology_quads
from kg.store import KGStore

GAZETTEER = Gazetteer(
    entries={e.key: e for e in (
        Entry("russia", "Russland", "State", forms=("Russland", "Russische Föderation"), wikidata="Q159"),
        Entry("north_korea", "Nordkorea", "State", forms=("Nordkorea", "DVRK"), wikidata="Q423"),
        Entry("west", "der Westen", "Group", forms=("Westen", "westliche Staaten")),
        Entry("kremlin", "Kreml", "Organization", forms=("Kreml",), wikidata="Q83124"),
        Entry("putin", "Wladimir Putin", "Person", forms=("Wladimir Putin", "Putin"), wikidata="Q7747",
              roles=(Role("head_of_state", "russia"),)),
        Entry("kim_jong_un", "Kim Jong Un", "Person", forms=("Kim Jong Un", "Kim Jong-un"), wikidata="Q56226",
              roles=(Role("head_of_state", "north_korea"),)),
        Entry("lukashenko", "Alexander Lukaschenko", "Person", forms=("Lukaschenko",), wikidata="Q48241"),
        Entry("pyongyang", "Pjöngjang", "Place", forms=("Pjöngjang", "Pyongyang"), wikidata="Q18808"),
        Entry("sochi", "Sotschi", "Place", forms=("Sotschi", "Sochi"), wikidata="Q127359"),
    )},
    titles={},
)

A1 = [
    "Nordkorea liefert Raketen an Russland.",
    "Westliche Staaten verdächtigen Moskau, Technologien an Pjöngjang weiterzureichen.",
    "Der Kreml dementierte dies.",
    "Putin unterzeichnete in Pjöngjang mit Kim Jong Un einen Vertrag.",
    "Russland legte Ende März ein Veto gegen die Resolution zu Nordkorea ein.",
    "Der Westen hat Sanktionen gegen Russland verhängt.",
    "Putin traf Lukaschenko im September 2023 in Sotschi.",
]
B2 = ["Eine Reise Putins nach Nordkorea steht noch aus."]
C3 = [
    "Lukaschenko sagte, Russland liefere Raketen an Nordkorea.",
    "Kim Jong Un besuchte Sotschi nicht.",
]
RAKETE = EntityRef("item:rakete", "Rakete", "Item", ("Raketen",))


def _st(relation, subject, obj, modality, sentence, **more) -> Statement:
    return Statement(relation=relation, subject=subject, object=obj, modality=modality, sentence=sentence,
                     trigger="x", trigger_char=sentence, **more)


def _extraction(identifier, sentences, statements, entities=(), **article) -> Extraction:
    text = " ".join(sentences)
    spans, offset = [], 0
    for n, sentence in enumerate(sentences):
        spans.append(Sentence(n, sentence, offset, offset + len(sentence)))
        offset += len(sentence) + 1
    return Extraction(Article(identifier, text, 0, **article), tuple(spans), tuple(statements), tuple(entities))


def fixture_extractions() -> list[Extraction]:
    """Three articles: 9 + 1 + 2 statements covering every relation and modality."""
    a1 = _extraction("a1", A1, [
        _st("supplies", "north_korea", "russia", "asserted", 0, items=("item:rakete",)),
        _st("supplies", "russia", "north_korea", "alleged", 1, attributed_to="west",
            items=("item:technologie",)),
        _st("supplies", "russia", "north_korea", "denied", 2, attributed_to="kremlin",
            items=("item:technologie",), contradicts=(1,)),
        _st("visited", "putin", "pyongyang", "asserted", 3, time="2024-06"),
        _st("signedTreatyWith", "putin", "kim_jong_un", "asserted", 3, place="pyongyang", time="2024-06"),
        _st("vetoed", "russia", "measure:a1-1", "asserted", 4, time="2024-03"),
        _st("imposedSanctionsOn", "west", "russia", "asserted", 5),
        _st("metWith", "putin", "lukashenko", "asserted", 6, place="sochi", time="2023-09"),
    ], [
        RAKETE,
        EntityRef("item:technologie", "Technologie", "Item", ("Technologien",)),
        EntityRef("measure:a1-1", "Resolution zu Nordkorea", "Measure", concerns="north_korea"),
        EntityRef("putin", "Wladimir Putin", "Person", ("Putin",), in_gazetteer=True),
    ], date="2024-06", publisher="dpa")
    b2 = _extraction("b2", B2, [_st("visited", "putin", "north_korea", "planned", 0)])
    c3 = _extraction("c3", C3, [
        _st("supplies", "russia", "north_korea", "reported", 0, attributed_to="lukashenko",
            items=("item:rakete",)),
        _st("visited", "kim_jong_un", "sochi", "negated", 1),
    ], [RAKETE], date="2024-07-15", publisher="AFP")
    return [a1, b2, c3]


def load_fixture(store: KGStore) -> KGStore:
    store.replace_static(ontology_quads(), gazetteer_quads(GAZETTEER))
    for extraction in fixture_extractions():
        quads = extraction_quads(extraction, gazetteer=GAZETTEER)
        store.replace_graph(article_iri(extraction.article.identifier), quads)
    return store


@pytest.fixture
def store() -> KGStore:
    """A fresh in-memory store holding the fixture graph."""
    return load_fixture(KGStore.open(None))


def fake_extract(article: Article) -> Extraction:
    """The fixture's extraction for a file named like a fixture article, else nothing found."""
    if "boom" in article.text:
        raise ValueError("the extractor broke")
    known = {e.article.identifier: e for e in fixture_extractions()}
    if article.identifier in known:
        fixture = known[article.identifier]
        same = dataclasses.replace(fixture.article, content_hash=article.content_hash,
                                   source_path=article.source_path)
        return dataclasses.replace(fixture, article=same)
    return Extraction(article, (), ())


@pytest.fixture
def fake_extractor(monkeypatch):
    """``kg build`` runs with :func:`fake_extract` and the fixture gazetteer."""
    monkeypatch.setattr(kg.build, "default_extractor", lambda: fake_extract)
    monkeypatch.setattr(kg.build, "default_gazetteer", lambda: GAZETTEER)
    return fake_extract


@pytest.fixture
def articles(tmp_path) -> Path:
    """A folder of the fixture articles as files (a1.txt, b2.txt, c3.txt)."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for extraction in fixture_extractions():
        article = extraction.article
        head = f"date {article.date}\n" if article.date else ""
        (folder / f"{article.identifier}.txt").write_text(head + article.text, encoding="utf-8")
    return folder


@contextlib.contextmanager
def store_held_by_another_process(path, newskg: bool = False):
    """A second process that keeps the on-disk store at ``path`` open until the block ends:
    with bare pyoxigraph, or (``newskg``) as a newskg writer, taking the store's lock."""
    opening = (f"from kg.store import KGStore; store = KGStore.open({str(path)!r})" if newskg
               else f"import pyoxigraph; store = pyoxigraph.Store({str(path)!r})")
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys
            {opening}
            print("open", flush=True)
            sys.stdin.read()
        """)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline() == "open\n"
        yield holder
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)


def cli(*args, **kwargs):
    """``kg ARGS`` through click's runner (paths may be Path objects)."""
    from click.testing import CliRunner

    from kg.cli import main

    return CliRunner().invoke(main, [str(a) for a in args], **kwargs)


def nquads(store_path) -> bytes:
    """The store's sorted N-Quads export: equal bytes, equal stores."""
    result = cli("--store", store_path, "export", "--format", "nquads")
    assert result.exit_code == 0, result.output
    return result.stdout_bytes


#: The venv's ``kg`` command, for tests that need a real process (signals, bytes in argv).
KG = str(Path(sys.executable).with_name("kg"))


@pytest.fixture
def store_path(tmp_path) -> Path:
    """An on-disk store of the fixture graph, one per test (for tests that change or lock it)."""
    path = tmp_path / "kg-store"
    with KGStore.open(path) as opened:
        load_fixture(opened)
    return path


@pytest.fixture(scope="module")
def disk_store(tmp_path_factory) -> Path:
    """An on-disk store of the fixture graph (no spaCy, no build), shared by a module's tests."""
    path = tmp_path_factory.mktemp("disk") / "kg-store"
    with KGStore.open(path) as opened:
        load_fixture(opened)
    return path


def processes_running(marker: str) -> list[int]:
    """Ids of the live processes whose command line holds ``marker`` (a test's own store path)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and marker.encode() in (entry / "cmdline").read_bytes():
                state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
                if state != "Z":
                    found.append(int(entry.name))
        except OSError:
            continue
    return found


SHARED = Path(__import__("os").environ.get("KG_SHARED_DIR", Path(__file__).resolve().parents[2] / "shared"))
CORPUS = SHARED / "corpora" / "10kgnad" / "test.csv"


@pytest.fixture(scope="session")
def corpus_articles(tmp_path_factory) -> Path:
    """A folder of the first 300 articles of the 10kGNAD test corpus in ../shared as files
    (read at test time, never copied into the project)."""
    import csv

    if not CORPUS.exists():
        pytest.skip(f"no corpus at {CORPUS}")
    folder = tmp_path_factory.mktemp("corpus") / "articles"
    folder.mkdir()
    with CORPUS.open(encoding="utf-8") as f:
        for n, (label, text) in enumerate(csv.reader(f, delimiter=";", quotechar="'")):
            if n == 300:
                break
            (folder / f"{n:04d}_{label}.txt").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def corpus_shard(corpus_articles) -> Path:
    """An N-Quads shard made by ``kg extract`` from :func:`corpus_articles`."""
    shard = corpus_articles.parent / "corpus.nq"
    assert cli("extract", "-q", corpus_articles, "-o", shard).exit_code == 0
    return shard


def graphs_of(*shards: Path) -> dict[str, set[str]]:
    """Graph name -> its quads (as N-Quads lines, as a store holds them: ``"0.90"`` is
    ``"0.9"`` there), read from shards or exports."""
    import pyoxigraph as ox

    store = ox.Store()
    for shard in shards:
        store.load(path=str(shard), format=ox.RdfFormat.N_QUADS)
    graphs: dict[str, set[str]] = {}
    for quad in store:
        graphs.setdefault(quad.graph_name.value, set()).add(str(quad))
    return graphs


def assert_no_half_article(store_path: Path, shards: list[Path]) -> int:
    """The store holds no half graph: every graph in it is exactly its graph in the shards, and
    every article graph has its ``kg:contentHash`` and ``kg:extractor``.  Returns how many
    graphs the store holds."""
    expected = graphs_of(*shards)
    export = store_path.parent / f"{store_path.name}-check.nq"
    export.write_bytes(nquads(store_path))
    held = graphs_of(export)
    export.unlink()
    for graph, quads in held.items():
        assert quads == expected.get(graph), f"graph {graph} is not as in the shards"
        if "/resource/article/" in graph:
            for predicate in ("contentHash", "extractor"):
                assert any(f" <https://w3id.org/newskg/ontology#{predicate}> " in q for q in quads), (graph, predicate)
    return len(held)


def copy_shard(shard: Path, out: Path, tag: str) -> Path:
    """The shard with every article renamed (``article/ID`` -> ``article/TAG-ID``): as many new
    article graphs as the shard has."""
    out.write_bytes(shard.read_bytes().replace(b"/resource/article/", f"/resource/article/{tag}-".encode()))
    return out


SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory) -> Path:
    """A store of ``seeds/`` built by ``kg build`` (the real extractor), shared by the session."""
    path = tmp_path_factory.mktemp("seeds") / "kg-store"
    result = cli("--store", path, "build", "-q", SEEDS)
    assert result.exit_code == 0, result.output
    return path


@contextlib.contextmanager
def serving(store_path, *options):
    """``kg serve`` on a free loopback port in a real process: yields (base URL, process); the
    server is stopped with Ctrl-C (SIGINT) when the block ends, if it still runs."""
    import signal

    server = subprocess.Popen([KG, "--store", str(store_path), "serve", "--port", "0", *map(str, options)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = server.stdout.readline()
        assert line.startswith(f"serving {store_path} at http://127.0.0.1:"), (line, server.stderr.read())
        yield line.split(" at ", 1)[1].split("/ ", 1)[0], server
    finally:
        if server.poll() is None:
            server.send_signal(signal.SIGINT)
        server.communicate(timeout=30)


@pytest.fixture(scope="session")
def seed_server(seed_store):
    """The base URL of ``kg serve --timeout 3`` over :func:`seed_store`, for the session."""
    with serving(seed_store, "--timeout", 3) as (url, _):
        yield url
