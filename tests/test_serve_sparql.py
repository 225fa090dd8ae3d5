"""``kg serve``'s SPARQL 1.1 Protocol endpoint, driven by real clients (SPARQLWrapper, rdflib's
SPARQLStore, httpx) against a real server process over the store of ``seeds/``."""
from __future__ import annotations

import csv
import io
import json
import signal
import socket
import subprocess
import sys
import threading
import time
import xml.etree.ElementTree as ET

import httpx
import pytest
import rdflib
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, JSONLD, N3, TSV, TURTLE, XML, SPARQLWrapper

from conftest import cli, processes_running, serving

RES = "https://w3id.org/newskg/resource/"
NK = RES + "entity/north-korea"
LABEL = "SELECT ?label WHERE { entity:north-korea rdfs:label ?label }"
DENIALS = """SELECT ?who ?article WHERE {
  ?st kg:modality kg:denied ; kg:attributedTo/rdfs:label ?who ;
      prov:wasDerivedFrom/schema:isPartOf/dcterms:identifier ?article }"""
NAMES = "CONSTRUCT { entity:north-korea rdfs:label ?l } WHERE { entity:north-korea rdfs:label ?l }"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
SRX = "{http://www.w3.org/2005/sparql-results#}"


def get(url, query, accept=None, **params):
    headers = {"Accept": accept} if accept else {}
    return httpx.get(f"{url}/sparql", params={"query": query, **params}, headers=headers, timeout=30)


def count(url) -> int:
    return int(get(url, COUNT, "application/sparql-results+json").json()["results"]["bindings"][0]["n"]["value"])


# ---------------------------------------------------------------- real clients
def test_sparqlwrapper_select_in_every_results_format(seed_server):
    client = SPARQLWrapper(f"{seed_server}/sparql")
    client.setQuery(DENIALS)
    client.setReturnFormat(JSON)
    rows = client.query().convert()["results"]["bindings"]
    assert [(r["who"]["value"], r["article"]["value"]) for r in rows] == [("Dmitri Peskow", "000_6c5487194f5f798d")]
    client.setReturnFormat(XML)
    document = client.query().convert()          # an xml.dom document
    assert [n.firstChild.data for n in document.getElementsByTagName("literal")] == \
        ["Dmitri Peskow", "000_6c5487194f5f798d"]
    for fmt, delimiter in ((CSV, ","), (TSV, "\t")):
        client.setReturnFormat(fmt)
        text = client.query().convert().decode("utf-8")
        table = _table(text, delimiter)
        assert table[0] == (["who", "article"] if fmt == CSV else ["?who", "?article"])
        assert table[1] == (["Dmitri Peskow", "000_6c5487194f5f798d"] if fmt == CSV
                            else ['"Dmitri Peskow"@de', '"000_6c5487194f5f798d"'])


@pytest.mark.parametrize("fmt", [TURTLE, N3, JSONLD])
def test_sparqlwrapper_construct(seed_server, fmt):
    client = SPARQLWrapper(f"{seed_server}/sparql")
    client.setQuery(NAMES)
    client.setReturnFormat(fmt)
    result = client.query()
    graph = result.convert()
    if isinstance(graph, bytes):               # SPARQLWrapper hands Turtle over as bytes
        graph = rdflib.Graph().parse(data=graph, format="turtle")
    assert set(graph) == {(rdflib.URIRef(NK), rdflib.RDFS.label, rdflib.Literal("Nordkorea", lang="de"))}


def test_rdflib_sparqlstore_select_ask_and_construct(seed_server):
    # "core": rdflib's own default prefixes would declare schema: as https://schema.org/
    graph = rdflib.Graph(SPARQLStore(f"{seed_server}/sparql"), bind_namespaces="core")
    rows = list(graph.query(DENIALS))
    assert [(str(r.who), str(r.article)) for r in rows] == [("Dmitri Peskow", "000_6c5487194f5f798d")]
    assert graph.query("ASK { entity:north-korea kg:supplies entity:russia }").askAnswer is True
    assert graph.query("ASK { entity:russia kg:vetoed entity:north-korea }").askAnswer is False
    triples = set(graph.query(NAMES))
    assert triples == {(rdflib.URIRef(NK), rdflib.RDFS.label, rdflib.Literal("Nordkorea", lang="de"))}
    assert len(list(graph.query("SELECT ?st WHERE { ?st a kg:Statement }"))) == 43


# ---------------------------------------------------------------- content negotiation
def _json(body: bytes):
    return [b["label"]["value"] for b in json.loads(body)["results"]["bindings"]]


def _xml(body: bytes):
    return [e.text for e in ET.fromstring(body).iter(f"{SRX}literal")]


def _csv(body: bytes):
    return [row[0] for row in csv.reader(io.StringIO(body.decode("utf-8")))][1:]


def _tsv(body: bytes):
    return [row[0] for row in _table(body.decode("utf-8"), "\t")][1:]


def _table(text: str, delimiter: str) -> list[list[str]]:
    """CSV rows (RFC 4180 quoting), or TSV rows (no quoting: a term is written as in Turtle)."""
    if delimiter == ",":
        return list(csv.reader(io.StringIO(text)))
    return [line.split("\t") for line in text.splitlines()]


@pytest.mark.parametrize("accept, fmt, content_type, parse, expected", [
    ("application/sparql-results+json", None, "application/sparql-results+json", _json, ["Nordkorea"]),
    ("application/json", None, "application/sparql-results+json", _json, ["Nordkorea"]),
    (None, None, "application/sparql-results+json", _json, ["Nordkorea"]),
    ("application/sparql-results+xml", None, "application/sparql-results+xml; charset=utf-8", _xml, ["Nordkorea"]),
    ("text/csv", None, "text/csv; charset=utf-8", _csv, ["Nordkorea"]),
    ("text/tab-separated-values", None, "text/tab-separated-values; charset=utf-8", _tsv, ['"Nordkorea"@de']),
    ("text/csv;q=0.5, application/sparql-results+xml", None, "application/sparql-results+xml; charset=utf-8",
     _xml, ["Nordkorea"]),
    ("text/html", "csv", "text/csv; charset=utf-8", _csv, ["Nordkorea"]),
    (None, "tsv", "text/tab-separated-values; charset=utf-8", _tsv, ['"Nordkorea"@de']),
])
def test_select_formats(seed_server, accept, fmt, content_type, parse, expected):
    response = get(seed_server, LABEL, accept, **({"format": fmt} if fmt else {}))
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == content_type
    assert parse(response.content) == expected


@pytest.mark.parametrize("accept, fmt, content_type, rdf_format", [
    ("text/turtle", None, "text/turtle; charset=utf-8", "turtle"),
    (None, None, "text/turtle; charset=utf-8", "turtle"),
    ("application/n-triples", None, "application/n-triples; charset=utf-8", "nt"),
    ("application/ld+json", None, "application/ld+json", "json-ld"),
    ("application/rdf+xml", None, "application/rdf+xml; charset=utf-8", "xml"),
    (None, "json-ld", "application/ld+json", "json-ld"),
    (None, "ntriples", "application/n-triples; charset=utf-8", "nt"),
])
def test_construct_formats(seed_server, accept, fmt, content_type, rdf_format):
    response = get(seed_server, NAMES, accept, **({"format": fmt} if fmt else {}))
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == content_type
    graph = rdflib.Graph().parse(data=response.content, format=rdf_format)
    assert set(graph) == {(rdflib.URIRef(NK), rdflib.RDFS.label, rdflib.Literal("Nordkorea", lang="de"))}


def test_ask_formats(seed_server):
    ask = "ASK { entity:north-korea kg:supplies entity:russia }"
    assert get(seed_server, ask, "application/sparql-results+json").json() == {"head": {}, "boolean": True}
    root = ET.fromstring(get(seed_server, ask, "application/sparql-results+xml").content)
    assert root.find(f"{SRX}boolean").text == "true"


def test_a_format_that_does_not_fit_is_406(seed_server):
    response = get(seed_server, LABEL, "text/turtle")
    assert response.status_code == 406
    assert response.text.startswith("none of the accepted types fits a SELECT: application/sparql-results+json")
    assert get(seed_server, NAMES, None, format="csv").status_code == 406


def test_post_form_and_direct_query(seed_server):
    form = httpx.post(f"{seed_server}/sparql", data={"query": LABEL}, headers={"Accept": "text/csv"})
    assert (form.status_code, form.text) == (200, "label\r\nNordkorea\r\n")
    direct = httpx.post(f"{seed_server}/sparql", content=LABEL.encode(),
                        headers={"Content-Type": "application/sparql-query", "Accept": "text/csv"})
    assert (direct.status_code, direct.text) == (200, "label\r\nNordkorea\r\n")
    other = httpx.post(f"{seed_server}/sparql", content=LABEL.encode(), headers={"Content-Type": "text/plain"})
    assert other.status_code == 415


def test_dataset_of_the_request(seed_server):
    statements = "SELECT (COUNT(?st) AS ?n) WHERE { ?st a kg:Statement }"
    one = get(seed_server, statements, "text/csv", **{"default-graph-uri": RES + "article/000_6c5487194f5f798d"})
    assert one.text == "n\r\n10\r\n"
    assert get(seed_server, statements, "text/csv").text == "n\r\n43\r\n"
    graphs = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s a kg:Statement } } ORDER BY ?g"
    named = get(seed_server, graphs, "text/csv", **{"named-graph-uri": [RES + "article/001_3de4a40f195ed6ed"]})
    assert named.text == f"g\r\n{RES}article/001_3de4a40f195ed6ed\r\n"


# ---------------------------------------------------------------- refusals and limits
def test_updates_are_refused_and_the_store_is_unchanged(seed_server):
    before = count(seed_server)
    insert = "INSERT DATA { <urn:x> <urn:y> <urn:z> }"
    for response in (
        httpx.post(f"{seed_server}/sparql", data={"update": insert}),
        httpx.post(f"{seed_server}/sparql", content=insert.encode(),
                   headers={"Content-Type": "application/sparql-update"}),
        httpx.post(f"{seed_server}/sparql", data={"query": "DROP ALL"}),
        get(seed_server, "PREFIX x: <urn:x>\nDELETE WHERE { ?s ?p ?o }"),
    ):
        assert (response.status_code, response.text) == (403, "SPARQL Update is not allowed: this endpoint is read-only\n")
    assert count(seed_server) == before > 8000


def test_service_is_refused(seed_server):
    response = get(seed_server, "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }")
    assert (response.status_code, response.text) == (
        403, "federated queries (SERVICE) are not allowed on this endpoint\n")


def test_syntax_error_and_missing_query(seed_server):
    response = get(seed_server, "SELECT ?x WHERE { ?x ")
    assert response.status_code == 400
    assert response.text.startswith("SPARQL syntax error at 1:")
    missing = httpx.get(f"{seed_server}/sparql", params={"format": "json"})
    assert missing.status_code == 400
    assert missing.text.startswith("give one query")


def test_a_query_past_the_time_limit_is_stopped(seed_server):
    started = time.monotonic()
    response = get(seed_server, "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }")
    took = time.monotonic() - started
    assert response.status_code == 503
    assert response.text == "query stopped after 3 s, the server's time limit (kg serve --timeout)\n"
    assert 3 <= took < 6
    assert get(seed_server, LABEL, "text/csv").text == "label\r\nNordkorea\r\n"    # and it still serves


def test_cors(seed_server):
    response = httpx.get(
        f"{seed_server}/sparql", params={"query": LABEL}, headers={"Origin": "https://example.org"})
    assert response.headers["access-control-allow-origin"] == "*"
    preflight = httpx.options(f"{seed_server}/sparql", headers={
        "Origin": "https://example.org", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type"})
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == "*"
    assert "POST" in preflight.headers["access-control-allow-methods"]


# ---------------------------------------------------------------- the process
def test_a_build_while_serving_is_refused(seed_server, seed_store):
    before = count(seed_server)
    result = cli("--store", seed_store, "remove", "000_6c5487194f5f798d")
    assert (result.exit_code, result.output) == (1, f"Error: store {seed_store} is in use by another process\n")
    assert count(seed_server) == before > 8000


def test_ctrl_c_stops_with_one_line(seed_store):
    with serving(seed_store) as (url, server):
        assert httpx.get(f"{url}/sparql", params={"query": LABEL, "format": "csv"}).status_code == 200
        server.send_signal(signal.SIGINT)
        out, err = server.communicate(timeout=30)
    assert (server.returncode, out, err) == (0, "", "stopped\n")


def test_ctrl_c_stops_a_query_that_runs_without_a_limit(seed_store):
    endless = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    others = processes_running(str(seed_store))               # the session's server, if it runs
    with serving(seed_store, "--timeout", 0) as (url, server):
        client = threading.Thread(target=lambda: httpx.get(f"{url}/sparql", params={"query": endless}, timeout=60),
                                  daemon=True)
        client.start()
        time.sleep(1)
        assert len(processes_running(str(seed_store))) == len(others) + 2    # this server and its query's child
        started = time.monotonic()
        server.send_signal(signal.SIGINT)
        out, err = server.communicate(timeout=30)
    assert (server.returncode, err) == (0, "stopped\n")
    assert time.monotonic() - started < 5
    assert processes_running(str(seed_store)) == others


def test_importing_the_server_does_not_import_spacy():
    code = "import kg.web.app, kg.cli.serve, sys; print('spacy' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout == "False\n"


def test_a_port_in_use_is_one_line(seed_store):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        result = cli("--store", seed_store, "serve", "--port", port)
    assert result.exit_code == 1
    assert result.output == f"Error: cannot listen on 127.0.0.1:{port}: Address already in use\n"
