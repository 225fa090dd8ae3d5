"""The commands that write: ``build``, ``extract``, ``load`` and ``remove``.  spaCy is imported
only inside the commands that extract, so the package imports without it."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from kg.cli.common import (
    ARTICLE_PATHS, _progress, _report_skipped, _spec, check_output, extraction_options, handle_errors, open_store,
)
from kg.outfile import output_file
from kg.output import plural


@click.command()
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


@click.command()
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


@click.command()
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


@click.command()
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
