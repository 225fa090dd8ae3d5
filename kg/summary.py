"""What the graph says, for a person: the summary and one entity's page.

Library functions returning plain data; the CLI renders them (``kg.output``).
User input reaches SPARQL only through substitutions, never pasted into a query.
"""
from __future__ import annotations

import difflib
import re
from collections import Counter, defaultdict

import pyoxigraph as ox

from kg.errors import NotFoundError
from kg.store import KGStore

STATEMENTS = """
SELECT ?focus ?st ?s ?p ?o ?m ?sl ?ol ?ml ?source ?article ?published ?publisher ?time ?place ?evidence
       (GROUP_CONCAT(DISTINCT ?itemLabel; separator=", ") AS ?items)
WHERE {
  ?st a kg:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kg:modality ?m ;
      prov:wasDerivedFrom ?sentence .
  ?sentence kg:text ?evidence ; schema:isPartOf ?a .
  ?a dcterms:identifier ?article .
  OPTIONAL { ?a schema:datePublished ?published }
  OPTIONAL { ?a schema:publisher ?publisher }
  OPTIONAL { ?s rdfs:label ?sl }
  OPTIONAL { ?o rdfs:label ?ol }
  OPTIONAL { ?o kg:concerns/rdfs:label ?ml }
  OPTIONAL { ?st kg:attributedTo/rdfs:label ?source }
  OPTIONAL { ?st kg:time ?time }
  OPTIONAL { ?st kg:place/rdfs:label ?place }
  OPTIONAL { ?st kg:item/rdfs:label ?itemLabel }
  #FOCUS#
}
GROUP BY ?focus ?st ?s ?p ?o ?m ?sl ?ol ?ml ?source ?article ?published ?publisher ?time ?place ?evidence
"""

ARTICLES = """
SELECT ?article ?published ?publisher WHERE {
  ?a a schema:NewsArticle ; dcterms:identifier ?article .
  OPTIONAL { ?a schema:datePublished ?published }
  OPTIONAL { ?a schema:publisher ?publisher }
} ORDER BY ?article
"""

LABELS = """
SELECT ?e ?l ?kind WHERE {
  { ?e rdfs:label ?l BIND("label" AS ?kind) } UNION { ?e skos:altLabel ?l BIND("alt" AS ?kind) }
}
"""

ENTITY = """
SELECT ?e ?label ?class ?sameAs WHERE {
  OPTIONAL { ?e rdfs:label ?label }
  OPTIONAL { ?e a ?class . FILTER(STRSTARTS(STR(?class), STR(kg:))) }
  OPTIONAL { ?e owl:sameAs ?sameAs }
}
"""

RELATION_WORDS = {
    "supplies": "supplies",
    "signedTreatyWith": "signed a treaty with",
    "vetoed": "vetoed",
    "visited": "visited",
    "metWith": "met",
    "imposedSanctionsOn": "imposed sanctions on",
    "agreedWith": "agreed with",
}


def _local(term) -> str:
    return re.split(r"[#/]", term.value)[-1] if term is not None else ""


def _text(term) -> str:
    return term.value if term is not None else ""


FOCUS = "{ ?st rdf:subject ?focus } UNION { ?st rdf:object ?focus } UNION { ?st rdf:object/kg:concerns ?focus }"


def _statements(store: KGStore, focus: ox.NamedNode | None = None) -> list[dict]:
    subs = {"focus": focus} if focus is not None else None
    query = STATEMENTS.replace("#FOCUS#", FOCUS if focus is not None else "")
    rows = []
    for r in store.query(query, substitutions=subs):
        relation = _local(r["p"])
        obj = _text(r["ol"])
        concerned = _text(r["ml"])
        if relation == "vetoed" and r["ml"] is not None:
            obj = f"{obj} (concerning {r['ml'].value})" if obj else r["ml"].value
        rows.append({
            "subject": _text(r["sl"]) or _local(r["s"]),
            "relation": relation,
            "object": obj or _local(r["o"]),
            "modality": _local(r["m"]),
            "source": _text(r["source"]),
            "items": _text(r["items"]),
            "place": _text(r["place"]),
            "time": _text(r["time"]),
            "article": _text(r["article"]),
            "published": _text(r["published"]),
            "publisher": _text(r["publisher"]),
            "evidence": _text(r["evidence"]),
            "_s": r["s"].value,
            "_o": r["o"].value,
            "_concerned": concerned,
        })
    rows.sort(key=lambda s: (s["article"], s["time"], s["subject"], s["relation"], s["object"], s["modality"], s["evidence"]))
    return rows


def summary(store: KGStore, top: int = 10) -> dict:
    """Counts overall and, per article, its statements in words."""
    statements = _statements(store)
    by_relation: dict[str, Counter] = defaultdict(Counter)
    mentions: Counter = Counter()
    for st in statements:
        by_relation[st["relation"]][st["modality"]] += 1
        mentions[st["subject"]] += 1
        mentions[st["_concerned"] or st["object"]] += 1
    per_article = []
    for row in store.query(ARTICLES):
        article = row["article"].value
        facts = []
        for st in statements:
            if st["article"] != article:
                continue
            words = RELATION_WORDS.get(st["relation"], st["relation"])
            extra = [st["modality"]] + ([f"says {st['source']}"] if st["source"] else []) + \
                    ([st["time"]] if st["time"] else [])
            facts.append(f"{st['subject']} {words} {st['object']} ({', '.join(extra)})")
        per_article.append({
            "article": article,
            "published": _text(row["published"]),
            "publisher": _text(row["publisher"]),
            "statements": len(facts),
            "facts": facts,
        })
    entities = {st["_s"] for st in statements} | {st["_o"] for st in statements}
    return {
        "articles": len(per_article),
        "statements": len(statements),
        "entities": len(entities),
        "by_relation": {
            rel: dict(sorted(counts.items())) for rel, counts in sorted(by_relation.items())
        },
        "top_entities": sorted(mentions.items(), key=lambda kv: (-kv[1], kv[0]))[:top],
        "per_article": per_article,
    }


def fold(text: str) -> str:
    return re.sub(r"[\s\-‐–]+", " ", text.casefold()).strip()


def resolve_entity(store: KGStore, name: str) -> ox.NamedNode:
    """The entity whose label or surface form is ``name`` (case and hyphens folded)."""
    wanted = fold(name)
    labels: dict[str, set[str]] = defaultdict(set)
    preferred: dict[str, str] = {}
    for row in store.query(LABELS):
        if not isinstance(row["e"], ox.NamedNode):
            continue
        labels[fold(row["l"].value)].add(row["e"].value)
        if row["kind"].value == "label":
            preferred[row["e"].value] = row["l"].value
    matches = sorted(labels.get(wanted, set()))
    if len(matches) == 1:
        return ox.NamedNode(matches[0])
    if len(matches) > 1:
        names = ", ".join(preferred.get(m, m) for m in matches)
        raise NotFoundError(f"{name!r} is ambiguous: {names}")
    close = difflib.get_close_matches(wanted, list(labels), n=3, cutoff=0.75)
    hint = f"; did you mean {', '.join(sorted({preferred.get(next(iter(labels[c])), c) for c in close}))}?" if close else ""
    raise NotFoundError(f"no entity named {name!r}{hint}")


def show(store: KGStore, name: str) -> dict:
    """One entity: its labels, class, Wikidata link and every statement about it."""
    entity = resolve_entity(store, name)
    label, cls, same_as = "", "", ""
    for row in store.query(ENTITY, substitutions={"e": entity}):
        label = label or _text(row["label"])
        cls = cls or _local(row["class"])
        same_as = same_as or _text(row["sameAs"])
    alt = sorted({row["l"].value for row in store.query(
        "SELECT ?e ?l WHERE { ?e skos:altLabel ?l }", substitutions={"e": entity})} - {label})
    statements = [{k: v for k, v in st.items() if not k.startswith("_")}
                  for st in _statements(store, focus=entity)]
    return {"entity": entity.value, "label": label or name, "class": cls, "sameAs": same_as,
            "altLabels": alt, "statements": statements}
