"""The Python API: a few calls over the library, for notebooks and programs.

``import kg`` makes these available lazily (:mod:`kg` imports this module on first use), so
``import kg`` stays fast and never imports spaCy; only :func:`extract_text` and
:func:`build_files` load the German pipeline, on their first call.

    store = kg.open_store("kg-store")                  # read-only; read_only=False to build
    rows = store.query("who-supplies-whom", limit=20)  # a bundled query, or SPARQL text
    rows[0]["supplier"]                                # rows are dicts of plain strings
    rows.to_dataframe()                                # with pandas installed
    kg.extract_text("Putin besuchte Pjöngjang.", date="2024-06")   # statements as dicts
    kg.build_files(store, ["seeds/"])                  # a writable store

Errors are :class:`kg.errors.KGError` with a one-line message, as the CLI prints them.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox

from kg.errors import InputError, KGError
from kg.queries import Query, bundled, parse_query, run
from kg.store import KGStore

__all__ = ["Rows", "Store", "build_files", "extract_text", "open_store"]


class Rows(list):
    """Query rows: a list of dicts (column -> value, ``None`` where unbound; IRIs in full,
    literals as their text), with the columns in the query's order."""

    def __init__(self, columns: list[str], rows: Iterable[dict]):
        super().__init__(rows)
        self.columns = columns

    def to_dataframe(self):
        """The rows as a pandas DataFrame (pandas must be installed)."""
        try:
            import pandas
        except ImportError:
            raise KGError("to_dataframe needs pandas: pip install pandas") from None
        return pandas.DataFrame(list(self), columns=self.columns)


class Store:
    """An open store: query it, summarise it, look an entity up, build into it.  A context
    manager; :meth:`close` releases it for other processes."""

    def __init__(self, store: KGStore):
        self._store = store

    @property
    def path(self) -> Path | None:
        return self._store.path

    def query(self, query: str, params: dict[str, str] | None = None, limit: int | None = None,
              offset: int = 0, dataframe: bool = False):
        """Run a bundled query by name (``kg query --list``) or SPARQL text; ``params`` bind
        its variables (a declared parameter takes an entity name).  Rows as :class:`Rows`, or
        a DataFrame with ``dataframe=True``; ASK gives a bool."""
        named = bundled().get(query)
        q: Query = named or parse_query("sparql", query)
        results = run(self._store, q, params or {}, limit=limit, offset=offset)
        if isinstance(results, ox.QueryBoolean):
            return bool(results)
        if not isinstance(results, ox.QuerySolutions):
            raise InputError("the API returns rows: use a SELECT or ASK query")
        columns = [v.value for v in results.variables]
        rows = Rows(columns, ({name: _plain(solution[name]) for name in columns} for solution in results))
        return rows.to_dataframe() if dataframe else rows

    def summary(self) -> dict:
        """What ``kg summary --format json`` prints, as a dict."""
        from kg.summary import summary

        return summary(self._store)

    def show(self, name: str) -> dict:
        """One entity by any of its names, as ``kg show NAME --format json``."""
        from kg.summary import show

        return show(self._store, name)

    def close(self) -> None:
        self._store.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _plain(term) -> str | None:
    return None if term is None else term.value


def open_store(path: str | Path | None = "kg-store", read_only: bool = True) -> Store:
    """Open the store at ``path`` (``None``: a new store in memory, writable).  Read-only
    opening never creates anything; ``read_only=False`` creates a missing store."""
    return Store(KGStore.open(None if path is None else Path(path), read_only=read_only and path is not None))


def build_files(store: Store | str | Path, paths: Iterable[str | Path], jobs: int = 1, force: bool = False):
    """Extract the articles in ``paths`` (.txt files or folders) into a store opened for
    writing (or the store at a path, opened and closed here); returns the build's report
    (``built``, ``statements``, ``unchanged``, ``skipped``: the reasons)."""
    from kg.build import ExtractorSpec, build as build_articles

    paths = [Path(p) for p in paths]
    if isinstance(store, Store):
        return build_articles(store._store, paths, jobs=jobs, force=force, spec=ExtractorSpec())
    with KGStore.open(Path(store), read_only=False) as opened:
        return build_articles(opened, paths, jobs=jobs, force=force, spec=ExtractorSpec())


def extract_text(text: str, date: str | None = None, identifier: str = "text") -> list[dict]:
    """The statements in a German ``text`` as dicts (subject, relation, object, modality,
    source, items, place, time, evidence, start, end); ``date`` (``YYYY-MM`` or
    ``YYYY-MM-DD``) resolves times like 'im vergangenen Jahr'.  Loads the German pipeline
    on its first call."""
    from kg.article import parse_article
    from kg.build import default_extractor
    from kg.gazetteer import default_gazetteer

    if date is not None and not _is_date(date):
        raise InputError(f"date {date!r} is not YYYY-MM or YYYY-MM-DD")
    article = parse_article((f"date {date}\n" if date else "") + text, identifier)
    extraction = default_extractor()(article)
    gazetteer = default_gazetteer()
    names = {e.key: e.label for e in extraction.entities}

    def name(key: str | None) -> str | None:
        if key is None:
            return None
        return names.get(key) or (gazetteer.entries[key].label if key in gazetteer.entries else key)

    sentences = {s.index: s for s in extraction.sentences}
    return [{
        "subject": name(st.subject), "relation": st.relation, "object": name(st.object),
        "modality": st.modality, "source": name(st.attributed_to), "items": [name(i) for i in st.items],
        "place": name(st.place), "time": st.time, "evidence": sentences[st.sentence].text,
        "start": sentences[st.sentence].start_char - article.body_start,
        "end": sentences[st.sentence].end_char - article.body_start,
    } for st in extraction.statements]


def _is_date(value: str) -> bool:
    import re

    return re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", value) is not None
