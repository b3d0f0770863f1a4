"""Findings on shipped translation files of other projects (run by hand).

Audits every file of ``../shared/data/l10n-wild/`` (ten projects, nine formats), the gettext
catalogues of ``../shared/data/po/`` and the TICO-19 TMX, each file with its source where the format
keeps it apart (i18next/ARB/subtitles: the English file of the same folder; Android: found by the
reader), and prints units, warning-and-error findings per 1,000 units per format and per code.
Nearly every unit of these files is correct, so few findings, nearly all real, is the goal (issue 15:
at most 10 warnings and errors per 1,000 units, at least 80% of a uniform sample real defects).

    python benchmarks/l10n_wild.py                       # the tables
    python benchmarks/l10n_wild.py --json after.json     # every finding, for a before/after diff
    python benchmarks/l10n_wild.py --sample 60 --seed 15 --sample-out benchmarks/judging/s.jsonl
    python benchmarks/l10n_wild.py --compare before.json after.json   # per code, before/after

``--sample`` draws warnings and errors uniformly (seeded) and writes, for each, only what a blind
judge needs: the finding's code, message and flagged text, the unit's source and translation, the
languages and the format.  The files stay in place (each under its project's licence); the sample
holds short excerpts for judging only.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"

sys.path.insert(0, str(ROOT))

from tqcheck.audit import AuditOptions, audit_file  # noqa: E402
from tqcheck.model import Finding, Segment, Severity  # noqa: E402
from tqcheck.readers import detect_format, read_segments  # noqa: E402

#: The file in the source language beside targets whose format keeps the source apart.
_SOURCES = {
    "exc/locales": "en.json",
    "yubi": "app_en.arb",
    "srt": "video.en.srt",
    "vtt": "captions.en.vtt",
}


def jobs(data: Path) -> Iterator[tuple[str, Path, dict[str, Any]]]:
    """``(corpus, path, features)`` for every target file."""
    wild = data / "l10n-wild"
    for path in sorted(wild.rglob("*")):
        if not path.is_file() or path.name == "README.md":
            continue
        rel = path.relative_to(wild)
        folder = str(rel.parent)
        features: dict[str, Any] = {}
        src_name = _SOURCES.get(folder)
        if src_name:
            if path.name == src_name:
                continue  # the source itself
            features["source"] = str(path.parent / src_name)
        if rel.parts[0] == "android" and rel.parent.name == "values":
            continue  # the base (source) resources
        yield "l10n-wild", path, features
    for path in sorted((data / "po").rglob("*.po")):
        yield "po", path, {}
    for path in sorted((data / "tico19").glob("*.tmx")):
        yield "tico19", path, {}


def _span_of(seg: Segment) -> tuple[int, int]:
    return seg.locate(0)[0], seg.locate(len(seg.text))[0]


def unit_for(segments: list[Segment], f: Finding) -> Segment | None:
    best = None
    for seg in segments:
        first, last = _span_of(seg)
        if first <= f.line <= last and seg.locate(0) <= (f.line, f.col):
            best = seg
    return best


def run(data: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Per-file rows and every finding (as dicts with corpus, format and the unit)."""
    files: list[dict[str, Any]] = []
    findings: list[dict[str, Any]] = []
    for corpus, path, features in jobs(data):
        options = AuditOptions(features=features)
        fmt = detect_format(path)
        result = audit_file(path, options)
        rel = str(path.relative_to(data))
        units = result.summary.segments if result.summary else 0
        files.append({"corpus": corpus, "path": rel, "format": fmt, "units": units,
                      "error": result.error.message if result.error else None,
                      "lang": result.summary.lang if result.summary else None,
                      "notes": result.notes})
        if not result.findings:
            continue
        segments = list(read_segments(path, None, fmt, features))
        for f in result.findings:
            seg = unit_for(segments, f)
            findings.append({
                "corpus": corpus, "path": rel, "format": fmt, "code": f.code,
                "severity": f.severity.value, "line": f.line, "col": f.col,
                "message": f.message, "text": f.text, "suggestion": f.suggestion,
                "target": seg.text if seg else f.excerpt,
                "source": seg.source if seg else None,
                "unit": seg.id if seg else None,
                "source_lang": seg.source_lang if seg else None,
                "target_lang": (result.summary.lang if result.summary else None),
            })
    return files, findings


def _warn(f: dict[str, Any]) -> bool:
    return f["severity"] in (Severity.WARNING.value, Severity.ERROR.value)


def tables(files: list[dict[str, Any]], findings: list[dict[str, Any]]) -> None:
    units: Counter[str] = Counter()
    nfiles: Counter[str] = Counter()
    for row in files:
        key = f"{row['corpus']}/{row['format']}"
        units[key] += row["units"]
        nfiles[key] += 1
    warn: Counter[str] = Counter()
    info: Counter[str] = Counter()
    for f in findings:
        key = f"{f['corpus']}/{f['format']}"
        (warn if _warn(f) else info)[key] += 1
    print("| corpus/format | files | units | warnings+errors | per 1,000 units | info |")
    print("|---|---:|---:|---:|---:|---:|")
    for key in sorted(units):
        rate = 1000 * warn[key] / units[key] if units[key] else 0.0
        print(f"| {key} | {nfiles[key]} | {units[key]:,} | {warn[key]:,} | {rate:.1f} | "
              f"{info[key]:,} |")
    total_u, total_w = sum(units.values()), sum(warn.values())
    print(f"| **all** | {sum(nfiles.values())} | {total_u:,} | {total_w:,} | "
          f"{1000 * total_w / max(total_u, 1):.1f} | {sum(info.values()):,} |")
    errors = [row for row in files if row["error"]]
    if errors:
        print("\nFiles refused:")
        for row in errors:
            print(f"- {row['path']}: {row['error']}")
    by_code: dict[str, Counter[str]] = defaultdict(Counter)
    for f in findings:
        if _warn(f):
            by_code[f["code"]][f["corpus"]] += 1
    print("\n| code | warnings+errors | per 1,000 units | l10n-wild | po | tico19 |")
    print("|---|---:|---:|---:|---:|---:|")
    for code in sorted(by_code, key=lambda c: -sum(by_code[c].values())):
        n = sum(by_code[code].values())
        c = by_code[code]
        print(f"| {code} | {n:,} | {1000 * n / max(total_u, 1):.2f} | {c['l10n-wild']:,} | "
              f"{c['po']:,} | {c['tico19']:,} |")


def sample(findings: list[dict[str, Any]], n: int, seed: int) -> list[dict[str, Any]]:
    pool = [f for f in findings if _warn(f)]
    rng = random.Random(seed)
    picked = rng.sample(pool, min(n, len(pool)))
    keys = ("code", "message", "text", "source", "target", "source_lang", "target_lang",
            "format", "path", "line", "col")
    return [{"n": i + 1, **{k: f[k] for k in keys}} for i, f in enumerate(picked)]


def compare(before_path: Path, after_path: Path) -> None:
    before = json.loads(before_path.read_text(encoding="utf-8"))
    after = json.loads(after_path.read_text(encoding="utf-8"))
    def per_code(doc: dict[str, Any]) -> tuple[Counter[str], Counter[str]]:
        w: Counter[str] = Counter()
        a: Counter[str] = Counter()
        for f in doc["findings"]:
            a[f["code"]] += 1
            if _warn(f):
                w[f["code"]] += 1
        return w, a
    bw, ba = per_code(before)
    aw, aa = per_code(after)
    bu = sum(r["units"] for r in before["files"])
    au = sum(r["units"] for r in after["files"])
    print(f"units: before {bu:,}, after {au:,}")
    print("| code | before warn+err | after warn+err | before all | after all |")
    print("|---|---:|---:|---:|---:|")
    for code in sorted(set(ba) | set(aa)):
        print(f"| {code} | {bw[code]:,} | {aw[code]:,} | {ba[code]:,} | {aa[code]:,} |")
    print(f"| **all** | {sum(bw.values()):,} | {sum(aw.values()):,} | {sum(ba.values()):,} | "
          f"{sum(aa.values()):,} |")
    print(f"\nwarnings+errors per 1,000 units: before {1000 * sum(bw.values()) / max(bu, 1):.1f}, "
          f"after {1000 * sum(aw.values()) / max(au, 1):.1f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--json", type=Path, help="write every file row and finding here")
    parser.add_argument("--sample", type=int, default=0)
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--sample-out", type=Path)
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("BEFORE", "AFTER"))
    args = parser.parse_args()
    if args.compare:
        compare(*args.compare)
        return 0
    if not (args.data / "l10n-wild").is_dir():
        print(f"{args.data}/l10n-wild: no data", file=sys.stderr)
        return 2
    files, findings = run(args.data)
    tables(files, findings)
    if args.json:
        args.json.write_text(json.dumps({"files": files, "findings": findings},
                                        ensure_ascii=False, indent=0), encoding="utf-8")
    if args.sample:
        rows = sample(findings, args.sample, args.seed)
        if args.sample_out:
            args.sample_out.parent.mkdir(parents=True, exist_ok=True)
            args.sample_out.write_text(
                "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        else:
            for r in rows:
                print(json.dumps(r, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
