"""Where the project's data files live: ``ontology/`` and ``queries/``.

They sit beside the ``kg`` package in the source tree (the project installs in
editable mode); ``KG_DATA_DIR`` points elsewhere for a relocated install.
"""
from __future__ import annotations

import os
from pathlib import Path


def data_root() -> Path:
    override = os.environ.get("KG_DATA_DIR")
    return Path(override) if override else Path(__file__).resolve().parent.parent


def ontology_dir() -> Path:
    return data_root() / "ontology"


def queries_dir() -> Path:
    return data_root() / "queries"
