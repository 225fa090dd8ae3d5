"""``visited``: trips and visits (verbs, motion verbs, nouns, compounds).

German sentence -> expected (subject, relation, object, modality), one-sentence articles
made by :func:`extract_cases.run`.
"""
from __future__ import annotations

import pytest

from extract_cases import M, V, case_id, facts, run, without_agreed


CASES = [
    # a separable verb matched as a phrase ("traf … ein"), and arrivals "in" a place
    ("Kim Jong Un traf am Montag in Moskau ein.", {("kim_jong_un", V, "moscow", "asserted")}),
    ("Putin trifft morgen in Pjöngjang ein.", {("putin", V, "pyongyang", "planned")}),
    ("Xi Jinping ist in Moskau eingetroffen.", {("xi_jinping", V, "moscow", "asserted")}),
    ("Putin traf in Moskau Kim Jong Un.", {("putin", M, "kim_jong_un", "asserted")}),
    ("Die Visite Lukaschenkos in Moskau dauerte zwei Tage.", {("lukashenko", V, "moscow", "asserted")}),
]


# from news pages beyond the seeds (an agreedWith found beside them is not checked)
NEWS = [
    ("Nach seinem Besuch in Washington wollte Xi Jinping nach New York weiterreisen.",
     {("xi_jinping", V, "washington", "asserted"), ("xi_jinping", V, "new_york", "planned")}),
    ("Obama wird am Sonntag zu einem Besuch in Hanoi erwartet.", {("obama", V, "hanoi", "planned")}),
    # a hyphen compound names the place visited or the state sanctioned
    ("Merkel sprach über den letzten China-Besuch Obamas.", {("obama", V, "china", "asserted")}),
    ("Obamas Kuba-Reise war ein Erfolg.", {("obama", V, "cuba", "asserted")}),
    # "die polnische Hauptstadt" is Warschau; "zu Besuch" takes the place before it
    ("Steinmeier besuchte im März die polnische Hauptstadt.", {("steinmeier", V, "warschau", "asserted")}),
    ("Obama ist zu Besuch in Hanoi.", {("obama", V, "hanoi", "asserted")}),
    ("Putins Besuch in China dauerte drei Tage.", {("putin", V, "china", "asserted")}),
    # the place of a denied trip is where it would have gone, not who forbade it
    ("Schon seinem Vorgänger, Richard Falk aus den USA, hatte Israel keine Reise in die Palästinensergebiete "
     "gestattet.", {("entity:richard-falk", V, "palestine_state_of", "negated")}),
    # present tense with a day ahead is a schedule; any past form makes it a report
    ("Am Dienstag ist der deutsche Außenminister Frank-Walter Steinmeier in der polnischen Hauptstadt zu Besuch.",
     {("steinmeier", V, "warschau", "planned")}),
    ("Steinmeier besucht am Dienstag Warschau.", {("steinmeier", V, "warschau", "planned")}),
    ("Am Dienstag besuchte Steinmeier Warschau.", {("steinmeier", V, "warschau", "asserted")}),
    ("Steinmeier hat am Dienstag Warschau besucht.", {("steinmeier", V, "warschau", "asserted")}),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=case_id)
def test_visited(text, expected):
    assert facts(run(text)) == expected


@pytest.mark.parametrize(("text", "expected"), NEWS, ids=case_id)
def test_visited_in_the_news(text, expected):
    assert without_agreed(facts(run(text))) == expected
