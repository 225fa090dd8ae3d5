"""The arguments of a main clause's verb come from the main clause, not from the subordinate
clause before it: "Obwohl Moskau das bestreitet, besuchte Scholz Peking" (Beijing, not Moscow),
"Nachdem Moskau protestiert hatte, verhängte die EU Sanktionen gegen Belarus" (the EU alone).

German sentence -> expected (subject, relation, object, modality), one-sentence articles
made by :func:`extract_cases.run`.
"""
from __future__ import annotations

import itertools

import pytest

from extract_cases import M, S, SANC, T, V, case_id, facts, run, without_agreed

# subordinate clauses that name an actor and tell no relation
SUBORDINATES = ["Obwohl {x} das bestreitet", "Nachdem {x} protestiert hatte", "Weil {x} gewarnt hatte",
                "Während {x} noch verhandelte", "Als {x} das kritisierte"]
OUTSIDERS = ["Moskau", "die Türkei", "Valdoria", "Kremlchef Putin", "Jan Novak"]
MAINS = [("besuchte Scholz Peking", ("scholz", V, "beijing")),
         ("reiste Scholz nach Peking", ("scholz", V, "beijing")),
         ("hat Macron Scholz getroffen", ("macron", M, "scholz")),
         ("traf sich Macron mit Scholz", ("macron", M, "scholz")),
         ("lieferte Deutschland Panzer an die Ukraine", ("germany", S, "ukraine")),
         ("hat Deutschland der Ukraine Panzer geliefert", ("germany", S, "ukraine")),
         ("verhängte die EU Sanktionen gegen Belarus", ("eu", SANC, "belarus")),
         ("unterzeichneten Japan und Südkorea ein Abkommen", ("japan", T, "south_korea"))]
CASES = [
    (f"{sub.format(x=x)}, {main}.", (*fact, "asserted"))
    for sub, x, (main, fact) in itertools.product(SUBORDINATES, OUTSIDERS, MAINS)
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=case_id)
def test_a_main_clauses_arguments_are_its_own(text, expected):
    found = without_agreed(facts(run(text)))
    assert found == {expected}, found


def test_the_table_is_large():
    assert len(CASES) >= 200


# a state or person compared ("anders als X", "mehr als X", "genauso wie X") is no party
COMPARISONS = ["Anders als {x}", "Mehr als {x}", "Genauso wie {x}", "Ebenso wie {x}", "Lieber als {x}"]
COMPARED = ["Frankreich", "die Türkei", "Valdoria", "Kanzler Scholz"]
COMPARISON_MAINS = [("liefert Italien Panzer an die Ukraine", ("italy", S, "ukraine")),
                    ("besuchte Macron Peking", ("macron", V, "beijing")),
                    ("traf Biden den chinesischen Präsidenten Xi Jinping", ("biden", M, "xi_jinping"))]
COMPARISON_CASES = [
    (f"{c.format(x=x)} {main}.", (*fact, "asserted"))
    for c, x, (main, fact) in itertools.product(COMPARISONS, COMPARED, COMPARISON_MAINS)
]


@pytest.mark.parametrize(("text", "expected"), COMPARISON_CASES, ids=case_id)
def test_what_is_compared_is_no_party(text, expected):
    assert without_agreed(facts(run(text))) == {expected}


# "nicht X, sondern Y": X is corrected away (no party, and the "nicht" negates nothing else); "nicht nur …,
# sondern auch …" adds
CORRECTED = [("Russland", "russia"), ("die Türkei", "turkey"), ("Valdoria", "entity:valdoria")]
CORRECTING = [("China", "china"), ("der Iran", "iran"), ("Ostravien", "entity:ostravien")]
CORRECTION_CASES = [
    (form.format(x=x, y=y, X=x[:1].upper() + x[1:], Y=y[:1].upper() + y[1:], y_acc=y.replace("der ", "den ")),
     tuple(v.format(ky=ky) for v in fact))
    for (x, _), (y, ky) in itertools.product(CORRECTED, CORRECTING)
    for form, fact in (("Nicht {x}, sondern {y} hat Waffen an Serbien geliefert.", ("{ky}", S, "serbia", "asserted")),
                       ("Nicht {x}, sondern {y} lieferte Drohnen an Serbien.", ("{ky}", S, "serbia", "asserted")),
                       ("Serbien erhielt die Waffen nicht aus {x}, sondern aus {y}.", ("{ky}", S, "serbia", "asserted")),
                       ("Scholz lieferte die Waffen nicht an {x}, sondern an {y_acc}.", ("scholz", S, "{ky}", "asserted")))
]


@pytest.mark.parametrize(("text", "expected"), CORRECTION_CASES, ids=case_id)
def test_what_nicht_sondern_corrects_takes_no_part(text, expected):
    assert without_agreed(facts(run(text))) == {expected}


# a corrected destination: the correction goes on with the verb's clause, whatever the tense and the word order
TRAVELLERS = [("Scholz", "scholz"), ("Jan Novak", "entity:jan-novak"), ("der Kremlchef", "putin")]
DESTINATIONS = [("China", "china"), ("Rom", "rom"), ("Ostravien", "entity:ostravien")]
JOURNEYS = ["{P} reiste nicht nach Indien, sondern nach {y}.", "Am Montag reiste {p} nicht nach Indien, sondern nach {y}.",
            "{P} traf nicht in Paris, sondern in {y} ein.", "{P} ist nicht nach Paris, sondern nach {y} gereist.",
            "Nicht nach Paris, sondern nach {y} reiste {p}.", "{P} flog nicht nach Paris, sondern nach {y} weiter."]
JOURNEY_CASES = [(form.format(p=p, P=p[:1].upper() + p[1:], y=y), (kp, V, ky, "asserted"))
                 for (p, kp), (y, ky), form in itertools.product(TRAVELLERS, DESTINATIONS, JOURNEYS)]


@pytest.mark.parametrize(("text", "expected"), JOURNEY_CASES, ids=case_id)
def test_a_corrected_destination_is_the_one_visited(text, expected):
    assert without_agreed(facts(run(text))) == {expected}


# "keine X, sondern Y": "keine" negates X alone, the event stands
KEIN_CASES = [(form.format(a=a, r=r), (ka, rel, kr, "asserted"))
              for (a, ka), (r, kr) in itertools.product([("Russland", "russia"), ("Valdoria", "entity:valdoria")],
                                                         [("Syrien", "syria"), ("Ostravien", "entity:ostravien")])
              for form, rel in (("{a} lieferte keine Panzer, sondern Drohnen an {r}.", S),
                                ("{a} hat keine Waffen, sondern Munition an {r} geliefert.", S),
                                ("{a} verhängte keine Zölle, sondern Sanktionen gegen {r}.", SANC))]


@pytest.mark.parametrize(("text", "expected"), KEIN_CASES, ids=case_id)
def test_what_keine_sondern_corrects_is_all_it_negates(text, expected):
    assert without_agreed(facts(run(text))) == {expected}


@pytest.mark.parametrize(("text", "expected"), [
    ("Scholz traf keinen Minister, sondern Xi.", {("scholz", M, "xi_jinping", "asserted")}),
    ("Scholz traf nicht Putin, sondern Xi.", {("scholz", M, "xi_jinping", "asserted")}),
    ("Nicht Scholz, sondern Baerbock reiste nach Peking.", {("baerbock", V, "beijing", "asserted")}),
    ("Russland hat nicht nur Waffen, sondern auch Munition an Syrien geliefert.", {("russia", S, "syria", "asserted")}),
    ("Scholz traf Putin nicht.", {("scholz", M, "putin", "negated")}),
])
def test_corrections_and_additions(text, expected):
    assert without_agreed(facts(run(text))) == expected


@pytest.mark.parametrize("text", ["Kein Land hat so viele Waffen an die Ukraine geliefert wie die USA.",
                                  "Kein Land hat mehr Waffen an die Ukraine geliefert als Valdoria."])
def test_the_second_part_of_a_comparison_is_no_party(text):
    assert not {f for f in facts(run(text)) if f[1] == S and f[0] in {"usa", "entity:valdoria"}}
