"""``imposedSanctionsOn``: sanctions imposed, threatened, weighed.

German sentence -> expected (subject, relation, object, modality), one-sentence articles
made by :func:`extract_cases.run`.
"""
from __future__ import annotations

import pytest

from extract_cases import case_id, facts, run, SANC, without_agreed


CASES = [
    ("Die EU verhängte neue Sanktionen gegen Russland.", {("eu", SANC, "russia", "asserted")}),
]


# from news pages beyond the seeds (an agreedWith found beside them is not checked)
NEWS = [
    # datelines are no actors
    ("Luxemburg – Die EU-Außenminister haben neue Wirtschaftssanktionen gegen Russland beschlossen.",
     {("eu", SANC, "russia", "asserted")}),
    # "haben … Sanktionen gegen": whoever has them imposed them; "EU-Staaten" act for the EU;
    # a parenthesis is no subject
    ("Die USA und die EU-Staaten (22 sind Nato-Mitglieder) haben zudem Wirtschaftssanktionen gegen Russland.",
     {("usa", SANC, "russia", "asserted"), ("eu", SANC, "russia", "asserted")}),
    ("Die EU hat gerade ihre Restriktionen gegenüber Russland um ein halbes Jahr verlängert.",
     {("eu", SANC, "russia", "asserted")}),
    # a dash pair is an aside: the clause around it keeps its subject, the aside names no party;
    # "ß" cue words match ("Strafmaßnahmen")
    ("Beides verstieß gegen UN-Resolutionen, weshalb der UN-Sicherheitsrat – einschließlich China und "
     "Russland – die bisher schärfsten Strafmaßnahmen gegen Nordkorea verhängte.",
     {("un_security_council", SANC, "north_korea", "asserted")}),
    ("Die Strafmaßnahmen der EU gegen Russland gelten weiter.", {("eu", SANC, "russia", "asserted")}),
    ("Die EU verlängert die Russland-Sanktionen.", {("eu", SANC, "russia", "asserted")}),
    ("Die Russland-Sanktionen der EU bleiben.", {("eu", SANC, "russia", "asserted")}),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=case_id)
def test_sanctions(text, expected):
    assert facts(run(text)) == expected


@pytest.mark.parametrize(("text", "expected"), NEWS, ids=case_id)
def test_sanctions_in_the_news(text, expected):
    assert without_agreed(facts(run(text))) == expected
