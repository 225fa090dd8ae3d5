"""What the explorer's pages show, read from the store: plain dicts and lists, no HTML.

Every list is one page of a SPARQL query with a stable ``ORDER BY`` (ending on an IRI, so
equal rows keep their order) and ``LIMIT``/``OFFSET``; a page asks for one row more than
it shows, to know whether a next page exists.  An IRI a user gives reaches SPARQL only as
a substitution; the IRIs of one page's statements, which come from the store, go into a
``VALUES`` row.  Statements are reified as ``../shared/RDF-CONTRACT.md`` says; the graph
keeps only the sentences that carry a statement, with their offsets, not an article's
whole text.
"""
from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

from kg.model import local_name
from kg.store import KGStore
from kg.summary import ENTITY, STATEMENT
from kg.terms import RES

#: The statement's details, one row a statement; ``#FOCUS#`` picks which statements.
_STATEMENTS = """
SELECT ?st ?s ?p ?o ?m ?a ?article ?evidence ?start ?event #FOCUS_VAR#
       (MIN(?sl) AS ?subject) (MIN(?ol) AS ?object) (MIN(?by_) AS ?by) (MIN(?byl) AS ?claimant)
       (MIN(STR(?t)) AS ?time) (MIN(STR(?pub)) AS ?published) (MIN(?trig) AS ?trigger)
       (MIN(?pll) AS ?place) (GROUP_CONCAT(DISTINCT ?il; separator=", ") AS ?items)
WHERE {
  #FOCUS#
#STATEMENT#
  OPTIONAL { ?sentence kg:startChar ?start }
  OPTIONAL { ?st kg:event ?event }
  OPTIONAL { ?st kg:trigger ?trig }
  OPTIONAL { ?a schema:datePublished ?pub }
  OPTIONAL { ?st kg:attributedTo ?by_ OPTIONAL { ?by_ rdfs:label ?byl } }
  OPTIONAL { ?st kg:place/rdfs:label ?pll }
}
GROUP BY ?st ?s ?p ?o ?m ?a ?article ?evidence ?start ?event #FOCUS_VAR#
ORDER BY #ORDER#
""".replace("#STATEMENT#", STATEMENT)
#: Which statements, and in which order, for each kind of page.
_FOCUS = {
    "entity": ("{ ?st rdf:subject ?focus } UNION { ?st rdf:object ?focus } UNION { ?st rdf:object/kg:concerns ?focus }"
               " UNION { ?st kg:place ?focus } UNION { ?st kg:attributedTo ?focus }",
               "?p ?article ?start ?st"),
    "article": ("?st prov:wasDerivedFrom/schema:isPartOf ?focus .", "?start ?st"),
    "event": ("?st kg:event ?focus .", "?article ?start ?st"),
}

_ENTITIES = """
SELECT ?e (MIN(?l) AS ?label) (COUNT(DISTINCT ?st) AS ?statements) WHERE {
  ?st a kg:Statement .
  { ?st rdf:subject ?e } UNION { ?st rdf:object ?e } UNION { ?st kg:attributedTo ?e } UNION { ?st kg:place ?e }
  OPTIONAL { ?e rdfs:label ?l }
} GROUP BY ?e ORDER BY DESC(?statements) ?label ?e
"""
_ARTICLES = """
SELECT ?a ?identifier (MIN(STR(?d)) AS ?date) (MIN(?pb) AS ?publisher) (MIN(?ti) AS ?title)
       (COUNT(DISTINCT ?st) AS ?statements) WHERE {
  ?a a schema:NewsArticle ; dcterms:identifier ?identifier .
  OPTIONAL { ?a schema:datePublished ?d } OPTIONAL { ?a schema:publisher ?pb } OPTIONAL { ?a dcterms:title ?ti }
  OPTIONAL { ?st a kg:Statement ; prov:wasDerivedFrom/schema:isPartOf ?a }
} GROUP BY ?a ?identifier ORDER BY ?identifier ?a
"""
_EVENTS = """
SELECT ?event (MIN(?p) AS ?relation) (MIN(?sl) AS ?subject) (MIN(?ol) AS ?object) (COUNT(DISTINCT ?a) AS ?articles)
       (COUNT(DISTINCT ?st) AS ?statements) (GROUP_CONCAT(DISTINCT STRAFTER(STR(?m), "#"); separator=", ") AS ?modalities)
WHERE {
  ?st kg:event ?event ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kg:modality ?m ;
      prov:wasDerivedFrom/schema:isPartOf ?a .
  OPTIONAL { ?s rdfs:label ?sl } OPTIONAL { ?o rdfs:label ?ol }
} GROUP BY ?event ORDER BY DESC(?articles) DESC(?statements) ?event
"""
#: A denial beside each claim it answers: the claim it contradicts, or a claim of the same event.
_CONTESTED = """
SELECT DISTINCT ?denial ?claim WHERE {
  ?denial a kg:Statement ; kg:modality kg:denied .
  { ?denial kg:contradicts ?claim }
  UNION
  { ?denial kg:event ?event . ?claim kg:event ?event ; kg:modality ?m FILTER(?m IN (kg:asserted, kg:reported, kg:alleged)) }
} ORDER BY ?denial ?claim
"""
_NEIGHBOURS = """
SELECT ?s ?p ?o ?m (COUNT(DISTINCT ?st) AS ?statements) ?focus WHERE {
  { ?st rdf:subject ?focus } UNION { ?st rdf:object ?focus }
  ?st a kg:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kg:modality ?m .
} GROUP BY ?s ?p ?o ?m ?focus ORDER BY ?p ?s ?o ?m
"""
_NODE = "SELECT (MIN(?l) AS ?label) (MIN(?c) AS ?class) ?e WHERE { OPTIONAL { ?e rdfs:label ?l } " \
        "OPTIONAL { ?e a ?c FILTER(STRSTARTS(STR(?c), STR(kg:))) } } GROUP BY ?e"
_ARTICLE = "SELECT ?identifier ?date ?publisher ?title ?a WHERE { ?a dcterms:identifier ?identifier " \
           "OPTIONAL { ?a schema:datePublished ?date } OPTIONAL { ?a schema:publisher ?publisher } " \
           "OPTIONAL { ?a dcterms:title ?title } } ORDER BY ?identifier LIMIT 1"


@dataclass(frozen=True)
class Page:
    """One page of a list: its rows, where it starts and whether more follow."""

    rows: list
    offset: int
    limit: int
    more: bool


def _page(store: KGStore, sparql: str, limit: int, offset: int, substitutions=None) -> tuple[list, bool]:
    rows = list(store.query(f"{sparql}\nLIMIT {int(limit) + 1} OFFSET {int(offset)}", substitutions))
    return rows[:limit], len(rows) > limit


def _text(term) -> str:
    return term.value if term is not None else ""


def statements(store: KGStore, kind: str, focus: str, limit: int, offset: int) -> Page:
    """The statements about an entity, of an article or of an event (``kind``), one page."""
    where, order = _FOCUS[kind]
    sparql = _STATEMENTS.replace("#FOCUS#", where).replace("#ORDER#", order).replace("#FOCUS_VAR#", "?focus")
    rows, more = _page(store, sparql, limit, offset, {"focus": ox.NamedNode(focus)})
    return Page([_statement(r) for r in rows], offset, limit, more)


def statements_by_iri(store: KGStore, iris: list[str]) -> dict[str, dict]:
    """Statement IRI -> its details, for statements the store named."""
    if not iris:
        return {}
    values = "VALUES ?st { " + " ".join(str(ox.NamedNode(iri)) for iri in iris) + " }"
    sparql = _STATEMENTS.replace("#FOCUS#", values).replace("#ORDER#", "?st").replace("#FOCUS_VAR#", "")
    return {r["st"].value: _statement(r) for r in store.query(sparql)}


def _statement(r) -> dict:
    relation = local_name(r["p"])
    return {
        "iri": r["st"].value,
        "subject": _text(r["subject"]) or local_name(r["s"]), "subject_iri": r["s"].value,
        "relation": relation,
        "object": _text(r["object"]) or local_name(r["o"]), "object_iri": r["o"].value,
        "modality": local_name(r["m"]),
        "claimant": _text(r["claimant"]) or (local_name(r["by"]) if r["by"] is not None else ""),
        "claimant_iri": _text(r["by"]),
        "time": _text(r["time"]), "published": _text(r["published"]),
        "place": _text(r["place"]), "items": _text(r["items"]),
        "article": _text(r["article"]), "article_iri": r["a"].value,
        "evidence": _text(r["evidence"]), "start": int(r["start"].value) if r["start"] is not None else -1,
        "trigger": _text(r["trigger"]), "event_iri": _text(r["event"]),
    }


def marked(evidence: str, trigger: str) -> tuple[str, str, str]:
    """The evidence split around the first place its trigger word stands (case folded):
    (before, trigger, after); the trigger part is empty when the word is not found."""
    at = evidence.casefold().find(trigger.casefold()) if trigger else -1
    if at < 0 or len(evidence.casefold()) != len(evidence):
        return evidence, "", ""
    return evidence[:at], evidence[at:at + len(trigger)], evidence[at + len(trigger):]


def entities(store: KGStore, limit: int, offset: int) -> Page:
    """Entities that take part in statements, the most mentioned first."""
    rows, more = _page(store, _ENTITIES, limit, offset)
    return Page([{"iri": r["e"].value, "label": _text(r["label"]) or local_name(r["e"]),
                  "statements": int(r["statements"].value)} for r in rows], offset, limit, more)


def articles(store: KGStore, limit: int, offset: int) -> Page:
    """Articles by identifier."""
    rows, more = _page(store, _ARTICLES, limit, offset)
    return Page([{"iri": r["a"].value, "identifier": r["identifier"].value, "date": _text(r["date"]),
                  "publisher": _text(r["publisher"]), "title": _text(r["title"]),
                  "statements": int(r["statements"].value)} for r in rows], offset, limit, more)


def events(store: KGStore, limit: int, offset: int) -> Page:
    """Events, those most articles speak of first."""
    rows, more = _page(store, _EVENTS, limit, offset)
    return Page([{"iri": r["event"].value, "relation": local_name(r["relation"]), "subject": _text(r["subject"]),
                  "object": _text(r["object"]), "year": r["event"].value.rsplit("/", 1)[-1],
                  "articles": int(r["articles"].value), "statements": int(r["statements"].value),
                  "modalities": _text(r["modalities"])} for r in rows], offset, limit, more)


def contested(store: KGStore, limit: int, offset: int) -> Page:
    """Pairs of a denial and a claim it answers, each with its statement's details."""
    rows, more = _page(store, _CONTESTED, limit, offset)
    details = statements_by_iri(store, sorted({r[v].value for r in rows for v in ("denial", "claim")}))
    pairs = [{"claim": details[r["claim"].value], "denial": details[r["denial"].value]} for r in rows
             if r["claim"].value in details and r["denial"].value in details]
    return Page(pairs, offset, limit, more)


def entity(store: KGStore, iri: str) -> dict | None:
    """An entity's names, class and Wikidata links; None when the store knows nothing of it."""
    labels, classes, same_as, alts = set(), set(), set(), set()
    for row in store.query(ENTITY, substitutions={"e": ox.NamedNode(iri)}):
        for key, found in (("label", labels), ("class", classes), ("sameAs", same_as), ("alt", alts)):
            if row[key] is not None:
                found.add(local_name(row[key]) if key == "class" else row[key].value)
    if not (labels or classes or same_as or alts):
        return None
    label = min(labels) if labels else local_name(ox.NamedNode(iri))
    return {"iri": iri, "label": label, "class": ", ".join(sorted(classes)), "sameAs": sorted(same_as),
            "altLabels": sorted(alts - {label})}


def article(store: KGStore, iri: str) -> dict | None:
    """An article's identifier, date, publisher and title; None when there is no such article."""
    for row in store.query(_ARTICLE, substitutions={"a": ox.NamedNode(iri)}):
        return {"iri": iri, "identifier": row["identifier"].value, "date": _text(row["date"]),
                "publisher": _text(row["publisher"]), "title": _text(row["title"])}
    return None


def event_sources(store: KGStore, iri: str) -> int:
    """How many articles speak of the event."""
    sparql = "SELECT (COUNT(DISTINCT ?a) AS ?n) ?event WHERE { ?st kg:event ?event ; " \
             "prov:wasDerivedFrom/schema:isPartOf ?a } GROUP BY ?event"
    return sum(int(r["n"].value) for r in store.query(sparql, {"event": ox.NamedNode(iri)}))


def neighbourhood(store: KGStore, iri: str, limit: int = 300) -> dict:
    """The entity, its neighbours and one edge per subject, relation, object and modality
    (with how many statements say it), as cytoscape.js elements."""
    rows, _ = _page(store, _NEIGHBOURS, limit, 0, {"focus": ox.NamedNode(iri)})
    edges, ends = [], {iri}
    for r in rows:
        s, o, relation, modality = r["s"].value, r["o"].value, local_name(r["p"]), local_name(r["m"])
        ends |= {s, o}
        edges.append({"data": {"id": f"{s} {relation} {o} {modality}", "source": s, "target": o,
                               "relation": relation, "modality": modality,
                               "statements": int(r["statements"].value)}})
    nodes = []
    for node in sorted(ends):
        found = list(store.query(_NODE, {"e": ox.NamedNode(node)}))
        label = _text(found[0]["label"]) if found else ""
        kind = local_name(found[0]["class"]) if found and found[0]["class"] is not None else ""
        nodes.append({"data": {"id": node, "label": label or local_name(ox.NamedNode(node)), "kind": kind,
                               "focus": node == iri, "href": path_of(node)}})
    return {"nodes": nodes, "edges": edges}


def path_of(iri: str) -> str:
    """The explorer's path of a resource IRI (``/resource/entity/russia``); other IRIs as they are."""
    return "/resource/" + iri[len(RES):] if iri.startswith(RES) else iri


def iri_of(path: str) -> str:
    """The IRI of a path below ``/resource/``."""
    return RES + path


__all__ = ["Page", "article", "articles", "contested", "entities", "entity", "event_sources", "events", "iri_of",
           "marked", "neighbourhood", "path_of", "statements", "statements_by_iri"]
