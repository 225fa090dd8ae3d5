"""Writers for query results and summaries: table, CSV, TSV, JSON, text.

One table of writers (``WRITERS``) serves every command that prints rows.
"""
from __future__ import annotations

import csv
import io
import json

import pyoxigraph as ox

from kg.terms import PREFIXES

FORMATS = ("table", "csv", "tsv", "json")


def term_text(term) -> str:
    """A term as a person reads it: literal value, prefixed IRI."""
    if term is None:
        return ""
    if isinstance(term, ox.Literal):
        return term.value
    if isinstance(term, ox.NamedNode):
        iri = term.value
        for prefix, namespace in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
            if iri.startswith(namespace):
                return f"{prefix}:{iri[len(namespace):]}"
        return f"<{iri}>"
    return str(term)


def rows_of(solutions) -> tuple[list[str], list[list[str]]]:
    names = [v.value for v in solutions.variables]
    rows = [[term_text(solution[name]) for name in names] for solution in solutions]
    return names, rows


def table(names: list[str], rows: list[list[str]]) -> str:
    if not rows:
        return "(no results)\n"
    cells = [[c.replace("\n", " ") for c in row] for row in rows]
    widths = [max(len(n), *(len(r[i]) for r in cells)) for i, n in enumerate(names)]
    line = lambda values: "  ".join(v.ljust(w) for v, w in zip(values, widths)).rstrip()
    out = [line(names), line(["-" * w for w in widths])] + [line(r) for r in cells]
    return "\n".join(out) + "\n"


def delimited(names: list[str], rows: list[list[str]], delimiter: str) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    writer.writerow(names)
    writer.writerows(rows)
    return buffer.getvalue()


def as_json(names: list[str], rows: list[list[str]]) -> str:
    return json.dumps([dict(zip(names, row)) for row in rows], ensure_ascii=False, indent=2) + "\n"


WRITERS = {
    "table": table,
    "csv": lambda names, rows: delimited(names, rows, ","),
    "tsv": lambda names, rows: delimited(names, rows, "\t"),
    "json": as_json,
}


def render_results(results, fmt: str) -> str:
    """Render any query result: rows for SELECT, true/false for ASK, Turtle for graphs."""
    if isinstance(results, (bool, ox.QueryBoolean)):
        return ("true" if bool(results) else "false") + "\n"
    if isinstance(results, ox.QuerySolutions):
        names, rows = rows_of(results)
        return WRITERS[fmt](names, rows)
    triples = list(results)
    buffer = io.BytesIO()
    ox.serialize(triples, buffer, ox.RdfFormat.TURTLE, prefixes=PREFIXES)
    return buffer.getvalue().decode("utf-8")


def render_summary(summary: dict) -> str:
    lines = [
        f"{summary['articles']} articles, {summary['statements']} statements, "
        f"{summary['entities']} entities",
        "",
        "by relation and modality:",
    ]
    for relation, counts in summary["by_relation"].items():
        lines.append(f"  {relation:<20} " + ", ".join(f"{m} {n}" for m, n in counts.items()))
    if summary["top_entities"]:
        lines += ["", "most mentioned:"]
        lines += [f"  {label:<24} {n}" for label, n in summary["top_entities"]]
    for article in summary["per_article"]:
        head = article["article"] + (f" ({article['published']})" if article["published"] else "")
        if article["publisher"]:
            head += f", {article['publisher']}"
        lines += ["", head]
        if not article["facts"]:
            lines.append("  (no statements)")
        lines += [f"  {fact}" for fact in article["facts"]]
    return "\n".join(lines) + "\n"


def render_entity(entity: dict) -> str:
    lines = [f"{entity['label']} ({entity['class']})" + (f", {entity['sameAs']}" if entity["sameAs"] else "")]
    if entity["altLabels"]:
        lines.append("also: " + ", ".join(entity["altLabels"]))
    n = len(entity['statements'])
    lines.append(f"{n} statement{'' if n == 1 else 's'}")
    for st in entity["statements"]:
        details = [st["modality"]]
        for key in ("source", "items", "place", "time"):
            if st[key]:
                details.append(f"{key} {st[key]}")
        lines.append(f"- {st['subject']} {st['relation']} {st['object']} [{'; '.join(details)}]")
        lines.append(f"  {st['article']}: {st['evidence']}")
    return "\n".join(lines) + "\n"
