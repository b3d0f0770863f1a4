"""Does the audit tell real machine translation from human text?  (run by hand)

Over every pair of ``../shared/data/wmt23/`` (each system's output and the human reference refA,
audited with and without ``--source``):

* warning+error findings per 1,000 words, per system and for the reference;
* the MT/human ratio (MT systems pooled against the reference);
* Spearman's rho between the systems' finding rates and the official human scores of
  ``wmt23/humaneval/WMT23.results.txt`` where the pair is ranked there (worse systems should get
  more findings: the sign should be negative).

And MQM overlap per check on ``mqm-ted-zh-en.jsonl`` and ``mqm-ted-en-de.jsonl``: the share of a
check's findings that overlap a span professional raters marked as an error, against chance (the
probability that a span of the same length placed at random in the same segment overlaps one).

``--base REV`` runs the same measurements on a detached checkout of REV in a child process first
and prints both.  ``--dump FILE`` writes every WMT23 finding (with its source line) as JSON lines,
for precision sampling and before/after comparisons.  Fidelity checks that need translation
models (TQ811) are left out.

    python benchmarks/wmt23_eval.py [--base 9145980] [--no-mqm] [--dump findings.jsonl]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
WMT = DATA / "wmt23"
HUMAN = "Human-refA"
COUNTED = ("warning", "error")
#: ISO 639-3 names the results file uses.
_LANG3 = {"de": "deu", "en": "eng", "ja": "jpn", "uk": "ukr", "ru": "rus", "zh": "zho", "cs": "ces"}


def human_scores() -> dict[str, dict[str, float]]:
    """``{"de-en": {system: average score}}`` from the results file's ranked tables."""
    path = WMT / "humaneval" / "WMT23.results.txt"
    scores: dict[str, dict[str, float]] = {}
    by3 = {v: k for k, v in _LANG3.items()}
    pair = None
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"\[(\w+)-->(\w+)\]", line)
        if m:
            pair = f"{by3.get(m.group(1), m.group(1))}-{by3.get(m.group(2), m.group(2))}"
            continue
        m = re.match(r"[\d.]+ \('([^']+)', \d+, [-\d.e]+, ([-\d.e]+),", line)
        if m and pair:
            scores.setdefault(pair, {})[m.group(1)] = float(m.group(2))
    return scores


def spearman(xs: list[float], ys: list[float]) -> float:
    def ranks(v: list[float]) -> list[float]:
        order = sorted(range(len(v)), key=v.__getitem__)
        r = [0.0] * len(v)
        i = 0
        while i < len(order):
            j = i
            while j + 1 < len(order) and v[order[j + 1]] == v[order[i]]:
                j += 1
            for k in range(i, j + 1):
                r[order[k]] = (i + j) / 2
            i = j + 1
        return r

    rx, ry = ranks(xs), ranks(ys)
    mx, my = statistics.fmean(rx), statistics.fmean(ry)
    num = sum((a - mx) * (b - my) for a, b in zip(rx, ry, strict=True))
    den = (sum((a - mx) ** 2 for a in rx) * sum((b - my) ** 2 for b in ry)) ** 0.5
    return num / den if den else 0.0


def pairs() -> list[tuple[str, Path, dict[str, Path]]]:
    out = []
    for pair_dir in sorted((WMT / "system-outputs").iterdir()):
        pair = pair_dir.name
        src, tgt = pair.split("-")
        source = WMT / "sources" / f"generaltest2023.{pair}.src.{src}"
        files = {p.name.split(".hyp.")[1].rsplit(".", 1)[0]: p for p in sorted(pair_dir.iterdir())}
        files[HUMAN] = WMT / "references" / f"generaltest2023.{pair}.ref.refA.{tgt}"
        out.append((pair, source, files))
    return out


def run_wmt(dump: Path | None, only: tuple[str, ...] = ()) -> dict[str, Any]:
    """Findings per system and mode: ``{pair: {mode: {system: [words, counted, by_code]}}}``."""
    from tqcheck.audit import AuditOptions, audit

    result: dict[str, Any] = {}
    out = dump.open("w", encoding="utf-8") if dump else None
    try:
        for pair, source, files in pairs():
            if only and pair not in only:
                continue
            src, tgt = pair.split("-")
            source_lines = source.read_text(encoding="utf-8").splitlines()
            for mode in ("plain", "source"):
                features = {"source": str(source)} if mode == "source" else {}
                options = AuditOptions(lang=tgt, source_lang=src if mode == "source" else None,
                                       ignore=("TQ811",), features=features)
                per: dict[str, Any] = {}
                for system, path in files.items():
                    report = audit([path], options, jobs=1)
                    words = sum(f.words for f in report.files)
                    counted = [f for f in report.active if f.severity.value in COUNTED]
                    per[system] = [words, len(counted), dict(Counter(f.code for f in counted))]
                    if out:
                        lines = path.read_text(encoding="utf-8").splitlines()
                        for f in counted:
                            out.write(json.dumps({
                                "pair": pair, "mode": mode, "system": system, "code": f.code,
                                "severity": f.severity.value, "line": f.line, "col": f.col,
                                "text": f.text, "message": f.message,
                                "target": lines[f.line - 1] if f.line <= len(lines) else "",
                                "source": source_lines[f.line - 1]
                                if f.line <= len(source_lines) else "",
                            }, ensure_ascii=False) + "\n")
                result.setdefault(pair, {})[mode] = per
    finally:
        if out:
            out.close()
    return result


def _chance(length: int, n: int, spans: list[tuple[int, int]]) -> float:
    """Probability that ``[p, p+length)`` at a uniformly random ``p`` overlaps one of ``spans``."""
    length = max(1, min(length, n))
    positions = n - length + 1
    if positions <= 0 or not spans:
        return 0.0
    hit = sum(1 for p in range(positions) if any(p < b and a < p + length for a, b in spans))
    return hit / positions


def run_mqm(name: str, tgt: str, src: str) -> dict[str, list[float]]:
    """``{code: [findings, overlapping, expected by chance]}`` on one MQM file."""
    from tqcheck.audit import AuditOptions, audit

    path = DATA / name
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    docs: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        docs[(r["system"], r["doc"])].append(r)
    stats: dict[str, list[float]] = defaultdict(lambda: [0, 0, 0.0])
    with tempfile.TemporaryDirectory() as tmp:
        for (system, doc), segs in sorted(docs.items()):
            segs.sort(key=lambda r: int(r["seg_id"]))
            texts = [" ".join(r["target"].split()) or "-" for r in segs]
            sources = [" ".join((r.get("source") or "").split()) or "-" for r in segs]
            target = Path(tmp) / f"{system}.{doc}.txt"
            source = Path(tmp) / f"{system}.{doc}.src"
            target.write_text("\n\n".join(texts) + "\n", encoding="utf-8")
            source.write_text("\n\n".join(sources) + "\n", encoding="utf-8")
            options = AuditOptions(lang=tgt, source_lang=src, ignore=("TQ811", "language"),
                                   features={"source": str(source)})
            report = audit([target], options, jobs=1)
            for f in report.active:
                if f.severity.value not in COUNTED or f.line != f.end_line or f.line % 2 == 0:
                    continue
                i = (f.line - 1) // 2
                r = segs[i]
                if " ".join(r["target"].split()) != r["target"]:
                    continue  # MQM offsets index the original text
                spans = [(e["start"], max(e["end"], e["start"] + 1)) for e in r["errors"]
                         if e.get("start") is not None]
                s, e = f.col - 1, max(f.end_col - 1, f.col)
                st = stats[f.code]
                st[0] += 1
                st[1] += any(s < b and a < e for a, b in spans)
                st[2] += _chance(e - s, len(texts[i]), spans)
    return dict(stats)


def measure(mqm: bool, dump: Path | None, wmt: bool = True,
            only: tuple[str, ...] = ()) -> dict[str, Any]:
    out: dict[str, Any] = {"wmt": run_wmt(dump, only) if wmt else {}}
    if mqm:
        out["mqm"] = {name: run_mqm(name, tgt, src) for name, tgt, src in (
            ("mqm-ted-zh-en.jsonl", "en", "zh"), ("mqm-ted-en-de.jsonl", "de", "en"))}
    return out


def rate(entry: list[Any]) -> float:
    return 1000 * entry[1] / entry[0] if entry[0] else 0.0


def summarise(m: dict[str, Any]) -> dict[str, Any]:
    """Per pair and mode: human rate, pooled MT rate, ratio, rho."""
    scores = human_scores()
    out: dict[str, Any] = {}
    for pair, modes in m["wmt"].items():
        for mode, per in modes.items():
            mt = [v for k, v in per.items() if k != HUMAN]
            mt_rate = 1000 * sum(v[1] for v in mt) / max(1, sum(v[0] for v in mt))
            human = rate(per[HUMAN])
            ranked = scores.get(pair, {})
            common = [s for s in per if s in ranked and s != HUMAN]
            rho = spearman([rate(per[s]) for s in common], [ranked[s] for s in common]) \
                if len(common) >= 4 else None
            out[f"{pair} {mode}"] = {"human": human, "mt": mt_rate,
                                     "ratio": mt_rate / human if human else float("inf"),
                                     "rho": rho, "n": len(common)}
    return out


def print_tables(label: str, m: dict[str, Any]) -> None:
    print(f"\n## {label}\n")
    if not m["wmt"]:
        print("(WMT23 rates not measured)")
    print("| pair | mode | human /1k words | MT /1k words | MT/human | Spearman (n) |")
    print("|---|---|---:|---:|---:|---:|")
    for key, s in summarise(m).items():
        pair, mode = key.split()
        rho = f"{s['rho']:+.2f} ({s['n']})" if s["rho"] is not None else "-"
        print(f"| {pair} | {mode} | {s['human']:.2f} | {s['mt']:.2f} | {s['ratio']:.2f} | {rho} |")
    codes: Counter[str] = Counter()
    human_codes: Counter[str] = Counter()
    for modes in m["wmt"].values():
        for system, v in modes["source"].items():
            (human_codes if system == HUMAN else codes).update(v[2])
    print("\nwarning+error findings per code with --source (MT systems / human refs): "
          + ", ".join(f"{c} {codes[c]}/{human_codes[c]}" for c in sorted(codes | human_codes)))
    for name, stats in m.get("mqm", {}).items():
        print(f"\n{name}: findings overlapping an MQM error span, against chance\n")
        print("| check | findings | overlap | share | chance | lift |\n|---|---:|---:|---:|---:|---:|")
        tot = [0, 0, 0.0]
        for code in sorted(stats):
            n, h, c = stats[code]
            tot = [tot[0] + n, tot[1] + h, tot[2] + c]
            print(f"| {code} | {n:.0f} | {h:.0f} | {h / n:.0%} | {c / n:.0%} | "
                  f"{(h / c if c else float('inf')):.2f} |")
        if tot[0]:
            print(f"| all | {tot[0]:.0f} | {tot[1]:.0f} | {tot[1] / tot[0]:.0%} | "
                  f"{tot[2] / tot[0]:.0%} | {tot[1] / tot[2] if tot[2] else float('inf'):.2f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", help="also measure this git revision (before/after)")
    parser.add_argument("--no-mqm", action="store_true", help="skip the MQM overlap")
    parser.add_argument("--no-wmt", action="store_true", help="skip the WMT23 rates")
    parser.add_argument("--dump", type=Path, help="write this tree's WMT23 findings here (JSONL)")
    parser.add_argument("--pairs", default="",
                        help="comma-separated pairs to measure (default: every pair), e.g. uk-en")
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)  # child mode
    args = parser.parse_args()
    only = tuple(p for p in args.pairs.split(",") if p)
    if not WMT.exists():
        sys.exit(f"wmt23_eval: {WMT} not found")
    if args.json:
        print(json.dumps(measure(not args.no_mqm, args.dump, not args.no_wmt, only)))
        return
    if args.base:
        with tempfile.TemporaryDirectory() as tmp:
            base = Path(tmp) / "base"
            subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "-q", "--detach", str(base),
                            args.base], check=True)
            try:
                cmd = [sys.executable, str(Path(__file__).resolve()), "--json"]
                cmd += [flag for flag, on in (("--no-mqm", args.no_mqm),
                                              ("--no-wmt", args.no_wmt)) if on]
                cmd += ["--pairs", args.pairs] if args.pairs else []
                child = subprocess.run(cmd, env={**os.environ, "PYTHONPATH": str(base)}, cwd=tmp,
                                       capture_output=True, text=True, check=True)
                print_tables(f"base {args.base}", json.loads(child.stdout))
            finally:
                subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(base)],
                               check=False)
    print_tables("this tree", measure(not args.no_mqm, args.dump, not args.no_wmt, only))


if __name__ == "__main__":
    main()
