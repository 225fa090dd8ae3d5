"""Pronouns and epithets: "er"/"ihm"/"ihn", "sie" with a singular verb, "die Schwedin" and "der 65-Jährige" -> the last
person of that gender named (same or previous two sentences); "das Land" -> the last state."""
from __future__ import annotations

import bisect
import os
import re

from spacy.tokens import Doc

from kg.gazetteer import Gazetteer
from kg.german import default_german
from kg.mentions.base import Mention, _cached, _title_index, acting_for
from kg.mentions.groups import group_descriptions, pairs
from kg.nlp import lowers, sentence_starts, span_text, words
from kg.postags import lemma_of, verb_number


AGE = re.compile(r"^\d{1,3}-jährige$")       # "der 65-Jährige" is a person of that age named before
DER_DIE = frozenset({"der", "die"})           # the articles before an epithet or a title of one person


def _gender(m: Mention, gazetteer: Gazetteer) -> str | None:
    return m.gender or (gazetteer[m.key].gender if m.key in gazetteer else None)


def _with_pronouns(doc: Doc, mentions: list[Mention], gazetteer: Gazetteer, cues: dict,
                   ranges: list[tuple[int, int]] | None = None) -> list[Mention]:
    """``mentions`` with the pronouns, epithets and descriptions that refer back to them; those
    that stand in ``ranges`` ((start, end) token ranges) only, if given: the sentences a caller
    reads them in.  (What they refer to may stand anywhere before.)"""
    where = range(len(doc)) if ranges is None else [i for start, end in ranges for i in range(start, end)]
    out = list(mentions) + _state_descriptions(doc, mentions, cues, where) + group_descriptions(doc, mentions, cues) \
        + pairs(doc, mentions, cues)
    if any(m.cls == "Person" for m in mentions):
        people = _People(doc, mentions, gazetteer)
        epithets = _epithets(doc, mentions, cues, people, where)
        out += epithets + _role_descriptions(doc, mentions + epithets, gazetteer, people, where) \
            + _male_pronouns(doc, cues, people, where) + _female_pronouns(doc, mentions, cues, people, where)
    return sorted(out, key=lambda m: m.start)


class _People:
    """The people of an article by gender, in text order, to find the last one before a token by
    bisection (not by a pass over every person per pronoun), and each sentence's first mention."""

    def __init__(self, doc: Doc, mentions: list[Mention], gazetteer: Gazetteer):
        self.gazetteer = gazetteer
        self.starts = sentence_starts(doc)
        self.by_gender: dict[str | None, tuple[list[Mention], list[int]]] = {}
        for m in mentions:
            if m.cls == "Person":
                entry = self.by_gender.setdefault(_gender(m, gazetteer), ([], []))
                entry[0].append(m)
                entry[1].append(m.start)
        self.first_in_sentence: dict[int, Mention] = {}
        for m in mentions:
            self.first_in_sentence.setdefault(self.sentence(m.start), m)

    def last_of_nation(self, i: int, nation: str, gender: str, within: int) -> Mention | None:
        """The last person of ``gender`` (or of none known) ending by token ``i`` (within ``within``
        sentences) who acts for ``nation``: by the state their title names or their gazetteer roles."""
        here, best = self.sentence(i), None
        for key in (gender, None):
            for m in self.by_gender.get(key, ((), ()))[0]:
                if m.end <= i and here - self.sentence(m.start) <= within and nation in self.nations(m) \
                        and (best is None or m.start > best.start):
                    best = m
        return best

    def nations(self, m: Mention) -> set[str]:
        return acting_for(m, self.gazetteer)

    def sentence(self, i: int) -> int:
        return bisect.bisect_right(self.starts, i) - 1

    def last_before(self, i: int, gender: str | None, within: int) -> Mention | None:
        """The last person of ``gender`` (in text order) ending by token ``i`` whose sentence
        is at most ``within`` sentences before ``i``'s: ``[m for m in persons if …][-1]``."""
        found, found_starts = self.by_gender.get(gender, ((), ()))
        here = self.sentence(i)
        for n in range(bisect.bisect_left(found_starts, i) - 1, -1, -1):
            m = found[n]
            if here - self.sentence(m.start) > within:
                return None            # the starts only go further back from here
            if m.end <= i:
                return m
        return None

    def opener_before(self, i: int, gender: str) -> Mention | None:
        """The person of ``gender`` who opens token ``i``'s sentence before it, else the previous
        sentence: the subject a subject pronoun most likely continues."""
        n = self.sentence(i)
        for k in (n, n - 1):
            m = self.first_in_sentence.get(k)
            if m is not None and m.cls == "Person" and m.end <= i and self.opens_sentence(m) \
                    and _gender(m, self.gazetteer) == gender:
                return m
        return None

    def opens_sentence(self, m: Mention) -> bool:
        """Is ``m`` its sentence's first mention, near its start: the likely subject a pronoun
        of the next sentence goes back to ("Tomasz Wieczorek reiste … Dort traf er …")?"""
        n = self.sentence(m.start)
        return self.first_in_sentence.get(n) is m and m.start - self.starts[n] <= 3


def _epithets(doc: Doc, mentions: list[Mention], cues: dict, people: _People, where) -> list[Mention]:
    """ "die Schwedin", "der 65-Jährige" (no name after it): the last person of that gender."""
    covered = {i for m in mentions for i in range(m.start, m.end)}
    epithets = {**{w: "f" for w in cues.get("epithets_f", ())}, **{w: "m" for w in cues.get("epithets_m", ())}}
    female_endings = tuple(cues.get("female_name_endings", ()))
    low, texts = lowers(doc), words(doc)
    found = []
    for i in [k for k in where if k > 0 and low[k - 1] in DER_DIE]:     # an epithet follows "der" or "die"
        word = low[i]
        gender = epithets.get(word)
        if gender is None and AGE.match(word):      # "der 65-Jährige", "die 41-Jährige"
            gender = "f" if low[i - 1] == "die" else "m"
        if gender is None and texts[i][:1].isupper():
            gender = _compound_epithet(word, epithets)        # "der Linkspolitiker", "die SPD-Politikerin"
        if gender is None or i in covered or (gender == "m" and low[i - 1] == "die"):
            continue          # "die Koreaner", "die Politiker": a plural, not the man named before
        token = doc[i]
        if token.i + 1 < len(doc) and doc[token.i + 1].text[:1].isupper() and doc[token.i + 1].is_alpha \
                and "-J" not in token.text:
            continue          # "die Französin Christine Lagarde": a name follows (or a noun: not ours);
                              # "die 41-jährige Annalena Baerbock" is an adjective, "Jährige" a noun
        ref = people.last_before(token.i, gender, 3)
        nation = _epithet_nation(word, people.gazetteer)
        if nation is not None:          # "der Japaner": the last Japanese named, not the last man,
            # else the last of that gender who acts for no other state (a commissioner of the EU)
            ref = people.last_of_nation(token.i, nation, gender, 3) or ref
            if ref is None or any(people.gazetteer[n].cls == "State" for n in people.nations(ref)
                                  if n != nation and n in people.gazetteer):
                continue
        if ref is None and gender == "m":
            # a man whose gender nobody listed ("Luiz Inácio Lula da Silva … Der Linkspolitiker"),
            # unless the first name ends like a woman's
            ref = people.last_before(token.i, None, 3)
            if ref is not None and _named_like_a_woman(ref, female_endings):
                ref = None
        if ref is not None:
            found.append(Mention(start=token.i - 1, end=token.i + 1, key=ref.key, actor=ref.actor, cls="Person",
                                 kind="pronoun", text=span_text(doc, token.i - 1, token.i + 1), head=token.i))
    return found


def _role_descriptions(doc: Doc, mentions: list[Mention], gazetteer: Gazetteer, people: _People,
                       where) -> list[Mention]:
    """ "der Kanzler", "die Außenministerin", "der Präsident" with no name after it and no state the
    title names (those the role rules resolved are mentions already): the last person of the two
    sentences before, or of its own, who holds that role in the gazetteer (at any time), else the
    last person of the title's gender ("-in": a woman) whose roles nobody listed."""
    titles = _title_index(gazetteer)
    covered = {i for m in mentions for i in range(m.start, m.end)}
    low = lowers(doc)
    found = []
    for i in [k for k in where if k > 0 and low[k - 1] in DER_DIE]:
        word = low[i]
        if i in covered or word.casefold() not in titles:
            continue
        title = gazetteer.titles.get(titles[word.casefold()])
        if title is None or title.of is not None or (i + 1 < len(doc) and doc[i + 1].text[:1].isupper()):
            continue              # "Kremlchef" is resolved by the role rules; "der Präsident Frankreichs"
        gender = "f" if word.endswith(("in", "innen")) else "m"
        ref = _holder_before(i, title.role, gazetteer, people) or people.last_before(i, gender, 2) \
            or people.last_before(i, None, 2)
        if ref is not None and _gender(ref, gazetteer) in {gender, None}:
            found.append(Mention(start=i - 1, end=i + 1, key=ref.key, actor=ref.actor, cls="Person",
                                 kind="pronoun", text=span_text(doc, i - 1, i + 1), head=i))
    return found


def _holder_before(i: int, role: str, gazetteer: Gazetteer, people: _People) -> Mention | None:
    """The last person named within two sentences before token ``i`` whose gazetteer roles include ``role``."""
    here = people.sentence(i)
    best = None
    for found, _ in people.by_gender.values():
        for m in found:
            if m.end <= i and here - people.sentence(m.start) <= 2 and m.key in gazetteer \
                    and any(r.role == role for r in gazetteer[m.key].roles) and (best is None or m.start > best.start):
                best = m
    return best


def _named_like_a_woman(m: Mention, female_endings: tuple[str, ...]) -> bool:
    """Does the first name of a person whose gender nobody listed end like a woman's ("Jana")?"""
    return bool(m.label) and m.label.split()[0].endswith(female_endings)


def _epithet_nation(word: str, gazetteer: Gazetteer) -> str | None:
    """The state a nationality epithet names: the one whose adjective shares the longest stem
    with it, four letters at least and no tie: "japaner" (japanisch), "schwedin" (schwedisch, not
    schweizerisch), "franzose" (französisch), "russe" (russisch); "pole" (polnisch) is too short."""
    def make(g: Gazetteer) -> list[tuple[str, str]]:
        return [(a.casefold().replace("ö", "o"), e.key) for e in g.entries.values() if e.cls == "State"
                for a in e.adjectives]
    adjectives = _cached(gazetteer, "state_adjectives", make)
    folded, best, keys = word.casefold().replace("ö", "o"), 3, set()
    for adjective, key in adjectives:
        n = len(os.path.commonprefix([folded, adjective]))
        if n > best:
            best, keys = n, {key}
        elif n == best and n > 3:
            keys.add(key)
    return next(iter(keys)) if len(keys) == 1 else None


def _compound_epithet(word: str, epithets: dict[str, str]) -> str | None:
    """The gender of a compound whose head is an epithet: "linkspolitiker" (m), "spd-politikerin"
    (f), "spitzendiplomatin" (f); the longest head that leaves at least three letters before it."""
    for n in range(3, len(word) - 3):
        gender = epithets.get(word[n:].lstrip("-"))
        if gender is not None:
            return gender
    return None


def _male_pronouns(doc: Doc, cues: dict, people: _People, where) -> list[Mention]:
    """ "er", "ihm", "ihn": a man named before, else a person whose gender nobody listed who
    opens a sentence ("Tomasz Wieczorek … er"), unless the first name ends like a woman's."""
    male = set(cues["pronouns_m"])
    female_endings = tuple(cues.get("female_name_endings", ()))
    found, low = [], lowers(doc)
    for i in [k for k in where if low[k] in male]:
        word = low[i]
        ref = people.last_before(i, "m", 2)
        opener = people.opener_before(i, "m") if word == "er" else None
        if ref is not None and opener is not None and opener.key != ref.key:
            ref = opener               # "Scholz traf Macron, bevor er nach Rom reiste": the subject goes on
        if ref is None:
            ref = people.last_before(i, None, 2)
            if ref is not None and (_named_like_a_woman(ref, female_endings)
                                    or not people.opens_sentence(ref)):
                ref = None
        if ref is not None:
            found.append(Mention(start=i, end=i + 1, key=ref.key, actor=ref.actor, cls="Person", kind="pronoun",
                                 text=doc[i].text, head=i))
    return found


def _female_pronouns(doc: Doc, mentions: list[Mention], cues: dict, people: _People, where) -> list[Mention]:
    """ "sie" as the subject of a singular verb ("Dort traf sie Wang Yi", "Sie reiste nach Kairo",
    "…, als sie in Kairo ankam") and "ihr" after a preposition ("mit ihr"): the last woman named in
    her own sentence or the two before, else a person whose gender nobody listed, whose first name
    ends like a woman's and who opens a sentence.  "sie reisten" (they) and "Macron empfing sie"
    (an object: she or they) are left alone."""
    subject, dative = set(cues.get("pronouns_f", ())), set(cues.get("pronouns_f_dative", ()))
    if not subject and not dative:
        return []
    female_endings = tuple(cues.get("female_name_endings", ()))
    prepositions = set(cues.get("prepositions", ()))
    low = lowers(doc)
    actors = {m.start for m in mentions if m.cls != "Place"}
    found = []
    for i in [k for k in where if low[k] in subject or low[k] in dative]:
        word = low[i]
        if word in dative:
            if i == 0 or low[i - 1] not in prepositions:
                continue
        elif word not in subject or verb_number(_finite_of_subject(doc, low, i, actors, cues)) != "sg":
            continue
        ref = people.last_before(i, "f", 2)
        if ref is None:
            ref = people.last_before(i, None, 2)
            if ref is not None and not (_named_like_a_woman(ref, female_endings) and people.opens_sentence(ref)):
                ref = None
        if ref is not None:
            found.append(Mention(start=i, end=i + 1, key=ref.key, actor=ref.actor, cls="Person", kind="pronoun",
                                 text=doc[i].text, head=i))
    return found


def _finite_of_subject(doc: Doc, low: list[str], i: int, actors: set[int], cues: dict) -> str | None:
    """The finite verb whose subject the pronoun at ``i`` would be, or None: the verb just before
    it when nothing that could be the subject stands before that verb ("Dort traf sie", not
    "Macron empfing sie"); the word after it when the pronoun opens a main clause ("Sie traf");
    the last verb of its clause when it follows a subordinator ("als sie … ankam")."""
    starts = sentence_starts(doc)
    start = starts[bisect.bisect_right(starts, i) - 1]
    clause_start = max([start] + [k + 1 for k in range(start, i) if low[k] in {",", ";", ":", "„", "\"", "–"}])
    if i > clause_start and verb_number(low[i - 1]) is not None:
        before = range(clause_start, i - 1)
        if any(k in actors and (k == 0 or low[k - 1] not in cues.get("prepositions", ())) for k in before):
            return None
        return low[i - 1]
    if i == clause_start and i + 1 < len(low):
        return low[i + 1]
    if i == clause_start + 1 and low[clause_start] in cues.get("subordinators", ()):
        end = next((k for k in range(i + 1, len(low)) if low[k] in {",", ".", ";", ":", "!", "?", "–"}), len(low))
        verbs = [k for k in range(i + 1, end) if not doc[k].text[:1].isupper() and verb_number(low[k])]
        return low[verbs[-1]] if verbs else None
    return None


def _state_descriptions(doc: Doc, mentions: list[Mention], cues: dict, where) -> list[Mention]:
    """ "das Land", "das Regime", "das kleine Land" -> the last state named in the two sentences
    before (not in its own: "Russland hat das Land angegriffen" is another land); "der Konzern",
    "der russische Staatskonzern", "das Unternehmen" (``[names] organisation_nouns`` of
    german.toml) -> the last organisation; unless a name or a genitive follows ("das Land Tirol",
    "das Land der Mitte", "der Konzern Lukoil")."""
    organisations = tuple(default_german()["names"]["organisation_nouns"])
    low = lowers(doc)
    states = [m for m in mentions if m.cls == "State" and m.kind in {"name", "gen", "government"}]
    # a company named after its noun ("der Gaskonzern Gazprom", "die Firma Rheinmetall"), not any organisation
    companies = [m for m in mentions if m.cls == "Organization" and m.kind == "name" and m.start > 0
                 and low[m.start - 1].endswith(organisations)]
    descriptions = frozenset(cues.get("state_descriptions", ()))
    found = _descriptions(doc, mentions, cues, descriptions.__contains__, states, False, where)
    return found + _descriptions(doc, mentions, cues, lambda w: w.endswith(organisations), companies, True, where)


def _unknown_name(text: str) -> bool:
    """A capitalised word the lemma table does not know: a name ("ADF"), not a noun ("Drohnen")."""
    return text[:1].isupper() and lemma_of(text) is None and lemma_of(text.lower()) is None


def _descriptions(doc: Doc, mentions: list[Mention], cues: dict, is_noun, referents: list[Mention],
                  adjectives_too: bool, where) -> list[Mention]:
    """The descriptions ``is_noun`` accepts after a determiner (and, if ``adjectives_too``,
    adjectives: "der russische Staatskonzern"; a state's adjective may be another state's, "das
    kommunistische Regime"), each the last of ``referents`` in the two sentences before."""
    determiners = set(cues.get("determiners", ()))
    if not referents:
        return []
    low, starts = lowers(doc), sentence_starts(doc)
    covered = {i for m in mentions for i in range(m.start, m.end)}
    adjectives = {i for m in mentions if m.kind == "adj" for i in range(m.start, m.end)}
    found = []
    texts = words(doc)
    for i in [k for k in where if is_noun(low[k])]:
        if i == 0 or i in covered or not texts[i][:1].isupper():
            continue
        j = i - 1                      # "der russische Staatskonzern"
        while adjectives_too and j > 0 and (j in adjectives or (low[j].isalpha() and doc[j].text[:1].islower()
                                                                and low[j].endswith(("e", "en", "er", "es", "em")))) \
                and low[j] not in determiners:
            j -= 1
        if low[j] not in determiners or (i + 1 < len(doc) and (i + 1 in covered or low[i + 1] in {"der", "des"}
                                                               or _unknown_name(doc[i + 1].text))):
            continue                   # "das Land Tirol", "das Land der Mitte", "die Gruppe ADF"
        here = bisect.bisect_right(starts, i) - 1
        before = [m for m in referents if 0 < here - (bisect.bisect_right(starts, m.start) - 1) <= 2]
        if before:
            ref = before[-1]
            found.append(Mention(start=j, end=i + 1, key=ref.key, actor=ref.actor, cls=ref.cls, kind="pronoun",
                                 text=span_text(doc, j, i + 1), head=i))
    return found
