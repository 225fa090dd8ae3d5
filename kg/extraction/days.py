"""The days of an article's story: an event noun dated to a weekday just after the last day the
story told in the past is still ahead ("Obama landete am Sonntag in Havanna. … betrachteten die
Kubaner das Treffen von Obama und Castro an diesem Montag als Begrüßung": the meeting is
planned), whatever the tense of the clause that mentions it, unless the noun is the subject of
a clause in the past ("Das Treffen am Montag fand in Peking statt").  A date line of month precision
names no day, so the story's own days are the only clock."""
from __future__ import annotations

from kg.extraction.arguments import clause_of
from kg.extraction.context import Ctx
from kg.extraction.preps import is_adjective_like, prep_before
from kg.extraction.triggers import SEGMENT_BREAKS, Trigger
from kg.timex import weekday_numbers

PAST_TENSES = ("past", "perfect", "pluperfect")
#: how many days after the story's last told day an event still lies ahead
AHEAD_DAYS = 3
#: how far after an event noun its day may stand ("das Treffen von Obama und Castro an diesem Montag")
NOUN_REACH = 8


def _day_at(ctx: Ctx, i: int) -> int | None:
    """The weekday of token ``i`` after "am", "an diesem" or "diesen", else None."""
    number = weekday_numbers().get(ctx.doc[i].lower_)
    if number is None or i - 1 < ctx.sent.start:
        return None
    before = ctx.doc[i - 1].lower_
    if before in ctx.w("scheduled_preps") or before in {"diesen", "diesem"}:
        return number
    return None


def told_day(ctx: Ctx) -> int | None:
    """The last weekday the sentence tells in the past ("Obama landete am Sonntag", "ist am
    Sonntag eingetroffen"), else None."""
    days = weekday_numbers()
    found = None
    for token in ctx.sent:
        if token.lower_ not in days:
            continue
        day = _day_at(ctx, token.i)
        clause, _ = clause_of(ctx, token.i) if day is not None else (None, None)
        if clause is not None and clause.verbs.tense in PAST_TENSES:
            found = day
    return found


def noun_day(ctx: Ctx, trig: Trigger) -> int | None:
    """The weekday an event noun's own phrase names ("das Treffen am Montag", "das Treffen von X
    und Y an diesem Montag"), up to the next break or verb."""
    clause, _ = clause_of(ctx, trig.i)
    if clause is None:
        return None
    verbs = clause.verbs
    stops = {verbs.finite, verbs.main, verbs.particle, *verbs.participles, *verbs.infinitives}
    for j in range(trig.i + 1, min(trig.i + 1 + NOUN_REACH, ctx.sent.end)):
        if ctx.doc[j].text in SEGMENT_BREAKS or j in stops or j not in clause.tokens:
            return None
        day = _day_at(ctx, j)
        if day is not None:
            return day
    return None


def ahead_of_story(ctx: Ctx, trig: Trigger, told: int | None) -> str | None:
    """The day word that puts an event noun ahead of the story's last told day ``told``, else None."""
    if told is None or trig.kind != "noun":
        return None
    clause, _ = clause_of(ctx, trig.i)
    if clause is not None and clause.verbs.tense in PAST_TENSES and any(s <= trig.i < e for s, e in clause.subjects):
        return None           # "Das Treffen am Montag fand in Peking statt": its own verb tells it
    day = noun_day(ctx, trig)
    if day is None or not 1 <= (day - told) % 7 <= AHEAD_DAYS:
        return None
    return next(t.text for t in ctx.doc[trig.i + 1:ctx.sent.end] if weekday_numbers().get(t.lower_) == day)


def plan_came_true(ctx: Ctx, i: int, trig: Trigger) -> bool:
    """Is the plan word at ``i`` an attribute of the trigger noun ("das lange geplante Treffen",
    "ihr mit Spannung erwartetes Gipfeltreffen"), in a clause in the past whose verb tells that the
    event took place ("fand … statt", "haben … begonnen": ``happened_verbs``)?  Then the plan came
    true; not for a noun inside a prepositional phrase ("Vor dem geplanten Treffen begann …")."""
    if trig.kind != "noun" or not (i < trig.i and is_adjective_like(ctx.doc[i])
                                   and all(is_adjective_like(t) for t in ctx.doc[i + 1:trig.i])):
        return False
    clause, _ = clause_of(ctx, trig.i)
    if clause is None or clause.verbs.tense not in PAST_TENSES or clause.verbs.main is None:
        return False
    lemmas = {clause.verbs.lemma.lower(), ctx.doc[clause.verbs.main].lemma_.lower()}
    return not lemmas.isdisjoint(ctx.w("happened_verbs")) and prep_before(ctx.doc, ctx.sent, trig.i, ctx.cues) is None
