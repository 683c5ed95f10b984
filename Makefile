# The two commands of the README's quick start: `make run` and `make test`.
VENV := .venv
BIN := $(VENV)/bin
PYTHON ?= python3

.PHONY: install run test lint system-deps

# What analyze needs, then the test tools on top: two stamps, so each command installs only its own.
$(VENV)/.run: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.test: $(VENV)/.run
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

install: $(VENV)/.run

# Install onrecord and analyze the bundled example interview.
run: install
	$(BIN)/onrecord analyze src/onrecord/examples/interview.txt

# What the test suite needs from Debian (fonts for generated PDFs, a browser for web tests).
system-deps:
	@bash scripts/system-deps.sh

lint: $(VENV)/.test
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/mypy

# Install everything and run the whole test suite (this is what CI runs).
test: $(VENV)/.test system-deps lint
	$(BIN)/pytest
