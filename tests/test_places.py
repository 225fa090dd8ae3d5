"""Places from GeoNames (ontology/places.toml): loading and checking, the common-word guard,
and how they sit beside the entries the gazetteer had before."""
from __future__ import annotations

import tomllib

import pytest

from kg.errors import InputError
from kg.extraction import default_cues
from kg.gazetteer import default_gazetteer, load_gazetteer
from kg.lexicon import default_lexicon
from kg.mentions import find_mentions
from kg.nlp import load_pipeline
from kg.resources import ontology_dir


def places(text: str) -> list[tuple[str, str]]:
    """(text, key) of the mentions of class Place in ``text``."""
    cues = default_cues()
    doc = load_pipeline()(text)
    return [(m.text, m.key) for m in find_mentions(doc, default_gazetteer(), "2016-01",
                                                   {**cues.syntax, **cues.anaphora}, default_lexicon())
            if m.cls == "Place"]


# both directions: the town where a word cannot stand, the word where it can
@pytest.mark.parametrize("text, expected", [
    ("Er besuchte Halle.", [("Halle", "halle")]),
    ("Die Halle war voll.", []),
    ("Merkel besuchte Essen.", [("Essen", "essen")]),
    ("Das Essen war gut.", []),
    ("Essen ist gesund.", []),
    ("Es gab gutes Essen.", []),
    ("Nach dem Essen reiste er ab.", []),
    ("Sie wohnt in Essen.", [("Essen", "essen")]),
    ("Sie zog von Halle nach Worms.", [("Halle", "halle"), ("Worms", "worms")]),
    ("Er trat in der großen Halle auf.", []),
    ("Die Polizei in Frankfurt ermittelt.", [("Frankfurt", "frankfurt_am_main")]),
    ("Der Zug fuhr nach Linz.", [("Linz", "linz")]),
    ("Sie zahlte mit Mark und Pfennig.", []),
    ("Er trank an der Bar.", []),
    ("Faymann besuchte Graz.", [("Graz", "graz")]),
    ("Der Gipfel fand in Mailand statt.", [("Mailand", "mailand")]),
    ("Die Truppen rückten auf Charkiw vor.", [("Charkiw", "charkiw")]),
    ("In Hanau fielen Schüsse.", [("Hanau", "hanau_am_main")]),
    ("Er wohnt in Mönchengladbach und arbeitet in Moers.",
     [("Mönchengladbach", "moenchengladbach"), ("Moers", "moers")]),
])
def test_common_word_guard(text, expected):
    assert places(text) == expected


def test_existing_entries_keep_their_keys_and_metonymy():
    gazetteer = default_gazetteer()
    assert gazetteer.lookup("Moskau") == "moscow" and gazetteer.lookup("Pjöngjang") == "pyongyang"
    assert gazetteer["moscow"].metonym_for == "russia" and gazetteer["moscow"].geonames is None
    assert gazetteer.lookup("Wien") == "wien" and gazetteer["wien"].metonym_for == "austria"
    # a new place is a plain place: no metonym
    assert gazetteer["mailand"].metonym_for is None and gazetteer["mailand"].country == "italy"
    assert places("Lawrow reiste nach Pjöngjang.") == [("Pjöngjang", "pyongyang")]


def test_no_geonames_place_duplicates_an_existing_form():
    data = tomllib.loads((ontology_dir() / "places.toml").read_text(encoding="utf-8"))
    gazetteer = load_gazetteer(ontology_dir() / "gazetteer.toml")
    others = {form.casefold() for entry in gazetteer.entries.values() if entry.geonames is None
              for form in (entry.label, *entry.forms, *entry.short_forms)}
    seen: set[str] = set()
    for place in data["entity"]:
        folded = {form.casefold() for form in place["forms"]}     # "Neuß" and "Neuss" are one
        assert folded.isdisjoint(others) and folded.isdisjoint(seen), place["key"]
        seen |= folded
    assert len(data["entity"]) > 1000
    assert {"Moskau", "Pjöngjang", "Berlin", "Wien"}.isdisjoint(seen)


def test_places_carry_geonames_id_country_and_population():
    entry = default_gazetteer()["muenchen"]
    assert (entry.cls, entry.label, entry.geonames, entry.country) == ("Place", "München", 2867714, "germany")
    assert entry.population > 1_000_000 and not entry.common_word
    assert default_gazetteer()["essen"].common_word


@pytest.mark.parametrize("field, value, message", [
    ("geonames", '"x"', "geonames must be a non-negative integer, not 'x'"),
    ("population", "-5", "population must be a non-negative integer, not -5"),
    ("common_word", '"yes"', "common_word must be a bool, not 'yes'"),
    ("country", '"atlantis"', "refers to unknown entity 'atlantis'"),
    ("country", '"club"', "country 'club' is not a state"),
])
def test_a_malformed_place_is_one_line_naming_file_key_and_value(tmp_path, field, value, message):
    (tmp_path / "gazetteer.toml").write_text('include = ["places.toml"]\n', encoding="utf-8")
    (tmp_path / "places.toml").write_text(
        '[[entity]]\nkey = "land"\nlabel = "Land"\nclass = "State"\n\n'
        '[[entity]]\nkey = "town"\nlabel = "Stadt"\nclass = "Place"\ncountry = "land"\n\n'
        '[[entity]]\nkey = "club"\nlabel = "Verein"\nclass = "Organization"\n\n'
        f'[[entity]]\nkey = "x"\nlabel = "X"\nclass = "Place"\n{field} = {value}\n', encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_gazetteer(tmp_path / "gazetteer.toml")
    assert str(err.value) == f"{tmp_path / 'places.toml'}: x: {message}"


def test_a_state_with_a_geonames_id_is_refused(tmp_path):
    (tmp_path / "gazetteer.toml").write_text('[[entity]]\nkey = "s"\nlabel = "S"\nclass = "State"\ngeonames = 1\n',
                                            encoding="utf-8")
    with pytest.raises(InputError, match="s: geonames 1 on a State, not a Place"):
        load_gazetteer(tmp_path / "gazetteer.toml")


# the club and state guard ([clubs] in gazetteer.toml): both ways
@pytest.mark.parametrize("text, expected", [
    ("Hannover 96 verlor das Heimspiel.", []),
    ("Schalke 04 gewann.", []),
    ("Er zog nach Hannover.", [("Hannover", "hannover")]),
    ("Der FC Ingolstadt gewann in Bremen.", [("Bremen", "bremen")]),
    ("Die Firma zog nach Ingolstadt um.", [("Ingolstadt", "ingolstadt")]),
    ("Werder Bremen spielte stark.", []),
    ("Der Senat in Bremen tagte.", [("Bremen", "bremen")]),
    ("Der VfL Wolfsburg siegte. Wolfsburg verlor danach.", []),
    ("VW hat seinen Sitz in Wolfsburg.", [("Wolfsburg", "wolfsburg")]),
    ("Der 1. FC Nürnberg stieg ab.", []),
    ("Der Prozess in Nürnberg begann.", [("Nürnberg", "nuernberg")]),
    ("Zenit St. Petersburg gewann.", []),
    ("Putin flog nach St. Petersburg.", [("St. Petersburg", "sankt_petersburg")]),
    ("Die Dallas Mavericks gewannen.", []),
    ("Die Oilers verloren gegen Dallas 3:2.", []),
    ("Der Anschlag in Dallas erschütterte die USA.", [("Dallas", "dallas")]),
    ("Die Edmonton Oilers siegten.", []),
    ("Er lebt in Edmonton.", [("Edmonton", "edmonton")]),
    ("Sturm Graz verlor gegen Red Bull Salzburg.", []),
    ("Nach dem 2:0-Sieg gegen Hannover jubelte Köln.", []),
    ("Das Treffen begann um 16:30 Uhr in Hannover.", [("Hannover", "hannover")]),
    ("Tabellenführer Salzburg gewann.", []),
    ("Im Kader steht Florian Klein (Stuttgart, 2/0).", []),
    ("Die Messe (Stuttgart, Halle 4) beginnt.", [("Stuttgart", "stuttgart")]),
    ("Der Sieg gegen Salzburg kam spät.", []),
    ("Die Demonstration gegen Salzburg fand statt.", [("Salzburg", "salzburg")]),
    ("Das Land Salzburg zahlt.", []),
    ("Im Bundesland Salzburg schneite es.", []),
    ("Die Stadt Salzburg zahlt.", [("Salzburg", "salzburg")]),
    ("Er studierte an der Universität Salzburg.", [("Salzburg", "salzburg")]),
    ("Nach drei Siegen in Folge führt Rapid.", []),
    ("Es gab zwei Essen am Tag.", []),
    ("Sampdoria Genua verlor.", []),
])
def test_club_and_state_guard(text, expected):
    assert places(text) == expected


def test_the_dateline_stays_a_place_in_a_club_article():
    assert places("Salzburg – Red Bull Salzburg gewann. Salzburg jubelte.") == [("Salzburg", "salzburg")]


@pytest.mark.parametrize("clubs, message", [
    ('before = "FC"', "[clubs] before must be a list of non-empty strings, not 'FC'"),
    ('after = [""]', "[clubs] after must be a list of non-empty strings, not ['']"),
    ('titles = ["Tabellen führer"]', "[clubs] titles: one word each, not 'Tabellen führer'"),
    ("score_window = -1", "[clubs] score_window must be an integer from 0 to 20, not -1"),
    ("score_window = true", "[clubs] score_window must be an integer from 0 to 20, not True"),
    ('befor = ["FC"]', "[clubs]: unknown field 'befor'"),
])
def test_a_malformed_club_guard_is_one_line_naming_the_file(tmp_path, clubs, message):
    (tmp_path / "gazetteer.toml").write_text(f"[clubs]\n{clubs}\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_gazetteer(tmp_path / "gazetteer.toml")
    assert str(err.value) == f"{tmp_path / 'gazetteer.toml'}: {message}"


def test_the_shipped_club_guard_loads():
    clubs = default_gazetteer().clubs
    assert ("red", "bull") in clubs.before and "mavericks" in clubs.after and "land" in clubs.states


def test_the_dateline_after_a_title_stays_a_place_and_the_state_does_not_spread():
    assert places("Sieg für Salzburg\n\nSalzburg/Wien – Red Bull Salzburg gewann.") \
        == [("Salzburg", "salzburg"), ("Wien", "wien")]
    assert places("Das Land Salzburg zahlt. Die Stadt Salzburg auch.") == [("Salzburg", "salzburg")]


def test_a_large_gazetteer_file_is_read_from_the_json_cache_and_checked_as_before(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    filler = "".join(f'[[entity]]\nkey = "p{n}"\nlabel = "Ort{n}"\nclass = "Place"\n\n' for n in range(400))
    path = tmp_path / "gazetteer.toml"
    path.write_text(filler, encoding="utf-8")
    first = load_gazetteer(path)
    cached = list((tmp_path / "cache" / "newskg").glob("toml-*.json"))
    assert len(cached) == 1 and load_gazetteer(path).entries == first.entries
    path.write_text(filler + '[[entity]]\nkey = "p0"\nlabel = "X"\nclass = "Place"\n', encoding="utf-8")
    with pytest.raises(InputError, match="entity key 'p0' is defined twice"):
        load_gazetteer(path)                # a changed file is parsed (and checked) again
    cached[0].write_text("not json", encoding="utf-8")
    path.write_text(filler, encoding="utf-8")
    assert load_gazetteer(path).entries == first.entries     # a damaged cache is ignored


def test_every_person_can_be_named_by_one_word():
    """A person the gazetteer lists only by full names ("Yoon Suk Yeol") is named alone by a
    family name later in an article ("Yoon", "von der Leyen"): each has a form or short form of
    fewer words than its full name."""
    people = [e for e in default_gazetteer().entries.values() if e.cls == "Person"]
    assert len(people) > 100
    assert [e.key for e in people
            if all(len(f.split()) >= len(e.label.split()) for f in (*e.forms, *e.short_forms))] == []
