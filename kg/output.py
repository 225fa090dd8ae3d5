"""Writers: query results (table, CSV, TSV, JSON) and documents (text, JSON).

Two tables of writers serve every command that prints:

* ``RESULT_FORMATS`` for SPARQL results.  ``table`` is for a person: literal
  values, IRIs shortened with the project's prefixes, aligned columns, fitted to a
  terminal's width when given one (:func:`fit`: the evidence column cut first).  ``csv``,
  ``tsv`` and ``json`` are the W3C SPARQL results formats, written by
  pyoxigraph itself, for programs.  ASK gives ``true``/``false``; CONSTRUCT and
  DESCRIBE give Turtle whatever the format.  SELECT rows are written to a binary
  stream as they come (:func:`write_results`), a table in aligned blocks.
* ``DOCUMENT_FORMATS`` for the summary and an entity's page: ``text`` or ``json``.

Documents are returned as strings; nothing here prints.
"""
from __future__ import annotations

import io
import itertools
import json
from collections.abc import Callable, Iterable, Iterator
from typing import BinaryIO

import pyoxigraph as ox

from kg.summary import statement_details
from kg.terms import PREFIXES

_BY_LENGTH = sorted(PREFIXES.items(), key=lambda kv: (-len(kv[1]), kv[0]))


def shorten(iri: str) -> str:
    """``https://w3id.org/newskg/resource/entity/putin`` -> ``entity:putin``."""
    for prefix, namespace in _BY_LENGTH:
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace):]}"
    return f"<{iri}>"


def term_text(term) -> str:
    """A term as a person reads it: a literal's value, a prefixed IRI, '' if unbound."""
    if term is None:
        return ""
    if isinstance(term, ox.Literal):
        return term.value
    if isinstance(term, ox.NamedNode):
        return shorten(term.value)
    return str(term)


def rows_of(solutions: ox.QuerySolutions) -> tuple[list[str], list[list[str]]]:
    """Column names and rows of readable cells."""
    names, rows = readable(solutions)
    return names, list(rows)


def readable(solutions: ox.QuerySolutions) -> tuple[list[str], Iterator[list[str]]]:
    """Column names and the rows of readable cells, one at a time."""
    names = [v.value for v in solutions.variables]
    return names, ([term_text(solution[name]) for name in names] for solution in solutions)


#: Rows a streamed table aligns at a time.
TABLE_BLOCK = 1000


def write_table(names: list[str], rows: Iterable[list[str]], block: int = TABLE_BLOCK,
                width: int | None = None) -> Iterator[str]:
    """An aligned table, streamed: the header, then the rows a block at a time.

    Each block is aligned on its own, its columns no narrower than the block
    before, so a result of up to ``block`` rows is one aligned table and a large
    one is never held whole.  '(no results)' after the header when empty.  With
    ``width`` (a terminal's), the widest columns are cut to fit it, each cut cell
    ending in '…' (see :func:`fit`)."""
    widths = [len(n) for n in names]
    rows, first = iter(rows), True
    while cells := [_one_line_cell(c) for c in itertools.islice(rows, block)]:
        widths = [max(w, *(len(r[i]) for r in cells)) for i, w in enumerate(widths)]
        shown = fit(widths, width, names)
        head = [_line(names, shown), _line(["-" * w for w in shown], shown)] if first else []
        first = False
        yield "".join(head + [_line(r, shown) for r in cells])
    if first:
        shown = fit(widths, width, names)
        yield _line(names, shown) + _line(["-" * w for w in shown], shown) + "(no results)\n"


def _line(values: list[str], widths: list[int]) -> str:
    return "  ".join(_cut(v, w).ljust(w) for v, w in zip(values, widths)).rstrip() + "\n"


def _cut(value: str, width: int) -> str:
    return value if len(value) <= width else value[:max(width - 1, 0)] + "…"


#: The narrowest a column is cut to when a table must fit a terminal; the evidence (or else
#: the widest) column is cut first, down to :data:`FIRST_CUT`.
MIN_COLUMN = 6
FIRST_CUT = 24
_GAP = 2


def fit(widths: list[int], width: int | None, names: list[str] | None = None) -> list[int]:
    """Column widths that fit ``width`` characters (with two spaces between columns).

    The evidence column (else the widest) is cut first, down to :data:`FIRST_CUT`; then the
    widest column, down to the next widest, and so on, none below :data:`MIN_COLUMN` (or
    its natural width, if less).  ``None``: the widths unchanged."""
    widths = list(widths)
    if width is None or not widths:
        return widths
    excess = sum(widths) + _GAP * (len(widths) - 1) - width
    first = names.index("evidence") if names and "evidence" in names else widths.index(max(widths))
    cut = max(0, min(excess, widths[first] - FIRST_CUT))
    widths[first] -= cut
    excess -= cut
    floors = [min(w, MIN_COLUMN) for w in widths]
    while excess > 0:
        cuttable = [i for i, w in enumerate(widths) if w > floors[i]]
        if not cuttable:
            break
        widest = max(widths[i] for i in cuttable)
        at = [i for i in cuttable if widths[i] == widest]
        below = max([widths[i] for i in cuttable if widths[i] < widest] + [max(floors[i] for i in at)])
        step = min(widest - below, -(-excess // len(at))) or 1
        for i in reversed(at):              # the rightmost first: evidence is last
            cut = min(step, widths[i] - floors[i], excess)
            widths[i] -= cut
            excess -= cut
    return widths


def _one_line_cell(row: list[str]) -> list[str]:
    return [" ".join(c.split()) if ("\n" in c or "\t" in c) else c for c in row]


def table(names: list[str], rows: list[list[str]]) -> str:
    """Aligned columns under a header line; '(no results)' after it when empty."""
    return "".join(write_table(names, rows, block=max(len(rows), 1)))


class _Tail:
    """A binary stream that remembers the last byte written to it."""

    def __init__(self, out: BinaryIO):
        self.out, self.last = out, b""

    def write(self, data: bytes) -> int:
        if data:
            self.last = data[-1:]
        return self.out.write(data)

    def flush(self) -> None:
        self.out.flush()


def _serialized(fmt: ox.QueryResultsFormat) -> Callable:
    def write(results, out: BinaryIO, width: int | None = None) -> None:
        tail = _Tail(out)
        results.serialize(tail, fmt)     # pyoxigraph writes as it goes: nothing held whole
        if tail.last != b"\n":
            out.write(b"\n")

    return write


def _table(results, out: BinaryIO, width: int | None = None) -> None:
    for text in write_table(*readable(results), width=width):
        out.write(text.encode("utf-8"))


#: SPARQL SELECT writers by format name: each writes to a binary stream as the rows come; the
#: table also takes the width to fit (the other formats keep every character).
RESULT_WRITERS: dict[str, Callable[..., None]] = {
    "table": _table,
    "csv": _serialized(ox.QueryResultsFormat.CSV),
    "tsv": _serialized(ox.QueryResultsFormat.TSV),
    "json": _serialized(ox.QueryResultsFormat.JSON),
}
RESULT_FORMATS = tuple(RESULT_WRITERS)


def write_results(results, fmt: str, out: BinaryIO, width: int | None = None) -> None:
    """Any query result to a binary stream: rows for SELECT (streamed), true/false for ASK,
    Turtle for graphs (sorted, so these are held whole).  ``width``: a table fits it."""
    if isinstance(results, ox.QueryBoolean):
        if fmt == "json":
            _serialized(ox.QueryResultsFormat.JSON)(results, out)
        else:
            out.write(b"true\n" if bool(results) else b"false\n")
    elif isinstance(results, ox.QuerySolutions):
        RESULT_WRITERS[fmt](results, out, width=width)
    else:
        ox.serialize(sorted(results, key=str), out, ox.RdfFormat.TURTLE, prefixes=PREFIXES)


def render_results(results, fmt: str = "table", width: int | None = None) -> str:
    """:func:`write_results` as a string."""
    buffer = io.BytesIO()
    write_results(results, fmt, buffer, width=width)
    return buffer.getvalue().decode("utf-8")


# ---------------------------------------------------------------- documents
def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{name} {n}" for name, n in counts.items())


def plural(n: int, word: str, words: str | None = None) -> str:
    """``1 article``, ``2 articles``; ``words`` for an irregular plural."""
    return f"{n} {word if n == 1 else words or word + 's'}"


def summary_text(summary: dict) -> str:
    lines = [
        f"{plural(summary['articles'], 'article')}, {plural(summary['statements'], 'statement')}, "
        f"{plural(summary['entities'], 'entity', 'entities')}",
    ]
    if summary["by_modality"]:
        lines.append(f"by modality: {_counts(summary['by_modality'])}")
    if summary["by_relation"]:
        width = max(len(r) for r in summary["by_relation"])
        lines += ["", "by relation and modality:"]
        lines += [f"  {rel:<{width}}  {_counts(c)}" for rel, c in summary["by_relation"].items()]
    if summary["top_entities"]:
        width = max(len(e["entity"]) for e in summary["top_entities"])
        lines += ["", "most mentioned:"]
        lines += [f"  {e['entity']:<{width}}  {e['statements']}" for e in summary["top_entities"]]
    for article in summary["per_article"]:
        head = article["article"]
        if article["published"]:
            head += f" ({article['published']})"
        if article["publisher"]:
            head += f", {article['publisher']}"
        head += f": {plural(article['statements'], 'statement')}"
        if article["by_modality"]:
            head += f" ({_counts(article['by_modality'])})"
        lines += ["", head]
        lines += [f"  {fact}" for fact in article["facts"]]
    if summary.get("without_statements"):
        lines += ["", f"… and {plural(summary['without_statements'], 'article')} with no statement"]
    return "\n".join(lines) + "\n"


def entity_text(entity: dict) -> str:
    head = f"{entity['label']}"
    if entity["class"]:
        head += f" ({entity['class']})"
    if entity["sameAs"]:
        head += ", " + ", ".join(entity["sameAs"])
    lines = [head]
    if entity["altLabels"]:
        lines.append("also: " + ", ".join(entity["altLabels"]))
    lines.append(plural(len(entity["statements"]), "statement"))
    for st in entity["statements"]:
        details = "; ".join(statement_details(st, name_all=True))
        lines.append(f"- {st['subject']} {st['relation']} {st['object']} [{details}]")
        lines.append(f"  {st['article']}: {st['evidence']}")
    return "\n".join(lines) + "\n"


def as_json(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def evaluation_text(data: dict) -> str:
    """Per-relation figures of ``kg eval``, then what was missed and what was wrong."""
    head = f"{'relation':<20} {'predicted':>9} {'correct':>7} {'required':>8} {'found':>5} {'precision':>9} {'recall':>6} {'f1':>5}"
    lines = [head]
    rows = list(data["by_relation"].items()) + [("all", data)]
    for name, f in rows:
        lines.append(f"{name:<20} {f['predicted']:>9} {f['correct']:>7} {f['required']:>8} {f['found']:>5} "
                     f"{f['precision']:>9.3f} {f['recall']:>6.3f} {f['f1']:>5.3f}")
    lines.append(f"modality accuracy {data['modality_accuracy']:.3f}, factual errors {data['factual_errors']}")
    if data.get("negatives"):
        lines.append(f"negatives {data['negatives']}, violated {data['negatives_violated']}")
    for title, key in (("missed", "missed"), ("wrong modality", "wrong_modality"), ("false positives", "false_positives"),
                       ("violated negatives", "violations")):
        if data.get(key):
            lines.append(f"{title}:")
            lines += [f"  {item}" for item in data[key]]
    return "\n".join(lines) + "\n"


#: Writers for documents (the summary, an entity's page) by kind and format.
DOCUMENT_WRITERS: dict[str, dict[str, Callable[[dict], str]]] = {
    "summary": {"text": summary_text, "json": as_json},
    "entity": {"text": entity_text, "json": as_json},
    "evaluation": {"text": evaluation_text, "json": as_json},
}
DOCUMENT_FORMATS = ("text", "json")


def render_document(kind: str, data: dict, fmt: str = "text") -> str:
    return DOCUMENT_WRITERS[kind][fmt](data)
