"""-o of kg export and kg extract: a regular file is replaced whole (its mode kept, no
temporary file left, also not on an error or an interrupt), a symbolic link is written
through to its target, a FIFO or a device is written in place as a shell's ``>`` would,
and a path inside the store is refused."""
from __future__ import annotations

import os
import stat
import threading

import pytest
from conftest import cli

import kg.store
from kg.errors import KGError
from kg.outfile import is_within, output_file


def export(store_path, *args):
    return cli("--store", store_path, "export", "--format", "nquads", *args)


def listing(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# ------------------------------------------------------------------ regular files
def test_a_regular_file_is_replaced_and_keeps_its_mode(store_path, tmp_path):
    out = tmp_path / "out" / "graph.nq"
    out.parent.mkdir()
    out.write_bytes(b"old")
    out.chmod(0o640)
    result = export(store_path, "-o", out)
    assert (result.exit_code, result.output) == (0, "")
    assert out.read_bytes() == export(store_path).stdout_bytes
    assert stat.S_IMODE(out.stat().st_mode) == 0o640
    assert listing(out.parent) == ["graph.nq"]


@pytest.mark.parametrize("failure", [KeyboardInterrupt, OSError])
def test_a_failure_mid_write_keeps_the_old_file_and_leaves_no_temporary_file(tmp_path, failure):
    out = tmp_path / "graph.nq"
    out.write_bytes(b"old")
    with pytest.raises(KeyboardInterrupt if failure is KeyboardInterrupt else KGError):
        with output_file(out) as stream:
            stream.write(b"half a graph")
            raise failure(28, "No space left on device")
    assert out.read_bytes() == b"old"
    assert listing(tmp_path) == ["graph.nq"]


def test_an_interrupted_export_keeps_the_old_file(store_path, tmp_path, monkeypatch):
    out = tmp_path / "graph.nq"
    out.write_bytes(b"old")

    def interrupted(data, output, *args, **kwargs):
        output.write(b"half a graph")
        raise KeyboardInterrupt

    monkeypatch.setattr(kg.store.ox, "serialize", interrupted)
    result = export(store_path, "-o", out)
    assert (result.exit_code, result.stderr) == (130, "Error: interrupted\n")
    assert out.read_bytes() == b"old"
    assert listing(tmp_path) == ["graph.nq", "kg-store"]


def test_an_error_names_the_path_as_given(tmp_path):
    with pytest.raises(KGError, match=f"^cannot write {tmp_path / 'no' / 'x.nq'}: No such file or directory$"):
        with output_file(tmp_path / "no" / "x.nq"):
            pass
    with pytest.raises(KGError, match=f"^cannot write {tmp_path}: it is a folder$"):
        with output_file(tmp_path):
            pass


# ------------------------------------------------------------------ symbolic links
def test_a_symlink_is_written_through_to_its_target(store_path, tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "links").mkdir()
    target = tmp_path / "data" / "graph.nq"
    target.write_bytes(b"old")
    target.chmod(0o600)
    link = tmp_path / "links" / "latest.nq"
    link.symlink_to(os.path.relpath(target, link.parent))
    hop = tmp_path / "links" / "hop.nq"                     # a link to a link
    hop.symlink_to("latest.nq")
    assert export(store_path, "-o", hop).exit_code == 0
    assert link.is_symlink() and hop.is_symlink()
    assert target.read_bytes() == export(store_path).stdout_bytes
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert listing(tmp_path / "data") == ["graph.nq"] and listing(tmp_path / "links") == ["hop.nq", "latest.nq"]


def test_a_dangling_symlink_creates_its_target(store_path, tmp_path):
    link = tmp_path / "graph.nq"
    link.symlink_to("made.nq")
    assert export(store_path, "-o", link).exit_code == 0
    assert link.is_symlink() and (tmp_path / "made.nq").read_bytes() == export(store_path).stdout_bytes


# ------------------------------------------------------------------ FIFOs and devices
def test_a_fifo_gets_the_data_and_stays_a_fifo(store_path, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    result = export(store_path, "-o", fifo)
    reader.join(timeout=30)
    assert result.exit_code == 0
    assert received == [export(store_path).stdout_bytes]
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert listing(tmp_path) == ["kg-store", "pipe"]


def test_dev_null_stays_a_device(store_path):
    before = os.stat("/dev/null")
    assert export(store_path, "-o", "/dev/null").exit_code == 0
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)


def test_extract_writes_a_fifo_in_place(tmp_path, articles, fake_extractor):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    result = cli("extract", "-q", articles, "-o", fifo)
    reader.join(timeout=30)
    assert (result.exit_code, result.output) == (0, "")
    assert stat.S_ISFIFO(fifo.lstat().st_mode) and received[0].count(b"\n") > 50


def test_extract_into_a_folder_is_one_line(tmp_path, articles, fake_extractor):
    result = cli("extract", "-q", articles, "-o", tmp_path)
    assert (result.exit_code, result.stderr) == (1, f"Error: cannot write {tmp_path}: it is a folder\n")


# ------------------------------------------------------------------ never into the store
@pytest.mark.parametrize("where", ["CURRENT", "new.nq", "../kg-store/x/../CURRENT", "link", "link-to-store/y"])
def test_output_inside_the_store_is_refused(store_path, tmp_path, where):
    (tmp_path / "link").symlink_to(store_path / "CURRENT")
    (tmp_path / "link-to-store").symlink_to(store_path)
    before = listing(store_path)
    expected = export(store_path).stdout_bytes
    out = tmp_path / where if where.startswith("link") else store_path / where
    for args in (["export", "-o", out], ["extract", tmp_path, "-o", out]):
        result = cli("--store", store_path, *args)
        assert (result.exit_code, result.stdout, result.stderr) == (
            2, "", f"Error: -o {out} is inside the store {store_path}; write it elsewhere\n"), args
    assert listing(store_path) == before
    assert export(store_path).stdout_bytes == expected


def test_is_within(tmp_path):
    (tmp_path / "store").mkdir()
    assert is_within(tmp_path / "store", tmp_path / "store")
    assert is_within(tmp_path / "x" / ".." / "store" / "CURRENT", tmp_path / "store")
    assert not is_within(tmp_path / "store-2" / "CURRENT", tmp_path / "store")
    assert not is_within(tmp_path / "graph.nq", tmp_path / "store")
