"""Actors nobody listed and reference across sentences, as generated paradigms.

* Names no word list knows, standing bare in a sentence with a relation word
  (kg/mentions/bare.py): states by their ending ("Valdoria", "Ostravien", "Nordland"), places
  ("Kleinhausen", "Port Arlen"), companies after "die Firma", people of two unknown words;
  as subject, object after a preposition and bare object, in several tenses.
* Governments by an entity prefix ("US-Regierung", "EU-Führung").
* "das Land", "das Regime" for the last state of the sentences before; "er" for a man, else for
  the person whose gender nobody listed who opens the sentence before.
* Look-alikes: a known common noun, a compound of one ("Drohnenlieferungen"), a word after an
  article, a name the gazetteer blocks (a club), "man" as the subject, a decision "getroffen".
"""
from __future__ import annotations

import itertools

import pytest

from extract_cases import M, S, SANC, T, V, case_id, facts, run

UNLISTED_STATES = [("Valdoria", "entity:valdoria"), ("Ostravien", "entity:ostravien"),
                   ("Tarnesien", "entity:tarnesien"), ("Karvakistan", "entity:karvakistan")]
LISTED_STATES = [("Russland", "russia"), ("Frankreich", "france")]
STATE_FORMS = [("{a} lieferte Munition an {b}.", S), ("{a} liefert Waffen an {b}.", S),
               ("{a} hat Raketen an {b} geliefert.", S), ("Am Montag lieferte {a} Drohnen an {b}.", S),
               ("{a} verhängte Sanktionen gegen {b}.", SANC), ("{a} hat Sanktionen gegen {b} verhängt.", SANC)]
STATES = [(form.format(a=a, b=b), (ka, rel, kb, "asserted"))
          for (form, rel), ((a, ka), (b, kb)) in itertools.product(
              STATE_FORMS, [p for p in itertools.permutations(UNLISTED_STATES + LISTED_STATES, 2)
                            if "entity:" in p[0][1] + p[1][1]][::5])]

PLACES = [("Kleinhausen", "entity:kleinhausen"), ("Arlenburg", "entity:arlenburg"),
          ("Port Arlen", "entity:port-arlen"), ("Vrenadorf", "entity:vrenadorf")]
VISIT_FORMS = ["{a} besuchte {p}.", "{a} hat {p} besucht.", "{a} reiste nach {p}.", "{a} ist nach {p} gereist.",
               "{a} traf am Montag in {p} ein."]
VISITORS = [("Wladimir Putin", "putin"), ("Jana Novak", "entity:jana-novak")]
VISITS = [(form.format(a=a, p=p), (ka, V, kp, "asserted"))
          for form, (a, ka), (p, kp) in itertools.product(VISIT_FORMS, VISITORS, PLACES)]

COMPANIES = [("Die Firma Rheinmetall liefert Munition an die Ukraine.", ("entity:rheinmetall", S, "ukraine")),
             ("Die Firma Lindqvist Defence liefert Munition an die Ukraine.",
              ("entity:lindqvist-defence", S, "ukraine")),
             ("Der Konzern Zellwerk lieferte Drohnen an Russland.", ("entity:zellwerk", S, "russia")),
             ("Der Rüstungskonzern Korvak hat Panzer an Polen geliefert.", ("entity:korvak", S, "poland")),
    ("Die Wagner-Gruppe lieferte Waffen an Mali.", ("entity:wagner-gruppe", S, "mali")),
    ("Die Islamische Republik liefert Drohnen an Russland.", ("iran", S, "russia"))]
GOVERNMENTS = [("Die US-Regierung hat Sanktionen gegen Russland verhängt.", ("usa", SANC, "russia")),
               ("Die US-Armee lieferte Raketen an die Ukraine.", ("usa", S, "ukraine")),
               ("Die EU-Führung verhängte Sanktionen gegen Belarus.", ("eu", SANC, "belarus"))]

REFERENCE = [
    ("Russland rüstet auf. Das Land liefert Raketen an China.", ("russia", S, "china")),
    ("Nordkorea ist isoliert. Das Regime lieferte Granaten an Russland.", ("north_korea", S, "russia")),
    ("Der Iran schweigt. Am Montag hat das Land Drohnen an Russland geliefert.", ("iran", S, "russia")),
    ("Valdoria rüstet auf. Das Land liefert Raketen an China.", ("entity:valdoria", S, "china")),
    ("Tomasz Wieczorek reiste nach Pjöngjang. Dort traf er Wladimir Putin.", ("entity:tomasz-wieczorek", M, "putin")),
    ("Tomasz Wieczorek ist seit Jahren im Amt. Am Montag traf er in Pjöngjang mit Wladimir Putin zusammen.",
     ("entity:tomasz-wieczorek", M, "putin")),
    ("Xi Jinping landete in Moskau. Dort traf er Wladimir Putin.", ("xi_jinping", M, "putin")),
    ("Olaf Scholz reiste nach Paris. Der 65-Jährige traf dort Emmanuel Macron.", ("scholz", M, "macron")),
    ("Annalena Baerbock reiste nach Washington. Dort traf die 41-Jährige Antony Blinken.",
     ("baerbock", M, "blinken")),
]

# (text, the relation that must not come out)
LOOK_ALIKES = [
    ("Die Drohnenlieferungen an Russland gehen weiter.", S),
    ("Die Kritik kam bei den Wählern in Kleinhausen nicht gut an.", V),
    ("Wenn man auf Wladimir Putin trifft, ist Vorsicht geboten.", M),
    ("Es waren Vereinbarungen, die Wladimir Putin mit Xi Jinping traf.", M),
    ("Wladimir Putin hat eine Entscheidung getroffen.", M),
    ("Russland hat das Land angegriffen und liefert Raketen an China.", V),
    ("Jana Novak reiste nach Paris. Dort traf er Wladimir Putin.", M),
    ("Die Austria besiegte Rapid, dann traf die Austria auf Sturm.", M),
]


@pytest.mark.parametrize(("text", "expected"), STATES + VISITS, ids=case_id)
def test_unlisted_states_and_places(text, expected):
    found = facts(run(text))
    assert expected in found, found


@pytest.mark.parametrize(("text", "expected"), COMPANIES + GOVERNMENTS + REFERENCE, ids=case_id)
def test_companies_governments_and_reference(text, expected):
    assert {f[:3] for f in facts(run(text)) if f[1] == expected[1]} == {expected}


@pytest.mark.parametrize(("text", "relation"), LOOK_ALIKES, ids=case_id)
def test_look_alikes(text, relation):
    assert not {f for f in facts(run(text)) if f[1] == relation}


def test_an_unlisted_name_is_typed_by_its_ending():
    entities = {e.key: e.cls for e in run("Valdoria lieferte Munition an Kleinhausen.").entities}
    assert entities["entity:valdoria"] == "State" and entities["entity:kleinhausen"] == "Place"


def test_the_paradigm_is_large():
    assert len(STATES) + len(VISITS) + len(COMPANIES) + len(GOVERNMENTS) + len(REFERENCE) >= 80


# compound epithets ("der Linkspolitiker", "die Grünen-Politikerin") for the last person of that
# gender, or a man whose gender nobody listed; a person minted under one word of a longer minted
# name in the same article is that person ("Präsident Lula" … "Luiz Inácio Lula da Silva")
EPITHET_FORMS = ["{full} ist in Peking eingetroffen. {epithet} traf Xi Jinping.",
                 "{full} reiste nach Peking. Am Montag wurde {low} von Xi Jinping empfangen."]
EPITHETS = [
    (form.format(full=full, epithet=epithet, low=epithet[0].lower() + epithet[1:]), M)
    for form, full, epithet in itertools.product(
        EPITHET_FORMS, ["Luiz Inácio Lula da Silva", "Tomasz Wieczorek", "Wladimir Putin"],
        ["Der Linkspolitiker", "Der Spitzendiplomat", "Der Sozialdemokrat"])
] + [("Annalena Baerbock ist in Peking eingetroffen. Die Grünen-Politikerin traf Xi Jinping.", M)]
SHORT_MINTED = [
    ("Präsident Lula in Peking eingetroffen\n\nPräsident Luiz Inácio Lula da Silva ist in Peking eingetroffen.",
     {"entity:luiz-inacio-lula-da-silva"}),
    ("Ministerin Novak reist nach Paris\n\nJana Novak reiste am Montag nach Paris.", {"entity:jana-novak"}),
]


@pytest.mark.parametrize(("text", "relation"), EPITHETS, ids=case_id)
def test_compound_epithets(text, relation):
    """The epithet is the visitor of the sentence before: one entity visits and meets."""
    found = {f[:3] for f in facts(run(text))}
    visitors = {s for s, rel, o in found if rel == V}
    met = {s for s, rel, o in found if rel == relation and o == "xi_jinping"} \
        | {o for s, rel, o in found if rel == relation and s == "xi_jinping"}
    assert len(visitors) == 1 and met == visitors, found


@pytest.mark.parametrize(("text", "visitors"), SHORT_MINTED, ids=case_id)
def test_a_short_minted_name_is_the_longer_one(text, visitors):
    assert {f[0] for f in facts(run(text)) if f[1] == V} == visitors


def test_a_woman_is_no_compound_epithets_man():
    assert not {f for f in facts(run("Jana Novak ist in Peking eingetroffen. Der Linkspolitiker traf Xi Jinping."))
                if f[1] == M}


# a role title as a definite description ("der Kanzler", "die Außenministerin", "der Präsident"), no
# name after it: the last person named before who holds that role, else the last of its gender
ROLE_FORMS = ["{full} reiste nach Paris. {title} traf dort Emmanuel Macron.",
              "{full} reiste nach Paris. Am Montag traf {low} dort Emmanuel Macron."]
ROLE_DESCRIPTIONS = [
    (form.format(full=full, title=title, low=title[0].lower() + title[1:]), (key, M, "macron"))
    for form, (full, title, key) in itertools.product(ROLE_FORMS, [
        ("Olaf Scholz", "Der Kanzler", "scholz"), ("Annalena Baerbock", "Die Außenministerin", "baerbock"),
        ("Wladimir Putin", "Der Präsident", "putin"), ("Jana Novak", "Die Ministerin", "entity:jana-novak"),
        ("Tomasz Wieczorek", "Der Minister", "entity:tomasz-wieczorek")])
]


@pytest.mark.parametrize(("text", "expected"), ROLE_DESCRIPTIONS, ids=case_id)
def test_role_titles_as_definite_descriptions(text, expected):
    assert expected in {f[:3] for f in facts(run(text))}


@pytest.mark.parametrize("text", ["Olaf Scholz reiste nach Kiew. Die Außenministerin traf dort Selenskyj.",
                                  "Der Präsident reiste nach Kiew und traf Selenskyj."])
def test_a_role_title_refers_to_no_one_of_another_gender_or_unnamed(text):
    found = {f[:3] for f in facts(run(text)) if f[1] == M}
    assert not found or all(f[0] != "scholz" for f in found), found
    if text.startswith("Der"):
        assert not found


# a single word the word lists know but no dictionary holds, a proper noun by its own shape (HanTa), in a
# subject's place next to a singular finite verb: a company ("Rheinmetall", "Lukoil") or a first name used
# alone ("Lula"); a common noun the dictionary lacks ("Munition") stays none, an object first or not
SINGLE_NAMES = [("Rheinmetall", "entity:rheinmetall"), ("Lukoil", "entity:lukoil"), ("Lula", "entity:lula")]
SINGLE_FRAMES = [("{n} liefert Munition an die Ukraine.", (S, "ukraine", "asserted")),
                 ("Gestern lieferte {n} Munition an die Ukraine.", (S, "ukraine", "asserted")),
                 ("{n} hat der Ukraine Munition geliefert.", (S, "ukraine", "asserted")),
                 ("{n} soll Munition an die Ukraine geliefert haben.", (S, "ukraine", "alleged")),
                 ("{n} reiste am Montag nach Peking.", (V, "beijing", "asserted")),
                 ("Am Montag reiste {n} nach Peking.", (V, "beijing", "asserted")),
                 ("{n} wird im Oktober Peking besuchen.", (V, "beijing", "planned"))]
SINGLE_CASES = [(frame.format(n=n), (k, rel, obj, modality))
                for (n, k), (frame, (rel, obj, modality)) in itertools.product(SINGLE_NAMES, SINGLE_FRAMES)]


@pytest.mark.parametrize(("text", "expected"), SINGLE_CASES, ids=case_id)
def test_a_single_proper_noun_as_subject(text, expected):
    assert {f for f in facts(run(text)) if f[1] == expected[1]} == {expected}


@pytest.mark.parametrize(("text", "expected"), [
    ("Munition liefert Russland an Syrien.", {("russia", S, "syria", "asserted")}),
    ("Kampfjets liefert Frankreich an Indien.", {("france", S, "india", "asserted")}),
    ("Die Sitze der Konzerne Boeing und Microsoft will Xi besuchen.", set()),
])
def test_a_common_noun_or_a_phrase_is_no_single_name(text, expected):
    assert {f for f in facts(run(text)) if f[1] in {S, V, M}} == expected


# a state's genitive before a noun of its government is that government, listed or not, in every tense and order
GEN_STATES = [("Russlands", "russia"), ("Chinas", "china"), ("Irans", "iran"), ("Valdorias", "entity:valdoria")]
GEN_NOUNS = ["Regierung", "Führung", "Armee", "Delegation"]
GEN_FORMS = [("{g} {n} lieferte Drohnen an {r}.", S, "asserted"), ("{g} {n} hat Drohnen an {r} geliefert.", S, "asserted"),
             ("Gestern lieferte {g} {n} Drohnen an {r}.", S, "asserted"),
             ("{g} {n} verhängte Sanktionen gegen {r}.", SANC, "asserted"),
             ("{g} {n} bestreitet, Drohnen an {r} geliefert zu haben.", S, "denied")]
GEN_CASES = [(form.format(g=g, n=n, r="Ostravien"), (kg, rel, "entity:ostravien", modality))
             for (g, kg), n, (form, rel, modality) in itertools.product(GEN_STATES, GEN_NOUNS, GEN_FORMS)]


@pytest.mark.parametrize(("text", "expected"), GEN_CASES, ids=case_id)
def test_a_states_genitive_before_its_government_noun_is_that_state(text, expected):
    assert facts(run(text)) == {expected}


@pytest.mark.parametrize("text", ["Russlands Wirtschaft leidet unter den Sanktionen.",
                                  "Russlands Regierung unter Leitung von Mischustin tagte."])
def test_a_states_genitive_before_another_noun_does_nothing(text):
    assert not facts(run(text))


# a plural government noun before coordinated genitives of states: those states act together
PLURAL_GOV_FORMS = [("Die Regierungen {x} und {y} unterzeichneten einen Vertrag.", T),
                    ("Die Regierungen {x} und {y} trafen sich in Genf.", M),
                    ("Am Montag kamen die Regierungen {x} und {y} in Genf zusammen.", M)]
PLURAL_GOV_CASES = [(form.format(x=x, y=y), (tuple(sorted((kx, ky))), rel))
                    for (x, kx), (y, ky) in itertools.combinations(GEN_STATES, 2) for form, rel in PLURAL_GOV_FORMS]


@pytest.mark.parametrize(("text", "expected"), PLURAL_GOV_CASES, ids=case_id)
def test_governments_of_coordinated_states_act_together(text, expected):
    assert {(tuple(sorted((f[0], f[2]))), f[1]) for f in facts(run(text))} == {expected}
