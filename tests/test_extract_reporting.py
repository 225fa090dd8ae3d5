"""Who says so, and how the sentence is put, as generated paradigms.

* Speech verbs by lemma, in any form and order: "sagte", "berichtet", "hieß es", "teilte … mit",
  "Wie X berichtet, …", "Es heißt, …", "…, berichtet die Agentur"; "sagte … zu" promises and
  "sagte … ab" cancels, neither reports.  A speaker is a party to a trigger of its own segment
  ("X habe bei seinem Besuch in Moskau gesagt, …").
* Promises: "sagte der Ukraine Panzer zu", "versprach", "sicherte … zu" are planned supplies.
* Questions that open with their verb: "Liefert Russland Waffen an Nordkorea?" (alleged).
* Short forms with no full form in the article: "Putin und Xi", "Kim" (the holder in office on
  the article's date), but not "Kurz nach …" at a sentence's start, "Sarah Kim" or "Kim Kardashian".
"""
from __future__ import annotations

import itertools

import pytest

from extract_cases import M, S, SANC, T, V, case_id, facts, run

CLAIMS = [("Nordkorea habe Raketen an Russland geliefert", "Nordkorea Raketen an Russland geliefert habe",
           ("north_korea", S, "russia")),
          ("Valdoria habe Munition an Syrien geliefert", "Valdoria Munition an Syrien geliefert habe",
           ("entity:valdoria", S, "syria")),
          ("Wladimir Putin habe Xi Jinping in Peking getroffen", "Wladimir Putin Xi Jinping in Peking getroffen habe",
           ("putin", M, "xi_jinping")),
          ("Olaf Scholz sei nach Kiew gereist", "Olaf Scholz nach Kiew gereist sei", ("scholz", V, "kyiv"))]
REPORT_FORMS = [
    "Wie die Zeitung berichtet, {v2}.",
    "Wie die Agentur berichtete, {v2}.",
    "Es heißt, {main}.",
    "{main}, hieß es aus Regierungskreisen.",
    "{main}, heißt es in dem Bericht.",
    "Das Ministerium teilte mit, {main}.",
    "Ein Sprecher erklärte, {main}.",
    "{main}, berichtet die Agentur.",
    "Die Zeitung schreibt, dass {sub}.",
    "Ein Diplomat bestätigte, dass {sub}.",
]


def _v2(main: str) -> str:
    """ "Nordkorea habe Raketen … geliefert" -> "Nordkorea lieferte Raketen …" is not needed: the
    verb-second report keeps the Konjunktiv ("Wie X berichtet, habe Nordkorea …")."""
    subject, verb, rest = _split(main)
    return f"{verb} {subject} {rest}"


def _split(main: str) -> tuple[str, str, str]:
    words = main.split()
    k = next(n for n, w in enumerate(words) if w in {"habe", "sei"})
    return " ".join(words[:k]), words[k], " ".join(words[k + 1:])


REPORTED = [
    (form.format(main=main, sub=sub, v2=_v2(main)), (*fact, "reported"))
    for form, (main, sub, fact) in itertools.product(REPORT_FORMS, CLAIMS)
]
PROMISES = [
    (form.format(a=a, b=b), (ka, S, kb, "planned"))
    for form, (a, ka), (b, kb) in itertools.product(
        ("{a} sagte {b} Panzer zu.", "{a} hat {b} Raketen zugesagt.", "{a} versprach {b} weitere Drohnen.",
         "{a} sicherte {b} Kampfjets zu.", "{a} hat {b} Munition versprochen."),
        [("Deutschland", "germany"), ("Valdoria", "entity:valdoria")],
        [("der Ukraine", "ukraine"), ("Polen", "poland")])
]
QUESTIONS = [
    (form.format(a=a, b=b), (ka, rel, kb, "alleged"))
    for (form, rel), (a, ka), (b, kb) in itertools.product(
        (("Liefert {a} Waffen an {b}?", S), ("Lieferte {a} Drohnen an {b}?", S), ("Trifft {a} am Montag {b}?", M),
         ("Verhängt {a} Sanktionen gegen {b}?", "imposedSanctionsOn")),
        [("Russland", "russia"), ("China", "china")], [("Nordkorea", "north_korea"), ("Valdoria", "entity:valdoria")])
]
SPEAKER_IN_OWN_SEGMENT = [
    ("Der Machthaber Baschar al-Assad habe bei seinem Besuch in Moskau gesagt, dass der Krieg ende, betonte Lawrow.",
     ("assad", V, "moscow", "reported")),
    ("Wladimir Putin habe bei seinem Treffen mit Xi Jinping erklärt, dass man kooperiere, sagte Peskow.",
     ("putin", M, "xi_jinping", "reported")),
]
SHORT_FORMS = [
    ("Putin und Xi unterzeichneten ein Abkommen.", ("putin", T, "xi_jinping")),
    ("Der Vertrag wurde von Putin und Kim unterzeichnet.", ("putin", T, "kim_jong_un")),
    ("Putin empfing Kim im Kreml.", ("putin", M, "kim_jong_un")),
    ("Das Treffen von Biden mit Xi fand in San Francisco statt.", ("biden", M, "xi_jinping")),
    ("Am Montag reiste Kim nach Moskau.", ("kim_jong_un", V, "moscow")),
    ("Xi reiste nach Moskau.", ("xi_jinping", V, "moscow")),
]
# (text, the relation that must not come out, or a fact that must not)
LOOK_ALIKES = [
    ("Russland sagte das Treffen mit Xi Jinping ab, sagte ein Sprecher.", ("putin", M, "xi_jinping")),
    ("Kurz nach dem Treffen reiste Wladimir Putin nach Peking.", ("kurz", V, "beijing")),
    ("Sarah Kim reiste nach Moskau.", ("kim_jong_un", V, "moscow")),
    ("Kim Kardashian reiste nach Moskau.", ("kim_jong_un", V, "moscow")),
    ("Einig wie selten präsentierten sich Werner Faymann und Reinhold Mitterlehner.", None),
]


@pytest.mark.parametrize(("text", "expected"), REPORTED + PROMISES + QUESTIONS + SPEAKER_IN_OWN_SEGMENT, ids=case_id)
def test_modality_and_who_says_so(text, expected):
    found = facts(run(text))
    assert expected in found, found
    assert not {f for f in found if f[:3] == expected[:3] and f[3] != expected[3]}, found


@pytest.mark.parametrize(("text", "expected"), SHORT_FORMS, ids=case_id)
def test_short_forms_alone(text, expected):
    assert expected in {f[:3] for f in facts(run(text))}


@pytest.mark.parametrize(("text", "forbidden"), LOOK_ALIKES, ids=case_id)
def test_look_alikes(text, forbidden):
    found = {f[:3] for f in facts(run(text))}
    assert (forbidden not in found) if forbidden else not found, found


def test_speech_verbs_that_promise_or_cancel_do_not_report():
    assert ("germany", S, "ukraine", "planned") in facts(run("Deutschland sagte der Ukraine Panzer zu."))


def test_the_paradigm_is_large():
    assert len(REPORTED + PROMISES + QUESTIONS + SHORT_FORMS) >= 80


# „Wir …", sagte X: the speaker's side acts, and a negation by one's own side is a denial
FIRST_PERSON = [
    (form.format(q=q, speaker=speaker), (side, S, b, modality))
    for (form, modality), (speaker, side), (q, b) in itertools.product(
        (('"Wir haben keine {q} geliefert", sagte {speaker}.', "denied"),
         ('"Man hat keine {q} geliefert", sagte {speaker}.', "denied"),
         ('{speaker} sagte, man habe keine {q} geliefert.', "denied"),
         ('"Wir werden {q} liefern", sagte {speaker}.', "planned"),
         ('"Wir haben {q} geliefert", sagte {speaker}.', "reported")),
        [("der iranische Außenminister", "iran"), ("Dmitri Peskow", "russia"), ("Olaf Scholz", "germany")],
        [("Waffen an Syrien", "syria"), ("Raketen an Valdoria", "entity:valdoria")])
]


@pytest.mark.parametrize(("text", "expected"), FIRST_PERSON, ids=case_id)
def test_first_person_in_a_named_speakers_words(text, expected):
    found = facts(run(text))
    assert expected in found, found
    assert not {f for f in found if f[:3] == expected[:3] and f[3] != expected[3]}, found


# „Ich …", sagte X: the speaker, a person, is the subject; a negation of one's own is a denial
FIRST_PERSON_SINGULAR = [
    (form.format(speaker=speaker, b=b), (ks, rel, kb if rel == M else kp, modality))
    for (form, rel, modality), (speaker, ks), ((b, kb), kp) in itertools.product(
        (('"Ich habe {b} nicht getroffen", sagte {speaker}.', M, "denied"),
         ('"Ich werde {b} in Peking treffen", sagte {speaker}.', M, "planned"),
         ('{speaker} sagte: „Ich habe {b} in Peking getroffen.“', M, "reported"),
         ('"Ich reise am Montag nach Peking", sagte {speaker}.', V, "planned"),
         ('"Ich fliege morgen nach Peking", sagte {speaker}.', V, "planned"),
         ('"Ich werde Peking besuchen", sagte {speaker}.', V, "planned"),
         ('"Ich bin nie nach Peking gereist", sagte {speaker}.', V, "denied")),
        [("Emmanuel Macron", "macron"), ("Jana Novak", "entity:jana-novak")],
        [(("Xi Jinping", "xi_jinping"), "beijing")])
]


@pytest.mark.parametrize(("text", "expected"), FIRST_PERSON_SINGULAR, ids=case_id)
def test_ich_in_a_named_speakers_words_is_the_speaker(text, expected):
    found = {f for f in facts(run(text)) if f[1] == expected[1]}
    assert found == {expected}, found


@pytest.mark.parametrize("text", ["Ich treffe Xi in Peking.", '"Ich reise nach Peking", sagte ein Sprecher.',
                                  '"Ich liefere Waffen an Syrien", sagte Russland.'])
def test_ich_without_a_named_person_names_no_one(text):
    assert not facts(run(text))


@pytest.mark.parametrize("text", ["Wir liefern Waffen an die Ukraine.", "Man liefert Waffen an die Ukraine.",
                                  '"Wir liefern Waffen an Syrien", sagte ein Sprecher.'])
def test_first_person_without_a_named_speaker_names_no_one(text):
    assert not facts(run(text))


# a speaker who says that his own side (his state, his government, his boss) did not do it denies it;
# the same words of someone else's side are a negation he reports
OWN_SIDE_FORMS = [
    ("{speaker} sagte, {party} habe {clause}.", "{party} habe {clause}, sagte {speaker}."),
]
OWN_SIDE_CLAUSES = [  # (the clause with {party}, relation, other party)
    ("keine Waffen an Nordkorea geliefert", S, "north_korea"),
    ("nie Drohnen nach Valdoria geschickt", S, "entity:valdoria"),
    ("den Präsidenten Finnlands nicht getroffen", M, "finland"),
    ("kein Abkommen mit Syrien unterzeichnet", T, "syria"),
]
SPEAKERS = [  # (speaker, his side), (a party of his side, its key), (a party of another side, its key)
    ("Kremlsprecher Dmitri Peskow", "peskov", ("Russland", "russia"), ("die Ukraine", "ukraine")),
    ("der iranische Außenminister", "iran", ("der Iran", "iran"), ("Israel", "israel")),
    ("Peking", "beijing", ("China", "china"), ("Japan", "japan")),
    ("das chinesische Außenministerium", "china", ("die chinesische Regierung", "china"), ("Indien", "india")),
]
OWN_SIDE_CASES = [
    (form.format(speaker=speaker, party=party, clause=clause), (key, rel, other), modality, claimant)
    for forms in OWN_SIDE_FORMS for form in forms
    for (clause, rel, other) in OWN_SIDE_CLAUSES
    for (speaker, claimant, own, foreign) in SPEAKERS
    for (party, key), modality in ((own, "denied"), (foreign, "negated"))
]


# what one's own side will not do, would not do or does not want to do is a refusal: negated
OWN_SIDE_REFUSALS = [
    (form.format(speaker=speaker, party=own[0]), (own[1], S, "north_korea"), "negated", None)
    for form in ("{party} werde keine Waffen an Nordkorea liefern, sagte {speaker}.",
                 "{speaker} sagte, {party} würde keine Waffen an Nordkorea liefern.",
                 "{party} wolle keine Waffen an Nordkorea liefern, sagte {speaker}.",
                 "{speaker} erklärte, {party} könne keine Waffen an Nordkorea liefern.")
    for (speaker, claimant, own, foreign) in SPEAKERS
]


@pytest.mark.parametrize(("text", "fact", "modality", "claimant"), OWN_SIDE_CASES + OWN_SIDE_REFUSALS, ids=case_id)
def test_a_speaker_negating_his_own_sides_deed_denies_it(text, fact, modality, claimant):
    text = text[:1].upper() + text[1:]
    found = [st for st in run(text).statements if (st.subject, st.relation, st.object) == fact
             or (fact[1] in {M, T} and (st.object, st.relation, st.subject) == fact)]
    assert [st.modality for st in found] == [modality], facts(run(text))
    assert modality != "denied" or found[0].attributed_to == claimant, found


# a source phrase ("nach Einschätzung", "nach Darstellung", "nach Angaben") reports its clause, also
# behind a verbless apposition ("Nach Angaben des Geheimdienstchefs, Kyrylo Budanow, liefert …")
SOURCE_FORMS = ["Nach Angaben des Geheimdienstchefs, Kyrylo Budanow, {v}.",
                "Nach Einschätzung des südkoreanischen Geheimdienstes {v}.",
                "Nach Darstellung Kiews {v}.",
                "Nach Erkenntnissen der Ermittler, einer Sondereinheit, {v}.",
                "Nach Schätzungen westlicher Experten {v}.",
                # the noun of a source phrase is no office handed over ("einen Bericht übergeben")
                "Laut einem Bericht {v}.", "Laut einem Bericht der Zeitung „Asahi“ {v}.",
                "Einem Bericht des Senders zufolge {v}."]
SOURCE_CASES = [
    (form.format(v=v), (*fact, "reported"))
    for form, (v, fact) in itertools.product(SOURCE_FORMS, [
        ("liefert Moskau Raketen an Pjöngjang", ("russia", S, "north_korea")),
        ("hat Nordkorea Granaten nach Russland geliefert", ("north_korea", S, "russia")),
        ("lieferte Valdoria Drohnen an Syrien", ("entity:valdoria", S, "syria")),
        ("übergab Teheran Hunderte Raketen an Moskau", ("iran", S, "russia")),
        ("soll Nordkorea Artilleriegranaten nach Russland geschickt haben", ("north_korea", S, "russia"))])
]


@pytest.mark.parametrize(("text", "expected"), SOURCE_CASES, ids=case_id)
def test_source_phrases_report_their_clause(text, expected):
    found = facts(run(text))
    assert expected in found, found
    assert not {f for f in found if f[:3] == expected[:3] and f[3] != expected[3]}, found


@pytest.mark.parametrize("text", ["Laut dem Bericht übergab Lindner sein Mandat an Reisinger.",
                                  "Nach Angaben der Partei soll Kurz den Vorsitz an Mahrer übergeben haben.",
                                  "Laut einem Bericht übergab Ostravien den Bericht an die Vereinten Nationen."])
def test_an_office_handed_over_is_no_supply_behind_a_source_phrase(text):
    assert not {f for f in facts(run(text)) if f[1] == S}


def test_a_preposition_of_time_is_no_source():
    assert ("russia", S, "syria", "asserted") in facts(run("Nach dem Treffen lieferte Russland Waffen an Syrien."))


# every speech verb reports in every word order: "X erläuterte, …", "…, präzisierte X", "Wie X darlegte, …"
def _capitalised(text: str) -> str:
    return text[0].upper() + text[1:]


NEW_SPEECH = [("erläuterte", "erläutert"), ("präzisierte", "präzisiert"), ("antwortete", "geantwortet"),
              ("legte dar", "dargelegt")]
SPEECH_ORDER_CASES = [
    (_capitalised(form.format(v=past, p=part, x=x)), ("north_korea", S, "russia", "reported"))
    for (past, part), x, form in itertools.product(
        NEW_SPEECH, ["Peskow", "ein Sprecher des Weißen Hauses"],
        ["Nordkorea liefert Raketen an Russland, {v} {x}.".replace(" dar,", ","),
         "{x} hat {p}, Nordkorea liefere Raketen an Russland."])
    if not (past == "legte dar" and "{v}" in form)
]


@pytest.mark.parametrize(("text", "expected"), SPEECH_ORDER_CASES, ids=case_id)
def test_more_speech_verbs_report(text, expected):
    found = {f for f in facts(run(text)) if f[1] == S}
    assert found == {expected}, found


# "… Das behauptet Südkorea.": a sentence whose speech verb takes the sentence before as its object reports
# what that sentence asserted, by the speaker after the verb
CLAIMED = [("Nordkorea liefert Russland Munition.", ("north_korea", S, "russia")),
           ("Kim Jong Un hat Putin in Wladiwostok getroffen.", ("kim_jong_un", M, "putin")),
           ("Valdoria hat Ostravien Drohnen geliefert.", ("entity:valdoria", S, "entity:ostravien"))]
REPORTS = [("Das behauptet {w}.", True), ("Das behauptete zumindest {w}.", True), ("Dies berichtete {w} am Montag.", True),
           ("Das teilte {w} mit.", True), ("So sagte es {w} in Seoul.", True), ("Das erklärte {w} am Abend.", True)]
WHO = [("Südkorea", "south_korea"), ("das südkoreanische Militär", "south_korea"), ("Kremlsprecher Peskow", "peskov"),
       ("Jana Novak", "entity:jana-novak")]
PREVIOUS_CASES = [
    (f"{claim} {form.format(w=w)}", fact, k)
    for (claim, fact), (form, _), (w, k) in itertools.product(CLAIMED, REPORTS, WHO)
]


@pytest.mark.parametrize(("text", "fact", "speaker"), PREVIOUS_CASES, ids=case_id)
def test_a_speech_verb_of_the_sentence_before_reports_it(text, fact, speaker):
    found = [st for st in run(text).statements if (st.subject, st.relation, st.object) == fact]
    assert [(st.modality, st.attributed_to) for st in found] == [("reported", speaker)], found


@pytest.mark.parametrize("text", ["Nordkorea liefert Russland Munition. Das ist bekannt.",
                                  "Nordkorea liefert Russland Munition. Das zeigt eine Studie.",
                                  "Nordkorea liefert Russland Munition. Südkorea sagte am Montag nichts dazu."])
def test_a_sentence_after_without_a_speech_verb_of_it_reports_nothing(text):
    assert facts(run(text)) == {("north_korea", S, "russia", "asserted")}


@pytest.mark.parametrize(("text", "expected"), [
    # one's own side's deed, told by its minister: announced, asserted
    ("Die USA verhängen Sanktionen gegen die Türkei. Das teilte US-Außenminister Mike Pompeo mit.",
     ("usa", SANC, "turkey", "asserted")),
    ("Russland liefert Waffen an Syrien. Das sagte Kremlsprecher Peskow.", ("russia", S, "syria", "asserted")),
    # an event noun taken as given is not what the speaker tells
    ("Während des Besuchs von Scholz in Peking wurden Dissidenten festgenommen. Das sagte ein Aktivist.",
     ("scholz", V, "beijing", "asserted")),
    # a third side's deed: reported
    ("Die USA verhängen Sanktionen gegen die Türkei. Das teilte der russische Außenminister mit.",
     ("usa", SANC, "turkey", "reported")),
])
def test_what_the_sentence_after_reports_and_what_it_does_not(text, expected):
    assert expected in facts(run(text))


# "…, wie X sagte." reports what came before it; "wie geplant", "wie angekündigt" say the plan came true
TRAILING = ["wie der Kreml mitteilte", "wie Kremlsprecher Peskow sagte", "wie das südkoreanische Militär berichtete",
            "wie Jana Novak erklärte"]
TRAILING_SPEAKERS = ["kremlin", "peskov", "south_korea", "entity:jana-novak"]
TRAILING_MAINS = [("Putin reiste nach China", ("putin", V, "china")),
                  ("Nordkorea hat Munition an Russland geliefert", ("north_korea", S, "russia")),
                  ("Kim hat Putin in Wladiwostok getroffen", ("kim_jong_un", M, "putin"))]
TRAILING_CASES = [(f"{main}, {tail}.", fact, who)
                  for (tail, who), (main, fact) in itertools.product(zip(TRAILING, TRAILING_SPEAKERS), TRAILING_MAINS)]


@pytest.mark.parametrize(("text", "fact", "speaker"), TRAILING_CASES, ids=case_id)
def test_a_trailing_wie_clause_reports_what_came_before(text, fact, speaker):
    found = [st for st in run(text).statements if (st.subject, st.relation, st.object) == fact]
    assert [(st.modality, st.attributed_to) for st in found] == [("reported", speaker)], found


@pytest.mark.parametrize("text", ["Scholz traf Macron, wie geplant.", "Wie geplant traf Scholz am Montag Macron.",
                                  "Scholz traf Macron am Montag, wie angekündigt.", "Wie erwartet traf Scholz Macron."])
def test_as_planned_is_done(text):
    assert facts(run(text)) == {("scholz", M, "macron", "asserted")}


# "man" or "wir" opening reported words without quotation marks is the speaker's side: "Man habe keine Drohnen
# an Russland geliefert, sagte der iranische Außenminister" is Iran's denial, in every mood and tense
SIDE_OPENERS = ["Man habe keine Drohnen an {r} geliefert", "Man hat keine Drohnen an {r} geliefert",
                "Man liefere keine Drohnen an {r}", "Wir hätten keine Drohnen an {r} geliefert",
                "Wir liefern keine Drohnen an {r}"]
SIDE_SPEAKERS = [("der iranische Außenminister", "iran"), ("ein iranischer Regierungssprecher", "iran"),
                 ("Kremlsprecher Peskow", "russia"), ("der belarussische Präsident", "belarus")]
SIDE_RECIPIENTS = [("Nordkorea", "north_korea"), ("Valdoria", "entity:valdoria")]
SIDE_CASES = [(f"{opener.format(r=r)}, sagte {speaker}.", (side, S, kr, "denied"))
              for opener, (speaker, side), (r, kr) in itertools.product(SIDE_OPENERS, SIDE_SPEAKERS, SIDE_RECIPIENTS)]


@pytest.mark.parametrize(("text", "expected"), SIDE_CASES, ids=case_id)
def test_man_and_wir_in_reported_words_are_the_speakers_side(text, expected):
    assert facts(run(text)) == {expected}


@pytest.mark.parametrize("text", ["Man liefert Waffen an die Ukraine.", "Man habe Waffen an die Ukraine geliefert, hieß es.",
                                  "Man habe keine Drohnen an Russland geliefert, sagte Peskow."])
def test_man_with_no_speaker_or_the_recipients_own_side_is_no_one(text):
    assert not facts(run(text))
