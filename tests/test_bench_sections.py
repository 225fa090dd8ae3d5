"""BENCHMARKS.md has two writers: ``make bench`` (benchmarks/run.py) writes the file and keeps
the section ``make bench-large`` (benchmarks/large.py) wrote, which replaces only its own."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from sections import LARGE_HEADING, replace_section, write_keeping  # noqa: E402

LARGE = f"{LARGE_HEADING}\n\nlarge store table\n"


def test_make_bench_keeps_the_large_section(tmp_path):
    out = tmp_path / "BENCHMARKS.md"
    out.write_text(f"# Benchmarks\n\nold run\n\n## Linear\n\nold ladder\n\n{LARGE}", encoding="utf-8")
    write_keeping(out, "# Benchmarks\n\nnew run\n\n## Linear\n\nnew ladder\n")
    assert out.read_text(encoding="utf-8") == f"# Benchmarks\n\nnew run\n\n## Linear\n\nnew ladder\n\n{LARGE}"
    write_keeping(out, "# Benchmarks\n\nthird run\n")             # and again: still once
    assert out.read_text(encoding="utf-8") == f"# Benchmarks\n\nthird run\n\n{LARGE}"


def test_make_bench_large_replaces_only_its_section():
    text = f"# Benchmarks\n\nrun\n\n{LARGE}\n## After\n\nkept\n"
    new = f"{LARGE_HEADING}\n\nnew table\n"
    assert replace_section(text, LARGE_HEADING, new) == f"# Benchmarks\n\nrun\n\n{new}\n## After\n\nkept\n"
    assert replace_section("# Benchmarks\n\nrun\n", LARGE_HEADING, new) == f"# Benchmarks\n\nrun\n\n{new}"
