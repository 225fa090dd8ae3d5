"""The explorer's routes: server-rendered HTML from the Jinja2 templates in ``templates/``
(autoescaped: every name and sentence from the store is escaped), readable without
JavaScript; only the neighbourhood graph is drawn by a script (``static/explorer.js`` with
the vendored cytoscape.js), fed by ``/api/neighbourhood``.

Pages: ``/`` (search box, entities by mentions), ``/search?q=NAME`` (a name resolved as
``kg show`` resolves it, then redirected to its entity), ``/articles``, ``/events``,
``/contested``, and one page per resource below ``/resource/``: an entity (``entity/``,
``item/``, ``measure/``), an article or an event.  Lists page with ``?offset=`` and
``?limit=`` (at most :data:`MAX_LIMIT`).
"""
from __future__ import annotations

from pathlib import Path

import jinja2
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse
from starlette.routing import Route

from kg import __version__
from kg.errors import NotFoundError, shown
from kg.summary import resolve_entity
from kg.terms import MODALITIES
from kg.web import explore
from kg.web.protocol import GRAPH_FORMATS, RESULT_FORMATS

TEMPLATES = Path(__file__).resolve().parent / "templates"
DEFAULT_LIMIT = 50
MAX_LIMIT = 500
#: The first segment of a resource's path -> the page that shows it.
ENTITY_KINDS = frozenset({"entity", "item", "measure"})

_env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                          undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
_env.globals.update(path_of=explore.path_of, marked=explore.marked, modalities=MODALITIES, version=__version__)


def render(request: Request, template: str, status: int = 200, **context) -> HTMLResponse:
    html = _env.get_template(template).render(request=request, **context)
    return HTMLResponse(html, status_code=status)


def _store(request: Request):
    return request.app.state.store


def paging(request: Request) -> tuple[int, int]:
    """``?limit=`` and ``?offset=`` as numbers; a bad value is a 400 with one line."""
    values = []
    for name, default, top in (("limit", DEFAULT_LIMIT, MAX_LIMIT), ("offset", 0, None)):
        raw = request.query_params.get(name, str(default))
        if not raw.isdigit() or (top is not None and not 1 <= int(raw) <= top):
            raise HTTPException(400, f"{name} must be a whole number" + (f" from 1 to {top}" if top else ""))
        values.append(int(raw))
    return values[0], values[1]


def home(request: Request) -> HTMLResponse:
    limit, offset = paging(request)
    return render(request, "home.html", page=explore.entities(_store(request), limit, offset))


def search(request: Request):
    name = request.query_params.get("q", "")
    try:
        iri = resolve_entity(_store(request), name).value
    except NotFoundError as exc:
        return render(request, "message.html", 404, title="Not found", message=str(exc), query=name)
    return RedirectResponse(explore.path_of(iri), status_code=303)


def listing(template: str, read):
    """A page that shows one page of a list read by ``read(store, limit, offset)``."""
    def page(request: Request) -> HTMLResponse:
        limit, offset = paging(request)
        return render(request, template, page=read(_store(request), limit, offset))
    return page


def resource(request: Request) -> HTMLResponse:
    path = _raw_path(request)
    kind = path.split("/", 1)[0]
    iri = explore.iri_of(path)
    store = _store(request)
    limit, offset = paging(request)
    if kind in ENTITY_KINDS:
        found = explore.entity(store, iri)
        page = explore.statements(store, "entity", iri, limit, offset) if found else None
        return render(request, "entity.html", entity=found, page=page, groups=_by_relation(page)) if found \
            else _missing(request, f"no entity {shown(iri)}")
    if kind == "article":
        found = explore.article(store, iri)
        return render(request, "article.html", article=found,
                      page=explore.statements(store, "article", iri, limit, offset)) if found \
            else _missing(request, f"no article {shown(iri)}")
    if kind == "event":
        page = explore.statements(store, "event", iri, limit, offset)
        return render(request, "event.html", iri=iri, page=page, sources=explore.event_sources(store, iri)) \
            if page.rows or offset else _missing(request, f"no event {shown(iri)}")
    return _missing(request, f"no page for {shown(iri)}")


def _raw_path(request: Request) -> str:
    """The path below ``/resource/`` as the request wrote it: an IRI's own percent escapes
    (``article/2024%2F06%2F01``, as :func:`kg.rdf.article_iri` mints them) stay as they are."""
    raw = request.scope.get("raw_path")
    path = raw.decode("latin-1").split("?", 1)[0] if raw else request.url.path
    return path[len("/resource/"):] if path.startswith("/resource/") else request.path_params["path"]


def _by_relation(page) -> list[tuple[str, list[dict]]]:
    """A page's statements grouped by relation, in the page's order."""
    groups: dict[str, list[dict]] = {}
    for st in page.rows if page else []:
        groups.setdefault(st["relation"], []).append(st)
    return list(groups.items())


def _missing(request: Request, message: str) -> HTMLResponse:
    return render(request, "message.html", 404, title="Not found", message=message, query="")


def neighbourhood(request: Request) -> JSONResponse:
    iri = request.query_params.get("iri", "")
    store = _store(request)
    if not iri or explore.entity(store, iri) is None:
        return JSONResponse({"error": f"no entity {shown(iri)}"}, status_code=404)
    return JSONResponse(explore.neighbourhood(store, iri))


def query_page(request: Request) -> HTMLResponse:
    """A form for the SPARQL endpoint (``GET /sparql`` from a browser, without a query)."""
    return render(request, "query.html", result_formats=list(RESULT_FORMATS), graph_formats=list(GRAPH_FORMATS))


async def not_found(request: Request, exc) -> HTMLResponse:
    return _missing(request, f"no page at {shown(request.url.path)}")


async def bad_request(request: Request, exc: HTTPException) -> HTMLResponse:
    return render(request, "message.html", exc.status_code, title="Bad request", message=exc.detail, query="")


def routes() -> list[Route]:
    return [
        Route("/", home),
        Route("/search", search),
        Route("/articles", listing("articles.html", explore.articles)),
        Route("/events", listing("events.html", explore.events)),
        Route("/contested", listing("contested.html", explore.contested)),
        Route("/resource/{path:path}", resource),
        Route("/api/neighbourhood", neighbourhood),
    ]


__all__ = ["bad_request", "not_found", "query_page", "routes"]
