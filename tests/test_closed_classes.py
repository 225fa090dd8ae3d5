"""Closed-class words tagged in context (kg/closed_classes.py): the class a word belongs to, the tag its neighbours decide."""
from __future__ import annotations

import pytest

from kg.closed_classes import auxiliary_of, closed
from kg.german import default_german


@pytest.mark.parametrize(("word", "prev", "nxt", "tag"), [
    ("nicht", "", "", "PTKNEG"), ("keine", "", "Waffen", "PIAT"), ("keinerlei", "er", "Waffen", None),
    ("der", ",", "gestern", "PRELS"), ("der", "und", "Vertrag", "ART"), ("die", "", "Lieferung", "ART"),
    ("dass", ",", "er", "KOUS"), ("dass", "ohne", "er", "KOUS"), ("weil", "", "er", "KOUS"),
    ("um", ",", "zu", "KOUI"), ("ohne", "", "dass", "APPR"),
    ("kann", "er", "liefern", "VMFIN"), ("können", "liefern", ".", "VMINF"), ("können", ",", ".", "VMFIN"),
    ("hat", "Russland", "geliefert", "VAFIN"), ("würde", "er", "liefern", "VAFIN"), ("worden", "", "", "VAPP"),
    ("sein", "", "Besuch", "PPOSAT"), ("sein", "", "wird", "VAINF"), ("werden", "sie", ".", "VAFIN"),
    ("zu", "", "liefern", "PTKZU"), ("zu", "", "Hause", "APPR"),
    ("ein", "", ".", "PTKVZ"), ("ein", "", "und", "PTKVZ"), ("ein", "", "Abkommen", "ART"),
    ("im", "", "Mai", "APPRART"), ("sein", "", "", "VAINF"), ("unser", "", "Land", "PPOSAT"),
    ("er", "", "traf", "PPER"), ("ihn", "traf", ".", "PPER"), ("und", "", "", "KON"), ("mit", "", "Putin", "APPR"), ("mit", "", "", "PTKVZ"),
    ("Moskau", "", "", None), ("lieferte", "", "", None), ("gestern", "", "", "ADV"),
])
def test_a_closed_class_word_gets_the_tag_its_context_allows(word, prev, nxt, tag):
    assert closed(word, default_german(), prev, nxt) == tag


@pytest.mark.parametrize(("word", "lemma"), [
    ("habe", "haben"), ("hatten", "haben"), ("sei", "sein"), ("waren", "sein"), ("würde", "werden"),
    ("wird", "werden"), ("gewesen", "sein"), ("worden", "werden"), ("geliefert", None),
])
def test_auxiliaries_have_their_infinitive(word, lemma):
    assert auxiliary_of(word, default_german()) == lemma
