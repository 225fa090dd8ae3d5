"""The development set (eval/dev/): 20 unseen 10kGNAD articles, built from ../shared
(never copied into the project) and scored with kg eval.

Issue 4 asks for precision >= 0.85 and recall >= 0.7 here: the targets are asserted, and
today's figures are pinned exactly besides, so a change that moves them (up or down) must
update this test on purpose.
"""
from __future__ import annotations

import csv
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("KG_SHARED_DIR", ROOT.parent / "shared"))
CORPUS = SHARED / "corpora" / "10kgnad" / "test.csv"
ROWS = [819, 96, 593, 1008, 291, 206, 579, 173, 683, 349, 970, 657, 166, 359, 272, 960, 508, 742, 276, 971]

pytestmark = pytest.mark.skipif(not CORPUS.exists(), reason=f"no corpus at {CORPUS}")


@pytest.fixture(scope="module")
def dev_figures(tmp_path_factory) -> dict:
    tmp = tmp_path_factory.mktemp("dev")
    articles = tmp / "articles"
    articles.mkdir()
    with CORPUS.open(encoding="utf-8") as f:
        rows = list(csv.reader(f, delimiter=";", quotechar="'"))
    for row in ROWS:
        label, text = rows[row]
        (articles / f"{row:04d}_{label}.txt").write_text(text, encoding="utf-8")
    runner = CliRunner()
    store = tmp / "store"
    assert runner.invoke(main, ["--store", str(store), "build", "-q", str(articles)]).exit_code == 0
    result = runner.invoke(main, ["--store", str(store), "eval", str(ROOT / "eval" / "dev" / "gold.jsonl"),
                                  "--format", "json"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_dev_set_gold_is_well_formed():
    gold = [json.loads(line) for line in (ROOT / "eval" / "dev" / "gold.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]
    entities = json.loads((ROOT / "eval" / "dev" / "entities.json").read_text(encoding="utf-8"))
    assert {g["article"] for g in gold} <= {f"{row:04d}" for row in ROWS}
    for g in gold:
        assert set(g["s"]) | set(g["o"]) <= set(entities), g
        assert len(g["evidence"].split()) <= 40, g       # fragments, never article text


def test_dev_set_figures_as_measured(dev_figures):
    assert {k: dev_figures[k] for k in ("predicted", "correct", "required", "found", "precision", "recall",
                                        "modality_accuracy", "factual_errors")} == {
        "predicted": 25, "correct": 25, "required": 31, "found": 25, "precision": 1.0, "recall": 0.806,
        "modality_accuracy": 1.0, "factual_errors": 0,
    }


def test_dev_set_meets_the_targets(dev_figures):
    assert dev_figures["precision"] >= 0.85
    assert dev_figures["recall"] >= 0.7


def test_dev_set_never_states_a_non_fact_as_fact(dev_figures):
    assert dev_figures["factual_errors"] == 0
    assert dev_figures["precision"] >= 0.85
    # the look-alikes of eval/dev/negative.jsonl (read by kg eval from beside the gold file)
    assert (dev_figures["negatives"], dev_figures["violations"]) == (58, [])
