# Two commands do all the set-up on a fresh machine with Python 3.11:
#   make demo   - create .venv, install eventcoder, code examples/ into ./eventcoder.duckdb and print the events
#   make test   - create .venv, install eventcoder with test extras, run the test suite
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin
DB ?= eventcoder.duckdb

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

install: $(BIN)/.installed

demo: $(BIN)/.installed
	$(BIN)/eventcoder run examples/ --db $(DB)

test: $(BIN)/.installed
	$(BIN)/python -m pytest

bench: $(BIN)/.installed
	$(BIN)/python bench/accuracy.py

.PHONY: install demo test bench
