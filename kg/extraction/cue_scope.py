"""Where a cue word reaches, in the clause layer's terms: the clause of the verb that governs a noun
trigger (:func:`of_governor`), a subordinate clause's control word and its main clause
(:func:`subordinate_to_main`), the noun a negative determiner opens (:func:`phrase_noun`)."""
from __future__ import annotations

from kg.extraction.arguments import clause_of
from kg.extraction.governors import governor
from kg.extraction.context import Ctx
from kg.extraction.triggers import Trigger
from kg.nlp import words


def of_governor(ctx: Ctx, trig: Trigger, i: int, lemmas: frozenset[str] | None = None) -> bool:
    """Is the word at ``i`` ("will") in the clause of the verb that governs the noun trigger ("Japan will sich den
    Sanktionen … anschließen") or makes its event ("will X mit Sanktionen belegen"); with ``lemmas``, of these?"""
    found = governor(ctx, trig)
    clause = found[2] if found is not None else clause_of(ctx, trig.i)[0]
    if clause is None or not clause.start <= i < clause.end:
        return False
    if lemmas is not None:
        return found is not None and found[0] in lemmas
    return found is not None or ctx.cues.frames[trig.relation].has("object_target_verbs", clause.verbs.lemma)


def subordinate_to_main(ctx: Ctx, i: int, j: int) -> bool:
    """Is the control word at ``i`` in a subordinate clause, the trigger at ``j`` in a main clause ("Weil Trump
    neue Maßnahmen plant, trifft er Putin")?  It governs its own ("weil er plant, X zu treffen"), never that."""
    own, _ = clause_of(ctx, i)
    if own is None or own.kind != "subordinate":
        return False
    other, _ = clause_of(ctx, j)
    return other is not None and other.kind == "main"


def phrase_noun(ctx: Ctx, i: int) -> int | None:
    """The noun of the noun phrase the determiner at ``i`` opens: the first capitalised word after
    it in its segment ("keine neuen Waffenlieferungen"), or None."""
    texts = words(ctx.doc)
    end = ctx.segments[ctx.seg_of(i)][1]
    return next((j for j in range(i + 1, end) if texts[j][:1].isupper()), None)
