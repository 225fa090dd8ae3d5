"""Pronouns and epithets: "er"/"ihm"/"ihn", "die Schwedin" and "der 65-Jährige" -> the last
person of that gender named (same or previous two sentences); "das Land" -> the last state."""
from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc

from kg.gazetteer import Gazetteer
from kg.mentions.base import Mention
from kg.nlp import lowers, sentence_starts, span_text


AGE = re.compile(r"^\d{1,3}-jährige$")       # "der 65-Jährige" is a person of that age named before


def _gender(m: Mention, gazetteer: Gazetteer) -> str | None:
    return m.gender or (gazetteer[m.key].gender if m.key in gazetteer else None)


def _with_pronouns(doc: Doc, mentions: list[Mention], gazetteer: Gazetteer, cues: dict) -> list[Mention]:
    male = set(cues["pronouns_m"])
    female_endings = tuple(cues.get("female_name_endings", ()))
    out = list(mentions) + _state_descriptions(doc, mentions, cues)
    persons = [m for m in mentions if m.cls == "Person"]
    if not persons:
        return sorted(out, key=lambda m: m.start)
    starts = sentence_starts(doc)

    def sent_index(i: int) -> int:
        return bisect.bisect_right(starts, i) - 1

    # the people of each gender in text order, their starts: the last one before a pronoun is
    # found by bisection, not by a pass over every person of the article per pronoun
    by_gender: dict[str | None, tuple[list[Mention], list[int]]] = {}
    for m in persons:
        entry = by_gender.setdefault(_gender(m, gazetteer), ([], []))
        entry[0].append(m)
        entry[1].append(m.start)

    def last_before(i: int, gender: str, within: int) -> Mention | None:
        """The last person of ``gender`` (in text order) ending by token ``i`` whose sentence
        is at most ``within`` sentences before ``i``'s: ``[m for m in persons if …][-1]``."""
        found, found_starts = by_gender.get(gender, ((), ()))
        here = sent_index(i)
        for n in range(bisect.bisect_left(found_starts, i) - 1, -1, -1):
            m = found[n]
            if here - sent_index(m.start) > within:
                return None            # the starts only go further back from here
            if m.end <= i:
                return m
        return None

    first_in_sentence = {}
    for m in mentions:
        first_in_sentence.setdefault(sent_index(m.start), m)

    def opens_sentence(m: Mention) -> bool:
        """Is ``m`` its sentence's first mention, near its start: the likely subject a pronoun
        of the next sentence goes back to ("Tomasz Wieczorek reiste … Dort traf er …")?"""
        return first_in_sentence.get(sent_index(m.start)) is m and m.start - starts[sent_index(m.start)] <= 3

    covered = {i for m in mentions for i in range(m.start, m.end)}
    epithets = {**{w: "f" for w in cues.get("epithets_f", ())}, **{w: "m" for w in cues.get("epithets_m", ())}}
    low = lowers(doc)
    for i, word in enumerate(low):
        gender = epithets.get(word)
        if gender is None and AGE.match(word) and i > 0:      # "der 65-Jährige", "die 41-Jährige"
            gender = "f" if low[i - 1] == "die" else "m"
        if gender is None or i in covered or i == 0 or low[i - 1] not in {"der", "die"}:
            continue
        token = doc[i]
        if token.i + 1 < len(doc) and doc[token.i + 1].text[:1].isupper() and doc[token.i + 1].is_alpha \
                and "-J" not in token.text:
            continue          # "die Französin Christine Lagarde": a name follows (or a noun: not ours);
                              # "die 41-jährige Annalena Baerbock" is an adjective, "Jährige" a noun
        ref = last_before(token.i, gender, 3)
        if ref is not None:
            out.append(Mention(start=token.i - 1, end=token.i + 1, key=ref.key, actor=ref.actor, cls="Person",
                               kind="pronoun", text=span_text(doc, token.i - 1, token.i + 1), head=token.i))
    for i, word in enumerate(low):
        if word not in male:
            continue
        token = doc[i]
        # a man named before, else a person whose gender nobody listed ("Tomasz Wieczorek … er")
        # unless the first name ends like a woman's ("Olga", "Jana")
        ref = last_before(token.i, "m", 2)
        if ref is None:
            ref = last_before(token.i, None, 2)
            if ref is not None and (ref.label and ref.label.split()[0].endswith(female_endings)
                                    or not opens_sentence(ref)):
                ref = None
        if ref is not None:
            out.append(Mention(start=token.i, end=token.i + 1, key=ref.key, actor=ref.actor,
                               cls="Person", kind="pronoun", text=token.text, head=token.i))
    out.sort(key=lambda m: m.start)
    return out


def _state_descriptions(doc: Doc, mentions: list[Mention], cues: dict) -> list[Mention]:
    """ "das Land", "das Regime" -> the last state named in the two sentences before (not in
    its own: "Russland hat das Land angegriffen" is another land), unless a name or a genitive
    follows ("das Land Tirol", "das Land der Mitte")."""
    nouns = set(cues.get("state_descriptions", ()))
    determiners = set(cues.get("determiners", ()))
    states = [m for m in mentions if m.cls == "State" and m.kind in {"name", "gen", "government"}]
    if not nouns or not states:
        return []
    low, starts = lowers(doc), sentence_starts(doc)
    covered = {i for m in mentions for i in range(m.start, m.end)}
    found = []
    for i, word in enumerate(low):
        if word not in nouns or i in covered or i == 0 or low[i - 1] not in determiners:
            continue
        if i + 1 in covered or (i + 1 < len(doc) and low[i + 1] in {"der", "des"}):
            continue                   # "das Land Tirol", "das Land der Mitte"
        here = bisect.bisect_right(starts, i) - 1
        before = [m for m in states if 0 < here - (bisect.bisect_right(starts, m.start) - 1) <= 2]
        if before:
            ref = before[-1]
            found.append(Mention(start=i - 1, end=i + 1, key=ref.key, actor=ref.actor, cls="State", kind="pronoun",
                                 text=span_text(doc, i - 1, i + 1), head=i))
    return found
