"""Federated queries (SPARQL SERVICE): refused unless --allow-service, found in the query's
tokens (not in its comments, strings or IRIs), and a failing endpoint is one line."""
from __future__ import annotations

import io
import socket
import subprocess
import time

import pytest
from conftest import KG, cli

from kg.errors import QueryError
from kg.sparql import service_iris
from kg.queries import parse_query
from kg.runner import stream

REFUSED = "Error: federated queries (SERVICE) are off; --allow-service turns them on\n"


@pytest.fixture
def listening():
    """A local port that accepts connections and never answers: (port, socket)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    server.settimeout(0.2)
    yield server.getsockname()[1], server
    server.close()


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def federated(port: int) -> str:
    return f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}"


def connected(server: socket.socket) -> bool:
    try:
        server.accept()[0].close()
        return True
    except OSError:
        return False


def test_a_federated_query_is_refused_by_default_without_a_request(disk_store, listening):
    port, server = listening
    result = cli("--store", disk_store, "query", "-", input=federated(port))
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", REFUSED)
    assert not connected(server)


@pytest.mark.parametrize("text", [
    "select * where {{ ?s ?p ?o . Service Silent <http://127.0.0.1:{port}/> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ ?s ?p ?o OPTIONAL {{ SERVICE ?endpoint {{ ?s ?p ?o }} }} }}",
    "SELECT * WHERE {{ \\u0053ERVICE <http://127.0.0.1:{port}/> {{ ?s ?p ?o }} }}",
    "PREFIX e: <http://127.0.0.1:{port}/>\nSELECT * WHERE {{ SERVICE#here\ne:x {{ ?s ?p ?o }} }}",
])
def test_every_spelling_of_service_is_refused(store, text):
    with pytest.raises(QueryError, match=r"^federated queries \(SERVICE\) are off"):
        store.query(text.format(port=closed_port()))


@pytest.mark.parametrize("text", [
    "# SERVICE <http://127.0.0.1/>\nSELECT ?service WHERE { ?service ?p ?o } LIMIT 1",
    "SELECT ?s WHERE { ?s ?p \"SERVICE <http://127.0.0.1/> { }\" }",
    "SELECT ?s WHERE { ?s ?p '''\nSERVICE <x> {}''' }",
    "PREFIX service: <http://x.org/SERVICE#>\nSELECT ?s WHERE { ?s service:SERVICE ?o }",
    "SELECT ?s WHERE { ?s <http://x.org/SERVICE> $SERVICE }",
])
def test_service_in_a_comment_string_iri_or_name_is_no_federated_query(store, text):
    store.query(text)


def test_service_iris_are_read_from_tokens():
    assert service_iris("SELECT * { SERVICE <http://a/> { } # SERVICE <http://b/>\n "
                        "SERVICE SILENT e:x { } \"SERVICE <http://c/>\" SERVICE ?v { } }") == [
        "<http://a/>", "e:x", "?v"]


def test_allowed_service_with_a_closed_port_is_one_line(disk_store):
    port = closed_port()
    result = cli("--store", disk_store, "query", "-", "--allow-service", input=federated(port))
    assert (result.exit_code, result.stdout, result.stderr) == (
        1, "", f"Error: SERVICE <http://127.0.0.1:{port}/sparql> failed: connection refused\n")


def test_allowed_service_that_never_answers_stops_at_the_timeout(disk_store, listening):
    port, _ = listening
    began = time.monotonic()
    done = subprocess.run([KG, "--store", str(disk_store), "query", "-", "--allow-service", "--timeout", "1"],
                          input=federated(port).encode(), capture_output=True, timeout=30)
    assert (done.returncode, done.stdout, done.stderr) == (1, b"", b"Error: query stopped after 1 s (--timeout)\n")
    assert time.monotonic() - began < 5


def test_the_library_refuses_service_unless_allowed(store):
    with pytest.raises(QueryError):
        store.query(federated(closed_port()))
    with pytest.raises(QueryError, match="^SERVICE <http://127.0.0.1:.*> failed: connection refused$"):
        stream(lambda: store, parse_query("-", federated(closed_port())), {}, "csv", io.BytesIO(),
               allow_service=True)
