"""The spaCy pipeline: blank German + kg_sentencizer + kg_lemmatizer + kg_gazetteer."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from kg.nlp import (SPAN_KEY, build_pipeline, char_offsets, hyphenated, lemma_ids, load_pipeline, lowers,
                    positions_ending, positions_of, puncts, sentence_starts, span_text, title_forms, words)


def spans(text: str) -> list[tuple[str, str, str]]:
    doc = load_pipeline()(text)
    return [(s.text, s.label_, s.kb_id_) for s in doc.spans[SPAN_KEY]]


def test_pipes_and_analysis():
    nlp = load_pipeline()
    assert nlp.pipe_names == ["kg_sentencizer", "kg_lemmatizer", "kg_gazetteer"]
    analysis = nlp.analyze_pipes()
    assert "kg_gazetteer" in analysis["summary"]


def test_gazetteer_spans_names_genitives_titles_adjectives_and_prefix_compounds():
    assert spans("Nordkoreas Machthaber Kim Jong Un traf den russischen Präsidenten.") == [
        ("Nordkoreas", "gen", "north_korea"),
        ("Machthaber", "title", "Machthaber"),
        ("Kim Jong Un", "name", "kim_jong_un"),
        ("russischen", "adj", "russia"),
        ("Präsidenten", "title", "Präsident"),
    ]


def test_lowercase_words_are_not_acronyms_and_clubs_are_blocked():
    assert spans("Er gab uns die Hand.") == []
    assert spans("Real Madrid gewann in Madrid.") == [("Madrid", "name", "madrid")]


def test_lemmas_and_line_break_sentences():
    doc = load_pipeline()("Putin reist nach Nordkorea\n\nNordkorea lieferte Raketen.")
    assert [s.text.strip() for s in doc.sents] == ["Putin reist nach Nordkorea", "Nordkorea lieferte Raketen."]
    assert [t.lemma_ for t in doc if t.text in {"lieferte", "Raketen"}] == ["liefern", "Rakete"]


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Kerry traf König Abdullah II. Bei dem Gespräch ging es um Syrien.",
         ["Kerry traf König Abdullah II.", "Bei dem Gespräch ging es um Syrien."]),
        ("Papst Benedikt XVI. sagte nichts.", ["Papst Benedikt XVI. sagte nichts."]),
        ("Am 3. Mai kam er.", ["Am 3. Mai kam er."]),
        ("Er wurde 3. Der Sieger war Kim.", ["Er wurde 3.", "Der Sieger war Kim."]),
    ],
)
def test_ordinals_and_lower_case_words_after_a_full_stop(text, sentences):
    assert [s.text.strip() for s in load_pipeline()(text).sents] == sentences


def test_title_forms_inflect():
    assert {"Präsidenten", "Präsidents"} <= title_forms("Präsident")
    assert "Außenministerinnen" in title_forms("Außenministerin")


def test_a_fresh_pipeline_takes_its_own_gazetteer(tmp_path):
    from kg.gazetteer import load_gazetteer

    path = tmp_path / "g.toml"
    path.write_text('[[entity]]\nkey = "atlantis"\nlabel = "Atlantis"\nclass = "State"\nforms = ["Atlantis"]\n',
                    encoding="utf-8")
    nlp = build_pipeline(gazetteer=load_gazetteer(path))
    doc = nlp("Atlantis und Nordkorea.")
    assert [(s.text, s.kb_id_) for s in doc.spans[SPAN_KEY]] == [("Atlantis", "atlantis")]


LEMMA_TEXT = ("Nordkorea lieferte Russland Granaten und Raketen; Putins Besuche in Pjöngjang wurden "
              "verschoben.\nDie Staatschefs trafen sich am 3. Mai, sagte ein Sprecher des Kremls.")


def test_kg_lemmatizer_gives_spacys_lookup_lemmas():
    reference = spacy.blank("de")
    reference.add_pipe("lemmatizer", config={"mode": "lookup"})
    reference.initialize()
    expected = [(t.text, t.lemma_) for t in reference(LEMMA_TEXT)]
    assert [(t.text, t.lemma_) for t in load_pipeline()(LEMMA_TEXT)] == expected
    assert ("lieferte", "liefern") in expected and ("Pjöngjang", "Pjöngjang") in expected   # unknown: itself


@pytest.mark.parametrize(("form", "lemma"), [
    ("schloss", "schließen"), ("schlossen", "schließen"), ("beschloss", "beschließen"), ("erliess", "erlassen"),
    ("genoss", "genießen"), ("floss", "fließen"), ("liess", "lassen"), ("riss", "reißen"), ("schoss", "schießen"),
])
def test_reformed_ss_spellings_get_the_lemma_of_their_old_ss_spelling(form, lemma):
    """The lookup table has "schloß", "beschloß"; news since 1996 writes "schloss"."""
    assert [t.lemma_ for t in load_pipeline()(f"Er {form} es")][1] == lemma


def test_an_ss_spelling_with_an_entry_of_its_own_keeps_it():
    from kg.nlp import with_ss_spellings

    table = with_ss_spellings({"Maße": "Maß", "Masse": "Masse", "schloß": "schließen"})
    assert table == {"Maße": "Maß", "Masse": "Masse", "schloß": "schließen", "schloss": "schließen"}


ATTRS_TEXT = ("Am 3. Mai 2024 lieferte Nordkorea 1.000 Granaten (laut „Reuters“) an Russland – "
              "für 2,5 Mio. € ; siehe https://example.org oder info@example.org.\n\nZehn  Panzer? Ja!")


def test_the_lexical_attributes_the_rules_read_are_spacys():
    """The pipeline works out only these lexical attributes for new words; they are spaCy's."""
    reference = spacy.blank("de")
    fields = ("text", "lower_", "is_alpha", "is_digit", "is_punct", "is_space", "like_num")
    expected = [tuple(getattr(t, f) for f in fields) for t in reference(ATTRS_TEXT)]
    assert [tuple(getattr(t, f) for f in fields) for t in build_pipeline()(ATTRS_TEXT)] == expected
    assert any(t[4] for t in expected) and any(t[5] for t in expected) and any(t[6] for t in expected)


def test_span_text_is_the_spans_text():
    doc = load_pipeline()(ATTRS_TEXT)
    for start in range(len(doc)):
        for end in range(start, min(len(doc), start + 6) + 1):
            assert span_text(doc, start, end) == doc[start:end].text, (start, end)


def test_word_lists_are_the_token_attributes():
    doc = load_pipeline()(LEMMA_TEXT)
    assert words(doc) == [t.text for t in doc]
    assert lowers(doc) == [t.lower_ for t in doc]
    assert sentence_starts(doc) == [s.start for s in doc.sents] and len(sentence_starts(doc)) == 3
    assert char_offsets(doc) == [t.idx for t in doc]
    assert lemma_ids(doc) == [t.lemma for t in doc] and puncts(doc) == [t.is_punct for t in doc]
    empty = load_pipeline()("")
    assert (sentence_starts(empty), char_offsets(empty)) == ([], [])


@pytest.mark.parametrize("text", [
    "İstanbul und ÖSTERREICH trafen Straße-Ämter", "Ein nie gesehenes Wort: Qxzvlöffelung!", "ǅemal ΣΟΦΙΑ ß ẞ", "",
])
def test_word_lists_of_words_never_seen_before_and_of_docs_of_another_vocabulary(text):
    # the strings are kept per id across Docs: a word first met, in any vocabulary, comes out right
    for doc in (load_pipeline()(text), Doc(spacy.blank("de").vocab, words=text.split() or [])):
        assert words(doc) == [t.text for t in doc]
        assert lowers(doc) == [t.lower_ for t in doc] == [t.text.lower() for t in doc]


@pytest.mark.parametrize("vocabulary", [
    frozenset(), frozenset({"und"}), frozenset({"ein", "zusammen", "xyz"}), frozenset({"Putin", "putin", "."}),
    frozenset(w.lower() for w in ATTRS_TEXT.split()) | {"zzz"},
])
@pytest.mark.parametrize("text", [LEMMA_TEXT, ATTRS_TEXT, "", "Putin kam mit Xi zusammen. Er traf ihn und putin ein."])
def test_positions_of_are_the_tokens_whose_lower_case_text_is_listed(text, vocabulary):
    doc = load_pipeline()(text)
    assert positions_of(doc, vocabulary) == [t.i for t in doc if t.lower_ in vocabulary]


@pytest.mark.parametrize("suffixes", [(), ("en",), ("delegation", "gruppe", "."), ("EN",), ("",)])
@pytest.mark.parametrize("text", [LEMMA_TEXT, ATTRS_TEXT, "", "Die US-Delegation und die Wagner-Gruppe trafen ein."])
def test_positions_ending_and_hyphenated_tokens_are_the_tokens_so_written(text, suffixes):
    doc = load_pipeline()(text)
    expected = [t.i for t in doc if t.lower_.endswith(suffixes)] if suffixes else []
    assert positions_ending(doc, suffixes) == expected
    assert hyphenated(doc) == [t.i for t in doc if "-" in t.text]


@pytest.mark.parametrize("text", [
    LEMMA_TEXT,
    "Kerry traf König Abdullah II. Bei dem Gespräch ging es um Syrien!!! Dann: nichts?! Er ging.",
    "Papst Benedikt XVI. sagte nichts... \"Nein.\" Sie kam (spät). Ende",
    "Titel ohne Punkt\n\nText. text klein. Am 3. Mai kam er.   \n",
    "",
])
def test_kg_sentencizer_gives_the_sentences_of_spacys_sentencizer_with_line_breaks(text):
    reference = spacy.blank("de")
    reference.add_pipe("sentencizer")
    reference.add_pipe("kg_line_breaks")
    expected = [(s.start, s.end) for s in reference(text).sents]
    assert [(s.start, s.end) for s in load_pipeline()(text).sents] == expected


def test_over_long_sentences_are_cut_into_windows_at_a_comma():
    from kg.nlp import MAX_SENTENCE_TOKENS
    nlp = load_pipeline()
    clause = "Russland liefert Waffen an Belarus , "            # 6 tokens, the comma last
    long = (clause * (3 * MAX_SENTENCE_TOKENS // 6)).strip()
    doc = nlp("Kurz und gut. " + long + ". Danach kam nichts.")
    starts = sentence_starts(doc)
    ends = starts[1:] + [len(doc)]
    assert starts[:2] == [0, 4] and len(starts) >= 2 + 3
    assert all(end - start <= MAX_SENTENCE_TOKENS for start, end in zip(starts, ends))
    # each window of the long sentence ends after a comma
    assert all(doc[start - 1].text == "," for start in starts[2:-1])
    assert [doc[start].text for start in starts[-1:]] == ["Danach"]
    # a sentence of the longest length kept stays one
    doc = nlp(" ".join(["Wort"] * (MAX_SENTENCE_TOKENS - 1)) + ".")
    assert sentence_starts(doc) == [0]


def test_the_tokenizer_keeps_more_chunks_than_spacy_and_splits_them_as_spacy_does():
    """The tokenizer's chunk cache (kg.nlp.TOKENIZER_CACHE_CHUNKS, spaCy's default is 10,000)
    holds a large vocabulary; a text met again is split from the cache exactly as spaCy splits it,
    affixes, abbreviations and special cases included."""
    from kg.nlp import TOKENIZER_CACHE_CHUNKS

    nlp, reference = build_pipeline(), spacy.blank("de")
    assert nlp.tokenizer.max_cache_size == TOKENIZER_CACHE_CHUNKS > 10 * reference.tokenizer.max_cache_size
    chunks = [f"({n}-Jährige," for n in range(12_000)] + ATTRS_TEXT.split() + ["z.B.", "u.a.", "Nr.", "„Reuters“)."]
    text = " ".join(chunks)
    expected = [t.text for t in reference.tokenizer(text)]
    assert [t.text for t in nlp.tokenizer(text)] == expected       # the chunks learnt
    assert [t.text for t in nlp.tokenizer(text)] == expected       # and read from the cache
    assert expected[:4] == ["(", "0-Jährige", ",", "("]
