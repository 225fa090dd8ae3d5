"""The second dev set (eval/news-de/, issue 14): 60 articles of ../shared/corpora/news-de,
split before annotation (eval/news-de/split.json, seed 14) into a `develop` half, built and
scored here with figures pinned exactly, and a `heldout` half that is built only when
KG_HELDOUT=1 is set (the final measurement; nobody tunes on it):

    KG_HELDOUT=1 .venv/bin/python -m pytest tests/test_newsde.py -s

gold.jsonl and negative.jsonl hold both halves; each test filters them by the split into a
temporary folder (with entities.json beside them) and runs `kg eval` on that. Articles
without a fact carry a placeholder line (empty `p`, `required: false`) so that kg eval,
which only looks at articles named in the gold file, still counts their statements as
false positives.
"""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("KG_SHARED_DIR", ROOT.parent / "shared"))
CORPUS = SHARED / "corpora" / "news-de" / "articles"
SET = ROOT / "eval" / "news-de"
SPLIT = json.loads((SET / "split.json").read_text(encoding="utf-8"))
SCORED = {"signedTreatyWith", "supplies", "vetoed", "visited", "metWith", "imposedSanctionsOn"}
MODALITIES = {"asserted", "reported", "alleged", "denied", "planned", "negated"}
FIGURES = ("predicted", "correct", "required", "found", "precision", "recall", "f1", "modality_accuracy",
           "factual_errors", "negatives", "negatives_violated")

needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason=f"no corpus at {CORPUS}")


def _lines(name: str) -> list[dict]:
    return [json.loads(line) for line in (SET / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def _score(half: str, tmp: Path) -> dict:
    """Build one half's articles from ../shared into a fresh store and score it with kg eval."""
    ids = set(SPLIT[half])
    articles = tmp / "articles"
    articles.mkdir()
    for article in sorted(ids):
        shutil.copyfile(CORPUS / f"{article}.txt", articles / f"{article}.txt")
    gold = tmp / "gold"
    gold.mkdir()
    for name in ("gold.jsonl", "negative.jsonl"):
        (gold / name).write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in _lines(name)
                                         if x["article"] in ids), encoding="utf-8")
    shutil.copyfile(SET / "entities.json", gold / "entities.json")
    runner = CliRunner()
    store = tmp / "store"
    built = runner.invoke(main, ["--store", str(store), "build", "-q", str(articles)])
    assert built.exit_code == 0, built.output
    result = runner.invoke(main, ["--store", str(store), "eval", str(gold / "gold.jsonl"), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def _show(half: str, figures: dict) -> None:
    print(f"\nnews-de {half}: " + ", ".join(f"{k} {figures[k]}" for k in FIGURES))
    for relation, f in sorted(figures["by_relation"].items()):
        print(f"  {relation}: {f}")
    for key in ("missed", "wrong_modality", "false_positives", "violations"):
        for line in figures[key]:
            print(f"  {key}: {line}")


def test_split_is_fixed_and_disjoint():
    develop, heldout = set(SPLIT["develop"]), set(SPLIT["heldout"])
    assert SPLIT["seed"] == 14
    assert len(develop) == len(heldout) == 30 and not develop & heldout


def test_gold_is_well_formed():
    entities = json.loads((SET / "entities.json").read_text(encoding="utf-8"))
    chosen = set(SPLIT["develop"]) | set(SPLIT["heldout"])
    gold, negatives = _lines("gold.jsonl"), _lines("negative.jsonl")
    assert {g["article"] for g in gold} == chosen          # every chosen article, fact or placeholder
    for g in gold + negatives:
        assert g["article"] in chosen, g
        assert set(g["s"]) | set(g["o"]) <= set(entities), g
        assert set(g["p"]) <= SCORED | {"agreedWith"} and g["modality"] in MODALITIES, g
        assert len(g["evidence"].split()) <= 16, g      # fragments, never article text
        assert g.get("placeholder") or (g["s"] and g["p"] and g["o"]), g
    for g in negatives:
        assert g["forbid"] in {"any", "factual"} and g["why"], g


@pytest.fixture(scope="module")
def develop_figures(tmp_path_factory) -> dict:
    figures = _score("develop", tmp_path_factory.mktemp("newsde-develop"))
    _show("develop", figures)
    return figures


@needs_corpus
def test_develop_half_figures_as_measured(develop_figures):
    assert {k: develop_figures[k] for k in FIGURES} == {
        "predicted": 38, "correct": 38, "required": 38, "found": 34, "precision": 1.0, "recall": 0.895,
        "f1": 0.945, "modality_accuracy": 0.941, "factual_errors": 0, "negatives": 47, "negatives_violated": 0,
    }
    # the targets for the half the rules were written against
    assert develop_figures["precision"] >= 0.9 and develop_figures["recall"] >= 0.8
    assert develop_figures["factual_errors"] == 0


@needs_corpus
def test_develop_half_per_relation_as_measured(develop_figures):
    assert {rel: (f["predicted"], f["correct"], f["required"], f["found"])
            for rel, f in develop_figures["by_relation"].items()} == {
        "imposedSanctionsOn": (4, 4, 4, 3), "metWith": (10, 10, 9, 9), "signedTreatyWith": (3, 3, 4, 3),
        "supplies": (5, 5, 7, 6), "vetoed": (3, 3, 2, 2), "visited": (13, 13, 12, 11),
    }
    # no known error: a new one shows here
    assert sorted(develop_figures["violations"]) == []


@needs_corpus
@pytest.mark.skipif(os.environ.get("KG_HELDOUT") != "1", reason="the held-out half is scored only with KG_HELDOUT=1")
def test_heldout_half(tmp_path):
    figures = _score("heldout", tmp_path)
    _show("heldout", figures)
    assert figures["predicted"] >= 0
