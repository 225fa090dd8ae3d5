"""What a statement carries besides its triple: items, place, time, offsets into the text."""
from __future__ import annotations

from extract_cases import V, facts, run
from kg.article import parse_article
from kg.extraction import extract_article


def test_items_place_and_time():
    ex = run("Nordkorea liefert Raketen und Artilleriegranaten an Russland.")
    (st,) = ex.statements
    labels = {e.key: e.label for e in ex.entities}
    assert [labels[i] for i in st.items] == ["Rakete", "Artilleriegranaten"]
    (st,) = run("Im September 2023 hatte Putin in Pjöngjang mit Kim Jong Un ein Abkommen unterzeichnet.").statements
    assert (st.place, st.time) == ("pyongyang", "2023-09")


def test_evidence_offsets_point_into_the_article_text():
    text = " date 2024-06 PJÖNGJANG (dpa-AFX) - Einleitung.\n\nNordkorea liefert Raketen an Russland."
    article = parse_article(text, identifier="t")
    ex = extract_article(article)
    (st,) = ex.statements
    sentence = ex.sentences[st.sentence]
    assert text[sentence.start_char:sentence.end_char] == sentence.text == "Nordkorea liefert Raketen an Russland."
    assert text[st.trigger_char:].startswith("liefert")


def test_headline_without_full_stop_is_its_own_sentence():
    ex = run("Neue Waffendeals? Putin reist nach Nordkorea\n\nDer Kremlchef war zuletzt 2000 dort.")
    assert facts(ex) == {("putin", V, "north_korea", "planned")}
    assert ex.sentences[ex.statements[0].sentence].text == "Putin reist nach Nordkorea"
