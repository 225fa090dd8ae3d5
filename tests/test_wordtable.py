"""Word tables: word -> value by spaCy's string hash, stored and cached."""
from __future__ import annotations

import io

import numpy
import pytest
from spacy.strings import hash_string

from kg.wordtable import MISSING, WordTable, cached_table

ITEMS = [("Häuser", "Haus"), ("ging", "gehen"), ("Kinder", "Kind"), ("gingen", "gehen"), ("Kinder", "Kinder")]


def test_values_by_word_and_by_hash():
    table = WordTable.from_items(ITEMS)
    assert len(table) == 4                                   # "Kinder" given twice keeps its last value
    assert [table.get(w) for w in ("Häuser", "ging", "gingen", "Kinder", "Haus", "")] == \
        ["Haus", "gehen", "gehen", "Kinder", None, None]
    codes = table.lookup([hash_string("gingen"), hash_string("nie"), hash_string("Häuser")]).tolist()
    assert [None if c == MISSING else table.values[c] for c in codes] == ["gehen", None, "Haus"]
    assert table.lookup([]).tolist() == []
    assert WordTable.from_items([]).lookup([hash_string("x")]).tolist() == [MISSING]


def test_kept_answers_are_the_answers_and_their_number_is_bounded(monkeypatch):
    import kg.wordtable

    monkeypatch.setattr(kg.wordtable, "ANSWERS_KEPT", 3)
    table = WordTable.from_items(ITEMS)
    asked = ["Häuser", "nie", "ging", "Häuser", "Kinder", "nie", "x", "gingen"] * 2
    assert [table.get(w) for w in asked] == ["Haus", None, "gehen", "Haus", "Kinder", None,
                                            None, "gehen"] * 2
    assert len(table._answers) <= 3


def test_a_doc_is_looked_up_by_its_token_ids():
    from spacy.attrs import ORTH

    from kg.nlp import load_pipeline

    doc = load_pipeline()("Die Kinder gingen heim.")
    table = WordTable.from_items(ITEMS)
    codes = table.lookup(doc.to_array(ORTH)).tolist()
    assert [None if c == MISSING else table.values[c] for c in codes] == [None, "Kinder", "gehen", None, None]


def test_bytes_round_trip_and_damaged_bytes():
    table = WordTable.from_items(ITEMS)
    again = WordTable.from_bytes(table.to_bytes())
    assert again == table and again.values == ["Haus", "gehen", "Kind", "Kinder"]
    assert again.keys.dtype == numpy.uint64
    other = io.BytesIO()
    numpy.savez(other, format=numpy.frombuffer(b"wordtable-0", dtype=numpy.uint8), keys=table.keys)
    for data in (other.getvalue(), b"", b"garbage", table.to_bytes()[:-40]):
        with pytest.raises(ValueError):
            WordTable.from_bytes(data)
    with pytest.raises(ValueError):
        WordTable.from_items([("a", "two\nlines")]).to_bytes()


def test_cached_table_is_derived_once_per_source_and_a_bad_cache_ignored(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    calls = []

    def derive():
        calls.append(1)
        return WordTable.from_items(ITEMS)

    first = cached_table("test", b"source 1", derive)
    (cached,) = (tmp_path / "newskg").glob("test-*.npz")
    assert cached_table("test", b"source 1", derive) == first and len(calls) == 1
    cached_table("test", b"source 2", derive)                 # another source, another file
    assert len(calls) == 2 and len(list((tmp_path / "newskg").glob("test-*.npz"))) == 2
    cached.write_bytes(b"garbage")
    assert cached_table("test", b"source 1", derive) == first and len(calls) == 3
    assert WordTable.from_bytes(cached.read_bytes()) == first
    assert cached_table("test", b"source 1", derive, cache=False) == first and len(calls) == 4


def test_lemma_table_gives_the_lookup_tables_lemmas_and_their_ss_spellings():
    from kg.nlp import lemma_table, with_ss_spellings
    from kg.resources import lookups_table

    raw = lookups_table("lemma_lookup")
    table = lemma_table()
    added = {form.replace("ß", "ss") for form in raw if "ß" in form} - set(raw)
    assert len(table) == len(raw) + len(added) == len(with_ss_spellings(raw))
    sample = sorted(raw)[::997]
    assert [table.get(form) for form in sample] == [raw[form] for form in sample]
    assert table.get("schloss") == raw["schloß"] == "schließen"
