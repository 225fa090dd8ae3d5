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


#: The longest article text read (characters; news articles are rarely over 100,000), and
#: the most bytes read of a file: a larger file is refused without being read into memory.
MAX_ARTICLE_CHARS = 2_000_000
MAX_ARTICLE_BYTES = 4 * MAX_ARTICLE_CHARS


def read_article(path: Path, identifier: str | None = None) -> Article:
    """Read one article file as the article ``identifier`` (default: the file's name without
    its suffix); raise :class:`InputError` with a one-line reason."""
    name = display(path)
    try:
        with open(path, "rb") as stream:
            raw = stream.read(MAX_ARTICLE_BYTES + 1)
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{name}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None
    if len(raw) > MAX_ARTICLE_BYTES:
        raise InputError(f"{name}: too large for an article (over {MAX_ARTICLE_BYTES:,} bytes), skipped")
    text = decode(raw, name)
    if len(text) > MAX_ARTICLE_CHARS:
        raise InputError(f"{name}: too long for an article ({len(text):,} characters; at most "
                         f"{MAX_ARTICLE_CHARS:,}), skipped")
    article = parse_article(text, identifier=identifier or article_identity(str(path)), source_path=str(path))
    if not article.body.strip():
        raise InputError(f"{name}: empty article (a date line and no text), skipped")
    return article


def decode(raw: bytes, name: str) -> str:
    """The text of an article file, which must be UTF-8 (a BOM is allowed); anything else
    is refused with the encoding it seems to be in, so the user knows what to convert."""
    utf16 = _utf16_order(raw)
    if utf16:
        raise InputError(f"{name}: UTF-16{utf16} text, not UTF-8 (convert it: iconv -f UTF-16 -t UTF-8), skipped")
    if b"\x00" in raw:
        raise InputError(f"{name}: binary file, skipped")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        guess = "; it looks like Latin-1 or Windows-1252" if _looks_latin1(raw) else ""
        raise InputError(f"{name}: not UTF-8 text (byte {exc.start}){guess}, skipped") from None
    if not text.strip():
        raise InputError(f"{name}: empty file, skipped")
    return text


def _utf16_order(raw: bytes) -> str | None:
    """"LE" or "BE" for UTF-16 text (by its byte order mark, or without one by every other
    byte being mostly zero, as Latin letters are), else None."""
    if raw.startswith(b"\xff\xfe"):
        return "LE"
    if raw.startswith(b"\xfe\xff"):
        return "BE"
    sample = raw[:4096]
    half = len(sample) // 2
    if half < 2:
        return None
    zeros_even, zeros_odd = sample[0::2].count(0), sample[1::2].count(0)
    if zeros_odd > 0.6 * half and zeros_even < 0.1 * half:
        return "LE"
    if zeros_even > 0.6 * half and zeros_odd < 0.1 * half:
        return "BE"
    return None


def _looks_latin1(raw: bytes) -> bool:
    """Bytes of 0x80-0xff that are mostly German letters and punctuation in Latin-1/cp1252."""
    high = [b for b in raw if b >= 0x80]
    common = set(b"\xe4\xf6\xfc\xc4\xd6\xdc\xdf\xe9\xe8\xe0\xe1\xe7\xf1\x84\x93\x94\x96\x97\xb4\xa7\xb0\x80\xab\xbb")
    return bool(high) and sum(b in common for b in high) >= 0.8 * len(high)


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


def display(path: str | os.PathLike) -> str:
    """A path as a message can show it: bytes that are not UTF-8 (a file name from another
    system) as ``\\xff`` escapes, never an exception when printed."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def article_identity(path: str, folder: str | None = None) -> str:
    """An article's identity: its path below the ``folder`` it was found in, or its name when
    the file was given itself, without the file's suffix, ``/`` between folders
    (``2024/06/01/123.txt`` in ``archive/`` -> ``2024/06/01/123``).  Bytes that are not UTF-8
    become ``\\xff`` escapes, so every file name gives an identity a graph can hold."""
    relative = os.path.relpath(path, folder) if folder is not None else os.path.basename(path)
    head, name = os.path.split(relative)
    stem = name[: -len(Path(name).suffix)] if Path(name).suffix else name
    parts = [*(head.split(os.sep) if head else []), stem]
    return display("/".join(parts))


def find_articles(paths: list[Path]) -> tuple[list[tuple[str, str]], list[str]]:
    """Expand files and folders into ``(path, identity)`` pairs of the articles to read, each
    folder's ``.txt`` files sorted as pathlib sorts them; also say, one line each, every input
    that will not be read and why (missing, not a regular file, an unreadable folder, a folder
    link, an identity another file already has).  Paths are strings, not Path objects: an
    archive of a hundred thousand files held 40 MB of Path objects for the whole build."""
    found: dict[str, str] = {}           # identity -> path
    problems: list[str] = []

    def add(path: str, identity: str) -> None:
        first = found.setdefault(identity, path)
        if first != path and os.path.realpath(first) != os.path.realpath(path):
            problems.append(f"{display(path)}: same article identity {identity!r} as {display(first)} "
                            f"(give a folder that holds both), skipped")

    for path in paths:
        name = str(path)
        if path.is_dir():
            before = len(found) + len(problems)
            for file, problem in _txt_files(name):
                if problem:
                    problems.append(problem)
                else:
                    add(file, article_identity(file, name))
            if len(found) + len(problems) == before:
                problems.append(f"{display(name)}: no .txt articles in this folder")
        elif path.is_file():
            add(name, article_identity(name))
        elif path.exists() or path.is_symlink():
            problems.append(f"{display(name)}: {not_a_file_reason(name)}, skipped")
        else:
            problems.append(f"{display(name)}: no such file or folder")
    return [(path, identity) for identity, path in found.items()], problems


def not_a_file_reason(path: str | os.PathLike) -> str:
    """Why ``path`` cannot be read as a file: missing, a link to nothing, not a regular file."""
    if os.path.exists(path):
        return "not a regular file"
    return "a link to nothing" if os.path.islink(path) else "no such file"


def _txt_files(folder: str):
    """``(path, None)`` for every ``.txt`` file below ``folder`` in pathlib's order
    (``sorted(Path.rglob("*.txt"))``: each folder's entries by name, a subfolder's files where
    its name sorts), walked one folder at a time, without a sort key per file; ``(None,
    reason)`` for what is not read: a folder that cannot be listed, a ``.txt`` entry that is
    not a regular file, a link to a folder (not followed, so no walk goes round in circles)."""
    try:
        with os.scandir(folder) as it:
            entries = sorted((entry.name, entry.path, entry.is_dir(follow_symlinks=False),
                              entry.is_symlink()) for entry in it)
    except OSError as exc:
        yield None, f"{display(folder)}: cannot read this folder ({exc.strerror or exc}), skipped"
        return
    for name, path, is_dir, is_link in entries:
        if is_dir:
            yield from _txt_files(path)
        elif is_link and os.path.isdir(path):
            yield None, f"{display(path)}: a link to a folder, not followed (give the folder itself), skipped"
        elif name.endswith(".txt"):
            if os.path.isfile(path):
                yield path, None
            else:
                yield None, f"{display(path)}: {not_a_file_reason(path)}, skipped"
