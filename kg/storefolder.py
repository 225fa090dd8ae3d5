"""The store's folder: what makes a folder a store, and the lock that keeps readers and a
writer apart.

**Recognition.**  A store made by newskg holds the marker file :data:`MARKER`
(``kg-store.json``, with the format and its version) beside Oxigraph's RocksDB files.  A
folder without the marker is taken for a store only if it has RocksDB's layout (a
``CURRENT`` file, a ``MANIFEST-*`` and an ``OPTIONS-*`` file): a store built before the
marker existed; the first writer adds the marker.  A folder that merely holds a file named
``CURRENT`` is not a store, and is never written into.  A new store gets its marker before
Oxigraph creates its files, so a creation cut short (``kill -9``) leaves a folder the next
writer recognises and creates anew.

**Locking.**  The store's folder itself is locked with ``flock`` (no lock file, so a store
on a read-only medium still reads): a writer takes the lock alone and does not wait (a
second writer, or a writer while someone reads, is told the store is in use); readers share
it, so they never block each other, and a reader while a writer works waits up to
:data:`READ_WAIT` seconds for it, then gives up with one line.  Reading a RocksDB store while
another process writes it is undefined behaviour (it fails with ``Column family not
found`` or a missing ``.sst`` file), so it is never done.  The lock is advisory: a process
that opens the folder with pyoxigraph directly is not kept out by it.
"""
from __future__ import annotations

import errno
import fcntl
import json
import os
import time
from pathlib import Path

from kg.errors import StoreError
from kg.outfile import is_within, output_file

MARKER = "kg-store.json"
FORMAT = "newskg-store"
VERSION = 1
#: Seconds a reader waits for a writer to finish before it gives up.
READ_WAIT = 2.0
_POLL = 0.05


def recognise(folder: Path) -> str:
    """What ``folder`` (an existing folder) holds: ``"empty"``; ``"new"`` (the marker and at most
    the files RocksDB makes first: a store whose creation was cut short, made anew by the next
    writer); ``"marked"`` (a newskg store); ``"rocksdb"`` (a store built before the marker);
    ``"damaged"`` (the marker and some of RocksDB's files, but not its layout) or ``"other"``
    (anything else: never a store)."""
    try:
        names = os.listdir(folder)
    except OSError as exc:
        raise StoreError(f"cannot read {folder}: {exc.strerror}") from None
    if not names:
        return "empty"
    core = (folder / "CURRENT").is_file() and any(n.startswith("MANIFEST-") for n in names)
    rocksdb = core and any(n.startswith("OPTIONS-") for n in names)
    if MARKER in names and _marker_version(folder) is not None:
        if _being_created(folder):
            return "new"
        if core:                           # RocksDB opens it; its OPTIONS file comes a moment later
            return "marked"
        return "new" if _creation_cut_short(folder, names) else "damaged"
    return "rocksdb" if rocksdb else "other"


#: The files RocksDB writes before a new database's CURRENT and MANIFEST.
_CREATION_FILES = frozenset({"LOCK", "IDENTITY", "LOG"})
#: RocksDB's files that hold data: sorted tables, write-ahead logs, blobs.
_DATA_SUFFIXES = (".sst", ".log", ".blob")


def _creation_cut_short(folder: Path, names: list[str]) -> bool:
    """A marked folder whose store was never complete: RocksDB's first files at most, or a
    creation killed before it wrote ``CURRENT`` (a manifest, options, temporary files) with no
    file that can hold data; made anew by the next writer, nothing is lost."""
    if set(names) <= _CREATION_FILES | {MARKER}:
        return True
    return not (folder / "CURRENT").exists() and not any(n.endswith(_DATA_SUFFIXES) for n in names)


def is_store(folder: Path) -> bool:
    return folder.is_dir() and recognise(folder) in ("new", "marked", "rocksdb", "damaged")


def _being_created(folder: Path) -> bool:
    """Does the marker say Oxigraph had not finished creating the store?"""
    try:
        return json.loads((folder / MARKER).read_text(encoding="utf-8")).get("creating") is True
    except (OSError, ValueError, AttributeError):
        return False


def clear_creation(folder: Path) -> None:
    """Remove what a creation cut short left beside the marker (RocksDB's first files; the
    marker said the store was being created, so they hold no data)."""
    for name in os.listdir(folder):
        if name != MARKER and (folder / name).is_file():
            os.unlink(folder / name)


def _marker_version(folder: Path) -> int | None:
    """The marker's format version; None if the file is not a newskg marker."""
    try:
        marker = json.loads((folder / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(marker, dict) or marker.get("format") != FORMAT:
        return None
    version = marker.get("version")
    if not isinstance(version, int):
        return None
    if version > VERSION:
        raise StoreError(f"store {folder} was made by a newer newskg (store format {version}); update newskg")
    return version


def write_marker(folder: Path, complete: bool = True) -> None:
    """Mark ``folder`` as a newskg store (written whole or not at all); ``complete=False``
    while Oxigraph creates it, so that a creation cut short is made anew, never opened."""
    marker = {"format": FORMAT, "version": VERSION, "holds": "an Oxigraph store written by newskg"}
    if not complete:
        marker["creating"] = True
    text = json.dumps(marker)
    with output_file(folder / MARKER) as stream:
        stream.write(text.encode("utf-8") + b"\n")


def store_around(path: Path | str, store: Path | str) -> Path | None:
    """The store ``path`` would be written into: ``store`` if the path is in it, or any
    folder up from the path's final target (symbolic links and ``..`` resolved) that is a
    store; None if there is none."""
    if is_within(path, store):
        return Path(store)
    for folder in Path(os.path.realpath(path)).parents:
        if is_store(folder):
            return folder
    return None


class StoreLock:
    """An advisory lock on a store's folder, held from opening to closing."""

    def __init__(self, fd: int | None):
        self._fd = fd

    @classmethod
    def exclusive(cls, folder: Path) -> StoreLock:
        """The writer's lock; taken at once or not at all."""
        fd = _open_folder(folder)
        if fd is not None and not _try_lock(fd, fcntl.LOCK_EX):
            os.close(fd)
            raise StoreError(f"store {folder} is in use by another process")
        return cls(fd)

    @classmethod
    def shared(cls, folder: Path, wait: float) -> StoreLock:
        """A reader's lock: shared with other readers; waits up to ``wait`` seconds for a writer."""
        fd = _open_folder(folder)
        deadline = time.monotonic() + wait
        while fd is not None and not _try_lock(fd, fcntl.LOCK_SH):
            if time.monotonic() >= deadline:
                os.close(fd)
                raise StoreError(f"store {folder} is being written by another process; "
                                 "try again when it is done")
            time.sleep(_POLL)
        return cls(fd)

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


def _open_folder(folder: Path) -> int | None:
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError as exc:
        raise StoreError(f"cannot open store {folder}: {exc.strerror}") from None
    return fd


def _try_lock(fd: int, kind: int) -> bool:
    try:
        fcntl.flock(fd, kind | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError as exc:
        if exc.errno in (errno.ENOLCK, errno.EOPNOTSUPP):   # a file system without locks: go on unlocked
            return True
        raise StoreError(f"cannot lock store: {exc.strerror}") from None
    return True


__all__ = ["MARKER", "READ_WAIT", "StoreLock", "clear_creation", "is_store", "recognise", "store_around",
           "write_marker"]
