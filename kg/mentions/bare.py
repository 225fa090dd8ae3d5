"""Names nobody listed, known by their shape and their place in a sentence with a relation word:
"Valdoria lieferte Munition an Ostravien", "Putin besuchte Kleinhausen", "Die Firma Lindqvist
Defence liefert …".

A capitalised word is a name here when no word list knows it: neither the gazetteer nor
spacy-lookups-data's million word forms (the lexicon), nor, as the head of a compound, its
last part ("Drohnenlieferungen" ends in the known "Lieferungen": a noun, not a name); and when
it stands as names stand, without an article or adjective before it (or after a noun that
introduces a company: "die Firma Rheinmetall").  Only sentences that hold a relation word are
searched, so a rare word elsewhere costs nothing and names nothing.  The class comes from the
introducing noun (a company), the word's ending (``[names]`` of ``ontology/german.toml``:
"-ien", "-land" a state; "-hausen", "-burg" a place), a place prefix ("Port Arlen", "Bad
Ischl"), else two or more words are a person ("Sameh Shukri") and one an organisation.  A
word that is the surname of a person the article names is left to that person.
"""
from __future__ import annotations

from spacy.tokens import Doc

from kg.gazetteer import Gazetteer
from kg.german import default_german
from kg.lexicon import Lexicon
from kg.mentions.base import Mention, _capitalised_word, _minted, _short_owners, genitive_of_state_shape
from kg.mentions.names import not_names
from kg.model import slug
from kg.nlp import form_rows, lowers, words
from kg.postags import is_word, proper_noun, verb_number

#: the fewest letters of a compound's last part that make it a known noun
MIN_HEAD = 5
#: the class :func:`_name_at` gives a state's genitive ("Valdorias"), minted by :func:`_genitive_state`
GENITIVE_STATE = "State (genitive)"


def bare_names(doc: Doc, mentions: list[Mention], ranges: list[tuple[int, int]], lexicon: Lexicon,
               determiners: frozenset[str], gazetteer: Gazetteer) -> list[Mention]:
    """The names nobody listed in the token ranges ``ranges`` (sentences with a relation word)
    that overlap no mention, and that the gazetteer does not hold under any form or key (a club
    word it blocks, "Austria", is no new entity either)."""
    covered = {i for m in mentions for i in range(m.start, m.end)}
    names = default_german()["names"]
    texts, low = words(doc), lowers(doc)
    classes, known = lexicon.classes(form_rows(doc), [i for start, end in ranges for i in range(start, end)
                                                   if texts[i][:1].isupper()])
    blocked = {form.casefold() for form in gazetteer.blocked}
    stop = not_names() | {m.label.split()[-1].casefold() for m in mentions       # a named person's surname
                          if m.cls == "Person" and m.label and " " in m.label}
    found: list[Mention] = []
    for start, end in ranges:
        i = start
        while i < end:
            if not texts[i][:1].isupper():
                i += 1
                continue                   # (the cheap test of _name_at's first, inline)
            span = _name_at(texts, low, classes, known, lexicon, i, start, end, covered, stop, names, determiners)
            if span is None:
                i += 1
                continue
            name_end, cls = span
            first = i
            while first - 1 > start and first - 1 not in covered and classes[first - 1] in {"given", "surname"}:
                first -= 1             # "Marin Cilic": a known name word before the unknown one
            if first < i:
                cls = "Person"
            minted = _minted(doc, first, name_end, cls) if cls != GENITIVE_STATE else _genitive_state(doc, i)
            if gazetteer.lookup(minted.label) is not None or minted.key.removeprefix("entity:") in gazetteer \
                    or minted.label.casefold() in blocked or (name_end - first == 1 and _short_owners(gazetteer, minted.label)):
                # (a listed person's short name, "Kim", is theirs where the text tells, no one new)
                i = name_end
                continue
            found.append(minted)
            covered.update(range(first, name_end))
            i = name_end
    return found


def _name_at(texts, low, classes, known, lexicon, i, start, end, covered, stop, names, determiners):
    """(end, class) of a name nobody listed starting at ``i``, or None."""
    text = texts[i]
    if i in covered or not _capitalised_word(text) or low[i] in stop:
        return None
    before = low[i - 1] if i > start else ""
    if "-" in text and low[i].rsplit("-", 1)[1] in names["organisation_nouns"]:
        return i + 1, "Organization"                       # "die Wagner-Gruppe", "die Hamas-Miliz"
    if before in names["organisation_nouns"]:              # "die Firma Lindqvist Defence"
        return _extend(texts, low, i, end, covered, stop, lambda j: True), "Organization"
    article = before in determiners and not _relative_pronoun(low, i - 1, start)
    if article or (before.isalpha() and texts[i - 1][:1].islower() and before.endswith(("e", "en", "er", "es", "em"))
                   and i - 1 > start and low[i - 2] in determiners):
        return None                                        # "die Kritik", "der neue Hafen"
    if classes[i] == "place_prefix" and i + 1 < end and i + 1 not in covered and _capitalised_word(texts[i + 1]) \
            and (classes[i + 1] is not None or _unknown(texts[i + 1], known[i + 1], lexicon)):
        return i + 2, "Place"          # "Port Arlen", "Bad Ischl": a place prefix and a name, not a noun
    if classes[i] == "given" and i + 2 < end and low[i + 1] in names["particles"] \
            and i + 2 not in covered and _capitalised_word(texts[i + 2]):
        return i + 3, "Person"         # "Abdullah bin Sajid", "Mohammed bin Nasser": a name's shape
    if classes[i] == "surname" and not (is_word(text) or is_word(low[i])):
        return i + 1, "Person"         # "Paschinjan und Alijew": a family name alone (not "Koch", "Bauer")
    stem = text[:-1]
    if genitive_of_state_shape(text) and _unknown(stem, lexicon.knows(stem), lexicon):
        return i + 1, GENITIVE_STATE           # "die Waffenexporte Valdorias" (unknown: "Valdoria")
    if not _unknown(text, known[i], lexicon):
        if classes[i] in (None, "given") and known[i] and text.isalpha() and text[1:].islower() \
                and _subject_slot(texts, low, i, start, end) and not (is_word(text) or is_word(low[i])) \
                and proper_noun(text):
            # a word the word lists know but the dictionary does not, a proper noun by its own
            # shape, as a clause's subject: "Rheinmetall liefert Munition", "Gestern reiste Lula nach Peking"
            return i + 1, "Person" if classes[i] == "given" else "Organization"
        return None
    name_end = _extend(texts, low, i, end, covered, stop, lambda j: not known[j])
    last = low[name_end - 1]
    if last.endswith(tuple(names["state_suffixes"])):
        return name_end, "State"
    if last.endswith(tuple(names["place_suffixes"])):
        return name_end, "Place"
    return name_end, "Person" if name_end - i >= 2 else "Organization"     # "Sameh Shukri"; "Rheinmetall"


def _relative_pronoun(low, i: int, start: int) -> bool:
    """Is the word at ``i`` a relative pronoun after a preposition that opens a clause (", gegen die
    Valdoria ein Veto einlegte"), not an article?"""
    clause = default_german()["clause"]
    return i - 2 >= start and low[i] in clause["relative_pronouns"] and low[i - 2] == "," \
        and low[i - 1] in default_german()["prepositions"]["words"]


def _subject_slot(texts, low, i: int, start: int, end: int) -> bool:
    """Does the word at ``i`` stand where a clause's subject does, next to a singular finite verb:
    before it at the clause's start ("Rheinmetall liefert …", "…, Lula reist …") or right after it
    ("Gestern reiste Lula …")?  (Not in a phrase: "mit EMI", "Abu Bakr", "die Sitze … Boeing".)"""
    opens = i == start or texts[i - 1] in {",", "„", "\"", ":", "("}
    if opens and i + 1 < end and verb_number(low[i + 1]) == "sg":
        return True
    return i > start and verb_number(low[i - 1]) == "sg"


def _genitive_state(doc: Doc, i: int) -> Mention:
    """The unlisted state whose genitive is the word at ``i`` ("Valdorias" of "Valdoria")."""
    name = doc[i].text[:-1]
    key = "entity:" + slug(name)
    return Mention(start=i, end=i + 1, key=key, actor=key, cls="State", kind="gen", text=doc[i].text,
                   head=i, surface=name, label=name)


def _unknown(text: str, known: bool, lexicon: Lexicon) -> bool:
    """No word list knows the word, nor its last part as a common noun, the head of a compound
    ("Drohnenlieferungen": "Lieferungen"); a last part that is itself a name does not count
    ("Valdoria": "Doria", "Kleinhausen": "Hausen")."""
    if known or len(text) < 3 or not text.isalpha():
        return False
    for k in range(2, len(text) - MIN_HEAD + 1):
        head = text[k].upper() + text[k + 1:]
        if lexicon.knows(head) and lexicon.cls(head) is None:
            return False
    return True


def _extend(texts, low, i, end, covered, stop, ok) -> int:
    """The end of the name starting at ``i``: up to three more capitalised words that ``ok``."""
    j = i + 1
    while j < end and j - i < 4 and j not in covered and _capitalised_word(texts[j]) and low[j] not in stop \
            and ok(j):
        j += 1
    return j
