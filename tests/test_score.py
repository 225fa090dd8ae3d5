"""The seed graph, scored by ../shared/eval/score.py exactly as a user would.

build seeds/ -> export N-Quads -> scorer (--json).  The figures are the
project's promise on the seeds: precision >= 0.95, recall >= 0.9, no factual
errors (a denied, planned or negated event given as fact), every statement
traceable to its article.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("KG_SHARED_DIR", ROOT.parent / "shared"))
SCORER = SHARED / "eval" / "score.py"

pytestmark = pytest.mark.skipif(not SCORER.exists(), reason=f"no scorer at {SCORER}")


@pytest.fixture(scope="module")
def seed_graph(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("score")
    store, graph = tmp / "store", tmp / "seeds.nq"
    runner = CliRunner()
    result = runner.invoke(main, ["--store", str(store), "build", "--quiet", str(ROOT / "seeds")])
    assert result.exit_code == 0, result.output
    result = runner.invoke(main, ["--store", str(store), "export", "--format", "nquads", "-o", str(graph)])
    assert result.exit_code == 0, result.output
    return graph


def score(graph: Path) -> dict:
    done = subprocess.run(
        [sys.executable, str(SCORER), str(graph), "--json"], capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout)


def test_seed_graph_meets_the_promised_figures(seed_graph):
    figures = score(seed_graph)
    assert figures["precision"] >= 0.95, figures
    assert figures["recall"] >= 0.9, figures
    assert figures["factual_errors"] == 0, figures
    assert figures["statements_without_article"] == 0, figures


def test_seed_graph_figures_are_exactly_as_measured(seed_graph):
    """Today's exact figures: a change that moves them must update this on purpose."""
    figures = score(seed_graph)
    assert {k: figures[k] for k in ("required", "required_found", "false_positives", "precision",
                                     "recall", "modality_accuracy", "factual_errors")} == {
        "required": 28, "required_found": 28, "false_positives": 0, "precision": 1.0,
        "recall": 1.0, "modality_accuracy": 1.0, "factual_errors": 0,
    }
