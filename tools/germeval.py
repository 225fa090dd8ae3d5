#!/usr/bin/env python3
"""Entity-level precision/recall/F1 for PER, LOC and ORG on GermEval 2014.

Runs the project's own mention finder (gazetteer, role titles, names after
titles; no trained model) over the gold tokenisation of a GermEval file and
compares exact spans of the outer annotation layer.  Nothing is trained on the
data, so either split is unseen; the default is the test split.

    python tools/germeval.py [../shared/corpora/germeval2014/NER-de-test.tsv] [--json]
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from spacy.tokens import Doc

from kg.extraction import default_cues
from kg.gazetteer import default_gazetteer
from kg.lexicon import default_lexicon
from kg.mentions import find_mentions
from kg.nlp import SPAN_KEY, load_pipeline

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "corpora" / "germeval2014" / "NER-de-test.tsv"
TYPES = ("PER", "LOC", "ORG")
CLASS_TO_TYPE = {"Person": "PER", "State": "LOC", "Place": "LOC", "Organization": "ORG"}


def sentences(path: Path):
    words, labels = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        if not line.strip():
            if words:
                yield words, labels
            words, labels = [], []
            continue
        cells = line.split("\t")
        words.append(cells[1])
        labels.append(cells[2])
    if words:
        yield words, labels


def gold_spans(labels: list[str]) -> set[tuple[int, int, str]]:
    spans, start, kind = set(), None, None
    for i, label in enumerate(labels + ["O"]):
        if start is not None and not (label.startswith("I-") and label[2:] == kind):
            if kind in TYPES:
                spans.add((start, i, kind))
            start, kind = None, None
        if label.startswith("B-"):
            start, kind = i, label[2:]
    return spans


def predicted_spans(doc: Doc, gazetteer, cues) -> set[tuple[int, int, str]]:
    matched = {(s.end): s for s in doc.spans[SPAN_KEY] if s.label_ in {"name", "gen", "short", "short_gen"}}
    spans = set()
    for m in find_mentions(doc, gazetteer, None, cues, default_lexicon()):
        kind = CLASS_TO_TYPE.get(m.cls)
        if kind is None or m.kind in {"adj", "prefix", "government", "pronoun"}:
            continue
        if m.kind == "role":                      # a bare title is no name
            continue
        start = m.start
        if m.label and m.key not in gazetteer:    # minted: the name after the title
            start = m.end - len([t for t in doc[m.start:m.end] if not t.is_space][-len(m.label.split()):])
        elif m.end in matched:                     # a name inside "Der russische Präsident Wladimir Putin"
            start = matched[m.end].start
        spans.add((start, m.end, kind))
        if m.cls == "Person":                      # "Italiens" in "Italiens Premier Matteo Renzi"
            for s in doc.spans[SPAN_KEY]:
                inner = CLASS_TO_TYPE.get(gazetteer[s.kb_id_].cls) if s.kb_id_ in gazetteer else None
                if m.start <= s.start and s.end <= start and s.label_ in {"name", "gen"} and inner in {"LOC", "ORG"}:
                    spans.add((s.start, s.end, inner))
    return spans


def count(counts: dict[str, Counter], gold: set, pred: set) -> None:
    """Add one sentence's true/false positives and misses per type."""
    for kind in TYPES:
        g = {s for s in gold if s[2] == kind}
        p = {s for s in pred if s[2] == kind}
        counts[kind]["tp"] += len(g & p)
        counts[kind]["fp"] += len(p - g)
        counts[kind]["fn"] += len(g - p)


def table(counts: dict[str, Counter]) -> dict:
    """Precision, recall, F1 and counts per type and for all three together."""
    result, total = {}, Counter()
    for kind in TYPES:
        total.update(counts[kind])
    for kind in TYPES + ("all",):
        c = counts[kind] if kind != "all" else total
        p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
        r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        result[kind] = {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3),
                        "tp": c["tp"], "fp": c["fp"], "fn": c["fn"]}
    return result


def evaluate(path: Path) -> dict:
    nlp = load_pipeline()
    gazetteer, cues = default_gazetteer(), default_cues()
    mention_cues = {**cues.syntax, **cues.anaphora}
    counts = {t: Counter() for t in TYPES}
    n = 0
    for words, labels in sentences(path):
        doc = Doc(nlp.vocab, words=words)
        for _, component in nlp.pipeline:
            doc = component(doc)
        count(counts, gold_spans(labels), predicted_spans(doc, gazetteer, mention_cues))
        n += 1
    return {"sentences": n, "file": path.name, **table(counts)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if not args.path.exists():
        print(f"germeval: no file {args.path}", file=sys.stderr)
        return 1
    result = evaluate(args.path)
    if args.json:
        print(json.dumps(result))
        return 0
    print(f"GermEval 2014 {result['file']}, {result['sentences']} sentences, exact spans, outer layer")
    print(f"{'type':<5} {'precision':>9} {'recall':>6} {'f1':>5} {'tp':>5} {'fp':>5} {'fn':>5}")
    for kind in TYPES + ("all",):
        r = result[kind]
        print(f"{kind:<5} {r['precision']:>9.3f} {r['recall']:>6.3f} {r['f1']:>5.3f} {r['tp']:>5} {r['fp']:>5} {r['fn']:>5}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
