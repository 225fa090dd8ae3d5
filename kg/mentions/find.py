"""``find_mentions``: the gazetteer's matches, compounds and role titles resolved, then the names
nobody listed, coreferent surnames and pronouns, in text order."""
from __future__ import annotations

from spacy.tokens import Doc

from kg.gazetteer import Gazetteer
from kg.lexicon import Lexicon
from kg.mentions.bare import bare_names
from kg.mentions.groups import plural_titles
from kg.mentions.base import _prefix_index, _title_index, Mention
from kg.mentions.names import _coreferent_surnames, _lexicon_names, _merged_short_names, _named_after, _named_places, _tagged_names
from kg.mentions.pronouns import _with_pronouns
from kg.mentions.roles import _head_role, _head_title, _resolve, _role_answers, governed_genitives
from kg.nlp import capitalised, gazetteer_matches, hyphenated, words


# The passes read every token of the Doc through plain lists of its texts
# (kg.nlp.words/lowers) and make a Token object only where a rule looks closer:
# spaCy makes a new Token object for every doc[i], which costs more than the test.


def find_mentions(doc: Doc, gazetteer: Gazetteer, date: str | None, cues: dict,
                  lexicon: Lexicon | None = None, tagger=None,
                  relation_ranges: list[tuple[int, int]] = (),
                  reading_ranges: list[tuple[int, int]] | None = None) -> list[Mention]:
    """All mentions of the Doc, in text order, with keys resolved; in ``relation_ranges`` (the
    sentences that hold a relation word) also names that no word list knows (:mod:`kg.mentions.bare`).
    Pronouns and descriptions that refer back are looked for in ``reading_ranges`` only, if given
    (the sentences the caller reads arguments in; every name counts wherever it stands)."""
    spans = gazetteer_matches(doc)                        # (start, end, label, key)
    anchors = {key for _, _, label, key in spans if label in {"name", "gen"}}
    titles = _title_index(gazetteer)
    defs = dict(gazetteer.titles)     # and the compound titles this article uses
    prefixes = _prefix_index(gazetteer)
    covered = {i for start, end, _, _ in spans for i in range(start, end)}
    name_starts = {start for start, _, label, _ in spans if label in {"name", "gen", "short", "short_gen"}}

    # hyphen compounds the matcher does not cover: "US-Präsident", "UN-Sanktionen"
    extra = []
    texts = words(doc)
    for i in [k for k in hyphenated(doc) if k not in covered]:
        head, tail = texts[i].split("-", 1)
        key = prefixes.get(head.casefold())
        if key is None:
            continue
        title = titles.get(tail.casefold())
        if title is None and _head_role(gazetteer, tail) and _named_after(doc, i, name_starts):
            title = _head_title(gazetteer, tail, defs)     # "EU-Handelskommissarin Cecilia Malmström"
        extra.append((i, i + 1, "prefix_title" if title else "prefix", key, title))
    seen_roles = _role_answers(gazetteer)
    for i in capitalised(doc):                  # "Palästinenserpräsident Abbas", "Justizministerin Karin Maier"
        text = texts[i]
        if seen_roles.get(text, True) is None or not text.isalpha() or i in covered:
            continue                            # (a word known to be no role title is passed at once)
        if _head_role(gazetteer, text) and _named_after(doc, i, name_starts):
            extra.append((i, i + 1, "title", _head_title(gazetteer, text, defs), None))
    items = [(start, end, label, key, None) for start, end, label, key in spans] + extra
    items.sort()
    # two passes: the first learns who the article names with which title, so that a bare title
    # before the name ("Bundespräsident traf Merkel" … "Bundespräsident Heinz Fischer") resolves
    mentions, named = _resolve(doc, items, gazetteer, defs, date, cues, anchors, [])
    if named:                 # (no title named anyone: the second pass would give the first's mentions)
        mentions, _ = _resolve(doc, items, gazetteer, defs, date, cues, anchors, named)
    mentions = sorted(mentions + _named_places(doc, mentions, cues), key=lambda m: m.start)
    if lexicon is not None:
        mentions = sorted(mentions + _lexicon_names(doc, mentions, lexicon), key=lambda m: m.start)
    mentions = _coreferent_surnames(doc, mentions)
    if tagger is not None and lexicon is not None:     # a trained name model (kg/ner.py): what is left
        mentions = sorted(mentions + _tagged_names(doc, mentions, tagger.names(doc, gazetteer, lexicon, mentions)),
                          key=lambda m: m.start)
    if lexicon is not None and relation_ranges:        # then names no word list knows, where relations are
        mentions = sorted(mentions + bare_names(doc, mentions, list(relation_ranges), lexicon,
                                                frozenset(cues.get("determiners", ())), gazetteer),
                          key=lambda m: m.start)
    mentions = governed_genitives(doc, _merged_short_names(mentions), cues, gazetteer)
    return plural_titles(doc, _with_pronouns(doc, mentions, gazetteer, cues, reading_ranges), gazetteer, cues)
