"""The cue data of ``ontology/cues.toml`` as records: one :class:`Frame` a relation (its
trigger words and the word lists its frame reads) and :class:`Cues` (frames, item heads,
modality, reporting, anaphora and syntax word sets), loaded once per data folder from the
data :mod:`kg.cuedata` has checked; a relation whose frame is not registered fails here."""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

from kg.cuedata import RelationDecl, cues_path, load_cue_data, relation_declarations
from kg.errors import InputError
from kg.resources import ontology_dir


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
    decl: RelationDecl
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
    symmetric: frozenset[str] = frozenset()   # the symmetric relations' names
    # separable verbs: finite form -> ((relation, kind, particle), …) ("traf" … "ein")
    # first word -> (relation, kind, closing word, the words between them in order)
    phrases: dict[str, tuple[tuple[str, str, str, tuple[str, ...]], ...]] = field(default_factory=dict)
    # separable verbs by their particle: particle -> {rest of the lemma -> ((relation, kind), …)}
    # ("zusammenkommen": "zusammen" -> {"kommen": (("metWith", "verb"),)}), from every frame's
    # verb lemmas that begin with a separable particle of ontology/german.toml
    separable: dict[str, dict[str, tuple[tuple[str, str], ...]]] = field(default_factory=dict)
    particles: frozenset[str] = frozenset()   # every separable particle (german.toml)
    # item words of one or two letters, which may open a compound trigger ("Öllieferungen")
    short_modifiers: frozenset[str] = frozenset()
    # verb lemma -> the modality it gives an event noun it governs ([governors])
    governors: dict[str, str] = field(default_factory=dict)
    # every word a verb-like trigger can be (verbs, forms, provision, import, motion words of
    # every frame), and the noun heads by length: a word in neither is no trigger at all
    verb_words: frozenset[str] = frozenset()
    head_suffixes: tuple[tuple[int, frozenset[str]], ...] = ()
    # word sets derived from the lists above, made on first use (:meth:`gate`, :meth:`derived`)
    memo: dict = field(default_factory=dict, compare=False, repr=False)
    # (form hash, lemma hash) -> (((relation, kind), …) elsewhere, … sentence-initial): words repeat, so
    # whether a word is a trigger is worked out once per word, not once per occurrence
    trigger_cache: dict = field(default_factory=dict, compare=False, repr=False)

    def gate(self, *names: str) -> tuple[frozenset[str], frozenset[str]]:
        """The words of the word lists ``names`` and the lemmas that can make one of them (the word,
        or its rest after a separable particle): a token whose lower-case form is not among the
        first and whose lemma is not among the second has no form in those lists
        (:func:`kg.extraction.modality.word_forms`), which most tokens are cheaply found not to have."""
        return self.derived(names, lambda: _gate(self, names))

    def derived(self, key, make):
        """``make()``, made once and kept under ``key``: a word set derived from the cues."""
        found = self.memo.get(key)
        if found is None:
            found = self.memo[key] = make()
        return found


def _gate(cues: Cues, names: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str]]:
    vocabulary = frozenset().union(*(cues.words[name] for name in names))
    return vocabulary, _stems(vocabulary, cues.particles)


def _stems(vocabulary: frozenset[str], particles: frozenset[str]) -> frozenset[str]:
    return vocabulary | {w[len(p):] for w in vocabulary for p in particles if w.startswith(p)}


ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")


def _attributive_forms(forms: frozenset[str]) -> frozenset[str]:
    """The forms with those that a participle among them takes as an adjective ("geschlossen":
    "der geschlossene Vertrag", "des geschlossenen Abkommens"; "geliefert": "die gelieferten Waffen")."""
    participles = {f for f in forms if f.endswith(("t", "en"))}
    return forms | {p + e for p in participles for e in ADJECTIVE_ENDINGS}


def lower_set(values) -> frozenset[str]:
    return frozenset(v.lower() for v in values)


def load_cues(path: Path | None = None) -> Cues:
    """The cues of ``path`` (default: ``cues.toml`` of the ontology folder), checked."""
    path = Path(path or cues_path())
    data = load_cue_data(path)
    decls = relation_declarations(path)
    _check_frames(path, decls)
    frames = {}
    for name, spec in data["relations"].items():
        frames[name] = Frame(
            name=name,
            verbs=lower_set(spec.get("verbs", [])),
            forms=_attributive_forms(lower_set(spec.get("forms", []))),
            noun_heads=tuple(sorted(_inflected(spec.get("noun_heads", [])), key=len, reverse=True)),
            requires_noun_heads=tuple(_inflected(spec.get("requires_noun_heads", []))),
            object_preps=tuple(spec.get("object_preps", [])),
            bare_object=spec.get("bare_object", False),
            symmetric=decls[name].symmetric,
            spec=spec,
            decl=decls[name],
            words=_with_particle_forms({k: lower_set(v) for k, v in spec.items()
                                        if isinstance(v, list) and not k.endswith("phrases")}),
        )
    modality, reporting = data["modality"], data["reporting"]
    words = {
        key: lower_set(values)
        for key, values in {**modality, **reporting, **data["anaphora"], **data["syntax"]}.items()
        if isinstance(values, list)
    }
    particles = _particles()
    return Cues(
        frames=frames,
        items=tuple(sorted(lower_set(data["items"]["heads"]), key=len, reverse=True)),
        modality=modality,
        reporting=reporting,
        anaphora=data["anaphora"],
        syntax=data["syntax"],
        precedence=tuple(modality["precedence"]),
        words=words,
        symmetric=frozenset(name for name, f in frames.items() if f.symmetric),
        phrases=_phrases(data["relations"]),
        separable=_separable(frames),
        particles=particles,
        short_modifiers=frozenset(h for h in lower_set(data["items"]["heads"]) if len(h) < 3),
        governors={verb.lower(): modality for modality, verbs in data["governors"].items() for verb in verbs},
        noun_heads=tuple(sorted({h for f in frames.values() for h in f.noun_heads}, key=len, reverse=True)),
        verb_words=frozenset().union(*(
            f.verbs | f.forms | f.words.get(kind + "_" + part, frozenset())
            for f in frames.values() for kind in VERB_KINDS for part in ("verbs", "forms"))),
        head_suffixes=tuple(
            (n, frozenset(h for f in frames.values() for h in f.noun_heads if len(h) == n))
            for n in sorted({len(h) for f in frames.values() for h in f.noun_heads})),
    )


#: the modality cue lists of cues.toml a word must be in to set a trigger's modality
CUE_LISTS = ("negation", "planned_verbal", "planned_nominal", "denied", "alleged", "planned", "alleged_weak")
VERB_KINDS = ("provision", "import", "motion", "expect", "receive", "stay")   # the frames' other verb lists, as trigger_kinds reads them
LEAVING = "leaving"     # the kind of a separable verb that is no trigger ("reiste … zurück")


def _inflected(heads) -> frozenset[str]:
    """The noun heads with the forms German inflection makes of them (``[nouns]
    inflection_endings`` of german.toml): "besuch" gives "besuche", "besuchen", "besuchs"."""
    from kg.german import default_german

    endings = default_german()["nouns"]["inflection_endings"]
    heads = lower_set(heads)
    return heads | {h + e for h in heads for e in endings}


def _with_particle_forms(words: dict[str, frozenset[str]]) -> dict[str, frozenset[str]]:
    """``words`` with the travel verbs' infinitives and participles that carry one of
    ``motion_particles`` in front ("weiterreisen", "weiterzureisen", "angereist") as motion forms:
    the particle stands apart only in a finite verb ("reiste … weiter")."""
    particles = words.get("motion_particles", frozenset())
    if not particles:
        return words
    verbs = words.get("motion_verbs", frozenset())
    participles = {f for f in words.get("motion_forms", frozenset()) if f.startswith("ge")}
    made = {p + tail for p in particles for tail in verbs | participles | {"zu" + v for v in verbs}}
    return {**words, "motion_forms": words.get("motion_forms", frozenset()) | made}


def _phrases(relations: dict) -> dict[str, tuple[tuple[str, str, str, tuple[str, ...]], ...]]:
    """``phrases`` (a verb) and ``motion_phrases`` of every relation, by their first word."""
    found: dict[str, list] = {}
    for name, spec in relations.items():
        for key, kind in (("phrases", "verb"), ("motion_phrases", "motion")):
            for first, *middle, last in spec.get(key, ()):
                found.setdefault(first.lower(), []).append((name, kind, last.lower(), tuple(w.lower() for w in middle)))
    return {first: tuple(entries) for first, entries in found.items()}


def _particles() -> frozenset[str]:
    from kg.german import default_german

    return frozenset(default_german()["verbs"]["separable_particles"])


def _separable(frames: dict[str, Frame]) -> dict[str, dict[str, tuple[tuple[str, str], ...]]]:
    """The frames' verb lemmas that begin with a separable particle, split at it: the finite
    verb of a main clause stands apart from its particle ("kam … zusammen")."""
    from kg.german import default_german

    german = default_german()["verbs"]
    # "unter", "über": as cue verbs' prefixes they do not separate ("unterzeichnete")
    particles = sorted(german["separable_particles"] - german["inseparable_prefixes"], key=len, reverse=True)
    found: dict[str, dict[str, list]] = {}
    for frame in frames.values():
        lemmas = [(lemma, "verb") for lemma in frame.verbs]
        lemmas += [(lemma, kind) for kind in VERB_KINDS for lemma in frame.words.get(kind + "_verbs", ())]
        for lemma, kind in lemmas:
            particle = next((p for p in particles if lemma.startswith(p) and len(lemma) - len(p) >= 5), None)
            if particle is not None:
                rest = found.setdefault(particle, {}).setdefault(lemma[len(particle):], [])
                if (frame.name, kind) not in rest:
                    rest.append((frame.name, kind))
        # a particle of return or exit makes a travel verb no journey there: "reiste nach Moskau zurück"
        for particle in frame.words.get("leaving_particles", ()):
            for lemma in frame.words.get("motion_verbs", ()):
                found.setdefault(particle, {}).setdefault(lemma, []).append((frame.name, LEAVING))
    return {p: {rest: tuple(v) for rest, v in by_rest.items()} for p, by_rest in found.items()}


def _check_frames(path: Path, decls: dict[str, RelationDecl]) -> None:
    """Every relation's frame is registered (a module of ``kg/extraction/relations/``)."""
    from kg.extraction.relations import REGISTRY, usable

    for name, decl in decls.items():
        if decl.frame not in REGISTRY:
            raise InputError(f"{path.name}: relations.{name}.frame = {decl.frame!r}: no such frame "
                             f"(known: {', '.join(sorted(REGISTRY))})")
        problem = usable(decl.frame, load_cue_data(path)["relations"][name])
        if problem:
            raise InputError(f"{path.name}: relations.{name} = {decl.frame!r} frame: {problem}")


def default_cues() -> Cues:
    """The cues of the ontology folder (``KG_ONTOLOGY_DIR`` or ``ontology/``), loaded once."""
    return _cues_in(ontology_dir())


@functools.lru_cache(maxsize=4)
def _cues_in(folder: Path) -> Cues:
    return load_cues(cues_path(folder))

