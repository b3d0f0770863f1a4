"""SARIF 2.1.0, for GitHub code scanning and other static-analysis dashboards.

Locations are relative to ``%SRCROOT%`` (the repository root when tqcheck runs there); columns
count Unicode code points (``columnKind``).  Every result carries a ``partialFingerprints`` entry
(:mod:`tqcheck.fingerprint`) that survives line shifts, and suppressed findings (comments, config,
baseline) carry ``suppressions``.  GitHub's upload limits are respected: at most 25,000 results
per run (the rest are dropped with a notification) and a warning near 10 MB gzipped.
"""

from __future__ import annotations

import gzip
import json
import logging
from collections.abc import Sequence
from typing import Any

from tqcheck import __version__
from tqcheck.fingerprint import SARIF_KEY, fingerprints
from tqcheck.model import Finding, Report, RuleInfo
from tqcheck.report import RenderOptions
from tqcheck.report.common import INFORMATION_URI, path_uri

log = logging.getLogger(__name__)

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "%SRCROOT%"
#: GitHub code scanning: results per run.
MAX_RESULTS = 25_000
#: GitHub code scanning: gzipped upload size; warn above this share of it.
MAX_GZIP_BYTES = 10 * 1024 * 1024
WARN_GZIP_BYTES = 8 * 1024 * 1024
#: GitHub code scanning: locations per result.
MAX_RELATED = 1_000

LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _artifact(path: str) -> dict[str, Any]:
    uri, relative = path_uri(path)
    return {"uri": uri, "uriBaseId": SRCROOT} if relative else {"uri": uri}


def _region(line: int, col: int, end_line: int, end_col: int) -> dict[str, int]:
    line, col = max(1, line), max(1, col)
    end_line = max(line, end_line)
    end_col = max(1, end_col if end_line > line else max(col, end_col))
    return {"startLine": line, "startColumn": col, "endLine": end_line, "endColumn": end_col}


def _rule(rule: RuleInfo) -> dict[str, Any]:
    return {
        "id": rule.code,
        "name": rule.slug,
        "shortDescription": {"text": rule.summary or rule.slug},
        "fullDescription": {"text": rule.doc or rule.summary or rule.slug},
        "help": {"text": rule.doc or rule.summary or rule.slug},
        "helpUri": rule.help_uri,
        "defaultConfiguration": {"level": LEVELS[rule.severity.value]},
        "properties": {"category": rule.category.value,
                       "tags": ["translation", rule.category.value]},
    }


def _fix(f: Finding, fmt: str | None) -> dict[str, Any]:
    """A SARIF ``fix``: one artifact change whose replacements are the fix's edits, with the new
    text as the file stores it; the applicability goes in the properties."""
    from tqcheck.report.common import escaped

    assert f.fix is not None
    return {
        "description": {"text": f.fix.message or f"fix for {f.code}"},
        "artifactChanges": [{
            "artifactLocation": _artifact(f.path),
            "replacements": [
                {"deletedRegion": _region(e.line, e.col, e.end_line, e.end_col),
                 "insertedContent": {"text": escaped(e.content, fmt)}}
                for e in f.fix.edits
            ],
        }],
        "properties": {"applicability": f.fix.applicability.value},
    }


def _result(f: Finding, fp: str, index: dict[str, int], fmt: str | None = None) -> dict[str, Any]:
    text = f.message + (f"\nSuggestion: {f.suggestion}" if f.suggestion else "")
    result: dict[str, Any] = {"ruleId": f.code}
    if f.code in index:
        result["ruleIndex"] = index[f.code]
    result.update({
        "level": LEVELS[f.severity.value],
        "message": {"text": text},
        "locations": [{"physicalLocation": {
            "artifactLocation": _artifact(f.path),
            "region": _region(f.line, f.col, f.end_line, f.end_col),
        }}],
        "partialFingerprints": {SARIF_KEY: fp},
    })
    if f.fix is not None and f.fix.edits:
        result["fixes"] = [_fix(f, fmt)]
    if f.related:
        result["relatedLocations"] = [
            {"id": i, "physicalLocation": {"artifactLocation": _artifact(r.path),
                                           "region": _region(r.line, r.col, r.end_line, r.end_col)}}
            for i, r in enumerate(f.related[:MAX_RELATED])
        ]
    if f.suppressed:
        kind = "inSource" if f.suppression == "inSource" else "external"
        why = {"inSource": "tqcheck suppression comment or flag",
               "baseline": "listed in the tqcheck baseline"}.get(
                   f.suppression, "per-file-ignores in the tqcheck configuration")
        result["suppressions"] = [{"kind": kind, "status": "accepted", "justification": why}]
    return result


def _notification(text: str, level: str, path: str | None = None) -> dict[str, Any]:
    n: dict[str, Any] = {"message": {"text": text}, "level": level}
    if path is not None:
        n["locations"] = [{"physicalLocation": {"artifactLocation": _artifact(path)}}]
    return n


def sarif_dict(report: Report, extra_notes: Sequence[str] = ()) -> dict[str, Any]:
    all_rules = report.rules
    index = {r.code: i for i, r in enumerate(all_rules)}
    fps = fingerprints(report.findings)
    from tqcheck.report.common import formats_of

    formats = formats_of(report)
    results = [_result(f, fp, index, formats.get(f.path))
               for f, fp in zip(report.findings, fps, strict=True)]
    notifications = [_notification(e.message, "error", e.path) for e in report.errors]
    if len(results) > MAX_RESULTS:
        # Keep what counts: active before suppressed, errors before warnings before notes
        # (GitHub, too, shows the most severe first).  The sort is stable, so order is kept within.
        rank = {"error": 0, "warning": 1, "note": 2}
        results.sort(key=lambda r: ("suppressions" in r, rank[r["level"]]))
        notifications.append(_notification(
            f"{len(results)} results; only the first {MAX_RESULTS} are included (GitHub code "
            "scanning accepts at most 25,000 results per run)", "warning"))
        results = results[:MAX_RESULTS]
    notifications.extend(_notification(n, "note") for n in [*report.notes, *extra_notes])
    run: dict[str, Any] = {
        "tool": {"driver": {
            "name": "tqcheck",
            "version": __version__,
            "semanticVersion": __version__,
            "informationUri": INFORMATION_URI,
            "rules": [_rule(r) for r in all_rules],
        }},
        "invocations": [{
            "executionSuccessful": not report.errors,
            "toolExecutionNotifications": notifications,
        }],
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    if report.signature:
        run["properties"] = {"signature": report.signature.as_dict()}
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def _dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def render(report: Report, options: RenderOptions) -> str:
    text = _dumps(sarif_dict(report))
    size = len(gzip.compress(text.encode("utf-8"), mtime=0))
    if size > WARN_GZIP_BYTES:
        warning = (f"SARIF is {size / 1048576:.1f} MB gzipped; GitHub code scanning rejects "
                   f"uploads over {MAX_GZIP_BYTES // 1048576} MB (narrow the audit or use a "
                   "baseline)")
        log.warning(warning)
        text = _dumps(sarif_dict(report, [warning]))
    return text
