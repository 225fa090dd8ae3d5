"""``imposedSanctionsOn``: "X verhängt Sanktionen gegen Y", "die Russland-Sanktionen der EU",
"X droht Y mit Sanktionen", "Y unterliegt Sanktionen der X"."""
from __future__ import annotations

from kg.extraction.arguments import Args, group_of, has_passive_auxiliary, requires, subject, verb_agents
from kg.extraction.governors import governor
from kg.extraction.context import Ctx
from kg.extraction.cues import Frame
from kg.extraction.nouns import compound_place, noun_parts, people_of, possessive_agrees
from kg.extraction.relations import register
from kg.extraction.triggers import Trigger, head_match


@register("imposedSanctionsOn")
def sanctions(ctx: Ctx, trig: Trigger, frame: Frame) -> list[Args]:
    start, end, _ = ctx.region_of(trig.i)
    if trig.kind == "noun":
        parts = noun_parts(ctx, trig.i)
        agents = parts.left_adj or parts.right_gen or parts.von or parts.by
        from_subject = False
        if not agents and parts.possessive:     # "Moskau will seine Strafmaßnahmen gegen die EU aufrechterhalten"
            owners, _ = subject(ctx, trig.i)
            if owners and possessive_agrees(ctx, parts.possessive, owners[0]):
                agents, from_subject = owners, True
        # "Die USA belegten Venezuela mit Sanktionen" (not the passive "ist mit Sanktionen belegt")
        imposing = not _stative(ctx, start, end) and any(frame.has("object_target_verbs", t.lemma_.lower())
                                                        for t in ctx.doc[start:end])
        if not agents and _stative(ctx, start, end):    # "wurde von der UNO mit Sanktionen belegt"
            agents = [m for m in ctx.with_prep(start, end, {"von"}) if m.is_actor and m.start < trig.i][:1]
        if not agents and (governor(ctx, trig) is not None or imposing
                           or any(frame.has("owner_verbs", t.lemma_) for t in ctx.doc[start:trig.i])):
            agents, _ = subject(ctx, trig.i)     # "Die USA haben Sanktionen gegen Russland", "Die EU kündigte … an"
            from_subject = True
        if not agents:
            return []
        targets = [m for m in ctx.with_prep(trig.i + 1, parts.tail_end, set(frame.object_preps)) if m.is_actor] \
            or people_of(ctx, trig.i + 1, parts.tail_end, set(frame.object_preps))
        compound = compound_place(ctx, trig.i)
        if compound is not None and compound.cls == "State" and not targets:
            targets = [compound]          # "die Russland-Sanktionen der EU"
        if not targets:
            targets = _aimed_at(ctx, frame, trig, trig.i + 1, end, agents)
        threat = any(frame.has("threat_verbs", t.lemma_) for t in ctx.doc[start:trig.i])
        if targets:
            objects = [t for m in targets for t in group_of(ctx, m)]
        elif from_subject and (threat or imposing):     # "Die USA drohen Nordkorea mit Sanktionen"
            objects = [m for m in ctx.bare(start, trig.i) if m not in agents][:1] \
                or [m for m in people_of(ctx, start, trig.i, None) if m.actor not in {a.actor for a in agents}][:1]
            # ("belegten iranische Firmen mit Sanktionen": the state of the people or bodies)
        elif from_subject:
            return []
        elif any(frame.has("subject_target_verbs", t.lemma_) or frame.has("subject_target_forms", t.lower_)
                 for t in ctx.doc[start:end]):
            objects, _ = subject(ctx, trig.i)
            objects = [m for m in objects if m.cls in {"State", "Organization", "Group", "Person"}
                       or m.actor != m.key]
        else:
            return []
        return [Args(agents=agents, objects=list(dict.fromkeys(objects)))] if objects else []
    if ctx.doc[trig.i].lemma_.lower() != "sanktionieren" and not requires(ctx, frame, start, end):
        return []
    agents, fallback = verb_agents(ctx, trig)
    if not agents:
        return []
    targets = [m for m in ctx.with_prep(start, end, set(frame.object_preps)) if m.is_actor] \
        or people_of(ctx, start, end, set(frame.object_preps))
    if not targets and ctx.doc[trig.i].lemma_.lower() == "sanktionieren":
        targets = [m for m in ctx.bare(start, end) if m not in agents] or people_of(ctx, start, end, None)
    if not targets:           # "Die EU verlängert die Russland-Sanktionen"
        compounds = [compound_place(ctx, t.i) for t in ctx.doc[start:end]
                     if head_match(t.lower_, frame.requires_noun_heads)]
        targets = [m for m in compounds if m is not None and m.cls == "State"][:1]
    if not targets:
        return []
    return [Args(agents=agents, objects=list(dict.fromkeys(targets)), fallback=fallback)]



def _aimed_at(ctx: Ctx, frame: Frame, trig: Trigger, start: int, end: int, agents) -> list:
    """What sanctions that are the subject of an "aimed" verb after them target: "Die Sanktionen der USA
    richten sich gegen russische Banken" (Russia), "zielen auf den Iran", "betreffen Nordkorea"."""
    verb = next((t for t in ctx.doc[start:end] if frame.has("aimed_verbs", t.lemma_.lower())), None)
    if verb is None or any(t.text[:1].isupper() and head_match(t.lower_, frame.requires_noun_heads)
                           for t in ctx.doc[trig.i + 1:verb.i]):
        return []
    preps = set(frame.words.get("aimed_preps", ()))
    selves = {a.actor for a in agents}
    found = [m for m in ctx.with_prep(start, end, preps) if m.is_actor] or people_of(ctx, start, end, preps) \
        or [m for m in ctx.bare(start, end) if m.actor not in selves] or people_of(ctx, start, end, None)
    return [m for m in found if m.actor not in selves][:1]


def _stative(ctx: Ctx, start: int, end: int) -> bool:
    """A passive, of action or of state: "wurde mit Sanktionen belegt", "ist mit Sanktionen belegt"."""
    return has_passive_auxiliary(ctx, start, end) or any(t.lower_ in ctx.w("stative_auxiliaries")
                                                         for t in ctx.doc[start:end])
