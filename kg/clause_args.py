"""Noun phrases, subjects and objects of a clause, for :mod:`kg.clauses`: noun phrases by
tags (determiner, adjectives, nouns and names, a genitive attribute, coordination),
the case their determiner can mark, number agreement with the finite verb, and the
subject candidates by position (prefield, after the finite verb, after the subordinator)."""
from __future__ import annotations

from kg.clause_verbs import DETERMINERS, NOUNISH, VERBAL, SentView, VerbComplex

Span = tuple[int, int]

def noun_phrases(s: SentView, toks: list[int]) -> list[tuple[int, int, str | None, int]]:
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
        if j < n - 1 and j > k and s.tag(toks[j - 1]) == "NN" and s.lowers[toks[j - 1]] not in s.g["nouns"]["time_nouns"] \
                and s.lowers[toks[j]] in {"des", "eines"} | ({"der"} if s.tag(toks[j]) == "ART" else set()):
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
            while j < n - 1 and (s.lowers[toks[j]] in coord or s.words[toks[j]] == ",") \
                    and s.lowers[toks[j]] not in ("aber", "sondern", "denn", "doch") \
                    and starts(toks[j + 1]) and s.tag(toks[j + 1]) not in ("PRELS",):
                j = phrase_end(j + 1)
            out.append((toks[k], toks[j - 1] + 1, prep, i))
            prep, k = None, j
        else:
            if t[:2] in VERBAL or t in ("ADV", "PTKNEG", "KOUS"):
                prep = None
            k += 1
    return out


def _common_noun(s: SentView, i: int) -> bool:
    """A noun the lemma table knows ("Sanktionen", "Abkommen"), unlike a name ("Lindqvist")."""
    from kg.postags import lemma_of

    return lemma_of(s.words[i]) is not None


def _case(s: SentView, np: tuple[int, int, str | None, int]) -> str:
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


def _plural_finite(s: SentView, i: int) -> bool:
    return s.lowers[i].endswith("n") or s.lowers[i] == "sind"


def _plural_np(s: SentView, np) -> bool | None:
    a, b = np[0], np[1]
    if any(s.lowers[j] in ("und", "sowie") for j in range(a, b)):
        return True
    head = b - 1
    if (s.tag(head) == "NE" or head in _named_tokens(s.doc)) and s.lowers[a] not in ("die",):
        return False     # a name: "Polen hat Kiew Panzer geliefert" (the state, not "die Polen")
    if s.tag(head) == "NN" and s.lemma(head) != s.words[head] and s.lowers[a] in {"die", "keine", "alle", s.lowers[head]}:
        return True
    return None


def _named_tokens(doc) -> set[int]:
    """The tokens of the gazetteer's names in the Doc (a name that is also a plural noun: "Polen",
    "Schweden"), made once per Doc."""
    from kg.doclists import _cached_list
    from kg.gazetteer_matcher import gazetteer_matches

    return _cached_list(doc, "kg_named_tokens", lambda d: {
        i for start, end, label, _ in gazetteer_matches(d) if label == "name" for i in range(start, end)})


def arguments(s: SentView, kind: str, introducer: int | None, vc: VerbComplex, toks: list[int]):
    skip = set()
    if kind == "relative" and introducer is not None:     # the pronoun (and its preposition)
        skip = {i for i in toks if i <= introducer}
    nps = noun_phrases(s, [i for i in toks if i not in skip])
    bare = [np for np in nps if np[2] is None]
    subj_ok = [np for np in bare if _case(s, np) in ("nom", "nom_acc", "bare")]
    cands: list = []
    if kind == "relative" and introducer is not None:
        cands = [np for np in subj_ok if np[0] != introducer]
    elif kind in ("main", "parenthetical") and vc.finite is not None:
        before = [np for np in subj_ok if np[1] <= vc.finite]
        after = [np for np in subj_ok if np[0] > vc.finite]
        prefield = [i for i in toks if i < vc.finite and s.tag(i) != "KON"]
        # the prefield's first phrase, when the prefield starts with it ("Die Regierung in Teheran")
        pre_np = [np for np in before if prefield and np[0] == prefield[0]][:1]
        cands = pre_np + after[:1]
        if len(cands) == 2 and vc.finite is not None:
            agree = [np for np in cands if _plural_np(s, np) in (None, _plural_finite(s, vc.finite))]
            cands = agree + [np for np in cands if np not in agree]
    elif vc.finite is not None or kind == "subordinate":
        cands = subj_ok[:2]
    subjects = tuple((np[0], np[1]) for np in cands)
    objects: dict[str, list[Span]] = {}
    # a nominative relative pronoun is the subject: its clause's noun phrases are all objects
    taken = () if kind == "relative" and introducer is not None and \
        s.lowers[introducer] in s.g["clause"]["nominative_relatives"] else subjects[:1]
    for np in nps:
        if taken == ((np[0], np[1]),):
            continue
        key = np[2] or _case(s, np)
        if key == "nom":          # "der" that is not the subject: a dative ("stattete der Hauptstadt …")
            key = "dat" if s.lowers[np[3]] == "der" else "nom_acc"
        objects.setdefault(key, []).append((np[0], np[1]))
    return subjects, {k: tuple(v) for k, v in objects.items()}


def antecedent(s: SentView, rel: int) -> Span | None:
    """The noun phrase before the comma before a relative pronoun (or its preposition)."""
    j = rel - 1
    while j > s.start and s.words[j] != ",":
        j -= 1
    toks = [i for i in range(s.start, j) if s.tag(i) != "_SP"]
    nps = [np for np in noun_phrases(s, toks) if np[1] == j] if toks else []
    if not nps:
        return None
    a, b = nps[-1][0], nps[-1][1]
    k = a
    while k < b and s.tag(k) in ("APPR", "APPRART"):
        k += 1
    return (k, b)

