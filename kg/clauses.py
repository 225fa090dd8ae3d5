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

Spans are (start, end) pairs of Doc token indexes, end exclusive.  Without a parser this
is shallow: clauses are cut at punctuation and at coordinators before a second finite verb.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from kg.german import German, default_german
from kg.postags import tag_range

Span = tuple[int, int]
CUTS = {",", ";", ":", "–", "—", "(", ")", "„", "“", "\"", "«", "»", "‚", "‘", "-"}
NOUNISH = ("NN", "NE", "FM", "XY", "CARD", "TRUNC")
DETERMINERS = ("ART", "PDAT", "PIAT", "PPOSAT", "PIDAT", "PWAT")
VERBAL = ("VV", "VA", "VM")


@dataclass(frozen=True)
class VerbComplex:
    finite: int | None = None
    auxiliaries: tuple[int, ...] = ()
    modals: tuple[int, ...] = ()
    participles: tuple[int, ...] = ()
    infinitives: tuple[int, ...] = ()
    particle: int | None = None
    main: int | None = None
    lemma: str = ""
    negated: bool = False
    negation: tuple[int, ...] = ()
    voice: str = "active"
    tense: str = ""
    mood: str = "indicative"


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


class _Sent:
    """A sentence's words, lower-case words, tags and lemmas, by Doc index."""

    def __init__(self, sent, source: str):
        from kg.nlp import lowers, words

        doc = sent.doc
        self.doc, self.start, self.end = doc, sent.start, sent.end
        self.words, self.lowers = words(doc), lowers(doc)
        self._tags, self._lemmas = tag_range(doc, sent.start, sent.end, source)
        self.g: German = default_german()
        self.fixed: dict[int, tuple[str, str]] = {}     # token -> (tag, lemma) repaired by _repair

    def tag(self, i: int) -> str:
        fixed = self.fixed.get(i)
        return fixed[0] if fixed else self._tags[i] or ""

    def lemma(self, i: int) -> str:
        fixed = self.fixed.get(i)
        return (fixed[1] if fixed else self._lemmas[i]) or self.words[i]


# --- pieces: the sentence cut at punctuation and coordinators --------------------------------

@dataclass
class _Piece:
    tokens: list[int]
    opener: str = ""          # the punctuation before it ("(", ",", "") or "und"
    kind: str = ""
    introducer: int | None = None
    merged: list[int] = field(default_factory=list)


def _pieces(s: _Sent) -> list[_Piece]:
    pieces, cur, opener = [], [], ""
    for i in range(s.start, s.end):
        w = s.words[i]
        if s.tag(i) == "_SP":
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
    out = []
    for piece in pieces:            # a coordinator before a second finite verb starts a clause
        _repair(s, piece.tokens)
        out.extend(_split_coordination(s, piece))
    return out


def _repair(s: _Sent, toks: list[int]) -> None:
    """Mend the tagger's confusions of forms that look alike, from the clause's other verbs:
    a participle in a clause without a finite verb or auxiliary is finite ("Am Montag
    unterzeichnet X …", "…, das X besucht"); a "participle" that equals its infinitive
    after "werden" or a modal is the infinitive ("verhängen wird"); an adjective in a clause
    without a verb whose lemma is a verb is finite ("Am Montag verhängten X …")."""
    tags = [s.tag(i) for i in toks]
    werden_or_modal = any((t.startswith("VA") and s.lemma(i).lower() == "werden") or t.startswith("VM")
                          for i, t in zip(toks, tags))
    no_perfect = not any(s.lowers[i] in s.g["verbs"]["auxiliary_participles"] or
                         s.lemma(i).lower() in ("haben", "sein") for i in toks)
    for i, t in zip(toks, tags):
        if t == "VVPP" and werden_or_modal and no_perfect and s.lowers[i] == s.lemma(i).lower():
            s.fixed[i] = ("VVINF", s.lemma(i))
    if any(t.endswith("FIN") or t[:2] in ("VA", "VM") for t in tags):
        return
    pps = [i for i, t in zip(toks, tags) if t == "VVPP"]
    if pps:
        s.fixed[pps[0]] = ("VVFIN", s.lemma(pps[0]))
        return
    if any(t[:2] == "VV" for t in tags):
        return
    from kg.postags import _verbish, lemma_of

    for k, (i, t) in enumerate(zip(toks, tags)):
        nxt = tags[k + 1] if k + 1 < len(toks) else ""
        if t in ("ADJA", "ADJD") and nxt not in ("NN", "ADJA") and k:
            lemma = lemma_of(s.lowers[i])
            if _verbish(lemma):
                s.fixed[i] = ("VVFIN", lemma)
                return


def _finite_capable(s: _Sent, i: int) -> bool:
    t = s.tag(i)
    return t.endswith("FIN") or (t in ("VVINF", "VAINF", "VMINF") and s.lowers[i] not in s.g["verbs"]["auxiliary_participles"])


def _split_coordination(s: _Sent, piece: _Piece) -> list[_Piece]:
    toks = piece.tokens
    for k, i in enumerate(toks):
        if k and s.tag(i) == "KON" and s.lowers[i] in s.g["clause"]["coordinators"]:
            left, right = toks[:k], toks[k + 1:]
            if any(s.tag(j).endswith("FIN") for j in left) and any(s.tag(j).endswith("FIN") for j in right):
                return [_Piece(left, piece.opener)] + _split_coordination(s, _Piece(right, "und"))
    return [piece]


def _has_zu_infinitive(s: _Sent, toks: list[int]) -> bool:
    return any(s.tag(i) == "VVIZU" or (s.tag(i) == "PTKZU") for i in toks)


def _verb_final(s: _Sent, toks: list[int]) -> bool:
    last = toks[-1]
    return s.tag(last)[:2] in VERBAL or s.tag(last) == "PTKVZ"


def _classify(s: _Sent, pieces: list[_Piece]) -> None:
    g = s.g
    for n, p in enumerate(pieces):
        toks = [i for i in p.tokens if not (s.tag(i) == "KON" and i == p.tokens[0])] or p.tokens
        first, low = toks[0], s.lowers[toks[0]]
        has_verb = any(s.tag(i)[:2] in VERBAL for i in toks)
        rel_at = toks[1] if s.tag(first) in ("APPR", "APPRART") and len(toks) > 1 else first
        if p.opener == "(" and not any(_finite_capable(s, i) for i in toks):
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
                and _verb_final(s, toks) and rel_at != toks[-1]:
            p.kind, p.introducer = "relative", rel_at
        elif p.opener == "und" and n and pieces[n - 1].kind in ("subordinate", "relative") and _verb_final(s, toks):
            p.kind, p.introducer = pieces[n - 1].kind, None
        elif any(_finite_capable(s, i) for i in toks):
            p.kind = "main"
        elif p.opener in (",", "–") and n and s.tag(first) in DETERMINERS + ("ADJA",) + NOUNISH:
            p.kind = "apposition"
        else:
            p.kind = "fragment"
    # verb-first clause before another verb-first clause: a conditional ("Sollte X …, trifft er")
    if len(pieces) > 1 and pieces[0].kind == "main" and s.tag(pieces[0].tokens[0]).endswith("FIN") \
            and pieces[1].kind == "main" and s.tag(pieces[1].tokens[0]).endswith("FIN"):
        pieces[0].kind = "subordinate"


def _merge_fragments(s: _Sent, pieces: list[_Piece]) -> None:
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
            break


def _first_verb(s: _Sent, toks: list[int]) -> int:
    return next((i for i in toks if s.tag(i)[:2] in VERBAL), toks[-1])


# --- the verb complex --------------------------------------------------------------------------

def _form_kind(s: _Sent, i: int) -> str:
    """present | past | subjunctive1 | subjunctive2 of a finite verb."""
    low, v = s.lowers[i], s.g["verbs"]
    if low in v["subjunctive1_third"] and not (i > s.start and s.lowers[i - 1] == "ich"):
        return "subjunctive1"
    for aux in ("haben", "sein", "werden", "modal"):
        for kind in ("subjunctive2", "subjunctive1", "past", "present"):
            if low in v[f"{aux}_{kind}"]:
                if aux == "modal" and kind == "subjunctive2" and low in v["modal_present"]:
                    return "present"
                return kind
    if low in v["subjunctive1_third"]:
        return "subjunctive1"
    lemma = s.lemma(i).lower()
    stem = lemma[:-2] if lemma.endswith("en") else lemma[:-1]
    if low.startswith(stem):
        rest = low[len(stem):]
        if rest in ("te", "test", "ten", "tet", "ete", "etest", "eten", "etet"):
            return "past"
        return "subjunctive1" if rest == "e" and i != s.start else "present"
    for a, b in (("e", "i"), ("e", "ie"), ("a", "ä"), ("o", "ö"), ("au", "äu")):
        k = stem.rfind(a)
        if k >= 0 and low.startswith(stem[:k] + b + stem[k + len(a):]):
            return "present"
    return "past"


def _verb_complex(s: _Sent, kind: str, toks: list[int]) -> VerbComplex:
    g, v = s.g, s.g["verbs"]
    verbal = [i for i in toks if s.tag(i)[:2] in VERBAL]
    fins = [i for i in verbal if s.tag(i).endswith("FIN")]
    finite = None
    if kind != "infinitive" and verbal:
        if kind in ("subordinate", "relative"):
            finite = fins[-1] if fins else ([i for i in verbal if _finite_capable(s, i)] or [None])[-1]
        else:
            finite = fins[0] if fins else next((i for i in verbal if _finite_capable(s, i)), None)
    aux = tuple(i for i in verbal if s.tag(i).startswith("VA") or s.lowers[i] in v["auxiliary_participles"])
    modals = tuple(i for i in verbal if s.tag(i).startswith("VM"))
    parts = tuple(i for i in verbal if s.tag(i) == "VVPP")
    infs = tuple(i for i in verbal if s.tag(i) in ("VVINF", "VVIZU") and i != finite)
    particle = next((i for i in reversed(toks) if s.tag(i) == "PTKVZ"), None)
    full = [i for i in verbal if s.tag(i).startswith("VV")]
    main = (parts or infs or ([finite] if finite in full else full[:1]) or [finite] or [None])[0]
    if main is None and verbal:
        main = verbal[0]
    lemma = s.lemma(main).lower() if main is not None else ""
    if particle is not None and main == finite:
        lemma = s.lowers[particle] + lemma
    neg = tuple(i for i in toks if s.lowers[i] in g["negation"]["words"]
                or (s.tag(i) in ("PIAT", "PIDAT", "PIS") and s.lowers[i].startswith(tuple(g["negation"]["determiner_stems"]))))
    aux_lemmas = {s.lemma(i).lower() for i in aux if s.lowers[i] not in v["auxiliary_participles"]}
    passive_part = any(s.lowers[i] in v["passive_participle"] for i in aux)
    pp = main in parts
    voice = "active"
    if pp and (passive_part or ("werden" in aux_lemmas and not aux_lemmas & {"haben"} and not
                                (("sein" in aux_lemmas) and lemma in v["sein_perfect"]))):
        voice = "passive"
    elif pp and "sein" in aux_lemmas and lemma not in v["sein_perfect"] and "haben" not in aux_lemmas:
        voice = "statal"
    tense, mood = "", "indicative"
    if finite is not None:
        form = _form_kind(s, finite)
        mood = form if form.startswith("subj") else "indicative"
        base = "past" if form in ("past", "subjunctive2") and s.lowers[finite] not in ("würde", "würden", "würdest", "würdet") else "present"
        flem = s.lemma(finite).lower()
        perfect_inf = any(s.lowers[i] in v["auxiliary_infinitives"] and s.lowers[i] != "werden" for i in aux if i != finite)
        if flem == "werden" and s.tag(finite).startswith("VA") and (infs or (aux and len(aux) > 1)) and not (pp and not perfect_inf and voice == "passive" and not any(s.lowers[i] == "werden" for i in aux if i != finite)):
            tense = "future_perfect" if perfect_inf and pp else "future"
            if s.lowers[finite].startswith("würd"):
                tense = "perfect" if perfect_inf and pp else "present"
        elif flem in ("haben", "sein") and s.tag(finite).startswith("VA") and pp and (voice != "statal" or passive_part):
            tense = "pluperfect" if base == "past" else "perfect"
        elif perfect_inf and pp:
            tense = "perfect"
        else:
            tense = base
    return VerbComplex(finite, aux, modals, parts, infs, particle if main == finite else None, main,
                       lemma, bool(neg), neg, voice, tense, mood)


# --- noun phrases, subjects, objects ----------------------------------------------------------

def _noun_phrases(s: _Sent, toks: list[int]) -> list[tuple[int, int, str | None, int]]:
    """(start, end, preposition or None, index of the first token) of each noun phrase in
    ``toks`` (ascending Doc indexes); coordinated phrases ("Putin und Xi") are one."""
    out, k, n = [], 0, len(toks)
    coord = s.g["clause"]["coordinators"]

    def starts(i: int) -> bool:
        t = s.tag(i)
        return t in DETERMINERS or t in NOUNISH or t in ("ADJA", "PPER", "PDS", "PIS", "PRELS") and t != "PRF" \
            or (s.words[i][:1].isupper() and t[:2] not in VERBAL and t not in ("APPR", "APPRART", "KOUS", "ADV", "KON"))

    def phrase_end(k: int) -> int:
        if s.tag(toks[k]) in ("PPER", "PDS", "PIS", "PRELS"):
            return k + 1
        j = k
        while j < n and (s.tag(toks[j]) in DETERMINERS + ("ADJA", "ADJD", "CARD") and j == k or s.tag(toks[j]) == "ADJA"):
            j += 1
        while j < n and (s.tag(toks[j]) in NOUNISH or (s.words[toks[j]][:1].isupper() and s.tag(toks[j])[:2] not in VERBAL
                                                        and s.tag(toks[j]) not in ("APPR", "APPRART", "KON", "ADV", "KOUS", "PTKNEG") + DETERMINERS)):
            # a name is not continued by a common noun: "dass Russland Waffen …" is two phrases
            if j > k and s.tag(toks[j]) == "NN" and s.tag(toks[j - 1]) in NOUNISH \
                    and (s.tag(toks[j - 1]) == "NE" or _common_noun(s, toks[j])):
                break
            j += 1
        # a genitive attribute: "die Regierung des Iran"
        if j < n - 1 and j > k and s.tag(toks[j - 1]) == "NN" and s.lowers[toks[j]] in {"des", "eines"} | ({"der"} if s.tag(toks[j]) == "ART" else set()):
            m = j + 1
            while m < n and s.tag(toks[m]) in ("ADJA",):
                m += 1
            if m < n and s.tag(toks[m]) in NOUNISH:
                j = m + 1
        return max(j, k + 1)

    prep = None
    while k < n:
        i = toks[k]
        t = s.tag(i)
        if t in ("APPR", "APPRART"):
            prep = s.g.contractions.get(s.lowers[i], s.lowers[i])
            k += 1
            continue
        if starts(i):
            j = phrase_end(k)
            while j < n - 1 and s.lowers[toks[j]] in coord and s.lowers[toks[j]] not in ("aber", "sondern", "denn", "doch") \
                    and starts(toks[j + 1]) and s.tag(toks[j + 1]) not in ("PRELS",):
                j = phrase_end(j + 1)
            out.append((toks[k], toks[j - 1] + 1, prep, i))
            prep, k = None, j
        else:
            if t[:2] in VERBAL or t in ("ADV", "PTKNEG", "KOUS"):
                prep = None
            k += 1
    return out


def _common_noun(s: _Sent, i: int) -> bool:
    """A noun the lemma table knows ("Sanktionen", "Abkommen"), unlike a name ("Lindqvist")."""
    from kg.postags import lemma_of

    return lemma_of(s.words[i]) is not None


def _case(s: _Sent, np: tuple[int, int, str | None, int]) -> str:
    nouns, low = s.g["nouns"], s.lowers[np[3]]
    if s.tag(np[3]) == "PPER":
        return "nom" if low in nouns["subject_pronouns"] else "obj"
    for key, name in (("dative", "dat"), ("accusative", "acc"), ("genitive", "gen"), ("nominative", "nom")):
        if low in nouns[key] and s.tag(np[3]) in DETERMINERS + ("ART",):
            if key == "genitive" and low in nouns["nominative_or_accusative"]:
                continue
            return name
    if s.tag(np[3]) in DETERMINERS or low in nouns["nominative_or_accusative"]:
        return "nom_acc"
    return "bare"


def _plural_finite(s: _Sent, i: int) -> bool:
    return s.lowers[i].endswith("n") or s.lowers[i] == "sind"


def _plural_np(s: _Sent, np) -> bool | None:
    a, b = np[0], np[1]
    if any(s.lowers[j] in ("und", "sowie") for j in range(a, b)):
        return True
    head = b - 1
    if s.tag(head) == "NE" and s.lowers[a] not in ("die",):
        return False
    if s.tag(head) == "NN" and s.lemma(head) != s.words[head] and s.lowers[a] in {"die", "keine", "alle", s.lowers[head]}:
        return True
    return None


def _arguments(s: _Sent, p: _Piece, vc: VerbComplex, toks: list[int]):
    skip = set()
    if p.kind == "relative" and p.introducer is not None:     # the pronoun (and its preposition)
        skip = {i for i in toks if i <= p.introducer}
    nps = _noun_phrases(s, [i for i in toks if i not in skip])
    bare = [np for np in nps if np[2] is None]
    subj_ok = [np for np in bare if _case(s, np) in ("nom", "nom_acc", "bare")]
    cands: list = []
    if p.kind == "relative" and p.introducer is not None:
        cands = [np for np in subj_ok if np[0] != p.introducer]
    elif p.kind in ("main", "parenthetical") and vc.finite is not None:
        before = [np for np in subj_ok if np[1] <= vc.finite]
        after = [np for np in subj_ok if np[0] > vc.finite]
        prefield = [i for i in toks if i < vc.finite and s.tag(i) != "KON"]
        # the prefield's first phrase, when the prefield starts with it ("Die Regierung in Teheran")
        pre_np = [np for np in before if prefield and np[0] == prefield[0]][:1]
        cands = pre_np + after[:1]
        if len(cands) == 2 and vc.finite is not None:
            agree = [np for np in cands if _plural_np(s, np) in (None, _plural_finite(s, vc.finite))]
            cands = agree + [np for np in cands if np not in agree]
    elif vc.finite is not None or p.kind == "subordinate":
        cands = subj_ok[:2]
    subjects = tuple((np[0], np[1]) for np in cands)
    objects: dict[str, list[Span]] = {}
    for np in nps:
        if subjects[:1] == ((np[0], np[1]),):
            continue
        key = np[2] or _case(s, np)
        if key == "nom":
            key = "nom_acc"
        objects.setdefault(key, []).append((np[0], np[1]))
    return subjects, {k: tuple(v) for k, v in objects.items()}


# --- the clauses -----------------------------------------------------------------------------

def clauses_of(sent, source: str = "hanta") -> list[Clause]:
    """The clauses of ``sent`` (a Span), in the order their first tokens come."""
    s = _Sent(sent, source)
    pieces = _pieces(s)
    if not pieces:
        return []
    _classify(s, pieces)
    _merge_fragments(s, pieces)
    built: list[tuple[_Piece, Clause]] = []
    apps: dict[int, list[Apposition]] = {}
    for n, p in enumerate(pieces):
        if p.kind in ("apposition", "fragment", "merged"):
            continue
        toks = sorted(p.merged + p.tokens)
        vc = _verb_complex(s, p.kind, toks)
        subjects, objects = _arguments(s, p, vc, toks)
        built.append((p, Clause(p.kind, toks[0], toks[-1] + 1, tuple(toks), vc, subjects, objects, (),
                                p.introducer, None)))
    out: list[Clause] = []
    mains = [k for k, (p, c) in enumerate(built) if c.kind == "main"]
    for k, (p, c) in enumerate(built):
        head = None
        if c.kind != "main" or p.opener == "und":
            before = [m for m in mains if built[m][1].start < c.start and m != k]
            head = before[-1] if before else next((m for m in mains if m != k), None)
        subjects = c.subjects
        if c.kind == "relative" and c.introducer is not None and s.lowers[c.introducer] in s.g["clause"]["nominative_relatives"]:
            ante = _antecedent(s, c.introducer)
            if ante:
                subjects = (ante,) + subjects
        if head is not None and (c.kind == "infinitive" or (p.opener == "und" and c.verbs.finite == c.tokens[0])):
            subjects = built[head][1].subjects[:1] + tuple(x for x in subjects if x not in built[head][1].subjects[:1])
        out.append(Clause(c.kind, c.start, c.end, c.tokens, c.verbs, subjects, c.objects, (), c.introducer, head))
    _attach_appositions(s, pieces, out)
    return out


def _antecedent(s: _Sent, rel: int) -> Span | None:
    """The noun phrase before the comma before a relative pronoun (or its preposition)."""
    j = rel - 1
    while j > s.start and s.words[j] != ",":
        j -= 1
    toks = [i for i in range(s.start, j) if s.tag(i) != "_SP"]
    nps = [np for np in _noun_phrases(s, toks) if np[1] == j] if toks else []
    if not nps:
        return None
    a, b = nps[-1][0], nps[-1][1]
    k = a
    while k < b and s.tag(k) in ("APPR", "APPRART"):
        k += 1
    return (k, b)


def _attach_appositions(s: _Sent, pieces: list[_Piece], out: list[Clause]) -> None:
    for p in pieces:
        if p.kind != "apposition":
            continue
        before = p.tokens[0] - 1
        toks = [i for i in range(s.start, before) if s.tag(i) != "_SP" and s.words[i] not in CUTS]
        nps = [np for np in _noun_phrases(s, toks) if np[1] >= toks[-1]] if toks else []
        if not nps:
            continue
        anchor = (nps[-1][0], nps[-1][1])
        app = Apposition(anchor, (p.tokens[0], p.tokens[-1] + 1), "parenthesis" if p.opener == "(" else "apposition")
        for k, c in enumerate(out):
            if c.start <= anchor[0] < c.end or (c.start >= p.tokens[-1] and c.kind == "main" and anchor[0] in c.tokens):
                out[k] = Clause(c.kind, c.start, c.end, c.tokens, c.verbs, c.subjects, c.objects,
                                c.appositions + (app,), c.introducer, c.head)
                break


def conjuncts(sent, span: Span) -> list[Span]:
    """The parts of a coordinated noun phrase: "Putin, Xi und Modi" -> three spans."""
    from kg.nlp import lowers

    low, parts, start, depth = lowers(sent.doc), [], span[0], 0
    for i in range(span[0], span[1]):
        if low[i] == "(":
            depth += 1
            if i > start and depth == 1:
                parts.append((start, i))
        elif low[i] == ")":
            depth = max(0, depth - 1)
            start = i + 1
        elif depth == 0 and low[i] in ("und", "oder", "sowie", ","):
            if i > start:
                parts.append((start, i))
            start = i + 1
    if start < span[1] and depth == 0:
        parts.append((start, span[1]))
    return parts


def match_phrase(sent, clause: Clause, phrase: list[str], source: str = "hanta") -> list[int]:
    """The clause's tokens that make up ``phrase`` (lemmas or forms, any order, any gaps):
    ["treffen", "ein"] finds "traf … ein", "eingetroffen", "einzutreffen"; ["Veto",
    "einlegen"] finds "legte … ein Veto … ein"; ["heißen", "es"] finds "hieß es".  A verb
    element matches the clause's full verb by its lemma with the particle joined; a particle
    element right after a verb element is taken by the joined lemma.  [] when not all match."""
    s = _Sent(sent, source)
    vc, used, out = clause.verbs, set(), []
    elems = [e.lower() for e in phrase]
    k = 0
    while k < len(elems):
        e = elems[k]
        nxt = elems[k + 1] if k + 1 < len(elems) else None
        if vc.main is not None and nxt is not None and vc.lemma in (nxt + e, e + nxt) and nxt in s.g["verbs"]["separable_particles"]:
            hits = [vc.main] + ([vc.particle] if vc.particle is not None else [])
            k += 2
        elif vc.main is not None and vc.lemma == e and vc.main not in used:
            hits = [vc.main] + ([vc.particle] if vc.particle is not None else [])
            k += 1
        else:
            pool = list(clause.tokens) + [i for a, b in clause.subjects for i in range(a, b) if i not in clause.tokens]
            hit = next((i for i in pool if i not in used and
                        (s.lowers[i] == e or s.lemma(i).lower() == e)), None)
            if hit is None:
                return []
            hits = [hit]
            k += 1
        used.update(hits)
        out.extend(hits)
    return sorted(set(out))
