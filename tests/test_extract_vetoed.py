"""``vetoed``: vetoes and blocked measures.

German sentence -> expected (subject, relation, object, modality), one-sentence articles
made by :func:`extract_cases.run`.
"""
from __future__ import annotations

import pytest

from extract_cases import case_id, facts, run, VETO


CASES = [
    ("Russland legte im Sicherheitsrat ein Veto gegen die Resolution zu Nordkorea ein.",
     {("russia", VETO, "north_korea", "asserted")}),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=case_id)
def test_vetoed(text, expected):
    assert facts(run(text)) == expected
