"""Pronouns and descriptions are resolved only in the sentences the extractor reads (those with a
trigger and the sentence after each): that is a saving, never a change.  Each text is extracted
as it is and with pronouns resolved everywhere; the statements must be the same.  A denial that
follows a denial reaches past those sentences: the extractor then resolves them everywhere
(the paradigm: a statement, its denial without a trigger, a denial of that by a pronoun,
an epithet or a role description, in both word orders)."""
from __future__ import annotations

import itertools
from pathlib import Path

import pytest

import kg.extraction.extractor as extractor
from extract_cases import M, S, V, case_id, facts, run

FIRST = [
    ("Russland hat Waffen an Syrien geliefert.", ("russia", S, "syria")),
    ("Putin traf Kim Jong Un in Moskau.", ("putin", M, "kim_jong_un")),
    ("Angela Merkel besuchte Peking.", ("merkel", V, "beijing")),
]
DENIALS = ["Das hat Moskau bestritten.", "Das dementierte der Kreml.", "Das bestritt er jedoch.",
           "Sie wies das zurück."]
AGAIN = ["Das dementierte er später auch.", "Er selbst bestritt das ebenfalls.",
         "Das bestritt die Kanzlerin am Abend.", "Auch der 71-Jährige bestritt das."]

CHAINS = [" ".join(parts) for parts in itertools.product([f for f, _ in FIRST], DENIALS, AGAIN)]
# pronouns in sentences with no trigger, before and after the ones with a trigger
ARTICLES = [
    "Wladimir Putin kam am Montag an. Er sprach lange. Danach traf er Kim Jong Un in Moskau. Er lächelte.",
    "Die Kanzlerin Angela Merkel war müde. Sie reiste dennoch nach Peking. Die 63-Jährige traf dort Xi Jinping.",
    "Das Land Russland schweigt. Der Kremlchef sagte nichts. Das Land liefert Waffen an Syrien, sagte er.",
]
SEEDS = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))


def _everywhere(monkeypatch) -> None:
    monkeypatch.setattr(extractor, "_with_next", lambda *args: None)


@pytest.mark.parametrize("text", CHAINS + ARTICLES, ids=case_id)
def test_resolving_pronouns_only_where_read_changes_nothing(text, monkeypatch):
    read = run(text)
    _everywhere(monkeypatch)
    assert read.statements == run(text).statements


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_the_seeds_are_the_same_either_way(path, monkeypatch):
    text = path.read_text(encoding="utf-8")
    read = run(text, date=None)
    _everywhere(monkeypatch)
    assert read.statements == run(text, date=None).statements and read.statements


def _spy(monkeypatch) -> list:
    calls = []
    find = extractor.find_mentions

    def spy(*args, **kwargs):
        calls.append(kwargs.get("reading_ranges"))
        return find(*args, **kwargs)

    monkeypatch.setattr(extractor, "find_mentions", spy)
    return calls


@pytest.mark.parametrize(("first", "fact"), FIRST, ids=case_id)
def test_the_sentence_after_a_statement_is_read(first, fact, monkeypatch):
    calls = _spy(monkeypatch)
    found = facts(run(f"{first} {DENIALS[2]}"))
    assert {fact + ("asserted",), fact + ("denied",)} <= found, found
    assert len(calls) == 1 and calls[0] is not None       # no second look: its pronouns were resolved


@pytest.mark.parametrize(("first", "fact"), FIRST, ids=case_id)
def test_a_denial_after_a_denial_resolves_pronouns_everywhere(first, fact, monkeypatch):
    calls = _spy(monkeypatch)
    found = facts(run(f"{first} {DENIALS[0]} {AGAIN[0]}"))
    assert {fact + ("asserted",), fact + ("denied",)} <= found, found
    assert calls[0] is not None and calls[1:] == [None]       # read where triggers are, then everywhere


def test_the_paradigm_is_large():
    assert len(CHAINS) == 48 and len(SEEDS) == 5
