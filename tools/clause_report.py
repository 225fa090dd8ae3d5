"""Pass rates of the clause layer per capability and tag source, and the cost of each source.

    python tools/clause_report.py [--cost CORPUS.csv]

Runs the generated paradigm cases of tests/test_clauses.py through kg.clauses with HanTa
tags and with lexical tags and prints one Markdown table per grouping; with ``--cost``,
tokens/s, load time and memory of both taggers on the first 150 articles of a 10kGNAD csv.
"""
from __future__ import annotations

import argparse
import collections
import csv
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from test_clauses import ASSERTED, CASES, check  # noqa: E402

SOURCES = ("hanta", "lexical")
CHECKS = ("kind", "lemma", "negation", "voice", "tense", "subject", "subject_first", "cue", "agent")


def rates(source: str):
    results = [(case, check(case, source)) for case in CASES]
    return results


def table(results_by_source, group: str) -> str:
    lines = [f"| {group} | cases | " + " | ".join(f"all ({s})" for s in SOURCES) + " | "
             + " | ".join(f"{c} (hanta)" for c in CHECKS) + " |",
             "|---" * (2 + len(SOURCES) + len(CHECKS)) + "|"]
    keys = sorted({str(case.tags[group]) for case, _ in results_by_source["hanta"]})
    for key in keys:
        row = [key]
        per = {s: [(c, r) for c, r in results_by_source[s] if str(c.tags[group]) == key] for s in SOURCES}
        row.append(str(len(per["hanta"])))
        for s in SOURCES:
            ok = sum(all(r.get(k, True) for k in ASSERTED) for _, r in per[s])
            row.append(f"{ok / len(per[s]):.2f}")
        for chk in CHECKS:
            vals = [r[chk] for _, r in per["hanta"] if chk in r]
            row.append(f"{sum(vals) / len(vals):.2f}" if vals else "–")
        lines.append("| " + " | ".join(row) + " |")
    return "\n".join(lines)


def cost(path: str) -> None:
    from kg.nlp import load_pipeline, sentence_starts, words
    from kg.postags import hanta_tags, lexical_tags

    csv.field_size_limit(10**9)
    with open(path, encoding="utf-8") as f:
        rows = list(csv.reader(f, delimiter=";", quotechar="'"))[:150]
    nlp = load_pipeline()
    sents = []
    for row in rows:
        doc = nlp(row[1])
        w, st = words(doc), sentence_starts(doc) + [len(doc)]
        sents += [tuple(x for x in w[a:b] if x.strip()) for a, b in zip(st, st[1:])]
    n = sum(map(len, sents))
    for name, fn in (("lexical", lambda s: lexical_tags(list(s))), ("hanta", hanta_tags)):
        m0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        t0 = time.perf_counter()
        fn(("Russland", "liefert", "."))
        load = time.perf_counter() - t0
        t0 = time.perf_counter()
        for s in sents:
            fn(s)
        dt = time.perf_counter() - t0
        mem = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - m0) / 1024
        print(f"| {name} | {n} tokens, {len(sents)} sentences | {n / dt:,.0f} tokens/s | load {load:.2f} s | +{mem:.0f} MB |")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cost")
    args = ap.parse_args()
    if args.cost:
        cost(args.cost)
    by_source = {s: rates(s) for s in SOURCES}
    for group in ("order", "tense", "voice", "verb", "separable", "number", "coordinated", "known", "negated"):
        print(table(by_source, group))
        print()
    for s in SOURCES:
        res = by_source[s]
        ok = sum(all(r.get(k, True) for k in ASSERTED) for _, r in res)
        print(f"{s}: {ok}/{len(res)} cases fully right ({ok / len(res):.3f})")


if __name__ == "__main__":
    main()
