# The two commands of the README. Both install what they need into .venv on a fresh machine.
PY := .venv/bin/python
STAMP := .venv/.installed

.PHONY: build test install serve

$(STAMP): pyproject.toml package.json
	python3 -m venv .venv
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	npm ci --no-audit --no-fund --silent || npm install --no-audit --no-fund --silent
	touch $(STAMP)

install: $(STAMP)

build: $(STAMP)  ## parse reports/ → datapackage/ → site_src/ → site/
	NO_MKDOCS_2_WARNING=1 .venv/bin/xxgk build --strict

test: $(STAMP)  ## the whole test suite
	NO_MKDOCS_2_WARNING=1 $(PY) -m pytest

serve: $(STAMP)
	.venv/bin/xxgk serve
