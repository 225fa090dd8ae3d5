"""Robustness of reading and extraction on any text (issue 12: nothing lost, nothing broken,
nothing hangs).

Hypothesis feeds the article reader random bytes and the extractor random text: any
unicode, control characters, NUL, lone surrogates, very long lines, no punctuation at all,
and German-looking word salad of gazetteer names and cue words in sentences of thousands of
tokens.  Reading may only fail with :class:`kg.errors.InputError`; extraction may not fail,
and every statement's evidence must point back into the article.  The size ladder times
extraction of texts of n, 2n, 4n and 8n tokens without full stops side by side: the time
must grow about linearly, not with the square of a sentence's length.
"""
from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.article import parse_article, read_article
from kg.errors import InputError
from kg.extraction import extract_article
from kg.model import Extraction

# gazetteer names, relation triggers, modality cues and glue: what a rule reacts to
NAMES = ["Putin", "Russland", "Nordkorea", "Kim Jong Un", "Pjöngjang", "Ukraine", "Kiew", "EU",
         "Merkel", "Moskau", "Lukaschenko", "Belarus", "russische", "Präsident", "Kreml", "UN-Sanktionen"]
CUES = ["liefert", "traf", "Sanktionen", "nicht", "soll", "besuchte", "Besuch", "unterzeichnete",
        "Lieferung", "an", "mit", "gegen", "von", "sagte", "laut", "wird", "dementierte", "angeblich",
        "er", "der", "die", "Waffen", "Raketen", "am", "Dienstag"]
GLUE = [",", "und"]
SALAD = NAMES + CUES + GLUE
FILLER = ["Haus", "gestern", "neue", "Regierung", "Stadt", "sehr", "viele", "Menschen", "hatte",
          "einen", "Bericht", "über", "zwei", "Jahre", "lang", "Leute", "große", "Frage"]

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# any code point a str can hold, lone surrogates and control characters included
any_char = st.characters(exclude_categories=())
any_text = st.text(any_char, max_size=400)
separators = st.sampled_from([" ", " ", " ", "  ", "\n", "\t", "", "\x00", "\u00a0", "\r\n", "\ud800"])


@st.composite
def word_salad(draw, max_words: int = 400) -> str:
    words = draw(st.lists(st.sampled_from(SALAD + FILLER), min_size=1, max_size=max_words))
    seps = draw(st.lists(separators, min_size=len(words), max_size=len(words)))
    return "".join(w + s for w, s in zip(words, seps))


@st.composite
def long_line(draw) -> str:
    """One line of thousands of characters: a word or a random piece repeated."""
    piece = draw(st.one_of(st.sampled_from(SALAD), st.text(any_char, min_size=1, max_size=8)))
    return (piece + draw(st.sampled_from(["", " "]))) * draw(st.integers(200, 2000))


texts = st.one_of(any_text, word_salad(), long_line(),
                  st.tuples(word_salad(), any_text, word_salad()).map("".join))


def check_evidence(extraction: Extraction) -> None:
    text = extraction.article.text
    for n, sentence in enumerate(extraction.sentences):
        assert sentence.index == n
        assert text[sentence.start_char:sentence.end_char] == sentence.text
    for st_ in extraction.statements:
        sentence = extraction.sentences[st_.sentence]
        assert sentence.start_char <= st_.trigger_char < sentence.end_char
        if not st_.contradicts:            # a denial points at its cue, the trigger is the claim's
            assert text.startswith(st_.trigger, st_.trigger_char)


@SETTINGS
@given(st.one_of(st.binary(max_size=2000), texts.map(lambda t: t.encode("utf-8", "surrogatepass"))))
def test_read_article_fails_only_with_input_error(raw):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "a.txt"
        path.write_bytes(raw)
        try:
            article = read_article(path)
        except InputError:
            return
    assert article.text[article.body_start:] == article.body


@SETTINGS
@given(texts, st.sampled_from(["", " date 2024-06 ", "date 2015-03-01\n"]))
def test_parse_and_extract_any_text(text, date_line):
    article = parse_article(date_line + text, identifier="t")
    check_evidence(extract_article(article))


@SETTINGS
@given(word_salad(max_words=3000))
def test_extract_word_salad_without_full_stops(text):
    check_evidence(extract_article(parse_article(" date 2024-06 " + text, identifier="t")))


def test_extract_one_huge_sentence_of_cues():
    """Thousands of tokens of names and cues, no full stop: statements, all with evidence."""
    rng = random.Random(12)
    text = " ".join(rng.choice(SALAD) for _ in range(6000))
    extraction = extract_article(parse_article(" date 2024-06 " + text, identifier="t"))
    check_evidence(extraction)
    assert extraction.statements


# ----------------------------------------------------------------- linear time
LADDER_N = 2000           # tokens of the smallest text: large enough that noise does not dominate


def _unpunctuated(tokens: int, seed: int) -> str:
    """Words, names and cues with no punctuation at all: one sentence of ``tokens`` tokens."""
    rng = random.Random(seed)
    pool = FILLER * 3 + NAMES + [c for c in CUES]
    return " ".join(rng.choice(pool) for _ in range(tokens))


def _dense(tokens: int, seed: int) -> str:
    """Cue words, names, commas and "und" only, no full stop: a trigger every few tokens."""
    rng = random.Random(seed)
    return " ".join(rng.choice(SALAD) for _ in range(tokens))


def _seconds(text: str) -> float:
    article = parse_article(" date 2024-06 " + text, identifier="t")
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        extract_article(article)
        best = min(best, time.perf_counter() - started)
    return best


@pytest.mark.parametrize("make", [_unpunctuated, _dense], ids=["no-punctuation", "cues-dense"])
def test_extraction_time_grows_linearly(make):
    extract_article(parse_article("Putin traf Kim in Pjöngjang.", identifier="warm"))
    sizes = [LADDER_N * k for k in (1, 2, 4, 8)]
    times = [_seconds(make(size, seed=size)) for size in sizes]
    figures = ", ".join(f"{size} tokens {t:.3f} s" for size, t in zip(sizes, times))
    # linear: 8; quadratic: 64.  Allow 2.5 times linear for the noise of a shared machine
    assert times[-1] / times[0] < 8 * 2.5, f"t(8n)/t(n) = {times[-1] / times[0]:.1f}: {figures}"
