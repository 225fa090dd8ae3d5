PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STORE  ?= kg-store
SHARED ?= ../shared

.PHONY: install browser serve demo test checklist score gazetteer germeval ner lexicon bench bench-large bench-linear clean

$(BIN)/kg: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,ner,dask]'
	touch $(BIN)/kg

install: $(BIN)/kg

demo: install
	$(BIN)/kg --store $(STORE) build seeds/
	$(BIN)/kg --store $(STORE) summary
	$(BIN)/kg --store $(STORE) query who-supplies-whom --format table

test: install browser
	$(BIN)/python -m pytest

# headless Chromium for tests/test_serve_browser.py (Debian's package, driven by Playwright: no
# browser download); installed once with apt-get (CI runs as root), then a no-op
browser:
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || \
		(apt-get update -qq && apt-get install -y -qq chromium >/dev/null) || \
		echo "make browser: cannot install chromium (apt-get install chromium, as root); tests/test_serve_browser.py will fail" >&2

# the store over HTTP: SPARQL endpoint and explorer (kg serve --help)
serve: install
	$(BIN)/kg --store $(STORE) serve

# the behavioural suite: pass rate, false positives and factual errors per capability (-v: every failure)
checklist: install
	$(BIN)/python tests/checklist_suite.py

score: install
	rm -rf build/score-store && mkdir -p build
	$(BIN)/kg --store build/score-store build --quiet seeds/
	$(BIN)/kg --store build/score-store export --format nquads -o build/seeds.nq
	$(BIN)/python $(SHARED)/eval/score.py build/seeds.nq -v

germeval: install
	$(BIN)/python tools/germeval.py $(SHARED)/corpora/germeval2014/NER-de-test.tsv

# train the CRF name tagger on GermEval dev, score it on GermEval test (build/ner/model.crfsuite)
ner: install
	$(BIN)/python tools/train_ner.py --train $(SHARED)/corpora/germeval2014/NER-de-dev.tsv \
		--test $(SHARED)/corpora/germeval2014/NER-de-test.tsv -o build/ner/model.crfsuite

# speed, memory, store size, query, export and start-up times side by side: BENCHMARKS.md
# (kg/ compiled first: where PYTHONDONTWRITEBYTECODE is set, every run would compile it again)
bench: install
	$(BIN)/python -m compileall -q kg
	$(BIN)/python benchmarks/run.py --scale 10 --corpus $(SHARED)/corpora/10kgnad/test.csv -o BENCHMARKS.md

# only the linear-extraction lines of make bench: unpunctuated 25 kB .. 1 MB side by side
bench-linear: install
	$(BIN)/python -m compileall -q kg
	$(BIN)/python benchmarks/run.py --linear --corpus $(SHARED)/corpora/10kgnad/test.csv

# the bundled queries on a 100x store (built with 2 jobs, or brought up to date): first page
# (--limit 20) and whole result per query, into BENCHMARKS.md's "Queries on the large store";
# AGAINST=REV also times the queries as of that git revision, in turns on the same store
bench-large: install
	$(BIN)/python -m compileall -q kg
	$(BIN)/python benchmarks/large.py --scale 100 --corpus $(SHARED)/corpora/10kgnad/test.csv -o BENCHMARKS.md \
		$(if $(AGAINST),--against $(AGAINST))

lexicon: install
	$(BIN)/python tools/lexicon_clusters.py $(SHARED)/corpora/germeval2014/NER-de-dev.tsv

gazetteer: install
	$(BIN)/pip install --quiet -e '.[test,gazetteer]'
	$(BIN)/python tools/build_gazetteer.py
	$(BIN)/python tools/build_places.py

clean:
	rm -rf $(VENV) $(STORE) build *.egg-info
