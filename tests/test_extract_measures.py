"""Vetoed measures named in any way, and refusals, as generated paradigms.

* The measure's concern in a compound ("die Syrien-Resolution", "Nahost-Resolution"), after
  "zu"/"zum" (a state or a region: "zum Gazastreifen"), or in the sentences before, when the veto
  names its measure only by a definite description ("gegen den Text", "den Entwurf") or not at all
  ("legten ihr Veto ein"); never an indefinite new one ("gegen eine andere Resolution").
* The agent on the trigger itself: "US-Veto", "das russische Veto".
* "Nein zu" before an event noun negates it, claimed by the refusal's subject: "Ungarn sagte Nein
  zur Lieferung von Waffen an die Ukraine", "Putin sagte Nein zu einem Treffen mit X".
"""
from __future__ import annotations

import itertools

import pytest

from extract_cases import M, S, SANC, VETO, case_id, facts, run

VETOERS = [("Russland", "russia"), ("Frankreich", "france"), ("China", "china")]
CONCERNS = [("Syrien", "syria"), ("Nahost", "middle_east"), ("Myanmar", "myanmar"), ("Israel", "israel")]
COMPOUND_FORMS = ["{a} legte ein Veto gegen die {c}-Resolution ein.", "{a} blockierte die {c}-Resolution im Sicherheitsrat.",
                  "{a} hat sein Veto gegen die {c}-Resolution eingelegt."]
BEFORE_FORMS = ["Ein Resolutionsentwurf zu {c} scheiterte. {a} legte gegen den Text ein Veto ein.",
                "Die Resolution zu {c} wurde eingebracht. {a} legte sein Veto ein.",
                "Im Sicherheitsrat lag eine {c}-Resolution vor. {a} legte gegen den Entwurf ein Veto ein.",
                "Die {c}-Resolution scheiterte. Am Freitag legte {a} ein Veto gegen das Papier ein."]


def _veto_cases(forms):
    return [(form.format(a=a, c=c), (ka, VETO, kc, "asserted"))
            for form, (a, ka), (c, kc) in itertools.product(forms, VETOERS, CONCERNS)]


COMPOUND_CASES = _veto_cases(COMPOUND_FORMS)
BEFORE_CASES = _veto_cases(BEFORE_FORMS)
NOUN_CASES = [
    ("US-Veto gegen Nahost-Resolution", ("usa", VETO, "middle_east", "asserted")),
    ("Das russische Veto gegen die Resolution zu Syrien sorgte für Kritik.", ("russia", VETO, "syria", "asserted")),
    ("Die USA haben ihr Veto gegen eine Resolution zum Gazastreifen eingelegt.",
     ("usa", VETO, "gaza_strip", "asserted")),
]
REFUSALS = [
    (form.format(a=a, b=b), (ka, rel, kb, "negated"))
    for (form, rel), (a, ka), (b, kb) in itertools.product(
        (("{a} sagte Nein zur Lieferung von Waffen an {b}.", S), ("{a} sagte nein zu Waffenlieferungen an {b}.", S),
         ("{a} sagte Nein zu neuen Sanktionen gegen {b}.", SANC), ("{a} sagte Nein zu einem Treffen mit {b}.", M)),
        [("Ungarn", "hungary"), ("Valdoria", "entity:valdoria")], [("die Ukraine", "ukraine"), ("Polen", "poland")])
]
LOOK_ALIKES = [
    ("Russland legte sein Veto ein.", VETO),
    ("Der Text zu Syrien war lang. Russland legte am Montag Wert auf Ruhe.", VETO),
]


@pytest.mark.parametrize(("text", "expected"), COMPOUND_CASES + BEFORE_CASES + NOUN_CASES + REFUSALS, ids=case_id)
def test_measures_and_refusals(text, expected):
    found = facts(run(text))
    assert expected in found, found
    assert not {f for f in found if f[:3] == expected[:3] and f[3] != expected[3]}, found


@pytest.mark.parametrize(("text", "relation"), LOOK_ALIKES, ids=case_id)
def test_look_alikes(text, relation):
    assert not {f for f in facts(run(text)) if f[1] == relation}


def test_regions_are_places():
    entities = {e.key: e.cls for e in run("Blinken reiste in den Nahen Osten und ins Westjordanland.").entities}
    assert entities.get("middle_east") == "Place" and entities.get("west_bank") == "Place", entities


def test_the_paradigm_is_large():
    assert len(COMPOUND_CASES + BEFORE_CASES + REFUSALS) >= 80


def test_an_indefinite_measure_is_not_the_one_named_before():
    # "eine andere Resolution": a veto of a measure whose target nobody names, not of the Syria resolution
    found = facts(run("Die Resolution zu Syrien wurde eingebracht. Russland legte ein Veto gegen eine andere Resolution ein."))
    assert [f[0] for f in found if f[1] == VETO] == ["russia"] and not any(f[2] == "syria" for f in found)
