"""The Coq statements say what the spec and the Python artifact say (proofs/coq).

tests/test_coq.py checks that the Coq files compile closed; this file checks what they state
(docs/kernel-checked.md):
- the joint with Python: the data, W*, d and every value in a Coq theorem statement are read
  from the .v files and compared with the exact values of harness/ (statistics, claims and the
  independent SymPy evaluator), and the computable definitions of Definitions.v (L, μ, σ, f̂,
  L̂, Σ, c ...), read by a small reader of their Coq syntax, agree with harness/evaluator.py;
- the statements as the kernel prints them are the ones docs/kernel-checked.md shows;
- `Print Assumptions` catches an axiom that a grep for Admitted/Axiom misses;
- more mutated statements (a weakened hypothesis, a flipped definition, a wrong constant, a true
  right side) are rejected by the kernel.
"""

import re
import subprocess
from fractions import Fraction

import pytest
import sympy

from harness.cross_check import surd
from harness.evaluator import Evaluator, lemma_sides, rational
from harness.learning_set import canonical
from harness.statistics import claims as make_claims
from harness.statistics import exact_statistics
from tests.test_coq import (COQ_DIR, LIBRARY, ROOT, STANDARD_AXIOMS, TIMEOUT, UNFINISHED,
                            _axioms, _coq_files, assert_kernel_rejects, built_library)

__all__ = ["built_library"]   # the fixture (`make coq`), shared with tests/test_coq.py

# ---------------------------------------------------------------------------------------------
# A reader of the Coq expressions used in Definitions.v and in the theorem statements
# (notation levels of Coq's Reals: + - at 50, * / at 40, unary - and / at 35, ^ at 30,
# application tightest), evaluated with SymPy.

TOKEN = re.compile(r"\s*(\d+|[A-Za-z_][A-Za-z_0-9']*|[()+\-*/^,])")


def _tokens(text):
    text, out, at = text.strip(), [], 0
    while at < len(text):
        m = TOKEN.match(text, at)
        assert m, f"cannot read Coq expression at {text[at:]!r}"
        out.append(m.group(1))
        at = m.end()
    return out


class _Parser:
    def __init__(self, text):
        self.toks, self.at = _tokens(text), 0

    def peek(self):
        return self.toks[self.at] if self.at < len(self.toks) else None

    def take(self, expected=None):
        tok = self.peek()
        assert expected is None or tok == expected, (tok, expected, self.toks)
        self.at += 1
        return tok

    def whole(self):
        tree = self.sum()
        assert self.peek() is None, self.toks[self.at:]
        return tree

    def sum(self):
        tree = self.product()
        while self.peek() in ("+", "-"):
            tree = (self.take(), tree, self.product())
        return tree

    def product(self):
        tree = self.unary()
        while self.peek() in ("*", "/"):
            tree = (self.take(), tree, self.unary())
        return tree

    def unary(self):
        if self.peek() in ("-", "/"):
            return ("neg" if self.take() == "-" else "inv", self.unary())
        return self.power()

    def power(self):
        tree = self.application()
        if self.peek() == "^":
            self.take()
            return ("^", tree, self.power())
        return tree

    def application(self):
        head, args = self.atom(), []
        while self.peek() is not None and (self.peek() == "(" or re.match(r"\w", self.peek())):
            args.append(self.atom())
        return ("app", head, args) if args else head

    def atom(self):
        tok = self.take()
        if tok == "(":
            first = self.sum()
            if self.peek() == ",":
                self.take()
                first = ("pair", first, self.sum())
            self.take(")")
            return first
        return ("num", int(tok)) if tok.isdigit() else ("var", tok)


BUILTINS = {"fst": lambda p: p[0], "snd": lambda p: p[1], "sqrt": sympy.sqrt}
BINARY = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b,
          "/": lambda a, b: a / b, "^": lambda a, b: a ** b}


def _evaluate(tree, env):
    kind = tree[0]
    if kind == "num":
        return sympy.Integer(tree[1])
    if kind == "var":
        return env[tree[1]]
    if kind == "neg":
        return -_evaluate(tree[1], env)
    if kind == "inv":
        return 1 / _evaluate(tree[1], env)
    if kind == "pair":
        return (_evaluate(tree[1], env), _evaluate(tree[2], env))
    if kind == "app":
        return _evaluate(tree[1], env)(*[_evaluate(a, env) for a in tree[2]])
    return BINARY[kind](_evaluate(tree[1], env), _evaluate(tree[2], env))


def coq_value(text, env=BUILTINS):
    return _evaluate(_Parser(text).whole(), env)


# `Definition name (a b : T) (t : R) : T := body.` for the computable definitions (vectors and
# reals; the Prop-valued ones and vec itself are skipped).
DEFINITION = re.compile(
    r"Definition (\w+)((?:\s*\([^()]*\))*)\s*:\s*(?:vec|R)\s*:=\s*(.*?)\.(?=\s)", re.S)


def coq_definitions(text, skip=()):
    """{name: value or function} for every computable definition, in the order of the file
    (but those named in `skip`)."""
    env = dict(BUILTINS)
    for name, binders, body in DEFINITION.findall(text):
        if name in skip:
            continue
        params = [p for group in re.findall(r"\(([^:()]*):", binders) for p in group.split()]
        tree = _Parser(body).whole()
        if params:
            env[name] = (lambda tree, params: lambda *args: _evaluate(
                tree, {**env, **dict(zip(params, args, strict=True))}))(tree, params)
        else:
            env[name] = _evaluate(tree, env)
    return env


def _source(name):
    return (COQ_DIR / name).read_text()


def _statement(file, pattern):
    """The text a regular expression captures in a Coq file (one match: the statement is there)."""
    found = re.findall(pattern, _source(file))
    assert len(found) == 1, f"{file}: {pattern!r} matches {len(found)} times"
    return found[0]


def _equal(a, b):
    return sympy.simplify(sympy.sympify(a) - sympy.sympify(b)) == 0


@pytest.fixture(scope="module")
def coq():
    return coq_definitions(_source("Definitions.v"), skip={"dist_to_set"})  # an infimum


@pytest.fixture(scope="module")
def harness():
    ls = canonical()
    stats = exact_statistics(ls)
    return ls, stats, make_claims(ls, stats), Evaluator(ls.X, ls.y)


def test_coq_reader_follows_coq_precedence():
    assert coq_value("- 3 * sqrt 2 / 4") == -3 * sympy.sqrt(2) / 4
    assert coq_value("/ 3 * (2 + 4) ^ 2 - 1") == 11
    assert coq_value("fst (1, 2) - snd (1, 2) * 3") == -5


def test_coq_learning_set_is_the_canonical_set(coq, harness):
    ls = harness[0]
    assert [coq[f"x{i}"] for i in (1, 2, 3)] == [tuple(map(rational, x)) for x in ls.X]
    assert [coq[f"y{i}"] for i in (1, 2, 3)] == [rational(v) for v in ls.y]


def test_coq_w_star_and_d_are_the_harness_exact_values(coq, harness):
    _, stats, claims, ev = harness
    w_star, d = tuple(map(rational, stats.w_star)), tuple(map(rational, stats.bn_direction))
    assert coq["W_star"] == w_star == tuple(ev.standard_optimum())
    assert coq["d"] == d == tuple(ev.bn_direction())
    assert coq["xbar"] == tuple(sum(x[k] for x in harness[0].X) / 3 for k in (0, 1))
    sigma, c = ev.centered()
    assert coq["c"] == tuple(c)
    for v in [(1, 0), (0, 1), (3, -7)]:
        assert coq["Sigma_mul"](*[tuple(map(sympy.Integer, v))]) == tuple(sigma * sympy.Matrix(v))
    # the BN ray of bn_optima is t·d
    ray = _statement("BnOptima.v", r"exists t, t > 0 /\\ w = \((t \* \d+, t \* \d+)\)\.")
    t = sympy.Symbol("t")
    assert coq_value(f"({ray})", {**BUILTINS, "t": t}) == (t * d[0], t * d[1])


POINTS = [(2, 0), (5, 3), (1, 1), (-1, 2), (Fraction(1, 3), Fraction(-7, 2)), (-5, -3)]


def test_coq_losses_and_bn_statistics_are_the_evaluators(coq, harness):
    """L, μ, σ, f̂, L̂ of Definitions.v, read literally, equal harness/evaluator.py's: L and μ as
    polynomials in symbolic w, L̂ and f̂ at exact points (some on each ray, some off)."""
    ls, ev = harness[0], harness[3]
    w = sympy.symbols("w1 w2", real=True)
    assert sympy.expand(coq["L"](w) - ev.standard_loss(w)) == 0
    assert sympy.expand(coq["mu"](w) - sum(ev.X * sympy.Matrix(w)) / 3) == 0
    xs = [coq["x1"], coq["x2"], coq["x3"]]
    for point in POINTS:
        p = tuple(map(rational, point))
        assert _equal(coq["L"](p), ev.standard_loss(p))
        assert _equal(coq["Lhat"](p), ev.bn_loss(p)), point
        outputs = ev.bn_outputs(p)
        assert all(_equal(coq["fhat"](p, x), o) for x, o in zip(xs, outputs))
        u = [coq["u"](p, x) for x in xs]
        assert _equal(coq["sigma"](p) ** 2, sum((ui - sum(u) / 3) ** 2 for ui in u) / 3)


def test_coq_theorem_values_are_the_harness_exact_values(harness):
    """Every number a Coq theorem states equals the value the Python artifact proves."""
    ls, stats, claims, ev = harness
    w_star, d = claims.w_star, claims.bn_direction
    L_value = _statement("StandardOptimum.v", r"Theorem standard_optimum :\s*L W_star = (\S+) /\\")
    assert coq_value(L_value) == rational(claims.standard_loss_at_w_star) \
        == ev.standard_loss(w_star)
    g1 = _statement("Gradient.v", r"\(fun t => Lhat \(t, snd W_star\)\) \(fst W_star\) (.+?) /\\")
    g2 = _statement("Gradient.v", r"\(fun t => Lhat \(fst W_star, t\)\) \(snd W_star\) \((.+?)\)\.")
    f1, f2 = _statement("Gradient.v", r"fst h \* (\S+) \+ snd h \* \((.+?)\)\)\.")  # Fréchet
    grad = ev.bn_gradient(w_star)
    for texts, claimed, evaluated in zip(((g1, f1), (g2, f2)), claims.grad_at_w_star, grad):
        for text in texts:
            assert _equal(coq_value(text), surd(claimed)) and _equal(coq_value(text), evaluated)
    at_w_star = _statement("LossValues.v", r"Theorem bn_loss_at_w_star : Lhat W_star = (.+?)\.\n")
    assert _equal(coq_value(at_w_star), surd(claims.bn_loss_at_w_star))
    assert _equal(coq_value(at_w_star), ev.bn_loss(w_star))
    minimum = _statement("LossValues.v", r"Lhat d = (.+?) /\\")
    assert _equal(coq_value(minimum), surd(claims.min_bn_loss))
    assert _equal(coq_value(minimum), ev.min_bn_loss_closed_form())
    left, right = lemma_sides(w_star, w_star, d)
    for file, pattern in [("Distance.v", r"dist_to_set W_hat_star W_star \^ 2 = (.+?)\.\n"),
                          ("Distance.v", r"euclid_dist W_star v \^ 2 = (.+?) /\\")]:
        assert coq_value(_statement(file, pattern)) == left
    assert right == 0 < left


def test_coq_sources_import_only_coq_coquelicot_and_their_own_library():
    """Trusted libraries are the standard library and Coquelicot only; no command that escapes
    the grep of `make coq` and the kernel's checks (Admit Obligations, a section Context,
    Unset Guard/Positivity/Universe Checking, ML plugins, primitives)."""
    escape = re.compile(r"\b(Admit|Context|Unset|Declare\s+ML|Primitive|Register)\b")
    for name in _coq_files():
        text = _source(name)
        for source in re.findall(r"From (\w+) Require", text):
            assert source in ("Coq", "Coquelicot", LIBRARY), f"{name}: imports from {source}"
        assert not re.search(r"^\s*Require", text, re.M), f"{name}: Require without From"
        assert not escape.findall(text), f"{name}: {escape.findall(text)}"


# ---------------------------------------------------------------------------------------------
# With Coq: the statements as the kernel prints them, and Print Assumptions that can say no.

STATEMENTS_HEADING = "## The statements as the kernel prints them"

# Printed with `Print` (the definitions that are propositions or infima, which the reader above
# does not evaluate: those of Definitions.v and the ray of RayDistance.v), then every theorem
# with `Check`.
DEFINITIONS = ["local_min", "W_star_set", "W_hat_star", "bn_domain", "dist_to_set",
               "lemma_4_5_fails_at", "ray"]
THEOREMS = ["local_min_iff_locally", "standard_optimum", "standard_local_optima",
            "d_is_Sigma_inv_c", "d_unique", "bn_optima", "bn_gradient_at_w_star",
            "bn_gradient_at_w_star_frechet", "bn_gradient_at_w_star_nonzero",
            "bn_loss_at_w_star", "bn_min_loss", "W_hat_star_is_ray", "dist_to_ray_pos",
            "dist_to_ray_nonpos", "distance_w_star", "distance_w_star_attained",
            "lemma_4_5_false", "lemma_4_5_fails_for_every_standard_optimum",
            "lemma_4_5_fails_at_w_star", "failure_region", "failure_region_spec"]

# A term built on an admitted obligation: `Admit Obligations` passes the grep of test_coq.py and
# compiles; Print Assumptions must name the obligation.
CHEAT = """
Program Definition cheat : { W0 : vec | lemma_4_5_fails_at W_star W0 } := _.
Admit Obligations.
"""
CHEAT_AXIOM = "cheat_obligation_1"


def _marker(name):
    return f'Goal True. idtac "{name}". exact I. Qed.'


@pytest.fixture(scope="module")
def kernel_output(built_library, tmp_path_factory):
    """One coqc run: Print/Check of every statement, then one Print Assumptions (one traversal
    of the library) of the tuple of all the theorems and the cheat, and one of the refutation."""
    modules = " ".join(p.removesuffix(".v") for p in _coq_files())
    lines = ["From Coq Require Import Reals.", "From Coquelicot Require Import Coquelicot.",
             f"From {LIBRARY} Require Import {modules}.",
             "Open Scope R_scope.", "Set Printing Width 100.", _marker("STATEMENTS")]
    lines += [f"Print {n}." for n in DEFINITIONS] + [f"Check {n}." for n in THEOREMS]
    lines += [CHEAT, _marker("ASSUMPTIONS"),
              f"Definition checked := ({', '.join(THEOREMS)}, proj1_sig cheat).",
              "Print Assumptions checked.", _marker("REFUTATION"), "Print Assumptions lemma_4_5_false."]
    folder = tmp_path_factory.mktemp("coq_statements")
    (folder / "Statements.v").write_text("\n".join(lines) + "\n")
    result = subprocess.run(
        ["coqc", "-q", "-w", "-ambiguous-paths", "-Q", str(built_library), LIBRARY, "Statements.v"],
        cwd=folder, capture_output=True, text=True, timeout=TIMEOUT)
    assert result.returncode == 0, result.stderr
    return result.stdout


def _section(output, start, end=None):
    text = output.split(start, 1)[1]
    return text.split(end, 1)[0] if end else text


def _documented_statements():
    """The ```coq block under STATEMENTS_HEADING of docs/kernel-checked.md."""
    page = (ROOT / "docs" / "kernel-checked.md").read_text()
    return page.split(STATEMENTS_HEADING, 1)[1].split("```coq\n", 1)[1].split("```", 1)[0]


def test_kernel_statements_are_the_documented_statements(kernel_output):
    """docs/kernel-checked.md shows each theorem and each Prop definition exactly as Coq prints
    it (whitespace aside): a changed statement changes the docs, in the same diff."""
    printed = _section(kernel_output, "STATEMENTS", "ASSUMPTIONS")
    assert " ".join(printed.split()) == " ".join(_documented_statements().split())


def test_every_documented_theorem_uses_only_the_standard_axioms(kernel_output):
    """The tuple of all theorems and the cheat depends on the standard axioms and the cheat's."""
    axioms = _axioms(_section(kernel_output, "ASSUMPTIONS", "REFUTATION"))
    assert axioms - {CHEAT_AXIOM} <= STANDARD_AXIOMS, axioms - STANDARD_AXIOMS


def test_the_refutation_uses_exactly_the_standard_real_number_axioms(kernel_output):
    """lemma_4_5_false depends on exactly the axioms of Coq's real numbers (so the parse of
    `Print Assumptions` above is not vacuous: it finds them)."""
    assert _axioms(_section(kernel_output, "REFUTATION")) == STANDARD_AXIOMS


def test_print_assumptions_catches_an_axiom_the_grep_cannot_see(kernel_output):
    """`Admit Obligations` passes the grep of test_coq.py (and compiles), but Print Assumptions
    names the admitted obligation, so an axiom check on it fails; this file's grep sees `Admit`."""
    assert not UNFINISHED.search(CHEAT) and re.search(r"\bAdmit\b", CHEAT)
    assert CHEAT_AXIOM in _axioms(_section(kernel_output, "ASSUMPTIONS", "REFUTATION")) - STANDARD_AXIOMS


# ---------------------------------------------------------------------------------------------
# More mutated statements the kernel must reject (beside those of tests/test_coq.py).

MUTATIONS = {
    # name: (file, original text, mutated text, file expected to be rejected)
    "negative_ray_also_bn_optimal": (
        "BnOptima.v", "exists t, t > 0 /\\ w = (t * 5, t * 3).",
        "exists t, t <> 0 /\\ w = (t * 5, t * 3).", "BnOptima.v"),
    "gradient_sign_flipped": (
        "Gradient.v", "(snd W_star) (- 3 * sqrt 2 / 4).", "(snd W_star) (3 * sqrt 2 / 4).",
        "Gradient.v"),
    "standard_loss_4": (
        "StandardOptimum.v", "L W_star = 3 /\\", "L W_star = 4 /\\", "StandardOptimum.v"),
    "failure_region_without_premise": (
        "Refutation.v", "    W_star_set Wstar ->\n    dot W0 Wstar > 0 ->\n    (lemma_4_5_fails_at",
        "    W_star_set Wstar ->\n    (lemma_4_5_fails_at", "Refutation.v"),
    "lemma_with_a_true_right_side": (
        "Refutation.v",
        "         <= euclid_dist W0 Wstar ^ 2\n"
        "            - (euclid_norm Wstar ^ 2 - dot Wstar W0) ^ 2 / euclid_norm Wstar ^ 2).",
        "         <= dot W0 W0).", "Refutation.v"),
    "local_max_instead_of_local_min": (
        "Definitions.v", "F w <= F v.", "F v <= F w.", "Neighbourhoods.v"),
}


@pytest.mark.parametrize("name", MUTATIONS)
def test_kernel_rejects_more_mutated_statements(built_library, tmp_path, name):
    """As tests/test_coq.py: coqc must reject exactly the expected file, with a proof error."""
    assert_kernel_rejects(built_library, tmp_path, *MUTATIONS[name])
