"""The command that serves: ``serve`` (the store over HTTP, read-only: a SPARQL endpoint and
a web explorer).  The library is :mod:`kg.web`."""
from __future__ import annotations

import click

from kg.cli.common import handle_errors, open_store


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; the default serves this machine only.")
@click.option("--port", type=click.IntRange(0, 65535), default=7878, show_default=True,
              help="Port to listen on; 0: any free port.")
@click.option("--timeout", type=click.FloatRange(min=0), default=30, show_default=True, metavar="SECONDS",
              help="Stop a SPARQL query after this many seconds; 0: no limit.")
@click.pass_obj
@handle_errors
def serve(obj: dict, host: str, port: int, timeout: float) -> None:
    """Serve the store read-only: a SPARQL 1.1 endpoint at /sparql and a web explorer at /.

    The store stays open for reading while the server runs, so a 'kg build' into it
    meanwhile is refused (store in use).  Ctrl-C stops the server.
    """
    from kg.web.app import bind, serve as run_server, url_of

    with open_store(obj, read_only=True) as store:
        sock = bind(host, port)
        url = url_of(sock)
        try:
            run_server(store, sock, timeout or None, lambda: click.echo(
                f"serving {obj['store']} at {url}/ (SPARQL endpoint {url}/sparql); Ctrl-C stops"))
        except KeyboardInterrupt:      # uvicorn stopped on Ctrl-C and raised it again
            pass
        finally:
            sock.close()
    click.echo("stopped", err=True)
