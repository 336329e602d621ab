"""`make smt2`: every obligation of the canonical set as a standalone SMT-LIB2 file whose bytes
are fixed, committed, and say the same thing as the Python obligation."""

import hashlib
import subprocess
import sys

import pytest
import z3

from harness.smt2 import DEFAULT_DIR, ExportError, canonical_files, numeral, status, term, to_smt2
from harness.solver import decide, decide_all
from proofs import all_obligations
from proofs.obligation import Obligation
from tests.test_canonical_refutation import CANONICAL_OBLIGATIONS


def digest(files: dict[str, str]) -> str:
    return hashlib.sha256("".join(f"{k}\0{v}\0" for k, v in sorted(files.items())).encode()).hexdigest()


def test_committed_smt2_files_are_up_to_date():
    """Regenerated in memory, byte for byte the files under proofs/smt2/ (run `make smt2`)."""
    files = canonical_files()
    assert sorted(p.name for p in DEFAULT_DIR.glob("*.smt2")) == sorted(files)
    for name, text in files.items():
        assert (DEFAULT_DIR / name).read_bytes() == text.encode("utf-8"), f"{name} is stale: run make smt2"


def test_smt2_export_has_the_same_bytes_in_a_fresh_process():
    code = ("import hashlib; from harness.smt2 import canonical_files as f; "
            "print(hashlib.sha256(''.join(f'{k}\\0{v}\\0' for k, v in sorted(f().items())).encode()).hexdigest())")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == digest(canonical_files())


def test_every_canonical_obligation_has_a_file_with_its_status_and_statement(canonical_claims):
    files = canonical_files()
    assert list(files) == [f"{name}.smt2" for name in CANONICAL_OBLIGATIONS]
    for ob in all_obligations(canonical_claims):
        text = files[f"{ob.name}.smt2"]
        assert status(text) == ob.expected
        assert f"; claim: {ob.statement}\n" in text
        assert "(set-logic QF_NRA)\n" in text and text.endswith("(check-sat)\n(exit)\n")
        assert "^" not in text  # z3's non-standard power operator never leaks into the files


def _roundtrip(ob):
    """Unsat iff Z3 proves (query) <-> (the assertions of the file printed for ob)."""
    parsed = z3.parse_smt2_string(to_smt2(ob))
    return Obligation(f"{ob.name}_roundtrip", "file = query", "unsat",
                      (z3.Not(z3.And(*ob.query) == z3.And(*parsed)),))


@pytest.fixture(scope="module")
def roundtrips(canonical_claims):
    """{name: Outcome} of every canonical obligation's round trip, decided once (decide_all: what
    decide answers, the checks in one worker process instead of one each)."""
    obligations = all_obligations(canonical_claims)
    return {ob.name: outcome
            for ob, outcome in zip(obligations, decide_all([_roundtrip(ob) for ob in obligations], 10))}


@pytest.mark.parametrize("name", CANONICAL_OBLIGATIONS)
def test_smt2_file_is_equivalent_to_the_obligation_query(name, roundtrips):
    """Z3 proves (query) <-> (file's assertions): the printer changes no meaning."""
    assert roundtrips[name].result == "unsat"


def test_a_printer_that_drops_an_assertion_is_caught_by_the_equivalence_check(canonical_claims):
    ob = next(o for o in all_obligations(canonical_claims) if o.name == "standard_optimum")
    parsed = z3.parse_smt2_string(to_smt2(Obligation(ob.name, "", "unsat", ob.query[1:])))
    same = Obligation("roundtrip", "", "unsat", (z3.Not(z3.And(*ob.query) == z3.And(*parsed)),))
    assert decide(same, timeout_s=10).result == "sat"


def test_numerals_are_exact_smtlib_reals():
    from fractions import Fraction
    assert [numeral(Fraction(v)) for v in ("2", "-2", "1/3", "-9/8", "0")] == \
        ["2.0", "(- 2.0)", "(/ 1.0 3.0)", "(- (/ 9.0 8.0))", "0.0"]


def test_a_square_is_printed_as_a_product():
    x = z3.Real("x")
    assert term((x + 1) ** 2) == "(* (+ x 1.0) (+ x 1.0))"


def test_unsupported_terms_are_rejected():
    with pytest.raises(ExportError):
        term(z3.Real("x") ** z3.Q(1, 2))
    with pytest.raises(ExportError):
        term(z3.Int("n") + 1)
