"""The one module that loads spaCy: the German pipeline and its components.

Pipeline: ``spacy.blank("de")`` + sentencizer + line-break sentence starts +
lookup lemmatizer (spacy-lookups-data) + ``kg_gazetteer``, a PhraseMatcher fed
from ``ontology/gazetteer.toml`` through ``initialize``.  With a trained model
(``load_pipeline("de_core_news_md")``) its tagger and parser are kept and the
gazetteer component is added to it.
"""
from __future__ import annotations

import functools
import re
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from kg.gazetteer import ADJECTIVE_ENDINGS, Gazetteer, load_gazetteer, title_forms  # noqa: F401

SPAN_KEY = "kg_gazetteer"
ORDINAL = re.compile(r"^(?:[IVX]+|\d{1,2}|\d{1,2}:\d{1,2})\.$")   # "II.", "3.", a score "1:0."


def genitive(form: str) -> str | None:
    if form[-1:] in {"s", "x", "z", "ß"} or not form[-1:].isalpha():
        return None
    return form + "s"


@Language.factory("kg_line_breaks")
def make_line_breaks(nlp: Language, name: str):
    """Sentence starts the punctuation rules miss or invent.

    * after every line break: headlines and captions have no full stop;
    * after an ordinal with its full stop when a capitalised function word follows
      ("König Abdullah II. Bei dem Gespräch …");
    * never on a lower-case word after a full stop ("Papst Benedikt XVI. sagte …").
    """

    def line_breaks(doc: Doc) -> Doc:
        for token in doc[:-1]:
            nxt = doc[token.i + 1]
            if "\n" in token.text:
                nxt.is_sent_start = True
            elif ORDINAL.match(token.text) and nxt.is_title and nxt.lower_ in nlp.Defaults.stop_words:
                nxt.is_sent_start = True
            elif token.text == "." and nxt.is_alpha and nxt.text[:1].islower():
                nxt.is_sent_start = False
        return doc

    return line_breaks


@Language.factory("kg_gazetteer", default_config={"gazetteer_path": None})
def make_gazetteer_matcher(nlp: Language, name: str, gazetteer_path: str | None):
    return GazetteerMatcher(nlp, name, gazetteer_path)


class GazetteerMatcher:
    """Marks gazetteer forms as spans in ``doc.spans["kg_gazetteer"]``.

    Span labels say what matched: ``name``/``gen`` (a full form, nominative or
    genitive), ``short``/``short_gen`` (needs an anchor in the article), ``adj``
    (demonym adjective) and ``title`` (role title); ``kb_id_`` holds the entity
    key or, for titles, the title word.
    """

    def __init__(self, nlp: Language, name: str, gazetteer_path: str | None):
        self.name = name
        self.vocab = nlp.vocab
        self.gazetteer_path = gazetteer_path
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._tokenizer = nlp.tokenizer

    def initialize(self, get_examples=None, nlp=None, gazetteer=None):
        gazetteer = gazetteer or load_gazetteer(
            Path(self.gazetteer_path) if self.gazetteer_path else None
        )
        self.matcher = PhraseMatcher(self.vocab, attr="LOWER")
        patterns: dict[tuple[str, str], set[str]] = {}

        def add(label: str, key: str, form: str) -> None:
            patterns.setdefault((label, key), set()).add(form)

        for entry in gazetteer.entries.values():
            for label, forms in (("name", entry.forms), ("short", entry.short_forms)):
                for form in forms:
                    add(label, entry.key, form)
                    gen = genitive(form)
                    if gen:
                        add(label + "_gen" if label == "short" else "gen", entry.key, gen)
            for stem in entry.adjectives:
                for ending in ADJECTIVE_ENDINGS:
                    add("adj", entry.key, stem + ending)
        for form in gazetteer.blocked:
            add("blocked", "-", form)
        for word in gazetteer.titles:
            for form in title_forms(word):
                add("title", word, form)
        for (label, key), forms in sorted(patterns.items()):
            docs = [self._tokenizer(form) for form in sorted(forms)]
            self.matcher.add(f"{label}|{key}", docs)

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for match_id, start, end in self.matcher(doc):
            label, key = self.vocab.strings[match_id].split("|", 1)
            spans.append(Span(doc, start, end, label=label, kb_id=key))
        # longest match wins; ties keep names over adjectives and titles
        rank = {"blocked": -1, "name": 0, "gen": 1, "title": 2, "short": 3, "short_gen": 4, "adj": 5}
        spans.sort(key=lambda s: (-(s.end - s.start), rank.get(s.label_, 9), s.start))
        taken: set[int] = set()
        kept = []
        for span in spans:
            if taken.isdisjoint(range(span.start, span.end)):
                kept.append(span)
                taken.update(range(span.start, span.end))
        # a name written all in lower case is a word ("uns" is no genitive of "UN")
        doc.spans[SPAN_KEY] = sorted(
            (s for s in kept if s.label_ != "blocked"
             and not (s.label_ in {"name", "gen", "short", "short_gen"} and s.text.islower())),
            key=lambda s: s.start,
        )
        return doc


def build_pipeline(gazetteer: Gazetteer | None = None, model: str | None = None) -> Language:
    """A fresh pipeline; ``model`` names an installed trained German model to use instead."""
    if model:
        try:
            nlp = spacy.load(model, exclude=["ner"])
        except OSError as exc:
            raise RuntimeError(f"spaCy model {model!r} is not installed") from exc
    else:
        nlp = spacy.blank("de")
        nlp.add_pipe("sentencizer")
        nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.add_pipe("kg_line_breaks", after="sentencizer" if "sentencizer" in nlp.pipe_names else None)
    nlp.add_pipe("kg_gazetteer")
    if model:
        nlp.get_pipe("kg_gazetteer").initialize(gazetteer=gazetteer)
    else:
        nlp.initialize()
        if gazetteer is not None:
            nlp.get_pipe("kg_gazetteer").initialize(gazetteer=gazetteer)
    return nlp


@functools.lru_cache(maxsize=2)
def load_pipeline(model: str | None = None) -> Language:
    """The cached default pipeline (one per model name)."""
    return build_pipeline(model=model)
