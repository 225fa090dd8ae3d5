"""The seed articles' sentences, one at a time: sentence -> expected statements."""
from __future__ import annotations

import pytest

from extract_cases import AGREED, S, SANC, T, V, VETO, case_id, facts, run


SEED_SENTENCES = [
    ("Nordkorea liefert Raketen und Artilleriegranaten an Russland.",
     {("north_korea", S, "russia", "asserted")}),
    ("Der am Mittwoch von Putin und Nordkoreas Machthaber Kim Jong Un in Pjöngjang unterzeichnete "
     "Vertrag über eine allumfassende strategische Zusammenarbeit beinhaltet demnach auch gegenseitige Hilfe.",
     {("putin", T, "kim_jong_un", "asserted")}),
    ("Belarus habe Russland wie gewünscht 60 000 Tonnen Benzin und Diesel geliefert, um den "
     "Treibstoffmarkt zu stabilisieren, sagte Lukaschenko russischen Agenturen zufolge.",
     {("belarus", S, "russia", "reported")}),
    ("Im vergangenen Jahr soll nach Angaben aus dem Weißen Haus die Lieferung von nordkoreanischen "
     "Raketen und Artilleriemunition an Russland vereinbart worden sein.",
     {("north_korea", S, "russia", "reported")}),
    ("Im Angriffskrieg gegen die Ukraine hat Russland nicht nur Artilleriemunition, sondern zuletzt "
     "angeblich auch ballistische Raketen aus Nordkorea eingesetzt.",
     {("north_korea", S, "russia", "alleged")}),
    ("Westliche Staaten verdächtigen Moskau, trotz der Sanktionen Technologien an Pjöngjang weiterzureichen.",
     {("russia", S, "north_korea", "alleged")}),
    ("Mit Blick auf westliche Waffenlieferungen an die Ukraine drohte Russlands Präsident zudem zuletzt "
     "damit, Präzisionswaffen an Nordkorea zu liefern.",
     {("west", S, "ukraine", "asserted"), ("putin", S, "north_korea", "planned")}),
    ("Sowohl gegen Russland als auch gegen Nordkorea hat der Westen Sanktionen verhängt.",
     {("west", SANC, "russia", "asserted"), ("west", SANC, "north_korea", "asserted")}),
    ("Pjöngjang unterliegt wegen seines Atomwaffen- und Raketenprogramms zahlreichen UN-Sanktionen.",
     {("un", SANC, "north_korea", "asserted")}),
    ("Russland hat zusammen mit China wiederholt die von den USA angeführten Initiativen zur Verhängung "
     "neuer UN-Sanktionen gegen Nordkorea wegen seiner Waffentests blockiert.",
     {("russia", VETO, "north_korea", "asserted"), ("china", VETO, "north_korea", "asserted")}),
    ("Schon Ende März hatte Russland seine Vetomacht im Weltsicherheitsrat in New York dafür eingesetzt, "
     "einem Expertengremium zur Beobachtung Nordkoreas das Mandat zu entziehen.",
     {("russia", VETO, "north_korea", "asserted")}),
    ("Es folgte ein Besuch des russischen Außenministers Sergej Lawrow in Pjöngjang.",
     {("lavrov", V, "pyongyang", "asserted")}),
    ("Eine Reise Putins nach Nordkorea steht noch aus.",
     {("putin", V, "north_korea", "planned")}),
    ("Bei einem Staatsbesuch in Pjöngjang hatte Putin mit Kim Jong Un ein neues Partnerschaftsabkommen unterzeichnet.",
     {("putin", V, "pyongyang", "asserted"), ("putin", T, "kim_jong_un", "asserted")}),
    ("Im September vergangenen Jahres war Kim Jong-un in den Fernen Osten Russlands gereist.",
     {("kim_jong_un", V, "russian_far_east", "asserted")}),
    ("Die Atommächte Russland und Nordkorea haben nach Angaben von Kremlchef Wladimir Putin einen "
     "gegenseitigen Beistand vereinbart.",
     {("russia", AGREED, "north_korea", "reported")}),
]


@pytest.mark.parametrize(("text", "expected"), SEED_SENTENCES, ids=case_id)
def test_seed_sentences(text, expected):
    assert facts(run(text)) == expected
