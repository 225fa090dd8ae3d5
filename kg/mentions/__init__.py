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

Rooms: ``base`` (the Mention record, gazetteer indexes), ``find`` (the order of the rules),
``roles`` (titles and roles), ``names`` (names nobody listed), ``pronouns``.
"""
from kg.mentions.base import Mention
from kg.mentions.find import find_mentions

__all__ = ["Mention", "find_mentions"]
