# PEOA's two everyday commands are `make demo` and `make test`; both set up
# everything they need first (virtual environment, packages, models, Neo4j).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
CACHE  := $(or $(XDG_CACHE_HOME),$(HOME)/.cache)/peoa
WHEELS := $(CACHE)/wheels
LLAMA_VERSION := $(shell sed -n 's/^llama-cpp-python==//p' constraints.txt)
STAMP  := $(VENV)/.installed

.PHONY: setup demo test test-slow reliability bench lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip wheel

# llama-cpp-python has no Linux wheel on PyPI: build it once, keep it in the cache.
$(STAMP): pyproject.toml constraints.txt | $(BIN)/python
	@ls $(WHEELS)/llama_cpp_python-$(LLAMA_VERSION)-*.whl >/dev/null 2>&1 || { \
	  echo "building llama-cpp-python $(LLAMA_VERSION) once (about 10 minutes on 2 cores)"; \
	  mkdir -p $(WHEELS); \
	  CMAKE_BUILD_PARALLEL_LEVEL=$$(nproc) $(BIN)/pip wheel --no-deps \
	    "llama-cpp-python==$(LLAMA_VERSION)" -w $(WHEELS); }
	$(BIN)/pip install --find-links $(WHEELS) --constraint constraints.txt -e ".[dev]"
	touch $@

# The web chat's browser tests drive Debian's chromium (Playwright never downloads one).
setup: $(STAMP)
	@command -v chromium >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update && apt-get install -y chromium; \
	  else echo "chromium is missing (the web-chat browser tests need it): run 'sudo apt-get install -y chromium'"; fi; }
	$(BIN)/peoa models pull

demo: setup
	$(BIN)/peoa demo

test: setup
	$(BIN)/pytest

# Whole-pipeline checks that depend on the base models' accuracy (see pyproject.toml).
test-slow: setup
	$(BIN)/pytest -m slow

# Hardening (RELIABILITY.md): the long fault/load/secrets scenarios, and the fuzz
# tests at 10,000 cases each instead of the default run's 300.
reliability: setup
	PEOA_FUZZ_PROFILE=fuzz-reliability $(BIN)/pytest tests/reliability -m 'reliability or not slow'

bench: setup
	$(BIN)/python -m benchmarks.harness

# mypy reads its settings (files, strict layers) from pyproject.toml's [tool.mypy].
lint: $(STAMP)
	$(BIN)/ruff check peoa tests benchmarks
	$(BIN)/ruff format --check peoa tests benchmarks
	$(BIN)/mypy

clean:
	rm -rf $(VENV) bench-results .pytest_cache .ruff_cache
