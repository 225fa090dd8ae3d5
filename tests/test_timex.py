"""German time expressions -> ISO values, resolved against the article's date."""
from __future__ import annotations

import dataclasses

import pytest

from kg.timex import TimeMention, find_times, resolve_best

# (text, article date, the value of every time expression found, in text order)
CASES = [
    # absolute dates need no article date
    ("im September 2023", None, ["2023-09"]),
    ("Im September 2023 reiste Kim nach Russland.", "2024-06", ["2023-09"]),
    ("am 12. Juni 2024", None, ["2024-06-12"]),
    ("12.06.2024", None, ["2024-06-12"]),
    ("(APA, 1.3.2016)", None, ["2016-03-01"]),
    ("31.02.2024", None, [None]),
    ("am 3. Okt. 2023", None, ["2023-10-03"]),
    ("seit Sept. 2023", None, ["2023-09"]),
    ("im Jänner 2013", None, ["2013-01"]),
    ("Stand: 2024-06-19", None, ["2024-06-19"]),
    ("Stand 2024-06", None, ["2024-06"]),
    # years standing alone
    ("Massenprotesten 2020 sehr", None, ["2020"]),
    ("im Jahr 1994", None, ["1994"]),
    ("Ende 2023", None, ["2023"]),
    ("von 2014 bis 2016", None, ["2014", "2016"]),
    ("2014-2016", None, ["2014", "2016"]),
    ("Kim war 2019, 2023 und 2024 in Russland.", None, ["2019", "2023", "2024"]),
    # a month without a year: the most recent such month not after the article's
    ("Ende März", "2024-07", ["2024-03"]),
    ("Ende Oktober", "2024-03", ["2023-10"]),
    ("Anfang Mai", "2024-05-20", ["2024-05"]),
    ("im Juni", "2024-06", ["2024-06"]),
    ("im Juni", None, [None]),
    ("am 3. Mai", "2024-06", ["2024-05-03"]),
    ("am 20. Dezember", "2024-01-05", ["2023-12-20"]),
    ("am 12.06.", "2024-07", ["2024-06-12"]),
    # years and months relative to the article's date
    ("im vergangenen Jahr", "2024-06", ["2023"]),
    ("Im vergangenen Jahr", "2024-06", ["2023"]),
    ("Vergangenes Jahr", "2024-06", ["2023"]),
    ("im Vorjahr", "2016-01", ["2015"]),
    ("letztes Jahr", "2024-06", ["2023"]),
    ("Ende des vergangenen Jahres", "2024-06", ["2023"]),
    ("in diesem Jahr", "2023-09", ["2023"]),
    ("dieses Jahr", "2023-09", ["2023"]),
    ("im kommenden Jahr", "2023-09", ["2024"]),
    ("nächstes Jahr", "2023-09", ["2024"]),
    ("im vergangenen Jahr", None, [None]),
    ("im September vergangenen Jahres", "2024-06", ["2023-09"]),
    ("im September des vergangenen Jahres", "2024-06", ["2023-09"]),
    ("im März dieses Jahres", "2024-06", ["2024-03"]),
    ("im Oktober des Vorjahres", "2024-06", ["2023-10"]),
    ("im September vergangenen Jahres", None, [None]),
    ("vor zwei Jahren", "2024-06", ["2022"]),
    ("vor gut einem Jahr", "2024-06", ["2023"]),
    ("vor einem Monat", "2024-01", ["2023-12"]),
    ("im vergangenen Monat", "2024-01-15", ["2023-12"]),
    ("im vergangenen Monat", "2024", [None]),
    # days: exact when the date line gives the day, else the date line's month
    ("am Freitag", "2023-09-15", ["2023-09-15"]),            # 2023-09-15 is a Friday
    ("am Mittwoch", "2023-09-15", ["2023-09-13"]),
    ("am Samstag", "2023-09-15", ["2023-09-09"]),
    ("am vergangenen Freitag", "2023-09-15", ["2023-09-08"]),
    ("am kommenden Montag", "2023-09-15", ["2023-09-18"]),
    ("am Freitag", "2023-09", ["2023-09"]),
    ("am Dienstagabend", "2024-06", ["2024-06"]),
    ("in der Nacht zum Sonntag", "2023-09-15", ["2023-09-10"]),
    ("am Freitag", None, [None]),
    ("gestern", "2024-06-19", ["2024-06-18"]),
    ("gestern", "2024-06", ["2024-06"]),
    ("heute", None, [None]),
    ("vor drei Tagen", "2024-06-02", ["2024-05-30"]),
    # weeks and vague words are never finer than a month
    ("vergangene Woche", "2024-06", ["2024-06"]),
    ("vergangene Woche", "2024-06-03", ["2024-05"]),
    ("in der vergangenen Woche", "2024-06-20", ["2024-06"]),
    ("kürzlich", "2024-06-20", ["2024-06"]),
    # relative to an event the text mentions, assumed near the article's date
    ("Zwei Tage zuvor", "2023-09", ["2023-09"]),
    ("zwei Tage zuvor", "2023-09-15", ["2023-09"]),
    ("zwei Jahre später", "2023-09", [None]),
    # look-alikes that are not dates
    ("60 000 Tonnen Benzin", "2024-01", []),
    ("1.000 Tonnen", None, []),
    ("F-16-Kampfflugzeuge", None, []),
    ("um 20.15 Uhr", None, []),
    ("Kapitel 2", None, []),
    ("ein 2:0 Sieg", None, []),
    ("seit 24 Jahren", "2024-06", []),
    ("2500 Euro", None, []),
    ("rund 2000 Soldaten", None, []),
    ("2000 Soldaten", None, []),
    ("mit 1152 x 1920 Pixel", None, []),
    ("Resolution 2087 des Sicherheitsrats", None, []),
    ("in der Saison 2023/24", None, []),
    ("zuletzt angeblich auch Raketen", "2024-01", []),
    ("August Bebel", None, []),
    ("ein Mann namens Freitag", "2024-01-05", []),
    # a decade is not a year: nothing rather than a wrong "1990"
    ("in den 1990er Jahren", None, []),
    ("Ende der 1970er-Jahre", None, []),
    # out of range: not misread as this year's 15 June
    ("am 15. Juni 1215", "2015-08", []),
]


@pytest.mark.parametrize(("text", "date", "expected"), CASES)
def test_values(text, date, expected):
    assert [t.value for t in find_times(text, date)] == expected


def test_an_article_without_a_date_line_resolves_only_absolute_expressions():
    text = ("Im vergangenen Jahr soll Nordkorea Raketen geliefert haben. Am Mittwoch traf Putin "
            "Kim in Pjöngjang, wo beide im Juni 2024 einen Vertrag unterzeichneten.")
    times = find_times(text, None)
    assert [(t.text, t.value) for t in times] == [
        ("Im vergangenen Jahr", None), ("Am Mittwoch", None), ("im Juni 2024", "2024-06"),
    ]
    assert resolve_best(times) == "2024-06"


def test_offsets_point_into_the_text():
    text = "Kim war im September 2023 in Russland."
    (t,) = find_times(text, None)
    assert text[t.start:t.end] == t.text == "im September 2023"


def test_the_longest_expression_wins_where_they_overlap():
    text = "Kim war im September vergangenen Jahres in Russland, am 12. Juni 2024 Putin in Pjöngjang."
    times = find_times(text, "2024-06-20")
    assert [t.text for t in times] == ["im September vergangenen Jahres", "am 12. Juni 2024"]
    assert all(text[t.start:t.end] == t.text for t in times)


def test_mentions_are_frozen():
    (t,) = find_times("2020", None)
    assert t == TimeMention(0, 4, "2020", "2020")
    with pytest.raises(dataclasses.FrozenInstanceError):
        t.value = "2021"  # type: ignore[misc]


@pytest.mark.parametrize("bad", ["2024/06", "June 2024", "2024-13", "2024-02-30", "24-06"])
def test_a_malformed_article_date_is_an_error(bad):
    with pytest.raises(ValueError):
        find_times("am Freitag", bad)


@pytest.mark.parametrize(
    ("text", "date", "best"),
    [
        ("Am Mittwoch unterzeichneten sie im Juni 2024 den Vertrag", "2024-06-19", "2024-06-19"),
        ("Im vergangenen Jahr, im September 2023", "2024-06", "2023-09"),
        ("2019 und 2023", None, "2019"),
        ("keine Zeitangabe", "2024-06", None),
        ("im Juni", None, None),
    ],
)
def test_resolve_best_prefers_the_most_specific(text, date, best):
    assert resolve_best(find_times(text, date)) == best


# sentences of the seed articles (../shared/seeds) with their date lines; 002 and 003 have none
SEEDS = [
    ("sagte Putin am Freitag in Sotschi, wo er sich mit dem belarussischen Machthaber Alexander "
     "Lukaschenko traf.", "2023-09", "2023-09"),
    ("Für Lukaschenko war die Visite in Sotschi am Schwarzen Meer das siebte Treffen mit Putin in "
     "diesem Jahr.", "2023-09", "2023"),
    ("Zwei Tage zuvor hatte Putin mit dem nordkoreanischen Machthaber Kim Jong Un eine engere "
     "Kooperation vereinbart.", "2023-09", "2023-09"),
    ("Belarus habe Russland wie gewünscht 60 000 Tonnen Benzin und Diesel geliefert, sagte "
     "Lukaschenko.", "2023-09", None),
    ("Im vergangenen Jahr soll nach Angaben aus dem Weißen Haus die Lieferung von nordkoreanischen "
     "Raketen und Artilleriemunition an Russland vereinbart worden sein.", "2024-06", "2023"),
    ("Von dort aus wird er am Dienstagabend weiter nach Nordkorea reisen.", None, None),
    ("Im September vergangenen Jahres war Kim Jong-un in den Fernen Osten Russlands gereist.",
     None, None),
    ("Kim Jong-un und Wladimir Putin bei ihrem vergangenen Treffen im September 2023.", None, "2023-09"),
    ("Schon Ende März hatte Russland seine Vetomacht im Weltsicherheitsrat in New York dafür "
     "eingesetzt.", "2024-07", "2024-03"),
    ("Russland hatte vergangene Woche bei einem Besuch der nordkoreanischen Außenministerin Choe "
     "Son-hui die enge Zusammenarbeit mit dem Regime bekräftigt.", None, None),
    ("drohte Russlands Präsident zudem zuletzt damit, Präzisionswaffen an Nordkorea zu liefern.",
     "2024-07", None),
]


@pytest.mark.parametrize(("sentence", "date", "best"), SEEDS)
def test_seed_sentences(sentence, date, best):
    assert resolve_best(find_times(sentence, date)) == best
