"""Modality from the form of the sentence, generated over relations and subjects: a condition
("falls", "sofern", "wenn" in the present, verb-first "Sollte …") makes the whole sentence
planned, the Konjunktiv II ("könnte", "würde", "hätte … geliefert") its clause planned, but
not in reported speech; a question is alleged; a source with no name ("Laut Medienberichten")
reports; a suspect in the passive ("wird verdächtigt, … zu liefern") is the agent of the
infinitive, alleged; refusing ("weigerte sich, … zu liefern") negates."""
from __future__ import annotations

import itertools

import pytest

from extract_cases import M, S, SANC, V, case_id, facts, run

# (clause with {a} the subject: present, Konjunktiv II, relation, object key)
CLAUSES = [
    ("{a} Waffen an Syrien liefert", "{a} könnte Waffen an Syrien liefern", S, "syria"),
    ("{a} Sanktionen gegen Syrien verhängt", "{a} würde Sanktionen gegen Syrien verhängen", SANC, "syria"),
    ("{a} Peking besucht", "{a} könnte Peking besuchen", V, "beijing"),
    ("{a} Xi Jinping trifft", "{a} würde Xi Jinping treffen", M, "xi_jinping"),
]
SUBJECTS = [("Russland", "russia"), ("Frankreich", "france"), ("Jana Novak", "entity:jana-novak")]
PEOPLE_ONLY = {V, M}


def _cases():
    for (clause, subjunctive, relation, o_key), (a, key) in itertools.product(CLAUSES, SUBJECTS):
        if relation in PEOPLE_ONLY and key != "entity:jana-novak":
            a, key = "Wladimir Putin", "putin"
        fact = (key, relation, o_key)
        yield f"Falls {clause.format(a=a)}, gibt es Streit.", fact, "planned"
        yield f"Sofern {clause.format(a=a)}, gibt es Streit.", fact, "planned"
        yield f"Wenn {clause.format(a=a)}, gibt es Streit.", fact, "planned"
        yield f"{subjunctive.format(a=a)}.", fact, "planned"


PERFECT = {S: "{a} hat Waffen an Syrien geliefert", SANC: "{a} hat Sanktionen gegen Syrien verhängt",
           V: "{a} hat Peking besucht", M: "{a} hat Xi Jinping getroffen"}


def _sourced_and_asked():
    for relation, clause in PERFECT.items():
        a, key = ("Wladimir Putin", "putin") if relation in PEOPLE_ONLY else ("Russland", "russia")
        o_key = {S: "syria", SANC: "syria", V: "beijing", M: "xi_jinping"}[relation]
        text = clause.format(a=a)
        verb_first = "Hat " + text.replace(" hat ", " ", 1)
        yield f"Laut Medienberichten {text.replace(a + ' hat', 'hat ' + a, 1)}.", (key, relation, o_key), "reported"
        yield f"{verb_first}?", (key, relation, o_key), "alleged"
        yield f"{text}, sagte ein Sprecher.", (key, relation, o_key), "reported"


CASES = list(_cases()) + list(_sourced_and_asked())

FIXED = [
    ("Sollte Wladimir Putin nach Peking reisen, trifft er Xi Jinping.", ("putin", M, "xi_jinping"), "planned"),
    ("Wenn Wladimir Putin nach Peking reist, trifft er Xi Jinping.", ("putin", M, "xi_jinping"), "planned"),
    ("Wenn Wladimir Putin nach Peking reiste, traf er Xi Jinping.", ("putin", M, "xi_jinping"), "asserted"),
    ("Russland hätte Waffen an Syrien geliefert, wenn der Krieg weitergegangen wäre.",
     ("russia", S, "syria"), "planned"),
    ("Russland hätte Waffen an Syrien geliefert, sagte Sergej Lawrow.", ("russia", S, "syria"), "reported"),
    ("Nordkorea wird verdächtigt, Raketen an Russland geliefert zu haben.", ("north_korea", S, "russia"), "alleged"),
    ("Nordkorea wird von den USA verdächtigt, Raketen an Russland zu liefern.",
     ("north_korea", S, "russia"), "alleged"),
    ("Nordkorea steht im Verdacht, Raketen an Russland zu liefern.", ("north_korea", S, "russia"), "alleged"),
    ("Der Iran weigerte sich, Drohnen an Russland zu liefern.", ("iran", S, "russia"), "negated"),
    ("Im Falle eines Angriffs liefert Russland Waffen an Nordkorea.", ("russia", S, "north_korea"), "planned"),
    ("Wladimir Putin wird China, Nordkorea und Vietnam besuchen.", ("putin", V, "vietnam"), "planned"),
    ("Wladimir Putin werde von Samstag bis zum 8. Februar China, Nordkorea und Vietnam besuchen, teilte ein "
     "Sprecher mit.", ("putin", V, "vietnam"), "planned"),
    ("Russland liefert Nordkorea im Falle eines Angriffs Waffen.", ("russia", S, "north_korea"), "planned"),
    ("Beim Fallschirmsprung traf Wladimir Putin Xi Jinping.", ("putin", M, "xi_jinping"), "asserted"),
    ("Gleichzeitig beschuldigt die Ukraine Nordkorea, habe Raketen an Russland geliefert.",
     ("north_korea", S, "russia"), "alleged"),
    ("Die Ukraine beschuldigte Nordkorea, Raketen an Russland geliefert zu haben.",
     ("north_korea", S, "russia"), "alleged"),
    ("Nach südkoreanischen Angaben hat Nordkorea Raketen an Russland geliefert.",
     ("north_korea", S, "russia"), "reported"),
    ("Laut einem Sprecher des Kremls hat Nordkorea Raketen an Russland geliefert.",
     ("north_korea", S, "russia"), "reported"),
]
NAMED_SOURCES = [
    ("Nach Angaben von Kremlchef Wladimir Putin hat Nordkorea Raketen an Russland geliefert.", "putin"),
    ("Nach Angaben aus dem Weißen Haus hat Nordkorea Raketen an Russland geliefert.", "white_house"),
    ("Laut Südkorea hat Nordkorea Raketen an Russland geliefert.", "south_korea"),
    ("Laut dem Kreml hat Nordkorea Raketen an Russland geliefert.", "kremlin"),
    ("Laut Medienberichten hat Nordkorea Raketen an Russland geliefert.", None),
]


@pytest.mark.parametrize(("text", "fact", "modality"), CASES + FIXED, ids=case_id)
def test_the_form_of_the_sentence_sets_the_modality(text, fact, modality):
    found = {f[3] for f in facts(run(text)) if f[:3] == fact}
    assert found == {modality}


@pytest.mark.parametrize(("text", "source"), NAMED_SOURCES, ids=case_id)
def test_a_named_source_is_the_claimant_an_unnamed_one_none(text, source):
    (statement,) = run(text).statements
    assert (statement.subject, statement.modality, statement.attributed_to) == ("north_korea", "reported", source)


def test_the_paradigm_is_large():
    assert len(CASES) >= 50
