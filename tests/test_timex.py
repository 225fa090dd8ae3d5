"""German time expressions -> ISO values, resolved against the article's date."""
from __future__ import annotations

import pytest

from kg.timex import find_times, resolve_best

CASES = [
    ("im September 2023", None, ["2023-09"]),
    ("am 12. Juni 2024", None, ["2024-06-12"]),
    ("12.06.2024", None, ["2024-06-12"]),
    ("31.02.2024", None, [None]),
    ("Massenprotesten 2020 sehr", None, ["2020"]),
    ("im Jahr 1994", None, ["1994"]),
    ("von 2014 bis 2016", None, ["2014", "2016"]),
    ("Ende März", "2024-07", ["2024-03"]),
    ("Ende Oktober", "2024-03", ["2023-10"]),
    ("Anfang Mai", "2024-05-20", ["2024-05"]),
    ("im Juni", None, [None]),
    ("am 3. Mai", "2024-06", ["2024-05-03"]),
    ("im vergangenen Jahr", "2024-06", ["2023"]),
    ("Im vergangenen Jahr", "2024-06", ["2023"]),
    ("im Vorjahr", "2016-01", ["2015"]),
    ("in diesem Jahr", "2023-09", ["2023"]),
    ("im kommenden Jahr", "2023-09", ["2024"]),
    ("im September vergangenen Jahres", "2024-06", ["2023-09"]),
    ("im September vergangenen Jahres", None, [None]),
    ("am Freitag", "2023-09-15", ["2023-09-15"]),
    ("am Mittwoch", "2023-09-15", ["2023-09-13"]),
    ("am Freitag", "2023-09", ["2023-09"]),
    ("am Dienstagabend", "2024-06", ["2024-06"]),
    ("am Freitag", None, [None]),
    ("vergangene Woche", "2024-06", ["2024-06"]),
    ("zwei Tage zuvor", "2023-09", ["2023-09"]),
    ("gestern", "2024-06-19", ["2024-06-19"]),
    # look-alikes that are not dates
    ("60 000 Tonnen Benzin", "2024-01", []),
    ("F-16-Kampfflugzeuge", None, []),
    ("um 20.15 Uhr", None, []),
    ("Kapitel 2", None, []),
    ("ein 2:0 Sieg", None, []),
    ("seit 24 Jahren", "2024-06", []),
    ("2500 Euro", None, []),
]


@pytest.mark.parametrize(("text", "date", "expected"), CASES)
def test_values(text, date, expected):
    assert [t.value for t in find_times(text, date)] == expected


def test_offsets_point_into_the_text():
    text = "Kim war im September 2023 in Russland."
    (t,) = find_times(text, None)
    assert text[t.start:t.end] == t.text == "im September 2023"


@pytest.mark.parametrize(
    ("text", "date", "best"),
    [
        ("Am Mittwoch unterzeichneten sie im Juni 2024 den Vertrag", "2024-06-19", "2024-06-19"),
        ("Im vergangenen Jahr, im September 2023", "2024-06", "2023-09"),
        ("keine Zeitangabe", "2024-06", None),
        ("im Juni", None, None),
    ],
)
def test_resolve_best_prefers_the_most_specific(text, date, best):
    assert resolve_best(find_times(text, date)) == best
