"""``metWith``: meetings, never matches or goals.

German sentence -> expected (subject, relation, object, modality), one-sentence articles
made by :func:`extract_cases.run`.
"""
from __future__ import annotations

import pytest

from extract_cases import case_id, facts, M, run, V, without_agreed


CASES = [
    # meetings, roles, pronouns
    ("Putin traf sich in Sotschi mit Lukaschenko.", {("putin", M, "lukashenko", "asserted")}),
    ("Xi Jinping reiste nach Moskau, wo er sich mit Putin traf.",
     {("xi_jinping", V, "moscow", "asserted"), ("xi_jinping", M, "putin", "asserted")}),
    ("Kremlchef Putin empfing den chinesischen Staatschef Xi Jinping in Moskau.",
     {("putin", M, "xi_jinping", "asserted"), ("xi_jinping", V, "moscow", "asserted")}),
]


# from news pages beyond the seeds (an agreedWith found beside them is not checked)
NEWS = [
    ("Obama hatte angekündigt, bei seinem Treffen mit Xi Jinping auch mutmaßliche chinesische Cyberattacken anzusprechen.",
     {("obama", M, "xi_jinping", "planned")}),
    ("Putin traf auf dem Gipfel Kim Jong Un.", {("putin", M, "kim_jong_un", "asserted")}),
    # a count after the verb is goals only without "sich"/"mit"; "erneut" is no count
    ("Putin trifft erneut Kim Jong Un.", {("putin", M, "kim_jong_un", "asserted")}),
    ("Merkel und Putin trafen sich zweimal.", {("merkel", M, "putin", "asserted")}),
    ("Putin traf Kim Jong Un um 10:30 Uhr.", {("putin", M, "kim_jong_un", "asserted")}),
    ("Steinmeier trifft kommende Woche Putin.", {("steinmeier", M, "putin", "planned")}),
    ("Steinmeier traf am Dienstag Putin.", {("steinmeier", M, "putin", "asserted")}),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=case_id)
def test_met_with(text, expected):
    assert facts(run(text)) == expected


@pytest.mark.parametrize(("text", "expected"), NEWS, ids=case_id)
def test_met_with_in_the_news(text, expected):
    assert without_agreed(facts(run(text))) == expected
