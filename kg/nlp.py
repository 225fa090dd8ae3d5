"""The one module that builds the spaCy pipeline: the German pipeline and its components.

Pipeline: ``spacy.blank("de")`` + ``kg_sentencizer`` (spaCy's sentencizer and the
line-break sentence starts in one pass) + ``kg_lemmatizer`` (spacy-lookups-data's German lookup table, the same lemmas as
spaCy's lookup lemmatizer, worked out once per word form) + ``kg_gazetteer``, a
PhraseMatcher fed from ``ontology/gazetteer.toml`` through ``initialize``.  With a
trained model (``load_pipeline("de_core_news_md")``) its tagger and parser are kept
and the gazetteer component is added to it.

:func:`words`, :func:`lowers` and :func:`sentence_starts` give a Doc's token texts and
sentence starts as plain lists, made once per Doc: every ``doc[i]`` and every pass
over a Doc makes new Token objects, which costs more than the rules that read them.
"""
from __future__ import annotations

import functools
import re
from pathlib import Path

import numpy
import spacy
from spacy.attrs import IS_ALPHA, IS_DIGIT, IS_PUNCT, IDX, IS_SPACE, LEMMA, LIKE_NUM, LOWER, ORTH, SENT_START, SPACY
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from kg.article import MAX_ARTICLE_CHARS
from kg.gazetteer import ADJECTIVE_ENDINGS, Gazetteer, default_gazetteer, load_gazetteer, title_forms  # noqa: F401
from kg.resources import lookups_table
from kg.wordtable import MISSING, WordTable, cached_table

SPAN_KEY = "kg_gazetteer"
ORDINAL = re.compile(r"^(?:[IVX]+|\d{1,2}|\d{1,2}:\d{1,2})\.$")   # "II.", "3.", a score "1:0."


def genitive(form: str) -> str | None:
    if form[-1:] in {"s", "x", "z", "ß"} or not form[-1:].isalpha():
        return None
    return form + "s"


def _cached_list(doc: Doc, name: str, make) -> list:
    """``make(doc)``, kept in the Doc's user data until its number of tokens changes."""
    cached = doc.user_data.get(name)
    if cached is None or cached[1] != len(doc):
        cached = doc.user_data[name] = (make(doc), len(doc))
    return cached[0]


def orths(doc: Doc) -> numpy.ndarray:
    """Each token's ``ORTH`` id (spaCy's hash of its text), one array made once per Doc."""
    return _cached_list(doc, "kg_orths", lambda d: d.to_array(ORTH))


def words(doc: Doc) -> list[str]:
    """The text of each token (``token.text``), as one list made once per Doc."""
    return _cached_list(doc, "kg_words", lambda d: [d.vocab.strings[h] for h in orths(d).tolist()])


def lowers(doc: Doc) -> list[str]:
    """The lower-case text of each token (``token.lower_``, which spaCy makes with
    ``str.lower``), made once per Doc."""
    return _cached_list(doc, "kg_lowers", lambda d: [word.lower() for word in words(d)])


def span_text(doc: Doc, start: int, end: int) -> str:
    """``doc[start:end].text`` from the word list, without a Span or Token object: the words
    with their trailing spaces, but for the last one's."""
    texts = words(doc)
    if end - start <= 1:
        return texts[start] if end > start else ""
    spaces = _cached_list(doc, "kg_spaces", lambda d: d.to_array(SPACY).tolist())
    return "".join(texts[i] + " " if spaces[i] else texts[i] for i in range(start, end - 1)) + texts[end - 1]


def char_offsets(doc: Doc) -> list[int]:
    """Each token's character offset in the Doc's text (``token.idx``), made once per Doc."""
    return _cached_list(doc, "kg_idx", lambda d: d.to_array(IDX).tolist())


def capitalised(doc: Doc) -> list[int]:
    """The indexes of the tokens whose text starts with an upper-case letter (made once per
    Doc): the only ones a name or a noun can start at."""
    return _cached_list(doc, "kg_capitalised", lambda d: [i for i, w in enumerate(words(d)) if w[:1].isupper()])


def sentence_starts(doc: Doc) -> list[int]:
    """The token index each sentence starts at, in order (made once per Doc): the starts of
    ``doc.sents``, read from the Doc's sentence-start array (``doc.sents`` makes a Token
    object per token to check that sentences are set), a sentence longer than
    ``MAX_SENTENCE_TOKENS`` cut into windows (:func:`_windows`)."""
    return _cached_list(doc, "kg_sentence_starts", _sentence_starts)


def _sentence_starts(doc: Doc) -> list[int]:
    if "sents" in doc.user_hooks:
        starts = [s.start for s in doc.sents]
    elif not len(doc):
        return []
    else:
        starts = numpy.flatnonzero(doc.to_array(SENT_START).astype("int64") == 1).tolist()
        starts = starts if starts[:1] == [0] else [0] + starts
    return _windows(words(doc), starts)


# The most tokens a sentence has for analysis.  The rules look at a sentence as a whole (its
# clauses, mentions and cues, again for each trigger), so their work grows with the square of
# its length: a text without full stops would be one sentence of 100,000 tokens.  A longer
# run is cut into windows of at most this many tokens.  The longest sentences of the 10kGNAD
# articles have 364 and 453 tokens (lists), real news sentences fewer than 120: ordinary
# text keeps its sentences as they are.
MAX_SENTENCE_TOKENS = 500
# where a window may end, best first: after a line break, a clause break, a comma, a space
_WINDOW_BREAKS = ({";", ":", "–", "—", "(", ")", "?", "!"}, {","})


def _window_end(texts: list[str], start: int) -> int:
    """Where the window starting at ``start`` ends: after the best break in its second half
    (the latest of the best kind), else after ``MAX_SENTENCE_TOKENS`` tokens."""
    best, best_rank = start + MAX_SENTENCE_TOKENS, 9
    for j in range(start + MAX_SENTENCE_TOKENS - 1, start + MAX_SENTENCE_TOKENS // 2 - 1, -1):
        text = texts[j]
        if "\n" in text:
            return j + 1
        rank = 1 if text in _WINDOW_BREAKS[0] else 2 if text in _WINDOW_BREAKS[1] else 3 if text.isspace() else 9
        if rank < best_rank:
            best, best_rank = j + 1, rank
    return best


def _windows(texts: list[str], starts: list[int]) -> list[int]:
    """``starts`` with every sentence longer than ``MAX_SENTENCE_TOKENS`` cut into windows."""
    ends = starts[1:] + [len(texts)]
    if all(end - start <= MAX_SENTENCE_TOKENS for start, end in zip(starts, ends)):
        return starts
    out = []
    for start, end in zip(starts, ends):
        out.append(start)
        while end - start > MAX_SENTENCE_TOKENS:
            start = _window_end(texts, start)
            out.append(start)
    return out


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
        self.by_orth: dict[int, int] = {}

    def initialize(self, get_examples=None, nlp=None):
        self.table = lemma_table()          # word form -> lemma, about 355,000 forms
        self.by_orth = {}

    def _learn(self, new: list[int]) -> None:
        """Work out the lemmas of word forms not seen before."""
        if self.table is None:
            self.initialize()
        strings, values, known = self.vocab.strings, self.table.values, self.by_orth
        new = list(dict.fromkeys(new))
        for orth, code in zip(new, self.table.lookup(new).tolist()):
            known[orth] = orth if code == MISSING else strings.add(values[code])

    def __call__(self, doc: Doc) -> Doc:
        if len(doc):
            ids = orths(doc).tolist()
            known = self.by_orth
            found = [known.get(orth) for orth in ids]
            if None in found:
                self._learn([orth for orth, lemma in zip(ids, found) if lemma is None])
                found = [known[orth] for orth in ids]
            doc.from_array([LEMMA], numpy.array(found, dtype="uint64").reshape(-1, 1))
        return doc


def lemma_table(cache: bool = True) -> WordTable:
    """spacy-lookups-data's German lemma table (form -> lemma) as a cached word table."""
    return cached_table("lemmas", b"de_lemma_lookup",
                        lambda: WordTable.from_items(lookups_table("lemma_lookup").items()), cache=cache)


def _line_break_rules(texts: list[str], stop_words) -> list[tuple[int, bool]]:
    """Sentence starts the punctuation rules miss or invent, as (token index, starts?):

    * after every line break: headlines and captions have no full stop;
    * after an ordinal with its full stop when a capitalised function word follows
      ("König Abdullah II. Bei dem Gespräch …");
    * never on a lower-case word after a full stop ("Papst Benedikt XVI. sagte …").
    """
    out = []
    # every rule needs a line break or a full stop: only those tokens are looked at
    for i in [n for n, text in enumerate(texts[:-1]) if "\n" in text or text[-1:] == "."]:
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
        for i, start in _line_break_rules(words(doc), stop_words):
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
        self.stop_words = stop_words

    def __call__(self, doc: Doc) -> Doc:
        texts = words(doc)
        if not texts:
            return doc
        punct = doc.to_array(IS_PUNCT).tolist()
        final, n = self.punct_chars, len(texts)
        starts = [-1] * n
        starts[0] = 1
        after = 0          # tokens before this one belong to a run already passed
        for i in [k for k, text in enumerate(texts) if text in final]:
            if i < after:
                continue
            j = i + 1      # past the run of punctuation that ends the sentence
            while j < n and (punct[j] or texts[j] in final):
                j += 1
            if j < n:
                starts[j] = 1
            after = j
        for i, begins in _line_break_rules(texts, self.stop_words):
            starts[i] = 1 if begins else -1
        doc.from_array([SENT_START], numpy.array(starts, dtype="int64").astype("uint64").reshape(-1, 1))
        return doc


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
        self._labels: dict[int, tuple[str, str]] = {}     # match id -> (label, key)
        self._guarded: set[str] = set()                   # keys of places named by a common word
        self._not_after: frozenset[str] = frozenset()
        self._places: frozenset[str] = frozenset()        # keys of GeoNames places (the club guard's)
        self._clubs = None

    def initialize(self, get_examples=None, nlp=None, gazetteer=None):
        gazetteer = gazetteer or (load_gazetteer(Path(self.gazetteer_path)) if self.gazetteer_path
                                  else default_gazetteer())
        self._labels = {}
        self.matcher = PhraseMatcher(self.vocab, attr="LOWER")
        patterns: dict[tuple[str, str], set[str]] = {}

        def add(label: str, key: str, form: str) -> None:
            patterns.setdefault((label, key), set()).add(form)

        self._guarded = {entry.key for entry in gazetteer.entries.values() if entry.common_word}
        self._not_after = gazetteer.not_before_common
        self._places = frozenset(entry.key for entry in gazetteer.entries.values() if entry.geonames is not None)
        self._clubs = gazetteer.clubs
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
            # a plain word is its own one-token Doc (the tokenizer would give the same, slower)
            docs = [Doc(self.vocab, words=[form]) if form.isalpha() else self._tokenizer(form)
                    for form in sorted(forms)]
            self.matcher.add(f"{label}|{key}", docs)

    def __call__(self, doc: Doc) -> Doc:
        labels = self._labels
        found = []
        for match_id, start, end in self.matcher(doc):
            label_key = labels.get(match_id)
            if label_key is None:
                label_key = labels[match_id] = tuple(self.vocab.strings[match_id].split("|", 1))
            found.append((start, end) + label_key)
        # longest match wins; ties keep names over adjectives and titles
        found.sort(key=lambda m: (m[0] - m[1], RANK.get(m[2], 9), m[0]))
        taken: set[int] = set()
        kept = []
        blocked: list[tuple[int, int]] = []     # blocked names kept ("Red Bull Salzburg")
        for match in found:
            start, end, label, key = match
            if taken.isdisjoint(range(start, end)):
                taken.update(range(start, end))
                if label == "blocked":
                    blocked.append((start, end))
                # a name written all in lower case is a word ("uns" is no genitive of "UN")
                if label != "blocked" and not (label in NAME_LABELS and span_text(doc, start, end).islower()) \
                        and (key not in self._guarded or common_word_is_name(doc, start, end, self._not_after)):
                    kept.append(match)
        if self._clubs is not None and self._places:
            kept = without_clubs(doc, found, kept, blocked, self._places, self._clubs)
        kept.sort()
        doc.spans[SPAN_KEY] = [Span(doc, start, end, label=label, kb_id=key) for start, end, label, key in kept]
        doc.user_data[SPAN_KEY] = (kept, len(doc))
        return doc


SCORE = re.compile(r"(?<![\d.:])\d{1,2}:\d{1,2}(?![\d:])")     # "3:2", "2:0-Sieg", "(0:1)"; not "16:30:00"


def without_clubs(doc: Doc, found: list, kept: list, blocked: list, places: frozenset[str], guard) -> list:
    """``kept`` without the GeoNames places (``places``) that name a sports club or a state
    (:func:`club_or_state`); and, one sense per article, without the other mentions of a town
    the article once names as a club ("VfL Wolfsburg" … "Wolfsburg verlor"; a blocked club
    name such as "Red Bull Salzburg" counts), but the dateline's ("Salzburg – ")."""
    clubs: set[str] = set()
    if blocked:
        for start, end, label, key in found:
            if key in places and any(b <= start and end <= e for b, e in blocked):
                clubs.add(key)
    out = []
    for match in kept:
        start, end, label, key = match
        why = club_or_state(doc, start, end, guard) if key in places and label in NAME_LABELS else None
        if why == "club":
            clubs.add(key)
        elif why is None:
            out.append(match)
    if not clubs:
        return out
    return [m for m in out if m[3] not in clubs or _in_dateline(doc, m[0])]


DASHES = frozenset({"–", "-", "—"})


def _in_dateline(doc: Doc, i: int) -> bool:
    """Is token ``i`` in a dateline ("Graz/Salzburg – Sturm …", after the title as well): from a
    sentence's start, capitalised words and slashes up to a dash?"""
    j = i
    while not doc[j].is_sent_start:
        j -= 1
        if i - j > 6 or not (doc[j].text[:1].isupper() or doc[j].text == "/"):
            return False
    for k in range(i + 1, min(len(doc), i + 7)):
        if doc[k].text in DASHES:
            return True
        if not (doc[k].text[:1].isupper() or doc[k].text == "/"):
            return False
    return False


def club_or_state(doc: Doc, start: int, end: int, guard) -> str | None:
    """Why the town's name at ``start:end`` names no town, or None: "club" after a club word
    ("FC Ingolstadt", "Red Bull Salzburg"), before a club number or team name ("Hannover 96",
    "Dallas Mavericks"), in a squad list ("Klein (Stuttgart, 2/0)"), after a league word
    ("Tabellenführer Salzburg"), after a match and "gegen" ("Sieg gegen Salzburg"), near a
    score ("gegen Dallas 3:2"); "state" after "Land", "Bundesland" ("Land Salzburg")."""
    prev = [doc[i].lower_ for i in range(max(0, start - 2), start)]
    if prev and prev[-1] in guard.states:
        return "state"
    if any(tuple(prev[-n:]) in guard.before for n in (1, 2) if len(prev) >= n):
        return "club"
    if prev and prev[-1] in guard.titles:
        return "club"
    if end < len(doc):
        nxt = doc[end]
        if (nxt.text.isdigit() and len(nxt.text) <= 2) or nxt.lower_ in guard.after:
            return "club"
        if prev and prev[-1] == "(" and nxt.text == "," and end + 1 < len(doc) and doc[end + 1].text[:1].isdigit():
            return "club"       # a squad list: "Florian Klein (Stuttgart, 2/0)"
    if prev and prev[-1] == "gegen" and any(doc[i].lower_ in guard.results for i in range(max(0, start - 5), start - 1)):
        return "club"
    if guard.score_window:
        sent = doc[start].sent
        lo, hi = max(sent.start, start - guard.score_window), min(sent.end, end + guard.score_window)
        for i in range(lo, hi):
            if (i < start or i >= end) and SCORE.search(doc[i].text) \
                    and not (i + 1 < len(doc) and doc[i + 1].lower_ == "uhr"):
                return "club"
    return None


def common_word_is_name(doc: Doc, start: int, end: int, not_after: frozenset[str]) -> bool:
    """Does the place name at ``start:end``, which is also a German word ("Essen", "Halle"),
    stand where that word cannot: not at a sentence's start, not after an article, determiner
    or quantifier (``not_after``), not after an inflected adjective ("gutes Essen": a lower-case
    word in -e/-en/-em/-er/-es whose lemma is not a verb's), not before another capitalised
    word ("Nancy Faeser")?"""
    if start == 0 or doc[start].is_sent_start:
        return False
    prev = doc[start - 1]
    if prev.lower_ in not_after or prev.like_num:
        return False        # "nach drei Siegen", "bei 13 Siegen": a plural noun
    text, lemma = prev.text, prev.lemma_
    if text.islower() and (text.endswith(("em", "es")) or (text.endswith(("e", "en", "er")) and lemma
                                                           and lemma != text and not lemma.endswith("n"))):
        return False        # no finite verb ends in -em or -es; an inflected verb's lemma ends in -n
    if end < len(doc):
        nxt = doc[end]
        if nxt.text[:1].isupper() and nxt.is_alpha and not nxt.is_sent_start:
            return False
    return True


RANK = {"blocked": -1, "name": 0, "gen": 1, "title": 2, "short": 3, "short_gen": 4, "adj": 5}
NAME_LABELS = frozenset({"name", "gen", "short", "short_gen"})


def gazetteer_matches(doc: Doc) -> list[tuple[int, int, str, str]]:
    """The gazetteer's spans (``doc.spans["kg_gazetteer"]``) as (start, end, label, key), in
    text order; as the matcher left them, without making Span objects again."""
    return _cached_list(doc, SPAN_KEY, lambda d: [(s.start, s.end, s.label_, s.kb_id_) for s in d.spans[SPAN_KEY]])


# The lexical attributes the rules read.  spaCy works out 23 for every new word the tokenizer
# meets (shape, URL and e-mail likeness, stop word, currency, …), about a fifth of the
# tokenizer's time on new text; the blank pipeline works out these only.  A token's other
# lexical attributes (``shape_``, ``is_stop``, ``norm_``, …) are then unset.
LEXICAL_ATTRS = (LOWER, IS_ALPHA, IS_DIGIT, IS_PUNCT, IS_SPACE, LIKE_NUM)


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
