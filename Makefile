# Every target builds .venv from pyproject.toml on first use; nothing needs installing by hand.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

# The accuracy gates: thresholds just under what the test and fresh splits reach, so a
# change that lowers accuracy on either fails `make test` (and CI). Neither split is tuned on.
# The fresh gate moves down when a new first-contact batch joins fresh (gold/FIRST_CONTACT.md).
GATE ?= --min-f1 quantity.value=0.98 --min-f1 time.overlap=0.98 --min-f1 time.value=0.98 \
        --min-f1 entity.strict=0.92 --min-f1 quantity.measured=0.91 --min-f1 quantity.period=0.94 \
        --min-f1 quantity.fact=0.86 --min-f1 quantity.indicator=0.83
FRESH_GATE ?= --min-f1 quantity.value=0.955 --min-f1 time.overlap=0.97 --min-f1 time.value=0.95 \
        --min-f1 entity.strict=0.88 --min-f1 quantity.measured=0.87 --min-f1 quantity.period=0.89 \
        --min-f1 quantity.fact=0.755 --min-f1 quantity.indicator=0.82

.PHONY: run test lint bench lock clean

# Dependencies come pinned, with hashes, from requirements.lock (made from pyproject.toml
# by `make lock`); the project itself is installed on top, and `pip check` fails loudly if
# pyproject.toml asks for something the lock does not hold.
$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	$(BIN)/pip check
	touch $(STAMP)

## lock: re-pin every dependency (with hashes) after changing pyproject.toml
lock: $(STAMP)
	$(BIN)/pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --extra dev --extra cluster --generate-hashes --python-version 3.11 \
		--no-header -o requirements.lock

## run: extract the corpus, show the facts, then score against the gold set
run: $(STAMP)
	$(BIN)/extractor extract corpus/ --format table
	$(BIN)/extractor evaluate --split all

## test: lint, gold check, unit and pipeline tests, and the accuracy gates on test and fresh
test: $(STAMP)
	$(BIN)/ruff check extractor tests benchmarks
	$(BIN)/extractor gold check
	$(BIN)/pytest
	$(BIN)/extractor evaluate --split test $(GATE)
	$(BIN)/extractor evaluate --split fresh $(FRESH_GATE)

## bench: throughput and memory on the corpus repeated to 200,000 words (about 15 minutes),
## writes benchmarks/latest.md (RESULTS.md keeps the history: paste a run there by hand); then
## the archive's ingest throughput and a query on 100,000 documents (about 2 minutes), writes
## benchmarks/ARCHIVE.md. Not part of `make test`.
bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py --out benchmarks/latest.md
	$(BIN)/python benchmarks/bench_archive.py

lint: $(STAMP)
	$(BIN)/ruff check extractor tests benchmarks
	$(BIN)/ruff format --check extractor tests benchmarks

clean:
	rm -rf $(VENV) build *.egg-info
