"""The one module that builds the spaCy pipeline: the German pipeline and its components.

Pipeline: ``spacy.blank("de")`` + ``kg_sentencizer`` (spaCy's sentencizer and the
line-break sentence starts in one pass) + ``kg_lemmatizer`` (spacy-lookups-data's German lookup table, the same lemmas as
spaCy's lookup lemmatizer, worked out once per word form) + ``kg_gazetteer``, a
PhraseMatcher fed from ``ontology/gazetteer.toml`` (:mod:`kg.gazetteer_matcher`).  With a
trained model (``load_pipeline("de_core_news_md")``) its tagger and parser are kept
and the gazetteer component is added to it.

:func:`words`, :func:`lowers` and :func:`sentence_starts` (from :mod:`kg.doclists`,
kept importable from here) give a Doc's token texts and sentence starts as plain
lists, made once per Doc.
"""
from __future__ import annotations

import functools
import re

import numpy
import spacy
from spacy.attrs import IS_ALPHA, IS_DIGIT, IS_PUNCT, IS_SPACE, LEMMA, LIKE_NUM, LOWER, SENT_START
from spacy.lang.lex_attrs import is_punct
from spacy.language import Language
from spacy.tokens import Doc

from kg.article import MAX_ARTICLE_CHARS
from kg.doclists import (  # noqa: F401  (the per-Doc lists are used through kg.nlp too)
    MAX_SENTENCE_TOKENS, capitalised, char_offsets, form_rows, hyphenated, lemma_ids, lowers, orths, positions_ending,
    positions_of, puncts, sentence_starts, span_text, words,
)
from kg.formindex import FORMS, FormColumn
from kg.gazetteer import Gazetteer, title_forms  # noqa: F401
from kg.gazetteer_matcher import SPAN_KEY, gazetteer_matches  # noqa: F401  (registers kg_gazetteer)
from kg.resources import lookups_table
from kg.wordtable import MISSING, WordTable, cached_table

ORDINAL = re.compile(r"^(?:[IVX]+|\d{1,2}|\d{1,2}:\d{1,2})\.$")   # "II.", "3.", a score "1:0."


@Language.factory("kg_lemmatizer")
def make_lemmatizer(nlp: Language, name: str):
    return LookupLemmatizer(nlp.vocab)


class LookupLemmatizer:
    """spaCy's lookup lemmatizer made cheap: a token's lemma is the table's entry for its exact
    form, else the form itself, as in ``spacy.pipeline.Lemmatizer(mode="lookup")``; but the
    answer is kept per word form (by its hash), the forms a Doc brings that were not seen
    before are looked up together, and a Doc's lemmas are set in one array operation instead
    of one Token object per token.  The table is a :class:`kg.wordtable.WordTable` derived
    once from spacy-lookups-data's and cached: it loads in milliseconds, where spaCy's
    ``Table`` took 0.8 s and the gzipped JSON alone 0.3 s."""

    def __init__(self, vocab):
        self.vocab = vocab
        self.table: WordTable | None = None
        self.lemmas = FormColumn(FORMS, self._lemmas, numpy.uint64)   # each form's lemma (hash)

    def initialize(self, get_examples=None, nlp=None):
        self.table = lemma_table()          # word form -> lemma, about 355,000 forms

    def _lemmas(self, texts: list[str]) -> list[int]:
        """The lemmas of word forms not seen before, looked up together: each one's id, its
        string added to the vocabulary (a form's own id from the vocabulary: a few words have a
        symbol's, "X" is 101)."""
        if self.table is None:
            self.initialize()
        strings = self.vocab.strings
        return [strings.add(lemma) for lemma in table_lemmas(texts, self.table)]

    def __call__(self, doc: Doc) -> Doc:
        if len(doc):
            doc.from_array([LEMMA], self.lemmas.of(form_rows(doc)).reshape(-1, 1))
        return doc


@functools.lru_cache(maxsize=2)
def lemma_table(cache: bool = True) -> WordTable:
    """spacy-lookups-data's German lemma table (form -> lemma) as a cached word table, with the
    reformed spelling of its forms written with "ß" (:func:`with_ss_spellings`); read once per
    process (from the cache folder it takes some 15 ms, and triggers and mentions ask for it
    word by word)."""
    return cached_table("lemmas", b"de_lemma_lookup+ss",
                        lambda: WordTable.from_items(with_ss_spellings(lookups_table("lemma_lookup")).items()),
                        cache=cache)


def table_lemmas(texts: list[str], table: WordTable | None = None) -> list[str]:
    """The lemma the lookup table (:func:`lemma_table`) gives each form, else the form itself, as
    :class:`LookupLemmatizer` sets it."""
    table = table if table is not None else lemma_table()
    codes = table.lookup_words(texts).tolist()
    return [text if code == MISSING else table.values[code] for text, code in zip(texts, codes)]


def with_ss_spellings(table: dict[str, str]) -> dict[str, str]:
    """The table with each form written with "ß" also under "ss", unless that spelling has an
    entry of its own: the table keeps the spelling before the 1996 reform for many strong verbs
    ("schloß", "beschloß", "erließ" are there, "schloss", "beschloss", "erliess" are not), and
    news since then writes "ss" after a short vowel (in Switzerland always)."""
    out = dict(table)
    for form, lemma in table.items():
        if "ß" in form:
            out.setdefault(form.replace("ß", "ss"), lemma)
    return out


# the tokens every line-break rule starts from: a line break or a full stop at the end
_LINE_OR_STOP = FormColumn(FORMS, lambda texts: ["\n" in text or text[-1:] == "." for text in texts], bool)


def _line_break_rules(doc: Doc, stop_words) -> list[tuple[int, bool]]:
    """Sentence starts the punctuation rules miss or invent, as (token index, starts?):

    * after every line break: headlines and captions have no full stop;
    * after an ordinal with its full stop when a capitalised function word follows
      ("König Abdullah II. Bei dem Gespräch …");
    * never on a lower-case word after a full stop ("Papst Benedikt XVI. sagte …").
    """
    texts, out = words(doc), []
    for i in numpy.flatnonzero(_LINE_OR_STOP.of(form_rows(doc)[:-1])).tolist():
        text, nxt = texts[i], texts[i + 1]
        if "\n" in text:
            out.append((i + 1, True))
        elif len(text) > 1 and ORDINAL.match(text) and nxt.istitle() and nxt.lower() in stop_words:
            out.append((i + 1, True))
        elif text == "." and nxt.isalpha() and nxt[:1].islower():
            out.append((i + 1, False))
    return out


@Language.factory("kg_line_breaks")
def make_line_breaks(nlp: Language, name: str):
    """The line-break rules (:func:`_line_break_rules`) over sentences another component made
    (a trained model's parser)."""
    stop_words = nlp.Defaults.stop_words

    def line_breaks(doc: Doc) -> Doc:
        for i, start in _line_break_rules(doc, stop_words):
            doc[i].is_sent_start = start
        return doc

    return line_breaks


@Language.factory("kg_sentencizer")
def make_sentencizer(nlp: Language, name: str):
    return Sentencizer(nlp.Defaults.stop_words)


class Sentencizer:
    """spaCy's rule-based ``sentencizer`` followed by the line-break rules, in one pass over the
    token texts: the sentences ``sentencizer`` + ``kg_line_breaks`` give, set in one array
    operation.  As in spaCy's: a sentence ends after a run of sentence-final punctuation
    (its ``default_punct_chars``) once a token follows that is not punctuation."""

    def __init__(self, stop_words):
        from spacy.pipeline import Sentencizer as SpacySentencizer

        self.punct_chars = frozenset(SpacySentencizer.default_punct_chars)
        self.final = FormColumn(FORMS, lambda texts: [text in self.punct_chars for text in texts], bool)
        # what a sentence's final punctuation may go on with: more of it, any punctuation
        self.run_on = FormColumn(FORMS, lambda texts: [text in self.punct_chars or is_punct(text) for text in texts],
                                 bool)
        self.stop_words = stop_words

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if not n:
            return doc
        rows = form_rows(doc)
        final, run = self.final.of(rows), self.run_on.of(rows)
        starts = numpy.full(n, -1, dtype="int64")
        starts[0] = 1
        after = 0          # tokens before this one belong to a run already passed
        for i in numpy.flatnonzero(final).tolist():
            if i < after:
                continue
            j = i + 1      # past the run of punctuation that ends the sentence
            while j < n and run[j]:
                j += 1
            if j < n:
                starts[j] = 1
            after = j
        for i, begins in _line_break_rules(doc, self.stop_words):
            starts[i] = 1 if begins else -1
        doc.from_array([SENT_START], starts.astype("uint64").reshape(-1, 1))
        return doc


# The lexical attributes the rules read.  spaCy works out 23 for every new word the tokenizer
# meets (shape, URL and e-mail likeness, stop word, currency, …), about a fifth of the
# tokenizer's time on new text; the blank pipeline works out these only.  A token's other
# lexical attributes (``shape_``, ``is_stop``, ``norm_``, …) are then unset.
LEXICAL_ATTRS = (LOWER, IS_ALPHA, IS_DIGIT, IS_PUNCT, IS_SPACE, LIKE_NUM)

# How many whitespace-separated chunks ("Russland.", "(dpa)", "Waffenlieferungen") the tokenizer
# keeps split, to reuse without its prefix, suffix and infix searches.  spaCy keeps 10,000 and
# stops adding at that; news in German, with its compounds, has more: the 1,028 10kGNAD test
# articles bring about 70,000 distinct chunks, and past the first 10,000 a quarter of all chunks
# were split anew every time (then 1.4 s of tokenizing a copy of that corpus, now 0.3 s).
# An entry costs about 200 bytes (14 MiB for that corpus); the cap bounds the cache to about 40 MiB.
TOKENIZER_CACHE_CHUNKS = 200_000


def build_pipeline(gazetteer: Gazetteer | None = None, model: str | None = None) -> Language:
    """A fresh pipeline; ``model`` names an installed trained German model to use instead."""
    if model:
        try:
            nlp = spacy.load(model, exclude=["ner"])
        except OSError as exc:
            raise RuntimeError(f"spaCy model {model!r} is not installed") from exc
    else:
        nlp = spacy.blank("de")
        getters = nlp.vocab.lex_attr_getters       # set before the tokenizer makes the first new word
        nlp.vocab.lex_attr_getters = {attr: getters[attr] for attr in LEXICAL_ATTRS}
        nlp.add_pipe("kg_sentencizer")
        nlp.add_pipe("kg_lemmatizer")
    nlp.tokenizer.max_cache_size = TOKENIZER_CACHE_CHUNKS
    if model:
        nlp.add_pipe("kg_line_breaks", after="sentencizer" if "sentencizer" in nlp.pipe_names else None)
    nlp.add_pipe("kg_gazetteer")
    nlp.max_length = MAX_ARTICLE_CHARS + 1         # read_article refuses longer texts
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


__all__ = [
    "MAX_SENTENCE_TOKENS", "SPAN_KEY", "Gazetteer", "build_pipeline", "capitalised", "char_offsets", "form_rows",
    "gazetteer_matches", "hyphenated", "lemma_ids", "lemma_table", "load_pipeline", "lowers", "orths",
    "positions_ending", "positions_of", "puncts", "sentence_starts", "span_text", "table_lemmas", "title_forms",
    "words",
]
