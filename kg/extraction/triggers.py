"""Triggers: the tokens that can express a relation (verbs by lemma or form, provision,
import and motion verbs, nouns by compound head), found once per (form, lemma); and separable
verbs, whose particle closes the clause ("traf … in Moskau ein", "kam … zusammen")."""
from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy
from spacy.attrs import LEMMA
from spacy.strings import get_string_id
from spacy.tokens import Doc

from kg.extraction.cues import LEAVING, VERB_KINDS, Cues
from kg.german import default_german
from kg.formindex import FORMS, FormColumn
from kg.nlp import form_rows, lemma_ids, lemma_table, lowers, orths, positions_of, sentence_starts, table_lemmas, words

# (quotation marks break nothing: a quoted word stays in its clause, "werde eine „Friedenserklärung“ mit X
# unterzeichnen"; quoted speech is cut off by the comma or colon beside it)
SEGMENT_BREAKS = {",", ";", ":", "–", "—", "-", "(", ")", "?", "!"}

@dataclass
class Trigger:
    relation: str
    i: int                 # token index
    kind: str              # verb | noun | import | motion
    text: str
    particle: str = ""     # of a separable verb matched as a phrase ("traf … ein": "ein")



def head_match(low: str, heads, modifiers=frozenset()) -> str | None:
    """The head of ``heads`` the word ends in, after a modifier of three letters or more, a
    hyphen, or one of ``modifiers`` ("Öllieferungen" with "öl"); not "Eintreffen" (a word
    that merely ends like "treffen")."""
    for head in heads:
        if low.endswith(head) and (len(low) == len(head) or len(low) - len(head) >= 3 or "-" in low
                                   or low[: len(low) - len(head)] in modifiers):
            return head
    return None


FINITE_ENDINGS = ("t", "te", "ten", "tet")     # "Liefert", "Lieferte", "Lieferten", "Trifft"


def triggers_in(doc: Doc, cues: Cues) -> list[Trigger]:
    """Every trigger of the Doc, in text order.  Whether a word is a trigger is worked out once
    per word form with the lemma the lookup table gives it (:func:`_form_kinds`, a column of
    the process's form index, read for the whole Doc at once), and once per (form, lemma) for
    a token lemmatized otherwise (a trained model's lemma), kept in ``cues.trigger_cache``."""
    if not len(doc):
        return []
    rows = form_rows(doc)
    kinds = cues.derived("trigger_forms", lambda: FormColumn(FORMS, functools.partial(_form_kinds, cues))).of(rows)
    lemmas = doc.to_array(LEMMA)
    usual = lemmas == _TABLE_LEMMAS.of(rows)
    at = numpy.flatnonzero((kinds != None) & usual).tolist()    # noqa: E711  (elementwise)
    by_token = {i: kinds[i] for i in at}
    if not usual.all():
        cache, strings, ids = cues.trigger_cache, doc.vocab.strings, orths(doc)
        for i in numpy.flatnonzero(~usual).tolist():
            key = (int(ids[i]), int(lemmas[i]))
            here = cache.get(key)
            if here is None:
                here = cache[key] = _kinds(cues, strings[key[0]], strings[key[1]])
            if here is not _NO_TRIGGER:
                by_token[i] = here
    found = []
    if by_token:
        texts, starts = words(doc), set(sentence_starts(doc))
        for i in sorted(by_token):
            found.extend(Trigger(relation, i, kind, texts[i]) for relation, kind in by_token[i][i in starts])
    return _with_phrases(doc, cues, found) if cues.phrases or cues.separable else found


# each form's lemma id as the pipeline's lookup lemmatizer sets it
_TABLE_LEMMAS = FormColumn(FORMS, lambda texts: [get_string_id(lemma) for lemma in table_lemmas(texts)], numpy.uint64)


def _form_kinds(cues: Cues, texts: list[str]) -> list[tuple | None]:
    """:func:`_kinds` of each form with its lemma from the lookup table; None for a form that
    triggers nothing (almost every one)."""
    out = [_kinds(cues, text, lemma) for text, lemma in zip(texts, table_lemmas(texts))]
    return [None if kinds is _NO_TRIGGER else kinds for kinds in out]


def _kinds(cues: Cues, text: str, lemma: str) -> tuple:
    """The (relation, kind) pairs a word triggers, (anywhere, as a sentence's first word)."""
    if lemma == text and text[:1].isupper() and text.endswith(FINITE_ENDINGS):
        # a capitalised form the lookup table lacks, shaped like a finite verb: one opening a
        # question is looked up in lower case ("Liefert Russland …?": "liefern"; not "Einig …")
        lemma = lemma_table().get(text.lower()) or lemma
    if not may_trigger(cues, text, lemma):
        return _NO_TRIGGER
    kinds = tuple(trigger_kinds(cues, text, lemma, first) for first in (False, True))
    return _NO_TRIGGER if kinds == _NO_TRIGGER else kinds


def _with_phrases(doc: Doc, cues: Cues, found: list[Trigger]) -> list[Trigger]:
    """``found`` with the separable verbs: a finite verb whose particle is the last word of its
    clause ("Kim traf am Montag in Moskau ein", "Putin kam mit Xi zusammen") is the verb its
    lemma makes with the particle ("eintreffen", "zusammenkommen": ``cues.separable``, or a
    form listed in ``cues.phrases``), and only that verb.  Only a particle that closes a clause
    is looked at, and the clause's words before it."""
    texts, low = words(doc), lowers(doc)
    starts = set(sentence_starts(doc))
    closing = cues.derived("closing", lambda: frozenset(cues.separable) | {
        last for entries in cues.phrases.values() for _, _, last, _ in entries})
    lemmas = lemma_ids(doc)
    openers = cues.words["subordinators"] | cues.words["relative_pronouns"]
    phrased: dict[int, list[Trigger]] = {}
    for j in positions_of(doc, closing):
        word = low[j]
        if not _closes_clause(texts, starts, j + 1):
            continue
        by_rest = cues.separable.get(word, {})
        for i in _clause_before(texts, starts, j, openers):
            text = texts[i]
            if not text[:1].islower():                   # a verb, not "Treffen"
                continue
            hits = [Trigger(relation, i, kind, text, word) for relation, kind, last, middle in cues.phrases.get(text, ())
                    if last == word and _in_order(low, middle, i, j)]
            hits += [Trigger(relation, i, kind, text, word)
                     for relation, kind in by_rest.get(doc.vocab.strings[lemmas[i]].lower(), ())]
            if hits:
                phrased[i] = hits
    if not phrased:
        return found
    kept = [t for t in found if t.i not in phrased or t.kind == "noun"]
    return sorted(kept + [t for hits in phrased.values() for t in hits if t.kind != LEAVING], key=lambda t: t.i)


def _in_order(low: list[str], middle: tuple[str, ...], i: int, j: int) -> bool:
    """Do the ``middle`` words of a phrase stand in order between its first (``i``) and last (``j``)
    words ("zur … Verfügung … gestellt")?"""
    k = i + 1
    for word in middle:
        while k < j and low[k] != word:
            k += 1
        if k >= j:
            return False
        k += 1
    return True


def _is_break(text: str) -> bool:
    """A token no clause goes past: a segment break, a full stop, white space."""
    return text in SEGMENT_BREAKS or text == "." or text.isspace()


def _breaks(texts: list[str], starts: set[int], j: int) -> bool:
    return j in starts or _is_break(texts[j])


def _closes_clause(texts: list[str], starts: set[int], j: int) -> bool:
    """Is ``j`` past the last word of a clause: a break, a sentence start, or the end?"""
    return j >= len(texts) or _breaks(texts, starts, j)


def _clause_before(texts: list[str], starts: set[int], j: int, openers=frozenset()) -> list[int]:
    """The alphabetic words of the clause that ends with token ``j``, before it, past the relative
    and subordinate clauses that interrupt it ("traf Scholz, der aus Berlin anreiste, in Paris ein")
    and the comma of a correction ("traf nicht in Paris, sondern in Rom ein")."""
    out = []
    i = j - 1
    while i >= 0:
        text = texts[i]
        if text == "," and openers and (k := _embedded_from(texts, starts, i, openers)) is not None:
            i = k - 1
            continue
        if text == "," and i + 1 < j and texts[i + 1].lower() == "sondern" and i not in starts:
            i -= 1             # a correction goes on with the clause: "traf nicht in Paris, sondern in Rom ein"
            continue
        if _is_break(text):
            break
        if text.isalpha():
            out.append(i)
        if i in starts:
            break
        i -= 1
    return out


def _embedded_from(texts: list[str], starts: set[int], i: int, openers) -> int | None:
    """The comma that opens an embedded clause ending, verb last, at the comma ``i``
    (", der aus Berlin anreiste,"), if there is one and a clause before it."""
    if i == 0 or not texts[i - 1][:1].islower() or not texts[i - 1].isalpha():
        return None
    k = i - 1
    while k > 0 and k not in starts and not _is_break(texts[k]):
        k -= 1
    if texts[k] != "," or k in starts or k + 1 >= i or texts[k + 1].lower() not in openers:
        return None
    return k if k - 1 >= 0 and k not in starts and texts[k - 1].isalpha() else None


_NO_TRIGGER = ((), ())     # (as any word, as a sentence's first word): the answer for most words


def may_trigger(cues: Cues, text: str, lemma: str) -> bool:
    """Could any frame match the word at all?  No for almost every word, decided at once
    from the frames' verb words and noun-head endings."""
    if not text.isalpha() and "-" not in text:
        return False
    low = text.lower()
    verb_words = cues.verb_words
    if lemma.lower() in verb_words or low in verb_words:
        return True
    if "zu" in low[2:] and low.replace("zu", "", 1) in verb_words:
        return True
    return _noun_shaped(text) and any(low[-n:] in heads for n, heads in cues.head_suffixes)


def _noun_shaped(text: str) -> bool:
    """Capitalised, or a compound whose last part is ("26-Stunden-Trip", "2+4-Vertrag")."""
    return text[:1].isupper() or ("-" in text and text.rsplit("-", 1)[1][:1].isupper())


def _other_verb(frame, low: str, lemma: str) -> bool:
    """Is the word one of the frame's provision, import or motion verbs?"""
    return any(frame.has(f"{kind}_verbs", lemma) or frame.has(f"{kind}_forms", low) for kind in VERB_KINDS)


@functools.lru_cache(maxsize=1)
def _determiners() -> frozenset[str]:
    """The words that open noun phrases (``[nouns]`` of german.toml): "einige", "alle", "keine"."""
    nouns = default_german()["nouns"]
    return frozenset(w for key in ("nominative_or_accusative", "nominative", "accusative", "dative", "genitive",
                                   "possessives") for w in nouns[key])


def trigger_kinds(cues: Cues, text: str, lemma: str, first: bool) -> tuple[tuple[str, str], ...]:
    """What relations a word can trigger, and how: as a noun, verb, provision, import, motion, expectation or reception
    (only asked of a word :func:`may_trigger` lets through)."""
    low, lemma = text.lower(), lemma.lower()
    noun = _noun_shaped(text)
    if low in _determiners():
        return ()             # "einigen der Gegner" is no "einigen" (but "geeinigt" is)
    unzu = low.replace("zu", "", 1) if "zu" in low[2:] else None
    found = []
    for frame in cues.frames.values():
        # German sentences seldom open with a finite verb: a capitalised first word that is
        # a trigger noun ("Treffen EU, Ukraine, Russland möglich") is the noun
        if noun and (not first or head_match(low, frame.noun_heads, cues.short_modifiers)
                     or not (lemma in frame.verbs or low in frame.forms or _other_verb(frame, low, lemma))):
            if head_match(low, frame.noun_heads, cues.short_modifiers):
                found.append((frame.name, "noun"))
            continue
        # (the infinitive's own form is the plural present, whatever the lemma table says of it:
        # "Die USA schicken Waffen", where the table makes "schicken" a form of "schick")
        if lemma in frame.verbs or low in frame.verbs or low in frame.forms or (unzu and unzu in frame.verbs):
            found.append((frame.name, "verb"))
        elif frame.has("provision_verbs", lemma, unzu or "", low) or frame.has("provision_forms", low):
            found.append((frame.name, "provision"))
        elif frame.has("import_verbs", lemma, low) or frame.has("import_forms", low):
            found.append((frame.name, "import"))
        elif frame.has("motion_verbs", lemma, low) or frame.has("motion_forms", low):
            found.append((frame.name, "motion"))
        elif frame.has("expect_verbs", lemma, low) or frame.has("expect_forms", low):
            found.append((frame.name, "expect"))
        elif frame.has("receive_verbs", lemma, low) or frame.has("receive_forms", low):
            found.append((frame.name, "receive"))
        elif frame.has("stay_forms", low):         # (by form only: "ist" is an auxiliary as often)
            found.append((frame.name, "stay"))
    return tuple(found)

