"""What TQ601's search costs as the calque packs into English grow (run by hand).

Each pattern of every built-in pack into English is copied ``N - 1`` times under new ids (the
same regex, keywords and shipped analysis), and the speed corpus of ``audit_speed.py`` (about
25,000 English sentences, ``--lang en``) is read in a fresh process for each ``N`` of ``--times``,
the processes alternating over ``--rounds``.  Each prints, in CPU time (the host is shared: wall
time counts other programs), the best of its repetitions:

* ``strong``: the strong patterns' search over every line (``_Setup.strong()._find``, no memo):
  what TQ601 pays on text without a source language, where only these run on every segment;
* ``others``: the other patterns' search over every line (run where a source language is known,
  or near a strong match);
* ``audit`` and ``audit -601``: the whole audit (warm) with and without TQ601 and TQ602: their
  share of the audit, as far as the host's noise lets it show.

Copies are the worst case for the token index: a copy is selected by every text that selects its
original, so each copy costs what its original costs.  New entries with words of their own cost
only where their words occur.  The last column is the added cost of the strong search per 100
added entries into English (against ``N = 1``).

    python benchmarks/calque_pack_cost.py [--times 1 2 4] [--rounds 2]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import dataclasses, json, sys, time
sys.path.insert(0, sys.argv[2])
from audit_speed import corpus_text
from tqcheck.checks import calque

copies = int(sys.argv[1])
packs = calque.builtin_packs()


def grown(pack):
    if "en" not in pack.targets or copies == 1:
        return pack
    patterns = list(pack.patterns)
    for k in range(1, copies):
        patterns += [dataclasses.replace(p, id=f"{p.id}-copy{k}") for p in pack.patterns]
    return dataclasses.replace(pack, patterns=tuple(patterns))


packs = tuple(map(grown, packs))
calque.builtin_packs = lambda: packs
calque._builtin_setup.cache_clear()

from tqcheck.audit import AuditOptions, audit_text

text = corpus_text()
lines = [line for line in text.split("\n") if line.strip()]
setup = calque._builtin_setup("en", None)
strong = setup.strong()
others = setup.others(frozenset(id(p) for p in setup.packs))


def best(fn, n):
    out = float("inf")
    for _ in range(n):
        start = time.process_time()
        fn()
        out = min(out, time.process_time() - start)
    return out


def search(part):
    for line in lines:
        part._find(line)


search(strong)  # the analysis of patterns the shipped file lacks, made once
search(others)
audit_text(text, AuditOptions(lang="en"))
without = AuditOptions(lang="en", ignore=("TQ601", "TQ602"))
audit_text(text, without)
print(json.dumps({
    "patterns": len(setup.patterns), "strong_patterns": len(strong.patterns),
    "strong": best(lambda: search(strong), 3), "others": best(lambda: search(others), 3),
    "audit": best(lambda: audit_text(text, AuditOptions(lang="en")), 2),
    "without": best(lambda: audit_text(text, without), 2),
}))
"""


def measure(copies: int) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", CHILD, str(copies), str(ROOT / "benchmarks")],
                         env=env, capture_output=True, text=True, cwd=ROOT)
    if out.returncode != 0:
        raise SystemExit(f"the child failed:\n{out.stderr[-3000:]}")
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--times", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    runs: dict[int, list[dict[str, float]]] = {n: [] for n in args.times}
    for _ in range(args.rounds):
        for n in args.times:
            runs[n].append(measure(n))
    best = {n: {k: min(r[k] for r in rs) for k in rs[0]} for n, rs in runs.items()}
    print(f"{'N':>3}{'patterns':>10}{'strong':>8}{'strong ms':>11}{'others ms':>11}"
          f"{'audit ms':>10}{'audit -601':>12}{'601+602':>9}{'ms/100 strong':>15}")
    one = best.get(1)
    for n, r in best.items():
        added = (r["patterns"] - one["patterns"]) if one else 0
        per = ((r["strong"] - one["strong"]) * 1e3 / added * 100) if one and added else None
        print(f"{n:>3}{r['patterns']:>10.0f}{r['strong_patterns']:>8.0f}"
              f"{r['strong'] * 1e3:>11.0f}{r['others'] * 1e3:>11.0f}{r['audit'] * 1e3:>10.0f}"
              f"{r['without'] * 1e3:>12.0f}{(r['audit'] - r['without']) * 1e3:>9.0f}"
              + (f"{per:>15.1f}" if per is not None else f"{'':>15}"))


if __name__ == "__main__":
    main()
