"""Build: article files -> extraction -> quads -> one named graph per article.

The extractor is passed in (default: :func:`kg.extract.extract_article`, which
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

from kg.article import find_articles, read_article
from kg.errors import InputError
from kg.gazetteer import default_gazetteer
from kg.model import Article, Extraction
from kg.rdf import article_iri, extraction_quads, gazetteer_quads, ontology_quads
from kg.resources import ontology_dir
from kg.terms import KG

Extractor = Callable[[Article], Extraction]


@dataclass
class BuildReport:
    built: list[str] = field(default_factory=list)          # article identifiers
    skipped: list[str] = field(default_factory=list)        # one-line reasons
    unchanged: list[str] = field(default_factory=list)      # same content, same extraction: not redone
    statements: int = 0

    @property
    def ok(self) -> bool:
        return not self.skipped


def default_extractor() -> Extractor:
    from kg.extract import extract_article  # imports spaCy: only when building

    return extract_article


@functools.lru_cache(maxsize=8)
def extraction_fingerprint(*options: str) -> str:
    """What an article's graph depends on besides its text: the code in ``kg/``, every data
    file in ``ontology/``, the versions of spaCy and its lookups, and the build's options
    (model name, name model).  Stored as ``kg:extractor`` on each article."""
    digest = hashlib.sha256()
    files = sorted(Path(__file__).parent.glob("*.py")) + sorted(ontology_dir().glob("*.t*"))
    for path in files:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
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


def build(
    store,
    paths: Iterable[Path],
    extractor: Extractor | None = None,
    progress: Callable[[str], None] | None = None,
    fingerprint: str | None = None,
    force: bool = False,
) -> BuildReport:
    """Extract every article under ``paths`` into ``store``.

    An article that cannot be read is skipped with a reason; nothing already in
    the store is lost.  Each article replaces its own named graph only.  An article
    whose content hash and extraction fingerprint match what the store holds is not
    extracted again (unless ``force``).
    """
    report = BuildReport()
    files, problems = find_articles(list(paths))
    report.skipped.extend(problems)
    extractor = extractor or default_extractor()
    fingerprint = fingerprint or extraction_fingerprint()
    load_static_graphs(store)
    held = {} if force else store.article_versions()
    for path in files:
        try:
            article = read_article(path)
        except InputError as exc:
            report.skipped.append(str(exc))
            continue
        iri = article_iri(article.identifier)
        if held.get(iri) == (article.content_hash, fingerprint):
            report.unchanged.append(article.identifier)
            if progress:
                progress(article.identifier)
            continue
        try:
            extraction = extractor(article)
        except Exception as exc:  # one bad article must not lose the rest of the build
            report.skipped.append(f"{path}: extraction failed ({type(exc).__name__}: {exc}), skipped")
            continue
        graph = ox.NamedNode(iri)
        quads = extraction_quads(extraction)
        quads.append(ox.Quad(graph, ox.NamedNode(KG.extractor), ox.Literal(fingerprint), graph))
        store.replace_graph(iri, quads)
        report.built.append(article.identifier)
        report.statements += len(extraction.statements)
        if progress:
            progress(article.identifier)
    return report
