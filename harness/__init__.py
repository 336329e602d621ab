"""The harness: learning sets, exact statistics, the solver boundary, the independent SymPy
evaluator, cross-checks, reports and the command line.

Data flow: learning set -> exact statistics -> obligations (proofs/) -> solver -> witness ->
independent evaluator -> report. `harness.solver` is the only module that runs a solver.
"""
