"""Suppressions: findings the user accepted, marked ``suppressed=True`` and left out of the gate.

One mechanism: **directives** (:class:`Directive`: which codes, over what scope) applied by one
function, :func:`apply_directives`.  Directives come from two places:

* **the file**, emitted by its reader while it reads (the file is read once; nothing here opens
  it).  A reader that knows a syntax takes a ``directives`` sink (a list) and appends to it as it
  goes (in the order the directives are written):

  - comments in text and Markdown files (:func:`scan_comments` sits in the reader's line
    stream)::

        <!-- tqcheck-disable-next-line TQ101,TQ202 -->
        <!-- tqcheck-disable TQ6 --> … <!-- tqcheck-enable TQ6 -->

    ``disable-next-line`` gives a ``next-line`` directive over the next line that is not blank;
    ``disable`` a ``block`` that runs to the matching ``enable`` (or the end of the file);
  - PO flags ``#, tqcheck-ignore-TQ101`` (:func:`codes_from_flags`) give a ``unit`` directive
    over the lines of the entry's ``msgstr`` (:meth:`Directive.unit`).

  No code means every check.  A code may be a prefix (``TQ6``), a slug or ``ALL``.  SARIF kind
  ``inSource``.
* **the configuration**: ``per-file-ignores`` (glob → codes) give ``file`` directives
  (:func:`per_file_directives`) over every line of the files the glob matches.  SARIF kind
  ``external``.

The audit applies a file's own directives when the file's findings are complete, and the
configuration's once over the findings of every file (so that a pattern is "unused" only when it
matched nothing in the whole run).  A directive that suppresses nothing becomes a note, so stale
ones do not pile up.

The baseline (``--baseline``) is not a directive: it compares the report with a previous report,
fingerprint by fingerprint, and is applied to the finished report (:mod:`tqcheck.baseline`,
``tqcheck.outputs.apply_baselines``).
"""

from __future__ import annotations

import dataclasses
import fnmatch
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import Literal

from tqcheck.model import Finding, Segment

_DIRECTIVE = re.compile(
    r"<!--\s*tqcheck-(disable-next-line|disable|enable)\b([^>]*?)-->", re.IGNORECASE
)
_FLAG = re.compile(r"^tqcheck-ignore(?:-(.+))?$", re.IGNORECASE)

ALL = "ALL"

#: What a directive covers: the lines of one unit (a PO entry's ``msgstr``), the next non-blank
#: line, a block of lines (``disable`` … ``enable``), or whole files (``per-file-ignores``).
ScopeKind = Literal["unit", "next-line", "block", "file"]

#: The last line of a scope that runs to the end of whatever file it is applied to.
_END = 1 << 62


def code_matches(finding: Finding, selectors: Sequence[str]) -> bool:
    """Whether ``selectors`` (codes, prefixes, slugs; empty or ALL = all) cover ``finding``; a
    retired code or slug covers the findings of the check that took it over."""
    from tqcheck.checks.registry import redirected

    if not selectors:
        return True
    for s in selectors:
        s = redirected(s).strip()
        if s.upper() == ALL or finding.code.startswith(s.upper()) or finding.slug == s.lower():
            return True
    return False


def _codes(raw: str) -> tuple[str, ...]:
    return tuple(c for c in re.split(r"[\s,]+", raw.strip()) if c)


@dataclass(frozen=True, slots=True)
class Directive:
    """Findings of ``codes`` (empty: every check) on lines ``first``..``last`` (inclusive) of the
    files matching ``paths`` (``None``: the file the directive was read from) are suppressed.

    ``line`` is where the directive is written (0 for configuration), ``origin`` how to name it in
    the "suppresses nothing" note, ``kind`` the SARIF suppression kind it gives a finding."""

    scope: ScopeKind
    codes: tuple[str, ...]
    first: int
    last: int
    line: int
    origin: str
    kind: str = "inSource"
    paths: str | None = None

    @classmethod
    def unit(cls, segment: Segment, codes: Sequence[str]) -> Directive:
        """A directive over the lines of one unit (``segment``), as its flags declare it."""
        codes = tuple(codes)
        first = segment.locate(0)[0]
        last = segment.locate(len(segment.text))[0]
        what = f"tqcheck-ignore{'-' + ','.join(codes) if codes else ''}"
        return cls("unit", codes, first, last, first, what)

    def covers(self, f: Finding) -> bool:
        if self.scope == "file":  # every finding of the file, whatever its line
            return (self.paths is None or path_matches(f.path, self.paths)) and code_matches(
                f, self.codes)
        return self.first <= f.line <= self.last and code_matches(f, self.codes)

    def note(self, path: str) -> str:
        """The note for a directive that suppressed nothing (in the file ``path``)."""
        if self.paths is not None:
            return f"per-file-ignores: {self.paths!r} = {', '.join(self.codes) or 'ALL'} " \
                   "suppresses nothing"
        return f"{path}:{self.line}: {self.origin} suppresses nothing"


def _describe(directive: str, codes: tuple[str, ...]) -> str:
    return f"tqcheck-{directive}{' ' + ','.join(codes) if codes else ''}"


def scan_comments(lines: Iterable[str], sink: list[Directive]) -> Iterator[str]:
    """``lines`` unchanged, emitting into ``sink`` the directives of the ``<!-- tqcheck-… -->``
    comments they hold, as they pass: a reader reads its lines through this, so the file is read
    once.  A ``disable-next-line`` is resolved on the next line that is not blank (or, at the end
    of the file, is the line after it); a ``disable`` without its ``enable`` runs to the last
    line."""
    pending: list[int] = []  # sink indexes of next-line directives waiting for their line
    open_blocks: list[int] = []  # sink indexes of blocks not yet enabled again
    lineno = 0
    for line in lines:
        lineno += 1
        if pending and line.strip():
            for i in pending:
                sink[i] = dataclasses.replace(sink[i], first=lineno, last=lineno)
            pending.clear()
        if "tqcheck-" in line:
            for m in _DIRECTIVE.finditer(line.rstrip("\n")):
                directive, codes = m.group(1).lower(), _codes(m.group(2))
                what = _describe(directive, codes)
                if directive == "disable-next-line":
                    pending.append(len(sink))
                    sink.append(Directive("next-line", codes, lineno + 1, lineno + 1, lineno, what))
                elif directive == "disable":
                    open_blocks.append(len(sink))
                    sink.append(Directive("block", codes, lineno, _END, lineno, what))
                else:
                    wanted = {c.upper() for c in codes}
                    for i in list(open_blocks):
                        block = sink[i]
                        if not codes or (block.codes and {c.upper() for c in block.codes}
                                         <= wanted):
                            sink[i] = dataclasses.replace(block, last=lineno)
                            open_blocks.remove(i)
        yield line
    for i in open_blocks:
        sink[i] = dataclasses.replace(sink[i], last=lineno)


def codes_from_flags(flags: Iterable[str]) -> tuple[str, ...] | None:
    """Codes named by ``tqcheck-ignore-CODE`` flags (PO ``#,`` flags); ``None`` when there are none.

    ``tqcheck-ignore`` without a code suppresses every check and gives ``("ALL",)``.  A reader
    emits :meth:`Directive.unit` with them.
    """
    codes: list[str] = []
    found = False
    for flag in flags:
        m = _FLAG.match(flag.strip())
        if m:
            found = True
            codes.extend(_codes(m.group(1) or ALL))
    return tuple(codes) if found else None


def per_file_directives(ignores: Mapping[str, Sequence[str]]) -> list[Directive]:
    """The ``file`` directives of ``per-file-ignores`` (glob → codes; kind ``external``)."""
    return [Directive("file", tuple(codes), 0, _END, 0, "per-file-ignores", "external", pattern)
            for pattern, codes in ignores.items()]


def apply_directives(findings: Sequence[Finding], directives: Sequence[Directive],
                     path: str = "") -> tuple[list[Finding], list[str]]:
    """The one suppressor: ``findings`` with those a directive covers marked suppressed (with the
    kind of the first directive that covers it), and a note for each directive that covered
    nothing (``path``: the file a file's own directives were read from)."""
    if not directives:
        return list(findings), []
    used = [False] * len(directives)
    out: list[Finding] = []
    for f in findings:
        first: Directive | None = None
        for i, d in enumerate(directives):
            if d.covers(f):
                used[i] = True
                first = first or d
        if first is not None and not f.suppressed:
            f = dataclasses.replace(f, suppressed=True, suppression=first.kind)
        out.append(f)
    return out, [d.note(path) for d, hit in zip(directives, used, strict=True) if not hit]


def path_matches(path: str, pattern: str) -> bool:
    """Glob match for configuration patterns: the whole path, or the file name for patterns
    without a slash; ``**`` spans folders."""
    posix = PurePath(path).as_posix().removeprefix("./")
    pattern = pattern.removeprefix("./")
    if "/" not in pattern:
        return fnmatch.fnmatchcase(PurePath(posix).name, pattern) or fnmatch.fnmatchcase(
            posix, pattern)
    if fnmatch.fnmatchcase(posix, pattern):
        return True
    # "docs/**/*.md" should also match "docs/a.md".
    return "**/" in pattern and fnmatch.fnmatchcase(posix, pattern.replace("**/", ""))

