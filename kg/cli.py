"""The ``kg`` command: a thin layer over the library.

Each command opens the store, makes one library call and prints what comes
back through a writer from ``kg.output``.  A library error
(:class:`kg.errors.KGError`) becomes one line ``Error: …`` on stderr and exit 1;
a wrong invocation is a usage error, exit 2.  Read commands open the store
read-only and never create it.  spaCy is imported only inside ``build``, so
the read commands start fast.
"""
from __future__ import annotations

import contextlib
import functools
import os
import sys
from pathlib import Path

import click

from kg import __version__
from kg.errors import KGError, shown
from kg.outfile import output_file
from kg.output import DOCUMENT_FORMATS, RESULT_FORMATS, plural, render_document
from kg.store import EXPORT_FORMATS, KGStore
from kg.storefolder import store_around


def format_option(formats: tuple[str, ...], default: str, help: str):
    """The one ``--format`` option every printing command shares."""
    return click.option(
        "--format", "fmt", type=click.Choice(formats), default=default, show_default=True, help=help
    )


def handle_errors(func):
    """Turn library errors into one line and exit 1, Ctrl-C into one line and exit 130;
    never a traceback for bad input."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except KGError as exc:
            click.echo(f"Error: {exc}", err=True)
            sys.exit(1)
        except KeyboardInterrupt:
            click.echo("Error: interrupted", err=True)
            sys.exit(130)
        except BrokenPipeError:  # `kg query … | head`: stop quietly
            _stdout_to_devnull()
            sys.exit(0)
        except OSError as exc:   # standard output closed or full
            if exc.filename is not None:
                raise
            _stdout_to_devnull()
            click.echo(f"Error: cannot write the output: {exc.strerror or exc}", err=True)
            sys.exit(1)

    return wrapper


def _stdout_to_devnull() -> None:
    """Nothing more reaches the closed output, also Python's own flush at exit."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def _stdout():
    """Standard output as a binary stream; Python has none when kg started with it closed."""
    if sys.stdout is None:
        raise KGError("cannot write the output: standard output is closed")
    return sys.stdout.buffer


def utf8_text(ctx, param, value):
    """An argument as text: one that is not valid UTF-8 (bytes in argv) is a usage error."""
    for text in value if isinstance(value, tuple) else [value]:
        if isinstance(text, str):
            try:
                text.encode("utf-8")
            except UnicodeEncodeError:
                raise click.BadParameter(f"{shown(text)} is not valid UTF-8") from None
    return value


def open_store(obj: dict, read_only: bool) -> KGStore:
    return KGStore.open(Path(obj["store"]), read_only=read_only)


class OutputInStore(click.ClickException):
    """``-o`` names a file inside the store: a usage error (exit 2), one line."""

    exit_code = 2


def check_output(obj: dict, output: str) -> None:
    """Refuse an ``-o`` path inside the store (or any other store): writing it would replace
    the store's own files."""
    store = None if output == "-" else store_around(output, obj["store"])
    if store is not None:
        raise OutputInStore(f"-o {output} is inside the store {store}; write it elsewhere")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--store", "store", envvar="KG_STORE", default="kg-store", show_default=True,
              type=click.Path(file_okay=False), help="Folder of the Oxigraph store (also KG_STORE).")
@click.version_option(__version__, prog_name="kg")
@click.pass_context
def main(ctx: click.Context, store: str) -> None:
    """Knowledge graphs from German news: who signed, supplied, vetoed, visited,
    met or sanctioned whom, with modality, source and evidence."""
    ctx.obj = {"store": store}


def extraction_options(func):
    """--model, --ner and --jobs, shared by build and extract."""
    func = click.option("--jobs", "-j", type=click.IntRange(1, 64), default=1, show_default=True,
                        help="Extract in this many worker processes.")(func)
    func = click.option("--ner", "ner", default=None, metavar="MODEL", type=click.Path(path_type=Path),
                        help="Also find names with a trained name model (make ner: build/ner/model.crfsuite).")(func)
    func = click.option("--model", default=None, metavar="NAME",
                        help="Use an installed trained spaCy German model (e.g. de_core_news_md).")(func)
    return func


def _spec(model: str | None, ner: Path | None):
    """The extractor spec, and the extractor it makes when an option is given: made here, so
    that a bad option fails before any worker starts (forked workers then share it)."""
    from kg.build import ExtractorSpec

    if ner is not None and not ner.is_file():
        raise KGError(f"{ner}: no such name model (make ner trains it)")
    spec = ExtractorSpec(model=model, ner=str(ner) if ner else None)
    return spec, (spec.make() if (model or ner) else None)


def _progress(quiet: bool):
    """A progress line on stderr, only for a person watching a terminal."""
    if quiet or not sys.stderr.isatty():
        return None, lambda: None

    def show(done: int, total: int, identifier: str) -> None:
        width = 24
        filled = width * done // max(total, 1)
        click.echo(f"\r\x1b[K[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {identifier}",
                   err=True, nl=False)

    return show, lambda: click.echo("\r\x1b[K", err=True, nl=False)


def _report_skipped(report) -> None:
    for reason in report.skipped:
        click.echo(reason if reason.endswith(", skipped") else f"{reason}, skipped", err=True)


#: Article files and folders: whether they can be read is the build's to say, file by file.
ARTICLE_PATHS = click.Path(path_type=Path, readable=False)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=ARTICLE_PATHS)
@click.option("--quiet", "-q", is_flag=True, help="Print nothing unless a file is skipped.")
@extraction_options
@click.option("--force", is_flag=True, help="Extract every article again, also the unchanged ones.")
@click.pass_obj
@handle_errors
def build(obj: dict, paths: tuple[Path, ...], quiet: bool, model: str | None, ner: Path | None, jobs: int,
          force: bool) -> None:
    """Extract the articles in PATHS (.txt files or folders) into the store.

    Each article replaces its own named graph.  An article whose text and
    extraction (code, data files, options) are unchanged since the last build is
    not extracted again.  An article's identity is its path below the folder
    given, without .txt (a file given itself: its name).  A file that cannot be
    read is skipped with its reason, the rest is still built, and the exit code
    is 1.
    """
    from kg.build import build as build_articles

    spec, extractor = _spec(model, ner)
    progress, clear = _progress(quiet)
    with open_store(obj, read_only=False) as store:
        try:
            report = build_articles(store, paths, extractor=extractor, progress=progress, force=force,
                                    jobs=jobs, spec=spec)
        finally:
            clear()
    _report_skipped(report)
    if not quiet or report.skipped:
        unchanged = f", {len(report.unchanged)} unchanged" if report.unchanged else ""
        click.echo(f"built {plural(len(report.built), 'article')}, {plural(report.statements, 'statement')} "
                   f"into {obj['store']}{unchanged}")
    if report.moved and not quiet:
        click.echo(f"moved {plural(len(report.moved), 'article')} stored under the file name alone "
                   "to the identity of a path below the folder given")
    if report.skipped:
        sys.exit(1)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=ARTICLE_PATHS)
@click.option("-o", "--output", required=True, metavar="SHARD.nq",
              help="The N-Quads shard to write (- for stdout).")
@click.option("--quiet", "-q", is_flag=True, help="Print nothing unless a file is skipped.")
@extraction_options
@click.pass_obj
@handle_errors
def extract(obj: dict, paths: tuple[Path, ...], output: str, quiet: bool, model: str | None, ner: Path | None,
            jobs: int) -> None:
    """Extract the articles in PATHS into a self-contained N-Quads shard, without a store.

    The shard holds one named graph per article plus the ontology and gazetteer
    graphs; 'kg load' puts shards into the store, and any RDF store reads them.
    Run it on any batch system, one shard per batch.
    """
    from kg.build import extract_to

    check_output(obj, output)
    spec, extractor = _spec(model, ner)
    progress, clear = _progress(quiet)
    try:
        if output == "-":
            report = extract_to(sys.stdout.buffer, paths, extractor=extractor, jobs=jobs, spec=spec,
                                progress=progress)
        else:
            report = _extract_file(Path(output), paths, extractor, jobs, spec, progress)
    finally:
        clear()
    _report_skipped(report)
    if (not quiet or report.skipped) and output != "-":
        click.echo(f"extracted {plural(len(report.built), 'article')}, "
                   f"{plural(report.statements, 'statement')} into {output}")
    if report.skipped:
        sys.exit(1)


def _extract_file(target: Path, paths, extractor, jobs, spec, progress):
    """Write the shard as kg.outfile writes any output: a regular file only when complete."""
    from kg.build import extract_to

    with output_file(target) as stream:
        return extract_to(stream, paths, extractor=extractor, jobs=jobs, spec=spec, progress=progress)


@main.command()
@click.argument("shards", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.pass_obj
@handle_errors
def load(obj: dict, shards: tuple[Path, ...]) -> None:
    """Load N-Quads SHARDS (from 'kg extract') into the store.

    Each named graph replaces the store's graph of that name, so loading the
    same shard twice changes nothing.  A shard goes in whole or not at all: one
    that is broken is named with its reason, the others still load, and the
    exit code is 1.
    """
    from kg.article import not_a_file_reason
    from kg.build import LoadReport, load_shards

    if any(shard.is_file() for shard in shards):
        with open_store(obj, read_only=False) as store:
            report = load_shards(store, shards)
    else:                                          # nothing to load: no store is made
        report = LoadReport(refused=[f"{shard}: {not_a_file_reason(shard)}; nothing of it loaded" for shard in shards])
    for line in report.refused:
        click.echo(line, err=True)
    click.echo(f"loaded {plural(report.graphs, 'graph')}, {plural(report.quads, 'quad')} into {obj['store']}")
    if report.refused:
        sys.exit(1)


@main.command()
@click.argument("identifiers", nargs=-1, required=True, metavar="ID...")
@click.pass_obj
@handle_errors
def remove(obj: dict, identifiers: tuple[str, ...]) -> None:
    """Drop the graphs of the articles with these identifiers (see kg summary).

    An identifier the store does not hold is reported and the exit code is 1;
    the others are still removed.
    """
    missing = []
    open_store(obj, read_only=True).close()        # a missing store is an error, not created
    with open_store(obj, read_only=False) as store:
        for identifier in identifiers:
            if store.remove_article(identifier):
                click.echo(f"removed {identifier}")
            else:
                missing.append(identifier)
    for identifier in missing:
        click.echo(f"no article {identifier} in {obj['store']}", err=True)
    if missing:
        sys.exit(1)


def _parse_params(ctx, param, values: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for value in utf8_text(ctx, param, values):
        name, sep, text = value.partition("=")
        if not sep or not name.strip():
            raise click.BadParameter(f"{shown(value)!r} is not NAME=VALUE")
        out[name.strip().lstrip("?")] = text
    return out


@main.command()
@click.argument("name", required=False, metavar="NAME|FILE|-")
@click.option("--list", "list_", is_flag=True, help="List the bundled queries and what they answer.")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE", callback=_parse_params,
              help="Bind a query variable (repeatable); a declared parameter takes an entity name.")
@format_option(RESULT_FORMATS, "table", "table for people; csv, tsv, json: the W3C SPARQL results formats.")
@click.option("--timeout", type=click.FloatRange(min=0), default=60, show_default=True, metavar="SECONDS",
              help="Stop the query after this many seconds; 0: no limit.")
@click.option("--allow-service", is_flag=True,
              help="Allow federated queries: SERVICE sends requests to other SPARQL endpoints over HTTP.")
@click.pass_obj
@handle_errors
def query(obj: dict, name: str | None, list_: bool, params: dict[str, str], fmt: str, timeout: float,
          allow_service: bool) -> None:
    """Run a bundled query by NAME, a query FILE, or - for SPARQL on standard input.

    Queries are read-only and see all graphs merged.  The prefixes kg: res:
    entity: article: sentence: statement: item: measure: rdf: rdfs: skos: owl:
    prov: dcterms: schema: xsd: wd: are predeclared.  Rows are written as they
    come; Ctrl-C stops a query at once (exit 130).  Federated queries (SERVICE)
    are refused unless --allow-service.
    """
    from kg.queries import bundled, missing_params, resolve
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
    stream(lambda: open_store(obj, read_only=True), q, params, fmt, _stdout(),
           timeout=timeout, allow_service=allow_service)


@main.command()
@format_option(tuple(EXPORT_FORMATS), "turtle",
               "RDF syntax; turtle and ntriples merge all graphs, trig and nquads keep them.")
@click.option("-o", "--output", default="-", show_default=True,
              type=click.Path(dir_okay=False, allow_dash=True), help="File to write, or - for standard output.")
@click.pass_obj
@handle_errors
def export(obj: dict, fmt: str, output: str) -> None:
    """Write the whole graph as RDF: TriG and N-Quads keep one named graph per
    article, Turtle and N-Triples hold the union of all graphs."""
    check_output(obj, output)
    target = sys.stdout.buffer if output == "-" else Path(output)
    with open_store(obj, read_only=True) as store:
        store.export(fmt, target)


@main.command()
@format_option(DOCUMENT_FORMATS, "text", "text for people, json for programs.")
@click.pass_obj
@handle_errors
def summary(obj: dict, fmt: str) -> None:
    """What the graph says: counts by relation and modality, the most mentioned
    entities, then each article's statements in words."""
    from kg.summary import summary as summarise

    with open_store(obj, read_only=True) as store:
        click.echo(render_document("summary", summarise(store), fmt), nl=False)


@main.command()
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


@main.command("eval")
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
