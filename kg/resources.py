"""Where the project's data files live: ``ontology/`` and ``queries/``; and the German
tables of spacy-lookups-data.

They sit beside the ``kg`` package in the source tree (the project installs in
editable mode); ``KG_DATA_DIR`` points elsewhere for a relocated install, ``KG_ONTOLOGY_DIR``
to another ontology folder alone.
"""
from __future__ import annotations

import gzip
import json
import os
from pathlib import Path


def data_root() -> Path:
    override = os.environ.get("KG_DATA_DIR")
    return Path(override) if override else Path(__file__).resolve().parent.parent


def ontology_dir() -> Path:
    """``ontology/`` of the data root, or the folder ``KG_ONTOLOGY_DIR`` names (a copy with a
    relation or cue added, for example)."""
    override = os.environ.get("KG_ONTOLOGY_DIR")
    return Path(override) if override else data_root() / "ontology"


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
