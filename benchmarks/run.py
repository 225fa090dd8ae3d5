#!/usr/bin/env python3
"""Benchmarks: build speed, memory, store size, query, export and start-up times.

Everything is measured side by side in one run on this machine, so the ratios hold even
when the machine is shared and noisy; absolute figures are only this run's.

    python benchmarks/run.py [--scale 10] [--corpus ../shared/corpora/10kgnad/test.csv] [-o BENCHMARKS.md]

Makes the corpus under build/bench/: the articles of the 10kGNAD test split (1x) and a
copy of them ``scale`` times with distinct article ids (Nx).  Then, in this order:

* three rounds, side by side, of: words/s of the bare spaCy pipeline (blank German +
  sentencizer + lookup lemmatizer, no extraction) over the 1x texts, in this process, streamed
  from the files as a build reads them; ``kg build`` of 1x with 1 job; with 2 jobs (each build
  its own process: wall time, peak RSS of the process tree from wait4, store size on disk).
  Each figure is the median of its three: the machine's speed drifts;
* the same once over the Nx texts.  The Nx corpus repeats the 1x texts, so spaCy's tokenizer
  and vocabulary serve more of it: each build is compared with the bare pipeline on the same
  corpus;
* each bundled query on the 1x and the Nx store (median of 5 runs after one warm-up);
* export time per format from the 1x store;
* start-up: ``kg query --list`` against ``kg build`` of one article (median of 3);
* linear extraction: the corpus's articles without full stops, question or exclamation marks
  and line breaks, run together into one text of 25, 50, 100 and 200 kB and 1 MB, each
  extracted in a process of its own (seconds: the best of 3; peak RSS): the time
  should double with the size, not quadruple (``--linear`` runs only this part).

The output file's section "Queries on the large store", which ``benchmarks/large.py`` writes
(``make bench-large``), is kept as it stands.
"""
from __future__ import annotations

import argparse
import csv
import io
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import bare
from sections import write_keeping

ROOT = Path(__file__).resolve().parents[1]
KG = [str(Path(sys.executable).parent / "kg")]
TARGETS = {"ratio": 0.5, "jobs": 1.6, "memory": 1.2, "query_ms": 100.0}


def records(corpus: Path):
    with corpus.open(encoding="utf-8", newline="") as f:
        for n, row in enumerate(csv.reader(f, delimiter=";", quotechar="'")):
            if len(row) >= 2:
                yield n, row[0], row[1]


def make_corpus(corpus: Path, out: Path, scale: int) -> tuple[Path, Path, int]:
    """build/bench/1x and build/bench/{scale}x as article files; returns the folders and 1x words."""
    one, many = out / "1x", out / f"{scale}x"
    words = 0
    for folder in (one, many):
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
    for n, label, text in records(corpus):
        words += len(text.split())
        name = f"{n:04d}_{label}.txt"
        (one / name).write_text(text + "\n", encoding="utf-8")
        for copy in range(scale):
            (many / f"c{copy:03d}_{name}").write_text(text + "\n", encoding="utf-8")
    return one, many, words


def bare_words_per_second(folder: Path, words: int) -> float:
    """Words/s of a fresh bare pipeline over the folder's files (start-up not counted)."""
    return words / bare.process(bare.pipeline(), folder)


def bare_process_words_per_second(folder: Path, words: int) -> float:
    """Words/s of the bare pipeline run as its own process, start-up included (as a build)."""
    return words / timed([sys.executable, str(ROOT / "benchmarks" / "bare.py"), str(folder)])[0]


# Runs a command and prints its wall seconds and the peak RSS (KiB) of the largest process of
# its tree.  The command is started from this small process, not from the bench: a process
# forked from the bench (which holds spaCy and the bare pipeline) would carry the bench's
# RSS as its own peak until it execs, and the kernel keeps that peak.
MEASURE = """
import resource, subprocess, sys, time
started = time.perf_counter()
code = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL)
seconds = time.perf_counter() - started
print(seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code)
"""


def timed(cmd: list[str]) -> tuple[float, int]:
    """Wall seconds and peak RSS (MiB, the largest process) of a command and its children."""
    proc = subprocess.run([sys.executable, "-c", MEASURE, *cmd], cwd=ROOT, capture_output=True, text=True)
    try:
        seconds, rss, code = proc.stdout.split()
    except ValueError:
        raise SystemExit(f"bench: {' '.join(cmd)} could not be measured: {proc.stderr[-500:]}") from None
    if int(code) != 0:
        raise SystemExit(f"bench: {' '.join(cmd)} failed: {proc.stderr[-500:]}")
    return float(seconds), int(rss) // 1024


ROUNDS = 3


def median_run(runs: list[tuple[float, int, float]]) -> tuple[float, int, float]:
    """The run of median time (its memory and store size with it)."""
    return sorted(runs)[len(runs) // 2]


def size_mib(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 2**20


def kg_build(store: Path, folder: Path, jobs: int) -> tuple[float, int, float]:
    shutil.rmtree(store, ignore_errors=True)
    seconds, rss = timed(KG + ["--store", str(store), "build", "-q", "--jobs", str(jobs), str(folder)])
    return seconds, rss, size_mib(store)


def query_times(store_path: Path) -> dict[str, float]:
    """Median milliseconds of each bundled query, results consumed; a parameter
    (entity=Putin) is resolved once, and its resolution timed as "resolve Putin"."""
    from kg.queries import bundled, prepare
    from kg.store import KGStore

    out = {}
    with KGStore.open(store_path, read_only=True) as store:
        for name, query in sorted(bundled().items()):
            values = {p: "Putin" for p in query.params}
            started = time.perf_counter()
            text, terms = prepare(store, query, values)
            if values:
                out["(resolve --param entity=Putin)"] = (time.perf_counter() - started) * 1000
            runs = []
            for n in range(6):
                started = time.perf_counter()
                for _ in store.query(text, terms):
                    pass
                if n:
                    runs.append((time.perf_counter() - started) * 1000)
            out[name] = statistics.median(runs)
    return out


def export_times(store_path: Path) -> dict[str, float]:
    from kg.store import EXPORT_FORMATS, KGStore

    out = {}
    with KGStore.open(store_path, read_only=True) as store:
        for fmt in EXPORT_FORMATS:
            started = time.perf_counter()
            store.export(fmt, io.BytesIO())
            out[fmt] = time.perf_counter() - started
    return out


def startup(store: Path, one_article: Path) -> tuple[float, float]:
    q, b = [], []
    for _ in range(3):
        q.append(timed(KG + ["--store", str(store), "query", "--list"])[0])
        b.append(timed(KG + ["--store", str(store), "build", "-q", "--force", str(one_article)])[0])
    return statistics.median(q), statistics.median(b)


def unpunctuated_text(corpus: Path, size: int) -> str:
    """``size`` bytes of the corpus's articles without ".", "?", "!" and line breaks: one sentence."""
    out, n = [], 0
    while n < size:
        for _, _, text in records(corpus):
            text = " ".join(re.sub(r"[.?!]+", " ", text).split())
            out.append(text)
            n += len(text.encode("utf-8")) + 1
            if n >= size:
                break
    return " ".join(out).encode("utf-8")[:size].decode("utf-8", errors="ignore")


# Extracts from one unpunctuated text in a fresh process and prints: best seconds, tokens,
# sentences (windows) and the process's peak RSS (KiB).
LINEAR = """
import resource, sys, time
sys.path.insert(0, sys.argv[1])
from run import unpunctuated_text
from pathlib import Path
from kg.article import parse_article
from kg.extraction import extract_article
from kg.nlp import load_pipeline
nlp = load_pipeline()
extract_article(parse_article("Putin traf Kim in Pjöngjang.", "warm-up"), nlp)
article = parse_article(unpunctuated_text(Path(sys.argv[2]), int(sys.argv[3])), "unpunctuated")
best = float("inf")
for _ in range(int(sys.argv[4])):
    started = time.perf_counter()
    extraction = extract_article(article, nlp)
    best = min(best, time.perf_counter() - started)
print(best, len(nlp.make_doc(article.body)), len(extraction.sentences),
      resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""
LINEAR_SIZES = (25_000, 50_000, 100_000, 200_000, 1_000_000)


def linear_extraction(corpus: Path) -> list[tuple[int, float, int, int, int]]:
    """(bytes, seconds, tokens, sentences, peak RSS MiB) of each unpunctuated text."""
    out = []
    for size in LINEAR_SIZES:
        proc = subprocess.run([sys.executable, "-c", LINEAR, str(ROOT / "benchmarks"), str(corpus), str(size),
                               "3"], cwd=ROOT, capture_output=True, text=True)
        try:
            seconds, tokens, sentences, rss = proc.stdout.split()
        except ValueError:
            raise SystemExit(f"bench: linear extraction of {size:,} bytes failed: {proc.stderr[-500:]}") from None
        out.append((size, float(seconds), int(tokens), int(sentences), int(rss) // 1024))
        print(f"bench: unpunctuated {size // 1000} kB: {float(seconds):.2f} s", file=sys.stderr)
    return out


def linear_report(linear: list[tuple[int, float, int, int, int]]) -> list[str]:
    lines = [
        "Linear extraction: the 10kGNAD articles without full stops, question and exclamation marks "
        "and line breaks, as one text of each size (`benchmarks/run.py --linear`). Extraction only "
        "(`kg.extraction.extract_article`, spaCy included), each size in a fresh process after a "
        "warm-up; seconds are the best of 3. The time ratio to the size before should "
        "be the size ratio (2.0 per doubling, 5.0 from 200 kB to 1 MB), not its square.",
        "",
        "| text | tokens | sentences (windows) | seconds | ratio to the size before (size ratio) | peak RSS (MiB) |",
        "|---|---|---|---|---|---|",
    ]
    for n, (size, seconds, tokens, sentences, rss) in enumerate(linear):
        ratio = "" if n == 0 else f"{seconds / linear[n - 1][1]:.2f} ({size / linear[n - 1][0]:.1f})"
        label = f"{size // 1000} kB" if size < 1_000_000 else f"{size / 1e6:.0f} MB"
        lines.append(f"| {label} | {tokens:,} | {sentences:,} | {seconds:.2f} | {ratio} | {rss} |")
    lines.append("")
    return lines


def report(args, words: int, scale: int, bare: dict[str, float], runs: dict, queries: dict,
           exports: dict, start: tuple[float, float], articles: int, linear=()) -> str:
    one1, one2, many1, many2 = runs["1x-1"], runs["1x-2"], runs["Nx-1"], runs["Nx-2"]
    wps1, wps2 = words / one1[0], words / one2[0]
    wpsn1, wpsn2 = words * scale / many1[0], words * scale / many2[0]
    ratio, ratio_n = wps1 / bare["1x process"], wpsn1 / bare["Nx process"]           # both whole processes
    strict, strict_n = wps1 / bare["1x"], wpsn1 / bare["Nx"]                          # bare without start-up
    speedup, speedup_n = one1[0] / one2[0], many1[0] / many2[0]
    memory = max(many1[1] / one1[1], many2[1] / one2[1])
    slowest = max(v for q in queries.values() for k, v in q.items() if not k.startswith("("))

    def ok(good: bool) -> str:
        return "met" if good else "**not met**"

    lines = [
        "# Benchmarks",
        "",
        f"Made by `make bench` (`benchmarks/run.py --scale {scale}`) on {time.strftime('%Y-%m-%d')}, "
        f"{os.cpu_count()} cores, Python {sys.version.split()[0]}. Corpus: the {articles} articles of "
        f"`10kgnad/test.csv` ({words:,} words) and {scale}x copies of them with distinct ids. "
        "All figures come from one run, side by side; compare ratios, not absolute times. "
        "Build times are whole `kg build` processes: start-up (spaCy, gazetteer, lexicon), "
        "extraction, RDF and the on-disk store. The bare pipeline is timed on each corpus, as its "
        "own process like a build (`benchmarks/bare.py`, start-up included) and also without its "
        "start-up, and each build is compared with it on its own corpus: the 10x copies let spaCy's "
        "tokenizer cache serve the bare pipeline as much as the build. At 1x the bare pipeline and "
        "the builds run in three rounds, side by side, and each figure is the median of its three.",
        "",
        "| measure | value | target |",
        "|---|---|---|",
        f"| bare spaCy pipeline (blank de + sentencizer + lookup lemmatizer), words/s at 1x / {scale}x: "
        f"its own process, start-up included (as a build) | {bare['1x process']:,.0f} / "
        f"{bare['Nx process']:,.0f} | |",
        f"| the same, start-up not counted | {bare['1x']:,.0f} / {bare['Nx']:,.0f} | |",
        f"| `kg build`, 1 job: words/s at 1x / {scale}x | {wps1:,.0f} ({one1[0]:.1f} s) / {wpsn1:,.0f} "
        f"({many1[0]:.1f} s) | |",
        f"| **ratio** build 1 job / bare pipeline, both whole processes, at 1x / {scale}x | **{ratio:.3f}** / "
        f"**{ratio_n:.3f}** | ≥ {TARGETS['ratio']} {ok(min(ratio, ratio_n) >= TARGETS['ratio'])} |",
        f"| ratio build 1 job / bare pipeline without its start-up, at 1x / {scale}x | {strict:.3f} / "
        f"{strict_n:.3f} | ≥ {TARGETS['ratio']} at 1x {ok(strict >= TARGETS['ratio'])}, at {scale}x "
        f"{ok(strict_n >= TARGETS['ratio'])} |",
        f"| `kg build`, 2 jobs: words/s at 1x / {scale}x | {wps2:,.0f} ({one2[0]:.1f} s) / {wpsn2:,.0f} "
        f"({many2[0]:.1f} s) | |",
        f"| **speed-up** 2 jobs / 1 job, at 1x / {scale}x | **{speedup:.2f}x** / **{speedup_n:.2f}x** | "
        f"≥ {TARGETS['jobs']}x at 1x {ok(speedup >= TARGETS['jobs'])}, at {scale}x "
        f"{ok(speedup_n >= TARGETS['jobs'])} |",
        f"| peak RSS, 1 job at 1x / {scale}x; 2 jobs at 1x / {scale}x (MiB, largest process of the tree) | "
        f"{one1[1]} / {many1[1]}; {one2[1]} / {many2[1]} | |",
        f"| **memory** {scale}x / 1x (the larger of 1 and 2 jobs) | **{memory:.2f}** | "
        f"≤ {TARGETS['memory']} {ok(memory <= TARGETS['memory'])} |",
        f"| store on disk, 1x / {scale}x (MiB) | {one1[2]:.1f} / {many1[2]:.1f} | |",
        f"| slowest bundled query, median (ms) | **{slowest:.1f}** | < {TARGETS['query_ms']:.0f} "
        f"{ok(slowest < TARGETS['query_ms'])} |",
        f"| start-up: `kg query --list` / `kg build` of one article (s) | {start[0]:.2f} / {start[1]:.2f} | |",
        "",
        f"Queries, median of 5 runs after a warm-up (ms), on the 1x and the {scale}x store:",
        "",
        f"| query | 1x | {scale}x |",
        "|---|---|---|",
    ]
    for name in sorted(queries["1x"]):
        lines.append(f"| {name} | {queries['1x'][name]:.1f} | {queries['Nx'][name]:.1f} |")
    lines += ["", "Export of the 1x store, whole graph sorted (s):", "", "| format | s |", "|---|---|"]
    for fmt, seconds in exports.items():
        lines.append(f"| {fmt} | {seconds:.2f} |")
    lines.append("")
    if linear:
        lines += linear_report(linear)
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=int, default=10)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpora" / "10kgnad" / "test.csv")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "bench")
    parser.add_argument("-o", "--output", type=Path, default=ROOT / "BENCHMARKS.md")
    parser.add_argument("--linear", action="store_true",
                        help="only the linear extraction part: print its table, write no file")
    args = parser.parse_args()
    if args.scale < 2:
        print("bench: --scale must be 2 or more (the Nx corpus is compared with the 1x one)", file=sys.stderr)
        return 2
    if not args.corpus.is_file():
        print(f"bench: no corpus at {args.corpus}", file=sys.stderr)
        return 1
    if args.linear:
        print("\n".join(linear_report(linear_extraction(args.corpus))))
        return 0
    one, many, words = make_corpus(args.corpus, args.work, args.scale)
    articles = len(list(one.glob("*.txt")))
    print(f"bench: {articles} articles, {words:,} words; {args.scale}x in {many}", file=sys.stderr)
    # 1x: three rounds of bare pipeline, build with 1 job, build with 2 jobs, side by side (the
    # machine's speed drifts: each figure is the median of its three); Nx: one round
    rounds: dict[str, list] = {"bare": [], "bare process": [], "1x-1": [], "1x-2": []}
    for n in range(ROUNDS):
        rounds["bare"].append(bare_words_per_second(one, words))
        rounds["bare process"].append(bare_process_words_per_second(one, words))
        for jobs in (1, 2):
            rounds[f"1x-{jobs}"].append(kg_build(args.work / f"store-1x-{jobs}", one, jobs))
        print(f"bench: 1x round {n + 1}: bare {rounds['bare'][-1]:,.0f} / {rounds['bare process'][-1]:,.0f} "
              f"words/s, build {rounds['1x-1'][-1][0]:.1f} s / {rounds['1x-2'][-1][0]:.1f} s", file=sys.stderr)
    runs = {label: median_run(rounds[label]) for label in ("1x-1", "1x-2")}
    bare_n = bare_words_per_second(many, words * args.scale)
    bare_process_n = bare_process_words_per_second(many, words * args.scale)
    for jobs in (1, 2):
        runs[f"Nx-{jobs}"] = kg_build(args.work / f"store-Nx-{jobs}", many, jobs)
        print(f"bench: build Nx-{jobs}: {runs[f'Nx-{jobs}'][0]:.1f} s", file=sys.stderr)
    bare = {"1x": statistics.median(rounds["bare"]), "Nx": bare_n,
            "1x process": statistics.median(rounds["bare process"]), "Nx process": bare_process_n}
    queries = {"1x": query_times(args.work / "store-1x-1"), "Nx": query_times(args.work / "store-Nx-1")}
    exports = export_times(args.work / "store-1x-1")
    start = startup(args.work / "store-start", sorted(one.glob("*.txt"))[0])
    linear = linear_extraction(args.corpus)
    write_keeping(args.output, report(args, words, args.scale, bare, runs, queries, exports, start, articles, linear))
    print(f"bench: wrote {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
