"""kg/ner.py and tools/train_ner.py: the trained name tagger (python-crfsuite, the `ner` extra)."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.ner import cluster_features, shape, spans

pycrfsuite = pytest.importorskip("pycrfsuite")

ROOT = Path(__file__).resolve().parents[1]
GERMEVAL = ROOT.parent / "shared" / "corpora" / "germeval2014"
sys.path.insert(0, str(ROOT / "tools"))
SPEC = importlib.util.spec_from_file_location("train_ner", ROOT / "tools" / "train_ner.py")
train_ner = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(train_ner)


@pytest.mark.parametrize(
    ("word", "expected"),
    [("Merkel", "Xx"), ("USA", "X"), ("G20", "Xd"), ("EU-weit", "X-x"), ("ÖGB", "X"), ("dpa", "x")],
)
def test_shape(word, expected):
    assert shape(word) == expected


def test_cluster_features_are_prefixes_of_the_brown_path():
    # spaCy keeps the path's first branch in the lowest bit: 0b10110 -> prefixes 0110, 10110
    assert cluster_features("", 0b10110, depths=(4, 8)) == {"c4": str(0b0110), "c8": str(0b10110), "c": "22"}
    assert cluster_features("-1:", None) == {"-1:c": "none"}


@pytest.mark.parametrize(
    ("labels", "expected"),
    [
        (["B-PER", "I-PER", "O", "B-LOC"], {(0, 2, "PER"), (3, 4, "LOC")}),
        (["B-ORG", "B-ORG", "I-ORG"], {(0, 1, "ORG"), (1, 3, "ORG")}),
        (["O", "I-PER", "I-PER"], {(1, 3, "PER")}),                 # a stray I- starts a span
        (["B-LOCderiv", "B-OTH", "O"], set()),                       # only the three outer types
        (["B-PER", "I-LOC"], {(0, 1, "PER"), (1, 2, "LOC")}),
    ],
)
def test_spans(labels, expected):
    assert spans(labels) == expected


TRAIN = [
    ("Gestern traf Hubert Obermoser den Vorstand der Firma Zellwerk AG in Kleinhausen .",
     "O O B-PER I-PER O O O O B-ORG I-ORG O B-LOC O"),
    ("Hubert Obermoser reiste nach Kleinhausen .", "B-PER I-PER O O B-LOC O"),
    ("Die Zellwerk AG liefert Teile nach Kleinhausen .", "O B-ORG I-ORG O O O B-LOC O"),
    ("In Kleinhausen sprach Obermoser mit der Presse .", "O B-LOC O B-PER O O O O"),
]


def write_tsv(path: Path, rows) -> Path:
    lines = []
    for text, labels in rows:
        lines.append("# source")
        for i, (word, label) in enumerate(zip(text.split(), labels.split()), 1):
            lines.append(f"{i}\t{word}\t{label}\tO")
        lines.append("")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory) -> tuple[Path, dict]:
    tmp = tmp_path_factory.mktemp("ner")
    train = write_tsv(tmp / "train.tsv", TRAIN)
    test = write_tsv(tmp / "test.tsv", TRAIN[:2])
    result = train_ner.run(train, test, tmp / "model.crfsuite", c1=0.0, c2=0.01, iterations=50)
    return tmp / "model.crfsuite", result


def test_training_learns_what_it_was_shown(tiny_model):
    model, result = tiny_model
    assert model.is_file()
    assert (result["train_sentences"], result["test_sentences"]) == (4, 2)
    assert result["crf"]["all"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "tp": 5, "fp": 0, "fn": 0}
    # the rules know none of these names except by the lexicon
    assert result["rules"]["all"]["tp"] < 5


def test_the_training_split_is_never_the_test_split(tmp_path):
    train = write_tsv(tmp_path / "t.tsv", TRAIN)
    sys.argv = ["train_ner", "--train", str(train), "--test", str(train), "-o", str(tmp_path / "m")]
    assert train_ner.main() == 1
    assert not (tmp_path / "m").exists()


def test_build_with_the_name_model_finds_names_no_rule_knows(tiny_model, tmp_path):
    model, _ = tiny_model
    article = tmp_path / "a.txt"
    article.write_text("Zellwerk AG liefert an Kleinhausen\n\nDie Zellwerk AG liefert Waffen nach Kleinhausen.\n",
                       encoding="utf-8")
    runner = CliRunner()
    store = tmp_path / "store"
    assert runner.invoke(main, ["--store", str(store), "build", "-q", "--ner", str(model), str(article)]).exit_code == 0
    result = runner.invoke(main, ["--store", str(store), "export", "--format", "nquads"])
    assert result.exit_code == 0, result.output
    assert "/entity/kleinhausen>" in result.output
    # without the model, Kleinhausen is known only as a name no word list knows, standing bare in
    # a sentence with a relation word (kg.mentions.bare); in one without, only the model knows it
    assert runner.invoke(main, ["--store", str(tmp_path / "plain"), "build", "-q", str(article)]).exit_code == 0
    plain = runner.invoke(main, ["--store", str(tmp_path / "plain"), "export", "--format", "nquads"]).output
    assert "/entity/kleinhausen>" in plain


@pytest.mark.parametrize(
    ("model", "message"),
    [
        ("missing.crfsuite", "Error: {path}: no such name model (make ner trains it)\n"),
        ("junk.crfsuite", "Error: {path}: not a trained name model (make ner)\n"),
    ],
)
def test_a_bad_name_model_is_one_line(tmp_path, model, message):
    (tmp_path / "junk.crfsuite").write_text("junk", encoding="utf-8")
    path = tmp_path / model
    result = CliRunner().invoke(main, ["--store", str(tmp_path / "s"), "build", "--ner", str(path), str(ROOT / "seeds")])
    assert (result.exit_code, result.stderr) == (1, message.format(path=path))
    assert not (tmp_path / "s").exists()


@pytest.mark.skipif(not (GERMEVAL / "NER-de-test.tsv").exists(), reason="needs ../shared/corpora/germeval2014")
def test_germeval_figure_as_measured(tmp_path):
    """Trained on the dev split only, scored on the test split: the figure in the README."""
    result = train_ner.run(GERMEVAL / "NER-de-dev.tsv", GERMEVAL / "NER-de-test.tsv", tmp_path / "m.crfsuite",
                           c1=0.05, c2=0.05, iterations=150)
    assert {k: result["crf"][k]["f1"] for k in ("PER", "LOC", "ORG", "all")} == {
        "PER": 0.807, "LOC": 0.748, "ORG": 0.513, "all": 0.715}
    assert result["crf"]["all"]["f1"] >= 0.7
