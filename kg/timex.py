"""German time expressions in news, resolved against the article's date.

``find_times(text, article_date)`` finds expressions such as "im September
2023", "am 12. Juni 2024", "12.06.2024", "2020", "Ende März", "im vergangenen
Jahr", "im September vergangenen Jahres", "am Freitag", "gestern" or "vor zwei
Jahren" and resolves each to an ISO value of the precision the text supports
("YYYY", "YYYY-MM", "YYYY-MM-DD"), or to None when it is relative and the
article has no date (or too coarse a one).  ``resolve_best`` picks the most
specific value.

Pure functions: no spaCy, no I/O beyond reading the word table
``ontology/time.toml`` once.  Rules of resolution:

* a month without a year is the most recent such month not after the article's
  month ("Ende Oktober" in an article of 2024-03 is 2023-10);
* a weekday is the most recent such day on or before the article's day
  ("am Mittwoch" in an article of Friday 2023-09-15 is 2023-09-13); "vergangenen"
  makes it strictly before, "kommenden" strictly after; with a date line of
  month precision it is that month;
* day offsets ("gestern", "vor drei Tagen") are exact when the date line gives
  the day, else the date line's month; weeks and vague words ("vergangene
  Woche", "kürzlich", "zwei Tage zuvor") are never finer than a month;
* a four-digit number 1900-2099 is a year unless it is part of a larger number,
  a decade ("1990er"), a name ("F-16", "Resolution 2087") or a count ("2000
  Soldaten", "rund 2000").
"""
from __future__ import annotations

import datetime as dt
import functools
import re
import tomllib
from dataclasses import dataclass
from typing import Iterable

from kg.resources import ontology_dir

Anchor = tuple[int, int | None, int | None]   # (year, month, day) of the article's date


@dataclass(frozen=True)
class TimeMention:
    """One time expression: ``text == source[start:end]``; ``value`` an ISO string or None."""

    start: int
    end: int
    text: str
    value: str | None


# ---------------------------------------------------------------- the word table


@functools.lru_cache(maxsize=1)
def _words() -> dict:
    return tomllib.loads((ontology_dir() / "time.toml").read_text(encoding="utf-8"))


def calendar_words() -> frozenset[str]:
    """The month and weekday names of ``time.toml`` ("januar", "jänner", "montag", "sonnabend")."""
    words = _words()
    return frozenset(words["months"]) | frozenset(words["weekdays"])


def weekday_numbers() -> dict[str, int]:
    """Weekday names to their number, Monday 0 ("montag": 0, "sonnabend": 5)."""
    return dict(_words()["weekdays"])


def _key(text: str) -> str:
    """A matched phrase as a table key: lower case, single spaces, no trailing dot."""
    return " ".join(text.lower().split()).rstrip(".")


def _alt(keys: Iterable[str]) -> str:
    """A regex alternation of phrases, longest first; a space matches any whitespace."""
    phrases = sorted(set(keys), key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(w) for w in phrase.split()) for phrase in phrases)


@functools.lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[str, re.Pattern], ...]:
    """(kind, pattern) in order of preference when two matches are equally long."""
    w = _words()
    prefixes, counted = w["prefixes"], w["counted"]

    def opt(name: str) -> str:          # an optional prefix word that belongs to the mention
        return rf"(?:(?:{_alt(prefixes[name])})\s+)?"

    month = _alt(w["months"])
    month_any = rf"(?:{month})\b|(?:{_alt(w['month_abbreviations'])})(?:\.|\b)"
    genitive = _alt(k for k in w["relative_years"] if k.endswith("jahres"))
    article = rf"(?:(?:{_alt(prefixes['articles'])})\s+)?"
    relative = rf"(?:(?:{_alt(prefixes['relative'])})\s+{article})?"
    year = r"(?P<year>(?:19|20)\d\d)(?!\d)(?!\.\d)"
    day = r"(?<![\w.])(?P<d>[0-3]?\d)\."
    number = rf"(?P<n>{_alt(counted['numbers'])}|\d{{1,3}})"
    units = rf"(?P<unit>{_alt(counted['units'])})"
    approx = rf"(?:(?:{_alt(counted['approximately'])})\s+)?"
    direction = _alt(w["weekday_directions"])
    weekday = rf"(?P<day>{_alt(w['weekdays'])})(?:{_alt(w['words']['day_parts'])})?\b"
    table = [
        ("iso", r"(?<![\w.:/-])(?P<year>(?:19|20)\d\d)-(?P<m>0[1-9]|1[0-2])(?:-(?P<d>[0-3]\d))?(?![\w:/-])"),
        ("numeric", rf"(?<![\w.]){opt('day')}{day}(?P<m>[01]?\d)\.{year}"),
        ("day_month", rf"(?<![\w.]){opt('day')}{day}\s*(?P<month>{month_any})(?:\s+{year}|(?!\s+\d))"),
        ("numeric_short", rf"(?<!\w)(?:{_alt(prefixes['day'])})\s+{day}(?P<m>[01]?\d)\.(?!\d)"),
        ("month_rel", rf"(?<!\w){opt('month')}(?P<month>{month})\s+{article}(?P<rel>{genitive})\b"),
        ("month_year", rf"(?<!\w){opt('month')}(?P<month>{month_any})\s+{year}(?!\w)"),
        ("rel_year", rf"(?<!\w){relative}(?P<rel>{_alt(w['relative_years'])})\b"),
        ("rel_month", rf"(?<!\w){relative}(?P<rel>{_alt(w['relative_months'])})\b"),
        ("month", rf"(?<!\w)(?:{_alt(prefixes['month'])})\s+(?P<month>{month})\b"),
        ("weekday", rf"(?<!\w)(?:(?:{_alt(prefixes['weekday'])})\s+(?:(?P<dir>{direction})\s+)?"
                    rf"|(?P<dir2>{direction})\s+){weekday}"),
        ("ago", rf"(?<!\w)vor\s+{approx}{number}\s+{units}\b"),
        ("event", rf"(?<!\w){approx}{number}\s+{units}\s+(?:{_alt(counted['event_words'])})\b"),
        ("rel_day", rf"(?<!\w){relative}(?P<rel>{_alt(w['relative_days'])})\b"),
        # not inside a number, a name ("F-16") or a decade ("1990er"); "2014-2016" is two years
        ("year", rf"(?<![\w.,:/§]){opt('year')}(?<![\w.,:/§])(?<![^\W\d]-){year}"
                 rf"(?!\w)(?!,\d)(?!:\d)(?!/\d)(?!-[^\W\d])"),
    ]
    return tuple((kind, re.compile(pattern, re.IGNORECASE)) for kind, pattern in table)


# ---------------------------------------------------------------- finding


def find_times(text: str, article_date: str | None) -> list[TimeMention]:
    """Every time expression in ``text``, in text order.

    Where candidates overlap the longest wins (then the more specific kind), so
    "im September vergangenen Jahres" is one mention, not three.  ``article_date``
    is "YYYY-MM-DD", "YYYY-MM", "YYYY" or None; a malformed one raises ValueError.
    """
    anchor = _parse_date(article_date)
    candidates = []
    for rank, (kind, pattern) in enumerate(_patterns()):
        for match in pattern.finditer(text):
            if kind == "year" and _is_count(text, match):
                continue
            candidates.append((-(match.end() - match.start()), rank, match.start(), kind, match))
    found: list[TimeMention] = []
    taken: list[tuple[int, int]] = []
    for _, _, start, kind, match in sorted(candidates, key=lambda c: c[:3]):
        end = match.end()
        if any(start < e and s < end for s, e in taken):
            continue
        taken.append((start, end))
        found.append(TimeMention(start, end, match.group(0), _resolve(kind, match, anchor)))
    return sorted(found, key=lambda t: t.start)


def resolve_best(times: Iterable[TimeMention]) -> str | None:
    """The most specific resolved value (a day beats a month beats a year); the first wins ties."""
    best: str | None = None
    for t in times:
        if t.value and (best is None or len(t.value) > len(best)):
            best = t.value
    return best


def _is_count(text: str, match: re.Match) -> bool:
    """A year-shaped number that is a count, a name or a number: "rund 2000", "2000 Soldaten"."""
    w = _words()["years"]
    before = text[max(0, match.start() - 40):match.start()].lower().split()
    if any(" ".join(before[-n:]) in w["not_after"] for n in (1, 2) if len(before) >= n):
        return True
    after = AFTER_YEAR.match(text, match.end())      # (not a copy of the rest of the text per year)
    return bool(after) and after.group(1).lower() in w["not_before"]


AFTER_YEAR = re.compile(r"\s*(%|[^\W\d]+)")


# ---------------------------------------------------------------- resolving


def _parse_date(value: str | None) -> Anchor | None:
    if value is None or value == "":
        return None
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value.strip())
    if not m:
        raise ValueError(f"article date must be YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}")
    year, month, day = (int(g) if g else None for g in m.groups())
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"article date has no month {month}: {value!r}")
    if day is not None:
        dt.date(year, month, day)        # raises ValueError for 2024-02-30
    return year, month, day


def _format(anchor: Anchor) -> str:
    year, month, day = anchor
    if day is not None:
        return f"{year:04d}-{month:02d}-{day:02d}"
    if month is not None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}"


def _month_value(month_word: str) -> int:
    w = _words()
    key = _key(month_word)
    return w["months"].get(key) or w["month_abbreviations"][key]


def _iso_date(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _year_for_month(month: int, anchor: Anchor | None) -> int | None:
    """The year of the most recent such month not after the article's month."""
    if anchor is None or anchor[1] is None:
        return None
    year, a_month, _ = anchor
    return year if month <= a_month else year - 1


def _shift_months(year: int, month: int, offset: int) -> str:
    index = year * 12 + (month - 1) + offset
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _days_from(anchor: Anchor | None, days: int, precision: str) -> str | None:
    """The article's date moved by ``days``, no finer than ``precision``."""
    if anchor is None:
        return None
    year, month, day = anchor
    if day is None:
        if abs(days) > _words()["counted"]["max_days_in_month_only"]:
            return None
        return _format(anchor)
    moved = dt.date(year, month, day) + dt.timedelta(days=days)
    return moved.isoformat() if precision == "day" else moved.isoformat()[:7]


def _resolve(kind: str, match: re.Match, anchor: Anchor | None) -> str | None:
    w = _words()
    g = match.groupdict()
    if kind == "iso":
        if g["d"] is None:
            return f"{g['year']}-{g['m']}"
        return _iso_date(int(g["year"]), int(g["m"]), int(g["d"]))
    if kind == "numeric":
        return _iso_date(int(g["year"]), int(g["m"]), int(g["d"]))
    if kind == "numeric_short":
        month = int(g["m"])
        year = _year_for_month(month, anchor) if 1 <= month <= 12 else None
        return None if year is None else _iso_date(year, month, int(g["d"]))
    if kind == "day_month":
        month = _month_value(g["month"])
        year = int(g["year"]) if g["year"] else _year_for_month(month, anchor)
        return None if year is None else _iso_date(year, month, int(g["d"]))
    if kind == "month_year":
        return f"{int(g['year']):04d}-{_month_value(g['month']):02d}"
    if kind == "month_rel":
        if anchor is None:
            return None
        return f"{anchor[0] + w['relative_years'][_key(g['rel'])]:04d}-{_month_value(g['month']):02d}"
    if kind == "month":
        month = _month_value(g["month"])
        year = _year_for_month(month, anchor)
        return None if year is None else f"{year:04d}-{month:02d}"
    if kind == "rel_year":
        return None if anchor is None else f"{anchor[0] + w['relative_years'][_key(g['rel'])]:04d}"
    if kind == "rel_month":
        if anchor is None or anchor[1] is None:
            return None
        return _shift_months(anchor[0], anchor[1], w["relative_months"][_key(g["rel"])])
    if kind == "weekday":
        return _weekday(g, anchor)
    if kind == "rel_day":
        spec = w["relative_days"][_key(g["rel"])]
        return _days_from(anchor, spec["days"], spec["precision"])
    if kind in {"ago", "event"}:
        return _counted(kind, g, anchor)
    if kind == "year":
        return f"{int(g['year']):04d}"
    raise AssertionError(kind)


def _weekday(g: dict, anchor: Anchor | None) -> str | None:
    if anchor is None:
        return None
    if anchor[2] is None:
        return _format(anchor)
    w = _words()
    target = w["weekdays"][_key(g["day"])]
    direction_word = g.get("dir") or g.get("dir2")
    direction = w["weekday_directions"][_key(direction_word)] if direction_word else 0
    day = dt.date(*anchor)
    if direction > 0:
        return (day + dt.timedelta(days=(target - day.weekday()) % 7 or 7)).isoformat()
    back = (day.weekday() - target) % 7
    if direction < 0 and back == 0:
        back = 7
    return (day - dt.timedelta(days=back)).isoformat()


def _counted(kind: str, g: dict, anchor: Anchor | None) -> str | None:
    counted = _words()["counted"]
    n_word = _key(g["n"])
    n = int(n_word) if n_word.isdigit() else counted["numbers"][n_word]
    unit = counted["units"][_key(g["unit"])]
    if anchor is None:
        return None
    if kind == "event":
        # relative to an event the text mentions, assumed near the article's date
        if unit in {"month", "year"}:
            return None
        days = n * (7 if unit == "week" else 1)
        if days > counted["max_days_event"]:
            return None
        return _format(anchor)[:7]
    if unit == "year":
        return f"{anchor[0] - n:04d}"
    if unit == "month":
        return None if anchor[1] is None else _shift_months(anchor[0], anchor[1], -n)
    days = n * (7 if unit == "week" else 1)
    return _days_from(anchor, -days, "day" if unit == "day" else "month")
