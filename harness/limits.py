"""Size limits shared by the commands and their help texts (kept in a module with no imports, so
that building the command-line parser does not import the exact-check machinery)."""

# `check --prove` builds Z3 terms over every point for the literal identities (4.5 s for all terms
# at n·d = 20 000): beyond this many entries of X it is not attempted.
PROVE_MAX_ENTRIES = 100_000

# `search`: the largest entry bound B enumerated (harness/search.py explains the int64 bound)
SEARCH_MAX_BOUND = 2
