"""Names nobody listed: typed by the lexicon's word classes or by a trained tagger, places
named by a place noun, unknown people after a title, later surnames of a minted person."""
from __future__ import annotations

import functools
from dataclasses import replace
from pathlib import Path

from spacy.tokens import Doc

from kg.cuedata import cues_path, load_cue_data
from kg.lexicon import Lexicon
from kg.mentions.base import _capitalised, _capitalised_word, _in_headline, _minted, _name_words, Mention, NAME_PARTICLES
from kg.model import slug
from kg.nlp import capitalised, form_rows, lowers, positions_of, sentence_starts, span_text, words
from kg.resources import ontology_dir
from kg.timex import calendar_words

TAGGED_CLASS = {"PER": "Person", "LOC": "Place", "ORG": "Organization"}


def _tagged_names(doc: Doc, mentions: list[Mention], spans) -> list[Mention]:
    """The tagger's names that no rule found and that overlap no mention."""
    covered = {i for m in mentions for i in range(m.start, m.end)}
    return [_minted(doc, start, end, TAGGED_CLASS[kind]) for start, end, kind in spans
            if not covered & set(range(start, end)) and _capitalised(doc[start])]


def _lexicon_names(doc: Doc, mentions: list[Mention], lexicon: Lexicon) -> list[Mention]:
    """Names the gazetteer does not list, typed by the lexicon's word classes:
    a first name with a surname ("Frank Walter", "Hans Peter Doskozil") is a person; a town
    after "in/nach/aus" ("in Garmisch") a place; a name with a legal form ("Alpine Bau GmbH")
    or a party acronym ("SPD") an organisation."""
    covered = {i for m in mentions for i in range(m.start, m.end)}
    found: list[Mention] = []
    texts, low = words(doc), lowers(doc)
    starts = set(sentence_starts(doc))

    def free(i: int) -> bool:
        return 0 <= i < len(texts) and i not in covered

    def add(start: int, end: int, cls: str) -> None:       # a name found covers its tokens
        found.append(_minted(doc, start, end, cls))
        covered.update(range(start, end))

    caps = capitalised(doc)
    classes, known = lexicon.classes(form_rows(doc), caps)
    last = len(texts) - 1
    for i in caps:
        cls = classes[i]
        if cls is None and (i == last or classes[i + 1] != "org_suffix"):
            continue                    # a word the lexicon has no class for, and no legal form after it
        text = texts[i]
        if i in covered or not _capitalised_word(text):
            continue
        if cls == "given":
            end = i + 1
            while free(end) and end - i < 4 and end not in starts and (
                (_capitalised_word(texts[end]) and classes[end] in {"given", "surname", None}
                 and (classes[end] is not None or not known[end]))
                or classes[end] == "initial"
            ):
                end += 1
            if end - i >= 2 and classes[end - 1] != "initial":
                add(i, end, "Person")
            continue
        after_prep = i > 0 and low[i - 1] in {"in", "nach", "aus"} and i not in starts
        if cls == "place_prefix" and after_prep and free(i + 1) and _capitalised_word(texts[i + 1]):
            add(i, i + 2, "Place")          # "in Bad Ischl"
        elif cls == "place" and after_prep and not (free(i + 1) and classes[i + 1] == "org_suffix"):
            add(i, i + 1, "Place")
        elif cls == "org" and text.isupper():
            add(i, i + 1, "Organization")
        elif free(i + 1) and classes[i + 1] == "org_suffix":
            start = i
            while free(start - 1) and _capitalised_word(texts[start - 1]) and i - start < 2 \
                    and start not in starts and texts[start - 1].casefold() not in not_names():
                start -= 1
            add(start, i + 2, "Organization")
    return found


def _named_places(doc: Doc, mentions: list[Mention], cues: dict) -> list[Mention]:
    """Places the gazetteer does not know, named by a place noun: "Grenzübergang Nickelsdorf",
    "die Grenze bei Spielfeld", "in der Stadt Idlib"."""
    covered = {i for m in mentions for i in range(m.start, m.end)}
    nouns = frozenset(cues.get("place_nouns", ()))
    found = []
    low = lowers(doc)
    for i in positions_of(doc, nouns):
        if i in covered:
            continue
        token = doc[i]
        start = token.i + 1
        if start < len(doc) and low[start] in {"bei", "von"}:
            start += 1
        if start >= len(doc) or start in covered:
            continue
        end = _unknown_name(doc, start, min(len(doc), start + 3), set())
        if end is None or any(i in covered for i in range(start, end)):
            continue
        name = _name_words(doc, start, end)
        found.append(Mention(start=token.i, end=end, key="entity:" + slug(name), actor="entity:" + slug(name),
                             cls="Place", kind="name", text=span_text(doc, token.i, end), head=end - 1,
                             surface=name, label=name))
    return found


def _named_after(doc: Doc, i: int, name_starts: set[int]) -> bool:
    """Is the token at ``i`` followed by a person's name (known or shaped like one)?"""
    if i + 1 >= len(doc):
        return False
    if i + 1 in name_starts:
        return True
    return _unknown_name(doc, i + 1, len(doc), set()) is not None


def not_names() -> frozenset[str]:
    """Words that end a name nobody listed: the month and weekday names of ``time.toml`` and
    the words of ``cues.toml``'s ``syntax.not_names`` ("Anfang", articles, prepositions)."""
    return _not_names_in(ontology_dir())


@functools.lru_cache(maxsize=4)
def _not_names_in(folder: Path) -> frozenset[str]:
    return frozenset(load_cue_data(cues_path(folder))["syntax"]["not_names"]) | calendar_words()


def _unknown_name(doc: Doc, start: int, limit: int, names: set[str]) -> int | None:
    """End of a person's name (1–4 capitalised words) starting at ``start``, or None."""
    end = start
    stop = not_names()
    while end < min(limit, start + 6) and end < len(doc):
        token = doc[end]
        text = token.text
        if token.is_space and end > start and "\n" not in text:   # "Sergey  Kiselev"
            end += 1
            continue
        if token.is_sent_start and end > start:
            break
        if text.casefold() in stop and text.casefold() not in NAME_PARTICLES:
            break
        arabic = text[:3].casefold() in {"al-", "el-", "ad-", "as-", "ar-"} and len(text) > 4
        if (text[:1].isupper() or (arabic and end > start)) and any(c.islower() for c in text) \
                and all(c.isalpha() or c in "-'’." for c in text):
            end += 1
            continue
        if text in NAME_PARTICLES and end + 1 < len(doc) and doc[end + 1].text[:1].isupper() and end > start:
            end += 1
            continue
        break
    while end > start and doc[end - 1].is_space:
        end -= 1
    if end == start:
        return None
    # a single capitalised word followed by lower case is as likely a noun ("Präsident Regierung" is rare,
    # but "Sprecher Außenamt" is not): accept one word only if it is not followed by a noun-like word
    return end


def _merged_short_names(mentions: list[Mention]) -> list[Mention]:
    """A person minted under one word that is a later word of another minted person's name in the
    article ("Präsident Lula" … "Luiz Inácio Lula da Silva") is that person: its mentions take
    the longer name's key, and its title's state when the longer has none."""
    longer: dict[str, Mention] = {}
    for m in mentions:
        if m.cls == "Person" and m.label and m.key.startswith("entity:") and " " in m.label:
            for word in m.label.split()[1:]:
                if word[:1].isupper() and len(word) >= 3:
                    longer.setdefault(word, m)
    if not longer:
        return mentions
    out = []
    for m in mentions:
        ref = longer.get(m.label) if m.cls == "Person" and m.label and " " not in m.label \
            and m.key.startswith("entity:") else None
        out.append(m if ref is None else replace(m, key=ref.key, actor=ref.actor, label=ref.label,
                                                  member_of=m.member_of or ref.member_of))
    return out


def family_name(name: str) -> str:
    """The word of a person's name that stands for it alone later: the last ("Olaf Scholz" ->
    "Scholz"), or the first of an East Asian name written family name first, as German news
    writes Chinese and Korean names: the given name one hyphenated word with a lower-case second
    part ("Lai Ching-te", "Tsai Ing-wen") or two short capitalised words ("Kim Jong Un")."""
    words = name.split()
    rest = words[1:]
    hyphenated = len(rest) == 1 and "-" in rest[0] and rest[0].split("-", 1)[1][:1].islower()
    syllables = len(rest) == 2 and len(words[0]) <= 5 and all(len(w) <= 4 and w[:1].isupper() for w in rest)
    return words[0] if hyphenated or syllables else words[-1]


def _coreferent_surnames(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """ "US-Außenminister John Kerry … Kerry", "Präsident Lai Ching-te … Lai": later family
    names refer to the minted person."""
    minted = {}
    for m in mentions:
        if m.label and " " in m.label:
            minted.setdefault(family_name(m.label), m)
    if not minted:
        return mentions
    covered = {i for m in mentions for i in range(m.start, m.end)}
    extra = []
    texts = words(doc)
    # (a family name written with a capital is only looked for among the capitalised words)
    candidates = capitalised(doc) if all(name[:1].isupper() for name in minted) else range(len(texts))
    for i in [k for k in candidates if (texts[k] in minted or texts[k][:-1] in minted) and k not in covered]:
        token = doc[i]
        surname, genitive = token.text, False
        if surname not in minted and surname.endswith("s") and surname[:-1] in minted:
            surname, genitive = surname[:-1], True
        ref = minted.get(surname)
        if ref is None or (token.i < ref.end and not _in_headline(doc, token.i)):
            continue                   # a headline may name the person before the text does
        extra.append(Mention(start=token.i, end=token.i + 1, key=ref.key, actor=ref.actor, cls="Person",
                             kind="gen" if genitive else "name", text=token.text, head=token.i,
                             surface=None if genitive else token.text, label=ref.label,
                             member_of=ref.member_of, leader=ref.leader, gender=ref.gender))
    return sorted(mentions + extra, key=lambda m: m.start)
