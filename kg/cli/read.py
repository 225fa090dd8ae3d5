"""The commands that read: ``query``, ``export``, ``summary``, ``show`` and ``eval``.  They open
the store read-only and never create it."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from kg.cli.common import (
    UsageLine, check_output, format_option, handle_errors, open_store, result_output, table_width, utf8_text,
)
from kg.errors import shown
from kg.output import DOCUMENT_FORMATS, RESULT_FORMATS, render_document
from kg.export import EXPORT_FORMATS, EXTENSIONS, format_of


def _parse_params(ctx, param, values: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for value in utf8_text(ctx, param, values):
        name, sep, text = value.partition("=")
        if not sep or not name.strip():
            raise click.BadParameter(f"{shown(value)!r} is not NAME=VALUE")
        out[name.strip().lstrip("?")] = text
    return out


@click.command()
@click.argument("name", required=False, metavar="NAME|FILE|-")
@click.option("--list", "list_", is_flag=True, help="List the bundled queries and what they answer.")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE", callback=_parse_params,
              help="Bind a query variable (repeatable); a declared parameter takes an entity name.")
@format_option(RESULT_FORMATS, "table", "table for people; csv, tsv, json: the W3C SPARQL results formats.")
@click.option("--timeout", type=click.FloatRange(min=0), default=60, show_default=True, metavar="SECONDS",
              help="Stop the query after this many seconds; 0: no limit.")
@click.option("--limit", type=click.IntRange(min=0), default=None, metavar="N",
              help="Only N rows (a page; bundled queries order every column, so pages never overlap).")
@click.option("--offset", type=click.IntRange(min=0), default=0, metavar="N", help="Skip the first N rows.")
@click.option("--wide", is_flag=True, help="A table keeps every character, however wide the terminal.")
@click.option("--allow-service", is_flag=True,
              help="Allow federated queries: SERVICE sends requests to other SPARQL endpoints over HTTP.")
@click.pass_obj
@handle_errors
def query(obj: dict, name: str | None, list_: bool, params: dict[str, str], fmt: str, timeout: float,
          limit: int | None, offset: int, wide: bool, allow_service: bool) -> None:
    """Run a bundled query by NAME, a query FILE, or - for SPARQL on standard input.

    A table fits the terminal (or COLUMNS): the widest columns are cut with '…'
    (--wide keeps all); csv, tsv and json keep everything.  On a terminal, long
    output goes through a pager.  Queries are read-only and see all graphs merged.  The prefixes kg: res:
    entity: article: sentence: statement: item: measure: rdf: rdfs: skos: owl:
    prov: dcterms: schema: xsd: wd: are predeclared.  Rows are written as they
    come; Ctrl-C stops a query at once (exit 130).  Federated queries (SERVICE)
    are refused unless --allow-service.
    """
    from kg.queries import bundled, missing_params, paged, resolve
    from kg.runner import stream

    if list_:
        queries = bundled()
        width = max((len(n) for n in queries), default=0)
        for query_name, q in queries.items():
            click.echo(f"{query_name:<{width}}  {q.description}".rstrip())
        return
    if not name:
        raise click.UsageError("give a query NAME, a FILE or -, or use --list")
    q = resolve(name, sys.stdin.buffer if name == "-" and sys.stdin is not None else None)
    missing = missing_params(q, params)
    if missing:
        raise click.UsageError(f"query {q.name} needs " + " ".join(f"--param {p}=NAME" for p in missing))
    q = paged(q, limit, offset)
    with result_output(pager=fmt == "table") as out:
        stream(lambda: open_store(obj, read_only=True), q, params, fmt, out, timeout=timeout,
               allow_service=allow_service, width=None if wide or fmt != "table" else table_width())


@click.command()
@click.option("--format", "fmt", type=click.Choice(tuple(EXPORT_FORMATS)), default=None,
              help="RDF syntax; turtle, ntriples and rdfxml merge all graphs, trig, nquads and jsonld keep them.  "
                   "Default: by the -o file's extension (.ttl .trig .nq .nt .jsonld .rdf .xml), else turtle.")
@click.option("-o", "--output", default="-", show_default=True,
              type=click.Path(dir_okay=False, allow_dash=True), help="File to write, or - for standard output.")
@click.pass_obj
@handle_errors
def export(obj: dict, fmt: str | None, output: str) -> None:
    """Write the whole graph as RDF: TriG, N-Quads and JSON-LD keep one named graph
    per article, Turtle, N-Triples and RDF/XML hold the union of all graphs.
    JSON-LD is compacted with ontology/context.jsonld."""
    check_output(obj, output)
    fmt = fmt or _format_by_extension(output)
    target = sys.stdout.buffer if output == "-" else Path(output)
    with open_store(obj, read_only=True) as store:
        store.export(fmt, target)


def _format_by_extension(output: str) -> str:
    """The format the -o file's extension names; turtle for standard output or a name without
    one; an extension it does not know is a usage error."""
    suffix = "" if output == "-" else Path(output).suffix
    if not suffix:
        return "turtle"
    fmt = format_of(output)
    if fmt is None:
        known = " ".join(EXTENSIONS)
        raise UsageLine(f"cannot tell the format of {shown(output, limit=300)} from {shown(suffix)}; "
                               f"give --format or one of {known}")
    return fmt


@click.command()
@format_option(DOCUMENT_FORMATS, "text", "text for people, json for programs.")
@click.pass_obj
@handle_errors
def summary(obj: dict, fmt: str) -> None:
    """What the graph says: counts by relation and modality, the most mentioned
    entities, then each article's statements in words."""
    from kg.summary import summary as summarise

    with open_store(obj, read_only=True) as store:
        click.echo(render_document("summary", summarise(store), fmt), nl=False)


@click.command()
@click.argument("name", callback=utf8_text)
@format_option(DOCUMENT_FORMATS, "text", "text for people, json for programs.")
@click.pass_obj
@handle_errors
def show(obj: dict, name: str, fmt: str) -> None:
    """One entity, by any of its names (case and hyphens do not matter): every
    statement involving it, with modality, who says so and the evidence."""
    from kg.summary import show as show_entity

    with open_store(obj, read_only=True) as store:
        click.echo(render_document("entity", show_entity(store, name), fmt), nl=False)


@click.command("eval")
@click.argument("gold", type=click.Path(path_type=Path))
@click.option("--entities", type=click.Path(path_type=Path), default=None,
              help="Entity keys of the gold file (default: entities.json beside it or one folder up).")
@click.option("--negatives", type=click.Path(path_type=Path), default=None,
              help="Look-alikes that must not be extracted (default: negative.jsonl beside GOLD, if any).")
@click.option("--min-precision", type=click.FloatRange(0, 1), default=0.0, show_default=True,
              help="Exit 1 when precision is below this.")
@click.option("--min-recall", type=click.FloatRange(0, 1), default=0.0, show_default=True,
              help="Exit 1 when recall is below this.")
@format_option(DOCUMENT_FORMATS, "text", "text for people, json for programs.")
@click.pass_obj
@handle_errors
def evaluate(obj: dict, gold: Path, entities: Path | None, negatives: Path | None, min_precision: float,
             min_recall: float, fmt: str) -> None:
    """Score the graph against GOLD relation facts (JSON lines): precision, recall
    and F1 per relation, modality accuracy, factual errors and violated negatives."""
    from kg.evaluate import (
        default_entities_path, default_negatives_path, evaluate as run_evaluation, load_entities, load_gold,
    )

    facts = load_gold(gold)
    keys = load_entities(entities or default_entities_path(gold))
    negatives = negatives or default_negatives_path(gold)
    forbidden = load_gold(negatives) if negatives else []
    with open_store(obj, read_only=True) as store:
        report = run_evaluation(store, facts, keys, forbidden)
    click.echo(render_document("evaluation", report.as_dict(), fmt), nl=False)
    below = [f"precision {report.overall.precision} < {min_precision}"] if report.overall.precision < min_precision else []
    below += [f"recall {report.overall.recall} < {min_recall}"] if report.overall.recall < min_recall else []
    if below:
        click.echo("Below the bar: " + ", ".join(below), err=True)
        sys.exit(1)
