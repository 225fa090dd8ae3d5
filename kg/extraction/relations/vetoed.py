"""``vetoed``: "X legte ein Veto gegen die Resolution zu Y ein", "X blockierte den Entwurf"
(a measure in the clause or the Security Council in the sentence); the object is a minted measure."""
from __future__ import annotations

import bisect

from kg.extraction.arguments import Args, co_agents, requires, subject, verb_agents
from kg.extraction.context import Ctx
from kg.extraction.preps import word_before_phrase
from kg.extraction.cues import Frame
from kg.extraction.nouns import compound_place, noun_parts
from kg.extraction.relations import register
from kg.extraction.triggers import Trigger, head_match
from kg.mentions import Mention
from kg.nlp import sentence_starts


@register("vetoed")
def vetoed(ctx: Ctx, trig: Trigger, frame: Frame) -> list[Args]:
    start, end, _ = ctx.region_of(trig.i)
    council = [m for m in ctx.mentions if m.key in frame.spec.get("council", [])]
    measure_heads = tuple(frame.words.get("measure_heads", ()))
    if trig.kind == "noun":
        parts = noun_parts(ctx, trig.i)
        # "Russlands Veto", "das russische Veto", "das Veto der USA"
        agents = parts.left_gen or [m for m in parts.left_adj if m.kind in {"adj", "prefix"}] or parts.right_gen
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
    scan_end = ctx.sent.end
    if measure_start is None and trig.kind == "noun":
        # "hat gegen die Syrien-Resolution sein Veto eingelegt": the measure before the noun; "Der Entwurf
        # scheiterte am Veto Russlands": any measure before a veto something fails at
        fails_at = ctx.doc[word_before_phrase(ctx, trig.i)].lower_ in {"am", "an"}
        measure_start = next((t.i for t in ctx.doc[start:trig.i] if t.text[:1].isupper()
                              and head_match(t.lower_, measure_heads) and (fails_at or _after_gegen(ctx, t.i))), None)
        scan_end = trig.i if measure_start is not None else scan_end
    if measure_start is None and trig.kind == "noun":
        # "Die Resolution zu Syrien, gegen die Russland ein Veto einlegte": the noun the relative pronoun stands for
        measure_start = _relative_measure(ctx, ctx.segments[ctx.seg_of(trig.i)][0], measure_heads)
    if measure_start is None:          # "Die USA legten ihr Veto ein, Großbritannien enthielt sich": no measure here
        scan_end = ctx.segments[ctx.seg_of(trig.i)][1]
    selves = {a.actor for a in agents}
    concerned = _concerned(ctx, frame, measure_start or scan_from, scan_end, selves)
    if not concerned and measure_start is not None:
        compound = compound_place(ctx, measure_start)     # "die Syrien-Resolution", "Nahost-Resolution"
        concerned = [compound] if compound is not None and compound.actor not in selves else []
    if not concerned and _definite(ctx, frame, scan_from):
        # "Die USA legten gegen den Text ein Veto ein": the measure of the sentences before
        found = _measure_before(ctx, frame, selves)
        if found is not None:
            measure_start, target = found
            return [Args(agents=agents + co_agents(ctx, start, end), objects=[target], fallback=fallback,
                         place=council[0] if council else None, measure=(measure_start, target.end))]
    if not concerned:
        if measure_start is None and trig.kind == "noun":
            measure_start = _gegen_noun(ctx, *ctx.segments[ctx.seg_of(trig.i)])
            # "Gegen die Aufnahme Palästinas legte X sein Veto ein": the state in the words before the veto
            concerned = [] if measure_start is None or measure_start > trig.i else \
                _concerned(ctx, frame, measure_start, trig.i, selves)
        if measure_start is None:
            return []
    if not concerned:
        # "China legte ein Veto gegen die Resolution ein": a measure whose target nobody names
        return [Args(agents=agents + co_agents(ctx, start, end), objects=[_measure_itself(ctx, measure_start)],
                     fallback=fallback, place=council[0] if council else None,
                     measure=(measure_start, measure_start + 1))]
    target = concerned[0]
    measure = (measure_start if measure_start is not None else target.start, target.end)
    return [Args(agents=agents + co_agents(ctx, start, end), objects=[target], fallback=fallback,
                 place=council[0] if council else None, measure=measure)]



def _measure_itself(ctx: Ctx, i: int) -> Mention:
    """The measure noun at ``i`` as the object of a veto whose target nobody names (kind
    "measure": :func:`kg.extraction.statements.make_statements` mints it with no ``concerns``)."""
    return Mention(start=i, end=i + 1, key="", actor="", cls="Measure", kind="measure", text=ctx.doc[i].text, head=i)


def _concerned(ctx: Ctx, frame: Frame, start: int, end: int, selves: set[str]) -> list[Mention]:
    """The states and places a measure in ``start:end`` may concern: not the vetoing side, the
    Security Council, an organisation, or a place "in"/"mit"/"von"."""
    return [m for m in ctx.in_span(start, end)
            if (m.is_actor or m.cls == "Place") and m.actor not in selves
            and ctx.prep[m.start] not in {"in", "mit", "von"} and m.start not in ctx.excluded
            and m.key not in frame.spec.get("council", []) and m.cls != "Organization"]


def _gegen_noun(ctx: Ctx, start: int, end: int) -> int | None:
    """The noun a veto is "gegen" in ``start:end``, whatever it names ("ein Veto gegen den Beitritt",
    "gegen eine Waffenruhe", "gegen den Vorschlag"): a capitalised word after "gegen", its
    articles and adjectives, that names no one."""
    named = {m.start for m in ctx.mentions}
    return next((t.i for t in ctx.doc[start:end] if t.text[:1].isupper() and t.is_alpha and t.i not in named
                 and t.i > ctx.sent.start and _after_gegen(ctx, t.i)), None)


def _relative_measure(ctx: Ctx, seg_start: int, heads: tuple[str, ...]) -> int | None:
    """The measure a relative clause opened by "gegen" and a relative pronoun refers to: the last
    measure noun of the words before its comma ("Die Resolution zu Syrien, gegen die …")."""
    doc = ctx.doc
    if not (ctx.sent.start + 1 < seg_start < len(doc) - 1 and doc[seg_start - 1].text == ","
            and doc[seg_start].lower_ == "gegen" and doc[seg_start + 1].lower_ in ctx.w("relative_pronouns")):
        return None
    return next((t.i for t in reversed(doc[max(ctx.sent.start, seg_start - 8):seg_start - 1])
                 if t.text[:1].isupper() and head_match(t.lower_, heads)), None)


def _after_gegen(ctx: Ctx, i: int) -> bool:
    """Is the noun at ``i`` the object of "gegen" ("gegen die Resolution", "gegen den neuen Entwurf")?"""
    return ctx.doc[word_before_phrase(ctx, i)].lower_ == "gegen"


def _definite(ctx: Ctx, frame: Frame, scan_from: int) -> bool:
    """Does the veto's clause name its measure only by a definite description ("gegen den Text",
    "gegen den Entwurf", "gegen die Resolution"), or not at all ("legten ihr Veto ein")?"""
    heads = tuple(frame.words.get("measure_heads", ())) + tuple(frame.words.get("measure_references", ()))
    nouns = [t for t in ctx.doc[scan_from:ctx.sent.end] if t.text[:1].isupper() and head_match(t.lower_, heads)]
    if not nouns:
        return True
    before = ctx.doc[nouns[0].i - 1].lower_ if nouns[0].i > ctx.sent.start else ""
    if before in ctx.w("definite_articles"):
        return True
    # "gegen den von den Emiraten eingebrachten Entwurf": the article right after "gegen"
    gegen = next((t.i for t in reversed(ctx.doc[max(scan_from, nouns[0].i - 10):nouns[0].i]) if t.lower_ == "gegen"), None)
    return gegen is not None and ctx.doc[gegen + 1].lower_ in ctx.w("definite_articles")


def _measure_before(ctx: Ctx, frame: Frame, selves: set[str]) -> tuple[int, Mention] | None:
    """The last measure the two sentences before name, and the state or place it concerns: a
    compound ("Nahost-Resolution") or a name in the few words after it ("Ein Resolutionsentwurf
    zur Krise in Nahost")."""
    heads = tuple(frame.words.get("measure_heads", ()))
    starts = sentence_starts(ctx.doc)            # (made once per Doc)
    here = bisect.bisect_left(starts, ctx.sent.start)
    if here == 0:
        return None
    for token in reversed(ctx.doc[starts[max(here - 2, 0)]:ctx.sent.start]):
        if not (token.text[:1].isupper() and head_match(token.lower_, heads)):
            continue
        target = compound_place(ctx, token.i) or _named_after(ctx, token.i)
        if target is not None and target.actor not in selves:
            return token.i, target
    return None


def _named_after(ctx: Ctx, i: int) -> Mention | None:
    """A state or place the gazetteer knows among the ten words after token ``i`` (its sentence, up
    to a comma), or the first part of a compound there ("für einen sofortigen humanitären
    Waffenstillstand im Gaza-Krieg")."""
    end = min(i + 11, len(ctx.doc))
    for token in ctx.doc[i + 1:end]:
        if token.is_sent_start or token.text in {".", ";", ","}:
            break
        name = token.text.split("-", 1)[0] if "-" in token.text else token.text
        key = ctx.gazetteer.lookup(name) if name[:1].isupper() else None
        if key is not None and ctx.gazetteer[key].cls in {"State", "Place"}:
            entry = ctx.gazetteer[key]
            return Mention(start=token.i, end=token.i + 1, key=key, actor=entry.metonym_for or key, cls=entry.cls,
                           kind="name", text=token.text, head=token.i, surface=token.text)
    return None
