"""A Doc's token texts, offsets and sentence starts as plain lists, made once per Doc.

Every ``doc[i]`` and every pass over a Doc makes new Token objects, which costs more
than the rules that read them; these lists are made once and kept in ``doc.user_data``
until the Doc's length changes.  A sentence longer than ``MAX_SENTENCE_TOKENS`` is cut
into windows, so that the rules' work stays linear in the text's length.
"""
from __future__ import annotations

import functools

import numpy
from spacy.attrs import IDX, IS_PUNCT, LEMMA, ORTH, SENT_START, SPACY
from spacy.tokens import Doc

from kg.formindex import FORMS, FormColumn


def _cached_list(doc: Doc, name: str, make) -> list:
    """``make(doc)``, kept in the Doc's user data until its number of tokens changes."""
    cached = doc.user_data.get(name)
    if cached is None or cached[1] != len(doc):
        cached = doc.user_data[name] = (make(doc), len(doc))
    return cached[0]


def orths(doc: Doc) -> numpy.ndarray:
    """Each token's ``ORTH`` id (spaCy's hash of its text), one array made once per Doc."""
    return _cached_list(doc, "kg_orths", lambda d: d.to_array(ORTH))


def form_rows(doc: Doc) -> numpy.ndarray:
    """Each token's row in the process's index of word forms (:mod:`kg.formindex`), made
    once per Doc: what the rules ask of a form is read for the whole Doc from those rows."""
    cached = doc.user_data.get("kg_form_rows")
    if cached is None or cached[1] != len(doc) or cached[2] != FORMS.generation:
        rows = FORMS.rows(orths(doc), doc.vocab.strings)
        cached = doc.user_data["kg_form_rows"] = (rows, len(doc), FORMS.generation)
    return cached[0]


def words(doc: Doc) -> list[str]:
    """The text of each token (``token.text``), as one list made once per Doc (each form's
    ``str`` made once per process: ``StringStore`` decodes a new one at every look-up)."""
    return _cached_list(doc, "kg_words", lambda d: FORMS.texts_of(form_rows(d)).tolist())


_LOWER = FormColumn(FORMS, lambda texts: list(map(str.lower, texts)))      # what spaCy's LOWER is


def lowers(doc: Doc) -> list[str]:
    """The lower-case text of each token (``token.lower_``), made once per Doc."""
    return _cached_list(doc, "kg_lowers", lambda d: _LOWER.of(form_rows(d)).tolist())


def lemma_ids(doc: Doc) -> list[int]:
    """Each token's ``LEMMA`` id (the hash of ``token.lemma_``), made once per Doc."""
    return _cached_list(doc, "kg_lemma_ids", lambda d: d.to_array(LEMMA).tolist())


def puncts(doc: Doc) -> list[bool]:
    """Whether each token is punctuation (``token.is_punct``), made once per Doc."""
    return _cached_list(doc, "kg_puncts", lambda d: [bool(v) for v in d.to_array(IS_PUNCT).tolist()])


def positions_of(doc: Doc, vocabulary: frozenset[str]) -> list[int]:
    """The indexes of the tokens whose lower-case text is in ``vocabulary`` (lower-case words),
    found for the whole Doc in one array operation: a column of the form index per vocabulary,
    kept for the 64 last asked about (a word list of the cues, not one made per Doc)."""
    return numpy.flatnonzero(_membership(vocabulary).of(form_rows(doc))).tolist()


@functools.lru_cache(maxsize=64)
def _membership(vocabulary: frozenset[str]) -> FormColumn:
    return FormColumn(FORMS, lambda texts: [text.lower() in vocabulary for text in texts], bool)


def positions_ending(doc: Doc, suffixes: tuple[str, ...]) -> list[int]:
    """The indexes of the tokens whose lower-case text ends with one of ``suffixes`` (lower
    case; a word list of the cues: its column is kept as :func:`positions_of`'s is)."""
    return numpy.flatnonzero(_ending(suffixes).of(form_rows(doc))).tolist() if suffixes else []


@functools.lru_cache(maxsize=64)
def _ending(suffixes: tuple[str, ...]) -> FormColumn:
    return FormColumn(FORMS, lambda texts: [text.lower().endswith(suffixes) for text in texts], bool)


_HYPHENATED = FormColumn(FORMS, lambda texts: ["-" in text for text in texts], bool)


def hyphenated(doc: Doc) -> list[int]:
    """The indexes of the tokens with a hyphen ("US-Präsident", "Putin-Besuch"), made once per Doc."""
    return _cached_list(doc, "kg_hyphenated", lambda d: numpy.flatnonzero(_HYPHENATED.of(form_rows(d))).tolist())


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


_CAPITALISED = FormColumn(FORMS, lambda texts: [text[:1].isupper() for text in texts], bool)


def capitalised(doc: Doc) -> list[int]:
    """The indexes of the tokens whose text starts with an upper-case letter (made once per
    Doc): the only ones a name or a noun can start at."""
    return _cached_list(doc, "kg_capitalised", lambda d: numpy.flatnonzero(_CAPITALISED.of(form_rows(d))).tolist())


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
