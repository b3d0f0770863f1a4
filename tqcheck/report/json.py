"""Machine-readable JSON report (schema documented in ``docs/json-report.md``).

``schema_version`` changes only when a field is removed or changes meaning; fields may be added.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from tqcheck.model import Finding, Report
from tqcheck.report import RenderOptions

SCHEMA_VERSION = 1


def fix_dict(f: Finding, fmt: str | None = None) -> dict[str, Any] | None:
    """``{"applicability", "message", "edits": [{line, col, end_line, end_col, content,
    replaces, written}]}``: ``content`` is the new text, ``written`` the same as the file
    stores it (escaped for its format)."""
    if f.fix is None:
        return None
    from tqcheck.report.common import escaped

    return {
        "applicability": f.fix.applicability.value,
        "message": f.fix.message,
        "edits": [
            {"line": e.line, "col": e.col, "end_line": e.end_line, "end_col": e.end_col,
             "content": e.content, "replaces": e.before, "written": escaped(e.content, fmt)}
            for e in f.fix.edits
        ],
    }


def finding_dict(f: Finding, fmt: str | None = None) -> dict[str, Any]:
    d: dict[str, Any] = {
        "path": f.path,
        "line": f.line,
        "col": f.col,
        "end_line": f.end_line,
        "end_col": f.end_col,
        "code": f.code,
        "slug": f.slug,
        "category": f.category.value,
        "severity": f.severity.value,
        "message": f.message,
        "text": f.text,
    }
    if f.record:
        d["record"] = f.record
    if f.suggestion is not None:
        d["suggestion"] = f.suggestion
    fix = fix_dict(f, fmt)
    if fix is not None:
        d["fix"] = fix
    if f.related:
        d["related"] = [
            {"path": r.path, "line": r.line, "col": r.col, "end_line": r.end_line, "end_col": r.end_col}
            for r in f.related
        ]
    if f.suppressed:
        d["suppressed"] = True
        if f.suppression:
            d["suppression"] = f.suppression
    return d


def report_dict(report: Report) -> dict[str, Any]:
    from tqcheck.report.common import formats_of

    active = report.active
    formats = formats_of(report)
    return {
        "schema_version": SCHEMA_VERSION,
        "signature": report.signature.as_dict() if report.signature else {},
        "files": [
            {"path": s.path, "format": s.format, "lang": s.lang, "lang_source": s.lang_source,
             "segments": s.segments, "sentences": s.sentences, "words": s.words}
            for s in report.files
        ],
        "findings": [finding_dict(f, formats.get(f.path)) for f in report.findings],
        "errors": [{"path": e.path, "message": e.message} for e in report.errors],
        "notes": list(report.notes),
        "scores": dict(report.scores),
        "summary": {
            "total": len(active),
            "suppressed": len(report.findings) - len(active),
            "by_category": dict(sorted(Counter(f.category.value for f in active).items())),
            "by_severity": dict(sorted(Counter(f.severity.value for f in active).items())),
            "by_code": dict(sorted(Counter(f.code for f in active).items())),
            "files": len(report.files),
            "errors": len(report.errors),
            "fixable": dict(sorted(Counter(f.fix.applicability.value for f in active
                                           if f.fix is not None).items())),
        },
    }


def render(report: Report, options: RenderOptions) -> str:
    data = report_dict(report)
    if report.baseline is not None:
        # Known, new and stale baseline entries (see ``tqcheck.baseline``).
        data["baseline"] = report.baseline.as_dict()
    if report.fixed is not None:
        data["summary"]["fixed"] = report.fixed  # applied by --fix
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
