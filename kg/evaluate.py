"""Evaluate the graph in a store against gold relation facts.

Gold format (one JSON object a line, as ``../shared/eval/gold/seeds.jsonl``)::

    {"article": "001", "s": ["putin"], "p": ["signedTreatyWith"], "o": ["kim_jong_un"],
     "modality": "asserted", "required": true, "evidence": "…"}

``s``/``o`` are entity keys of an entities file (``{"putin": {"labels": [...],
"wikidata": "Q7747"}}``); an entity in the graph has a key when one of its labels
equals one of the key's labels (case, accents, hyphens and spaces folded as kg.model.fold folds them) or when it is
``owl:sameAs`` the key's Wikidata item.  ``article`` is a file-stem prefix.

Counting, as the shared scorer does: a prediction is a distinct (article,
subject, relation, object) among the scored relations; it is right when a gold
fact of that article matches it (either way round for symmetric relations; for
``vetoed`` the measure's ``kg:concerns`` counts).  Recall is over the required
gold facts.  A factual error is a prediction given as asserted/reported whose
gold facts are all planned, negated or denied.

Negatives (optional, same format plus ``forbid`` and ``why``) are look-alikes
that must not be extracted: ``"forbid": "any"`` is violated by any matching
prediction, ``"forbid": "factual"`` by one given as asserted or reported.
"""
from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from kg.errors import InputError
from kg.model import fold, local_name
from kg.store import KGStore
from kg.terms import FACTUAL_MODALITIES, SCORED_RELATIONS, SYMMETRIC_RELATIONS, WD

NON_FACTUAL = frozenset({"planned", "negated", "denied"})

PREDICTIONS = """
SELECT DISTINCT ?st ?s ?p ?o ?m ?article ?target WHERE {
  ?st a rdf:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kg:modality ?m ;
      prov:wasDerivedFrom/schema:isPartOf/dcterms:identifier ?article .
  OPTIONAL { ?o kg:concerns ?target }
}
"""

LABELS = """
SELECT DISTINCT ?e ?l WHERE {
  { ?e rdfs:label|skos:altLabel|skos:prefLabel ?l } UNION { ?e owl:sameAs ?l }
}
"""


@dataclass(frozen=True)
class Gold:
    article: str
    s: tuple[str, ...]
    p: tuple[str, ...]
    o: tuple[str, ...]
    modality: str
    required: bool
    evidence: str = ""
    forbid: str | None = None      # negatives: "any" | "factual"
    why: str = ""


@dataclass
class Figures:
    predicted: int = 0
    correct: int = 0
    required: int = 0
    found: int = 0

    @property
    def precision(self) -> float:
        return round(self.correct / self.predicted, 3) if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return round(self.found / self.required, 3) if self.required else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return round(2 * p * r / (p + r), 3) if p + r else 0.0

    def as_dict(self) -> dict:
        return {"predicted": self.predicted, "correct": self.correct, "required": self.required,
                "found": self.found, "precision": self.precision, "recall": self.recall, "f1": self.f1}


@dataclass
class Report:
    overall: Figures
    by_relation: dict[str, Figures]
    modality_accuracy: float
    factual_errors: int
    missed: list[str] = field(default_factory=list)
    wrong_modality: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)
    negatives: int = 0
    violations: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            **self.overall.as_dict(),
            "modality_accuracy": self.modality_accuracy,
            "factual_errors": self.factual_errors,
            "negatives": self.negatives,
            "negatives_violated": len(self.violations),
            "by_relation": {rel: f.as_dict() for rel, f in self.by_relation.items()},
            "missed": self.missed,
            "wrong_modality": self.wrong_modality,
            "false_positives": self.false_positives,
            "violations": self.violations,
        }


def _list(value) -> tuple[str, ...]:
    return tuple(value) if isinstance(value, list) else (value,)


def load_gold(path: Path) -> list[Gold]:
    facts = []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise InputError(f"{path}: no such gold file") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text") from None
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            facts.append(Gold(
                article=str(raw["article"]), s=_list(raw["s"]), p=_list(raw["p"]), o=_list(raw["o"]),
                modality=raw["modality"], required=bool(raw.get("required", True)),
                evidence=raw.get("evidence", ""), forbid=raw.get("forbid"), why=raw.get("why", ""),
            ))
            if facts[-1].forbid not in {None, "any", "factual"}:
                raise KeyError(f"forbid must be 'any' or 'factual', not {facts[-1].forbid!r}")
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise InputError(f"{path}:{number}: not a gold fact ({type(exc).__name__}: {exc})") from None
    if not facts:
        raise InputError(f"{path}: no gold facts")
    return facts


def load_entities(path: Path) -> dict[str, dict]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: no such entities file") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: not a JSON entities file ({exc})") from None
    return {k: v for k, v in data.items() if not k.startswith("_")}


def default_entities_path(gold_path: Path) -> Path:
    """``entities.json`` beside the gold file or one folder up (the shared layout)."""
    for folder in (gold_path.parent, gold_path.parent.parent):
        if (folder / "entities.json").exists():
            return folder / "entities.json"
    raise InputError(f"no entities.json beside {gold_path}; give --entities")


def _entity_keys(store: KGStore, entities: dict[str, dict]) -> dict[str, set[str]]:
    by_label: dict[str, set[str]] = defaultdict(set)
    by_qid: dict[str, str] = {}
    for key, spec in entities.items():
        for label in spec.get("labels", []):
            by_label[fold(label)].add(key)
        if spec.get("wikidata"):
            by_qid[WD + spec["wikidata"]] = key
    keys: dict[str, set[str]] = defaultdict(set)
    for row in store.query(LABELS):
        entity, value = row["e"].value, row["l"]
        if isinstance(value, ox.NamedNode):
            if value.value in by_qid:
                keys[entity].add(by_qid[value.value])
        elif isinstance(value, ox.Literal):
            keys[entity] |= by_label.get(fold(value.value), set())
    return keys


def _article_of(identifier: str, articles: set[str]) -> str | None:
    """The gold article an article identity belongs to: the gold id is the identity, or its
    last part (an archive's ``2024/06/000_x`` is gold's ``000``), or a prefix of either up
    to ``_`` or ``-``."""
    for name in dict.fromkeys((identifier, identifier.rsplit("/", 1)[-1])):
        for article in articles:
            if name == article or name.startswith((article + "_", article + "-")):
                return article
    return None


def default_negatives_path(gold_path: Path) -> Path | None:
    """``negative.jsonl`` beside the gold file, when there is one."""
    path = Path(gold_path).parent / "negative.jsonl"
    return path if path.exists() and path.resolve() != Path(gold_path).resolve() else None


def evaluate(store: KGStore, gold: list[Gold], entities: dict[str, dict], negatives: list[Gold] = ()) -> Report:
    """Score the store's statements against ``gold``: precision over the predicted facts of the
    gold's articles, recall over the required gold facts, modality accuracy over those found,
    factual errors, and the ``negatives`` (look-alikes) the graph wrongly holds."""
    predicted = _predictions(store, gold, _entity_keys(store, entities))
    overall = Figures()
    by_relation: dict[str, Figures] = {rel: Figures() for rel in SCORED_RELATIONS}
    hit, false_positives, factual_errors = _precision(predicted, gold, overall, by_relation)
    missed, wrong, right_modality = _recall(gold, hit, overall, by_relation)
    accuracy = round(right_modality / overall.found, 3) if overall.found else 0.0
    return Report(overall, by_relation, accuracy, factual_errors, missed, wrong, false_positives,
                  negatives=len(negatives), violations=_violations(predicted, negatives))


def _predictions(store: KGStore, gold: list[Gold], keys: dict[str, set[str]]) -> dict[tuple, dict]:
    """(article, subject, relation, object) -> the modalities it was stated with and the entity
    keys of its two sides, for the scored relations in the gold's articles."""
    articles = {g.article for g in gold}
    predicted: dict[tuple, dict] = {}
    for row in store.query(PREDICTIONS):
        relation = local_name(row["p"])
        if relation not in SCORED_RELATIONS:
            continue
        article = _article_of(row["article"].value, articles)
        if article is None:
            continue
        s, o = row["s"].value, row["o"].value
        slot = predicted.setdefault((article, s, relation, o), {"m": set(), "s": keys.get(s, set()),
                                                                 "o": set(keys.get(o, set()))})
        slot["m"].add(local_name(row["m"]))
        if row["target"] is not None:
            slot["o"] |= keys.get(row["target"].value, set())
    return predicted


def _matches(g: Gold, relation: str, s_keys: set[str], o_keys: set[str]) -> bool:
    if relation not in g.p:
        return False
    if s_keys & set(g.s) and o_keys & set(g.o):
        return True
    return relation in SYMMETRIC_RELATIONS and bool(s_keys & set(g.o) and o_keys & set(g.s))


def _precision(predicted, gold, overall, by_relation):
    """Count each predicted fact, right or wrong; return the modalities each gold fact was
    found with, the false positives (factual errors marked) and the number of factual errors."""
    hit: dict[int, set[str]] = defaultdict(set)
    factual_errors = 0
    false_positives = []
    for (article, s, relation, o), slot in sorted(predicted.items()):
        overall.predicted += 1
        by_relation[relation].predicted += 1
        matched = [i for i, g in enumerate(gold) if g.article == article and _matches(g, relation, slot["s"], slot["o"])]
        label = f"{article} {local_name(ox.NamedNode(s))} {relation} {local_name(ox.NamedNode(o))} [{', '.join(sorted(slot['m']))}]"
        if not matched:
            false_positives.append(label)
            continue
        overall.correct += 1
        by_relation[relation].correct += 1
        for i in matched:
            hit[i] |= slot["m"]
        if slot["m"] & FACTUAL_MODALITIES and {gold[i].modality for i in matched} <= NON_FACTUAL:
            factual_errors += 1
            false_positives.append(label + " (factual error)")
    return hit, false_positives, factual_errors


def _recall(gold, hit, overall, by_relation):
    """Count the required gold facts and those found; return the missed ones, those found with
    the wrong modality, and how many had the right one."""
    missed, wrong = [], []
    right_modality = 0
    for i, g in enumerate(gold):
        if not g.required:
            continue
        overall.required += 1
        for relation in set(g.p) & set(SCORED_RELATIONS):
            by_relation[relation].required += 1
        if i not in hit:
            missed.append(f"{_fact(g)} ({g.modality}): {g.evidence}")
            continue
        overall.found += 1
        for relation in set(g.p) & set(SCORED_RELATIONS):
            by_relation[relation].found += 1
        if g.modality in hit[i]:
            right_modality += 1
        else:
            wrong.append(f"{_fact(g)}: gold {g.modality}, graph {', '.join(sorted(hit[i]))}")
    return missed, wrong, right_modality


def _violations(predicted, negatives) -> list[str]:
    """The look-alikes the graph holds: any statement for ``forbid: any``, else a factual one."""
    violations = []
    for g in negatives:
        for (article, s, relation, o), slot in sorted(predicted.items()):
            if article != g.article or not _matches(g, relation, slot["s"], slot["o"]):
                continue
            if g.forbid == "any" or slot["m"] & FACTUAL_MODALITIES:
                violations.append(f"{_fact(g)} [{', '.join(sorted(slot['m']))}]: {g.why or g.evidence}")
    return violations


def _fact(g: Gold) -> str:
    return f"{g.article} {'|'.join(g.s)} {'|'.join(g.p)} {'|'.join(g.o)}"
