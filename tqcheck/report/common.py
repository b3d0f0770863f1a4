"""What several formatters share: documentation links and relative paths."""

from __future__ import annotations

import os
from pathlib import Path, PurePath
from urllib.parse import quote

from tqcheck.docs_url import DOCS_URL, INFORMATION_URI, help_uri
from tqcheck.model import Report

__all__ = ["DOCS_URL", "INFORMATION_URI", "help_uri", "path_uri", "relative_path", "rule_uri"]


def rule_uri(report: Report, code: str) -> str:
    """The documentation page of ``code`` as the report names it."""
    for rule in report.rules:
        if rule.code == code:
            return rule.help_uri
    return help_uri(code)


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
