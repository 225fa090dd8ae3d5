"""Choose the news-de articles of the second dev set and split them, seeded (issue 14).

Run once, before any gold was written:  python eval/news-de/make_split.py > eval/news-de/split.json

Reads only ../shared/corpora/news-de/sources.tsv (id, month and the `topic` column), never
article text. Each article gets one category from its topic description (first rule that
matches, in the order below); from each category a seeded random sample of the size in
QUOTA is drawn (about 40% of the on-topic texts, proportional to the category), and each
category's sample is shuffled and cut in half (odd sizes: the extra article to `develop`
in one category, `heldout` in the next), so both halves get every category.
"""
from __future__ import annotations

import csv
import json
import random
import re
import sys
from pathlib import Path

SEED = 14
SOURCES = Path(__file__).resolve().parents[2].parent / "shared" / "corpora" / "news-de" / "sources.tsv"

RULES = [  # (category, regex over the topic description), first match wins
    ("distractor:sport", r"\[distractor\].*(football|bundesliga|handball|tennis|olympic|f1|uefa|dfb|fines)"),
    ("distractor:delivery", r"\[distractor\].*(shortage|deliver|parcel|tram|drug|medicine|pharmac)"),
    ("distractor:visitors", r"\[distractor\].*(visitor|zoo|messe|tierpark|tiergarten)"),
    ("distractor:other", r"\[distractor\]"),
    ("veto", r"veto"),
    ("sanctions", r"sanction|tariff|blacklist|export stop|bans us investment"),
    ("treaty", r"\bsign|agreement|accords|cetA|treaty|partnership"),
    ("supplies", r"suppl|deliver|shell|gas|oil|weapon|drone|lng|s-400|arms|arming|soldiers|modernise"),
    ("denial", r"den(y|ies)"),
    ("visit_meeting", r"."),
]
QUOTA = {"visit_meeting": 19, "sanctions": 9, "supplies": 9, "treaty": 6, "veto": 4, "denial": 1,
         "distractor:sport": 5, "distractor:delivery": 3, "distractor:visitors": 2, "distractor:other": 2}


def category(topic: str) -> str:
    for name, pattern in RULES:
        if re.search(pattern, topic, re.IGNORECASE):
            return name
    raise AssertionError(topic)


def main() -> None:
    with SOURCES.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    by_cat: dict[str, list[str]] = {}
    for row in rows:
        by_cat.setdefault(category(row["topic"]), []).append(row["id"])
    rng = random.Random(SEED)
    develop, heldout, chosen = [], [], {}
    extra_to_develop = True
    for cat in sorted(QUOTA):
        sample = rng.sample(sorted(by_cat[cat]), QUOTA[cat])
        rng.shuffle(sample)
        half = len(sample) // 2
        if len(sample) % 2:
            half += extra_to_develop
            extra_to_develop = not extra_to_develop
        develop += sample[:half]
        heldout += sample[half:]
        chosen[cat] = sorted(sample)
    print("categories (all):", {c: len(v) for c, v in sorted(by_cat.items())}, file=sys.stderr)
    json.dump({"seed": SEED, "how": "python eval/news-de/make_split.py (stratified by topic category, see the script)",
               "develop": sorted(develop), "heldout": sorted(heldout), "categories": chosen},
              sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
