# Two commands on a fresh machine:
#   make demo   set up .venv and run the main job on the bundled sample reports (SQLite)
#   make test   set up .venv and run the test suite (what .ci/run runs)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup demo test test-all lint gate clean

setup: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e '.[dev]'
	$(BIN)/conflictscope gazetteer build
	touch $(STAMP)

demo: setup
	$(BIN)/conflictscope extract samples/*.txt --format table

test: setup
	$(BIN)/python -m pytest -m "not slow" -q

test-all: setup
	$(BIN)/python -m pytest -q

gate: setup
	$(BIN)/conflictscope evaluate gate --baseline benchmarks/baseline.json --shared ../shared

lint: setup
	$(BIN)/ruff check src tests
	$(BIN)/mypy

clean:
	rm -rf $(VENV) conflictscope.db
