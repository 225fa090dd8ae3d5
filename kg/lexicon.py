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
import gzip
import json
import tomllib
from dataclasses import dataclass
from pathlib import Path

from kg.resources import ontology_dir


def raw_clusters() -> dict[str, int]:
    """Word -> Brown cluster number, as spacy-lookups-data ships it (about a million words)."""
    import spacy_lookups_data

    path = Path(spacy_lookups_data.__file__).parent / "data" / "de_lexeme_cluster.json.gz"
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return json.load(f)


@dataclass(frozen=True)
class Lexicon:
    classes: dict[str, str]            # capitalised word -> given | surname | initial | place | … ; see lexicon.toml
    known: frozenset[str]              # every capitalised word the lexicon has a cluster for

    def cls(self, word: str) -> str | None:
        return self.classes.get(word)

    def knows(self, word: str) -> bool:
        return word in self.known


def load_lexicon(path: Path | None = None) -> Lexicon:
    data = tomllib.loads((path or ontology_dir() / "lexicon.toml").read_text(encoding="utf-8"))
    by_cluster = {number: name for name, numbers in data["classes"].items() for number in numbers}
    classes, known = {}, set()
    for word, cluster in raw_clusters().items():
        if not word[:1].isupper():
            continue
        known.add(word)
        name = by_cluster.get(cluster)
        if name is not None:
            classes[word] = name
    return Lexicon(classes=classes, known=frozenset(known))


@functools.lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    return load_lexicon()
