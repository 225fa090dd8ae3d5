"""Statements from a trigger's arguments and modality: confidence, items, place, minted
measures; one statement per pair (symmetric relations once), and denials (of a relative
clause's claim: "…, was Moskau bestreitet", or of the previous sentence: "Peskow dementierte dies")."""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from kg.extraction.arguments import Args
from kg.extraction.context import Ctx
from kg.extraction.modality import Cue, word_modality
from kg.extraction.forms import word_forms
from kg.extraction.triggers import Trigger
from kg.mentions.base import acting_for
from kg.model import Statement, EntityRef, slug


def _place_of(ctx: Ctx, trig: Trigger, object_kind: str) -> str | None:
    """Where it happened: "in Sotschi" in the clause, or before a "wo" clause (not for a
    relation whose object is the place)."""
    if object_kind == "place_or_state":
        return None
    start, end, _ = ctx.region_of(trig.i)
    places = [m for m in ctx.with_prep(start, end, {"in"}) if m.cls == "Place"]
    if places:
        return places[0].key
    if ctx.doc[start].lower_ == "wo":
        before = [m for m in ctx.with_prep(ctx.sent.start, start, {"in"}) if m.cls == "Place"]
        return before[-1].key if before else None
    return None


def _pairs(args: Args) -> set[tuple[str, str]]:
    return {(a.actor, o.actor) for a in args.agents for o in args.objects} | \
        {(a.actor, o.key) for a in args.agents for o in args.objects}


def prefer_verbs(ctx: Ctx, pending: list[tuple[Trigger, Args]]) -> list[tuple[Trigger, Args]]:
    """ "wird zu einem Staatsbesuch nach Russland reisen": the verb speaks, not the noun."""
    verbs = [(t, a) for t, a in pending if t.kind != "noun"]
    kept = []
    for trig, args in pending:
        if trig.kind == "noun" and any(
            v.relation == trig.relation and ctx.seg_of(v.i) == ctx.seg_of(trig.i)
            and _pairs(args) & _pairs(va) for v, va in verbs
        ):
            continue
        kept.append((trig, args))
    return kept


def make_statements(ctx, trig, args: Args, cue: Cue, when, article, measures, items) -> list[Statement]:
    """One statement per (agent, object) of ``args``; the object is what the relation declares
    (``object`` in cues.toml): an actor, a place or state (its own key), or a minted measure."""
    relation = trig.relation
    kind = ctx.cues.frames[relation].decl.object
    confidence = 0.9 if trig.kind != "noun" else 0.85
    if args.fallback:
        confidence -= 0.2
    if any(m.kind == "pronoun" for m in args.agents + args.objects):
        confidence -= 0.1
    item_keys = _item_keys(args, items)
    out = []
    minted: dict[int, str] = {}          # one measure for all who vetoed it ("China und Russland legten …")
    for agent in dict.fromkeys(m.actor for m in args.agents):
        for n, target_m in enumerate(args.objects):
            target = target_m.key if kind == "place_or_state" else target_m.actor
            if kind == "measure":
                target = minted.get(n) or minted.setdefault(n, _measure(ctx, args, target_m, article, measures))
            if target == agent or (kind != "measure" and target_m.actor == agent):
                continue
            place = args.place.key if args.place else _place_of(ctx, trig, kind)
            out.append(Statement(
                relation=relation, subject=agent, object=target, modality=cue.modality,
                sentence=ctx.index, trigger=trig.text,
                trigger_char=ctx.doc[trig.i].idx + article.body_start,
                attributed_to=cue.who,
                items=tuple(dict.fromkeys(item_keys)), place=place, time=when,
                confidence=round(max(confidence, 0.3), 2), cue=cue.word or None,
            ))
    return out


def _item_keys(args: Args, items: dict[str, EntityRef]) -> list[str]:
    """The keys of the items supplied (minted into ``items``)."""
    keys = []
    for item in args.items:
        text = item if isinstance(item, str) else item.text
        lemma = text if isinstance(item, str) else (item.lemma_ if item.lemma_[:1].isupper() else item.text)
        key = "item:" + slug(lemma)
        items.setdefault(key, EntityRef(key=key, label=lemma, cls="Item", surface_forms=(text,)))
        keys.append(key)
    return keys


def _measure(ctx: Ctx, args: Args, target_m, article, measures: dict[str, EntityRef]) -> str:
    """A measure minted for the object (a vetoed draft), labelled by its words or "Maßnahme zu X"."""
    key = f"measure:{slug(article.identifier)}-{len(measures) + 1}"
    if target_m.kind == "measure":            # "ein Veto gegen die Resolution": no target named
        measures[key] = EntityRef(key=key, label=target_m.text, cls="Measure")
        return key
    if ctx.doc[args.measure[0]].text[:1].isupper() and args.measure[0] != target_m.start:
        label = ctx.doc[args.measure[0]:args.measure[1]].text
    else:
        name = ctx.gazetteer[target_m.actor].label if target_m.actor in ctx.gazetteer else target_m.text
        label = f"Maßnahme zu {name}"
    measures[key] = EntityRef(key=key, label=label, cls="Measure", concerns=target_m.actor)
    return key


def dedupe(statements: list[Statement], symmetric: frozenset[str]) -> list[Statement]:
    """Each (relation, subject, object, modality) once; a symmetric relation's pair in either order once."""
    seen, out = set(), []
    for st in statements:
        a, b = st.subject, st.object
        if st.relation in symmetric:
            a, b = sorted((a, b))
        key = (st.relation, a, b, st.modality)
        if key in seen:
            continue
        seen.add(key)
        out.append(st)
    return out


#: what a body may tell of a headline's fact that the headline's present tense does not say
BODY_TOLD = ("planned", "reported", "alleged")


def is_headline(sentences, text: str) -> bool:
    """Does the article open with a headline: a first line of its own with no closing full stop?"""
    if len(sentences) < 2:
        return False
    first = sentences[0]
    return not first.text.rstrip().endswith((".", "!", "?", ":")) and "\n" in text[first.end_char:sentences[1].start_char]


def headline_as_told(statements: list[Statement], sentences, text: str, symmetric: frozenset[str]) -> list[Statement]:
    """A headline's present tense tells nothing of when or how sure ("Erdogan trifft Putin in
    Sotschi"); the body tells it ("besucht … am Mittwoch": planned, "soll … geliefert haben":
    alleged).  A headline's asserted statement takes the modality of the body's statements of the
    same fact, unless one of them is asserted too."""
    if not is_headline(sentences, text):
        return statements

    def fact(st: Statement) -> tuple[str, ...]:
        pair = sorted((st.subject, st.object)) if st.relation in symmetric else [st.subject, st.object]
        return (st.relation, *pair)

    told: dict[tuple[str, ...], list[Statement]] = {}
    for st in statements:
        if st.sentence > 0:
            told.setdefault(fact(st), []).append(st)
    out = []
    for st in statements:
        body = told.get(fact(st), [])
        if st.sentence == 0 and st.modality == "asserted" and body and all(b.modality in BODY_TOLD for b in body):
            st = replace(st, modality=body[0].modality, cue=body[0].cue, attributed_to=body[0].attributed_to)
        out.append(st)
    return out


def _denial(claim: Statement, sentence: int, cue: Token, offset: int, denier: str | None,
            claim_index: int) -> Statement:
    """The claim denied: its own statement in the denial's sentence, pointing back at the claim."""
    return replace(claim, modality="denied", sentence=sentence, trigger_char=cue.idx + offset, cue=cue.text,
                   attributed_to=denier, contradicts=(claim_index,), confidence=round(claim.confidence - 0.1, 2))


def denials_in_relative_clause(ctx: Ctx, found: list[Statement], claimants, offset: int,
                                base: int) -> list[Statement]:
    """ "Nordkorea hat Russland angeblich Munition geliefert, was Moskau bestreitet.": the claim
    stays as it is, and the denial becomes a statement of its own."""
    out = []
    for start, end, sub in ctx.regions:
        if not sub or ctx.doc[start].lower_ != "was":
            continue
        denial = [t for t in ctx.doc[start:end] if word_modality(ctx, t) == "denied"]
        if not denial:
            continue
        cue = denial[0]
        who = claimants.get(cue.i)
        for n, st in enumerate(found):
            if st.modality in {"denied", "negated"} or st.trigger_char - offset >= ctx.doc[start].idx:
                continue
            out.append(_denial(st, ctx.index, cue, offset, who.key if who else None, base + n))
    return out


def denials_of_previous(ctx: Ctx, statements, previous, claimants, offset: int) -> list[Statement]:
    """ "Peskow dementierte dies.": deny what the previous sentence claimed."""
    if not any(t.lower_ in ctx.w("denial_objects") for t in ctx.sent):
        return []            # (the cheap test first)
    denial = [t for t in ctx.sent if word_modality(ctx, t) == "denied"
              and t.lower_ not in ctx.w("denied_not_of_previous")]
    if not denial:
        return []
    cue = denial[0]
    who = claimants.get(cue.i)
    if who is None:
        bare = ctx.bare(ctx.sent.start, ctx.sent.end)
        who = bare[0] if bare else None
    out = []
    for n in previous:
        st = statements[n]
        if st.modality in {"denied", "negated"}:
            continue
        out.append(_denial(st, ctx.index, cue, offset, who.actor if who else None, n))
    return out


def reports_of_previous(ctx: Ctx, statements: list[Statement], previous: list[int]) -> None:
    """ "Nordkorea liefert Russland Munition. Das behauptet Südkorea.": a sentence that opens with
    the previous sentence as the object of its speech verb ("das", "dies", "so": ``[reporting]
    report_previous``) makes what that sentence's verbs asserted reported, by the speaker named after
    the verb (an adjective's state: "Das teilte das südkoreanische Militär mit"), in ``statements``."""
    if not previous or ctx.sent.end - ctx.sent.start < 3 or ctx.doc[ctx.sent.start].lower_ not in ctx.w("report_previous"):
        return
    verb = ctx.doc[ctx.sent.start + 1]
    if not (word_forms(ctx, verb) & ctx.w("speech_verbs")):
        return
    after = [m for m in ctx.in_span(verb.i + 1, ctx.sent.end)
             if ctx.prep[m.start] is None and not m.genitive and (m.is_actor or m.kind == "adj")]
    who = after[0] if after else None
    sides = {who.key, who.actor} | acting_for(who, ctx.gazetteer) if who is not None else set()
    for n in previous:
        st = statements[n]
        # a verb's statement (not an event noun taken as given: "Während des Besuchs von X …"), and not
        # one's own side's deed, which one announces ("… verhängen die USA Sanktionen. Das teilte
        # US-Außenminister Pompeo mit": asserted)
        if st.modality == "asserted" and st.trigger[:1].islower() and st.subject not in sides:
            statements[n] = replace(st, modality="reported", attributed_to=who.key if who else None, cue=verb.text)
