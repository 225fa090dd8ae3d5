"""Helpers of the extraction tables (``tests/test_extract_*.py``): one-sentence articles,
their statements as (subject, relation, object, modality), and the relation names."""
from __future__ import annotations

from kg.article import parse_article
from kg.extraction import extract_article

S = "supplies"
T = "signedTreatyWith"
V = "visited"
M = "metWith"
SANC = "imposedSanctionsOn"
VETO = "vetoed"
AGREED = "agreedWith"


def run(text: str, date: str | None = "2024-06"):
    """Extract from ``text`` as an article with a date line (none when ``date`` is None)."""
    prefix = f" date {date} " if date else ""
    return extract_article(parse_article(prefix + text, identifier="t"))


def facts(extraction) -> set[tuple[str, str, str, str]]:
    """(subject, relation, object, modality) of each statement; a vetoed measure as the state it concerns."""
    out = set()
    concerns = {e.key: e.concerns for e in extraction.entities if e.concerns}
    for st in extraction.statements:
        obj = concerns.get(st.object, st.object) if st.relation == VETO else st.object
        out.add((st.subject, st.relation, obj, st.modality))
    return out


def without_agreed(found: set) -> set:
    return {f for f in found if f[1] != AGREED}


def case_id(value) -> str:
    """A table case's id: the first 40 characters of its sentence."""
    return value[:40] if isinstance(value, str) else ""
