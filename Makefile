# bnproof: every target that needs Python depends on the venv, so each works from a fresh clone.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install prove test bench clean lock examples

install: $(STAMP)

# requirements.lock pins every dependency with its hashes (pip-compile --generate-hashes over
# all extras of pyproject.toml); the project itself is then installed without dependencies.
$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

prove: $(STAMP)
	$(BIN)/bnproof prove --output results/report.json

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python bench/run.py
	$(BIN)/python bench/check.py

# `bnproof check` on real data bundled with scikit-learn (no download): results/examples.md
examples: $(STAMP)
	$(BIN)/python examples/real_data.py results/examples.md

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .hypothesis
	find . -name __pycache__ -type d -prune -exec rm -rf {} +

# Regenerate requirements.lock after changing a pin in pyproject.toml (needs the package index).
lock: $(STAMP)
	$(BIN)/python -m pip install --quiet pip-tools==7.6.2
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url \
	  --no-emit-find-links --extra test --extra recheck --extra paper --extra examples \
	  -o requirements.lock pyproject.toml
