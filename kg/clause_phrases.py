"""Questions asked of a sentence's clauses (:mod:`kg.clauses`): the parts of a coordinated
noun phrase, and the tokens of a cue phrase in a clause."""
from __future__ import annotations

from typing import TYPE_CHECKING

from kg.clause_verbs import SentView

if TYPE_CHECKING:
    from kg.clauses import Clause

Span = tuple[int, int]      # (start, end) Doc token indexes, end exclusive


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
    s = SentView(sent, source)
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
