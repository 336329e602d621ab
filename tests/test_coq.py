"""The kernel-checked refutation (proofs/coq, docs/kernel-checked.md).

`make coq` compiles every .v file with coqc; these tests check that it succeeds, that no proof is
left open and no assumption added (a grep here; `Print Assumptions` of every theorem, which lists
only the axioms of Coq's standard real numbers plus those Coquelicot uses, is checked by
tests/test_coq_statements.py in the same coqc run as the printed statements), and that the
kernel says no: the same files with a wrong W*, a wrong BN ray, a wrong distance, the paper's
lemma instead of its negation, or a flipped failure region do not compile.

Without Coq: `make coq` installs it with apt-get when run as root; where that is impossible the
tests fail under CI=true (a kernel check that cannot run is not a pass) and skip otherwise.
"""

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
COQ_DIR = ROOT / "proofs" / "coq"
LIBRARY = "BN"
TIMEOUT = 300

# The axioms of Coq's classical real numbers (Reals: ClassicalDedekindReals, and functional
# extensionality for its completeness proofs) and classical logic (Coquelicot's Lub/Derive).
STANDARD_AXIOMS = {
    "ClassicalDedekindReals.sig_forall_dec",
    "ClassicalDedekindReals.sig_not_dec",
    "FunctionalExtensionality.functional_extensionality_dep",
    "Classical_Prop.classic",
}

UNFINISHED = re.compile(
    r"\b(Admitted|admit|Abort|Axioms?|Parameters?|Conjecture|Hypothes[ie]s|Variables?)\b"
)


def _coq_files():
    """The .v files of the library in dependency order, as _CoqProject lists them."""
    lines = (COQ_DIR / "_CoqProject").read_text().split("\n")
    return [line.strip() for line in lines if line.strip().endswith(".v")]


def _no_coq_message(detail):
    return (
        "coqc with Coquelicot is not available and `make coq` could not install them "
        f"(run as root: apt-get install -y coq libcoq-coquelicot): {detail}"
    )


@pytest.fixture(scope="module")
def built_library():
    """`make coq` (installs Coq if needed and possible, then compiles only what changed)."""
    result = subprocess.run(
        ["make", "--no-print-directory", "coq"],
        cwd=ROOT, capture_output=True, text=True, timeout=TIMEOUT,
    )
    if result.returncode != 0 and shutil.which("coqc") is None:
        if os.environ.get("CI"):
            pytest.fail(_no_coq_message(result.stderr.strip()[-500:]))
        pytest.skip(_no_coq_message(result.stderr.strip()[-500:]))
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return COQ_DIR


def _coqc(path, cwd):
    return subprocess.run(
        ["coqc", "-q", "-w", "-ambiguous-paths", "-Q", ".", LIBRARY, path.name],
        cwd=cwd, capture_output=True, text=True, timeout=TIMEOUT,
    )


def test_make_coq_compiles_every_theorem(built_library):
    for name in _coq_files():
        assert (built_library / name).with_suffix(".vo").is_file(), name


def test_no_proof_is_left_open_and_no_axiom_is_added():
    for name in _coq_files():
        text = (COQ_DIR / name).read_text()
        found = UNFINISHED.findall(text)
        assert not found, f"{name}: {found}"


def _axioms(output):
    """Axiom names listed by one `Print Assumptions` in coqc's output (empty if closed)."""
    if "Closed under the global context" in output:
        return set()
    assert "Axioms:" in output, output
    listing = output.split("Axioms:", 1)[1]
    # each axiom starts a line with its qualified name; its type continues on indented lines
    return {line.split(" : ")[0].strip() for line in listing.split("\n") if line[:1].isalpha()}


def test_print_assumptions_parse_sees_an_added_axiom():
    output = "Axioms:\nMy.extra : forall x : R,\n  x = 0\nClassical_Prop.classic : forall P, P\n"
    assert _axioms(output) == {"My.extra", "Classical_Prop.classic"}


MUTATIONS = [
    # (file, original text, mutated text, file expected to be rejected)
    ("Definitions.v", "Definition W_star : vec := (2, 0).",
     "Definition W_star : vec := (3, 0).", "StandardOptimum.v"),
    ("BnOptima.v", "exists t, t > 0 /\\ w = (t * 5, t * 3).",
     "exists t, t > 0 /\\ w = (t * 5, t * 2).", "BnOptima.v"),
    ("Distance.v", "dist_to_set W_hat_star W_star ^ 2 = 18 / 17.",
     "dist_to_set W_hat_star W_star ^ 2 = 18 / 19.", "Distance.v"),
    ("Refutation.v", "  ~ (forall W0 Wstar : vec,", "  (forall W0 Wstar : vec,", "Refutation.v"),
    ("Refutation.v", "dot W0 (vsub (unit_vec Wstar) (unit_vec d)) > 0).",
     "dot W0 (vsub (unit_vec Wstar) (unit_vec d)) < 0).", "Refutation.v"),
]


def _copy_library(library, target):
    for path in library.iterdir():
        if path.suffix in (".v", ".vo", ".vos", ".vok", ".glob"):
            shutil.copy2(path, target / path.name)


def test_copied_library_recompiles_unmutated(built_library, tmp_path):
    """Control for the mutation tests: in a copy of the compiled library, the last file (which
    depends on all others) compiles again, so a rejection below is the mutation's doing."""
    _copy_library(built_library, tmp_path)
    result = _coqc(tmp_path / _coq_files()[-1], tmp_path)
    assert result.returncode == 0, result.stderr


def _imports(name):
    """The library's files that `name` requires directly."""
    found = re.findall(rf"From {LIBRARY} Require Import ([^.]*)\.", (COQ_DIR / name).read_text())
    return {f"{module}.v" for line in found for module in line.split()}


def _needed_by(name):
    """`name` and every library file it requires, directly or not."""
    needed, todo = set(), [name]
    while todo:
        if (step := todo.pop()) not in needed:
            needed.add(step)
            todo.extend(_imports(step))
    return needed


def assert_kernel_rejects(library, tmp_path, file, original, mutated, rejected):
    """Copy the compiled library, mutate one statement of `file`, recompile in dependency order
    the files on the way to `rejected` that need a changed file (the compiled others stay
    valid): coqc must reject exactly the file `rejected`, with a proof error."""
    _copy_library(library, tmp_path)
    source = (library / file).read_text()
    assert source.count(original) == 1, f"{file}: the statement to mutate changed"
    (tmp_path / file).write_text(source.replace(original, mutated))
    files, changed, needed = _coq_files(), {file}, _needed_by(rejected)
    for step in files[files.index(file):]:
        if step not in needed or (step != file and not changed & _imports(step)):
            continue
        changed.add(step)
        result = _coqc(tmp_path / step, tmp_path)
        if result.returncode != 0:
            assert step == rejected, result.stderr
            # a proof the kernel rejects, not a parse or library-loading problem
            assert "Error:" in result.stderr, result.stderr
            assert "Syntax error" not in result.stderr, result.stderr
            assert "library" not in result.stderr.lower(), result.stderr
            return
    pytest.fail(f"the kernel accepted the mutated statement ({mutated!r})")


@pytest.mark.parametrize(
    "file, original, mutated, rejected", MUTATIONS,
    ids=["wrong_w_star", "wrong_bn_ray", "wrong_distance", "lemma_instead_of_negation",
         "flipped_failure_region"],
)
def test_kernel_rejects_mutated_statement(built_library, tmp_path, file, original, mutated, rejected):
    assert_kernel_rejects(built_library, tmp_path, file, original, mutated, rejected)
