"""The gazetteer: known actors and places, their German forms and role titles.

Read from ``ontology/gazetteer.toml`` (data, not code).  This module only loads
and checks it; ``kg.nlp`` turns it into spaCy patterns and ``kg.rdf`` into the
gazetteer graph.  No spaCy import here.
"""
from __future__ import annotations

import functools
import hashlib
import json
import os
import tempfile
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import InputError
from kg.resources import cache_folder, ontology_dir

TOML_CACHE_FORMAT = b"toml-json-1\0"      # change it when what the cache holds changes
TOML_CACHE_MIN_BYTES = 16_000               # smaller files parse in milliseconds: not cached

CLASSES = {"Person", "State", "Organization", "Group", "Place"}
ADJECTIVE_ENDINGS = ("", "e", "en", "er", "es", "em")


@dataclass(frozen=True)
class Role:
    role: str              # e.g. "head_of_state"
    of: str                # entity key of the state or organisation
    start: str | None = None   # ISO date, inclusive
    end: str | None = None     # ISO date, exclusive

    def holds_on(self, date: str) -> bool:
        """Does the role cover ``date`` ("YYYY", "YYYY-MM" or "YYYY-MM-DD")?"""
        # compare on the precision the date has: a month overlaps a role that
        # starts or ends inside it
        n = len(date)
        return (self.start is None or self.start[:n] <= date) and (
            self.end is None or date < self.end[:n] or (self.end[:n] == date and n < 10)
        )


@dataclass(frozen=True)
class ClubGuard:
    """gazetteer.toml's ``[clubs]``: where a town's name (a GeoNames place) names a sports club
    or the state of that name, so it is no mention of the town.  Words are lower case; a
    multi-word entry of ``before`` is a tuple of words."""
    before: frozenset[tuple[str, ...]]      # "FC", "Red Bull", "Werder": "FC Ingolstadt", "Red Bull Salzburg"
    after: frozenset[str]                   # team names and suffixes: "Mavericks", "United"
    titles: frozenset[str]                  # league words just before: "Tabellenführer Salzburg"
    results: frozenset[str]                 # a match before "gegen": "Sieg gegen Salzburg"
    states: frozenset[str]                  # "Land Salzburg", "Bundesland Salzburg": the state
    score_window: int                       # a score ("3:2") this many tokens either side: a result


CLUB_LISTS = ("before", "after", "titles", "results", "states")


def _club_guard(path: Path, raw: object) -> ClubGuard | None:
    """[clubs] checked: one line naming the file and the bad value."""
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise InputError(f"{path}: [clubs] must be a table")
    unknown = set(raw) - {*CLUB_LISTS, "score_window"}
    if unknown:
        raise InputError(f"{path}: [clubs]: unknown field {sorted(unknown)[0]!r}")
    lists = {}
    for name in CLUB_LISTS:
        words = raw.get(name, [])
        if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
            raise InputError(f"{path}: [clubs] {name} must be a list of non-empty strings, not {words!r}")
        if name != "before" and any(" " in w.strip() for w in words):
            raise InputError(f"{path}: [clubs] {name}: one word each, not {next(w for w in words if ' ' in w.strip())!r}")
        lists[name] = [w.strip().casefold() for w in words]
    window = raw.get("score_window", 0)
    if not isinstance(window, int) or isinstance(window, bool) or not 0 <= window <= 20:
        raise InputError(f"{path}: [clubs] score_window must be an integer from 0 to 20, not {window!r}")
    return ClubGuard(before=frozenset(tuple(w.split()) for w in lists["before"]), after=frozenset(lists["after"]),
                     titles=frozenset(lists["titles"]), results=frozenset(lists["results"]),
                     states=frozenset(lists["states"]), score_window=window)


@dataclass(frozen=True)
class Entry:
    key: str
    label: str
    cls: str
    forms: tuple[str, ...] = ()
    short_forms: tuple[str, ...] = ()   # only trusted with a full form in the same article
    adjectives: tuple[str, ...] = ()    # demonym stems, e.g. "russisch"
    prefixes: tuple[str, ...] = ()      # compound prefixes, e.g. "UN" in "UN-Sanktionen"
    metonym_for: str | None = None      # a capital standing for its government
    wikidata: str | None = None
    roles: tuple[Role, ...] = ()
    member_of: tuple[str, ...] = ()
    gender: str | None = None           # "m" / "f" for pronoun resolution
    geonames: int | None = None         # GeoNames id of a place (places.toml)
    country: str | None = None          # entity key of the state a place lies in
    population: int | None = None
    common_word: bool = False           # the name is also a German word: taken only where a word cannot stand
    region: bool = False                # a place no state holds: a continent or region ("Europa", "Nahost")


@dataclass(frozen=True)
class Title:
    """A role title such as "Kremlchef" (implies the state) or "Präsident"."""

    word: str
    role: str
    of: str | None = None


@dataclass(frozen=True)
class Gazetteer:
    entries: dict[str, Entry]
    titles: dict[str, Title]
    source: str = ""
    blocked: tuple[str, ...] = ()
    title_heads: tuple[tuple[str, str], ...] = ()   # (lower-case compound head, role), longest first
    not_before_common: frozenset[str] = frozenset()   # words after which a common-word place is a noun
    clubs: ClubGuard | None = None      # when a GeoNames place's name is a club's or a state's ([clubs])
    _by_label: dict[str, str] = field(default_factory=dict, compare=False, repr=False)
    _capitals: dict[str, tuple[str, ...]] | None = field(default=None, compare=False, repr=False)

    def __getitem__(self, key: str) -> Entry:
        return self.entries[key]

    def __contains__(self, key: str) -> bool:
        return key in self.entries

    def holders(self, role: str, of: str, date: str | None) -> list[str]:
        """Keys of the people holding ``role`` of ``of`` on ``date`` (any time if None)."""
        found = []
        for entry in self.entries.values():
            for held in entry.roles:
                if held.role == role and held.of == of and (date is None or held.holds_on(date)):
                    found.append(entry.key)
                    break
        return found

    def capitals(self) -> dict[str, tuple[str, ...]]:
        """State key -> the places standing for its government (metonyms of class Place)."""
        if self._capitals is None:
            found: dict[str, list[str]] = {}
            for entry in self.entries.values():
                if entry.cls == "Place" and entry.metonym_for:
                    found.setdefault(entry.metonym_for, []).append(entry.key)
            object.__setattr__(self, "_capitals", {k: tuple(v) for k, v in found.items()})
        return self._capitals

    def lookup(self, name: str) -> str | None:
        """The key whose label or form is ``name`` (case-insensitive), if any."""
        return self._by_label.get(name.casefold())


def title_forms(word: str) -> set[str]:
    """Inflected forms of a role title: Präsident -> Präsidenten, Außenministers …"""
    forms = {word, word + "s", word + "es"}
    if word.endswith("in"):
        forms.add(word + "nen")
    elif word.endswith("e"):
        forms.add(word + "n")
    else:
        forms |= {word + "en", word + "n"}
    return forms


def _tuple(value) -> tuple:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(value)


def _read_toml(path: Path) -> dict:
    """The file's TOML as plain data.  Parsing is the costly part of a build's start-up
    (places.toml alone is 13,000 lines: a fifth of a second in tomllib), so the data is also
    kept as JSON (read in milliseconds) in the user's cache folder, named by a hash of the
    file's bytes (files of 16 kB or more); the loader checks the data as before, and a cache
    that cannot be read or written is ignored."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: gazetteer not found") from None
    folder = cache_folder() if len(raw) >= TOML_CACHE_MIN_BYTES else None
    target = None
    if folder is not None:
        target = folder / f"toml-{hashlib.sha256(TOML_CACHE_FORMAT + raw).hexdigest()[:20]}.json"
        try:
            data = json.loads(target.read_bytes())
            if isinstance(data, dict):
                return data
        except (OSError, ValueError):
            pass
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: not valid TOML ({exc})") from None
    if target is not None:
        try:
            text = json.dumps(data, ensure_ascii=False)     # TypeError: a TOML date, which JSON has not
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".toml-")
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(text)
            os.replace(tmp, target)
        except (OSError, TypeError, ValueError):
            pass
    return data


def load_gazetteer(path: Path | None = None) -> Gazetteer:
    """Read and check ``gazetteer.toml`` and the files it includes; a mistake is one line
    naming the file and the entity or title."""
    path = path or ontology_dir() / "gazetteer.toml"
    data = _read_toml(path)
    raw_entities, raw_titles = _raw_entries(path, data)
    entries, sources = _entries(raw_entities)
    _check_references(entries, sources)
    titles = {}
    for word, spec in raw_titles.items():
        if spec.get("of") is not None and spec["of"] not in entries:
            raise InputError(f"{path}: title {word!r}: unknown entity {spec['of']!r}")
        titles[word] = Title(word=word, role=spec["role"], of=spec.get("of"))
    by_label: dict[str, str] = {}
    for entry in entries.values():
        for name in (entry.label, *entry.forms):
            by_label.setdefault(name.casefold(), entry.key)
    heads = {}
    for head, role in data.get("title_heads", {}).items():
        for form in title_forms(head.casefold()):
            heads.setdefault(form, role)
    guard = frozenset(word.casefold() for word in data.get("common_words", {}).get("not_after", []))
    return Gazetteer(entries=entries, titles=titles, source=str(path), blocked=tuple(data.get("blocked", [])),
                     title_heads=tuple(sorted(heads.items(), key=lambda kv: -len(kv[0]))), _by_label=by_label,
                     not_before_common=guard, clubs=_club_guard(path, data.get("clubs")))


def _raw_entries(path: Path, data: dict) -> tuple[list[tuple[Path, dict]], dict[str, dict]]:
    """The entity tables with the file each comes from, and the titles, of ``path`` and the
    files it includes (e.g. the generated countries.toml)."""
    raw_entities = [(path, raw) for raw in data.get("entity", [])]
    raw_titles = dict(data.get("titles", {}))
    for name in data.get("include", []):
        included = _read_toml(path.parent / name)
        raw_entities += [(path.parent / name, raw) for raw in included.get("entity", [])]
        for word, spec in included.get("titles", {}).items():
            if word in raw_titles:
                raise InputError(f"{path.parent / name}: title {word!r} is defined twice")
            raw_titles[word] = spec
    return raw_entities, raw_titles


def _entries(raw_entities: list[tuple[Path, dict]]) -> tuple[dict[str, Entry], dict[str, Path]]:
    """Each entity table as an :class:`Entry` by key, and the file each key comes from."""
    entries: dict[str, Entry] = {}
    sources: dict[str, Path] = {}
    for source, raw in raw_entities:
        key = raw["key"]
        if key in entries:
            raise InputError(f"{source}: entity key {key!r} is defined twice")
        if raw["class"] not in CLASSES:
            raise InputError(f"{source}: {key}: unknown class {raw['class']!r}")
        _check_place(source, key, raw)
        sources[key] = source
        roles = tuple(
            Role(role=r["role"], of=r["of"], start=r.get("from"), end=r.get("to"))
            for r in raw.get("roles", [])
        )
        entries[key] = Entry(
            key=key, label=raw["label"], cls=raw["class"], forms=with_variants(_tuple(raw.get("forms"))),
            short_forms=_tuple(raw.get("short_forms")), adjectives=_tuple(raw.get("adjectives")),
            prefixes=_tuple(raw.get("prefixes")), metonym_for=raw.get("metonym_for"), wikidata=raw.get("wikidata"),
            roles=roles, member_of=_tuple(raw.get("member_of")), gender=raw.get("gender"),
            geonames=raw.get("geonames"), country=raw.get("country"), population=raw.get("population"),
            common_word=raw.get("common_word", False), region=raw.get("region", False),
        )
    return entries, sources


#: the spellings of a Slavic surname's ending in German news: Selenskyj, Selenski, Selensky, Selenskij
SLAVIC_ENDINGS = ("skyj", "skij", "skiy", "skyy", "sky", "ski")


def with_variants(forms: tuple[str, ...]) -> tuple[str, ...]:
    """``forms`` and their spelling variants: every transliteration of a Slavic surname's ending
    ("Selenskyj" -> "Selenski", "Selensky", …) and "ss" for "ß" ("Strauß" -> "Strauss")."""
    out = list(forms)
    for form in forms:
        variants = [form.replace("ß", "ss")] if "ß" in form else []
        ending = next((e for e in SLAVIC_ENDINGS if form.endswith(e)), None)
        if ending is not None:
            variants += [form[: len(form) - len(ending)] + other for other in SLAVIC_ENDINGS]
        out += [v for v in variants if v not in out]
    return tuple(out)


def _check_references(entries: dict[str, Entry], sources: dict[str, Path]) -> None:
    """Every key an entity names (metonym, country, membership, role) is an entity; a
    country is a state or place."""
    for entry in entries.values():
        for ref in [entry.metonym_for, entry.country, *entry.member_of, *(r.of for r in entry.roles)]:
            if ref is not None and ref not in entries:
                raise InputError(f"{sources[entry.key]}: {entry.key}: refers to unknown entity {ref!r}")
        if entry.country is not None and entries[entry.country].cls not in {"State", "Place"}:
            raise InputError(f"{sources[entry.key]}: {entry.key}: country {entry.country!r} is not a state")


# the fields of a place from GeoNames (places.toml) and the type each must have
PLACE_FIELDS = {"geonames": int, "population": int, "country": str, "common_word": bool, "region": bool}


def _check_place(source: Path, key: str, raw: dict) -> None:
    """One line naming the file, the key and the value for a malformed place field."""
    for name, kind in PLACE_FIELDS.items():
        if name not in raw:
            continue
        value = raw[name]
        if not isinstance(value, kind) or (kind is int and (isinstance(value, bool) or value < 0)):
            raise InputError(f"{source}: {key}: {name} must be a {'non-negative integer' if kind is int else kind.__name__}, "
                             f"not {value!r}")
        if name != "common_word" and raw["class"] != "Place":
            raise InputError(f"{source}: {key}: {name} {value!r} on a {raw['class']}, not a Place")


@functools.lru_cache(maxsize=4)
def default_gazetteer() -> Gazetteer:
    return load_gazetteer()
