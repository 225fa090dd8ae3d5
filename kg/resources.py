"""Where the project's data files live: ``ontology/`` and ``queries/``; and the German
tables of spacy-lookups-data.

They sit beside the ``kg`` package in the source tree (the project installs in
editable mode); ``KG_DATA_DIR`` points elsewhere for a relocated install, ``KG_ONTOLOGY_DIR``
to another ontology folder alone.
"""
from __future__ import annotations

import functools
import gzip
import json
import os
from pathlib import Path


#: the source tree's root, worked out once (resolving the path is the dear part)
_SOURCE_ROOT = Path(__file__).resolve().parent.parent


def data_root() -> Path:
    override = os.environ.get("KG_DATA_DIR")
    return Path(override) if override else _SOURCE_ROOT


@functools.lru_cache(maxsize=16)
def _ontology_dir(ontology: str | None, data: str | None) -> Path:
    return Path(ontology) if ontology else (Path(data) if data else _SOURCE_ROOT) / "ontology"


def ontology_dir() -> Path:
    """``ontology/`` of the data root, or the folder ``KG_ONTOLOGY_DIR`` names (a copy with a
    relation or cue added, for example); read from the environment at each call."""
    return _ontology_dir(os.environ.get("KG_ONTOLOGY_DIR"), os.environ.get("KG_DATA_DIR"))


def queries_dir() -> Path:
    return data_root() / "queries"


def cache_folder() -> Path | None:
    """The user's cache folder for newskg, or None when there is no home to keep one in."""
    root = os.environ.get("XDG_CACHE_HOME") or (Path.home() / ".cache" if Path.home().is_dir() else None)
    return Path(root) / "newskg" if root is not None else None


def lookups_table(name: str) -> dict:
    """One of spacy-lookups-data's German tables as it ships it (``lemma_lookup``,
    ``lexeme_cluster``, …), read as a plain dict."""
    import spacy_lookups_data

    path = Path(spacy_lookups_data.__file__).parent / "data" / f"de_{name}.json.gz"
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return json.load(f)
