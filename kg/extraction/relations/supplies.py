"""``supplies``: "X liefert Y Waffen", "Lieferungen von X an Y", "Y setzt Raketen aus X ein"
(import), "X versorgt Y mit Waffen" (provision)."""
from __future__ import annotations

from kg.extraction.arguments import (
    Args, clause_of, controller, destinations, group_of, has_passive_auxiliary, is_infinitive, subject, verb_agents,
)
from kg.extraction.governors import governor
from kg.extraction.context import Ctx
from kg.extraction.preps import is_adjective_like, prep_before
from kg.extraction.cues import Frame
from kg.extraction.nouns import foreign_owner, is_region, items_in, noun_parts
from kg.extraction.relations import register
from kg.extraction.triggers import Trigger, head_match
from kg.mentions import Mention
from kg.nlp import lowers


@register("supplies")
def supplies(ctx: Ctx, trig: Trigger, frame: Frame) -> list[Args]:
    start, end, _ = ctx.region_of(trig.i)
    if trig.kind == "import":
        preps = set(frame.spec.get("source_preps", []))
        if frame.has("import_in_verbs", trig.text, ctx.doc[trig.i].lemma_):
            preps.add("in")
        if not has_passive_auxiliary(ctx, start, end):
            preps |= ctx.w("agent_preps")      # "kaufte das System von Russland" (in the passive "von" buys)
        sources = [m for m in ctx.with_prep(start, end, preps) if m.is_actor and m.cls == "State"]
        recipients, fallback = subject(ctx, trig.i)
        items = items_in(ctx, start, end)
        if not sources and recipients:
            makers = _makers(ctx, items, {m.actor for m in recipients})
            return [Args(agents=[m], objects=recipients, fallback=fallback, items=items) for m in makers]
        if not sources or not recipients or not items:
            return []        # (goods named: "erhielt Glückwünsche aus X" is no supply)
        return [Args(agents=group_of(ctx, sources[0]), objects=recipients, fallback=fallback, items=items)]
    if trig.kind == "provision":
        return _provision(ctx, trig, frame, start, end)
    if trig.kind == "noun":
        return _noun(ctx, trig, frame, start, end)
    agents, fallback = verb_agents(ctx, trig)
    if not agents:
        return []
    seg_start, seg_end = ctx.segments[ctx.seg_of(trig.i)]
    # (not a word that names an actor, "die Führung Nordkoreas", a source, "Berichten zufolge", or a
    # noun of a prepositional phrase, "Laut einem Bericht der Zeitung übergab Teheran Raketen …")
    named = {k for m in ctx.mentions for k in range(m.start, m.end)} | _sources(ctx, seg_start, seg_end)
    if any(frame.has("not_goods", t.lower_, t.lemma_) and prep_before(ctx.doc, ctx.sent, t.i, ctx.cues) is None
           for t in ctx.doc[seg_start:seg_end] if t.i not in named):
        return []      # "sein Mandat an X übergeben", "den Vorsitz übergeben": an office, not goods
    preps = set(frame.object_preps)
    items = items_in(ctx, start, end)
    if not items and frame.has("needs_items", ctx.doc[trig.i].lemma_, ctx.doc[trig.i].lower_):
        return []      # "schickte eine Protestnote an die US-Regierung": no goods
    # the verb's own segment first ("…, statt Öl nach Europa zu liefern" is no supply to the China
    # of the clause before); "nach" only with goods named ("liefert Drohnen nach Russland", not
    # "schickt Spieler ins London")
    recipients = []
    for a, b in ((seg_start, seg_end), (start, end)):
        recipients = [m for m in ctx.with_prep(a, b, preps) if _receives(ctx, m) and m not in agents] \
            or [m for m in (destinations(ctx, a, b) if items else []) if _receives(ctx, m) and m not in agents]
        if recipients:
            break
    if recipients:
        objects = group_of(ctx, recipients[0])
    else:
        # a bare dative recipient only with something supplied: "Belarus habe Russland Benzin geliefert",
        # not "habe Kurz das Thema der Ministerin überlassen"
        # (in the passive, where "von X" supplies, the dative may stand anywhere: "Syrien wurden von X … geliefert")
        passive = ctx.prep.get(agents[0].start) in ctx.w("agent_preps")
        # the dative is in the verb's own clause, with its subject: "Weil Russland Waffen liefert, verhängt die EU …"
        clause, _ = clause_of(ctx, trig.i)
        own = clause is not None and clause.start <= agents[0].start < clause.end
        a, b = (max(start, clause.start), min(end, clause.end)) if own else (start, end)
        others = [m for m in ctx.bare(a, b) if m not in agents and (passive or m.start > agents[-1].start)]
        objects = group_of(ctx, others[0]) if others and frame.bare_object and items else []
    if not objects:
        return []
    return [Args(agents=agents, objects=objects, fallback=fallback, items=items)]


def _makers(ctx: Ctx, items, selves: set[str]) -> list[Mention]:
    """The states whose demonyms stand before goods bought or received: "Belarus erhält russische
    Atomwaffen", "Indien kauft weiter russisches Öl" (Russia); not the buyer's own ("eigene",
    "Russland setzt russische Raketen ein")."""
    adjectives = {m.end: m for m in ctx.mentions if m.kind == "adj" and m.cls == "State"}
    found: dict[str, Mention] = {}
    for item in items:
        j = item.i
        while j > ctx.sent.start and j not in adjectives and is_adjective_like(ctx.doc[j - 1]):
            j -= 1                # "russische moderne Panzer", "iranische Shahed-Drohnen"
        maker = adjectives.get(j)
        if maker is not None and maker.actor not in selves:
            found.setdefault(maker.actor, maker)     # "südkoreanische Panzer und amerikanische Kampfjets": both
    return list(found.values())


def _sources(ctx: Ctx, start: int, end: int) -> set[int]:
    """The words of source phrases in ``start:end``: "laut einem Bericht der Zeitung „Asahi“",
    "nach Angaben des Ministeriums", "Einem Bericht des Senders zufolge", "Berichten zufolge": from
    the source word on (or back from "zufolge") over articles, adjectives, capitalised words and
    quotation marks, up to the first other word (a verb: "… übergab Teheran …")."""
    low = lowers(ctx.doc)
    out: set[int] = set()
    for i in range(start, end):
        if low[i] in ctx.w("source_before"):
            step, j = 1, i + 1
        elif low[i] in ctx.w("source_after"):
            step, j = -1, i - 1
        else:
            continue
        out.add(i)
        while start <= j < end and _in_source_phrase(ctx, j):
            out.add(j)
            j += step
    return out


def _in_source_phrase(ctx: Ctx, j: int) -> bool:
    token = ctx.doc[j]
    return token.text[:1].isupper() or token.is_punct and token.text not in {",", ".", ":", ";"} \
        or token.lower_ in ctx.w("determiners") or token.lower_ in ctx.w("source_links") or is_adjective_like(token)


def _provision(ctx: Ctx, trig: Trigger, frame: Frame, start: int, end: int) -> list[Args]:
    """ "Russland versorgt die Rebellen mit Waffen": the accusative object receives."""
    items = items_in(ctx, start, end)
    if not items and not frame.has("provision_without_item", ctx.doc[trig.i].lower_, ctx.doc[trig.i].lemma_):
        return []
    if is_infinitive(ctx, trig.i):
        own = max(start, ctx.segments[ctx.seg_of(trig.i)][0])      # the infinitive's own words
        agents, fallback = controller(ctx, own), True
        recipients = [m for m in ctx.bare(own, trig.i) if m not in agents]
    else:
        agents, fallback = verb_agents(ctx, trig)
        recipients = [m for m in ctx.bare(start, end) if m not in agents and (not agents or m.start > agents[-1].start)]
    if not agents or not recipients:
        return []
    return [Args(agents=agents, objects=group_of(ctx, recipients[0]), fallback=fallback, items=items)]


def _noun(ctx: Ctx, trig: Trigger, frame: Frame, start: int, end: int) -> list[Args]:
    """The noun frame: "Lieferungen von X an Y", "Xs Waffenlieferungen an Y", "Lieferungen … aus X an Y", "die Lieferung russischer Raketen an Y", and a governed noun: "X räumte Drohnenlieferungen an Y ein"."""
    parts = noun_parts(ctx, trig.i)
    suppliers = parts.left_gen or parts.right_gen or parts.von or parts.by \
        or [m for m in parts.left_adj if m.kind == "adj"]
    items = items_in(ctx, trig.i + 1, parts.tail_end)
    if not suppliers:
        # "Lieferung von nordkoreanischen Raketen": the demonym on the item names the supplier
        for item in items:
            adj = [m for m in ctx.mentions if m.kind == "adj" and m.end == item.i]
            if adj:
                suppliers = adj[:1]
                break
    if not suppliers:
        # "Lieferungen von Waffen aus Russland an China": the source is the supplier
        suppliers = [m for m in ctx.with_prep(trig.i + 1, parts.tail_end, set(frame.spec.get("source_preps", [])))
                     if m.is_actor and m.cls == "State"][:1]
    recipients = [m for m in ctx.with_prep(trig.i + 1, parts.tail_end, set(frame.object_preps)) if _receives(ctx, m)] \
        or [m for m in destinations(ctx, trig.i + 1, parts.tail_end) if _receives(ctx, m)]
    # ("Waffenexporte nach Saudi-Arabien", "Gaslieferungen nach Europa": the noun names goods)
    if not suppliers and recipients and governor(ctx, trig) is not None and not foreign_owner(ctx, trig.i):
        # "Der Iran räumte Drohnenlieferungen an Russland ein": the governing verb's subject (not in
        # "Lieferungen westlicher Staaten an die Ukraine lehnt Moskau ab": they would supply)
        suppliers = [m for m in subject(ctx, trig.i, skip={m.start for m in recipients})[0]
                     if m not in recipients]
    compound = ctx.doc[trig.i].lower_
    head = head_match(compound, frame.noun_heads) or ""
    modifier = ctx.doc[trig.i].text[: len(compound) - len(head)].rstrip("-")
    if not suppliers or not recipients:
        return []
    args = Args(agents=suppliers, objects=group_of(ctx, recipients[0]), items=items)
    if modifier and head_match(modifier.lower(), ctx.cues.items):
        args.items = [modifier] + args.items
    elif modifier.endswith("s") and head_match(modifier[:-1].lower(), ctx.cues.items):
        args.items = [modifier[:-1]] + args.items         # "Rüstungsverkäufe", "Munitionsexporte": a linking s
    if not args.items and head in frame.words.get("sale_heads", ()) and not _listed_goods(ctx, trig.i, frame):
        return []      # "der Verkauf von Opel an PSA": a company sold, no goods supplied
    return [args]


def _listed_goods(ctx: Ctx, i: int, frame: Frame) -> bool:
    """Is the sale noun at ``i`` the last of a list of compounds whose first names goods ("Waffen- und
    Munitionsverkäufe": "Waffen-")?"""
    j = i - 1
    while j > ctx.sent.start and ctx.doc[j].lower_ in ctx.w("coordinators") | {","}:
        j -= 1
    word = ctx.doc[j].lower_
    return word.endswith("-") and head_match(word.rstrip("-"), ctx.cues.items) is not None


def _receives(ctx: Ctx, m: Mention) -> bool:
    """Can ``m`` receive goods: an actor, or a region no state holds ("Gas nach Europa", "Waffen
    nach Afrika"; not a town: "Panzer nach Wien" is no supply to Vienna)?"""
    return m.is_actor or is_region(ctx, m)
