"""``kg serve``'s explorer pages and the neighbourhood JSON, over HTTP from a real server
process: the seeds store, and a store holding a hostile name (HTML escaping)."""
from __future__ import annotations

import re

import httpx
import pytest
from markupsafe import escape

from conftest import _extraction, _st, load_fixture, serving
from kg.model import EntityRef
from kg.rdf import article_iri, extraction_quads
from kg.store import KGStore

RES = "https://w3id.org/newskg/resource/"
ROW = re.compile(r'<td><a href="(/resource/[^"]+)">([^<]+)</a></td><td class="n">(\d+)</td>')


def page(url, path, **params) -> httpx.Response:
    return httpx.get(f"{url}{path}", params=params, timeout=30)


def html_of(url, path, **params) -> str:
    """The page's HTML, which must have come with 200."""
    response = page(url, path, **params)
    assert (response.status_code, response.headers["content-type"]) == (200, "text/html; charset=utf-8"), path
    return response.text


def badges(text: str) -> list[str]:
    return re.findall(r'<li class="statement m-(\w+)">', text)


def test_home_lists_entities_by_mentions_and_pages(seed_server):
    rows = ROW.findall(html_of(seed_server, "/"))
    assert rows[:3] == [("/resource/entity/putin", "Wladimir Putin", "18"),
                        ("/resource/entity/north-korea", "Nordkorea", "16"),
                        ("/resource/entity/russia", "Russland", "14")]
    first, second = ROW.findall(page(seed_server, "/", limit=2).text), \
        ROW.findall(page(seed_server, "/", limit=2, offset=2).text)
    assert first + second == rows[:4]
    assert 'href="/?offset=2&amp;limit=2">next' in page(seed_server, "/", limit=2).text


@pytest.mark.parametrize("params", [{"limit": "0"}, {"limit": "501"}, {"offset": "-1"}, {"limit": "x"}])
def test_bad_paging_is_400(seed_server, params):
    response = page(seed_server, "/articles", **params)
    assert response.status_code == 400
    assert "must be a whole number" in response.text


@pytest.mark.parametrize("name, path", [
    ("kim jong-un", "/resource/entity/kim-jong-un"),
    ("LAWROW", "/resource/entity/lavrov"),
    ("Nordkorea", "/resource/entity/north-korea"),
])
def test_search_finds_an_entity_by_any_name(seed_server, name, path):
    response = page(seed_server, "/search", q=name)
    assert (response.status_code, response.headers["location"]) == (303, path)


def test_search_for_an_unknown_name_is_404_with_a_hint(seed_server):
    response = page(seed_server, "/search", q="Pudin")
    assert response.status_code == 404
    assert "no entity named &#39;Pudin&#39;; did you mean Wladimir Putin?" in response.text


def test_entity_page(seed_server):
    text = html_of(seed_server, "/resource/entity/north-korea")
    assert "<h1>Nordkorea <small>(State)</small></h1>" in text
    assert re.findall(r"<h3>(\w+)</h3>", text) == ["agreedWith", "imposedSanctionsOn", "supplies", "vetoed", "visited"]
    assert sorted(set(badges(text))) == ["alleged", "asserted", "denied", "planned", "reported"]
    assert len(badges(text)) == 20     # as subject, object, or the target of a vetoed measure
    denial = text[text.index('<li class="statement m-denied">'):]
    denial = denial[:denial.index("</li>")]
    assert 'says <a href="/resource/entity/peskov">Dmitri Peskow</a>' in denial
    assert "Kremlsprecher Dmitri Peskow dementierte dies." in denial
    assert '<a class="article" href="/resource/article/000_6c5487194f5f798d">000_6c5487194f5f798d</a>' in denial
    assert '<mark title="trigger">liefert</mark>' in text
    assert 'data-iri="https://w3id.org/newskg/resource/entity/north-korea"' in text


def test_unknown_entity_and_page_are_404(seed_server):
    for path in ("/resource/entity/atlantis", "/resource/article/nope", "/resource/event/x", "/elsewhere"):
        response = page(seed_server, path)
        assert response.status_code == 404, path
        assert "<h1>Not found</h1>" in response.text


def test_article_page_marks_its_statements_in_text_order(seed_server):
    text = html_of(seed_server, "/resource/article/000_6c5487194f5f798d")
    assert "<p>dpa-AFX · 2023-09</p>" in text
    assert badges(text) == ["asserted", "asserted", "alleged", "denied", "asserted", "asserted", "asserted", "reported",
                            "asserted", "asserted"]
    offsets = [int(n) for n in re.findall(r'<span class="offset">@(\d+)</span>', text)]
    assert offsets == sorted(offsets) and len(offsets) == len(set(offsets))


def test_contested_claims_side_by_side(seed_server):
    text = page(seed_server, "/contested").text
    pairs = text.split('<div class="pair">')[1:]
    assert len(pairs) == 3
    for pair in pairs:
        claim, denial = pair.split("<h2>Denial</h2>")
        assert badges(denial) == ["denied"] and "Dmitri Peskow" in denial
        assert badges(claim)[0] in ("alleged", "asserted")
    articles = [re.search(r'class="article" href="[^"]+">(\w+)<', pair).group(1) for pair in pairs]
    assert articles == ["000_6c5487194f5f798d", "002_68cbc1ad60d296a1", "003_6f88de903a22d791"]


def test_event_page_counts_its_sources(seed_server):
    text = html_of(seed_server, "/resource/event/supplies/north-korea/russia/undated")
    assert "<p><strong>3</strong> sources (articles) speak of it.</p>" in text
    assert badges(text) == ["alleged", "denied", "asserted", "alleged"]


def test_events_and_articles_lists(seed_server):
    events = page(seed_server, "/events", limit=1).text
    assert '<a href="/resource/event/supplies/north-korea/russia/undated">Nordkorea supplies Russland</a>' in events
    assert 'rel="next"' in events
    articles = re.findall(r'href="/resource/article/(\w+)"', page(seed_server, "/articles").text)
    assert articles == ["000_6c5487194f5f798d", "001_3de4a40f195ed6ed", "002_68cbc1ad60d296a1",
                        "003_6f88de903a22d791", "004_ec495bea3a2a83c6"]


def test_neighbourhood_json(seed_server):
    response = page(seed_server, "/api/neighbourhood", iri=RES + "entity/kim-jong-un")
    assert response.status_code == 200
    graph = response.json()
    assert sorted(n["data"]["label"] for n in graph["nodes"]) == ["Ferner Osten Russlands", "Kim Jong Un", "Wladimir Putin"]
    assert sorted((e["data"]["relation"], e["data"]["modality"]) for e in graph["edges"]) == [
        ("agreedWith", "asserted"), ("metWith", "asserted"), ("metWith", "asserted"),
        ("signedTreatyWith", "asserted"), ("visited", "asserted")]
    assert page(seed_server, "/api/neighbourhood", iri=RES + "entity/atlantis").status_code == 404


def test_query_form_and_static_files(seed_server):
    form = httpx.get(f"{seed_server}/sparql", headers={"Accept": "text/html"})
    assert form.status_code == 200 and '<form action="/sparql" method="post">' in form.text
    script = page(seed_server, "/static/cytoscape.min.js")
    assert script.status_code == 200 and script.headers["content-type"].startswith("text/javascript")
    assert len(script.content) > 400_000


# ---------------------------------------------------------------- escaping
HOSTILE = '<script>alert("kg")</script><b onclick="x()">Böse & Co</b>'


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory):
    path = tmp_path_factory.mktemp("hostile") / "kg-store"
    sentence = f"{HOSTILE} traf Putin in <i>Sotschi</i>."
    extraction = _extraction("h<1>", [sentence], [_st("metWith", "entity:evil", "putin", "asserted", 0)],
                             [EntityRef("entity:evil", HOSTILE, "Person", (HOSTILE,))])
    with KGStore.open(path) as store:
        load_fixture(store)
        store.replace_graph(article_iri("h<1>"), extraction_quads(extraction))
    with serving(path) as (url, _):
        yield url


def test_a_hostile_name_is_escaped_everywhere(hostile_server):
    found = page(hostile_server, "/search", q=HOSTILE)
    assert (found.status_code, found.headers["location"]) == (303, "/resource/entity/evil")
    escaped = str(escape(HOSTILE))
    for path in ("/", "/resource/entity/evil", "/resource/entity/putin", "/resource/article/h%3C1%3E", "/contested",
                 "/events"):
        text = html_of(hostile_server, path)
        assert "<script>alert" not in text and "<b onclick" not in text and "<i>Sotschi" not in text, path
    entity = page(hostile_server, "/resource/entity/evil").text
    assert f"<h1>{escaped} <small>(Person)</small></h1>" in entity
    assert "traf Putin in &lt;i&gt;Sotschi&lt;/i&gt;." in entity
    missing = page(hostile_server, "/search", q=HOSTILE + "x")
    assert missing.status_code == 404 and "<script>alert" not in missing.text
