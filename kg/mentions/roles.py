"""Role titles resolved by the article's date and by whom the article names with them
("Der russische Präsident", "Kremlchef", "der Machthaber"); capitals as metonyms."""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from kg.gazetteer import Gazetteer, Title
from kg.mentions.base import (LEADER_ROLES, Mention, _cached, _capital, _mention, _name_words, _short_owners,
                              _title_index, genitive_of_state_shape)
from kg.mentions.names import _unknown_name
from kg.model import slug
from kg.nlp import lowers, span_text, title_forms
from kg.postags import is_word


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


_ROLE_LABELS = {"adj", "gen", "name", "title", "prefix_title"}    # the labels a role may start at


def _resolve(doc, items, gazetteer, titles, date, cues, anchors, named) -> tuple[list[Mention], list]:
    names_in_article = set(anchors)
    mentions: list[Mention] = []
    role_history = _History()                   # (title word, person key) in text order
    later = _History(named)                     # the same, for the whole article (second pass)
    i = 0
    while i < len(items):
        start, end, label, key, title = items[i]
        nxt = items[i + 1] if i + 1 < len(items) else None
        # "der frühere US-Präsident", "der erste Kanzler": no title holder of the article's date
        role_date = None if label not in _ROLE_LABELS or _not_current(doc, start, cues) else date
        if label in {"adj", "gen", "name"} and nxt and nxt[0] == end and nxt[2] == "title" \
                and gazetteer[key].cls in {"State", "Organization"}:
            # "Der russische Präsident", "Russlands Präsident" (+ name)
            mention, used = _role(doc, items, i + 1, start, key, gazetteer, titles, role_date,
                                  names_in_article, role_history, later=later,
                                  genitives=cues.get("genitive_articles", ()), title_of=cues.get("title_of", ()))
            if mention:
                mentions.append(mention)
                i = used
                continue
        if label in {"title", "prefix_title"}:
            state = key if label == "prefix_title" else None
            word = title if label == "prefix_title" else key
            mention, used = _role(doc, items, i, start, state, gazetteer, titles, role_date,
                                  names_in_article, role_history, word=word, later=later,
                                  genitives=cues.get("genitive_articles", ()), title_of=cues.get("title_of", ()))
            if mention:
                mentions.append(mention)
            i = used
            continue
        if label in {"short", "short_gen"}:
            candidates = _short_owners(gazetteer, span_text(doc, start, end))
            resolved = [c for c in candidates if c in names_in_article] or _short_alone(
                doc, start, end, candidates, gazetteer, date, items[i - 1] if i else None, nxt)
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
            elif nxt_token is not None and nxt_token.lower_ in _standing_for_state(cues) and not _led(doc, end + 1, cues):
                mentions.append(_mention(doc, start, end + 1, key, key, entry.cls, "government", gazetteer))
            else:
                mentions.append(_mention(doc, start, end, key, key, entry.cls, "adj", gazetteer))
        elif label == "prefix":
            tail = doc[start].text.split("-", 1)[1].casefold()
            # "EU-Staaten", "US-Regierung", "US-Armee" act; "UN-Sanktionen" only names whose
            kind = "government" if tail in cues.get("member_nouns", ()) or (
                tail in _standing_for_state(cues) and not _led(doc, end, cues)) \
                else "prefix"
            mentions.append(_mention(doc, start, end, key, key, entry.cls, kind, gazetteer))
        else:
            actor = entry.metonym_for or key
            surface = span_text(doc, start, end) if label == "name" else None
            mentions.append(_mention(doc, start, end, key, actor, entry.cls, label, gazetteer, surface))
        i += 1
    return mentions, role_history


def _not_current(doc: Doc, start: int, cues: dict) -> bool:
    """Does an adjective of another time stand before the title at ``start`` ("der frühere",
    "die ehemalige", "der erste", "der künftige US-Präsident"), or an indefinite article ("ein
    US-Präsident")?  Its holder is then none of the article's date, only one the article names."""
    stems = tuple(cues.get("not_current_titles", ()))
    lows = lowers(doc)
    for j in range(start - 1, max(0, start - 3) - 1, -1):
        low = lows[j]
        if (low.startswith(stems) and low[-1:] in {"e", "n", "r"}) or low in cues.get("indefinite_articles", ()):
            return True
        if not low.isalpha() or low in cues.get("determiners", ()):
            break
    return False


OPENERS = frozenset({".", "!", "?", ":", '"', "„", "“", "–", "-", "(", "\n"})


def _short_alone(doc: Doc, start: int, end: int, candidates: list[str], gazetteer: Gazetteer, date: str | None,
                 before, after_item=None) -> list[str]:
    """A short form ("Xi", "Kim") in an article that never gives the full name: the one owner
    who held office on the article's date (of the owners, the one alive in office: "Kim" in 2024
    is Kim Jong Un), when the word stands alone as a name: not opening its sentence ("Kurz nach
    …"), no capitalised word right after it ("Kim Kardashian") but another listed name ("hat Kim
    Putin getroffen"), and none before it but a title or a name ("Sarah Kim"; "Machthaber Kim",
    "Putin und Kim" are fine)."""
    if (start == 0 or doc[start].is_sent_start or doc[start - 1].text in OPENERS) and is_word(doc[start].lower_):
        return []          # "Kurz nach …": at a sentence's start a common word is capitalised too
    after = doc[end] if end < len(doc) else None
    names_next = after_item is not None and after_item[0] == end and after_item[2] in {"name", "gen"}
    if after is not None and after.text[:1].isupper() and after.is_alpha and not names_next:
        return []
    prev = doc[start - 1]
    if prev.text[:1].isupper() and prev.is_alpha and not (before is not None and before[1] == start):
        return []          # an unknown first name before it ("Sarah Kim"); a title or name ends right here
    if date is not None:
        in_office = [c for c in candidates if any(r.holds_on(date) for r in gazetteer[c].roles)]
        if in_office:
            return in_office
    return candidates


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


def _role(doc, items, t, start, state, gazetteer, titles, date, names, history, word=None, later=None,
          genitives=frozenset(), title_of=frozenset()):
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
        other = _other_holder(gazetteer, title.role, state, date, n_key) if n_key is not None else None
        if other is not None:       # "empfing der Bundeskanzler Macron": the chancellor, and Macron
            history.append((word, other))
            return _mention(doc, start, t_end, other, other, "Person", "role", gazetteer), t + 1
        if n_key is not None and gazetteer[n_key].cls == "Person":
            names.add(n_key)
            history.append((word, n_key))
            kind = "gen" if n_label.endswith("gen") else "name"
            surface = span_text(doc, n_start, n_end) if kind == "name" else None
            return _mention(doc, start, n_end, n_key, n_key, "Person", kind, gazetteer, surface), t + 2
    # an unknown name right after the title: "US-Außenminister John Kerry"
    name_end = None if _state_genitive(doc, t_end) else _unknown_name(doc, t_end, nxt[0] if nxt else len(doc), names)
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
    # "Präsident Russlands", "der Außenminister der Emirate"
    end = t_end
    if state is None and nxt and ((nxt[0] in {t_end, t_end + 1} and nxt[2] == "gen")
                                  or (nxt[0] == t_end + 1 and nxt[2] == "name" and (doc[t_end].lower_ in genitives or (
                                      doc[t_end].lower_ in title_of and not _plural_title(doc, items[t][0], t_end, word))))) \
            and gazetteer[nxt[3]].cls == "State":
        # ("die Präsidenten von Russland und Belarus, X und Y": several holders, no one government)
        state, end = nxt[3], nxt[1]
    if end != t_end and not _plural_title(doc, items[t][0], end, word):
        # "der Präsident Kasachstans Tokajew", "der Präsident Kasachstans, Kassym-Schomart Tokajew, …"
        holder = _named_holder(doc, items, t + 2, end, gazetteer, names)
        if holder is not None:
            mention, consumed = holder
            history.append((word, mention.key))
            if mention.start == end:       # no comma: the title's words are the name's ("mit dem Präsidenten X")
                mention = replace(mention, start=start, text=span_text(doc, start, mention.end))
            if mention.label:              # a name nobody listed: the title says whose and what it is
                mention = replace(mention, member_of=state, leader=title.role in LEADER_ROLES,
                                  gender="f" if word.endswith("in") else "m")
            return mention, t + 2 + consumed
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


def _other_holder(gazetteer: Gazetteer, role: str, state: str | None, date: str | None, named: str) -> str | None:
    """The one holder of a title on the article's date when the listed person named right after it
    never held that role of that state: two people, not a title and its holder's name ("Am Montag
    empfing der Bundeskanzler Macron", "traf der US-Präsident Selenskyj")."""
    entry = gazetteer[named]
    if date is None or state is None or entry.cls != "Person" or not entry.roles \
            or any(r.role == role and r.of == state for r in entry.roles):
        return None
    holders = gazetteer.holders(role, state, date)
    return holders[0] if len(holders) == 1 and holders[0] != named else None


def _named_holder(doc: Doc, items, k: int, end: int, gazetteer: Gazetteer,
                  names: set[str]) -> tuple[Mention, int] | None:
    """The person named right after a title and its state's genitive (at ``end``), or between
    commas after it: a listed person (``items[k]``) or a name of words no dictionary holds ("der
    Präsident Kasachstans Tokajew"; not "dass der Präsident Kasachstans Waffen liefert").  The
    mention of the name alone, and how many items it used."""
    comma = end < len(doc) and doc[end].text == ","
    j = end + 1 if comma else end
    nxt = items[k] if k < len(items) else None
    if nxt is not None and nxt[0] == j and nxt[2] == "name" and gazetteer[nxt[3]].cls == "Person":
        n_end, used = nxt[1], 1
        mention = _mention(doc, j, n_end, nxt[3], nxt[3], "Person", "name", gazetteer, span_text(doc, j, n_end))
    else:
        n_end, used = _unknown_name(doc, j, nxt[0] if nxt is not None and nxt[0] >= j else len(doc), names), 0
        if n_end is None or any(is_word(doc[i].text) for i in range(j, n_end)):
            return None
        name = _name_words(doc, j, n_end)
        key = "entity:" + slug(name)
        mention = Mention(start=j, end=n_end, key=key, actor=key, cls="Person", kind="name", text=span_text(doc, j, n_end),
                          head=n_end - 1, surface=name, label=name)
    if comma and not (n_end < len(doc) and doc[n_end].text in {",", ")"}):
        return None          # "der Präsident Kasachstans, Tokajew und …": a list, not an apposition
    names.add(mention.key)
    return mention, used


def _plural_title(doc: Doc, t_start: int, end: int, word: str) -> bool:
    """ "den (südosteuropäischen) Regierungschefs", "die Außenminister", "die beiden Präsidenten",
    "Außenminister Russlands und Chinas": a title in the plural names several people, never the one holder."""
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
    if det not in {"die", "den", "der", "des", "dem"} and t_start < end - 1 and end + 1 < len(doc) \
            and doc[end].lower_ in {"und", "sowie"} \
            and (doc[end + 1].lower_ in {"der", "des"} or (doc[end + 1].text[:1].isupper() and doc[end + 1].text.endswith("s"))):
        return True         # no article, states in a list: "Außenminister Russlands und Chinas trafen sich"
    return i < t_start - 1 and doc[i + 1].lower_ in {"beiden", "vier", "drei", "zwei", "mehrere", "einige", "alle"}


def _standing_for_state(cues: dict) -> frozenset[str]:
    """The nouns that stand for a state after its demonym, prefix or genitive: its government
    ("die russische Regierung") and its envoys ("eine saudische Delegation")."""
    return frozenset(cues.get("government_nouns", ())) | frozenset(cues.get("envoy_nouns", ()))


def _led(doc: Doc, i: int, cues: dict) -> bool:
    """Does "unter" with a leading noun follow at ``i`` ("eine US-Delegation unter Leitung des
    Abgeordneten X"): then its leader, not its state, acts for the delegation?"""
    return i + 1 < len(doc) and doc[i].lower_ == "unter" and doc[i + 1].lower_ in cues.get("leader_nouns", ())


def governed_genitives(doc: Doc, mentions: list[Mention], cues: dict, gazetteer: Gazetteer) -> list[Mention]:
    """``mentions`` with a state's genitive after a noun of its government or a title made that
    government, after it or before it: "die Regierung Russlands", "die Führung Nordkoreas", "die Armee
    Ostraviens", "der Präsident Valdorias", "Russlands Regierung" act as the state ("die Regierung der
    Ukraine" needs nothing: its name is no genitive form; "Präsident Russlands" the title rules resolve)."""
    nouns = tuple(_standing_for_state(cues))
    titles = _title_index(gazetteer)
    out = []
    for m in mentions:
        before = doc[m.start - 1] if m.start > 0 else None
        if m.kind == "gen" and m.cls == "State" and before is not None and before.text[:1].isupper() \
                and ((nouns and before.lower_.endswith(nouns)) or before.text.casefold() in titles) \
                and not any(o.start <= before.i < o.end for o in mentions):
            m = replace(m, start=before.i, kind="government", text=span_text(doc, before.i, m.end))
        elif m.kind == "gen" and m.cls == "State" and nouns and m.end < len(doc) and doc[m.end].text[:1].isupper() \
                and doc[m.end].lower_.endswith(nouns) and not _led(doc, m.end + 1, cues) \
                and not any(o.start <= m.end < o.end for o in mentions) \
                and not (m.start > 0 and doc[m.start - 1].lower_ in {"und", "sowie", "oder", ","}):
            # before its noun: "Russlands Regierung verhängte Sanktionen", "Valdorias Führung" (not the
            # last of a list of genitives: "zwischen Russlands und Chinas Regierungen")
            m = replace(m, end=m.end + 1, kind="government", text=span_text(doc, m.start, m.end + 1))
        out.append(m)
    return out


def _state_genitive(doc: Doc, i: int) -> bool:
    """Is the word at ``i`` shaped like an unlisted state's genitive ("Valdorias", "Ostraviens": a
    state's ending and "s"), alone before the next word: no name after a title ("der Außenminister
    Valdorias")?"""
    if i >= len(doc):
        return False
    after = doc[i + 1].text if i + 1 < len(doc) else ""
    return genitive_of_state_shape(doc[i].text) and not after[:1].isupper()
