"""Build: article files -> extraction -> quads -> one named graph per article.

The extractor is passed in (default: :func:`kg.extraction.extract_article`, which
loads spaCy on first use), so this module stays importable without spaCy.
"""
from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

import pyoxigraph as ox

from kg.article import article_identity, display, find_articles, not_a_file_reason, read_article
from kg.errors import InputError, StoreError, one_line
from kg.gazetteer import default_gazetteer
from kg.model import Article, Extraction
from kg.rdf import article_iri, extraction_quads, extractor_quad, gazetteer_quads, ontology_quads
from kg.resources import ontology_dir

Extractor = Callable[[Article], Extraction]


@dataclass
class BuildReport:
    built: list[str] = field(default_factory=list)          # article identifiers
    skipped: list[str] = field(default_factory=list)        # one-line reasons
    unchanged: list[str] = field(default_factory=list)      # same content, same extraction: not redone
    moved: list[tuple[str, str]] = field(default_factory=list)  # (old, new) identity of a store built before
    statements: int = 0

    @property
    def ok(self) -> bool:
        return not self.skipped


def default_extractor() -> Extractor:
    """The rules alone, with the default pipeline; only :meth:`ExtractorSpec.make` calls it
    (tests put a fake extractor here)."""
    from kg.extraction import default_cues, extract_article  # imports spaCy: only when building

    default_cues()      # the cue data checked before the first article, not on it
    return extract_article


@functools.lru_cache(maxsize=8)
def extraction_fingerprint(*options: str) -> str:
    """What an article's graph depends on besides its text: the code in ``kg/``, every data
    file in ``ontology/``, the versions of spaCy and its lookups, and the build's options
    (model name, name model).  Stored as ``kg:extractor`` on each article."""
    digest = hashlib.sha256()
    code = Path(__file__).parent
    files = [(p.relative_to(code).as_posix(), p) for p in sorted(code.rglob("*.py"))]
    files += [(p.name, p) for p in sorted(ontology_dir().glob("*.t*"))]
    for name, path in files:
        digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    for package in ("spacy", "spacy-lookups-data", "pyoxigraph"):
        try:
            digest.update(f"{package}={metadata.version(package)}\0".encode())
        except metadata.PackageNotFoundError:
            pass
    for option in options:
        digest.update(f"option={option}\0".encode())
    return digest.hexdigest()[:16]


def load_static_graphs(store) -> None:
    """(Re)load the ontology and gazetteer graphs."""
    store.replace_static(ontology_quads(), gazetteer_quads(default_gazetteer()))


@dataclass(frozen=True)
class ExtractorSpec:
    """How to make the extractor, picklable, so that worker processes can make their own.
    :meth:`make` is the one way an extractor is made, in this process or in a worker."""

    model: str | None = None        # an installed spaCy model's name
    ner: str | None = None          # a trained name model's path (kg/ner.py)

    def make(self) -> Extractor:
        if self.model is None and self.ner is None:
            return default_extractor()
        from kg.extraction import default_cues, extract_article
        from kg.nlp import load_pipeline

        default_cues()

        tagger = None
        if self.ner is not None:
            from kg.ner import NameTagger

            tagger = NameTagger(self.ner)
        try:
            nlp = load_pipeline(self.model)
        except RuntimeError as exc:
            raise InputError(str(exc)) from None
        return functools.partial(extract_article, nlp=nlp, tagger=tagger)

    def options(self) -> tuple[str, ...]:
        out = [f"model={self.model}"] if self.model else []
        if self.ner is not None:
            out.append("ner=" + hashlib.sha256(Path(self.ner).read_bytes()).hexdigest())
        return tuple(out)


@dataclass
class _Done:
    """One file's outcome: its article graph's quads as N-Quads, unchanged, or why it failed."""

    identifier: str
    path: str
    content_hash: str | None = None
    nquads: bytes | None = None
    statements: int = 0
    error: str | None = None
    unchanged: bool = False


def article_graph(article: Article, extraction: Extraction, fingerprint: str) -> list[ox.Quad]:
    """Every quad of the article's named graph, with the fingerprint of the extraction; its
    rows name entities from the gazetteer the build loads into the store."""
    quads = extraction_quads(extraction, gazetteer=default_gazetteer())
    return quads + [extractor_quad(article.identifier, fingerprint)]


def _extract_one(extractor: Extractor, article: Article, fingerprint: str) -> _Done:
    done = _Done(article.identifier, display(article.source_path or article.identifier), article.content_hash)
    try:
        extraction = extractor(article)
    except Exception as exc:  # one bad article must not lose the rest of the build
        done.error = f"{done.path}: extraction failed ({type(exc).__name__}: {exc}), skipped"
        return done
    done.nquads = ox.serialize(article_graph(article, extraction, fingerprint), format=ox.RdfFormat.N_QUADS)
    done.statements = len(extraction.statements)
    return done


def _process(file: tuple[str, str], extractor: Callable[[], Extractor], fingerprint: str, held: dict) -> _Done:
    """Read one file, ``(path, identity)``, and extract it, unless it cannot be read or the
    store holds it unchanged.  ``extractor()`` gives the extractor (made on first use; a model
    that cannot be loaded stops the build with its one-line message)."""
    path, identifier = file
    try:
        article = read_article(Path(path), identifier)
    except InputError as exc:
        return _Done(identifier, display(path), error=str(exc))
    if held.get(article_iri(identifier)) == (article.content_hash, fingerprint):
        return _Done(identifier, display(path), article.content_hash, unchanged=True)
    return _extract_one(extractor(), article, fingerprint)


class _LazyExtractor:
    """The extractor, made on first call: a build whose articles are all unchanged loads no spaCy."""

    def __init__(self, extractor: Extractor | None, spec: ExtractorSpec):
        self._extractor, self._spec = extractor, spec

    def __call__(self) -> Extractor:
        if self._extractor is None:
            self._extractor = self._spec.make()
        return self._extractor


_WORKER: dict = {}
FLUSH_EVERY = 500     # articles written between two flushes of the store's memory buffers
CHUNK = 8             # files handed to a worker process at a time


def _init_worker(spec: ExtractorSpec, fingerprint: str, held: dict) -> None:
    if "extractor" not in _WORKER:       # not inherited from the parent (spawn)
        _WORKER["extractor"] = spec.make()
    _WORKER["fingerprint"] = fingerprint
    if "held" not in _WORKER:
        _WORKER["held"] = held


def _warm(extractor: Extractor) -> None:
    """Load what every extraction needs (spaCy pipeline, gazetteer, cues, lexicon) once, in
    this process, so that forked workers share it instead of each loading it again."""
    extractor(Article(identifier="warm-up", text="Putin traf Kim Jong Un in Moskau.\n", body_start=0))


def _work(file: tuple[str, str]) -> _Done:
    return _process(file, _worker_extractor, _WORKER["fingerprint"], _WORKER["held"])


def _worker_extractor() -> Extractor:
    return _WORKER["extractor"]


def _outcomes(files: list[tuple[str, str]], extractor: Extractor | None, spec: ExtractorSpec | None,
              fingerprint: str, jobs: int, held: dict):
    """Each file's outcome, in the files' order, from this process or from ``jobs`` worker
    processes.  Workers get only file paths: each reads, hashes and extracts its own files
    and sends back N-Quads; the store's versions (``held``) they inherit."""
    spec = spec or ExtractorSpec()
    lazy = _LazyExtractor(extractor, spec)
    if jobs <= 1:
        for file in files:
            yield _process(file, lazy, fingerprint, held)
        return
    import multiprocessing

    fork = "fork" in multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if fork else None)
    _WORKER.clear()
    if fork:
        made = lazy()
        _warm(made)
        _WORKER.update(extractor=made, held=held)
    try:
        with context.Pool(jobs, initializer=_init_worker,
                          initargs=(spec, fingerprint, {} if fork else held)) as pool:
            yield from pool.imap(_work, files, chunksize=CHUNK)
    finally:
        _WORKER.clear()


def build(
    store,
    paths: Iterable[Path],
    extractor: Extractor | None = None,
    progress: Callable[[int, int, str], None] | None = None,
    fingerprint: str | None = None,
    force: bool = False,
    jobs: int = 1,
    spec: ExtractorSpec | None = None,
) -> BuildReport:
    """Extract every article under ``paths`` into ``store``.

    An article that cannot be read is skipped with a reason; nothing already in
    the store is lost.  Each article replaces its own named graph only.  An article
    whose content hash and extraction fingerprint match what the store holds is not
    extracted again (unless ``force``).  With ``jobs`` > 1, extraction runs in that
    many worker processes (each making its extractor from ``spec``); the store is
    written by this process alone, in the files' order.  ``progress(done, total, id)``
    is called after each file.
    """
    load_static_graphs(store)
    versions = store.article_versions()
    held = {} if force else versions
    written, moved = [0], []

    def write(done: _Done) -> None:
        store.replace_graph_nquads(article_iri(done.identifier), done.nquads)
        written[0] += 1
        if written[0] % FLUSH_EVERY == 0:
            store.flush()

    def settle(done: _Done) -> None:
        old = _old_identity(done, versions)
        if old is not None and store.remove_graph(article_iri(old)):
            moved.append((old, done.identifier))

    report = _extract_all(paths, write, extractor, spec, jobs, progress, fingerprint, held, settle=settle)
    report.moved = moved
    if report.built or report.moved:
        store.optimize()
    return report


def _old_identity(done: _Done, versions: dict) -> str | None:
    """The identity a store built before identities were paths gave this same text: the file's
    name alone.  Such a graph is this article under its old name (its content hash says so);
    a graph of another text under that name is another article and is left alone."""
    if done.content_hash is None:
        return None
    old = article_identity(done.path)
    if old == done.identifier:
        return None
    stored = versions.get(article_iri(old))
    return old if stored is not None and stored[0] == done.content_hash else None


def extract_to(out, paths: Iterable[Path] = (), extractor: Extractor | None = None, jobs: int = 1,
               spec: ExtractorSpec | None = None, progress=None,
               files: list[tuple[str, str]] | None = None) -> BuildReport:
    """``kg extract``: the articles' graphs, and the ontology and gazetteer graphs, as one
    self-contained N-Quads shard written to the binary stream ``out``; no store needed.
    ``files`` gives ``(path, identity)`` pairs already found (a batch of a larger archive)."""
    out.write(ox.serialize(ontology_quads() + gazetteer_quads(default_gazetteer()), format=ox.RdfFormat.N_QUADS))
    return _extract_all(paths, lambda done: out.write(done.nquads), extractor, spec, jobs, progress, None, {},
                        files=files)


def _extract_all(paths: Iterable[Path], write: Callable[[_Done], object], extractor: Extractor | None,
                 spec: ExtractorSpec | None, jobs: int, progress, fingerprint: str | None,
                 held: dict, settle: Callable[[_Done], object] = lambda done: None,
                 files: list[tuple[str, str]] | None = None) -> BuildReport:
    """Read, extract and ``write`` every article under ``paths`` (or the ``files`` given) that
    ``held`` does not already hold unchanged; what fails is skipped with its reason.
    ``settle`` sees every article built or unchanged."""
    report = BuildReport()
    if files is None:
        files, problems = find_articles(list(paths))
        report.skipped.extend(problems)
    fingerprint = fingerprint or extraction_fingerprint(*(spec.options() if spec else ()))
    for count, done in enumerate(_outcomes(files, extractor, spec, fingerprint, jobs, held), 1):
        if done.unchanged:
            report.unchanged.append(done.identifier)
        elif done.error is not None:
            report.skipped.append(done.error)
        else:
            write(done)
            report.built.append(done.identifier)
            report.statements += done.statements
        if done.error is None:
            settle(done)
        if progress:
            progress(count, len(files), done.identifier)
    return report


@dataclass
class LoadReport:
    graphs: int = 0                                         # graphs loaded
    quads: int = 0
    refused: list[str] = field(default_factory=list)        # one line per shard not loaded


def load_shards(store, shards: Iterable[Path], progress=None) -> LoadReport:
    """``kg load``: N-Quads shards into the store, streamed.  Each named graph in a shard
    replaces the graph of that name in the store (one transaction per graph), so loading a
    shard twice, or a newer shard over an older one, gives what a build would have given.

    A shard goes in whole or not at all: it is read through once before anything of it is
    written, and a shard that cannot be read, is not N-Quads or has a quad outside a named
    graph is refused with its reason while the other shards still load.  A store that fails
    while a shard is written (a full disk) stops the load with how many of that shard's graphs
    went in; every graph is whole, and loading the shard again completes it."""
    report = LoadReport()
    seen: set[str] = set()
    for shard in shards:
        problem = _shard_problem(shard)
        if problem:
            report.refused.append(f"{display(shard)}: {problem}; nothing of it loaded")
            continue
        before = len(seen)
        graph, batch = None, []
        try:
            for quad in ox.parse(path=str(shard), format=ox.RdfFormat.N_QUADS):
                if quad.graph_name.value != graph:
                    report.quads += _flush(store, graph, batch, seen)
                    graph, batch = quad.graph_name.value, []
                    if progress:
                        progress(len(seen), graph)
                batch.append(quad)
            report.quads += _flush(store, graph, batch, seen)
        except StoreError as exc:
            raise StoreError(f"{exc}; {len(seen) - before} graphs of {display(shard)} went in whole before it "
                             "(loading the shard again completes it)") from None
        except (SyntaxError, OSError) as exc:      # the shard changed after it was read through
            raise InputError(f"{display(shard)}: {one_line(exc)} while loading; {len(seen) - before} graphs "
                             "of it went in whole (loading it again completes it)") from None
    report.graphs = len(seen)
    if seen:
        store.optimize()
    return report


def _shard_problem(shard: Path) -> str | None:
    """Why the shard cannot be loaded (read through once, nothing kept), or None.  A shard is
    read twice, so it must be a regular file (not a FIFO or a device)."""
    if not shard.is_file():
        return not_a_file_reason(shard)
    try:
        for quad in ox.parse(path=str(shard), format=ox.RdfFormat.N_QUADS):
            if not isinstance(quad.graph_name, ox.NamedNode):
                return "a quad outside any named graph; kg load takes N-Quads shards written by kg extract"
    except SyntaxError as exc:
        return f"not N-Quads ({one_line(exc)})"
    except FileNotFoundError:
        return "no such file"
    except IsADirectoryError:
        return "is a directory"
    except OSError as exc:
        return f"cannot read ({exc.strerror or exc})"
    return None


def _flush(store, graph: str | None, batch: list, seen: set[str]) -> int:
    if graph is None:
        return 0
    if graph in seen:                     # the same graph again later in the shards: add to it
        store.add_quads(batch)
    else:
        store.replace_graph(graph, batch)
        seen.add(graph)
        if len(seen) % FLUSH_EVERY == 0:
            store.flush()
    return len(batch)

