"""tqcheck's findings against professional MQM annotations of real machine translation.

For every system of ``../shared/data/mqm-ted-zh-en.jsonl`` (TED talks, Chinese→English), each talk
becomes one document (one segment per line) and is audited.  Printed:

* per check: findings, and how many overlap a span that raters marked as an error (precision
  against MQM — a lower bound, since raters mark one error per span and skip some artifacts);
* per MQM category: rater spans, and how many some finding touches (recall against MQM).

    python benchmarks/mqm_overlap.py
"""

from __future__ import annotations

import json
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

from tqcheck.audit import AuditOptions, audit

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "mqm-ted-zh-en.jsonl"


def main() -> None:
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()]
    docs: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for r in rows:
        docs[(r["system"], r["doc"])].append(r)
    findings_by_code: Counter[str] = Counter()
    hits_by_code: Counter[str] = Counter()
    spans_by_cat: Counter[str] = Counter()
    touched_by_cat: Counter[str] = Counter()
    segments = 0
    with tempfile.TemporaryDirectory() as tmp:
        for (system, doc), segs in sorted(docs.items()):
            segs.sort(key=lambda r: int(r["seg_id"]))
            # One segment per line; a target that spans lines keeps its line breaks as spaces.
            texts = [" ".join(r["target"].split()) or "-" for r in segs]
            path = Path(tmp) / f"{system}.{doc}.txt"
            path.write_text("\n".join(texts) + "\n", encoding="utf-8")
            report = audit([path], AuditOptions(lang="en", source_lang="zh",
                                                ignore=("language", "fidelity")))
            segments += len(segs)
            found = defaultdict(list)
            for f in report.findings:
                for line in range(f.line, f.end_line + 1):
                    start = f.col - 1 if line == f.line else 0
                    end = f.end_col - 1 if line == f.end_line else len(texts[line - 1])
                    found[line - 1].append((f.code, start, end))
            for i, r in enumerate(segs):
                # MQM offsets index the original target; map them onto the whitespace-normalised line.
                target = r["target"]
                norm = " ".join(target.split())
                shift = 0 if norm == target else None
                spans = []
                for e in r["errors"]:
                    if e.get("start") is None or shift is None:
                        continue
                    spans.append((e["category"], e["start"], max(e["end"], e["start"] + 1)))
                for cat, _, _ in spans:
                    spans_by_cat[cat] += 1
                for code, s, e in found[i]:
                    findings_by_code[code] += 1
                    if any(s < b and a < e for _, a, b in spans):
                        hits_by_code[code] += 1
                for cat, a, b in spans:
                    if any(s < b and a < e for _, s, e in found[i]):
                        touched_by_cat[cat] += 1
    print(f"{len(docs)} documents, {segments} segments, 15 systems\n")
    print("| check | findings | overlap a rater span | precision vs MQM |\n|---|---:|---:|---:|")
    for code in sorted(findings_by_code):
        n, h = findings_by_code[code], hits_by_code[code]
        print(f"| {code} | {n} | {h} | {h / n:.0%} |")
    n, h = sum(findings_by_code.values()), sum(hits_by_code.values())
    print(f"| all | {n} | {h} | {h / n:.0%} |" if n else "| all | 0 | 0 | - |")
    print("\n| MQM category | rater spans | touched by a finding | share |\n|---|---:|---:|---:|")
    for cat, n in spans_by_cat.most_common():
        print(f"| {cat} | {n} | {touched_by_cat[cat]} | {touched_by_cat[cat] / n:.1%} |")


if __name__ == "__main__":
    main()
