"""Baselines: remember today's findings so that the gate fails only on new ones.

``tqcheck audit --write-baseline FILE`` records every active finding as one entry: path, code,
fingerprint (:mod:`tqcheck.fingerprint`, no line numbers) and an excerpt for humans.  The file is
JSON, sorted by path, code and fingerprint, one entry per line, so it diffs well.

``--baseline FILE`` marks findings found in it as suppressed (``suppression="baseline"``): they
leave the gate and the human and annotation formats, and SARIF and JSON keep them, marked.
Entries of audited files that match no finding any more are *stale* (fixed, or their sentence
was edited): they are listed in a note and in the JSON report.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence
from pathlib import Path, PurePath

from tqcheck.errors import InputError
from tqcheck.fingerprint import fingerprints
from tqcheck.model import BaselineEntry, BaselineState, Finding, Report

BASELINE_VERSION = 1
_EXCERPT = 80


#: A baseline entry (kept under its former name).
Entry = BaselineEntry
#: What applying a baseline did (kept under its former name).
BaselineResult = BaselineState


def _norm_path(path: str) -> str:
    return PurePath(path).as_posix().removeprefix("./")


def _excerpt(f: Finding) -> str:
    context = " ".join((f.context or f.excerpt).split())
    if len(context) <= _EXCERPT:
        return context
    flagged = " ".join(f.text.split()).casefold()
    at = max(0, context.find(flagged)) if flagged else 0
    left = max(0, min(at - 20, len(context) - _EXCERPT))
    return ("…" if left else "") + context[left:left + _EXCERPT] + "…"


def entries_for(findings: Sequence[Finding]) -> list[Entry]:
    """Baseline entries for the active findings, sorted."""
    fps = fingerprints(findings)
    return sorted(Entry(_norm_path(f.path), f.code, fp, _excerpt(f))
                  for f, fp in zip(findings, fps, strict=True) if not f.suppressed)


def dumps(entries: Sequence[Entry]) -> str:
    from tqcheck import __version__

    lines = [json.dumps(e.as_dict(), ensure_ascii=False, sort_keys=False) for e in entries]
    body = ",\n    ".join(lines)
    return (f'{{\n  "tqcheck_baseline": {BASELINE_VERSION},\n  "tool_version": "{__version__}",\n'
            f'  "findings": [{chr(10) + "    " + body + chr(10) + "  " if lines else ""}]\n}}\n')


def write_baseline(path: Path, report: Report) -> int:
    """Write the baseline of ``report`` atomically; the number of entries."""
    from tqcheck.report import write_atomic

    entries = entries_for(report.findings)
    write_atomic(path, dumps(entries))
    return len(entries)


def load_baseline(path: Path) -> list[Entry]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: no such baseline file") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{path}: not a tqcheck baseline: {exc}") from None
    if not isinstance(data, dict) or data.get("tqcheck_baseline") != BASELINE_VERSION:
        raise InputError(f"{path}: not a tqcheck baseline (version {BASELINE_VERSION})")
    try:
        return [Entry(str(e["path"]), str(e["code"]), str(e["fingerprint"]),
                      str(e.get("context", ""))) for e in data["findings"]]
    except (KeyError, TypeError) as exc:
        raise InputError(f"{path}: malformed baseline entry ({exc})") from None


def _retired_fingerprints(findings: Sequence[Finding], codes: set[str]
                          ) -> dict[int, list[tuple[str, str]]]:
    """For findings of a check that took over a retired code (``registry.REDIRECTS``) named in
    the baseline: ``id(finding)`` -> ``(retired code, fingerprint under that code)``, so that a
    baseline written before the redirect keeps matching."""
    from tqcheck.checks.registry import REDIRECTS

    out: dict[int, list[tuple[str, str]]] = {}
    for old in sorted(codes & set(REDIRECTS)):
        target = REDIRECTS[old].target
        moved = [f for f in findings if f.code == target]
        renamed = [dataclasses.replace(f, code=old) for f in moved]
        for f, fp in zip(moved, fingerprints(renamed), strict=True):
            out.setdefault(id(f), []).append((old, fp))
    return out


def apply_baseline(report: Report, entries: Sequence[Entry], source: str = "baseline"
                   ) -> tuple[Report, BaselineResult]:
    """Mark findings present in ``entries`` as known; find entries that match nothing."""
    fps = fingerprints(report.findings)
    remaining = {(e.path, e.code, e.fingerprint): e for e in entries}
    retired = _retired_fingerprints(report.findings, {e.code for e in entries})
    out: list[Finding] = []
    known = new = 0
    for f, fp in zip(report.findings, fps, strict=True):
        if f.suppressed:
            out.append(f)
            continue
        entry = remaining.pop((_norm_path(f.path), f.code, fp), None)
        for code, old_fp in retired.get(id(f), ()):
            if entry is None:
                entry = remaining.pop((_norm_path(f.path), code, old_fp), None)
        if entry is None:
            new += 1
            out.append(f)
        else:
            known += 1
            out.append(dataclasses.replace(f, suppressed=True, suppression="baseline"))
    audited = {_norm_path(s.path) for s in report.files}
    stale = tuple(sorted(e for e in remaining.values() if e.path in audited))
    notes = list(report.notes)
    if known:
        notes.append(f"baseline {source}: {known} known finding{'s' if known != 1 else ''} "
                     "hidden; only new findings count")
    for e in stale:
        notes.append(f"baseline {source}: stale entry {e.path} {e.code} '{e.context}' "
                     "(fixed or edited; rewrite the baseline to drop it)")
    result = BaselineState(source, known, new, stale)
    return dataclasses.replace(report, findings=tuple(out), notes=tuple(notes),
                               baseline=result), result
