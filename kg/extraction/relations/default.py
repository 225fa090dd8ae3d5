"""The default frame, built from a relation's data alone: its verbs, forms and phrases (the
subject acts; the object follows one of ``object_preps`` or, with ``bare_object``, stands bare
after the subject), its noun heads ("Vorwürfe von X gegen Y": the owner acts, the object
follows an object preposition), and its ``requires_noun_heads`` in the clause."""
from __future__ import annotations

from kg.extraction.arguments import Args, group_of, requires, subject, verb_agents
from kg.extraction.context import Ctx
from kg.extraction.cues import Frame
from kg.extraction.nouns import noun_parts
from kg.extraction.relations import register
from kg.extraction.triggers import Trigger


@register("default", needs=("object_preps", "bare_object"))
def default(ctx: Ctx, trig: Trigger, frame: Frame) -> list[Args]:
    start, end, _ = ctx.region_of(trig.i)
    if not requires(ctx, frame, start, end, trig.i + 1):
        return []
    if trig.kind == "noun":
        return _noun(ctx, trig, frame)
    agents, fallback = verb_agents(ctx, trig)
    if not agents:
        return []
    objects = [m for m in ctx.with_prep(start, end, set(frame.object_preps)) if m.is_actor and m not in agents]
    if not objects and frame.bare_object:
        objects = [m for m in ctx.bare(start, end) if m not in agents and m.start > agents[-1].start]
    if not objects:
        return []
    return [Args(agents=agents, objects=group_of(ctx, objects[0]), fallback=fallback)]


def _noun(ctx: Ctx, trig: Trigger, frame: Frame) -> list[Args]:
    """ "Vorwürfe von X gegen Y", "Xs Vorwürfe gegen Y", "die russischen Vorwürfe gegen Y"."""
    parts = noun_parts(ctx, trig.i)
    agents = parts.left_gen or parts.right_gen or parts.von or [m for m in parts.left_adj if m.kind == "adj"]
    fallback = False
    if not agents:
        agents, fallback = subject(ctx, trig.i)
    objects = [m for m in ctx.with_prep(trig.i + 1, parts.tail_end, set(frame.object_preps))
               if m.is_actor and m not in agents]
    if not agents or not objects:
        return []
    return [Args(agents=agents, objects=group_of(ctx, objects[0]), fallback=fallback)]
