"""Who is named: role titles by the article's date, people nobody listed, office holders,
titles that refer within the article."""
from __future__ import annotations

import itertools

import pytest

from extract_cases import M, S, V, case_id, facts, run


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        ("Der US-Präsident besuchte Kiew.", "2015-06", {("obama", V, "kyiv", "asserted")}),
        ("Der US-Präsident besuchte Kiew.", "2023-02", {("biden", V, "kyiv", "asserted")}),
        ("Der US-Präsident besuchte Kiew.", "2025-03", {("trump", V, "kyiv", "asserted")}),
        # no date line: a bare role is not guessed …
        ("Der russische Präsident ist nach Jakutien gereist.", None, set()),
        # … but resolves to a holder the article names
        ("Putin reiste ab. Der russische Präsident ist nach Jakutien gereist.", None,
         {("putin", V, "yakutia", "asserted")}),
        ("Der russische Präsident ist nach Jakutien gereist.", "2010-03", {("medvedev", V, "yakutia", "asserted")}),
        ("Der Kremlchef besuchte Pjöngjang.", "2024-06", {("putin", V, "pyongyang", "asserted")}),
        ("Nordkoreas Machthaber besuchte Moskau.", "2009-05", {("kim_jong_il", V, "moscow", "asserted")}),
    ],
)
def test_role_titles_resolve_by_article_date(text, date, expected):
    assert facts(run(text, date)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kairo – Italiens Premier Matteo Renzi hat Ägypten besucht. Renzi traf sich dort mit Sameh Shukri.",
         {("renzi", V, "egypt", "asserted"), ("renzi", M, "entity:sameh-shukri", "asserted")}),
        ("Deutlich ging Xi Jinping bei einem Treffen mit dem iranischen Präsidenten Hassan Rohani auf den Streit ein.",
         {("xi_jinping", M, "rouhani", "asserted")}),
        ("Ägyptens Präsident Abdel Fattah al-Sisi bringt von seinem Besuch in Frankreich Verträge heim.",
         {("sisi", V, "france", "asserted")}),
        ("Außenministerin Federica Mogherini reist am Montag nach China. Mogherini will dort Xi Jinping treffen.",
         {("mogherini", V, "china", "planned"), ("mogherini", M, "xi_jinping", "planned")}),
        ("Der Machthaber Bashar al-Assad habe bei seinem Besuch in Moskau gesagt, dass der Krieg ende.",
         {("assad", V, "moscow", "asserted")}),
        ("Die Beziehungen bessern sich, sagte Ägyptens Außenminister Sameh Shukri bei einem Besuch in Rom.",
         {("entity:sameh-shukri", V, "rom", "asserted")}),
        ("Außenminister Lubomír Zaorálek zeigte sich nach seiner Begegnung mit dem Botschafter Sergey  Kiselev besorgt.",
         {("entity:lubomir-zaoralek", M, "entity:sergey-kiselev", "asserted")}),
        # "kurz vor dem Besuch": still ahead; "nach dem Besuch": done
        ("Kurz vor dem Besuch von Präsident Barack Obama in Vietnam ist ein Priester freigekommen.",
         {("obama", V, "vietnam", "planned")}),
        ("Nach dem Besuch von Präsident Barack Obama in Vietnam ist ein Priester freigekommen.",
         {("obama", V, "vietnam", "asserted")}),
        # a headline: "möglich" qualifies the whole of it
        ("Treffen EU, Ukraine, Russland diese Woche möglich",
         {("eu", M, "ukraine", "planned"), ("eu", M, "russia", "planned"), ("ukraine", M, "russia", "planned")}),
        # "sagte … ab" cancels
        ("Am Abend sagte der türkische Premier die Reise nach Brüssel ab.", {("davutoglu", V, "bruessel", "negated")}),
        # a compound ending in a role noun is a title when a name follows
        ("EU-Handelskommissarin Cecilia Malmström traf Lawrow.", {("malmstrom", M, "lavrov", "asserted")}),
        ("Justizministerin Karin Maier besuchte Polen.", {("entity:karin-maier", V, "poland", "asserted")}),
        ("Die Kommissionspräsidentin reiste ab.", set()),
        # "die Schwedin" is the last woman named; "Vertretern von X" stand for X; a comma list of three
        # names is a list without "und"
        ("EU-Kommissarin Cecilia Malmström kam nach Wien. Die Schwedin traf sich dort mit Vertretern von "
         "Frankreich, Italien, Spanien, also einigen Partnern.",
         {("malmstrom", M, "france", "asserted"), ("malmstrom", M, "italy", "asserted"), ("malmstrom", M, "spain", "asserted"),
          ("malmstrom", V, "wien", "asserted")}),
        ("Der Franzose traf Putin.", set()),
        # a place noun names a place nobody listed
        ("Innenministerin Mikl-Leitner und Verteidigungsminister Doskozil besuchen am Dienstag Grenze bei "
         "Spielfeld – Auch Serbien droht mit Grenzschließung.",
         {("mikl_leitner", V, "entity:spielfeld", "planned"), ("doskozil", V, "entity:spielfeld", "planned")}),
        ("Merkel besuchte das Flüchtlingslager Idomeni.", {("merkel", V, "entity:idomeni", "asserted")}),
        # a headline may name a person before the text introduces them
        ("Bundespräsident traf Merkel und Gauck\nDas sagte Bundespräsident Heinz Fischer. Er traf seinen "
         "Amtskollegen Joachim Gauck.",
         {("heinz_fischer", M, "merkel", "asserted"), ("heinz_fischer", M, "gauck", "asserted")}),
        # no name after the title: nothing is minted
        ("Der Außenminister am Montag in Moskau.", set()),
    ],
)
def test_people_nobody_listed(text, expected):
    assert facts(run(text, "2015-06")) == expected


def test_minted_person_is_typed_and_linked_to_the_state_of_the_title():
    ex = run("Italiens Außenminister Paolo Gentiloni hat Ägypten besucht.", "2015-06")
    (person,) = [e for e in ex.entities if e.key == "entity:paolo-gentiloni"]
    assert (person.label, person.cls, person.member_of, person.leader, person.in_gazetteer) == (
        "Paolo Gentiloni", "Person", "italy", False, False)
    (morales,) = [e for e in run("Boliviens Präsident Evo Morales besuchte Paris.", "2015-06").entities
                  if e.cls == "Person"]
    assert (morales.key, morales.member_of, morales.leader) == ("entity:evo-morales", "bolivia", True)


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        ("Der US-Außenminister besuchte Kairo.", "2015-06", {("kerry", V, "kairo", "asserted")}),
        ("US-Außenminister John Kerry besuchte Kairo. Kerry traf dort Hollande.", "2015-06",
         {("kerry", V, "kairo", "asserted"), ("kerry", M, "hollande", "asserted")}),
        ("Die Bundeskanzlerin traf den französischen Präsidenten.", "2016-03", {("merkel", M, "hollande", "asserted")}),
        ("Die Bundeskanzlerin traf den französischen Präsidenten.", "2018-03", {("merkel", M, "macron", "asserted")}),
        ("Kanzler Faymann traf den türkischen Präsidenten.", "2015-10", {("faymann", M, "erdogan", "asserted")}),
    ],
)
def test_office_holders_resolve_by_date(text, date, expected):
    assert facts(run(text, date)) == expected


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        # "… Kerry … der Minister" is one person, with or without a date line
        ("US-Außenminister John Kerry besuchte Kairo. Der Minister traf dort Hollande.", None,
         {("kerry", V, "kairo", "asserted"), ("kerry", M, "hollande", "asserted")}),
        ("Italiens Außenminister Paolo Gentiloni besuchte Kairo. Gentiloni traf dort Hollande. "
         "Der Minister reiste dann nach Paris.", None,
         {("entity:paolo-gentiloni", V, "kairo", "asserted"), ("entity:paolo-gentiloni", M, "hollande", "asserted"),
          ("entity:paolo-gentiloni", V, "paris", "asserted")}),
        # a headline's bare title is the person the article later names with it
        ("Bundespräsident traf Merkel. Das sagte Bundespräsident Heinz Fischer am Donnerstag.", None,
         {("heinz_fischer", M, "merkel", "asserted")}),
        # a bare ambiguous title the article never names stays unresolved, date or not
        ("Bundespräsident traf Merkel.", "2015-06", set()),
        ("Bundespräsident traf Merkel.", None, set()),
        # two people named with the title: not guessed
        ("Der Minister traf Merkel. Außenminister Paolo Gentiloni und Innenminister Angelino Alfano "
         "waren in Rom.", None, set()),
    ],
)
def test_titles_refer_within_the_article(text, date, expected):
    assert facts(run(text, date)) == expected


# a name ending in a sibilant takes an apostrophe as its genitive ("Scholz' Reise", "Belarus'
# Präsident"), straight or typographic; before a full stop or the end it closes a quotation
SIBILANT_NAMES = [("Olaf Scholz", "scholz"), ("Friedrich Merz", "merz"), ("Alexis Tsipras", "tsipras"),
                  ("António Guterres", "guterres")]
APOSTROPHE_FRAMES = [("Ein Besuch {n}{q} in Peking ist geplant.", ("{k}", V, "beijing", "planned")),
                     ("{n}{q} Reise nach Peking endete am Freitag.", ("{k}", V, "beijing", "asserted")),
                     ("Das Treffen {n}{q} mit Xi Jinping in Peking war kurz.", ("{k}", M, "xi_jinping", "asserted"))]
APOSTROPHE_CASES = [
    (form.format(n=n, q=q), tuple(part.format(k=k) for part in fact))
    for (n, k), q, (form, fact) in itertools.product(SIBILANT_NAMES, ["'", "’"], APOSTROPHE_FRAMES)
]


@pytest.mark.parametrize(("text", "expected"), APOSTROPHE_CASES, ids=lambda v: v[:40] if isinstance(v, str) else "")
def test_a_sibilant_names_genitive_is_an_apostrophe(text, expected):
    found = {f for f in facts(run(text)) if f[1] == expected[1]}
    assert found == {expected}, found


@pytest.mark.parametrize(("text", "span"), [
    ("Belarus' Präsident reiste ab.", ("Belarus'", "gen")), ("Scholz’ Reise endete.", ("Scholz’", "gen")),
    ("Er sagte: 'Wir liefern nichts an Belarus'.", ("Belarus", "name")), ("Gespräche mit Scholz'", ("Scholz", "name")),
])
def test_an_apostrophe_before_no_word_closes_a_quotation(text, span):
    from kg.nlp import SPAN_KEY, load_pipeline

    doc = load_pipeline()(text)
    assert [(s.text, s.label_) for s in doc.spans[SPAN_KEY] if s.kb_id_ in {"belarus", "scholz"}] == [span]


# a title with its state's genitive, then the holder's name, with or without commas: the name is the
# person, of that state ("der Präsident Kasachstans Tokajew empfing …" took the state as one party
# and Tokajew as the other); a common noun after the genitive is no name
HOLDER_TITLES = [("Der Präsident {g}", "Dem Präsidenten {g}", "dem Präsidenten {g}"),
                 ("Die Außenministerin {g}", "Der Außenministerin {g}", "der Außenministerin {g}"),
                 ("Der Regierungschef {g}", "Dem Regierungschef {g}", "dem Regierungschef {g}")]
HOLDER_STATES = [("Kasachstans", "kazakhstan"), ("Georgiens", "georgia"), ("Usbekistans", "uzbekistan")]
HOLDER_NAMES = [("Tokajew", "entity:tokajew"), ("Bachtijor Saidow", "entity:bachtijor-saidow"),
                ("Kassym-Schomart Tokajew", "entity:kassym-schomart-tokajew")]
HOLDER_FRAMES = [  # (sentence, (subject, relation, object)) with {t}: the title phrase and name
    ("{T} {n} traf Scholz in Berlin.", ("{k}", M, "scholz")),
    ("{T}, {n}, traf Scholz in Berlin.", ("{k}", M, "scholz")),
    ("Scholz traf sich in Berlin mit {t} {n}.", ("scholz", M, "{k}")),
    ("{T} {n} reiste am Montag nach Berlin.", ("{k}", V, "berlin")),
    ("Am Montag besuchte {T} {n} Berlin.", ("{k}", V, "berlin")),
]
HOLDER_CASES = [
    (frame.format(T=nom.format(g=g) if not frame.startswith("Am") else nom.format(g=g)[:1].lower() + nom.format(g=g)[1:],
                  t=dat.format(g=g), n=n), tuple(x.format(k=k) for x in fact), ks)
    for (nom, _, dat), (g, ks), (n, k) in itertools.product(HOLDER_TITLES, HOLDER_STATES, HOLDER_NAMES)
    for frame, fact in HOLDER_FRAMES
]


@pytest.mark.parametrize(("text", "fact", "state"), HOLDER_CASES, ids=case_id)
def test_a_title_with_its_states_genitive_then_the_name(text, fact, state):
    found = run(text)
    assert {f[:3] for f in facts(found) if f[1] in {M, V}} == {fact}, facts(found)
    person = next(e for e in found.entities if e.key == (fact[0] if fact[0].startswith("entity:") else fact[2]))
    assert (person.cls, person.member_of) == ("Person", state)


@pytest.mark.parametrize("text", ["Er sagte, dass der Präsident Kasachstans Waffen an Russland liefert.",
                                  "Er sagte, dass die Regierung Kasachstans Panzer an Russland liefert."])
def test_a_noun_after_a_titles_genitive_is_no_name(text):
    assert {f[:3] for f in facts(run(text))} == {("kazakhstan", S, "russia")}


# "der König von Jordanien", "der Emir von Katar", "der Präsident von Frankreich": a title's state after
# "von" is its genitive; its holder on the article's date if listed, else the state acts; a place
# or a club after "von" is no state (a state nobody listed neither: "die Präsidentin von der Leyen") ("der Bürgermeister von Kiew", "der Präsident von Real Madrid")
VON_TITLES = [("der Emir von Katar", "dem Emir von Katar", "qatar"),
              ("der König von Jordanien", "dem König von Jordanien", "jordan"),
              ("der Sultan von Oman", "dem Sultan von Oman", "oman"),
              ("der Präsident von Frankreich", "dem Präsidenten von Frankreich", "macron"),
              ("die Königin von Dänemark", "der Königin von Dänemark", "denmark")]
VON_FRAMES = [("{N} besuchte am Montag Berlin.", ("{k}", V, "berlin")),
              ("Am Montag reiste {n} nach Berlin.", ("{k}", V, "berlin")),
              ("Scholz traf sich in Berlin mit {d}.", ("scholz", M, "{k}")),
              ("Scholz hat {a} in Berlin getroffen.", ("scholz", M, "{k}"))]
VON_CASES = [
    (frame.format(N=nom[:1].upper() + nom[1:], n=nom, d=dat,
                  a=nom.replace("der ", "den ", 1).replace("Präsident ", "Präsidenten ")), tuple(x.format(k=k) for x in fact))
    for (nom, dat, k), (frame, fact) in itertools.product(VON_TITLES, VON_FRAMES)
]


@pytest.mark.parametrize(("text", "fact"), VON_CASES, ids=case_id)
def test_a_titles_state_after_von(text, fact):
    assert {f[:3] for f in facts(run(text)) if f[1] in {M, V}} == {fact}


@pytest.mark.parametrize("text", ["Der Bürgermeister von Kiew besuchte am Montag Berlin.",
                                  "Der Präsident von Real Madrid besuchte am Montag Berlin."])
def test_a_place_or_club_after_a_titles_von_is_no_state(text):
    assert not {f for f in facts(run(text)) if f[0] in {"ukraine", "spain"}}


# a title after an indefinite article is anyone's, never the holder of the article's date; a state's
# demonym before it still makes the state act ("Ein russischer Minister traf …")
@pytest.mark.parametrize("text", ["Noch nie hat ein US-Präsident Nordkorea besucht.",
                                  "Bisher ist kein Kanzler nach Nordkorea gereist, nur ein Präsident.",
                                  "Einen Bundeskanzler hat Kim nie getroffen.",
                                  "Eine Außenministerin der USA besuchte Pjöngjang nie."])
def test_an_indefinite_title_is_no_holder(text):
    assert not {f for f in facts(run(text)) if f[0] in {"biden", "scholz", "blinken"} or f[2] in {"scholz"}}


@pytest.mark.parametrize(("text", "expected"), [
    ("Ein russischer Minister traf den syrischen Präsidenten.", ("russia", M, "assad", "asserted")),
    ("Der US-Präsident besuchte Kiew.", ("biden", V, "kyiv", "asserted")),
])
def test_a_definite_title_or_a_demonym_still_names(text, expected):
    assert expected in facts(run(text))


# a short name ("Kim", "Xi") right before another listed name is a name alone, the two are two people:
# "Gestern hat Kim Putin getroffen" (not "Kim Kardashian", a name nobody listed)
SHORT = [("Kim", "kim_jong_un"), ("Xi", "xi_jinping")]
OTHERS = [("Putin", "putin"), ("Scholz", "scholz"), ("Lawrow", "lavrov"), ("Selenskyj", "zelensky")]
SHORT_FORMS = [("Gestern hat {a} {b} getroffen.", "asserted"), ("Am Montag traf {a} {b} in Moskau.", "asserted"),
               ("Danach empfing {a} {b}.", "asserted"), ("Am Freitag wird {a} {b} treffen.", "planned")]
SHORT_CASES = [(form.format(a=a, b=b), (ka, M, kb, modality))
               for (a, ka), (b, kb), (form, modality) in itertools.product(SHORT, OTHERS, SHORT_FORMS)]


@pytest.mark.parametrize(("text", "expected"), SHORT_CASES, ids=case_id)
def test_a_short_name_before_another_name_is_a_name_alone(text, expected):
    assert facts(run(text)) == {expected}


def test_a_short_name_before_a_word_nobody_listed_is_part_of_a_longer_name():
    assert {f[0] for f in facts(run("Gestern hat Kim Kardashian Putin getroffen."))} == {"entity:kim-kardashian"}


# a title with its article before a listed person who never held it: two people, the title's holder on the
# article's date (2024-06) and the person named ("Am Montag empfing der Bundeskanzler Macron"); a title before
# its own holder stays one person, in every word order
TITLE_HOLDERS = [("der Bundeskanzler", "scholz"), ("der Kremlchef", "putin"), ("der US-Präsident", "biden")]
GUESTS = [("Macron", "macron"), ("Selenskyj", "zelensky"), ("Modi", "modi")]
TITLE_FORMS = [("Am Montag empfing {t} {g} in Berlin.", "asserted"), ("Gestern hat {t} {g} getroffen.", "asserted"),
               ("Am Freitag wird {t} {g} treffen.", "planned")]
TITLE_CASES = [(form.format(t=t, g=g), tuple(sorted((kt, kg))), modality)
               for (t, kt), (g, kg), (form, modality) in itertools.product(TITLE_HOLDERS, GUESTS, TITLE_FORMS)]


@pytest.mark.parametrize(("text", "pair", "modality"), TITLE_CASES, ids=case_id)
def test_a_title_before_someone_who_never_held_it_is_its_holder(text, pair, modality):
    assert {(tuple(sorted((f[0], f[2]))), f[3]) for f in facts(run(text)) if f[1] == M} == {(pair, modality)}


@pytest.mark.parametrize(("text", "expected"), [
    ("Der russische Präsident Putin traf Xi.", {("putin", "xi_jinping")}),
    ("Am Montag traf der Kremlchef Putin den Präsidenten Xi.", {("putin", "xi_jinping")}),
    ("Gestern hat der Bundeskanzler Scholz Macron getroffen.", {("macron", "scholz")}),
    ("Der frühere Bundeskanzler Schröder traf Putin.", {("putin", "schroeder")}),
])
def test_a_title_before_its_own_holder_is_that_person(text, expected):
    assert {tuple(sorted((f[0], f[2]))) for f in facts(run(text)) if f[1] == M} == expected
