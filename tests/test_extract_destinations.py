"""Where goods and people go, and who sends them, as generated paradigms.

* Supplies to a destination: "liefert Drohnen nach Russland", "schickte Panzer in die Türkei"
  (``in`` only with an accusative, ``[syntax] into_determiners``), every tense and word order
  ("Nach Syrien liefert Russland …"), several verbs (liefern, schicken, exportieren, verkaufen)
  and fillers the gazetteer does not hold; only with goods named ("schickt Spieler ins London
  des Jahres 1918" is no supply).
* The passive with its dative anywhere: "Syrien wurden von Russland Waffen geliefert".
* "durch X" as the agent of an event noun: "die Lieferung von Panzern durch Deutschland an …",
  "die Verhängung von Sanktionen gegen X durch die EU"; never of a journey.
* Imports from "von X": "kaufte das System von Russland", "erhielt Panzer von Deutschland";
  goods must be named ("erhielt Glückwünsche aus X").
* A separable verb's own particle is no modality cue: "stellte … Waffen bereit" is asserted,
  "ist bereit, … zu liefern" planned.
* Presence on a visit: "weilte in Peking" (not "hielt sich seit damals in Österreich auf": a stay).
"""
from __future__ import annotations

import itertools

import pytest

from extract_cases import M, S, SANC, V, case_id, facts, run

# (nominative, accusative after "in", key); the last ones nobody listed
SUPPLIERS = [("Russland", "russia"), ("China", "china"), ("Der Iran", "iran"), ("Valdoria", "entity:valdoria")]
DESTINATIONS = [("Syrien", "syria"), ("Indien", "india"), ("Nordkorea", "north_korea"),
                ("Ostravien", "entity:ostravien")]
INTO = [("die Türkei", "turkey"), ("den Iran", "iran"), ("die Ukraine", "ukraine")]
TO_FORMS = [
    ("{a} liefert Drohnen nach {b}.", "asserted"),
    ("{a} lieferte Raketen nach {b}.", "asserted"),
    ("{a} hat Munition nach {b} geliefert.", "asserted"),
    ("{a} hatte Panzer nach {b} geschickt.", "asserted"),
    ("{a} exportiert Öl nach {b}.", "asserted"),
    ("{a} verkaufte Kampfjets nach {b}.", "asserted"),
    ("Nach {b} liefert {la} seit Jahren Waffen.", "asserted"),
    ("Seit Jahren schickt {la} Granaten nach {b}.", "asserted"),
    ("{a} will Drohnen nach {b} liefern.", "planned"),
    ("{a} wird Raketen nach {b} liefern.", "planned"),
    ("{a} liefert keine Waffen nach {b}.", "negated"),
]


def _low(name: str) -> str:
    return name[0].lower() + name[1:] if name.startswith(("Der ", "Die ")) else name


DESTINATION_CASES = [
    (form.format(a=a, la=_low(a), b=b), (ka, S, kb, modality))
    for (form, modality), (a, ka), (b, kb) in itertools.product(TO_FORMS, SUPPLIERS, DESTINATIONS) if ka != kb
]
INTO_CASES = [
    (form.format(a=a, b=b), (ka, S, kb, "asserted"))
    for form, (a, ka), (b, kb) in itertools.product(
        ("{a} lieferte Kampfjets in {b}.", "{a} hat Waffen in {b} geschickt."), SUPPLIERS[:2] + SUPPLIERS[3:], INTO)
]
PASSIVE_CASES = [
    (form.format(a=a, b=b), (ka, S, kb, "asserted"))
    for form, (a, ka), (b, kb) in itertools.product(
        ("{b} wurden von {a} Waffen geliefert.", "Waffen wurden {b} von {a} geliefert.",
         "{b} wurden im Mai von {a} Drohnen geliefert."),
        [("Russland", "russia"), ("Deutschland", "germany"), ("Valdoria", "entity:valdoria")],
        [("Syrien", "syria"), ("der Ukraine", "ukraine")])
]
BY_CASES = [
    ("Die Lieferung von Panzern durch Deutschland an die Ukraine wurde bestätigt.", ("germany", S, "ukraine")),
    ("Die Lieferung von Panzern an die Ukraine durch Deutschland wurde bestätigt.", ("germany", S, "ukraine")),
    ("Lieferungen von Munition an Israel durch Valdoria gehen weiter.", ("entity:valdoria", S, "israel")),
    ("Die Verhängung von Sanktionen gegen Russland durch die EU wurde begrüßt.", ("eu", SANC, "russia")),
    ("Die Sanktionen gegen den Iran durch Kanada treten in Kraft.", ("canada", SANC, "iran")),
]
IMPORT_CASES = [
    (form.format(b=b, a=a), (ka, S, kb, "asserted"))
    for form, (a, ka), (b, kb) in itertools.product(
        ("{b} kaufte das System von {a}.", "{b} erhielt Panzer von {a}.", "{b} hat Öl von {a} gekauft.",
         "{b} bezieht seit Jahren Gas aus {a}."),
        [("Russland", "russia"), ("Valdoria", "entity:valdoria")],
        [("Die Türkei", "turkey"), ("Indien", "india")])
]
PARTICLE_CASES = [
    ("Russland stellte Syrien Waffen bereit.", ("russia", S, "syria", "asserted")),
    ("Deutschland hat der Ukraine Panzer bereitgestellt.", ("germany", S, "ukraine", "asserted")),
    ("Valdoria stellt Ostravien Munition bereit.", ("entity:valdoria", S, "entity:ostravien", "asserted")),
    ("Russland ist bereit, Syrien Waffen zu liefern.", ("russia", S, "syria", "planned")),
]
PRESENCE_CASES = [
    (form.format(a=a, p=p), (ka, V, kp, "asserted"))
    for form, (a, ka), (p, kp) in itertools.product(
        ("{a} weilte am Montag in {p}.", "{a} weilte zu Gesprächen in {p}.", "Am Montag weilte {a} in {p}.",
         "{a} hat zwei Tage in {p} geweilt."),
        [("Wladimir Putin", "putin"), ("Jana Novak", "entity:jana-novak")],
        [("Peking", "beijing"), ("Kleinhausen", "entity:kleinhausen")])
]
GREETING_CASES = [
    ("Xi Jinping begrüßte Wladimir Putin in Peking.", ("xi_jinping", M, "putin")),
    ("Wladimir Putin wurde am Freitag von Xi Jinping in Peking begrüßt.", ("xi_jinping", M, "putin")),
    ("Olaf Scholz hat Emmanuel Macron im Kanzleramt begrüßt.", ("scholz", M, "macron")),
]
# (text, the relation that must not come out)
LOOK_ALIKES = [
    ("Das Studio schickt Spieler ins London des Jahres 1918.", S),
    ("Die Ukraine erhielt Glückwünsche aus Deutschland.", S),
    ("Russland schickte Truppen nach Syrien.", S),
    ("Eine Reise durch Deutschland führte Wladimir Putin an die Ostsee.", V),
    ("Die Ukraine hielt die russischen Truppen in Bachmut auf.", V),
    ("Wladimir Putin hatte sich seit damals in Österreich aufgehalten.", V),
    ("Russland lieferte Waffen in der Ukraine aus.", S),
    ("Olaf Scholz begrüßte die Entscheidung der Regierung.", M),
    ("Die Regierung begrüßte den Vorschlag aus Paris.", M),
]


@pytest.mark.parametrize(("text", "expected"),
                         DESTINATION_CASES + INTO_CASES + PASSIVE_CASES + IMPORT_CASES + PARTICLE_CASES
                         + PRESENCE_CASES, ids=case_id)
def test_destinations_and_sources(text, expected):
    found = facts(run(text))
    assert expected in found, found
    assert not {f for f in found if f[:3] == expected[:3] and f[3] != expected[3]}, found


@pytest.mark.parametrize(("text", "expected"), BY_CASES + GREETING_CASES, ids=case_id)
def test_agents_of_nouns_and_greetings(text, expected):
    assert {f[:3] for f in facts(run(text)) if f[1] == expected[1]} == {expected}


@pytest.mark.parametrize(("text", "relation"), LOOK_ALIKES, ids=case_id)
def test_look_alikes(text, relation):
    assert not {f for f in facts(run(text)) if f[1] == relation}


def test_the_paradigm_is_large():
    assert len(DESTINATION_CASES + INTO_CASES + PASSIVE_CASES + IMPORT_CASES + PRESENCE_CASES) >= 150
