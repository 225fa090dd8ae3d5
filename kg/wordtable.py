"""Large word tables (a word form -> one of a few values) that load in milliseconds.

spacy-lookups-data's German lemma table (355,000 forms) and its Brown clusters (a million
words) are gzipped JSON: reading either takes a quarter of a second or more, at every
start of a build and in every worker that does not inherit them.  A :class:`WordTable`
holds what the project derives from them as two NumPy arrays, sorted 64-bit keys and
their values, keyed by spaCy's own hash of the word (the ``ORTH`` id a token already
carries), plus the list of distinct values.  Looking up every token of a Doc is one
``searchsorted`` over the Doc's ``ORTH`` array; a single word is hashed first.

Derived tables are kept in the user's cache folder (``$XDG_CACHE_HOME/newskg`` or
``~/.cache/newskg``), named by a hash of everything they are derived from; a cache that
cannot be read or written is ignored and the table derived again.
"""
from __future__ import annotations

import hashlib
import io
import os
import tempfile
import zipfile
from collections.abc import Callable, Iterable
from importlib import metadata

import numpy
from spacy.strings import hash_string

from kg.resources import cache_folder

FORMAT = b"wordtable-1"
MISSING = -1            # the value code of a word the table does not hold
ANSWERS_KEPT = 100_000  # answers of single look-ups (WordTable.get) a table keeps


class WordTable:
    """word -> value, for words looked up by spaCy's string hash.

    ``keys`` are sorted uint64 hashes, ``codes[i]`` the index of ``keys[i]``'s value in
    ``values`` (the distinct values, strings)."""

    def __init__(self, keys: numpy.ndarray, codes: numpy.ndarray, values: list[str]):
        self.keys, self.codes, self.values = keys, codes, values
        self._answers: dict[str, str | None] = {}      # of :meth:`get`, at most ``ANSWERS_KEPT``

    @classmethod
    def from_items(cls, items: Iterable[tuple[str, str]]) -> WordTable:
        """A table of (word, value) pairs; a word given twice keeps its last value."""
        by_hash: dict[int, int] = {}
        index: dict[str, int] = {}
        for word, value in items:
            code = index.get(value)
            if code is None:
                code = index[value] = len(index)
            by_hash[hash_string(word)] = code
        keys = numpy.fromiter(by_hash.keys(), dtype=numpy.uint64, count=len(by_hash))
        codes = numpy.fromiter(by_hash.values(), dtype=numpy.int32, count=len(by_hash))
        order = numpy.argsort(keys, kind="stable")
        return cls(keys[order], codes[order], list(index))

    def __len__(self) -> int:
        return len(self.keys)

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, WordTable) and self.values == other.values
                and numpy.array_equal(self.keys, other.keys) and numpy.array_equal(self.codes, other.codes))

    def lookup(self, hashes) -> numpy.ndarray:
        """The value code of each hash (an array or list of uint64), ``MISSING`` where absent."""
        hashes = numpy.asarray(hashes, dtype=numpy.uint64)
        if not len(self.keys) or not len(hashes):
            return numpy.full(len(hashes), MISSING, dtype=numpy.int32)
        at = numpy.searchsorted(self.keys, hashes)
        at[at == len(self.keys)] = 0
        found = self.keys[at] == hashes
        return numpy.where(found, self.codes[at], MISSING)

    def lookup_words(self, words: list[str]) -> numpy.ndarray:
        """:meth:`lookup` of words by their text (each hashed as spaCy hashes a string)."""
        return self.lookup([hash_string(word) for word in words])

    def get(self, word: str) -> str | None:
        """The value of one word, or None; the answer kept (a binary search in a table of a
        million keys costs microseconds, the rules ask about the same words again and again)."""
        answers = self._answers
        if word in answers:
            return answers[word]
        code = int(self.lookup_words([word])[0])
        if len(answers) >= ANSWERS_KEPT:
            answers.clear()
        value = answers[word] = None if code == MISSING else self.values[code]
        return value

    # ------------------------------------------------------------ storage
    def to_bytes(self) -> bytes:
        out = io.BytesIO()
        text = "\n".join(self.values)
        if len(text.split("\n")) != len(self.values):
            raise ValueError("a word table's values must not contain line breaks")
        numpy.savez(out, format=numpy.frombuffer(FORMAT, dtype=numpy.uint8), keys=self.keys,
                    codes=self.codes, values=numpy.frombuffer(text.encode("utf-8"), dtype=numpy.uint8))
        return out.getvalue()

    @classmethod
    def from_bytes(cls, data: bytes) -> WordTable:
        """The table :meth:`to_bytes` wrote; ValueError for anything else."""
        try:
            with numpy.load(io.BytesIO(data), allow_pickle=False) as arrays:
                if arrays["format"].tobytes() != FORMAT:
                    raise ValueError("not a word table of this version")
                keys, codes = arrays["keys"], arrays["codes"]
                values = arrays["values"].tobytes().decode("utf-8").split("\n")
        except (OSError, EOFError, KeyError, zipfile.BadZipFile, UnicodeDecodeError, TypeError) as exc:
            raise ValueError(f"not a word table ({exc})") from None
        if keys.dtype != numpy.uint64 or codes.shape != keys.shape or (len(codes) and codes.max() >= len(values)):
            raise ValueError("a damaged word table")
        return cls(keys, codes, values)


def _versions() -> bytes:
    out = []
    for package in ("spacy", "spacy-lookups-data", "numpy"):
        try:
            out.append(f"{package}={metadata.version(package)}")
        except metadata.PackageNotFoundError:
            out.append(f"{package}=unknown")
    return "\0".join(out).encode()


def cached_table(name: str, source: bytes, derive: Callable[[], WordTable], cache: bool = True) -> WordTable:
    """The table ``derive()`` makes, kept in the cache folder under ``name`` and a hash of
    ``source`` (what it is derived from besides the installed packages' versions)."""
    folder = cache_folder() if cache else None
    target = None
    if folder is not None:
        digest = hashlib.sha256(FORMAT + b"\0" + source + b"\0" + _versions()).hexdigest()[:16]
        target = folder / f"{name}-{digest}.npz"
        if target.is_file():
            try:
                return WordTable.from_bytes(target.read_bytes())
            except (OSError, ValueError):
                pass
    table = derive()
    if target is not None:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{name}-")
            with os.fdopen(fd, "wb") as f:
                f.write(table.to_bytes())
            os.replace(tmp, target)
        except (OSError, ValueError):
            pass
    return table
