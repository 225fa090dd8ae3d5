"""Coordinated mentions: the lists a sentence holds ("Putin, Xi und Modi", "Netanyahu und den
Außenminister der Emirate") and the group each mention belongs to."""
from __future__ import annotations

from spacy.tokens import Token

from kg.extraction.context import Ctx, find_asides
from kg.extraction.preps import is_adjective_like
from kg.extraction.triggers import head_match
from kg.mentions import Mention
from kg.mentions.base import _title_index
from kg.nlp import lowers


def link_groups(ctx: Ctx) -> None:
    """Coordinated mentions share a group and the first one's preposition."""
    coord = ctx.w("coordinators") | ctx.w("list_words") | {","}
    dets = ctx.w("determiners")
    actors = [m for m in ctx.mentions if m.kind not in {"adj", "prefix"} and m.start not in ctx.excluded]
    # (and an office whose holder's name follows: "des Iran, Hussein Amirabdollahian, und Saudi-Arabiens, Faisal …")
    aside = {i for s, e in find_asides(ctx.sent) for i in range(s, e)} \
        | {i for m in ctx.mentions if m.start in ctx.excluded for i in range(m.start, m.end + 1)}
    chains: list[list[Mention]] = []
    for m in actors:
        if chains:
            last = chains[-1][-1]
            between = [t for t in ctx.doc[last.end:m.start] if t.i not in aside]
            # a list goes on at a comma or "und" ("Putin und der russische …"), not at a verb that
            # ends like an adjective ("Putin besuchte Moskau und Peking")
            if between and between[0].lower_ in coord and (all(
                t.lower_ in coord or t.lower_ in dets or is_adjective_like(t) for t in between
            ) and last.genitive == m.genitive or _titled_item(ctx, between[1:], m)):
                chains[-1].append(m)
                continue
            if last.kind == m.kind == "pair" and last.end == m.start:     # "die beiden": two at once
                chains[-1].append(m)
                continue
        chains.append([m])
    # "Griechenland, Italien, Spanien und Malta" is one list; "Putin, Russland" (no "und") is not
    groups: list[list[Mention]] = []
    for chain in chains:
        links = [any(t.lower_ in ctx.w("coordinators") for t in ctx.doc[a.end:b.start]) or a.kind == b.kind == "pair"
                 for a, b in zip(chain, chain[1:])]
        # three or more names in a comma list are a list even without "und" ("ÖGB, Arbeiterkammer, Attac")
        # "mit X, Y und den Regierungschefs …": the list goes on past its last name
        goes_on = len(chain) > 1 and chain[-1].end < ctx.sent.end and ctx.doc[chain[-1].end].lower_ in ctx.w("coordinators")
        if any(links) or goes_on or (len(chain) >= 3 and len({m.cls for m in chain}) == 1):
            groups.append(chain)
        else:
            groups.extend([m] for m in chain)
    for group in groups:
        first_prep = ctx.prep[group[0].start]
        for m in group:
            ctx.group[m.start] = group
            if ctx.prep[m.start] is None and m is not group[0]:
                ctx.prep[m.start] = first_prep


def join_listed_segments(ctx: Ctx) -> None:
    """A list's commas cut no segment: "Besuche in Tunesien, Mauretanien, Algerien und Marokko
    stehen an" is one stretch, so a cue at its end ("stehen … an", "nicht") reaches the noun
    before the list.  The segments from a list's first member to its last become one."""
    merged = False
    for group in {id(g): g for g in ctx.group.values()}.values():
        if len(group) < 2:
            continue
        first, last = ctx.seg_of(group[0].start), ctx.seg_of(group[-1].start)
        start, end = ctx.segments[first][0], ctx.segments[last][1]
        if first >= last or any(start <= a and b <= end for a, b in ctx.hidden):
            continue
        ctx.segments = ctx.segments[:first] + [(start, end)] + ctx.segments[last + 1:]
        ctx.lookup()
        merged = True
    if merged:
        ctx.modality_words = None


def _titled_item(ctx: Ctx, between: list[Token], m: Mention) -> bool:
    """Is ``between`` + ``m`` a list item that names an office by its state: "(Netanyahu und) den
    Außenminister der Emirate", "(Xi und) die Regierung Irans"?"""
    k = 0
    while k < len(between) and (between[k].lower_ in ctx.w("determiners") or is_adjective_like(between[k])):
        k += 1
    if k >= len(between) or not is_title_word(ctx, between[k]):
        return False
    rest = between[k + 1:]
    return (not rest and m.genitive) or (len(rest) == 1 and rest[0].lower_ in ctx.w("genitive_articles"))


def is_title_word(ctx: Ctx, token: Token) -> bool:
    """A role title in any form ("Außenminister", "Präsidenten", "Außenministers") or a noun
    standing for a state's leaders or government ("Staatschef", "Regierung")."""
    return token.text[:1].isupper() and (token.text.casefold() in _title_index(ctx.gazetteer) or head_match(
        token.lower_, ctx.w("leader_nouns") | ctx.w("government_nouns")) is not None)


def group_of(ctx: Ctx, m: Mention) -> list[Mention]:
    return [x for x in ctx.group.get(m.start, [m]) if x.start not in ctx.excluded]


def exclude_corrected(ctx: Ctx) -> None:
    """ "Nicht Russland, sondern China hat Waffen geliefert", "Scholz traf nicht Putin, sondern Xi",
    "lieferte keine Panzer, sondern Drohnen": what "nicht (kein) … , sondern" corrects takes no part
    (its mentions are excluded), and that "nicht" ("keine") negates nothing else
    (``ctx.memo["corrections"]``: its index)."""
    low = lowers(ctx.doc)[ctx.sent.start:ctx.sent.end]
    if "sondern" not in low:
        return
    corrections = ctx.memo.setdefault("corrections", set())
    start = ctx.sent.start
    negating = ctx.w("negative_determiners") | {"nicht"}       # "nicht X, sondern Y", "keine X, sondern Y"
    for k, word in enumerate(low):
        if word not in negating:
            continue
        # the corrected words: up to a comma right before "sondern", within a few words
        end = next((j for j in range(k + 1, min(k + 10, len(low) - 1)) if low[j] == "," and low[j + 1] == "sondern"), None)
        if end is None or "nur" in low[k + 1:k + 2]:
            continue           # ("nicht nur …, sondern auch …" adds, it corrects nothing)
        corrections.add(start + k)
        ctx.excluded.update(m.start for m in ctx.in_span(start + k + 1, start + end))
        # the correction continues the clause: "Putin reiste nicht nach Indien, sondern nach China"
        first, last = ctx.seg_of(start + end - 1), ctx.seg_of(start + end + 1)
        if first < last and not any(ctx.segments[first][0] <= a and b <= ctx.segments[last][1] for a, b in ctx.hidden):
            ctx.segments = ctx.segments[:first] + [(ctx.segments[first][0], ctx.segments[last][1])] + ctx.segments[last + 1:]
            ctx.lookup()
            ctx.modality_words = None
