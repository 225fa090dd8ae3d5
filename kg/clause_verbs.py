"""The verb complex of a clause, for :mod:`kg.clauses`: finite verb, auxiliaries, modals,
participles, infinitives, separable particle, the full verb's lemma with its particle,
negation, voice, tense and mood; and the sentence view all clause modules read
(:class:`SentView`: words, tags and lemmas by Doc index, with the tag repairs of
:func:`repair`).  German words from ``ontology/german.toml``."""
from __future__ import annotations

from dataclasses import dataclass

from kg.german import German, default_german
from kg.postags import tag_range

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


class SentView:
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


def repair(s: SentView, toks: list[int]) -> None:
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



def finite_capable(s: SentView, i: int) -> bool:
    t = s.tag(i)
    return t.endswith("FIN") or (t in ("VVINF", "VAINF", "VMINF") and s.lowers[i] not in s.g["verbs"]["auxiliary_participles"])


def _form_kind(s: SentView, i: int) -> str:
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
    k = stem.rfind("e")
    if k >= 0 and low.endswith("t") and low.startswith(stem[:k] + "i"):
        return "present"           # "nimmt", "unternimmt", "tritt", "gilt": e -> i and a changed consonant
    return "past"


def verb_complex(s: SentView, kind: str, toks: list[int]) -> VerbComplex:
    g, v = s.g, s.g["verbs"]
    verbal = [i for i in toks if s.tag(i)[:2] in VERBAL]
    fins = [i for i in verbal if s.tag(i).endswith("FIN")]
    finite = None
    if kind != "infinitive" and verbal:
        if kind in ("subordinate", "relative"):
            finite = fins[-1] if fins else ([i for i in verbal if finite_capable(s, i)] or [None])[-1]
        else:
            finite = fins[0] if fins else next((i for i in verbal if finite_capable(s, i)), None)
    aux = tuple(i for i in verbal if s.tag(i).startswith("VA") or s.lowers[i] in v["auxiliary_participles"])
    modals = tuple(i for i in verbal if s.tag(i).startswith("VM"))
    parts = tuple(i for i in verbal if s.tag(i) == "VVPP")
    infs = tuple(i for i in verbal if s.tag(i) in ("VVINF", "VVIZU") and i != finite)
    if not parts and infs and ((finite is not None and s.lowers[finite] in v["werden_past"])
                               or any(s.lowers[i] in v["passive_participle"] for i in verbal)):
        # "wurde … empfangen", "ist … empfangen worden": with "wurde" or "worden" a form like an
        # infinitive is the participle (no infinitive goes with them)
        parts, infs = infs[-1:], infs[:-1]
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

