"""Fingerprints of findings that survive edits elsewhere in a file.

One fingerprint is the hash of the check code, the normalised sentence around the finding
(:attr:`~tqcheck.model.Finding.context`), the normalised flagged text, and the occurrence index of
that triple within its file.  Line and column numbers play no part, so inserting or deleting lines
above a finding leaves its fingerprint unchanged; editing the sentence itself changes it.

SARIF ``partialFingerprints``, GitLab Code Quality fingerprints and baseline files all come from
:func:`fingerprints`.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence

from tqcheck.model import Finding

#: The key under which SARIF carries the fingerprint; bump the version when the recipe changes.
SARIF_KEY = "tqcheck/v1"


def _normalise(text: str) -> str:
    return " ".join(text.split()).casefold()


def fingerprint_key(finding: Finding) -> tuple[str, str, str]:
    """What identifies a finding apart from where it is: code, sentence, flagged text."""
    context = finding.context or _normalise(finding.excerpt)
    return finding.code, context, _normalise(finding.text)


def fingerprint_of(key: tuple[str, str, str], occurrence: int) -> str:
    code, context, text = key
    data = "\x1f".join((code, context, text, str(occurrence))).encode("utf-8")
    return hashlib.sha256(data).hexdigest()[:32]


def fingerprints(findings: Sequence[Finding]) -> list[str]:
    """The fingerprint of every finding, in the order given.

    The occurrence index counts equal keys within one file in position order, so the n-th
    identical finding of a file keeps its fingerprint however the file moves around it.
    """
    order = sorted(range(len(findings)), key=lambda i: findings[i].sort_key())
    seen: Counter[tuple[str, tuple[str, str, str]]] = Counter()
    out = [""] * len(findings)
    for i in order:
        f = findings[i]
        key = fingerprint_key(f)
        occurrence = seen[(f.path, key)]
        seen[(f.path, key)] += 1
        out[i] = fingerprint_of(key, occurrence)
    return out


def gitlab_fingerprint(path: str, fingerprint: str) -> str:
    """GitLab wants an MD5 hex digest unique within the report: path plus fingerprint."""
    return hashlib.md5(f"{path}\x1f{fingerprint}".encode(), usedforsecurity=False).hexdigest()
