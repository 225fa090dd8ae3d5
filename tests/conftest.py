"""Shared fixtures: a small hand-made graph in a fresh in-memory store per test."""
from __future__ import annotations

import pytest

from kg.gazetteer import default_gazetteer
from kg.model import Article, EntityRef, Extraction, Sentence, Statement
from kg.rdf import extraction_quads, gazetteer_quads, ontology_quads
from kg.store import KGStore

A1_SENTENCES = [
    "Nordkorea liefert Raketen an Russland.",
    "Westliche Staaten verdächtigen Moskau, Technologien an Pjöngjang weiterzureichen.",
    "Der Kreml dementierte dies.",
    "Putin unterzeichnete in Pjöngjang mit Kim Jong Un einen Vertrag.",
    "Russland legte Ende März ein Veto gegen die Resolution zu Nordkorea ein.",
    "Der Westen hat Sanktionen gegen Russland verhängt.",
    "Putin traf Lukaschenko im September 2023 in Sotschi.",
]


def _sentences(texts: list[str]) -> tuple[Sentence, ...]:
    out, offset = [], 0
    for n, text in enumerate(texts):
        out.append(Sentence(n, text, offset, offset + len(text)))
        offset += len(text) + 1
    return tuple(out)


def fixture_extractions() -> list[Extraction]:
    a1 = Article(identifier="a1", text=" ".join(A1_SENTENCES), body_start=0, date="2024-06", publisher="dpa")
    st = lambda **kw: Statement(**{"trigger": "x", "trigger_char": kw.get("sentence", 0), **kw})  # noqa: E731
    a1_statements = (
        st(relation="supplies", subject="north_korea", object="russia", modality="asserted", sentence=0,
           items=("item:rakete",)),
        st(relation="supplies", subject="russia", object="north_korea", modality="alleged", sentence=1,
           attributed_to="west", items=("item:technologie",)),
        st(relation="supplies", subject="russia", object="north_korea", modality="denied", sentence=2,
           attributed_to="kremlin", items=("item:technologie",), contradicts=(1,)),
        st(relation="visited", subject="putin", object="pyongyang", modality="asserted", sentence=3, time="2024-06"),
        st(relation="signedTreatyWith", subject="putin", object="kim_jong_un", modality="asserted", sentence=3,
           place="pyongyang", time="2024-06"),
        st(relation="vetoed", subject="russia", object="measure:a1-1", modality="asserted", sentence=4,
           time="2024-03"),
        st(relation="imposedSanctionsOn", subject="west", object="russia", modality="asserted", sentence=5),
        st(relation="metWith", subject="putin", object="lukashenko", modality="asserted", sentence=6,
           place="sochi", time="2023-09"),
    )
    a1_entities = (
        EntityRef("item:rakete", "Rakete", "Item", ("Raketen",)),
        EntityRef("item:technologie", "Technologie", "Item", ("Technologien",)),
        EntityRef("measure:a1-1", "Resolution zu Nordkorea", "Measure", concerns="north_korea"),
        EntityRef("putin", "Wladimir Putin", "Person", ("Putin",), in_gazetteer=True),
    )
    b2_text = "Eine Reise Putins nach Nordkorea steht noch aus."
    b2 = Article(identifier="b2", text=b2_text, body_start=0)
    b2_statements = (
        st(relation="visited", subject="putin", object="north_korea", modality="planned", sentence=0),
    )
    return [
        Extraction(a1, _sentences(A1_SENTENCES), a1_statements, a1_entities),
        Extraction(b2, _sentences([b2_text]), b2_statements, ()),
    ]


def load_fixture(store: KGStore) -> KGStore:
    store.replace_static(ontology_quads(), gazetteer_quads(default_gazetteer()))
    from kg.rdf import article_iri

    for extraction in fixture_extractions():
        store.replace_graph(article_iri(extraction.article.identifier), extraction_quads(extraction))
    return store


@pytest.fixture
def store() -> KGStore:
    """A fresh in-memory store holding the fixture graph."""
    return load_fixture(KGStore.open(None))
