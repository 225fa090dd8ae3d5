"""Build: article files -> extraction -> quads -> one named graph per article.

The extractor is passed in (default: :func:`kg.extract.extract_article`, which
loads spaCy on first use), so this module stays importable without spaCy.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kg.article import find_articles, read_article
from kg.errors import InputError
from kg.gazetteer import default_gazetteer
from kg.model import Article, Extraction
from kg.rdf import article_iri, extraction_quads, gazetteer_quads, ontology_quads

Extractor = Callable[[Article], Extraction]


@dataclass
class BuildReport:
    built: list[str] = field(default_factory=list)          # article identifiers
    skipped: list[str] = field(default_factory=list)        # one-line reasons
    statements: int = 0

    @property
    def ok(self) -> bool:
        return not self.skipped


def default_extractor() -> Extractor:
    from kg.extract import extract_article  # imports spaCy: only when building

    return extract_article


def load_static_graphs(store) -> None:
    """(Re)load the ontology and gazetteer graphs."""
    store.replace_static(ontology_quads(), gazetteer_quads(default_gazetteer()))


def build(
    store,
    paths: Iterable[Path],
    extractor: Extractor | None = None,
    progress: Callable[[str], None] | None = None,
) -> BuildReport:
    """Extract every article under ``paths`` into ``store``.

    An article that cannot be read is skipped with a reason; nothing already in
    the store is lost.  Each article replaces its own named graph only.
    """
    report = BuildReport()
    files, problems = find_articles(list(paths))
    report.skipped.extend(problems)
    extractor = extractor or default_extractor()
    load_static_graphs(store)
    for path in files:
        try:
            article = read_article(path)
        except InputError as exc:
            report.skipped.append(str(exc))
            continue
        try:
            extraction = extractor(article)
        except Exception as exc:  # one bad article must not lose the rest of the build
            report.skipped.append(f"{path}: extraction failed ({type(exc).__name__}: {exc}), skipped")
            continue
        store.replace_graph(article_iri(article.identifier), extraction_quads(extraction))
        report.built.append(article.identifier)
        report.statements += len(extraction.statements)
        if progress:
            progress(article.identifier)
    return report
