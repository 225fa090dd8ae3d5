#!/usr/bin/env python3
"""Train the CRF name tagger (kg/ner.py) on one GermEval 2014 split, score it on another.

Trains only on the split given with --train (default: dev) and reports exact-span
precision/recall/F1 for PER, LOC and ORG (outer layer) on --test (default: test),
which the tagger never sees; the rule-based finder (tools/germeval.py) is scored on
the same sentences side by side.  Deterministic: same data, same model, same figures.

    python tools/train_ner.py [--train DEV.tsv] [--test TEST.tsv] [-o build/ner/model.crfsuite] [--json]
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

from spacy.tokens import Doc

sys.path.insert(0, str(Path(__file__).resolve().parent))

from germeval import count, predicted_spans, sentences, table  # noqa: E402  (tools/germeval.py)

from kg.extraction import default_cues  # noqa: E402
from kg.gazetteer import default_gazetteer  # noqa: E402
from kg.lexicon import default_lexicon, raw_clusters  # noqa: E402
from kg.ner import TYPES, rule_hints, spans, token_features  # noqa: E402
from kg.nlp import load_pipeline  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "corpora" / "germeval2014"


def featurised(path: Path, nlp, gazetteer, cues, lexicon, clusters):
    """(features, labels, rule spans) per sentence of a GermEval file."""
    for words, labels in sentences(path):
        doc = Doc(nlp.vocab, words=words)
        for _, component in nlp.pipeline:
            doc = component(doc)
        hints = rule_hints(doc, gazetteer, cues, lexicon)
        feats = token_features(words, [clusters.get(w) for w in words], hints)
        yield feats, labels, predicted_spans(doc, gazetteer, cues)


def run(train: Path, test: Path, model: Path, c1: float, c2: float, iterations: int) -> dict:
    import pycrfsuite

    nlp = load_pipeline()
    gazetteer, cues, lexicon = default_gazetteer(), default_cues(), default_lexicon()
    mention_cues = {**cues.syntax, **cues.anaphora}
    clusters = raw_clusters()
    started = time.perf_counter()
    trainer = pycrfsuite.Trainer(verbose=False)
    n_train = 0
    for feats, labels, _ in featurised(train, nlp, gazetteer, mention_cues, lexicon, clusters):
        trainer.append(feats, labels)
        n_train += 1
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": iterations,
                        "feature.possible_transitions": True})
    model.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(model))
    trained = time.perf_counter() - started
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    crf, rules = {t: Counter() for t in TYPES}, {t: Counter() for t in TYPES}
    n_test = 0
    for feats, labels, rule_spans in featurised(test, nlp, gazetteer, mention_cues, lexicon, clusters):
        gold = spans(labels)
        count(crf, gold, spans(tagger.tag(feats)))
        count(rules, gold, rule_spans)
        n_test += 1
    return {"train": train.name, "train_sentences": n_train, "test": test.name, "test_sentences": n_test,
            "seconds_training": round(trained, 1), "model": str(model),
            "crf": table(crf), "rules": table(rules)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--train", type=Path, default=DATA / "NER-de-dev.tsv")
    parser.add_argument("--test", type=Path, default=DATA / "NER-de-test.tsv")
    parser.add_argument("-o", "--model", type=Path, default=ROOT / "build" / "ner" / "model.crfsuite")
    parser.add_argument("--c1", type=float, default=0.05)
    parser.add_argument("--c2", type=float, default=0.05)
    parser.add_argument("--iterations", type=int, default=150)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    for path in (args.train, args.test):
        if not path.exists():
            print(f"train_ner: no file {path}", file=sys.stderr)
            return 1
    if args.train.resolve() == args.test.resolve():
        print("train_ner: the test split must not be the training split", file=sys.stderr)
        return 1
    try:
        import pycrfsuite  # noqa: F401
    except ImportError:
        print("train_ner: python-crfsuite is not installed (pip install -e '.[ner]')", file=sys.stderr)
        return 1
    result = run(args.train, args.test, args.model, args.c1, args.c2, args.iterations)
    if args.json:
        print(json.dumps(result))
        return 0
    print(f"GermEval 2014: trained on {result['train']} ({result['train_sentences']} sentences, "
          f"{result['seconds_training']} s), scored on {result['test']} ({result['test_sentences']} sentences); "
          "exact spans, outer layer")
    print(f"{'tagger':<6} {'type':<5} {'precision':>9} {'recall':>6} {'f1':>5} {'tp':>5} {'fp':>5} {'fn':>5}")
    for tagger in ("rules", "crf"):
        for kind in TYPES + ("all",):
            r = result[tagger][kind]
            print(f"{tagger:<6} {kind:<5} {r['precision']:>9.3f} {r['recall']:>6.3f} {r['f1']:>5.3f} "
                  f"{r['tp']:>5} {r['fp']:>5} {r['fn']:>5}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
