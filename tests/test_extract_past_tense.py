"""The past tense of a weak verb ends like an inflected participle ("lieferte", "verhängten"):
after a bare actor, its subject, it is the finite verb ("Russland lieferte Waffen an Syrien"),
never the adjective of "die gelieferten Waffen".  Generated: verbs x subjects (singular and
plural, with and without article, coordinated) x objects, and the attributive look-alikes."""
from __future__ import annotations

import itertools

import pytest

from extract_cases import SANC, S, facts, run

# (nominative, key, finite past singular/plural ending)
SUBJECTS = [("Russland", "russia", "e"), ("China", "china", "e"), ("Der Iran", "iran", "e"),
            ("Die Türkei", "turkey", "e"), ("Die USA", "usa", "en"), ("Frankreich", "france", "e")]
OBJECTS = [("die Ukraine", "ukraine"), ("Syrien", "syria"), ("Israel", "israel")]
FRAMES = [("Waffen an {o}", "liefert", S), ("Raketen an {o}", "liefert", S),
          ("Sanktionen gegen {o}", "verhängt", SANC), ("neue Sanktionen gegen {o}", "verhängt", SANC)]

FINITE = [
    (f"{s} {stem}{ending} {frame.format(o=o)}.", {(s_key, relation, o_key, "asserted")})
    for (s, s_key, ending), (o, o_key), (frame, stem, relation) in itertools.product(SUBJECTS, OBJECTS, FRAMES)
    if s_key != o_key
]
COORDINATED = [
    ("Russland und China lieferten Waffen an Syrien.", {("russia", S, "syria", "asserted"),
                                                       ("china", S, "syria", "asserted")}),
    ("Die USA und Frankreich verhängten Sanktionen gegen den Iran.", {("usa", SANC, "iran", "asserted"),
                                                                      ("france", SANC, "iran", "asserted")}),
]
ATTRIBUTIVE = [
    "Die gelieferten Waffen kamen aus Russland.",
    "Gelieferte Raketen wurden in Syrien gefunden.",
    "Die verhängten Sanktionen trafen vor allem Banken.",
    "Von Russland gelieferte Waffen wurden in Syrien gefunden.",
]


@pytest.mark.parametrize(("text", "expected"), FINITE + COORDINATED, ids=[t for t, _ in FINITE + COORDINATED])
def test_the_past_tense_after_its_subject_is_the_verb(text, expected):
    assert expected <= facts(run(text))


@pytest.mark.parametrize("text", ATTRIBUTIVE)
def test_an_attributive_participle_is_no_verb(text):
    assert not {f for f in facts(run(text)) if f[1] in (S, SANC)}


def test_the_paradigm_is_large():
    assert len(FINITE) >= 60
