# Two commands do all the set-up: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
MAP := maps/iran-in-latin-america.yaml

.PHONY: demo test lint typecheck bench skeleton-eval golden fuzz install clean argdown-cli argdown-real

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/argmap show $(MAP)
	@mkdir -p out
	@if $(BIN)/argmap render --help >/dev/null 2>&1; then \
		$(BIN)/argmap render $(MAP) --engine wasm -o out/iran-in-latin-america.svg && \
		$(BIN)/argmap render $(MAP) --engine wasm -o out/iran-in-latin-america.html && \
		echo "wrote out/iran-in-latin-america.svg and out/iran-in-latin-america.html"; \
	fi

test: $(STAMP)
	$(BIN)/python -m pytest -q
	$(BIN)/ruff check argmap tests bench
	$(BIN)/mypy

lint: $(STAMP)
	$(BIN)/ruff check argmap tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

bench: $(STAMP)
	@# bytecode as an installed package has it (pip compiles on install; an editable
	@# install under PYTHONDONTWRITEBYTECODE would recompile every module on every run)
	$(BIN)/python -m compileall -q argmap
	$(BIN)/python bench/run.py

skeleton-eval: $(STAMP)
	$(BIN)/python bench/skeleton_eval.py

# the fuzz suite of make test, run for a long time with fresh seeds (an hour unless told);
# failures are appended to fuzz.log and replayed first next time (.hypothesis/)
FUZZ_SECONDS ?= 3600
fuzz: $(STAMP)
	FUZZ_SECONDS=$(FUZZ_SECONDS) $(BIN)/python tests/run_fuzz.py

# The Argdown CLI (Node), pinned: the speed anchor of `make bench` and the reference of the
# Argdown conformance tests. Installed with npm into a git-ignored folder inside the repo;
# both skip with a reason when it is absent.
ARGDOWN_VERSION := 1.7.5
ARGDOWN_DIR := .cache/argdown-cli
ARGDOWN_STAMP := $(ARGDOWN_DIR)/.installed-$(ARGDOWN_VERSION)

$(ARGDOWN_STAMP):
	@command -v npm >/dev/null 2>&1 || { echo "argdown-cli: npm is not installed"; exit 1; }
	@mkdir -p $(ARGDOWN_DIR)
	npm install --prefix $(ARGDOWN_DIR) --save-exact --no-audit --no-fund --loglevel=error @argdown/cli@$(ARGDOWN_VERSION)
	@test "$$($(ARGDOWN_DIR)/node_modules/.bin/argdown --version)" = "$(ARGDOWN_VERSION)"
	@touch $(ARGDOWN_STAMP)

argdown-cli: $(ARGDOWN_STAMP)

# Argdown -> argmap -> Argdown on real files from outside the corpus (issue 18): a folder of
# .argdown files (ARGMAP_ARGDOWN_REAL, else ../argdown-real/files; never in the repository)
# read by the Argdown CLI and by argmap; prints the agreement figures and the failing files.
# Says why and does nothing without the CLI or the folder.
argdown-real: $(STAMP)
	$(BIN)/python bench/argdown_roundtrip.py

golden: $(STAMP)
	ARGMAP_REGENERATE_GOLDEN=1 $(BIN)/python -m pytest -q -m "not browser" tests -k golden

clean:
	rm -rf $(VENV) out .pytest_cache .mypy_cache .ruff_cache
