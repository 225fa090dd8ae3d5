"""The web application of ``kg serve`` and the server that runs it.

:func:`create_app` makes the Starlette application over one store opened read-only: the
SPARQL endpoint ``/sparql`` (:mod:`kg.web.protocol`), the explorer's pages
(:mod:`kg.web.pages`), the neighbourhood JSON for the graph view and the static files
(``static/``: the vendored cytoscape.js, the page's script and style).  Every response
carries ``Access-Control-Allow-Origin: *``; an ``OPTIONS`` preflight is answered.  An
error the application did not foresee becomes one line on stderr and a 500, never a
traceback.  :func:`serve` binds the socket (so a port in use is one line) and runs
uvicorn on it until Ctrl-C.
"""
from __future__ import annotations

import contextlib
import socket
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import anyio
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from kg.errors import KGError, one_line
from kg.store import KGStore
from kg.web import pages
from kg.web.protocol import ProtocolError, answer, media_type, negotiate, read_request
from kg.sparql import query_form

STATIC = Path(__file__).resolve().parent / "static"
#: How many SPARQL queries run at once (each in a child process); more wait their turn.
QUERY_SLOTS = 4


def create_app(store: KGStore, timeout: float | None = 30.0) -> Starlette:
    """The application over ``store`` (open read-only; on disk, or in memory for tests);
    SPARQL queries stop after ``timeout`` seconds (None or 0: no limit)."""
    if store.path is not None:
        path = store.path

        def open_store() -> KGStore:
            return KGStore.open(path, read_only=True)
    else:
        def open_store():                 # a forked child sees the parent's memory store as it was
            return contextlib.nullcontext(store)

    slots = anyio.CapacityLimiter(QUERY_SLOTS)
    stopping = threading.Event()            # set by serve() on Ctrl-C: running queries stop

    async def sparql(request: Request) -> Response:
        if request.method == "GET" and not request.query_params and _wants_html(request):
            return pages.query_page(request)
        try:
            wanted = await read_request(request)
            fmt = negotiate(query_form(wanted.text), wanted.format, request.headers.get("accept"))
            body = await anyio.to_thread.run_sync(answer, open_store, wanted, fmt, timeout, stopping, limiter=slots)
        except ProtocolError as exc:
            return PlainTextResponse(f"{exc}\n", status_code=exc.status)
        return Response(body, media_type=media_type(fmt), headers={"Vary": "Accept"})

    app = Starlette(
        routes=[
            Route("/sparql", sparql, methods=["GET", "POST"]),
            *pages.routes(),
            Mount("/static", StaticFiles(directory=STATIC), name="static"),
        ],
        middleware=[
            Middleware(BaseHTTPMiddleware, dispatch=_one_line_errors),
            Middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "POST", "OPTIONS"],
                       allow_headers=["*"], max_age=86400),
        ],
        exception_handlers={404: pages.not_found, 400: pages.bad_request},
    )
    app.state.store = store
    app.state.stopping = stopping
    return app


def _wants_html(request: Request) -> bool:
    return "text/html" in request.headers.get("accept", "")


async def _one_line_errors(request: Request, call_next) -> Response:
    """An error nothing else handled: one line on stderr and a plain 500."""
    try:
        return await call_next(request)
    except KGError as exc:
        return PlainTextResponse(f"{exc}\n", status_code=400)
    except Exception as exc:  # noqa: BLE001 - a server keeps serving
        print(f"Error: {request.method} {request.url.path}: {one_line(exc)}", file=sys.stderr, flush=True)
        return PlainTextResponse(f"internal error: {one_line(exc)}\n", status_code=500)


def bind(host: str, port: int) -> socket.socket:
    """A listening TCP socket on ``host:port`` (port 0: any free port); a failure is one line."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
        sock = socket.socket(family, kind, proto)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(128)
    except OSError as exc:
        raise KGError(f"cannot listen on {host}:{port}: {exc.strerror or one_line(exc)}") from None
    sock.set_inheritable(True)
    return sock


def url_of(sock: socket.socket) -> str:
    """The base URL a socket serves: ``http://127.0.0.1:7878``."""
    host, port = sock.getsockname()[:2]
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def serve(store: KGStore, sock: socket.socket, timeout: float | None, started: Callable[[], None]) -> None:
    """Serve ``store`` on ``sock`` until Ctrl-C (raised again as KeyboardInterrupt once the
    server has stopped); ``started`` is called when the server accepts requests."""
    import uvicorn

    app = create_app(store, timeout)
    config = uvicorn.Config(app, log_config=None, access_log=False, timeout_graceful_shutdown=2, lifespan="off")
    server = uvicorn.Server(config)
    original, exiting = server.startup, server.handle_exit

    def handle_exit(sig, frame):            # Ctrl-C: stop the queries that run, then the server
        app.state.stopping.set()
        exiting(sig, frame)

    async def startup(sockets=None):
        await original(sockets)
        if server.started:
            started()

    server.startup = startup
    server.handle_exit = handle_exit
    server.run(sockets=[sock])
    if not server.started:
        raise KGError(f"the server on {url_of(sock)} did not start")


__all__ = ["bind", "create_app", "serve", "url_of"]
