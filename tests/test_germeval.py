"""tools/germeval.py: gold spans from BIO labels, and the mention finder's spans."""
from __future__ import annotations

import importlib.util
from pathlib import Path

from spacy.tokens import Doc

from kg.extraction import default_cues
from kg.gazetteer import default_gazetteer
from kg.nlp import load_pipeline

SPEC = importlib.util.spec_from_file_location("germeval", Path(__file__).resolve().parents[1] / "tools" / "germeval.py")
germeval = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(germeval)


def test_gold_spans_keep_per_loc_org_of_the_outer_layer():
    labels = ["B-PER", "I-PER", "O", "B-LOC", "B-LOCderiv", "B-ORG", "I-ORG", "B-OTH", "B-LOC", "I-LOC"]
    assert germeval.gold_spans(labels) == {(0, 2, "PER"), (3, 4, "LOC"), (5, 7, "ORG"), (8, 10, "LOC")}


def test_predicted_spans_are_names_not_titles():
    nlp = load_pipeline()
    words = "Der russische Präsident Wladimir Putin traf Italiens Premier Matteo Renzi in Moskau und bei der Nato .".split()
    doc = Doc(nlp.vocab, words=words)
    for _, component in nlp.pipeline:
        doc = component(doc)
    cues = default_cues()
    spans = germeval.predicted_spans(doc, default_gazetteer(), {**cues.syntax, **cues.anaphora})
    assert spans == {(3, 5, "PER"), (6, 7, "LOC"), (8, 10, "PER"), (11, 12, "LOC"), (15, 16, "ORG")}


def test_a_tiny_file(tmp_path):
    path = tmp_path / "mini.tsv"
    path.write_text("#\tsource\n1\tPutin\tB-PER\tO\n2\tbesuchte\tO\tO\n3\tKairo\tB-LOC\tO\n4\t.\tO\tO\n\n",
                    encoding="utf-8")
    result = germeval.evaluate(path)
    assert result["sentences"] == 1
    assert result["all"]["f1"] == 1.0
