"""Output files (``kg export -o``, ``kg extract -o``): written as a shell redirection would
write them, but a regular file only ever whole.

* A regular file, or a new one, is written to a temporary file in the folder of its final
  target and moved onto it (``os.replace``) only once complete: a reader never sees half a
  file, and an error or an interrupt leaves the old file as it was and no temporary file.
  The new file keeps the old one's mode (a new one gets 0666 less the umask, as ``>`` gives).
* A symbolic link is followed to its final target, which is replaced as above: the link
  stays a link.
* A FIFO, a device (``/dev/null``, ``/dev/stdout``) or anything else that is not a regular
  file is opened for writing and written in place, with no temporary file: ``/dev/null``
  stays the system's ``/dev/null``, a FIFO's reader gets the data.

Library only: a failure is a :class:`kg.errors.KGError` with one line; nothing prints.
"""
from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from kg.errors import KGError


@contextlib.contextmanager
def output_file(path: Path | str) -> Iterator[BinaryIO]:
    """A binary stream that writes ``path`` (see the module's docstring for what each kind
    of path gets); a regular file is replaced only when the block completes."""
    target = os.path.realpath(path)
    try:
        status = os.stat(target)
    except FileNotFoundError:
        status = None
    except OSError as exc:
        raise _cannot_write(path, exc) from None
    if status is not None and stat.S_ISDIR(status.st_mode):
        raise KGError(f"cannot write {path}: it is a folder")
    if status is not None and not stat.S_ISREG(status.st_mode):
        with _in_place(path, target) as stream:
            yield stream
        return
    with _replacing(path, target, status) as stream:
        yield stream


@contextlib.contextmanager
def _in_place(path, target: str) -> Iterator[BinaryIO]:
    """A FIFO or a device: opened for writing like ``>`` opens it (a FIFO waits for its reader)."""
    try:
        stream = open(target, "wb")
    except OSError as exc:
        raise _cannot_write(path, exc) from None
    try:
        with stream:
            yield stream
    except OSError as exc:
        raise _cannot_write(path, exc) from None


@contextlib.contextmanager
def _replacing(path, target: str, status: os.stat_result | None) -> Iterator[BinaryIO]:
    folder, name = os.path.split(target)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise _cannot_write(path, exc) from None
    try:
        with os.fdopen(fd, "wb") as stream:
            yield stream
        _take_over(tmp, status)
        os.replace(tmp, target)
    except BaseException as exc:      # also KeyboardInterrupt: never leave the temporary file
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise _cannot_write(path, exc) from None
        raise


def _take_over(tmp: str, status: os.stat_result | None) -> None:
    """Give the new file the old one's mode and, where allowed (root), its owner; a new file
    gets the mode ``>`` would give it, not mkstemp's private 0600."""
    if status is None:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        return
    if (status.st_uid, status.st_gid) != (os.getuid(), os.getgid()):
        with contextlib.suppress(OSError):
            os.chown(tmp, status.st_uid, status.st_gid)
    os.chmod(tmp, stat.S_IMODE(status.st_mode))


def is_within(path: Path | str, folder: Path | str) -> bool:
    """Is ``path`` (its final target: symbolic links and ``..`` resolved) ``folder`` itself
    or inside it (also resolved)?"""
    real, real_folder = os.path.realpath(path), os.path.realpath(folder)
    return os.path.commonpath([real, real_folder]) == real_folder


def _cannot_write(path, exc: OSError) -> KGError:
    return KGError(f"cannot write {path}: {exc.strerror or exc}")


__all__ = ["is_within", "output_file"]
