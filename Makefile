# The two commands of the README: `make demo` and `make test`. Everything else is set up
# by them on a fresh machine that has only Python 3.11 (and Java 17 for reasoning).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
STORE := .cchc-store

.PHONY: demo test test-slow bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/cchc ingest --store $(STORE) examples/corpus
	$(BIN)/cchc docs list --store $(STORE)
	$(BIN)/cchc query documents_by_kind --store $(STORE)
	$(BIN)/cchc who-leads "thủ tục hành chính" --store $(STORE)
	$(BIN)/cchc matrix --unit "Quảng Nam" --store $(STORE)

test: $(STAMP)
	$(BIN)/python -m pytest -q

test-slow: $(STAMP)
	$(BIN)/python -m pytest -q -m slow

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) $(STORE) build dist out
