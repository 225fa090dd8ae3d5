"""Statements from German text: pure functions over a spaCy Doc and its mentions.

For each sentence:
  1. clause regions and segments (commas, subordinators, dashes);
  2. triggers of the relations in ``ontology/cues.toml`` (verbs by lemma or
     form, nouns by compound head);
  3. arguments by German surface syntax: the preposition before a mention
     ("an die Ukraine" -> recipient), genitives ("Reise Putins"), demonym
     adjectives ("westliche Waffenlieferungen"), coordination ("Russland und
     Nordkorea"), passive "von"-agents, the clause subject as fallback;
  4. modality from cues scoped to the trigger's clause: negation, hedges,
     future and plans, reported speech with its speaker, denials (also of the
     previous sentence: "Peskow dementierte dies").
No I/O here except the cached data loaders; the pipeline comes from ``kg.nlp``.
"""
from __future__ import annotations

import bisect

import functools
import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path

from spacy.attrs import LEMMA, ORTH
from spacy.tokens import Doc, Span, Token

from kg.gazetteer import Gazetteer, default_gazetteer
from kg.lexicon import Lexicon, default_lexicon
from kg.mentions import Mention, find_mentions
from kg.nlp import char_offsets, orths, sentence_starts, words
from kg.model import Article, EntityRef, Extraction, Sentence, Statement, slug
from kg.resources import ontology_dir
from kg.terms import SYMMETRIC_RELATIONS
from kg.timex import find_times, resolve_best

SCORE = re.compile(r"^\d{1,2}:\d{1,2}\.?$")     # "zum 1:0" (a time is "10:00 Uhr")
SEGMENT_BREAKS = {",", ";", ":", "–", "—", "-", "(", ")", '"', "„", "“", "”", "«", "»", "?", "!"}
REGION_BREAKS = {";", ":", "–", "—", "-", "(", ")", "?", "!"}


# ----------------------------------------------------------------- cue data
@dataclass(frozen=True)
class Frame:
    name: str
    verbs: frozenset[str]
    forms: frozenset[str]
    noun_heads: tuple[str, ...]
    requires_noun_heads: tuple[str, ...]
    object_preps: tuple[str, ...]
    bare_object: bool
    symmetric: bool
    spec: dict
    words: dict[str, frozenset[str]] = field(default_factory=dict)  # every word list of spec, lower-cased

    def has(self, name: str, *forms: str) -> bool:
        """Is any of ``forms`` in the spec's word list ``name`` (case folded)?"""
        listed = self.words.get(name, frozenset())
        return any(form.lower() in listed for form in forms)


@dataclass(frozen=True)
class Cues:
    frames: dict[str, Frame]
    items: tuple[str, ...]
    modality: dict
    reporting: dict
    anaphora: dict
    syntax: dict
    precedence: tuple[str, ...]
    words: dict[str, frozenset[str]] = field(default_factory=dict)
    noun_heads: tuple[str, ...] = ()   # of every frame, longest first
    # every word a verb-like trigger can be (verbs, forms, provision, import, motion words of
    # every frame), and the noun heads by length: a word in neither is no trigger at all
    verb_words: frozenset[str] = frozenset()
    head_suffixes: tuple[tuple[int, frozenset[str]], ...] = ()
    # (form hash, lemma hash) -> (((relation, kind), …) elsewhere, … sentence-initial): words repeat, so
    # whether a word is a trigger is worked out once per word, not once per occurrence
    trigger_cache: dict = field(default_factory=dict, compare=False, repr=False)


def _lower_set(values) -> frozenset[str]:
    return frozenset(v.lower() for v in values)


def load_cues(path: Path | None = None) -> Cues:
    data = tomllib.loads((path or ontology_dir() / "cues.toml").read_text(encoding="utf-8"))
    frames = {}
    for name, spec in data["relations"].items():
        frames[name] = Frame(
            name=name,
            verbs=_lower_set(spec.get("verbs", [])),
            forms=_lower_set(spec.get("forms", [])),
            noun_heads=tuple(sorted(_lower_set(spec.get("noun_heads", [])), key=len, reverse=True)),
            requires_noun_heads=tuple(_lower_set(spec.get("requires_noun_heads", []))),
            object_preps=tuple(spec.get("object_preps", [])),
            bare_object=spec.get("bare_object", False),
            symmetric=spec.get("symmetric", False),
            spec=spec,
            words={k: _lower_set(v) for k, v in spec.items() if isinstance(v, list)},
        )
    modality, reporting = data["modality"], data["reporting"]
    words = {
        key: _lower_set(values)
        for key, values in {**modality, **reporting, **data["anaphora"], **data["syntax"]}.items()
        if isinstance(values, list)
    }
    return Cues(
        frames=frames,
        items=tuple(sorted(_lower_set(data["items"]["heads"]), key=len, reverse=True)),
        modality=modality,
        reporting=reporting,
        anaphora=data["anaphora"],
        syntax=data["syntax"],
        precedence=tuple(modality["precedence"]),
        words=words,
        noun_heads=tuple(sorted({h for f in frames.values() for h in f.noun_heads}, key=len, reverse=True)),
        verb_words=frozenset().union(*(
            f.verbs | f.forms | f.words.get(kind + "_" + part, frozenset())
            for f in frames.values() for kind in VERB_KINDS for part in ("verbs", "forms"))),
        head_suffixes=tuple(
            (n, frozenset(h for f in frames.values() for h in f.noun_heads if len(h) == n))
            for n in sorted({len(h) for f in frames.values() for h in f.noun_heads})),
    )


VERB_KINDS = ("provision", "import", "motion")      # the frames' other verb lists, as _trigger_kinds reads them


@functools.lru_cache(maxsize=1)
def default_cues() -> Cues:
    return load_cues()


# ----------------------------------------------------------------- sentence context
@dataclass
class Trigger:
    relation: str
    i: int                 # token index
    kind: str              # verb | noun | import | motion
    text: str


@dataclass
class Ctx:
    """Everything known about one sentence while extracting from it."""

    doc: Doc
    sent: Span
    index: int
    mentions: list[Mention]          # all mentions in the sentence
    cues: Cues
    gazetteer: Gazetteer
    segments: list[tuple[int, int]]
    regions: list[tuple[int, int, bool]]   # start, end, starts with a subordinator
    prep: dict[int, str | None] = field(default_factory=dict)      # mention.start -> prep
    group: dict[int, list[Mention]] = field(default_factory=dict)  # mention.start -> its group
    excluded: set[int] = field(default_factory=set)                 # mention.start of speakers …
    speaker_of: dict[int, Mention] = field(default_factory=dict)    # segment -> its speaker
    # what the modality rules read of the sentence, worked out once for all its triggers
    # (:func:`_modality_words`, per segment or region: :func:`_memo`)
    modality_words: list | None = None
    memo: dict = field(default_factory=dict)

    def __post_init__(self):
        self._seg_starts = [s for s, _ in self.segments]
        self._region_starts = [r[0] for r in self.regions]

    def w(self, name: str) -> frozenset[str]:
        return self.cues.words[name]

    def seg_of(self, i: int) -> int:
        """The segment holding token ``i``; the last one for a token in none (a break)."""
        n = bisect.bisect_right(self._seg_starts, i) - 1
        if n >= 0 and i < self.segments[n][1]:
            return n
        return len(self.segments) - 1

    def region_of(self, i: int) -> tuple[int, int, bool]:
        n = bisect.bisect_right(self._region_starts, i) - 1
        if n >= 0 and i < self.regions[n][1]:
            return self.regions[n]
        return self.regions[-1]

    def in_span(self, start: int, end: int) -> list[Mention]:
        return [m for m in self.mentions if start <= m.start and m.end <= end]

    def bare(self, start: int, end: int, actors_only: bool = True) -> list[Mention]:
        return [
            m for m in self.in_span(start, end)
            if self.prep[m.start] is None and not m.genitive and m.start not in self.excluded
            and m.kind not in {"adj", "prefix"} and (m.is_actor or not actors_only)
        ]

    def with_prep(self, start: int, end: int, preps) -> list[Mention]:
        return [m for m in self.in_span(start, end)
                if self.prep[m.start] in preps and m.start not in self.excluded
                and m.kind not in {"adj", "prefix"}]


def _is_adjective_like(token: Token) -> bool:
    low = token.lower_
    return token.is_alpha and token.text[:1].islower() and low.endswith(("e", "en", "er", "es", "em"))


def _prep_before(doc: Doc, sent: Span, start: int, cues: Cues) -> str | None:
    preps, dets = cues.words["prepositions"], cues.words["determiners"]
    contractions = cues.syntax["contractions"]
    proxies = cues.words["proxy_nouns"]
    i, steps = start - 1, 0
    while i >= sent.start and steps < 8:
        token = doc[i]
        low = token.lower_
        if low in preps:
            # "mit Vertretern von ÖGB": the representatives stand for whom they represent
            if low in {"von", "vom"} and i > sent.start and doc[i - 1].lower_ in proxies:
                i -= 2
                steps += 2
                continue
            # "die Führung in Kiew", "die Regierung in Moskau": the seat stands for the government
            if low in {"in"} and i > sent.start and doc[i - 1].lower_ in cues.words["government_nouns"]:
                i -= 2
                steps += 2
                continue
            return contractions.get(low, low)
        if low in dets or token.like_num or _is_adjective_like(token) or low in {"zu"} or low in proxies:
            i -= 1
            steps += 1
            continue
        return None
    return None


def _segments(sent: Span) -> list[tuple[int, int]]:
    segments, start = [], sent.start
    for token in sent:
        if token.text in SEGMENT_BREAKS or token.is_space:
            if token.i > start:
                segments.append((start, token.i))
            start = token.i + 1
    if start < sent.end:
        segments.append((start, sent.end))
    return segments or [(sent.start, sent.end)]


ASIDE_DASHES = {"–", "—", "-"}
ASIDE_MAX = 12


def _asides(sent: Span) -> list[tuple[int, int]]:
    """Dash pairs inside a sentence: "der UN-Sicherheitsrat – einschließlich China – verhängte"."""
    asides, open_at = [], None
    for token in sent:
        if token.text not in ASIDE_DASHES:
            continue
        if open_at is None:
            before = sent.doc[sent.start:token.i]
            if len(before) <= 4 and all(t.text[:1].isupper() or t.is_punct for t in before):
                continue        # "Luxemburg – Die EU-Außenminister …": a dateline, not an aside
            open_at = token.i
        elif token.i - open_at <= ASIDE_MAX and token.i + 1 < sent.end and not sent.doc[token.i + 1].is_punct:
            asides.append((open_at, token.i + 1))
            open_at = None
        else:
            open_at = token.i
    return asides


def _regions(sent: Span, cues: Cues) -> list[tuple[int, int, bool]]:
    """Clauses of the sentence: (start, end, starts with a subordinator).  A dash pair is an
    aside: the clause around it stays one region (its mentions are excluded by ``_exclude_asides``)."""
    subordinators = cues.words["subordinators"]
    regions, start, sub = [], sent.start, False
    doc = sent.doc
    aside_dashes = {i for s, e in _asides(sent) for i in (s, e - 1)}
    for token in sent:
        if token.i in aside_dashes:
            continue
        nxt = doc[token.i + 1] if token.i + 1 < sent.end else None
        after = doc[token.i + 2] if token.i + 2 < sent.end else None
        brk = token.text in REGION_BREAKS or (
            token.text == "," and nxt is not None and (
                nxt.lower_ in subordinators
                or (nxt.lower_ in cues.words["prepositions"] and after is not None
                    and after.lower_ in cues.words["relative_pronouns"])
            )
        )
        if brk:
            if token.i > start:
                regions.append((start, token.i, sub))
            start = token.i + 1
            sub = token.text == ","
    if start < sent.end:
        regions.append((start, sent.end, sub))
    return regions or [(sent.start, sent.end, False)]


def _groups(ctx: Ctx) -> None:
    """Coordinated mentions share a group and the first one's preposition."""
    coord = ctx.w("coordinators") | {",", "als", "auch"}
    dets = ctx.w("determiners")
    actors = [m for m in ctx.mentions if m.kind not in {"adj", "prefix"}]
    chains: list[list[Mention]] = []
    for m in actors:
        if chains:
            last = chains[-1][-1]
            between = ctx.doc[last.end:m.start]
            if between and all(
                t.lower_ in coord or t.lower_ in dets or _is_adjective_like(t) for t in between
            ) and last.genitive == m.genitive:
                chains[-1].append(m)
                continue
        chains.append([m])
    # "Griechenland, Italien, Spanien und Malta" is one list; "Putin, Russland" (no "und") is not
    groups: list[list[Mention]] = []
    for chain in chains:
        links = [any(t.lower_ in ctx.w("coordinators") for t in ctx.doc[a.end:b.start])
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


def _exclude_asides(ctx: Ctx) -> None:
    for start, end in _asides(ctx.sent):
        ctx.excluded |= {m.start for m in ctx.mentions if start <= m.start < end}


def _exclude_datelines(ctx: Ctx) -> None:
    """ "Luxemburg – Die EU-Außenminister …", "NEW YORK/MOSKAU (dpa-AFX) -": a dateline is no actor."""
    dashes = {"–", "—", "-", "("}
    for m in ctx.mentions:
        if not (m.end < ctx.sent.end and (ctx.doc[m.end].text in dashes or ctx.doc[m.end].text == "/")):
            continue           # (asked first: the test of everything before the mention is the dear one)
        before = ctx.doc[ctx.sent.start:m.start]
        if all(t.text in {"/", ","} or any(m2.start <= t.i < m2.end for m2 in ctx.mentions) for t in before):
            ctx.excluded.add(m.start)


def _exclude_possessors(ctx: Ctx) -> None:
    """ "zwischen Pontas und Sovas Anwaltskanzleien": people named in the genitive before a noun
    own it, and the noun, not they, takes part; unless the noun is a relation ("Putins Besuch"),
    a government or a proxy ("Kims Regierung", "Putins Vertreter")."""
    stand_ins = ctx.w("proxy_nouns") | ctx.w("government_nouns")
    starts = {m.start for m in ctx.mentions}
    for m in ctx.mentions:
        if m.kind != "gen" or m.cls != "Person":
            continue
        after = ctx.group.get(m.start, [m])[-1].end
        if after >= ctx.sent.end or after in starts:
            continue
        token = ctx.doc[after]
        if not (token.is_alpha and token.text[:1].isupper()) or token.lower_ in stand_ins \
                or (_may_trigger(ctx.cues, token.text, token.lemma_)
                    and _trigger_kinds(ctx.cues, token.text, token.lemma_, False)):
            continue
        ctx.excluded.add(m.start)


def _group(ctx: Ctx, m: Mention) -> list[Mention]:
    return [x for x in ctx.group.get(m.start, [m]) if x.start not in ctx.excluded]


# ----------------------------------------------------------------- triggers
def _head_match(low: str, heads) -> str | None:
    for head in heads:
        if low.endswith(head) and (len(low) == len(head) or len(low) - len(head) >= 3 or "-" in low):
            return head
    return None


def triggers_in(doc: Doc, cues: Cues) -> list[Trigger]:
    """Every trigger of the Doc, in text order.  Whether a word is a trigger is worked out once
    per (form, lemma), for a sentence's first word and for any other, and kept in
    ``cues.trigger_cache`` by the strings' hashes: a token costs one lookup and no Token object."""
    found = []
    cache = cues.trigger_cache
    starts = set(sentence_starts(doc))
    strings = doc.vocab.strings
    for i, key in enumerate(zip(orths(doc).tolist(), doc.to_array(LEMMA).tolist())):
        kinds = cache.get(key)
        if kinds is None:
            text, lemma = strings[key[0]], strings[key[1]]
            kinds = _NO_TRIGGER
            if _may_trigger(cues, text, lemma):
                kinds = tuple(_trigger_kinds(cues, text, lemma, first) for first in (False, True))
                if kinds == _NO_TRIGGER:
                    kinds = _NO_TRIGGER
            cache[key] = kinds
        if kinds is _NO_TRIGGER:
            continue
        here = kinds[i in starts]
        if here:
            text = strings[key[0]]
            found.extend(Trigger(relation, i, kind, text) for relation, kind in here)
    return found


_NO_TRIGGER = ((), ())     # (as any word, as a sentence's first word): the answer for most words


def _may_trigger(cues: Cues, text: str, lemma: str) -> bool:
    """Could any frame match the word at all?  No for almost every word, decided at once
    from the frames' verb words and noun-head endings."""
    if not text.isalpha() and "-" not in text:
        return False
    low = text.lower()
    verb_words = cues.verb_words
    if lemma.lower() in verb_words or low in verb_words:
        return True
    if "zu" in low[2:] and low.replace("zu", "", 1) in verb_words:
        return True
    return text[:1].isupper() and any(low[-n:] in heads for n, heads in cues.head_suffixes)


def _trigger_kinds(cues: Cues, text: str, lemma: str, first: bool) -> tuple[tuple[str, str], ...]:
    """What relations a word can trigger, and how: as a noun, verb, provision, import or motion
    (only asked of a word :func:`_may_trigger` lets through)."""
    low, lemma = text.lower(), lemma.lower()
    noun = text[:1].isupper()
    unzu = low.replace("zu", "", 1) if "zu" in low[2:] else None
    found = []
    for frame in cues.frames.values():
        # German sentences seldom open with a finite verb: a capitalised first word that is
        # a trigger noun ("Treffen EU, Ukraine, Russland möglich") is the noun
        if noun and (not first or _head_match(low, frame.noun_heads)
                     or not (lemma in frame.verbs or low in frame.forms)):
            if _head_match(low, frame.noun_heads):
                found.append((frame.name, "noun"))
            continue
        if lemma in frame.verbs or low in frame.forms or (unzu and unzu in frame.verbs):
            found.append((frame.name, "verb"))
        elif frame.has("provision_verbs", lemma, unzu or "") or frame.has("provision_forms", low):
            found.append((frame.name, "provision"))
        elif frame.has("import_verbs", lemma) or frame.has("import_forms", low):
            found.append((frame.name, "import"))
        elif frame.has("motion_verbs", lemma) or frame.has("motion_forms", low):
            found.append((frame.name, "motion"))
    return tuple(found)


# ----------------------------------------------------------------- arguments
@dataclass
class Args:
    agents: list[Mention] = field(default_factory=list)
    objects: list[Mention] = field(default_factory=list)
    place: Mention | None = None
    items: list[Token] = field(default_factory=list)
    fallback: bool = False
    measure: tuple[int, int] | None = None


def _co_agents(ctx: Ctx, start: int, end: int) -> list[Mention]:
    return [m for m in ctx.with_prep(start, end, {"mit"})
            if ctx.doc[m.start - 1].lower_ in {"mit"} and m.start >= 2
            and ctx.doc[m.start - 2].lower_ == "zusammen"]


def _passive(ctx: Ctx, start: int, end: int) -> bool:
    return any(t.lower_ in {"wurde", "wurden", "worden", "werden", "wird"} for t in ctx.doc[start:end])


def _attributive(ctx: Ctx, i: int) -> bool:
    token = ctx.doc[i]
    nxt = ctx.doc[i + 1] if i + 1 < ctx.sent.end else None
    named = any(m.start <= i + 1 < m.end for m in ctx.mentions)
    return (nxt is not None and nxt.text[:1].isupper() and nxt.is_alpha and not named
            and token.lower_.endswith(("e", "en", "er", "es", "em")) and token.lower_ != token.lemma_.lower())


def _subject(ctx: Ctx, i: int, skip: set[int] = frozenset()) -> tuple[list[Mention], bool]:
    """The clause subject for the trigger at ``i``: (group, came from another clause)."""
    speaker = ctx.speaker_of.get(ctx.seg_of(i))
    if speaker is not None and speaker.start not in skip:
        return [speaker], False        # "…, sagte Kerry bei einem Besuch in Kairo": Kerry is the subject here
    start, end, _ = ctx.region_of(i)
    end = min(end, ctx.segments[ctx.seg_of(i)][1])   # not past the trigger's own segment
    bare = [m for m in ctx.bare(start, end) if m.start not in skip]
    if bare:
        return _group(ctx, bare[0]) + _co_agents(ctx, start, end), False
    for r_start, r_end, _ in reversed([r for r in ctx.regions if r[1] <= start]):
        if r_start > ctx.sent.start and ctx.doc[r_start - 1].text == "(":
            continue                   # a parenthesis is an aside, not the clause's subject
        bare = [m for m in ctx.bare(r_start, r_end) if m.start not in skip]
        if bare:
            return _group(ctx, bare[0]), True
    return [], False


def _verb_agents(ctx: Ctx, trig: Trigger) -> tuple[list[Mention], bool]:
    start, end, _ = ctx.region_of(trig.i)
    if ctx.doc[start].lower_ in ctx.w("non_referential"):
        return [], False
    token = ctx.doc[trig.i]
    seg_start, seg_end = ctx.segments[ctx.seg_of(trig.i)]
    participle = token.lower_ != token.lemma_.lower()
    if _attributive(ctx, trig.i) or (participle and _passive(ctx, seg_start, seg_end)):
        von = [m for m in ctx.with_prep(start, trig.i, {"von"}) if m.is_actor]
        if von:
            return _group(ctx, von[0]), False
        if _attributive(ctx, trig.i):
            return [], False
    return _subject(ctx, trig.i)


def _items(ctx: Ctx, start: int, end: int) -> list[Token]:
    taken = {i for m in ctx.mentions for i in range(m.start, m.end) if m.kind != "prefix"}
    found = []
    for token in ctx.doc[start:end]:
        if token.i in taken or not token.text[:1].isupper():
            continue
        if _head_match(token.lower_, ctx.cues.items):
            found.append(token)
    return found


def _noun_tail(ctx: Ctx, i: int, heads) -> int:
    """Where the noun phrase (with its PPs) after a noun trigger ends."""
    keep = ctx.w("prepositions") | ctx.w("determiners") | ctx.w("coordinators") | {"auch"}
    j = i + 1
    while j < ctx.sent.end and j - i <= 14:
        token = ctx.doc[j]
        if token.is_space and "\n" not in token.text:   # a double space inside the phrase
            j += 1
            continue
        if token.text in SEGMENT_BREAKS or token.is_space or token.text == ".":
            break
        if token.text[:1].isupper() or token.like_num or token.lower_ in keep or "-" in token.text:
            if token.text[:1].isupper() and _head_match(token.lower_, heads) and j > i + 1:
                break
            j += 1
            continue
        nxt = ctx.doc[j + 1] if j + 1 < ctx.sent.end else None
        if _is_adjective_like(token) and nxt is not None and (nxt.text[:1].isupper() or _is_adjective_like(nxt)):
            j += 1
            continue
        break
    return j


@dataclass
class NounParts:
    left_gen: list[Mention]
    left_adj: list[Mention]
    right_gen: list[Mention]
    von: list[Mention]
    possessive: bool
    tail_end: int


def _noun_parts(ctx: Ctx, i: int) -> NounParts:
    tail_end = _noun_tail(ctx, i, ctx.cues.noun_heads)
    left_gen, left_adj, possessive = [], [], False
    j = i - 1
    while j >= ctx.sent.start and i - j <= 4:
        token = ctx.doc[j]
        ms = [m for m in ctx.mentions if m.end == j + 1]
        if ms and ms[0].kind == "adj":
            left_adj.append(ms[0])
            j = ms[0].start - 1
            continue
        if ms and ms[0].genitive:
            left_gen = _group(ctx, ms[0])
            break
        if token.lower_ in ctx.w("possessives"):
            possessive = True
            break
        if _is_adjective_like(token) or token.like_num:
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
        ctx.doc[j].lower_ in {"des", "der"} or _is_adjective_like(ctx.doc[j])
    ):
        j += 1
    for m in ctx.mentions:
        if m.start == j and m.start < tail_end and m.kind not in {"adj", "prefix"} and m.start not in ctx.excluded:
            if m.genitive or ctx.doc[i + 1].lower_ in {"des", "der"}:
                right_gen = _group(ctx, m)
            elif ctx.prep.get(m.start) == "von":
                von = _group(ctx, m)
    if not von and i + 1 < tail_end and ctx.doc[i + 1].lower_ in {"von", "vom"}:
        von = [m for m in ctx.with_prep(i + 1, tail_end, {"von"}) if m.is_actor][:1]
        von = _group(ctx, von[0]) if von else []
    return NounParts(left_gen, left_adj, right_gen, von, possessive, tail_end)


def _foreign_owner(ctx: Ctx, i: int) -> bool:
    """Does a genitive or "von" phrase that names no known entity own the noun at ``i``?"""
    j = i + 1
    if j < ctx.sent.end and ctx.doc[j].lower_ in {"des", "der", "von", "vom"}:
        j += 1
        while j < ctx.sent.end and (_is_adjective_like(ctx.doc[j]) or ctx.doc[j].lower_ in ctx.w("determiners")):
            j += 1
        if j < ctx.sent.end and ctx.doc[j].text[:1].isupper() and not any(m.start <= j < m.end for m in ctx.mentions):
            return True
    return False


def _place_in(ctx: Ctx, start: int, end: int, skip=()) -> Mention | None:
    for m in ctx.with_prep(start, end, {"in", "nach"}):
        if m.cls in {"Place", "State"} and m not in skip:
            return m
    return None


def _requires(ctx: Ctx, frame: Frame, start: int, end: int, extra: int | None = None) -> bool:
    if not frame.requires_noun_heads:
        return True
    tokens = list(ctx.doc[start:end]) + ([ctx.doc[extra]] if extra is not None and extra < len(ctx.doc) else [])
    if start - 2 >= ctx.sent.start and ctx.doc[start - 1].text == "," \
            and ctx.doc[start].lower_ in ctx.w("relative_pronouns"):
        tokens.append(ctx.doc[start - 2])   # "einen Handelspakt, den Kiew mit der EU geschlossen hat"
    return any(t.text[:1].isupper() and _head_match(t.lower_, frame.requires_noun_heads) for t in tokens)


def arguments(ctx: Ctx, trig: Trigger) -> list[Args]:
    frame = ctx.cues.frames[trig.relation]
    handler = _HANDLERS[trig.relation]
    return handler(ctx, trig, frame)


def _supplies(ctx: Ctx, trig: Trigger, frame: Frame) -> list[Args]:
    start, end, _ = ctx.region_of(trig.i)
    if trig.kind == "import":
        preps = set(frame.spec.get("source_preps", []))
        if frame.has("import_in_verbs", trig.text, ctx.doc[trig.i].lemma_):
            preps.add("in")
        sources = [m for m in ctx.with_prep(start, end, preps) if m.is_actor and m.cls == "State"]
        recipients, fallback = _subject(ctx, trig.i)
        if not sources or not recipients:
            return []
        return [Args(agents=_group(ctx, sources[0]), objects=recipients, fallback=fallback,
                     items=_items(ctx, start, end))]
    if trig.kind == "provision":
        return _provision(ctx, trig, frame, start, end)
    if trig.kind == "noun":
        parts = _noun_parts(ctx, trig.i)
        suppliers = parts.left_gen or parts.right_gen or parts.von or [m for m in parts.left_adj if m.kind == "adj"]
        items = _items(ctx, trig.i + 1, parts.tail_end)
        if not suppliers:
            # "Lieferung von nordkoreanischen Raketen": the demonym on the item names the supplier
            for item in items:
                adj = [m for m in ctx.mentions if m.kind == "adj" and m.end == item.i]
                if adj:
                    suppliers = adj[:1]
                    break
        recipients = [m for m in ctx.with_prep(trig.i + 1, parts.tail_end, {"an"}) if m.is_actor]
        compound = ctx.doc[trig.i].lower_
        head = _head_match(compound, frame.noun_heads) or ""
        modifier = ctx.doc[trig.i].text[: len(compound) - len(head)].rstrip("-")
        if not suppliers or not recipients:
            return []
        args = Args(agents=suppliers, objects=_group(ctx, recipients[0]), items=items)
        if modifier and _head_match(modifier.lower(), ctx.cues.items):
            args.items = [modifier] + args.items
        return [args]
    agents, fallback = _verb_agents(ctx, trig)
    if not agents:
        return []
    seg_start, seg_end = ctx.segments[ctx.seg_of(trig.i)]
    if any(frame.has("not_goods", t.lower_, t.lemma_) for t in ctx.doc[seg_start:seg_end]):
        return []      # "sein Mandat an X übergeben", "den Vorsitz übergeben": an office, not goods
    recipients = [m for m in ctx.with_prep(seg_start, seg_end, {"an"}) if m.is_actor and m not in agents] \
        or [m for m in ctx.with_prep(start, end, {"an"}) if m.is_actor and m not in agents]
    items = _items(ctx, start, end)
    if recipients:
        objects = _group(ctx, recipients[0])
    else:
        # a bare dative recipient only with something supplied: "Belarus habe Russland Benzin geliefert",
        # not "habe Kurz das Thema der Ministerin überlassen"
        others = [m for m in ctx.bare(start, end) if m not in agents and m.start > agents[-1].start]
        objects = _group(ctx, others[0]) if others and frame.bare_object and items else []
    if not objects:
        return []
    return [Args(agents=agents, objects=objects, fallback=fallback, items=items)]


def _compound_place(ctx: Ctx, i: int) -> Mention | None:
    """The state or place a hyphen compound names: "China-Besuch", "Moskau-Reise", "Iran-Sanktionen"."""
    text = ctx.doc[i].text
    if "-" not in text:
        return None
    modifier = text.rsplit("-", 1)[0]
    key = ctx.gazetteer.lookup(modifier)
    if key is None or ctx.gazetteer[key].cls not in {"State", "Place"}:
        return None
    entry = ctx.gazetteer[key]
    return Mention(start=i, end=i + 1, key=key, actor=entry.metonym_for or key, cls=entry.cls, kind="name",
                   text=modifier, head=i, surface=modifier)


def _infinitive(ctx: Ctx, i: int) -> bool:
    """ "zu versorgen", "auszurüsten": a zu-infinitive, whose subject is not in its own clause."""
    token = ctx.doc[i]
    return (i > ctx.sent.start and ctx.doc[i - 1].lower_ == "zu") or (
        "zu" in token.lower_[2:] and token.lower_ != token.lemma_.lower())


def _controller(ctx: Ctx, start: int) -> list[Mention]:
    """Who a zu-infinitive's action is ascribed to: the last actor of the clause before it
    ("werfen Russland vor, … zu versorgen", "drohte Moskau damit, … zu liefern")."""
    for r_start, r_end, _ in reversed([r for r in ctx.regions if r[1] <= start]):
        bare = ctx.bare(r_start, r_end)
        if bare:
            return _group(ctx, bare[-1])
    return []


def _provision(ctx: Ctx, trig: Trigger, frame: Frame, start: int, end: int) -> list[Args]:
    """ "Russland versorgt die Rebellen mit Waffen": the accusative object receives."""
    items = _items(ctx, start, end)
    if not items and not frame.has("provision_without_item", ctx.doc[trig.i].lower_, ctx.doc[trig.i].lemma_):
        return []
    if _infinitive(ctx, trig.i):
        agents, fallback = _controller(ctx, start), True
        recipients = [m for m in ctx.bare(start, trig.i) if m not in agents]
    else:
        agents, fallback = _verb_agents(ctx, trig)
        recipients = [m for m in ctx.bare(start, end) if m not in agents and (not agents or m.start > agents[-1].start)]
    if not agents or not recipients:
        return []
    return [Args(agents=agents, objects=_group(ctx, recipients[0]), fallback=fallback, items=items)]


def _visited(ctx: Ctx, trig: Trigger, frame: Frame) -> list[Args]:
    start, end, _ = ctx.region_of(trig.i)
    if trig.kind == "noun":
        parts = _noun_parts(ctx, trig.i)
        visitors, places, fallback = [], [], False
        for m in parts.left_gen + parts.right_gen + parts.von:
            (visitors if m.cls == "Person" or (m in parts.von and m.is_actor) else places).append(m)
        if not places:
            place = _compound_place(ctx, trig.i) or _place_in(ctx, trig.i + 1, parts.tail_end)
            if place is None and ctx.doc[trig.i - 1].lower_ == "zu":
                place = _place_in(ctx, start, trig.i)    # "ist in der polnischen Hauptstadt zu Besuch"
            places = [place] if place else []
        if not visitors and _foreign_owner(ctx, trig.i):
            return []            # "Auslandsreise des Pontifex": the owner is named, but unknown
        if not visitors:
            visitors, fallback = _subject(ctx, trig.i, skip={m.start for m in places})
            if not visitors:
                visitors = [m for m in ctx.with_prep(start, end, set(ctx.cues.syntax["fallback_agent_preps"]))
                            if m.cls == "Person"][:1]
                fallback = True
        host = False
        unknown_place = any(
            t.lower_ in {"in", "nach", "im"} and next(
                (u for u in ctx.doc[t.i + 1:parts.tail_end] if u.lower_ not in ctx.w("determiners")), t
            ).text[:1].isupper()
            for t in ctx.doc[trig.i + 1:max(trig.i + 1, parts.tail_end - 1)]
        )
        if not places and visitors and not fallback and not unknown_place:
            # "Russland hatte bei einem Besuch der Außenministerin Choe …": the host is the subject
            subject, _ = _subject(ctx, trig.i, skip={m.start for m in visitors})
            places = [m for m in subject if m.cls == "State"][:1]
            host = True
        if not visitors or not places:
            return []
        return [Args(agents=visitors, objects=places, fallback=fallback or host)]
    agents, fallback = _verb_agents(ctx, trig)
    if not agents:
        return []
    if trig.kind == "motion":
        nach = [m for m in ctx.with_prep(start, end, {"nach"}) if m.cls in {"Place", "State"}]
        into = [m for m in ctx.with_prep(start, end, {"in"}) if m.cls in {"Place", "State"}
                and ctx.doc[m.start - 1].lower_ in {"den", "die", "das", "ins"}]
        targets = (nach or into)[:1]
    else:
        targets = [m for m in ctx.bare(start, end, actors_only=False)
                   if m not in agents and m.cls in {"Place", "State"}][:1]
    if not targets:
        return []
    return [Args(agents=agents, objects=targets, fallback=fallback)]


def _met_with(ctx: Ctx, trig: Trigger, frame: Frame) -> list[Args]:
    start, end, _ = ctx.region_of(trig.i)
    if trig.kind == "noun":
        parts = _noun_parts(ctx, trig.i)
        partners = [m for m in ctx.with_prep(trig.i + 1, parts.tail_end, {"mit", "zwischen"}) if m.is_actor]
        participants = parts.left_gen + parts.right_gen + parts.von
        partners = _group(ctx, partners[0]) if partners else []
        fallback = False
        if not participants and not partners:
            # a headline's list right after the noun: "Treffen EU, Ukraine, Russland …"
            j = trig.i + 1
            for m in ctx.mentions:
                if m.start == j and m.is_actor and ctx.prep[m.start] is None and m.start not in ctx.excluded:
                    participants.append(m)
                    j = m.end + 1 if m.end < ctx.sent.end and ctx.doc[m.end].text in {",", "und"} else m.end
            if len(participants) < 2:
                participants = []
        if not participants and _foreign_owner(ctx, trig.i):
            return []
        if not participants:
            participants, fallback = _subject(ctx, trig.i, skip={m.start for m in partners})
            if not participants:
                participants = [m for m in ctx.with_prep(start, end, set(ctx.cues.syntax["fallback_agent_preps"]))
                                if m.is_actor][:1]
                fallback = True
        if partners:
            return [Args(agents=participants, objects=partners, fallback=fallback)]
        # "das Treffen Kim Jong-uns und Putins", "Treffen EU, Ukraine, Russland": every pair met
        return [Args(agents=[a], objects=participants[n + 1:], fallback=fallback)
                for n, a in enumerate(participants[:-1])]
    if any(frame.has("clash_words", t.lower_) or _score(t) for t in ctx.doc[start:end]):
        return []
    after = ctx.doc[trig.i + 1] if trig.i + 1 < end else None
    if after is not None and frame.has("score_counts", after.lower_) and not any(
            t.lower_ in {"sich", "mit"} for t in ctx.doc[start:end]):
        return []      # "Suarez trifft viermal, Messi dreimal": goals, not meetings
    if any(_encountered(ctx, m, start) for m in ctx.in_span(start, end)):
        return []      # "auf den Grünen Van der Bellen treffen", "trifft auf Russland": faces, not meets
    agents, fallback = _verb_agents(ctx, trig)
    if not agents:
        return []
    partners = [m for m in ctx.with_prep(start, end, {"mit", "zwischen"}) if m.is_actor and m not in agents
                and m not in _co_agents(ctx, start, end)]
    if partners:
        return [Args(agents=agents, objects=_group(ctx, partners[0]), fallback=fallback)]
    others = [m for m in ctx.bare(start, end) if m not in agents]
    if others:
        return [Args(agents=agents, objects=_group(ctx, others[0]), fallback=fallback)]
    if len(agents) >= 2:
        return [Args(agents=agents[:1], objects=agents[1:], fallback=fallback)]
    return []


def _score(token: Token) -> bool:
    """A match result: "zum 1:0" (but "um 10:30 Uhr" is a time)."""
    after = token.doc[token.i + 1].lower_ if token.i + 1 < len(token.doc) else ""
    return bool(SCORE.match(token.text)) and after != "uhr"


def _encountered(ctx: Ctx, m: Mention, start: int) -> bool:
    """Is ``m`` the object of "auf" ("trifft auf Russland", "auf den Grünen Van der Bellen"),
    with nothing but articles and adjectives (or a nominalised one: "Grünen") between?"""
    j = m.start - 1
    while j >= start and j >= m.start - 4:
        token = ctx.doc[j]
        if token.lower_ == "auf":
            return True
        if not (token.lower_ in ctx.w("determiners") or _is_adjective_like(token)
                or (token.text[:1].isupper() and token.text == token.lemma_ + "n")):
            return False
        j -= 1
    return False


def _treaty(ctx: Ctx, trig: Trigger, frame: Frame) -> list[Args]:
    start, end, _ = ctx.region_of(trig.i)
    if trig.kind == "noun" or not _requires(ctx, frame, start, end, trig.i + 1):
        return []
    agents, fallback = _verb_agents(ctx, trig)
    place = _place_in(ctx, start, end)
    if not agents:
        # "Der Vertrag zwischen Russland und Nordkorea wurde unterzeichnet"
        between = [m for m in ctx.with_prep(start, end, {"zwischen"}) if m.is_actor]
        group = _group(ctx, between[0]) if between else []
        if len(group) >= 2:
            return [Args(agents=group[:1], objects=group[1:], place=place)]
        return []
    partners = [m for m in ctx.with_prep(start, end, set(frame.object_preps)) if m.is_actor and m not in agents]
    if partners:
        return [Args(agents=agents, objects=_group(ctx, partners[0]), fallback=fallback, place=place)]
    if len(agents) >= 2:
        return [Args(agents=agents[:1], objects=agents[1:], fallback=fallback, place=place)]
    return []


def _sanctions(ctx: Ctx, trig: Trigger, frame: Frame) -> list[Args]:
    start, end, _ = ctx.region_of(trig.i)
    if trig.kind == "noun":
        parts = _noun_parts(ctx, trig.i)
        agents = parts.left_adj or parts.right_gen or parts.von
        from_subject = False
        if not agents and any(frame.has("owner_verbs", t.lemma_) for t in ctx.doc[start:trig.i]):
            agents, _ = _subject(ctx, trig.i)     # "Die USA haben Sanktionen gegen Russland"
            from_subject = True
        if not agents:
            return []
        targets = [m for m in ctx.with_prep(trig.i + 1, parts.tail_end, set(frame.object_preps)) if m.is_actor]
        compound = _compound_place(ctx, trig.i)
        if compound is not None and compound.cls == "State" and not targets:
            targets = [compound]          # "die Russland-Sanktionen der EU"
        threat = any(frame.has("threat_verbs", t.lemma_) for t in ctx.doc[start:trig.i])
        if targets:
            objects = [t for m in targets for t in _group(ctx, m)]
        elif from_subject and threat:     # "Die USA drohen Nordkorea mit Sanktionen"
            objects = [m for m in ctx.bare(start, trig.i) if m not in agents][:1]
        elif from_subject:
            return []
        elif any(frame.has("subject_target_verbs", t.lemma_) or frame.has("subject_target_forms", t.lower_)
                 for t in ctx.doc[start:end]):
            objects, _ = _subject(ctx, trig.i)
            objects = [m for m in objects if m.cls in {"State", "Organization", "Group", "Person"}
                       or m.actor != m.key]
        else:
            return []
        return [Args(agents=agents, objects=list(dict.fromkeys(objects)))] if objects else []
    if ctx.doc[trig.i].lemma_.lower() != "sanktionieren" and not _requires(ctx, frame, start, end):
        return []
    agents, fallback = _verb_agents(ctx, trig)
    if not agents:
        return []
    targets = [m for m in ctx.with_prep(start, end, set(frame.object_preps)) if m.is_actor]
    if not targets and ctx.doc[trig.i].lemma_.lower() == "sanktionieren":
        targets = [m for m in ctx.bare(start, end) if m not in agents]
    if not targets:           # "Die EU verlängert die Russland-Sanktionen"
        compounds = [_compound_place(ctx, t.i) for t in ctx.doc[start:end]
                     if _head_match(t.lower_, frame.requires_noun_heads)]
        targets = [m for m in compounds if m is not None and m.cls == "State"][:1]
    if not targets:
        return []
    return [Args(agents=agents, objects=list(dict.fromkeys(targets)), fallback=fallback)]


def _vetoed(ctx: Ctx, trig: Trigger, frame: Frame) -> list[Args]:
    start, end, _ = ctx.region_of(trig.i)
    council = [m for m in ctx.mentions if m.key in frame.spec.get("council", [])]
    measure_heads = tuple(frame.words.get("measure_heads", ()))
    if trig.kind == "noun":
        parts = _noun_parts(ctx, trig.i)
        agents = parts.left_gen or [m for m in parts.left_adj if m.kind == "adj"]
        fallback = False
        if not agents:
            agents, fallback = _subject(ctx, trig.i)
    else:
        if not (_requires(ctx, frame, start, end) or council):
            return []
        agents, fallback = _verb_agents(ctx, trig)
    if not agents:
        return []
    scan_from = trig.i + 1 if trig.kind == "noun" else start
    measure_start = next((t.i for t in ctx.doc[scan_from:ctx.sent.end]
                          if t.text[:1].isupper() and _head_match(t.lower_, measure_heads)), None)
    concerned = [m for m in ctx.in_span(measure_start or scan_from, ctx.sent.end)
                 if m.is_actor and m.actor not in {a.actor for a in agents}
                 and ctx.prep[m.start] not in {"in", "mit", "von"} and m.start not in ctx.excluded
                 and m.key not in frame.spec.get("council", []) and m.cls != "Organization"]
    if not concerned:
        return []
    target = concerned[0]
    measure = (measure_start if measure_start is not None else target.start, target.end)
    return [Args(agents=agents + _co_agents(ctx, start, end), objects=[target], fallback=fallback,
                 place=council[0] if council else None, measure=measure)]


_HANDLERS = {
    "supplies": _supplies,
    "visited": _visited,
    "metWith": _met_with,
    "signedTreatyWith": _treaty,
    "agreedWith": _treaty,
    "imposedSanctionsOn": _sanctions,
    "vetoed": _vetoed,
}


# ----------------------------------------------------------------- modality
@dataclass
class Cue:
    modality: str
    word: str
    who: str | None = None


def _speakers(ctx: Ctx) -> list[tuple[set[int], str | None, str]]:
    """Reported-speech scopes: (segment numbers, speaker key, cue word)."""
    scopes = []
    speech = ctx.w("speech_verbs")
    n_segments = len(ctx.segments)
    for token in ctx.sent:
        if token.lower_ not in speech or _lemmas(ctx, token) & ctx.w("negation"):
            continue               # "sagte … ab" cancels, it does not report
        seg = ctx.seg_of(token.i)
        seg_start, seg_end = ctx.segments[seg]
        after = [m for m in ctx.in_span(token.i + 1, seg_end) if m.is_actor or m.kind == "adj"]
        before = [m for m in ctx.in_span(seg_start, token.i) if m.is_actor]
        nxt = ctx.doc[token.i + 1] if token.i + 1 < ctx.sent.end else None
        if seg_start == token.i and seg > 0:            # "…, sagte X"
            speaker = next((m for m in after if not m.genitive), after[0] if after else None)
            scope = set(range(seg))
        elif nxt is not None and nxt.text in {",", ":"}:  # "X sagte, …"
            speaker = before[-1] if before else None
            scope = set(range(seg + 1, n_segments))
        else:
            continue
        if speaker is not None:
            ctx.excluded.add(speaker.start)
            ctx.speaker_of[seg] = speaker
        scopes.append((scope, speaker.key if speaker else None, token.text))
    # "nach Angaben von X", "X zufolge", "laut X"
    for token in ctx.sent:
        low = token.lower_
        seg = ctx.seg_of(token.i)
        who = None
        if low in ctx.w("source_before"):
            nxt = ctx.doc[token.i + 1] if token.i + 1 < ctx.sent.end else None
            if nxt is None or not (nxt.text[:1].isupper() or nxt.lower_ in ctx.w("determiners")
                                   or nxt.lower_ in {"von", "aus"}):
                continue           # "laut geworden" is loud, not "according to"
            cands = [m for m in ctx.in_span(token.i + 1, min(token.i + 6, ctx.sent.end))]
            who = cands[0] if cands else None
            if who is None and low == "angaben":
                adj = [m for m in ctx.mentions if m.end == token.i and m.kind == "adj"]
                who = adj[0] if adj else None
        elif low in ctx.w("source_after"):
            cands = [m for m in ctx.mentions if token.i - 3 <= m.end <= token.i]
            who = cands[-1] if cands else None
        else:
            continue
        if who is not None:
            ctx.excluded.add(who.start)
        scopes.append(({seg}, who.key if who else None, token.text))
    return scopes


def _claimants(ctx: Ctx) -> dict[int, Mention]:
    """Subjects of claim verbs ("Westliche Staaten verdächtigen Moskau"), by verb token."""
    found = {}
    for token in ctx.sent:
        if _lemmas(ctx, token) & ctx.w("claim_verbs"):
            start, _, _ = ctx.region_of(token.i)
            before = [m for m in ctx.bare(start, token.i)]
            if before:
                found[token.i] = before[0]
                # who alleges is no party ("Westliche Staaten verdächtigen Moskau"); who
                # denies may be ("Nordkorea bestreitet, Waffen geliefert zu haben")
                if _word_modality(ctx, token) != "denied":
                    ctx.excluded.add(before[0].start)
    return found


def _lemmas(ctx: Ctx, token: Token) -> set[str]:
    """Surface form, lemma and, for a split separable verb, particle + lemma
    ("werfen … vor" -> "vorwerfen", "wies … zurück" -> "zurückweisen")."""
    low, lemma = token.lower_, token.lemma_.lower()
    found = {low, lemma}
    if token.text[:1].islower():
        seg_start, seg_end = ctx.segments[ctx.seg_of(token.i)]
        texts = words(ctx.doc)
        last = _last_alpha_before(ctx.doc)[seg_end]          # the segment's last word (is_alpha)
        if last > token.i and texts[last].lower() in ctx.w("separable_particles"):
            found.add(texts[last].lower() + lemma)
    return found


def _last_alpha_before(doc: Doc) -> list[int]:
    """For each k in 0..len(doc): the index of the last alphabetic token before k, or -1
    (made once per Doc)."""
    cached = doc.user_data.get("kg_last_alpha")
    if cached is None or len(cached) != len(doc) + 1:
        out, last = [-1], -1
        for j, text in enumerate(words(doc)):
            if text.isalpha():
                last = j
            out.append(last)
        cached = doc.user_data["kg_last_alpha"] = out
    return cached


def _memo(ctx: Ctx, key, make):
    """``make()``, worked out once per sentence for ``key`` (a segment or a region)."""
    value = ctx.memo.get(key)
    if value is None:
        value = ctx.memo[key] = make()
    return value


def _modality_words(ctx: Ctx) -> list[tuple]:
    """The sentence's tokens that can set a trigger's modality, with all that does not depend
    on the trigger: (i, text, segment, control, what, hedged noun).  ``what`` is "negated",
    "planned_verbal" or the word's modality ("alleged_weak" included); ``hedged noun`` the
    index of the noun an adjective like "mutmaßliche" hedges instead (else None)."""
    if ctx.modality_words is not None:
        return ctx.modality_words
    found = []
    doc, end = ctx.doc, ctx.sent.end
    for token in ctx.sent:
        low = token.lower_
        lemmas = _lemmas(ctx, token)
        control = bool(lemmas & ctx.w("control"))
        if low in ctx.w("negation") or lemmas & ctx.w("negation"):
            nxt = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else ""
            what = "negated" if f"{low} {nxt}" not in ctx.w("negation_exceptions") else None
        elif low in ctx.w("planned_verbal"):
            what = "planned_verbal"
        else:
            what = _word_modality(ctx, token) or ("alleged_weak" if low in ctx.w("alleged_weak") else None)
        if what is None:
            continue           # (a control word only widens its own scope: without a cue it adds nothing)
        hedged = None
        if what not in {"negated", "planned_verbal"}:
            j = token.i + 1
            while j < end and (_is_adjective_like(doc[j]) or doc[j].text == ","):
                j += 1
            noun = doc[j] if j < end else None
            lemma = token.lemma_.lower()
            if low != lemma and lemma.endswith(("lich", "ig", "bar")) and _is_adjective_like(token) \
                    and noun is not None and noun.text[:1].isupper():
                hedged = noun.i
        found.append((token.i, token.text, ctx.seg_of(token.i), control, what, hedged))
    ctx.modality_words = found
    return found


def _word_modality(ctx: Ctx, token: Token) -> str | None:
    forms = _lemmas(ctx, token)
    for modality in ("denied", "alleged", "planned"):
        if forms & ctx.w(modality):
            return modality
    return None


def modality_of(ctx: Ctx, trig: Trigger, speakers, claimants) -> Cue:
    cues: list[Cue] = []
    seg = ctx.seg_of(trig.i)
    seg_start, seg_end = ctx.segments[seg]
    trigger = ctx.doc[trig.i]
    has_later = seg < len(ctx.segments) - 1
    for i, text, t_seg, control, what, hedged in _modality_words(ctx):
        in_scope = (t_seg == seg and not (control and t_seg < len(ctx.segments) - 1 and has_later
                                          and i != trig.i)) \
            or (control and t_seg < seg)
        if i == trig.i or not in_scope or what is None:
            continue
        if what == "negated":
            cues.append(Cue("negated", text))
        elif what == "planned_verbal":
            if trig.kind != "noun":
                cues.append(Cue("planned", text))
        elif hedged is not None and hedged != trig.i:
            continue          # "mutmaßliche Cyberattacken" hedges the attacks, not the meeting
        elif what == "alleged_weak":
            cues.append(Cue("alleged_weak", text))
        else:
            who = claimants.get(i)
            cues.append(Cue(what, text, who.key if who else None))
    planned_sentence = _memo(ctx, "planned_sentence", lambda: [
        (t.i, t.text, ctx.seg_of(t.i)) for t in ctx.sent if t.lower_ in ctx.w("planned_sentence")])
    for i, text, t_seg in planned_sentence:
        # "möglich" in a headline without a verb qualifies the whole headline
        if i != trig.i and t_seg != seg:
            cues.append(Cue("planned", text))
    phrases, future, past = _memo(ctx, ("segment", seg), lambda: _segment_cues(ctx, seg_start, seg_end))
    for phrase in phrases:
        cues.append(Cue("planned", phrase))
    closing = ctx.doc[seg_end - 1]
    if future and (
        (trigger.lower_ == trigger.lemma_.lower() and not trigger.text[:1].isupper())
        # "wird … einen Besuch abstatten": the infinitive closes the clause
        or (trig.kind == "noun" and closing.is_alpha and closing.text[:1].islower()
            and closing.lower_ == closing.lemma_.lower() and closing.lower_.endswith("en"))
    ):
        cues.append(Cue("planned", "werden"))
    if trig.relation == "visited" and trigger.lower_ in ctx.w("planned_trigger_forms") and not past:
        cues.append(Cue("planned", trigger.text))
    if _scheduled(ctx, trig):
        cues.append(Cue("planned", "present"))
    if trig.kind == "noun":
        # "kurz vor dem Besuch": the visit is still ahead
        j = trig.i - 1
        while j > ctx.sent.start and (ctx.doc[j].lower_ in ctx.w("determiners") or _is_adjective_like(ctx.doc[j])):
            j -= 1
        if ctx.doc[j].lower_ in {"vor", "vorm"}:
            cues.append(Cue("planned", ctx.doc[j].text))
    for scope, who, word in speakers:
        if seg in scope:
            cues.append(Cue("reported", word, who))
    if not cues:
        return Cue("asserted", "")
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
    tokens = ctx.doc[seg_start:seg_end]
    segment_text = " ".join(t.lower_ for t in tokens)
    phrases = [phrase for phrase in ctx.w("planned_phrases") if phrase in segment_text]
    future = any(t.lower_ in ctx.w("future_auxiliaries") for t in tokens)
    past = any(t.lower_ in {"ist", "war", "sind", "waren", "hat", "hatte"} for t in tokens)
    return phrases, future, past


def _scheduled(ctx: Ctx, trig: Trigger) -> bool:
    """A present-tense clause naming a day ahead ("am Dienstag", "kommende Woche") and no past form."""
    start, end, _ = ctx.region_of(trig.i)
    return _memo(ctx, ("scheduled", start, end), lambda: _scheduled_region(ctx, start, end))


def _scheduled_region(ctx: Ctx, start: int, end: int) -> bool:
    tokens = list(ctx.doc[start:end])
    ahead = any(
        t.lower_ in ctx.w("scheduled_words")
        or (t.lower_ in ctx.w("scheduled_days") and t.i > start and ctx.doc[t.i - 1].lower_ in {"am", "ab"})
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


# ----------------------------------------------------------------- the article
def _sentence_bounds(doc: Doc, start: int, end: int, texts: list[str]) -> tuple[int, int] | None:
    """Character offsets of the sentence ``doc[start:end]`` without the white space around it."""
    first, last = start, end - 1
    while first <= last and texts[first].isspace():
        first += 1
    while last >= first and texts[last].isspace():
        last -= 1
    if first > last:
        return None
    idx = char_offsets(doc)
    return idx[first], idx[last] + len(texts[last])


def extract_article(article: Article, nlp=None, gazetteer: Gazetteer | None = None,
                    cues: Cues | None = None, tagger=None) -> Extraction:
    """Everything one article says: sentences, statements and the entities they use.
    ``tagger``: a trained name model (:class:`kg.ner.NameTagger`) for names no rule finds."""
    if nlp is None:
        from kg.nlp import load_pipeline
        nlp = load_pipeline()
    return extract_doc(nlp(_without_surrogates(article.body)), article, gazetteer, cues, tagger=tagger)


SURROGATE = re.compile("[\ud800-\udfff]")


def _without_surrogates(text: str) -> str:
    """The text with each lone surrogate (a str may hold them, UTF-8 may not; spaCy's
    tokenizer fails on them) as U+FFFD: one character for one, so offsets stay as they are."""
    return SURROGATE.sub("\ufffd", text) if SURROGATE.search(text) else text


def extract_doc(doc: Doc, article: Article, gazetteer: Gazetteer | None = None,
                cues: Cues | None = None, lexicon: Lexicon | None = None, tagger=None) -> Extraction:
    gazetteer = gazetteer or default_gazetteer()
    cues = cues or default_cues()
    mention_cues = {**cues.syntax, **cues.anaphora}
    mentions = find_mentions(doc, gazetteer, article.date, mention_cues, lexicon or default_lexicon(), tagger)
    offset = article.body_start
    sentences: list[Sentence] = []
    statements: list[Statement] = []
    measures: dict[str, EntityRef] = {}
    items: dict[str, EntityRef] = {}
    surfaces: dict[str, set[str]] = {}
    minted: dict[str, Mention] = {}
    previous: list[int] = []          # statement indexes of the previous sentence
    starts = [m.start for m in mentions]
    texts = words(doc)
    all_triggers = triggers_in(doc, cues)
    trigger_starts = [t.i for t in all_triggers]
    sent_starts = sentence_starts(doc)
    for sent_start, sent_end in zip(sent_starts, sent_starts[1:] + [len(doc)]):
        bounds = _sentence_bounds(doc, sent_start, sent_end, texts)
        if bounds is None:
            continue
        index = len(sentences)
        start_char, end_char = bounds[0] + offset, bounds[1] + offset
        sentences.append(Sentence(index, article.text[start_char:end_char], start_char, end_char))
        here = mentions[bisect.bisect_left(starts, sent_start):bisect.bisect_left(starts, sent_end)]
        for m in here:
            if m.surface:
                surfaces.setdefault(m.key, set()).add(m.surface)
            if m.label and m.key not in gazetteer:
                minted.setdefault(m.key, m)
        triggers = all_triggers[bisect.bisect_left(trigger_starts, sent_start):
                                bisect.bisect_left(trigger_starts, sent_end)]
        if not previous and (not triggers or not here):
            continue       # no relation word or no one to relate, and no claim to deny: nothing to do
        sent = doc[sent_start:sent_end]
        ctx = Ctx(doc=doc, sent=sent, index=index, cues=cues, gazetteer=gazetteer, mentions=here,
                  segments=_segments(sent), regions=_regions(sent, cues))
        for m in ctx.mentions:
            ctx.prep[m.start] = _prep_before(doc, sent, m.start, cues)
        _groups(ctx)
        _exclude_datelines(ctx)
        _exclude_asides(ctx)
        _exclude_possessors(ctx)
        speakers = _speakers(ctx)
        claimants = _claimants(ctx)
        found: list[Statement] = []
        vetoed_spans: list[tuple[int, int]] = []
        pending = []
        for trig in triggers:
            for args in arguments(ctx, trig):
                pending.append((trig, args))
                if args.measure:
                    vetoed_spans.append(args.measure)
        pending = _prefer_verbs(ctx, pending)
        # the sentence's time, read only where there is a statement to date
        when = resolve_best(find_times(sentences[-1].text, article.date)) if pending else None
        for trig, args in pending:
            if trig.relation == "imposedSanctionsOn" and any(s <= trig.i < e for s, e in vetoed_spans):
                continue          # the sanctions a vetoed draft proposed were not imposed
            cue = modality_of(ctx, trig, speakers, claimants)
            found.extend(_statements(ctx, trig, args, cue, when, article, measures, items))
        found = _dedupe(found)
        found += _denials_in_relative_clause(ctx, found, claimants, offset, len(statements))
        if not found:
            found = _denials_of_previous(ctx, statements, previous, claimants, offset)
        previous = list(range(len(statements), len(statements) + len(found)))
        statements.extend(found)
    entities = [
        EntityRef(key=key, label=gazetteer[key].label, cls=gazetteer[key].cls,
                  surface_forms=tuple(sorted(forms)), in_gazetteer=True)
        for key, forms in sorted(surfaces.items()) if key in gazetteer
    ]
    entities += [
        EntityRef(key=key, label=m.label, cls=m.cls, surface_forms=tuple(sorted(surfaces.get(key, ()))),
                  member_of=m.member_of, leader=m.leader)
        for key, m in sorted(minted.items())
    ]
    entities += sorted(items.values(), key=lambda e: e.key) + list(measures.values())
    return Extraction(article=article, sentences=tuple(sentences), statements=tuple(statements),
                      entities=tuple(entities))


def _place_of(ctx: Ctx, trig: Trigger, relation: str) -> str | None:
    """Where it happened: "in Sotschi" in the clause, or before a "wo" clause."""
    if relation == "visited":
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


def _prefer_verbs(ctx: Ctx, pending: list[tuple[Trigger, Args]]) -> list[tuple[Trigger, Args]]:
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


def _statements(ctx, trig, args: Args, cue: Cue, when, article, measures, items) -> list[Statement]:
    relation = trig.relation
    confidence = 0.9 if trig.kind != "noun" else 0.85
    if args.fallback:
        confidence -= 0.2
    if any(m.kind == "pronoun" for m in args.agents + args.objects):
        confidence -= 0.1
    item_keys = []
    for item in args.items:
        text = item if isinstance(item, str) else item.text
        lemma = text if isinstance(item, str) else (item.lemma_ if item.lemma_[:1].isupper() else item.text)
        key = "item:" + slug(lemma)
        items.setdefault(key, EntityRef(key=key, label=lemma, cls="Item", surface_forms=(text,)))
        item_keys.append(key)
    out = []
    for agent in dict.fromkeys(m.actor for m in args.agents):
        for target_m in args.objects:
            if relation == "visited":
                target = target_m.key
            else:
                target = target_m.actor
            if relation == "vetoed":
                key = f"measure:{slug(article.identifier)}-{len(measures) + 1}"
                if ctx.doc[args.measure[0]].text[:1].isupper() and args.measure[0] != target_m.start:
                    label = ctx.doc[args.measure[0]:args.measure[1]].text
                else:
                    name = ctx.gazetteer[target_m.actor].label if target_m.actor in ctx.gazetteer else target_m.text
                    label = f"Maßnahme zu {name}"
                measures[key] = EntityRef(key=key, label=label, cls="Measure", concerns=target_m.actor)
                target = key
            if target == agent or (relation != "vetoed" and target_m.actor == agent):
                continue
            place = args.place.key if args.place else _place_of(ctx, trig, relation)
            out.append(Statement(
                relation=relation, subject=agent, object=target, modality=cue.modality,
                sentence=ctx.index, trigger=trig.text,
                trigger_char=ctx.doc[trig.i].idx + article.body_start,
                attributed_to=cue.who,
                items=tuple(dict.fromkeys(item_keys)), place=place, time=when,
                confidence=round(max(confidence, 0.3), 2), cue=cue.word or None,
            ))
    return out


def _dedupe(statements: list[Statement]) -> list[Statement]:
    seen, out = set(), []
    for st in statements:
        a, b = st.subject, st.object
        if st.relation in SYMMETRIC_RELATIONS:
            a, b = sorted((a, b))
        key = (st.relation, a, b, st.modality)
        if key in seen:
            continue
        seen.add(key)
        out.append(st)
    return out


def _denial(claim: Statement, sentence: int, cue: Token, offset: int, denier: str | None,
            claim_index: int) -> Statement:
    """The claim denied: its own statement in the denial's sentence, pointing back at the claim."""
    return replace(claim, modality="denied", sentence=sentence, trigger_char=cue.idx + offset, cue=cue.text,
                   attributed_to=denier, contradicts=(claim_index,), confidence=round(claim.confidence - 0.1, 2))


def _denials_in_relative_clause(ctx: Ctx, found: list[Statement], claimants, offset: int,
                                base: int) -> list[Statement]:
    """ "Nordkorea hat Russland angeblich Munition geliefert, was Moskau bestreitet.": the claim
    stays as it is, and the denial becomes a statement of its own."""
    out = []
    for start, end, sub in ctx.regions:
        if not sub or ctx.doc[start].lower_ != "was":
            continue
        denial = [t for t in ctx.doc[start:end] if _word_modality(ctx, t) == "denied"]
        if not denial:
            continue
        cue = denial[0]
        who = claimants.get(cue.i)
        for n, st in enumerate(found):
            if st.modality in {"denied", "negated"} or st.trigger_char - offset >= ctx.doc[start].idx:
                continue
            out.append(_denial(st, ctx.index, cue, offset, who.key if who else None, base + n))
    return out


def _denials_of_previous(ctx: Ctx, statements, previous, claimants, offset: int) -> list[Statement]:
    """ "Peskow dementierte dies.": deny what the previous sentence claimed."""
    denial = [t for t in ctx.sent if _word_modality(ctx, t) == "denied"
              and t.lower_ not in {"unsinn", "falsch"}]
    if not denial or not any(t.lower_ in ctx.w("denial_objects") for t in ctx.sent):
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
