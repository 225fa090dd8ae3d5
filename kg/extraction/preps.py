"""What stands before a mention or a noun: the preposition that governs it (:func:`prep_before`:
"gegen den NATO-Bündnispartner Türkei", "in der kubanischen Hauptstadt Havanna"; none for a
clause's subject, a compared name, the object of "um … zu", a name after a relative pronoun),
the word before a noun's determiners and adjectives (:func:`word_before_phrase`), and the shape
of an inflected adjective (:func:`is_adjective_like`)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from kg.extraction.cues import Cues
from kg.extraction.triggers import SEGMENT_BREAKS, head_match
from kg.german import default_german
from kg.postags import verb_number

if TYPE_CHECKING:
    from kg.extraction.context import Ctx


def is_adjective_like(token: Token) -> bool:
    low = token.lower_
    return token.is_alpha and token.text[:1].islower() and low.endswith(("e", "en", "er", "es", "em"))


def word_before_phrase(ctx: Ctx, i: int) -> int:
    """The index of the word before the determiners and adjectives that precede the noun at ``i``
    ("gegen" in "gegen den neuen Entwurf"); a preposition ends the phrase even where it ends like an
    adjective ("gegen", "über")."""
    j = i - 1
    while j > ctx.sent.start and ctx.doc[j].lower_ not in ctx.w("prepositions") \
            and (ctx.doc[j].lower_ in ctx.w("determiners") or is_adjective_like(ctx.doc[j])):
        j -= 1
    return j


def prep_before(doc: Doc, sent: Span, start: int, cues: Cues) -> str | None:
    preps, dets = cues.words["prepositions"], cues.words["determiners"]
    contractions = cues.syntax["contractions"]
    proxies = cues.words["proxy_nouns"]
    i, steps = start - 1, 0
    while i >= sent.start and steps < 8:
        token = doc[i]
        low = token.lower_
        if low in {"als", "wie"} and _compares(doc, sent, i, cues.words["comparatives"]):
            return low         # "Anders als Frankreich liefert Italien …": compared, no subject
        if low in preps:
            if _opens_infinitive(doc, sent, i):
                return None    # "…, um Xi zu treffen": "um" opens a clause, Xi is its object
            if i == start - 1 and low in cues.words["subordinators"] and (i == sent.start or doc[i - 1].text == ","):
                return None    # "Während Biden in Tokio war, …": a clause's subject, not "während des Besuchs"
            # "mit Vertretern von ÖGB": the representatives stand for whom they represent
            if (low in cues.words["agent_preps"] or low == "aus") and i > sent.start and doc[i - 1].lower_ in proxies:
                i -= 2
                steps += 2
                continue
            # "die Führung in Kiew", "die Regierung in Moskau": the seat stands for the government
            if low in {"in"} and i > sent.start and doc[i - 1].lower_ in cues.words["government_nouns"]:
                i -= 2
                steps += 2
                continue
            return contractions.get(low, low)
        if low in cues.words["relative_pronouns"] and i - 2 >= sent.start and doc[i - 2].text == "," \
                and doc[i - 1].lower_ in preps and _verb_last(doc, sent, start):
            return None        # "…, gegen die Russland ein Veto einlegte": the pronoun is the object, not Russia
        if low in dets or token.like_num or is_adjective_like(token) or low in {"zu"} or low in proxies:
            i -= 1
            steps += 1
            continue
        if i == start - 1 and i > sent.start and (doc[i - 1].lower_ in dets or doc[i - 1].lower_ in preps
                                                    or is_adjective_like(doc[i - 1])) \
                and (head_match(low, cues.words["apposition_heads"]) or low.endswith(_ORGANISATION_NOUNS)):
            i -= 1             # "gegen den NATO-Bündnispartner Türkei", "gegen den Ölkonzern PDVSA", "in der kubanischen Hauptstadt
            steps += 1         # Havanna": a noun in apposition before the name
            continue
        return None
    return None


def _verb_last(doc: Doc, sent: Span, start: int) -> bool:
    """Does the clause the token ``start`` stands in end with an inflected verb (a relative clause's
    order; not a zu-infinitive: "…, in den Sudan weiterzureisen")?"""
    j = next((k for k in range(start, sent.end) if doc[k].text in {",", ".", ";", ":", "?", "!"}), sent.end)
    last = doc[j - 1] if j > start + 1 else None
    if last is None or not last.text[:1].islower() or doc[j - 2].lower_ == "zu":
        return False
    lemma = last.lemma_.lower()
    return lemma not in {last.lower_, last.lower_.replace("zu", "", 1)} and verb_number(last.lower_) is not None


def _compares(doc: Doc, sent: Span, i: int, comparatives) -> bool:
    """Does "als"/"wie" at ``i`` close a comparison: a comparative word before it, no comma between ("mehr … als")?"""
    before = [doc[j].lower_ for j in range(max(sent.start, i - 8), i)]
    return any(w in comparatives for w in before[max((k + 1 for k, w in enumerate(before) if w in ",;:"), default=0):])


def _opens_infinitive(doc: Doc, sent: Span, i: int) -> bool:
    """Is the word at ``i`` ("um", "ohne", "statt") the opener of a zu-infinitive clause, at the
    clause's start with "zu" before its next comma ("…, um Xi zu treffen"; not "um 10 Uhr")?"""
    if doc[i].lower_ not in _INFINITIVE_OPENERS or not (i == sent.start or doc[i - 1].lower_ in {",", "(", "–", "und", "oder"}):
        return False
    for token in doc[i + 1:sent.end]:
        if token.text in SEGMENT_BREAKS or token.text == ".":
            return False
        if token.lower_ == "zu" or ("zu" in token.lower_[2:] and token.lower_ != token.lemma_.lower()):
            return True
    return False


_INFINITIVE_OPENERS = default_german()["clause"]["infinitive_subordinators"]
_ORGANISATION_NOUNS = tuple(default_german()["names"]["organisation_nouns"])
