# `make run` and `make test` create or update the virtual environment first, so both work on a
# fresh clone with nothing but python3 (>= 3.11) installed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run test lint typecheck imports unit format clean

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

test: lint typecheck imports unit

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy src

imports: $(STAMP)
	$(BIN)/lint-imports

unit: $(STAMP)
	.ci/with-postgres $(BIN)/pytest

format: $(STAMP)
	$(BIN)/ruff format src tests
	$(BIN)/ruff check --fix src tests

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
