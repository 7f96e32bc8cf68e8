# Zhengwu: the whole developer vocabulary. `make start` and `make test` are
# all a fresh machine needs (Python 3.11+; PostgreSQL only for RelStorage).

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8080
export PORT

.PHONY: help install start create-site serve test test-quick test-storage test-browser lint format i18n constraints versions.cfg buildout clean

help:  ## list the targets
	@grep -E '^[a-zA-Z_.-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-14s %s\n", $$1, $$2}'

$(BIN)/python:
	@echo "[zhengwu] Creating the virtual environment $(VENV) …"
	$(PYTHON) -c 'import sys; sys.exit("Zhengwu needs Python 3.11 or newer." if sys.version_info < (3, 11) else 0)'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python setup.py constraints.txt
	@echo "[zhengwu] Installing Plone 6.2 and Zhengwu with the pinned versions (constraints.txt) …"
	$(BIN)/pip install --quiet --progress-bar off -c constraints.txt setuptools wheel
	$(BIN)/pip install --quiet --progress-bar off -c constraints.txt --no-build-isolation -e '.[test]'
	$(BIN)/pip install --quiet --progress-bar off -c constraints.txt i18ndude zc.buildout plone.recipe.zope2instance build
	@touch $@

install: $(VENV)/.installed node_modules  ## create .venv and install everything pinned

# axe-core for the browser tests' accessibility checks (package.json,
# package-lock.json); skipped with a note where Node.js is not installed.
node_modules: package.json package-lock.json
	@if command -v npm >/dev/null; then \
	  echo "[zhengwu] Installing axe-core for the browser tests (npm ci) …"; \
	  npm ci --no-audit --no-fund --loglevel=error && touch node_modules; \
	else \
	  echo "[zhengwu] npm not found: the browser tests will skip their axe-core checks."; \
	fi

start: install  ## create the site (with demo content unless DEMO=0) and serve it on http://localhost:$(PORT)/Plone
	$(BIN)/zhengwu start

create-site: install  ## create the site without serving it
	$(BIN)/zhengwu configure
	$(BIN)/zhengwu create-site

serve: install  ## serve an existing site
	$(BIN)/zhengwu configure
	$(BIN)/zhengwu serve

test: install  ## run every test (unit, integration, storage on FileStorage and RelStorage, packaging, browser)
	$(BIN)/pytest

test-quick: install  ## unit, integration and REST tests: no browser, storage or packaging tests
	$(BIN)/pytest -m "not slow"

test-storage: install  ## only the storage and fault tests (real processes, PostgreSQL, HAProxy)
	$(BIN)/pytest tests/storage tests/faults

test-browser: install  ## only the browser tests (Playwright with /usr/bin/chromium)
	$(BIN)/pytest tests/browser

lint: install  ## ruff for Python, zpretty for XML and ZCML
	$(BIN)/ruff check src tests profiles benchmarks
	$(BIN)/ruff format --check src tests profiles benchmarks
	find src profiles -name '*.zcml' -o -name '*.xml' | xargs $(BIN)/zpretty --check

format: install  ## rewrite the code in the project's style
	$(BIN)/ruff check --fix src tests profiles benchmarks
	$(BIN)/ruff format src tests profiles benchmarks
	find src profiles -name '*.zcml' -o -name '*.xml' | xargs $(BIN)/zpretty -i

i18n: install  ## rebuild zhengwu.pot from the code and sync the zh_CN and en catalogs
	$(BIN)/python -m zhengwu.locales

constraints:  ## regenerate constraints.txt and versions.cfg from the installed .venv
	{ sed -n '/^#/p' constraints.txt; $(BIN)/pip freeze --all | grep -v -e '^-e' -e '^pip==' -e '^zhengwu' | sort -f; } > constraints.txt.new
	mv constraints.txt.new constraints.txt
	$(MAKE) versions.cfg

versions.cfg: constraints.txt  ## buildout's pins, generated from constraints.txt
	{ echo '# Generated from constraints.txt by `make versions.cfg`: edit constraints.txt instead.'; \
	  echo '[versions]'; \
	  sed -n 's/^\([^#][^=]*\)==\(.*\)$$/\1 = \2/p' constraints.txt; } > versions.cfg

buildout: install  ## the buildout way to the same instance (bin/instance)
	$(BIN)/buildout -N -c buildout.cfg

clean:  ## remove .venv and build artefacts (keeps instance/var: your data)
	rm -rf $(VENV) build dist *.egg-info src/*.egg-info bin eggs develop-eggs parts .installed.cfg
