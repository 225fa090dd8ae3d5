"""Visits to a person, guests received in a place, headlines in the present tense, and plans
that came true, as generated paradigms.

* A visit to a person is a meeting with them, and the place "in" its clause is visited:
  "Erdogan besucht Putin am Mittwoch in Sotschi" (planned: a day ahead in the present); a visit
  to a place or to anything but a person meets nobody ("besuchte Moskau", "die Truppen").
* One received in a place visits it: "Putin empfing Merkel in Sotschi", "Merkel wurde in Sotschi
  von Putin empfangen" (the host does not); nothing without a place, or when what is received is
  no actor ("hat in Kiew Waffen empfangen").
* A headline's present tense says nothing of when or how sure: its statement takes the modality
  the body gives the same fact (planned, reported, alleged), unless the body asserts it too.
* An attribute that names a plan ("das lange geplante Treffen") yields to a verb in the past that
  tells the event took place ("fand … statt", "haben … begonnen"); a postponed or a coming
  event stays planned.
"""
from __future__ import annotations

import itertools

import pytest

from extract_cases import M, S, V, case_id, facts, run

VISITORS = [("Erdogan", "erdogan"), ("Scholz", "scholz"), ("Jarno Heikkilä", "entity:jarno-heikkilae")]
HOSTS = [("Putin", "putin"), ("Macron", "macron"), ("Tomasz Wieczorek", "entity:tomasz-wieczorek")]
PLACES = [("Sotschi", "sochi"), ("Paris", "paris"), ("Kleinhausen", "entity:kleinhausen")]


def adjacent_unlisted(*keys: str) -> bool:
    """Two names nobody listed, side by side ("besuchte Jarno Heikkilä Tomasz Wieczorek"): no
    rule tells where one ends, so the tables leave that pairing out."""
    return sum(k.startswith("entity:") for k in keys) >= 2


def met(found: set, a: str, b: str, modality: str) -> bool:
    """Did ``a`` meet ``b`` (either order: the relation is symmetric) with ``modality``?"""
    return (a, M, b, modality) in found or (b, M, a, modality) in found


PERSON_VISITS = [
    ("{v} besuchte {h} in {p}.", "asserted"),
    ("{v} hat {h} in {p} besucht.", "asserted"),
    ("{v} hatte {h} im Mai in {p} besucht.", "asserted"),
    ("Am Montag besuchte {v} {h} in {p}.", "asserted"),
    ("{v} besuchte seinen Amtskollegen {h} in {p}.", "asserted"),
    ("{v} besucht {h} am Mittwoch in {p}.", "planned"),
    ("{v} wird {h} in {p} besuchen.", "planned"),
    ("{v} will {h} in {p} besuchen.", "planned"),
    ("{v} besuchte {h} nicht in {p}.", "negated"),
]


@pytest.mark.parametrize("text,visitor,host,place,modality", [
    (form.format(v=v, h=h, p=p), kv, kh, kp, modality)
    for (form, modality), (v, kv), (h, kh), (p, kp) in itertools.product(PERSON_VISITS, VISITORS, HOSTS, PLACES)
    if not ("{v} {h}" in form and adjacent_unlisted(kv, kh))
], ids=case_id)
def test_a_visit_to_a_person_is_a_meeting_and_a_visit_to_the_place(text, visitor, host, place, modality):
    found = facts(run(text))
    assert met(found, visitor, host, modality)
    assert (visitor, V, place, modality) in found
    assert not any(f[0] == host and f[1] == V for f in found)


@pytest.mark.parametrize("text", [
    form.format(v=v, p=p)
    for form, (v, _), (p, _) in itertools.product([
        "{v} besuchte {p}.", "{v} besuchte die Truppen in {p}.", "{v} hat in {p} eine Fabrik besucht.",
        "{v} besuchte das Grab seines Vaters in {p}.",
    ], VISITORS, PLACES)
], ids=case_id)
def test_a_visit_to_a_place_or_thing_meets_nobody(text):
    assert not any(f[1] == M for f in facts(run(text)))


RECEPTIONS = [
    ("{h} empfing {g} in {p}.", "asserted"),
    ("{h} hat {g} in {p} empfangen.", "asserted"),
    ("In {p} empfing {h} {g}.", "asserted"),
    ("{h} empfing am Dienstag in {p} den Gast {g}.", "asserted"),
    ("{g} wurde in {p} von {h} empfangen.", "asserted"),
    ("{g} ist in {p} von {h} empfangen worden.", "asserted"),
    ("{h} wird {g} in {p} empfangen.", "planned"),
    ("{h} empfängt {g} am Freitag in {p}.", "planned"),
]


@pytest.mark.parametrize("text,host,guest,place,modality", [
    (form.format(h=h, g=g, p=p), kh, kg, kp, modality)
    for (form, modality), (h, kh), (g, kg), (p, kp) in itertools.product(RECEPTIONS, HOSTS, VISITORS, PLACES)
    if not ("{h} {g}" in form and adjacent_unlisted(kh, kg))
], ids=case_id)
def test_one_received_in_a_place_visits_it(text, host, guest, place, modality):
    found = facts(run(text))
    assert (guest, V, place, modality) in found
    assert met(found, host, guest, modality)
    assert not any(f[0] == host and f[1] == V for f in found)


@pytest.mark.parametrize("text", [
    form.format(h=h, p=p)
    for form, (h, _), (p, _) in itertools.product([
        "{h} empfing Tausende Pilger in {p}.", "Die Armee hat in {p} neue Waffen empfangen.",
        "{h} empfing die Nachricht in {p}.", "{h} hat in {p} Gäste empfangen.",
    ], HOSTS, PLACES)
], ids=case_id)
def test_receiving_no_actor_is_no_visit(text):
    assert not any(f[1] == V for f in facts(run(text)))


@pytest.mark.parametrize("text", [
    form.format(h=h, g=g) for form, (h, _), (g, _) in itertools.product(
        ["{h} empfing {g}.", "{h} hat {g} empfangen."], HOSTS, VISITORS)
], ids=case_id)
def test_a_reception_without_a_place_visits_nothing(text):
    assert not any(f[1] == V for f in facts(run(text)))


HEADLINE_BODIES = [
    ("{a} trifft {b} in {p}", "{a} wird {b} am Mittwoch in {p} treffen.", "planned"),
    ("{a} trifft {b} in {p}", "{a} will {b} in der kommenden Woche in {p} treffen.", "planned"),
    ("{a} trifft {b} in {p}", "Nach Angaben der Regierung hat {a} {b} in {p} getroffen.", "reported"),
    ("{a} trifft {b} in {p}", "{a} soll {b} in {p} getroffen haben.", "alleged"),
]


@pytest.mark.parametrize("text,a,b,modality", [
    (f"{head.format(a=a, b=b, p=p)}\n\n{body.format(a=a, b=b, p=p)}", ka, kb, modality)
    for (head, body, modality), (a, ka), (b, kb), (p, _) in itertools.product(HEADLINE_BODIES, VISITORS, HOSTS,
                                                                           PLACES)
    if not ("{a} {b}" in body and adjacent_unlisted(ka, kb))
], ids=case_id)
def test_a_headline_tells_its_fact_as_the_body_does(text, a, b, modality):
    found = facts(run(text))
    assert met(found, a, b, modality)
    assert not met(found, a, b, "asserted")


@pytest.mark.parametrize("text,a,b", [
    (text.format(a=a, b=b, p=p), ka, kb)
    for text, (a, ka), (b, kb), (p, _) in itertools.product([
        "{a} trifft {b} in {p}\n\n{a} hat {b} am Montag in {p} getroffen. {a} will {b} bald wieder treffen.",
        "{a} trifft {b} in {p}\n\nDie Lage in {p} bleibt ruhig.",
        "{a} trifft {b} in {p}. {a} wird {b} am Mittwoch in {p} treffen.",   # no headline: a sentence
    ], VISITORS, HOSTS, PLACES)
], ids=case_id)
def test_a_headline_stays_asserted_unless_the_body_tells_otherwise(text, a, b):
    assert met(facts(run(text)), a, b, "asserted")


def test_a_headline_of_another_relation_follows_its_own_fact():
    text = "Russland liefert Waffen an Nordkorea\n\nNach Angaben Südkoreas hat Russland Waffen an Nordkorea geliefert."
    found = facts(run(text))
    assert ("russia", S, "north_korea", "reported") in found
    assert ("russia", S, "north_korea", "asserted") not in found


PLANS_CAME_TRUE = [
    ("Das lange geplante Treffen von {a} und {b} fand am Montag statt.", "asserted"),
    ("Das mit Spannung erwartete Treffen von {a} mit {b} hat am Montag begonnen.", "asserted"),
    ("Mit einem Handschlag haben {a} und {b} ihr lange erwartetes Gipfeltreffen begonnen.", "asserted"),
    ("Das geplante Treffen von {a} und {b} wurde verschoben.", "planned"),
    ("Das geplante Treffen von {a} und {b} findet am Montag statt.", "planned"),
    ("Vor dem geplanten Treffen von {a} und {b} begann die Konferenz.", "planned"),
    ("Das geplante Treffen von {a} und {b} wurde abgesagt.", "negated"),
]


@pytest.mark.parametrize("text,a,b,modality", [
    (form.format(a=a, b=b), ka, kb, modality)
    for (form, modality), (a, ka), (b, kb) in itertools.product(PLANS_CAME_TRUE, VISITORS, HOSTS)
], ids=case_id)
def test_a_plan_that_took_place_is_asserted(text, a, b, modality):
    assert met(facts(run(text)), a, b, modality)


# Envoys for a state, travel verbs with a particle, cue nouns in every case and number,
# events that are due, and contests.

STATES = [("saudische", "saudi_arabia"), ("chinesische", "china"), ("nordkoreanische", "north_korea")]
CITIES = [("Teheran", "tehran"), ("Moskau", "moscow"), ("Genf", "genf")]
ENVOY_FORMS = [
    ("Eine {s} Delegation reiste nach {p}.", "asserted"),
    ("Erstmals ist eine {s} Delegation in {p} eingetroffen.", "asserted"),
    ("Die {s} Regierungsdelegation traf am Montag in {p} ein.", "asserted"),
    ("Eine {s} Delegation wird am Montag in {p} erwartet.", "planned"),
]


@pytest.mark.parametrize("text,expected", [
    (form.format(s=s, p=p), (ks, V, kp, modality))
    for (form, modality), (s, ks), (p, kp) in itertools.product(ENVOY_FORMS, STATES, CITIES)
], ids=case_id)
def test_a_states_delegation_travels_for_it(text, expected):
    assert expected in facts(run(text))


@pytest.mark.parametrize("text,expected", [
    ("Die Regierung in Teheran liefert Drohnen an Russland.", ("iran", S, "russia", "asserted")),
    ("Die US-Delegation traf in Genf ein.", ("usa", V, "genf", "asserted")),
    ("Die Delegation Nordkoreas reiste nach Moskau.", ("north_korea", V, "moscow", "asserted")),
], ids=case_id)
def test_a_delegation_in_a_city_is_there_but_a_government_in_it_is_its_states(text, expected):
    assert expected in facts(run(text))


TRAVELLERS = [("Lawrow", "lavrov"), ("Scholz", "scholz"), ("Jarno Heikkilä", "entity:jarno-heikkilae")]
DESTINATIONS = [("in den Sudan", "sudan"), ("nach Berlin", "berlin"), ("nach Kleinhausen", "entity:kleinhausen")]
PARTICLE_FORMS = [
    ("Danach wollte {t} {d} weiterreisen.", "planned"),
    ("{t} ist {d} weitergereist.", "asserted"),
    ("{t} plant, {d} weiterzureisen.", "planned"),
    ("{t} reiste {d} weiter.", "asserted"),
    ("{t} flog {d} weiter.", "asserted"),
    ("{t} ist {d} weitergeflogen.", "asserted"),
    ("{t} reist am Montag {d} an.", "planned"),
]


@pytest.mark.parametrize("text,expected", [
    (form.format(t=t, d=d), (kt, V, kd, modality))
    for (form, modality), (t, kt), (d, kd) in itertools.product(PARTICLE_FORMS, TRAVELLERS, DESTINATIONS)
], ids=case_id)
def test_a_journey_on_keeps_its_particle_in_every_form(text, expected):
    assert expected in facts(run(text))


@pytest.mark.parametrize("text,expected", [
    (form.format(t=t), (kt, V, "berlin", modality))
    for (form, modality), (t, kt) in itertools.product([
        ("{t} ist am Montag in Berlin angereist.", "asserted"), ("{t} wird am Montag in Berlin anreisen.", "planned"),
    ], TRAVELLERS)
], ids=case_id)
def test_one_who_arrives_in_a_place_visits_it(text, expected):
    assert expected in facts(run(text))


@pytest.mark.parametrize("text", [
    form.format(t=t) for form, (t, _) in itertools.product([
        "{t} reiste nach Moskau zurück.", "{t} will nach Moskau zurückreisen.", "{t} kam nach Moskau zurück.",
        "{t} ist nach Moskau zurückgeflogen.", "{t} reiste aus Russland aus.", "{t} flog nach Hause heim.",
    ], TRAVELLERS)
], ids=case_id)
def test_a_return_or_an_exit_is_no_visit(text):
    assert not any(f[1] == V for f in facts(run(text)))


INFLECTED_NOUNS = [
    ("Die Besuche von {a} in Paris und Rom verliefen gut.", {("{k}", V, "paris"), ("{k}", V, "rom")}),
    ("Bei den Besuchen von {a} in Paris wurde viel geredet.", {("{k}", V, "paris")}),
    ("Die Staatsbesuche von {a} in China und Nordkorea dauerten zwei Tage.", {("{k}", V, "china"), ("{k}", V, "north_korea")}),
    ("Die Reisen von {a} nach Paris waren kurz.", {("{k}", V, "paris")}),
    ("Nach den Begegnungen von {a} mit Macron gab es Ergebnisse.", {("{k}", M, "macron")}),
    ("Die Gipfeln von {a} mit Macron waren kurz.", {("{k}", M, "macron")}),
]


@pytest.mark.parametrize("text,expected", [
    (form.format(a=a), {(s.format(k=k), r, o) for s, r, o in want})
    for (form, want), (a, k) in itertools.product(INFLECTED_NOUNS, TRAVELLERS)
], ids=case_id)
def test_a_cue_noun_triggers_in_every_case_and_number(text, expected):
    found = {(s, r, o) for s, r, o, _ in facts(run(text))}
    assert expected <= found or {(o, r, s) for s, r, o in expected if r == M} <= found


@pytest.mark.parametrize("text", [
    "Die Besucher des Museums kamen aus Paris.", "Die Besucherzahlen in Paris steigen.",
    "Die Preisen und Kreisen in Paris sind gestiegen.",
], ids=case_id)
def test_a_word_that_only_ends_like_an_inflected_cue_noun_is_none(text):
    assert not facts(run(text))


@pytest.mark.parametrize("text,expected", [
    (form.format(a=a), (k, V, "paris", "planned"))
    for form, (a, k) in itertools.product([
        "Auch Besuche von {a} in Paris stehen an.", "Ein Besuch von {a} in Paris steht bevor.",
        "Ein Besuch von {a} in Paris steht in der kommenden Woche an.",
    ], TRAVELLERS)
], ids=case_id)
def test_an_event_that_is_due_is_planned(text, expected):
    found = facts(run(text))
    assert expected in found and (expected[0], V, "paris", "asserted") not in found


@pytest.mark.parametrize("text", [
    "Anderson hat die bisherigen zwei Begegnungen mit Thiem bei den Australian Open gewonnen.",
    "Im Halbfinale des Turniers traf Thiem auf Nadal und Federer.",
    "Beim Tennisturnier in Wien traf Thiem Nadal.",
    "Die Begegnung zwischen Thiem und Nadal im Viertelfinale dauerte drei Stunden.",
], ids=case_id)
def test_a_contest_has_matches_not_meetings(text):
    assert not any(f[1] == M for f in facts(run(text)))


@pytest.mark.parametrize("text", [
    form.format(g=g, p=p) for form, g, p in itertools.product([
        "Besuche {g} in Taiwan lehnt {p} seit Jahrzehnten ab.",
        "Lieferungen {g} an die Ukraine lehnt {p} ab.",
        "Treffen {g} mit Kim lehnt {p} ab.",
    ], ["ausländischer Politiker", "westlicher Staaten", "hochrangiger Beamter"], ["Peking", "Moskau", "Valdoria"])
], ids=case_id)
def test_an_event_owned_by_people_nobody_names_is_not_the_governing_subjects(text):
    assert not facts(run(text))


LISTS = [(["Tunesien", "Algerien"], ["tunisia", "algeria"]),
         (["Tunesien", "Mauretanien", "Algerien", "Marokko"], ["tunisia", "mauritania", "algeria", "morocco"]),
         (["Syrien", "dem Irak", "Valdoria"], ["syria", "iraq", "entity:valdoria"])]


def _listed(names: list[str]) -> str:
    return ", ".join(names[:-1]) + " und " + names[-1]


@pytest.mark.parametrize("text,keys,relation,modality", [
    (form.format(l=_listed(names)), keys, relation, modality)
    for (form, relation, modality), (names, keys) in itertools.product([
        ("Lawrow besuchte Mali. Auch Besuche in {l} stehen an.", V, "planned"),
        ("Russland lieferte Waffen an {l} nicht.", S, "negated"),
        ("Lawrow wird Reisen nach {l} nicht antreten.", V, "negated"),
    ], LISTS)
], ids=case_id)
def test_a_lists_commas_do_not_cut_a_cue_off(text, keys, relation, modality):
    found = facts(run(text))
    assert all(any(f[1] == relation and f[2] == k and f[3] == modality for f in found) for k in keys)
    assert not any(f[1] == relation and f[3] == "asserted" and f[2] in keys for f in found)


ATTEND_FORMS = [
    ("{a} nahm am Gipfel in {p} teil.", "asserted"),
    ("{a} hat am Gipfeltreffen in {p} teilgenommen.", "asserted"),
    ("Am Montag nahm {a} an der Konferenz in {p} teil.", "asserted"),
    ("An der Zeremonie in {p} nahm auch {a} teil.", "asserted"),
    ("{a} wird am Gipfel in {p} teilnehmen.", "planned"),
    ("{a} will an der Konferenz in {p} teilnehmen.", "planned"),
    ("{a} nahm nicht am Gipfel in {p} teil.", "negated"),
]


@pytest.mark.parametrize("text,expected", [
    (form.format(a=a, p=p), (ka, V, kp, modality))
    for (form, modality), (a, ka), (p, kp) in itertools.product(ATTEND_FORMS, VISITORS, PLACES)
], ids=case_id)
def test_one_who_takes_part_in_an_event_in_a_place_is_there(text, expected):
    assert expected in facts(run(text))


@pytest.mark.parametrize("text", [
    form.format(a=a, p=p) for form, (a, _), (p, _) in itertools.product([
        "{a} nahm per Video an dem Gipfel in {p} teil.", "{a} hat virtuell am Gipfel in {p} teilgenommen.",
        "{a} nahm am Turnier in {p} teil.", "{a} nahm an den Olympischen Spielen in {p} teil.",
        "{a} nahm an der Sitzung teil.",
    ], VISITORS, PLACES)
], ids=case_id)
def test_taking_part_from_afar_in_a_contest_or_nowhere_is_no_visit(text):
    assert not any(f[1] == V for f in facts(run(text)))


PLACE_NOUN_FORMS = [
    ("{v} besuchte die Insel {n}.", "asserted"),
    ("{v} reiste auf die Insel {n}.", "asserted"),
    ("Das ist gut, sagte {v} bei einem Besuch auf der Insel {n}.", "asserted"),
    ("{v} besuchte die Hafenstadt {n}.", "asserted"),
    ("{v} wird am Montag die Grenzregion {n} besuchen.", "planned"),
]


@pytest.mark.parametrize("text,visitor,modality", [
    (form.format(v=v, n=n), kv, modality)
    for (form, modality), (v, kv), n in itertools.product(PLACE_NOUN_FORMS, VISITORS, ["Lipari", "Kleinholm", "Vaströ"])
], ids=case_id)
def test_a_place_noun_introduces_a_place_nobody_listed(text, visitor, modality):
    assert any(f[0] == visitor and f[1] == V and f[3] == modality for f in facts(run(text)))


@pytest.mark.parametrize("text", [
    "Scholz besuchte die Insel.", "Scholz reiste auf eine Insel.", "Die Insel Lipari ist schön.",
], ids=case_id)
def test_a_place_noun_without_a_name_is_no_place(text):
    assert not any(f[1] == V for f in facts(run(text)))


STAY_FORMS = [
    "Das war, als {v} in {p} war.",
    "{v} war im Januar bereits in {p}.",
    "{v} ist im Mai in {p} gewesen.",
    "{v} war 2019 erstmals in {p}.",
    "Im vergangenen Jahr war {v} zweimal in {p}.",
    "{v} war am Montag zu Gast in {p}.",
]
ABROAD = [("Paris", "paris"), ("Kleinhausen", "entity:kleinhausen"), ("Ägypten", "egypt")]


@pytest.mark.parametrize("text,expected", [
    (form.format(v=v, p=p), (kv, V, kp, "asserted"))
    for form, (v, kv), (p, kp) in itertools.product(STAY_FORMS, [("Lawrow", "lavrov")] + VISITORS[1:], ABROAD)
], ids=case_id)
def test_one_who_was_in_a_place_visited_it(text, expected):
    assert expected in facts(run(text))


@pytest.mark.parametrize("text,expected", [
    ("Der Regisseur Patrick Vollrath war im September in Los Angeles.",
     ("entity:patrick-vollrath", V, "los_angeles", "asserted")),
    ("Der italienische Innenminister Angelino Alfano war in Paris.", ("entity:angelino-alfano", V, "paris", "asserted")),
], ids=case_id)
def test_a_subjects_apposition_or_foreign_office_keeps_the_stay_a_visit(text, expected):
    assert expected in facts(run(text))


@pytest.mark.parametrize("text", [
    "Putin war am Montag in Moskau.", "Selenskyj war in Kiew.", "Der Botschafter war in Moskau stationiert.",
    "Scholz war in Wien Botschafter.", "Scholz war in Paris nicht erreichbar.", "Die Lage in Moskau war ruhig.",
    "Scholz war in Paris geboren.", "Scholz war in Paris zu Hause.", "Scholz ist in Paris.",
    "Scholz war in Paris der beste Schüler.", "In Paris war Scholz damals Student.",
    "Außenminister Paolo Gentiloni und Innenminister Angelino Alfano waren in Rom.",
    "Der italienische Innenminister Angelino Alfano war in Rom.",
], ids=case_id)
def test_being_at_home_or_being_something_in_a_place_is_no_visit(text):
    assert not any(f[1] == V for f in facts(run(text)))


@pytest.mark.parametrize("text", [
    form.format(p=p) for form, (p, _) in itertools.product([
        "Angeführt von Michael Vesper sind 80 deutsche Athleten in der Olympiastadt {p} eingetroffen.",
        "Die Nationalmannschaft reiste nach {p}.", "Thiem flog nach {p}, um bei den Australian Open zu spielen.",
        "Jarno Heikkilä war zur Weltmeisterschaft in {p}.",
    ], PLACES)
], ids=case_id)
def test_a_contests_travellers_visit_nothing(text):
    assert not any(f[1] == V for f in facts(run(text)))


# "er" goes on with the subject that opened its sentence or the one before, not the last man named
SUBJECTS_M = [("Erdogan", "erdogan"), ("Scholz", "scholz")]
OBJECTS_M = [("Putin", "putin"), ("Macron", "macron")]
CONTINUED = [
    "{a} traf {b}, bevor er nach {p} reiste.",
    "{a} traf am Montag {b}. Danach reiste er nach {p}.",
    "{a} empfing {b} in Berlin. Er reiste danach nach {p}.",
    "Am Montag traf {a} {b}. Am Dienstag reiste er nach {p}.",
]


@pytest.mark.parametrize("text,subject,other,place", [
    (form.format(a=a, b=b, p=p), ka, kb, kp)
    for form, (a, ka), (b, kb), (p, kp) in itertools.product(CONTINUED, SUBJECTS_M, OBJECTS_M, PLACES[:2])
], ids=case_id)
def test_a_subject_pronoun_continues_the_subject(text, subject, other, place):
    found = facts(run(text))
    assert (subject, V, place, "asserted") in found and (other, V, place, "asserted") not in found


@pytest.mark.parametrize("text,other", [
    (f"{a} lobte {b}. Später besuchte Merkel ihn in Paris.", kb)
    for (a, _), (b, kb) in itertools.product(SUBJECTS_M, OBJECTS_M)
], ids=case_id)
def test_an_object_pronoun_is_the_last_man_named(text, other):
    assert met(facts(run(text)), "merkel", other, "asserted")


# a clause taken as given ("als", "nachdem", "während") is outside the claim a denial governs
@pytest.mark.parametrize("text,kept,denied", [
    (f"{d} {verb}, dass der Kreml mit der Sammlung von Material begonnen habe, {opener} {v} in {p} {aux}.",
     (kv, V, kp, "asserted"), (kv, V, kp, "denied"))
    for d, verb in [("Peskow", "dementierte"), ("Der Kreml", "bestritt")]
    for opener, aux in [("als", "war"), ("nachdem", "gewesen war")]
    for (v, kv), (p, kp) in itertools.product(VISITORS[:2], [("Moskau", "moscow"), ("Peking", "beijing")])
], ids=case_id)
def test_a_clause_taken_as_given_is_not_denied(text, kept, denied):
    found = facts(run(text))
    assert kept in found and denied not in found


@pytest.mark.parametrize("text,expected", [
    ("Peskow bestritt, dass Putin Xi getroffen habe, nachdem Xi in Moskau eingetroffen war.",
     {("putin", M, "xi_jinping", "denied"), ("xi_jinping", V, "moscow", "asserted")}),
    ("Moskau bestritt, dass Russland Waffen an Syrien geliefert habe.", {("russia", S, "syria", "denied")}),
], ids=case_id)
def test_the_claim_itself_stays_denied(text, expected):
    assert expected <= facts(run(text))
