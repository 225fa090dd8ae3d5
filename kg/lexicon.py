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
import hashlib
import os
import pickle
import tempfile
import tomllib
from dataclasses import dataclass
from pathlib import Path

from kg.resources import lookups_table, ontology_dir


def raw_clusters() -> dict[str, int]:
    """Word -> Brown cluster number, as spacy-lookups-data ships it (about a million words)."""
    return lookups_table("lexeme_cluster")


@dataclass(frozen=True)
class Lexicon:
    classes: dict[str, str]            # capitalised word -> given | surname | initial | place | … ; see lexicon.toml
    known: frozenset[str]              # every capitalised word the lexicon has a cluster for

    def cls(self, word: str) -> str | None:
        return self.classes.get(word)

    def knows(self, word: str) -> bool:
        return word in self.known


def _cache_file(config: bytes) -> Path | None:
    """Where the derived lexicon is kept between runs: the user's cache folder, named by a
    hash of lexicon.toml and of spacy-lookups-data's version; None when there is no home."""
    from importlib import metadata

    try:
        version = metadata.version("spacy-lookups-data")
    except metadata.PackageNotFoundError:
        version = "unknown"
    root = os.environ.get("XDG_CACHE_HOME") or (Path.home() / ".cache" if Path.home().is_dir() else None)
    if root is None:
        return None
    digest = hashlib.sha256(config + version.encode()).hexdigest()[:16]
    return Path(root) / "newskg" / f"lexicon-{digest}.pickle"


def load_lexicon(path: Path | None = None, cache: bool = True) -> Lexicon:
    """The lexicon of ``lexicon.toml`` (default: the project's).  Deriving it reads a million
    words (about a second); the result is kept in the user's cache folder, so later runs
    load it in a fraction of that.  A cache that cannot be read or written is ignored."""
    config = (path or ontology_dir() / "lexicon.toml").read_bytes()
    target = _cache_file(config) if cache else None
    if target is not None and target.is_file():
        try:
            with target.open("rb") as f:
                classes, known = pickle.load(f)
            return Lexicon(classes=classes, known=known)
        except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError):
            pass
    lexicon = _derive(config)
    if target is not None:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".lexicon-")
            with os.fdopen(fd, "wb") as f:
                pickle.dump((lexicon.classes, lexicon.known), f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, target)
        except OSError:
            pass
    return lexicon


def _derive(config: bytes) -> Lexicon:
    data = tomllib.loads(config.decode("utf-8"))
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
