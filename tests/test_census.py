"""The corpus census (eval/census/, issue 14): 200 cue sentences drawn with a seed from the
10kGNAD test corpus outside eval/dev/, judged by hand, and the extractor scored against the
judgments by tools/census.py.  The corpus is read from ../shared at test time.

Today's figures are pinned exactly, so a change that moves them (up or down) must update
this test and eval/census/README.md on purpose.  The whole module takes about 10 s (the
sampled articles are extracted in-process), so it runs with the rest of the suite.
"""
from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("census", ROOT / "tools" / "census.py")
census = sys.modules.setdefault("census", importlib.util.module_from_spec(_spec))
_spec.loader.exec_module(census)

pytestmark = pytest.mark.skipif(not census.CORPUS.exists(), reason=f"no corpus at {census.CORPUS}")


@pytest.fixture(scope="module")
def corpus():
    return census.read_corpus()


@pytest.fixture(scope="module")
def figures():
    return census.run_score()


def test_the_sample_is_the_seeded_draw_of_cue_sentences_outside_the_dev_set(corpus):
    sample = census.load_sample()
    assert len(sample) >= 200
    assert census.draw(census.cue_sentences(corpus, census.dev_rows()), census.SEED, len(sample)) == sample
    assert len(census.dev_rows()) == 20
    assert not {c["row"] for c in sample} & census.dev_rows()
    for c in sample:
        assert set(c) == {"id", "row", "start", "end"}          # offsets only, never text
        text = corpus[c["row"]][1]
        assert 0 <= c["start"] < c["end"] <= len(text)
        assert census.cue_words(text[c["start"]:c["end"]]), c


def test_every_sampled_sentence_is_judged_once_with_well_formed_facts():
    sample = census.load_sample()
    judgments = census.load_judgments()
    assert [j["id"] for j in judgments] == [c["id"] for c in sample]
    for j in judgments:
        assert set(j) == {"id", "facts"}
        for fact in j["facts"]:
            assert set(fact) <= {"s", "p", "o", "modality", "required"}, fact
            assert fact["p"] in census.RELATIONS and fact["modality"] in census.MODALITIES, fact
            for name in (fact["s"], fact["o"]):
                names = name if isinstance(name, list) else [name]
                assert names and all(isinstance(n, str) and len(n.split()) <= 4 for n in names), fact


def test_cue_words_are_word_parts_not_spellings():
    assert census.cue_words("Putin reiste nach Peking") == ["reist"]
    assert census.cue_words("Strafen, Preise, Kreise, betreffend, betrifft") == []
    assert census.cue_words("Sanktionspaket") == ["sanktion"]
    assert sorted(census.cue_words("Drohnenlieferungen eingetroffen")) == ["getroffen", "liefer"]


def test_census_figures_as_measured(figures):
    keys = ("sentences", "with_facts", "facts", "expected", "found", "recall", "predicted", "correct",
            "precision", "factual_errors")
    assert {k: figures[k] for k in keys} == {
        "sentences": 200, "with_facts": 19, "facts": 22, "expected": 15, "found": 12, "recall": 0.8,
        "predicted": 12, "correct": 12, "precision": 1.0, "factual_errors": 0,
    }
    by_relation = {rel: (f["expected"], f["found"], f["predicted"], f["correct"], f["factual_errors"])
                   for rel, f in figures["by_relation"].items()}
    assert by_relation == {
        "signedTreatyWith": (0, 0, 0, 0, 0),
        "supplies": (1, 1, 1, 1, 0),
        "vetoed": (0, 0, 0, 0, 0),
        "visited": (9, 8, 8, 8, 0),
        "metWith": (4, 2, 2, 2, 0),
        "imposedSanctionsOn": (1, 1, 1, 1, 0),
    }


def test_census_false_positives_are_the_known_look_alikes(figures):
    # the causative "ließ ... nicht reisen" (c119) and the tennis pairing "trifft er auf" (c131) were the two
    assert figures["false_positives"] == []


def test_matching_is_by_relation_and_folded_names_symmetric_either_way():
    p = census.Predicted("c1", "metWith", {"xi jinping"}, {"barack obama"}, {"asserted"}, "")
    assert census._matches({"s": "Barack Obama", "p": "metWith", "o": "Xi Jinping"}, p)
    assert not census._matches({"s": "Barack Obama", "p": "visited", "o": "Xi Jinping"}, p)
    q = census.Predicted("c1", "supplies", {"usa"}, {"agypten"}, {"asserted"}, "")
    assert census._matches({"s": "USA", "p": "supplies", "o": "Ägypten"}, q)
    assert not census._matches({"s": "Ägypten", "p": "supplies", "o": "USA"}, q)


def test_factual_error_is_a_factual_prediction_of_a_non_factual_fact():
    sample = [{"id": "c1", "row": 0, "start": 0, "end": 1}]
    judged = [{"id": "c1", "facts": [{"s": "A", "p": "metWith", "o": "B", "modality": "planned"}]}]
    asserted = census.Predicted("c1", "metWith", {"a"}, {"b"}, {"asserted"}, "c1 a metWith b")
    planned = census.Predicted("c1", "metWith", {"a"}, {"b"}, {"planned"}, "c1 a metWith b")
    assert census.score(sample, judged, [asserted])["factual_errors"] == 1
    result = census.score(sample, judged, [planned])
    assert (result["factual_errors"], result["found"], result["right_modality"]) == (0, 1, 1)
    optional = [{"id": "c1", "facts": [{"s": "A", "p": "metWith", "o": "B", "modality": "asserted",
                                        "required": False}]}]
    result = census.score(sample, optional, [asserted])
    assert (result["expected"], result["predicted"], result["correct"]) == (0, 1, 1)


def test_judgments_hold_no_corpus_text():
    raw = (census.JUDGMENTS).read_text(encoding="utf-8")
    assert all(len(json.dumps(json.loads(line), ensure_ascii=False)) < 400 for line in raw.splitlines())
