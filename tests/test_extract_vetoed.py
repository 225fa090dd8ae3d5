"""``vetoed``: vetoes and blocked measures.

German sentence -> expected (subject, relation, object, modality), one-sentence articles
made by :func:`extract_cases.run`.
"""
from __future__ import annotations

import itertools

import pytest

from extract_cases import case_id, facts, run, VETO


CASES = [
    ("Russland legte im Sicherheitsrat ein Veto gegen die Resolution zu Nordkorea ein.",
     {("russia", VETO, "north_korea", "asserted")}),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=case_id)
def test_vetoed(text, expected):
    assert facts(run(text)) == expected


# a veto is "gegen" whatever it blocks, named or not ("gegen den Beitritt", "gegen eine Waffenruhe");
# the measure concerns the state named in it, else none: every order and tense
VETO_FORMS = [("{a} legte ein Veto gegen {m} ein.", "asserted"), ("{a} legt sein Veto gegen {m} ein.", "asserted"),
              ("{a} hat ein Veto gegen {m} eingelegt.", "asserted"), ("Gegen {m} legte {a} sein Veto ein.", "asserted"),
              ("{a} wird ein Veto gegen {m} einlegen.", "planned"), ("{a} droht mit einem Veto gegen {m}.", "planned")]
VETOERS = [("Frankreich", "france"), ("Ungarn", "hungary"), ("die Türkei", "turkey"), ("Valdoria", "entity:valdoria")]
MEASURES = [("den Beitritt", None), ("eine Waffenruhe", None), ("den Vorschlag der Kommission", None),
            ("den Beitritt Schwedens", "sweden"), ("die Aufnahme Palästinas", "palestine_state_of")]
VETO_CASES = [
    (form.format(a=a, m=m)[:1].upper() + form.format(a=a, m=m)[1:], (ka, VETO, concerns, modality))
    for (form, modality), (a, ka), (m, concerns) in itertools.product(VETO_FORMS, VETOERS, MEASURES)
]


@pytest.mark.parametrize(("text", "expected"), VETO_CASES, ids=case_id)
def test_a_veto_against_any_measure(text, expected):
    found = run(text)
    vetoes = [st for st in found.statements if st.relation == VETO]
    assert [(st.subject, st.modality) for st in vetoes] == [(expected[0], expected[3])], facts(found)
    concerns = {e.key: e.concerns for e in found.entities}
    assert concerns.get(vetoes[0].object) == expected[2], found.entities


# "blockieren" a measure: a resolution, an accession, sanctions; not a road, a shot or a ball
BLOCKED = [
    ("Die Türkei blockierte den NATO-Beitritt Schwedens.", ("turkey", "sweden")),
    ("Ungarn blockiert die Sanktionen gegen Russland.", ("hungary", "russia")),
    ("Ungarn hat das neue Sanktionspaket gegen Russland blockiert.", ("hungary", "russia")),
    ("Österreich blockiert den Schengen-Beitritt Rumäniens.", ("austria", "romania")),
]


@pytest.mark.parametrize(("text", "expected"), BLOCKED, ids=case_id)
def test_blocking_an_accession_or_sanctions_is_a_veto(text, expected):
    assert facts(run(text)) == {(expected[0], VETO, expected[1], "asserted")}


@pytest.mark.parametrize("text", ["Die Polizei blockierte die Straße.", "Der Verteidiger blockierte den Schuss.",
                                  "Demonstranten blockierten den Zugang zum Beitrittsgipfel.",
                                  "Der Torwart stoppte den Ball gegen den Willen des Trainers."])
def test_blocking_no_measure_is_no_veto(text):
    assert not facts(run(text))


# the measure a veto is against named before it: the antecedent of "gegen die/den/das" opening a relative clause,
# or what "scheiterte am Veto" someone; every tense of the relative clause
BEFORE_FORMS = [("{M}, gegen {rel} {a} ein Veto eingelegt hatte, scheiterte.", "asserted"),
                ("{M}, gegen {rel} {a} sein Veto einlegte, ist gescheitert.", "asserted"),
                ("{M}, gegen {rel} {a} ein Veto einlegt, sieht eine Waffenruhe vor.", "asserted"),
                ("{M} scheiterte am Veto {g}.", "asserted"), ("{M} ist an einem Veto {g} gescheitert.", "asserted")]
BEFORE_VETOERS = [("Russland", "Russlands", "russia"), ("China", "Chinas", "china"),
                  ("Valdoria", "Valdorias", "entity:valdoria")]
BEFORE_MEASURES = [("Die Resolution zu Syrien", "die", "syria"), ("Der Entwurf über den Sudan", "den", "sudan"),
                   ("Das Sanktionspaket gegen Nordkorea", "das", "north_korea")]
BEFORE_CASES = [(form.format(M=m, rel=rel, a=a, g=g), (ka, VETO, concerns, modality))
                for (form, modality), (a, g, ka), (m, rel, concerns) in itertools.product(BEFORE_FORMS, BEFORE_VETOERS,
                                                                                          BEFORE_MEASURES)]


@pytest.mark.parametrize(("text", "expected"), BEFORE_CASES, ids=case_id)
def test_a_veto_against_a_measure_named_before_it(text, expected):
    found = run(text)
    vetoes = [st for st in found.statements if st.relation == VETO]
    assert [(st.subject, st.modality) for st in vetoes] == [(expected[0], expected[3])], facts(found)
