"""Mentions that stand for two or more at once: "die beiden" (the last two named), "die
Delegation" (whom the last delegation stood for), and plural role titles with coordinated
genitives ("die Außenminister Irans und Saudi-Arabiens": each state)."""
from __future__ import annotations

import bisect

from spacy.tokens import Doc

from kg.gazetteer import Gazetteer
from kg.mentions.base import Mention, _title_index
from kg.nlp import lowers, positions_ending, positions_of, sentence_starts, span_text


PAIR_WORDS = frozenset({"beiden", "beide"})


def pairs(doc: Doc, mentions: list[Mention], cues: dict) -> list[Mention]:
    """ "die beiden", "die beiden Politiker", "die beiden Länder", "beide Länder": the last two people (or states,
    after a word for states) named in the sentence or the two before, as two mentions side by side
    (kind "pair", one group: "Dort trafen die beiden Selenskyj").  Not before another noun
    ("die beiden Resolutionen")."""
    person_nouns, state_nouns = set(cues.get("pair_people", ())), set(cues.get("pair_states", ()))
    low, starts = lowers(doc), sentence_starts(doc)
    found = []
    for i in positions_of(doc, PAIR_WORDS):
        word, nxt = low[i], low[i + 1] if i + 1 < len(doc) else ""
        if word == "beiden" and i > 0 and low[i - 1] in {"die", "den", "der"}:
            opens = i - 1     # "die beiden", "den beiden Politikern"
        elif word == "beide" and nxt in person_nouns | state_nouns and (i == 0 or low[i - 1] not in {"die", "diese"}):
            opens = i         # "Beide Länder unterzeichneten …", "beide Präsidenten"
        else:
            continue
        named_next = any(m.start == i + 1 for m in mentions)      # "trafen die beiden Selenskyj"
        noun = doc[i + 1].text[:1].isupper() and not named_next if i + 1 < len(doc) else False
        if noun and nxt not in person_nouns | state_nouns:
            continue
        cls = "State" if nxt in state_nouns else "Person"
        here = bisect.bisect_right(starts, i) - 1
        before = [m for m in mentions if m.end <= opens and m.cls == cls and m.kind != "adj"
                  and here - (bisect.bisect_right(starts, m.start) - 1) <= 2]
        pair = _last_pair(before, low)
        if pair is None:
            continue
        first, second = pair
        end = i + 2 if noun else i + 1
        for start, stop, ref in ((opens, opens + 1, first), (opens + 1, end, second)):
            found.append(Mention(start=start, end=stop, key=ref.key, actor=ref.actor, cls=ref.cls, kind="pair",
                                 text=span_text(doc, start, stop), head=stop - 1))
    return found


def _last_pair(before: list[Mention], low: list[str]) -> tuple[Mention, Mention] | None:
    """The last two named with "und" between them ("Russland und China"), else the last two
    different ones."""
    for a, b in reversed(list(zip(before, before[1:]))):
        if a.key != b.key and low[a.end:b.start][:1] == ["und"] and len(low[a.end:b.start]) <= 3:
            return a, b
    keys: dict[str, Mention] = {}
    for m in reversed(before):
        keys.setdefault(m.key, m)
        if len(keys) == 2:
            second, first = keys.values()
            return first, second
    return None


def group_descriptions(doc: Doc, mentions: list[Mention], cues: dict) -> list[Mention]:
    """ "die Delegation" (no genitive after it): whom the last delegation the article named before
    stood for (a delegation stays one through an article): its leader ("eine US-Delegation unter
    Leitung des Abgeordneten Mike Gallagher"), else its state ("US-Delegation", "eine Delegation
    aus China")."""
    nouns = tuple(cues.get("group_descriptions", ()))
    if not nouns:
        return []
    low = lowers(doc)
    covered = {i for m in mentions for i in range(m.start, m.end)}
    by_start = {m.start: m for m in mentions}
    found, last = [], None           # the mention the last delegation named stands for
    for i in positions_ending(doc, nouns):
        definite = i > 0 and low[i - 1] in {"die", "der", "diese", "dieser"} and doc[i].text[:1].isupper()
        if definite and i not in covered and last is not None \
                and not (i + 1 in by_start and by_start[i + 1].kind == "gen"):      # "die Delegation Chinas"
            ref = last
            found.append(Mention(start=i - 1, end=i + 1, key=ref.key, actor=ref.actor, cls=ref.cls, kind="pronoun",
                                 text=span_text(doc, i - 1, i + 1), head=i))
            continue
        near = [by_start[k] for k in range(i, min(i + 8, len(doc))) if k in by_start
                and by_start[k].cls in {"Person", "State", "Organization"}]
        people = [m for m in near if m.cls == "Person"]
        if people or near:
            last = (people or near)[0]
    return found


def plural_titles(doc: Doc, mentions: list[Mention], gazetteer: Gazetteer, cues: dict) -> list[Mention]:
    """``mentions`` with the coordinated genitives after a plural role title made the states the
    title's holders serve: "Die Außenminister Irans und Saudi-Arabiens kamen in Peking zusammen"
    (Iran and Saudi Arabia meet), "die Präsidenten Russlands, Chinas und Indiens", "die Regierungen
    Russlands und Chinas".  (The role rules
    make "die Außenminister Irans" Iran's government already; the genitives after it join it.)"""
    titles = _title_index(gazetteer)
    plural_words = set(cues.get("pair_people", ())) | set(cues.get("envoy_nouns", ())) | set(cues.get("government_nouns", ()))
    low, starts = lowers(doc), set(sentence_starts(doc))
    determiners = frozenset(cues.get("determiners", ()))
    out, chain = list(mentions), None         # chain: the index in ``out`` of the list's last member
    for n, m in enumerate(out):
        # (or without an article: "Unterhändler der USA und Chinas kamen …", "trafen sich Außenminister Russlands
        # und Chinas")
        opens = m.kind in {"government", "gen"} and m.cls == "State" \
            and (m.start in starts or low[m.start - 1] in {"die", "den", "der"} or low[m.start - 1] not in determiners) \
            and doc[m.start].text[:1].isupper() and (low[m.start] in plural_words or low[m.start] in titles)
        joins = chain is not None and m.kind == "gen" and m.cls == "State" \
            and 0 < m.start - out[chain].end <= 1 and low[m.start - 1] in {",", "und", "sowie"}
        if joins:
            out[n] = Mention(start=m.start, end=m.end, key=m.key, actor=m.actor, cls=m.cls, kind="name",
                             text=m.text, head=m.head)
            chain = n
        else:
            chain = n if opens else None
    return out
