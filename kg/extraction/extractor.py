"""The orchestration: an article's text through the pipeline, its mentions and triggers, and
for each sentence its context, arguments, modality and statements, into an :class:`Extraction`."""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from kg.extraction.context import (Ctx, exclude_asides, exclude_datelines, exclude_possessors, join_interrupted,
                                   split_regions, split_segments)
from kg.extraction.preps import prep_before
from kg.extraction.lists import exclude_corrected, join_listed_segments, link_groups
from kg.extraction.cues import Cues, default_cues
from kg.extraction.days import ahead_of_story, told_day
from kg.extraction.modality import Cue, find_claimants, modality_of
from kg.extraction.speakers import find_speakers
from kg.extraction.relations import arguments
from kg.extraction.arguments import own_side_speaker
from kg.extraction.statements import (dedupe, denials_in_relative_clause, denials_of_previous, headline_as_told,
                                      make_statements, prefer_verbs, reports_of_previous)
from kg.extraction.triggers import triggers_in
from kg.gazetteer import Gazetteer, default_gazetteer
from kg.lexicon import Lexicon, default_lexicon
from kg.mentions import Mention, find_mentions
from kg.model import Article, EntityRef, Extraction, Sentence, Statement
from kg.nlp import char_offsets, lowers, sentence_starts, words
from kg.timex import calendar_words, find_times, resolve_best


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


@dataclass
class _Found:
    """What an article's sentences have given so far."""

    sentences: list[Sentence] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    measures: dict[str, EntityRef] = field(default_factory=dict)
    items: dict[str, EntityRef] = field(default_factory=dict)
    surfaces: dict[str, set[str]] = field(default_factory=dict)
    minted: dict[str, Mention] = field(default_factory=dict)
    previous: list[int] = field(default_factory=list)      # statement indexes of the previous sentence
    agents: dict[str, list[Mention]] = field(default_factory=dict)   # relation -> the previous sentence's agents
    told_day: int | None = None        # the weekday the story last told in the past (kg.extraction.days)

    def note_mentions(self, here: list[Mention], gazetteer: Gazetteer) -> None:
        for m in here:
            if m.surface:
                self.surfaces.setdefault(m.key, set()).add(m.surface)
            if m.label and m.key not in gazetteer:
                self.minted.setdefault(m.key, m)


def extract_doc(doc: Doc, article: Article, gazetteer: Gazetteer | None = None,
                cues: Cues | None = None, lexicon: Lexicon | None = None, tagger=None) -> Extraction:
    gazetteer = gazetteer or default_gazetteer()
    cues = cues or default_cues()
    mention_cues = {**cues.syntax, **cues.anaphora}
    sent_starts = sentence_starts(doc)
    all_triggers = _without_idle_stays(triggers_in(doc, cues), sent_starts, lowers(doc))
    trigger_starts = [t.i for t in all_triggers]
    relation_ranges = _with_triggers(sent_starts, len(doc), trigger_starts)
    mentions_in = functools.partial(find_mentions, doc, gazetteer, article.date, mention_cues,
                                    lexicon or default_lexicon(), tagger, relation_ranges=relation_ranges)
    reading = _with_next(sent_starts, len(doc), relation_ranges)     # pronouns resolved there only
    mentions = mentions_in(reading_ranges=reading)
    offset = article.body_start
    found = _Found()
    starts = [m.start for m in mentions]
    texts = words(doc)
    for sent_start, sent_end in zip(sent_starts, sent_starts[1:] + [len(doc)]):
        bounds = _sentence_bounds(doc, sent_start, sent_end, texts)
        if bounds is None:
            continue
        index = len(found.sentences)
        start_char, end_char = bounds[0] + offset, bounds[1] + offset
        found.sentences.append(Sentence(index, article.text[start_char:end_char], start_char, end_char))
        here = mentions[bisect.bisect_left(starts, sent_start):bisect.bisect_left(starts, sent_end)]
        found.note_mentions(here, gazetteer)
        triggers = all_triggers[bisect.bisect_left(trigger_starts, sent_start):
                                bisect.bisect_left(trigger_starts, sent_end)]
        if any(t.kind == "stay" for t in triggers) and not _may_stay(here):
            triggers = [t for t in triggers if t.kind != "stay"]
        if not found.previous and (not triggers or not here or (len(here) == 1 and not found.agents
                                                                and not _one_may_do(triggers, cues))):
            found.agents = {}
            continue       # no relation word or no one to relate, and no claim to deny: nothing to do
        if reading is not None and not any(start <= sent_start < end for start, end in reading):
            # a denial of a denial reached past the sentences read: resolve pronouns everywhere
            reading, mentions = None, mentions_in(reading_ranges=None)
            starts = [m.start for m in mentions]
            here = mentions[bisect.bisect_left(starts, sent_start):bisect.bisect_left(starts, sent_end)]
        ctx = _sentence_context(doc[sent_start:sent_end], index, here, cues, gazetteer)
        ctx.previous_agents, found.agents = found.agents, {}
        ctx.told_day = found.told_day
        new = _sentence_statements(ctx, triggers, article, found)
        if triggers and not calendar_words().isdisjoint(lowers(doc)[sent_start:sent_end]):
            day = told_day(ctx)
            found.told_day = found.told_day if day is None else day
        found.previous = list(range(len(found.statements), len(found.statements) + len(new)))
        found.statements.extend(new)
    statements = headline_as_told(found.statements, found.sentences, article.text, cues.symmetric)
    return Extraction(article=article, sentences=tuple(found.sentences), statements=tuple(statements),
                      entities=tuple(_entities(found, gazetteer)))


def _without_idle_stays(triggers, sent_starts: list[int], low: list[str]) -> list:
    """The triggers without the stays ("war") of a sentence with no "in" or "im": most sentences
    with "war" tell no stay, and a sentence with a trigger is one to look for names in and to work
    out the context (its clauses) of."""
    out = []
    for t in triggers:
        if t.kind == "stay":
            n = bisect.bisect_right(sent_starts, t.i) - 1
            sentence = low[sent_starts[n]:sent_starts[n + 1] if n + 1 < len(sent_starts) else len(low)]
            if "in" not in sentence and "im" not in sentence:
                continue
        out.append(t)
    return out


def _may_stay(here: list[Mention]) -> bool:
    """Can a sentence with "in" tell a stay ("als Trump in Moskau war"): does it name a person and a place?"""
    return any(m.cls == "Person" for m in here) and any(m.cls in {"Place", "State"} for m in here)


def _one_may_do(triggers, cues: Cues) -> bool:
    """Can a sentence that names one participant, with no one before it to go on with, relate it to
    anything?  Only through a noun that holds the other in its compound ("Russland-Sanktionen",
    "Chinabesuch") or a relation whose object is no participant but a measure ("legte ein Veto ein
    gegen die Resolution"); a verb of any other relation needs two."""
    return any(t.kind == "noun" or cues.frames[t.relation].decl.object == "measure" for t in triggers)


def _with_triggers(sent_starts: list[int], length: int, trigger_starts: list[int]) -> list[tuple[int, int]]:
    """The (start, end) of each sentence that holds a trigger."""
    ranges = []
    for start, end in zip(sent_starts, sent_starts[1:] + [length]):
        k = bisect.bisect_left(trigger_starts, start)
        if k < len(trigger_starts) and trigger_starts[k] < end:
            ranges.append((start, end))
    return ranges


def _with_next(sent_starts: list[int], length: int, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences ``ranges`` and the sentence after each: every sentence whose arguments the
    loop below reads (one with a trigger, or one that may deny what the sentence before stated)."""
    ends = dict(zip(sent_starts, sent_starts[1:] + [length]))
    out: list[tuple[int, int]] = []
    for start, end in ranges:
        end = ends.get(end, end)
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


def _sentence_context(sent: Span, index: int, here: list[Mention], cues: Cues, gazetteer: Gazetteer) -> Ctx:
    """The sentence's segments, regions, prepositions, groups and excluded mentions."""
    doc = sent.doc
    ctx = Ctx(doc=doc, sent=sent, index=index, cues=cues, gazetteer=gazetteer, mentions=here,
              segments=split_segments(sent), regions=split_regions(sent, cues))
    for m in ctx.mentions:
        ctx.prep[m.start] = prep_before(doc, sent, m.start, cues)
    join_interrupted(ctx)
    exclude_asides(ctx)                # before the groups: "Olaf Scholz (SPD) und Emmanuel Macron"
    link_groups(ctx)
    join_listed_segments(ctx)
    exclude_datelines(ctx)
    exclude_possessors(ctx)
    exclude_corrected(ctx)
    return ctx


def _sentence_statements(ctx: Ctx, triggers, article: Article, found: _Found) -> list[Statement]:
    """The statements of one sentence: each trigger's arguments and modality, deduplicated,
    with the denials it makes (of its own relative clause, else of the previous sentence)."""
    offset = article.body_start
    speakers = find_speakers(ctx, triggers)
    claimants = find_claimants(ctx, triggers)
    out: list[Statement] = []
    vetoed_spans: list[tuple[int, int]] = []
    pending = []
    for trig in triggers:
        for args in arguments(ctx, trig):
            pending.append((trig, args))
            if args.measure:
                vetoed_spans.append(args.measure)
    pending = prefer_verbs(ctx, pending)
    for trig, args in pending:
        if args.agents and not args.fallback:
            found.agents.setdefault(trig.relation, args.agents)
    # the sentence's time, read only where there is a statement to date
    when = resolve_best(find_times(found.sentences[-1].text, article.date)) if pending else None
    for trig, args in pending:
        if ctx.cues.frames[trig.relation].spec.get("not_in_measure") \
                and any(s <= trig.i < e for s, e in vetoed_spans):
            continue          # the sanctions a vetoed draft proposed were not imposed
        cue = modality_of(ctx, trig, speakers, claimants)
        if cue.modality == "asserted" and (day := ahead_of_story(ctx, trig, ctx.told_day)) is not None:
            cue = Cue("planned", day)       # "das Treffen … an diesem Montag" after "landete am Sonntag"
        sides = [ctx.speaker_sides[a.start] for a in args.agents if a.start in ctx.speaker_sides]
        if cue.modality == "negated" and sides:
            cue = Cue("denied", cue.word, sides[0])     # „Wir liefern keine Waffen", sagte X: X denies
        elif cue.modality == "negated" and (own := own_side_speaker(ctx, trig.i, _parties(ctx, trig, args))):
            cue = Cue("denied", cue.word, own)          # Peskow sagte, Russland liefere keine Waffen
        out.extend(make_statements(ctx, trig, args, cue, when, article, found.measures, found.items))
    out = dedupe(out, ctx.cues.symmetric)
    out += denials_in_relative_clause(ctx, out, claimants, offset, len(found.statements))
    if not out:
        out = denials_of_previous(ctx, found.statements, found.previous, claimants, offset)
    if not out:
        reports_of_previous(ctx, found.statements, found.previous)     # "… Das behauptet Südkorea."
    return out


def _parties(ctx: Ctx, trig, args) -> list[Mention]:
    """Who does it: the agents, and of a symmetric relation the objects too."""
    return list(args.agents) + (list(args.objects) if trig.relation in ctx.cues.symmetric else [])


def _entities(found: _Found, gazetteer: Gazetteer) -> list[EntityRef]:
    """The entities the statements use: gazetteer entries, minted names, items and measures."""
    entities = [
        EntityRef(key=key, label=gazetteer[key].label, cls=gazetteer[key].cls,
                  surface_forms=tuple(sorted(forms)), in_gazetteer=True)
        for key, forms in sorted(found.surfaces.items()) if key in gazetteer
    ]
    entities += [
        EntityRef(key=key, label=m.label, cls=m.cls, surface_forms=tuple(sorted(found.surfaces.get(key, ()))),
                  member_of=m.member_of, leader=m.leader)
        for key, m in sorted(found.minted.items())
    ]
    return entities + sorted(found.items.values(), key=lambda e: e.key) + list(found.measures.values())
