"""``visited``: "X besuchte Y", "X reist nach Y", "Besuch Xs in Y", "bei einem Besuch der
Ministerin" (the host is the subject)."""
from __future__ import annotations

from kg.extraction.arguments import (Args, clause_of, destinations, place_in, previous_agents, subject,
                                    outside_subordinates, verb_agents)
from kg.extraction.governors import governor
from kg.extraction.context import Ctx
from kg.extraction.preps import prep_before, word_before_phrase
from kg.extraction.lists import group_of, is_title_word
from kg.extraction.cues import Frame
from kg.extraction.nouns import (attribute_of_thing, compound_people, compound_place, contest, foreign_owner, is_region,
                                 noun_parts)
from kg.extraction.relations import register
from kg.extraction.triggers import Trigger
from kg.timex import calendar_words
from kg.mentions import Mention
from kg.mentions.base import acting_for


@register("visited")
def visited(ctx: Ctx, trig: Trigger, frame: Frame) -> list[Args]:
    start, end, _ = ctx.region_of(trig.i)
    if trig.kind == "noun":
        return _noun(ctx, trig, frame, start, end)
    if trig.kind == "expect":
        return _expected(ctx, trig, start, end)
    if trig.kind == "receive":
        return _received(ctx, trig)
    if trig.kind == "stay":
        return _stayed(ctx, trig, frame)
    agents, fallback = verb_agents(ctx, trig)
    if not agents:
        return []
    if trig.kind == "motion":
        clause, _ = clause_of(ctx, trig.i)
        if clause is not None:         # the destination is in the verb's own clause ("…, es kommt darauf an")
            start, end = max(start, clause.start), min(end, clause.end)
        if any(frame.has("ranking_words", t.lower_) for t in ctx.doc[start:end]):
            return []                  # "landete in Guatemala auf dem ersten Platz": a ranking
        lemma = ctx.doc[trig.i].lemma_.lower()
        arrival = frame.has("arrival_verbs", trig.particle + lemma, lemma)     # "traf in Moskau ein"
        if any(frame.has("remote_words", t.lower_) for t in ctx.doc[start:end]) or contest(ctx):
            return []                  # "nahm per Video … teil", "nahm an den Spielen in Rio teil", athletes' trips
        targets = destinations(ctx, start, end, arrival)[:1]
    else:
        targets = outside_subordinates(ctx, trig.i, [m for m in ctx.bare(start, end, actors_only=False)
                                                     if m not in agents and m.cls in {"Place", "State"}])[:1] \
            or _where_person_visited(ctx, trig, agents)
    if not targets:
        return []
    return [Args(agents=agents, objects=_places_of(ctx, targets[0]), fallback=fallback)]


def _expected(ctx: Ctx, trig: Trigger, start: int, end: int) -> list[Args]:
    """ "Scholz wird am Montag in Indien erwartet": the subject of the passive visits the place
    "in" it; "Trump erwartet Netanjahu in Washington": the person awaited does.  Only people and
    governments are awaited on a visit ("Experten erwarten in Berlin eine Einigung" is none)."""
    clause, _ = clause_of(ctx, trig.i)
    if clause is not None:
        start, end = max(start, clause.start), min(end, clause.end)
    place = place_in(ctx, start, end, frozenset({"in"}))
    if place is None:
        return []
    bare = [m for m in ctx.bare(start, end) if m.cls in {"Person", "State", "Organization"} and m is not place
            and not attribute_of_thing(ctx, m.start)]    # "Zugeständnisse der USA" ("den Außenminister Irans" is Iran's)
    passive = clause is not None and clause.verbs.voice == "passive"
    before = [m for m in bare if m.start < trig.i]
    after = [m for m in bare if m.start > trig.i]
    if passive:
        guests = before[:1] or after[:1]
    else:                              # the object after the verb, behind the subject if that follows too
        subject_first = before or (clause is not None and clause.subjects and clause.subjects[0][0] < trig.i)
        guests = after[:1] if subject_first else after[1:2]
    if not guests:
        return []
    return [Args(agents=group_of(ctx, guests[0]), objects=[place])]


def _where_person_visited(ctx: Ctx, trig: Trigger, agents: list[Mention]) -> list[Mention]:
    """ "Erdogan besucht Putin in Sotschi": the place "in" the clause of a verb that visits a
    person (its bare object) is where the visitor went; none for a clause that visits no person."""
    clause, _ = clause_of(ctx, trig.i)
    if clause is None or not any(m.cls == "Person" and m not in agents for m in ctx.bare(clause.start, clause.end)):
        return []
    place = place_in(ctx, clause.start, clause.end, frozenset({"in"}))
    return [place] if place is not None else []


def _stayed(ctx: Ctx, trig: Trigger, frame: Frame) -> list[Args]:
    """ "als Trump in Moskau war", "Lawrow war im Januar bereits in Ägypten": a person who was in a
    place not of a state they hold an office of, in a clause of nothing but names, dates and
    ``stay_words`` ("war in Moskau stationiert", "war dort Botschafter" say something else)."""
    start, end, _ = ctx.region_of(trig.i)      # (cheap checks first: the clause layer costs)
    if not any(m.cls in {"Place", "State"} for m in ctx.with_prep(start, end, {"in"})) \
            or not any(m.cls == "Person" for m in ctx.bare(start, end)):
        return []
    clause, _ = clause_of(ctx, trig.i)
    if clause is None or not any(m.cls in {"Place", "State"} for m in ctx.with_prep(clause.start, clause.end, {"in"})):
        return []
    # (the subject's own words too: "Der Regisseur Patrick Vollrath war in Los Angeles")
    named = {i for m in ctx.mentions for i in range(m.start, m.end)}
    named |= {i for a, b in clause.subjects if any(a <= m.start < b and m.cls == "Person" for m in ctx.mentions)
              for i in range(a, b)}
    if any(t.i not in named and t.is_alpha and t.lower_ not in frame.words["stay_words"]
           and t.lower_ not in ctx.w("determiners") and t.lower_ not in calendar_words()
           for t in ctx.doc[clause.start:clause.end]):
        return []
    people = [m for m in ctx.bare(clause.start, clause.end) if m.cls == "Person"]
    place = place_in(ctx, clause.start, clause.end, frozenset({"in"}))
    if not people or place is None:
        return []
    person = people[0]
    if person.key not in ctx.gazetteer and person.member_of is None and any(
            is_title_word(ctx, t) for t in ctx.doc[person.start:person.end]):
        return []                      # "Innenminister Alfano war in Rom": an office of no state named is at home
    homes = acting_for(person, ctx.gazetteer)
    if place.actor in homes or (place.key in ctx.gazetteer and ctx.gazetteer[place.key].country in homes):
        return []                      # "Putin war in Moskau", "der italienische Innenminister X war in Rom": at home
    return [Args(agents=group_of(ctx, people[0]), objects=_places_of(ctx, place))]


def _received(ctx: Ctx, trig: Trigger) -> list[Args]:
    """ "Putin empfing Merkel in Sotschi", "Merkel wurde in Sotschi von Putin empfangen": the
    guest (the accusative of the active, the subject of the passive) visits the place "in" the
    verb's clause; nothing without such a place or guest."""
    clause, _ = clause_of(ctx, trig.i)
    if clause is None or clause.verbs.main is None:
        return []
    place = place_in(ctx, clause.start, clause.end, frozenset({"in"}))
    if place is None:
        return []
    hosts, _ = subject(ctx, clause.verbs.main, skip={place.start})
    if clause.verbs.voice == "passive":
        guests = [m for m in hosts if m.cls in {"Person", "State", "Organization"}]
    else:
        guests = [m for m in ctx.bare(clause.start, clause.end) if m not in hosts and m is not place
                  and m.cls in {"Person", "State", "Organization"} and not attribute_of_thing(ctx, m.start)][:1]
    if not guests:
        return []
    return [Args(agents=group_of(ctx, guests[0]), objects=_places_of(ctx, place))]


def _guests(ctx: Ctx, trig: Trigger, frame: Frame, skip: set[int]) -> list[Mention]:
    """The guest a host receives on a visit ("Modi empfing Scholz zu einem Staatsbesuch in
    Neu-Delhi", "Xi lud Putin zu einem Besuch nach Peking ein"): the accusative of an active host
    verb (``host_verbs``), not its subject; none for any other verb."""
    clause, _ = clause_of(ctx, trig.i)
    if clause is None or clause.verbs.main is None or clause.verbs.voice != "active" or not frame.has(
            "host_verbs", ctx.doc[clause.verbs.main].lemma_.lower(), clause.verbs.lemma):
        return []
    hosts, _ = subject(ctx, clause.verbs.main, skip=skip)
    guests = [m for m in ctx.bare(clause.start, clause.end) if m.start not in skip and m not in hosts
              and m.cls in {"Person", "State", "Organization"}]
    return group_of(ctx, guests[0]) if guests else []


def _led(ctx: Ctx, trig: Trigger, frame: Frame) -> list[Args] | None:
    """ "Die Reise führt Scholz anschließend nach Japan", "Der Besuch soll Franziskus weiter nach
    Bolivien und Paraguay führen": a journey that leads (``lead_verbs``) its accusative to a
    place; None when the noun is no subject of such a verb."""
    clause, _ = clause_of(ctx, trig.i)
    if clause is None or clause.verbs.main is None or clause.verbs.finite is None or trig.i > clause.verbs.finite \
            or clause.verbs.voice != "active" or prep_before(ctx.doc, ctx.sent, trig.i, ctx.cues) is not None \
            or not frame.has("lead_verbs", ctx.doc[clause.verbs.main].lemma_.lower(), ctx.doc[clause.verbs.main].lower_):
        return None            # ("Bei dem Besuch sollen Gespräche geführt werden": no journey leads)
    travellers = [m for m in ctx.bare(trig.i + 1, clause.end) if m.cls == "Person"]
    places = destinations(ctx, trig.i + 1, clause.end)
    if not travellers or not places:
        return None
    return [Args(agents=group_of(ctx, travellers[0]), objects=_places_of(ctx, places[0]))]


def _places_of(ctx: Ctx, first: Mention) -> list[Mention]:
    """The place and the places coordinated with it: "besuchte Moskau und Peking", "reiste
    nach China, Nordkorea und Vietnam" (its list holds places and states only)."""
    return [m for m in group_of(ctx, first) if m.cls in {"Place", "State"}] or [first]


def _noun(ctx: Ctx, trig: Trigger, frame: Frame, start: int, end: int) -> list[Args]:
    """The noun frame: "Besuch Xs in Y", "Putin-Besuch in Y", "X stattete Y einen Besuch ab", "bei einem Besuch der Ministerin" (the host is the subject); not a journey through or away."""
    if frame.has("not_visits", ctx.doc[trig.i].lower_):
        return []            # "auf der Durchreise in Serbien": passing through
    led = _led(ctx, trig, frame)
    if led is not None:
        return led
    parts = noun_parts(ctx, trig.i)
    visitors, places, fallback = [], [], False
    for m in parts.left_gen + parts.right_gen + parts.von:
        # "Besuch Putins", "Besuch eines japanischen Staatsoberhaupts" (a state's office): a visitor
        visitor = m.cls == "Person" or m.kind == "government" or (m in parts.von and m.is_actor)
        (visitors if visitor else places).append(m)
    if not places:
        place = compound_place(ctx, trig.i) or place_in(ctx, trig.i + 1, parts.tail_end, frame.words["place_preps"])
        if place is not None and is_region(ctx, place):
            # "hat in Ecuador seine Südamerika-Reise begonnen": the state the clause names, not the continent
            place = place_in(ctx, start, trig.i, frozenset({"in"})) or place
        if place is None and governor(ctx, trig) is not None:
            # "stattete Moskau einen Besuch ab", "kündigte Peking einen Besuch an": the bare object
            place = next((m for m in ctx.bare(start, trig.i, actors_only=False)
                          if m.cls in {"Place", "State"} and m.start > start), None)
        if place is None and ctx.doc[word_before_phrase(ctx, trig.i)].lower_ in {"zu", "zum"}:
            # "ist in der polnischen Hauptstadt zu Besuch", "wurde in Neu-Delhi zu einem Staatsbesuch empfangen"
            place = place_in(ctx, start, trig.i)
        places = _places_of(ctx, place) if place else []
    if not visitors:
        visitors = compound_people(ctx, trig.i)[:1]     # "der Putin-Besuch in Pjöngjang"
    if not visitors and foreign_owner(ctx, trig.i):
        return []            # "Auslandsreise des Pontifex": the owner is named, but unknown
    if not visitors:
        visitors = _guests(ctx, trig, frame, {m.start for m in places})
    if not visitors:
        visitors, fallback = subject(ctx, trig.i, skip={m.start for m in places})
        if not visitors:
            visitors = [m for m in ctx.with_prep(start, end, set(ctx.cues.syntax["fallback_agent_preps"]))
                        if m.cls == "Person"][:1] or (previous_agents(ctx, trig) if places else [])
            fallback = True
    host = False
    unknown_place = any(
        t.lower_ in {"in", "nach", "im"} and next(
            (u for u in ctx.doc[t.i + 1:parts.tail_end] if u.lower_ not in ctx.w("determiners")), t
        ).text[:1].isupper()
        for t in ctx.doc[trig.i + 1:max(trig.i + 1, parts.tail_end - 1)]
    )
    if not places and visitors and not fallback and not unknown_place:
        # "Russland hatte bei einem Besuch der Außenministerin Choe …": the host is the subject
        hosts, _ = subject(ctx, trig.i, skip={m.start for m in visitors})
        places = [m for m in hosts if m.cls == "State"
                  and ctx.doc[m.start - 1].lower_ not in ctx.w("genitive_articles") | {"eines", "einer"}][:1]
        host = True
    if not visitors or not places:
        return []
    return [Args(agents=visitors, objects=places, fallback=fallback or host)]

