"""``metWith``: "X traf Y", "X traf sich mit Y", "Treffen zwischen X und Y"; never a match
("treffen … aufeinander", "trifft zum 1:0") or a goal count ("Suarez trifft viermal")."""
from __future__ import annotations

import re

from spacy.tokens import Token

from kg.extraction.arguments import (Args, clause_of, co_agents, group_of, has_noun, outside_subordinates,
                                    previous_agents, subject, subordinates_of_main, verb_agents)
from kg.extraction.context import Ctx
from kg.extraction.preps import is_adjective_like
from kg.extraction.cues import Frame
from kg.extraction.nouns import compound_people, contest, foreign_owner, noun_parts
from kg.extraction.relations import register
from kg.extraction.triggers import Trigger, head_match
from kg.mentions import Mention

SCORE = re.compile(r"^\d{1,2}:\d{1,2}\.?$")     # "zum 1:0" (a time is "10:00 Uhr")


@register("metWith")
def met_with(ctx: Ctx, trig: Trigger, frame: Frame) -> list[Args]:
    start, end, _ = ctx.region_of(trig.i)
    if contest(ctx):
        return []      # "die bisherigen zwei Begegnungen mit Thiem (… bei den Australian Open)": matches
    if trig.kind == "noun":
        return _noun(ctx, trig, frame, start, end)
    if any(frame.has("clash_words", t.lower_) or _score(t) or _minute(t) for t in ctx.doc[start:end]):
        return []      # "trafen mit einem Eigentor (30.)": goals
    if _decision(ctx, frame, trig.i, start, end):
        return []      # "Entscheidungen getroffen", "Vereinbarungen, die X mit Y traf"
    after = ctx.doc[trig.i + 1] if trig.i + 1 < end else None
    if after is not None and not trig.particle and frame.has("scoring_preps", after.lower_):
        return []      # "Vargas und Hahn trafen für die Augsburger": they scored for a side
    if after is not None and frame.has("score_counts", after.lower_) and not any(
            frame.has("reciprocal_words", t.lower_) for t in ctx.doc[start:end]):
        return []      # "Suarez trifft viermal, Messi dreimal": goals, not meetings
    if any(_encountered(ctx, m, start) for m in ctx.in_span(start, end)) or _faces(ctx, frame, start, end):
        return []      # "auf den Grünen Van der Bellen treffen", "trifft auf Russland": faces, not meets
    agents, fallback = verb_agents(ctx, trig)
    if not agents:
        return []
    clause, _ = clause_of(ctx, trig.i)
    if frame.has("person_verbs", ctx.doc[trig.i].lemma_.lower(), ctx.doc[trig.i].lower_):
        return _visited_person(ctx, trig, agents, fallback, clause)
    if clause is not None and clause.kind != "main":
        # the partner is in the verb's own clause: "wenn Blinken sie empfängt, steht der Konflikt
        # zwischen Russland und der Ukraine im Mittelpunkt"
        start, end = max(start, clause.start), min(end, clause.end)
    selves = {a.actor for a in agents}     # nobody meets themselves: "Wenn Putin …, trifft er Xi"
    # of a main clause, not in the subordinate clause before it: "Obwohl Moskau das bestreitet, hat Putin Scholz getroffen"
    partners = outside_subordinates(ctx, trig.i, [
        m for m in ctx.with_prep(start, end, set(frame.object_preps))
        if m.is_actor and m not in agents and m not in co_agents(ctx, start, end) and m.actor not in selves])
    if partners:
        return [Args(agents=agents, objects=group_of(ctx, partners[0]), fallback=fallback)]
    others = outside_subordinates(ctx, trig.i, [m for m in ctx.bare(start, end) if m not in agents and m.actor not in selves])
    if others:
        return [Args(agents=agents, objects=group_of(ctx, others[0]), fallback=fallback)]
    if len(agents) >= 2:
        return [Args(agents=agents, objects=agents, fallback=fallback)]      # every pair of them
    return []


def _visited_person(ctx: Ctx, trig: Trigger, agents: list[Mention], fallback: bool, clause) -> list[Args]:
    """ "Erdogan besucht seinen Kollegen Putin in Sotschi": the person visited (the verb's bare
    object in its own clause), met; no statement when the clause visits no person."""
    start, end = (clause.start, clause.end) if clause is not None else ctx.region_of(trig.i)[:2]
    selves = {a.actor for a in agents}
    hosts = [m for m in ctx.bare(start, end) if m not in agents and m.actor not in selves and m.cls == "Person"]
    if not hosts:
        return []
    return [Args(agents=agents, objects=[m for m in group_of(ctx, hosts[0]) if m.cls == "Person"], fallback=fallback)]


MINUTE = re.compile(r"^\d{1,3}\.$")


def _minute(token: Token) -> bool:
    """A match minute in brackets: "Julian Brandt (54.)"."""
    doc = token.doc
    return bool(MINUTE.match(token.text)) and token.i > 0 and doc[token.i - 1].text == "(" \
        and token.i + 1 < len(doc) and doc[token.i + 1].text in {")", ","}


def _score(token: Token) -> bool:
    """A match result: "zum 1:0" (but "um 10:30 Uhr" is a time)."""
    after = token.doc[token.i + 1].lower_ if token.i + 1 < len(token.doc) else ""
    return bool(SCORE.match(token.text)) and after != "uhr"


def _encountered(ctx: Ctx, m: Mention, start: int) -> bool:
    """Is ``m`` the object of "auf" ("trifft auf Russland", "auf den Grünen Van der Bellen"),
    with nothing but articles and adjectives (or a nominalised one: "Grünen") between?"""
    j = m.start - 1
    while j >= start and j >= m.start - 4:
        token = ctx.doc[j]
        if token.lower_ == "auf":
            return True
        if not (token.lower_ in ctx.w("determiners") or is_adjective_like(token)
                or (token.text[:1].isupper() and token.text == token.lemma_ + "n")):
            return False
        j -= 1
    return False


def _decision(ctx: Ctx, frame: Frame, i: int, start: int, end: int) -> bool:
    """Does the clause of the verb at ``i`` (or the antecedent of its relative pronoun) hold a noun
    one "trifft" without meeting anyone: a decision, an agreement, a choice ("not_met_objects")?
    The clause the clause layer gives, not the clause before it ("Wenn Trump die Wahl gewinnt,
    will er Putin treffen"); without one, the trigger's region."""
    # (of a main clause, not a noun of a subordinate clause before or inside it)
    return any(has_noun(ctx, a, b, frame.words.get("not_met_objects", frozenset()))
               for a, b in _without(start, end, subordinates_of_main(ctx, i)))


def _without(start: int, end: int, holes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``start:end`` without the ``holes`` (token ranges), as the ranges that are left."""
    out = []
    for a, b in sorted(holes):
        if a > start:
            out.append((start, min(a, end)))
        start = max(start, b)
    return out + [(start, end)] if start < end else out


def _faces(ctx: Ctx, frame: Frame, start: int, end: int) -> bool:
    """ "trifft er auf den Sieger …": "auf" with an accusative is whom one faces (a draw, an
    opponent), not whom one meets; "auf dem Gipfel" (a dative) is where one meets."""
    return any(t.lower_ == "auf" and t.i + 1 < end and frame.has("facing_determiners", ctx.doc[t.i + 1].lower_)
               for t in ctx.doc[start:end])


def _noun(ctx: Ctx, trig: Trigger, frame: Frame, start: int, end: int) -> list[Args]:
    """ "Treffen zwischen X und Y", "Gespräche mit Y", "das Treffen Kims und Putins", "X führte
    Gespräche mit Y"; not talks at a distance, interviews, or talks among organisations."""
    if ctx.doc[trig.i].lower_.startswith(tuple(frame.words.get("remote_modifiers", ()))):
        return []      # "Telefongespräch": talks at a distance
    parts = noun_parts(ctx, trig.i)
    partners = [m for m in ctx.with_prep(trig.i + 1, parts.tail_end, set(frame.object_preps)) if m.is_actor]
    participants = parts.left_gen + parts.right_gen + parts.von or compound_people(ctx, trig.i)
    partners = group_of(ctx, partners[0]) if partners else []
    talks = head_match(ctx.doc[trig.i].lower_, frame.words.get("talk_heads", ())) is not None
    if partners and talks and all(m.cls == "Organization" for m in partners):
        return []      # "im Gespräch mit der APA": an interview
    if not participants and len(partners) >= 2 and ctx.prep.get(partners[0].start) == "zwischen":
        # "ein Treffen zwischen X und Y": the pair met, whoever else the clause names
        return [Args(agents=[a], objects=partners[n + 1:]) for n, a in enumerate(partners[:-1])]
    fallback = False
    if not participants and not partners:
        # a headline's list right after the noun: "Treffen EU, Ukraine, Russland …"
        j = trig.i + 1
        for m in ctx.mentions:
            if m.start == j and m.is_actor and ctx.prep[m.start] is None and m.start not in ctx.excluded:
                participants.append(m)
                j = m.end + 1 if m.end < ctx.sent.end and ctx.doc[m.end].text in {",", "und"} else m.end
        if len(participants) < 2:
            participants = []
    if not participants and foreign_owner(ctx, trig.i):
        return []
    if not participants:
        participants, fallback = subject(ctx, trig.i, skip={m.start for m in partners})
        if not participants:
            participants = [m for m in ctx.with_prep(start, end, set(ctx.cues.syntax["fallback_agent_preps"]))
                            if m.is_actor][:1] or (previous_agents(ctx, trig) if partners else [])
            fallback = True
    if partners:
        return [Args(agents=participants, objects=partners, fallback=fallback)]
    if talks and all(m.cls == "Organization" for m in participants):
        return []      # "Die Gespräche führen die EU, die EZB sowie der IWF": one side of talks
    # "das Treffen Kim Jong-uns und Putins", "Treffen EU, Ukraine, Russland": every pair met
    return [Args(agents=[a], objects=participants[n + 1:], fallback=fallback)
            for n, a in enumerate(participants[:-1])]
