"""Reading article files and the gazetteer data: good input, and bad input as one clear error."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.article import find_articles, parse_article, read_article
from kg.errors import InputError
from kg.gazetteer import Role, load_gazetteer


@pytest.mark.parametrize(
    ("text", "date", "body", "publisher"),
    [
        (" date 2023-09 SOTSCHI (dpa-AFX) - Der Text.", "2023-09", "SOTSCHI (dpa-AFX) - Der Text.", "dpa-AFX"),
        ("date 2024-06-19\nText hier.", "2024-06-19", "Text hier.", None),
        ("Kein Datum.\n© Euronews", None, "Kein Datum.\n© Euronews", "Euronews"),
        ("Text.\nQuelle: ntv.de, jga/dpa/AFP", None, "Text.\nQuelle: ntv.de, jga/dpa/AFP", "ntv.de"),
        ("updated 2024-06 Text", None, "updated 2024-06 Text", None),
    ],
)
def test_date_line_body_and_publisher(text, date, body, publisher):
    article = parse_article(text, identifier="x")
    assert (article.date, article.body, article.publisher) == (date, body, publisher)
    assert article.text[article.body_start:] == article.body


def test_title_is_a_short_first_line_without_full_stop():
    assert parse_article("Putin reist nach Nordkorea\n\nText.", "x").title == "Putin reist nach Nordkorea"
    assert parse_article("Ein ganzer Satz.\nText.", "x").title is None


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty file, skipped"),
        (b"  \n\t", "empty file, skipped"),
        (b"\x00\x01binary", "binary file, skipped"),
        ("Öl".encode("latin-1"), "not UTF-8 text (byte 0); it looks like Latin-1 or Windows-1252, skipped"),
        ("Die Straße".encode("cp1252"), "not UTF-8 text (byte 8); it looks like Latin-1 or Windows-1252, skipped"),
        (b"ok \x81\x8d\x8f", "not UTF-8 text (byte 3), skipped"),
        ("\ufeffPutin traf Kim.".encode("utf-16-le"), "UTF-16LE text, not UTF-8 (convert it: iconv -f UTF-16 -t UTF-8), skipped"),
        ("\ufeffPutin traf Kim.".encode("utf-16-be"), "UTF-16BE text, not UTF-8 (convert it: iconv -f UTF-16 -t UTF-8), skipped"),
        ("Putin traf Kim in Moskau.".encode("utf-16-le"), "UTF-16LE text, not UTF-8 (convert it: iconv -f UTF-16 -t UTF-8), skipped"),
        ("Putin traf Kim in Moskau.".encode("utf-16-be"), "UTF-16BE text, not UTF-8 (convert it: iconv -f UTF-16 -t UTF-8), skipped"),
        (b"date 2024-06\n", "empty article (a date line and no text), skipped"),
        (b" date 2024-06-19 \n\n  \t\n", "empty article (a date line and no text), skipped"),
    ],
)
def test_bad_files_give_one_line(tmp_path, content, message):
    path = tmp_path / "a.txt"
    path.write_bytes(content)
    with pytest.raises(InputError) as info:
        read_article(path)
    assert str(info.value) == f"{path}: {message}"


def test_missing_and_directory(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_article(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="is a directory"):
        read_article(tmp_path)


def test_utf8_bom_is_accepted(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffText.".encode("utf-8"))
    assert read_article(path).text == "Text."


def test_find_articles_expands_folders_sorted_and_reports_missing(tmp_path):
    (tmp_path / "b.txt").write_text("b", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("a", encoding="utf-8")
    (tmp_path / "ignored.md").write_text("x", encoding="utf-8")
    empty = tmp_path / "empty"
    empty.mkdir()
    files, problems = find_articles([tmp_path, tmp_path / "b.txt", tmp_path / "zz", empty])
    assert files == [(str(tmp_path / "b.txt"), "b"), (str(tmp_path / "sub" / "a.txt"), "sub/a")]
    assert problems == [f"{tmp_path / 'zz'}: no such file or folder", f"{empty}: no .txt articles in this folder"]


def test_find_articles_sorts_as_pathlib_does(tmp_path):
    for name in ("a-b/x.txt", "a/x.txt", "a/y/z.txt", "a/b.txt", "A.txt", "a b/q.txt", "ä/u.txt", "a.txt/n.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "folder.txt").mkdir()
    files, _ = find_articles([tmp_path])
    assert [path for path, _ in files] == [str(p) for p in sorted(p for p in tmp_path.rglob("*.txt") if p.is_file())]
    assert len(files) == 8


def test_gazetteer_roles_are_date_bounded():
    g = load_gazetteer()
    assert g.holders("head_of_state", "usa", "2015-06") == ["obama"]
    assert g.holders("head_of_state", "usa", "2021-01") == ["biden", "trump"]   # the month of the handover
    assert g.holders("head_of_state", "usa", "2021-01-25") == ["biden"]
    assert sorted(g.holders("head_of_state", "russia", None)) == ["medvedev", "putin"]
    assert Role("x", "y", start="2012-05-07").holds_on("2012") is True
    assert Role("x", "y", end="2012-05-07").holds_on("2012-05-07") is False


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('[[entity]]\nkey = "a"\nlabel = "A"\nclass = "Planet"\n', "a: unknown class 'Planet'"),
        ('[[entity]]\nkey = "a"\nlabel = "A"\nclass = "State"\n[[entity]]\nkey = "a"\nlabel = "B"\nclass = "State"\n',
         "entity key 'a' is defined twice"),
        ('[[entity]]\nkey = "a"\nlabel = "A"\nclass = "Place"\nmetonym_for = "b"\n', "a: refers to unknown entity 'b'"),
        ("[[entity]\n", "not valid TOML"),
    ],
)
def test_broken_gazetteer_says_what_is_wrong(tmp_path: Path, toml, message):
    path = tmp_path / "g.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(InputError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_gazetteer(path)


def test_an_article_too_long_is_refused_without_reading_it_whole(tmp_path, monkeypatch):
    import kg.article

    monkeypatch.setattr(kg.article, "MAX_ARTICLE_CHARS", 10)
    monkeypatch.setattr(kg.article, "MAX_ARTICLE_BYTES", 40)
    path = tmp_path / "long.txt"
    path.write_text("Wort Wort", encoding="utf-8")
    assert read_article(path).text == "Wort Wort"
    path.write_text("Öl" * 6, encoding="utf-8")            # 12 characters, 18 bytes
    with pytest.raises(InputError, match=r"too long for an article \(12 characters; at most 10\), skipped$"):
        read_article(path)
    path.write_bytes(b"x" * 41)
    with pytest.raises(InputError, match=r"too large for an article \(over 40 bytes\), skipped$"):
        read_article(path)
