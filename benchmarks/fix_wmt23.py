"""How many findings on real MT get a fix, by applicability, and a sample of applied fixes to judge.

Audits every WMT23 system output in ``../shared/data/wmt23/system-outputs`` (paragraph per line,
line-aligned with ``sources/``; audited with its source, ``--source``, as an editor of MT would,
unless ``--no-source``), counts the findings that carry a fix by applicability and rule, applies
one pass of fixes (``--fix --unsafe-fixes``, in memory: nothing is written) and draws a seeded
sample of the applied fixes for blind judging.  Findings that share one fix (the marks of a
paragraph converted together) are one item.  Written beside this file, never committed (they
quote WMT23 text; ``.gitignore`` keeps them out):

- ``fix-sample.jsonl``: what a judge sees, and all a judge should see: an id, the source line,
  the line before the fix and after it (the fix alone), the lines around it, and the change
  marked word by word; nothing about the rule or its applicability;
- ``fix-sample.md``: the same, for reading;
- ``fix-sample.key.jsonl``: the rule, applicability, file and line of each id, to score the
  verdicts afterwards (``--score VERDICTS.jsonl``: lines ``{"id": …, "ok": true}``);
- ``fix-pool.jsonl`` (``--pool``): every applied fix with its key, to look for bad classes.

Run by hand: ``nice python benchmarks/fix_wmt23.py --safe 20 --unsafe 20 --seed 2026``.
"""

from __future__ import annotations

import argparse
import difflib
import json
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

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


_TOKEN = re.compile(r"\s+|\w+|[^\w\s]")


def word_diff(before: str, after: str) -> str:
    """``before`` with what the fix deletes in ``[-…-]`` and what it writes in ``{+…+}``."""
    a, b = _TOKEN.findall(before), _TOKEN.findall(after)
    out = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            out.append("".join(a[i1:i2]))
            continue
        if i2 > i1:
            out.append("[-" + "".join(a[i1:i2]) + "-]")
        if j2 > j1:
            out.append("{+" + "".join(b[j1:j2]) + "+}")
    return "".join(out)


def _candidate(f: Any, text: str, lines: list[str], src_lines: list[str], hyp: Path
               ) -> dict[str, Any]:
    """One applied fix, shown alone: the lines it touches before and after, their sources, and
    the target lines just before and after them."""
    from tqcheck.fix import apply_findings

    first, last = f.fix.edits[0], f.fix.edits[-1]
    one, _ = apply_findings(text, [f], unsafe=True)
    after_lines = one.split("\n")
    shift = len(after_lines) - len(lines)
    top, bottom = first.line, max(e.end_line for e in f.fix.edits)
    if last.end_col == 1 and bottom > top:
        bottom -= 1  # a range that ends at the start of a line does not touch that line
    before = "\n".join(lines[top - 1:bottom])
    after = "\n".join(after_lines[top - 1:bottom + shift]) if bottom + shift >= top else ""
    return {
        "source": "\n".join(src_lines[top - 1:bottom]),
        "previous": lines[top - 2] if top >= 2 else "",
        "before": before, "after": after, "change": word_diff(before, after),
        "next": lines[bottom] if bottom < len(lines) else "",
        "key": {"code": f.code, "applicability": f.fix.applicability.value,
                "file": str(hyp.relative_to(DATA)), "line": top, "message": f.fix.message},
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--safe", type=int, default=20, help="safe fixes in the sample")
    parser.add_argument("--unsafe", type=int, default=20, help="unsafe fixes in the sample")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--no-source", action="store_true",
                        help="audit the outputs without their sources")
    parser.add_argument("--pool", action="store_true",
                        help="also write every applied fix to fix-pool.jsonl")
    parser.add_argument("--score", type=Path, help="verdicts to score against the key")
    args = parser.parse_args(argv)
    if args.score:
        return score(args.score)
    if not DATA.is_dir():
        print(f"no WMT23 data at {DATA}", file=sys.stderr)
        return 2

    from tqcheck.audit import audit
    from tqcheck.config import Settings
    from tqcheck.fix import apply_findings

    by_applicability: Counter[str] = Counter()
    by_rule: Counter[tuple[str, str]] = Counter()
    applied_by: Counter[str] = Counter()
    fixes_by: Counter[str] = Counter()
    findings_total = 0
    candidates: list[dict[str, Any]] = []
    started = time.perf_counter()
    for hyp, src_lang, tgt_lang, source in _pairs():
        settings = Settings.of(lang=tgt_lang, source_lang=src_lang,
                               source=None if args.no_source else str(source))
        report = audit([hyp], settings, jobs=args.jobs)
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
        seen: set[object] = set()
        for f in applied:
            assert f.fix is not None
            applied_by[f.fix.applicability.value] += 1
            if f.fix.edits in seen:
                continue  # one fix shared by several findings: one item
            seen.add(f.fix.edits)
            fixes_by[f.fix.applicability.value] += 1
            candidates.append(_candidate(f, text, lines, src_lines, hyp))
    elapsed = time.perf_counter() - started

    print(f"WMT23 system outputs: {len(_pairs())} files "
          f"({'without' if args.no_source else 'with'} their sources), "
          f"{findings_total} active findings, {elapsed:.0f} s")
    fixable = sum(v for k, v in by_applicability.items() if k != "none")
    print(f"findings with a fix: {fixable} ({fixable / max(1, findings_total):.1%})")
    for kind in ("safe", "unsafe", "display-only", "none"):
        print(f"  {kind:<13} {by_applicability[kind]:>6}")
    print("applied in one pass (--fix --unsafe-fixes), findings: "
          + ", ".join(f"{k} {v}" for k, v in sorted(applied_by.items()))
          + "; distinct fixes: " + ", ".join(f"{k} {v}" for k, v in sorted(fixes_by.items())))
    print("by rule:")
    for (code, kind), n in sorted(by_rule.items()):
        print(f"  {code} {kind:<13} {n:>6}")

    OUT.mkdir(parents=True, exist_ok=True)
    if args.pool:
        with (OUT / "fix-pool.jsonl").open("w", encoding="utf-8") as pool:
            for c in candidates:
                pool.write(json.dumps(c, ensure_ascii=False) + "\n")
    rng = random.Random(args.seed)
    safe = [c for c in candidates if c["key"]["applicability"] == "safe"]
    unsafe = [c for c in candidates if c["key"]["applicability"] == "unsafe"]
    sample = (rng.sample(safe, min(len(safe), args.safe))
              + rng.sample(unsafe, min(len(unsafe), args.unsafe)))
    rng.shuffle(sample)
    shown = ("source", "previous", "before", "after", "change", "next")
    with (OUT / "fix-sample.jsonl").open("w", encoding="utf-8") as blind, \
            (OUT / "fix-sample.key.jsonl").open("w", encoding="utf-8") as key, \
            (OUT / "fix-sample.md").open("w", encoding="utf-8") as md:
        md.write("# Applied fixes to judge (blind)\n\nFor each item: would an editor publishing "
                 "this translation accept the change?\nAnswer in a file of lines "
                 '`{"id": N, "ok": true}` or `{"id": N, "ok": false}`.\n')
        for i, c in enumerate(sample, 1):
            blind.write(json.dumps({"id": i, **{k: c[k] for k in shown}}, ensure_ascii=False)
                        + "\n")
            key.write(json.dumps({"id": i, **c["key"]}, ensure_ascii=False) + "\n")
            md.write(f"\n## {i}\n\n- source: {c['source']}\n- line before: {c['previous']}\n"
                     f"- **before**: {c['before']}\n- **after**: {c['after']}\n"
                     f"- change: {c['change']}\n- line after: {c['next']}\n")
    n_unsafe = sum(1 for c in sample if c["key"]["applicability"] == "unsafe")
    print(f"sample: {len(sample)} applied fixes ({len(sample) - n_unsafe} safe, {n_unsafe} unsafe) "
          f"→ {OUT / 'fix-sample.jsonl'} and fix-sample.md; key: fix-sample.key.jsonl")
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
