"""reviewdog Diagnostic JSON lines (``reviewdog -f=rdjsonl``): one diagnostic per line.

reviewdog counts columns in UTF-8 bytes, tqcheck in code points; columns are converted with the
finding's excerpt (the line that holds the span).  Where a reader masked markup in the excerpt
(Markdown links, code), a masked character is counted as one byte, as markup is ASCII.
"""

from __future__ import annotations

import json
from typing import Any

from tqcheck.model import MASK, Finding, Report
from tqcheck.report import RenderOptions
from tqcheck.report.common import help_uri, relative_path

SEVERITIES = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}


def _bytes(text: str) -> int:
    return len(text.encode("utf-8", "surrogatepass")) - 2 * text.count(MASK)


class _PrefixBytes:
    """UTF-8 bytes of ``excerpt[:at]``, counted on from the last answer for the same excerpt:
    findings come in file order and those on one line share its excerpt, so a long line is
    encoded about once, not once per finding."""

    def __init__(self) -> None:
        self.excerpt: str | None = None
        self.at = 0
        self.count = 0

    def __call__(self, excerpt: str, at: int) -> int:
        if excerpt is not self.excerpt or at < self.at:
            self.excerpt, self.at, self.count = excerpt, 0, 0
        self.count += _bytes(excerpt[self.at:at])
        self.at = at
        return self.count


_prefix_bytes = _PrefixBytes()


def byte_columns(f: Finding) -> tuple[int, int]:
    """1-based UTF-8 byte columns of the start and end of ``f``'s span.

    The excerpt may begin after column 1 (a reader strips list markers and indentation, which are
    ASCII); the flagged text is looked up in it to find where it starts.
    """
    excerpt = f.excerpt
    index = f.col - 1
    head = f.text.split("\n", 1)[0]
    at = index
    if head and excerpt[index:index + len(head)] != head:
        candidates = [i for i in range(len(excerpt)) if excerpt.startswith(head, i)]
        at = min(candidates, key=lambda i: abs(i - index)) if candidates else index
    missing = max(0, index - at)  # characters before the excerpt starts, taken as ASCII
    start = missing + _prefix_bytes(excerpt, max(0, at)) + 1
    if f.end_line == f.line:
        end = start + _bytes(f.text) if f.text or f.end_col == f.col else start + f.end_col - f.col
    else:
        end = _bytes(f.text.rsplit("\n", 1)[-1]) + 1
    return start, end


def diagnostic(f: Finding, fmt: str | None = None) -> dict[str, Any]:
    start, end = byte_columns(f)
    d: dict[str, Any] = {
        "message": f.message + (f"\nSuggestion: {f.suggestion}" if f.suggestion else ""),
        "location": {
            "path": relative_path(f.path),
            "range": {"start": {"line": f.line, "column": start},
                      "end": {"line": f.end_line, "column": end}},
        },
        "severity": SEVERITIES[f.severity.value],
        "source": {"name": "tqcheck", "url": "https://tqcheck.readthedocs.io/"},
        "code": {"value": f.code, "url": help_uri(f.code)},
    }
    suggestions = _suggestions(f, fmt)
    if suggestions:
        d["suggestions"] = suggestions
    return d


def _byte_col(excerpt: str, col: int) -> int:
    return _bytes(excerpt[:col - 1]) + 1


def _suggestions(f: Finding, fmt: str | None) -> list[dict[str, Any]]:
    """reviewdog suggestions for the fix's edits, which reviewdog posts as suggested changes.
    Columns must be UTF-8 bytes, counted on the finding's line: a fix with an edit on another
    line (other than whole lines deleted) gets none.  Display-only fixes are left out."""
    from tqcheck.report.common import escaped

    fix = f.fix
    if fix is None or fix.applicability.value == "display-only":
        return []
    out: list[dict[str, Any]] = []
    for e in fix.edits:
        if e.col == 1 and e.end_col == 1:
            start, end = 1, 1  # whole lines
        elif e.line == e.end_line == f.line and f.excerpt[e.col - 1:e.end_col - 1] == e.before:
            start, end = _byte_col(f.excerpt, e.col), _byte_col(f.excerpt, e.end_col)
        else:
            return []
        out.append({"range": {"start": {"line": e.line, "column": start},
                              "end": {"line": e.end_line, "column": end}},
                    "text": escaped(e.content, fmt)})
    return out


def render(report: Report, options: RenderOptions) -> str:
    from tqcheck.report.common import formats_of

    formats = formats_of(report)
    return "".join(json.dumps(diagnostic(f, formats.get(f.path)), ensure_ascii=False) + "\n"
                   for f in report.active)
