# The two commands a newcomer needs: `make serve` (or `make build`) and `make test`.
# Every target sets up .venv with the pinned packages on first use.
SHELL := /bin/bash
PY := .venv/bin/python
MKDOCS := .venv/bin/mkdocs
export NO_MKDOCS_2_WARNING := 1
export PYTHONPATH := $(CURDIR)/scripts

# `make serve LANG=ar` previews one language. LANG is also the locale variable of the
# environment, so only a value given on the command line counts.
ifeq ($(origin LANG),command line)
PREVIEW_LANG := $(LANG)
endif

.PHONY: build serve validate test translations verified bench clean setup browser fonts

.venv/.installed: requirements.txt requirements-test.txt requirements-fonts.txt constraints.txt
	scripts/setup.sh venv

setup: .venv/.installed

browser:
	scripts/setup.sh browser

validate: .venv/.installed
	$(PY) -m hedersite validate
	$(PY) -m hedersite check-docs

build: validate
	$(PY) -m hedersite build

serve: validate
	$(PY) -m hedersite serve $(if $(PREVIEW_LANG),--lang $(PREVIEW_LANG))

translations: .venv/.installed
	$(PY) -m hedersite translations

# Regenerate the Arabic-script and Ethiopic font subsets after adding text in those scripts
# (needs npm and the network; the build only copies the committed files).
fonts: .venv/.installed
	$(PY) -m hedersite fonts

verified: .venv/.installed
	$(PY) -m hedersite verified

test: .venv/.installed browser
	$(PY) -m hedersite translations --brief
	$(PY) -m pytest -q

# Lighthouse for `make bench` (scripts/hedersite/lighthouse.py), pinned here and only here;
# 12.x runs on Debian's Node 20 (13 wants Node 22). Installed once with npm (network), then
# run offline against the built site. If npm fails, bench still runs and says why.
LIGHTHOUSE_VERSION := 12.2.3
.bench/.lighthouse-$(LIGHTHOUSE_VERSION):
	npm install --prefix .bench --no-audit --no-fund --save-exact lighthouse@$(LIGHTHOUSE_VERSION)
	touch $@

bench: .venv/.installed
	-@$(MAKE) --no-print-directory .bench/.lighthouse-$(LIGHTHOUSE_VERSION)
	$(PY) -m hedersite bench

clean:
	rm -rf site .pytest_cache
