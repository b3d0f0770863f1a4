"""Human-readable output: ``path:line:col: CODE message``, the line, a caret under the span, and a
summary by category.  Colour only when asked (the CLI asks on a terminal)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from tqcheck.model import MASK, Finding, Report, Severity
from tqcheck.report import RenderOptions

_COLORS = {"error": "\x1b[31m", "warning": "\x1b[33m", "info": "\x1b[36m"}
_BOLD, _DIM, _RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"


_WINDOW = 100


def _caret(f: Finding) -> tuple[str, str]:
    """The excerpt and a caret line under the span; long lines are cut to a window around it."""
    # Characters are replaced one for one after the cut: the line is shared by every finding on
    # it, and cleaning all of a long line for each finding cost its length times its findings.
    line = f.excerpt
    start = max(0, f.col - 1)
    width = max(1, (f.end_col - f.col) if f.end_line == f.line else len(line) - start)
    if len(line) > _WINDOW:
        left = max(0, min(start - 30, len(line) - _WINDOW))
        right = min(len(line), max(left + _WINDOW, start + min(width, _WINDOW - 30)))
        prefix = "…" if left > 0 else ""
        suffix = "…" if right < len(line) else ""
        line = prefix + line[left:right] + suffix
        start = start - left + len(prefix)
        width = min(width, right - (start - len(prefix) + left))
    return line.replace("\t", " ").replace(MASK, " "), " " * start + "^" * max(1, width)


def _gate_verdict(active: Sequence[Finding], fail_on: str | None) -> str:
    """`` Gate failed: …`` after the summary when findings fail the gate (the reason for exit
    status 1), given the ``--fail-on`` level the command used."""
    if not fail_on or fail_on == "never":
        return ""
    threshold = Severity(fail_on).rank
    failing = sum(1 for f in active if f.severity.rank >= threshold)
    if not failing:
        return ""
    return (f" Gate failed: {failing} finding{'s' if failing != 1 else ''} at or above {fail_on} "
            f"(--fail-on {fail_on}).")


def render(report: Report, options: RenderOptions) -> str:
    c = options.color
    out: list[str] = []
    for f in report.active:
        sev = f.severity.value
        loc = f"{f.path}[{f.record}]:{f.col}:" if f.record else f"{f.path}:{f.line}:{f.col}:"
        code = f"{_BOLD}{_COLORS[sev]}{f.code}{_RESET}" if c else f.code
        out.append(f"{_BOLD + loc + _RESET if c else loc} {code} {f.message}")
        if options.show_source and f.excerpt:
            line, caret = _caret(f)
            out.append(f"    {line}")
            out.append(f"    {_COLORS[sev] + caret + _RESET if c else caret}")
            if f.suggestion:
                out.append(f"    {_DIM if c else ''}suggestion: {f.suggestion}{_RESET if c else ''}")
            if f.fix is not None:
                out.append(f"    {_DIM if c else ''}fix ({f.fix.applicability.value}): "
                           f"{f.fix.message}{_RESET if c else ''}")
    for e in report.errors:
        out.append(f"{e.path}: error: {e.message}" if not e.message.startswith(e.path)
                   else f"error: {e.message}")
    if not options.quiet:
        for note in report.notes:
            out.append(f"note: {note}")
        active = report.active
        by_cat = Counter(f.category.value for f in active)
        by_sev = Counter(f.severity.value for f in active)
        files = len(report.files)
        if active:
            cats = ", ".join(f"{k} {v}" for k, v in sorted(by_cat.items()))
            sevs = ", ".join(f"{by_sev[s]} {s}{'s' if by_sev[s] != 1 else ''}"
                             for s in ("error", "warning", "info") if by_sev[s])
            out.append(f"Found {len(active)} finding{'s' if len(active) != 1 else ''} "
                       f"({sevs}) in {files} file{'s' if files != 1 else ''}: {cats}."
                       + _gate_verdict(active, options.fail_on))
        else:
            out.append(f"No findings in {files} file{'s' if files != 1 else ''}.")
        if report.fixed is not None:
            fixed = report.fixed
            out.insert(len(out) - 1, f"Fixed {fixed} finding{'s' if fixed != 1 else ''}.")
        suppressed = len(report.findings) - len(active)
        if suppressed:
            out.append(f"{suppressed} suppressed.")
        if report.fixed is None:
            safe = sum(1 for f in active if f.fix and f.fix.applicability.value == "safe")
            unsafe = sum(1 for f in active if f.fix and f.fix.applicability.value == "unsafe")
            if safe or unsafe:
                hint = f"{safe} fixable with --fix"
                if unsafe:
                    hint += f" ({unsafe} more with --fix --unsafe-fixes)"
                out.append(hint + "; --diff shows the changes.")
    return "\n".join(out) + ("\n" if out else "")
