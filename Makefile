# The README's commands. A fresh machine needs only Python 3.11 and make.

PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
MANAGE := $(PY) manage.py
CONSTRAINTS := requirements/constraints.txt
# Re-install only when the dependencies or their pins change.
STAMP := $(VENV)/.installed
ADDR ?= 127.0.0.1:8000
# Every absolute link (sitemap, hreflang, feeds, calendars, e-mails, the printed logins) names the
# address the site is served on: ADDR, a bare port on 127.0.0.1, a wildcard host shown as the loopback
# address. Set SITE_URL yourself for another name (a LAN address, a tunnel: SITE_URL=http://192.0.2.7:8000).
_ADDR := $(if $(findstring :,$(ADDR)),$(ADDR),127.0.0.1:$(ADDR))
SITE_URL ?= http://$(patsubst 0.0.0.0:%,127.0.0.1:%,$(patsubst [::]:%,[::1]:%,$(_ADDR)))
export SITE_URL
PYTEST_ARGS ?=
# `make test` spreads the tests over pytest-xdist workers, one per core; PYTEST_WORKERS=0 runs them
# in one process (for a debugger, or to compare). loadgroup keeps an xdist_group on one worker.
PYTEST_WORKERS ?= auto

.DEFAULT_GOAL := help
.PHONY: help install run serve test lint e2e bench lock clean distclean

help:
	@echo "make run      set everything up, load demo content and serve on $(SITE_URL)/en/ (ADDR=host:port)"
	@echo "make test     lint and run the test suite (SQLite; service tests skip without their URLs)"
	@echo "make lint     ruff check and format check"
	@echo "make e2e      browser tests (needs /usr/bin/chromium)"
	@echo "make bench    benchmarks in bench/"
	@echo "make lock     re-pin every dependency into $(CONSTRAINTS)"
	@echo "make clean    remove var/ (database, media, mail, broker files) and caches"

$(PY):
	@command -v $(PYTHON) >/dev/null || { echo "$(PYTHON) not found: install Python 3.11 or pass PYTHON=/path/to/python3.11"; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml $(CONSTRAINTS) | $(PY)
	$(PY) -m pip install --quiet -c $(CONSTRAINTS) -e ".[dev]"
	@touch $@

install: $(STAMP)

run: install
	$(MANAGE) migrate --noinput
	LOG_LEVEL=WARNING $(MANAGE) load_demo
	$(MANAGE) ensure_admin
	$(MANAGE) collectstatic --noinput --verbosity 0
	$(PY) bin/serve $(_ADDR)

# Serve without the set-up steps of `run`.
serve: install
	$(PY) bin/serve $(_ADDR)

test: install
	$(BIN)/ruff check .
	$(PY) -m pytest -n $(PYTEST_WORKERS) --dist loadgroup $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

e2e: install
	$(PY) -m pytest tests/e2e $(PYTEST_ARGS)

bench: install
	@if ls bench/test_*.py >/dev/null 2>&1; then \
		mkdir -p var && $(PY) -m pytest bench --benchmark-only --benchmark-json=var/bench.json $(PYTEST_ARGS); \
	else \
		echo "No benchmarks in bench/ yet (see bench/README.md)."; \
	fi

# Resolve pyproject's ranges afresh in a scratch virtualenv and record the exact versions.
lock:
	@command -v $(PYTHON) >/dev/null || { echo "$(PYTHON) not found"; exit 1; }
	rm -rf var/lock-venv
	$(PYTHON) -m venv var/lock-venv
	var/lock-venv/bin/python -m pip install --quiet -e ".[dev,elasticsearch,s3]"
	{ sed -n '1,3p' $(CONSTRAINTS); var/lock-venv/bin/python -m pip freeze --exclude-editable; } > $(CONSTRAINTS).new
	mv $(CONSTRAINTS).new $(CONSTRAINTS)
	rm -rf var/lock-venv
	@echo "Pinned $$(grep -c '==' $(CONSTRAINTS)) packages in $(CONSTRAINTS); run 'make test' before committing."

clean:
	rm -rf var .pytest_cache .ruff_cache .benchmarks test-results *.egg-info
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV)
