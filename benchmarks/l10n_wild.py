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
    python benchmarks/l10n_wild.py --pofilter /tmp/ttk-venv/bin/pofilter --sample 60 --seed 15 \
        --blind-out blind.jsonl --blind-key blind.key.jsonl   # both tools, one blind sample
    python benchmarks/l10n_wild.py --score-blind blind.key.jsonl verdicts.jsonl

``--sample`` draws warnings and errors uniformly (seeded) and writes, for each, only what a blind
judge needs: the finding's code, message and flagged text, the unit's source and translation, the
languages and the format.  The files stay in place (each under its project's licence); the sample
holds short excerpts for judging only.
"""

from __future__ import annotations

import argparse
import json
import random
import re
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


def _drawn(findings: list[dict[str, Any]], n: int, seed: int) -> list[dict[str, Any]]:
    """``n`` warnings and errors drawn uniformly (the same draw as :func:`sample`)."""
    pool = [f for f in findings if _warn(f)]
    return random.Random(seed).sample(pool, min(n, len(pool)))


def sample(findings: list[dict[str, Any]], n: int, seed: int) -> list[dict[str, Any]]:
    picked = _drawn(findings, n, seed)
    keys = ("code", "message", "text", "source", "target", "source_lang", "target_lang",
            "format", "path", "line", "col")
    return [{"n": i + 1, **{k: f.get(k) for k in keys}} for i, f in enumerate(picked)]


def blind(tq: list[dict[str, Any]], pf: list[dict[str, Any]], seed: int
          ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Both tools' samples in one shuffled list for a blind judge, and the key to score it: the
    judge sees the unit (source, translation, language, format) and the finding's message and
    flagged text, never the tool, the code or the file; the key maps each id back."""
    items = [("tqcheck", f) for f in tq] + [("pofilter", f) for f in pf]
    random.Random(seed).shuffle(items)
    shown: list[dict[str, Any]] = []
    key: list[dict[str, Any]] = []
    for n, (tool, f) in enumerate(items, 1):
        shown.append({"id": n, "message": f.get("message"), "flagged": f.get("text") or "",
                      "source": f.get("source"), "translation": f.get("target"),
                      "source_lang": f.get("source_lang"), "target_lang": f.get("target_lang"),
                      "format": f.get("format")})
        key.append({"id": n, "tool": tool, "code": f.get("code"), "path": f.get("path"),
                    "line": f.get("line"), "col": f.get("col")})
    return shown, key


def score_blind(key_path: Path, verdicts_path: Path) -> None:
    """Precision per tool (and per code) from the key and the judge's ``{"id", "verdict"}``
    lines (``real``, ``false`` or ``unsure``)."""
    key = {r["id"]: r for r in map(json.loads, key_path.read_text(encoding="utf-8").splitlines())}
    per: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for line in verdicts_path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            v = json.loads(line)
            k = key[v["id"]]
            per[(k["tool"], "all")][v["verdict"]] += 1
            per[(k["tool"], str(k["code"]))][v["verdict"]] += 1
    print("| tool | code | real | false | unsure | precision |")
    print("|---|---|---:|---:|---:|---:|")
    for (tool, code), c in sorted(per.items(), key=lambda x: (x[0][0], x[0][1] != "all", x[0][1])):
        judged = c["real"] + c["false"]
        print(f"| {tool} | {code} | {c['real']} | {c['false']} | {c['unsure']} | "
              f"{(c['real'] / judged if judged else 0):.0%} |")


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


_POFILTER_FORMATS = {"po", "xliff", "tmx"}
_NOTE = re.compile(r"<note[^>]*>\s*(?:\(pofilter\)\s*)?([\w-]+): ([^<]*)</note>")


def run_pofilter(pofilter: str, data: Path, files: list[dict[str, Any]], out: Path
                 ) -> list[dict[str, Any]]:
    """pofilter (default tests, fuzzy skipped) on every PO, XLIFF and TMX file tqcheck audited:
    one finding per note, with the unit's source and target (XLIFF 2.0 is refused by pofilter:
    those files count as audited with no finding, and the refusal is printed)."""
    import html
    import shutil
    import subprocess

    import polib

    found: list[dict[str, Any]] = []
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    for n, row in enumerate(files):
        if row["format"] not in _POFILTER_FORMATS or row["error"]:
            continue
        src = data / row["path"]
        dst = out / f"{n}{src.suffix}"
        proc = subprocess.run([pofilter, "--progress=none", "--nofuzzy", "-i", str(src), "-o",
                               str(dst)], capture_output=True, text=True)
        if "Error processing" in proc.stderr:
            row["pofilter_error"] = proc.stderr.strip().splitlines()[-1][:160]
            print(f"pofilter refused {row['path']}: {row['pofilter_error']}", file=sys.stderr)
            continue
        if not dst.exists() or dst.stat().st_size == 0:
            continue
        base = {"corpus": row["corpus"], "path": row["path"], "format": row["format"],
                "target_lang": row["lang"], "tool": "pofilter", "severity": "warning"}
        if row["format"] == "po":
            for entry in polib.pofile(str(dst)):
                for line in entry.tcomment.splitlines():
                    m = re.match(r"\(pofilter\) ([\w-]+): (.*)", line)
                    if m:
                        target = entry.msgstr or next(iter(entry.msgstr_plural.values()), "")
                        found.append({**base, "code": m.group(1), "message": m.group(2),
                                      "text": "", "source": entry.msgid, "target": target,
                                      "line": entry.linenum, "col": 1})
        else:
            doc = dst.read_text(encoding="utf-8")
            for unit in re.finditer(r"<(?:trans-unit|tu)\b.*?</(?:trans-unit|tu)>", doc, re.S):
                body = unit.group()
                segs = re.findall(r"<(?:source|target|seg)[^>]*>(.*?)</(?:source|target|seg)>",
                                  body, re.S)
                for m in _NOTE.finditer(body):
                    found.append({**base, "code": m.group(1), "message": html.unescape(m.group(2)),
                                  "text": "", "source": html.unescape(segs[0]) if segs else None,
                                  "target": html.unescape(segs[1]) if len(segs) > 1 else "",
                                  "line": 0, "col": 1})
    return found


def side_by_side(files: list[dict[str, Any]], tq: list[dict[str, Any]],
                 pf: list[dict[str, Any]]) -> None:
    """Findings per 1,000 units of both tools on the files pofilter reads."""
    read = [r for r in files if r["format"] in _POFILTER_FORMATS and not r["error"]
            and not r.get("pofilter_error")]
    paths = {r["path"] for r in read}
    units = sum(r["units"] for r in read)
    tq_n = sum(1 for f in tq if f["path"] in paths and _warn(f))
    tq_830 = sum(1 for f in tq if f["path"] in paths and _warn(f) and f["code"] == "TQ830")
    pf_n = len(pf)
    pf_untr = sum(1 for f in pf if f["code"] == "untranslated")
    print(f"\nSide by side on the {len(read)} PO, XLIFF 1.2 and TMX files both tools read "
          f"({units:,} units):\n")
    print("| tool | findings | per 1,000 units | without untranslated units | per 1,000 units |")
    print("|---|---:|---:|---:|---:|")
    print(f"| tqcheck (warnings+errors) | {tq_n:,} | {1000 * tq_n / max(units, 1):.1f} | "
          f"{tq_n - tq_830:,} | {1000 * (tq_n - tq_830) / max(units, 1):.1f} |")
    print(f"| pofilter (default tests) | {pf_n:,} | {1000 * pf_n / max(units, 1):.1f} | "
          f"{pf_n - pf_untr:,} | {1000 * (pf_n - pf_untr) / max(units, 1):.1f} |")
    tests = Counter(f["code"] for f in pf)
    print("\npofilter tests: " + ", ".join(f"{t} {n:,}" for t, n in tests.most_common()))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--json", type=Path, help="write every file row and finding here")
    parser.add_argument("--sample", type=int, default=0)
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--sample-out", type=Path)
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("BEFORE", "AFTER"))
    parser.add_argument("--pofilter", help="Translate Toolkit's pofilter: run it on the same PO, "
                        "XLIFF and TMX files and compare (see benchmarks/pofilter_compare.py)")
    parser.add_argument("--pofilter-sample-out", type=Path)
    parser.add_argument("--blind-out", type=Path, help="with --pofilter and --sample: both "
                        "tools' samples in one shuffled JSONL without tool, code or file")
    parser.add_argument("--blind-key", type=Path, help="where --blind-out's key goes")
    parser.add_argument("--score-blind", nargs=2, type=Path, metavar=("KEY", "VERDICTS"),
                        help="precision per tool and code from the key and the verdicts")
    args = parser.parse_args()
    if args.compare:
        compare(*args.compare)
        return 0
    if args.score_blind:
        score_blind(*args.score_blind)
        return 0
    if args.blind_out and not (args.pofilter and args.sample and args.blind_key):
        parser.error("--blind-out needs --pofilter, --sample and --blind-key")
    if not (args.data / "l10n-wild").is_dir():
        print(f"{args.data}/l10n-wild: no data", file=sys.stderr)
        return 2
    files, findings = run(args.data)
    tables(files, findings)
    if args.json:
        args.json.write_text(json.dumps({"files": files, "findings": findings},
                                        ensure_ascii=False, indent=0), encoding="utf-8")
    if args.pofilter:
        import tempfile

        with tempfile.TemporaryDirectory() as tmp:
            pf = run_pofilter(args.pofilter, args.data, files, Path(tmp) / "pf")
        side_by_side(files, findings, pf)
        if args.json:
            doc = json.loads(args.json.read_text(encoding="utf-8"))
            doc["pofilter"] = pf
            args.json.write_text(json.dumps(doc, ensure_ascii=False, indent=0), encoding="utf-8")
        if args.pofilter_sample_out and args.sample:
            rows = sample(pf, args.sample, args.seed)
            args.pofilter_sample_out.parent.mkdir(parents=True, exist_ok=True)
            args.pofilter_sample_out.write_text(
                "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        if args.blind_out:
            shown, key = blind(_drawn(findings, args.sample, args.seed),
                               _drawn(pf, args.sample, args.seed), args.seed)
            for out, rows in ((args.blind_out, shown), (args.blind_key, key)):
                out.parent.mkdir(parents=True, exist_ok=True)
                out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                               encoding="utf-8")
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
