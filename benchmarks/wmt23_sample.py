"""Draw findings for a blind precision judgement (run by hand).

Reads the findings that ``wmt23_eval.py --dump FILE`` wrote (the audit with ``--source`` over
every WMT23 system output), keeps the warnings and errors on MT output, and draws up to ``--per``
findings per code at random (seeded).  Each sampled finding is written with only what a blind
judge may see: the check's message, the flagged text, the target paragraph and its aligned
source; no system name, no severity.  The judge fills in ``verdict`` ("real" or "false").

    python benchmarks/wmt23_eval.py --no-mqm --dump /tmp/wmt23.jsonl
    python benchmarks/wmt23_sample.py /tmp/wmt23.jsonl -o benchmarks/judging/wmt23-sample.jsonl
    python benchmarks/wmt23_sample.py --score benchmarks/judging/wmt23-sample.jsonl

``--score`` prints the precision table of a judged file.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter, defaultdict
from pathlib import Path

HUMAN = "Human-refA"


def _context(target: str, col: int, width: int = 400) -> str:
    start = max(0, col - 1 - width // 2)
    return ("…" if start else "") + target[start : start + width] + (
        "…" if start + width < len(target) else "")


def sample(dump: Path, per: int, seed: int) -> list[dict[str, object]]:
    by_code: dict[str, list[dict[str, object]]] = defaultdict(list)
    for line in dump.read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        if d["system"] == HUMAN or d["severity"] not in ("warning", "error"):
            continue
        by_code[d["code"]].append(d)
    rng = random.Random(seed)
    out: list[dict[str, object]] = []
    for code in sorted(by_code):
        rows = by_code[code]
        for d in rng.sample(rows, min(per, len(rows))):
            out.append({
                "id": f"{code}-{len(out):04d}",
                "code": code,
                "message": d["message"],
                "flagged": d["text"],
                "target": _context(str(d["target"]), int(d["col"])),
                "source": d["source"],
                "verdict": None,
            })
    return out


def score(path: Path) -> None:
    real: Counter[str] = Counter()
    judged: Counter[str] = Counter()
    for line in path.read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        if d.get("verdict") in ("real", "false"):
            judged[d["code"]] += 1
            real[d["code"]] += d["verdict"] == "real"
    print("| code | judged | real | precision |\n|---|---:|---:|---:|")
    for code in sorted(judged):
        print(f"| {code} | {judged[code]} | {real[code]} | {real[code] / judged[code]:.0%} |")
    n, r = sum(judged.values()), sum(real.values())
    if n:
        print(f"| all | {n} | {r} | {r / n:.0%} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dump", type=Path, nargs="?")
    parser.add_argument("-o", "--output", type=Path)
    parser.add_argument("--per", type=int, default=12)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--score", type=Path, help="print the precision of a judged sample")
    args = parser.parse_args()
    if args.score:
        score(args.score)
        return
    if not args.dump:
        parser.error("a dump file is needed (wmt23_eval.py --dump)")
    rows = sample(args.dump, args.per, args.seed)
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    if args.output:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(text, encoding="utf-8")
    else:
        print(text, end="")


if __name__ == "__main__":
    main()
