"""kg eval: the project's own evaluator, on the fixture graph and against the shared scorer."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.errors import InputError
from kg.evaluate import evaluate, load_entities, load_gold

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("KG_SHARED_DIR", ROOT.parent / "shared"))

ENTITIES = {
    "putin": {"labels": ["Wladimir Putin", "Putin"], "wikidata": "Q7747"},
    "kim": {"labels": ["Kim Jong-Un"]},
    "russia": {"labels": ["Russland"]},
    "north_korea": {"labels": ["Nordkorea"]},
    "pyongyang": {"labels": ["Pjöngjang"]},
    "west": {"labels": ["der Westen"]},
    "lukashenko": {"labels": ["Alexander Lukaschenko"]},
    "sochi": {"labels": ["Sotschi"]},
}
GOLD = [
    # a1: found, asserted
    {"article": "a1", "s": ["north_korea"], "p": ["supplies"], "o": ["russia"], "modality": "asserted", "required": True},
    # a1: symmetric, matched the other way round; label folding ("Kim Jong-Un" ~ "Kim Jong Un")
    {"article": "a1", "s": ["kim"], "p": ["signedTreatyWith"], "o": ["putin"], "modality": "asserted", "required": True},
    # a1: the veto's measure concerns North Korea
    {"article": "a1", "s": ["russia"], "p": ["vetoed"], "o": ["north_korea"], "modality": "asserted", "required": True},
    # a1: the graph says asserted, the text says planned: a factual error
    {"article": "a1", "s": ["putin"], "p": ["visited"], "o": ["pyongyang"], "modality": "planned", "required": True},
    # a1: not in the graph: missed
    {"article": "a1", "s": ["putin"], "p": ["metWith"], "o": ["west"], "modality": "asserted", "required": True},
    # c3: found, but the modality differs (graph: negated)
    {"article": "c3", "s": ["kim"], "p": ["visited"], "o": ["sochi"], "modality": "denied", "required": False},
]


@pytest.fixture
def gold_files(tmp_path):
    gold = tmp_path / "gold" / "dev.jsonl"
    gold.parent.mkdir()
    gold.write_text("\n".join(json.dumps(g) for g in GOLD) + "\n", encoding="utf-8")
    (tmp_path / "entities.json").write_text(json.dumps(ENTITIES), encoding="utf-8")
    return gold


def test_figures_per_relation(store, gold_files):
    report = evaluate(store, load_gold(gold_files), load_entities(gold_files.parent.parent / "entities.json"))
    # predictions in a1 and c3 (b2 has no gold): a1 has 3 supplies-like rows (2 distinct), visited,
    # treaty, veto, sanctions, meeting; c3 supplies + visited
    assert report.overall.as_dict() == {
        "predicted": 9, "correct": 5, "required": 5, "found": 4,
        "precision": 0.556, "recall": 0.8, "f1": 0.656,
    }
    assert report.by_relation["vetoed"].as_dict()["precision"] == 1.0
    assert report.by_relation["metWith"].as_dict() == {
        "predicted": 1, "correct": 0, "required": 1, "found": 0, "precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert report.factual_errors == 1
    assert report.modality_accuracy == 0.75
    assert report.missed == ["a1 putin metWith west (asserted): "]
    assert "a1 putin visited pyongyang [asserted] (factual error)" in report.false_positives


def test_cli_eval_text_json_and_thresholds(store, gold_files, tmp_path, monkeypatch):
    from kg.store import KGStore

    path = tmp_path / "store"
    from conftest import load_fixture

    with KGStore.open(path) as disk:
        load_fixture(disk)
    runner = CliRunner()
    result = runner.invoke(main, ["--store", str(path), "eval", str(gold_files)])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["relation", "predicted", "correct", "required", "found", "precision", "recall", "f1"]
    assert "all                          9       5        5     4     0.556  0.800 0.656" in lines
    assert "modality accuracy 0.750, factual errors 1" in lines
    data = json.loads(runner.invoke(main, ["--store", str(path), "eval", str(gold_files), "--format", "json"]).stdout)
    assert (data["precision"], data["recall"], data["factual_errors"]) == (0.556, 0.8, 1)
    below = runner.invoke(main, ["--store", str(path), "eval", str(gold_files), "--min-precision", "0.9"])
    assert below.exit_code == 1
    assert below.stderr == "Below the bar: precision 0.556 < 0.9\n"


NEGATIVES = [
    # the graph says asserted: a look-alike given as fact
    {"article": "a1", "s": ["putin"], "p": ["visited"], "o": ["pyongyang"], "modality": "asserted",
     "forbid": "factual", "why": "only planned"},
    # negated in the graph: allowed when only facts are forbidden, not when anything is
    {"article": "c3", "s": ["kim"], "p": ["visited"], "o": ["sochi"], "modality": "asserted", "forbid": "factual"},
    {"article": "c3", "s": ["kim"], "p": ["visited"], "o": ["sochi"], "modality": "asserted", "forbid": "any",
     "why": "no visit at all"},
    # not in the graph
    {"article": "a1", "s": ["putin"], "p": ["metWith"], "o": ["west"], "modality": "asserted", "forbid": "any"},
]


def test_negatives_forbid_any_or_factual(store, gold_files):
    negatives = gold_files.parent / "negative.jsonl"
    negatives.write_text("\n".join(json.dumps(g) for g in NEGATIVES) + "\n", encoding="utf-8")
    report = evaluate(store, load_gold(gold_files), load_entities(gold_files.parent.parent / "entities.json"),
                      load_gold(negatives))
    assert (report.negatives, report.violations) == (4, [
        "a1 putin visited pyongyang [asserted]: only planned",
        "c3 kim visited sochi [negated]: no visit at all",
    ])
    path = gold_files.parent.parent / "store"
    from conftest import load_fixture
    from kg.store import KGStore

    with KGStore.open(path) as disk:
        load_fixture(disk)
    result = CliRunner().invoke(main, ["--store", str(path), "eval", str(gold_files)])   # found beside the gold
    assert result.exit_code == 0
    assert "negatives 4, violated 2" in result.stdout.splitlines()
    assert result.stdout.endswith("violated negatives:\n  a1 putin visited pyongyang [asserted]: only planned\n"
                                  "  c3 kim visited sochi [negated]: no visit at all\n")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "no gold facts"),
        ('{"article": "a1"}\n', "dev.jsonl:1: not a gold fact (KeyError: 's')"),
        ("not json\n", "dev.jsonl:1: not a gold fact (JSONDecodeError"),
        ('{"article": "a1", "s": "x", "p": "visited", "o": "y", "modality": "asserted", "forbid": "some"}\n',
         "dev.jsonl:1: not a gold fact (KeyError: \"forbid must be 'any' or 'factual', not 'some'\")"),
    ],
)
def test_bad_gold_files(tmp_path, content, message):
    path = tmp_path / "dev.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_gold(path)
    assert message in str(info.value)


@pytest.mark.skipif(not (SHARED / "eval" / "score.py").exists(), reason="no shared scorer")
def test_same_figures_as_the_shared_scorer(tmp_path):
    store, graph = tmp_path / "store", tmp_path / "g.nq"
    runner = CliRunner()
    assert runner.invoke(main, ["--store", str(store), "build", "-q", str(ROOT / "seeds")]).exit_code == 0
    assert runner.invoke(main, ["--store", str(store), "export", "--format", "nquads", "-o", str(graph)]).exit_code == 0
    shared = json.loads(subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), str(graph), "--json"],
                                       capture_output=True, text=True, check=True).stdout)
    ours = json.loads(runner.invoke(main, ["--store", str(store), "eval", str(SHARED / "eval" / "gold" / "seeds.jsonl"),
                                           "--format", "json"]).stdout)
    assert (ours["predicted"], ours["correct"], ours["found"], ours["precision"], ours["recall"],
            ours["modality_accuracy"], ours["factual_errors"]) == (
        shared["predicted"], shared["true_positives"], shared["required_found"], shared["precision"],
        shared["recall"], shared["modality_accuracy"], shared["factual_errors"])


@pytest.mark.parametrize(
    ("identity", "article"),
    [("000_6c5487194f5f798d", "000"), ("000", "000"), ("2024/06/000_abc", "000"), ("x/001-b", "001"),
     ("2024/000", "2024/000"), ("0001_x", None), ("x/0001", None)],
)
def test_an_article_identity_is_matched_to_its_gold_id(identity, article):
    from kg.evaluate import _article_of

    assert _article_of(identity, {"000", "001", "2024/000"}) == article
