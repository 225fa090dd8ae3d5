"""``imposedSanctionsOn``: sanctions imposed, threatened, weighed.

German sentence -> expected (subject, relation, object, modality), one-sentence articles
made by :func:`extract_cases.run`.
"""
from __future__ import annotations

import itertools

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


# --- the people or bodies of a state or organisation as the target --------------------------------

SANCTIONERS = [("Die EU", "eu"), ("Die US-Regierung", "usa"), ("Valdoria", "entity:valdoria")]
GROUP_TARGETS = [
    ("US-amerikanische Unternehmen", "usa"), ("russische Banken", "russia"), ("iranische Beamte", "iran"),
    ("vier Richter des Internationalen Strafgerichtshofs", "icc"), ("Mitglieder der Hamas", "hamas"),
    ("Unternehmen aus China", "china"), ("russische Rüstungskonzerne", "russia"),
]
GROUP_FORMS = [
    ("{a} verhängte Sanktionen gegen {t}.", "asserted"),
    ("{a} hat Sanktionen gegen {t} erlassen.", "asserted"),
    ("{a} will Sanktionen gegen {t} verhängen.", "planned"),
    ("Die Sanktionen gegen {t} hat {a} verlängert.", "asserted"),
]


@pytest.mark.parametrize("text,expected", [
    (form.format(a=a, t=t), (ka, SANC, kt, modality))
    for (form, modality), (a, ka), (t, kt) in itertools.product(GROUP_FORMS, SANCTIONERS, GROUP_TARGETS)
    if ka != kt       # (nobody sanctions themselves: the US government and US companies)
], ids=case_id)
def test_sanctions_against_a_states_people_or_bodies_are_against_it(text, expected):
    assert expected in facts(run(text))


@pytest.mark.parametrize("text,expected", [
    (form.format(a=a, t=t), (ka, SANC, kt, modality))
    for (form, modality), (a, ka), (t, kt) in itertools.product([
        ("{a} sanktionierte {t}.", "asserted"), ("{a} hat {t} sanktioniert.", "asserted"),
        ("{a} will {t} sanktionieren.", "planned"),
    ], SANCTIONERS, [("russische Oligarchen", "russia"), ("iranische Beamte", "iran"), ("chinesische Firmen", "china")])
], ids=case_id)
def test_sanctioning_a_states_people_sanctions_it(text, expected):
    assert expected in facts(run(text))


@pytest.mark.parametrize("text", [
    "Die EU verhängte Sanktionen gegen mehrere Unternehmen.", "Die EU verhängte Sanktionen gegen Personen.",
    "Die EU verhängte Sanktionen gegen Unternehmen, die Waffen liefern.",
    "Großbritannien sanktionierte Oligarchen.",
], ids=case_id)
def test_sanctions_against_people_of_no_named_state_have_no_target(text):
    assert not [f for f in facts(run(text)) if f[1] == SANC]


# --- a relative clause's subject is its antecedent, never the clause before's subject -------------

RELATIVE_FORMS = [
    "{a} verhängte Sanktionen gegen {t}, {rel} Drohnen an Syrien {verb}.",      # right after its antecedent
    "{a} hat Sanktionen gegen {t} verhängt, {rel} Drohnen an Syrien {verb}.",   # extraposed after the verb
]


@pytest.mark.parametrize("text,expected,wrong", [
    (form.format(a=a, t=t, rel=rel, verb=verb), (kt, "supplies", "syria"), ka)
    for form, (a, ka), (t, kt, rel, verb) in itertools.product(RELATIVE_FORMS, SANCTIONERS[:2], [
        ("den Iran", "iran", "der", "liefert"), ("Nordkorea", "north_korea", "das", "liefert"),
        ("russische Unternehmen", "russia", "die", "liefern"),
        ("US-amerikanische Unternehmen", "usa", "welche", "verkauft haben"),
    ])
    if ka != kt
], ids=case_id)
def test_a_relative_clause_supplies_by_its_antecedent(text, expected, wrong):
    found = {f[:3] for f in facts(run(text))}
    assert expected in found and (wrong, "supplies", "syria") not in found


@pytest.mark.parametrize("text", [
    "Die EU verhängte Sanktionen gegen Unternehmen, die Waffen an Russland liefern.",
    "Scholz besuchte die Fabrik, die Panzer an die Ukraine liefert.",
    "Die USA verhängten Sanktionen gegen Firmen, welche Drohnen an Russland verkauft haben.",
    "Die EU hat Sanktionen gegen Firmen verhängt, die Drohnen an Russland liefern.",
    "Die USA haben Sanktionen gegen Firmen erlassen, welche Drohnen an Russland verkauft haben.",
], ids=case_id)
def test_a_relative_clause_about_a_thing_gives_the_clause_before_no_supply(text):
    assert not [f for f in facts(run(text)) if f[1] == "supplies"]


# "X belegt Y mit Sanktionen" with Y the people or bodies of a state ("iranische Firmen"), and "X schließt sich
# den Sanktionen gegen Y an" (joins them: imposes them too), in every tense; a modal of the governing verb
# makes it a plan ("Japan will sich den Sanktionen … anschließen")
IMPOSERS = [("Die USA", "usa", "haben"), ("Kanada", "canada", "hat"), ("Valdoria", "entity:valdoria", "hat")]
PEOPLE = [("iranische Firmen", "iran"), ("russische Oligarchen", "russia"), ("chinesische Unternehmen", "china")]
BELEGEN = [("{a} belegte {p} mit Sanktionen.", "asserted"), ("{a} {aux} {p} mit neuen Sanktionen belegt.", "asserted"),
           ("{a} will {p} mit Sanktionen belegen.", "planned"), ("Am Montag belegte {low} {p} mit Sanktionen.", "asserted")]
JOIN = [("{a} schloss sich den Sanktionen gegen {t} an.", "asserted"),
        ("{a} {aux} sich den Sanktionen gegen {t} angeschlossen.", "asserted"),
        ("{a} will sich den Sanktionen gegen {t} anschließen.", "planned"),
        ("{a} wird sich den Sanktionen gegen {t} anschließen.", "planned")]
TARGETS = [("Russland", "russia"), ("den Iran", "iran"), ("Ostravien", "entity:ostravien")]


def _lower_article(text: str) -> str:
    return text[:1].lower() + text[1:] if text.startswith("Die ") else text


JOIN_CASES = [
    (form.format(a=a, aux=aux, p=p, low=_lower_article(a)), (ka, SANC, kp, modality))
    for (a, ka, aux), (p, kp), (form, modality) in itertools.product(IMPOSERS, PEOPLE, BELEGEN)
] + [
    (form.format(a=a, aux=aux, t=t), (ka, SANC, kt, modality))
    for (a, ka, aux), (t, kt), (form, modality) in itertools.product(IMPOSERS, TARGETS, JOIN)
]


@pytest.mark.parametrize(("text", "expected"), JOIN_CASES, ids=case_id)
def test_sanctions_on_a_states_people_and_joined_sanctions(text, expected):
    assert {f for f in facts(run(text)) if f[1] == SANC} == {expected}


# sanctions as the subject of a verb that aims them: "Die Sanktionen der USA richten sich gegen russische
# Banken" (Russia), "zielen auf Russland", "betreffen Nordkorea", "gelten für Belarus"
AIMED_NOUNS = [("Die Sanktionen der USA", "usa"), ("Die neuen Strafmaßnahmen der EU", "eu"),
               ("Die Sanktionen Valdorias", "entity:valdoria")]
AIMED_FORMS = [("{n} richten sich gegen {t}.", "asserted"), ("{n} richteten sich gegen {t}.", "asserted"),
               ("{n} zielen auf {t}.", "asserted"), ("{n} betreffen {t}.", "asserted"),
               ("{n} gelten für {t}.", "asserted"), ("{n} richten sich nicht gegen {t}.", "negated")]
AIMED_TARGETS = [("Russland", "russia"), ("den Iran", "iran"), ("iranische Firmen", "iran"), ("Ostravien", "entity:ostravien")]
AIMED_CASES = [
    (form.format(n=n, t=t), (ka, SANC, kt, modality))
    for (n, ka), (form, modality), (t, kt) in itertools.product(AIMED_NOUNS, AIMED_FORMS, AIMED_TARGETS)
]


@pytest.mark.parametrize(("text", "expected"), AIMED_CASES, ids=case_id)
def test_sanctions_aimed_at_a_target(text, expected):
    assert {f for f in facts(run(text)) if f[1] == SANC} == {expected}


# "seitens" names an event noun's agent, as "durch" does: "Sanktionen seitens der USA gegen Russland"
SEITENS_AGENTS = [("der USA", "usa"), ("der EU", "eu"), ("Russlands", "russia"), ("Valdorias", "entity:valdoria")]
SEITENS_CASES = [
    (form.format(a=a), (ka, rel, obj, "asserted"))
    for a, ka in SEITENS_AGENTS
    for form, rel, obj in (("Die Sanktionen seitens {a} gegen Belarus wurden verschärft.", SANC, "belarus"),
                           ("Die Waffenlieferungen seitens {a} an Syrien gingen weiter.", "supplies", "syria"),
                           ("Seit Jahren gibt es Sanktionen seitens {a} gegen Nordkorea.", SANC, "north_korea"))
]


@pytest.mark.parametrize(("text", "expected"), SEITENS_CASES, ids=case_id)
def test_seitens_names_the_agent(text, expected):
    assert {f for f in facts(run(text)) if f[1] == expected[1]} == {expected}
