"""What several formatters share: documentation links, relative paths, rule lookup."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path, PurePath
from urllib.parse import quote

from tqcheck.checks.registry import Rule, get_rule
from tqcheck.model import Report

DOCS_URL = "https://tqcheck.readthedocs.io/en/latest/"
INFORMATION_URI = "https://tqcheck.readthedocs.io/"


def help_uri(code: str) -> str:
    """The documentation page of a check (``docs/checks/CODE.md`` rendered on Read the Docs)."""
    return f"{DOCS_URL}checks/{code}.html"


def relative_path(path: str) -> str:
    """``path`` relative to the working folder when it lies below it, with forward slashes."""
    p = Path(path)
    if p.is_absolute():
        try:
            p = p.relative_to(Path.cwd())
        except ValueError:
            return p.as_posix()
    return PurePath(os.path.normpath(p)).as_posix()


def path_uri(path: str) -> tuple[str, bool]:
    """A URI for ``path`` and whether it is relative (to the repository root, ``%SRCROOT%``)."""
    rel = relative_path(path)
    if PurePath(rel).is_absolute():
        return Path(rel).as_uri(), False
    return quote(rel, safe="/"), True


def rules_for(report: Report, rules: Sequence[Rule]) -> list[Rule]:
    """The selected rules plus any rule a finding names that is not among them, by code."""
    by_code = {r.code: r for r in rules}
    for f in report.findings:
        if f.code not in by_code:
            rule = get_rule(f.code)
            if rule is not None:
                by_code[f.code] = rule
    return [by_code[c] for c in sorted(by_code)]
