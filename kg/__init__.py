"""newskg: knowledge graphs from German news articles.

The flow runs one way: articles -> spaCy Doc -> mentions -> statements -> RDF
quads -> store -> query / export / summary / serve (``kg.web``).  Importing ``kg`` (or
any module that a read command needs: ``kg.cli``, ``kg.store``, ``kg.queries``,
``kg.summary``, ``kg.web``) never imports spaCy; the extraction modules (``kg.nlp``,
``kg.doclists``, ``kg.gazetteer_matcher``, ``kg.wordtable``, ``kg.mentions``,
``kg.extraction``, ``kg.clauses``, ``kg.ner``) do, and are
imported only by a build (a test checks that ``kg.cli`` does not).

The Python API (:mod:`kg.api`) is here, imported on first use so that ``import kg`` stays
fast: ``kg.open_store(path, read_only=True)`` (a :class:`kg.api.Store`: ``.query(name or
SPARQL, params, limit, offset, dataframe)``, ``.summary()``, ``.show(name)``),
``kg.extract_text(text, date=...)`` (statements as dicts) and ``kg.build_files(store, paths)``
(not ``kg.build``: that is the module :mod:`kg.build`).
"""

__version__ = "0.1.0"

#: The names of the Python API, imported from :mod:`kg.api` when first used.
API = ("open_store", "build_files", "extract_text", "Store", "Rows")
__all__ = ["__version__", *API]


def __getattr__(name: str):
    if name in API:
        from kg import api

        return getattr(api, name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
