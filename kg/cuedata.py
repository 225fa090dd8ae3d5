"""``ontology/cues.toml`` read and validated, without spaCy: every section and key it may
hold, of what kind (single words, phrases, a flag, a word table, a name), and the relation
declarations (name, symmetric, scored, object kind, frame) that ``kg.terms``, ``kg.rdf``
and the extractor read.  A mistake fails when the file is loaded, in one line that names
the file, the key and the value (:class:`kg.errors.InputError`).
"""
from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from pathlib import Path

from kg.errors import InputError, shown
from kg.resources import ontology_dir

WORDS = "single words"          # a list of one-word strings, each once
PHRASES = "phrases"             # a list of strings of one or more words, each once
WORD_PAIRS = "word sequences"   # a list of lists of single words ("traf" … "ein")
FLAG = "true or false"
TABLE = "a table of words"      # word -> word
NAME = "a name"

#: what a relation's object is: an actor (person, state, organisation), a place or state, a measure
OBJECT_KINDS = ("actor", "place_or_state", "measure")
#: the frame a relation uses when it names none: built from its words alone
DEFAULT_FRAME = "default"

RELATION_KEYS = {
    # every relation: its declaration and the words of the default frame
    "symmetric": FLAG, "scored": FLAG, "object": NAME, "frame": NAME,
    "verbs": WORDS, "forms": WORDS, "noun_heads": WORDS, "requires_noun_heads": WORDS,
    "object_preps": WORDS, "bare_object": FLAG, "phrases": WORD_PAIRS,
    # supplies: imports, provision, what is no goods
    "import_verbs": WORDS, "import_forms": WORDS, "source_preps": WORDS, "import_in_verbs": WORDS,
    "provision_verbs": WORDS, "provision_forms": WORDS, "provision_without_item": WORDS, "not_goods": WORDS, "needs_items": WORDS, "sale_heads": WORDS,
    # visited: travel
    "planned_forms": WORDS,
    "motion_verbs": WORDS, "motion_forms": WORDS, "motion_particles": WORDS, "leaving_particles": WORDS, "motion_phrases": WORD_PAIRS, "place_preps": WORDS,
    "expect_verbs": WORDS, "expect_forms": WORDS, "remote_words": WORDS,
    "stay_forms": WORDS, "stay_words": WORDS, "arrival_verbs": WORDS, "not_visits": WORDS, "lead_verbs": WORDS, "host_verbs": WORDS, "receive_verbs": WORDS, "journey_verbs": WORDS, "ranking_words": WORDS,
    # metWith: matches and goals, and visits to a person
    "person_verbs": WORDS,
    "clash_words": WORDS, "scoring_preps": WORDS, "score_counts": WORDS, "reciprocal_words": WORDS, "remote_modifiers": WORDS, "talk_heads": WORDS, "not_met_objects": WORDS,
    "facing_determiners": WORDS,
    # imposedSanctionsOn: owners, threats, targets as subjects
    "owner_verbs": WORDS, "threat_verbs": WORDS, "object_target_verbs": WORDS, "aimed_verbs": WORDS, "aimed_preps": WORDS, "subject_target_verbs": WORDS, "subject_target_forms": WORDS,
    # vetoed: measures and the council
    "measure_heads": WORDS, "measure_references": WORDS, "council": WORDS, "not_in_measure": FLAG,
}

SECTIONS = {
    "items": {"heads": WORDS},
    "modality": {
        "precedence": WORDS, "negation": WORDS, "negation_exceptions": PHRASES, "negative_determiners": WORDS, "unconfirmed_when_negated": WORDS, "control_later": WORDS, "alleged": WORDS,
        "alleged_weak": WORDS, "planned": WORDS, "planned_verbal": WORDS, "planned_nominal": WORDS, "negating_openers": WORDS, "presupposing_openers": WORDS, "purpose_openers": WORDS, "promise_verbs": WORDS, "refusals": WORDS, "refusal_preps": WORDS, "refusal_verbs": WORDS, "planned_sentence": WORDS,
        "planned_phrases": PHRASES, "future_auxiliaries": WORDS, "conditionals": WORDS,
        "scheduled_days": WORDS, "scheduled_words": WORDS, "scheduled_preps": WORDS, "past_forms": WORDS,
        "perfect_auxiliaries": WORDS, "ahead_preps": WORDS, "happened_verbs": WORDS,
        "denied": WORDS, "denied_not_of_previous": WORDS,
        "control": WORDS, "claim_verbs": WORDS,
    },
    "governors": {"asserted": WORDS, "planned": WORDS, "denied": WORDS, "negated": WORDS},
    "reporting": {"speech_verbs": WORDS, "report_previous": WORDS, "content_openers": WORDS, "source_before": WORDS, "source_after": WORDS, "source_links": WORDS},
    "anaphora": {
        "denial_objects": WORDS, "pronouns_m": WORDS, "not_current_titles": WORDS, "indefinite_articles": WORDS, "pronouns_f": WORDS, "pronouns_f_dative": WORDS, "first_person": WORDS, "first_person_singular": WORDS, "epithets_f": WORDS, "epithets_m": WORDS,
        "possessives": WORDS, "state_descriptions": WORDS, "group_descriptions": WORDS, "pair_people": WORDS, "pair_states": WORDS, "female_name_endings": WORDS,
    },
    "syntax": {
        "prepositions": WORDS, "contractions": TABLE, "determiners": WORDS, "coordinators": WORDS, "contest_words": WORDS,
        "list_words": WORDS, "subordinators": WORDS, "comparatives": WORDS, "proxy_nouns": WORDS, "place_nouns": WORDS,
        "fallback_agent_preps": WORDS, "apposition_heads": WORDS, "event_carriers": WORDS, "report_nouns": WORDS, "leader_nouns": WORDS, "non_referential": WORDS, "relative_pronouns": WORDS,
        "member_nouns": WORDS, "capital_nouns": WORDS, "government_nouns": WORDS, "envoy_nouns": WORDS, "people_of_nouns": WORDS,
        "passive_auxiliaries": WORDS, "stative_auxiliaries": WORDS, "genitive_articles": WORDS, "title_of": WORDS, "into_determiners": WORDS, "agent_preps": WORDS, "by_preps": WORDS, "definite_articles": WORDS, "not_names": WORDS,
    },
}


@dataclass(frozen=True)
class RelationDecl:
    """One ``[relations.X]`` table: what everything but the frame needs to know."""

    name: str
    symmetric: bool
    scored: bool
    object: str         # one of OBJECT_KINDS
    frame: str          # DEFAULT_FRAME or the name a frame module registers


def _fail(path: Path, key: str, value, reason: str) -> InputError:
    return InputError(f"{path.name}: {key} = {shown(repr(value))}: {reason}")


def _check_words(path: Path, key: str, values, kind: str) -> None:
    if not isinstance(values, list):
        raise _fail(path, key, values, f"must be a list of {kind}")
    seen = set()
    for value in values:
        if kind == WORD_PAIRS:
            if not (isinstance(value, list) and len(value) >= 2 and all(isinstance(v, str) for v in value)):
                raise _fail(path, key, value, "must be a list of two or more single words")
            _check_words(path, key, value, WORDS)
            value = tuple(value)
        elif not isinstance(value, str) or not value.strip():
            raise _fail(path, key, value, f"must be a list of {kind}")
        elif kind == WORDS and len(value.split()) > 1:
            raise _fail(path, key, value, "a phrase where single words are expected")
        folded = value if isinstance(value, tuple) else value.lower()
        if folded in seen:
            raise _fail(path, key, value, "listed twice")
        seen.add(folded)


def _check_value(path: Path, key: str, value, kind: str) -> None:
    if kind in (WORDS, PHRASES, WORD_PAIRS):
        _check_words(path, key, value, kind)
    elif kind == FLAG and not isinstance(value, bool):
        raise _fail(path, key, value, "must be true or false")
    elif kind == NAME and not isinstance(value, str):
        raise _fail(path, key, value, "must be a name")
    elif kind == TABLE:
        if not isinstance(value, dict) or not all(
                isinstance(v, str) and len(v.split()) == 1 and len(k.split()) == 1 for k, v in value.items()):
            raise _fail(path, key, value, "must be a table of single words")


def _check_table(path: Path, prefix: str, table, allowed: dict[str, str]) -> None:
    if not isinstance(table, dict):
        raise _fail(path, prefix, table, "must be a table")
    for key, value in table.items():
        kind = allowed.get(key)
        if kind is None:
            raise _fail(path, f"{prefix}.{key}", value, "unknown key")
        _check_value(path, f"{prefix}.{key}", value, kind)


def validate(data: dict, path: Path) -> dict:
    """``data`` (cues.toml parsed) if every section, key and value is one the code reads."""
    for section, table in data.items():
        if section == "relations":
            if not isinstance(table, dict) or not table:
                raise _fail(path, "relations", table, "must be a table of relations")
            for name, spec in table.items():
                _check_table(path, f"relations.{name}", spec, RELATION_KEYS)
                decl = _declaration(name, spec)
                if decl.object not in OBJECT_KINDS:
                    raise _fail(path, f"relations.{name}.object", decl.object,
                                "must be one of " + ", ".join(OBJECT_KINDS))
        elif section in SECTIONS:
            _check_table(path, section, table, SECTIONS[section])
        else:
            raise _fail(path, section, table, "unknown section")
    for section in ("relations", *SECTIONS):
        if section not in data:
            raise _fail(path, section, None, "missing section")
    seen: dict[str, str] = {}
    for modality, verbs in data["governors"].items():
        for verb in verbs:
            if verb.lower() in seen:
                raise _fail(path, f"governors.{modality}", verb, f"also under governors.{seen[verb.lower()]}")
            seen[verb.lower()] = modality
    for word in data["modality"].get("precedence", ()):
        if word not in ("denied", "negated", "alleged", "planned", "reported", "asserted"):
            raise _fail(path, "modality.precedence", word, "not a modality")
    return data


def _declaration(name: str, spec: dict) -> RelationDecl:
    return RelationDecl(name=name, symmetric=spec.get("symmetric", False), scored=spec.get("scored", True),
                        object=spec.get("object", "actor"), frame=spec.get("frame", DEFAULT_FRAME))


def cues_path(folder: Path | None = None) -> Path:
    return (folder or ontology_dir()) / "cues.toml"


@functools.lru_cache(maxsize=8)
def _load(path: Path, mtime_ns: int) -> dict:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"{path.name}: cannot be read ({exc.strerror or exc})") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"{path.name}: not TOML ({exc})") from None
    return validate(data, path)


def load_cue_data(path: Path | None = None) -> dict:
    """The validated contents of ``cues.toml`` (default: the ontology folder's)."""
    path = Path(path or cues_path())
    try:
        mtime = path.stat().st_mtime_ns
    except OSError:
        mtime = 0
    return _load(path, mtime)


def relation_declarations(path: Path | None = None) -> dict[str, RelationDecl]:
    """Every relation ``cues.toml`` declares, in its order."""
    return {name: _declaration(name, spec) for name, spec in load_cue_data(path)["relations"].items()}
