#!/usr/bin/env python3
"""Which Brown clusters of spacy-lookups-data's German lexicon hold names.

Counts, over the capitalised tokens of a GermEval 2014 file (the dev split: the
test split stays unseen for ``make germeval``), how often each cluster's words
are the first or inner token of a PER, LOC or ORG span, and prints the clusters
whose capitalised words are of one type at least ``--purity`` of the time (with
at least ``--support`` tokens) as the ``[clusters]`` table of
``ontology/lexicon.toml``.

    python tools/lexicon_clusters.py ../shared/corpora/germeval2014/NER-de-dev.tsv
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg.lexicon import raw_clusters  # noqa: E402

TYPES = ("PER", "LOC", "ORG")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--purity", type=float, default=0.6)
    parser.add_argument("--support", type=int, default=8)
    args = parser.parse_args()
    if not args.path.exists():
        print(f"lexicon_clusters: no file {args.path}", file=sys.stderr)
        return 1
    clusters = raw_clusters()
    counts: dict[int, Counter] = defaultdict(Counter)
    for line in args.path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        cells = line.split("\t")
        word, label = cells[1], cells[2]
        if not word[:1].isupper() or word not in clusters:
            continue
        counts[clusters[word]][label[2:] if label[2:] in TYPES else "O"] += 1
    chosen: dict[str, list[int]] = {t: [] for t in TYPES}
    for cluster, c in sorted(counts.items()):
        total = sum(c.values())
        for kind in TYPES:
            if total >= args.support and c[kind] / total >= args.purity:
                chosen[kind].append(cluster)
    print(f"# from {args.path.name}: purity >= {args.purity}, support >= {args.support}")
    print("[clusters]")
    for kind in TYPES:
        print(f"{kind} = {chosen[kind]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
