"""Small immutable records that flow from extraction to RDF.

No I/O and no spaCy here: ``kg.extraction`` produces these, ``kg.rdf`` consumes them.
Entity references are gazetteer keys (``"putin"``) or minted keys for things the
gazetteer does not know (``"item:raketen"``, ``"measure:004-1"``).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Article:
    """One source article as read from disk."""

    identifier: str          # the file stem, e.g. "001_3de4a40f195ed6ed"
    text: str                # the whole decoded file; offsets point into this
    body_start: int          # where the article body starts (after a date line)
    date: str | None = None  # "YYYY-MM" or "YYYY-MM-DD" from the date line
    publisher: str | None = None
    title: str | None = None
    source_path: str | None = None
    content_hash: str = ""

    @property
    def body(self) -> str:
        return self.text[self.body_start:]


@dataclass(frozen=True)
class EntityRef:
    """An entity as the article graph describes it."""

    key: str
    label: str
    cls: str                                 # local name of a kg: class
    surface_forms: tuple[str, ...] = ()
    concerns: str | None = None              # for measures: the entity targeted
    in_gazetteer: bool = False
    member_of: str | None = None             # minted people: the state their title names
    leader: bool = False                     # … and whether they lead it


@dataclass(frozen=True)
class Sentence:
    index: int
    text: str
    start_char: int   # offsets into Article.text
    end_char: int


@dataclass(frozen=True)
class Statement:
    """One relation mention with everything the text says about it."""

    relation: str                  # local name of a kg: property
    subject: str                   # entity key
    object: str                    # entity key
    modality: str                  # one of kg.terms.MODALITIES
    sentence: int                  # Sentence.index
    trigger: str                   # the words that express the relation
    trigger_char: int              # offset of the trigger in Article.text
    attributed_to: str | None = None
    items: tuple[str, ...] = ()    # entity keys of kg:Item
    place: str | None = None
    time: str | None = None        # "YYYY", "YYYY-MM" or "YYYY-MM-DD"
    confidence: float = 0.8
    cue: str | None = None         # the word that set the modality
    contradicts: tuple[int, ...] = ()  # indexes of statements this one denies


@dataclass(frozen=True)
class Extraction:
    """All that one article yields."""

    article: Article
    sentences: tuple[Sentence, ...]
    statements: tuple[Statement, ...]
    entities: tuple[EntityRef, ...] = field(default=())


def slug(text: str) -> str:
    """A readable, IRI-safe slug: lower case, German letters folded, hyphens."""
    text = text.casefold()
    for src, dst in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss"), ("ø", "oe"), ("æ", "ae"), ("œ", "oe"),
                     ("ł", "l"), ("đ", "d"), ("ð", "d"), ("þ", "th"), ("ı", "i")):
        text = text.replace(src, dst)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")   # ç -> c
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return text or "x"


def fold(text: str) -> str:
    """A name for matching: case, accents, hyphens and spacing folded.  The graph's
    ``kg:labelKey`` and ``kg:altLabelKey`` hold it, and a user's name is looked up by it."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[\s\-‐‑–—_]+", " ", text).strip()


def local_name(term) -> str:
    """The last part of an IRI (``…/ontology#supplies`` -> ``supplies``), of an RDF term or a
    string; ``""`` for an unbound term."""
    if term is None:
        return ""
    return re.split(r"[#/]", getattr(term, "value", term))[-1]
