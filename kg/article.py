"""Reading article files: decoding, the optional date line, publisher and title.

An article file is UTF-8 text.  It may begin with a line ``date YYYY-MM`` (or
``YYYY-MM-DD``), possibly after white space and followed by the body on the same
line, as the dpa-AFX seeds do.  Offsets everywhere refer to the decoded file
text, so ``text[start:end]`` gives back an evidence sentence exactly.
"""
from __future__ import annotations

import hashlib
import os
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
        content_hash=hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(),   # a str may hold lone surrogates
    )


def find_articles(paths: list[Path]) -> tuple[list[str], list[str]]:
    """Expand files and folders into the paths of ``.txt`` files, as strings, each folder's
    sorted as pathlib sorts them; also say what is missing.  Strings, not Path objects: an
    archive of a hundred thousand files held 40 MB of Path objects for the whole build."""
    found: list[str] = []
    problems: list[str] = []
    for path in paths:
        if path.is_dir():
            files = list(_txt_files(str(path)))
            if not files:
                problems.append(f"{path}: no .txt articles in this folder")
            found.extend(files)
        elif path.is_file():
            found.append(str(path))
        else:
            problems.append(f"{path}: no such file or folder")
    unique = list(dict.fromkeys(found))
    return unique, problems


def _txt_files(folder: str):
    """Every ``.txt`` file below ``folder`` in pathlib's order (``sorted(Path.rglob("*.txt"))``:
    each folder's entries by name, a subfolder's files where its name sorts), walked one folder
    at a time, without a sort key per file; symbolic links to folders are not followed."""
    try:
        with os.scandir(folder) as it:
            entries = sorted(((entry.name, entry.path, entry.is_dir(follow_symlinks=False)) for entry in it))
    except OSError:
        return
    for name, path, is_dir in entries:
        if is_dir:
            yield from _txt_files(path)
        elif name.endswith(".txt") and os.path.isfile(path):
            yield path
