"""How many findings on real MT get a fix, by applicability, and a sample of applied fixes to judge.

Audits every WMT23 system output in ``../shared/data/wmt23/system-outputs`` (paragraph per line,
line-aligned with ``sources/``), counts the findings that carry a fix by applicability and rule,
applies one pass of fixes (``--fix --unsafe-fixes``, in memory: nothing is written) and draws a
seeded sample of applied fixes for blind judging:

- ``benchmarks/judging/fix-sample.jsonl``: what a judge sees — an id, the source line, the line
  before and after the fix; nothing about the rule or its applicability;
- ``benchmarks/judging/fix-sample.key.jsonl``: the rule, applicability, file and line of each id,
  to score the verdicts afterwards (``--score VERDICTS.jsonl``: lines ``{"id": …, "ok": true}``).

Run by hand: ``nice python benchmarks/fix_wmt23.py [--sample 30] [--jobs 2]``.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "wmt23"
OUT = ROOT / "benchmarks" / "judging"


def _pairs() -> list[tuple[Path, str, str, Path]]:
    out = []
    for folder in sorted((DATA / "system-outputs").iterdir()):
        src_lang, tgt_lang = folder.name.split("-")
        source = DATA / "sources" / f"generaltest2023.{folder.name}.src.{src_lang}"
        out.extend((hyp, src_lang, tgt_lang, source) for hyp in sorted(folder.iterdir()))
    return out


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=30)
    parser.add_argument("--unsafe-share", type=float, default=1 / 3,
                        help="share of the sample drawn from unsafe fixes (default a third)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--score", type=Path, help="verdicts to score against the key")
    args = parser.parse_args(argv)
    if args.score:
        return score(args.score)
    if not DATA.is_dir():
        print(f"no WMT23 data at {DATA}", file=sys.stderr)
        return 2

    from tqcheck.audit import AuditOptions, audit
    from tqcheck.fix import apply_findings

    by_applicability: Counter[str] = Counter()
    by_rule: Counter[tuple[str, str]] = Counter()
    applied_by: Counter[str] = Counter()
    findings_total = 0
    candidates: list[dict[str, object]] = []
    started = time.perf_counter()
    for hyp, src_lang, tgt_lang, source in _pairs():
        report = audit([hyp], AuditOptions(lang=tgt_lang, source_lang=src_lang), jobs=args.jobs)
        text = hyp.read_text(encoding="utf-8")
        lines = text.split("\n")
        src_lines = source.read_text(encoding="utf-8").split("\n")
        active = report.active
        findings_total += len(active)
        for f in active:
            kind = f.fix.applicability.value if f.fix else "none"
            by_applicability[kind] += 1
            if f.fix:
                by_rule[(f.code, kind)] += 1
        _, applied = apply_findings(text, active, unsafe=True)
        for f in applied:
            assert f.fix is not None
            applied_by[f.fix.applicability.value] += 1
            # The line of the first edit, before and after this fix alone.
            first = f.fix.edits[0]
            one, _ = apply_findings(text, [f], unsafe=True)
            after_lines = one.split("\n")
            shift = len(after_lines) - len(lines)
            line = first.line
            before = "\n".join(lines[line - 1:first.end_line])
            after = "\n".join(after_lines[line - 1:first.end_line + shift]) if \
                first.end_line + shift >= line else ""
            candidates.append({
                "source": src_lines[line - 1] if line - 1 < len(src_lines) else "",
                "before": before, "after": after,
                "key": {"code": f.code, "applicability": f.fix.applicability.value,
                        "file": str(hyp.relative_to(DATA)), "line": line,
                        "message": f.fix.message},
            })
    elapsed = time.perf_counter() - started

    print(f"WMT23 system outputs: {len(_pairs())} files, {findings_total} active findings, "
          f"{elapsed:.0f} s")
    fixable = sum(v for k, v in by_applicability.items() if k != "none")
    print(f"findings with a fix: {fixable} ({fixable / max(1, findings_total):.1%})")
    for kind in ("safe", "unsafe", "display-only", "none"):
        print(f"  {kind:<13} {by_applicability[kind]:>6}")
    print("applied in one pass (--fix --unsafe-fixes): "
          + ", ".join(f"{k} {v}" for k, v in sorted(applied_by.items())))
    print("by rule:")
    for (code, kind), n in sorted(by_rule.items()):
        print(f"  {code} {kind:<13} {n:>6}")

    rng = random.Random(args.seed)
    unsafe = [c for c in candidates if c["key"]["applicability"] == "unsafe"]  # type: ignore[index]
    safe = [c for c in candidates if c["key"]["applicability"] == "safe"]  # type: ignore[index]
    n_unsafe = min(len(unsafe), round(args.sample * args.unsafe_share))
    sample = rng.sample(safe, min(len(safe), args.sample - n_unsafe)) + rng.sample(unsafe, n_unsafe)
    rng.shuffle(sample)
    OUT.mkdir(parents=True, exist_ok=True)
    with (OUT / "fix-sample.jsonl").open("w", encoding="utf-8") as blind, \
            (OUT / "fix-sample.key.jsonl").open("w", encoding="utf-8") as key:
        for i, c in enumerate(sample, 1):
            blind.write(json.dumps({"id": i, "source": c["source"], "before": c["before"],
                                    "after": c["after"]}, ensure_ascii=False) + "\n")
            key.write(json.dumps({"id": i, **c["key"]}, ensure_ascii=False) + "\n")  # type: ignore[dict-item]
    print(f"sample: {len(sample)} applied fixes ({n_unsafe} unsafe) → {OUT / 'fix-sample.jsonl'}")
    return 0


def score(verdicts_path: Path) -> int:
    key = {k["id"]: k for k in map(json.loads, (OUT / "fix-sample.key.jsonl").open(encoding="utf-8"))}
    verdicts = [json.loads(x) for x in verdicts_path.open(encoding="utf-8") if x.strip()]
    tally: dict[str, Counter[bool]] = {}
    for v in verdicts:
        k = key[v["id"]]
        tally.setdefault(k["applicability"], Counter())[bool(v["ok"])] += 1
        if not v["ok"]:
            print(f"  rejected #{v['id']}: {k['code']} {k['message']}")
    for kind, c in sorted(tally.items()):
        total = c[True] + c[False]
        print(f"{kind}: {c[True]}/{total} acceptable ({c[True] / total:.0%})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
