# Two commands on a fresh machine:
#   make demo   set up .venv and run the main job on the bundled sample reports (SQLite)
#   make test   set up .venv and run the test suite (what .ci/run runs)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup demo test test-slow lint gate clean

setup: $(STAMP)

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

clean:
	rm -rf $(VENV) conflictscope.db
