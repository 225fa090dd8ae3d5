"""The bundled SPARQL queries in ``queries/`` and how a user names a query.

A bundled query's first comment line is its description; ``# param: NAME``
lines declare variables the caller must bind (``kg query NAME --param NAME=…``).
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

from kg.errors import InputError, NotFoundError
from kg.resources import queries_dir

PARAM = re.compile(r"^#\s*param:\s*(\w+)", re.M)


@dataclass(frozen=True)
class Query:
    name: str
    text: str
    description: str = ""
    params: tuple[str, ...] = ()


def _parse(name: str, text: str) -> Query:
    first = next((line for line in text.splitlines() if line.strip()), "")
    description = first.lstrip("#").strip() if first.startswith("#") else ""
    return Query(name=name, text=text, description=description, params=tuple(PARAM.findall(text)))


def bundled(directory: Path | None = None) -> dict[str, Query]:
    directory = directory or queries_dir()
    return {p.stem: _parse(p.stem, p.read_text(encoding="utf-8")) for p in sorted(directory.glob("*.rq"))}


def resolve(spec: str, stdin_text: str | None = None) -> Query:
    """A query by bundled name, by file path, or ``-`` for standard input."""
    if spec == "-":
        if not stdin_text or not stdin_text.strip():
            raise InputError("no query on standard input")
        return _parse("-", stdin_text)
    queries = bundled()
    if spec in queries:
        return queries[spec]
    path = Path(spec)
    if path.suffix in {".rq", ".sparql"} or path.exists():
        try:
            return _parse(path.stem, path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise InputError(f"{spec}: no such query file") from None
        except (UnicodeDecodeError, IsADirectoryError):
            raise InputError(f"{spec}: not a text file") from None
    close = difflib.get_close_matches(spec, list(queries), n=3, cutoff=0.5)
    hint = f"; did you mean {', '.join(close)}?" if close else "; see 'kg query --list'"
    raise NotFoundError(f"unknown query {spec!r}{hint}")
