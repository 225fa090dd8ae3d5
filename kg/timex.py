"""German time expressions in news, resolved against the article's date.

``find_times(text, article_date)`` finds expressions such as "im September
2023", "am 12. Juni 2024", "12.06.2024", "2020", "Ende März", "im vergangenen
Jahr", "im September vergangenen Jahres" or "am Freitag" and resolves each to an
ISO value of the precision the text supports ("YYYY", "YYYY-MM", "YYYY-MM-DD"),
or None when it is relative and the article has no date.  Pure functions; the
words live in ``ontology/time.toml``.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
import tomllib
from dataclasses import dataclass

from kg.resources import ontology_dir


@dataclass(frozen=True)
class TimeMention:
    start: int
    end: int
    text: str
    value: str | None


@functools.lru_cache(maxsize=1)
def _words() -> dict:
    return tomllib.loads((ontology_dir() / "time.toml").read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, re.Pattern]]:
    words = _words()
    month = "|".join(sorted(words["months"], key=len, reverse=True))
    day = "|".join(sorted(words["weekdays"], key=len, reverse=True))
    rel_year = "|".join(re.escape(k) for k in sorted(words["relative_years"], key=len, reverse=True))
    near = "|".join(re.escape(k) for k in sorted(words["near"]["words"], key=len, reverse=True))
    year = r"(?P<year>(?:19|20)\d\d)"
    flags = re.IGNORECASE
    return [
        ("numeric", re.compile(r"\b(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<year>(?:19|20)\d\d)\b", flags)),
        ("day_month", re.compile(rf"\b(?P<d>[0-3]?\d)\.\s*(?P<month>{month})(?:\s+{year})?\b", flags)),
        ("month_rel", re.compile(rf"\b(?:im\s+|ende\s+|anfang\s+|mitte\s+)?(?P<month>{month})\s+"
                                 rf"(?P<rel>vergangenen|letzten|diesen|kommenden|nächsten)\s+jahres\b", flags)),
        ("month_year", re.compile(rf"\b(?:im\s+|ende\s+|anfang\s+|mitte\s+|seit\s+)?(?P<month>{month})\s+{year}\b", flags)),
        ("rel_year", re.compile(rf"\b(?P<rel>{rel_year})\b", flags)),
        ("month", re.compile(rf"\b(?:im|ende|anfang|mitte|seit|bis)\s+(?P<month>{month})\b", flags)),
        ("weekday", re.compile(rf"\b(?:am|vom|seit|bis)\s+(?P<day>{day})(?:abend|morgen|nachmittag|vormittag|nacht)?\b", flags)),
        ("near", re.compile(rf"\b(?P<near>{near})\b", flags)),
        ("year", re.compile(rf"(?<![\d.,:/-])(?:im\s+jahr\s+|seit\s+|bis\s+)?{year}(?![\d,:/-]|\.\d)(?!\s*(?:uhr|euro|dollar|prozent|tonnen|km|meter))", flags)),
    ]


def _parse_date(value: str | None) -> tuple[int, int | None, int | None] | None:
    if not value:
        return None
    parts = [int(p) for p in value.split("-")]
    return parts[0], parts[1] if len(parts) > 1 else None, parts[2] if len(parts) > 2 else None


def _resolve(kind: str, match: re.Match, anchor) -> str | None:
    words = _words()
    groups = match.groupdict()
    month = words["months"].get((groups.get("month") or "").casefold())
    if kind == "numeric":
        d, m, y = int(groups["d"]), int(groups["m"]), int(groups["year"])
        try:
            return dt.date(y, m, d).isoformat()
        except ValueError:
            return None
    if kind == "day_month":
        y = int(groups["year"]) if groups.get("year") else _year_for_month(month, anchor)
        if y is None:
            return None
        try:
            return dt.date(y, month, int(groups["d"])).isoformat()
        except ValueError:
            return None
    if kind == "month_year":
        return f"{int(groups['year']):04d}-{month:02d}"
    if kind == "month_rel":
        if anchor is None:
            return None
        offset = {"vergangenen": -1, "letzten": -1, "diesen": 0, "kommenden": 1, "nächsten": 1}[groups["rel"].casefold()]
        return f"{anchor[0] + offset:04d}-{month:02d}"
    if kind == "rel_year":
        if anchor is None:
            return None
        return f"{anchor[0] + words['relative_years'][groups['rel'].casefold()]:04d}"
    if kind == "month":
        y = _year_for_month(month, anchor)
        return None if y is None else f"{y:04d}-{month:02d}"
    if kind == "weekday":
        if anchor is None:
            return None
        if anchor[2] is None:
            return _format(anchor)
        target = words["weekdays"][groups["day"].casefold()]
        day = dt.date(*anchor)
        return (day - dt.timedelta(days=(day.weekday() - target) % 7)).isoformat()
    if kind == "near":
        return None if anchor is None else _format(anchor)
    if kind == "year":
        return f"{int(groups['year']):04d}"
    return None


def _year_for_month(month: int, anchor) -> int | None:
    """The most recent such month not after the article's date."""
    if anchor is None:
        return None
    year, a_month = anchor[0], anchor[1]
    return year if a_month is None or month <= a_month else year - 1


def _format(anchor) -> str:
    year, month, day = anchor
    if day is not None:
        return f"{year:04d}-{month:02d}-{day:02d}"
    if month is not None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}"


def find_times(text: str, article_date: str | None) -> list[TimeMention]:
    """Every time expression in ``text``, longest first where they overlap, in text order."""
    anchor = _parse_date(article_date)
    found: list[TimeMention] = []
    taken: set[int] = set()
    for kind, pattern in _patterns():
        for match in pattern.finditer(text):
            span = set(range(match.start(), match.end()))
            if span & taken:
                continue
            taken |= span
            found.append(TimeMention(match.start(), match.end(), match.group(0), _resolve(kind, match, anchor)))
    return sorted(found, key=lambda t: t.start)


def resolve_best(times: list[TimeMention]) -> str | None:
    """The most specific resolved value (a day beats a month beats a year); first wins ties."""
    resolved = [t for t in times if t.value]
    if not resolved:
        return None
    return max(resolved, key=lambda t: len(t.value)).value
