# `make run` and `make test` create or update the virtual environment first, so both work on a
# fresh clone with nothing but python3 (>= 3.11) installed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run test lint typecheck imports unit unit-compiled compiled format clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python -m mtcr.physics.warmup
	touch $(STAMP)

# The web application with the demo data on SQLite: open http://127.0.0.1:8000/ and sign in with a
# password printed here (new ones on every start). Ctrl+C stops it.
run: $(STAMP)
	$(BIN)/mtcr demo load --reset-passwords
	$(BIN)/mtcr serve --host 127.0.0.1 --port 8000

test: lint typecheck imports unit unit-compiled

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy src

imports: $(STAMP)
	$(BIN)/lint-imports

unit: $(STAMP)
	.ci/with-postgres $(BIN)/pytest

# The screening matcher compiled to C by mypyc (from mypy, a dev dependency): the same source, run about
# twice as fast. A copy of the package in build/compiled, used where PYTHONPATH puts it first:
#   make compiled && PYTHONPATH=build/compiled .venv/bin/mtcr screen-file parties.csv
# Rebuilt whenever a file under src/ changes; the editable install stays pure Python. Not name_variants.py
# (tests monkeypatch its table, and a compiled module reads its own globals, never the patched ones) nor
# index.py (compiled, it boxes each of a list's key numbers anew: 0.8 GB more for a million names; the keys
# a name gets are in keys.py, compiled).
# tests/screening/conftest.py names the compiled modules again, to check they loaded compiled.
COMPILED := build/compiled
COMPILED_MODULES := $(addprefix mtcr/screening/,matcher.py typos.py normalise.py lexicon.py wadegiles.py keys.py)
SOURCES := $(shell find src/mtcr -type f -not -path '*/__pycache__/*' -not -name '*.pyc')

$(COMPILED)/.stamp: $(STAMP) $(SOURCES) Makefile
	rm -rf $(COMPILED)
	mkdir -p $(COMPILED)
	cp -r src/mtcr $(COMPILED)/mtcr
	find $(COMPILED) -name __pycache__ -prune -exec rm -rf {} +
	cd $(COMPILED) && $(CURDIR)/$(BIN)/mypyc $(COMPILED_MODULES) >mypyc.log 2>&1 || { cat mypyc.log; exit 1; }
	PYTHONPATH=$(COMPILED) $(BIN)/python -c "import mtcr.screening.matcher as m; assert m.__file__.endswith('.so'), m.__file__"
	touch $@

compiled: $(COMPILED)/.stamp

# the screening tests again, on the compiled build: it must score every name as the source does
unit-compiled: $(COMPILED)/.stamp
	MTCR_EXPECT_COMPILED=1 PYTHONPATH=$(COMPILED) $(BIN)/pytest -p no:cacheprovider tests/screening

format: $(STAMP)
	$(BIN)/ruff format src tests
	$(BIN)/ruff check --fix src tests

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build
