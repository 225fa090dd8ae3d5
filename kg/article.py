"""Reading article files: decoding, the optional date line, publisher and title.

An article file is UTF-8 text.  It may begin with a line ``date YYYY-MM`` (or
``YYYY-MM-DD``), possibly after white space and followed by the body on the same
line, as the dpa-AFX seeds do.  Offsets everywhere refer to the decoded file
text, so ``text[start:end]`` gives back an evidence sentence exactly.
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

from kg.errors import InputError
from kg.model import Article

DATE_LINE = re.compile(r"\A\s*date\s+(\d{4}-\d{2}(?:-\d{2})?)\b[ \t]*\n?")
PUBLISHER_PATTERNS = (
    re.compile(r"\((dpa(?:-AFX)?|AFP|Reuters|AP|APA|KNA|epd)\)"),
    re.compile(r"^©\s*([A-Z][\w.\- ]{1,40})\s*$", re.M),
    re.compile(r"^Quelle:\s*([\w.\-]+)", re.M),
)


def read_article(path: Path) -> Article:
    """Read one article file; raise :class:`InputError` with a one-line reason."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    if b"\x00" in raw:
        raise InputError(f"{path}: binary file, skipped")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text (byte {exc.start}), skipped") from None
    if not text.strip():
        raise InputError(f"{path}: empty file, skipped")
    return parse_article(text, identifier=path.stem, source_path=str(path))


def parse_article(text: str, identifier: str, source_path: str | None = None) -> Article:
    """Split an article's text into its date line and body; find publisher and title."""
    date = None
    body_start = 0
    match = DATE_LINE.match(text)
    if match:
        date = match.group(1)
        body_start = match.end()
        while body_start < len(text) and text[body_start] in " \t":
            body_start += 1
    body = text[body_start:]
    publisher = None
    for pattern in PUBLISHER_PATTERNS:
        found = pattern.search(body)
        if found:
            publisher = found.group(1).strip()
            break
    first_line = body.strip().split("\n", 1)[0].strip()
    title = first_line if 0 < len(first_line) <= 120 and not first_line.endswith(".") else None
    return Article(
        identifier=identifier,
        text=text,
        body_start=body_start,
        date=date,
        publisher=publisher,
        title=title,
        source_path=source_path,
        content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
    )


def find_articles(paths: list[Path]) -> tuple[list[Path], list[str]]:
    """Expand files and folders into ``.txt`` files, sorted; also say what is missing."""
    found: list[Path] = []
    problems: list[str] = []
    for path in paths:
        if path.is_dir():
            files = sorted(p for p in path.rglob("*.txt") if p.is_file())
            if not files:
                problems.append(f"{path}: no .txt articles in this folder")
            found.extend(files)
        elif path.is_file():
            found.append(path)
        else:
            problems.append(f"{path}: no such file or folder")
    unique = list(dict.fromkeys(found))
    return unique, problems
