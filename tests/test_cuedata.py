"""``ontology/cues.toml`` is checked when it is loaded: each mistake (an unknown section or key,
a phrase where single words are expected, a word listed twice, a relation without a usable
frame) fails at once in one line naming the file, the key and the value; ``kg build`` stops
on it before the first article."""
from __future__ import annotations

import shutil

import pytest

from conftest import cli
from kg.cuedata import load_cue_data, relation_declarations
from kg.errors import InputError
from kg.extraction.cues import load_cues
from kg.resources import ontology_dir

CUES = (ontology_dir() / "cues.toml").read_text(encoding="utf-8")


def after(header: str, line: str) -> str:
    """cues.toml with ``line`` added as the first key of the table ``header``."""
    assert f"\n{header}\n" in CUES
    return CUES.replace(f"\n{header}\n", f"\n{header}\n{line}\n", 1)


def replaced(old: str, new: str) -> str:
    assert old in CUES
    return CUES.replace(old, new, 1)


BAD = [
    ("unknown key", after("[relations.visited]", 'place_prep = ["nach"]'),
     "cues.toml: relations.visited.place_prep = ['nach']: unknown key"),
    ("unknown key in a section", after("[modality]", 'hedges = ["wohl"]'),
     "cues.toml: modality.hedges = ['wohl']: unknown key"),
    ("unknown section", CUES + '\n[extras]\nwords = ["a"]\n',
     "cues.toml: extras = {'words': ['a']}: unknown section"),
    ("phrase among words", replaced('"weiterzugeben", ', '"weiterzugeben", "zu liefern", '),
     "cues.toml: relations.supplies.forms = 'zu liefern': a phrase where single words are expected"),
    ("phrase among modality words", replaced('"sollten"]', '"sollten", "heißt es"]'),
     "cues.toml: modality.alleged_weak = 'heißt es': a phrase where single words are expected"),
    ("duplicate", replaced('"dementi", ', '"dementi", "dementiert", '),
     "cues.toml: modality.denied = 'dementiert': listed twice"),
    ("duplicate, other case", replaced('"vetos", ', '"vetos", "Veto", '),
     "cues.toml: relations.vetoed.noun_heads = 'Veto': listed twice"),
    ("not a list", after("[relations.visited]", 'clash_words = "tor"'),
     "cues.toml: relations.visited.clash_words = 'tor': must be a list of single words"),
    ("not a flag", replaced("bare_object = true        # dative", 'bare_object = "yes"        # dative'),
     "cues.toml: relations.supplies.bare_object = 'yes': must be true or false"),
    ("a phrase of one word", after("[relations.visited]", 'motion_phrases = [["traf"], ["traf", "ein"]]'),
     "cues.toml: relations.visited.motion_phrases = ['traf']: must be a list of two or more single words"),
    ("a governor under two modalities", replaced('denied = ["bestreiten", ', 'denied = ["planen", "bestreiten", '),
     "cues.toml: governors.denied = 'planen': also under governors.planned"),
    ("a phrase as a governor", replaced('"verschieben", "vertagen"]', '"verschieben", "vertagen", "ins Auge fassen"]'),
     "cues.toml: governors.planned = 'ins Auge fassen': a phrase where single words are expected"),
    ("unknown object kind", after("[relations.supplies]", 'object = "thing"'),
     "cues.toml: relations.supplies.object = 'thing': must be one of actor, place_or_state, measure"),
    ("not a modality", replaced('precedence = ["denied", ', 'precedence = ["doubted", "denied", '),
     "cues.toml: modality.precedence = 'doubted': not a modality"),
    ("frame not registered", CUES + '\n[relations.accused]\nframe = "accusations"\nverbs = ["beschuldigen"]\n',
     "cues.toml: relations.accused.frame = 'accusations': no such frame (known: default, imposedSanctionsOn, "
     "metWith, signedTreatyWith, supplies, vetoed, visited)"),
    ("nothing triggers it", CUES + '\n[relations.accused]\nobject_preps = ["gegen"]\n',
     "cues.toml: relations.accused = 'default' frame: no verbs, forms or noun_heads: nothing can trigger it"),
    ("no object to find", CUES + '\n[relations.accused]\nverbs = ["beschuldigen"]\n',
     "cues.toml: relations.accused = 'default' frame: needs object_preps or bare_object"),
    ("not TOML", CUES + "\n[relations.accused\n", None),
]


@pytest.mark.parametrize(("text", "message"), [case[1:] for case in BAD], ids=[case[0] for case in BAD])
def test_bad_cues_fail_at_load_in_one_line(tmp_path, text, message):
    path = tmp_path / "cues.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_cues(path)
    if message is None:
        assert str(caught.value).startswith("cues.toml: not TOML (")
    else:
        assert str(caught.value) == message
    assert "\n" not in str(caught.value)


def test_the_shipped_cues_load():
    assert load_cue_data()["relations"]
    decls = relation_declarations()
    assert {n for n, d in decls.items() if d.symmetric} == {"signedTreatyWith", "metWith", "agreedWith"}
    assert [n for n, d in decls.items() if not d.scored] == ["agreedWith"]


def test_kg_build_stops_on_bad_cues_before_any_article(tmp_path, monkeypatch):
    folder = tmp_path / "ontology"
    shutil.copytree(ontology_dir(), folder)
    (folder / "cues.toml").write_text(after("[relations.visited]", 'place_prep = ["nach"]'), encoding="utf-8")
    (tmp_path / "a.txt").write_text("Putin besuchte Pjöngjang.\n", encoding="utf-8")
    monkeypatch.setenv("KG_ONTOLOGY_DIR", str(folder))
    result = cli("--store", tmp_path / "store", "build", "-q", tmp_path / "a.txt")
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        "Error: cues.toml: relations.visited.place_prep = ['nach']: unknown key"]


def test_kg_build_stops_on_a_broken_ontology_in_one_line(tmp_path, monkeypatch):
    folder = tmp_path / "ontology"
    shutil.copytree(ontology_dir(), folder)
    ttl = folder / "newskg.ttl"
    ttl.write_text(ttl.read_text(encoding="utf-8") + '\nkg:x rdfs:comment "a "quoted" word" .\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("Putin besuchte Pjöngjang.\n", encoding="utf-8")
    monkeypatch.setenv("KG_ONTOLOGY_DIR", str(folder))
    result = cli("--store", tmp_path / "store", "build", "-q", tmp_path / "a.txt")
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: newskg.ttl: ") and "Traceback" not in result.output
