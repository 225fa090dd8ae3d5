"""The ``kg`` command: a thin layer over the library.

Each command opens the store, makes one library call and prints what comes
back through a writer from ``kg.output``.  A library error
(:class:`kg.errors.KGError`) becomes one line ``Error: …`` on stderr and exit 1;
a wrong invocation is a usage error, exit 2.  Read commands open the store
read-only and never create it.  spaCy is imported only inside ``build``, so
the read commands start fast.

Rooms: ``kg.cli.common`` (error handling, shared options, store and ``-o``
checks), ``kg.cli.write`` (build, extract, load, remove), ``kg.cli.read``
(query, export, summary, show, eval), ``kg.cli.serve`` (serve).  A new command is a click command in one
of them, added to ``main`` below.
"""
from __future__ import annotations

import click

from kg import __version__
from kg.cli.read import evaluate, export, query, show, summary
from kg.cli.serve import serve
from kg.cli.write import build, extract, load, remove


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--store", "store", envvar="KG_STORE", default="kg-store", show_default=True,
              type=click.Path(file_okay=False), help="Folder of the Oxigraph store (also KG_STORE).")
@click.version_option(__version__, prog_name="kg")
@click.pass_context
def main(ctx: click.Context, store: str) -> None:
    """Knowledge graphs from German news: who signed, supplied, vetoed, visited,
    met or sanctioned whom, with modality, source and evidence."""
    ctx.obj = {"store": store}


for _command in (build, extract, load, remove, query, export, summary, show, evaluate, serve):
    main.add_command(_command)
