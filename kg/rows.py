"""What the bundled queries read instead of joining: a statement's row (``kg:row``), an
article's statement counts (``kg:countRow``) and an event's parties (``kg:parties``), as
plain strings; :mod:`kg.rdf` writes them into the article's own graph.

Why: Oxigraph spends some 5 µs on every triple a query looks up, and while it sorts it reads
a string the store holds from disk again at every comparison, so a bundled query that joined
a dozen triples per statement and sorted by its names needed 300–480 ms on 102,800 articles
before its first row.  A query that reads one literal per statement and sorts by a string it
computes from that literal (held in memory) needs a seventh of that (``make bench-large``).

Made from the article alone, with the gazetteer's names for the entities it names but does
not describe (as the queries' label lookups fall back to the gazetteer's graph), the strings
go and come with their article: a rebuilt article replaces them, a removed one takes them
along, a shard loaded into any store carries them.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable

from kg.model import Article, Extraction, Statement

#: The fields of a statement's row, in order, tab-separated.  The evidence comes last and is
#: the only field kept exactly (it may hold tabs and line breaks: a query reads it as the rest
#: of the line); in the others a tab or line break becomes a space.
ROW_FIELDS = (
    "relation", "subject", "object", "concerning", "time", "place", "modality", "source", "items",
    "article", "published", "evidence",
)
#: The fields of an article's count row, one per modality its statements have.
COUNT_FIELDS = ("article", "published", "modality", "statements")
SEPARATOR = "\t"
PAIR = " | "

Names = Callable[[str | None], str]


def field(value: str | None) -> str:
    """A value as one field of a row: ``""`` for none; tabs and line breaks as spaces."""
    if not value:
        return ""
    return value.replace("\t", " ").replace("\r", " ").replace("\n", " ")


def line(values: Iterable[str | None], last: str = "") -> str:
    """Fields and, unchanged, a last one, tab-separated."""
    return SEPARATOR.join([field(v) for v in values] + [last])


def names_of(extraction: Extraction, gazetteer_label: Callable[[str], str | None]) -> Names:
    """An entity key's name as the queries read it: the label the article's graph gives it,
    else the gazetteer's; ``""`` for a key with neither."""
    own = {ref.key: ref.label for ref in extraction.entities}

    def name(key: str | None) -> str:
        if not key:
            return ""
        return own.get(key) or gazetteer_label(key) or ""

    return name


def statement_row(st: Statement, article: Article, evidence: str, name: Names, concerns: dict[str, str]) -> str:
    """The statement's ``kg:row``: the fields of :data:`ROW_FIELDS`."""
    items = ", ".join(sorted({name(item) for item in st.items} - {""}))
    return line((st.relation, name(st.subject), name(st.object), name(concerns.get(st.object)), st.time,
                 name(st.place), st.modality, name(st.attributed_to), items, article.identifier, article.date),
                last=evidence)


def parties(st: Statement, name: Names, concerns: dict[str, str], symmetric: bool) -> str | None:
    """The event's two names, ``"A | B"``: the subject's, then the object's (for a measure, the
    actor it concerns, if named); in alphabetical order for a symmetric relation.  None when
    either has no name."""
    first, second = name(st.subject), name(concerns.get(st.object)) or name(st.object)
    if not first or not second:
        return None
    if symmetric and second < first:
        first, second = second, first
    return f"{first}{PAIR}{second}"


def count_rows(article: Article, statements: Iterable[tuple[str, str]]) -> list[str]:
    """The article's ``kg:countRow`` values: one per modality of its ``(statement IRI,
    modality)`` pairs, with how many distinct statements have it."""
    counts = Counter(modality for _, modality in set(statements))
    return [line((article.identifier, article.date, modality), last=str(n)) for modality, n in sorted(counts.items())]
