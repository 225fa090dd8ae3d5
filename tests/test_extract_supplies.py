"""``supplies``: who supplies whom (verbs, nouns, imports, provision).

German sentence -> expected (subject, relation, object, modality), one-sentence articles
made by :func:`extract_cases.run`.
"""
from __future__ import annotations

import itertools

import pytest

from extract_cases import case_id, facts, run, S, without_agreed


CASES = [
    ("Russland hat nicht nur Raketen, sondern auch Munition aus Nordkorea eingesetzt.",
     {("north_korea", S, "russia", "asserted")}),
    ("Die Waffenlieferungen des Westens an die Ukraine gehen weiter.", {("west", S, "ukraine", "asserted")}),
]


# from news pages beyond the seeds (an agreedWith found beside them is not checked)
NEWS = [
    # "versorgen … mit": the accusative object receives; a zu-infinitive's supplier is the
    # object of the verb before it; "was Moskau bestreitet" denies it
    ("Westliche Regierungen werfen Russland vor, die Aufständischen in der Ukraine mit Waffen zu "
     "versorgen, was Moskau bestreitet.",
     {("russia", S, "separatists_ukraine", "alleged"), ("russia", S, "separatists_ukraine", "denied")}),
    ("Der Iran versorgt die syrische Regierung mit Raketen.", {("iran", S, "syria", "asserted")}),
    ("Russland beliefert die Ukraine seit Juli nicht mehr.", {("russia", S, "ukraine", "negated")}),
    ("Russland beliefert Belarus.", {("russia", S, "belarus", "asserted")}),
    ("Nordkorea hat Russland Raketen übergeben.", {("north_korea", S, "russia", "asserted")}),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=case_id)
def test_supplies(text, expected):
    assert facts(run(text)) == expected


@pytest.mark.parametrize(("text", "expected"), NEWS, ids=case_id)
def test_supplies_in_the_news(text, expected):
    assert without_agreed(facts(run(text))) == expected


# a state whose name is also a plural noun ("Polen": Poles, "Schweden": Swedes) is one subject of a
# singular verb, with a bare dative recipient after it, in every tense and with either order of objects
NAME_NOUNS = [("Polen", "poland"), ("Schweden", "sweden")]
RECIPIENTS = [("der Ukraine", "ukraine"), ("Kiew", "ukraine"), ("Litauen", "lithuania"), ("Valdoria", "entity:valdoria")]
TENSES = [("{a} liefert {b} Panzer.", "asserted"), ("{a} lieferte {b} Panzer.", "asserted"),
          ("{a} hat {b} Panzer geliefert.", "asserted"), ("{a} wird {b} Panzer liefern.", "planned"),
          ("{a} hat {b} keine Panzer geliefert.", "negated"), ("{a} will {b} Panzer liefern.", "planned"),
          ("Am Montag hat {a} {b} Panzer geliefert.", "asserted")]
NAME_NOUN_CASES = [
    (form.format(a=a, b=b), (ka, S, kb, modality))
    for (a, ka), (b, kb), (form, modality) in itertools.product(NAME_NOUNS, RECIPIENTS, TENSES)
]


@pytest.mark.parametrize(("text", "expected"), NAME_NOUN_CASES, ids=case_id)
def test_a_state_named_like_a_plural_noun_is_a_singular_subject(text, expected):
    found = without_agreed(facts(run(text)))
    assert found == {expected}, found


# goods bought, received or used that bear a state's demonym come from that state: "Belarus erhält russische
# Atomwaffen", "Indien kauft russisches Öl", "Russland setzt iranische Drohnen ein"; never the buyer's own
BUYERS = [("Belarus", "belarus"), ("Indien", "india"), ("Die Ukraine", "ukraine"), ("Valdoria", "entity:valdoria")]
MAKERS = [("russische", "russia"), ("iranische", "iran"), ("nordkoreanische", "north_korea"), ("amerikanische", "usa")]
BUYING = [("{b} erhält {m} Raketen.", "asserted"), ("{b} hat {m} Panzer bekommen.", "asserted"),
          ("{b} kauft {m} Kampfjets.", "asserted"), ("{b} kaufte moderne {m} Drohnen.", "asserted"),
          ("{b} setzt {m} Drohnen ein.", "asserted"), ("{b} soll {m} Munition erhalten haben.", "alleged"),
          ("{b} wird {m} Raketen erhalten.", "planned"), ("{b} kauft keine {m} Waffen mehr.", "negated")]
MAKER_CASES = [
    (form.format(b=b, m=m), (km, S, kb, modality))
    for (b, kb), (m, km), (form, modality) in itertools.product(BUYERS, MAKERS, BUYING)
]


@pytest.mark.parametrize(("text", "expected"), MAKER_CASES, ids=case_id)
def test_goods_of_a_states_make_come_from_it(text, expected):
    assert without_agreed(facts(run(text))) == {expected}


@pytest.mark.parametrize("text", ["Russland setzt russische Raketen ein.", "Die Ukraine erhielt russische Glückwünsche.",
                                  "Indien kauft eigene Kampfjets.", "Polen erhielt amerikanische Besucher."])
def test_own_goods_or_no_goods_come_from_no_one(text):
    assert not {f for f in facts(run(text)) if f[1] == S}


def test_goods_of_two_makes_come_from_both():
    assert {f[0] for f in facts(run("Polen kauft südkoreanische Panzer und amerikanische Kampfjets."))} == {
        "south_korea", "usa"}


# a sale of goods is a supply: "Waffenverkäufe der USA an Taiwan", "Waffen- und Munitionsverkäufe", "der Verkauf
# von Kampfjets an die Türkei durch die USA"; a sale of a company is none ("der Verkauf von Opel an PSA")
SELLERS = [("der USA", "die USA", "usa"), ("Russlands", "Russland", "russia"), ("Valdorias", "Valdoria", "entity:valdoria")]
BUYERS_OF_SALES = [("Taiwan", "taiwan"), ("die Türkei", "turkey"), ("Ostravien", "entity:ostravien")]
SALES = [("Die Waffenverkäufe {s} an {b} verärgern China.", "asserted"),
         ("Die Waffen- und Munitionsverkäufe {s} an {b} gehen weiter.", "asserted"),
         ("Die Rüstungsverkäufe {s} an {b} wurden gestoppt.", "negated"),
         ("Der Verkauf von Kampfjets an {b} durch {by} ist geplant.", "planned")]
SALE_CASES = [(form.format(s=s, by=by, b=b), (ks, S, kb, modality))
              for (s, by, ks), (b, kb), (form, modality) in itertools.product(SELLERS, BUYERS_OF_SALES, SALES)]


@pytest.mark.parametrize(("text", "expected"), SALE_CASES, ids=case_id)
def test_a_sale_of_goods_is_a_supply(text, expected):
    assert {f for f in facts(run(text)) if f[1] == S} == {expected}


@pytest.mark.parametrize("text", ["Der Verkauf von Opel an PSA wurde abgeschlossen.",
                                  "Der Verkauf der Firma an China wurde untersagt.",
                                  "Die Verkäufe der Autohändler an Privatkunden sinken."])
def test_a_sale_of_no_goods_is_no_supply(text):
    assert not {f for f in facts(run(text)) if f[1] == S}
