"""``supplies``: who supplies whom (verbs, nouns, imports, provision).

German sentence -> expected (subject, relation, object, modality), one-sentence articles
made by :func:`extract_cases.run`.
"""
from __future__ import annotations

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
