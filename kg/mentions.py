"""Entity mentions in a Doc: gazetteer matches turned into resolved mentions.

What this resolves, all from data in ``ontology/gazetteer.toml``:
  * names and their genitives ("Nordkoreas"), compounds with an entity prefix
    ("UN-Sanktionen", "US-Präsident");
  * role titles by the article's date: "Der russische Präsident", "Russlands
    Präsident", "Kremlchef" -> the holder on that date.  Without a date line a
    role resolves only to a holder the article names; a bare title ("der
    Machthaber") refers back to the last person named with that role;
  * short forms ("Kim") only where the article anchors them with a full form;
  * capitals and seats as metonyms: ``Mention.actor`` is the government
    ("Pjöngjang" -> north_korea), ``Mention.key`` the place itself;
  * "er"/"ihm"/"ihn" -> the last male person mentioned (same or previous two sentences).
"""
from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc

from kg.cuedata import cues_path, load_cue_data
from kg.gazetteer import Gazetteer, Title
from kg.lexicon import Lexicon
from kg.model import slug
from kg.nlp import capitalised, gazetteer_matches, lowers, orths, sentence_starts, span_text, title_forms, words
from kg.resources import ontology_dir
from kg.timex import calendar_words

ACTOR_CLASSES = {"Person", "State", "Organization", "Group"}
LEADER_ROLES = {"head_of_state", "head_of_government"}
NAME_PARTICLES = {"de", "van", "von", "der", "al", "bin", "da", "di", "del", "la", "le"}


@dataclass(frozen=True)
class Mention:
    start: int            # token index in the Doc
    end: int              # exclusive
    key: str              # the entity named (a place stays a place)
    actor: str            # the entity acting (a capital -> its government)
    cls: str
    kind: str             # name | gen | role | pronoun | adj | prefix | government
    text: str
    head: int             # token index of the mention's head (its last token)
    surface: str | None = None   # a name form worth keeping as skos:altLabel
    label: str | None = None     # canonical name of an entity the gazetteer does not know
    member_of: str | None = None # the state or organisation its title names
    leader: bool = False         # the title makes it the state's leader
    gender: str | None = None

    @property
    def genitive(self) -> bool:
        return self.kind == "gen"

    @property
    def is_actor(self) -> bool:
        return self.kind not in {"adj", "prefix"} and (
            self.cls in ACTOR_CLASSES or self.actor != self.key
        )


def _cached(gazetteer: Gazetteer, name: str, make):
    """An index derived from the gazetteer, made once per gazetteer object."""
    attr = f"_kg_{name}"
    value = gazetteer.__dict__.get(attr)
    if value is None:
        value = make(gazetteer)
        object.__setattr__(gazetteer, attr, value)
    return value


def _short_owners(gazetteer: Gazetteer, text: str) -> list[str]:
    """The entities, in gazetteer order, one of whose short forms the text is ("Kims" -> Kim)."""
    def make(g: Gazetteer) -> dict[str, list[str]]:
        index: dict[str, list[str]] = {}
        for e in g.entries.values():
            for form in dict.fromkeys(f.casefold() for f in e.short_forms):
                index.setdefault(form, []).append(e.key)
        return index
    return list(_cached(gazetteer, "short_forms", make).get(text.rstrip("s").casefold(), ()))


def _title_index(gazetteer: Gazetteer) -> dict[str, str]:
    def make(g: Gazetteer) -> dict[str, str]:
        return {form.casefold(): word for word in g.titles for form in title_forms(word)}
    return _cached(gazetteer, "titles", make)


def _prefix_index(gazetteer: Gazetteer) -> dict[str, str]:
    return _cached(gazetteer, "prefixes",
                   lambda g: {p.casefold(): e.key for e in g.entries.values() for p in e.prefixes})


# The passes below read every token of the Doc through plain lists of its texts
# (kg.nlp.words/lowers) and make a Token object only where a rule looks closer:
# spaCy makes a new Token object for every doc[i], which costs more than the test.


def find_mentions(doc: Doc, gazetteer: Gazetteer, date: str | None, cues: dict,
                  lexicon: Lexicon | None = None, tagger=None) -> list[Mention]:
    """All mentions of the Doc, in text order, with keys resolved."""
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
    for i, text in enumerate(texts):
        if "-" not in text or i in covered:
            continue
        head, tail = text.split("-", 1)
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
    _, named = _resolve(doc, items, gazetteer, defs, date, cues, anchors, [])
    mentions, _ = _resolve(doc, items, gazetteer, defs, date, cues, anchors, named)
    mentions = sorted(mentions + _named_places(doc, mentions, cues), key=lambda m: m.start)
    if lexicon is not None:
        mentions = sorted(mentions + _lexicon_names(doc, mentions, lexicon), key=lambda m: m.start)
    mentions = _coreferent_surnames(doc, mentions)
    if tagger is not None and lexicon is not None:     # a trained name model (kg/ner.py): what is left
        mentions = sorted(mentions + _tagged_names(doc, mentions, tagger.names(doc, gazetteer, lexicon, mentions)),
                          key=lambda m: m.start)
    return _with_pronouns(doc, mentions, gazetteer, cues)


TAGGED_CLASS = {"PER": "Person", "LOC": "Place", "ORG": "Organization"}


def _tagged_names(doc: Doc, mentions: list[Mention], spans) -> list[Mention]:
    """The tagger's names that no rule found and that overlap no mention."""
    covered = {i for m in mentions for i in range(m.start, m.end)}
    return [_minted(doc, start, end, TAGGED_CLASS[kind]) for start, end, kind in spans
            if not covered & set(range(start, end)) and _capitalised(doc[start])]


def _name_words(doc: Doc, start: int, end: int) -> str:
    """The words of ``doc[start:end]`` but for spaces, one space between each."""
    return " ".join(w for w in words(doc)[start:end] if not w.isspace())


def _minted(doc: Doc, start: int, end: int, cls: str) -> Mention:
    name = _name_words(doc, start, end)
    key = "entity:" + slug(name)
    return Mention(start=start, end=end, key=key, actor=key, cls=cls, kind="name", text=span_text(doc, start, end),
                   head=end - 1, surface=name, label=name)


def _capitalised(token) -> bool:
    return _capitalised_word(token.text)


def _capitalised_word(text: str) -> bool:
    return text[:1].isupper() and (text.isalpha() or "-" in text) and not text.isspace()


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
    classes, known = lexicon.classes(orths(doc), caps)
    for i in caps:
        text = texts[i]
        if i in covered or not _capitalised_word(text):
            continue
        cls = classes[i]
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
    nouns = set(cues.get("place_nouns", ()))
    found = []
    low = lowers(doc)
    for i, word in enumerate(low):
        if word not in nouns or i in covered:
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


def _role_answers(gazetteer: Gazetteer) -> dict[str, str | None]:
    """The answers :func:`_head_role` has given so far, word -> role or None."""
    return _cached(gazetteer, "heads", _role_index)[2]


def _role_index(g: Gazetteer):
    return dict(g.title_heads), sorted({len(h) for h, _ in g.title_heads}, reverse=True), {}


def _head_role(gazetteer: Gazetteer, word: str) -> str | None:
    """The role of a compound whose head is a role noun: "Handelskommissarin" -> commissioner.
    Worked out once per word (the answers kept per gazetteer, at most ``ROLE_CACHE`` words)."""
    heads, lengths, seen = _cached(gazetteer, "heads", _role_index)
    if word in seen:
        return seen[word]
    if len(seen) >= ROLE_CACHE:
        seen.clear()
    low = word.casefold()
    role = None
    for n in lengths:                      # the longest head that ends the word
        role = heads.get(low[-n:]) if len(low) >= n else None
        if role is not None:
            break
    seen[word] = role
    return role


ROLE_CACHE = 200_000


def _head_title(gazetteer: Gazetteer, word: str, defs: dict[str, Title]) -> str | None:
    """A compound whose head is a role noun is a title: "Handelskommissarin", "Parlamentspräsident"."""
    role = _head_role(gazetteer, word)
    if role is None:
        return None
    defs.setdefault(word, Title(word=word, role=role))
    return word


def _resolve(doc, items, gazetteer, titles, date, cues, anchors, named) -> tuple[list[Mention], list]:
    names_in_article = set(anchors)
    mentions: list[Mention] = []
    role_history = _History()                   # (title word, person key) in text order
    later = _History(named)                     # the same, for the whole article (second pass)
    i = 0
    while i < len(items):
        start, end, label, key, title = items[i]
        nxt = items[i + 1] if i + 1 < len(items) else None
        if label in {"adj", "gen", "name"} and nxt and nxt[0] == end and nxt[2] == "title" \
                and gazetteer[key].cls in {"State", "Organization"}:
            # "Der russische Präsident", "Russlands Präsident" (+ name)
            mention, used = _role(doc, items, i + 1, start, key, gazetteer, titles, date,
                                  names_in_article, role_history, later=later)
            if mention:
                mentions.append(mention)
                i = used
                continue
        if label in {"title", "prefix_title"}:
            state = key if label == "prefix_title" else None
            word = title if label == "prefix_title" else key
            mention, used = _role(doc, items, i, start, state, gazetteer, titles, date,
                                  names_in_article, role_history, word=word, later=later)
            if mention:
                mentions.append(mention)
            i = used
            continue
        if label in {"short", "short_gen"}:
            candidates = _short_owners(gazetteer, span_text(doc, start, end))
            resolved = [c for c in candidates if c in names_in_article]
            if len(resolved) != 1:
                i += 1
                continue
            key = resolved[0]
            label = "gen" if label == "short_gen" else "name"
        entry = gazetteer[key]
        if label == "adj":
            nxt_token = doc[end] if end < len(doc) else None
            capital = _capital(gazetteer, key)
            if capital and nxt_token is not None and nxt_token.lower_ in cues.get("capital_nouns", ()) \
                    and not (nxt and nxt[0] == end + 1 and nxt[3] == capital):
                # "in der polnischen Hauptstadt" is Warschau ("… Hauptstadt Warschau" names it itself)
                mentions.append(_mention(doc, start, end + 1, capital, key, "Place", "name", gazetteer))
            elif nxt_token is not None and nxt_token.lower_ in cues["government_nouns"]:
                mentions.append(_mention(doc, start, end + 1, key, key, entry.cls, "government", gazetteer))
            else:
                mentions.append(_mention(doc, start, end, key, key, entry.cls, "adj", gazetteer))
        elif label == "prefix":
            tail = doc[start].text.split("-", 1)[1].casefold()
            kind = "government" if tail in cues.get("member_nouns", ()) else "prefix"   # "EU-Staaten" act
            mentions.append(_mention(doc, start, end, key, key, entry.cls, kind, gazetteer))
        else:
            actor = entry.metonym_for or key
            surface = span_text(doc, start, end) if label == "name" else None
            mentions.append(_mention(doc, start, end, key, actor, entry.cls, label, gazetteer, surface))
        i += 1
    return mentions, role_history


def _capital(gazetteer: Gazetteer, state: str) -> str | None:
    """The one place the gazetteer gives as the seat of ``state``'s government."""
    places = gazetteer.capitals().get(state, ())
    return places[0] if len(places) == 1 else None


def _mention(doc, start, end, key, actor, cls, kind, gazetteer, surface=None) -> Mention:
    return Mention(start=start, end=end, key=key, actor=actor, cls=cls, kind=kind,
                   text=span_text(doc, start, end), head=end - 1, surface=surface)


class _History(list):
    """(title word, person key) pairs in text order, indexed by title word as they come: the
    last pair and all the keys of each word.  :func:`_bare_title_person` asks about words, and
    an article has few distinct title words but may have thousands of titles."""

    def __init__(self, pairs=()):
        super().__init__()
        self.last: dict[str, tuple[int, str]] = {}      # title word -> (position, key) of its last pair
        self.keys: dict[str, set[str]] = {}             # title word -> every key named with it
        for pair in pairs:
            self.append(pair)

    def append(self, pair: tuple[str, str]) -> None:
        seen, key = pair
        self.last[seen] = (len(self), key)
        self.keys.setdefault(seen, set()).add(key)
        super().append(pair)


def _bare_title_person(word: str, role: str, titles: dict[str, Title], history: _History,
                       later: _History) -> str | None:
    """Who a title without a name or state means, from the article itself: the last person named
    with the same title word, then with the same role, then with a title ending in it ("der
    Minister" after "Außenminister Kerry"); failing that, the one person the whole article names
    with that title ("Bundespräsident traf …" before "Bundespräsident Heinz Fischer").  Several
    candidates and none named: unresolved, not guessed."""
    low = word.casefold()

    def tests(seen: str) -> tuple[bool, bool, bool]:
        return (seen == word, titles[seen].role == role, seen.casefold().endswith(low))

    for n in range(3):
        found = [position_key for seen, position_key in history.last.items() if tests(seen)[n]]
        if found:
            return max(found)[1]              # the last pair whose word passes
    for n in range(3):
        found = {key for seen, keys in later.keys.items() if tests(seen)[n] for key in keys}
        if len(found) == 1:
            return found.pop()
        if found:
            return None
    return None


def _role(doc, items, t, start, state, gazetteer, titles, date, names, history, word=None, later=None):
    """Resolve the role title at items[t]; return (mention or None, next item index)."""
    _, t_end, _, t_key, _ = items[t]
    word = word or t_key
    title = titles[word]
    state = state or title.of
    nxt = items[t + 1] if t + 1 < len(items) else None
    # a name right after the title: "Machthaber Kim Jong Un"
    if nxt and nxt[0] == t_end and nxt[2] in {"name", "gen", "short", "short_gen"}:
        n_start, n_end, n_label, n_key, _ = nxt
        if n_label.startswith("short"):
            candidates = _short_owners(gazetteer, span_text(doc, n_start, n_end))
            holders = [c for c in candidates if c in names
                       or any(r.role == title.role and (date is None or r.holds_on(date))
                              for r in gazetteer[c].roles)]
            n_key = holders[0] if len(holders) == 1 else None
        if n_key is not None and gazetteer[n_key].cls == "Person":
            names.add(n_key)
            history.append((word, n_key))
            kind = "gen" if n_label.endswith("gen") else "name"
            surface = span_text(doc, n_start, n_end) if kind == "name" else None
            return _mention(doc, start, n_end, n_key, n_key, "Person", kind, gazetteer, surface), t + 2
    # an unknown name right after the title: "US-Außenminister John Kerry"
    name_end = _unknown_name(doc, t_end, nxt[0] if nxt else len(doc), names)
    if name_end is not None:
        name = _name_words(doc, t_end, name_end)
        if state is None and t > 0 and items[t - 1][1] == start and items[t - 1][2] in {"adj", "gen", "name"}:
            state = items[t - 1][3]
        key = "entity:" + slug(name)
        history.append((word, key))
        gender = "f" if word.endswith("in") else "m"
        return Mention(start=start, end=name_end, key=key, actor=key, cls="Person", kind="name",
                       text=span_text(doc, start, name_end), head=name_end - 1, surface=name, label=name,
                       member_of=state, leader=title.role in LEADER_ROLES, gender=gender), t + 1
    # "Präsident Russlands"
    end = t_end
    if state is None and nxt and nxt[0] in {t_end, t_end + 1} and nxt[2] == "gen" \
            and gazetteer[nxt[3]].cls == "State":
        state, end = nxt[3], nxt[1]
    person = None
    if _plural_title(doc, items[t][0], end, word):
        pass                                   # "den Regierungschefs", "die Außenminister": no one person
    elif state is not None:
        holders = gazetteer.holders(title.role, state, date)
        if date is None:
            holders = [h for h in holders if h in names]
        if len(holders) == 1:
            person = holders[0]
    else:
        person = _bare_title_person(word, title.role, titles, history, later if later is not None else _History())
    used = t + 2 if end != t_end else t + 1
    if person is None:
        if state is not None and (date is not None or not gazetteer.holders(title.role, state, None)):
            # "die EU-Außenminister", "der iranische Präsident" (no holder known): the state acts
            return _mention(doc, start, end, state, state, gazetteer[state].cls, "government", gazetteer), used
        return None, used
    history.append((word, person))
    kind = "gen" if doc[end - 1].text.endswith("s") and doc[end - 1].text[:-1].casefold() in \
        {f.casefold() for f in title_forms(word)} else "role"
    return _mention(doc, start, end, person, person, "Person", kind, gazetteer), used


def _plural_title(doc: Doc, t_start: int, end: int, word: str) -> bool:
    """ "den (südosteuropäischen) Regierungschefs", "die Außenminister", "die beiden Präsidenten":
    a title in the plural names several people, never the one holder."""
    i = t_start - 1
    while i >= 0 and (doc[i].is_digit or (doc[i].text[:1].islower() and doc[i].text.endswith(("e", "en")))
                      and doc[i].lower_ not in {"die", "den", "der", "des", "dem"}):
        i -= 1
    det = doc[i].lower_ if i >= 0 else ""
    last = doc[end - 1].text
    feminine = word.endswith("in")
    if det == "den" and last.endswith("s"):
        return True
    if det == "die" and not feminine:
        return True
    return i < t_start - 1 and doc[i + 1].lower_ in {"beiden", "vier", "drei", "zwei", "mehrere", "einige", "alle"}


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


def _coreferent_surnames(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """ "US-Außenminister John Kerry … Kerry": later surnames refer to the minted person."""
    minted = {}
    for m in mentions:
        if m.label and " " in m.label:
            minted.setdefault(m.label.split()[-1], m)
    if not minted:
        return mentions
    covered = {i for m in mentions for i in range(m.start, m.end)}
    extra = []
    for i, text in enumerate(words(doc)):
        if i in covered or (text not in minted and text[:-1] not in minted):
            continue
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


def _gender(m: Mention, gazetteer: Gazetteer) -> str | None:
    return m.gender or (gazetteer[m.key].gender if m.key in gazetteer else None)


def _in_headline(doc: Doc, i: int) -> bool:
    """Is token ``i`` in the article's first line (its headline)?"""
    first_break = doc.user_data.get("kg_first_break")      # found once per Doc, not once per name
    if first_break is None or first_break[1] != len(doc):
        first_break = doc.user_data["kg_first_break"] = (
            next((n for n, text in enumerate(words(doc)) if "\n" in text), len(doc)), len(doc))
    return i < first_break[0]


def _with_pronouns(doc: Doc, mentions: list[Mention], gazetteer: Gazetteer, cues: dict) -> list[Mention]:
    male = set(cues["pronouns_m"])
    out = list(mentions)
    persons = [m for m in mentions if m.cls == "Person"]
    if not persons:
        return sorted(out, key=lambda m: m.start)
    starts = sentence_starts(doc)

    def sent_index(i: int) -> int:
        return bisect.bisect_right(starts, i) - 1

    # the people of each gender in text order, their starts: the last one before a pronoun is
    # found by bisection, not by a pass over every person of the article per pronoun
    by_gender: dict[str | None, tuple[list[Mention], list[int]]] = {}
    for m in persons:
        entry = by_gender.setdefault(_gender(m, gazetteer), ([], []))
        entry[0].append(m)
        entry[1].append(m.start)

    def last_before(i: int, gender: str, within: int) -> Mention | None:
        """The last person of ``gender`` (in text order) ending by token ``i`` whose sentence
        is at most ``within`` sentences before ``i``'s: ``[m for m in persons if …][-1]``."""
        found, found_starts = by_gender.get(gender, ((), ()))
        here = sent_index(i)
        for n in range(bisect.bisect_left(found_starts, i) - 1, -1, -1):
            m = found[n]
            if here - sent_index(m.start) > within:
                return None            # the starts only go further back from here
            if m.end <= i:
                return m
        return None

    covered = {i for m in mentions for i in range(m.start, m.end)}
    epithets = {**{w: "f" for w in cues.get("epithets_f", ())}, **{w: "m" for w in cues.get("epithets_m", ())}}
    low = lowers(doc)
    for i, word in enumerate(low):
        gender = epithets.get(word)
        if gender is None or i in covered or i == 0 or low[i - 1] not in {"der", "die"}:
            continue
        token = doc[i]
        if token.i + 1 < len(doc) and doc[token.i + 1].text[:1].isupper() and doc[token.i + 1].is_alpha:
            continue          # "die Französin Christine Lagarde": a name follows (or a noun: not ours)
        ref = last_before(token.i, gender, 3)
        if ref is not None:
            out.append(Mention(start=token.i - 1, end=token.i + 1, key=ref.key, actor=ref.actor, cls="Person",
                               kind="pronoun", text=span_text(doc, token.i - 1, token.i + 1), head=token.i))
    for i, word in enumerate(low):
        if word not in male:
            continue
        token = doc[i]
        ref = last_before(token.i, "m", 2)
        if ref is not None:
            out.append(Mention(start=token.i, end=token.i + 1, key=ref.key, actor=ref.actor,
                               cls="Person", kind="pronoun", text=token.text, head=token.i))
    out.sort(key=lambda m: m.start)
    return out
