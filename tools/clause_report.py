"""Pass rates of the clause layer per capability and tag source, and the cost of each source.

    python tools/clause_report.py [--cost CORPUS.csv]

Runs the generated paradigm cases of tests/test_clauses.py through kg.clauses with HanTa
tags and with lexical tags and prints one Markdown table per grouping; with ``--cost``,
tokens/s, load time and memory of both taggers on the first 150 articles of a 10kGNAD csv.
"""
from __future__ import annotations

import argparse
import csv
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from test_clauses import ASSERTED, CASES, HAND, check, hand_check, hand_tag_accuracy  # noqa: E402

SOURCES = ("hanta", "lexical", "auto")
CHECKS = ("kind", "lemma", "negation", "voice", "tense", "subject", "subject_first", "object", "cue", "agent")


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


def cue_cost(path: str, limit: int = 300) -> None:
    """The designed use: only the sentences holding a relation verb or noun head of
    ontology/cues.toml are analysed; how many tokens that is, and what each source costs."""
    import tomllib

    from kg.clauses import clauses_of
    from kg.nlp import load_pipeline
    from kg.postags import cue_sentences, cue_words, needs_model
    from kg.resources import ontology_dir

    cues = tomllib.loads((ontology_dir() / "cues.toml").read_text(encoding="utf-8"))
    verbs = {w for rel in cues["relations"].values() for w in rel.get("verbs", []) if " " not in w}
    heads = tuple({w for rel in cues["relations"].values() for w in rel.get("noun_heads", [])})
    csv.field_size_limit(10**9)
    with open(path, encoding="utf-8") as f:
        rows = list(csv.reader(f, delimiter=";", quotechar="'"))[:limit]
    nlp = load_pipeline()
    t0 = time.perf_counter()
    docs = [nlp(row[1]) for row in rows]
    t_pipe = time.perf_counter() - t0
    words = cue_words(verbs)
    t0 = time.perf_counter()
    chosen = [(doc, cue_sentences(doc, words, heads)) for doc in docs]
    t_pre = time.perf_counter() - t0
    n_all = sum(len(doc) for doc in docs)
    n_cue = sum(e - s for _, ss in chosen for s, e in ss)
    n_sent = sum(len(ss) for _, ss in chosen)
    escalated = sum(needs_model(doc, s, e) for doc, ss in chosen for s, e in ss)
    print(f"{len(docs)} articles, {n_all} tokens; pipeline {t_pipe:.2f} s ({n_all / t_pipe:,.0f} tokens/s); "
          f"first pass {t_pre:.2f} s; cue sentences {n_sent} ({n_cue} tokens, {n_cue / n_all:.1%}); "
          f"auto sends {escalated} of them to HanTa ({escalated / max(n_sent, 1):.0%})")
    from kg.postags import hanta_model, hanta_tags

    for source in ("lexical", "hanta", "auto"):
        hanta_tags.cache_clear()                   # each source from a cold sentence cache
        hanta_model().analyze_forward.cache_clear()
        hanta_model()._analyze.cache_clear()
        fresh = [nlp(row[1]) for row in rows]
        t0 = time.perf_counter()
        for doc, (_, ss) in zip(fresh, chosen):
            for s, e in ss:
                clauses_of(doc[s:e], source)
        dt = time.perf_counter() - t0
        print(f"| {source} | clauses of the cue sentences: {dt:.2f} s | build-time share vs bare pipeline: "
              f"{dt / t_pipe:.2f}x |")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cost")
    ap.add_argument("--only-cost", action="store_true")
    args = ap.parse_args()
    if args.cost:
        cost(args.cost)
        cue_cost(args.cost)
        if args.only_cost:
            return
    by_source = {s: rates(s) for s in SOURCES}
    for group in ("order", "tense", "voice", "verb", "separable", "number", "coordinated", "known", "negated"):
        print(table(by_source, group))
        print()
    print("| hand-annotated set | clauses fully right | " + " | ".join(sorted(hand_check(HAND[0]))) + " | verb-complex STTS tags |")
    print("|---" * (3 + len(hand_check(HAND[0]))) + "|")
    for source in SOURCES:
        got = [hand_check(h, source) for h in HAND]
        right, total = map(sum, zip(*(hand_tag_accuracy(h, source) for h in HAND)))
        print(f"| {source} | {sum(all(g.values()) for g in got)}/{len(HAND)} | "
              + " | ".join(f"{sum(g[k] for g in got) / len(got):.2f}" for k in sorted(got[0]))
              + f" | {right}/{total} |")
    print()
    for s in SOURCES:
        res = by_source[s]
        ok = sum(all(r.get(k, True) for k in ASSERTED) for _, r in res)
        print(f"{s}: {ok}/{len(res)} cases fully right ({ok / len(res):.3f})")


if __name__ == "__main__":
    main()
