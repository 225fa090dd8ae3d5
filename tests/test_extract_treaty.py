"""``signedTreatyWith`` and ``agreedWith``: treaties signed, things agreed.

German sentence -> expected (subject, relation, object, modality), one-sentence articles
made by :func:`extract_cases.run`.
"""
from __future__ import annotations

import pytest

from extract_cases import case_id, facts, run, T, without_agreed


CASES = [
    # coordination and passive
    ("Russland und Nordkorea unterzeichneten am Mittwoch einen Vertrag über strategische Partnerschaft.",
     {("russia", T, "north_korea", "asserted")}),
    ("Der Vertrag wurde von Russland und Nordkorea in Pjöngjang unterzeichnet.",
     {("russia", T, "north_korea", "asserted")}),
    ("Der Vertrag zwischen Russland und Nordkorea wurde in Moskau unterzeichnet.",
     {("russia", T, "north_korea", "asserted")}),
]


# from news pages beyond the seeds (an agreedWith found beside them is not checked)
NEWS = [
    ("Der Vertrag zwischen Wien und Bratislava wurde am Mittwoch unterzeichnet.",
     {("austria", T, "slovakia", "asserted")}),
    ("Das zwischen Russlands und Chinas Regierungen unterzeichnete Abkommen gilt.", {("russia", T, "china", "asserted")}),
    # the treaty noun before a relative clause counts; "die Führung in Kiew" is Ukraine's government
    ("Russland und die Ukraine streiten über einen Handelspakt, den die Führung in Kiew mit der EU "
     "geschlossen hat.", {("ukraine", T, "eu", "asserted")}),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=case_id)
def test_treaty(text, expected):
    assert facts(run(text)) == expected


@pytest.mark.parametrize(("text", "expected"), NEWS, ids=case_id)
def test_treaty_in_the_news(text, expected):
    assert without_agreed(facts(run(text))) == expected
