"""Zu-infinitives: which verbs are one ("zu liefern", "auszurüsten", "geliefert zu haben"), and who
the action of one is ascribed to (it has no subject of its own)."""
from __future__ import annotations

from kg.extraction.context import Ctx
from kg.extraction.lists import group_of
from kg.german import default_german
from kg.mentions import Mention
from kg.nlp import lowers


def is_infinitive(ctx: Ctx, i: int) -> bool:
    """ "zu versorgen", "auszurüsten": a zu-infinitive, whose subject is not in its own clause; and
    a verb whose auxiliary or modal is one: "geliefert zu haben", "gereist zu sein", "geliefert
    worden zu sein", "liefern zu wollen"."""
    token = ctx.doc[i]
    if (i > ctx.sent.start and ctx.doc[i - 1].lower_ == "zu") or (
            "zu" in token.lower_[2:] and token.lower_ != token.lemma_.lower()):
        return True
    verbs, low = default_german()["verbs"], lowers(ctx.doc)
    k = i + 1
    while k < ctx.sent.end and low[k] in verbs["auxiliary_participles"]:
        k += 1                       # "geliefert worden zu sein"
    return k + 1 < ctx.sent.end and low[k] == "zu" and (
        low[k + 1] in verbs["auxiliary_infinitives"] or low[k + 1] in verbs["modals"])


def controller(ctx: Ctx, start: int) -> list[Mention]:
    """Who a zu-infinitive's action is ascribed to: the last actor of the clause before it
    ("werfen Russland vor, … zu versorgen", "drohte Moskau damit, … zu liefern")."""
    for r_start, r_end, _ in reversed(ctx.regions_before(start)):
        bare = ctx.bare(r_start, min(r_end, start))
        if bare:
            return group_of(ctx, bare[-1])
    # no region break before it ("Die USA verdächtigen China, Russland … zu beliefern"): the segments
    for s_start, s_end in reversed([seg for seg in ctx.segments if seg[1] <= start]):
        bare = ctx.bare(s_start, s_end)
        if bare:
            return group_of(ctx, bare[-1])
    return []
