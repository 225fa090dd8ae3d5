"""The one module that builds RDF terms: records -> pyoxigraph quads.

Graph layout (see ``../shared/RDF-CONTRACT.md``):
  * each article's quads live in a named graph whose name is the article IRI, among them
    what the bundled queries read instead of joining (:mod:`kg.rows`): each statement's
    ``kg:row``, the article's ``kg:countRow``s and its events' ``kg:parties``;
  * the ontology lives in ``ONTOLOGY_GRAPH``, the gazetteer in ``GAZETTEER_GRAPH``.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from urllib.parse import quote

import pyoxigraph as ox

from kg import rows
from kg.cuedata import relation_declarations
from kg.errors import InputError
from kg.gazetteer import Gazetteer, default_gazetteer
from kg.model import Article, EntityRef, Extraction, Statement, fold
from kg.resources import ontology_dir
from kg.terms import (
    DCTERMS, FACTUAL_MODALITIES, GAZETTEER_GRAPH, KG, ONTOLOGY_GRAPH, OWL, PROV, RDF, RDFS,
    RES, SCHEMA, SKOS, WD, XSD,
)

_TYPE = ox.NamedNode(RDF.type)


def node(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def entity_iri(key: str, base: str = RES) -> str:
    """IRI of an entity key: gazetteer keys under entity/, minted kinds under their kind."""
    kind, sep, rest = key.partition(":")
    if sep and kind in {"item", "measure", "entity"}:
        return f"{base}{kind}/{quote(rest, safe='-_.~')}"
    return f"{base}entity/{key.replace('_', '-')}"


def article_iri(identifier: str, base: str = RES) -> str:
    return f"{base}article/{quote(identifier, safe='-_.~')}"


def sentence_iri(identifier: str, index: int, base: str = RES) -> str:
    return f"{base}sentence/{quote(identifier, safe='-_.~')}/{index}"


def statement_iri(identifier: str, st: Statement, base: str = RES) -> str:
    digest = hashlib.sha1(
        f"{st.relation}|{st.subject}|{st.object}|{st.sentence}|{st.trigger_char}".encode()
    ).hexdigest()[:12]
    return f"{base}statement/{quote(identifier, safe='-_.~')}/{digest}"


def event_iri(relation: str, subject: str, obj: str, time: str | None, base: str = RES) -> str:
    """The event a statement speaks of (see ``kg:Event``): relation, the two entities
    (sorted for symmetric relations), and the year or ``undated``."""
    a, b = entity_iri(subject, base).rsplit("/", 1)[-1], entity_iri(obj, base).rsplit("/", 1)[-1]
    decl = relation_declarations().get(relation)
    if decl is not None and decl.symmetric:
        a, b = sorted((a, b))
    return f"{base}event/{relation}/{a}/{b}/{time[:4] if time else 'undated'}"


def time_literal(value: str) -> ox.Literal:
    datatype = {4: XSD.gYear, 7: XSD.gYearMonth, 10: XSD.date}.get(len(value), XSD.string)
    return ox.Literal(value, datatype=node(datatype))


def de(text: str) -> ox.Literal:
    return ox.Literal(text, language="de")


def extractor_quad(identifier: str, fingerprint: str, base: str = RES) -> ox.Quad:
    """The article graph's ``kg:extractor``: the fingerprint of the extraction that made it."""
    graph = ox.NamedNode(article_iri(identifier, base))
    return ox.Quad(graph, ox.NamedNode(KG.extractor), ox.Literal(fingerprint), graph)


def extraction_quads(extraction: Extraction, base: str = RES,
                     gazetteer: Gazetteer | None = None) -> list[ox.Quad]:
    """Every quad of one article's named graph.  ``gazetteer`` (default: the project's) names
    the entities the article uses but does not describe, in the rows of :mod:`kg.rows`."""
    article = extraction.article
    graph = node(article_iri(article.identifier, base))
    quads: list[ox.Quad] = []

    def add(s, p: str, o) -> None:
        quads.append(ox.Quad(s, node(p), o, graph))

    _article_quads(article, graph, add)
    sentences = {s.index: s for s in extraction.sentences}
    used_sentences = sorted({st.sentence for st in extraction.statements})
    for index in used_sentences:
        sentence = sentences[index]
        s_node = node(sentence_iri(article.identifier, index, base))
        add(s_node, RDF.type, node(KG.Sentence))
        add(s_node, KG.text, ox.Literal(sentence.text))
        add(s_node, KG.startChar, ox.Literal(sentence.start_char))
        add(s_node, KG.endChar, ox.Literal(sentence.end_char))
        add(s_node, SCHEMA.isPartOf, graph)

    st_nodes = [node(statement_iri(article.identifier, st, base)) for st in extraction.statements]
    gazetteer = gazetteer or default_gazetteer()
    context = _Context(
        article, base, st_nodes, {index: s.text for index, s in sentences.items()},
        {ref.key: ref.concerns for ref in extraction.entities if ref.concerns},
        rows.names_of(extraction, lambda key: gazetteer[key].label if key in gazetteer else None))
    direct: set[tuple[str, str, str]] = set()
    for st, st_node in zip(extraction.statements, st_nodes):
        _statement_quads(st, st_node, context, add)
        if st.modality in FACTUAL_MODALITIES:
            direct.add((st.subject, st.relation, st.object))
    for s_key, relation, o_key in sorted(direct):
        add(node(entity_iri(s_key, base)), KG[relation], node(entity_iri(o_key, base)))
    for ref in extraction.entities:
        _entity_ref_quads(ref, base, add)
    for value in rows.count_rows(article, [(n.value, st.modality) for n, st in zip(st_nodes, extraction.statements)]):
        add(graph, KG.countRow, ox.Literal(value))
    return quads


@dataclass(frozen=True)
class _Context:
    """What every statement of one article needs to become quads."""

    article: Article
    base: str
    st_nodes: list[ox.NamedNode]
    evidence: dict[int, str]                # a sentence's index -> its text
    concerns: dict[str, str]                # a measure's key -> the actor it concerns
    name: rows.Names


def _statement_quads(st: Statement, st_node: ox.NamedNode, context: _Context, add) -> None:
    """The statement's reification, its event and its row (:mod:`kg.rows`)."""
    base, identifier = context.base, context.article.identifier
    decl = relation_declarations()[st.relation]
    add(st_node, RDF.type, node(RDF.Statement))
    add(st_node, RDF.type, node(KG.Statement))
    add(st_node, RDF.subject, node(entity_iri(st.subject, base)))
    add(st_node, RDF.predicate, node(KG[st.relation]))
    add(st_node, RDF.object, node(entity_iri(st.object, base)))
    add(st_node, KG.modality, node(KG[st.modality]))
    add(st_node, KG.confidence, ox.Literal(f"{st.confidence:.2f}", datatype=node(XSD.decimal)))
    add(st_node, KG.trigger, ox.Literal(st.trigger))
    add(st_node, PROV.wasDerivedFrom, node(sentence_iri(identifier, st.sentence, base)))
    if st.attributed_to:
        add(st_node, KG.attributedTo, node(entity_iri(st.attributed_to, base)))
    if st.cue:
        add(st_node, KG.cue, ox.Literal(st.cue))
    for item in st.items:
        add(st_node, KG.item, node(entity_iri(item, base)))
    if st.place:
        add(st_node, KG.place, node(entity_iri(st.place, base)))
    if st.time:
        add(st_node, KG.time, time_literal(st.time))
    for target in st.contradicts:
        add(st_node, KG.contradicts, context.st_nodes[target])
    add(st_node, KG.row, ox.Literal(rows.statement_row(
        st, context.article, context.evidence.get(st.sentence, ""), context.name, context.concerns)))
    target = context.concerns.get(st.object, st.object) if decl.object == "measure" else st.object
    event = node(event_iri(st.relation, st.subject, target, st.time, base))
    add(st_node, KG.event, event)
    add(event, RDF.type, node(KG.Event))
    pair = rows.parties(st, context.name, context.concerns, decl.symmetric)
    if pair is not None:
        add(event, KG.parties, ox.Literal(pair))


def _article_quads(article: Article, graph: ox.NamedNode, add) -> None:
    add(graph, RDF.type, node(SCHEMA.NewsArticle))
    add(graph, DCTERMS.identifier, ox.Literal(article.identifier))
    add(graph, KG.contentHash, ox.Literal(article.content_hash))
    if article.date:
        add(graph, SCHEMA.datePublished, time_literal(article.date))
    if article.publisher:
        add(graph, SCHEMA.publisher, ox.Literal(article.publisher))
    if article.title:
        add(graph, DCTERMS.title, de(article.title))


def _entity_ref_quads(ref: EntityRef, base: str, add) -> None:
    subject = node(entity_iri(ref.key, base))
    if not ref.in_gazetteer:
        add(subject, RDF.type, node(KG[ref.cls]))
    forms = sorted(set(ref.surface_forms) - {ref.label})
    _name_quads(subject, None if ref.in_gazetteer else ref.label, forms, add)
    if ref.concerns:
        add(subject, KG.concerns, node(entity_iri(ref.concerns, base)))
    if ref.member_of:
        add(subject, KG.leaderOf if ref.leader else KG.memberOf, node(entity_iri(ref.member_of, base)))


def _name_quads(subject: ox.NamedNode, label: str | None, forms: list[str], add) -> None:
    """An entity's ``rdfs:label`` (when given) and ``skos:altLabel``s, each name beside its
    folded key (``kg:labelKey``, ``kg:altLabelKey``: :func:`kg.model.fold`), so that a
    name is looked up through the store's index rather than by reading every label."""
    if label is not None:
        add(subject, RDFS.label, de(label))
        add(subject, KG.labelKey, ox.Literal(fold(label)))
    for form in forms:
        add(subject, SKOS.altLabel, de(form))
    for key in sorted({fold(form) for form in forms}):
        add(subject, KG.altLabelKey, ox.Literal(key))


def gazetteer_quads(gazetteer: Gazetteer, base: str = RES) -> list[ox.Quad]:
    """The gazetteer graph: class, labels, Wikidata links and roles of every entry."""
    graph = node(GAZETTEER_GRAPH)
    quads = []

    def add(s, p: str, o) -> None:
        quads.append(ox.Quad(s, node(p), o, graph))

    for entry in gazetteer.entries.values():
        subject = node(entity_iri(entry.key, base))
        add(subject, RDF.type, node(KG[entry.cls]))
        _name_quads(subject, entry.label, sorted(set(entry.forms) - {entry.label}), add)
        if entry.wikidata:
            add(subject, OWL.sameAs, node(WD + entry.wikidata))
        for role in entry.roles:
            prop = KG.leaderOf if role.role in {"head_of_state", "head_of_government"} else KG.memberOf
            add(subject, prop, node(entity_iri(role.of, base)))
        for group in entry.member_of:
            add(subject, KG.memberOf, node(entity_iri(group, base)))
    return sorted(set(quads), key=str)


def ontology_quads() -> list[ox.Quad]:
    """The ontology (``ontology/newskg.ttl``) as quads in its own graph."""
    path = ontology_dir() / "newskg.ttl"
    graph = node(ONTOLOGY_GRAPH)
    labels: dict[str, ox.NamedNode] = {}

    def stable(term):
        # blank nodes (owl:oneOf lists) get new random names at every load; skolemise them to
        # IRIs numbered in file order (RDF 1.1 §3.5), so that every build stores the same quads
        if isinstance(term, ox.BlankNode):
            return labels.setdefault(term.value, node(f"{KG.iri.rstrip('#')}/.well-known/genid/{len(labels)}"))
        return term

    try:
        return [
            ox.Quad(stable(t.subject), t.predicate, stable(t.object), graph)
            for t in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)
        ]
    except SyntaxError as err:          # a hand edit of the ontology: one line, no traceback
        raise InputError(f"{path.name}: {' '.join(str(err).split())}") from None
