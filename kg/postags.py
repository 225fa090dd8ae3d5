"""Part-of-speech tags (STTS) and verb lemmas for the clause layer, two sources:

* ``"hanta"``: the HanTa tagger (Wartena 2019, a German morphological tagger trained on
  news; PyPI ``HanTa``).  About 3,900 tokens/s in pure Python, 0.1–0.3 s and ~32 MB to
  load; its lemmas join separable particles and undo participles ("eingetroffen" ->
  "eintreffen", "getroffen" -> "treffen", where the lookup table says "triefen").
  Sentences are tagged one at a time and kept by their words (:func:`hanta_tags`, an LRU
  cache), so a sentence seen again costs nothing.
* ``"lexical"``: no model: the closed word classes of ``ontology/german.toml``, spacy-lookups-
  data's lemma table (``kg.nlp.lemma_table``) and suffix rules (:func:`lexical_tags`).
  About ten times HanTa's speed (40,000 tokens/s) but it knows no verb it cannot see in the lemma table
  and guesses participles and separable particles from their shape and position.

Tags are the STTS tags without HanTa's brackets ("VVFIN", "VAFIN", "VVPP", "PTKVZ",
"PRELS", "KOUS", "NN", "NE", "ART", "APPR"…); whitespace tokens get "_SP".  A Doc's
tags and lemmas are two plain lists in ``doc.user_data`` (as ``kg.nlp`` keeps its word
lists), filled sentence by sentence when :func:`tag_range` is asked for one: the
extractor tags only sentences that hold a cue.
"""
from __future__ import annotations

import functools
import re

from kg.closed_classes import PUNCT_FINAL, auxiliary_of, closed
from kg.german import German, default_german

SOURCES = ("hanta", "lexical", "auto")
_BRACKET = re.compile(r"[()]")
# HanTa's own tags for what STTS calls otherwise: NNA / NNI are nouns it analyses as
# nominalised adjectives or infinitives ("Drohnen" came out NNA), PROAV is STTS's PAV
_HANTA_TO_STTS = {"NNA": "NN", "NNI": "NN", "PROAV": "PAV", "UNKNOWN": "XY"}


@functools.lru_cache(maxsize=1)
def hanta_model():
    """The HanTa tagger with its German model (loaded once)."""
    from HanTa import HanoverTagger

    tagger = HanoverTagger.HanoverTagger("morphmodel_ger.pgz")
    # HanTa analyses every word anew in every sentence (the morpheme Viterbi is 90% of its time);
    # both analyses depend on the word (and its tag) only, so they are kept per word form:
    # news repeats its words, and a corpus gets about four times faster (tools/clause_report.py)
    tagger.analyze_forward = functools.lru_cache(maxsize=200_000)(tagger.analyze_forward)
    tagger._analyze = functools.lru_cache(maxsize=200_000)(tagger._analyze)
    return tagger


@functools.lru_cache(maxsize=8192)
def hanta_tags(words: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(tags, lemmas) of one sentence's words by HanTa."""
    if not words:
        return (), ()
    tagged = hanta_model().tag_sent(list(words), taglevel=1)
    tags = (_BRACKET.sub("", tag) for _, _, tag in tagged)
    return tuple(_HANTA_TO_STTS.get(tag, tag) for tag in tags), tuple(lemma for _, lemma, _ in tagged)


@functools.lru_cache(maxsize=100_000)
def proper_noun(word: str) -> bool:
    """Does HanTa take ``word`` alone for a proper noun (NE) rather than a common noun, by a clear
    margin ("Rheinmetall", "Lukoil", "Lula"; not "Munition", "Kampfjets", "Biden")?  A word's own
    analysis, no sentence: a third of a millisecond, kept per word."""
    scores = dict(hanta_model().tag_word(word))
    if max(scores, key=scores.get, default=None) != "NE":
        return False
    common = max((v for tag, v in scores.items() if tag.startswith("NN")), default=None)
    return common is None or scores["NE"] - common >= PROPER_MARGIN


PROPER_MARGIN = 1.5      # log-probability: "Lula" NE -31.6 / NN -35.4 passes, "Milei" -32.5 / -33.3 does not


@functools.lru_cache(maxsize=1)
def _lemma_table():
    from kg.nlp import lemma_table

    return lemma_table()


@functools.lru_cache(maxsize=200_000)
def lemma_of(word: str) -> str | None:
    """The lookup table's lemma of a word form, or None (kept per form: a table lookup is a
    binary search in numpy, 10 µs)."""
    return _lemma_table().get(word)


@functools.lru_cache(maxsize=1)
def _lemma_values() -> frozenset[str]:
    return frozenset(_lemma_table().values)


def is_lemma(word: str) -> bool:
    """Is ``word`` the lemma of some form in the lookup table ("führen" of "führte")?"""
    return word in _lemma_values()


def is_word(word: str) -> bool:
    """Is ``word``, as written, a German word of the lookup table (a form or a lemma)?"""
    return lemma_of(word) is not None or is_lemma(word)


def is_infinitive(low: str) -> bool:
    """Is ``low`` an infinitive by its own forms, whatever the table says of it ("führen", which the
    table makes Konjunktiv II of "fahren", since "führt" and "führte" are forms of "führen"; not
    "bestritten")?"""
    if not _verbish(low):
        return False
    stem = low[:-2] if low.endswith("en") else low[:-1]
    return lemma_of(stem + "t") == low or lemma_of(stem + "te") == low


def _verbish(lemma: str | None) -> bool:
    return bool(lemma) and lemma[:1].islower() and lemma.endswith(("en", "ern", "eln")) and lemma != "einen"


@functools.lru_cache(maxsize=20_000)
def verb_number(word: str | None) -> str | None:
    """ "sg" or "pl" for a lower-case finite verb form of the third person, None for a word that is
    no finite verb: "traf", "reiste", "trifft", "hat", "ist" -> "sg"; "trafen", "treffen", "sind",
    "haben" -> "pl" (a plural present has the infinitive's form)."""
    if not word or not word[:1].islower():
        return None
    verbs = default_german()["verbs"]
    auxiliary = any(word in verbs[f"{aux}_{kind}"] for aux in ("haben", "sein", "werden")
                    for kind in ("present", "past", "subjunctive1", "subjunctive2"))
    if auxiliary or word in verbs["modal_present"] or word in verbs["modal_past"] \
            or word in verbs["modal_subjunctive2"] or word in verbs["modal_subjunctive1"]:
        return "pl" if word.endswith("n") or word == "sind" else "sg"
    lemma = lemma_of(word)
    if not _verbish(lemma) or word.endswith(("st", "e", "t")) and lemma_of(word + "n") == word + "n":
        return None       # no verb, or an adjective of a participle ("vergangene")
    return "pl" if word.endswith("n") else "sg"


@functools.lru_cache(maxsize=100_000)
def _participle_lemma(low: str, g: German) -> str | None:
    """"geliefert" -> "liefern", "eingetroffen" -> "eintreffen", "verhängt" -> "verhängen"."""
    if low.endswith(("ene", "enen", "ener", "enes", "enem", "te", "ten", "ter", "tes", "tem")):
        return None           # an inflected participle is an adjective ("vergangenen", "gelieferten")
    known = lemma_of(low)
    particles = g["verbs"]["separable_particles"]
    prefix = next((p for p in sorted(particles, key=len, reverse=True)
                   if low.startswith(p + "ge") and len(low) > len(p) + 4), "")
    rest = low[len(prefix):]
    if rest.startswith("ge"):
        rest = rest[2:]
    elif not prefix and not low.startswith(tuple(g["verbs"]["inseparable_prefixes"])):
        return None
    if rest.endswith("t"):
        base = rest[:-1] + ("n" if rest.endswith(("ert", "elt")) else "en")
    elif rest.endswith("en"):
        base = rest
    else:
        return None
    bases = {base, rest[:-2] + "en", rest[:-1] + "n"} if rest.endswith("t") else {base}
    if not prefix and not low.startswith("ge") and known and known not in bases and rest.endswith("t"):
        return None           # "bestritt" (bestreiten): a past tense, not "bestritt-en"
    if known and _verbish(known) and (not prefix or known.startswith(prefix)):
        return known
    guess = prefix + base
    return guess if (lemma_of(base) or lemma_of(guess) or _verbish(known)) else None


def lexical_tags(words: list[str], g: German | None = None) -> tuple[list[str], list[str]]:
    """(tags, lemmas) of one sentence's words without a model (see the module's note)."""
    g = g or default_german()
    tags, lemmas = [], []
    for i, word in enumerate(words):
        low = word.lower()
        prev = words[i - 1] if i else ""
        nxt = words[i + 1] if i + 1 < len(words) else ""
        lemma = lemma_of(word) or lemma_of(low) or word
        if not any(c.isalnum() for c in word):
            tag = "$." if word in PUNCT_FINAL else "$," if word == "," else "$("
        elif word[:1].isupper() and i and prev not in PUNCT_FINAL | {"„", "\"", ":", "(", "–"}:
            tag = "NN" if lemma_of(word) else "NE"
        elif low in g["names"]["particles"] and prev[:1].isupper() and nxt[:1].isupper() \
                and prev.lower() not in g["nouns"]["subject_pronouns"]:
            tag = "NE"          # "Abdullah bin Sajid" ("Ich bin Berliner" is a verb)
        elif (tag := closed(low, g, prev.lower() if prev not in PUNCT_FINAL else "", nxt)) is not None:
            lemma = g.contractions.get(low, lemma if tag.startswith("V") else low)
            if tag.startswith("VA"):
                lemma = auxiliary_of(low, g) or lemma
        elif word[:1].isupper():
            tag = "NN" if lemma_of(word) else "NE"
        elif (pp := _participle_lemma(low, g)) is not None and lemma_of(low) != low:
            tag, lemma = "VVPP", pp
        elif "zu" in low[1:-3] and _verbish(lemma_of(low.replace("zu", "", 1)) or low.replace("zu", "", 1)) \
                and low.split("zu", 1)[0] in g["verbs"]["separable_particles"]:
            tag, lemma = "VVIZU", low.replace("zu", "", 1)
        elif _verbish(lemma) and lemma != low and is_infinitive(low):
            tag, lemma = "VVINF", low       # "führen" (the table: "fahren", its Konjunktiv II) is a verb itself
        elif _verbish(lemma):
            tag = "VVINF" if lemma == low else "VVFIN"
        elif re.fullmatch(r"\d+([.,]\d+)*", word):
            tag = "CARD"
        else:
            tag = "ADJA" if low.endswith(("e", "en", "er", "es", "em")) else "ADV"
        tags.append(tag)
        lemmas.append(lemma)
    for i, tag in enumerate(tags):
        if tag == "VVFIN" and _attributive(words, tags, i):
            tags[i], lemmas[i] = "ADJA", words[i].lower()
    return tags, lemmas


_NOUN_PHRASE_OPENERS = ("ART", "PPOSAT", "PIAT")


def _attributive(words: list[str], tags: list[str], i: int) -> bool:
    """Is the finite-looking verb at ``i`` an attributive participle ("das lange erwartete Treffen",
    "das mit Spannung erwartete Gipfeltreffen", "der zwischen China und Russland geschlossene")?
    It has an adjective's ending, a noun follows it, and an article opens its phrase with only
    adverbs, adjectives and prepositional phrases between (a verb after its subject has a noun
    or a pronoun before it: "Die Regierung erwartete Gespräche")."""
    low = words[i].lower()
    stem = next((low[:-len(e)] for e in ("en", "er", "es", "em", "e") if low.endswith(e)), "")
    if not stem.endswith(("t", "en")) or i + 1 >= len(words) or tags[i + 1] not in ("NN", "NE"):
        return False                  # (a participle's stem with an adjective's ending: "erwartet-e", "geschlossen-e")
    j, in_phrase = i - 1, False       # in_phrase: a noun since the last preposition (its object)
    while j >= 0 and i - j <= 8:
        tag = tags[j]
        if tag in _NOUN_PHRASE_OPENERS or tag == "APPRART":
            if not in_phrase:
                return True           # the article that opens the participle's phrase ("im lange erwarteten")
            if tag != "APPRART" and (j == 0 or tags[j - 1] != "APPR"):
                return False          # the article of a noun before the verb: its subject
            in_phrase = False
        elif tag == "APPR":
            in_phrase = False
        elif tag in ("NN", "NE", "CARD", "KON"):
            in_phrase = True          # a preposition's object ("mit Spannung", "zwischen China und Russland")
        elif tag not in ("ADV", "ADJA", "ADJD"):
            return False
        j -= 1
    return False


def needs_model(doc, start: int, end: int) -> bool:
    """Whether the lexical tags of a sentence are too unsure to rely on, so that ``"auto"``
    asks HanTa: a participle of a strong verb that is not ge- + its infinitive (the lookup
    table maps "getroffen" to "triefen"), a past-tense-like word the lemma table does not
    know, or a stretch between punctuation marks without any verb but with an unknown word
    (a finite verb the lexical pass missed)."""
    tags, lemmas = tag_range(doc, start, end, "lexical")
    from kg.nlp import lowers

    low = lowers(doc)
    g = default_german()
    unknown, words, any_verb = False, 0, False
    for i in range(start, end):
        tag, word = tags[i] or "", low[i]
        if tag == "VVPP" and word.endswith("en") and lemmas[i] != _regular_guess(word, g):
            return True       # a strong participle whose lemma the table may have wrong
        if tag in ("ADJA", "ADV") and word.endswith(("te", "ten", "tet")) and lemma_of(word) is None \
                and word not in g["adverbs"]["words"]:
            return True       # looks like a past tense the table does not know
        if tag[:1] == "$":
            if words >= 3 and not any_verb and unknown:
                return True   # a stretch without a verb, with a word nobody knows
            unknown, words, any_verb = False, 0, False
        elif tag != "_SP":
            words += 1
            any_verb = any_verb or tag[:2] in ("VV", "VA", "VM")
            unknown = unknown or (tag in ("ADJA", "ADV") and lemma_of(word) is None and word not in g["adverbs"]["words"])
    return words >= 3 and not any_verb and unknown


def _regular_guess(word: str, g: German) -> str:
    """"gegeben" -> "geben", "eingeladen" -> "einladen": the participle read as ge- + infinitive."""
    prefix = next((p for p in sorted(g["verbs"]["separable_particles"], key=len, reverse=True)
                   if word.startswith(p + "ge")), "")
    rest = word[len(prefix):]
    return prefix + (rest[2:] if rest.startswith("ge") else rest)


def doc_tags(doc, source: str = "hanta") -> tuple[list[str | None], list[str | None]]:
    """The Doc's tag and lemma lists for ``source`` (None where not tagged yet)."""
    key = f"kg_pos_{source}"
    cached = doc.user_data.get(key)
    if cached is None or cached[2] != len(doc):
        cached = doc.user_data[key] = ([None] * len(doc), [None] * len(doc), len(doc))
    return cached[0], cached[1]


def tag_range(doc, start: int, end: int, source: str = "hanta") -> tuple[list[str | None], list[str | None]]:
    """Tag tokens ``start:end`` of ``doc`` (a sentence) if not done yet; the Doc's lists."""
    if source not in SOURCES:
        raise ValueError(f"unknown tag source {source!r}: expected one of {', '.join(SOURCES)}")
    from kg.nlp import words as doc_words

    if source == "auto":
        source = "hanta" if needs_model(doc, start, end) else "lexical"
    tags, lemmas = doc_tags(doc, source)
    if start < end and tags[start] is None:
        texts = doc_words(doc)
        at = [i for i in range(start, end) if texts[i].strip()]
        sent = [texts[i] for i in at]
        got_tags, got_lemmas = hanta_tags(tuple(sent)) if source == "hanta" else lexical_tags(sent)
        for i in range(start, end):
            tags[i], lemmas[i] = "_SP", texts[i]
        for i, tag, lemma in zip(at, got_tags, got_lemmas):
            tags[i], lemmas[i] = tag, lemma
    return tags, lemmas


def cue_words(lemmas, g: German | None = None) -> frozenset[str]:
    """The words the cheap first pass looks for, from cue lemmas: each lemma, and for a
    separable verb also its base verb ("eintreffen" -> "treffen", which the lookup table gives
    for "traf" in "traf … ein")."""
    g = g or default_german()
    out = set()
    for lemma in lemmas:
        lemma = lemma.lower()
        out.add(lemma)
        for particle in g["verbs"]["separable_particles"]:
            if lemma.startswith(particle) and len(lemma) - len(particle) >= 4:
                out.add(lemma[len(particle):])
    return frozenset(out)


def cue_sentences(doc, words: frozenset[str], heads: tuple[str, ...] = ()) -> list[tuple[int, int]]:
    """The sentences (start, end) of ``doc`` that could hold a cue: a token whose lookup lemma
    or lower-case form is in ``words`` (see :func:`cue_words`), or that ends in one of the
    noun ``heads`` ("waffenlieferungen" ends in "lieferungen").  Only these need tags: the
    lexical pass costs a set lookup per token, HanTa about 0.3 ms per token."""
    from spacy.attrs import LEMMA

    from kg.nlp import lowers, sentence_starts

    low = lowers(doc)
    strings = doc.vocab.strings
    lemmas = [strings[h].lower() for h in doc.to_array(LEMMA).tolist()]
    starts = sentence_starts(doc)
    out = []
    for start, end in zip(starts, starts[1:] + [len(doc)]):
        if any(lemmas[i] in words or low[i] in words or (heads and low[i].endswith(heads))
               for i in range(start, end)):
            out.append((start, end))
    return out
