"""BENCHMARKS.md is written by two benchmarks: ``make bench`` (``run.py``) writes the whole
file but the section "Queries on the large store", which only ``make bench-large``
(``large.py``) writes; each keeps what the other wrote."""
from __future__ import annotations

from pathlib import Path

#: The heading of the section ``large.py`` writes.
LARGE_HEADING = "## Queries on the large store (`make bench-large`)"


def section(text: str, heading: str) -> tuple[int, int] | None:
    """Where the section under ``heading`` (a whole ``## `` line) starts and ends in ``text``."""
    start = text.find(heading + "\n")
    while start > 0 and text[start - 1] != "\n":
        start = text.find(heading + "\n", start + 1)
    if start < 0:
        return None
    end = text.find("\n## ", start + len(heading))
    return start, (end + 1 if end >= 0 else len(text))


def replace_section(text: str, heading: str, new: str) -> str:
    """``text`` with its section under ``heading`` replaced by ``new`` (appended when it has none)."""
    found = section(text, heading)
    if found is None:
        return text.rstrip("\n") + "\n\n" + new
    rest = text[found[1]:]
    return text[:found[0]] + new + ("\n" + rest if rest else "")


def write_keeping(path: Path, text: str, kept: tuple[str, ...] = (LARGE_HEADING,)) -> None:
    """Write ``text`` to ``path``; a section of ``kept`` that the file held and ``text`` lacks is
    kept, at the end."""
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    for heading in kept:
        found = section(old, heading)
        if found is not None and section(text, heading) is None:
            text = text.rstrip("\n") + "\n\n" + old[found[0]:found[1]].rstrip("\n") + "\n"
    path.write_text(text, encoding="utf-8")
