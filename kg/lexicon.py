"""Word classes of German capitalised words, from spacy-lookups-data's lexicon.

spacy-lookups-data ships, for German, Brown clusters of a million word forms
(``de_lexeme_cluster``).  Some clusters hold almost only first names, surnames,
towns or company suffixes; ``ontology/lexicon.toml`` says which (derived from the
GermEval 2014 dev split by ``tools/lexicon_clusters.py``).  The mention finder
uses them to type names the gazetteer does not list: "Frank Walter" is a
person, "in Garmisch" a place, "Alpine Bau GmbH" an organisation.  No text is
stored, only cluster numbers.
"""
from __future__ import annotations

import functools
import tomllib
from pathlib import Path

import numpy

from kg.formindex import FORMS, FormColumn
from kg.resources import lookups_table, ontology_dir
from kg.wordtable import MISSING, WordTable, cached_table

KNOWN = ""          # the value of a word the lexicon has a cluster for but no class


def raw_clusters() -> dict[str, int]:
    """Word -> Brown cluster number, as spacy-lookups-data ships it (about a million words)."""
    return lookups_table("lexeme_cluster")


class Lexicon:
    """Every capitalised word spacy-lookups-data has a cluster for, with its class
    (given | surname | initial | place | … ; see lexicon.toml) or none."""

    def __init__(self, table: WordTable):
        self.table = table
        self._classes = numpy.array([value or None for value in table.values] + [None], dtype=object)  # by code
        self._codes = FormColumn(FORMS, table.lookup_words, numpy.int32)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Lexicon) and self.table == other.table

    def cls(self, word: str) -> str | None:
        return self.table.get(word) or None

    def knows(self, word: str) -> bool:
        return self.table.get(word) is not None

    def classes(self, rows: numpy.ndarray, at: list[int]) -> tuple[list[str | None], list[bool]]:
        """For each token (its row in the form index, :func:`kg.doclists.form_rows`): its class
        or None, and whether the lexicon knows the word at all; of the tokens at ``at`` only
        (the capitalised ones: the lexicon holds no other word), None and False elsewhere."""
        codes = numpy.full(len(rows), MISSING, dtype=numpy.int32)
        if at:
            codes[at] = self._codes.of(rows[at])
        return self._classes[codes].tolist(), (codes != MISSING).tolist()    # (MISSING, -1: the last, None)


def load_lexicon(path: Path | None = None, cache: bool = True) -> Lexicon:
    """The lexicon of ``lexicon.toml`` (default: the project's).  Deriving it reads a million
    words (about a second); the result is kept in the user's cache folder
    (:func:`kg.wordtable.cached_table`), so later runs load it in milliseconds."""
    config = (path or ontology_dir() / "lexicon.toml").read_bytes()
    return Lexicon(cached_table("lexicon", config, lambda: _derive(config), cache=cache))


def _derive(config: bytes) -> WordTable:
    data = tomllib.loads(config.decode("utf-8"))
    by_cluster = {number: name for name, numbers in data["classes"].items() for number in numbers}
    return WordTable.from_items((word, by_cluster.get(cluster, KNOWN))
                                for word, cluster in raw_clusters().items() if word[:1].isupper())


@functools.lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    return load_lexicon()
