"""Separable verbs found from their lemma and the particle closing their clause, not from listed
phrases: every verb of a relation that begins with a separable particle ("zusammenkommen",
"eintreffen", "weitergeben", "einsetzen") in present and past (particle apart, verb second,
also after an adverbial), perfect and subordinate clauses (particle joined), and the future
(planned).  Nominal frames beside them: "Treffen/Gespräche zwischen X, Y und Z" (every pair),
"Lieferungen von Waffen aus X an Y", compounds with a short item ("Öllieferungen"), a visit
carried by a verb ("stattete Moskau einen Besuch ab").  Traps: a particle that makes another
verb ("kam gut an", "es kommt darauf an"), talks at a distance, interviews."""
from __future__ import annotations

import itertools

import pytest

from extract_cases import M, S, V, case_id, facts, run

PAIRS = [("Wladimir Putin", "putin", "Xi Jinping", "xi_jinping"),
         ("Emmanuel Macron", "macron", "Jana Novak", "entity:jana-novak"),
         ("Jana Novak", "entity:jana-novak", "Kim Jong Un", "kim_jong_un")]

# (pattern, modality): {a} the subject, {b} the partner
MEETING_FORMS = [
    ("{a} kommt mit {b} zusammen.", "asserted"),
    ("{a} kam mit {b} zusammen.", "asserted"),
    ("Am Montag kam {a} in Paris mit {b} zusammen.", "asserted"),
    ("{a} ist mit {b} zusammengekommen.", "asserted"),
    ("Als {a} mit {b} zusammenkam, wurde verhandelt.", "asserted"),
    ("{a} traf am Montag mit {b} zusammen.", "asserted"),
    ("{a} wird mit {b} zusammenkommen.", "planned"),
    ("{a} und {b} kamen in Paris zusammen.", "asserted"),
]
MEETINGS = [(form.format(a=a, b=b), (ka, M, kb, mod))
            for (form, mod), (a, ka, b, kb) in itertools.product(MEETING_FORMS, PAIRS)]

ARRIVAL_FORMS = [
    ("{a} trifft in {p} ein.", "asserted"), ("{a} traf am Montag in {p} ein.", "asserted"),
    ("Am Montag traf {a} in {p} ein.", "asserted"), ("{a} ist in {p} eingetroffen.", "asserted"),
    ("{a} kam am Montag in {p} an.", "asserted"), ("{a} ist in {p} angekommen.", "asserted"),
]
PLACES = [("Moskau", "moscow"), ("Peking", "beijing"), ("Pjöngjang", "pyongyang")]
ARRIVALS = [(form.format(a=a, p=p), (ka, V, kp, mod))
            for (form, mod), (a, ka, _, _), (p, kp) in itertools.product(ARRIVAL_FORMS, PAIRS[:2], PLACES)]

SUPPLY_FORMS = ["{a} gab Raketen an {b} weiter.", "{a} gibt Raketen an {b} weiter.",
                "{a} hat Raketen an {b} weitergegeben.", "{B} setzte Raketen aus {ad} ein.",
                "{B} setzt Raketen aus {ad} ein.", "{B} hat Raketen aus {ad} eingesetzt."]
# (supplier nominative, its dative, key, recipient, key)
STATES = [("Russland", "Russland", "russia", "Syrien", "syria"),
          ("Der Iran", "dem Iran", "iran", "Russland", "russia"),
          ("Nordkorea", "Nordkorea", "north_korea", "Russland", "russia")]
SUPPLIES = [(form.format(a=a, ad=ad, b=b, B=b), (ka, S, kb, "asserted"))
            for form, (a, ad, ka, b, kb) in itertools.product(SUPPLY_FORMS, STATES)]

GROUP = ["Wladimir Putin", "Xi Jinping", "Kim Jong Un", "Emmanuel Macron"]
GROUP_KEYS = ["putin", "xi_jinping", "kim_jong_un", "macron"]
NOMINAL = []
for n, noun in itertools.product((2, 3, 4), ("Treffen", "Gespräche", "Begegnung")):
    names = GROUP[:n]
    listed = ", ".join(names[:-1]) + " und " + names[-1]
    article = "Die" if noun in ("Gespräche", "Begegnung") else "Das"
    pairs = {(a, M, b, "asserted") for a, b in itertools.combinations(GROUP_KEYS[:n], 2)}
    NOMINAL.append((f"{article} {noun} zwischen {listed} fand in Paris statt.", pairs))
    NOMINAL.append((f"Es gab ein Treffen zwischen {listed}." if noun == "Treffen"
                    else f"{article} {noun} zwischen {listed} dauerte Stunden.", pairs))
NOMINAL += [
    ("Die Lieferungen von Waffen aus Russland an China gehen weiter.", {("russia", S, "china", "asserted")}),
    ("Die Öllieferungen von Russland an China gehen weiter.", {("russia", S, "china", "asserted")}),
    ("Die Gaslieferungen aus Russland an Serbien wurden fortgesetzt.", {("russia", S, "serbia", "asserted")}),
    ("Wladimir Putin stattete Moskau einen Besuch ab.", {("putin", V, "moscow", "asserted")}),
    ("Am Montag stattete Jana Novak Peking einen Besuch ab.", {("entity:jana-novak", V, "beijing", "asserted")}),
    ("Wladimir Putin hat Peking einen Besuch abgestattet.", {("putin", V, "beijing", "asserted")}),
    ("Wladimir Putin wird Peking einen Besuch abstatten.", {("putin", V, "beijing", "planned")}),
    ("Wladimir Putin schloss mit Xi Jinping einen Vertrag.", {("putin", "signedTreatyWith", "xi_jinping", "asserted")}),
    ("Die Schweiz beschloss Sanktionen gegen Russland.",
     {("switzerland", "imposedSanctionsOn", "russia", "asserted")}),
]

TRAPS = [
    "Die Kritik kam bei Wladimir Putin in Moskau nicht gut an.",
    "Wladimir Putin sagte, die Lage in Moskau sei ernst, es komme aber darauf an.",
    "Ein Telefongespräch zwischen Wladimir Putin und Xi Jinping fand am Montag statt.",
    "Das sagte Wladimir Putin im Gespräch mit der APA.",
    "Bei seinen Gesprächen verteidigte Wladimir Putin auch das Abkommen mit dem Iran.",
    "Wladimir Putin reiste nach Peking. 2.000 Migranten kommen täglich in Serbien an.",
]


@pytest.mark.parametrize(("text", "expected"), MEETINGS + ARRIVALS + SUPPLIES, ids=case_id)
def test_a_separable_verb_in_every_form(text, expected):
    found = facts(run(text))
    assert expected in found, found


@pytest.mark.parametrize(("text", "expected"), NOMINAL, ids=case_id)
def test_nominal_frames(text, expected):
    relations = {f[1] for f in expected}
    assert {f for f in facts(run(text)) if f[1] in relations} == expected


@pytest.mark.parametrize("text", TRAPS, ids=case_id)
def test_look_alikes_give_no_meeting_or_visit(text):
    found = {f for f in facts(run(text)) if f[1] in (M, V) and f[2] in ("xi_jinping", "moscow", "iran", "serbia",
                                                                       "entity:apa", "apa")}
    assert not found


def test_the_paradigm_is_large():
    assert len(MEETINGS) + len(ARRIVALS) + len(SUPPLIES) + len(NOMINAL) >= 100
