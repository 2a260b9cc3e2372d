# Netra — two commands on a fresh machine:
#   make run    virtualenv, install, migrate, demo data, web + Celery worker + beat (SQLite, filesystem broker)
#   make test   lint, types, migrations, import contracts, then the whole suite on PostgreSQL + Redis
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
HOST ?= 127.0.0.1

# Debian packages Netra needs at run time: Pango/HarfBuzz for WeasyPrint (libharfbuzz-subset0 makes
# letters render 2-4x faster), libmagic for evidence sniffing, gettext to compile translations.
RUN_DEB := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 libmagic1 gettext fonts-dejavu-core
TEST_DEB := $(RUN_DEB) chromium

TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/netra
TEST_CACHE_URL ?= rediscache://127.0.0.1:6379/1
TEST_BROKER_URL ?= redis://127.0.0.1:6379/2

.PHONY: help run test lint typecheck system-run system-test services install install-dev messages bench bench-letters bench-search clean

help:
	@echo "make run   — start Netra locally with demo data (http://$(HOST):$(PORT)/)"
	@echo "make test  — lint, type-check and run the whole test suite on PostgreSQL and Redis"
	@echo "make bench — run the benchmarks in bench/ and write docs/benchmarks.md"
	@echo "make bench-letters — only the letter rendering benchmark (its section of docs/benchmarks.md)"
	@echo "make bench-search — only the staff search benchmark at 1,000,000 reports (its section)"

# --- system packages ------------------------------------------------------------------------------
define ensure_debs
	missing=""; for p in $(1); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing Debian packages:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null \
	      || { echo "apt-get failed; install them with: sudo apt-get install$$missing"; exit 1; }; \
	  else \
	    echo "Missing Debian packages:$$missing"; echo "Install them with: sudo apt-get install$$missing"; exit 1; \
	  fi; \
	fi
endef

system-run:
	@$(call ensure_debs,$(RUN_DEB))

system-test:
	@$(call ensure_debs,$(TEST_DEB))

# --- Python environment -------------------------------------------------------------------------------
$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else "Netra needs Python 3.11; set PYTHON=/path/to/python3.11")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-run: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@ $(VENV)/.installed-run

install: system-run $(VENV)/.installed-run
install-dev: system-test $(VENV)/.installed-dev

messages:
	@if find . -path ./.venv -prune -o -name django.po -print | grep -q .; then \
	  $(BIN)/python manage.py compilemessages --ignore=.venv --ignore=var -v 0; fi

# --- make run ---------------------------------------------------------------------------------------
run: install messages
	mkdir -p var/broker/out var/broker/processed var/private
	$(BIN)/python manage.py migrate --no-input -v 0
	$(BIN)/python manage.py collectstatic --no-input -v 0
	NETRA_SITE_URL=http://$(HOST):$(PORT) $(BIN)/python manage.py seed_demo
	@echo ""
	@echo "Netra is starting at http://$(HOST):$(PORT)/   (API docs: http://$(HOST):$(PORT)/api/docs/)"
	@echo "Stop with Ctrl-C."
	NETRA_SITE_URL=http://$(HOST):$(PORT) NETRA_HOST=$(HOST) NETRA_PORT=$(PORT) exec $(BIN)/honcho start -f Procfile.dev

# --- make test -------------------------------------------------------------------------------------
services:
	@pg_isready -q -h 127.0.0.1 -p 5432 || { \
	  echo "PostgreSQL is not running; starting it"; \
	  pg_ctlcluster --skip-systemctl-redirect $$(ls /etc/postgresql | head -n1) main start 2>/dev/null || true; \
	  for i in $$(seq 1 20); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 0.5; done; \
	  pg_isready -q -h 127.0.0.1 -p 5432 || { echo "PostgreSQL is not reachable on 127.0.0.1:5432 (user postgres). Start it and retry."; exit 1; }; }
	@redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 || { \
	  echo "Redis is not running; starting it"; \
	  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no >/dev/null 2>&1 || true; \
	  for i in $$(seq 1 20); do redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && break; sleep 0.5; done; \
	  redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 || { echo "Redis is not reachable on 127.0.0.1:6379. Start it and retry."; exit 1; }; }

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache

typecheck: install-dev
	DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/mypy .

test: install-dev services messages lint typecheck
	DJANGO_SETTINGS_MODULE=config.settings.test DATABASE_URL=$(TEST_DATABASE_URL) \
	  $(BIN)/python manage.py makemigrations --check --dry-run -v 1
	DATABASE_URL=$(TEST_DATABASE_URL) CACHE_URL=$(TEST_CACHE_URL) CELERY_BROKER_URL=$(TEST_BROKER_URL) \
	  $(BIN)/pytest --create-db -n 2 --dist loadgroup -m "not celery" $(PYTEST_ARGS)
	@echo "Tests with a real Celery worker (one process, so the worker has the machine's attention):"
	DATABASE_URL=$(TEST_DATABASE_URL) CACHE_URL=$(TEST_CACHE_URL) CELERY_BROKER_URL=$(TEST_BROKER_URL) \
	  $(BIN)/pytest --create-db -m celery $(PYTEST_ARGS) || [ $$? -eq 5 ]

bench: install-dev services
	DATABASE_URL=$(TEST_DATABASE_URL) $(BIN)/python bench/run.py

bench-letters: install-dev
	$(BIN)/python bench/run.py letters

bench-search: install-dev services
	DATABASE_URL=$(TEST_DATABASE_URL) $(BIN)/python bench/run.py search

clean:
	rm -rf var $(VENV)
