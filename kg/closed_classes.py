"""Closed-class words of German (negation, articles, pronouns, auxiliaries and modals,
conjunctions, prepositions, particles): their STTS tags in context, for the lexical tagger
of :mod:`kg.postags`.  Which classes a word belongs to is worked out once per word
(:func:`_closed_classes`); only the tag that needs the words around it is decided per token
(:func:`_in_context`).  The word lists are ``ontology/german.toml``'s (:mod:`kg.german`)."""
from __future__ import annotations

import functools

from kg.german import German

PUNCT_FINAL = {".", "!", "?", "…"}


def closed(low: str, g: German, prev: str, nxt: str) -> str | None:
    """The tag of a closed-class word in context, else None: the first of the word's classes
    (:func:`_closed_classes`) whose context fits."""
    for cls in _closed_classes(low, g):
        tag = _in_context(cls, low, g, prev, nxt)
        if tag is not None:
            return tag
    return None


# the closed classes in the order they are tried; a class whose tag needs no context is its tag
_CLASSES = ("PTKNEG", "PIAT", "PRELS", "KOUS", "KOUI", "modal", "VAPP", "sein", "VAFIN", "VAINF", "zu", "PTKVZ",
            "APPRART", "ART", "PPOSAT", "PPER", "KON", "APPR", "ADV")


@functools.lru_cache(maxsize=100_000)
def _closed_classes(low: str, g: German) -> tuple[str, ...]:
    """The closed classes (:data:`_CLASSES`) the word belongs to, in order, context aside;
    worked out once per word (for almost every word: none)."""
    verbs, clause, nouns = g["verbs"], g["clause"], g["nouns"]
    member = {
        "PTKNEG": low in g["negation"]["words"],
        "PIAT": any(low.startswith(stem) and len(low) - len(stem) <= 2 for stem in g["negation"]["determiner_stems"]),
        "PRELS": low in clause["relative_pronouns"],
        "KOUS": low in clause["subordinators"] and low not in {"was", "wer", "da", "bis", "seit", "während"},
        "KOUI": low in clause["infinitive_subordinators"],
        "modal": any(low in verbs[f"modal_{kind}"] for kind in ("subjunctive2", "present", "past", "subjunctive1")),
        "VAPP": low in verbs["auxiliary_participles"],
        "sein": low == "sein",
        "VAFIN": any(low in verbs[f"{aux}_{kind}"] for aux in ("haben", "sein", "werden")
                     for kind in ("present", "past", "subjunctive1", "subjunctive2")),
        "VAINF": low in verbs["auxiliary_infinitives"],
        "zu": low in clause["infinitive_particle"],
        "PTKVZ": low in verbs["separable_particles"],
        "APPRART": low in g["prepositions"]["contractions"] or low in g.contractions,
        "ART": any(low in nouns[k] for k in ("nominative_or_accusative", "nominative", "accusative", "dative", "genitive")),
        "PPOSAT": low in nouns["possessives"],
        "PPER": low in nouns["subject_pronouns"] or low in nouns["object_pronouns"],
        "KON": low in clause["coordinators"],
        "APPR": low in g["prepositions"]["words"],
        "ADV": low in g["adverbs"]["words"] or low in clause["subordinators"],
    }
    return tuple(cls for cls in _CLASSES if member[cls])


def _in_context(cls: str, low: str, g: German, prev: str, nxt: str) -> str | None:
    """The tag of a word of the closed class ``cls`` between ``prev`` and ``nxt``, or None
    where the context does not fit the class."""
    clause = g["clause"]
    if cls == "PRELS":
        return "PRELS" if prev == "," else None
    if cls == "KOUS":                   # (also "ohne dass", "statt dass")
        return "KOUS" if prev in {",", "", "(", "–", "„", "\""} or (
            low == "dass" and prev in clause["infinitive_subordinators"]) else None
    if cls == "KOUI":
        return "KOUI" if prev in {",", ""} and nxt != "dass" else None
    if cls == "modal":
        return "VMINF" if low in g["verbs"]["modals"] and prev not in {",", ""} and nxt in PUNCT_FINAL | {","} \
            else "VMFIN"
    if cls == "sein":
        return "PPOSAT" if nxt[:1].isalpha() and nxt not in {"wird", "werden", "soll", "sollen", "muss", "kann",
                                                                "könnte"} else None
    if cls == "zu":
        return "PTKZU" if nxt.endswith(("en", "ern", "eln")) and nxt[:1].islower() else "APPR"
    if cls == "PTKVZ":
        return "PTKVZ" if nxt in PUNCT_FINAL or nxt in {",", ";", ":", ")", "–", ""} or nxt in clause["coordinators"] \
            else None
    return cls


def auxiliary_of(low: str, g: German) -> str | None:
    """"habe" -> "haben", "sei" -> "sein", "würde" -> "werden", from the paradigms."""
    verbs = g["verbs"]
    for aux in ("haben", "sein", "werden"):
        if low == aux or any(low in verbs[f"{aux}_{kind}"] for kind in ("present", "past", "subjunctive1", "subjunctive2")):
            return aux
    return {"gehabt": "haben", "gewesen": "sein", "geworden": "werden", "worden": "werden"}.get(low)
