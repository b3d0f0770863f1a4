"""Draw findings for a blind precision judgement (run by hand).

Reads the findings that ``wmt23_eval.py --dump FILE`` wrote (the audit with ``--source`` over
every WMT23 system output), keeps the warnings and errors on MT output, and draws up to ``--per``
findings per code at random (seeded).  The sample file holds positions (pair, system, line,
column), the message and the flagged words.  The message and the flagged words quote WMT23 text,
which no licence lets the project copy, so the sample is written to ``benchmarks/out/`` (ignored
by git) and never committed; a sample is regenerated from the shared data with the commands below
(the same ``--seed`` and tree draw the same sample).  ``--render`` prints what a blind judge may
see: the message, the flagged text, the target paragraph around it and the aligned source, no
system name, no severity.  The judge fills in ``verdict`` ("real" or "false").

    python benchmarks/wmt23_eval.py --no-mqm --dump /tmp/wmt23.jsonl
    python benchmarks/wmt23_sample.py /tmp/wmt23.jsonl        # -> benchmarks/out/wmt23-sample.jsonl
    python benchmarks/wmt23_sample.py --render benchmarks/out/wmt23-sample.jsonl > /tmp/judge.jsonl
    python benchmarks/wmt23_sample.py --score JUDGED.jsonl

``--score`` prints the precision table of a judged file.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

HUMAN = "Human-refA"
# ignored by git: a sample quotes WMT23 words (messages, flagged text)
DEFAULT_OUT = Path(__file__).resolve().parent / "out" / "wmt23-sample.jsonl"
sys.path.insert(0, str(Path(__file__).resolve().parent))


def _context(target: str, col: int, width: int = 400) -> str:
    start = max(0, col - 1 - width // 2)
    return ("…" if start else "") + target[start : start + width] + (
        "…" if start + width < len(target) else "")


def _lines(path: Path, cache: dict[Path, list[str]]) -> list[str]:
    if path not in cache:
        cache[path] = path.read_text(encoding="utf-8").splitlines()
    return cache[path]


def render(path: Path) -> list[dict[str, object]]:
    """What a blind judge sees of each sampled finding: the text comes from ../shared/data (WMT23
    has no licence that lets the project copy it, so the sample file holds positions only)."""
    from wmt23_eval import WMT, pairs

    files = {(pair, system): (source, target) for pair, source, systems in pairs()
             for system, target in systems.items()}
    cache: dict[Path, list[str]] = {}
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        source, target = files[(d["pair"], d["system"])]
        n = int(d["line"])
        out.append({"id": d["id"], "code": d["code"], "message": d["message"],
                    "flagged": d["flagged"],
                    "target": _context(_lines(target, cache)[n - 1], int(d["col"])),
                    "source": _lines(source, cache)[n - 1], "verdict": d.get("verdict")})
    assert WMT.exists()
    return out


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
                "pair": d["pair"],
                "system": d["system"],
                "line": d["line"],
                "col": d["col"],
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
    parser.add_argument("-o", "--output", type=Path, default=DEFAULT_OUT,
                        help="where the sample goes (default: benchmarks/out/wmt23-sample.jsonl, "
                             "ignored by git; '-' for stdout)")
    parser.add_argument("--per", type=int, default=12)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--score", type=Path, help="print the precision of a judged sample")
    parser.add_argument("--render", type=Path,
                        help="print a sample as the blind judge sees it (text from shared data)")
    args = parser.parse_args()
    if args.score:
        score(args.score)
        return
    if args.render:
        for row in render(args.render):
            print(json.dumps(row, ensure_ascii=False))
        return
    if not args.dump:
        parser.error("a dump file is needed (wmt23_eval.py --dump)")
    rows = sample(args.dump, args.per, args.seed)
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    if str(args.output) != "-":
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(text, encoding="utf-8")
    else:
        print(text, end="")


if __name__ == "__main__":
    main()
