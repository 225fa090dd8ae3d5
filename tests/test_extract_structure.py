"""Arguments from clause structure, generated over names: a short parenthesis is an aside
("Olaf Scholz (SPD) und …", "(65)"), not a dateline unless a dash follows it; the passive
"wurde … empfangen" takes its agent from "von"; "lassen" hands the action to its object; the
subject of a main clause after a subordinate one is its own ("Wenn X …, trifft er Y"), and
nobody meets themselves; compounds name people ("Putin-Besuch", "Merkel-Putin-Treffen");
Slavic surnames in every transliteration ("Selenski", "Selenskij"); traps: goals with their
minute "(54.)", "trifft auf den Sieger", "Entscheidungen getroffen"."""
from __future__ import annotations

import itertools

import pytest

from extract_cases import M, S, T, V, case_id, facts, run

PEOPLE = [("Olaf Scholz", "scholz"), ("Emmanuel Macron", "macron"), ("Wladimir Putin", "putin"),
          ("Xi Jinping", "xi_jinping")]
ASIDES = ["(SPD)", "(65)", "(links)", "(Archivbild)"]


def _pairs():
    return [(a, b) for a, b in itertools.permutations(PEOPLE, 2)][::3]


PARENTHESES = [
    (form.format(a=a, b=b, x=x), {(ka, M, kb)})
    for ((a, ka), (b, kb)), x, form in itertools.product(
        _pairs(), ASIDES, ["{a} {x} und {b} trafen sich in Paris.", "{a} {x} traf {b} in Paris.",
                           "Am Montag traf {a} {x} in Paris mit {b} zusammen."])
]
PASSIVES = [
    (form.format(a=a, b=b), {(kb, M, ka)})
    for ((a, ka), (b, kb)), form in itertools.product(
        _pairs(), ["{a} wurde von {b} empfangen.", "{a} wurde am Montag in Moskau von {b} empfangen.",
                   "{a} ist von {b} empfangen worden."])
]
MAIN_AFTER_SUBORDINATE = [
    (f"Nachdem {a} in Peking eingetroffen war, traf er {b}.", {(ka, M, kb)})
    for (a, ka), (b, kb) in _pairs()
]
COMPOUNDS = [
    ("Der Putin-Besuch in Pjöngjang dauerte zwei Tage.", {("putin", V, "pyongyang")}),
    ("Der Scholz-Besuch in Paris war kurz.", {("scholz", V, "paris")}),
    ("Das Merkel-Putin-Treffen fand in Sotschi statt.", {("merkel", M, "putin")}),
    ("Das Putin-Treffen mit Xi Jinping fand in Moskau statt.", {("putin", M, "xi_jinping")}),
]
VARIANTS = [
    (f"{name} traf Olaf Scholz in Berlin.", {("zelensky", M, "scholz")})
    for name in ("Selenskyj", "Selenski", "Selensky", "Selenskij", "Wolodymyr Selenskij")
]
CAUSATIVES = [
    ("Die Regierung ließ den Minister nicht nach Moskau reisen.", set()),
    ("Israel ließ die Delegation nicht nach Gaza reisen.", set()),
    ("Israel ließ Wladimir Putin nicht nach Jerusalem reisen.", {("putin", V, "jerusalem")}),
    ("Russland ließ Waffen an Syrien liefern.", {("russia", S, "syria")}),
]
TRAPS = [
    ("Julian Brandt (54.), Karim Bellarabi (56.) und Chicharito (60.) trafen innerhalb von sechs Minuten.", M),
    ("Neben ihm trafen Cristian Brolli mit einem Eigentor (30.) sowie Harry Kane (77.).", M),
    ("Sollte sich Dominic Thiem durchsetzen, trifft er auf den Sieger des Duells zwischen Gilles Simon "
     "und Ivo Karlovic.", M),
    ("Wladimir Putin hat mit Xi Jinping eine Entscheidung getroffen.", M),
    ("Die Gespräche führen die Europäische Union (EU), die Europäische Zentralbank (EZB) sowie der "
     "Internationale Währungsfonds (IWF).", M),
    ("Wenn Olaf Scholz sie empfängt, steht der Konflikt zwischen Russland und der Ukraine im Mittelpunkt.", M),
    ("Es kommt zu Protesten in Paris.", V),
    ("Die Flüchtlinge kommen nach Österreich.", V),
]
STATES = [("Frankreich", "france", "Frankreich"), ("China", "china", "China"), ("Polen", "poland", "Polen")]
# one-word compounds, apposition nouns before a name, weapon systems, "kommen" as travel
WORDS_AND_PHRASES = [
    (f"Der {name}besuch von Olaf Scholz dauerte zwei Tage.", {("scholz", V, key)}) for name, key, _ in STATES
] + [
    (f"Olaf Scholz hat eine {name}reise angekündigt.", {("scholz", V, key)}) for name, key, _ in STATES
] + [
    (f"Die USA verhängten Sanktionen gegen {noun} {name}.", {("usa", "imposedSanctionsOn", key)})
    for (name, key, _), noun in itertools.product(STATES, ["den NATO-Partner", "das Nachbarland", "den Verbündeten"])
] + [
    (f"Russland lieferte {item} an {name}.", {("russia", S, key)})
    for (name, key, _), item in itertools.product(STATES, ["das Raketenabwehrsystem S-400", "Haubitzen",
                                                          "Marschflugkörper"])
] + [
    (f"Olaf Scholz kommt am Montag nach {name}.", {("scholz", V, key)}) for name, key, _ in STATES
] + [
    (f"Olaf Scholz ist nach {name} gekommen.", {("scholz", V, key)}) for name, key, _ in STATES
]
# coordinated places of any length, after a verb that ends like an adjective ("besuchte")
PLACE_LISTS = [
    (form.format(places=" und ".join([", ".join(names[:-1]), names[-1]]) if len(names) > 2
                 else " und ".join(names)), {("putin", V, key) for key in keys})
    for form in ("Wladimir Putin besuchte {places}.", "Wladimir Putin reiste nach {places}.",
                 "Der Besuch von Wladimir Putin in {places} dauerte eine Woche.")
    for names, keys in ((["Moskau", "Peking"], ["moscow", "beijing"]),
                        (["China", "Nordkorea", "Vietnam"], ["china", "north_korea", "vietnam"]),
                        (["Frankreich", "Polen", "Kleinhausen", "Ungarn"],
                         ["france", "poland", "entity:kleinhausen", "hungary"]))
]
DATELINES = [
    ("Moskau (APA) – Wladimir Putin traf Xi Jinping.", {("putin", M, "xi_jinping")}),
    ("Wien (APA) – Russland und China unterzeichneten ein Abkommen.", {("russia", T, "china")}),
]


def _symmetric(found: set, relation: str) -> set:
    """(subject, relation, object) of ``relation``, a symmetric one in one order."""
    out = set()
    for s, r, o, _ in found:
        if r == relation:
            out.add((s, r, o) if relation not in (M, T) or s < o else (o, r, s))
    return out


def _ordered(expected: set) -> set:
    return {(s, r, o) if r not in (M, T) or s < o else (o, r, s) for s, r, o in expected}


@pytest.mark.parametrize(("text", "expected"),
                         PARENTHESES + PASSIVES + MAIN_AFTER_SUBORDINATE + COMPOUNDS + VARIANTS + CAUSATIVES
                         + WORDS_AND_PHRASES + PLACE_LISTS + DATELINES, ids=case_id)
def test_arguments_from_clause_structure(text, expected):
    relations = {r for _, r, _ in expected} or {V}
    found = set().union(*(_symmetric(facts(run(text)), r) for r in relations))
    assert found == _ordered(expected)


@pytest.mark.parametrize(("text", "relation"), TRAPS, ids=case_id)
def test_traps(text, relation):
    assert not {f for f in facts(run(text)) if f[1] == relation}


def test_the_paradigm_is_large():
    assert len(PARENTHESES) + len(PASSIVES) + len(MAIN_AFTER_SUBORDINATE) >= 50


# a participle used as an adjective: the plan that came true ("Das lange erwartete Treffen … fand
# statt"), a treaty signed by those "zwischen"/"von" whom the participle names, in every case
ATTRIBUTE_ADVERBIALS = ["lange", "mit Spannung", "seit Wochen"]
STATE_PAIRS = [(("China", "china"), ("Russland", "russia")), (("Armenien", "armenia"), ("Aserbaidschan", "azerbaijan"))]
CAME_TRUE = [
    (form.format(x=x, a=a, b=b), {(ka, M, kb, "asserted")})
    for x, ((a, ka), (b, kb)), form in itertools.product(
        ATTRIBUTE_ADVERBIALS, STATE_PAIRS,
        ["Das {x} erwartete Treffen zwischen {a} und {b} fand am Montag statt.",
         "Das {x} geplante Treffen von {a} und {b} hat begonnen.",
         "Am Montag fand das {x} erwartete Treffen zwischen {a} und {b} statt."])
]
SIGNED_ATTRIBUTE = [
    (form.format(a=a, b=b), {(ka, T, kb, "asserted")})
    for ((a, ka), (b, kb)), form in itertools.product(
        STATE_PAIRS, ["Der zwischen {a} und {b} geschlossene Vertrag gilt zehn Jahre.",
                      "Der von {a} und {b} geschlossene Vertrag gilt zehn Jahre.",
                      "Das 2001 von {a} und {b} unterzeichnete Abkommen wurde verlängert.",
                      "Die Bedeutung des zwischen {a} und {b} geschlossenen Abkommens wächst.",
                      "Das von {a} und {b} geschlossene Abkommen sieht Hilfen vor."])
]


@pytest.mark.parametrize(("text", "expected"), CAME_TRUE + SIGNED_ATTRIBUTE, ids=case_id)
def test_a_participle_as_an_adjective(text, expected):
    relation = next(iter(expected))[1]
    assert {f for f in facts(run(text)) if f[1] == relation} == expected


# a subordinator that is also a preposition ("während", "seit", "bis") opens a clause whose subject
# it does not govern ("Während Biden in Tokio war": Biden was there; "während des Besuchs" is a phrase);
# a supplier's bare dative is in its own clause, not the next one's subject ("Weil Russland Waffen
# liefert, verhängt die EU …": the EU receives nothing)
SUBORDINATORS = ["Während", "Als", "Nachdem"]
CLAUSE_SUBJECTS = [
    (f"{sub} {a} in {p} war, traf er {b}.", {(ka, V, kp, "asserted"), (ka, M, kb, "asserted")})
    for sub, ((a, ka), (b, kb)), (p, kp) in itertools.product(
        SUBORDINATORS, [(("Joe Biden", "biden"), ("Fumio Kishida", "kishida")),
                        (("Tomasz Wieczorek", "entity:tomasz-wieczorek"), ("Xi Jinping", "xi_jinping"))],
        [("Tokio", "tokyo"), ("Peking", "beijing")])
]
OWN_CLAUSE_DATIVES = [
    (f"{sub} {a} Waffen liefert, verhängt {b} Sanktionen gegen {c}.", {(kb, "imposedSanctionsOn", kc, "asserted")})
    for sub, (a, _), ((b, kb), (c, kc)) in itertools.product(
        ["Während", "Weil", "Da", "Obwohl"], [("Russland", "russia"), ("Valdoria", "entity:valdoria")],
        [(("die EU", "eu"), ("Moskau", "russia")), (("die USA", "usa"), ("Teheran", "iran"))])
]


@pytest.mark.parametrize(("text", "expected"), CLAUSE_SUBJECTS, ids=case_id)
def test_a_subordinator_that_is_a_preposition_opens_a_clause(text, expected):
    assert {f for f in facts(run(text)) if f[1] in {V, M}} == expected


@pytest.mark.parametrize(("text", "expected"), OWN_CLAUSE_DATIVES, ids=case_id)
def test_a_suppliers_dative_is_in_its_own_clause(text, expected):
    assert facts(run(text)) == expected
