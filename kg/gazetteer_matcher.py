"""The ``kg_gazetteer`` pipeline component: gazetteer forms marked as spans, with the guards
that keep a common word, a club or a dateline from being read as a name.

:class:`GazetteerMatcher` is a spaCy PhraseMatcher fed from ``ontology/gazetteer.toml``
(every name, its genitive, demonym adjectives and role titles); its matches go to
``doc.spans["kg_gazetteer"]``, and :func:`gazetteer_matches` gives them as plain tuples.
"""
from __future__ import annotations

import re
from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from kg.doclists import _cached_list, span_text, words
from kg.gazetteer import ADJECTIVE_ENDINGS, default_gazetteer, load_gazetteer, title_forms

SPAN_KEY = "kg_gazetteer"


APOSTROPHES = ("'", "’")


def genitives(form: str) -> list[str]:
    """The genitive forms of a name: "Russlands", "Putins"; after a sibilant an apostrophe
    ("Scholz'", "Boris' Reise", also with the typographic one), none after a non-letter."""
    if not form[-1:].isalpha():
        return []
    if form[-1:] in {"s", "x", "z", "ß"}:
        return [form + mark for mark in APOSTROPHES]
    return [form + "s"]



@Language.factory("kg_gazetteer", default_config={"gazetteer_path": None})
def make_gazetteer_matcher(nlp: Language, name: str, gazetteer_path: str | None):
    return GazetteerMatcher(nlp, name, gazetteer_path)


class GazetteerMatcher:
    """Marks gazetteer forms as spans in ``doc.spans["kg_gazetteer"]``.

    Span labels say what matched: ``name``/``gen`` (a full form, nominative or
    genitive), ``short``/``short_gen`` (needs an anchor in the article), ``adj``
    (demonym adjective) and ``title`` (role title); ``kb_id_`` holds the entity
    key or, for titles, the title word.
    """

    def __init__(self, nlp: Language, name: str, gazetteer_path: str | None):
        self.name = name
        self.vocab = nlp.vocab
        self.gazetteer_path = gazetteer_path
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._tokenizer = nlp.tokenizer
        self._labels: dict[int, tuple[str, str]] = {}     # match id -> (label, key)
        self._guarded: set[str] = set()                   # keys of places named by a common word
        self._not_after: frozenset[str] = frozenset()
        self._places: frozenset[str] = frozenset()        # keys of GeoNames places (the club guard's)
        self._clubs = None

    def initialize(self, get_examples=None, nlp=None, gazetteer=None):
        gazetteer = gazetteer or (load_gazetteer(Path(self.gazetteer_path)) if self.gazetteer_path
                                  else default_gazetteer())
        self._labels = {}
        self.matcher = PhraseMatcher(self.vocab, attr="LOWER")
        patterns: dict[tuple[str, str], set[str]] = {}

        def add(label: str, key: str, form: str) -> None:
            patterns.setdefault((label, key), set()).add(form)

        self._guarded = {entry.key for entry in gazetteer.entries.values() if entry.common_word}
        self._not_after = gazetteer.not_before_common
        self._places = frozenset(entry.key for entry in gazetteer.entries.values() if entry.geonames is not None)
        self._clubs = gazetteer.clubs
        for entry in gazetteer.entries.values():
            for label, forms in (("name", entry.forms), ("short", entry.short_forms)):
                for form in forms:
                    add(label, entry.key, form)
                    for gen in genitives(form):
                        add(label + "_gen" if label == "short" else "gen", entry.key, gen)
            for stem in entry.adjectives:
                for ending in ADJECTIVE_ENDINGS:
                    add("adj", entry.key, stem + ending)
        for form in gazetteer.blocked:
            add("blocked", "-", form)
        for word in gazetteer.titles:
            for form in title_forms(word):
                add("title", word, form)
        for (label, key), forms in sorted(patterns.items()):
            # a plain word is its own one-token Doc (the tokenizer would give the same, slower)
            docs = [Doc(self.vocab, words=[form]) if form.isalpha() else self._tokenizer(form)
                    for form in sorted(forms)]
            self.matcher.add(f"{label}|{key}", docs)

    def __call__(self, doc: Doc) -> Doc:
        labels = self._labels
        found = []
        texts = words(doc)
        for match_id, start, end in self.matcher(doc):
            if texts[end - 1] in APOSTROPHES and not (end < len(texts) and texts[end].isalpha()):
                continue           # "… an Belarus'." closes a quotation: no genitive ("Belarus' Präsident")
            label_key = labels.get(match_id)
            if label_key is None:
                label_key = labels[match_id] = tuple(self.vocab.strings[match_id].split("|", 1))
            found.append((start, end) + label_key)
        # longest match wins; ties keep names over adjectives and titles
        found.sort(key=lambda m: (m[0] - m[1], RANK.get(m[2], 9), m[0]))
        taken: set[int] = set()
        kept = []
        blocked: list[tuple[int, int]] = []     # blocked names kept ("Red Bull Salzburg")
        for match in found:
            start, end, label, key = match
            if taken.isdisjoint(range(start, end)):
                taken.update(range(start, end))
                if label == "blocked":
                    blocked.append((start, end))
                # a name written all in lower case is a word ("uns" is no genitive of "UN")
                if label != "blocked" and not (label in NAME_LABELS and span_text(doc, start, end).islower()) \
                        and (key not in self._guarded or common_word_is_name(doc, start, end, self._not_after)):
                    kept.append(match)
        if self._clubs is not None and self._places:
            kept = without_clubs(doc, found, kept, blocked, self._places, self._clubs)
        kept.sort()
        doc.spans[SPAN_KEY] = [Span(doc, start, end, label=label, kb_id=key) for start, end, label, key in kept]
        doc.user_data[SPAN_KEY] = (kept, len(doc))
        return doc


SCORE = re.compile(r"(?<![\d.:])\d{1,2}:\d{1,2}(?![\d:])")     # "3:2", "2:0-Sieg", "(0:1)"; not "16:30:00"


def without_clubs(doc: Doc, found: list, kept: list, blocked: list, places: frozenset[str], guard) -> list:
    """``kept`` without the GeoNames places (``places``) that name a sports club or a state
    (:func:`club_or_state`); and, one sense per article, without the other mentions of a town
    the article once names as a club ("VfL Wolfsburg" … "Wolfsburg verlor"; a blocked club
    name such as "Red Bull Salzburg" counts), but the dateline's ("Salzburg – ")."""
    clubs: set[str] = set()
    if blocked:
        for start, end, label, key in found:
            if key in places and any(b <= start and end <= e for b, e in blocked):
                clubs.add(key)
    out = []
    for match in kept:
        start, end, label, key = match
        why = club_or_state(doc, start, end, guard) if key in places and label in NAME_LABELS else None
        if why == "club":
            clubs.add(key)
        elif why is None:
            out.append(match)
    if not clubs:
        return out
    return [m for m in out if m[3] not in clubs or _in_dateline(doc, m[0])]


DASHES = frozenset({"–", "-", "—"})


def _in_dateline(doc: Doc, i: int) -> bool:
    """Is token ``i`` in a dateline ("Graz/Salzburg – Sturm …", after the title as well): from a
    sentence's start, capitalised words and slashes up to a dash?"""
    j = i
    while not doc[j].is_sent_start:
        j -= 1
        if i - j > 6 or not (doc[j].text[:1].isupper() or doc[j].text == "/"):
            return False
    for k in range(i + 1, min(len(doc), i + 7)):
        if doc[k].text in DASHES:
            return True
        if not (doc[k].text[:1].isupper() or doc[k].text == "/"):
            return False
    return False


def club_or_state(doc: Doc, start: int, end: int, guard) -> str | None:
    """Why the town's name at ``start:end`` names no town, or None: "club" after a club word
    ("FC Ingolstadt", "Red Bull Salzburg"), before a club number or team name ("Hannover 96",
    "Dallas Mavericks"), in a squad list ("Klein (Stuttgart, 2/0)"), after a league word
    ("Tabellenführer Salzburg"), after a match and "gegen" ("Sieg gegen Salzburg"), near a
    score ("gegen Dallas 3:2"); "state" after "Land", "Bundesland" ("Land Salzburg")."""
    prev = [doc[i].lower_ for i in range(max(0, start - 2), start)]
    if prev and prev[-1] in guard.states:
        return "state"
    if any(tuple(prev[-n:]) in guard.before for n in (1, 2) if len(prev) >= n):
        return "club"
    if prev and prev[-1] in guard.titles:
        return "club"
    if end < len(doc):
        nxt = doc[end]
        if (nxt.text.isdigit() and len(nxt.text) <= 2) or nxt.lower_ in guard.after:
            return "club"
        if prev and prev[-1] == "(" and nxt.text == "," and end + 1 < len(doc) and doc[end + 1].text[:1].isdigit():
            return "club"       # a squad list: "Florian Klein (Stuttgart, 2/0)"
    if prev and prev[-1] == "gegen" and any(doc[i].lower_ in guard.results for i in range(max(0, start - 5), start - 1)):
        return "club"
    if guard.score_window:
        sent = doc[start].sent
        lo, hi = max(sent.start, start - guard.score_window), min(sent.end, end + guard.score_window)
        for i in range(lo, hi):
            if (i < start or i >= end) and SCORE.search(doc[i].text) \
                    and not (i + 1 < len(doc) and doc[i + 1].lower_ == "uhr"):
                return "club"
    return None


def common_word_is_name(doc: Doc, start: int, end: int, not_after: frozenset[str]) -> bool:
    """Does the place name at ``start:end``, which is also a German word ("Essen", "Halle"),
    stand where that word cannot: not at a sentence's start, not after an article, determiner
    or quantifier (``not_after``), not after an inflected adjective ("gutes Essen": a lower-case
    word in -e/-en/-em/-er/-es whose lemma is not a verb's), not before another capitalised
    word ("Nancy Faeser")?"""
    if start == 0 or doc[start].is_sent_start:
        return False
    prev = doc[start - 1]
    if prev.lower_ in not_after or prev.like_num:
        return False        # "nach drei Siegen", "bei 13 Siegen": a plural noun
    text, lemma = prev.text, prev.lemma_
    if text.islower() and (text.endswith(("em", "es")) or (text.endswith(("e", "en", "er")) and lemma
                                                           and lemma != text and not lemma.endswith("n"))):
        return False        # no finite verb ends in -em or -es; an inflected verb's lemma ends in -n
    if end < len(doc):
        nxt = doc[end]
        if nxt.text[:1].isupper() and nxt.is_alpha and not nxt.is_sent_start:
            return False
    return True


RANK = {"blocked": -1, "name": 0, "gen": 1, "title": 2, "short": 3, "short_gen": 4, "adj": 5}
NAME_LABELS = frozenset({"name", "gen", "short", "short_gen"})


def gazetteer_matches(doc: Doc) -> list[tuple[int, int, str, str]]:
    """The gazetteer's spans (``doc.spans["kg_gazetteer"]``) as (start, end, label, key), in
    text order; as the matcher left them, without making Span objects again."""
    return _cached_list(doc, SPAN_KEY, lambda d: [(s.start, s.end, s.label_, s.kb_id_) for s in d.spans[SPAN_KEY]])
