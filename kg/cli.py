"""The ``kg`` command: a thin layer over the library.

Each command opens the store, makes one library call and prints.  A library
error (:class:`kg.errors.KGError`) becomes one line ``Error: …`` on stderr and
exit 1; a wrong invocation is a usage error, exit 2.  spaCy is imported only
inside ``build``, so the read commands start fast.
"""
from __future__ import annotations

import functools
import json
import sys
from pathlib import Path

import click

from kg import __version__
from kg.errors import KGError, QueryError

FORMAT_OPTION = click.option(
    "--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]), default="table",
    show_default=True, help="How to print the rows.",
)


def fail(message: str) -> None:
    click.echo(f"Error: {message}", err=True)
    sys.exit(1)


def handle_errors(func):
    """Turn library errors into one line and exit 1; never a traceback for bad input."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except KGError as exc:
            fail(str(exc))
        except BrokenPipeError:
            sys.exit(0)

    return wrapper


def open_store(ctx: click.Context, read_only: bool):
    from kg.store import KGStore

    return KGStore.open(Path(ctx.obj["store"]), read_only=read_only)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--store", "store", envvar="KG_STORE", default="kg-store", show_default=True,
              type=click.Path(file_okay=False), help="Folder of the on-disk Oxigraph store (or KG_STORE).")
@click.version_option(__version__, prog_name="kg")
@click.pass_context
def main(ctx: click.Context, store: str) -> None:
    """Knowledge graphs from German news: who signed, supplied, vetoed, visited,
    met or sanctioned whom, with modality, source and evidence."""
    ctx.ensure_object(dict)
    ctx.obj["store"] = store


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors.")
@click.option("--model", default=None, help="An installed trained spaCy German model to use (e.g. de_core_news_md).")
@click.pass_context
@handle_errors
def build(ctx: click.Context, paths: tuple[Path, ...], quiet: bool, model: str | None) -> None:
    """Extract the articles in PATHS (.txt files or folders) into the store.

    Each article replaces its own named graph; unreadable files are skipped
    with a reason (exit 1) and everything else is still built.
    """
    from kg.build import build as run_build

    extractor = None
    if model:
        from kg.extract import extract_article
        from kg.nlp import load_pipeline

        try:
            nlp = load_pipeline(model)
        except RuntimeError as exc:
            raise KGError(str(exc)) from None
        extractor = functools.partial(extract_article, nlp=nlp)
    progress = None
    if not quiet and sys.stderr.isatty():
        progress = lambda identifier: click.echo(f"\r{identifier}", err=True, nl=False)  # noqa: E731
    with open_store(ctx, read_only=False) as store:
        report = run_build(store, paths, extractor=extractor, progress=progress)
    if progress:
        click.echo("\r", err=True, nl=False)
    for reason in report.skipped:
        click.echo(f"skipped: {reason}", err=True)
    if not quiet or report.skipped:
        click.echo(f"built {len(report.built)} articles, {report.statements} statements into {ctx.obj['store']}")
    if report.skipped:
        sys.exit(1)


def parse_params(params: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for param in params:
        name, sep, value = param.partition("=")
        if not sep or not name:
            raise click.BadParameter(f"{param!r} is not NAME=VALUE", param_hint="--param")
        out[name] = value
    return out


@main.command()
@click.argument("name", required=False)
@click.option("--list", "list_", is_flag=True, help="List the bundled queries and what they answer.")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind a query variable; an entity name is resolved to its IRI (repeatable).")
@FORMAT_OPTION
@click.pass_context
@handle_errors
def query(ctx: click.Context, name: str | None, list_: bool, params: tuple[str, ...], fmt: str) -> None:
    """Run a bundled query by NAME, a .rq FILE, or - for SPARQL on standard input.

    Queries are read-only; the prefixes kg:, res:, rdf:, rdfs:, skos:, owl:,
    prov:, dcterms:, schema:, xsd: and wd: are predeclared.
    """
    from kg.output import render_results
    from kg.queries import bundled, resolve

    if list_:
        queries = bundled()
        width = max(len(n) for n in queries)
        for query_name, q in queries.items():
            click.echo(f"{query_name:<{width}}  {q.description}")
        return
    if not name:
        raise click.UsageError("give a query NAME, a FILE or -, or use --list")
    values = parse_params(params)
    q = resolve(name, sys.stdin.read() if name == "-" else None)
    missing = [p for p in q.params if p not in values]
    if missing:
        raise click.UsageError(f"query {q.name} needs " + " ".join(f"--param {p}=NAME" for p in missing))
    with open_store(ctx, read_only=True) as store:
        substitutions = {}
        if values:
            import pyoxigraph as ox

            from kg.summary import resolve_entity

            for key, value in values.items():
                substitutions[key] = resolve_entity(store, value) if key in q.params else ox.Literal(value)
        click.echo(render_results(store.query(q.text, substitutions), fmt), nl=False)


@main.command()
@click.option("--format", "fmt", type=click.Choice(["turtle", "trig", "nquads", "ntriples"]),
              default="turtle", show_default=True, help="RDF serialisation.")
@click.option("-o", "--output", default="-", show_default=True, type=click.Path(dir_okay=False, allow_dash=True),
              help="File to write, or - for standard output.")
@click.pass_context
@handle_errors
def export(ctx: click.Context, fmt: str, output: str) -> None:
    """Write the whole graph. Turtle and N-Triples hold the union of all graphs;
    TriG and N-Quads keep one named graph per article."""
    with open_store(ctx, read_only=True) as store:
        if output == "-":
            store.export(fmt, sys.stdout.buffer)
            sys.stdout.buffer.flush()
            return
        try:
            with open(output, "wb") as out:
                store.export(fmt, out)
        except OSError as exc:
            raise KGError(f"cannot write {output}: {exc.strerror}") from None


@main.command()
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Text for a person, JSON for a program.")
@click.pass_context
@handle_errors
def summary(ctx: click.Context, fmt: str) -> None:
    """What the graph says: counts by relation and modality, then each article's facts."""
    from kg.output import render_summary
    from kg.summary import summary as summarise

    with open_store(ctx, read_only=True) as store:
        data = summarise(store)
    click.echo(json.dumps(data, ensure_ascii=False, indent=2) if fmt == "json" else render_summary(data), nl=fmt == "json")


@main.command()
@click.argument("name")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Text for a person, JSON for a program.")
@click.pass_context
@handle_errors
def show(ctx: click.Context, name: str, fmt: str) -> None:
    """One entity (by any of its names): every statement about it, with modality,
    who says so and the evidence sentence."""
    from kg.output import render_entity
    from kg.summary import show as show_entity

    with open_store(ctx, read_only=True) as store:
        data = show_entity(store, name)
    click.echo(json.dumps(data, ensure_ascii=False, indent=2) if fmt == "json" else render_entity(data), nl=fmt == "json")


__all__ = ["main", "QueryError"]
