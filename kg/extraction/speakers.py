"""Who reports a sentence: speech verbs ("…, sagte X", "X sagte, …", "Wie X berichtet, …") and
source phrases ("nach Angaben von X", "X zufolge", "laut X"), with the segments they report."""
from __future__ import annotations

from kg.extraction.arguments import clause_of
from kg.extraction.context import Ctx
from kg.extraction.preps import is_adjective_like
from kg.extraction.forms import gated_tokens, word_forms
from kg.nlp import lowers
from kg.mentions import Mention


def find_speakers(ctx: Ctx, triggers=()) -> list[tuple[set[int], str | None, str]]:
    """Reported-speech scopes: (segment numbers, speaker key, cue word).  A speaker is no party to
    what it reports, but may be to a trigger of its own segment ("Assad habe bei seinem Besuch in
    Moskau gesagt, …")."""
    scopes = []
    trigger_segments = {ctx.seg_of(t.i) for t in triggers}
    speech = ctx.w("speech_verbs")
    n_segments = len(ctx.segments)
    for token in gated_tokens(ctx, "speech_verbs"):
        forms = word_forms(ctx, token)
        joined = forms - {token.lower_, token.lemma_.lower()}      # with a separable particle
        if not (joined & speech if joined else forms & speech) or forms & ctx.w("negation"):
            continue               # "sagte … ab" cancels, "sagte … zu" promises: neither reports
        seg = ctx.seg_of(token.i)
        seg_start, seg_end = ctx.segments[seg]
        after = [m for m in ctx.in_span(token.i + 1, seg_end) if m.is_actor or m.kind == "adj"]
        before = [m for m in ctx.in_span(seg_start, token.i) if m.is_actor]
        k = token.i + 1
        if joined and k < ctx.sent.end and ctx.doc[k].lower_ in ctx.cues.particles:
            k += 1                 # "X teilte mit, …"
        nxt = ctx.doc[k] if k < ctx.sent.end else None
        if seg_start == token.i and seg > 0:            # "…, sagte X"
            speaker = next((m for m in after if not m.genitive), after[0] if after else None)
            scope = set(range(seg))
        elif nxt is not None and nxt.text in {",", ":"}:  # "X sagte, …"
            speaker = _speaker_before(ctx, seg_start, token.i, before)
            scope = set(range(seg + 1, n_segments))
            if (seg_start, seg_end) in ctx.hidden:       # "Scholz reiste, wie ein Sprecher sagte, nach Paris"
                scope = {ctx.seg_of(seg_start - 2)}
        elif seg > 0 and ctx.doc[seg_start].lower_ == "wie" and (nxt is None or nxt.text in {".", "!", "?", "\n"}):
            # "Putin reiste nach China, wie der Kreml mitteilte.": what came before
            speaker = _speaker_before(ctx, seg_start, token.i, before)
            scope = set(range(seg))
        else:
            speaker, scope = _speech_clause(ctx, token)
            if scope is None:
                continue
        if speaker is not None:
            if ctx.seg_of(speaker.start) not in trigger_segments:
                ctx.excluded.add(speaker.start)
            ctx.speaker_of[seg] = speaker
            ctx.quoted_by.update((n, speaker) for n in scope)
        scopes.append((scope, speaker.key if speaker else None, token.text))
    # "nach Angaben von X", "X zufolge", "laut X"
    sources = ctx.w("source_before") | ctx.w("source_after")
    low_words = lowers(ctx.doc)
    for token in [ctx.doc[i] for i in range(ctx.sent.start, ctx.sent.end) if low_words[i] in sources]:
        low = token.lower_
        seg = ctx.seg_of(token.i)
        who = None
        if low in ctx.w("source_before"):
            nxt = ctx.doc[token.i + 1] if token.i + 1 < ctx.sent.end else None
            adj = [m for m in ctx.mentions if m.end == token.i and m.kind == "adj"]
            if adj and low == "angaben":
                who = adj[0]       # "nach südkoreanischen Angaben"
            elif nxt is None or not (nxt.text[:1].isupper() or nxt.lower_ in ctx.w("determiners")
                                     or nxt.lower_ in ctx.w("source_links")
                                     or (token.text[:1].isupper() and is_adjective_like(nxt))):
                continue           # "laut geworden" is loud, not "according to"
            else:
                who = _named_source(ctx, token.i + 1)
        elif low in ctx.w("source_after"):
            # the source ends right before it ("dem Kreml zufolge", "Angaben Moskaus zufolge") or is the
            # adjective of its noun; "Russland hat Berichten zufolge …" names none
            who = next((m for m in ctx.mentions if m.end == token.i), None) or next(
                (m for m in ctx.mentions if m.end == token.i - 1 and m.kind == "adj"), None)   # "griechischen Medienberichten zufolge"
        else:
            continue
        if who is not None:
            ctx.excluded.add(who.start)
        scopes.append((_with_appositions(ctx, seg), who.key if who else None, token.text))
    return scopes


def _speaker_before(ctx: Ctx, start: int, verb: int, actors: list[Mention]) -> Mention | None:
    """Who speaks before the speech verb at ``verb``: the last actor named, else the state of the last
    demonym not in a prepositional phrase ("Das chinesische Außenministerium sagte, …")."""
    if actors:
        return actors[-1]
    adjectives = [m for m in ctx.in_span(start, verb) if m.kind == "adj" and ctx.prep[m.start] is None]
    return adjectives[-1] if adjectives else None


def _speech_clause(ctx: Ctx, token) -> tuple[Mention | None, set[int] | None]:
    """The speaker and scope of a speech verb whose main clause holds more than "X sagte" before
    its comma ("Am Freitag sagte Peskow, …", "hieß es am Freitag in einer Mitteilung, …"): the
    clause after the comma is reported if it is a main clause (indirect speech) or opened by
    "dass"/"ob", not a relative or adverbial one ("erklärte den Krieg, nachdem …").  The speaker
    is the clause's first actor outside a prepositional phrase (none for "es hieß")."""
    clause, clauses = clause_of(ctx, token.i)
    if clause is None or clause.kind != "main" or clause.verbs.main != token.i \
            or clause.end >= ctx.sent.end or ctx.doc[clause.end].text not in {",", ":"}:
        return None, None
    after = next((c for c in clauses if c.start > clause.end and c.kind != "relative"), None)
    if after is None or not (after.kind == "main" or (
            after.kind == "subordinate" and ctx.doc[after.start].lower_ in ctx.w("content_openers"))):
        return None, None
    speaker = next((m for m in ctx.bare(clause.start, clause.end) if not m.genitive), None)
    return speaker, set(range(ctx.seg_of(after.start), len(ctx.segments)))


def _with_appositions(ctx: Ctx, seg: int) -> set[int]:
    """A source phrase's segment and, while they have no verb, the segments after it: "Nach
    Angaben des Geheimdienstchefs, Kyrylo Budanow, liefert Moskau …" reports the main clause
    behind the apposition.  A verbless segment's lower-case words are all articles,
    prepositions or adjectives."""
    scope = {seg}
    function_words = ctx.w("determiners") | ctx.w("prepositions") | ctx.w("coordinators")
    while seg + 1 < len(ctx.segments):
        start, end = ctx.segments[seg]
        if any(t.is_alpha and t.text[:1].islower() and t.lower_ not in function_words
               and not is_adjective_like(t) for t in ctx.doc[start:end] if t.i != start):
            break
        seg += 1
        scope.add(seg)
    return scope


def _named_source(ctx: Ctx, j: int) -> Mention | None:
    """The source a "laut"/"nach Angaben" phrase names from token ``j`` on: a mention right after
    its articles and adjectives ("laut dem Kreml"), after a noun ("laut Sprecher Peskow"), or
    after the noun's "von"/"aus"/genitive ("nach Angaben von Peskow", "laut einem Sprecher des
    Kremls"); none for an unnamed source ("Laut Medienberichten hat Nordkorea …")."""
    end = min(j + 8, ctx.sent.end)
    starts = {m.start: m for m in ctx.mentions}
    if j < end and ctx.doc[j].lower_ in ctx.w("source_links"):
        j += 1                 # "nach Angaben von Kremlchef Putin", "… aus dem Weißen Haus"
    while j < end and (ctx.doc[j].lower_ in ctx.w("determiners") or is_adjective_like(ctx.doc[j])):
        j += 1
    if j >= end or j in starts:
        return starts.get(j)
    if not ctx.doc[j].text[:1].isupper():
        return None
    k = j + 1
    if k < end and k in starts:
        return starts[k]
    if k < end and (ctx.doc[k].lower_ in ctx.w("source_links") or ctx.doc[k].lower_ in ctx.w("genitive_articles")):
        k += 1
        while k < end and (ctx.doc[k].lower_ in ctx.w("determiners") or is_adjective_like(ctx.doc[k])):
            k += 1
        return starts.get(k)
    return None
