"""Statements from German text: pure functions over a spaCy Doc and its mentions, in rooms.

For each sentence (``extractor``):
  1. ``context``: clause regions and segments (commas, subordinators, dashes), the
     preposition before each mention, mentions that take no part; ``lists``: coordinated
     groups ("Putin, Xi und Modi", "Netanyahu und den Außenminister der Emirate");
  2. ``triggers``: the words of the relations in ``ontology/cues.toml`` (``cues``): verbs by
     lemma or form, nouns by compound head;
  3. ``relations/``: one frame a relation, registered by name, finds the arguments with the
     shared helpers of ``arguments`` (subject, agents, items, noun parts, places);
  4. ``modality``: negation, hedges, plans and future, reported speech with its speaker;
  5. ``statements``: statements, deduplicated, and denials.
No I/O here except the cached data loaders; the pipeline comes from ``kg.nlp``.
"""
from kg.extraction.cues import Cues, Frame, default_cues, load_cues
from kg.extraction.extractor import extract_article, extract_doc

__all__ = ["Cues", "Frame", "default_cues", "extract_article", "extract_doc", "load_cues"]
