"""The form index (kg/formindex.py): rows per word form, answers per row, and the rules that read them."""
from __future__ import annotations

import numpy
import pytest
import spacy
from spacy.strings import StringStore, hash_string
from spacy.tokens import Doc

import kg.formindex as formindex
from kg.extraction.cues import default_cues
from kg.extraction.triggers import triggers_in
from kg.formindex import FormColumn, FormIndex
from kg.nlp import capitalised, form_rows, load_pipeline, lowers, words

WORDS = ["Putin", "traf", "Kim", "in", "Moskau", ".", "X", "Putin", "(", "traf", ")", "ẞ", "İstanbul"]


def _ids(strings: StringStore, texts: list[str]) -> numpy.ndarray:
    return numpy.array([strings.add(text) for text in texts], dtype=numpy.uint64)


def test_a_form_keeps_its_row_and_a_column_answers_each_form_once():
    index, strings, asked = FormIndex(), StringStore(), []
    column = FormColumn(index, lambda texts: asked.extend(texts) or [len(text) for text in texts], numpy.int64)
    rows = index.rows(_ids(strings, WORDS), strings)
    assert [index.texts[r] for r in rows] == WORDS
    assert rows[0] == rows[7] and rows[1] == rows[9] and len(set(rows.tolist())) == len(set(WORDS))
    assert column.of(rows).tolist() == [len(w) for w in WORDS]
    again = index.rows(_ids(strings, ["Moskau", "Kim", "neu"]), strings)
    assert again.tolist()[:2] == [rows[4], rows[2]] and index.texts_of(again).tolist() == ["Moskau", "Kim", "neu"]
    assert column.of(again).tolist() == [6, 3, 3]
    assert sorted(asked) == sorted(set(WORDS) | {"neu"})          # each form asked about once


def test_rows_stay_right_across_reindexing_of_many_new_forms():
    index, strings = FormIndex(), StringStore()
    batches = [[f"w{n}" for n in range(k, k + 3000, 2)] for k in range(0, 30000, 1500)]   # overlapping batches
    seen = {}
    for batch in batches:
        rows = index.rows(_ids(strings, batch), strings).tolist()
        for word, row in zip(batch, rows):
            assert seen.setdefault(word, row) == row
        assert index.texts_of(numpy.array(rows)).tolist() == batch
    assert len(index) == len(seen) == len({w for b in batches for w in b})


def test_tuples_are_single_answers_of_an_object_column():
    index, strings = FormIndex(), StringStore()
    column = FormColumn(index, lambda texts: [((t, "x"), ()) if t[:1].isupper() else None for t in texts])
    values = column.of(index.rows(_ids(strings, ["Putin", "traf", "Kim"]), strings))
    assert values.tolist() == [(("Putin", "x"), ()), None, (("Kim", "x"), ())]


def test_an_index_past_its_size_starts_again_and_its_columns_with_it(monkeypatch):
    monkeypatch.setattr(formindex, "MAX_FORMS", 10)
    index, strings = FormIndex(), StringStore()
    column = FormColumn(index, lambda texts: [text.upper() for text in texts])
    first = index.rows(_ids(strings, ["a", "b", "c", "d"]), strings)
    assert column.of(first).tolist() == ["A", "B", "C", "D"] and index.generation == 0
    rows = index.rows(_ids(strings, [f"w{n}" for n in range(8)]), strings)    # 4 + 8 > 10: a new start
    assert index.generation == 1 and len(index) == 8
    assert column.of(rows).tolist() == [f"W{n}" for n in range(8)]


def test_a_doc_reads_its_rows_again_after_the_index_started_again(monkeypatch):
    nlp = load_pipeline()
    doc = nlp("Putin traf Kim in Moskau.")
    rows = form_rows(doc)
    monkeypatch.setattr(formindex.FORMS, "generation", formindex.FORMS.generation + 1)
    assert form_rows(doc) is not rows
    assert words(doc) == [t.text for t in doc] and lowers(doc) == [t.lower_ for t in doc]


@pytest.mark.parametrize("text", ["X Y Z traf Kim in Moskau .", "ẞ İstanbul ǅemal ΣΟΦΙΑ traf Kim", ""])
def test_symbol_forms_and_capitals_of_other_scripts(text):
    """"X" has the id of spaCy's symbol X (101), not its string's hash: its lemma and words still come right."""
    reference = spacy.blank("de")
    reference.add_pipe("lemmatizer", config={"mode": "lookup"})
    reference.initialize()
    doc = load_pipeline()(text)
    assert [(t.text, t.lemma_) for t in doc] == [(t.text, t.lemma_) for t in reference(text)]
    assert capitalised(doc) == [t.i for t in doc if t.text[:1].isupper()]
    assert doc.vocab.strings["X"] != hash_string("X")


def _relations(doc: Doc) -> list[tuple[int, str, str]]:
    return [(t.i, t.relation, t.kind) for t in triggers_in(doc, default_cues())]


def test_a_token_lemmatized_otherwise_is_judged_by_its_own_lemma():
    """A trained model may give a form another lemma than the lookup table: the trigger follows it."""
    nlp = load_pipeline()
    usual = nlp("Russland lieferte Waffen an Syrien.")
    assert (1, "supplies") in [(i, r) for i, r, _ in _relations(usual)]
    words_ = [t.text for t in usual]
    odd = Doc(nlp.vocab, words=words_, sent_starts=[True] + [False] * (len(words_) - 1))
    for token, lemma in zip(odd, ["Russland", "lagern", "Waffe", "an", "Syrien", "."]):
        token.lemma_ = lemma                 # "lieferte" given a lemma that is no relation word
    assert (1, "supplies") not in [(i, r) for i, r, _ in _relations(odd)]
    for token, lemma in zip(odd, ["Russland", "liefern", "Waffe", "an", "Syrien", "."]):
        token.lemma_ = lemma
    assert _relations(odd) == _relations(usual)
