"""Round 11 (speed): the cheap tests that let the segment checks skip most text decide as the
full tests do."""

from __future__ import annotations

import re

import pytest

from tqcheck.checks import residue


def test_ascii_case_mates_are_all_there() -> None:
    letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
    mates = {chr(c) for c in range(128, 0x10000)
             if any(re.fullmatch(re.escape(chr(c)), a, re.IGNORECASE) for a in letters)}
    assert mates == set(residue._ASCII_CASE_MATES.pattern[1:-1])


@pytest.mark.parametrize("lang", ["en", "de", "fr", "es", "ru", "uk", "zh", "ja", "ar", "tr"])
def test_furniture_needles_hold_every_ascii_phrase(lang: str) -> None:
    words = residue._furniture(lang, "")
    lines = ["Subscribe to our newsletter for more.", "EDITOR: Jane Doe", "Updated 05.03.2024",
             "Last Modified: 2023-01-01", "copyright 2021 Reuters", "All Rights Reserved.",
             "Photos by John Smith", "Follow us on Twitter", "The editor said so.",
             "Fares rise in May.", "Posted in news", "We use cookies to improve the site"]
    for line in lines:
        if words.phrases.search(line):
            assert residue._may_be_phrase(line, words), line
    # (Turkish phrases write the dotless i, which a case-blind regex matches with "I")
    assert residue._may_be_phrase("Fares rise in May.", words) is (not words.needles)
    assert residue._may_be_phrase("© 2023 Reuters", words)  # non-ASCII: always searched


def test_an_audit_restores_the_collectors_thresholds() -> None:
    import gc

    from tqcheck.audit import AuditOptions, audit_text

    before = gc.get_threshold()
    findings = audit_text("The the talks resumed.\n\nThey ended.\n", AuditOptions(lang="en"))
    assert "TQ101" in {f.code for f in findings.findings}
    assert gc.get_threshold() == before


def test_checks_run_with_rare_collections() -> None:
    import gc

    from tqcheck.audit import _GC_THRESHOLD, fewer_collections

    before = gc.get_threshold()
    with fewer_collections():
        assert gc.get_threshold()[0] == _GC_THRESHOLD
    assert gc.get_threshold() == before
