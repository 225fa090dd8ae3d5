"""Noun phrases around a trigger: what a noun trigger's phrase holds (owners, "von"/"durch"
agents, the phrase's end), the goods a clause names, and compounds that name a place or people
("China-Besuch", "Putin-Besuch")."""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from kg.extraction.context import Ctx
from kg.extraction.preps import is_adjective_like
from kg.extraction.lists import group_of, is_title_word
from kg.extraction.triggers import SEGMENT_BREAKS, head_match
from kg.german import default_german
from kg.mentions import Mention

def items_in(ctx: Ctx, start: int, end: int) -> list[Token]:
    taken = {i for m in ctx.mentions for i in range(m.start, m.end) if m.kind != "prefix"}
    found = []
    for token in ctx.doc[start:end]:
        if token.i in taken or not token.text[:1].isupper():
            continue
        if head_match(token.lower_, ctx.cues.items):
            found.append(token)
    return found


def _noun_tail(ctx: Ctx, i: int, heads) -> int:
    """Where the noun phrase (with its PPs) after a noun trigger ends."""
    keep = ctx.w("prepositions") | ctx.w("determiners") | ctx.w("coordinators") | {"auch"}
    inside = {k for m in ctx.mentions if m.end - m.start > 1 for k in range(m.start + 1, m.end)}
    j = i + 1
    while j < ctx.sent.end and j - i <= 14:
        if j in inside:                  # a name's own tokens: the apostrophe of "Scholz'"
            j += 1
            continue
        token = ctx.doc[j]
        if token.is_space and "\n" not in token.text:   # a double space inside the phrase
            j += 1
            continue
        if token.text in SEGMENT_BREAKS or token.is_space or token.text == ".":
            break
        if token.lower_ in ctx.w("determiners") and token.lower_ not in ctx.w("genitive_articles") \
                and ctx.doc[j - 1].lower_ not in keep:
            break        # "auf dem Gipfel die enge Zusammenarbeit mit X bekräftigen": a new phrase, the object
        if token.text[:1].isupper() or token.like_num or token.lower_ in keep or "-" in token.text:
            if token.text[:1].isupper() and head_match(token.lower_, heads) and j > i + 1:
                break
            j += 1
            continue
        nxt = ctx.doc[j + 1] if j + 1 < ctx.sent.end else None
        if is_adjective_like(token) and nxt is not None and (nxt.text[:1].isupper() or is_adjective_like(nxt)) \
                and not _finite_after_noun(ctx, j):
            j += 1
            continue
        break
    return j


def _finite_after_noun(ctx: Ctx, j: int) -> bool:
    """Is the word at ``j``, right after a noun, a verb form rather than an adjective ("Bei seinen
    Gesprächen verteidigte Kerry …": the verb; "mit dem designierten Präsidenten": an adjective
    after its determiner)?"""
    token, before = ctx.doc[j], ctx.doc[j - 1]
    lemma = token.lemma_.lower()
    return before.text[:1].isupper() and lemma != token.lower_ and lemma.endswith(("en", "ern", "eln"))


@dataclass
class NounParts:
    left_gen: list[Mention]
    left_adj: list[Mention]
    right_gen: list[Mention]
    von: list[Mention]
    possessive: str            # "seine", "ihren" before the noun, else ""
    tail_end: int
    by: list[Mention] = field(default_factory=list)     # "durch X": the agent of an event, not of a route


def noun_parts(ctx: Ctx, i: int) -> NounParts:
    tail_end = _noun_tail(ctx, i, ctx.cues.noun_heads)
    left_gen, left_adj, possessive = [], [], ""
    j = i - 1
    while j >= ctx.sent.start and i - j <= 4:
        token = ctx.doc[j]
        ms = [m for m in ctx.mentions if m.end == j + 1]
        if ms and ms[0].kind == "adj":
            left_adj.append(ms[0])
            j = ms[0].start - 1
            continue
        if ms and ms[0].genitive:
            left_gen = group_of(ctx, ms[0])
            break
        if token.lower_ in ctx.w("possessives"):
            possessive = token.lower_
            break
        if is_adjective_like(token) or token.like_num:
            j -= 1
            continue
        break
    for m in ctx.mentions:               # "UN-Sanktionen": the prefix is on the trigger itself
        if m.kind == "prefix" and m.start == i:
            left_adj.append(m)
    right_gen, von = [], []
    j = i + 1
    starts = {m.start for m in ctx.mentions}
    while j < tail_end and j not in starts and (
        ctx.doc[j].lower_ in ctx.w("genitive_articles") or is_adjective_like(ctx.doc[j])
    ):
        j += 1
    for m in ctx.mentions:
        if m.start == j and m.start < tail_end and m.kind not in {"adj", "prefix"} and m.start not in ctx.excluded:
            if m.genitive or ctx.doc[i + 1].lower_ in ctx.w("genitive_articles"):
                right_gen = group_of(ctx, m)
            elif ctx.prep.get(m.start) == "von":
                von = group_of(ctx, m)
    if not von and i + 1 < tail_end and ctx.doc[i + 1].lower_ in ctx.w("agent_preps"):
        von = [m for m in ctx.with_prep(i + 1, tail_end, {"von"}) if m.is_actor][:1]
        von = group_of(ctx, von[0]) if von else []
    by = [m for m in ctx.with_prep(i + 1, tail_end, ctx.w("by_preps")) if m.is_actor][:1]
    return NounParts(left_gen, left_adj, right_gen, von, possessive, tail_end, group_of(ctx, by[0]) if by else [])


def foreign_owner(ctx: Ctx, i: int) -> bool:
    """Does a genitive or "von" phrase that names no known entity own the noun at ``i``: "die
    Auslandsreise des Pontifex", or a genitive plural with no article, its adjective in "-er"
    ("Besuche ausländischer Politiker", "Lieferungen westlicher Staaten")?"""
    j = i + 1
    end = ctx.sent.end
    if j < end and ctx.doc[j].lower_ in ctx.w("genitive_articles") | ctx.w("agent_preps"):
        j += 1
    elif not (j < end and ctx.doc[j].is_alpha and ctx.doc[j].text[:1].islower() and ctx.doc[j].lower_.endswith("er")):
        return False
    while j < end and (is_adjective_like(ctx.doc[j]) or ctx.doc[j].lower_ in ctx.w("determiners")):
        j += 1
    return j < end and ctx.doc[j].text[:1].isupper() and not any(m.start <= j < m.end for m in ctx.mentions) \
        and head_match(ctx.doc[j].lower_, ctx.cues.items) is None      # "Lieferungen von Waffen": goods, no owner


def people_of(ctx: Ctx, start: int, end: int, preps) -> list[Mention]:
    """The state or organisation whose people or bodies follow one of ``preps`` in ``start:end``
    (``people_of_nouns``): by a demonym before them ("gegen US-amerikanische Unternehmen": the USA)
    or a genitive, "aus" or "von" after them ("gegen vier Richter des IStGH": the ICC).  With
    ``preps`` None, the demonym anywhere in the span ("sanktionierte russische Oligarchen")."""
    doc, heads = ctx.doc, ctx.w("people_of_nouns")
    adjectives = {m.start: m for m in ctx.mentions if m.kind == "adj"}
    if preps is None:                  # a bare object: "sanktionierte russische Oligarchen"
        openings = [i - 1 for i in adjectives if start <= i < end]
    else:
        openings = [t.i for t in doc[start:end] if t.lower_ in preps]
    for opening in openings:
        j, demonym = opening + 1, None
        while j < end and (doc[j].lower_ in ctx.w("determiners") or doc[j].like_num or is_adjective_like(doc[j])
                           or j in adjectives):
            demonym = adjectives.get(j, demonym)
            j += 1
        if j >= end or not doc[j].text[:1].isupper() or head_match(doc[j].lower_, heads) is None:
            continue
        if demonym is not None:
            return [demonym]
        after = next((m for m in ctx.mentions if m.is_actor and m.start in (j + 2, j + 3) and m.start < end
                      and doc[j + 1].lower_ in ctx.w("genitive_articles") | {"aus", "von", "vom"}), None)
        if after is not None:
            return [after]
    return []


def relative_antecedent(ctx: Ctx, start: int) -> list[Mention] | None:
    """For a clause at ``start`` that opens with a relative pronoun after a comma, its antecedent,
    the subject of the clause: the actor named right before the comma, with or without a
    preposition ("Sanktionen gegen den Iran, der Drohnen liefert": Iran), or the state a noun no
    mention covers belongs to by its demonym ("gegen US-amerikanische Unternehmen, welche …": the
    USA), else [] ("gegen Unternehmen, die Waffen liefern": a thing, no actor).  None for any other clause."""
    doc = ctx.doc
    if start - 2 < ctx.sent.start or doc[start - 1].text != "," or doc[start].lower_ not in ctx.w("relative_pronouns"):
        return None
    antecedent = start - 2
    named = [m for m in ctx.mentions if m.end == start - 1 and m.is_actor and m.kind not in {"adj", "prefix"}]
    if named:
        return group_of(ctx, named[-1])
    if not doc[antecedent].text[:1].isupper():
        # extraposed after the clause's last verb ("Sanktionen gegen US-amerikanische Unternehmen
        # erlassen, welche …"): the last actor or state's people of the clause before, else none
        before = ctx.segments[ctx.seg_of(antecedent)][0]
        nouns = [k for k in range(before, antecedent) if doc[k].text[:1].isupper()
                 and doc[k].lower_ not in ctx.w("determiners")]
        if not nouns:
            return []
        last = nouns[-1]
        named = [m for m in ctx.mentions if m.start <= last < m.end and m.is_actor and m.kind not in {"adj", "prefix"}]
        return group_of(ctx, named[0]) if named else people_of(ctx, max(before, last - 4), last + 1, None)
    if any(m.start <= antecedent < m.end for m in ctx.mentions):
        return None
    return people_of(ctx, max(ctx.sent.start, antecedent - 4), antecedent + 1, None)


def contest(ctx: Ctx) -> bool:
    """Does the sentence name a contest (``[syntax] contest_words``, compounds too: "Tennisturnier";
    a short word only by itself: "WM", not the end of "Außerdem")?"""
    words = ctx.w("contest_words")
    heads = frozenset(w for w in words if len(w) >= 4)
    return any(t.lower_ in words or head_match(t.lower_, heads) is not None for t in ctx.sent if t.text[:1].isupper())


def compound_people(ctx: Ctx, i: int) -> list[Mention]:
    """The people a hyphen compound's modifiers name: "Putin-Besuch" -> Putin, "Merkel-Putin-Treffen"
    -> Merkel, Putin (only names the gazetteer lists under that very form)."""
    text = ctx.doc[i].text
    found = []
    for part in text.split("-")[:-1]:
        key = ctx.gazetteer.lookup(part)
        if key is not None and ctx.gazetteer[key].cls == "Person":
            found.append(Mention(start=i, end=i + 1, key=key, actor=key, cls="Person", kind="name", text=part,
                                 head=i, surface=part))
    return found


def compound_place(ctx: Ctx, i: int) -> Mention | None:
    """The state or place a compound names: "China-Besuch", "Moskau-Reise", "Iran-Sanktionen",
    and written as one word, "Deutschlandbesuch", "Chinareise" (the part before a cue noun)."""
    text = ctx.doc[i].text
    if "-" in text:
        modifier = text.rsplit("-", 1)[0]
    else:
        head = head_match(text.lower(), ctx.cues.noun_heads)
        if head is None or len(text) - len(head) < 3:
            return None
        modifier = text[: len(text) - len(head)]
    key = ctx.gazetteer.lookup(modifier)
    if key is None or ctx.gazetteer[key].cls not in {"State", "Place"}:
        return None
    entry = ctx.gazetteer[key]
    return Mention(start=i, end=i + 1, key=key, actor=entry.metonym_for or key, cls=entry.cls, kind="name",
                   text=modifier, head=i, surface=modifier)


def relative_after(ctx: Ctx, i: int) -> tuple[int, int] | None:
    """The relative clause right after the noun phrase of the noun at ``i`` ("der Staatsbesuch in
    China, den Erdogan am Mittwoch begann"): (the relative pronoun's index, the clause's end)."""
    tail = _noun_tail(ctx, i, ctx.cues.noun_heads)
    if tail + 1 >= ctx.sent.end or ctx.doc[tail].text != "," \
            or ctx.doc[tail + 1].lower_ not in ctx.w("relative_pronouns"):
        return None
    if not any(c.kind == "relative" and c.start == tail + 1 for c in ctx.clauses()):
        return None            # "bei einem Besuch in Kiew, die Türkei setze …": a clause of its own
    return tail + 1, ctx.segments[ctx.seg_of(tail + 1)][1]


def relative_agent(ctx: Ctx, i: int) -> list[Mention]:
    """The subject of the relative clause whose antecedent is the event noun at ``i``: "der
    Staatsbesuch, den Erdogan begann", "die Reise, die Scholz antrat", "das Abkommen, das X mit Y
    schloss" (the pronoun is the object; a subject pronoun, "die Reise, die nach Peking führte",
    leaves the clause without an actor of its own: none)."""
    relative = relative_after(ctx, i)
    if relative is None:
        return []
    actors = ctx.bare(relative[0] + 1, relative[1])
    return group_of(ctx, actors[0]) if actors else []


def possessive_agrees(ctx: Ctx, word: str, owner: Mention) -> bool:
    """Can the possessive ``word`` ("seine", "ihren") refer to ``owner``: "ihr-" to a woman, a
    group or a name with the feminine or plural article ("die EU", "die USA"), "sein-" to any other?"""
    feminine_or_plural = owner.gender == "f" or len(group_of(ctx, owner)) > 1 or (
        owner.start > ctx.sent.start and ctx.doc[owner.start - 1].lower_ == "die")
    return word.startswith("ihr") == feminine_or_plural


def is_region(ctx: Ctx, m: Mention) -> bool:
    """Is ``m`` a place no state holds: a continent or region ("Europa", "Südamerika", "Karibik")?"""
    return m.key in ctx.gazetteer and ctx.gazetteer[m.key].region


_TIME_NOUNS = frozenset(default_german()["nouns"]["time_nouns"])


def attribute_of_thing(ctx: Ctx, i: int) -> bool:
    """Is the mention at ``i`` the genitive of a noun that names no actor ("in der Kathedrale der
    Hauptstadt Havanna"), so that it is no subject?  "Die Regierung der Ukraine", "der Präsident der
    USA", "Vertreter der EU", "die Staaten der EU", "unter Leitung des Abgeordneten X" stand for it
    (``government_nouns``, ``proxy_nouns``, ``member_nouns``, ``leader_nouns``, role titles)."""
    head = _genitive_head(ctx, i)
    if head is None:
        return False
    low = ctx.doc[head].lower_
    return not (is_title_word(ctx, ctx.doc[head]) or head_match(low, ctx.w("proxy_nouns") | ctx.w("member_nouns"))
                or head_match(low, ctx.w("apposition_heads")))


def genitive_of_noun(ctx: Ctx, i: int) -> bool:
    """Is the noun at ``i`` the genitive of another noun that is not the event itself ("strebt die
    Aufweichung der Sanktionen an", "fordert die Aufhebung der Sanktionen"): the verb's object is
    that noun, not the event?  A noun that carries the event ("beschloss die Verlängerung der
    Sanktionen", ``[syntax] event_carriers``) passes the verb on."""
    return _genitive_head(ctx, i) is not None


def _genitive_head(ctx: Ctx, i: int) -> int | None:
    """The index of the noun whose genitive the noun or mention at ``i`` is (see
    :func:`genitive_of_noun`), else None."""
    j = _before_adjectives(ctx, i - 1)
    if j > ctx.sent.start and ctx.doc[j].text[:1].isupper() and head_match(ctx.doc[j].lower_, ctx.w("apposition_heads")):
        j = _before_adjectives(ctx, j - 1)     # "die Kathedrale der Hauptstadt Havanna"
    if j - 1 < ctx.sent.start or ctx.doc[j].lower_ not in ctx.w("genitive_articles"):
        return None
    head = ctx.doc[j - 1]
    if head.lower_ in ctx.w("subordinators") | ctx.w("prepositions") | ctx.w("coordinators"):
        return None                    # "Nachdem der Iran …" opens a sentence: no noun
    noun = head.text[:1].isupper() and head.is_alpha and not any(m.start <= head.i < m.end for m in ctx.mentions) \
        and head.lower_ not in ctx.w("event_carriers") and head.lower_ not in _TIME_NOUNS   # "am Dienstag der …"
    return head.i if noun else None


def _before_adjectives(ctx: Ctx, j: int) -> int:
    """``j``, or the first token before the adjectives ending at ``j`` (a determiner stops it)."""
    while j > ctx.sent.start and is_adjective_like(ctx.doc[j]) and ctx.doc[j].lower_ not in ctx.w("determiners"):
        j -= 1
    return j
