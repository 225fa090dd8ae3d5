"""German function words for the clause layer, read from ``ontology/german.toml``.

The file holds tables of single lower-case words (subordinators, relative pronouns, the
paradigms of haben / sein / werden and of the modal verbs, separable particles, negation
words, case-marking determiners, prepositions) and the endings and nouns that tell what a
name nobody listed names (:mod:`kg.mentions.bare`).  :func:`load_german` checks it when it
loads and refuses, with one line naming the file, the key and the value (a
:class:`kg.errors.InputError`): an unknown table or key, a value that is not a list of
strings, a phrase or an upper-case word where single words are expected, a duplicate
inside one list, an empty list.  No spaCy import here.
"""
from __future__ import annotations

import functools
import tomllib
from pathlib import Path
from types import MappingProxyType

from kg.errors import InputError, shown
from kg.resources import ontology_dir

# every key the file may hold, by table; each value is a list of single lower-case words
SCHEMA: dict[str, frozenset[str]] = {
    "clause": frozenset({"subordinators", "infinitive_subordinators", "relative_pronouns",
                         "nominative_relatives", "coordinators", "infinitive_particle"}),
    "verbs": frozenset({
        *(f"{aux}_{kind}" for aux in ("haben", "sein", "werden")
          for kind in ("present", "past", "subjunctive1", "subjunctive2")),
        "auxiliary_infinitives", "auxiliary_participles", "passive_participle", "subjunctive1_third",
        "modals", "modal_present", "modal_past", "modal_subjunctive1", "modal_subjunctive2",
        "sein_perfect", "separable_particles", "inseparable_prefixes", "causatives"}),
    "negation": frozenset({"words", "determiner_stems"}),
    "nouns": frozenset({"nominative_or_accusative", "nominative", "accusative", "dative", "genitive",
                        "possessives", "subject_pronouns", "object_pronouns", "time_nouns", "inflection_endings"}),
    "prepositions": frozenset({"words", "contractions"}),
    "adverbs": frozenset({"words"}),
    "names": frozenset({"state_suffixes", "place_suffixes", "organisation_nouns", "particles"}),
}
# values of the form "word=word" (a contraction and its preposition)
PAIRS = frozenset({("prepositions", "contractions")})


class German:
    """The word lists: ``german["verbs"]["modals"]`` is a frozenset of words;
    ``german.contractions`` maps "am" to "an"."""

    def __init__(self, tables: dict[str, dict[str, frozenset[str]]], contractions: dict[str, str]):
        self.tables = MappingProxyType(tables)
        self.contractions = MappingProxyType(contractions)

    def __getitem__(self, table: str) -> MappingProxyType:
        return self.tables[table]


def _fail(path: Path, key: str, value, reason: str) -> InputError:
    return InputError(f"{path.name}: {key} = {shown(repr(value))}: {reason}")


def _check_words(path: Path, key: str, words, pairs: bool) -> list[str]:
    if not isinstance(words, list) or not words:
        raise _fail(path, key, words, "expected a non-empty list of words")
    seen: set[str] = set()
    for word in words:
        if not isinstance(word, str):
            raise _fail(path, key, word, "expected a word (a string)")
        parts = word.split("=") if pairs else [word]
        if pairs and len(parts) != 2:
            raise _fail(path, key, word, "expected 'contraction=preposition'")
        for part in parts:
            if not part or any(c.isspace() for c in part):
                raise _fail(path, key, word, "expected one word, not a phrase")
            if part != part.lower():
                raise _fail(path, key, word, "expected a lower-case word")
        if word in seen:
            raise _fail(path, key, word, "listed twice")
        seen.add(word)
    return words


def parse_german(data: dict, path: Path) -> German:
    """Check a parsed ``german.toml`` (``path`` names it in messages) and build the lists."""
    tables: dict[str, dict[str, frozenset[str]]] = {}
    contractions: dict[str, str] = {}
    for name, table in data.items():
        if name not in SCHEMA:
            raise _fail(path, f"[{name}]", name, "unknown table")
        if not isinstance(table, dict):
            raise _fail(path, f"[{name}]", table, "expected a table")
        for key, words in table.items():
            if key not in SCHEMA[name]:
                raise _fail(path, f"{name}.{key}", key, "unknown key")
            pairs = (name, key) in PAIRS
            words = _check_words(path, f"{name}.{key}", words, pairs)
            if pairs:
                contractions.update(word.split("=") for word in words)
            tables.setdefault(name, {})[key] = frozenset(words)
    for name, keys in SCHEMA.items():
        for key in sorted(keys):
            if key not in tables.get(name, {}):
                raise _fail(path, f"{name}.{key}", None, "missing")
    return German(tables, contractions)


def load_german(path: Path | None = None) -> German:
    """The word lists of ``path`` (default: the project's ``ontology/german.toml``)."""
    path = path or ontology_dir() / "german.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise InputError(f"{path.name}: cannot be read: {exc}") from exc
    return parse_german(data, path)


@functools.lru_cache(maxsize=1)
def default_german() -> German:
    return load_german()
