"""An event noun governed by a verb takes that verb's subject as its agent and the modality the
verb gives ([governors] in ontology/cues.toml): "Die EU plant Sanktionen gegen Russland"
(planned), "Der Iran räumte Drohnenlieferungen an Russland ein" (asserted), "Putin sagte das
Treffen mit Xi ab" (negated); and a zu-infinitive governed by such a verb ("Russland kündigte
an, … zu liefern").  Generated: governors in present, past and perfect (separable ones split
and joined) x event nouns of four relations x subjects listed and unlisted; then the
infinitives, and nouns inside a prepositional phrase, which no verb governs."""
from __future__ import annotations

import itertools

import pytest

from extract_cases import M, S, SANC, V, case_id, facts, run

# lemma -> (modality, present 3sg, past 3sg, perfect 3sg): "{}" marks where the object goes
GOVERNORS = {
    "planen": ("planned", "plant {}", "plante {}", "hat {} geplant"),
    "ankündigen": ("planned", "kündigt {} an", "kündigte {} an", "hat {} angekündigt"),
    "erwägen": ("planned", "erwägt {}", "erwog {}", "hat {} erwogen"),
    "vorbereiten": ("planned", "bereitet {} vor", "bereitete {} vor", "hat {} vorbereitet"),
    "bestreiten": ("denied", "bestreitet {}", "bestritt {}", "hat {} bestritten"),
    "dementieren": ("denied", "dementiert {}", "dementierte {}", "hat {} dementiert"),
    "ablehnen": ("negated", "lehnt {} ab", "lehnte {} ab", "hat {} abgelehnt"),
    "einräumen": ("asserted", "räumt {} ein", "räumte {} ein", "hat {} eingeräumt"),
    "bestätigen": ("asserted", "bestätigt {}", "bestätigte {}", "hat {} bestätigt"),
}
# (event noun phrase, relation, subjects: (nominative, key), object key)
EVENTS = [
    ("Sanktionen gegen Russland", SANC, [("Die Schweiz", "switzerland"), ("Frankreich", "france")], "russia"),
    ("Waffenlieferungen an Syrien", S, [("Russland", "russia"), ("Der Iran", "iran")], "syria"),
    ("ein Treffen mit Xi Jinping", M, [("Wladimir Putin", "putin"), ("Jana Novak", "entity:jana-novak")],
     "xi_jinping"),
    ("einen Besuch in Peking", V, [("Wladimir Putin", "putin"), ("Jana Novak", "entity:jana-novak")], "beijing"),
]


def _governed():
    for (lemma, (modality, *tenses)), (event, relation, subjects, o_key) in itertools.product(
            GOVERNORS.items(), EVENTS):
        for tense, (subject, s_key) in itertools.product(tenses, subjects):
            yield f"{subject} {tense.format(event)}.", (s_key, relation, o_key, modality)


GOVERNED = list(_governed())

INFINITIVES = [
    ("Russland kündigte an, Waffen an Syrien zu liefern.", ("russia", S, "syria", "planned")),
    ("Russland hat angekündigt, Waffen an Syrien zu liefern.", ("russia", S, "syria", "planned")),
    ("Russland bestritt, Waffen an Syrien geliefert zu haben.", ("russia", S, "syria", "denied")),
    ("Russland lehnte es ab, Waffen an Syrien zu liefern.", ("russia", S, "syria", "negated")),
    ("Russland räumte ein, Waffen an Syrien geliefert zu haben.", ("russia", S, "syria", "asserted")),
    ("Frankreich plant, Sanktionen gegen Russland zu verhängen.", ("france", SANC, "russia", "planned")),
    ("Wladimir Putin kündigte an, Xi Jinping in Peking zu treffen.", ("putin", M, "xi_jinping", "planned")),
    ("Wladimir Putin lehnte es ab, Peking zu besuchen.", ("putin", V, "beijing", "negated")),
]

# the zu-infinitive in every form (simple, perfect, passive perfect, with a modal), its recipient a
# dative or "an X", under a verb whose subject denies it or whose object is alleged to have done it
SUPPLY_INFINITIVES = ["{r} {item} geliefert zu haben", "{item} an {r} geliefert zu haben", "{r} {item} verkauft zu haben",
                      "{item} an {r} zu liefern", "{r} {item} liefern zu wollen", "{r} mit {item} versorgt zu haben"]
CONTROLLERS = [("{a} bestreitet, {clause}.", "denied"), ("{a} bestritt, {clause}.", "denied"),
               ("{a} hat dementiert, {clause}.", "denied"), ("Die Ukraine wirft {a} vor, {clause}.", "alleged"),
               ("Kiew beschuldigt {a}, {clause}.", "alleged"), ("Die USA warfen {a} vor, {clause}.", "alleged")]
SUPPLIERS = [("Belarus", "belarus"), ("Nordkorea", "north_korea"), ("China", "china")]
RECIPIENTS = [("Russland", "russia"), ("Syrien", "syria")]


def _infinitives():
    for (form, modality), clause, (a, ka), (r, kr), item in itertools.product(
            CONTROLLERS, SUPPLY_INFINITIVES, SUPPLIERS, RECIPIENTS, ["Munition", "Drohnen"]):
        if (ka, kr) != ("china", "syria") and item == "Munition" or (ka, kr) == ("china", "syria"):
            yield form.format(a=a, clause=clause.format(r=r, item=item)), (ka, S, kr, modality)


SUPPLY_INFINITIVE_CASES = list(_infinitives())
JOURNEY_INFINITIVES = [
    (form.format(a=a, clause=clause.format(b=b, p=p)), (ka, rel, kb if rel == M else kp, modality))
    for (form, modality), (a, ka), (b, kb), (p, kp), (clause, rel) in itertools.product(
        CONTROLLERS[:3], [("Wladimir Putin", "putin"), ("Jana Novak", "entity:jana-novak")],
        [("Xi Jinping", "xi_jinping")], [("Peking", "beijing")],
        [("{b} getroffen zu haben", M), ("mit {b} zusammengetroffen zu sein", M), ("nach {p} gereist zu sein", V),
         ("{p} besucht zu haben", V)])
]

# a noun inside a prepositional phrase is no object of the clause's verb
IN_A_PHRASE = [
    ("Nach dem Treffen mit Xi Jinping plant Wladimir Putin eine Reise.", ("putin", M, "xi_jinping", "asserted")),
    ("Nach seinem Besuch in Peking bestätigte Wladimir Putin die Pläne.", ("putin", V, "beijing", "asserted")),
]


@pytest.mark.parametrize(("text", "expected"), GOVERNED, ids=case_id)
def test_a_governed_event_noun_takes_the_verbs_subject_and_modality(text, expected):
    found = facts(run(text))
    assert expected in found, found


@pytest.mark.parametrize(("text", "expected"), INFINITIVES + IN_A_PHRASE, ids=case_id)
def test_a_governed_infinitive_and_an_ungoverned_noun(text, expected):
    found = {f for f in facts(run(text)) if f[1] == expected[1]}
    assert found == {expected}


@pytest.mark.parametrize(("text", "expected"), SUPPLY_INFINITIVE_CASES + JOURNEY_INFINITIVES, ids=case_id)
def test_an_infinitive_in_every_form_takes_its_controller_as_agent(text, expected):
    found = {f for f in facts(run(text)) if f[1] == expected[1]}
    assert found == {expected}, found


def test_the_paradigm_is_large():
    assert len(GOVERNED) >= 200 and len(SUPPLY_INFINITIVE_CASES) >= 200 and len(JOURNEY_INFINITIVES) == 24
