"""A seventh relation is a data edit plus an ontology entry: ``kg:accused`` ("X beschuldigte Y",
"X wirft Y … vor", "Vorwürfe von X gegen Y"), added in a copy of ``ontology/`` that
``KG_ONTOLOGY_DIR`` points at, served by the default frame, and extracted from sentences
generated from templates (tenses, word orders) and fillers (gazetteer names, and names the
gazetteer does not hold); look-alikes stay silent.  A relation declared without a usable
frame fails when the data is loaded."""
from __future__ import annotations

import itertools
import shutil

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF

from kg.article import parse_article
from kg.cuedata import relation_declarations
from kg.errors import InputError
from kg.extraction import default_cues, extract_article
from kg.resources import ontology_dir
from kg.terms import KG

ACCUSED_CUES = """
[relations.accused]
scored = false
verbs = ["beschuldigen", "vorwerfen"]    # "wirft … vor": found from the lemma and its particle
forms = ["beschuldigt", "beschuldigte", "beschuldigten"]
noun_heads = ["vorwürfe", "vorwurf"]
object_preps = ["gegen"]
bare_object = true        # "X beschuldigte Y"
"""

ACCUSED_TTL = """
kg:accused a owl:ObjectProperty ;
    rdfs:isDefinedBy <https://w3id.org/newskg/ontology> ;
    rdfs:label "beschuldigte"@de , "accused"@en ;
    rdfs:comment "The subject accused the object of wrongdoing."@en ;
    rdfs:comment "Der eine Akteur beschuldigt den anderen. Signalwörter: beschuldigen, vorwerfen, Vorwürfe gegen."@de ;
    skos:example "Die Ukraine beschuldigte Russland."@de ;
    rdfs:domain kg:Actor ;
    rdfs:range kg:Actor .
"""

# (how the filler is written, its key): names the gazetteer holds, and people it does not
AGENTS = [("Russland", "russia"), ("Putin", "putin"), ("Justizministerin Karin Maier", "entity:karin-maier")]
TARGETS = [("die Ukraine", "ukraine"), ("Merkel", "merkel"), ("Außenminister Paul Brenner", "entity:paul-brenner")]
TEMPLATES = {
    "present": "{a} beschuldigt {b}.",
    "past": "{a} beschuldigte {b}.",
    "perfect": "{a} hat {b} beschuldigt.",
    "separable, present": "{a} wirft {b} vor, gelogen zu haben.",
    "separable, past": "{a} warf {b} erneut Spionage vor.",
    "separable, past, a weekday": "{a} warf {b} am Montag Spionage vor.",
    "noun": "Die Vorwürfe von {a} gegen {b} wiegen schwer.",
}
# not yet: an unknown name takes the capitalised noun after it ("Paul Brenner Korruption")
NOT_YET = [
    ("Russland wirft Außenminister Paul Brenner Korruption vor.",
     {("russia", "accused", "entity:paul-brenner", "asserted")}),
]
LOOK_ALIKES = [
    "Der Torwart warf den Ball vor das Tor.",
    "Russland wirft Bomben auf Kiew.",
    "Die Vorwürfe wiegen schwer.",
]


@pytest.fixture(scope="module")
def accused_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("data") / "ontology"
    shutil.copytree(ontology_dir(), folder)
    with open(folder / "cues.toml", "a", encoding="utf-8") as f:
        f.write(ACCUSED_CUES)
    with open(folder / "newskg.ttl", "a", encoding="utf-8") as f:
        f.write(ACCUSED_TTL)
    return folder


@pytest.fixture
def accused(accused_folder, monkeypatch):
    monkeypatch.setenv("KG_ONTOLOGY_DIR", str(accused_folder))
    return default_cues()


def facts(text: str, cues) -> set[tuple[str, str, str, str]]:
    ex = extract_article(parse_article(" date 2015-06 " + text, identifier="t"), cues=cues)
    return {(st.subject, st.relation, st.object, st.modality) for st in ex.statements}


def test_the_new_relation_is_declared_in_data_and_ontology(accused_folder, accused):
    decl = relation_declarations(accused_folder / "cues.toml")["accused"]
    assert (decl.symmetric, decl.scored, decl.object, decl.frame) == (False, False, "actor", "default")
    graph = Graph().parse(accused_folder / "newskg.ttl", format="turtle")
    assert (URIRef(KG.iri + "accused"), RDF.type, OWL.ObjectProperty) in graph
    assert "accused" in accused.frames


@pytest.mark.parametrize("template", sorted(TEMPLATES))
def test_accused_from_generated_sentences(accused, template):
    """Every agent × target filler in the template: the pass rate per capability is 100%."""
    failures = []
    for (a, a_key), (b, b_key) in itertools.product(AGENTS, TARGETS):
        text = TEMPLATES[template].format(a=a, b=b)
        found = facts(text, accused)
        if found != {(a_key, "accused", b_key, "asserted")}:
            failures.append((text, found))
    assert failures == []


@pytest.mark.parametrize(("text", "expected"), NOT_YET)
@pytest.mark.xfail(reason="modality and name limits shared with every relation (see NOT_YET)", strict=True)
def test_accused_not_yet(accused, text, expected):
    assert facts(text, accused) == expected


@pytest.mark.parametrize("text", LOOK_ALIKES)
def test_accused_look_alikes_stay_silent(accused, text):
    assert facts(text, accused) == set()


def test_the_shipped_data_does_not_know_accused():
    assert "accused" not in default_cues().frames
    assert facts("Russland beschuldigte die Ukraine.", default_cues()) == set()


def test_a_relation_without_a_usable_frame_fails_at_load(accused_folder, tmp_path, monkeypatch):
    folder = tmp_path / "ontology"
    shutil.copytree(accused_folder, folder)
    text = (folder / "cues.toml").read_text(encoding="utf-8")
    (folder / "cues.toml").write_text(text.replace('object_preps = ["gegen"]\nbare_object = true', ""),
                                      encoding="utf-8")
    monkeypatch.setenv("KG_ONTOLOGY_DIR", str(folder))
    with pytest.raises(InputError) as caught:
        default_cues()
    assert str(caught.value) == "cues.toml: relations.accused = 'default' frame: needs object_preps or bare_object"
