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

With ``--against REV`` the bundled queries as of that git revision are timed too, each in turns
with today's version on the same store (the machine's speed drifts, and other work shares it):
the ratio of the two is the figure to compare.

The table replaces the section "Queries on the large store" of the output file (appended
when it has none), so the rest of BENCHMARKS.md stays as ``make bench`` wrote it (and
``make bench`` keeps this section).
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
from sections import LARGE_HEADING as HEADING
from sections import replace_section

PAGE = 20
TARGET_MS = 100.0


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


def _first_page(store, query, values: dict) -> float:
    """Milliseconds of one first page: the query prepared, run and its rows read."""
    from kg.queries import prepare

    started = time.perf_counter()
    text, terms = prepare(store, query, values, limit=PAGE)
    for _ in store.query(text, terms):
        pass
    return (time.perf_counter() - started) * 1000


def _whole(store, query, values: dict, runs: int) -> tuple[list[float], int]:
    """Milliseconds of ``runs`` whole results written as a table to nowhere, and the rows."""
    from kg.output import write_results
    from kg.queries import prepare

    times = []
    for _ in range(runs):
        started = time.perf_counter()
        text, terms = prepare(store, query, values)
        write_results(store.query(text, terms), "table", _Nowhere())
        times.append((time.perf_counter() - started) * 1000)
    return times, sum(1 for _ in store.query(*prepare(store, query, values)))


def queries_at(revision: str) -> dict:
    """The bundled queries as they were at a git revision (the files of ``queries/`` then)."""
    from kg.queries import parse_query

    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=ROOT, check=True, capture_output=True, text=True).stdout

    names = [n for n in git("ls-tree", "--name-only", f"{revision}:queries").split() if n.endswith(".rq")]
    return {Path(n).stem: parse_query(Path(n).stem, git("show", f"{revision}:queries/{n}")) for n in names}


def time_queries(store_path: Path, against: dict | None = None, runs: int = 7, whole_runs: int = 3) -> list[dict]:
    """For every bundled query: the medians (ms) of its first page and whole result, and its
    rows; with ``against`` (queries by name), the same for that query's other version, run in
    turns with this one on the same store."""
    from kg.queries import bundled
    from kg.store import KGStore

    out = []
    with KGStore.open(store_path, read_only=True) as store:
        for name, query in sorted(bundled().items()):
            values = {p: "Putin" for p in query.params}
            versions = {"now": query} | ({"then": against[name]} if against and name in against else {})
            pages: dict[str, list[float]] = {v: [] for v in versions}
            for n in range(runs + 1):                  # in turns: the machine's speed drifts
                for version, q in versions.items():
                    took = _first_page(store, q, values)
                    if n:                              # the first round warms up
                        pages[version].append(took)
            row = {"query": name}
            for version, q in versions.items():
                whole, rows = _whole(store, q, values, whole_runs)
                row |= {f"page {version}": statistics.median(pages[version]),
                        f"whole {version}": statistics.median(whole), f"rows {version}": rows}
            out.append(row)
            print(f"bench: {name}: " + ", ".join(f"{k} {v:.1f}" for k, v in row.items() if k != "query"),
                  file=sys.stderr)
    return out


def report(scale: int, articles: int, store: Path, timings: list[dict], against: str | None) -> str:
    slowest = max(t["page now"] for t in timings)
    size = sum(p.stat().st_size for p in store.rglob("*") if p.is_file()) / 2**20
    lines = [
        HEADING,
        "",
        f"Made by `make bench-large` (`benchmarks/large.py --scale {scale}"
        f"{f' --against {against}' if against else ''}`) on {time.strftime('%Y-%m-%d')}, "
        f"{os.cpu_count()} cores, Python {sys.version.split()[0]}: {articles:,} articles ({scale} copies of the "
        f"10kGNAD test split with distinct ids), store {size:,.0f} MiB. First page: `--limit {PAGE}`, the median "
        f"of 7 runs after a warm-up (query prepared, run and its rows read); whole result: every row written as "
        f"a table to nowhere, the median of 3. `entity-timeline` with `--param entity=Putin`. Slowest first page: "
        f"**{slowest:.1f} ms** (target < {TARGET_MS:.0f} ms: {'met' if slowest < TARGET_MS else '**not met**'}).",
    ]
    head, rule = "| query | first page (ms) | whole result (ms) | rows |", "|---|---:|---:|---:|"
    if against:
        lines += ["", f"Beside them, the bundled queries as of `{against}`, each run in turns with today's on the "
                  "same store: compare the ratio, the machine is shared. They give the same number of rows unless a "
                  "figure says how many they gave."]
        head += f" first page at {against} (ms) | whole at {against} (ms) | first page, now / then |"
        rule += "---:|---:|---:|"
    lines += ["", head, rule]
    for t in timings:
        line = f"| {t['query']} | {t['page now']:.1f} | {t['whole now']:.1f} | {t['rows now']:,} |"
        if "page then" in t:
            differ = f" ({t['rows then']:,} rows)" if t["rows then"] != t["rows now"] else ""
            line += f" {t['page then']:.1f}{differ} | {t['whole then']:.1f} | {t['page now'] / t['page then']:.2f} |"
        lines.append(line)
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=int, default=100)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpora" / "10kgnad" / "test.csv")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "bench")
    parser.add_argument("-o", "--output", type=Path, default=ROOT / "BENCHMARKS.md")
    parser.add_argument("--against", metavar="REV",
                        help="also time the bundled queries as of this git revision, in turns, on the same store")
    args = parser.parse_args()
    if not args.corpus.is_file():
        print(f"bench: no corpus at {args.corpus}", file=sys.stderr)
        return 1
    store, articles = ensure_store(args.corpus, args.work, args.scale)
    against = queries_at(args.against) if args.against else None
    section = report(args.scale, articles, store, time_queries(store, against), args.against)
    text = args.output.read_text(encoding="utf-8") if args.output.exists() else "# Benchmarks\n"
    args.output.write_text(replace_section(text, HEADING, section), encoding="utf-8")
    print(f"bench: wrote {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
