"""Every export format reads back (with rdflib) to the store's triples or quads; the format
by the -o file's extension; Turtle without escaped local names; the published JSON-LD
context."""
from __future__ import annotations

import json

import pyoxigraph as ox
import pytest
import rdflib
from conftest import cli

from kg.export import EXTENSIONS, format_of
from kg.jsonld import implied_context, published_context

#: rdflib's name of each format, and whether it keeps the named graphs.
RDFLIB = {"turtle": ("turtle", False), "trig": ("trig", True), "nquads": ("nquads", True),
          "ntriples": ("nt", False), "jsonld": ("json-ld", True), "rdfxml": ("xml", False)}


def store_counts(store_path) -> tuple[int, int]:
    """(quads, distinct triples of the union) of the store, from its N-Quads export."""
    data = cli("--store", store_path, "export", "--format", "nquads").stdout_bytes
    quads = list(ox.parse(data, format=ox.RdfFormat.N_QUADS))
    return len(quads), len({(q.subject, q.predicate, q.object) for q in quads})


def rdflib_count(data: bytes, fmt: str) -> int:
    name, graphs = RDFLIB[fmt]
    if graphs:
        dataset = rdflib.Dataset()
        dataset.parse(data=data, format=name)
        return sum(1 for _ in dataset.quads((None, None, None, None)))
    graph = rdflib.Graph()
    graph.parse(data=data, format=name)
    return len(graph)


@pytest.mark.parametrize("fmt", sorted(RDFLIB))
def test_every_format_reads_back_to_the_same_count(disk_store, fmt):
    result = cli("--store", disk_store, "export", "--format", fmt)
    assert (result.exit_code, result.stderr) == (0, "")
    quads, triples = store_counts(disk_store)
    assert rdflib_count(result.stdout_bytes, fmt) == (quads if RDFLIB[fmt][1] else triples)


@pytest.mark.parametrize(("suffix", "fmt"), sorted(EXTENSIONS.items()))
def test_the_format_comes_from_the_extension(disk_store, tmp_path, suffix, fmt):
    out = tmp_path / f"graph{suffix}"
    result = cli("--store", disk_store, "export", "-o", out)
    assert (result.exit_code, result.output) == (0, "")
    assert format_of(out) == fmt
    assert out.read_bytes() == cli("--store", disk_store, "export", "--format", fmt).stdout_bytes


def test_an_unknown_extension_is_a_one_line_usage_error(disk_store, tmp_path):
    out = tmp_path / "graph.json"
    result = cli("--store", disk_store, "export", "-o", out)
    assert (result.exit_code, result.stdout, result.stderr) == (
        2, "", f"Error: cannot tell the format of {out} from .json; give --format or one of "
               ".ttl .trig .nq .nt .jsonld .rdf .xml\n")
    assert not out.exists()
    given = cli("--store", disk_store, "export", "-o", out, "--format", "jsonld")
    assert given.exit_code == 0 and json.loads(out.read_text(encoding="utf-8"))["@graph"]


@pytest.mark.parametrize("fmt", ["turtle", "trig"])
def test_turtle_has_no_escaped_local_names(disk_store, fmt):
    text = cli("--store", disk_store, "export", "--format", fmt).stdout
    assert "\\/" not in text and "\\%" not in text
    assert "entity:putin " in text and "<https://w3id.org/newskg/resource/sentence/a1/0>" in text


def test_jsonld_is_compacted_with_the_published_context(disk_store):
    data = json.loads(cli("--store", disk_store, "export", "--format", "jsonld").stdout)
    assert data["@context"] == published_context()["@context"]
    graphs = {g["@id"]: g["@graph"] for g in data["@graph"]}
    item = next(n for n in graphs["article:a1"] if n["@id"] == "item:technologie")
    assert item["label"] == [{"@value": "Technologie", "@language": "de"}] and item["@type"] == ["kg:Item"]
    statement = next(n for n in graphs["article:a1"] if "kg:Statement" in n.get("@type", ()))
    assert set(statement) >= {"@id", "@type", "subject", "predicate", "object", "modality", "wasDerivedFrom"}


def test_the_published_context_is_the_one_the_ontology_implies():
    assert published_context() == implied_context()
    context = published_context()["@context"]
    assert context["supplies"] == "kg:supplies" and context["item"].endswith("/resource/item/")
