"""Writers: query results (table, CSV, TSV, JSON) and documents (text, JSON).

Two tables of writers serve every command that prints:

* ``RESULT_FORMATS`` for SPARQL results.  ``table`` is for a person: literal
  values, IRIs shortened with the project's prefixes, aligned columns.  ``csv``,
  ``tsv`` and ``json`` are the W3C SPARQL results formats, written by
  pyoxigraph itself, for programs.  ASK gives ``true``/``false``; CONSTRUCT and
  DESCRIBE give Turtle whatever the format.
* ``DOCUMENT_FORMATS`` for the summary and an entity's page: ``text`` or ``json``.

Everything returns a string; nothing here prints.
"""
from __future__ import annotations

import io
import json
from collections.abc import Callable

import pyoxigraph as ox

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
    names = [v.value for v in solutions.variables]
    rows = [[term_text(solution[name]) for name in names] for solution in solutions]
    return names, rows


def table(names: list[str], rows: list[list[str]]) -> str:
    """Aligned columns under a header line; '(no results)' after it when empty."""
    cells = [[" ".join(c.split()) if ("\n" in c or "\t" in c) else c for c in row] for row in rows]
    widths = [max([len(n), *(len(r[i]) for r in cells)]) for i, n in enumerate(names)]

    def line(values):
        return "  ".join(v.ljust(w) for v, w in zip(values, widths)).rstrip()

    out = [line(names), line(["-" * w for w in widths])] + [line(r) for r in cells]
    if not rows:
        out.append("(no results)")
    return "\n".join(out) + "\n"


def _serialized(fmt: ox.QueryResultsFormat) -> Callable:
    def write(results) -> str:
        buffer = io.BytesIO()
        results.serialize(buffer, fmt)
        text = buffer.getvalue().decode("utf-8")
        return text if text.endswith("\n") else text + "\n"

    return write


def _table(results) -> str:
    return table(*rows_of(results))


#: SPARQL SELECT writers by format name.
RESULT_WRITERS: dict[str, Callable[[ox.QuerySolutions], str]] = {
    "table": _table,
    "csv": _serialized(ox.QueryResultsFormat.CSV),
    "tsv": _serialized(ox.QueryResultsFormat.TSV),
    "json": _serialized(ox.QueryResultsFormat.JSON),
}
RESULT_FORMATS = tuple(RESULT_WRITERS)


def render_results(results, fmt: str = "table") -> str:
    """Any query result as text: rows for SELECT, true/false for ASK, Turtle for graphs."""
    if isinstance(results, ox.QueryBoolean):
        if fmt == "json":
            return _serialized(ox.QueryResultsFormat.JSON)(results)
        return ("true" if bool(results) else "false") + "\n"
    if isinstance(results, ox.QuerySolutions):
        return RESULT_WRITERS[fmt](results)
    buffer = io.BytesIO()
    ox.serialize(sorted(results, key=str), buffer, ox.RdfFormat.TURTLE, prefixes=PREFIXES)
    return buffer.getvalue().decode("utf-8")


# ---------------------------------------------------------------- documents
def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{name} {n}" for name, n in counts.items())


def _plural(n: int, word: str, words: str | None = None) -> str:
    return f"{n} {word if n == 1 else words or word + 's'}"


def summary_text(summary: dict) -> str:
    lines = [
        f"{_plural(summary['articles'], 'article')}, {_plural(summary['statements'], 'statement')}, "
        f"{_plural(summary['entities'], 'entity', 'entities')}",
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
        head += f": {_plural(article['statements'], 'statement')}"
        if article["by_modality"]:
            head += f" ({_counts(article['by_modality'])})"
        lines += ["", head]
        lines += [f"  {fact}" for fact in article["facts"]]
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
    lines.append(_plural(len(entity["statements"]), "statement"))
    for st in entity["statements"]:
        details = [st["modality"]]
        for key, word in (("concerning", "concerning"), ("source", "says"), ("items", "items"),
                          ("place", "in"), ("time", "time")):
            if st[key]:
                details.append(f"{word} {st[key]}")
        lines.append(f"- {st['subject']} {st['relation']} {st['object']} [{'; '.join(details)}]")
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
