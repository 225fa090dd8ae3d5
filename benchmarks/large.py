#!/usr/bin/env python3
"""Bundled queries on a large store: the first page and the whole result (``make bench-large``).

    python benchmarks/large.py [--scale 100] [--corpus ../shared/corpora/10kgnad/test.csv] [-o BENCHMARKS.md]

Makes build/bench/{scale}x (the articles of the 10kGNAD test split, ``scale`` copies with
distinct ids, as ``benchmarks/run.py`` does) unless it is there already, and builds it into
build/bench/store-{scale}x with ``kg build --jobs 2`` (incremental: an up-to-date store is
only checked).  Then, for each bundled query (``entity-timeline`` with entity=Putin):

* the first page, ``limit 20``: the median of 7 runs after a warm-up, in this process, the
  query prepared, run and its rows read, as ``kg query NAME --limit 20`` does in its child;
* the whole result streamed as a table to nowhere (median of 3): the time to the last row;
* the number of rows.

The table replaces the section "Queries on the large store" of the output file (appended
when it has none), so the rest of BENCHMARKS.md stays as ``make bench`` wrote it.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from run import KG, ROOT, make_corpus, records

PAGE = 20
TARGET_MS = 100.0
HEADING = "## Queries on the large store (`make bench-large`)"


class _Nowhere:
    """A binary stream that only counts what it is given."""

    def __init__(self):
        self.bytes = 0

    def write(self, data: bytes) -> int:
        self.bytes += len(data)
        return len(data)

    def flush(self) -> None:
        pass


def ensure_store(corpus: Path, work: Path, scale: int) -> tuple[Path, int]:
    """The Nx store, built (or brought up to date) from the Nx corpus; and its article count."""
    folder = work / f"{scale}x"
    expected = sum(1 for _ in records(corpus)) * scale
    if not folder.is_dir() or sum(1 for _ in folder.glob("*.txt")) < expected * 0.9:
        make_corpus(corpus, work, scale)
    store = work / f"store-{scale}x"
    started = time.perf_counter()
    subprocess.run(KG + ["--store", str(store), "build", "-q", "--jobs", "2", str(folder)], check=True, cwd=ROOT)
    print(f"bench: store {store} ready in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return store, sum(1 for _ in folder.glob("*.txt"))


def time_queries(store_path: Path, runs: int = 7, whole_runs: int = 3) -> list[tuple[str, float, float, int]]:
    """(query, first-page median ms, whole-result median ms, rows) for every bundled query."""
    from kg.output import write_results
    from kg.queries import bundled, prepare
    from kg.store import KGStore

    out = []
    with KGStore.open(store_path, read_only=True) as store:
        for name, query in sorted(bundled().items()):
            values = {p: "Putin" for p in query.params}
            page = []
            for n in range(runs + 1):
                started = time.perf_counter()
                text, terms = prepare(store, query, values, limit=PAGE)
                for _ in store.query(text, terms):
                    pass
                if n:
                    page.append((time.perf_counter() - started) * 1000)
            whole = []
            for _ in range(whole_runs):
                started = time.perf_counter()
                text, terms = prepare(store, query, values)
                sink = _Nowhere()
                write_results(store.query(text, terms), "table", sink)
                whole.append((time.perf_counter() - started) * 1000)
            rows = sum(1 for _ in store.query(*prepare(store, query, values)))
            out.append((name, statistics.median(page), statistics.median(whole), rows))
            print(f"bench: {name}: first page {out[-1][1]:.1f} ms, whole {out[-1][2]:.1f} ms, {rows} rows",
                  file=sys.stderr)
    return out


def report(scale: int, articles: int, store: Path, timings: list[tuple[str, float, float, int]]) -> str:
    slowest = max(t[1] for t in timings)
    size = sum(p.stat().st_size for p in store.rglob("*") if p.is_file()) / 2**20
    lines = [
        HEADING,
        "",
        f"Made by `make bench-large` (`benchmarks/large.py --scale {scale}`) on {time.strftime('%Y-%m-%d')}, "
        f"{os.cpu_count()} cores, Python {sys.version.split()[0]}: {articles:,} articles ({scale} copies of the "
        f"10kGNAD test split with distinct ids), store {size:,.0f} MiB. First page: `--limit {PAGE}`, the median "
        f"of 7 runs after a warm-up (query prepared, run and its rows read); whole result: every row written as "
        f"a table to nowhere, the median of 3. `entity-timeline` with `--param entity=Putin`. Slowest first page: "
        f"**{slowest:.1f} ms** (target < {TARGET_MS:.0f} ms: {'met' if slowest < TARGET_MS else '**not met**'}).",
        "",
        "| query | first page (ms) | whole result (ms) | rows |",
        "|---|---:|---:|---:|",
    ]
    lines += [f"| {name} | {page:.1f} | {whole:.1f} | {rows:,} |" for name, page, whole, rows in timings]
    return "\n".join(lines) + "\n"


def replace_section(path: Path, section: str) -> None:
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    start = text.find(HEADING)
    if start < 0:
        text = text.rstrip("\n") + "\n\n" + section
    else:
        end = text.find("\n## ", start + len(HEADING))
        text = text[:start] + section + (text[end:] if end >= 0 else "")
    path.write_text(text, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=int, default=100)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpora" / "10kgnad" / "test.csv")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "bench")
    parser.add_argument("-o", "--output", type=Path, default=ROOT / "BENCHMARKS.md")
    args = parser.parse_args()
    if not args.corpus.is_file():
        print(f"bench: no corpus at {args.corpus}", file=sys.stderr)
        return 1
    store, articles = ensure_store(args.corpus, args.work, args.scale)
    replace_section(args.output, report(args.scale, articles, store, time_queries(store)))
    print(f"bench: wrote {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
