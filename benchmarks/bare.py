#!/usr/bin/env python3
"""The bare spaCy German pipeline the build is compared with: ``spacy.blank("de")`` +
sentencizer + lookup lemmatizer, no extraction, over every ``.txt`` file of a folder, streamed
from the files in name order as a build reads them.

    python benchmarks/bare.py FOLDER

Run as a process it is timed whole, start-up included, as ``kg build`` is;
``benchmarks/run.py`` also times :func:`process` alone, in its own process.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path


def pipeline():
    import spacy

    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    return nlp


def process(nlp, folder: Path) -> float:
    """Seconds the pipeline takes over the folder's files."""
    texts = (p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt")))
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    return time.perf_counter() - started


if __name__ == "__main__":
    process(pipeline(), Path(sys.argv[1]))
