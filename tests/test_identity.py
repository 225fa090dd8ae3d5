"""Article identities: two different files never share one, an identity is stable across
rebuilds and --jobs, and a store built when identities were file names alone moves on.

An identity is the file's path below the folder given, without its suffix (a file given
itself: its name); see README, "Article identities"."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import A1, cli, nquads

from kg.article import article_identity, find_articles
from kg.store import KGStore


@pytest.mark.parametrize(
    ("path", "folder", "identity"),
    [
        ("archive/2024/06/01/123.txt", "archive", "2024/06/01/123"),
        ("archive/2024/06/01/123.txt", "archive/2024", "06/01/123"),
        ("archive/report.txt", "archive", "report"),
        ("archive/a.b/c.d.txt", "archive", "a.b/c.d"),
        ("x/y/report.txt", None, "report"),
        ("notes", None, "notes"),
        ("x/.hidden.txt", "x", ".hidden"),
        ("x/Ärger über Öl.txt", "x", "Ärger über Öl"),
        (os.fsdecode(b"x/caf\xe9/\xff.txt"), "x", "caf\\xe9/\\xff"),
    ],
)
def test_an_identity_is_the_path_below_the_folder_without_suffix(path, folder, identity):
    assert article_identity(path, folder) == identity


def _tree(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def _identities(store: Path) -> list[str]:
    with KGStore.open(store, read_only=True) as opened:
        return [a.identifier for a in opened.articles()]


@pytest.fixture
def archive(tmp_path) -> Path:
    """A news archive laid out by date, two files named alike in different folders."""
    return _tree(tmp_path / "archive", {
        "2024/06/01/report.txt": "date 2024-06-01\n" + A1[0],
        "2024/06/02/report.txt": "date 2024-06-02\n" + A1[3],
        "2024/06/02/a1.txt": " ".join(A1),
    })


def test_files_named_alike_in_different_folders_are_different_articles(tmp_path, archive, fake_extractor):
    store = tmp_path / "s"
    result = cli("--store", store, "build", archive)
    assert (result.exit_code, result.stdout, result.stderr) == (0, f"built 3 articles, 0 statements into {store}\n", "")
    assert _identities(store) == ["2024/06/01/report", "2024/06/02/a1", "2024/06/02/report"]
    again = cli("--store", store, "build", archive)        # settles: nothing is redone
    assert again.stdout == f"built 0 articles, 0 statements into {store}, 3 unchanged\n"


def test_identities_are_the_same_with_jobs(tmp_path, archive, fake_extractor):
    one, two = tmp_path / "one", tmp_path / "two"
    assert cli("--store", one, "build", archive).exit_code == 0
    assert cli("--store", two, "build", "--jobs", "2", archive).exit_code == 0
    assert nquads(one) == nquads(two)
    assert cli("--store", two, "build", "--jobs", "2", archive).stdout.endswith(", 3 unchanged\n")


def test_an_identity_with_folders_can_be_removed(tmp_path, archive, fake_extractor):
    store = tmp_path / "s"
    cli("--store", store, "build", archive)
    result = cli("--store", store, "remove", "2024/06/01/report")
    assert (result.exit_code, result.stdout) == (0, "removed 2024/06/01/report\n")
    assert _identities(store) == ["2024/06/02/a1", "2024/06/02/report"]


@pytest.mark.parametrize("given", ["folders", "files"])
def test_two_inputs_that_would_share_an_identity_are_refused_by_name(tmp_path, archive, fake_extractor, given):
    day1, day2 = archive / "2024/06/01", archive / "2024/06/02"
    inputs = [day1, day2] if given == "folders" else [day1 / "report.txt", day2 / "report.txt"]
    store = tmp_path / "s"
    result = cli("--store", store, "build", *inputs)
    assert result.exit_code == 1
    assert result.stderr == (f"{day2 / 'report.txt'}: same article identity 'report' as {day1 / 'report.txt'} "
                             "(give a folder that holds both), skipped\n")
    built = 2 if given == "folders" else 1
    assert result.stdout.startswith(f"built {built} article")
    assert "report" in _identities(store)


def test_the_same_file_given_twice_is_one_article_and_no_error(tmp_path, archive, fake_extractor):
    day = archive / "2024/06/02"
    files, problems = find_articles([day, day / "a1.txt", Path(os.path.relpath(day / "a1.txt"))])
    assert (files, problems) == ([(str(day / "a1.txt"), "a1"), (str(day / "report.txt"), "report")], [])


def test_a_store_built_with_file_names_as_identities_moves_to_paths(tmp_path, archive, fake_extractor):
    store = tmp_path / "s"
    # before identities were paths, the archive's second report was stored as "report"
    # (the first was lost under the same name); a different "a1" text stays what it is
    _tree(tmp_path / "old", {"report.txt": "date 2024-06-02\n" + A1[3], "a1.txt": "another text"})
    assert cli("--store", store, "build", tmp_path / "old").exit_code == 0
    assert _identities(store) == ["a1", "report"]
    result = cli("--store", store, "build", archive)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (f"built 3 articles, 0 statements into {store}\n"
                             "moved 1 article stored under the file name alone to the identity of a path below "
                             "the folder given\n")
    assert _identities(store) == ["2024/06/01/report", "2024/06/02/a1", "2024/06/02/report", "a1"]
    assert cli("--store", store, "build", archive).stdout.endswith(", 3 unchanged\n")


def test_a_file_name_that_is_not_utf8_is_built_and_named_readably(tmp_path, fake_extractor):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / os.fsdecode(b"caf\xe9.txt")).write_text(A1[0], encoding="utf-8")
    (folder / os.fsdecode(b"leer\xff.txt")).write_text("", encoding="utf-8")
    (folder / "a1.txt").write_text(" ".join(A1), encoding="utf-8")
    store = tmp_path / "s"
    result = cli("--store", store, "build", folder)
    assert result.exit_code == 1
    assert result.stderr == f"{folder}/leer\\xff.txt: empty file, skipped\n"
    assert result.stdout == f"built 2 articles, 8 statements into {store}\n"
    assert _identities(store) == ["a1", "caf\\xe9"]
    assert cli("--store", store, "remove", "caf\\xe9").stdout == "removed caf\\xe9\n"
