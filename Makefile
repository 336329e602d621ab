# bnproof: every target that needs Python depends on the venv, so each works from a fresh clone.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install prove test bench clean lock golden smt2 recheck certify examples mutate

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

# Every obligation of the canonical set as a standalone SMT-LIB2 file (committed; a test checks
# they are up to date); `recheck` decides each file again with Z3 and with cvc5.
smt2: $(STAMP)
	$(BIN)/python -m harness.smt2 proofs/smt2

recheck: $(STAMP)
	$(BIN)/python -m harness.recheck proofs/smt2

# Solver-free certificates (proofs/certificates.py) checked by plain SymPy arithmetic.
certify: $(STAMP)
	$(BIN)/python -m harness.certify

test: $(STAMP)
	$(BIN)/python -m pytest

# Rewrite tests/golden/*.json after an intended change of the reports (review the diff).
golden: $(STAMP)
	$(BIN)/python -m tests.golden

bench: $(STAMP)
	$(BIN)/python bench/run.py
	$(BIN)/python bench/check.py

# Mutation testing (issue 7): mutmut (the `mutate` extra) over proofs/ and harness/solver.py
# against the fast selection of [tool.mutmut] in pyproject.toml; not part of `make test` (it
# takes long). MUTANTS="proofs.distance_to_ray*" runs a subset. Results: `mutmut results`.
mutate: $(STAMP)
	$(BIN)/mutmut run $(MUTANTS)
	$(BIN)/mutmut export-cicd-stats

# `bnproof check` on real data bundled with scikit-learn (no download): results/examples.md
examples: $(STAMP)
	$(BIN)/python examples/real_data.py results/examples.md

# results/macros.tex and the figures of the paper, from a fresh proof of the canonical set.
.PHONY: paper
paper: $(STAMP)
	$(BIN)/python -m harness.paper

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .hypothesis mutants
	find . -name __pycache__ -type d -prune -exec rm -rf {} +

# Regenerate requirements.lock after changing a pin in pyproject.toml (needs the package index).
lock: $(STAMP)
	$(BIN)/python -m pip install --quiet pip-tools==7.6.2
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url \
	  --no-emit-find-links --extra test --extra recheck --extra paper --extra examples --extra mutate \
	  -o requirements.lock pyproject.toml

# Optional, not part of `make test`: a real torch.nn.BatchNorm1d agrees with the exact proof.
# torch==2.13.0 resolves to the CPU wheel on this machine's local disk (it also adds torch's own
# dependencies to .venv; `make clean install` returns to the locked set).
.PHONY: torch-check
torch-check: $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check torch==2.13.0
	$(BIN)/python scripts/torch_check.py
