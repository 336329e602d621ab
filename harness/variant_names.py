"""The names of the BN variants of docs/spec.md §7, apart from harness/variants.py so that the
command line can list them without importing Z3 or SymPy."""

VARIANTS = ("paper", "gamma-beta", "epsilon", "torch", "bias")
