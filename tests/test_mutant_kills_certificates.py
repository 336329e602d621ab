"""Surviving mutants of proofs/certificates.py (docs/mutation-testing.md, "Third run:
proofs/certificates.py"). The checker (harness/certify.py) states every claim itself, so a mutant
inside a certificate that still checks is another refutation of the same claim; these tests catch
the mutants that change what `make certify` reports or which certificate an obligation gets."""

import pytest

import proofs.certificates as certs
from harness.certify import for_obligation
from harness.certify import main as certify_main
from harness.learning_set import canonical
from proofs.certificates import BUILDERS, CERTIFICATES, certificate


def test_every_certificate_states_its_argument_as_text_and_make_certify_prints_it(capsys):
    """`make certify` prints one line per obligation: name, the argument of its certificate, and
    whether it holds. A certificate without an argument (None) states nothing."""
    assert certify_main([]) == 0
    out = capsys.readouterr().out
    for cert in CERTIFICATES:
        assert isinstance(cert.argument, str) and cert.argument.strip(), cert.obligation
        assert f"proved  {cert.obligation}: {cert.argument} (" in out


def test_an_obligation_without_a_certificate_on_the_canonical_set_has_none():
    """Only the 13 canonical obligations have certificates; any other name (e.g. a degenerate or a
    variant obligation asked about the canonical set) has none, and asking builds nothing."""
    ls = canonical()
    for name in ("no_such_obligation", "lemma_holds_at_degenerate_set", ""):
        assert certificate(name) is None
        assert for_obligation(name, ls.X, ls.y) is None
    assert set(certs._built) <= set(BUILDERS)


@pytest.mark.parametrize("name", list(BUILDERS))
def test_each_obligation_gets_its_own_certificate_built_once(name):
    first = certificate(name)
    assert first is not None and first.obligation == name
    assert certificate(name) is first
