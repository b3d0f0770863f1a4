"""Suppressions: findings the user accepted, marked ``suppressed=True`` and left out of the gate.

Three sources, one mechanism:

* comments in the file (Markdown, HTML and other text files; the raw lines are scanned)::

      <!-- tqcheck-disable-next-line TQ101,TQ202 -->
      <!-- tqcheck-disable TQ6 --> … <!-- tqcheck-enable TQ6 -->

  No code means every check.  A code may be a prefix (``TQ6``), a slug or ``ALL``.
  ``disable-next-line`` covers the next line that is not blank; a ``disable`` block runs to the
  matching ``enable`` (or the end of the file).
* segment metadata set by readers: ``segment.meta["suppress"]`` holds codes (``()`` or ``"ALL"``
  for every check) that apply to the segment's lines.  The PO reader turns
  ``#, tqcheck-ignore-TQ101`` flags into it with :func:`codes_from_flags`.
* ``per-file-ignores`` in the configuration: glob → codes (kind ``external``).

A suppression that suppresses nothing becomes a note, so stale comments do not pile up.
"""

from __future__ import annotations

import dataclasses
import fnmatch
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import PurePath

from tqcheck.model import Finding, Segment

_DIRECTIVE = re.compile(
    r"<!--\s*tqcheck-(disable-next-line|disable|enable)\b([^>]*?)-->", re.IGNORECASE
)
_FLAG = re.compile(r"^tqcheck-ignore(?:-(.+))?$", re.IGNORECASE)

ALL = "ALL"


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


@dataclass
class Scope:
    """Lines ``first``..``last`` (inclusive) where ``codes`` are suppressed."""

    first: int
    last: int
    codes: tuple[str, ...]
    origin: str  # what to name in the "suppresses nothing" note
    line: int
    kind: str = "inSource"
    used: bool = field(default=False)

    def covers(self, f: Finding) -> bool:
        return self.first <= f.line <= self.last and code_matches(f, self.codes)


def _describe(directive: str, codes: tuple[str, ...]) -> str:
    return f"tqcheck-{directive}{' ' + ','.join(codes) if codes else ''}"


def scopes_from_comments(lines: Sequence[str]) -> list[Scope]:
    """Suppression scopes declared by ``<!-- tqcheck-… -->`` comments in the raw lines of a file."""
    scopes: list[Scope] = []
    open_blocks: list[Scope] = []
    for lineno, line in enumerate(lines, start=1):
        if "tqcheck-" not in line:
            continue
        for m in _DIRECTIVE.finditer(line):
            directive, codes = m.group(1).lower(), _codes(m.group(2))
            if directive == "disable-next-line":
                target = next((n for n in range(lineno + 1, len(lines) + 1)
                               if lines[n - 1].strip()), lineno + 1)
                scopes.append(Scope(target, target, codes, _describe(directive, codes), lineno))
            elif directive == "disable":
                block = Scope(lineno, len(lines), codes, _describe(directive, codes), lineno)
                open_blocks.append(block)
                scopes.append(block)
            else:
                wanted = {c.upper() for c in codes}
                for block in list(open_blocks):
                    if not codes or (block.codes and {c.upper() for c in block.codes} <= wanted):
                        block.last = lineno
                        open_blocks.remove(block)
    return scopes


def scopes_from_segments(segments: Iterable[Segment]) -> list[Scope]:
    """Scopes from ``segment.meta["suppress"]`` (set by readers, e.g. PO flags)."""
    scopes: list[Scope] = []
    for seg in segments:
        raw = seg.meta.get("suppress")
        if raw is None:
            continue
        codes = (raw,) if isinstance(raw, str) else tuple(raw)
        first = seg.locate(0)[0]
        last = seg.locate(len(seg.text))[0]
        what = f"tqcheck-ignore{'-' + ','.join(codes) if codes else ''}"
        scopes.append(Scope(first, last, codes, what, first))
    return scopes


def codes_from_flags(flags: Iterable[str]) -> tuple[str, ...] | None:
    """Codes named by ``tqcheck-ignore-CODE`` flags (PO ``#,`` flags); ``None`` when there are none.

    ``tqcheck-ignore`` without a code suppresses every check and gives ``("ALL",)``.  A reader
    stores the result in ``Segment.meta["suppress"]``.
    """
    codes: list[str] = []
    found = False
    for flag in flags:
        m = _FLAG.match(flag.strip())
        if m:
            found = True
            codes.extend(_codes(m.group(1) or ALL))
    return tuple(codes) if found else None


def apply_scopes(findings: Sequence[Finding], scopes: Sequence[Scope], path: str
                 ) -> tuple[list[Finding], list[str]]:
    """Mark covered findings suppressed; notes for scopes that covered nothing."""
    if not scopes:
        return list(findings), []
    out: list[Finding] = []
    for f in findings:
        hit = [s for s in scopes if s.covers(f)]
        for s in hit:
            s.used = True
        if hit and not f.suppressed:
            f = dataclasses.replace(f, suppressed=True, suppression=hit[0].kind)
        out.append(f)
    notes = [f"{path}:{s.line}: {s.origin} suppresses nothing" for s in scopes if not s.used]
    return out, notes


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


def apply_per_file_ignores(findings: Sequence[Finding], ignores: Mapping[str, Sequence[str]]
                           ) -> tuple[list[Finding], list[str]]:
    """``per-file-ignores`` (kind ``external``); notes for patterns that suppressed nothing."""
    if not ignores:
        return list(findings), []
    used: set[str] = set()
    out: list[Finding] = []
    for f in findings:
        matched = [p for p, codes in ignores.items()
                   if path_matches(f.path, p) and code_matches(f, tuple(codes))]
        used.update(matched)
        if matched and not f.suppressed:
            f = dataclasses.replace(f, suppressed=True, suppression="external")
        out.append(f)
    notes = [f"per-file-ignores: {p!r} = {', '.join(ignores[p]) or 'ALL'} suppresses nothing"
             for p in ignores if p not in used]
    return out, notes
