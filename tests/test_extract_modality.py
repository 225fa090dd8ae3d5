"""Modality: hedges and sources, denials, plans, threats, negation, attribution.

German sentence -> expected (subject, relation, object, modality), one-sentence articles
made by :func:`extract_cases.run`.
"""
from __future__ import annotations

import itertools

import pytest

from extract_cases import case_id, facts, M, run, S, SANC, T, V


CASES = [
    # hedges and sources
    ("Russland soll Nordkorea Technologien geliefert haben.", {("russia", S, "north_korea", "alleged")}),
    ("Russland hat angeblich Raketen aus Nordkorea eingesetzt.", {("north_korea", S, "russia", "alleged")}),
    ("Putin sagte, Nordkorea habe Raketen an Russland geliefert.", {("north_korea", S, "russia", "reported")}),
    ("Nach Angaben der USA hat Nordkorea Munition an Russland geliefert.",
     {("north_korea", S, "russia", "reported")}),
    ("Die USA haben Sanktionen gegen Nordkorea verhängt, teilte das Weiße Haus mit.",
     {("usa", SANC, "north_korea", "reported")}),
    # denials
    ("Nordkorea bestreitet, Waffen an Russland geliefert zu haben.", {("north_korea", S, "russia", "denied")}),
    ("Der Kreml dementierte, dass Russland Waffen an Nordkorea geliefert habe.",
     {("russia", S, "north_korea", "denied")}),
    ("Russland wies die Vorwürfe zurück, Waffen an Nordkorea geliefert zu haben.",
     {("russia", S, "north_korea", "denied")}),
    ("Der Kreml bestritt, dass Putin sich mit Kim Jong Un getroffen habe.",
     {("putin", M, "kim_jong_un", "denied")}),
    ("Die USA werfen Nordkorea vor, Raketen an Russland zu liefern. Pjöngjang wies die Vorwürfe zurück.",
     {("north_korea", S, "russia", "alleged"), ("north_korea", S, "russia", "denied")}),
    # plans, offers, threats, future
    ("Lawrow kündigte an, nächste Woche nach Peking zu reisen.", {("lavrov", V, "beijing", "planned")}),
    ("Xi Jinping wird im Mai zu einem Staatsbesuch nach Russland reisen.",
     {("xi_jinping", V, "russia", "planned")}),
    ("Putin wird nächste Woche nach Nordkorea reisen.", {("putin", V, "north_korea", "planned")}),
    ("Putin ist bereit, Nordkorea zu besuchen.", {("putin", V, "north_korea", "planned")}),
    ("Lawrow wird Pjöngjang besuchen.", {("lavrov", V, "pyongyang", "planned")}),
    ("Russland plant, Raketen an Nordkorea zu liefern.", {("russia", S, "north_korea", "planned")}),
    ("Die EU will Sanktionen gegen Belarus verhängen.", {("eu", SANC, "belarus", "planned")}),
    ("Russland drohte damit, Präzisionswaffen an Nordkorea zu liefern.",
     {("russia", S, "north_korea", "planned")}),
    # negation
    ("Russland hat keine Abkommen mit Nordkorea geschlossen.", {("russia", T, "north_korea", "negated")}),
    ("China lieferte keine Waffen an Russland.", {("china", S, "russia", "negated")}),
    ("Nordkorea hat nie Raketen an Russland geliefert.", {("north_korea", S, "russia", "negated")}),
    ("Die Ukraine hat Russland nicht besucht.", {("ukraine", V, "russia", "negated")}),
    ("Nach Angaben Südkoreas hat Nordkorea Artilleriegranaten an Russland geliefert.",
     {("north_korea", S, "russia", "reported")}),
    ("Wie die Nachrichtenagentur KCNA berichtete, traf Kim Jong Un am Montag Putin.",
     {("kim_jong_un", M, "putin", "reported")}),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=case_id)
def test_modality(text, expected):
    assert facts(run(text)) == expected


THREATS = [
    ("Die EU droht mit Sanktionen gegen Russland.", {("eu", SANC, "russia", "planned")}),
    ("Die USA drohen Nordkorea mit weiteren Sanktionen.", {("usa", SANC, "north_korea", "planned")}),
    ("Russland drohen neue Sanktionen der EU.", {("eu", SANC, "russia", "planned")}),
    ("Der Türkei drohen Sanktionen der EU.", {("eu", SANC, "turkey", "planned")}),
    ("Die EU erwägt Sanktionen gegen Weißrussland.", {("eu", SANC, "belarus", "planned")}),
    ("Die EU will Sanktionen gegen Russland verhängen.", {("eu", SANC, "russia", "planned")}),
    ("Die EU hat keine Sanktionen gegen China verhängt.", {("eu", SANC, "china", "negated")}),
]


@pytest.mark.parametrize(("text", "expected"), THREATS, ids=lambda v: v[:40] if isinstance(v, str) else "")
def test_sanctions_threatened_or_weighed_are_planned(text, expected):
    assert facts(run(text)) == expected


def test_denial_in_relative_clause():
    ex = run("Nordkorea hat Russland angeblich Munition geliefert, was Moskau bestreitet.")
    assert facts(ex) == {("north_korea", S, "russia", "alleged"), ("north_korea", S, "russia", "denied")}
    claim, denial = ex.statements
    assert (denial.attributed_to, denial.contradicts, denial.cue) == ("moscow", (0,), "bestreitet")


def test_attribution_names_the_source():
    (st,) = run("Die USA haben Sanktionen gegen Nordkorea verhängt, teilte das Weiße Haus mit.").statements
    assert (st.modality, st.attributed_to) == ("reported", "white_house")
    (st,) = run("Westliche Staaten verdächtigen Moskau, Technologien an Pjöngjang weiterzureichen.").statements
    assert (st.modality, st.attributed_to) == ("alleged", "west")
    (st,) = run("Der Kreml dementierte, dass Russland Waffen an Nordkorea geliefert habe.").statements
    assert (st.modality, st.attributed_to) == ("denied", "kremlin")


def test_denial_of_previous_sentence_is_its_own_statement():
    ex = run("Im Westen hieß es, Russland werde in Nordkorea Munition kaufen. Kremlsprecher Dmitri Peskow dementierte dies.")
    claim, denial = ex.statements
    assert (claim.subject, claim.relation, claim.object) == ("north_korea", S, "russia")
    assert claim.modality != "denied"
    assert (denial.modality, denial.attributed_to, denial.contradicts) == ("denied", "peskov", (0,))
    assert denial.sentence == 1


# a negative determiner negates the noun phrase it opens: an event noun is negated when it is that
# noun, not when another noun is ("Nach dem Treffen … gab es keine Einigung": they met)
EVENT_PHRASES = [
    ("dem Treffen von {a} mit {b}", "das Treffen von {a} mit {b}", "ein Treffen zwischen {a} und {b}", M),
    ("den Gesprächen zwischen {a} und {b}", "die Gespräche zwischen {a} und {b}", "Gespräche zwischen {a} und {b}", M),
    ("dem Besuch von {a} in {p}", "der Besuch von {a} in {p}", "einen Besuch von {a} in {p}", V),
]
OTHER_NOUNS = ["keine Einigung", "keinen Durchbruch", "keine Fortschritte", "keine neuen Ergebnisse"]
PARTIES = [("Wladimir Putin", "putin", "Recep Tayyip Erdogan", "erdogan"), ("Jana Novak", "entity:jana-novak",
                                                                         "Olaf Scholz", "scholz")]


def _scope_cases():
    for (dative, nominative, indefinite, rel), (a, ka, b, kb) in itertools.product(EVENT_PHRASES, PARTIES):
        names = {"a": a, "b": b, "p": "Sotschi"}
        fact = (ka, rel, kb if rel == M else "sochi")
        for other in OTHER_NOUNS:
            yield f"Nach {dative.format(**names)} gab es {other}.", fact + ("asserted",)
            yield f"Bei {dative.format(**names)} gab es {other}.", fact + ("asserted",)
            yield f"{nominative.format(**names)[0].upper()}{nominative.format(**names)[1:]} brachte {other}.", \
                fact + ("asserted",)
        negated = indefinite.replace("ein ", "kein ").replace("einen ", "keinen ").replace("Gespräche", "keine Gespräche", 1)
        yield f"Es gab {negated.format(**names)}.", fact + ("negated",)
        yield f"Es gab {indefinite.format(**names)} keineswegs.", fact + ("negated",)


NEGATION_SCOPE = list(_scope_cases())


@pytest.mark.parametrize(("text", "expected"), NEGATION_SCOPE, ids=case_id)
def test_a_negative_determiner_negates_its_own_noun_phrase(text, expected):
    found = {f for f in facts(run(text)) if f[1] == expected[1]}
    assert found == {expected}, found


def test_the_negation_scope_paradigm_is_large():
    assert len(NEGATION_SCOPE) == 84


# an obligation of now is not done yet (planned); "musste" (had to) tells what was done
OBLIGATIONS = [("muss", "planned"), ("müsse", "planned"), ("müsste", "planned"), ("musste", "asserted")]
OBLIGED = [("{a} {m} Waffen an {b} liefern.", S), ("{a} {m} Sanktionen gegen {b} verhängen.", SANC),
           ("{a} {m} das Abkommen mit {b} unterzeichnen.", T)]
OBLIGATION_CASES = [
    (form.format(a=a, m=m, b=b), (ka, rel, kb, modality))
    for (m, modality), (form, rel), ((a, ka), (b, kb)) in itertools.product(
        OBLIGATIONS, OBLIGED, [(("Russland", "russia"), ("Syrien", "syria")), (("Frankreich", "france"), ("Italien", "italy")),
                               (("Das Auswärtige Amt", "germany"), ("Israel", "israel"))])
]


@pytest.mark.parametrize(("text", "expected"), OBLIGATION_CASES, ids=case_id)
def test_an_obligation_of_now_is_planned(text, expected):
    found = {f for f in facts(run(text)) if f[1] == expected[1]}
    assert found == {expected}, found


# what is put off is still ahead: planned, in the passive, the active and every tense
POSTPONED_EVENTS = [("die Reise von {a} nach Indien", V, "india"), ("das Treffen zwischen {a} und Xi Jinping", M, "xi_jinping"),
                    ("die Sanktionen der EU gegen Indien", SANC, "india")]
POSTPONEMENTS = ["{E} wurde verschoben.", "{E} ist vertagt worden.", "{E} wird verschoben.",
                 "Die Regierung verschob {e}.", "Die Regierung hat {e} vertagt.", "Man will {e} verschieben."]


def _postponed():
    for (event, rel, obj), form, (a, ka) in itertools.product(
            POSTPONED_EVENTS, POSTPONEMENTS, [("Wladimir Putin", "putin"), ("Olaf Scholz", "scholz")]):
        phrase = event.format(a=a)
        subject = "eu" if rel == SANC else ka
        yield form.format(E=phrase[0].upper() + phrase[1:], e=phrase), (subject, rel, obj, "planned")


POSTPONED = list(_postponed())


@pytest.mark.parametrize(("text", "expected"), POSTPONED, ids=case_id)
def test_what_is_put_off_is_planned(text, expected):
    found = {f for f in facts(run(text)) if f[1] == expected[1]}
    assert found == {expected}, found


# what an agreement or a plan provides for is ahead: "sieht vor, dass …", "ist … vorgesehen"
PROVIDED_FOR = [
    (form.format(x=x, clause=clause), (*fact, "planned"))
    for x, form, (clause, fact) in itertools.product(
        ["Das Abkommen", "Der Plan", "Die Vereinbarung"],
        ["{x} sieht vor, dass {clause}.", "{x} sah vor, dass {clause}."],
        [("Russland Nordkorea Öl liefert", ("russia", S, "north_korea")),
         ("Scholz im Mai nach Kiew reist", ("scholz", V, "kyiv")),
         ("die EU Sanktionen gegen Belarus verhängt", ("eu", SANC, "belarus"))])
] + [("Ein Treffen zwischen Scholz und Macron ist für Montag vorgesehen.", ("scholz", M, "macron", "planned")),
     ("Für Montag ist ein Besuch von Scholz in Kiew vorgesehen.", ("scholz", V, "kyiv", "planned"))]


@pytest.mark.parametrize(("text", "expected"), PROVIDED_FOR, ids=case_id)
def test_what_is_provided_for_is_planned(text, expected):
    found = {f for f in facts(run(text)) if f[1] == expected[1]}
    assert found == {expected}, found


# a control word ("plant", "bestreitet", "droht", "kündigte … an") in a subordinate clause governs a
# clause of its own (a zu-infinitive), never the main clause it depends on
SUBORDINATE_CONTROLS = ["Weil die Regierung neue Gespräche plant", "Obwohl Moskau jede Beteiligung bestreitet",
                        "Nachdem Washington Konsequenzen angekündigt hatte", "Da die EU mit Strafen droht"]
SUBORDINATE_MAINS = [("lieferte Russland Waffen an Syrien", ("russia", "supplies", "syria", "asserted")),
                     ("hat Putin Kim in Moskau getroffen", ("putin", "metWith", "kim_jong_un", "asserted")),
                     ("reiste Scholz nach Peking", ("scholz", "visited", "beijing", "asserted"))]
SUBORDINATE_OWN = [("Weil Putin plant, nach Peking zu reisen, sagte er den Termin ab.", ("putin", "visited", "beijing", "planned")),
                   ("Obwohl Moskau bestreitet, Waffen an Syrien zu liefern, verhängte die EU Sanktionen.",
                    ("russia", "supplies", "syria", "denied"))]
SUBORDINATE_CASES = [(f"{sub}, {main}.", fact) for sub in SUBORDINATE_CONTROLS for main, fact in SUBORDINATE_MAINS] \
    + SUBORDINATE_OWN


@pytest.mark.parametrize(("text", "expected"), SUBORDINATE_CASES, ids=case_id)
def test_a_control_word_in_a_subordinate_clause_governs_its_own_clause_only(text, expected):
    found = {f for f in facts(run(text)) if f[:3] == expected[:3]}
    assert found == {expected}, facts(run(text))


# what one supposes, fears or assumes is alleged, in every order of its words; what is thinkable is planned
SUPPOSED = ["Es wird vermutet, dass {c}.", "Man vermutet, dass {c}.", "Experten gehen davon aus, dass {c}.",
            "Viele befürchten, dass {c}.", "Der Westen vermutet, dass {c}.", "Vermutlich {v2}."]
SUPPOSED_CLAUSES = [("der Iran Drohnen an Russland liefert", "liefert der Iran Drohnen an Russland", ("iran", S, "russia")),
                    ("Valdoria Raketen an Ostravien geliefert hat", "hat Valdoria Raketen an Ostravien geliefert",
                     ("entity:valdoria", S, "entity:ostravien")),
                    ("Putin Kim in Moskau getroffen hat", "hat Putin Kim in Moskau getroffen", ("putin", M, "kim_jong_un"))]
SUPPOSED_CASES = [(form.format(c=c, v2=v2), (*fact, "alleged"))
                  for form in SUPPOSED for c, v2, fact in SUPPOSED_CLAUSES] + [
    (f"{n} gilt als {w}.", (*fact, modality))
    for n, fact in (("Ein Treffen von Putin und Trump", ("putin", M, "trump")),
                    ("Ein Besuch Putins in Indien", ("putin", V, "india")))
    for w, modality in (("unwahrscheinlich", "alleged"), ("wahrscheinlich", "alleged"), ("denkbar", "planned"),
                        ("vorstellbar", "planned"))]


@pytest.mark.parametrize(("text", "expected"), SUPPOSED_CASES, ids=case_id)
def test_what_is_supposed_is_alleged(text, expected):
    found = {f for f in facts(run(text)) if f[1] == expected[1]}
    assert found == {expected}


def test_the_supposer_claims_it():
    (st,) = run("Der Westen vermutet, dass der Iran Raketen an Russland geliefert hat.").statements
    assert (st.modality, st.attributed_to) == ("alleged", "west")


# a confirming verb negated leaves its event unconfirmed (alleged), not undone: "Der Kreml hat das Treffen
# nicht bestätigt"; "keine Lieferungen" and "fand nicht statt" are negated
UNCONFIRMED_FORMS = [("Der Kreml hat {n} nicht bestätigt.", "alleged"), ("Der Kreml bestätigte {n} nicht.", "alleged"),
                     ("Der Kreml will {n} nicht bestätigen.", "alleged"), ("Der Kreml räumte {n} nicht ein.", "alleged"),
                     ("Der Kreml hat {n} nie zugegeben.", "alleged"), ("Der Kreml bestätigte {n}.", "asserted")]
UNCONFIRMED_NOUNS = [("das Treffen zwischen Putin und Kim", ("putin", M, "kim_jong_un")),
                     ("die Waffenlieferungen an Syrien", ("russia", S, "syria")),
                     ("den Besuch Lawrows in Pjöngjang", ("lavrov", V, "pyongyang"))]
UNCONFIRMED_CASES = [(form.format(n=n), (*fact, modality))
                     for form, modality in UNCONFIRMED_FORMS for n, fact in UNCONFIRMED_NOUNS]


@pytest.mark.parametrize(("text", "expected"), UNCONFIRMED_CASES, ids=case_id)
def test_an_unconfirmed_event_is_alleged(text, expected):
    assert {f for f in facts(run(text)) if f[:3] == expected[:3]} == {expected}


@pytest.mark.parametrize(("text", "expected"), [
    ("Der Iran räumte keine Drohnenlieferungen an Russland ein.", ("iran", S, "russia", "negated")),
    ("Das Treffen zwischen Putin und Kim fand nicht statt.", ("putin", M, "kim_jong_un", "negated")),
])
def test_no_event_is_negated(text, expected):
    assert expected in facts(run(text))
