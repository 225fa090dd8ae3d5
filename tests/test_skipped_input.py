"""No input is skipped silently: every file or folder a build does not read is named on
stderr with its reason, the exit code is 1, and everything else is still built."""
from __future__ import annotations

import json
import os
import socket
import stat
from pathlib import Path

import pytest
from conftest import A1, cli

import kg.article
from kg.article import find_articles, read_article
from kg.errors import InputError
from kg.store import KGStore

NOBODY = 65534


def _identities(store: Path) -> list[str]:
    with KGStore.open(store, read_only=True) as opened:
        return [a.identifier for a in opened.articles()]


@pytest.fixture
def folder(tmp_path) -> Path:
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / "a1.txt").write_text(" ".join(A1), encoding="utf-8")
    (root / "sub" / "b.txt").write_text("Ein Text.", encoding="utf-8")
    return root


def test_a_folder_that_cannot_be_listed_is_named(tmp_path, folder, fake_extractor, monkeypatch):
    real = os.scandir
    locked = str(folder / "sub")

    def scandir(path):
        if str(path) == locked:
            raise PermissionError(13, "Permission denied", path)
        return real(path)

    monkeypatch.setattr(kg.article.os, "scandir", scandir)
    result = cli("--store", tmp_path / "s", "build", folder)
    assert result.exit_code == 1
    assert result.stderr == f"{locked}: cannot read this folder (Permission denied), skipped\n"
    assert _identities(tmp_path / "s") == ["a1"]


@pytest.mark.parametrize("kind", ["fifo", "socket", "dangling link", "folder link"])
def test_an_entry_named_txt_that_is_no_file_is_named(tmp_path, folder, fake_extractor, kind):
    entry = folder / "odd.txt"
    reason = {"fifo": "not a regular file", "socket": "not a regular file",
              "dangling link": "a link to nothing",
              "folder link": "a link to a folder, not followed (give the folder itself)"}[kind]
    if kind == "fifo":
        os.mkfifo(entry)
    elif kind == "socket":
        sock = socket.socket(socket.AF_UNIX)
        sock.bind(str(entry))
        sock.close()
    elif kind == "dangling link":
        entry.symlink_to(tmp_path / "nowhere.txt")
    else:
        entry.symlink_to(folder / "sub", target_is_directory=True)
    result = cli("--store", tmp_path / "s", "build", folder)
    assert (result.exit_code, result.stderr) == (1, f"{entry}: {reason}, skipped\n")
    assert _identities(tmp_path / "s") == ["a1", "sub/b"]
    given = cli("--store", tmp_path / "t", "build", entry, folder / "a1.txt")   # named by the user, too
    expected = "a link to nothing" if kind == "dangling link" else reason
    if kind == "folder link":                      # a link to a folder given by hand is followed
        assert (given.exit_code, given.stderr) == (0, "")
    else:
        assert (given.exit_code, given.stderr) == (1, f"{entry}: {expected}, skipped\n")
        assert _identities(tmp_path / "t") == ["a1"]


def test_a_file_named_by_hand_that_cannot_be_read_is_skipped_not_a_usage_error(
        tmp_path, folder, fake_extractor, monkeypatch):
    secret = folder / "secret.txt"
    secret.write_text("Ein Text.", encoding="utf-8")
    real_access = os.access

    def access(path, mode, *args, **kwargs):          # as an unprivileged user sees it
        return False if str(path) == str(secret) else real_access(path, mode, *args, **kwargs)

    def open_file(path, *args, **kwargs):
        if str(path) == str(secret):
            raise PermissionError(13, "Permission denied", str(path))
        return open(path, *args, **kwargs)

    monkeypatch.setattr(os, "access", access)
    monkeypatch.setattr(kg.article, "open", open_file, raising=False)
    result = cli("--store", tmp_path / "s", "build", secret, folder / "a1.txt")
    assert (result.exit_code, result.stderr) == (1, f"{secret}: cannot read (Permission denied), skipped\n")
    assert result.stdout == f"built 1 article, 8 statements into {tmp_path / 's'}\n"


# ------------------------------------------------------------------ real permissions
def _unprivileged(function, *args):
    """``function(*args)`` with real permission checks: as ``nobody`` in a forked child when
    the tests run as root (root reads everything), else in this process.  Only plain file
    reading runs in the child (a store opened after a fork can hang in RocksDB)."""
    if os.geteuid() != 0:
        return function(*args)
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:                                   # the child: drop root, run, report, leave
        try:
            os.close(read)
            os.setgid(NOBODY)
            os.setuid(NOBODY)
            outcome = function(*args)
        except BaseException as exc:               # pragma: no cover - reported to the parent
            outcome = repr(exc)
        os.write(write, json.dumps(outcome).encode())
        os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        data = pipe.read()
    os.waitpid(pid, 0)
    return json.loads(data)


def _read_all(root: str):
    """What a build reads of ``root``: each file's identity or its one-line reason."""
    files, problems = find_articles([Path(root)])
    out = []
    for path, identity in files:
        try:
            out.append(read_article(Path(path), identity).identifier)
        except InputError as exc:
            out.append(str(exc))
    return out, problems


@pytest.fixture
def open_to_all(tmp_path_factory) -> Path:
    """A folder any user may enter (pytest's own tmp folders are private to root)."""
    base = tmp_path_factory.mktemp("shared")
    for path in (base, *base.parents):
        if str(path) in ("/", "/tmp"):
            break
        path.chmod(path.stat().st_mode | stat.S_IXOTH | stat.S_IROTH)
    base.chmod(0o755)
    return base


def test_unreadable_folder_and_file_for_real(open_to_all):
    root = open_to_all / "in"
    (root / "locked").mkdir(parents=True)
    (root / "a1.txt").write_text(" ".join(A1), encoding="utf-8")
    (root / "locked" / "x.txt").write_text("Ein Text.", encoding="utf-8")
    (root / "secret.txt").write_text("Ein Text.", encoding="utf-8")
    root.chmod(0o755)
    (root / "a1.txt").chmod(0o644)
    (root / "locked").chmod(0o000)
    (root / "secret.txt").chmod(0o000)
    read, problems = _unprivileged(_read_all, str(root))
    assert problems == [f"{root / 'locked'}: cannot read this folder (Permission denied), skipped"]
    assert read == ["a1", f"{root / 'secret.txt'}: cannot read (Permission denied)"]
