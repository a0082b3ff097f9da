# Intune Migration Helper: the two commands in the README, plus bench and helpers.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test bench lint typecheck pytest system-deps translations package clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

## make run: create .venv, install, start the helper.
run: $(STAMP) translations
	@$(VENV)/bin/intune-migration-helper || test $$? -eq 4  # 4: no display (one line said so)

## make test: system packages (root on Debian), then ruff, mypy and pytest.
test: system-deps $(STAMP) lint typecheck pytest

system-deps:
	bash .ci/system-deps.sh

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

typecheck: $(STAMP)
	$(VENV)/bin/mypy

pytest: $(STAMP) translations
	env -u REQUESTS_CA_BUNDLE -u CURL_CA_BUNDLE QT_QPA_PLATFORM=offscreen \
		$(PY) -m pytest -q $(PYTEST_ARGS)

## make package: Linux bundle, its --self-test, the .deb, and the MSI structure check.
package: system-deps $(STAMP) translations
	$(PY) installers/build.py all

## make translations: compile resources/translations/*.ts into .qm files (build artefacts).
translations: $(STAMP)
	$(PY) installers/build_translations.py --if-needed

## make bench: performance figures (ratios against a baseline measured in the same run).
bench: $(STAMP)
	@# Installed wheels and frozen bundles ship bytecode; this machine sets
	@# PYTHONDONTWRITEBYTECODE, so compile ours first or every run recompiles it.
	$(PY) -m compileall -q helper ui >/dev/null
	$(PY) -m tests.bench

clean:
	rm -rf $(VENV) build dist .mypy_cache .ruff_cache
	rm -f resources/translations/*.qm
