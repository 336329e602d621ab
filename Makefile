# bnproof: every target that needs Python depends on the venv, so each works from a fresh clone.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install prove test bench clean lock golden smt2 recheck certify examples theorems smt2-general mutate

install: $(STAMP)

# requirements.lock pins every dependency with its hashes (pip-compile --generate-hashes over
# all extras of pyproject.toml); the project itself is then installed without dependencies, and
# its bytecode compiled (where PYTHONDONTWRITEBYTECODE is set, each run would compile it again).
$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	$(BIN)/python -m compileall -q harness proofs > /dev/null
	touch $(STAMP)

prove: $(STAMP)
	$(BIN)/bnproof prove --output results/report.json

# Every obligation of the canonical set as a standalone SMT-LIB2 file (committed; a test checks
# they are up to date); `recheck` decides each file again with Z3 and with cvc5.
smt2: $(STAMP)
	$(BIN)/python -m harness.smt2 proofs/smt2

recheck: $(STAMP)
	$(BIN)/python -m harness.recheck proofs/smt2

# The general theorems (every learning set, every dimension; docs/general-theorems.md), their
# SMT-LIB2 files (committed; a test checks they are up to date). `make theorems` already runs
# cvc5 on each of them where cvc5 can decide it. Its report, results/theorems.json, gives
# `make paper` the macros of results/theorem_macros.tex.
theorems: $(STAMP)
	$(BIN)/bnproof theorems --output results/theorems.json

smt2-general: $(STAMP)
	$(BIN)/python -m harness.theorems proofs/smt2/general

# Solver-free certificates (proofs/certificates.py) checked by plain SymPy arithmetic.
certify: $(STAMP)
	$(BIN)/python -m harness.certify

# The whole suite on both cores (pytest-xdist): each test file stays on one worker (some files
# share a build folder, e.g. the Coq files), the files that read the golden `prove` reports on
# one worker, in the order of tests/conftest.py (costly files first, heavy imports last).
# Bytecode is cached (__pycache__, as Python does by default) even where the environment sets
# PYTHONDONTWRITEBYTECODE: else each worker and each CLI run of the tests compiles the project's
# modules again, and pytest rewrites the asserts of every test file again (2 s of CPU a worker).
test: $(STAMP)
	PYTHONDONTWRITEBYTECODE= $(BIN)/python -m pytest -n 2 --dist loadfile --no-loadscope-reorder

# Rewrite tests/golden/*.json after an intended change of the reports (review the diff).
golden: $(STAMP)
	$(BIN)/python -m tests.golden

bench: $(STAMP)
	$(BIN)/python bench/run.py
	$(BIN)/python bench/check.py
	$(BIN)/python bench/search.py
	$(BIN)/python bench/prove_scale.py

# `bnproof prove --variant` timings (the variants of docs/spec.md §7, docs/variants.md)
.PHONY: bench-variants
bench-variants: $(STAMP)
	$(BIN)/python bench/variants.py

# `bnproof check` on real data bundled with scikit-learn (no download): results/examples.md
examples: $(STAMP)
	$(BIN)/python examples/real_data.py results/examples.md

# results/macros.tex and the figures of the paper, from a fresh proof of the canonical set
# (results/theorem_macros.tex from the report of the last `make theorems`).
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
	  --no-emit-find-links --extra test --extra recheck --extra paper --extra examples \
	  --extra parquet --extra dask --extra bench --extra mutate \
	  -o requirements.lock pyproject.toml

# Optional, not part of `make test`: a real torch.nn.BatchNorm1d agrees with the exact proof.
# torch==2.13.0 resolves to the CPU wheel on this machine's local disk (it also adds torch's own
# dependencies to .venv; `make clean install` returns to the locked set).
.PHONY: torch-check
torch-check: $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check torch==2.13.0
	$(BIN)/python scripts/torch_check.py

# Kernel-checked refutation (proofs/coq, docs/kernel-checked.md): compiles every .v file with
# coqc (only what changed, via coq_makefile); fails unless every theorem is closed. Installs Coq
# 8.16 + Coquelicot with apt-get when missing (root only; otherwise says how).
COQ_PACKAGES := coq libcoq-coquelicot
COQ_LIBS_PRESENT = command -v coqc >/dev/null && command -v coq_makefile >/dev/null \
  && [ -d "$$(coqc -where)/user-contrib/Coquelicot" ]
.PHONY: coq coq-deps
# (Admit: `Admit Obligations`; Context: a section hypothesis; Unset: `Unset Guard Checking` etc.)
COQ_UNFINISHED := Admitted|admit|Admit|Abort|Axiom|Axioms|Parameter|Parameters|Conjecture|Hypothesis|Hypotheses|Variable|Variables|Context|Unset
# flock: two test files may run `make coq` at once (pytest-xdist); the second waits, then finds
# nothing to do.
coq: coq-deps
	@if grep -nwE '$(COQ_UNFINISHED)' proofs/coq/*.v; then \
	  echo "make coq: an unfinished proof or an added assumption (above) in proofs/coq" >&2; exit 1; fi
	@cd proofs/coq && flock . sh -c 'coq_makefile -f _CoqProject -o Makefile.coq >/dev/null \
	  && $(MAKE) --no-print-directory -f Makefile.coq'

coq-deps:
	@if $(COQ_LIBS_PRESENT); then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "make coq: installing $(COQ_PACKAGES) with apt-get"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(COQ_PACKAGES) >/dev/null; \
	else \
	  echo "make coq: coqc with Coquelicot not found, and it cannot be installed here;" \
	       "run as root: apt-get install -y $(COQ_PACKAGES)" >&2; exit 1; \
	fi

# Every 3-point learning set in R² with entries in {-1,0,1} and {-2..2}, exact verdicts, and the
# minimality theorems: results/counterexamples.md, the histogram counterexamples.pdf/.png and the
# LaTeX macros counterexamples.tex.
.PHONY: counterexamples
counterexamples: $(STAMP)
	$(BIN)/bnproof search --report results

# (L4.5) with ReLU and t³ activations (BN before the activation): proofs/activations.py.
.PHONY: activations
activations: $(STAMP)
	$(BIN)/python -m harness.activations

# Two-layer linear network with one BN hidden unit: proofs/two_layer.py + a seeded Monte-Carlo.
.PHONY: two-layer
two-layer: $(STAMP)
	$(BIN)/python -m harness.two_layer

# Mutation testing (docs/mutation-testing.md), not part of `make test`: mutmut generates mutants
# of the modules listed in pyproject.toml [tool.mutmut], scripts/mutate_covered.py runs each
# against the tests that call its function (niced, 2 workers), and the summary goes to
# results/mutation.json and results/mutation.md. The run resumes where it stopped; `rm -rf mutants`
# starts afresh. `MUTANTS='proofs.bn_optima.*' make mutate` runs only the mutants named (globs).
.PHONY: mutate
mutate: $(STAMP)
	$(BIN)/python scripts/mutate.py $(MUTANTS)
