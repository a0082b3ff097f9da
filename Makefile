# Intune Migration Helper: the two commands in the README, plus bench and helpers.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# The development set, exported from uv.lock (docs/dependencies.md).
LOCK := requirements/dev.txt
PIP := $(PY) -m pip --quiet --disable-pip-version-check

.PHONY: run test bench lint typecheck pytest system-deps window-deps translations \
	package lock lock-upgrade test-latest clean

# Only what the lock names, every file checked against its hash; then our own
# code, editable, built by the locked hatchling (no download at build time).
$(STAMP): pyproject.toml $(LOCK)
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --require-hashes --no-deps -r $(LOCK)
	$(PIP) install --no-deps --no-build-isolation --editable .
	$(PY) installers/lock.py prune
	$(PY) -m pip check --quiet
	touch $(STAMP)

## make run: the window's system libraries, .venv from the lock, the helper.
run: window-deps $(STAMP) translations
	@$(VENV)/bin/intune-migration-helper || test $$? -eq 4  # 4: no display (one line said so)

# Installed when root on Debian; otherwise the apt line, and a stop if a display
# is there (Qt would abort on its xcb plugin).
window-deps:
	@bash .ci/system-deps.sh --window installers/linux/qt-runtime-packages.txt

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

## make lock: re-resolve after editing pyproject.toml (pins kept where they can be).
lock: $(STAMP)
	$(PY) installers/lock.py lock

## make lock-upgrade [PACKAGE=name]: move every pin to the newest allowed (monthly),
## or one package (a security advisory). Review the diff, run make test, commit.
lock-upgrade: $(STAMP)
	$(PY) installers/lock.py lock $(if $(PACKAGE),--upgrade-package $(PACKAGE),--upgrade)

## make test-latest: the suite on the newest allowed versions, in a throwaway
## venv (build/latest); says which pins can move and which upgrade breaks what.
test-latest: system-deps $(STAMP) translations
	env -u REQUESTS_CA_BUNDLE -u CURL_CA_BUNDLE QT_QPA_PLATFORM=offscreen \
		$(PY) installers/test_latest.py $(TEST_LATEST_ARGS)

clean:
	rm -rf $(VENV) build dist .mypy_cache .ruff_cache
	rm -f resources/translations/*.qm
