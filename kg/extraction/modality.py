"""Modality of a trigger from the cues around it: negation, hedges ("soll", "mutmaßlich"),
plans and future, schedules, reported speech with its speaker ("sagte X", "laut X") and the
claimants of claim verbs ("X wirft Y vor")."""
from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Token

from kg.extraction.arguments import clause_of, clause_subject, sentence_words
from kg.extraction.governors import governor
from kg.extraction.context import Ctx
from kg.extraction.preps import is_adjective_like, prep_before
from kg.extraction.cue_scope import of_governor, phrase_noun, subordinate_to_main
from kg.extraction.days import plan_came_true
from kg.extraction.nouns import genitive_of_noun, relative_after
from kg.postags import is_infinitive
from kg.extraction.triggers import Trigger
from kg.german import default_german
from kg.mentions import Mention
from kg.extraction.cues import CUE_LISTS
from kg.extraction.forms import gated_tokens, last_word_before, word_forms


@dataclass
class Cue:
    modality: str
    word: str
    who: str | None = None


def find_claimants(ctx: Ctx, triggers=()) -> dict[int, Mention]:
    """Subjects of claim verbs ("Westliche Staaten verdächtigen Moskau"), by verb token.  A claim
    verb that is itself a trigger ("X beschuldigte Y" of a relation ``accused``) keeps its subject."""
    found = {}
    triggering = {t.i for t in triggers}
    for token in gated_tokens(ctx, "claim_verbs"):
        if word_forms(ctx, token) & ctx.w("claim_verbs"):
            start, end, _ = ctx.region_of(token.i)
            clause, _ = clause_of(ctx, token.i)
            if clause is not None and clause.verbs.voice == "passive" and token.i == clause.verbs.main:
                # "Nordkorea wird verdächtigt, …": the subject is the suspect; "von X" claims
                by = ctx.with_prep(token.i, end, {"von"}) + ctx.with_prep(start, token.i, {"von"})
                if by:
                    found[token.i] = by[0]
                    ctx.excluded.add(by[0].start)
                continue
            before = [m for m in ctx.bare(start, token.i)]
            own = clause_subject(ctx, clause) if clause is not None and token.i == clause.verbs.finite else None
            if own is not None and own.start > token.i and ctx.prep.get(own.start) is None:
                before = [own]         # "Gleichzeitig beschuldigt die sudanesische Armee Abu Dhabi, …"
            if before:
                found[token.i] = before[0]
                # who alleges is no party ("Westliche Staaten verdächtigen Moskau"); who
                # denies may be ("Nordkorea bestreitet, Waffen geliefert zu haben")
                if word_modality(ctx, token) != "denied" and token.i not in triggering:
                    ctx.excluded.add(before[0].start)
    return found


def _memo(ctx: Ctx, key, make):
    """``make()``, worked out once per sentence for ``key`` (a segment or a region)."""
    value = ctx.memo.get(key)
    if value is None:
        value = ctx.memo[key] = make()
    return value


def _modality_words(ctx: Ctx) -> list[tuple]:
    """The sentence's tokens that can set a trigger's modality, with all that does not depend
    on the trigger: (i, text, segment, control, later, what, hedged noun).  ``later``: a control
    word that governs only the clauses after its own (``control_later``; not its participle, a
    cue of its own: "ist … vorgesehen").  ``what`` is "negated",
    "planned_verbal", "planned_nominal" or the word's modality ("alleged_weak" included); ``hedged noun`` the
    index of the noun an adjective like "mutmaßliche" hedges instead (else None)."""
    if ctx.modality_words is not None:
        return ctx.modality_words
    found = []
    doc, end = ctx.doc, ctx.sent.end
    for token in gated_tokens(ctx, *CUE_LISTS):       # the tokens that may be a cue
        low = token.lower_
        lemmas = word_forms(ctx, token)
        control = bool(lemmas & ctx.w("control"))
        later = control and low not in ctx.w("planned") and bool(lemmas & ctx.w("control_later"))
        if low in ctx.w("negation") or lemmas & ctx.w("negation"):
            nxt = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else ""
            what = "negated" if f"{low} {nxt}" not in ctx.w("negation_exceptions") else None
        elif low in ctx.w("planned_verbal"):
            what = "planned_verbal"
        elif lemmas & ctx.w("planned_nominal"):
            what = "planned_nominal"
        else:
            what = word_modality(ctx, token) or ("alleged_weak" if low in ctx.w("alleged_weak") else None)
        if what is None:
            continue           # (a control word only widens its own scope: without a cue it adds nothing)
        if what.startswith("planned") and _as_planned(ctx, token.i):
            continue
        hedged = None
        if what not in {"negated", "planned_verbal", "planned_nominal"}:
            j = token.i + 1
            while j < end and (is_adjective_like(doc[j]) or doc[j].text == ","):
                j += 1
            noun = doc[j] if j < end else None
            lemma = token.lemma_.lower()
            if low != lemma and lemma.endswith(("lich", "ig", "bar")) and is_adjective_like(token) \
                    and noun is not None and noun.text[:1].isupper():
                hedged = noun.i
        found.append((token.i, token.text, ctx.seg_of(token.i), control, later, what, hedged))
    ctx.modality_words = found
    return found


def _as_planned(ctx: Ctx, i: int) -> bool:
    """Does "wie" stand before the plan word at ``i`` ("wie geplant", "wie angekündigt"): the plan came true?"""
    return i > ctx.sent.start and ctx.doc[i - 1].lower_ == "wie"


def word_modality(ctx: Ctx, token: Token) -> str | None:
    forms = word_forms(ctx, token)
    for modality in ("denied", "alleged", "planned"):
        if forms & ctx.w(modality):
            return modality
    return None


def modality_of(ctx: Ctx, trig: Trigger, speakers, claimants) -> Cue:
    """The modality of the trigger's statement, from every cue in scope, the strongest first
    (``[modality] precedence``), with the claimant or speaker who makes it."""
    seg, at = ctx.seg_of(trig.i), trig.i
    relative = relative_after(ctx, trig.i) if trig.kind == "noun" else None
    if relative is not None and ctx.bare(relative[0] + 1, relative[1]):
        at = relative[0]               # "der Besuch, den Erdogan begann": the relative clause tells
        seg = ctx.seg_of(at)
    cues = _word_cues(ctx, trig, seg, claimants) + _clause_cues(ctx, trig, seg, at) + _governor_cues(ctx, trig)
    reported = [Cue("reported", word, who) for scope, who, word in speakers if seg in scope]
    mood = _mood_cues(ctx, trig, bool(reported))
    conditions = {c.word.lower() for c in mood if c.modality == "planned"}
    # a verb-first "Sollte Putin nach Indien reisen, …" states a condition, not hearsay
    cues = [c for c in cues if not (c.modality.startswith("alleged") and c.word.lower() in conditions)]
    cues += reported + mood
    if not cues:
        return Cue("asserted", "")
    return _strongest(ctx, cues)


def _word_cues(ctx: Ctx, trig: Trigger, seg: int, claimants) -> list[Cue]:
    """Cues of single words in the trigger's segment, or of control words before it."""
    cues = []
    has_later = seg < len(ctx.segments) - 1
    # the trigger's own separable particle is part of the verb, no cue: "stellte … Waffen bereit"
    own_particle = last_word_before(ctx.doc, ctx.segments[seg][1]) if trig.particle else -1
    # "…, als Trump in Moskau war": a clause taken as given, outside the claim before it
    presupposed = ctx.doc[ctx.segments[seg][0]].lower_ in ctx.w("presupposing_openers")
    for i, text, t_seg, control, later, what, hedged in _modality_words(ctx):
        if i == own_particle:
            continue
        # ("Das … geschlossene Abkommen sieht Hilfen vor": a ``later`` word never governs its own clause)
        in_scope = (t_seg == seg and not later and not (control and t_seg < len(ctx.segments) - 1 and has_later
                                                        and i != trig.i)) \
            or (control and t_seg < seg and not presupposed and not subordinate_to_main(ctx, i, trig.i))
        if i == trig.i or not in_scope or what is None or i in ctx.memo.get("corrections", ()):
            continue          # ("nicht X, sondern Y" negates X alone, which takes no part)
        if what == "negated":
            if trig.kind == "noun" and genitive_of_noun(ctx, trig.i):
                continue      # "Die Daten der Reise sind nicht bestätigt": the dates, not the journey
            if trig.kind == "noun" and text.lower() in ctx.w("negative_determiners") \
                    and phrase_noun(ctx, i) != trig.i:
                continue      # "Nach dem Treffen gab es keine Einigung": no agreement, but a meeting
            unconfirmed = trig.kind == "noun" and text.lower() not in ctx.w("negative_determiners") \
                and of_governor(ctx, trig, i, ctx.w("unconfirmed_when_negated"))
            cues.append(Cue("alleged" if unconfirmed else "negated", text))    # "hat das Treffen nicht bestätigt"
        elif what == "planned_verbal":
            if trig.kind != "noun" or of_governor(ctx, trig, i):
                cues.append(Cue("planned", text))
        elif what == "planned_nominal":
            if trig.kind == "noun":
                cues.append(Cue("planned", text))
        elif hedged is not None and hedged != trig.i:
            continue          # "mutmaßliche Cyberattacken" hedges the attacks, not the meeting
        elif what == "planned" and plan_came_true(ctx, i, trig):
            continue          # "Das lange geplante Treffen fand statt": the plan came true
        elif what == "alleged_weak":
            cues.append(Cue("alleged_weak", text))
        else:
            who = claimants.get(i)
            cues.append(Cue(what, text, who.key if who else None))
    return cues


def _mood_cues(ctx: Ctx, trig: Trigger, reported: bool) -> list[Cue]:
    """What the sentence's form says, read from the clause layer: a condition makes the whole
    sentence hypothetical ("Falls Russland Waffen liefert, drohen Sanktionen", "Sollte sich X
    durchsetzen, trifft er auf Y") and the Konjunktiv II its clause ("Russland könnte Waffen
    liefern", "hätte … geliefert"): planned; a question asks, it does not state: alleged.  In
    reported speech the Konjunktiv II only reports ("…, Russland hätte Waffen geliefert, sagte X")."""
    def make():
        conditional = None
        for c in clause_of(ctx, ctx.sent.start)[1]:
            word = ctx.doc[c.introducer].lower_ if c.introducer is not None else (
                ctx.doc[c.verbs.finite].lower_ if c.verbs.finite == c.start and c.kind != "main" else "")
            if word in ctx.w("conditionals") and not (word == "wenn" and c.verbs.tense.startswith(("past", "plu"))):
                conditional = word
        last = next((t for t in reversed(ctx.sent) if not t.is_space), None)
        return conditional, last is not None and last.text == "?"
    words = sentence_words(ctx)
    instead = _opener_cues(ctx, trig) \
        if not (ctx.w("negating_openers") | ctx.w("purpose_openers")).isdisjoint(words) else []
    if _hypothetical_words(ctx).isdisjoint(words) and "?" not in words:
        return instead         # (the clause layer is asked only when a cue word is there)
    conditional, question = _memo(ctx, "mood", make)
    cues = instead + ([Cue("planned", conditional)] if conditional else [])
    clause, _ = clause_of(ctx, trig.i)
    if clause is not None and clause.verbs.mood == "subjunctive2" and not reported:
        cues.append(Cue("planned", ctx.doc[clause.verbs.finite].text))
    if question:
        cues.append(Cue("alleged", "?"))
    return cues


def _opener_cues(ctx: Ctx, trig: Trigger) -> list[Cue]:
    """ "…, anstatt es nach Europa zu liefern", "ohne Waffen zu liefern", "ohne dass Russland Waffen
    lieferte": a clause these open (``negating_openers``) says its event does not happen;
    "…, um Xi zu treffen" (``purpose_openers``) that it is intended, unless its clause tells of the past."""
    clause, _ = clause_of(ctx, trig.i)
    if clause is None or clause.introducer is None or clause.kind == "main":
        return []
    k = clause.introducer
    if ctx.doc[k].lower_ == "dass" and k > ctx.sent.start:
        k -= 1                         # "ohne dass", "statt dass"
    word = ctx.doc[k].lower_
    if word in ctx.w("negating_openers"):
        return [Cue("negated", ctx.doc[k].text)]
    if word not in ctx.w("purpose_openers") or clause.kind != "infinitive" or clause.head is None:
        return []
    # a purpose is done when its clause tells of the past ("Kim besuchte China, um Xi zu treffen"),
    # ahead otherwise ("Putin reist nach Peking, um Xi zu treffen")
    head = clause_of(ctx, trig.i)[1][clause.head]
    return [] if head.verbs.tense in ("past", "perfect", "pluperfect") else [Cue("planned", ctx.doc[k].text)]


def _hypothetical_words(ctx: Ctx) -> frozenset[str]:
    """The conditionals and the forms of the Konjunktiv II: a sentence with none of them is no
    condition and has no Konjunktiv II clause (of an auxiliary or modal)."""
    verbs = default_german()["verbs"]
    return ctx.w("conditionals").union(*(verbs[f"{aux}_subjunctive2"] for aux in ("haben", "sein", "werden", "modal")))


def _governor_cues(ctx: Ctx, trig: Trigger) -> list[Cue]:
    """The modality a governing verb gives the trigger ("plant ein Treffen", "kündigte an, ein
    Veto einzulegen"), claimed by that verb's subject (:func:`kg.extraction.governors.governor`)."""
    found = governor(ctx, trig)
    if found is None or found[1] == "asserted":
        return []
    lemma, modality, clause = found
    who = clause_subject(ctx, clause)
    return [Cue(modality, lemma, who.key if who is not None and modality == "denied" else None)]


def _clause_cues(ctx: Ctx, trig: Trigger, seg: int, at: int) -> list[Cue]:
    """Plans read off the sentence, segment or clause: a verbless headline's "möglich",
    phrases ("steht noch aus"), werden + infinitive, present-tense travel, schedules, "vor dem Besuch".
    ``at`` is the trigger, or the relative clause that tells of a noun trigger ("die Reise, die X
    antreten wird")."""
    cues = []
    seg_start, seg_end = ctx.segments[seg]
    trigger = ctx.doc[trig.i]
    planned_sentence = _memo(ctx, "planned_sentence", lambda: [
        (t.i, t.text, ctx.seg_of(t.i)) for t in ctx.sent if t.lower_ in ctx.w("planned_sentence") and not _as_planned(ctx, t.i)])
    for i, text, t_seg in planned_sentence:
        # "möglich" in a headline without a verb qualifies the whole headline
        if i != trig.i and t_seg != seg:
            cues.append(Cue("planned", text))
    phrases, future, past = _memo(ctx, ("segment", seg), lambda: _segment_cues(ctx, seg_start, seg_end))
    cues += [Cue("planned", phrase) for phrase in phrases]
    if (future and _future_infinitive(ctx, trig, seg_end)) or _future_clause(ctx, trig, at):
        cues.append(Cue("planned", "werden"))
    if trig.kind != "noun" and ctx.cues.frames[trig.relation].has("planned_forms", trigger.lower_) and not past:
        cues.append(Cue("planned", trigger.text))
    if trig.kind == "noun" and not past and _present_journey(ctx, trig, at):
        cues.append(Cue("planned", "present"))
    if trig.kind == "expect":
        cues.append(Cue("planned", trigger.text))     # "wird in Indien erwartet": a visit ahead
    if _scheduled(ctx, at):
        cues.append(Cue("planned", "present"))
    if trig.kind != "noun" and word_forms(ctx, trigger) & ctx.w("promise_verbs"):
        cues.append(Cue("planned", trigger.text))     # "sagte … Panzer zu": promised, not yet delivered
    if trig.kind == "noun":
        # "kurz vor dem Besuch": the visit is still ahead
        j = trig.i - 1
        while j > ctx.sent.start and (ctx.doc[j].lower_ in ctx.w("determiners") or is_adjective_like(ctx.doc[j])):
            j -= 1
        if ctx.doc[j].lower_ in ctx.w("ahead_preps"):
            cues.append(Cue("planned", ctx.doc[j].text))
    return cues


def _present_journey(ctx: Ctx, trig: Trigger, at: int) -> bool:
    """Is a journey noun the subject or object of a verb of making a journey (``journey_verbs``)
    in the present indicative ("absolviert einen Trip", "Die Reise beginnt"), not inside a
    prepositional phrase, nor told by a relative clause of its own (``at``)?"""
    frame = ctx.cues.frames[trig.relation]
    if at != trig.i or not frame.words.get("journey_verbs") or prep_before(ctx.doc, ctx.sent, trig.i, ctx.cues) is not None:
        return False
    clause, _ = clause_of(ctx, trig.i)
    return clause is not None and clause.kind == "main" and clause.verbs.tense == "present" \
        and clause.verbs.mood == "indicative" and clause.verbs.main is not None \
        and frame.has("journey_verbs", clause.verbs.lemma, ctx.doc[clause.verbs.main].lemma_)


def _future_clause(ctx: Ctx, trig: Trigger, at: int) -> bool:
    """Is the trigger's clause in the future by the clause layer, also when a list's commas part
    the trigger from its "werde" ("Er werde Saudi-Arabien, Ägypten und Katar besuchen"), or the
    relative clause that tells of it ("die Reise, die X antreten wird")?"""
    if ctx.w("future_auxiliaries").isdisjoint(sentence_words(ctx)):
        return False
    clause, _ = clause_of(ctx, at)
    return clause is not None and clause.verbs.tense in ("future", "future_perfect") \
        and (at != trig.i or trig.i in (clause.verbs.main, *clause.verbs.infinitives))


def _future_infinitive(ctx: Ctx, trig: Trigger, seg_end: int) -> bool:
    """In a clause with a future auxiliary: is the trigger the infinitive ("wird reisen"), or
    does an infinitive close the clause of a noun trigger ("wird … einen Besuch abstatten")?"""
    trigger, closing = ctx.doc[trig.i], ctx.doc[max(last_word_before(ctx.doc, seg_end), trig.i)]
    return (trigger.lower_ == trigger.lemma_.lower() and not trigger.text[:1].isupper()) or (
        trig.kind == "noun" and closing.is_alpha and closing.text[:1].islower()
        and (closing.lower_ == closing.lemma_.lower() or is_infinitive(closing.lower_)) and closing.lower_.endswith("en"))


def _strongest(ctx: Ctx, cues: list[Cue]) -> Cue:
    """The cue of highest precedence; its claimant, else one of the same modality, else the speaker."""
    # a named source outranks a bare "soll"; with no source "soll" hedges
    if any(c.modality == "reported" for c in cues):
        cues = [c for c in cues if c.modality != "alleged_weak"]
    cues = [replace(c, modality="alleged") if c.modality == "alleged_weak" else c for c in cues]
    order = {m: n for n, m in enumerate(ctx.cues.precedence)}
    cues.sort(key=lambda c: order.get(c.modality, 99))
    best = cues[0]
    if best.who is None:
        same = [c for c in cues if c.modality == best.modality and c.who]
        reported = [c for c in cues if c.modality == "reported" and c.who]
        best = same[0] if same else (replace(best, who=reported[0].who) if reported else best)
    return best


def _segment_cues(ctx: Ctx, seg_start: int, seg_end: int) -> tuple[list[str], bool, bool]:
    """A segment's planned phrases ("in Planung"), whether it has a future auxiliary and a past one."""
    tokens = ctx.tokens(seg_start, seg_end)
    segment_text = " " + " ".join(t.lower_ for t in tokens) + " "
    phrases = [phrase for phrase in ctx.w("planned_phrases") if f" {phrase} " in segment_text]   # whole words
    future = any(t.lower_ in ctx.w("future_auxiliaries") for t in tokens)
    past = any(t.lower_ in ctx.w("perfect_auxiliaries") for t in tokens)
    return phrases, future, past


def _scheduled(ctx: Ctx, at: int) -> bool:
    """A present-tense clause naming a day ahead ("am Dienstag", "kommende Woche") and no past form."""
    start, end, _ = ctx.region_of(at)
    if not _memo(ctx, ("scheduled", start, end), lambda: _scheduled_region(ctx, start, end)):
        return False
    clause, _ = clause_of(ctx, at)       # a past form no word list holds: "Am Montag hielt sich X … auf"
    return clause is None or clause.verbs.tense not in ("past", "perfect", "pluperfect")


def _scheduled_region(ctx: Ctx, start: int, end: int) -> bool:
    tokens = ctx.tokens(start, end)
    ahead = any(
        t.lower_ in ctx.w("scheduled_words")
        or (t.lower_ in ctx.w("scheduled_days") and t.i > start and ctx.doc[t.i - 1].lower_ in ctx.w("scheduled_preps"))
        for t in tokens
    )
    if not ahead:
        return False
    for t in tokens:
        low = t.lower_
        if low in ctx.w("past_forms"):
            return False
        if t.is_alpha and t.text[:1].islower() and low != t.lemma_.lower() and (
            low.endswith(("te", "ten", "tet")) or low.startswith("ge") or "ge" in low[2:5]
        ):
            return False        # "besuchte", "getroffen", "eingetroffen"
    return True

