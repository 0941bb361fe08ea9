# The project's commands: the README, .ci/run and the GitHub workflow all call these targets.
PY := .venv/bin/python
# the Python the venv is made from (``make install PYTHON=/usr/bin/python3``): python3 on PATH unless told. .ci/run
# gives Debian's own build where there is one (see there: the same tests, less CPU)
PYTHON ?= python3
STAMP := .venv/.installed
# bytecode written (Python's .pyc, pytest's rewritten test modules) even where the environment says not to
# (PYTHONDONTWRITEBYTECODE, set on CI machines and in containers): else every process the build and the tests start —
# each test worker's collection, parse, page and validation workers, MkDocs' server, each command run — compiled
# the 2 MB of build/xxgk again (0.4 CPU s a process) and a test worker its 300 modules (8 CPU s). A stale one is
# never used. (__pycache__/ is ignored by git.)
RUN := PYTHONDONTWRITEBYTECODE= NO_MKDOCS_2_WARNING=1

.PHONY: build test check release install serve

$(STAMP): pyproject.toml package.json package-lock.json
	$(PYTHON) -m venv .venv
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	npm ci --no-audit --no-fund --silent
	touch $(STAMP)

install: $(STAMP)

build: $(STAMP)  ## parse reports/ → datapackage/ → site_src/ → site/ (mkdocs --strict)
	$(RUN) .venv/bin/xxgk build --strict --quiet

test: $(STAMP)  ## the whole test suite
	$(RUN) $(PY) -m pytest

check: $(STAMP)  ## after build: the package validates and the committed datapackage/ is what the build made
	.venv/bin/frictionless validate datapackage/datapackage.json
	git diff --exit-code --stat -- datapackage || (echo "datapackage/ is stale: run 'make build' and commit it" && exit 1)
	test -z "$$(git status --porcelain -- datapackage)" || (echo "untracked files in datapackage/: commit them" && exit 1)

release: build  ## the release assets: the package zip and its SHA-256
	mkdir -p dist
	cp datapackage/xxgk-datapackage.zip dist/
	cd dist && sha256sum xxgk-datapackage.zip > xxgk-datapackage.zip.sha256

serve: $(STAMP)
	.venv/bin/xxgk serve
