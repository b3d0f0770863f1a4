"""GitLab Code Quality report (a JSON array of Code Climate issues), shown in merge requests.

Each active finding becomes ``{description, check_name, fingerprint, severity, location}``; the
fingerprint is an MD5 hex digest of the path and the finding's line-independent fingerprint, so
GitLab recognises the same finding after unrelated edits.  Severities: error → ``major``,
warning → ``minor``, info → ``info``.
"""

from __future__ import annotations

import json
from typing import Any

from tqcheck.fingerprint import fingerprints, gitlab_fingerprint
from tqcheck.model import Report
from tqcheck.report import RenderOptions
from tqcheck.report.common import relative_path

SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}


def render(report: Report, options: RenderOptions) -> str:
    fps = fingerprints(report.findings)
    issues: list[dict[str, Any]] = []
    for f, fp in zip(report.findings, fps, strict=True):
        if f.suppressed:
            continue
        path = relative_path(f.path)
        issues.append({
            "type": "issue",
            "description": f"{f.code} {f.message}",
            "check_name": f"{f.code} {f.slug}",
            "categories": ["Style"],
            "fingerprint": gitlab_fingerprint(path, fp),
            "severity": SEVERITIES[f.severity.value],
            "location": {
                "path": path,
                "lines": {"begin": f.line, "end": f.end_line},
            },
        })
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"
