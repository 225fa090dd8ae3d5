"""The forms a token is matched against the cue lists by: its own, its lemma, and its lemma joined to
the separable particle that closes its segment ("werfen … vor": "vorwerfen"); and a cheap gate that
leaves most tokens of a sentence before any of that is worked out."""
from __future__ import annotations

from spacy.tokens import Doc, Token

from kg.extraction.context import Ctx
from kg.nlp import lemma_ids, lowers, words


def word_forms(ctx: Ctx, token: Token) -> set[str]:
    """Surface form, lemma and, for a split separable verb, particle + lemma
    ("werfen … vor" -> "vorwerfen", "wies … zurück" -> "zurückweisen")."""
    low, lemma = token.lower_, token.lemma_.lower()
    found = {low, lemma}
    if token.text[:1].islower():
        seg_start, seg_end = ctx.segments[ctx.seg_of(token.i)]
        texts = words(ctx.doc)
        last = last_word_before(ctx.doc, seg_end)          # the segment's last word
        if last > token.i and texts[last].lower() in ctx.cues.particles:     # german.toml's
            found.add(texts[last].lower() + lemma)
    return found


def gated_tokens(ctx: Ctx, *names: str) -> list[Token]:
    """The sentence's tokens that may have a form in the word lists ``names`` (:meth:`Cues.gate`):
    the cheap test on the Doc's word and lemma lists first, a Token object only for those few."""
    vocabulary, stems = ctx.cues.gate(*names)
    doc = ctx.doc
    low, lemmas, strings = lowers(doc), lemma_ids(doc), doc.vocab.strings
    return [doc[i] for i in range(ctx.sent.start, ctx.sent.end)
            if low[i] in vocabulary or strings[lemmas[i]].lower() in stems]


def last_word_before(doc: Doc, k: int) -> int:
    """The index of the last word before token ``k`` (a token with a letter or digit:
    "US-Außenamtssprecher", "2019", not punctuation), or -1."""
    texts = words(doc)
    j = k - 1
    while j >= 0 and not any(c.isalnum() for c in texts[j]):
        j -= 1
    return j
