"""reviewdog Diagnostic JSON lines (``reviewdog -f=rdjsonl``): one diagnostic per line.

reviewdog counts columns in UTF-8 bytes, tqcheck in code points; columns are converted with the
finding's excerpt (the line that holds the span).  Where a reader masked markup in the excerpt
(Markdown links, code), a masked character is counted as one byte, as markup is ASCII.  The edits
of a fix that stand on other lines are counted on the file's own lines, read again at render
time (as the HTML report does).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from tqcheck.model import MASK, Edit, Finding, Report
from tqcheck.report import RenderOptions
from tqcheck.report.common import help_uri, read_file_text, relative_path

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


def diagnostic(f: Finding, fmt: str | None = None,
               file_text: Callable[[str], str | None] | None = None) -> dict[str, Any]:
    """The diagnostic of ``f``; ``file_text`` gives the text of a file, for the byte columns of
    fix edits that stand on other lines than the finding's."""
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
    suggestions = _suggestions(f, fmt, file_text)
    if suggestions:
        d["suggestions"] = suggestions
    return d


def _byte_col(excerpt: str, col: int) -> int:
    return _bytes(excerpt[:col - 1]) + 1


class _FileLines:
    """The lines of the audited files (read once each, newline-normalised like the readers), to
    count the byte columns of edits on lines the finding's excerpt does not hold."""

    def __init__(self, file_text: Callable[[str], str | None] | None) -> None:
        self.file_text = file_text
        self.lines: dict[str, list[str] | None] = {}

    def line(self, path: str, n: int) -> str | None:
        if self.file_text is None:
            return None
        if path not in self.lines:
            text = self.file_text(path)
            self.lines[path] = None if text is None else text.split("\n")
        lines = self.lines[path]
        return lines[n - 1] if lines is not None and 0 < n <= len(lines) else None


def _suggestions(f: Finding, fmt: str | None,
                 file_text: Callable[[str], str | None] | None = None) -> list[dict[str, Any]]:
    """reviewdog suggestions for the fix's edits, which reviewdog posts as suggested changes.
    Columns are UTF-8 bytes of the edit's lines: the finding's excerpt where the edit stands on
    the finding's line, the file's own lines otherwise (an edit may span lines: reviewdog takes a
    range over several).  A fix with an edit that cannot be placed so (the file changed since)
    gets none, and so does a display-only fix."""
    from tqcheck.report.common import escaped

    fix = f.fix
    if fix is None or fix.applicability.value == "display-only":
        return []
    lines = _FileLines(file_text)
    out: list[dict[str, Any]] = []
    for e in fix.edits:
        if e.col == 1 and e.end_col == 1:
            start, end = 1, 1  # whole lines
        elif e.line == e.end_line == f.line and f.excerpt[e.col - 1:e.end_col - 1] == e.before:
            start, end = _byte_col(f.excerpt, e.col), _byte_col(f.excerpt, e.end_col)
        else:
            cols = _file_columns(lines, f.path, e, fmt)
            if cols is None:
                return []
            start, end = cols
        out.append({"range": {"start": {"line": e.line, "column": start},
                              "end": {"line": e.end_line, "column": end}},
                    "text": escaped(e.content, fmt)})
    return out


def _file_columns(lines: _FileLines, path: str, e: Edit, fmt: str | None
                  ) -> tuple[int, int] | None:
    """Byte columns of an edit counted on the file's lines, where they still hold the text the
    edit replaces (as the format writes it)."""
    from tqcheck.report.common import escaped

    first, last = lines.line(path, e.line), lines.line(path, e.end_line)
    if first is None or last is None:
        return None
    if e.line == e.end_line:
        found = first[e.col - 1:e.end_col - 1]
    else:
        middle = [lines.line(path, n) or "" for n in range(e.line + 1, e.end_line)]
        found = "\n".join([first[e.col - 1:], *middle, last[:e.end_col - 1]])
    if found not in (e.before, escaped(e.before, fmt)):
        return None
    return _byte_col(first, e.col), _byte_col(last, e.end_col)


def render(report: Report, options: RenderOptions) -> str:
    from tqcheck.report.common import formats_of

    formats = formats_of(report)
    texts: dict[str, str | None] = {}

    def file_text(path: str) -> str | None:
        if path not in texts:
            texts[path] = read_file_text(path, report.encoding)
        return texts[path]

    return "".join(json.dumps(diagnostic(f, formats.get(f.path), file_text), ensure_ascii=False)
                   + "\n" for f in report.active)

