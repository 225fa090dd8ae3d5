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
