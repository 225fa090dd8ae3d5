"""The lexicon's word classes (spacy-lookups-data clusters) and the names they let the mention finder type."""
from __future__ import annotations

import pytest

from kg.extraction import default_cues
from kg.gazetteer import default_gazetteer
from kg.lexicon import default_lexicon
from kg.mentions import find_mentions
from kg.nlp import load_pipeline


@pytest.mark.parametrize(
    ("word", "cls"),
    [("Frank", "given"), ("Wolfgang", "given"), ("Müller", "surname"), ("Garmisch", "place"),
     ("Nürnberg", "place"), ("GmbH", "org_suffix"), ("SPD", "org"), ("Zukunft", None), ("Doskozil", None)],
)
def test_word_classes(word, cls):
    assert default_lexicon().cls(word) == cls


def test_rare_words_are_unknown_and_common_nouns_known():
    lexicon = default_lexicon()
    assert (lexicon.knows("Zukunft"), lexicon.knows("Doskozil")) == (True, False)


def test_a_docs_classes_are_its_words_classes():
    from kg.nlp import capitalised, form_rows

    doc = load_pipeline()("Frank W. Müller sprach in Garmisch über die Zukunft der SPD mit Doskozil.")
    lexicon = default_lexicon()
    classes, known = lexicon.classes(form_rows(doc), capitalised(doc))
    assert classes == [lexicon.cls(t.text) for t in doc] and known == [lexicon.knows(t.text) for t in doc]
    assert classes[:3] == ["given", "initial", "surname"] and known[8] and not known[-2]


def minted(text: str) -> list[tuple[str, str, str]]:
    cues = default_cues()
    doc = load_pipeline()(text)
    return [(m.text, m.key, m.cls) for m in find_mentions(doc, default_gazetteer(), "2016-01",
                                                          {**cues.syntax, **cues.anaphora}, default_lexicon())
            if m.key.startswith("entity:")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a first name and a surname (or a rare word) make a person; an initial may stand between
        ("Das sagte Wolfgang Brandstetter am Montag.", [("Wolfgang Brandstetter", "entity:wolfgang-brandstetter", "Person")]),
        ("Hans Peter Haselsteiner kam.", [("Hans Peter Haselsteiner", "entity:hans-peter-haselsteiner", "Person")]),
        ("Frank W. Steiner kam.", [("Frank W. Steiner", "entity:frank-w-steiner", "Person")]),
        # a first name alone is nobody in particular
        ("Peter kam nach Hause.", []),
        # a town after in/nach/aus is a place; elsewhere it may be anything
        ("Die Proteste in Garmisch gingen weiter.", [("Garmisch", "entity:garmisch", "Place")]),
        ("Garmisch ist schön.", []),
        ("Er reiste nach Bad Ischl.", [("Bad Ischl", "entity:bad-ischl", "Place")]),
        # a legal form or a party acronym makes an organisation
        ("Die Alpine Bau GmbH ist pleite.", [("Alpine Bau GmbH", "entity:alpine-bau-gmbh", "Organization")]),
        ("Die KPÖ stimmte zu.", [("KPÖ", "entity:kpoe", "Organization")]),
        # known names stay the gazetteer's
        ("Angela Merkel reiste nach Berlin.", []),
    ],
)
def test_names_nobody_listed(text, expected):
    assert minted(text) == expected


def test_the_derived_lexicon_is_cached_and_a_bad_cache_ignored(tmp_path, monkeypatch):
    from kg.lexicon import load_lexicon

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    fresh = load_lexicon(cache=False)
    assert not (tmp_path / "newskg").exists()
    first = load_lexicon()                              # derives and writes the cache
    (cached,) = (tmp_path / "newskg").glob("lexicon-*.npz")
    second = load_lexicon()                             # reads it
    assert fresh == first == second
    cached.write_bytes(b"not a table")
    assert load_lexicon() == fresh                      # a broken cache is derived again
    assert cached.read_bytes() != b"not a table"
