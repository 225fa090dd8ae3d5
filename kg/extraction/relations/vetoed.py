"""``vetoed``: "X legte ein Veto gegen die Resolution zu Y ein", "X blockierte den Entwurf"
(a measure in the clause or the Security Council in the sentence); the object is a minted measure."""
from __future__ import annotations

from kg.extraction.arguments import Args, co_agents, noun_parts, requires, subject, verb_agents
from kg.extraction.context import Ctx
from kg.extraction.cues import Frame
from kg.extraction.relations import register
from kg.extraction.triggers import Trigger, head_match


@register("vetoed")
def vetoed(ctx: Ctx, trig: Trigger, frame: Frame) -> list[Args]:
    start, end, _ = ctx.region_of(trig.i)
    council = [m for m in ctx.mentions if m.key in frame.spec.get("council", [])]
    measure_heads = tuple(frame.words.get("measure_heads", ()))
    if trig.kind == "noun":
        parts = noun_parts(ctx, trig.i)
        # "Russlands Veto", "das russische Veto", "das Veto der USA"
        agents = parts.left_gen or [m for m in parts.left_adj if m.kind == "adj"] or parts.right_gen
        fallback = False
        if not agents:
            agents, fallback = subject(ctx, trig.i)
    else:
        if not (requires(ctx, frame, start, end) or council):
            return []
        agents, fallback = verb_agents(ctx, trig)
    if not agents:
        return []
    scan_from = trig.i + 1 if trig.kind == "noun" else start
    measure_start = next((t.i for t in ctx.doc[scan_from:ctx.sent.end]
                          if t.text[:1].isupper() and head_match(t.lower_, measure_heads)), None)
    concerned = [m for m in ctx.in_span(measure_start or scan_from, ctx.sent.end)
                 if m.is_actor and m.actor not in {a.actor for a in agents}
                 and ctx.prep[m.start] not in {"in", "mit", "von"} and m.start not in ctx.excluded
                 and m.key not in frame.spec.get("council", []) and m.cls != "Organization"]
    if not concerned:
        return []
    target = concerned[0]
    measure = (measure_start if measure_start is not None else target.start, target.end)
    return [Args(agents=agents + co_agents(ctx, start, end), objects=[target], fallback=fallback,
                 place=council[0] if council else None, measure=measure)]

