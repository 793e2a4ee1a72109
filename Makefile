# Two commands on a fresh machine (Python 3.11, git, make, Node): `make demo`, `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
UV_VERSION := 0.13.8
TOOLS := .tools
UV := $(TOOLS)/bin/uv
VENV := .venv
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)
# Byte-compile at install time: imports then read .pyc even where PYTHONDONTWRITEBYTECODE is set.
export UV_COMPILE_BYTECODE := 1
SHARED ?= ../shared

.PHONY: help demo test bench lint format venv node browser clean

help: ## This list of targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 10

demo: venv node ## Build a complete release from simulated records into build/demo
	$(VENV)/bin/outcomes demo --out build/demo --force

test: venv node browser ## Every test (ruff, format, mypy, pytest with real data and Chromium)
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/ruff format --check src tests bench
	$(VENV)/bin/mypy
	$(VENV)/bin/pytest

bench: venv node ## Time the performance goals (medians of cold runs)
	$(VENV)/bin/python bench/run.py --shared $(SHARED)

lint: venv ## ruff and mypy only
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/ruff format --check src tests bench
	$(VENV)/bin/mypy

venv: $(VENV)/.synced

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

$(VENV)/.synced: pyproject.toml uv.lock $(shell find src -name '*.py') | $(UV)
	$(UV) sync --frozen --python $(PYTHON)
	$(VENV)/bin/python -m compileall -q src
	touch $@

node: node_modules/.installed

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Browser tests use Debian's Chromium (no browser download); the W3C checker (vnu-jar) needs
# Java, from Debian's packages where it is missing; the ODF check needs jing and the OASIS
# ODF 1.2 schema, which Debian's jOpenDocument library (libjopendocument-java) ships.
browser:
	@command -v chromium >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq chromium >/dev/null)
	@command -v java >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq default-jre-headless >/dev/null)
	@command -v jing >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq jing >/dev/null)
	@ls /usr/share/java/jOpenDocument*.jar >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq libjopendocument-java >/dev/null)

format: venv ## Format the code (ruff format)
	$(VENV)/bin/ruff format src tests bench

clean: ## Remove build output, the virtual environment and npm packages
	rm -rf build $(VENV) $(TOOLS) node_modules
