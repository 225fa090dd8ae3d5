"""``signedTreatyWith`` and ``agreedWith``: "X unterzeichnete mit Y einen Vertrag", "der Vertrag
zwischen X und Y wurde unterzeichnet" (a required noun in the clause)."""
from __future__ import annotations

from kg.extraction.arguments import Args, group_of, place_in, requires, verb_agents
from kg.extraction.context import Ctx
from kg.extraction.cues import Frame
from kg.extraction.nouns import noun_parts
from kg.extraction.relations import register
from kg.extraction.triggers import Trigger


@register("signedTreatyWith")
def treaty(ctx: Ctx, trig: Trigger, frame: Frame) -> list[Args]:
    start, end, _ = ctx.region_of(trig.i)
    if trig.kind == "noun":
        return _noun(ctx, trig, frame)
    if not requires(ctx, frame, start, end, trig.i + 1):
        return []
    agents, fallback = verb_agents(ctx, trig)
    place = place_in(ctx, start, end)
    if not agents:
        # "Der Vertrag zwischen Russland und Nordkorea wurde unterzeichnet"
        between = [m for m in ctx.with_prep(start, end, {"zwischen"}) if m.is_actor]
        group = group_of(ctx, between[0]) if between else []
        if len(group) >= 2:
            return [Args(agents=group, objects=group, place=place)]
        return []
    partners = [m for m in ctx.with_prep(start, end, set(frame.object_preps)) if m.is_actor and m not in agents]
    if partners:
        return [Args(agents=agents, objects=group_of(ctx, partners[0]), fallback=fallback, place=place)]
    if len(agents) >= 2:
        return [Args(agents=agents, objects=agents, fallback=fallback, place=place)]      # every pair
    return []


def _noun(ctx: Ctx, trig: Trigger, frame: Frame) -> list[Args]:
    """ "Die Unterzeichnung des Abkommens zwischen Russland und Nordkorea", "… durch Russland und
    Nordkorea", "Russlands Unterzeichnung des Vertrags mit Nordkorea": the signing noun with a
    treaty noun after it (in its own segment), its signers by genitive, "durch", "von" or
    "zwischen", its partner by "mit"."""
    seg_end = ctx.segments[ctx.seg_of(trig.i)][1]
    if not requires(ctx, frame, trig.i + 1, seg_end):
        return []
    parts = noun_parts(ctx, trig.i)
    place = place_in(ctx, trig.i + 1, seg_end)
    between = [m for m in ctx.with_prep(trig.i + 1, seg_end, {"zwischen"}) if m.is_actor]
    signers = parts.left_gen or parts.by or parts.von \
        or [m for m in ctx.with_prep(trig.i + 1, seg_end, {"durch", "von"}) if m.is_actor][:1]
    if not signers and between:
        signers = group_of(ctx, between[0])
    signers = group_of(ctx, signers[0]) if signers else []
    partners = [m for m in ctx.with_prep(trig.i + 1, seg_end, set(frame.object_preps)) if m.is_actor and m not in signers]
    if signers and partners:
        return [Args(agents=signers, objects=group_of(ctx, partners[0]), place=place)]
    if len(signers) >= 2:
        return [Args(agents=signers, objects=signers, place=place)]       # every pair
    return []
