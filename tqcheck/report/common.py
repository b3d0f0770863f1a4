"""What several formatters share: documentation links and relative paths."""

from __future__ import annotations

import os
from pathlib import Path, PurePath
from urllib.parse import quote

from tqcheck.docs_url import DOCS_URL, INFORMATION_URI, help_uri
from tqcheck.model import Finding, Report

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


def formats_of(report: Report) -> dict[str, str]:
    """The input format of every audited file, by path (how a fix's new text is escaped)."""
    return {s.path: s.format for s in report.files}


def read_file_text(path: str, encoding: str | None) -> str | None:
    """The text of an audited file, read again at render time and newline-normalised like the
    readers (None when it can no longer be read)."""
    from tqcheck.errors import InputError
    from tqcheck.readers.decode import read_text

    try:
        return read_text(Path(path), encoding)
    except (InputError, OSError):
        return None


def escaped(content: str, fmt: str | None) -> str:
    """The new text of an edit as it is written into a file of format ``fmt``."""
    from tqcheck.fix import escape_for

    return escape_for(fmt or "text")(content)


def fix_preview(f: Finding) -> list[tuple[str, str]]:
    """Before/after pairs that show what ``f``'s fix does: the finding's line before and after
    the edits that stand on it, and each edit elsewhere on its own."""
    if f.fix is None:
        return []
    pairs: list[tuple[str, str]] = []
    line = f.excerpt
    after = line
    on_line = [e for e in f.fix.edits if e.line == e.end_line == f.line
               and line[e.col - 1:e.end_col - 1] == e.before]
    for e in sorted(on_line, key=lambda e: e.col, reverse=True):
        after = after[:e.col - 1] + e.content + after[e.end_col - 1:]
    if on_line:
        pairs.append((line.strip(), after.strip()))
    pairs.extend((e.before, e.content) for e in f.fix.edits if e not in on_line)
    return pairs
