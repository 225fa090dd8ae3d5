"""What every mention rule shares: :class:`Mention`, the gazetteer indexes made once per
gazetteer, and minting a mention."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from kg.gazetteer import Gazetteer
from kg.german import default_german
from kg.model import slug
from kg.nlp import span_text, title_forms, words

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


def genitive_of_state_shape(text: str) -> bool:
    """Is ``text`` shaped like the genitive of a state's name nobody listed: capitalised, a state's
    ending (``[names] state_suffixes``) and "s" ("Valdorias", "Ostraviens")?"""
    suffixes = tuple(default_german()["names"]["state_suffixes"])
    return text[:1].isupper() and text.endswith("s") and text[:-1].lower().endswith(suffixes)


def acting_for(m: Mention, gazetteer: Gazetteer) -> set[str]:
    """The states (and organisations) a mention acts for: the one its title names, the state of a
    government mention, and, for a listed entity, those it holds an office of or belongs to."""
    found = {m.member_of, m.actor if m.actor != m.key else None}
    if m.key in gazetteer:
        entry = gazetteer[m.key]
        found |= {r.of for r in entry.roles} | set(entry.member_of)
    return found - {None}


def _capital(gazetteer: Gazetteer, state: str) -> str | None:
    """The one place the gazetteer gives as the seat of ``state``'s government."""
    places = gazetteer.capitals().get(state, ())
    return places[0] if len(places) == 1 else None


def _mention(doc, start, end, key, actor, cls, kind, gazetteer, surface=None) -> Mention:
    return Mention(start=start, end=end, key=key, actor=actor, cls=cls, kind=kind,
                   text=span_text(doc, start, end), head=end - 1, surface=surface)


def _in_headline(doc: Doc, i: int) -> bool:
    """Is token ``i`` in the article's first line (its headline)?"""
    first_break = doc.user_data.get("kg_first_break")      # found once per Doc, not once per name
    if first_break is None or first_break[1] != len(doc):
        first_break = doc.user_data["kg_first_break"] = (
            next((n for n, text in enumerate(words(doc)) if "\n" in text), len(doc)), len(doc))
    return i < first_break[0]
