"""Argument helpers every relation frame shares: the clause subject and a verb's agents
(passive "von" included), co-agents, supplied items, a noun trigger's parts (genitives,
demonyms, "von"), places, required nouns, compounds naming a state, zu-infinitives."""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from kg.extraction.context import Ctx
from kg.extraction.cues import Frame
from kg.extraction.infinitives import controller, is_infinitive  # noqa: F401  (frames import them from here)
from kg.extraction.lists import group_of
from kg.extraction.nouns import attribute_of_thing, genitive_of_noun, relative_agent, relative_antecedent
from kg.extraction.triggers import Trigger, head_match
from kg.german import default_german
from kg.mentions import Mention
from kg.mentions.base import acting_for


@dataclass
class Args:
    agents: list[Mention] = field(default_factory=list)
    objects: list[Mention] = field(default_factory=list)
    place: Mention | None = None
    items: list[Token] = field(default_factory=list)
    fallback: bool = False
    measure: tuple[int, int] | None = None


def co_agents(ctx: Ctx, start: int, end: int) -> list[Mention]:
    return [m for m in ctx.with_prep(start, end, {"mit"})
            if ctx.doc[m.start - 1].lower_ in {"mit"} and m.start >= 2
            and ctx.doc[m.start - 2].lower_ == "zusammen"]


def previous_agents(ctx: Ctx, trig: Trigger) -> list[Mention]:
    """The agents the previous sentence gave the relation of an event noun that names none in
    its own sentence: "Laut dem Ministerium wird die Delegation mit Tsai zusammentreffen.
    Außerdem sind Gespräche mit Lai geplant" (the delegation's talks).  Only right after a
    sentence with a statement of the same relation whose agents its own clause named; not for a
    noun in the genitive of another ("Die Daten der Reise sind …": the sentence is about dates)."""
    if genitive_of_noun(ctx, trig.i):
        return []
    return list(ctx.previous_agents.get(trig.relation, ()))


def has_passive_auxiliary(ctx: Ctx, start: int, end: int) -> bool:
    """Does ``start:end`` hold a passive auxiliary ("wurde", "worden": ``[syntax] passive_auxiliaries``)?"""
    return any(t.lower_ in ctx.w("passive_auxiliaries") for t in ctx.doc[start:end])


def _attributive(ctx: Ctx, i: int) -> bool:
    """A participle used as an adjective before its noun ("gelieferte Waffen", "die verhängten
    Sanktionen"), not a finite verb in the past ("Russland lieferte Waffen", "China verhängte
    Sanktionen"): a form that is not a ge-participle right after a bare actor (the clause's
    subject) is the finite verb."""
    token = ctx.doc[i]
    nxt = ctx.doc[i + 1] if i + 1 < ctx.sent.end else None
    named = any(m.start <= i + 1 < m.end for m in ctx.mentions)
    if not (nxt is not None and nxt.text[:1].isupper() and nxt.is_alpha and not named
            and token.lower_.endswith(("e", "en", "er", "es", "em")) and token.lower_ != token.lemma_.lower()):
        return False
    if token.lower_.startswith("ge") and not token.lemma_.lower().startswith("ge"):
        return True
    return not any(m.end == i and m.is_actor for m in ctx.bare(ctx.sent.start, i))


def subject(ctx: Ctx, i: int, skip: set[int] = frozenset()) -> tuple[list[Mention], bool]:
    """The clause subject for the trigger at ``i``: (group, came from another clause)."""
    speaker = ctx.speaker_of.get(ctx.seg_of(i))
    if speaker is not None and speaker.start not in skip:
        return [speaker], False        # "…, sagte Kerry bei einem Besuch in Kairo": Kerry is the subject here
    if ctx.doc[i].text[:1].isupper() and i > ctx.sent.start:
        agents = [m for m in relative_agent(ctx, i) if m.start not in skip]
        if agents:
            return agents, False       # "der Staatsbesuch in China, den Erdogan begann": Erdogan
    start, end, _ = ctx.region_of(i)
    seg_start, seg_end = ctx.segments[ctx.seg_of(i)]
    end = min(end, seg_end)            # not past the trigger's own segment
    if seg_start > start and not ctx.bare(seg_start, end) and (ante := relative_antecedent(ctx, seg_start)) is not None:
        return ante, True              # "gegen Firmen, welche Drohnen … verkauft haben": no actor of the clause before
    side = speakers_side(ctx, i)
    if side is not None and side.start not in skip:
        return [side], False           # "„Wir liefern keine Waffen", sagte Peskow": Russia
    if _impersonal(ctx, i):
        return [], False               # "Wenn man auf große Tradition treffe": nobody in particular
    # (not a genitive attribute: "in der Kathedrale der Hauptstadt Havanna")
    bare = [m for m in ctx.bare(start, end) if m.start not in skip and not attribute_of_thing(ctx, m.start)]
    bare = outside_subordinates(ctx, i, bare)
    if bare and (own := _pronoun_subject(ctx, i)) is not None:
        bare = [m for m in bare if not own[0] <= m.start < own[1]]     # "Er traf Putin und Xi": not them
    if bare:
        first = (_clause_subject_mention(ctx, i, bare) if len(bare) > 1 else None) or bare[0]
        return group_of(ctx, first) + co_agents(ctx, start, end), False
    for r_start, r_end, _ in reversed(ctx.regions_before(start)):
        if r_start > ctx.sent.start and ctx.doc[r_start - 1].text == "(":
            continue                   # a parenthesis is an aside, not the clause's subject
        bare = [m for m in ctx.bare(r_start, min(r_end, start)) if m.start not in skip
                and not attribute_of_thing(ctx, m.start)]
        if bare:
            if (antecedent := relative_antecedent(ctx, start)) is not None:
                return antecedent, True    # "gegen den Iran, der Drohnen liefert": Iran, not the EU
            if _subject_is_a_thing(ctx, i, start, end):
                return [], False       # "2.000 Migranten kommen … an": no actor, and none from elsewhere
            # "Scholz traf Macron, der am Montag nach Rom reist": a relative pronoun's antecedent is the
            # name right before its comma, not the first of the clause before
            relative = start > ctx.sent.start and ctx.doc[start - 1].text == "," \
                and ctx.doc[start].lower_ in ctx.w("relative_pronouns") and bare[-1].end == start - 1
            return group_of(ctx, bare[-1] if relative else bare[0]), True
    return [], False


def outside_subordinates(ctx: Ctx, i: int, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` without those inside a subordinate or relative clause, when the trigger at
    ``i`` stands in a main clause and some are outside: "Nachdem Moskau protestiert hatte,
    verhängte die EU Sanktionen gegen Belarus" (the EU, not Moscow), "Obwohl Moskau das
    bestreitet, besuchte Scholz Peking" (Beijing)."""
    if len(mentions) < 2:
        return mentions
    inner = subordinates_of_main(ctx, i)
    kept = [m for m in mentions if not any(a <= m.start < b for a, b in inner)]
    return kept or mentions


def subordinates_of_main(ctx: Ctx, i: int) -> list[tuple[int, int]]:
    """The (start, end) of the subordinate and relative clauses of the sentence when the token at ``i``
    stands in a main clause, else none."""
    clause, clauses = clause_of(ctx, i)
    if clause is None or clause.kind != "main":
        return []
    return [(c.start, c.end) for c in clauses if c is not clause and c.kind in {"subordinate", "relative"}]


def _clause_subject_mention(ctx: Ctx, i: int, bare: list[Mention]) -> Mention | None:
    """The bare mention inside the subject the clause layer gives the clause whose verb is token
    ``i`` ("Wenn Putin nach Peking reist, trifft er Xi": "er", not the sentence's first name)."""
    clause, _ = clause_of(ctx, i)
    if clause is None or not clause.subjects or i not in (clause.verbs.main, clause.verbs.finite):
        return None            # (a noun's agent may be another: "hatte Israel Falk keine Reise erlaubt")
    a, b = clause.subjects[0]
    return next((m for m in bare if a <= m.start < b), None)


def _causative(ctx: Ctx, trig: Trigger) -> list[Mention] | None:
    """The agent of an infinitive under "lassen" is its accusative object, not the subject
    ("Die Regierung ließ den Minister nicht nach Moskau reisen": the minister would travel;
    nobody named); None when the trigger is under no causative verb, or its object is goods
    ("ließ Waffen liefern": the causer supplies)."""
    causatives = default_german()["verbs"]["causatives"]
    if causatives.isdisjoint(sentence_words(ctx)):
        return None
    clause, _ = clause_of(ctx, trig.i)
    if clause is None or clause.verbs.finite is None or trig.i == clause.verbs.finite \
            or ctx.doc[clause.verbs.finite].lemma_.lower() not in causatives:
        return None
    spans = [span for case in ("acc", "nom_acc", "obj", "bare") for span in clause.objects.get(case, ())]
    named = [m for m in ctx.mentions if any(a <= m.start < b for a, b in spans) and m.is_actor and not m.genitive]
    if named:
        return named[:1]
    if any(head_match(t.lower_, ctx.cues.items) for a, b in spans for t in ctx.doc[a:b]):
        return None            # "ließ Waffen an Syrien liefern": goods, so the causer supplies
    return []                  # "ließ den Minister nicht reisen": someone nobody names


def speakers_side(ctx: Ctx, i: int) -> Mention | None:
    """In words a named speaker says, a first-person subject ("wir", "man": ``[anaphora]
    first_person``) of the trigger's clause is the speaker's side: the state or organisation a
    person speaks for (a title's, or the gazetteer's role), or the speaker itself if a state;
    "ich" (``first_person_singular``) is the speaker, a person."""
    speaker = ctx.quoted_by.get(ctx.seg_of(i))
    found = _one_word_subject(ctx, i, ctx.w("first_person") | ctx.w("first_person_singular")) \
        if speaker is not None else None
    if found is None:
        return None
    a, b = found[0], found[0] + 1
    if ctx.doc[a].lower_ in ctx.w("first_person_singular"):      # "ich": the speaker, a person
        if speaker.cls != "Person":
            return None
        ctx.speaker_sides[a] = speaker.key
        return Mention(start=a, end=b, key=speaker.key, actor=speaker.actor, cls="Person", kind="pronoun",
                       text=ctx.doc[a].text, head=a)
    side = _side_of(ctx, speaker)
    if side is None:
        return None
    ctx.speaker_sides[a] = speaker.key
    cls = ctx.gazetteer[side].cls if side in ctx.gazetteer else "State"
    return Mention(start=a, end=b, key=side, actor=side, cls=cls, kind="pronoun", text=ctx.doc[a].text, head=a)


_WUERDE = frozenset({"würde", "würden", "würdest", "würdet"})     # "würde … liefern": would, will


def own_side_speaker(ctx: Ctx, i: int, parties: list[Mention]) -> str | None:
    """The named speaker whose words hold the trigger at ``i`` when one of ``parties`` is the
    speaker or the speaker's own side: "Peskow sagte, Russland liefere keine Waffen an Nordkorea"
    (Russia's spokesman: a denial, where the same words of a third state's are a negation).  Not
    of a refusal, what one's side will not do or does not want to do ("Russland werde keinen
    Vertrag schließen", "würden nicht liefern", "wolle nicht liefern"): a future or a modal verb."""
    speaker = ctx.quoted_by.get(ctx.seg_of(i))
    if speaker is None:
        return None
    clause, _ = clause_of(ctx, i)
    if clause is not None and (clause.verbs.tense.startswith("future") or clause.verbs.modals or (
            clause.verbs.finite is not None and clause.verbs.infinitives
            and ctx.doc[clause.verbs.finite].lower_ in _WUERDE)):
        return None
    side = _side_of(ctx, speaker)
    for m in parties:
        if m.key == speaker.key or (side is not None and (m.key == side or side in acting_for(m, ctx.gazetteer))):
            return speaker.key
    return None


def _side_of(ctx: Ctx, speaker: Mention) -> str | None:
    if speaker.cls in {"State", "Organization"} or speaker.actor != speaker.key:
        return speaker.actor
    if speaker.member_of:
        return speaker.member_of
    entry = ctx.gazetteer[speaker.key] if speaker.key in ctx.gazetteer else None
    return next((r.of for r in entry.roles), None) if entry is not None else None


def _one_word_subject(ctx: Ctx, i: int, words: frozenset[str], own_verb: bool = False) -> tuple[int, object] | None:
    """(its index, the clause) when the subject the clause layer gives the trigger's clause is one
    word of ``words``, else None; ``own_verb``: only of the clause whose verb the trigger is."""
    if words.isdisjoint(sentence_words(ctx)):
        return None
    clause, _ = clause_of(ctx, i)
    if clause is None or not clause.subjects or (own_verb and i not in (clause.verbs.main, clause.verbs.finite)):
        return None
    a, b = clause.subjects[0]
    return (a, clause) if b - a == 1 and ctx.doc[a].lower_ in words else None


def _impersonal(ctx: Ctx, i: int) -> bool:
    """Is the subject the clause layer gives the trigger's clause "man", "wer", "jemand" …?"""
    return _one_word_subject(ctx, i, ctx.w("non_referential")) is not None


def _pronoun_subject(ctx: Ctx, i: int) -> tuple[int, int] | None:
    """The extent of the trigger's own clause when the clause layer gives it a personal pronoun
    as subject that stands for no one the article names here ("Er traf Putin und Xi"): the names
    of that clause are then no subject, who the pronoun is can only come from before it."""
    found = _one_word_subject(ctx, i, _PERSONAL, own_verb=True)
    if found is None or any(m.start <= found[0] < m.end for m in ctx.mentions):
        return None
    return found[1].start, found[1].end


_PERSONAL = frozenset({"ich", "du", "er", "sie", "wir", "ihr"})     # ("es" opens "Es trafen sich …")


def _subject_is_a_thing(ctx: Ctx, i: int, start: int, end: int) -> bool:
    """Does the clause layer give the trigger's clause a subject of its own that names no actor
    (a noun phrase with no mention: "die Kritik", "2.000 Migranten"; not an unresolved "er")?"""
    clause, _ = clause_of(ctx, i)
    if clause is None or not clause.subjects:
        return False
    a, b = clause.subjects[0]
    if not (start <= a and b <= end) or any(m.start < b and a < m.end for m in ctx.mentions):
        return False
    pronouns = default_german()["nouns"]["subject_pronouns"]
    return any(t.text[:1].isupper() and t.lower_ not in pronouns for t in ctx.doc[a:b])


_PASSIVE_WORDS = frozenset({"wurde", "wurden", "worden", "werden", "wird"})


def verb_agents(ctx: Ctx, trig: Trigger) -> tuple[list[Mention], bool]:
    start, end, _ = ctx.region_of(trig.i)
    first = ctx.doc[start].lower_
    if first in ctx.w("non_referential") and not (
            first in ctx.w("first_person") and ctx.quoted_by.get(ctx.seg_of(trig.i)) is not None):
        return [], False       # ("Man habe keine Drohnen geliefert, sagte X": X's side, below)
    causer = _causative(ctx, trig)
    if causer is not None:
        return causer, False
    token = ctx.doc[trig.i]
    seg_start, seg_end = ctx.segments[ctx.seg_of(trig.i)]
    participle = token.lower_ != token.lemma_.lower()
    passive = False
    if not participle and not _PASSIVE_WORDS.isdisjoint(sentence_words(ctx)):
        clause, _ = clause_of(ctx, trig.i)      # "wurde … empfangen": a participle like an infinitive
        passive = clause is not None and clause.verbs.main == trig.i and clause.verbs.voice == "passive"
    if _attributive(ctx, trig.i) or ((participle or passive) and has_passive_auxiliary(ctx, seg_start, seg_end)):
        von = [m for m in ctx.with_prep(start, trig.i, {"von"}) if m.is_actor]
        if von:
            return group_of(ctx, von[0]), False
        if _attributive(ctx, trig.i):
            return [], False
    if ctx.seg_of(trig.i) > 0 and is_infinitive(ctx, trig.i):
        # a zu-infinitive after a comma has no subject of its own: "Kim besuchte China, um sich mit
        # Xi zu treffen" (the subject's purpose), "Putin bat Xi, nach Moskau zu kommen" (the object's)
        agents = _purpose_subject(ctx, trig.i) or controller(ctx, seg_start)
        if agents:
            return agents, True
    return subject(ctx, trig.i)


def place_in(ctx: Ctx, start: int, end: int, preps=frozenset({"in", "nach"})) -> Mention | None:
    """The first place or state after one of ``preps`` in ``start:end``."""
    for m in ctx.with_prep(start, end, preps):
        if m.cls in {"Place", "State"}:
            return m
    return None


def destinations(ctx: Ctx, start: int, end: int, arrival: bool = False) -> list[Mention]:
    """Where a journey or a consignment goes in ``start:end``, places and states: "nach Russland",
    "in die Türkei" ("in" with an accusative determiner, ``[syntax] into_determiners``; after a
    verb of arrival any "in": "traf in Moskau ein"); those after "nach" first."""
    places = [m for m in ctx.with_prep(start, end, {"nach", "in", "auf"}) if m.cls in {"Place", "State"}]
    nach = [m for m in places if ctx.prep[m.start] == "nach"]
    # "reiste auf die Krim", "traf auf Kuba ein": islands and peninsulas take "auf" as others "in"
    into = [m for m in places if ctx.prep[m.start] in {"in", "auf"} and (arrival or _accusative_in(ctx, m.start))]
    return nach or into


def _accusative_in(ctx: Ctx, start: int) -> bool:
    """Does the "in" or "auf" before the mention at ``start`` take an accusative ("in die Türkei",
    "ins Land", "in die kubanische Hauptstadt Havanna", "auf die Krim"): the word after it (or "ins")?"""
    into = ctx.w("into_determiners")
    for j in range(start - 1, max(ctx.sent.start, start - 8) - 1, -1):
        low = ctx.doc[j].lower_
        if low in ctx.w("prepositions"):
            return low in into or (low in {"in", "auf"} and j + 1 < start and ctx.doc[j + 1].lower_ in into)
    return False


def requires(ctx: Ctx, frame: Frame, start: int, end: int, extra: int | None = None) -> bool:
    if not frame.requires_noun_heads:
        return True
    return has_noun(ctx, start, end, frame.requires_noun_heads, extra)


def has_noun(ctx: Ctx, start: int, end: int, heads, extra: int | None = None) -> bool:
    """Does the clause ``start:end`` (with the token ``extra``, and the antecedent of a relative
    pronoun opening it: "einen Handelspakt, den Kiew mit der EU geschlossen hat") hold a noun
    ending in one of ``heads``?  A name of a person, place or state is no such noun
    ("Washington" does not end in "Ton")."""
    tokens = list(ctx.doc[start:end]) + ([ctx.doc[extra]] if extra is not None and extra < len(ctx.doc) else [])
    if start - 2 >= ctx.sent.start and ctx.doc[start - 1].text == "," \
            and ctx.doc[start].lower_ in ctx.w("relative_pronouns"):
        tokens.append(ctx.doc[start - 2])
    names = {k for m in ctx.mentions if m.cls in {"Person", "Place", "State"} for k in range(m.start, m.end)}
    return any(t.text[:1].isupper() and t.i not in names and head_match(t.lower_, heads) for t in tokens)



def sentence_words(ctx: Ctx) -> frozenset[str]:
    """The sentence's words, lower-cased, their lemmas, and each lemma joined to a separable
    particle the sentence holds: a cheap test of whether a rule that needs the clause layer
    can apply at all (made once per sentence)."""
    found = ctx.memo.get("words")
    if found is None:
        lows = [t.lower_ for t in ctx.sent]
        lemmas = {t.lemma_.lower() for t in ctx.sent}
        particles = {w for w in lows if w in ctx.cues.particles}
        found = ctx.memo["words"] = frozenset(lows) | lemmas | {p + lemma for p in particles for lemma in lemmas}
    return found


def clause_of(ctx: Ctx, i: int):
    """The clause (:class:`kg.clauses.Clause`) token ``i`` belongs to, from the clause layer's
    analysis of the sentence (lexical tags; made once per sentence, when a frame first asks)."""
    clauses = ctx.clauses()
    return next((c for c in clauses if i in c.tokens), None), clauses


def _purpose_subject(ctx: Ctx, i: int) -> list[Mention]:
    """The subject of the clause an "um/ohne/statt … zu" clause hangs on (its doer), else []."""
    clause, clauses = clause_of(ctx, i)
    if clause is None or clause.kind != "infinitive" or clause.introducer is None or clause.head is None \
            or ctx.doc[clause.introducer].lower_ not in default_german()["clause"]["infinitive_subordinators"]:
        return []
    subject_m = clause_subject(ctx, clauses[clause.head])
    return group_of(ctx, subject_m) if subject_m is not None and subject_m.is_actor else []


def clause_subject(ctx: Ctx, clause) -> Mention | None:
    """The first mention inside the likeliest subject the clause layer gives the clause."""
    for start, end in clause.subjects[:1]:
        for m in ctx.mentions:
            if start <= m.start < end:
                return m
    return None
