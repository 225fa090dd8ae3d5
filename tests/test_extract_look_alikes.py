"""Look-alikes: sentences with a relation word that must give nothing.

German sentence -> expected (subject, relation, object, modality), one-sentence articles
made by :func:`extract_cases.run`.
"""
from __future__ import annotations

import pytest

from extract_cases import case_id, facts, run, without_agreed


NOTHING = [
    "Die Rakete hat das Gebäude getroffen.",
    "Der Stürmer traf das Tor.",
    "Russland und die Ukraine liefern sich heftige Gefechte.",
    "Lieferengpässe belasten die Wirtschaft Russlands.",
    "Die Schüler besuchen den Unterricht in Moskau.",
    "Die Besucherzahlen in Moskau steigen.",
    "Das Treffen wurde abgesagt.",
    "Putin sprach über die Lage in der Ukraine.",
    "Aber Moskau verletze keine internationalen Sanktionen gegen das wegen seiner Atompläne geächtete Land.",
    "Putins Besuch soll die Beziehungen zu Nordkoreas Staatschef Kim Jong-un stärken.",
    "Dort haben Putin und Kim Jong Un militärische Einrichtungen besucht.",
    "Russland verbraucht riesige Mengen an Waffen und Munition.",
    "Die Zusammenarbeit sei friedlich, sagte Kim Jong Un über das Abkommen.",
    "Wir treffen einander in Moskau in einem kritischen Moment, Putin bombardiert Syrien.",
    "Bisher habe Merkel das Thema Asyl Innenminister Thomas de Maizière überlassen.",
    "Bisher habe Russland der Ukraine das Feld geliefert.",
    # sports pages: teams named after states play, they do not meet, visit or supply
    "Österreich trifft im EM-Qualifikationsspiel auf Russland.",
    "Österreich traf im Länderspiel auf Russland und gewann 1:0.",
    "Im Finale treffen Deutschland und Frankreich aufeinander.",
    "Russland besiegte die Ukraine im Finale mit 3:1.",
    "Deutschland liefert sich mit Frankreich ein spannendes Duell.",
    "Der Stürmer aus Brasilien traf zweimal für Deutschland.",
    "Die Ukraine kassierte in Frankreich eine Niederlage.",
    "Bayern München trifft in der Champions League auf Real Madrid.",
    "Die Schweiz schloss das Spiel gegen Frankreich mit einem Sieg ab.",
    "Der Spieler wechselt von Russland nach Deutschland.",
    "Der Tormann Ilie Cebanu wehrt einen Schuss zu kurz ab, Junuzovic trifft via Innenstange zum 1:0.",
    "Putin trifft zum 2:1.",
    "Suarez trifft viermal, Messi dreimal.",
    # an office handed over is no goods supplied
    "Nach der Wahl soll Lindner sein Mandat 2018 an Dominik Reisinger übergeben.",
    "Russland übergab der Ukraine den Vorsitz.",
    # "auf X treffen" faces X (an election, a match)
    "Ob er dann auf den Grünen Alexander Van der Bellen oder den Freiheitlichen Norbert Hofer treffen werde, sei egal.",
    # economy pages: markets, prices and companies nobody listed
    "Die Exporte nach Russland brachen ein.",
    "China liefert sich einen Handelskrieg mit den USA.",
    "Die Lieferung der Ukraine-Hilfe verzögert sich.",
    "Der Ölpreis traf Russland hart.",
    "Die Sanktionen gegen Russland treffen auch österreichische Firmen.",
    "Das Unternehmen liefert Turbinen an Siemens.",
    # tourists and visitor numbers
    "Die Touristen besuchen Moskau gern im Sommer.",
    "Die Zahl der Besucher aus China stieg.",
    "Der Besuch beim Arzt in Wien dauerte lange.",
    "Die Nationalmannschaft Russlands besuchte ein Spital in Moskau.",
    # sanctions weighed, lifted or only feared are not imposed
    "Die EU hob die Sanktionen gegen den Iran auf.",
]


# from news pages beyond the seeds (an agreedWith found beside them is not checked)
NEWS = [
    ("Die Sanktionen haben Russland schwer getroffen.", set()),
    # a sports club is not a capital standing for its government
    ("London – Paris Saint Germain ist zum Achtelfinale nach London gereist.", set()),
    # a comma list ending in "und" is one group, all behind its preposition
    ("Bisher seien Flüchtlinge in Griechenland, Italien, Spanien und Malta angekommen.", set()),
    # "Wer … reist" names nobody
    ("Wer ohne Visum von Griechenland kommend nach Österreich reist, wird nicht durchgelassen.", set()),
    # "fliegt Luftangriffe in Syrien" is no trip
    ("Russland fliegt seit Ende September Luftangriffe auf Rebellen in Syrien.", set()),
    # a visit owned by someone unknown is not the clause subject's
    ("Ecuador, Bolivien und Paraguay sind die Stationen der Auslandsreise des Pontifex.", set()),
    ("Großbritannien verliere den Zugang zu Ländern, mit denen die EU Zollfreiheit vereinbart habe.", set()),
    ("Im Streit um die Iran-Sanktionen gab es keine Einigung.", set()),
    # people in the genitive before a noun own it: their law firms signed, not they;
    # but "Putins Besuch" is Putin's visit and "Chinas Regierung" is China
    ("Kanzler Victor Ponta und Dan Sova sind Freunde. Die zwischen Pontas und Sovas Anwaltskanzleien "
     "unterzeichnete Kooperationsvereinbarung bezog sich auf Verträge.", set()),
    ("Russland kritisiert die Regierung in Kiew, die mit der EU Gespräche geschlossen hat.", set()),
    # nothing supplied, nothing extracted
    ("Österreich versorgt die Flüchtlinge in Ungarn.", set()),
]


@pytest.mark.parametrize("text", NOTHING, ids=case_id)
def test_look_alikes_give_nothing(text):
    assert facts(run(text)) == set()


@pytest.mark.parametrize(("text", "expected"), NEWS, ids=case_id)
def test_look_alikes_in_the_news(text, expected):
    assert without_agreed(facts(run(text))) == expected
