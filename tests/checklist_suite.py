"""A behavioural suite in the style of CheckList (Ribeiro et al., 2020): templates × fillers
for each relation and each capability of German the extractor needs, generated here, scored
capability by capability.

A case is a short German text and the statements a careful reader takes from it (subject,
relation, object, modality); a look-alike expects none.  Fillers come from the gazetteer
("Russland", "Wladimir Putin") and from names it does not hold ("Jana Novak", "Valdoria"),
so a rule that only knows listed names shows up.  Scores per capability:

* **pass rate**: the share of expected statements found with the right modality;
* **false positives**: statements found that no case expects;
* **factual errors**: a statement found as fact (asserted or reported) that the text does not
  state as fact (a plan, a hedge, a denial, a look-alike).

``make checklist`` prints the table (``python tests/checklist_suite.py``);
``tests/test_checklist.py`` pins the figures so that every change shows what it moved.
"""
from __future__ import annotations

import itertools
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

if __package__ in (None, ""):                       # run as a script: the project on the path
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg.model import Article, fold  # noqa: E402

FACTUAL = frozenset({"asserted", "reported"})
SYMMETRIC = frozenset({"signedTreatyWith", "metWith"})


@dataclass(frozen=True)
class Expected:
    subject: str          # a name as the text gives it; matched to a label or surface form, folded
    relation: str
    object: str
    modality: str


@dataclass(frozen=True)
class Case:
    capability: str
    relation: str
    text: str
    expected: tuple[Expected, ...]      # empty: a look-alike, nothing may be found


# ---------------------------------------------------------------- fillers
# (nominative, accusative, dative, name to match): "an den Iran", "mit dem Iran"
STATES = [("Russland", "Russland", "Russland", "Russland"), ("China", "China", "China", "China"),
          ("Nordkorea", "Nordkorea", "Nordkorea", "Nordkorea"),
          ("Frankreich", "Frankreich", "Frankreich", "Frankreich"),
          ("Der Iran", "den Iran", "dem Iran", "Iran"), ("Die Türkei", "die Türkei", "der Türkei", "Türkei")]
UNLISTED_STATES = [("Valdoria", "Valdoria", "Valdoria", "Valdoria"),
                   ("Ostravien", "Ostravien", "Ostravien", "Ostravien")]
PEOPLE = [(name, name, name, name) for name in ("Wladimir Putin", "Xi Jinping", "Kim Jong Un", "Emmanuel Macron")]
UNLISTED_PEOPLE = [(name, name, name, name) for name in ("Jana Novak", "Tomasz Wieczorek", "Aiko Tanaka")]
UNLISTED_NAMES = frozenset(p[3] for p in UNLISTED_PEOPLE + UNLISTED_STATES)
PLACES = [("Moskau", "Moskau"), ("Peking", "Peking"), ("Paris", "Paris"), ("Pjöngjang", "Pjöngjang")]
UNLISTED_PLACES = [("Kleinhausen", "Kleinhausen"), ("Port Arlen", "Port Arlen")]
ITEMS = ["Waffen", "Raketen", "Munition", "Drohnen", "Öl"]


def _pairs(fillers, n: int = 4):
    """``n`` ordered pairs of distinct fillers, the same every run."""
    pairs = [(a, b) for a, b in itertools.permutations(fillers, 2)]
    step = max(1, len(pairs) // n)
    return pairs[::step][:n]


def _cap(text: str) -> str:
    return text[0].upper() + text[1:]


def _low(nominative: str) -> str:
    """A state's nominative inside a sentence ("Der Iran" -> "der Iran")."""
    return nominative[0].lower() + nominative[1:] if nominative.split()[0] in ("Der", "Die", "Das") else nominative


# ---------------------------------------------------------------- supplies
def supplies_cases():
    out = []
    for ((a, _, a_dat, a_name), (_, b_acc, _, b_name)), item in zip(_pairs(STATES, 6), itertools.cycle(ITEMS)):
        exp = (Expected(a_name, "supplies", b_name, "asserted"),)
        planned = (Expected(a_name, "supplies", b_name, "planned"),)
        for text in (f"{a} liefert {item} an {b_acc}.", f"{a} lieferte {item} an {b_acc}.",
                     f"{a} hat {item} an {b_acc} geliefert.", f"{a} hatte {item} an {b_acc} geliefert."):
            out.append(Case("tense and voice", "supplies", text, exp))
        out.append(Case("tense and voice", "supplies", f"{a} wird {item} an {b_acc} liefern.", planned))
        out.append(Case("tense and voice", "supplies", f"{item} wurden von {_low(a)} an {b_acc} geliefert.", exp))
        for text in (f"Im März lieferte {_low(a)} {item} an {b_acc}.", f"An {b_acc} lieferte {_low(a)} {item}.",
                     f"Bekannt ist, dass {_low(a)} {item} an {b_acc} geliefert hat.",
                     f"Nachdem {_low(a)} {item} an {b_acc} geliefert hatte, wuchs die Kritik."):
            out.append(Case("word order", "supplies", text, exp))
        for text in (f"Die Lieferungen von {item} aus {a_dat} an {b_acc} gehen weiter.",
                     f"Die {item}lieferungen von {a_dat} an {b_acc} wurden fortgesetzt."):
            out.append(Case("nominal forms", "supplies", text, exp))
        for text, modality in ((f"{a} soll {item} an {b_acc} geliefert haben.", "alleged"),
                               (f"{a} liefert keine {item} an {b_acc}.", "negated"),
                               (f"{a} will {item} an {b_acc} liefern.", "planned"),
                               (f"Einem Medienbericht zufolge lieferte {_low(a)} {item} an {b_acc}.", "reported")):
            out.append(Case("modality", "supplies", text, (Expected(a_name, "supplies", b_name, modality),)))
        out.append(Case("modality", "supplies", f"{a} bestreitet, {item} an {b_acc} geliefert zu haben.",
                        (Expected(a_name, "supplies", b_name, "denied"),)))
    for (a, _, _, a_name), (_, b_acc, _, b_name) in _pairs(UNLISTED_STATES + STATES[:2], 4):
        out.append(Case("actors nobody listed", "supplies", f"{a} lieferte Munition an {b_acc}.",
                        (Expected(a_name, "supplies", b_name, "asserted"),)))
    for company in ("Rheinmetall", "Lindqvist Defence"):
        out.append(Case("actors nobody listed", "supplies", f"Die Firma {company} liefert Munition an die Ukraine.",
                        (Expected(company, "supplies", "Ukraine", "asserted"),)))
    return out


# ---------------------------------------------------------------- sanctions
def sanctions_cases():
    out = []
    for (a, _, a_dat, a_name), (_, b_acc, _, b_name) in _pairs(STATES, 6):
        exp = (Expected(a_name, "imposedSanctionsOn", b_name, "asserted"),)
        for text in (f"{a} verhängt Sanktionen gegen {b_acc}.", f"{a} verhängte Sanktionen gegen {b_acc}.",
                     f"{a} hat Sanktionen gegen {b_acc} verhängt.",
                     f"Gegen {b_acc} wurden von {_low(a)} Sanktionen verhängt."):
            out.append(Case("tense and voice", "imposedSanctionsOn", text, exp))
        for text in (f"Am Montag verhängte {_low(a)} Sanktionen gegen {b_acc}.",
                     f"Gegen {b_acc} verhängte {_low(a)} neue Sanktionen."):
            out.append(Case("word order", "imposedSanctionsOn", text, exp))
        out.append(Case("nominal forms", "imposedSanctionsOn",
                        f"Das neue Sanktionspaket von {a_dat} gegen {b_acc} trat in Kraft.", exp))
        out.append(Case("modality", "imposedSanctionsOn", f"{a} droht mit Sanktionen gegen {b_acc}.",
                        (Expected(a_name, "imposedSanctionsOn", b_name, "planned"),)))
        out.append(Case("modality", "imposedSanctionsOn", f"{a} will Sanktionen gegen {b_acc} verhängen.",
                        (Expected(a_name, "imposedSanctionsOn", b_name, "planned"),)))
    out.append(Case("actors nobody listed", "imposedSanctionsOn",
                    "Die US-Regierung hat Sanktionen gegen Russland verhängt.",
                    (Expected("USA", "imposedSanctionsOn", "Russland", "asserted"),)))
    for (a, _, _, a_name), (_, b_acc, _, b_name) in _pairs(UNLISTED_STATES + STATES[2:4], 3):
        out.append(Case("actors nobody listed", "imposedSanctionsOn", f"{a} verhängte Sanktionen gegen {b_acc}.",
                        (Expected(a_name, "imposedSanctionsOn", b_name, "asserted"),)))
    return out


# ---------------------------------------------------------------- vetoes
def veto_cases():
    out = []
    for (a, _, _, a_name), (_, _, b_dat, b_name) in _pairs(STATES, 5):
        exp = (Expected(a_name, "vetoed", b_name, "asserted"),)
        measure = f"die Resolution zu {b_dat}"
        for text in (f"{a} legte ein Veto gegen {measure} ein.", f"{a} legt ein Veto gegen {measure} ein.",
                     f"{a} hat ein Veto gegen {measure} eingelegt."):
            out.append(Case("separable verbs", "vetoed", text, exp))
        out.append(Case("tense and voice", "vetoed", f"{a} blockierte {measure} mit seinem Veto.", exp))
        out.append(Case("word order", "vetoed", f"Im Sicherheitsrat legte {_low(a)} ein Veto gegen {measure} ein.", exp))
        out.append(Case("modality", "vetoed", f"{a} kündigte an, ein Veto gegen {measure} einzulegen.",
                        (Expected(a_name, "vetoed", b_name, "planned"),)))
    return out


# ---------------------------------------------------------------- treaties
def treaty_cases():
    out = []
    for (a, _, _, a_name), (b, _, b_dat, b_name) in _pairs(PEOPLE + STATES[:3], 6):
        exp = (Expected(a_name, "signedTreatyWith", b_name, "asserted"),)
        for text in (f"{a} und {_low(b)} unterzeichneten ein Abkommen.",
                     f"{a} unterzeichnete mit {b_dat} einen Vertrag.",
                     f"{a} hat mit {b_dat} ein Abkommen unterzeichnet.",
                     f"{a} schloss mit {b_dat} einen Vertrag."):
            out.append(Case("tense and voice", "signedTreatyWith", text, exp))
        out.append(Case("word order", "signedTreatyWith", f"Am Mittwoch unterzeichnete {_low(a)} mit {b_dat} einen Vertrag.", exp))
        out.append(Case("modality", "signedTreatyWith", f"{a} will mit {b_dat} ein Abkommen unterzeichnen.",
                        (Expected(a_name, "signedTreatyWith", b_name, "planned"),)))
    return out


# ---------------------------------------------------------------- visits
def visit_cases():
    out = []
    for (a, _, _, a_name), (place, p_name) in zip(PEOPLE + UNLISTED_PEOPLE[:1], itertools.cycle(PLACES)):
        exp = (Expected(a_name, "visited", p_name, "asserted"),)
        cap = "actors nobody listed" if a_name in UNLISTED_NAMES else "tense and voice"
        for text in (f"{a} besuchte {place}.", f"{a} besucht {place}.", f"{a} hat {place} besucht.",
                     f"{a} reiste nach {place}."):
            out.append(Case(cap, "visited", text, exp))
        out.append(Case("word order" if cap == "tense and voice" else cap, "visited",
                        f"Am Montag besuchte {a} {place}.", exp))
        for text in (f"{a} traf am Montag in {place} ein.", f"{a} ist in {place} eingetroffen.",
                     f"{a} stattete {place} einen Besuch ab."):
            out.append(Case("separable verbs", "visited", text, exp))
        out.append(Case("nominal forms", "visited", f"Der Besuch von {a} in {place} dauerte zwei Tage.", exp))
        out.append(Case("modality", "visited", f"{a} wird nächste Woche {place} besuchen.",
                        (Expected(a_name, "visited", p_name, "planned"),)))
        out.append(Case("modality", "visited", f"{a} besuchte {place} nicht.",
                        (Expected(a_name, "visited", p_name, "negated"),)))
    for (a, _, _, a_name), (place, p_name) in zip(PEOPLE[:2], UNLISTED_PLACES):
        out.append(Case("actors nobody listed", "visited", f"{a} besuchte {place}.",
                        (Expected(a_name, "visited", p_name, "asserted"),)))
    return out


# ---------------------------------------------------------------- meetings
def meeting_cases():
    out = []
    for (a, _, _, a_name), (b, _, b_dat, b_name) in _pairs(PEOPLE + UNLISTED_PEOPLE[:2], 8):
        exp = (Expected(a_name, "metWith", b_name, "asserted"),)
        unlisted = a_name in UNLISTED_NAMES or b_name in UNLISTED_NAMES
        tense = "actors nobody listed" if unlisted else "tense and voice"
        for text in (f"{a} traf {b}.", f"{a} trifft {b}.", f"{a} hat {b} getroffen.",
                     f"{a} traf sich mit {b_dat}.", f"{a} und {b} trafen sich."):
            out.append(Case(tense, "metWith", text, exp))
        for text in (f"In Genf traf {a} {b}.", f"Am Rande des Gipfels trafen sich {a} und {b}."):
            out.append(Case("word order" if not unlisted else tense, "metWith", text, exp))
        for text in (f"{a} kam mit {b_dat} zusammen.", f"{a} traf mit {b_dat} zusammen."):
            out.append(Case("separable verbs" if not unlisted else tense, "metWith", text, exp))
        for text in (f"Es gab ein Treffen zwischen {a} und {b}.", f"Das Treffen von {a} mit {b_dat} dauerte Stunden."):
            out.append(Case("nominal forms" if not unlisted else tense, "metWith", text, exp))
        out.append(Case("modality", "metWith", f"{a} plant ein Treffen mit {b_dat}.",
                        (Expected(a_name, "metWith", b_name, "planned"),)))
        out.append(Case("modality", "metWith", f"{a} will {b} treffen.",
                        (Expected(a_name, "metWith", b_name, "planned"),)))
    return out


# ---------------------------------------------------------------- across sentences
def reference_cases():
    out = []
    for (a, _, _, a_name), (place, p_name), (b, _, b_dat, b_name) in zip(
            PEOPLE[:3] + UNLISTED_PEOPLE[1:2], PLACES, reversed(PEOPLE)):
        if a_name == b_name:
            continue
        out.append(Case("reference across sentences", "metWith",
                        f"{a} reiste nach {place}. Dort traf er {b}.",
                        (Expected(a_name, "visited", p_name, "asserted"), Expected(a_name, "metWith", b_name, "asserted"))))
        out.append(Case("reference across sentences", "metWith",
                        f"{a} ist seit Jahren im Amt. Am Montag traf er in {place} mit {b_dat} zusammen.",
                        (Expected(a_name, "metWith", b_name, "asserted"),)))
    for (a, _, _, a_name), (_, b_acc, _, b_name) in _pairs(STATES[:4], 3):
        out.append(Case("reference across sentences", "supplies",
                        f"{a} rüstet massiv auf. Das Land liefert Raketen an {b_acc}.",
                        (Expected(a_name, "supplies", b_name, "asserted"),)))
    return out


# ---------------------------------------------------------------- look-alikes
LOOK_ALIKES = (
    "Bayern München trifft im Finale auf Borussia Dortmund.",
    "Sollte sich Thiem durchsetzen, trifft er im Halbfinale auf Nadal.",
    "Der Stürmer traf zweimal zum 2:0.",
    "Die Regierung hat wichtige Entscheidungen getroffen.",
    "Der Blitz traf das Haus.",
    "Die Lieferengpässe bei Halbleitern halten an.",
    "Der Versandhändler liefert Pakete jetzt auch sonntags.",
    "Die Messe zählte 40.000 Besucher.",
    "Viele Schüler besuchen den Unterricht nicht mehr.",
    "Das Jobcenter verhängte Sanktionen gegen den Arbeitslosen.",
    "Der Schiedsrichter verhängte eine Strafe gegen den Spieler.",
    "Die Flüchtlinge reisten von Griechenland nach Mazedonien weiter.",
    "Die Partnerstädte unterzeichneten eine Vereinbarung über den Schüleraustausch.",
    "Geheimdienstkreise berichten von neuen Spannungen.",
    "Das Eintreffen der Gäste verzögerte sich.",
    "Der Staatsanwalt erließ einen Haftbefehl.",
    "Die Behörde hat Berichte über die Lage erhalten.",
    "Die Polizei ließ ihn nicht reisen.",
    "Die Rebellen liefern sich heftige Gefechte mit der Armee.",
)


def look_alike_cases():
    return [Case("look-alikes", "none", text, ()) for text in LOOK_ALIKES]


def all_cases() -> list[Case]:
    return (supplies_cases() + sanctions_cases() + veto_cases() + treaty_cases() + visit_cases()
            + meeting_cases() + reference_cases() + look_alike_cases())


# ---------------------------------------------------------------- scoring
def _names(extraction) -> dict[str, set[str]]:
    """Entity key -> the folded names it goes by: its label, surface forms in this extraction
    and, for a listed entity, the gazetteer's forms."""
    from kg.gazetteer import default_gazetteer

    gazetteer = default_gazetteer()
    names: dict[str, set[str]] = defaultdict(set)
    for entity in extraction.entities:          # and every name the gazetteer gives it ("USA")
        listed = gazetteer[entity.key].forms if entity.key in gazetteer else ()
        names[entity.key] |= {fold(entity.label), *(fold(f) for f in (*entity.surface_forms, *listed))}
    for st in extraction.statements:            # an entity named by no surface form ("US-Regierung")
        for key in (st.subject, st.object):
            if key in gazetteer and key not in names:
                names[key] |= {fold(gazetteer[key].label), *(fold(f) for f in gazetteer[key].forms)}
    for entity in extraction.entities:          # a measure stands for the actor it concerns
        if entity.concerns:
            names[entity.key] |= names.get(entity.concerns, set())
    return names


def _matches(statement, want: Expected, names) -> bool:
    if statement.relation != want.relation:
        return False
    subject, obj = names.get(statement.subject, set()), names.get(statement.object, set())
    pair = fold(want.subject) in subject and fold(want.object) in obj
    if want.relation in SYMMETRIC:
        pair = pair or (fold(want.subject) in obj and fold(want.object) in subject)
    return pair


@dataclass
class Tally:
    expected: int = 0
    found: int = 0                 # with the right modality
    cases: int = 0
    false_positives: int = 0
    factual_errors: int = 0

    @property
    def rate(self) -> float:
        return self.found / self.expected if self.expected else 1.0


def score(cases: list[Case], extractor) -> tuple[dict[str, Tally], list[str]]:
    """Tallies per capability, and one line per failure (for reading what went wrong)."""
    tallies: dict[str, Tally] = defaultdict(Tally)
    failures = []
    for case in cases:
        extraction = extractor(Article("checklist", case.text, 0, date="2024-06"))
        names = _names(extraction)
        tally = tallies[case.capability]
        tally.cases += 1
        tally.expected += len(case.expected)
        used = set()
        for want in case.expected:
            hits = [i for i, st in enumerate(extraction.statements) if _matches(st, want, names)]
            used.update(hits)
            right = [i for i in hits if extraction.statements[i].modality == want.modality]
            if right:
                tally.found += 1
            else:
                got = sorted({extraction.statements[i].modality for i in hits}) or "nothing"
                failures.append(f"{case.capability}: {case.text}  want {want.relation} {want.modality}, got {got}")
            if want.modality not in FACTUAL and any(extraction.statements[i].modality in FACTUAL for i in hits):
                tally.factual_errors += 1
        for i, st in enumerate(extraction.statements):
            if i in used or st.relation == "agreedWith":
                continue
            tally.false_positives += 1
            if st.modality in FACTUAL and not case.expected:
                tally.factual_errors += 1
            failures.append(f"{case.capability}: {case.text}  unexpected {st.subject} {st.relation} {st.object} "
                            f"{st.modality}")
    return dict(tallies), failures


CAPABILITIES = ("tense and voice", "word order", "separable verbs", "nominal forms", "actors nobody listed",
                "modality", "reference across sentences", "look-alikes")


def table(tallies: dict[str, Tally]) -> str:
    lines = ["| capability | cases | expected | found | pass rate | false positives | factual errors |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    total = Tally()
    for name in CAPABILITIES:
        t = tallies.get(name, Tally())
        for key in ("expected", "found", "cases", "false_positives", "factual_errors"):
            setattr(total, key, getattr(total, key) + getattr(t, key))
        rate = f"{t.rate:.2f}" if t.expected else "–"
        lines.append(f"| {name} | {t.cases} | {t.expected} | {t.found} | {rate} | {t.false_positives} | "
                     f"{t.factual_errors} |")
    lines.append(f"| **all** | {total.cases} | {total.expected} | {total.found} | {total.rate:.2f} | "
                 f"{total.false_positives} | {total.factual_errors} |")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    from kg.build import ExtractorSpec

    tallies, failures = score(all_cases(), ExtractorSpec().make())
    print(table(tallies))
    if "-v" in argv:
        print("\n".join(failures))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
