"""The German clause layer: a sentence's clauses, each with its verb complex and arguments.

Read by every relation frame instead of each re-deriving it.  Pure functions of a
sentence (a spaCy ``Span`` of the blank pipeline's Doc) and its STTS tags
(:mod:`kg.postags`: HanTa by default, ``source="lexical"`` without a model).  German
words come from ``ontology/german.toml`` (:mod:`kg.german`).

API::

    clauses_of(sent, source="hanta") -> list[Clause]
    match_phrase(sent, clause, phrase) -> list[int]    # token indexes, [] if no match
    conjuncts(sent, span) -> list[Span]                # "Putin und Xi" -> [Putin], [Xi]

* :class:`Clause`: ``kind`` (main | subordinate | relative | infinitive | parenthetical),
  ``start``/``end`` (Doc token indexes of its extent) and ``tokens`` (its own tokens:
  without the clauses embedded in it), ``introducer`` (the index of "dass", the relative
  pronoun, "um"…), ``head`` (the index in the list of the clause it depends on),
  ``verbs`` (:class:`VerbComplex`), ``subjects`` (candidate spans, the likeliest first:
  before the finite verb in a verb-second clause, right after it when an adverbial or an
  object comes first, after the subordinator in a verb-final clause, the antecedent of a
  nominative relative pronoun, the governing clause's subject for an infinitive),
  ``objects`` (preposition -> spans, and "acc" / "dat" / "gen" / "nom_acc" / "bare" for
  noun phrases without one, by the case their determiner can mark) and ``appositions``.
* :class:`VerbComplex`: ``finite``, ``auxiliaries``, ``modals``, ``participles``,
  ``infinitives``, ``particle`` (token indexes), ``main`` (the full verb), ``lemma`` (the
  full verb's lemma with its separable particle joined: "traf … ein" -> "eintreffen"),
  ``negated`` / ``negation``, ``voice`` (active | passive | statal: Vorgangs- and
  Zustandspassiv), ``tense`` (present | past | perfect | pluperfect | future |
  future_perfect) and ``mood`` (indicative | subjunctive1 | subjunctive2).

This module cuts a sentence into clauses and classifies them; :mod:`kg.clause_verbs`
builds the verb complex (and mends look-alike tags), :mod:`kg.clause_args` the noun
phrases, subjects and objects.  ``source``: "hanta" (default, most accurate), "lexical"
(no model, ten times faster) or "auto" (lexical, HanTa for the sentences whose lexical
tags are unsure: :func:`kg.postags.needs_model`); analyse only the sentences that can hold
a cue (:func:`kg.postags.cue_sentences`).

Spans are (start, end) pairs of Doc token indexes, end exclusive.  Without a parser this
is shallow: clauses are cut at punctuation and at coordinators before a second finite verb.
"""

from dataclasses import dataclass, field, replace

from kg.clause_args import antecedent, arguments, noun_phrases
from kg.clause_phrases import conjuncts, match_phrase
from kg.clause_verbs import DETERMINERS, NOUNISH, VERBAL, SentView, VerbComplex, finite_capable, repair, verb_complex

__all__ = ["Apposition", "Clause", "VerbComplex", "clauses_of", "conjuncts", "match_phrase"]

Span = tuple[int, int]
CUTS = {",", ";", ":", "–", "—", "(", ")", "„", "“", "\"", "«", "»", "‚", "‘", "-"}
# quotation marks cut nothing: a quoted word stays in its clause ("werde eine „Friedenserklärung“
# mit X unterzeichnen"); quoted speech is cut off by the comma or colon beside it
QUOTES = {"„", "“", "\"", "«", "»", "‚", "‘"}


@dataclass(frozen=True)
class Apposition:
    anchor: Span
    span: Span
    kind: str            # "parenthesis" ("Olaf Scholz (SPD)") | "apposition" (", der russische Präsident,")


@dataclass(frozen=True)
class Clause:
    kind: str
    start: int
    end: int
    tokens: tuple[int, ...]
    verbs: VerbComplex
    subjects: tuple[Span, ...] = ()
    objects: dict[str, tuple[Span, ...]] = field(default_factory=dict)
    appositions: tuple[Apposition, ...] = ()
    introducer: int | None = None
    head: int | None = None


# --- pieces: the sentence cut at punctuation and coordinators --------------------------------

@dataclass
class _Piece:
    tokens: list[int]
    opener: str = ""          # the punctuation before it ("(", ",", "") or "und"
    kind: str = ""
    introducer: int | None = None
    merged: list[int] = field(default_factory=list)


PAREN_ASIDE = 8        # "(LNG)", "(740 Millionen Euro)", "(SPD)": a short parenthesis without a verb


def _asides(s: SentView) -> list[range]:
    """The short parentheses without a verb (their inside): asides that cut no clause ("… zwei
    Millionen Tonnen Flüssiggas (LNG) liefern"); each is a piece of its own, an apposition."""
    out, open_at = [], None
    for i in range(s.start, s.end):
        if s.words[i] == "(":
            open_at = i
        elif s.words[i] == ")" and open_at is not None:
            inside = range(open_at + 1, i)
            if 0 < len(inside) <= PAREN_ASIDE and not any(s.tag(k)[:2] in VERBAL for k in inside):
                out.append(inside)
            open_at = None
    return out


def _pieces(s: SentView) -> list[_Piece]:
    pieces, cur, opener = [], [], ""
    asides = _asides(s) if "(" in s.words[s.start:s.end] else []
    skipped = {i for inside in asides for i in range(inside.start - 1, inside.stop + 1)}
    for i in range(s.start, s.end):
        w = s.words[i]
        if s.tag(i) == "_SP" or w in QUOTES or i in skipped:
            continue
        if w in CUTS:
            if cur:
                pieces.append(_Piece(cur, opener))
            cur, opener = [], w
        elif s.tag(i).startswith("$.") and i >= s.end - 2:
            continue
        else:
            cur.append(i)
    if cur:
        pieces.append(_Piece(cur, opener))
    if asides:
        pieces = sorted(pieces + [_Piece(list(inside), "(") for inside in asides], key=lambda p: p.tokens[0])
    _join_continued(s, pieces)
    out = []
    for piece in pieces:            # a coordinator before a second finite verb starts a clause
        repair(s, piece.tokens)
        out.extend(_split_coordination(s, piece))
    return out


def _join_continued(s: SentView, pieces: list[_Piece]) -> None:
    """Join the pieces of an enumeration cut at its commas ("Putin, Xi und Modi unterzeichneten",
    "dass Putin, Xi und Modi …", "…, der Xi, Modi und Lula traf"), and a correction without a
    finite verb of its own to the clause it corrects ("reiste nicht nach Indien, sondern nach China")."""
    k = 0
    while k < len(pieces) - 1:
        a, b = pieces[k], pieces[k + 1]
        if b.opener == "," and a.opener != "(" and (
                (not (_has_verb(s, a.tokens) and _finite_in(s, b.tokens)) and s.tag(a.tokens[-1]) in NOUNISH
                 and _continues_list(s, pieces, k + 1))
                or (s.lowers[b.tokens[0]] == "sondern" and not _finite_in(s, b.tokens))):
            a.tokens = a.tokens + [b.tokens[0] - 1] + b.tokens if s.words[b.tokens[0] - 1] == "," else a.tokens + b.tokens
            del pieces[k + 1]
        else:
            k += 1


def _finite_in(s: SentView, toks: list[int]) -> bool:
    """A finite verb that is not the end of a verb-final cluster (which would go on the
    clause before: "sollen Putin, Xi und Modi … geliefert haben")."""
    verbs = [i for i in toks if s.tag(i)[:2] in VERBAL or s.tag(i) == "PTKVZ"]
    final = set()
    for i in reversed(toks):
        if i not in verbs:
            break
        final.add(i)
    return any(s.tag(i).endswith("FIN") and i not in final for i in toks)


def _has_verb(s: SentView, toks: list[int]) -> bool:
    return any(s.tag(i)[:2] in VERBAL for i in toks)


def _continues_list(s: SentView, pieces: list[_Piece], k: int) -> bool:
    """Whether piece ``k`` goes on with an enumeration: it starts with a name or noun phrase
    and, before its first verb, has a coordinator followed by another (or it has no verb
    and the next piece goes on with the list)."""
    toks = pieces[k].tokens
    if s.tag(toks[0]) not in NOUNISH + DETERMINERS:
        return False
    first_verb = next((n for n, i in enumerate(toks) if s.tag(i)[:2] in VERBAL), len(toks))
    head = toks[:first_verb][:6]          # "Xi und Modi …": the coordinator comes early
    if any(s.lowers[i] in ("und", "oder", "sowie") and n + 1 < len(head) and s.tag(head[n + 1]) in NOUNISH + DETERMINERS
           for n, i in enumerate(head)):
        return True
    return not _has_verb(s, toks) and k + 1 < len(pieces) and pieces[k + 1].opener == "," and _continues_list(s, pieces, k + 1)


def _split_coordination(s: SentView, piece: _Piece) -> list[_Piece]:
    toks = piece.tokens
    for k, i in enumerate(toks):
        if k and s.tag(i) == "KON" and s.lowers[i] in s.g["clause"]["coordinators"]:
            left, right = toks[:k], toks[k + 1:]
            if not right:
                break
            # the conjunct has its own finite verb early (verb first or second), or both are verb-final
            early = any(s.tag(j).endswith("FIN") for j in right[:4])
            # an auxiliary or modal whose verb is still to come holds the bracket open:
            # "wird … von Jana Novak und Tomas Berg besucht werden"
            if any(s.tag(j) in ("VAFIN", "VMFIN") for j in left) and not any(
                    s.tag(j)[2:] in ("PP", "INF", "IZU") or s.tag(j) == "PTKVZ" for j in left):
                early = False
            if any(s.tag(j).endswith("FIN") for j in left) and (early or (_verb_final(s, left) and _verb_final(s, right))) \
                    and any(s.tag(j).endswith("FIN") for j in right):
                return [_Piece(left, piece.opener)] + _split_coordination(s, _Piece(right, "und"))
    return [piece]


def _has_zu_infinitive(s: SentView, toks: list[int]) -> bool:
    return any(s.tag(i) == "VVIZU" or (s.tag(i) == "PTKZU") for i in toks)


def _verb_final(s: SentView, toks: list[int]) -> bool:
    if not toks:
        return False
    last = toks[-1]
    return s.tag(last)[:2] in VERBAL or s.tag(last) == "PTKVZ"


def _classify(s: SentView, pieces: list[_Piece]) -> None:
    g = s.g
    for n, p in enumerate(pieces):
        # without a coordinator at either end ("und sagte …", "… geliefert hat und, wie …")
        toks = [i for i in p.tokens if not (s.tag(i) == "KON" and i in (p.tokens[0], p.tokens[-1]))] or p.tokens
        first, low = toks[0], s.lowers[toks[0]]
        if low in g["clause"]["infinitive_subordinators"] and len(toks) > 1 and s.lowers[toks[1]] == "dass":
            first, low = toks[1], "dass"      # "ohne dass", "statt dass": the clause "dass" opens
        has_verb = any(s.tag(i)[:2] in VERBAL for i in toks)
        rel_at = toks[1] if s.tag(first) in ("APPR", "APPRART") and len(toks) > 1 else first
        if p.opener == "(" and not any(finite_capable(s, i) for i in toks):
            p.kind = "apposition"
        elif p.opener == "(":
            p.kind, p.introducer = "parenthetical", None
        elif low in g["clause"]["subordinators"] and len(toks) > 1 and has_verb and _verb_final(s, toks) \
                and (s.tag(first) in ("KOUS", "PWS", "PWAV", "KOKOM") or first == p.tokens[0]):
            p.kind, p.introducer = "subordinate", first
        elif low in g["clause"]["infinitive_subordinators"] and _has_zu_infinitive(s, toks):
            p.kind, p.introducer = "infinitive", first
        elif _has_zu_infinitive(s, toks) and not any(s.tag(i).endswith("FIN") for i in toks):
            p.kind = "infinitive"
            p.introducer = next((i for i in toks if s.tag(i) in ("PTKZU", "VVIZU")), None)
        elif p.opener == "," and s.lowers[rel_at] in g["clause"]["relative_pronouns"] and has_verb \
                and _verb_final(s, toks) and rel_at != toks[-1] and not _finite_in(s, toks):
            # (not "…, die Türkei setze keine Truppen ein": its finite verb comes second)
            p.kind, p.introducer = "relative", rel_at
        elif p.opener == "und" and n and pieces[n - 1].kind in ("subordinate", "relative") and _verb_final(s, toks):
            p.kind, p.introducer = pieces[n - 1].kind, None
        elif any(finite_capable(s, i) for i in toks):
            p.kind = "main"
        elif p.opener in (",", "–") and n and s.tag(first) in DETERMINERS + ("ADJA",) + NOUNISH:
            p.kind = "apposition"
        else:
            p.kind = "fragment"
    # verb-first clause before another verb-first clause: a conditional ("Sollte X …, trifft er")
    if len(pieces) > 1 and pieces[0].kind == "main" and s.tag(pieces[0].tokens[0]).endswith("FIN") \
            and pieces[1].kind == "main" and s.tag(pieces[1].tokens[0]).endswith("FIN"):
        pieces[0].kind = "subordinate"


def _merge_fragments(s: SentView, pieces: list[_Piece]) -> None:
    """A fragment before a main clause whose finite verb comes first is that clause's prefield
    ("Putin, der …, traf Xi"); a fragment before a piece that continues a list joins it."""
    for n, p in enumerate(pieces):
        if p.kind != "fragment":
            continue
        for q in pieces[n + 1:]:
            if q.kind in ("relative", "apposition", "parenthetical", "subordinate", "infinitive"):
                continue
            if q.kind == "main" and (s.tag(q.tokens[0]).endswith("FIN") or s.tag(q.tokens[0]) == "KON"
                                     or any(s.tag(i) == "KON" for i in q.tokens[:q.tokens.index(_first_verb(s, q.tokens))])):
                q.merged = sorted(p.tokens + q.merged)
                p.kind = "merged"
                first = p.tokens[0]           # "dass Putin, Xi und Modi … unterzeichnet haben"
                if s.lowers[first] in s.g["clause"]["subordinators"] and s.tag(first) in ("KOUS", "PWS", "PWAV") \
                        and _verb_final(s, q.tokens):
                    q.kind, q.introducer = "subordinate", first
                elif p.opener == "," and s.lowers[first] in s.g["clause"]["relative_pronouns"] and _verb_final(s, q.tokens):
                    q.kind, q.introducer = "relative", first
            break


EMBEDDED = ("relative", "subordinate", "apposition", "parenthetical")


def _resume_interrupted(s: SentView, pieces: list[_Piece]) -> list[_Piece]:
    """A main clause that an embedded clause interrupts goes on after it: "Kishida legte auf dem
    Friedhof, wo …, Blumen nieder (und führte danach Gespräche)": the words after the comma up to
    a coordinator before a finite verb (all of them, if no finite verb follows) are the main
    clause's; what follows "und" is a clause of its own, as "und führte …" after any clause."""
    out: list[_Piece] = []
    for p in pieces:
        main = next((q for q in reversed(out) if q.kind not in EMBEDDED), None)
        interrupted = out and out[-1].kind in EMBEDDED and main is not None and main.kind == "main"
        toks = p.tokens
        # (a noun phrase after a relative or subordinate clause is no apposition: those follow their noun)
        resumable = ("main", "fragment") + (("apposition",) if out and out[-1].kind in ("relative", "subordinate") else ())
        if not interrupted or p.opener != "," or p.kind not in resumable \
                or s.tag(toks[0]).endswith("FIN") or s.lowers[toks[0]] in s.g["clause"]["subordinators"]:
            out.append(p)
            continue
        cut = next((k for k, i in enumerate(toks) if s.tag(i) == "KON" and k + 1 < len(toks)
                    and s.tag(toks[k + 1]).endswith("FIN")), None)
        closes = cut is None and _bracket_open(s, main.tokens) and _verb_final(s, toks)
        if closes:
            cut = len(toks)            # "Scholz hat Macron, den er kennt, in Paris getroffen"
        if p.kind != "main" or closes or (cut is not None and not any(s.tag(i).endswith("FIN") for i in toks[:cut])):
            cut = len(toks) if cut is None else cut
            main.merged = sorted(main.merged + toks[:cut])
            if cut + 1 < len(toks):
                out.append(_Piece(toks[cut + 1:], "und", "main"))
            continue
        out.append(p)
    return out


def _bracket_open(s: SentView, toks: list[int]) -> bool:
    """Does a main clause have an auxiliary or modal whose participle or infinitive is yet to come?"""
    return any(s.tag(i) in ("VAFIN", "VMFIN") for i in toks) \
        and not any(s.tag(i)[2:] in ("PP", "INF", "IZU") or s.tag(i) == "PTKVZ" for i in toks)


def _first_verb(s: SentView, toks: list[int]) -> int:
    return next((i for i in toks if s.tag(i)[:2] in VERBAL), toks[-1])


# --- the clauses -----------------------------------------------------------------------------

def clauses_of(sent, source: str = "hanta") -> list[Clause]:
    """The clauses of ``sent`` (a Span), in the order their first tokens come."""
    s = SentView(sent, source)
    pieces = _pieces(s)
    if not pieces:
        return []
    _classify(s, pieces)
    _merge_fragments(s, pieces)
    pieces = _resume_interrupted(s, pieces)
    built: list[tuple[_Piece, Clause]] = []
    for n, p in enumerate(pieces):
        if p.kind in ("apposition", "fragment", "merged"):
            continue
        toks = sorted(p.merged + p.tokens)
        vc = verb_complex(s, p.kind, toks)
        subjects, objects = arguments(s, p.kind, p.introducer, vc, toks)
        built.append((p, Clause(p.kind, toks[0], toks[-1] + 1, tuple(toks), vc, subjects, objects, (),
                                p.introducer, None)))
    out: list[Clause] = []
    mains = [k for k, (p, c) in enumerate(built) if c.kind == "main"]
    for k, (p, c) in enumerate(built):
        head = None
        if c.kind != "main" or p.opener == "und":
            before = [m for m in mains if built[m][1].start < c.start and m != k]
            head = before[-1] if before else next((m for m in mains if m != k), None)
            # a zu-infinitive hangs on the clause right before it: "…, dass die USA planten, … zu liefern"
            if c.kind == "infinitive" and k and built[k - 1][1].kind in ("subordinate", "relative") \
                    and built[k - 1][1].start < c.start and built[k - 1][1].verbs.finite is not None:
                head = k - 1
        subjects = c.subjects
        if c.kind == "relative" and c.introducer is not None and s.lowers[c.introducer] in s.g["clause"]["nominative_relatives"]:
            ante = antecedent(s, c.introducer)
            if ante:
                subjects = (ante,) + subjects
        if head is not None and (c.kind == "infinitive" or (p.opener == "und" and c.verbs.finite == c.tokens[0])):
            subjects = built[head][1].subjects[:1] + tuple(x for x in subjects if x not in built[head][1].subjects[:1])
        verbs = _shared_finite(s, p, c, built[head][1] if head is not None else None)
        out.append(Clause(c.kind, c.start, c.end, c.tokens, verbs, subjects, c.objects, (), c.introducer, head))
    _attach_appositions(s, pieces, out)
    return out


def _shared_finite(s: SentView, p: _Piece, c: Clause, head: Clause | None) -> VerbComplex:
    """A main clause after "und" whose only verb closes it shares the finite verb of the clause
    before (a main clause is verb-second, so the verb at its end is an infinitive or participle):
    "X wird … kommen und Gespräche mit Y führen" is in the future, "hat … besucht und Y
    getroffen" in the perfect; its tense and mood are the head's."""
    vc = c.verbs
    if head is None or c.kind != "main" or p.opener != "und" or vc.auxiliaries \
            or vc.modals or vc.finite is None or vc.finite != c.tokens[-1] or vc.finite == c.tokens[0]:
        return vc
    hv = head.verbs
    if hv.finite is None or not (hv.finite in hv.auxiliaries or hv.finite in hv.modals):
        return vc
    infinitive = hv.tense.startswith("future") or hv.finite in hv.modals
    return replace(vc, tense=hv.tense, mood=hv.mood, infinitives=vc.infinitives + ((vc.finite,) if infinitive else ()))


def _attach_appositions(s: SentView, pieces: list[_Piece], out: list[Clause]) -> None:
    for p in pieces:
        if p.kind != "apposition":
            continue
        before = p.tokens[0] - 1
        toks = [i for i in range(s.start, before) if s.tag(i) != "_SP" and s.words[i] not in CUTS]
        nps = [np for np in noun_phrases(s, toks) if np[1] >= toks[-1]] if toks else []
        if not nps:
            continue
        anchor = (nps[-1][0], nps[-1][1])
        app = Apposition(anchor, (p.tokens[0], p.tokens[-1] + 1), "parenthesis" if p.opener == "(" else "apposition")
        for k, c in enumerate(out):
            if c.start <= anchor[0] < c.end or (c.start >= p.tokens[-1] and c.kind == "main" and anchor[0] in c.tokens):
                out[k] = Clause(c.kind, c.start, c.end, c.tokens, c.verbs, c.subjects, c.objects,
                                c.appositions + (app,), c.introducer, c.head)
                break
