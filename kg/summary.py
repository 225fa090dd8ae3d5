"""What the graph says, for a person: the summary, and one entity's page.

Library functions returning plain data (dicts, lists, strings); ``kg.output``
renders them and the CLI prints.  User input reaches SPARQL only as a
substitution, never pasted into a query.
"""
from __future__ import annotations

import difflib
from collections import Counter, defaultdict
from collections.abc import Callable

import pyoxigraph as ox

from kg.errors import NotFoundError, shown
from kg.model import fold, local_name
from kg.store import KGStore
from kg.terms import MODALITIES

SEP = "\u001f"  # joins multi-valued cells inside GROUP_CONCAT; labels never hold it

#: A statement (?st) with its parts (?s ?p ?o), modality (?m), evidence sentence (?sentence, its
#: text ?evidence), article (?a, its identifier ?article), the labels of its parts (?sl ?ol),
#: time (?t) and items (?il): the pattern every statement listing starts from.
STATEMENT = """  ?st a kg:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kg:modality ?m ;
      prov:wasDerivedFrom ?sentence .
  ?sentence kg:text ?evidence ; schema:isPartOf ?a .
  ?a dcterms:identifier ?article .
  OPTIONAL { ?s rdfs:label ?sl }
  OPTIONAL { ?o rdfs:label ?ol }
  OPTIONAL { ?st kg:time ?t }
  OPTIONAL { ?st kg:item/rdfs:label ?il }"""

# One row per statement.  Everything that could have several values in the
# union of the graphs (labels repeated across article graphs) is aggregated,
# so a statement never appears twice.
_SELECT = """
SELECT ?st ?s ?p ?o ?m ?article ?evidence
       (MIN(?published_) AS ?published) (MIN(?publisher_) AS ?publisher)
       (MIN(?start_) AS ?start) (MIN(?sl) AS ?subject) (MIN(?ol) AS ?object) (MIN(?cl) AS ?concerning)
       (MIN(STR(?t)) AS ?time) (MIN(?pl) AS ?place)
       (GROUP_CONCAT(DISTINCT ?srcl; separator="\\u001f") AS ?sources)
       (GROUP_CONCAT(DISTINCT ?il; separator="\\u001f") AS ?items)
       #FOCUS_VAR#
WHERE {
  #FOCUS#
#STATEMENT#
  OPTIONAL { ?sentence kg:startChar ?start_ }
  OPTIONAL { ?a schema:datePublished ?published_ }
  OPTIONAL { ?a schema:publisher ?publisher_ }
  OPTIONAL { ?o kg:concerns/rdfs:label ?cl }
  OPTIONAL { ?st kg:attributedTo/rdfs:label ?srcl }
  OPTIONAL { ?st kg:place/rdfs:label ?pl }
}
GROUP BY ?st ?s ?p ?o ?m ?article ?evidence #FOCUS_VAR#
""".replace("#STATEMENT#", STATEMENT)
ALL_STATEMENTS = _SELECT.replace("#FOCUS_VAR#", "").replace("#FOCUS#", "")
# ?focus is bound by substitution; it must be selected for that.
STATEMENTS_ABOUT = _SELECT.replace("#FOCUS_VAR#", "?focus").replace(
    "#FOCUS#",
    "{ ?st rdf:subject ?focus } UNION { ?st rdf:object ?focus } UNION { ?st rdf:object/kg:concerns ?focus }\n"
    "  UNION { ?st kg:place ?focus } UNION { ?st kg:attributedTo ?focus }",
)

RELATION_WORDS = """
SELECT ?p (MIN(?l) AS ?words) WHERE {
  ?p a owl:ObjectProperty ; rdfs:label ?l .
  FILTER(LANGMATCHES(LANG(?l), "en"))
} GROUP BY ?p
"""

NAMES = """
SELECT DISTINCT ?e ?name ?preferred WHERE {
  { ?e rdfs:label ?name BIND(true AS ?preferred) }
  UNION
  { ?e skos:altLabel ?name BIND(false AS ?preferred) }
  FILTER(isIRI(?e) && !STRSTARTS(STR(?e), STR(kg:)))
}
"""

# An entity by the folded key of its label or of a surface form (see kg.rdf): ?key is
# substituted, so Oxigraph reads only the index entries of that key.
LABEL_KEY = "SELECT DISTINCT ?e ?key WHERE { ?e kg:labelKey ?key }"
ALT_LABEL_KEY = "SELECT DISTINCT ?e ?key WHERE { ?e kg:altLabelKey ?key }"
LABELS = "SELECT DISTINCT ?e ?label WHERE { ?e rdfs:label ?label }"

ENTITY = """
SELECT ?e ?label ?class ?sameAs ?alt WHERE {
  { ?e rdfs:label ?label }
  UNION { ?e a ?class FILTER(STRSTARTS(STR(?class), STR(kg:))) }
  UNION { ?e owl:sameAs ?sameAs }
  UNION { ?e skos:altLabel ?alt }
}
"""


def _text(term) -> str:
    return term.value if term is not None else ""


def _split(term) -> list[str]:
    return sorted(v for v in _text(term).split(SEP) if v)


def statements(store: KGStore, focus: ox.NamedNode | None = None) -> list[dict]:
    """Every statement (or every one involving ``focus``) as a plain dict,
    by article and then in the order of the text."""
    if focus is None:
        results = store.query(ALL_STATEMENTS)
    else:
        results = store.query(STATEMENTS_ABOUT, substitutions={"focus": focus})
    rows = {}
    for r in results:
        rows[r["st"].value] = {
            "subject": _text(r["subject"]) or local_name(r["s"]),
            "relation": local_name(r["p"]),
            "object": _text(r["object"]) or local_name(r["o"]),
            "concerning": _text(r["concerning"]),
            "modality": local_name(r["m"]),
            "source": ", ".join(_split(r["sources"])),
            "items": ", ".join(_split(r["items"])),
            "place": _text(r["place"]),
            "time": _text(r["time"]),
            "article": _text(r["article"]),
            "published": _text(r["published"]),
            "publisher": _text(r["publisher"]),
            "evidence": _text(r["evidence"]),
            "statement": r["st"].value,
            "start": int(r["start"].value) if r["start"] is not None else -1,
            "subject_iri": r["s"].value,
            "object_iri": r["o"].value,
        }
    # by article, then in reading order
    return sorted(rows.values(), key=lambda s: (
        s["article"], s["start"], s["subject"], s["relation"], s["object"], s["modality"],
        s["source"], s["statement"],
    ))


def relation_words(store: KGStore) -> dict[str, str]:
    """Local relation name -> its English label from the ontology ("metWith" -> "met with")."""
    return {local_name(r["p"]): r["words"].value for r in store.query(RELATION_WORDS)}


#: A statement's details in the order they are shown, each with the word before it; items
#: and time are plain in a summary line and named on an entity's page.
DETAILS = (("concerning", "concerning"), ("source", "says"), ("items", "items"), ("place", "in"), ("time", "time"))
_UNNAMED = frozenset({"items", "time"})


def statement_details(st: dict, name_all: bool = False) -> list[str]:
    """The statement's modality, then each detail it has ('says Peskow', 'in Moskau', …)."""
    out = [st["modality"]]
    for key, word in DETAILS:
        if st[key]:
            out.append(st[key] if key in _UNNAMED and not name_all else f"{word} {st[key]}")
    return out


def in_words(st: dict) -> str:
    """One statement as a line: 'Wladimir Putin metWith Kim Jong Un (asserted, 2024-06)'; the
    relation by its name in the ontology, as every command and query names it."""
    return f"{st['subject']} {st['relation']} {st['object']} ({', '.join(statement_details(st))})"


def _by_modality(counter: Counter) -> dict[str, int]:
    order = {m: i for i, m in enumerate(MODALITIES)}
    return {m: counter[m] for m in sorted(counter, key=lambda m: (order.get(m, len(order)), m))}


def summary(store: KGStore, top: int = 10) -> dict:
    """Counts over the whole graph and, per article with a statement, its statements in
    words; ``without_statements``: how many articles have none (left out)."""
    rows = statements(store)
    by_relation: dict[str, Counter] = defaultdict(Counter)
    modalities: Counter = Counter()
    mentions: Counter = Counter()
    labels: dict[str, str] = {}
    for st in rows:
        by_relation[st["relation"]][st["modality"]] += 1
        modalities[st["modality"]] += 1
        for iri, label in ((st["subject_iri"], st["subject"]), (st["object_iri"], st["object"])):
            mentions[iri] += 1
            labels[iri] = label
    per_article, by_article, articles = [], defaultdict(list), store.articles()
    for st in rows:
        by_article[st["article"]].append(st)
    for info in articles:
        mine = by_article.get(info.identifier)
        if not mine:
            continue
        per_article.append({
            "article": info.identifier,
            "published": info.date or "",
            "publisher": info.publisher or "",
            "statements": len(mine),
            "by_modality": _by_modality(Counter(st["modality"] for st in mine)),
            "facts": [in_words(st) for st in mine],
        })
    ranked = sorted(mentions.items(), key=lambda kv: (-kv[1], labels[kv[0]].casefold(), kv[0]))[:top]
    return {
        "articles": len(articles),
        "statements": len(rows),
        "entities": len(mentions),
        "by_modality": _by_modality(modalities),
        "by_relation": {rel: _by_modality(counts) for rel, counts in sorted(by_relation.items())},
        "top_entities": [{"entity": labels[iri], "statements": n} for iri, n in ranked],
        "per_article": per_article,
        "without_statements": len(articles) - len(per_article),
    }


# ---------------------------------------------------------------- entities
def resolve_entity(store: KGStore, name: str) -> ox.NamedNode:
    """The entity called ``name`` (by its label or any surface form).

    Case, accents, hyphens and spacing do not matter.  A label wins over a
    surface form; an unknown or ambiguous name raises :class:`NotFoundError`
    that names the close candidates.

    The folded name is looked up in the keys the build writes beside every name
    (``kg:labelKey``, ``kg:altLabelKey``), through the store's index.  Only a
    name no key matches (an unknown name, or a store built before the keys) is
    looked for by reading every name in the store.  In a store that holds both
    article graphs with keys and graphs built before them, a name is judged by
    the graphs with keys first: rebuild the old ones for the exact answer.
    """
    wanted = fold(name)
    if not wanted:
        raise NotFoundError("no entity name given")
    for query in (LABEL_KEY, ALT_LABEL_KEY):
        matches = {row["e"].value for row in store.query(query, substitutions={"key": ox.Literal(wanted)})}
        if matches:
            return _one(name, matches, lambda iri: _least_label(store, iri))
    return _resolve_by_reading_every_name(store, name, wanted)


def _one(name: str, matches: set[str], label: Callable[[str], str | None]) -> ox.NamedNode:
    """The one entity of ``matches``; several are ambiguous, named by their least label."""
    if len(matches) == 1:
        return ox.NamedNode(next(iter(matches)))
    names = ", ".join(sorted(label(iri) or local_name(ox.NamedNode(iri)) for iri in matches))
    raise NotFoundError(f"{shown(name)!r} is ambiguous: it may be {names}; give a fuller name")


def _least_label(store: KGStore, iri: str) -> str | None:
    return min((row["label"].value for row in store.query(LABELS, substitutions={"e": ox.NamedNode(iri)})),
               default=None)


def _resolve_by_reading_every_name(store: KGStore, name: str, wanted: str) -> ox.NamedNode:
    """:func:`resolve_entity` by folding every label and surface form in the store, and
    the close names of an unknown one."""
    by_label: dict[str, set[str]] = defaultdict(set)
    by_form: dict[str, set[str]] = defaultdict(set)
    preferred: dict[str, str] = {}
    for row in store.query(NAMES):
        iri, label = row["e"].value, row["name"].value
        if row["preferred"].value == "true":
            by_label[fold(label)].add(iri)
            preferred[iri] = min(label, preferred.get(iri, label))
        else:
            by_form[fold(label)].add(iri)
    for index in (by_label, by_form):
        if index.get(wanted):
            return _one(name, index[wanted], preferred.get)
    known = {**by_form, **by_label}
    close = difflib.get_close_matches(wanted, list(known), n=3, cutoff=0.75)
    candidates = sorted({preferred.get(i, local_name(ox.NamedNode(i))) for c in close for i in known[c]})
    hint = f"; did you mean {' or '.join(candidates)}?" if candidates else ""
    raise NotFoundError(f"no entity named {shown(name)!r}{hint}")


def show(store: KGStore, name: str) -> dict:
    """One entity: its names, class, Wikidata link and every statement involving it."""
    entity = resolve_entity(store, name)
    labels, classes, same_as, alts = set(), set(), set(), set()
    for row in store.query(ENTITY, substitutions={"e": entity}):
        if row["label"] is not None:
            labels.add(row["label"].value)
        if row["class"] is not None:
            classes.add(local_name(row["class"]))
        if row["sameAs"] is not None:
            same_as.add(row["sameAs"].value)
        if row["alt"] is not None:
            alts.add(row["alt"].value)
    label = min(labels) if labels else name
    about = [
        {k: v for k, v in st.items() if k not in {"statement", "start", "subject_iri", "object_iri"}}
        for st in statements(store, focus=entity)
    ]
    return {
        "entity": entity.value,
        "label": label,
        "class": ", ".join(sorted(classes)),
        "sameAs": sorted(same_as),
        "altLabels": sorted(alts - {label}),
        "statements": about,
    }


__all__ = ["in_words", "relation_words", "resolve_entity", "show", "statements", "summary"]
