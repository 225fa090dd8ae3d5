#!/usr/bin/env python3
"""A corpus census (issue 14): a seeded sample of cue sentences from the 10kGNAD test
corpus, outside the dev set, judged by hand, giving estimated recall and precision.

    python tools/census.py sample [--seed 14] [--size 200]   # eval/census/sample.jsonl
    python tools/census.py show [--context 2] [ID ...]        # the sentences, for the annotator
    python tools/census.py score [--json] [-v]                # the extractor against the judgments

The corpus is read from ``../shared`` at run time (``KG_SHARED_DIR`` or ``--corpus``); the
project holds only row numbers and character offsets into each row's text, never text.

Cue sentences are found independently of the extractor's trigger lists: a sentence is a
cue sentence when one of its tokens, lower-cased, contains one of :data:`CUE_STEMS`.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import random
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("KG_SHARED_DIR", ROOT.parent / "shared"))
CORPUS = SHARED / "corpora" / "10kgnad" / "test.csv"
CENSUS = ROOT / "eval" / "census"
SAMPLE = CENSUS / "sample.jsonl"
JUDGMENTS = CENSUS / "judgments.jsonl"
DEV = ROOT / "eval" / "dev"

SEED = 14
SIZE = 200

#: Substrings of a lower-cased token that make its sentence a cue sentence, by relation.
#: Broad on purpose (word parts, not the extractor's lemmas): "reist" for "reiste",
#: "triff" for "trifft", "getroffen" also catches "eingetroffen".
CUE_STEMS: dict[str, tuple[str, ...]] = {
    "supplies": ("liefer", "weiterreich", "export", "embargo"),
    "imposedSanctionsOn": ("sanktion", "strafmaßnahme", "strafmassnahme", "embargo"),
    "vetoed": ("veto", "blockier"),
    "visited": ("besuch", "reise", "reist", "visite", "visit"),
    "metWith": ("treff", "traf", "triff", "getroffen", "gespräch", "empfang", "empfing",
                "zusammenkunft", "gipfel"),
    "signedTreatyWith": ("vertrag", "verträg", "abkommen", "unterzeichn", "unterschr"),
}
STEMS = tuple(sorted({stem for stems in CUE_STEMS.values() for stem in stems}))
#: Words that hold a stem only by spelling ("Strafe" holds "traf", "Preise" and "Kreise" "reise",
#: "betreffend" "treff"): no cue.  (Sanctions' "Strafmaßnahme" is a stem of its own.)
NOT_CUES: dict[str, tuple[str, ...]] = {
    "traf": ("straf",),
    "reise": ("preis", "kreis"),
    "reist": ("preis", "kreis"),
    "treff": ("betreff", "zutreff", "übertreff"),
    "triff": ("betriff", "zutriff", "übertriff"),
}

RELATIONS = ("signedTreatyWith", "supplies", "vetoed", "visited", "metWith", "imposedSanctionsOn")
SYMMETRIC = frozenset({"signedTreatyWith", "metWith"})
MODALITIES = ("asserted", "reported", "alleged", "denied", "planned", "negated")
FACTUAL = frozenset({"asserted", "reported"})
NON_FACTUAL = frozenset({"planned", "negated", "denied"})


# ------------------------------------------------------------------------- corpus
def read_corpus(path: Path = CORPUS) -> list[tuple[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return [(row[0], row[1]) for row in csv.reader(f, delimiter=";", quotechar="'") if len(row) >= 2]


def dev_rows() -> set[int]:
    """The rows of eval/dev/ (every article named in its gold or negative facts)."""
    rows = set()
    for name in ("gold.jsonl", "negative.jsonl"):
        for line in (DEV / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                rows.add(int(json.loads(line)["article"]))
    return rows


def identifier(row: int, label: str) -> str:
    return f"{row:04d}_{label}"


def cue_words(text: str) -> list[str]:
    """The stems of :data:`STEMS` found in the words of ``text``."""
    found = []
    for word in text.lower().split():
        found += [stem for stem in STEMS
                  if stem in word and not any(other in word for other in NOT_CUES.get(stem, ()))]
    return found


def sentences(nlp, text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text`` as the project's pipeline splits them
    (white space around each trimmed, as kg.extraction does)."""
    from kg.extraction.extractor import _sentence_bounds, _without_surrogates
    from kg.nlp import sentence_starts, words

    doc = nlp(_without_surrogates(text))
    texts = words(doc)
    starts = sentence_starts(doc)
    spans = []
    for start, end in zip(starts, starts[1:] + [len(doc)]):
        bounds = _sentence_bounds(doc, start, end, texts)
        if bounds is not None:
            spans.append(bounds)
    return spans


# ------------------------------------------------------------------------- sample
def cue_sentences(corpus: list[tuple[str, str]], exclude: set[int]) -> list[dict]:
    from kg.article import parse_article
    from kg.nlp import load_pipeline

    nlp = load_pipeline()
    found = []
    for row, (label, text) in enumerate(corpus):
        if row in exclude:
            continue
        article = parse_article(text, identifier(row, label))
        offset = article.body_start
        for start, end in sentences(nlp, article.body):
            if cue_words(text[start + offset:end + offset]):
                found.append({"row": row, "start": start + offset, "end": end + offset})
    return found


def draw(candidates: list[dict], seed: int, size: int) -> list[dict]:
    chosen = random.Random(seed).sample(candidates, size)
    chosen.sort(key=lambda c: (c["row"], c["start"]))
    return [{"id": f"c{n:03d}", **c} for n, c in enumerate(chosen)]


def cmd_sample(args) -> int:
    corpus = read_corpus(args.corpus)
    candidates = cue_sentences(corpus, dev_rows())
    chosen = draw(candidates, args.seed, args.size)
    CENSUS.mkdir(parents=True, exist_ok=True)
    with SAMPLE.open("w", encoding="utf-8") as f:
        for c in chosen:
            f.write(json.dumps(c) + "\n")
    print(f"{len(candidates)} cue sentences in {len(corpus) - len(dev_rows())} articles; "
          f"{len(chosen)} drawn with seed {args.seed} -> {SAMPLE.relative_to(ROOT)}")
    return 0


def load_sample(path: Path = SAMPLE) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


# ------------------------------------------------------------------------- show
def cmd_show(args) -> int:
    corpus = read_corpus(args.corpus)
    sample = load_sample()
    wanted = set(args.ids)
    judged = {j["id"]: j for j in load_judgments()} if JUDGMENTS.exists() else {}
    nlp = None
    for c in sample:
        if wanted and c["id"] not in wanted:
            continue
        label, text = corpus[c["row"]]
        print(f"== {c['id']} row {c['row']} ({label}) {c['start']}-{c['end']}  cues: "
              f"{', '.join(sorted(set(cue_words(text[c['start']:c['end']]))))}")
        if args.context:
            if nlp is None:
                from kg.nlp import load_pipeline
                nlp = load_pipeline()
            before = [s for s in sentences(nlp, text) if s[1] <= c["start"]][-args.context:]
            for s, e in before:
                print(f"   … {text[s:e]}")
        print(f"   >> {text[c['start']:c['end']]}")
        if c["id"] in judged:
            print(f"   judged: {judged[c['id']]['facts']}")
    return 0


# ------------------------------------------------------------------------- score
def load_judgments(path: Path = JUDGMENTS) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _names(value) -> set[str]:
    from kg.model import fold
    return {fold(v) for v in (value if isinstance(value, list) else [value])}


@dataclass
class Predicted:
    id: str                 # the sampled sentence
    relation: str
    s: set[str]             # folded names of the subject
    o: set[str]
    modalities: set[str]
    label: str


def predictions(sample: list[dict], corpus: list[tuple[str, str]]) -> list[Predicted]:
    """The extractor's statements whose trigger lies in a sampled sentence, one per distinct
    (sentence, subject, relation, object), each entity as its folded names (label, surface
    forms and, for gazetteer entries, their forms)."""
    from kg.article import parse_article
    from kg.extraction import extract_article
    from kg.gazetteer import default_gazetteer
    from kg.model import fold
    from kg.nlp import load_pipeline

    nlp, gazetteer = load_pipeline(), default_gazetteer()
    by_row: dict[int, list[dict]] = defaultdict(list)
    for c in sample:
        by_row[c["row"]].append(c)
    found: dict[tuple, Predicted] = {}
    for row, chosen in sorted(by_row.items()):
        label, text = corpus[row]
        extraction = extract_article(parse_article(text, identifier(row, label)), nlp=nlp)
        entities = {e.key: e for e in extraction.entities}

        def names(key: str) -> set[str]:
            out = {fold(key)}
            e = entities.get(key)
            if e is not None:
                if e.concerns:
                    return names(e.concerns)
                out |= {fold(e.label), *(fold(f) for f in e.surface_forms)}
            if key in gazetteer:
                entry = gazetteer[key]
                out |= {fold(entry.label), *(fold(f) for f in entry.forms + entry.short_forms)}
            return out

        for st in extraction.statements:
            if st.relation not in RELATIONS:
                continue
            for c in chosen:
                if c["start"] <= st.trigger_char < c["end"]:
                    key = (c["id"], st.subject, st.relation, st.object)
                    if key not in found:
                        found[key] = Predicted(c["id"], st.relation, names(st.subject), names(st.object),
                                               set(), f"{c['id']} {st.subject} {st.relation} {st.object}")
                    found[key].modalities.add(st.modality)
    return list(found.values())


def _matches(fact: dict, p: Predicted) -> bool:
    if fact["p"] != p.relation:
        return False
    s, o = _names(fact["s"]), _names(fact["o"])
    return bool(s & p.s and o & p.o) or (p.relation in SYMMETRIC and bool(s & p.o and o & p.s))


def score(sample: list[dict], judgments: list[dict], predicted: list[Predicted]) -> dict:
    """Recall over the required judged facts (``"required": false`` marks an optional one: a
    prediction matching it is right, missing it costs nothing), precision over the
    predictions in sampled sentences,
    factual errors (a prediction given as asserted/reported whose matching facts are all
    planned, negated or denied), overall and per relation."""
    facts = {j["id"]: j["facts"] for j in judgments}
    figures = {rel: {"expected": 0, "found": 0, "predicted": 0, "correct": 0, "factual_errors": 0,
                     "right_modality": 0} for rel in RELATIONS}
    hit: dict[tuple[str, int], set[str]] = defaultdict(set)
    false_positives, errors = [], []
    for p in predicted:
        f = figures[p.relation]
        f["predicted"] += 1
        matched = [(p.id, n) for n, fact in enumerate(facts.get(p.id, [])) if _matches(fact, p)]
        if not matched:
            false_positives.append(f"{p.label} [{', '.join(sorted(p.modalities))}]")
            continue
        f["correct"] += 1
        for m in matched:
            hit[m] |= p.modalities
        if p.modalities & FACTUAL and {facts[i][n]["modality"] for i, n in matched} <= NON_FACTUAL:
            f["factual_errors"] += 1
            errors.append(f"{p.label} [{', '.join(sorted(p.modalities))}]")
    missed = []
    for sid, held in sorted(facts.items()):
        for n, fact in enumerate(held):
            if not fact.get("required", True):
                continue          # optional: a match is right, a miss costs nothing
            f = figures[fact["p"]]
            f["expected"] += 1
            if (sid, n) in hit:
                f["found"] += 1
                f["right_modality"] += fact["modality"] in hit[(sid, n)]
            else:
                missed.append(f"{sid} {fact['s']} {fact['p']} {fact['o']} ({fact['modality']})")
    total = {k: sum(f[k] for f in figures.values()) for k in figures[RELATIONS[0]]}

    def rates(f: dict) -> dict:
        return {**f, "recall": round(f["found"] / f["expected"], 3) if f["expected"] else 0.0,
                "precision": round(f["correct"] / f["predicted"], 3) if f["predicted"] else 0.0}

    return {
        "sentences": len(sample), "judged": len(facts),
        "with_facts": sum(1 for held in facts.values() if held),
        "facts": sum(len(held) for held in facts.values()),
        **rates(total),
        "by_relation": {rel: rates(f) for rel, f in figures.items()},
        "missed": missed, "false_positives": false_positives, "factual_error_list": errors,
    }


def run_score(corpus_path: Path = CORPUS) -> dict:
    corpus = read_corpus(corpus_path)
    sample = load_sample()
    return score(sample, load_judgments(), predictions(sample, corpus))


def cmd_score(args) -> int:
    result = run_score(args.corpus)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
        return 0
    print(f"sample: {result['sentences']} cue sentences ({result['judged']} judged, "
          f"{result['with_facts']} with facts; {result['facts']} facts, {result['expected']} required)")
    print(f"{'relation':20} {'expected':>8} {'found':>6} {'recall':>7} {'predicted':>9} {'correct':>7} "
          f"{'precision':>9} {'fact.err':>8}")
    for name, f in [*result["by_relation"].items(), ("all", result)]:
        print(f"{name:20} {f['expected']:8} {f['found']:6} {f['recall']:7.3f} {f['predicted']:9} "
              f"{f['correct']:7} {f['precision']:9.3f} {f['factual_errors']:8}")
    if args.verbose:
        for title in ("missed", "false_positives", "factual_error_list"):
            print(f"\n{title}:")
            for line in result[title]:
                print(f"  {line}")
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="the 10kGNAD test.csv")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("sample", help="draw the seeded sample of cue sentences")
    p.add_argument("--seed", type=int, default=SEED)
    p.add_argument("--size", type=int, default=SIZE)
    p.set_defaults(run=cmd_sample)
    p = sub.add_parser("show", help="print sampled sentences from the corpus")
    p.add_argument("--context", type=int, default=0, help="preceding sentences to show")
    p.add_argument("ids", nargs="*")
    p.set_defaults(run=cmd_show)
    p = sub.add_parser("score", help="score the extractor against the judgments")
    p.add_argument("--json", action="store_true")
    p.add_argument("-v", "--verbose", action="store_true")
    p.set_defaults(run=cmd_score)
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        print(f"Error: no corpus at {args.corpus}", file=sys.stderr)
        return 1
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
