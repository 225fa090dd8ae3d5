"""One sentence while extracting from it (:class:`Ctx`): its segments (between commas,
dashes, quotes) and regions (clauses), the preposition before each mention, coordinated
groups, and the mentions that take no part (datelines, asides, possessors)."""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from kg.extraction.cues import Cues
from kg.extraction.triggers import SEGMENT_BREAKS, may_trigger, trigger_kinds
from kg.gazetteer import Gazetteer
from kg.mentions import Mention
from kg.nlp import lowers, puncts, words

REGION_BREAKS = {";", ":", "–", "—", "-", "(", ")", "?", "!"}


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
    quoted_by: dict[int, Mention] = field(default_factory=dict)     # segment -> whose words it reports
    speaker_sides: dict[int, str] = field(default_factory=dict)     # "wir" token -> its speaker's key
    # what the modality rules read of the sentence, worked out once for all its triggers
    # (:func:`_modality_words`, per segment or region: :func:`_memo`)
    modality_words: list | None = None
    memo: dict = field(default_factory=dict)
    # embedded clauses that interrupt a main clause ("Putin, der … ankam, traf Xi"): the main clause's
    # segment and region run across them, and a window across one does not see its mentions
    hidden: list[tuple[int, int]] = field(default_factory=list)
    # relation -> the agents the previous sentence gave it, for an event noun that names none
    # ("… wird die Delegation mit Tsai zusammentreffen. Außerdem sind Gespräche mit Lai geplant")
    previous_agents: dict[str, list[Mention]] = field(default_factory=dict)
    # the weekday (Monday 0) the story last told in the past, before this sentence (kg.extraction.days)
    told_day: int | None = None

    def __post_init__(self):
        self.lookup()

    def lookup(self) -> None:
        """(Re)make the tables :meth:`seg_of` and :meth:`region_of` read: each stretch of text
        with the index of the segment or region it belongs to (a joined one has two stretches)."""
        self._seg_pieces = sorted((piece, n) for n, seg in enumerate(self.segments)
                                  for piece in _stretches(seg[:2], self.hidden))
        self._seg_starts = [piece[0] for piece, _ in self._seg_pieces]
        self._region_pieces = sorted((piece, n) for n, region in enumerate(self.regions)
                                     for piece in _stretches(region[:2], self.hidden))
        self._region_starts = [piece[0] for piece, _ in self._region_pieces]

    def w(self, name: str) -> frozenset[str]:
        return self.cues.words[name]

    def seg_of(self, i: int) -> int:
        """The segment holding token ``i``; the last one for a token in none (a break)."""
        n = bisect.bisect_right(self._seg_starts, i) - 1
        if n >= 0 and i < self._seg_pieces[n][0][1]:
            return self._seg_pieces[n][1]
        return len(self.segments) - 1

    def region_of(self, i: int) -> tuple[int, int, bool]:
        n = bisect.bisect_right(self._region_starts, i) - 1
        if n >= 0 and i < self._region_pieces[n][0][1]:
            return self.regions[self._region_pieces[n][1]]
        return self.regions[-1]

    def clauses(self) -> list:
        """The sentence's clauses (:func:`kg.clauses.clauses_of`, lexical tags), made once."""
        found = self.memo.get("clauses")
        if found is None:
            from kg.clauses import clauses_of

            found = self.memo["clauses"] = clauses_of(self.sent, source="lexical")
        return found

    def regions_before(self, start: int) -> list[tuple[int, int, bool]]:
        """The regions that begin before the region starting at ``start``, nearest last (a main
        clause interrupted by this one is among them)."""
        own = self.region_of(start)
        return [r for r in self.regions if r[0] < start and r != own and (r[1] <= start or self.hidden)]

    def tokens(self, start: int, end: int) -> list[Token]:
        """The tokens of ``start:end`` without the hidden clauses the window runs across."""
        return [self.doc[a + k] for a, b in _stretches((start, end), self.hidden) for k in range(b - a)]

    def in_span(self, start: int, end: int) -> list[Mention]:
        return [m for m in self.mentions if start <= m.start and m.end <= end
                and not any(start < h_start and m.start >= h_start and m.end <= h_end < end
                            for h_start, h_end in self.hidden)]

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


def _stretches(span: tuple[int, int], hidden: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``span`` without the hidden clauses that lie inside it (with the commas around them)."""
    out, start = [], span[0]
    for h_start, h_end in hidden:
        if span[0] < h_start and h_end < span[1]:
            out.append((start, h_start - 1))
            start = h_end + 1
    out.append((start, span[1]))
    return [(a, b) for a, b in out if b > a]


def join_interrupted(ctx: Ctx) -> None:
    """Let a main clause run across the relative or subordinate clauses that interrupt it
    ("Putin, der gestern ankam, traf Xi", "Die USA haben gegen Venezuela, das …, Sanktionen
    verhängt", "Scholz reiste, wie ein Sprecher sagte, nach Paris"), as the clause layer
    (:mod:`kg.clauses`) finds them: the segments and regions on either side become one, the
    embedded clause stays a segment and region of its own, and no window across it sees it."""
    low = lowers(ctx.doc)[ctx.sent.start:ctx.sent.end]
    openers = ctx.w("subordinators") | ctx.w("relative_pronouns")
    if low.count(",") < 2 or not any(a == "," and b in openers for a, b in zip(low, low[1:])):
        return
    clauses = ctx.clauses()
    mains = [c for c in clauses if c.kind == "main"]
    hidden = []
    for c in clauses:
        if c.kind in ("relative", "subordinate") and c.start - 1 >= ctx.sent.start and c.end < ctx.sent.end \
                and ctx.doc[c.start - 1].text == "," and ctx.doc[c.end].text == "," \
                and any(min(m.tokens) < c.start and max(m.tokens) > c.end for m in mains):
            hidden.append((c.start, c.end))
    hidden = [h for h in hidden if not any(o != h and o[0] <= h[0] and h[1] <= o[1] for o in hidden)]
    if not hidden:
        return
    ctx.hidden = sorted(hidden)
    ctx.segments = _joined(ctx.segments, ctx.hidden)
    ctx.regions = _joined(ctx.regions, ctx.hidden)
    ctx.lookup()


def _joined(spans: list[tuple], hidden: list[tuple[int, int]]) -> list[tuple]:
    """Segments or regions (tuples beginning with start and end) cut at the hidden clauses' ends,
    the parts inside one kept apart, and the last part before and the first after each joined."""
    parts = []
    for span in spans:
        start, end, rest = span[0], span[1], tuple(span[2:])
        cuts = sorted({start, end} | {b for h in hidden for b in (h[0] - 1, h[0], h[1], h[1] + 1) if start < b < end})
        parts += [(a, b) + rest for a, b in zip(cuts, cuts[1:])
                  if b > a and not (b - a == 1 and a in {h[0] - 1 for h in hidden} | {h[1] for h in hidden})]
    for h_start, h_end in hidden:
        before = [p for p in parts if p[1] <= h_start]
        after = [p for p in parts if p[0] >= h_end]
        if before and after:
            a, b = before[-1], after[0]
            parts = [p for p in parts if p not in (a, b)] + [(a[0], b[1]) + tuple(a[2:])]
    return sorted(parts)


def split_segments(sent: Span) -> list[tuple[int, int]]:
    """The stretches between commas, dashes, quotes, brackets; a short parenthesis ("Olaf Scholz
    (SPD) und …") is an aside, not a break."""
    segments, start = [], sent.start
    texts = words(sent.doc)
    parens = {i for s, e in find_asides(sent) if texts[s] == "(" for i in (s, e - 1)}
    for i in range(sent.start, sent.end):
        if i in parens:
            continue
        if texts[i] in SEGMENT_BREAKS or texts[i].isspace():
            if i > start:
                segments.append((start, i))
            start = i + 1
    if start < sent.end:
        segments.append((start, sent.end))
    return segments or [(sent.start, sent.end)]


ASIDE_DASHES = {"–", "—", "-"}
ASIDE_MAX = 12
PAREN_MAX = 6          # "(SPD)", "(58)", "(CDU/CSU)", "(Archivbild)": a short parenthesis


def find_asides(sent: Span) -> list[tuple[int, int]]:
    """Dash pairs inside a sentence ("der UN-Sicherheitsrat – einschließlich China – verhängte")
    and short parentheses ("Olaf Scholz (SPD) und Emmanuel Macron")."""
    texts = words(sent.doc)
    if not any(texts[i] in _ASIDE_MARKS for i in range(sent.start, sent.end)):
        return []
    return sorted(_dash_asides(sent, texts) + _paren_asides(sent, texts))


_ASIDE_MARKS = ASIDE_DASHES | {"("}


def _paren_asides(sent: Span, texts: list[str]) -> list[tuple[int, int]]:
    asides, open_at = [], None
    for i in range(sent.start, sent.end):
        if texts[i] == "(":
            open_at = i
        elif texts[i] == ")" and open_at is not None:
            if 1 < i - open_at <= PAREN_MAX:
                asides.append((open_at, i + 1))
            open_at = None
    return asides


def _dash_asides(sent: Span, texts: list[str]) -> list[tuple[int, int]]:
    asides, open_at = [], None
    punct = puncts(sent.doc)
    for i in range(sent.start, sent.end):
        if texts[i] not in ASIDE_DASHES:
            continue
        if open_at is None:
            if i - sent.start <= 4 and all(texts[k][:1].isupper() or punct[k] for k in range(sent.start, i)):
                continue        # "Luxemburg – Die EU-Außenminister …": a dateline, not an aside
            open_at = i
        elif i - open_at <= ASIDE_MAX and i + 1 < sent.end and not punct[i + 1]:
            asides.append((open_at, i + 1))
            open_at = None
        else:
            open_at = i
    return asides


def split_regions(sent: Span, cues: Cues) -> list[tuple[int, int, bool]]:
    """Clauses of the sentence: (start, end, starts with a subordinator).  A dash pair is an
    aside: the clause around it stays one region (its mentions are excluded by ``exclude_asides``)."""
    subordinators, prepositions = cues.words["subordinators"], cues.words["prepositions"]
    relative_pronouns = cues.words["relative_pronouns"]
    regions, start, sub = [], sent.start, False
    texts, low = words(sent.doc), lowers(sent.doc)
    aside_dashes = {i for s, e in find_asides(sent) for i in (s, e - 1)}
    for i in range(sent.start, sent.end):
        if i in aside_dashes:
            continue
        text = texts[i]
        brk = text in REGION_BREAKS or (
            text == "," and i + 1 < sent.end and (
                low[i + 1] in subordinators
                or (low[i + 1] in prepositions and i + 2 < sent.end and low[i + 2] in relative_pronouns)
            )
        )
        if brk:
            if i > start:
                regions.append((start, i, sub))
            start = i + 1
            sub = text == ","
    if start < sent.end:
        regions.append((start, sent.end, sub))
    return regions or [(sent.start, sent.end, False)]


def exclude_asides(ctx: Ctx) -> None:
    """Mentions in an aside; and an office named by its state with the holder's name in apposition
    ("Der Außenminister Irans, Hussein Amirabdollahian, traf Scholz"): one actor, not two who met;
    the name, the more precise, stands in the office's place and takes its preposition."""
    for start, end in find_asides(ctx.sent):
        ctx.excluded |= {m.start for m in ctx.mentions if start <= m.start < end}
    for a, b in zip(ctx.mentions, ctx.mentions[1:]):
        if a.kind in {"government", "gen"} and a.cls == "State" and b.cls == "Person" and b.start == a.end + 1 \
                and ctx.doc[a.end].text == "," and (b.end >= ctx.sent.end or ctx.doc[b.end].text in {",", ")", "."}):
            ctx.excluded.add(a.start)
            ctx.prep[b.start] = ctx.prep.get(a.start)


def exclude_datelines(ctx: Ctx) -> None:
    """ "Luxemburg – Die EU-Außenminister …", "NEW YORK/MOSKAU (dpa-AFX) -": a dateline is no actor."""
    dashes = {"–", "—", "-", "("}
    for m in ctx.mentions:
        if not (m.end < ctx.sent.end and (ctx.doc[m.end].text in dashes or ctx.doc[m.end].text == "/")):
            continue           # (asked first: the test of everything before the mention is the dear one)
        if ctx.doc[m.end].text == "(" and not _dateline_paren(ctx, m.end):
            continue           # "Olaf Scholz (SPD) traf …": a party, not a news agency
        before = ctx.doc[ctx.sent.start:m.start]
        if all(t.text in {"/", ","} or any(m2.start <= t.i < m2.end for m2 in ctx.mentions) for t in before):
            ctx.excluded.add(m.start)


def _dateline_paren(ctx: Ctx, i: int) -> bool:
    """Does the parenthesis at ``i`` close a dateline ("Wien (APA) – …", "MOSKAU (dpa):"): a dash,
    colon or full stop, or the sentence's end, after it?"""
    for j in range(i + 1, min(i + PAREN_MAX + 1, ctx.sent.end)):
        if ctx.doc[j].text == ")":
            after = ctx.doc[j + 1] if j + 1 < ctx.sent.end else None
            return after is None or after.text in {"–", "—", "-", ":", "."} or after.is_space
    return True


def exclude_possessors(ctx: Ctx) -> None:
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
                or (may_trigger(ctx.cues, token.text, token.lemma_)
                    and trigger_kinds(ctx.cues, token.text, token.lemma_, False)):
            continue
        ctx.excluded.add(m.start)
