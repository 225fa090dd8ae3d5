"""The Python API (kg.api, re-exported by kg): stores, queries as dicts, extraction from a
string, builds; and the README's example, run as it stands."""
from __future__ import annotations

import contextlib
import io
import re
import subprocess
import sys
from pathlib import Path

import pytest

import kg
from kg.errors import NotFoundError, QueryError

ROOT = Path(__file__).resolve().parents[1]


def test_importing_kg_is_fast_and_imports_neither_spacy_nor_the_api():
    code = "import kg, sys; print('spacy' in sys.modules, 'kg.api' in sys.modules, callable(kg.open_store))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert done.stdout == "False False True\n"


def test_query_rows_are_dicts(disk_store):
    with kg.open_store(disk_store) as store:
        rows = store.query("treaties")
        assert rows.columns == ["party", "with", "place", "time", "modality", "article", "evidence"]
        assert rows == [{"party": "Wladimir Putin", "with": "Kim Jong Un", "place": "Pjöngjang", "time": "2024-06",
                         "modality": "asserted", "article": "a1",
                         "evidence": "Putin unterzeichnete in Pjöngjang mit Kim Jong Un einen Vertrag."}]
        visits = store.query("visits")
        assert store.query("visits", limit=1, offset=1) == visits[1:2]
        timeline = store.query("entity-timeline", params={"entity": "kim jong-un"})
        assert [r["relation"] for r in timeline] == ["signedTreatyWith", "visited"]
        assert timeline[0]["entity"] == "https://w3id.org/newskg/resource/entity/kim-jong-un"
        sparql = store.query("SELECT ?l ?want WHERE { ?e owl:sameAs ?want ; rdfs:label ?l }",
                             params={"want": "<http://www.wikidata.org/entity/Q127359>"})
        assert sparql == [{"l": "Sotschi", "want": "http://www.wikidata.org/entity/Q127359"}]
        assert store.query("ASK { ?s kg:vetoed ?o }") is True
        assert store.summary()["statements"] == 11
        assert store.show("Lukaschenko")["label"] == "Alexander Lukaschenko"


def test_api_errors_are_the_library_errors(disk_store):
    with kg.open_store(disk_store) as store:
        with pytest.raises(NotFoundError, match="^no entity named 'Nobody'$"):
            store.query("entity-timeline", params={"entity": "Nobody"})
        with pytest.raises(QueryError, match="^SPARQL syntax error at 1:26"):
            store.query("SELECT ?x WHERE { ?x ?y }")


def test_rows_as_a_dataframe(disk_store):
    pandas = pytest.importorskip("pandas")
    with kg.open_store(disk_store) as store:
        frame = store.query("visits", dataframe=True)
        assert isinstance(frame, pandas.DataFrame)
        assert list(frame.columns) == ["visitor", "visited", "time", "modality", "article", "evidence"]
        assert list(frame["modality"]) == ["negated", "planned", "asserted"]
        assert store.query("visits").to_dataframe().equals(frame)


def test_build_into_a_store_in_memory(articles, fake_extractor):
    import kg.build           # the module kg.build, beside the API's kg.build_files

    store = kg.open_store(None)
    report = kg.build_files(store, [articles])
    assert (len(report.built), report.statements) == (3, 11)
    assert len(store.query("visits")) == 3


def test_extract_text_with_a_date():
    statements = kg.extract_text("Putin besuchte im vergangenen Jahr Pjöngjang.", date="2024-06")
    assert statements == [{
        "subject": "Wladimir Putin", "relation": "visited", "object": "Pjöngjang", "modality": "asserted",
        "source": None, "items": [], "place": None, "time": "2023",
        "evidence": "Putin besuchte im vergangenen Jahr Pjöngjang.", "start": 0, "end": 45,
    }]
    with pytest.raises(kg.api.InputError, match="^date 'Juni' is not YYYY-MM or YYYY-MM-DD$"):
        kg.extract_text("Putin besuchte Pjöngjang.", date="Juni")


def test_the_readme_example_runs_as_it_stands(monkeypatch, tmp_path):
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))     # its store goes under tmp_path
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Use it from Python"):]
    code, shown = re.search(r"```python\n(.*?)```\n+```text\n(.*?)```", section, re.S).groups()
    monkeypatch.chdir(ROOT)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(code, "README.md", "exec"), {})
    assert printed.getvalue() == shown
