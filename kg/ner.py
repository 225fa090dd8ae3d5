"""A statistical tagger for names nobody listed: a linear-chain CRF (python-crfsuite).

The rule-based mention finder (gazetteer, role titles, lexicon) is precise but
misses names it has no rule for.  This tagger learns, from the GermEval 2014 dev
split, to label tokens B-/I-PER, LOC, ORG from:

* the word, its shape, prefixes and suffixes, and those of its neighbours;
* its German Brown cluster from spacy-lookups-data (``de_lexeme_cluster``), at
  several depths of the cluster tree, so rare names share evidence with frequent
  ones of the same kind;
* what the rule-based finder says of the token (stacking): gazetteer class,
  lexicon class, and the span the mention finder found.

Training and evaluation live in ``tools/train_ner.py`` (``make ner``); nothing
here runs unless python-crfsuite (the ``ner`` extra) is installed and a model
has been trained.  The model is built from data, never shipped in the repository.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc

TYPES = ("PER", "LOC", "ORG")
CLASS_TO_TYPE = {"Person": "PER", "State": "LOC", "Place": "LOC", "Organization": "ORG", "Group": "ORG"}
DEPTHS = (4, 8, 12, 16)


def shape(word: str) -> str:
    """ "Merkel" -> "Xx", "USA" -> "X", "G20" -> "Xd", "EU-weit" -> "X-x"."""
    s = re.sub(r"[A-ZÄÖÜ]+", "X", word)
    s = re.sub(r"[a-zäöüß]+", "x", s)
    return re.sub(r"[0-9]+", "d", s)[:6]


def cluster_features(prefix: str, cluster: int | None, depths=DEPTHS) -> dict[str, str]:
    if cluster is None:
        return {f"{prefix}c": "none"}
    # spaCy stores a Brown path with its first branch in the lowest bit: a prefix of
    # the path is the number's low bits
    return {f"{prefix}c{d}": str(cluster & ((1 << d) - 1)) for d in depths} | {f"{prefix}c": str(cluster)}


def token_features(words: list[str], clusters: list[int | None], hints: list[dict[str, str]]) -> list[dict]:
    """One feature dict per token; ``hints`` are what the rules say of each token."""
    n = len(words)
    out = []
    for i, w in enumerate(words):
        f = {
            "bias": "1",
            "w": w.lower(),
            "shape": shape(w),
            "p3": w[:3].lower(),
            "s2": w[-2:].lower(),
            "s3": w[-3:].lower(),
            "s4": w[-4:].lower(),
            "title": str(w[:1].isupper()),
            "upper": str(w.isupper() and len(w) > 1),
            "hyphen": str("-" in w),
            "first": str(i == 0),
            **cluster_features("", clusters[i]),
            **hints[i],
        }
        for off in (-2, -1, 1, 2):
            j = i + off
            if 0 <= j < n:
                f[f"{off}:w"] = words[j].lower()
                f[f"{off}:shape"] = shape(words[j])
                if abs(off) == 1:
                    f.update(cluster_features(f"{off}:", clusters[j], depths=(8,)))
                    f.update({f"{off}:{k}": v for k, v in hints[j].items()})
            else:
                f[f"{off}:w"] = "<s>" if off < 0 else "</s>"
        out.append(f)
    return out


def rule_hints(doc: Doc, gazetteer, cues, lexicon, mentions=None) -> list[dict[str, str]]:
    """Per token: the gazetteer span, the lexicon class and the mention finder's span."""
    from kg.mentions import find_mentions
    from kg.nlp import SPAN_KEY

    if mentions is None:
        mentions = find_mentions(doc, gazetteer, None, cues, lexicon)

    hints: list[dict[str, str]] = [{} for _ in doc]
    for s in doc.spans[SPAN_KEY]:
        cls = gazetteer[s.kb_id_].cls if s.kb_id_ in gazetteer else s.label_
        for k in range(s.start, s.end):
            hints[k]["gaz"] = f"{'B' if k == s.start else 'I'}-{s.label_}-{cls}"
    for t in doc:
        c = lexicon.cls(t.text)
        if c is not None:
            hints[t.i]["lex"] = c
        elif t.text[:1].isupper():
            hints[t.i]["lex"] = "known" if lexicon.knows(t.text) else "unknown"
    for m in mentions:
        kind = CLASS_TO_TYPE.get(m.cls)
        if kind is None or m.kind in {"adj", "prefix", "pronoun", "pair"}:
            continue
        for k in range(m.start, m.end):
            hints[k]["rule"] = f"{'B' if k == m.start else 'I'}-{kind}-{m.kind}"
    return hints


def spans(labels: Iterable[str]) -> set[tuple[int, int, str]]:
    """Exact (start, end, type) spans of a BIO sequence; an I- without its B- starts a span."""
    found, start, kind = set(), None, None
    labels = list(labels)
    for i, label in enumerate(labels + ["O"]):
        if start is not None and not (label.startswith("I-") and label[2:] == kind):
            if kind in TYPES:
                found.add((start, i, kind))
            start, kind = None, None
        if label.startswith("B-") or (label.startswith("I-") and start is None):
            start, kind = i, label[2:]
    return found


class NameTagger:
    """A trained model (``make ner``) that finds names the rules did not: ``kg build --ner MODEL``."""

    def __init__(self, model: str):
        try:
            import pycrfsuite
        except ImportError as e:
            from kg.errors import InputError
            raise InputError("--ner needs python-crfsuite: pip install -e '.[ner]'") from e
        from kg.lexicon import raw_clusters

        self._tagger = pycrfsuite.Tagger()
        try:
            self._tagger.open(str(model))
        except (OSError, ValueError) as e:
            from kg.errors import InputError
            raise InputError(f"{model}: not a trained name model (make ner)") from e
        self._clusters = raw_clusters()

    def names(self, doc: Doc, gazetteer, lexicon, mentions) -> list[tuple[int, int, str]]:
        """(start, end, PER|LOC|ORG) token spans of the Doc, sentence by sentence."""
        hints = rule_hints(doc, gazetteer, {}, lexicon, mentions)
        found = []
        for sent in doc.sents:
            idx = [t.i for t in sent if not t.is_space]
            if not idx:
                continue
            words = [doc[i].text for i in idx]
            feats = token_features(words, [self._clusters.get(w) for w in words], [hints[i] for i in idx])
            for start, end, kind in spans(self._tagger.tag(feats)):
                found.append((idx[start], idx[end - 1] + 1, kind))
        return found
