"""The verb that governs a trigger and the modality it gives it: "Die EU plant Sanktionen" (planned),
"Russland kündigte an, ein Veto einzulegen" (planned), "bestritt, Waffen geliefert zu haben"
(denied), refusals ("sagte Nein zur Lieferung", "erteilte Waffenlieferungen eine Absage": negated).
The governing verbs are the cues' ``[governors]``, the refusal words ``[modality]``'s."""
from __future__ import annotations

from kg.extraction.arguments import clause_of, sentence_words
from kg.extraction.context import Ctx
from kg.extraction.preps import is_adjective_like, prep_before, word_before_phrase
from kg.extraction.nouns import genitive_of_noun, relative_after
from kg.extraction.triggers import Trigger, head_match


def governor(ctx: Ctx, trig: Trigger) -> tuple[str, str, object] | None:
    """The verb that governs a trigger, the modality it gives it (``[governors]``) and its
    clause (whose subject makes the claim or the plan): a noun
    trigger that is the object of its clause's verb ("Die EU plant Sanktionen gegen Russland"
    -> ("planen", "planned"); not a noun inside a prepositional phrase: "Nach dem Besuch plant
    Xi …"), or any trigger of a zu-infinitive governed by such a verb ("Russland kündigte an,
    ein Veto einzulegen", "bestritt, Waffen geliefert zu haben")."""
    governors = ctx.cues.governors
    words = sentence_words(ctx)
    if trig.kind == "noun" and not ctx.w("refusals").isdisjoint(words):
        refusal = _refused(ctx, trig.i) or _refused_dative(ctx, trig.i)
        if refusal is not None:
            return refusal
    if governors.keys().isdisjoint(words):
        return None
    clause, clauses = clause_of(ctx, trig.i)
    if clause is None:
        return None
    if trig.kind == "noun" and (prep_before(ctx.doc, ctx.sent, trig.i, ctx.cues) is None or _reported(ctx, trig.i)) \
            and clause.verbs.lemma in governors and clause.verbs.main != trig.i and not genitive_of_noun(ctx, trig.i):
        return clause.verbs.lemma, governors[clause.verbs.lemma], clause
    relative = relative_after(ctx, trig.i) if trig.kind == "noun" else None
    if relative is not None:           # "der Besuch, den Erdogan plant": the relative clause's verb
        inner, _ = clause_of(ctx, relative[0])
        if inner is not None and inner.verbs.lemma in governors:
            return inner.verbs.lemma, governors[inner.verbs.lemma], inner
    if clause.kind == "infinitive" and clause.head is not None:
        head = clauses[clause.head]
        if head.verbs.lemma in governors:
            return head.verbs.lemma, governors[head.verbs.lemma], head
    return None


def _reported(ctx: Ctx, i: int) -> bool:
    """Is the noun at ``i`` what a report noun is about ("dementierte Berichte über
    Waffenlieferungen", "wies Vorwürfe von Drohnenlieferungen zurück"): the verb speaks of it?"""
    j = word_before_phrase(ctx, i)
    return j > ctx.sent.start and ctx.doc[j].lower_ in {"über", "von"} \
        and head_match(ctx.doc[j - 1].lower_, ctx.w("report_nouns")) is not None


def _refused(ctx: Ctx, i: int) -> tuple[str, str, object] | None:
    """ "sagte Nein zur Lieferung", "eine Absage an Waffenlieferungen": a refusal word right
    before the noun's preposition (``[modality] refusals``, ``refusal_preps``) negates it, claimed
    by the subject of the refusal's clause."""
    j = i - 1
    while j > ctx.sent.start and (ctx.doc[j].lower_ in ctx.w("determiners") or is_adjective_like(ctx.doc[j])):
        j -= 1
    if j - 1 < ctx.sent.start or ctx.doc[j].lower_ not in ctx.w("refusal_preps") \
            or ctx.doc[j - 1].lower_ not in ctx.w("refusals"):
        return None
    clause, _ = clause_of(ctx, j - 1)
    return (ctx.doc[j - 1].lower_, "negated", clause) if clause is not None else None


def _refused_dative(ctx: Ctx, i: int) -> tuple[str, str, object] | None:
    """ "erteilte Waffenlieferungen an Syrien eine Absage": an event noun without a preposition in
    the clause of "erteilen" with a refusal as its object (``[modality] refusal_verbs``) is refused."""
    if prep_before(ctx.doc, ctx.sent, i, ctx.cues) is not None:
        return None
    clause, _ = clause_of(ctx, i)
    if clause is None or clause.verbs.lemma not in ctx.w("refusal_verbs"):
        return None
    refusal = next((t for t in ctx.doc[clause.start:clause.end] if t.lower_ in ctx.w("refusals") and t.i != i), None)
    return (refusal.lower_, "negated", clause) if refusal is not None else None
